"""The text reader, paragraph by paragraph, on real documents of each layout and made-up variants.

Expected values were checked by reading each corpus file; made-up texts are named ``madeup_...``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from prstdiff import load
from prstdiff.errors import InputError
from prstdiff.folding import compact_symbol
from prstdiff.model import Document, DocumentKind, ParagraphKind
from prstdiff.normalize import comparison_key
from prstdiff.parse import parse_text
from prstdiff.parse.compounds import HYPHENATED_COMPOUNDS, derive_compounds
from prstdiff.parse.furniture import is_furniture
from prstdiff.parse.text import Layout, join_lines

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"
SEED = HERE.parent / "fixtures" / "S_PRST_2007_42.onecol.txt"

Outline = list[tuple[str, str | None, str, str]]


def outline(document: Document) -> Outline:
    """Kind, number, first four and last three words of every paragraph."""
    rows = []
    for paragraph in document.paragraphs:
        words = paragraph.text.split()
        rows.append(
            (paragraph.kind.value, paragraph.number, " ".join(words[:4]), " ".join(words[-3:]))
        )
    return rows


# --- one paragraph per line ------------------------------------------------------------------


def test_seed_has_an_introduction_and_fourteen_statement_paragraphs() -> None:
    document = load(SEED)
    assert document.source is not None
    assert document.source.layout == Layout.ONE_PARAGRAPH_PER_LINE
    kinds = [p.kind for p in document.paragraphs]
    assert kinds == [ParagraphKind.INTRODUCTORY] + [ParagraphKind.STATEMENT] * 14
    assert document.paragraphs[0].text.startswith(
        "At the 5776th meeting of the Security Council, held on 6 November 2007,"
    )
    assert document.paragraphs[0].text.endswith(
        "made the following statement on behalf of the Council:"
    )
    # Every statement paragraph loses its opening quotation mark.
    assert all(p.text.startswith("The Security Council") for p in document.paragraphs[1:])


def test_seed_page_breaks_are_undone() -> None:
    paragraphs = load(SEED).paragraphs
    # Broken by three blank lines after "underlines the".
    assert paragraphs[6].text.endswith(
        "in the maintenance of international peace and security. The Security Council "
        "underlines the importance of the United Nations political support and technical "
        "expertise in this regard."
    )
    # Broken by the footer "2 07-58512".
    assert paragraphs[13].text == (
        "The Security Council requests the Secretary-General to include in his report pursuant "
        "to its Presidential Statement of 28 March 2007 (S/PRST/2007/7) a recommendation on "
        "practical ways and means to increase and strengthen cooperation between the United "
        "Nations and regional and subregional organizations in the maintenance of international "
        "peace and security."
    )
    # The closing quotation mark of the statement goes, the last footer "07-58512" too.
    assert paragraphs[14].text.endswith(
        "in issues relating to the maintenance of international peace and security."
    )


def test_seed_and_its_wrapped_extraction_read_the_same() -> None:
    seed = load(SEED)
    wrapped = load(CORPUS / "S_PRST_2007_42.txt")
    assert wrapped.source is not None and wrapped.source.layout == Layout.WRAPPED
    assert [comparison_key(p.text) for p in seed.paragraphs] == [
        comparison_key(p.text) for p in wrapped.paragraphs
    ]
    assert [p.kind for p in seed.paragraphs] == [p.kind for p in wrapped.paragraphs]
    # Display text keeps each extraction's own quotation marks.
    assert "Council’s consideration" in wrapped.paragraphs[0].text
    assert "Council's consideration" in seed.paragraphs[0].text


def test_resolution_2_of_1946_one_paragraph_per_line() -> None:
    document = load(CORPUS / "S_RES_2_1946.txt")
    assert document.source is not None and document.source.layout == Layout.ONE_PARAGRAPH_PER_LINE
    assert outline(document) == [
        ("introductory", None, "The Security Council,", "The Security Council,"),
        ("preambular", None, "Having heard the statements", "30 January 1946,"),
        ("preambular", None, "Having taken cognizance of", "the oral debates,"),
        ("preambular", None, "Considering that both parties", "the near future,"),
        ("operative", None, "Requests the parties to", "of the negotiations."),
    ]
    assert document.vote == "Adopted unanimously at the 5th meeting."


def test_resolution_14_of_1946_council_line_in_the_middle() -> None:
    document = load(CORPUS / "S_RES_14_1946.txt")
    assert outline(document) == [
        ("preambular", None, "As the General Assembly", "the same dates;"),
        ("preambular", None, "To this end,", "To this end,"),
        ("introductory", None, "The Security Council", "The Security Council"),
        ("operative", None, "Resolves that the operation", "31 December 1946."),
    ]
    assert document.vote == (
        "Adopted at the 84th meeting by 9 votes to none, with 2 abstentions (Union of Soviet "
        "Socialist Republics, United States of America)."
    )


def test_resolution_2222_of_2015_council_line_without_its_comma() -> None:
    # ``The Security Council`` lost its comma in the extraction; the next line opens PP 1.
    document = load(CORPUS / "S_RES_2222_2015.txt")
    assert outline(document)[:3] == [
        ("introductory", None, "The Security Council", "The Security Council"),
        ("preambular", None, "Bearing in mind its", "prevention and resolution,"),
        ("preambular", None, "Reaffirming its resolutions 1265", "and presidential statements,"),
    ]


def test_resolution_1_of_1946_footnote_of_the_adoption_line_is_dropped() -> None:
    document = load(CORPUS / "S_RES_1_1946.txt")
    assert document.vote == "Adopted at the 2nd meeting."
    # "Therefore" stands alone before "1.": it heads the operative part, like "Political" in
    # 2167 (2014).
    assert [(p.kind.value, p.number) for p in document.paragraphs] == [
        ("preambular", None),
        ("operative", None),
        ("operative", "1"),
        ("operative", "2"),
        ("operative", "3"),
    ]
    assert document.paragraphs[1].text == "Therefore"
    assert document.paragraphs[-1].text.endswith(
        "and to submit these proposals to the Security Council."
    )


# --- wrapped lines ---------------------------------------------------------------------------


def test_resolution_1809_operative_paragraphs_one_to_eighteen() -> None:
    document = load(CORPUS / "S_RES_1809_2008.txt")
    operative = [p for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert [p.number for p in operative] == [str(n) for n in range(1, 19)]
    assert operative[-1].text == "Decides to remain seized of the matter."
    # The number was extracted after the first line ("... enhance the" / "1." / "relationship").
    assert operative[0].text == (
        "Expresses its determination to take effective steps to further enhance the "
        "relationship between the United Nations and regional organizations, in particular the "
        "African Union, in accordance with Chapter VIII of the United Nations Charter;"
    )
    kinds = [p.kind for p in document.paragraphs]
    assert (
        kinds
        == [ParagraphKind.INTRODUCTORY]
        + [ParagraphKind.PREAMBULAR] * 14
        + [ParagraphKind.OPERATIVE] * 18
    )
    # A preambular paragraph broken by the page footer "08-30812 (E)", barcode and header.
    # "Also reaffirming" and "Further recognizing" open paragraphs of their own.
    assert document.paragraphs[2].text.startswith("Also reaffirming its resolutions 1325 (2000)")
    assert document.paragraphs[13].text.startswith("Further recognizing that one major constraint")
    assert document.paragraphs[7].text == (
        "Stressing the importance of further strengthening cooperation with the African Union in "
        "order to assist building its capacity to deal with common collective security "
        "challenges in Africa, including through the African Union’s commitment of rapid and "
        "appropriate responses to emerging crises situations, and the development of effective "
        "strategies for conflict prevention, peacekeeping and peacebuilding,"
    )
    # Display text keeps the extraction's joined word; the comparison key folds it.
    assert "good offices of the SecretaryGeneral in Africa" in operative[14].text
    assert comparison_key("Secretary-General") in comparison_key(operative[14].text)


_WHILE_NOTING = (
    "While noting the advances made for the protection of children affected by armed conflict, "
    "particularly in the areas of advocacy and the development of norms and standards, remaining "
    "deeply concerned over the lack of overall progress on the ground, where parties to conflict "
    "continue to violate with impunity the relevant provisions of applicable international law "
    "relating to the rights and protection of children in armed conflict,"
)


@pytest.mark.parametrize(
    ("name", "index", "before", "after"),
    [
        (
            "S_RES_1539_2004.txt",
            3,
            "Recalling its resolution 1308 (2000) on the responsibility of the Security Council in "
            "the maintenance of peace and security: HIV/AIDS and International Peacekeeping "
            "Operations and its resolution 1325 (2000) on Women, Peace and Security,",
            "Recalling the responsibilities of States to end impunity and to prosecute those "
            "responsible for genocide, crimes against humanity, war crimes and other egregious "
            "crimes perpetrated against children,",
        ),
        (
            "S_RES_1612_2005.txt",
            2,
            "Reaffirming its resolutions 1261 (1999) of 25 August 1999, 1314 (2000) of 11 August "
            "2000, 1379 (2001) of 20 November 2001, 1460 (2003) of 30 January 2003, and 1539 "
            "(2004) of 22 April 2004, which contribute to a comprehensive framework for addressing "
            "the protection of children affected by armed conflict,",
            "Stressing the primary role of national Governments in providing effective protection "
            "and relief to all children affected by armed conflicts,",
        ),
    ],
)
def test_while_and_a_participle_opens_a_preambular_paragraph(
    name: str, index: int, before: str, after: str
) -> None:
    # Printed without indentation, "While noting ..." at a line start after a finished
    # preambular paragraph is a paragraph of its own, not the end of the one before.
    document = load(CORPUS / name)
    assert [(p.kind, p.text) for p in document.paragraphs[index - 1 : index + 2]] == [
        (ParagraphKind.PREAMBULAR, before),
        (ParagraphKind.PREAMBULAR, _WHILE_NOTING),
        (ParagraphKind.PREAMBULAR, after),
    ]
    assert (
        sum(p.kind is ParagraphKind.PREAMBULAR for p in document.paragraphs)
        == {
            "S_RES_1539_2004.txt": 9,
            "S_RES_1612_2005.txt": 9,
        }[name]
    )


@pytest.mark.parametrize(
    ("name", "index", "number"),
    [("S_RES_1882_2009.txt", 17, "5"), ("S_RES_1998_2011.txt", 21, "6")],
)
def test_while_noting_inside_an_operative_paragraph_stays_in_it(
    name: str, index: int, number: str
) -> None:
    # "While noting that some parties ... ;" / "(a) Reiterates its call ...": the operative
    # paragraph's chapeau, its number printed after its first line in S/RES/1882 (2009).
    document = load(CORPUS / name)
    paragraph = document.paragraphs[index]
    assert (paragraph.kind, paragraph.number) == (ParagraphKind.OPERATIVE, number)
    assert paragraph.text == (
        "While noting that some parties to armed conflict have responded to its call upon them "
        "to prepare and implement concrete time-bound action plans to halt recruitment and use "
        "of children in violation of applicable international law;"
    )
    following = document.paragraphs[index + 1]
    assert (following.kind, following.number) == (ParagraphKind.SUBPARAGRAPH, f"{number} (a)")


def test_resolution_1325_sub_paragraphs_and_number_before_page_number() -> None:
    document = load(CORPUS / "S_RES_1325_2000.txt")
    assert outline(document) == [
        ("introductory", None, "The Security Council,", "The Security Council,"),
        ("preambular", None, "Recalling its resolutions 1261", "March 2000 (SC/6816),"),
        ("preambular", None, "Recalling also the commitments", "and armed conflict,"),
        ("preambular", None, "Bearing in mind the", "peace and security,"),
        ("preambular", None, "Expressing concern that civilians,", "peace and reconciliation,"),
        ("preambular", None, "Reaffirming the important role", "prevention and resolution,"),
        ("preambular", None, "Reaffirming also the need", "and after conflicts,"),
        ("preambular", None, "Emphasizing the need for", "women and girls,"),
        ("preambular", None, "Recognizing the urgent need", "Support Operations (S/2000/693),"),
        ("preambular", None, "Recognizing also the importance", "in conflict situations,"),
        ("preambular", None, "Recognizing that an understanding", "peace and security,"),
        ("preambular", None, "Noting the need to", "women and girls,"),
        ("operative", "1", "Urges Member States to", "resolution of conflict;"),
        ("operative", "2", "Encourages the Secretary-General to", "and peace processes;"),
        ("operative", "3", "Urges the Secretary-General to", "updated centralized roster;"),
        ("operative", "4", "Further urges the Secretary-General", "and humanitarian personnel;"),
        ("operative", "5", "Expresses its willingness to", "a gender component;"),
        ("operative", "6", "Requests the Secretary-General to", "receive similar training;"),
        ("operative", "7", "Urges Member States to", "other relevant bodies;"),
        ("operative", "8", "Calls on all actors", "including, inter alia:"),
        ("sub-paragraph", "8 (a)", "The special needs of", "and post-conflict reconstruction;"),
        ("sub-paragraph", "8 (b)", "Measures that support local", "the peace agreements;"),
        ("sub-paragraph", "8 (c)", "Measures that ensure the", "and the judiciary;"),
        ("operative", "9", "Calls upon all parties", "International Criminal Court;"),
        ("operative", "10", "Calls on all parties", "of armed conflict;"),
        ("operative", "11", "Emphasizes the responsibility of", "from amnesty provisions;"),
        ("operative", "12", "Calls upon all parties", "19 April 2000;"),
        ("operative", "13", "Encourages all those involved", "of their dependants;"),
        (
            "operative",
            "14",
            "Reaffirms its readiness, whenever",
            "appropriate humanitarian exemptions;",
        ),
        ("operative", "15", "Expresses its willingness to", "international women’s groups;"),
        ("operative", "16", "Invites the Secretary-General to", "the United Nations;"),
        ("operative", "17", "Requests the Secretary-General, where", "women and girls;"),
        ("operative", "18", "Decides to remain actively", "of the matter."),
    ]


# --- yearly volumes --------------------------------------------------------------------------


def test_resolution_186_of_1964() -> None:
    document = load(CORPUS / "S_RES_186_1964.txt")
    assert document.source is not None and document.source.layout == Layout.YEARLY_VOLUME
    assert outline(document) == [
        ("introductory", None, "The Security Council,", "The Security Council,"),
        ("preambular", None, "Noting that the present", "a durable solution,"),
        ("preambular", None, "Considering the positions taken", "16 August 1960,"),
        ("preambular", None, "Having in mind the", "4, which reads:"),
        ("preambular", None, "“ All Members shall", "United Nations ”,"),
        ("operative", "1", "Calls upon all Member", "endanger international peace;"),
        ("operative", "2", "Asks the Government of", "bloodshed in Cyprus;"),
        ("operative", "3", "Calls upon the communities", "the utmost restraint;"),
        ("operative", "4", "Recommends the creation, with", "on its operation;"),
        ("operative", "5", "Recommends that the function", "to normal conditions;"),
        ("operative", "6", "Recommends that the stationing", "for that purpose;"),
        ("operative", "7", "Recommends further that the", "on his efforts;"),
        ("operative", "8", "Requests the Secretary-General to", "and his staff."),
    ]
    # The footnote mark "5" goes with its footnote; the real hyphen of "Peace-keeping" stays.
    assert document.paragraphs[2].text == (
        "Considering the positions taken by the parties in relation to the treaties signed at "
        "Nicosia on 16 August 1960,"
    )
    assert "United Nations Peace-keeping Force in Cyprus." in document.paragraphs[8].text
    assert document.vote == "Adopted unanimously at the 1102nd meeting."
    assert all("Treaty of Guarantee" not in p.text for p in document.paragraphs)


def test_resolution_300_of_1971_footnote_marks_after_symbols() -> None:
    document = load(CORPUS / "S_RES_300_1971.txt")
    assert outline(document) == [
        ("introductory", None, "The Security Council,", "The Security Council,"),
        ("preambular", None, "Having received the letter", "in document S/10364,"),
        ("preambular", None, "Taking note of the", "by South Africa,"),
        ("preambular", None, "Taking note of the", "of South Africa,"),
        ("preambular", None, "Bearing in mind that", "of any State,"),
        ("preambular", None, "Conscious that it has", "peace and security,"),
        ("preambular", None, "Concerned by the situation", "the Caprivi Strip,"),
        ("operative", "1", "Reiterates that any violation", "the United Nations;"),
        ("operative", "2", "Calls upon South Africa", "integrity of Zambia;"),
        ("operative", "3", "Further declares that, in", "of the Charter."),
    ]
    assert document.paragraphs[1].text == (
        "Having received the letter of the Permanent Representative of Zambia contained in "
        "document S/10352 and also the letter from forty-seven Member States contained in "
        "document S/10364,"
    )


def test_resolution_902_of_1994_page_footnotes_and_ocr_number() -> None:
    document = load(CORPUS / "S_RES_902_1994.txt")
    assert outline(document) == [
        ("introductory", None, "The Security Council,", "The Security Council,"),
        ("preambular", None, "Recalling its relevant resolutions", "resolutions on Cyprus,"),
        ("preambular", None, "Welcoming the report of", "15 December 1993,"),
        ("preambular", None, "Recalling its support for", "1 July 1993,"),
        ("preambular", None, "Reaffirming that the confidence-building", "an overall settlement,"),
        ("operative", "1", "Reiterates that the maintenance", "quo is unacceptable;"),
        ("operative", "2", "Welcomes the acceptance in", "Nicosia International Airport;"),
        ("operative", "3", "Welcomes the fact that", "agreement without delay;"),
        ("operative", "4", "Requests the Secretary-General to", "finalize that agreement;"),
        # Printed "S." by the OCR; it is the fifth paragraph.
        ("operative", "5", "Decides to review the", "of that report."),
    ]
    # Paragraph 3 continues after the footnotes "1/ ..." "2/ ..." and the page header.
    assert "ideas that should facilitate the discussions" in document.paragraphs[7].text
    assert document.paragraphs[2].text.startswith(
        "Welcoming the report of the Secretary-General of 4 March 1994 on his mission"
    )


# --- made-up variants ------------------------------------------------------------------------

MADEUP_WRAPPED = """S/RES/9999 (2031)
United Nations
Security Council
Distr.: General
2 May 2031

Resolution 9999 (2031)
Adopted by the Security Council at its 9999th meeting,
on 2 May 2031
The Security Council,
Recalling its madeup resolution 9998 (2031) on the lighthouse keepers of the
northern coast,
Noting with concern the madeup report of the Secretary-General (S/2031/12),
Welcomes the madeup progress made by the lighthouse keepers in keeping
1.
the lamps lit through the winter;
(a) Requests the keepers to report every month;
(b) Encourages the keepers to train apprentices;
2.
Calls upon all parties to respect the madeup coastal arrangements agreed in

31-99999 (E)

*3199999*

S/RES/9999 (2031)

the spring;
3.

2

Decides to remain seized of the madeup matter.

31-99999
"""


def test_madeup_wrapped_resolution() -> None:
    document = parse_text(MADEUP_WRAPPED, path="madeup_wrapped.txt")
    assert document.symbol == "S/RES/9999 (2031)"
    assert document.meeting == 9999
    assert document.date is not None and document.date.isoformat() == "2031-05-02"
    assert [(p.kind.value, p.number, p.text) for p in document.paragraphs] == [
        ("introductory", None, "The Security Council,"),
        (
            "preambular",
            None,
            "Recalling its madeup resolution 9998 (2031) on the lighthouse keepers of the "
            "northern coast,",
        ),
        (
            "preambular",
            None,
            "Noting with concern the madeup report of the Secretary-General (S/2031/12),",
        ),
        (
            "operative",
            "1",
            "Welcomes the madeup progress made by the lighthouse keepers in keeping the lamps "
            "lit through the winter;",
        ),
        ("sub-paragraph", "1 (a)", "Requests the keepers to report every month;"),
        ("sub-paragraph", "1 (b)", "Encourages the keepers to train apprentices;"),
        (
            "operative",
            "2",
            "Calls upon all parties to respect the madeup coastal arrangements agreed in the "
            "spring;",
        ),
        ("operative", "3", "Decides to remain seized of the madeup matter."),
    ]
    assert [c.symbol for c in document.citations] == ["S/RES/9998 (2031)", "S/2031/12"]


MADEUP_STATEMENT = """United Nations S/PRST/2031/5

Distr.: General 3 June 2031

Original: English

Statement by the President of the Security Council

{introduction}

"The Security Council welcomes the madeup lamps.

"The Security Council requests a madeup report on the

31-55555

lamps and on the keepers."

31-55555
""".format(
    introduction="At the 9990th meeting of the Security Council, held on 3 June 2031, in "
    'connection with the Council\'s consideration of the item entitled "Madeup lighthouses", '
    "the President of the Security Council made the following statement on behalf of the "
    "Council:"
)


def test_madeup_statement_one_paragraph_per_line() -> None:
    document = parse_text(MADEUP_STATEMENT)
    assert document.kind is DocumentKind.PRESIDENTIAL_STATEMENT
    assert document.symbol == "S/PRST/2031/5"
    assert document.item == "Madeup lighthouses"
    assert document.meeting == 9990
    assert [(p.kind.value, p.text) for p in document.paragraphs[1:]] == [
        ("statement", "The Security Council welcomes the madeup lamps."),
        (
            "statement",
            "The Security Council requests a madeup report on the lamps and on the keepers.",
        ),
    ]


MADEUP_YEARLY = """9001 (1961). Resolution of 4 May 1961
[S/9999]

The Security Council,

Noting the madeup report on the lighthouses of the coast, 7

Considering that the keepers have asked for help with the main-
tenance of the lamps and the peace-
keeping of the harbour,

1. Requests the keepers to continue;

2. Decides to remain seized of the madeup
question.

Adopted unanimously at the
999th meeting.

7 A madeup footnote.
"""


def test_madeup_yearly_volume_hyphens_and_footnotes() -> None:
    document = parse_text(MADEUP_YEARLY)
    assert document.symbol == "S/RES/9001 (1961)"
    assert document.source is not None and document.source.layout == Layout.YEARLY_VOLUME
    assert document.vote == "Adopted unanimously at the 999th meeting."
    assert document.meeting == 999
    assert [p.text for p in document.paragraphs] == [
        "The Security Council,",
        "Noting the madeup report on the lighthouses of the coast,",
        # "main-tenance" is a plain word broken at the line end; "peace-keeping" keeps its hyphen.
        "Considering that the keepers have asked for help with the maintenance of the lamps "
        "and the peace-keeping of the harbour,",
        "Requests the keepers to continue;",
        "Decides to remain seized of the madeup question.",
    ]


def test_footnote_marks_without_footnote_text() -> None:
    text = (
        "The Security Council,\n\nNoting the madeup reports of 1960, 5 and 1961, 6 and 7\n"
        "of the madeup commission, 8\n\n1. Decides so.\n"
    )
    document = parse_text(text)
    # Inside the paragraph a number may be text (its footnote is not printed to tell); after
    # the paragraph's closing comma it can only be a mark.
    assert document.paragraphs[1].text == (
        "Noting the madeup reports of 1960, 5 and 1961, 6 and 7 of the madeup commission,"
    )


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["the Secretary-", "General of the"], "the Secretary-General of the"),
        (["the main-", "tenance of"], "the maintenance of"),
        (["a non-", "aligned State"], "a non-aligned State"),
        (["the cease-", "fire line"], "the cease-fire line"),
        (["a   spaced", "  line"], "a spaced line"),
    ],
)
def test_join_lines_decides_hyphens_by_the_word(lines: list[str], joined: str) -> None:
    assert join_lines(lines) == joined


def test_join_lines_uses_the_document_vocabulary() -> None:
    assert join_lines(["peace-", "keeping"], {"peacekeeping"}) == "peacekeeping"
    assert join_lines(["in-", "depth"], {"in-depth"}) == "in-depth"


def test_text_without_paragraphs_is_refused() -> None:
    with pytest.raises(InputError, match="no paragraphs"):
        parse_text("\n\n   \n08-30812\n\n*0830812*\n", path="madeup_empty.txt")


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n \t\n", "empty file"),
        (b"%PDF-like\x00\x01\x02binary", "not a text file"),
        (b"The Security Council,\n\x81\x8d\x8f\n", "cannot decode: not UTF-8"),
        (b"08-30812\n\n*0830812*\n\n2\n", "no paragraphs found"),
    ],
)
def test_load_refuses_bad_files_with_one_line(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "madeup_bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.message.startswith(f"{path}: {problem}")
    assert "\n" not in caught.value.message


def test_load_refuses_missing_files_and_folders(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load(tmp_path / "madeup_missing.txt")
    with pytest.raises(InputError, match="is a folder"):
        load(tmp_path)


def test_load_reads_windows_encodings(tmp_path: Path) -> None:
    text = (
        "The Security Council,\n\nRecalling its \u201cmadeup\u201d resolutions,\n\n1. Decides so.\n"
    )
    cp1252 = tmp_path / "madeup_cp1252.txt"
    cp1252.write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    utf16 = tmp_path / "madeup_utf16.txt"
    utf16.write_bytes(text.encode("utf-16"))
    bom = tmp_path / "madeup_bom.txt"
    bom.write_bytes(text.encode("utf-8-sig"))
    for path in (cp1252, utf16, bom):
        document = load(path)
        assert [p.text for p in document.paragraphs] == [
            "The Security Council,",
            "Recalling its \u201cmadeup\u201d resolutions,",
            "Decides so.",
        ], path.name
        assert document.source is not None and document.source.path == str(path)


def test_statement_2006_39_dashed_list_items() -> None:
    document = load(CORPUS / "S_PRST_2006_39.txt")
    kinds = [(p.kind.value, p.text.split()[0]) for p in document.paragraphs[5:11]]
    assert kinds == [
        ("statement", "The"),
        ("statement", "The"),
        ("sub-paragraph", "Inviting"),
        ("sub-paragraph", "Continuing"),
        ("sub-paragraph", "Drawing"),
        ("statement", "Encourages"),
    ]
    assert document.paragraphs[6].text.endswith(
        "to expand consultation and cooperation with regional and subregional organizations by:"
    )
    assert document.paragraphs[9].text == (
        "Drawing the attention of representatives of regional and subregional organizations "
        "where appropriate to relevant resolutions, presidential statements and press statements."
    )
    assert document.paragraphs[-1].text.endswith("peacebuilding and peacekeeping.")


def test_shipped_compounds_are_those_the_corpus_prints() -> None:
    texts = (path.read_text(encoding="utf-8") for path in sorted(CORPUS.glob("S_*.txt")))
    assert derive_compounds(texts) == HYPHENATED_COMPOUNDS
    assert {"secretary-general", "peace-keeping", "cease-fire"} <= HYPHENATED_COMPOUNDS


def test_prefixes_of_plain_words_lose_their_line_end_hyphen() -> None:
    assert join_lines(["the inter-", "national community"]) == "the international community"
    assert join_lines(["to re-", "examine"]) == "to re-examine"  # printed so in the corpus
    assert join_lines(["to ex-", "amine"]) == "to examine"


def test_resolution_1889_letters_printed_with_a_stop() -> None:
    document = load(CORPUS / "S_RES_1889_2009.txt")
    items = [
        (p.number, p.text.split()[0]) for p in document.paragraphs if p.number and "(" in p.number
    ]
    assert items == [
        ("19 (a)", "Analysis"),
        ("19 (b)", "Challenges"),
        ("19 (c)", "Measures"),
        ("19 (d)", "Recommendations"),
    ]
    assert document.paragraphs[-1].text == "Decides to remain actively seized of the matter."


MADEUP_NO_MASTHEAD = """Statement by the President of the Security Council

"The Security Council recalls its madeup statement S/PRST/2031/1 and resolution 9998 (2031).

"The Security Council requests a madeup report."
"""


def test_a_symbol_in_the_text_is_a_citation_not_the_document() -> None:
    document = parse_text(MADEUP_NO_MASTHEAD)
    assert document.symbol is None
    assert document.kind is DocumentKind.PRESIDENTIAL_STATEMENT
    assert [c.symbol for c in document.citations] == ["S/PRST/2031/1", "S/RES/9998 (2031)"]


LINE_PIECES = st.sampled_from(
    [
        "The Security Council,",
        "Recalling its madeup resolutions,",
        "1.",
        "2. Decides to remain seized of the madeup matter.",
        "(a) Requests a madeup report;",
        "“The Security Council welcomes the madeup lamps.",
        "08-30812 (E)",
        "*0830812*",
        "S/RES/9999 (2031)",
        "2",
        "Adopted unanimously at the 999th meeting.",
        "7 A madeup footnote.",
        "main-",
        "tenance of the lamps",
        "",
        "\f",
    ]
)


@given(st.lists(LINE_PIECES | st.text(max_size=40), max_size=30))
def test_any_text_reads_or_is_refused_cleanly(pieces: list[str]) -> None:
    try:
        document = parse_text("\n".join(pieces), path="madeup_random.txt")
    except InputError as error:
        assert error.message.startswith("madeup_random.txt: ")
        return
    assert document.paragraphs
    for index, paragraph in enumerate(document.paragraphs):
        assert paragraph.index == index
        assert paragraph.text == paragraph.text.strip() and paragraph.text


def test_form_feeds_break_pages() -> None:
    text = (
        "The Security Council,\n\nRecalling its madeup resolution 9998 (2031) on the\f"
        "2\n\n31-12345\n\nS/RES/9999 (2031)\n\nlighthouse keepers,\n\n1. Decides so.\n"
    )
    document = parse_text("S/RES/9999 (2031)\n\n" + text)
    assert [p.text for p in document.paragraphs] == [
        "The Security Council,",
        "Recalling its madeup resolution 9998 (2031) on the lighthouse keepers,",
        "Decides so.",
    ]


def test_resolution_2587_letter_on_its_own_line_after_a_finished_item() -> None:
    # "... Humanitarian Affairs and Economic Matters;" / "(c)" / "ensure effective ...": the
    # finished line stays with (b), the lower-case line after the letter opens (c).
    document = load(CORPUS / "S_RES_2587_2021.txt")
    items = {p.number: p.text for p in document.paragraphs if p.number in ("4 (b)", "4 (c)")}
    assert items["4 (b)"].endswith(
        "Technical Committees on Health, Criminal Matters, Crisis Management, Humanitarian "
        "Affairs and Economic Matters;"
    )
    assert items["4 (c)"] == "ensure effective coordination and cooperation on criminal matters;"


def test_statement_2015_3_all_paragraphs_open_with_the_council() -> None:
    document = load(CORPUS / "S_PRST_2015_3.txt")
    assert [p.kind for p in document.paragraphs] == [ParagraphKind.INTRODUCTORY] + [
        ParagraphKind.STATEMENT
    ] * 21
    # The 20th statement paragraph lost its final stop in the PDF; the next still opens anew.
    assert document.paragraphs[20].text.endswith(
        "country-specific issues in the advice made by the Peacebuilding Commission"
    )
    assert document.paragraphs[21].text.startswith(
        "The Security Council highlights the contribution that the Economic and Social Council"
    )
    assert all(
        p.text.startswith(("The Security Council ", "The Council "))
        for p in document.paragraphs[1:]
    )
    assert document.paragraphs[-1].text.endswith("Article 65 of the Charter of the United Nations.")
    assert document.item == (
        "Maintenance of international peace and security: Inclusive development for the "
        "maintenance of international peace and security"
    )


@pytest.mark.parametrize(
    "line",
    [
        "08-30812 (E)",
        "10-20850 (E) 130110",
        "2 07-58512",
        "15-00637* (E) 300115",
        "*0830812*",
        "`````````",
        "2/7",
        "4",
        "PAGE 1 of 3",
        "Page 2",
        "S/RES/1809 (2008)",
        "S/RES//1809 (2008)",
        "S/RES/1809 (2008)*",
        "2/7 S/RES/1809 (2008)",
        "S/RES/1809 (2008) 3",
        "* Reissued for technical reasons on 22 June 2010.",
    ],
)
def test_page_furniture_is_recognised(line: str) -> None:
    assert is_furniture(line, compact_symbol("S/RES/1809 (2008)"))


@pytest.mark.parametrize(
    "line",
    [
        "18.",
        "(a)",
        "S/PRST/2007/7 of 28 March 2007, S/PRST/2007/31 of 28 August 2007 and",
        "S/RES/1325 (2000)",
        "2005, S/PRST/2004/27 of 20 July 2004,",
        "Decides to remain seized of the matter.",
        "”;",
    ],
)
def test_text_is_not_furniture(line: str) -> None:
    assert not is_furniture(line, compact_symbol("S/RES/1809 (2008)"))


def test_load_dispatches_word_and_pdf_by_suffix(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    fpdf = pytest.importorskip("fpdf")
    lines = ["The Security Council,", "Recalling its madeup resolutions,", "1. Decides so."]
    word = docx.Document()
    for line in lines:
        word.add_paragraph(line)
    word_path = tmp_path / "madeup_draft.DOCX"
    word.save(str(word_path))
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf_path = tmp_path / "madeup_draft.pdf"
    pdf.output(str(pdf_path))
    for path, format in ((word_path, "docx"), (pdf_path, "pdf")):
        document = load(path)
        assert document.source is not None and document.source.format == format
        assert [(p.kind.value, p.number, p.text) for p in document.paragraphs] == [
            ("introductory", None, "The Security Council,"),
            ("preambular", None, "Recalling its madeup resolutions,"),
            ("operative", "1", "Decides so."),
        ], format


def test_resolution_290_footnote_mark_after_the_document_it_refers_to() -> None:
    # "the report 45 of the Security Council Special Mission", footnote 45 printed below.
    document = load(CORPUS / "S_RES_290_1970.txt")
    assert document.paragraphs[1].text.startswith(
        "Having considered with appreciation the report of the Security Council Special Mission"
    )


def test_a_soft_hyphen_at_a_line_end_joins_the_word() -> None:
    assert join_lines(["the peace\u00ad", "keeping force"]) == "the peacekeeping force"
