"""Exact readings of documents added with the UNFICYP 1995-2015, children and armed conflict and
protection of civilians series, in both PDF-text layouts: the older one of 1995-1999 (``UNITED`` /
``NATIONS`` block, ``Page 2`` headers, ``/...`` continuation marks) and the modern one. Every
expected value was checked by reading the file beside ``prstdiff inspect``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path

import pytest

from prstdiff import load
from prstdiff.model import Document

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"

Chosen = tuple[int, str, str | None, str, str]

# name: (paragraph count, {kind: count}, operative and sub-paragraph numbers or None when they
# run 1..N with no sub-paragraphs, chosen paragraphs (index, kind, number, first six words, last
# six words)).
EXPECTED: dict[str, tuple[int, dict[str, int], list[str] | None, list[Chosen]]] = {
    # --- older layout (1995-1999) ---
    "S_RES_1000_1995.txt": (
        19,
        {"introductory": 1, "preambular": 7, "operative": 11},
        None,
        [
            (0, "introductory", None, "The Security Council,", "The Security Council,"),
            (
                1,
                "preambular",
                None,
                "Welcoming the report of the Secretary-General",
                "15 June 1995 (S/1995/488 and Add.1),",
            ),
            (
                7,
                "preambular",
                None,
                "Noting also that a review of",
                "definitive report at an appropriate time,",
            ),
            (
                8,
                "operative",
                "1",
                "Decides to extend the mandate of",
                "period ending on 31 December 1995;",
            ),
            # The page breaks after this paragraph: no ``/...`` mark ends it.
            (
                9,
                "operative",
                "2",
                "Calls upon the military authorities on",
                "extend their full cooperation to UNFICYP;",
            ),
            (
                18,
                "operative",
                "11",
                "Decides to remain actively seized of",
                "remain actively seized of the matter.",
            ),
        ],
    ),
    "S_RES_1062_1996.txt": (
        29,
        {"introductory": 1, "preambular": 8, "operative": 15, "sub-paragraph": 5},
        [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "6 (a)",
            "6 (b)",
            "6 (c)",
            "6 (d)",
            "6 (e)",
            "7",
            "8",
            "9",
            "10",
            "11",
            "12",
            "13",
            "14",
            "15",
        ],
        [
            (
                8,
                "preambular",
                None,
                "Expressing concern about the restrictions placed",
                "the Secretary-General of 7 June 1996,",
            ),
            (
                14,
                "operative",
                "6",
                "Calls upon the military authorities on",
                "the military authorities on both sides:",
            ),
            # ``(d)`` / ``To cease ... of the buffer`` / ``zone;``, blank lines between.
            (
                18,
                "sub-paragraph",
                "6 (d)",
                "To cease military construction in the",
                "immediate vicinity of the buffer zone;",
            ),
            (
                19,
                "sub-paragraph",
                "6 (e)",
                "To enter immediately into intensive discussions",
                "UNFICYP Force Commander in June 1996;",
            ),
            (
                20,
                "operative",
                "7",
                "Welcomes the measures that have been",
                "the southern part of the island;",
            ),
        ],
    ),
    "S_RES_1092_1996.txt": (
        32,
        {"introductory": 1, "preambular": 8, "operative": 20, "sub-paragraph": 3},
        ["1", "2", "3", "4", "5", "6", "6 (a)", "6 (b)", "6 (c)", *map(str, range(7, 21))],
        [
            (
                9,
                "operative",
                "1",
                "Decides to extend the mandate of",
                "period ending on 30 June 1997;",
            ),
            (
                14,
                "operative",
                "6",
                "Further calls upon the military authorities",
                "the military authorities on both sides:",
            ),
            # The extraction put (b)'s last word ``zone;`` after (c).
            (
                16,
                "sub-paragraph",
                "6 (b)",
                "To cease military construction in the",
                "immediate vicinity of the buffer zone;",
            ),
            (
                17,
                "sub-paragraph",
                "6 (c)",
                "To refrain from any military exercises",
                "military exercises along the buffer zone;",
            ),
            (
                27,
                "operative",
                "16",
                "Welcomes the continuing efforts of the",
                "lift all obstacles to such contacts;",
            ),
        ],
    ),
    "S_RES_1218_1998.txt": (
        17,
        {"introductory": 1, "preambular": 2, "operative": 8, "sub-paragraph": 6},
        [
            "1",
            "2",
            "3",
            "4",
            "5",
            "5 (a)",
            "5 (b)",
            "5 (c)",
            "5 (d)",
            "5 (e)",
            "5 (f)",
            "6",
            "7",
            "8",
        ],
        [
            (
                7,
                "operative",
                "5",
                "Requests further the Secretary-General, in particular,",
                "1178 (1998) of 29 June 1998:",
            ),
            # ``(f)`` / ``sides;`` / ``Other measures ... between the two`` / ``6.``.
            (
                13,
                "sub-paragraph",
                "5 (f)",
                "Other measures that will build trust",
                "and cooperation between the two sides;",
            ),
            (
                14,
                "operative",
                "6",
                "Calls upon the two sides to",
                "in full cooperation with the Secretary-General;",
            ),
        ],
    ),
    "S_RES_1261_1999.txt": (
        27,
        {"introductory": 1, "preambular": 2, "operative": 21, "sub-paragraph": 3},
        [*map(str, range(1, 18)), "17 (a)", "17 (b)", "17 (c)", "18", "19", "20", "21"],
        [
            # Broken by the page break and the reissue note ``*`` / ``Reissued for technical
            # reasons.``, which is not text.
            (
                5,
                "operative",
                "3",
                "Calls upon all parties concerned to",
                "Geneva Conventions of 12 August 1949;",
            ),
            (
                21,
                "sub-paragraph",
                "17 (b)",
                "to continue to support the protection",
                "UNHCR and others as appropriate; and",
            ),
            (
                22,
                "sub-paragraph",
                "17 (c)",
                "whenever adopting measures under Article 41",
                "order to consider appropriate humanitarian exemptions;",
            ),
            (
                26,
                "operative",
                "21",
                "Decides to remain actively seized of",
                "remain actively seized of the matter.",
            ),
        ],
    ),
    "S_RES_1283_1999.txt": (
        7,
        {"introductory": 1, "preambular": 2, "operative": 4},
        None,
        [
            (
                1,
                "preambular",
                None,
                "Welcoming the report of the Secretary-General",
                "persons with due urgency and seriousness,",
            ),
            (
                3,
                "operative",
                "1",
                "Reaffirms all its relevant resolutions on",
                "1251 (1999) of 29 June 1999;",
            ),
        ],
    ),
    "S_PRST_1998_18.txt": (
        9,
        {"introductory": 1, "statement": 8},
        [],
        [
            (
                0,
                "introductory",
                None,
                "At the 3897th meeting of the",
                "statement on behalf of the Council:",
            ),
            # Runs over the page break (``aid and`` / ``98-18649 (E)`` / ``290698`` / ``/...`` /
            # ``S/PRST/1998/18`` / ``English`` / ``Page 2`` / ``assistance to ...``).
            (
                6,
                "statement",
                None,
                "The Security Council, while dealing with",
                "child-centred physical and social rehabilitation programmes.",
            ),
            (
                8,
                "statement",
                None,
                "The Security Council further recognizes that,",
                "order to consider appropriate humanitarian exemptions.",
            ),
        ],
    ),
    "S_PRST_1999_6.txt": (
        14,
        {"introductory": 1, "statement": 13},
        [],
        [
            (
                5,
                "statement",
                None,
                "The Security Council expresses particular concern",
                "President of 29 June 1998 (S/PRST/1998/18).",
            ),
            (
                6,
                "statement",
                None,
                "The Security Council calls upon all",
                "all decisions of the Security Council.",
            ),
            (
                13,
                "statement",
                None,
                "The Security Council affirms its intention",
                "the Charter of the United Nations.",
            ),
        ],
    ),
    # --- modern layout ---
    "S_RES_1612_2005.txt": (
        46,
        {"introductory": 1, "preambular": 9, "operative": 21, "sub-paragraph": 15},
        [
            "1",
            "2",
            "2 (a)",
            "2 (b)",
            "2 (c)",
            "2 (d)",
            "3",
            "3 (a)",
            "3 (b)",
            "3 (c)",
            "3 (d)",
            "3 (e)",
            "4",
            "5",
            "6",
            "7",
            "8",
            "8 (a)",
            "8 (b)",
            *map(str, range(9, 21)),
            "20 (a)",
            "20 (b)",
            "20 (c)",
            "20 (d)",
            "21",
        ],
        [
            (
                16,
                "operative",
                "3",
                "Requests the Secretary-General to implement without",
                "2006. The independent review will include:",
            ),
            # Printed one word a line, its last word first.
            (
                19,
                "sub-paragraph",
                "3 (c)",
                "Information on the relevance and clarity",
                "clarity of the division of responsibilities;",
            ),
            (
                20,
                "sub-paragraph",
                "3 (d)",
                "Information on the budgetary and other",
                "funded organizations contributing to the mechanism;",
            ),
            (
                21,
                "sub-paragraph",
                "3 (e)",
                "Recommendations for the full implementation of",
                "the full implementation of the mechanism;",
            ),
        ],
    ),
    "S_RES_1674_2006.txt": (
        39,
        {"introductory": 1, "preambular": 10, "operative": 28},
        None,
        [
            # ``(i) torture ..., (ii) ..., (iii) ...`` run inline: one paragraph.
            (
                15,
                "operative",
                "5",
                "Reaffirms also its condemnation in the",
                "put an end to such practices;",
            ),
            (
                16,
                "operative",
                "6",
                "Demands that all parties concerned comply",
                "the decisions of the Security Council;",
            ),
        ],
    ),
    "S_RES_1894_2009.txt": (
        68,
        {"introductory": 1, "preambular": 22, "operative": 36, "sub-paragraph": 9},
        [
            "1",
            "2",
            "3",
            "4",
            "5",
            "6",
            "7",
            "7 (a)",
            "7 (b)",
            "7 (c)",
            "7 (d)",
            *map(str, range(8, 16)),
            "15 (a)",
            "15 (b)",
            "16",
            "16 (a)",
            "16 (b)",
            "16 (c)",
            *map(str, range(17, 37)),
        ],
        [
            (
                34,
                "operative",
                "8",
                "Emphasizes the importance of addressing in",
                "is timely, objective, accurate and reliable;",
            ),
            # ``... of using the International Fact9.`` / ``Finding Commission ...``.
            (
                35,
                "operative",
                "9",
                "Considers the possibility, to this end,",
                "Additional Protocol to the Geneva Conventions;",
            ),
            (
                36,
                "operative",
                "10",
                "Affirms its strong opposition to impunity",
                "sustainable peace, justice, truth and reconciliation;",
            ),
        ],
    ),
    "S_PRST_2006_33.txt": (
        9,
        {"introductory": 1, "statement": 5, "sub-paragraph": 3},
        [],
        [
            (
                2,
                "statement",
                None,
                "As part of this comprehensive framework,",
                "particular in the three following areas:",
            ),
            (
                3,
                "sub-paragraph",
                None,
                "the Security Council welcomes the appointment",
                "children by parties to armed conflict.",
            ),
            (
                5,
                "sub-paragraph",
                None,
                "the Security Council welcomes the activities",
                "recommendations for consideration by the Council.",
            ),
            (
                6,
                "statement",
                None,
                "The Security Council underlines the importance",
                "must be recognised and adequately addressed.",
            ),
        ],
    ),
    "S_PRST_2017_21.txt": (
        46,
        {"introductory": 1, "statement": 41, "sub-paragraph": 4},
        [],
        [
            # The job number ``17-19215`` ended one of its lines.
            (
                38,
                "statement",
                None,
                "The Security Council welcomes the continued",
                "Secretary-General on Children and Armed Conflict.",
            ),
        ],
    ),
}


def words(text: str, first: bool) -> str:
    parts = text.split()
    return " ".join(parts[:6] if first else parts[-6:])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_paragraphs_as_printed(name: str) -> None:
    count, kinds, numbers, chosen = EXPECTED[name]
    document = load(CORPUS / name)
    assert len(document.paragraphs) == count
    assert dict(Counter(p.kind.value for p in document.paragraphs)) == kinds
    printed = [p.number for p in document.paragraphs if p.number]
    if numbers is None:
        numbers = [str(n) for n in range(1, kinds["operative"] + 1)] if "operative" in kinds else []
    assert printed == numbers
    for index, kind, number, first, last in chosen:
        paragraph = document.paragraphs[index]
        assert (paragraph.kind.value, paragraph.number) == (kind, number), index
        assert (words(paragraph.text, True), words(paragraph.text, False)) == (first, last), index


def metadata(document: Document) -> tuple[object, ...]:
    assert document.source is not None
    return (
        document.symbol,
        document.kind.value,
        document.date,
        document.meeting,
        document.title,
        document.vote,
        document.item,
        document.source.layout,
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "S_RES_1000_1995.txt",
            (
                "S/RES/1000 (1995)",
                "resolution",
                dt.date(1995, 6, 23),
                3547,
                "RESOLUTION 1000 (1995)",
                "Adopted by the Security Council at its 3547th meeting, on 23 June 1995",
                None,
                "wrapped",
            ),
        ),
        (
            # Reissued: distributed on 30 August 1999, adopted on 25 August.
            "S_RES_1261_1999.txt",
            (
                "S/RES/1261 (1999)",
                "resolution",
                dt.date(1999, 8, 25),
                4037,
                "RESOLUTION 1261 (1999)",
                "Adopted by the Security Council at its 4037th meeting, on 25 August 1999",
                None,
                "wrapped",
            ),
        ),
        (
            # The heading is in capitals: ``STATEMENT BY THE PRESIDENT OF THE SECURITY COUNCIL``.
            "S_PRST_1998_18.txt",
            (
                "S/PRST/1998/18",
                "presidential statement",
                dt.date(1998, 6, 29),
                3897,
                "Statement by the President of the Security Council",
                None,
                "Children and armed conflict",
                "wrapped",
            ),
        ),
        (
            "S_PRST_1999_6.txt",
            (
                "S/PRST/1999/6",
                "presidential statement",
                dt.date(1999, 2, 12),
                3978,
                "Statement by the President of the Security Council",
                None,
                "Protection of civilians in armed conflict",
                "wrapped",
            ),
        ),
        (
            # Issued by written procedure during COVID-19: no meeting.
            "S_PRST_2020_6.txt",
            (
                "S/PRST/2020/6",
                "presidential statement",
                dt.date(2020, 4, 29),
                None,
                "Statement by the President of the Security Council",
                None,
                "Protection of civilians in armed conflict",
                "wrapped",
            ),
        ),
        (
            # Adopted in writing; the text has no ``The Security Council,`` line.
            "S_RES_2573_2021.txt",
            (
                "S/RES/2573 (2021)",
                "resolution",
                dt.date(2021, 4, 27),
                None,
                "Resolution 2573 (2021)",
                "Adopted by the Security Council on 27 April 2021",
                None,
                "wrapped",
            ),
        ),
    ],
)
def test_metadata(name: str, expected: tuple[object, ...]) -> None:
    assert metadata(load(CORPUS / name)) == expected


def test_resolution_2573_opens_with_its_preamble() -> None:
    document = load(CORPUS / "S_RES_2573_2021.txt")
    first = document.paragraphs[0]
    assert (first.kind.value, words(first.text, True)) == (
        "preambular",
        "Reiterating its primary responsibility under the",
    )


def test_the_vertical_barcode_of_1517_is_furniture() -> None:
    # ``*`` / ``0`` / ``3`` / ... / ``0`` / ``*`` after the last paragraph: a barcode.
    document = load(CORPUS / "S_RES_1517_2003.txt")
    assert document.paragraphs[-1].text == "Decides to remain seized of the matter."


@pytest.mark.parametrize(
    ("name", "index", "stamp"),
    [
        # The footer's date stamp on a line of its own used to end these paragraphs.
        ("S_PRST_2014_27.txt", 7, "161214"),
        ("S_PRST_2015_3.txt", 5, "300115"),
        ("S_PRST_1998_18.txt", 6, "290698"),
    ],
)
def test_date_stamps_are_furniture(name: str, index: int, stamp: str) -> None:
    document = load(CORPUS / name)
    assert stamp in (CORPUS / name).read_text(encoding="utf-8")
    assert all(stamp not in p.text for p in document.paragraphs)
    assert document.paragraphs[index].text.endswith((".", ";", ":"))
