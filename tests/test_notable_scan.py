"""The notable-edit finder skips pattern scans that cannot match: each skip must be exact.

``prstdiff.notable`` tests a text for the words a pattern cannot match without before it runs the
pattern, and groups the qualifier phrases by first letter. These tests check, on made-up texts
built from the words that matter (and the characters that case-insensitive matching folds), that
every skipped scan would have found nothing and that the grouped pattern finds what the plain
list of phrases finds.
"""

from __future__ import annotations

import re
import string

from hypothesis import given, settings
from hypothesis import strategies as st

from prstdiff import notable
from prstdiff.model import Op, WordOp
from prstdiff.parse.metadata import find_citations

# Made-up fragments: the words the gates test for, in several cases, near misses, digits, the
# four characters case-insensitive patterns fold to ASCII letters, and punctuation.
WORDS = """
further fully deeply grave strongly urgent urgency immediately possible appropriate necessary
feasible delay principle soon as far where when if in the all with a of strongest terms matter
sense to extent practically achievable measures means action not no nor non-state
non-compliance neither cannot only later longer day days DAY Week week month Month year Years
calendar working within six 90 Chapter Chapters Article Articles VII VIII 8 of the Statute
Charter paragraph annex page rule item section resolution Resolution 1325 (2000) S/2021/5 19 20
2021 1,000 January July 31 per cent % Fully FURTHER İmmediately ſerious possıble \u212aeep
\u0130 \u0131 \u017f \u212a ’ “ ” , ; . - ( ) / \u0663
NOT Nor NEITHER Cannot non-governmental Non-State NON-PERMANENT No. No.5 5 12 (1999) or and
Chapter7 Resolutions RESOLUTION xnot _no 9no 'Article General Assembly resolutions (XV) 60
(1999) (2000) 60/1 A/RES/60/1 S/PRST/2010/1 S/RES/1325 vol. No.
May March December 12July 2July x3 June1999 1 2 05 2020 xMay September
"""
FRAGMENTS = tuple(WORDS.split())
TEXTS = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map(" ".join)


def test_case_insensitive_patterns_fold_exactly_four_characters_to_ascii_letters() -> None:
    every = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
    folded = {match[0] for match in re.finditer("[a-z]", every, re.IGNORECASE)}
    assert folded - set(string.ascii_letters) == set(notable._ASCII_FOLD_CHARS)


@settings(max_examples=300)
@given(TEXTS)
def test_a_skipped_scan_would_have_found_nothing(text: str) -> None:
    hints = notable._Hints(text)
    assert hints.digit == (re.search(r"\d", text) is not None)
    if not hints.figures():
        assert re.search(r"\d|Chapter|Article|[Dd]ay|[Ww]eek|[Mm]onth|[Yy]ear", text) is None
    words = notable._qualifier_hints()
    assert words is not None
    if not hints.any_of(words):
        assert notable._qualifier_pattern().search(text) is None
    if not hints.any_of(("no", "neither")):
        assert notable._NEGATION.search(text) is None
    if not hints.any_of(notable._PERIOD_UNITS):
        assert notable._PERIOD.search(text) is None
    if not (hints.digit and hints.any_of(notable._REFERENCE_WORDS)):
        assert notable._PARAGRAPH_REFERENCE.search(text) is None
    if not (hints.digit and any(month in text for month in notable._MONTH_NAMES)):
        assert notable._FULL_DATE.search(text) is None
        assert notable._DAY_MONTH.search(text) is None
    if "Chapter" not in text and "Article" not in text:
        assert notable._CHARTER.search(text) is None
    if "19" not in text and "20" not in text:
        assert notable._YEAR.search(text) is None
    if not hints.digit:
        assert notable._FIGURE.search(text) is None
        assert notable._citations(text, None) == []
    if "esolution" not in text:
        assert notable._YEARLESS_RESOLUTION.search(text) is None
    if not notable._may_cite(text):
        assert find_citations(text) == ()
    if "/" not in text:
        spans = [m.span() for m in notable._RESOLUTION_REFERENCE.finditer(text)]
        assert spans == [m.span() for m in notable._RESOLUTION_NUMBER.finditer(text)]


@settings(max_examples=300)
@given(TEXTS)
def test_the_grouped_qualifier_pattern_finds_what_the_plain_list_finds(text: str) -> None:
    table = notable.formula_table()
    phrases = sorted({*table.stronger, *table.weaker}, key=len, reverse=True)
    plain = "|".join(r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases)
    pattern = re.compile(rf"\b(?:{plain})\b", re.IGNORECASE)
    found = [(m.span(), m[0]) for m in notable._qualifier_pattern().finditer(text)]
    assert found == [(m.span(), m[0]) for m in pattern.finditer(text)]


@given(st.text(alphabet=st.sampled_from("ab,. \t\n\u00a0\u2003\x1c"), max_size=40))
def test_a_formula_token_starts_where_the_regex_finds_it(text: str) -> None:
    tokens = text.split()
    starts = [match.start() for match in re.finditer(r"\S+", text)]
    assert [notable._token_start(text, tokens, index) for index in range(len(tokens))] == starts


# Made-up: a formula behind a long clause, read from words the finder reaches only past it.
ASIDE = (
    "The Security Council, while maintaining the primary responsibility for the maintenance "
    "of international peace and security under the Charter of the United Nations and "
    "recalling its previous resolutions on the matter, "
)


def test_made_up_formula_after_a_long_aside() -> None:
    edits = notable.notable_edits(
        ASIDE + "encourages the parties to talk", ASIDE + "strongly urges the parties to talk"
    )
    assert [(e.kind.value, e.old, e.new, e.direction, e.ops) for e in edits] == [
        ("formula", "encourages", "strongly urges", "stronger", (1, 3)),
        ("qualifier", None, "strongly", "stronger", (2, 3)),
    ]
    edits = notable.notable_edits(
        ASIDE + "condemns the attack", ASIDE + "condemns in the strongest terms the attack"
    )
    assert [(e.kind.value, e.old, e.new, e.direction, e.ops) for e in edits] == [
        ("formula", "condemns", "condemns in the strongest terms", "stronger", (1, 2)),
        ("qualifier", None, "in the strongest terms", "stronger", (1, 2)),
    ]


# The plain forms of the patterns that open with a set of characters (``X(?<!\w.)`` for ``\bX``).
PLAIN = {
    "_NEGATION": (
        r"\b(?:(not)(?!\s+only\b)|(no)(?!\s+later\b|\.\s*\d|\s+longer\b)|(neither)|(nor)|(cannot))\b"
        r"|\b(non-(?!governmental|state|proliferation|permanent|aligned|self-governing)\w+)",
        re.IGNORECASE,
    ),
    "_RESOLUTION_NUMBER": (notable._RESOLUTION_NUMBERS, re.IGNORECASE),
    "_CHARTER": (
        r"\b(Chapters?|Articles?)\s+((?:[IVXL]+|\d+)(?:\s*(?:,|and|or|,\s*and)\s*(?:[IVXL]+|\d+)\b)*)",
        0,
    ),
    "_YEARLESS_RESOLUTION": (r"\b[Rr]esolution\s+(\d{1,4})\b(?!\s*\(\d{4}\))", 0),
    "_DAY_MONTH": (rf"\b(\d{{1,2}})\s*({notable._MONTHS})\b", 0),
}


@settings(max_examples=400)
@given(TEXTS, st.sampled_from(sorted(PLAIN)))
def test_a_pattern_opening_with_a_set_finds_what_its_plain_form_finds(text: str, name: str) -> None:
    source, flags = PLAIN[name]
    plain = re.compile(source, flags)
    found = [(m.span(), m[0]) for m in getattr(notable, name).finditer(text)]
    assert found == [(m.span(), m[0]) for m in plain.finditer(text)]
    if name in ("_CHARTER", "_YEARLESS_RESOLUTION", "_DAY_MONTH"):
        groups = [m.groups() for m in getattr(notable, name).finditer(text)]
        assert groups == [m.groups() for m in plain.finditer(text)]


def test_made_up_negations_by_the_set_pattern() -> None:
    text = "Cannot act; not only this, no later than, NOR that, non-state, non-compliance, No. 5"
    found = [m[0] for m in notable._NEGATION.finditer(text)]
    assert found == ["Cannot", "NOR", "non-compliance"]


@settings(max_examples=400)
@given(TEXTS)
def test_the_qualifier_phrases_a_text_may_hold_find_what_all_of_them_find(text: str) -> None:
    found = [(m.span(), m[0]) for m in notable._qualifier_matches(text, notable._Hints(text))]
    assert found == [(m.span(), m[0]) for m in notable._qualifier_pattern().finditer(text)]


def test_each_folded_character_matches_its_letter_under_ignorecase() -> None:
    for code, letter in notable._ASCII_FOLD.items():
        assert re.fullmatch(str(letter), chr(code), re.IGNORECASE)
        assert chr(code) in notable._LETTER_CASES[str(letter)]


def test_made_up_qualifiers_found_with_the_phrases_the_text_may_hold() -> None:
    text = "DEEPLY regrets, acting ſeriously and fully, as ſoon as poſſible, İmmediately; deepen"
    found = [m[0] for m in notable._qualifier_matches(text, notable._Hints(text))]
    assert found == ["DEEPLY", "ſeriously", "fully", "as ſoon as poſſible", "İmmediately"]


# Made-up openings: numbering, subjects, asides, formulas, intensifiers and commas.
OPENING_TEXT = """
1. (a) The Security Council Council, It is while, in recalling, further also once again
strongly deeply condemns in the strongest terms takes note with appreciation of its demand
urges, encourages calls upon the parties to act, and ; “Decides” 2021
"""
OPENING_WORDS = tuple(OPENING_TEXT.split())
HEADS = (
    "",
    "The Security Council, ",
    "1. The Security Council is ",
    "The Council, while ",
    ASIDE,
    ASIDE[:-2] + " ",
)
OPENINGS = st.tuples(
    st.sampled_from(HEADS), st.lists(st.sampled_from(OPENING_WORDS), max_size=40).map(" ".join)
).map("".join)
TAILS = st.lists(st.sampled_from(OPENING_WORDS), max_size=30).map(" ".join)


@settings(max_examples=500)
@given(OPENINGS, TAILS, TAILS, st.sampled_from([(8, 48), (3, 4), (2, 0), (1, 20)]))
def test_a_formula_read_once_for_the_same_opening_is_the_one_read_again(
    same: str, old_tail: str, new_tail: str, limits: tuple[int, int]
) -> None:
    options = notable.NotableOptions(formula_words=limits[0], aside_words=limits[1])
    ops = [WordOp(Op.EQUAL, same + " "), WordOp(Op.DELETE, old_tail), WordOp(Op.INSERT, new_tail)]
    views = notable._Views.of(ops)
    table = notable.formula_table()
    lead, read = notable._lead(views.old, table, options)
    if notable._same_opening(views, options, read):
        assert notable._lead(views.new, table, options)[0] == lead
