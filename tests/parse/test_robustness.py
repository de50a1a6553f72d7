"""The reader under hostile text: stray adoption lines, invisible characters, misspelt adoption
lines and UTF-32. Each made-up variant is built at test time from a real corpus document and
named ``madeup_...``; the expectation is the real document's own reading."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff import load
from prstdiff.cli import app
from prstdiff.errors import InputError
from prstdiff.model import Document, ParagraphKind
from prstdiff.parse import decode_text, parse_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
STRAY_ADOPTION = "Adopted unanimously at the 1102nd meeting."


def text_of(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def keyed(document: Document) -> list[tuple[str, str | None, str]]:
    return [(p.kind.value, p.number, p.text) for p in document.paragraphs]


def insert_line_before(text: str, opening: str, line: str) -> str:
    """``text`` with ``line`` inserted before the first line that starts with ``opening``."""
    lines = text.split("\n")
    at = next(i for i, existing in enumerate(lines) if existing.startswith(opening))
    return "\n".join([*lines[:at], line, *lines[at:]])


# --- an adoption line inside the body is text --------------------------------------------------


def test_adoption_line_inside_a_modern_resolution_is_a_paragraph() -> None:
    real = load(CORPUS / "S_RES_1809_2008.txt")
    variant = parse_text(
        insert_line_before(
            text_of("S_RES_1809_2008.txt"), "Recognizing that regional", STRAY_ADOPTION
        ),
        path="madeup_1809_with_stray_adoption.txt",
    )
    assert len(real.paragraphs) == 33
    assert len(variant.paragraphs) == 34
    stray = next(p for p in variant.paragraphs if p.text == STRAY_ADOPTION)
    assert stray.index == 6  # before "Recognizing that regional ...", ¶7 of the real text
    assert stray.kind is ParagraphKind.PREAMBULAR
    others = [item for item in keyed(variant) if item[2] != STRAY_ADOPTION]
    assert others == keyed(real)
    assert (variant.meeting, variant.vote) == (5868, real.vote)
    assert variant.source is not None and variant.source.warnings == ()


def test_lines_after_a_stray_adoption_line_are_not_read_as_footnotes() -> None:
    # S/RES/1283 (1999) breaks OP 2 as "... for a further period ending" / "15 June 2000;": after
    # a real adoption line a line opening with a number would be a footnote.
    real = load(CORPUS / "S_RES_1283_1999.txt")
    variant = parse_text(
        insert_line_before(
            text_of("S_RES_1283_1999.txt"), "Noting that the Government", STRAY_ADOPTION
        ),
        path="madeup_1283_with_stray_adoption.txt",
    )
    assert [item for item in keyed(variant) if item[2] != STRAY_ADOPTION] == keyed(real)
    assert variant.paragraphs[5].text == (
        "Decides to extend the mandate of UNFICYP for a further period ending 15 June 2000;"
    )


def test_adoption_line_between_operative_paragraphs_of_a_yearly_volume_is_text() -> None:
    real = load(CORPUS / "S_RES_186_1964.txt")
    variant = parse_text(
        insert_line_before(text_of("S_RES_186_1964.txt"), "4. Recommends", f"\n{STRAY_ADOPTION}\n"),
        path="madeup_186_with_stray_adoption.txt",
    )
    assert len(real.paragraphs) == 13
    assert [p.text for p in variant.paragraphs].count(STRAY_ADOPTION) == 1
    assert [item for item in keyed(variant) if item[2] != STRAY_ADOPTION] == keyed(real)
    # The real adoption line, after operative paragraph 8, still ends the text.
    assert variant.vote == "Adopted unanimously at the 1102nd meeting."
    assert [p.number for p in variant.paragraphs if p.number] == [str(n) for n in range(1, 9)]


def test_adoption_line_inside_a_statement_is_a_paragraph() -> None:
    real = load(CORPUS / "S_PRST_2007_42.txt")
    variant = parse_text(
        insert_line_before(
            text_of("S_PRST_2007_42.txt"), "“The Security Council underlines", STRAY_ADOPTION
        ),
        path="madeup_2007_42_with_stray_adoption.txt",
    )
    assert len(variant.paragraphs) == len(real.paragraphs) + 1
    assert [item for item in keyed(variant) if STRAY_ADOPTION not in item[2]] == keyed(real)
    assert variant.vote is None


# --- invisible characters never lose paragraphs ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "old", "new", "warning"),
    [
        (
            "madeup_soft_hyphens",
            "Security Council",
            "Secu\u00adrity Coun\u00adcil",
            "removed invisible characters from the text: soft hyphen (16)",
        ),
        (
            "madeup_zero_width_space",
            "The Security Council,",
            "The Security\u200b Council,",
            "removed invisible characters from the text: zero-width space (1)",
        ),
        (
            "madeup_zero_width_joiners",
            "regional",
            "re\u200cgio\u200dnal",
            "removed invisible characters from the text: zero-width non-joiner (31), "
            "zero-width joiner (31)",
        ),
        (
            "madeup_byte_order_mark_inside",
            "Adopted by",
            "\ufeffAdopted by",
            "removed invisible characters from the text: "
            "zero-width no-break space (byte-order mark) (1)",
        ),
    ],
)
def test_invisible_characters_are_removed_with_a_warning(
    name: str, old: str, new: str, warning: str
) -> None:
    real = load(CORPUS / "S_RES_1809_2008.txt")
    variant = parse_text(text_of("S_RES_1809_2008.txt").replace(old, new), path=f"{name}.txt")
    assert keyed(variant) == keyed(real)
    assert (variant.symbol, variant.date, variant.meeting, variant.vote) == (
        real.symbol,
        real.date,
        real.meeting,
        real.vote,
    )
    assert variant.source is not None
    assert variant.source.warnings == (warning,)


def test_a_soft_hyphen_ending_a_line_joins_the_word_without_a_warning() -> None:
    real = load(CORPUS / "S_RES_1809_2008.txt")
    text = text_of("S_RES_1809_2008.txt").replace(
        "Recognizing that regional organizations are well positioned to understand the",
        "Recognizing that regional organizations are well posi\u00ad\ntioned to understand the",
    )
    variant = parse_text(text, path="madeup_soft_hyphen_at_line_end.txt")
    assert keyed(variant) == keyed(real)
    assert variant.source is not None and variant.source.warnings == ()


# --- a misspelt adoption line never loses paragraphs -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Adopted by the Security Council at its", "Adopted by the Securty Council at its"),
        ("Adopted by the Security Council at its", "Adoptd by the Security Council at its"),
        ("Adopted by the Security Council at its", "Adopted by teh Security Council at its"),
    ],
)
def test_misspelt_heading_adoption_line_is_read_with_a_warning(old: str, new: str) -> None:
    real = load(CORPUS / "S_RES_1809_2008.txt")
    variant = parse_text(
        text_of("S_RES_1809_2008.txt").replace(old, new, 1), path="madeup_misspelt_adoption.txt"
    )
    assert keyed(variant) == keyed(real)
    assert (variant.date, variant.meeting) == (real.date, 5868)
    misspelt = f"{new} 5868th meeting, on 16 April 2008"
    assert variant.vote == misspelt
    assert variant.source is not None
    assert variant.source.warnings == (f"read a misspelt adoption line as one: {misspelt!r}",)


def test_misspelt_adoption_line_of_a_yearly_volume_still_ends_the_text() -> None:
    real = load(CORPUS / "S_RES_186_1964.txt")
    variant = parse_text(
        text_of("S_RES_186_1964.txt").replace("Adopted unanimously", "Adoptd unanimously"),
        path="madeup_186_misspelt_adoption.txt",
    )
    assert keyed(variant) == keyed(real)
    assert variant.vote == "Adoptd unanimously at the 1102nd meeting."
    assert variant.meeting == 1102
    assert variant.source is not None
    assert variant.source.warnings == (
        "read a misspelt adoption line as the end of the text: "
        "'Adoptd unanimously at the 1102nd meeting.'",
    )


def test_words_far_from_adopted_are_no_adoption_line() -> None:
    # "Accepted" is two slips from "Adopted": the line stays a paragraph, and nothing is lost.
    real = load(CORPUS / "S_RES_186_1964.txt")
    variant = parse_text(
        text_of("S_RES_186_1964.txt").replace("Adopted unanimously", "Accepted unanimously"),
        path="madeup_186_accepted.txt",
    )
    assert variant.vote is None
    assert keyed(variant)[: len(real.paragraphs)] == keyed(real)
    assert variant.paragraphs[len(real.paragraphs)].text.startswith("Accepted unanimously")


# --- UTF-32 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("encoding", ["utf-32", "utf-32-le", "utf-32-be"])
def test_utf_32_with_its_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    real = load(CORPUS / "S_PRST_2007_42.txt")
    text = text_of("S_PRST_2007_42.txt")
    # Python's "utf-32" writes the mark; the explicit byte orders need it added.
    mark = {"utf-32": "", "utf-32-le": "\ufeff", "utf-32-be": "\ufeff"}[encoding]
    path = tmp_path / f"madeup_2007_42_{encoding}.txt"
    path.write_bytes((mark + text).encode(encoding))
    variant = load(path)
    assert keyed(variant) == keyed(real)
    assert variant.symbol == "S/PRST/2007/42"


def test_broken_utf_32_is_one_input_error() -> None:
    data = "\ufeffmadeup".encode("utf-32-le") + b"\xff\xff\xff\xff"
    with pytest.raises(InputError, match="invalid UTF-32"):
        decode_text(data, "madeup_broken.txt")


def test_utf_16_little_endian_is_still_utf_16() -> None:
    assert decode_text("\ufeffmadeup text".encode("utf-16-le"), "madeup.txt") == "madeup text"


# --- inspect shows the warnings ----------------------------------------------------------------


def test_inspect_prints_each_warning_on_standard_error(tmp_path: Path) -> None:
    path = tmp_path / "madeup_soft_hyphens.txt"
    path.write_text(
        text_of("S_RES_1809_2008.txt").replace("Security Council", "Secu\u00adrity Council"),
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["inspect", str(path), "--width", "100"])
    assert result.exit_code == 0
    assert result.stderr == (
        f"prstdiff: {path}: warning: removed invisible characters from the text: soft hyphen (8)\n"
    )
    assert result.stdout.startswith("S/RES/1809 (2008)\n")
    assert "paragraphs  33 (introductory 1, preambular 14, operative 18)" in result.stdout
