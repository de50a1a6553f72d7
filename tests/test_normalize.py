"""Comparison keys fold what extraction broke, and nothing the drafters changed."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prstdiff import normalize
from prstdiff.normalize import comparison_key, display_words, key_words


def test_quotes_dashes_case_and_spacing_fold() -> None:
    assert comparison_key("The Council\u2019s  “role”\n in peace-building") == comparison_key(
        'the council\'s "role" in peace\u2011building'
    )
    assert comparison_key("“The Security Council reaffirms.”") == "the security council reaffirms"


def test_joined_words_meet_their_hyphenated_spelling() -> None:
    assert comparison_key("the SecretaryGeneral") == comparison_key("the Secretary-General")
    assert comparison_key("Councilmandated tasks") == comparison_key("Council-mandated tasks")


def test_words_split_by_extraction_are_rejoined() -> None:
    assert key_words("inclu ding the o ngoing di plomacy") == [
        "including",
        "the",
        "ongoing",
        "diplomacy",
    ]
    # Splits found in the corpus's pdftotext documents: a tail that no English word ends with
    # (``includ ing``, ``internat ional``), a fragment too short to be a word (``othe r``,
    # ``su ch``), a word opening with letters no English word opens with (``i nto``, ``a nd``).
    assert comparison_key("includ ing othe r shari ng internat ional su ch i nto a nd") == (
        "including other sharing international such into and"
    )
    assert comparison_key("the women’ s work") == comparison_key("the women’s work")
    # Real short words are never glued to their neighbours.
    assert key_words("to be in an area of peace") == ["to", "be", "in", "an", "area", "of", "peace"]
    assert key_words("subparagraphs (b) and (c) above") == [
        "subparagraphs",
        "b",
        "and",
        "c",
        "above",
    ]


def test_leading_numbering_and_footnote_marks_are_not_language() -> None:
    assert comparison_key("12. Decides to remain seized of the matter.") == (
        "decides to remain seized of the matter"
    )
    assert comparison_key("(a) Acceptance of the provisions") == "acceptance of the provisions"
    assert comparison_key("(iv) Acceptance") == "acceptance"
    assert comparison_key("the report of 4 March 1994 1/ on his mission") == (
        "the report of 4 march 1994 on his mission"
    )
    # Numbers inside the text stay: they are the language of the Council.
    assert key_words("resolution 60/180 and 1631 (2005)") == [
        "resolution",
        "60",
        "180",
        "and",
        "1631",
        "2005",
    ]


def test_changed_words_stay_different() -> None:
    assert comparison_key("full, equal and meaningful") != comparison_key(
        "full, effective and meaningful"
    )
    assert comparison_key("peacekeeping") != comparison_key("peacebuilding")


def test_compatibility_forms_fold() -> None:
    assert comparison_key("ﬁnancial ﬂows") == "financial flows"
    assert comparison_key("Ａrticle\u00a041") == "article 41"


def test_display_words_keep_every_character() -> None:
    assert display_words("Decides to remain  seized.") == ["Decides ", "to ", "remain  ", "seized."]
    assert display_words("  leading space") == ["  ", "leading ", "space"]
    assert display_words("") == []


@given(st.text())
def test_display_words_are_lossless(text: str) -> None:
    assert "".join(display_words(text)) == text


@given(st.text())
def test_comparison_key_ignores_spacing_and_quotes(text: str) -> None:
    key = comparison_key(text)
    assert key == " ".join(key_words(text))
    assert "  " not in key and key == key.strip()
    respaced = "\n " + text.replace(" ", " \t ").replace("\u201c", '"') + " \u201d"
    assert comparison_key(respaced) == key


def test_soft_hyphens_and_zero_width_characters_are_invisible() -> None:
    assert comparison_key("peace\u00adkeeping opera\u200btions") == "peacekeeping operations"


def test_examples_in_docstrings() -> None:
    import doctest

    import prstdiff.normalize

    results = doctest.testmod(prstdiff.normalize)
    assert (results.attempted, results.failed) == (3, 0)


def _reference_key_words(text: str) -> list[str]:
    # The plain implementation ``key_words`` replaced: every step on every paragraph, word by word.
    folded = unicodedata.normalize("NFKC", text).translate(normalize._INVISIBLE)
    folded = normalize._LEADING_NUMBERING.sub("", folded, count=1)
    folded = normalize._FOOTNOTE_MARK.sub(" ", folded)
    originals: list[str] = []
    gaps: list[str] = []
    end = 0
    for match in normalize._WORD.finditer(folded):
        originals.append(match[0])
        gaps.append(folded[end : match.start()])
        end = match.end()
    words = [re.sub(r"[-‐‑–'’]", "", word).casefold() for word in originals]
    return normalize._join_split_words(words, originals, gaps)


# Pieces that exercise every branch: corpus words, real short words, fragments and tail fragments
# of split words, capitals, possessives, numbering, footnote marks, symbols, and characters that
# NFKC or casefold change (``ß`` and ``İ`` grow, ``ﬁ`` splits, ``ſ`` becomes ``s``, ``Ǆ``).
_PIECE_TEXT = (
    "the Security Council recognizes SecretaryGeneral Secretary-General peace‑building "
    "Council’s women’ s women' s S S/PRST/2004/27 includ ing inclu ding o ngoing di plomacy "
    "othe r shari ng internat ional su ch i nto a nd to be in an of b c iv ii mr Mr UN ré "
    "résolution État la le de ing tion ive tes nd ngoing pproach th sc 12. (a) (iv) 1/ 60/180 "
    "1994 ß Straße ﬁnancial ﬂows ſ İ Ǆ \u0345 Ａrticle peace\u00adkeeping opera\u200btions "
    "_ __init__ a_b “ ” ‘ ’ ' - – ‐ ‑ « ; , . / é ñ ǆ st bl xy z zo"
)
_PIECES = tuple(_PIECE_TEXT.split())
_GAPS = ("", " ", " ", "  ", "\n", "\u00a0", "-", "’", "’ ", "' ", "/", "_", "“", " (", ". ")


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_PIECES) | st.text(max_size=3),
            st.sampled_from(_GAPS),
        ),
        max_size=30,
    )
)
def test_key_words_fast_path_matches_plain_reference(parts: list[tuple[str, str]]) -> None:
    text = "".join(piece + gap for piece, gap in parts)
    assert key_words(text) == _reference_key_words(text)


@given(st.text())
def test_key_words_matches_plain_reference_on_any_text(text: str) -> None:
    assert key_words(text) == _reference_key_words(text)
