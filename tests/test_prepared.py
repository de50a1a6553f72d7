"""Paragraph tokens worked out once and kept by text: the same tokens as computed afresh."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from prstdiff.align import stemmed_words
from prstdiff.compare import compare
from prstdiff.folding import fold_by_spaces, without_marks
from prstdiff.normalize import display_words, key_words
from prstdiff.parse import load
from prstdiff.prepared import clear_cache, paragraph_tokens

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_kept_tokens_are_the_tokens_of_the_text() -> None:
    document = load(CORPUS / "S_RES_2561_2021.txt")
    for paragraph in document.paragraphs:
        tokens = paragraph_tokens(paragraph.text)
        key = key_words(paragraph.text)
        assert tokens.key == tuple(key)
        assert tokens.stems == tuple(stemmed_words(" ".join(key)))
        assert tokens.display == tuple(display_words(paragraph.text))
        assert tokens.folded == tuple(fold_by_spaces(paragraph.text).split())


def test_a_text_is_tokenised_once() -> None:
    text = "Decides to extend the mandate of UNFICYP until 31 January 2022;"
    assert paragraph_tokens(text) is paragraph_tokens(text)
    clear_cache()
    words = "decides to extend the mandate of unficyp until 31 january 2022"
    assert paragraph_tokens(text).key == tuple(words.split(" "))


def test_a_comparison_is_the_same_with_tokens_kept_or_not() -> None:
    old = load(CORPUS / "S_RES_1820_2008.txt")
    new = load(CORPUS / "S_RES_1888_2009.txt")
    clear_cache()
    cold = compare(old, new)
    warm = compare(old, new)
    assert cold.pairs == warm.pairs
    assert cold.stats == warm.stats


@given(st.text(alphabet=st.sampled_from("ab. \t\n\u00a0\u2003"), max_size=30))
def test_only_the_first_display_token_can_be_spacing(text: str) -> None:
    # The phrase finder relies on it to find the words among the display tokens.
    tokens = display_words(text)
    assert [i for i, token in enumerate(tokens) if token.isspace()] in ([], [0])


@given(
    st.text(
        alphabet=st.sampled_from("aZ09_ .,;:-'\"()/\t\n\x1c\x00’‘“”–—…éß\u00a0\u0663"), max_size=40
    )
)
def test_marks_go_as_the_pattern_takes_them_out(text: str) -> None:
    assert without_marks(text) == re.sub(r"[^\w\s]+|_+", "", text)
