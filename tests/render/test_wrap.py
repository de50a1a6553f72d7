"""Plain wrapping gives the lines rich gives, for every text it is used on."""

from __future__ import annotations

from io import StringIO

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from prstdiff.parse import load
from prstdiff.render.wrap import _NARROW, _NARROW_RANGES, is_narrow, wrap

from .conftest import CORPUS, NEW_NAME

CONSOLE = Console(file=StringIO(), width=200, color_system=None, highlight=False, markup=False)


def rich_lines(text: str, width: int) -> list[str]:
    """The lines the rich renderers print: rich's wrap, each line stripped on the right."""
    lines = []
    for line in Text(text).wrap(CONSOLE, width):
        line.rstrip()
        lines.append(line.plain)
    return lines


def test_every_narrow_character_takes_one_cell_in_rich() -> None:
    wider = [hex(ord(char)) for char in sorted(_NARROW) if cell_len(char) != 1]
    assert wider == []
    assert len(_NARROW) == sum(end - start + 1 for start, end in _NARROW_RANGES)


def test_what_is_not_narrow() -> None:
    assert is_narrow("Décide — “de proroger” → ¶3\nà l’unanimité, № 5, 10 €")
    assert not is_narrow("a\tb")  # rich expands tabs
    assert not is_narrow("安全理事会")  # two cells each
    assert not is_narrow("e\u0301")  # a combining accent takes none
    assert not is_narrow("co\u00adoperation")  # nor does a soft hyphen


def test_the_paragraphs_of_a_real_resolution_wrap_as_rich_wraps_them() -> None:
    document = load(CORPUS / NEW_NAME)
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert all(is_narrow(text) for text in texts)
    for width in (20, 33, 60, 96):
        assert [wrap(text, width) for text in texts] == [rich_lines(text, width) for text in texts]


NARROW_TEXT = st.text(
    alphabet=st.sampled_from([*"ab yz.,;-\n\u00a0\u2009", "é", "“", "”", "—", "→", "Ω"]),
    max_size=120,
)


@settings(max_examples=400, deadline=None)
@given(text=NARROW_TEXT, width=st.integers(min_value=1, max_value=40))
def test_wrap_gives_rich_lines_for_any_narrow_text(text: str, width: int) -> None:
    assert wrap(text, width) == rich_lines(text, width)


@settings(max_examples=200, deadline=None)
@given(
    word=st.text(alphabet=st.sampled_from(list("abc“")), min_size=1, max_size=90),
    spaces=st.text(alphabet=" ", max_size=5),
    width=st.integers(min_value=1, max_value=30),
)
def test_words_longer_than_the_line_fold_as_in_rich(word: str, spaces: str, width: int) -> None:
    text = f"{spaces}the {word}{spaces} end{spaces}"
    assert wrap(text, width) == rich_lines(text, width)
