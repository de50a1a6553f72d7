"""Metadata from real documents and made-up fragments: symbol, date, meeting, citations."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from prstdiff import load
from prstdiff.model import CitationKind, DocumentKind
from prstdiff.parse import parse_text
from prstdiff.parse.metadata import (
    document_kind,
    find_citations,
    find_date,
    find_item,
    find_meeting,
    find_symbol,
    parse_date,
)

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"
SEED = HERE.parent / "fixtures" / "S_PRST_2007_42.onecol.txt"

ITEM = (
    "The role of regional and subregional organizations in the maintenance of international "
    "peace and security"
)


@pytest.mark.parametrize("path", [SEED, CORPUS / "S_PRST_2007_42.txt"], ids=["onecol", "wrapped"])
def test_seed_metadata(path: Path) -> None:
    document = load(path)
    assert document.symbol == "S/PRST/2007/42"
    assert document.kind is DocumentKind.PRESIDENTIAL_STATEMENT
    assert document.date == dt.date(2007, 11, 6)
    assert document.meeting == 5776
    assert document.item == ITEM
    assert document.title == "Statement by the President of the Security Council"
    assert document.vote is None
    assert [(c.symbol, c.kind) for c in document.citations] == [
        ("S/RES/1625 (2005)", CitationKind.RESOLUTION),
        ("S/RES/1631 (2005)", CitationKind.RESOLUTION),
        ("S/RES/1645 (2005)", CitationKind.RESOLUTION),
        ("A/RES/60/180", CitationKind.GENERAL_ASSEMBLY_RESOLUTION),
        ("S/PRST/2007/7", CitationKind.PRESIDENTIAL_STATEMENT),
    ]


def test_resolution_1809_metadata() -> None:
    document = load(CORPUS / "S_RES_1809_2008.txt")
    assert document.symbol == "S/RES/1809 (2008)"
    assert document.kind is DocumentKind.RESOLUTION
    assert document.date == dt.date(2008, 4, 16)
    assert document.meeting == 5868
    assert document.title == "Resolution 1809 (2008)"
    assert document.item is None
    assert [c.symbol for c in document.citations] == [
        "S/RES/1625 (2005)",
        "S/RES/1631 (2005)",
        "S/PRST/2004/27",
        "S/PRST/2004/44",
        "S/PRST/2007/7",
        "S/PRST/2007/31",
        "S/PRST/2007/42",
        "S/RES/1325 (2000)",
        "S/RES/1612 (2005)",
        "S/RES/1674 (2006)",
        "S/2008/186",
        "S/2008/18",
    ]


def test_resolution_186_of_1964_metadata() -> None:
    document = load(CORPUS / "S_RES_186_1964.txt")
    assert document.symbol == "S/RES/186 (1964)"
    assert document.date == dt.date(1964, 3, 4)
    assert document.meeting == 1102
    assert document.vote == "Adopted unanimously at the 1102nd meeting."
    assert document.title == "Resolution 186 (1964)"
    # "vol. 382 (1960)" in the footnote is a treaty series volume, and the footnote is gone.
    assert document.citations == ()


def test_yearly_volume_heading_variants() -> None:
    assert find_symbol("Resolution 290\nof 8 December 1970") == "S/RES/290 (1970)"
    assert find_symbol("Resolution 361 (197-4)\nof 30 August 1974") == "S/RES/361 (1974)"
    assert find_symbol("RESOLUTION 761 (1992)\n\nAdopted by the Security Council") == (
        "S/RES/761 (1992)"
    )
    assert find_symbol("1 (1946) Resolution of 25 January 1946") == "S/RES/1 (1946)"
    # A misread year in the heading yields to the date of adoption under it.
    assert find_symbol("Resolution 434 (1973)\nof 18 September 1978") == "S/RES/434 (1978)"
    assert find_symbol("United Nations S/PRST/2007/042") == "S/PRST/2007/42"
    assert find_symbol("Some other text") is None


def test_resolution_290_without_year_in_heading() -> None:
    document = load(CORPUS / "S_RES_290_1970.txt")
    assert document.symbol == "S/RES/290 (1970)"
    assert document.date == dt.date(1970, 12, 8)


def test_document_kind() -> None:
    assert document_kind("S/PRST/2007/42", "") is DocumentKind.PRESIDENTIAL_STATEMENT
    assert document_kind("S/RES/1 (1946)", "") is DocumentKind.RESOLUTION
    assert document_kind(None, "Madeup draft resolution") is DocumentKind.DRAFT
    assert document_kind(None, "A madeup letter") is DocumentKind.OTHER


def test_dates_and_meetings() -> None:
    assert parse_date("held on 6 November 2007, in") == dt.date(2007, 11, 6)
    assert parse_date("on 31 February 2007 and 1 March 2007") == dt.date(2007, 3, 1)
    assert parse_date("of 3 Apri] 1991") is None
    assert find_date("", "Distr.: General\n16 April 2008") == dt.date(2008, 4, 16)
    assert find_meeting("Adopted unanimously at the\n1102nd meeting.") == 1102
    assert find_meeting("At the 5776th meeting of the Security Council") == 5776
    assert find_meeting("Adopted at the 2d meeting") == 2
    assert find_meeting("no meeting here") is None


def test_agenda_item_in_either_quotation_marks() -> None:
    assert find_item('consideration of the item entitled "Madeup lighthouses", the') == (
        "Madeup lighthouses"
    )
    assert find_item("the item entitled “Madeup\nlighthouses and keepers”:") == (
        "Madeup lighthouses and keepers"
    )
    assert find_item("no item") is None


def test_citations_are_normalised_in_order_without_repeats() -> None:
    text = (
        "madeup resolutions 1625 (2005) and 1631 (2005), resolution 716 (1991), S/PRST/2007/7, "
        "S/PRST/2007/07, General Assembly resolutions 60/180 and 60/1, General Assembly "
        "resolution 1514 (XV), the report (S/2008/186), A/RES/61/295, resolution 1631 (2005) "
        "again, Treaty Series vol. 382 (1960), No. 5475 and S/26060/Add.1"
    )
    assert [(c.symbol, c.kind.value) for c in find_citations(text)] == [
        ("S/RES/1625 (2005)", "resolution"),
        ("S/RES/1631 (2005)", "resolution"),
        ("S/RES/716 (1991)", "resolution"),
        ("S/PRST/2007/7", "presidential statement"),
        ("A/RES/60/180", "general assembly resolution"),
        ("A/RES/60/1", "general assembly resolution"),
        ("A/RES/1514 (XV)", "general assembly resolution"),
        ("S/2008/186", "document"),
        ("A/RES/61/295", "general assembly resolution"),
        ("S/26060/Add.1", "document"),
    ]


def test_a_document_does_not_cite_itself() -> None:
    assert find_citations("resolution 1809 (2008)", "S/RES/1809 (2008)") == ()


def test_resolution_adopted_without_a_meeting() -> None:
    # Adopted by written procedure in 2021: "Adopted by the Security Council on 29 January 2021".
    document = load(CORPUS / "S_RES_2561_2021.txt")
    assert document.meeting is None
    assert document.date == dt.date(2021, 1, 29)
    assert document.vote == "Adopted by the Security Council on 29 January 2021"
    assert document.paragraphs[0].text == "The Security Council,"
    assert document.paragraphs[1].kind.value == "preambular"


# Documents of the corpus whose meeting number cannot be read, each checked in the file.
NO_MEETING = {
    # No adoption line in the source text.
    "S_RES_129_1958.txt": None,
    "S_RES_178_1963.txt": None,
    "S_RES_207_1965.txt": None,
    "S_RES_289_1970.txt": None,
    "S_RES_565_1985.txt": None,
    # Adopted (or issued) by written procedure during the COVID-19 pandemic, without a meeting.
    "S_RES_2561_2021.txt": "Adopted by the Security Council on 29 January 2021",
    "S_RES_2573_2021.txt": "Adopted by the Security Council on 27 April 2021",
    "S_PRST_2020_6.txt": None,
    # The meeting number is lost or garbled by the OCR.
    "S_RES_270_1969.txt": "Adopted at the meeting.",
    "S_RES_273_1969.txt": (
        "Adopted at the i520th meeting by 13 votes to none, with 2 abstentions (Spain, United "
        "States of America)."
    ),
    "S_RES_345_1974.txt": "Adopted without a vote at the 176I1st meeting.",
    "S_RES_349_1974.txt": (
        "Adopted at the 1771st meting by 14 votes to none, with 1 abstention (China)."
    ),
    "S_RES_379_1975.txt": "Adopted at the 18522nd meeting by consensus.",
    "S_RES_381_1975.txt": "Adopted at the ]8S6ih meeting by 13 votes to none.",
    "S_RES_493_1981.txt": "Adopted at the 23111th meeting by 14 votes to none.",
    "S_RES_696_1991.txt": "Adopted unanimously at the 299155 meeting",
    "S_RES_719_1991.txt": "Adopted unanimously at the 30i6th meeting.",
}
# Documents whose date cannot be read: the OCR garbled it ("of 14 October £964", "of 3f July
# 1989", "of 3 Apri] 1991", "on 10 Auqust 1993"), left out the day ("on January 1993"), or the
# heading has none (462 (1980)).
NO_DATE = [
    "S_RES_226_1966.txt",
    "S_RES_462_1980.txt",
    "S_RES_638_1989.txt",
    "S_RES_687_1991.txt",
    "S_RES_801_1993.txt",
    "S_RES_856_1993.txt",
]


def test_meeting_and_date_across_the_corpus() -> None:
    documents = {path.name: load(path) for path in sorted(CORPUS.glob("S_*.txt"))}
    missing_meeting = {
        name: document.vote for name, document in documents.items() if document.meeting is None
    }
    assert missing_meeting == NO_MEETING
    assert sorted(name for name, d in documents.items() if d.date is None) == NO_DATE
    for name, document in documents.items():
        if document.date is not None and document.kind is DocumentKind.RESOLUTION:
            # A resolution's symbol carries the year of its adoption.
            assert document.symbol is not None and f"({document.date.year})" in document.symbol, (
                name
            )


def test_ocr_misread_meeting_numbers() -> None:
    assert find_meeting("Adopted unanimously at the 1193rd_ meeting.") == 1193
    assert find_meeting("Adopted unanimously at the I364th meeting.") == 1364
    assert find_meeting("Adopted unanimously at the 283 1st meeting.") == 2831
    assert find_meeting("Adopted unanimously at the 3O93rd meeting.") == 3093
    assert find_meeting("Adopted unanimously at the 2714th (closed) meeting") == 2714
    assert find_meeting("Adopted by the Security Council at _its 3258th meeting,") == 3258


MADEUP_DRAFT = """United Nations S/2031/123

Security Council Distr.: General
3 May 2031

Original: English

Madeup draft resolution

The Security Council,

Recalling its madeup resolution 9998 (2031),

1. Decides to remain seized of the madeup matter.
"""


def test_madeup_draft_is_named_by_its_masthead_symbol() -> None:
    document = parse_text(MADEUP_DRAFT)
    assert document.symbol == "S/2031/123"
    assert document.kind is DocumentKind.DRAFT
    assert document.date == dt.date(2031, 5, 3)
    assert [c.symbol for c in document.citations] == ["S/RES/9998 (2031)"]
    assert [(p.kind.value, p.number) for p in document.paragraphs] == [
        ("introductory", None),
        ("preambular", None),
        ("operative", "1"),
    ]


def test_examples_in_docstrings() -> None:
    import doctest

    import prstdiff.parse.metadata
    import prstdiff.parse.reader

    for module, examples in ((prstdiff.parse.reader, 2), (prstdiff.parse.metadata, 2)):
        results = doctest.testmod(module)
        assert (results.attempted, results.failed) == (examples, 0), module.__name__


def test_resolution_1325_citations() -> None:
    document = load(CORPUS / "S_RES_1325_2000.txt")
    assert [c.symbol for c in document.citations] == [
        "S/RES/1261 (1999)",
        "S/RES/1265 (1999)",
        "S/RES/1296 (2000)",
        "S/RES/1314 (2000)",
        "A/52/231",
        "A/S-23/10/Rev.1",
        "S/2000/693",
        "A/49/587",
        "S/RES/1208 (1998)",
    ]
