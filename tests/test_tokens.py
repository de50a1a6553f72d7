"""The similarity stem: Snowball English, with the words that must never fold kept whole."""

from __future__ import annotations

import pytest

from prstdiff.tokens import stem


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("vii", "viii"),
        ("ii", "iii"),
        ("noting", "not"),
        ("none", "non"),
        ("no", "not"),
        ("committee", "committed"),
        ("2022", "2023"),
        ("may", "mai"),
    ],
)
def test_content_never_folds_away(left: str, right: str) -> None:
    assert stem(left) != stem(right)


@pytest.mark.parametrize(
    "forms",
    [
        ["organisation", "organization", "organizations", "organisations"],
        ["recognises", "recognizing", "recognized", "recognising"],
        ["labour", "labor"],
        ["centre", "centres", "center"],
        ["programme", "program", "programmes"],
        ["defence", "defense"],
        ["notes", "noting", "noted"],
    ],
)
def test_inflections_and_spellings_fold(forms: list[str]) -> None:
    assert len({stem(form) for form in forms}) == 1


def test_roman_numerals_numbers_and_months_are_kept_exactly() -> None:
    assert [stem(w) for w in ("viii", "xlii", "31st", "1990s", "january")] == [
        "viii",
        "xlii",
        "31st",
        "1990s",
        "january",
    ]
