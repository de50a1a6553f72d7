"""Word drafts: paragraphs and automatic numbering reach the same Document as the text reader.

Every .docx here is built at test time with python-docx (no binary fixtures). Word's automatic
numbering is written as Word writes it: a ``w:abstractNum`` with its levels in the numbering
part, a ``w:num`` instance pointing to it, and ``w:numPr`` (numId, ilvl) on each paragraph or
on its style.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from prstdiff.errors import InputError
from prstdiff.model import Document, DocumentKind, ParagraphKind
from prstdiff.normalize import comparison_key
from prstdiff.parse import load, parse_text
from prstdiff.parse.docx import docx_text, format_number, read_docx

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

OPERATIVE_LIST = (
    f'<w:abstractNum {W} w:abstractNumId="90">'
    '<w:multiLevelType w:val="multilevel"/>'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
    '<w:lvlText w:val="(%2)"/></w:lvl>'
    '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>'
    '<w:lvlText w:val="(%3)"/></w:lvl>'
    "</w:abstractNum>"
)
"""A UN-style operative list: ``1.``, then ``(a)``, then ``(i)``."""


@dataclass(frozen=True, slots=True)
class Numbered:
    """A paragraph of a test draft numbered by Word (level 0 ``1.``, level 1 ``(a)``)."""

    text: str
    """The paragraph's text, without its number."""
    level: int = 0
    """Word's ``ilvl``."""
    num_id: int = 90
    """Word's numbering instance."""


def add_operative_list(document: docx.document.Document, *num_ids: int, restart: int = 0) -> None:
    """Add the UN-style abstract list and numbering instances of it to a python-docx document."""
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(OPERATIVE_LIST))
    for num_id in num_ids or (90,):
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
            if restart
            else ""
        )
        numbering.append(
            parse_xml(
                f'<w:num {W} w:numId="{num_id}"><w:abstractNumId w:val="90"/>{override}</w:num>'
            )
        )


def add_numbered(document: docx.document.Document, item: Numbered) -> None:
    """Add a paragraph carrying Word automatic numbering (``w:numPr``)."""
    paragraph = document.add_paragraph(item.text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{item.level}"/><w:numId w:val="{item.num_id}"/></w:numPr>'
        )
    )


def build_docx(paragraphs: Sequence[str | Numbered], *, lists: Sequence[int] = (90,)) -> bytes:
    """A .docx with plain and automatically numbered paragraphs."""
    document = docx.Document()
    add_operative_list(document, *lists)
    for item in paragraphs:
        if isinstance(item, Numbered):
            add_numbered(document, item)
        else:
            document.add_paragraph(item)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def save(document: docx.document.Document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


# --- Word's numbering, printed as Word prints it -------------------------------------------


def test_number_formats_follow_word() -> None:
    assert [format_number(n, "lowerLetter") for n in (1, 2, 26, 27, 52, 53)] == [
        "a",
        "b",
        "z",
        "aa",
        "zz",
        "aaa",
    ]
    assert [format_number(n, "upperLetter") for n in (3, 28)] == ["C", "BB"]
    assert [format_number(n, "lowerRoman") for n in (1, 4, 9, 14, 40, 1994)] == [
        "i",
        "iv",
        "ix",
        "xiv",
        "xl",
        "mcmxciv",
    ]
    assert format_number(7, "upperRoman") == "VII"
    assert format_number(7, "decimalZero") == "07"
    assert format_number(12, "decimal") == "12"
    assert format_number(12, "ordinalText") == "12"  # formats not spelled out print as decimal


def test_automatic_numbering_prints_operative_and_lettered_levels() -> None:
    data = build_docx(
        [
            "madeup preamble,",
            Numbered("madeup first decision;"),
            Numbered("madeup second decision, including:"),
            Numbered("madeup first point;", 1),
            Numbered("madeup second point;", 1),
            Numbered("madeup roman point;", 2),
            Numbered("madeup third decision;"),
            Numbered("madeup lettered again;", 1),
        ]
    )
    assert docx_text(data).split("\n\n") == [
        "madeup preamble,",
        "1. madeup first decision;",
        "2. madeup second decision, including:",
        "(a) madeup first point;",
        "(b) madeup second point;",
        "(i) madeup roman point;",
        "3. madeup third decision;",
        "(a) madeup lettered again;\n",  # a new operative paragraph restarts its letters
    ]


def test_text_layout_is_one_paragraph_per_line_with_blank_lines() -> None:
    data = build_docx(["madeup one", Numbered("madeup two"), "madeup three"])
    assert docx_text(data) == "madeup one\n\n1. madeup two\n\nmadeup three\n"


def test_numbering_through_the_list_number_style() -> None:
    document = docx.Document()
    document.add_paragraph("madeup preamble,")
    document.add_paragraph("madeup decides;", style="List Number")
    document.add_paragraph("madeup requests;", style="List Number")
    assert docx_text(save(document)) == (
        "madeup preamble,\n\n1. madeup decides;\n\n2. madeup requests;\n"
    )


def test_instances_of_one_list_continue_and_a_start_override_restarts() -> None:
    document = docx.Document()
    add_operative_list(document, 90, 91)
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="92"><w:abstractNumId w:val="90"/>'
            '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'
        )
    )
    add_numbered(document, Numbered("madeup a", num_id=90))
    add_numbered(document, Numbered("madeup b", num_id=91))  # same abstract list: continues
    add_numbered(document, Numbered("madeup c", num_id=92))  # restarts at 5
    add_numbered(document, Numbered("madeup d", num_id=92))
    assert docx_text(save(document)).split("\n\n") == [
        "1. madeup a",
        "2. madeup b",
        "5. madeup c",
        "6. madeup d\n",
    ]


def test_a_level_that_never_restarts_keeps_counting() -> None:
    document = docx.Document()
    document.part.numbering_part.element.insert(
        0,
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="93">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%1."/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
            "</w:abstractNum>"
        ),
    )
    document.part.numbering_part.element.append(
        parse_xml(f'<w:num {W} w:numId="93"><w:abstractNumId w:val="93"/></w:num>')
    )
    for text, level in [("madeup one", 0), ("madeup a", 1), ("madeup two", 0), ("madeup b", 1)]:
        add_numbered(document, Numbered(text, level, num_id=93))
    assert docx_text(save(document)).split("\n\n") == [
        "1. madeup one",
        "(a) madeup a",
        "2. madeup two",
        "(b) madeup b\n",  # w:lvlRestart 0: the letters run on across operative paragraphs
    ]


def test_a_list_style_link_takes_the_levels_of_the_style_list() -> None:
    # Word's list styles: the abstract list a paragraph points to only names a numbering style
    # (w:numStyleLink); the levels live in the list that the style's own instance points to.
    document = docx.Document()
    add_operative_list(document, 95)
    document.styles.element.append(
        parse_xml(
            f'<w:style {W} w:type="numbering" w:styleId="MadeupOperativeList">'
            '<w:name w:val="Madeup operative list"/>'
            '<w:pPr><w:numPr><w:numId w:val="95"/></w:numPr></w:pPr></w:style>'
        )
    )
    numbering = document.part.numbering_part.element
    numbering.insert(
        1,
        parse_xml(
            f'<w:abstractNum {W} w:abstractNumId="91">'
            '<w:numStyleLink w:val="MadeupOperativeList"/></w:abstractNum>'
        ),
    )
    numbering.append(parse_xml(f'<w:num {W} w:numId="96"><w:abstractNumId w:val="91"/></w:num>'))
    add_numbered(document, Numbered("madeup first", num_id=96))
    add_numbered(document, Numbered("madeup lettered", 1, num_id=96))
    add_numbered(document, Numbered("madeup second", num_id=95))
    assert docx_text(save(document)).split("\n\n") == [
        "1. madeup first",
        "(a) madeup lettered",
        "2. madeup second\n",
    ]


def test_bullets_and_num_id_zero_print_no_number() -> None:
    document = docx.Document()
    document.add_paragraph("madeup bullet", style="List Bullet")
    removed = document.add_paragraph("madeup unnumbered", style="List Number")
    removed._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>')
    )
    document.add_paragraph("madeup numbered", style="List Number")
    assert docx_text(save(document)).split("\n\n") == [
        "madeup bullet",
        "madeup unnumbered",
        "1. madeup numbered\n",
    ]


def test_empty_numbered_paragraph_still_counts_as_word_shows_it() -> None:
    data = build_docx([Numbered("madeup one"), Numbered(""), Numbered("madeup three")])
    assert docx_text(data) == "1. madeup one\n\n3. madeup three\n"


def test_typed_numbers_and_tabs_are_kept_as_typed() -> None:
    document = docx.Document()
    document.add_paragraph("4.\tmadeup typed number;")
    document.add_paragraph("(b)\tmadeup typed letter;")
    assert docx_text(save(document)) == "4. madeup typed number;\n\n(b) madeup typed letter;\n"


def test_tracked_changes_read_as_accepted() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("madeup Decides ")
    paragraph._p.append(
        parse_xml(
            f'<w:ins {W} w:id="1" w:author="madeup" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:t xml:space="preserve">also </w:t></w:r></w:ins>'
        )
    )
    paragraph._p.append(
        parse_xml(
            f'<w:del {W} w:id="2" w:author="madeup" w:date="2024-01-01T00:00:00Z">'
            '<w:r><w:delText xml:space="preserve">never </w:delText></w:r></w:del>'
        )
    )
    paragraph.add_run("to remain seized;")
    assert docx_text(save(document)) == "madeup Decides also to remain seized;\n"


def test_hidden_text_is_not_read() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("madeup visible ")
    paragraph.add_run("madeup hidden note ").font.hidden = True
    paragraph.add_run("text")
    shown = document.add_paragraph("")
    shown.add_run("madeup unhidden").font.hidden = False
    assert docx_text(save(document)) == "madeup visible text\n\nmadeup unhidden\n"


def test_headers_and_footers_are_not_paragraphs_but_tables_are_read() -> None:
    document = docx.Document()
    section = document.sections[0]
    section.header.add_paragraph("madeup running header S/RES/9999 (2099)")
    section.footer.add_paragraph("madeup footer 99-99999")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "United Nations"
    table.cell(0, 1).text = "madeup symbol cell"
    document.add_paragraph("madeup body paragraph")
    assert docx_text(save(document)) == (
        "United Nations\n\nmadeup symbol cell\n\nmadeup body paragraph\n"
    )


def test_line_breaks_inside_a_paragraph_keep_it_one_paragraph() -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("madeup first half")
    paragraph.add_run().add_break()
    paragraph.add_run("second half")
    assert docx_text(save(document)) == "madeup first half second half\n"


# --- bad input -------------------------------------------------------------------------------


def rezip(data: bytes, *, drop: str = "", replace: dict[str, bytes] | None = None) -> bytes:
    """A copy of a .docx package with one member dropped or replaced."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name == drop:
                continue
            target.writestr(name, (replace or {}).get(name, source.read(name)))
    return out.getvalue()


GOOD = build_docx(["madeup paragraph"])


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("madeup_text.docx", b"madeup plain text, not a zip", "not a Word .docx file"),
        ("madeup_truncated.docx", GOOD[: len(GOOD) // 2], "not a Word .docx file"),
        (
            "madeup_old_word.docx",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
            "a Word 97-2003 .doc file, not .docx",
        ),
        (
            "madeup_no_document_part.docx",
            rezip(GOOD, drop="word/document.xml"),
            "broken .docx package: There is no item named 'word/document.xml'",
        ),
        (
            "madeup_bad_xml.docx",
            rezip(GOOD, replace={"word/document.xml": b"<w:document"}),
            "broken .docx package: malformed XML",
        ),
        (
            "madeup_spreadsheet.docx",
            rezip(
                GOOD,
                replace={
                    "[Content_Types].xml": zipfile.ZipFile(io.BytesIO(GOOD))
                    .read("[Content_Types].xml")
                    .replace(b"wordprocessingml.document.main", b"spreadsheetml.sheet.main")
                },
            ),
            "not a Word document (an Office file of another kind)",
        ),
        ("madeup_empty_body.docx", build_docx([]), "Word document has no text in its body"),
    ],
)
def test_bad_docx_raises_one_line_input_error(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_docx(path)
    message = raised.value.message
    assert message.startswith(f"{path}: {problem}")
    assert "\n" not in message


def test_missing_folder_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_docx(tmp_path / "madeup_missing.docx")
    with pytest.raises(InputError, match="is a folder"):
        read_docx(tmp_path)
    (tmp_path / "madeup_empty.docx").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read_docx(tmp_path / "madeup_empty.docx")


# --- real documents: a Word draft reads as the extracted text does ---------------------------


def modern_corpus() -> list[str]:
    """The corpus documents whose text was extracted from UN PDFs (the wrapped layout)."""
    names = []
    for path in sorted(CORPUS.glob("S_*.txt")):
        parts = path.stem.split("_")  # S_PRST_<year>_<n> or S_RES_<n>_<year>
        if int(parts[2] if parts[1] == "PRST" else parts[-1]) < 2000:
            continue  # the yearly volumes (OCR) end in 1994; no need to read them
        source = load(path).source
        if source is not None and source.layout == "wrapped":
            names.append(path.name)
    return names


MODERN = modern_corpus()


def word_draft_of(path: Path) -> bytes:
    """A Word draft of a corpus document, laid out as the UN's Word files are.

    A resolution's header block (symbol, ``United Nations``, ``Distr.: General``, date) sits in
    a table, its title and adoption line are paragraphs, and numbered operative paragraphs and
    their sub-paragraphs carry Word's automatic numbering instead of typed numbers. A
    statement's heading lines are paragraphs, and each of its paragraphs opens with a quotation
    mark, the last one closing the statement (the reader drops both).
    """
    lines = path.read_text(encoding="utf-8").splitlines()
    document = load(path)
    word = docx.Document()
    add_operative_list(word)
    if document.kind is DocumentKind.RESOLUTION:
        title_at = next(i for i, line in enumerate(lines) if line.startswith("Resolution "))
        # The body opens with ``The Security Council,`` (without its comma in S/RES/2222 (2015)),
        # or straight with a preambular paragraph (S/RES/2573 (2021), adopted in writing).
        first = document.paragraphs[0].text
        council_at = next(
            i
            for i, line in enumerate(lines)
            if i > title_at and line.strip() and first.startswith(line.strip())
        )
        header = [line for line in lines[:title_at] if line.strip()]
        table = word.add_table(rows=len(header), cols=1)
        for row, line in zip(table.rows, header, strict=True):
            row.cells[0].text = line
        word.add_paragraph(lines[title_at])
        word.add_paragraph(" ".join(lines[title_at + 1 : council_at]))
    else:
        first = document.paragraphs[0].text
        start = next(i for i, line in enumerate(lines) if line and first.startswith(line.strip()))
        for line in lines[:start]:
            if line.strip():
                word.add_paragraph(line)
    last = len(document.paragraphs) - 1
    for paragraph in document.paragraphs:
        if paragraph.number and paragraph.kind in (
            ParagraphKind.OPERATIVE,
            ParagraphKind.SUBPARAGRAPH,
        ):
            add_numbered(word, Numbered(paragraph.text, len(paragraph.number.split()) - 1))
        elif paragraph.kind is ParagraphKind.SUBPARAGRAPH:
            # An item of a dashed list (S/PRST/2006/33 ``– the Security Council welcomes ...``)
            # keeps its typed dash.
            word.add_paragraph(f"– {paragraph.text}")
        elif paragraph.kind is ParagraphKind.STATEMENT:
            word.add_paragraph(
                f"“{paragraph.text}”" if paragraph.index == last else f"“{paragraph.text}"
            )
        else:
            word.add_paragraph(paragraph.text)
    return save(word)


def keyed(document: Document) -> list[tuple[str, str | None, str]]:
    return [(p.kind.value, p.number, comparison_key(p.text)) for p in document.paragraphs]


def test_the_modern_corpus_is_selected() -> None:
    assert len(MODERN) == 107
    assert "S_RES_1809_2008.txt" in MODERN
    assert "S_PRST_2007_42.txt" in MODERN


@pytest.mark.parametrize("name", MODERN)
def test_word_draft_of_a_corpus_document_reads_as_its_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name.replace(".txt", ".docx")
    path.write_bytes(word_draft_of(CORPUS / name))
    from_word = read_docx(path)
    from_text = load(CORPUS / name)
    assert keyed(from_word) == keyed(from_text)
    assert (from_word.symbol, from_word.kind, from_word.date, from_word.meeting) == (
        from_text.symbol,
        from_text.kind,
        from_text.date,
        from_text.meeting,
    )
    assert from_word.item == from_text.item
    assert from_word.citations == from_text.citations
    assert from_word.source is not None
    assert from_word.source.format == "docx"
    assert from_word.source.path == str(path)


def test_word_numbering_of_s_res_1809_runs_1_to_18() -> None:
    data = word_draft_of(CORPUS / "S_RES_1809_2008.txt")
    document = parse_text(docx_text(data), format="docx")
    operative = [p for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert [p.number for p in operative] == [str(n) for n in range(1, 19)]
    assert operative[-1].text == "Decides to remain seized of the matter."
    assert document.symbol == "S/RES/1809 (2008)"
    assert document.meeting == 5868
    assert document.date == dt.date(2008, 4, 16)


def test_word_sub_paragraphs_of_s_res_1325_are_lettered_under_8() -> None:
    data = word_draft_of(CORPUS / "S_RES_1325_2000.txt")
    text = docx_text(data)
    assert "\n\n8. Calls on all actors involved, when negotiating" in text
    assert "\n\n(a) The special needs of women and girls during repatriation" in text
    assert "\n\n(c) Measures that ensure the protection of and respect" in text
    assert "\n\n9. Calls upon all parties to armed conflict" in text
    document = parse_text(text, format="docx")
    numbers = [p.number for p in document.paragraphs if p.number]
    assert numbers[7:12] == ["8", "8 (a)", "8 (b)", "8 (c)", "9"]


def seed_draft(masthead: str) -> tuple[bytes, Document]:
    """A Word draft of the seed statement, and the statement as its text reads.

    ``masthead`` says where the lines above the title go: ``body`` (as paragraphs), ``header``
    (the first page's header, as some Word files keep them) or ``madeup`` (a made-up drafting
    note in the header instead, and no masthead at all).
    """
    seed = FIXTURES / "S_PRST_2007_42.onecol.txt"
    from_text = load(seed)
    lines = seed.read_text(encoding="utf-8").splitlines()
    head = [line for line in lines[: lines.index(from_text.paragraphs[0].text)] if line]
    word = docx.Document()
    title = head.pop()  # "Statement by the President of the Security Council"
    section = word.sections[0]
    if masthead == "body":
        for line in head:
            word.add_paragraph(line)
    elif masthead == "header":
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = head[0]
        for line in head[1:]:
            section.first_page_header.add_paragraph(line)
        section.header.paragraphs[0].text = "S/PRST/2007/42"  # the running header of page 2
    else:
        section.header.paragraphs[0].text = "madeup draft for consultation, not for circulation"
    word.add_paragraph(title)
    # The draft as the Council's Word file has it: each statement paragraph opens with a
    # quotation mark and the last one closes the statement (the reader drops both).
    last = len(from_text.paragraphs) - 1
    for paragraph in from_text.paragraphs:
        text = paragraph.text
        if paragraph.kind is ParagraphKind.STATEMENT:
            text = f'"{text}"' if paragraph.index == last else f'"{text}'
        word.add_paragraph(text)
    return save(word), from_text


@pytest.mark.parametrize("masthead", ["body", "header"])
def test_word_draft_of_the_seed_statement_reads_as_its_text(tmp_path: Path, masthead: str) -> None:
    data, from_text = seed_draft(masthead)
    path = tmp_path / "S_PRST_2007_42.docx"
    path.write_bytes(data)
    from_word = read_docx(path)
    assert keyed(from_word) == keyed(from_text)
    assert len(from_word.paragraphs) == 15
    assert (from_word.symbol, from_word.date, from_word.meeting, from_word.item) == (
        "S/PRST/2007/42",
        dt.date(2007, 11, 6),
        5776,
        from_text.item,
    )
    assert from_word.title == "Statement by the President of the Security Council"
    assert from_word.citations == from_text.citations


def test_header_text_is_never_a_paragraph(tmp_path: Path) -> None:
    data, from_text = seed_draft("madeup")
    path = tmp_path / "madeup_S_PRST_2007_42.docx"
    path.write_bytes(data)
    from_word = read_docx(path)
    assert keyed(from_word) == keyed(from_text)
    assert "madeup" not in docx_text(data)
    assert from_word.title == "Statement by the President of the Security Council"


def test_a_draft_that_names_no_symbol_has_none(tmp_path: Path) -> None:
    data, _ = seed_draft("madeup")
    path = tmp_path / "madeup_S_PRST_2007_42.docx"
    path.write_bytes(data)
    assert read_docx(path).symbol is None


def test_examples_in_docstrings() -> None:
    import doctest

    import prstdiff.parse.docx

    results = doctest.testmod(prstdiff.parse.docx)
    assert (results.attempted, results.failed) == (2, 0)


def test_load_sends_an_old_word_file_to_the_word_reader(tmp_path: Path) -> None:
    path = tmp_path / "madeup_draft.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    with pytest.raises(InputError) as caught:
        load(path)
    assert caught.value.message == (
        f"{path}: a Word 97-2003 .doc file, not .docx: save it as .docx first"
    )
