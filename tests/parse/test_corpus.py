"""The whole bundled corpus: every document parses, cleanly, with its numbering intact."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from prstdiff import load
from prstdiff.model import Document, DocumentKind, ParagraphKind
from prstdiff.normalize import comparison_key
from prstdiff.parse import parse_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
FILES = sorted(CORPUS.glob("S_*.txt"))

# Page furniture that must never reach a paragraph: job numbers (``08-30812``, ``15-00637*``),
# barcodes (``*0830812*``), and page-number lines.
JOB_NUMBER = re.compile(r"(?<![\d/-])\d{2}-\d{5}\b(?!-)")
BARCODE = re.compile(r"\*\d{7}\*")
# Footnote text of the yearly volumes (``28 See Official Records ...``, ``10 Ibid., ...``).
FOOTNOTE = re.compile(r"^\d{1,3}\s*(?:Ibid|\[bid|See\b|Official Records)|\bIbid\.,")
PAGE_ONLY = re.compile(r"^(?:\d{1,3}(?:/\d{1,3})?|Page \d{1,3}(?: of \d{1,3})?)$", re.IGNORECASE)

# Resolutions whose operative numbers, as printed in the source text, do not run 1..N. Each was
# checked by reading the file.
NUMBERING_EXCEPTIONS = {
    # The OCR text has no paragraph 5: paragraph 4 ("... of his report of 1 April 1974;") is
    # followed directly by "6. Further notes with satisfaction".
    "S_RES_346_1974.txt": [1, 2, 3, 4, 6, 7, 8],
    # "Calls upon Israel, the occupying Power, to adhere to the provisions of the Convention;"
    # stands between 1. and 3. without its number in the source.
    "S_RES_484_1980.txt": [1, 3, 4],
    # OCR read the "5." of "Requests all States to implement strictly ..." as "8.".
    "S_RES_591_1986.txt": [1, 2, 3, 4, 8, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
}


# Files whose text is another resolution than the file name says (the source's mix-up): the
# reader reports the symbol the text prints.
SYMBOL_EXCEPTIONS = {
    "S_RES_542_1983.txt": "S/RES/538 (1983)",  # a second copy of "Resolution 538 (1983)"
    "S_RES_778_1992.txt": "S/RES/773 (1992)",  # the text is headed "Resolution 773 (1992)"
}


def is_section_break(document: Document, index: int) -> bool:
    """A heading (``A``, ``Article 6``, ``Political``) or a new ``The Security Council,``."""
    paragraph = document.paragraphs[index]
    if paragraph.number is not None:
        return False
    words = paragraph.text.split()
    return paragraph.kind is ParagraphKind.INTRODUCTORY or (
        len(words) <= 6 and not paragraph.text.endswith((".", ";", ",", ":"))
    )


def numbering_is_regular(document: Document) -> bool:
    """Each operative number follows the last one, or restarts at 1 after a section break."""
    previous = 0
    section_start = True
    for paragraph in document.paragraphs:
        if paragraph.kind is ParagraphKind.CLOSING:
            break
        if is_section_break(document, paragraph.index):
            section_start = True
            continue
        if paragraph.kind is ParagraphKind.OPERATIVE and paragraph.number is not None:
            number = int(paragraph.number)
            if number != previous + 1 and not (section_start and number == 1):
                return False
            previous, section_start = number, False
    return True


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.name: load(path) for path in FILES}


def test_the_corpus_is_all_there() -> None:
    assert len(FILES) == 1025


def test_every_document_parses_with_symbol_kind_and_paragraphs(
    documents: dict[str, Document],
) -> None:
    for name, document in documents.items():
        expected = name.removesuffix(".txt").split("_")
        if expected[1] == "PRST":
            assert document.symbol == f"S/PRST/{expected[2]}/{expected[3]}", name
            assert document.kind is DocumentKind.PRESIDENTIAL_STATEMENT, name
        else:
            symbol = SYMBOL_EXCEPTIONS.get(name, f"S/RES/{expected[2]} ({expected[3]})")
            assert document.symbol == symbol, name
            assert document.kind is DocumentKind.RESOLUTION, name
        assert document.paragraphs, name
        assert all(p.index == i for i, p in enumerate(document.paragraphs)), name
        assert all(p.text.strip() == p.text and p.text for p in document.paragraphs), name


def test_no_paragraph_holds_page_furniture(documents: dict[str, Document]) -> None:
    for name, document in documents.items():
        for paragraph in document.paragraphs:
            where = f"{name} ¶{paragraph.index + 1}: {paragraph.text[:80]}"
            assert not JOB_NUMBER.search(paragraph.text), where
            assert not BARCODE.search(paragraph.text), where
            assert not PAGE_ONLY.match(paragraph.text), where
            assert not FOOTNOTE.search(paragraph.text), where
            if paragraph.kind is not ParagraphKind.CLOSING and document.symbol:
                # A running header would show as the symbol glued into the text.
                assert document.symbol not in paragraph.text, where


def test_operative_numbers_run_one_to_n(documents: dict[str, Document]) -> None:
    irregular = {
        name: [
            int(p.number)
            for p in document.paragraphs
            if p.kind is ParagraphKind.OPERATIVE and p.number is not None
        ]
        for name, document in documents.items()
        if document.kind is DocumentKind.RESOLUTION and not numbering_is_regular(document)
    }
    assert irregular == NUMBERING_EXCEPTIONS


def test_the_layouts_are_recognised(documents: dict[str, Document]) -> None:
    layouts = {
        name: document.source.layout for name, document in documents.items() if document.source
    }
    pdf_text = [
        name for name in layouts if name.startswith("S_PRST") or int(name.split("_")[3][:4]) >= 1995
    ]
    # The 123 documents of 1995-2023 are pdftotext output, in the modern layout or (1995-1999)
    # the older one; 1445 and 1454 (2002) come from the yearly volumes' source and keep blank
    # lines between paragraphs.
    wrapped = sorted(name for name, layout in layouts.items() if layout == "wrapped")
    assert len(wrapped) == 123
    assert wrapped == sorted(set(pdf_text) - {"S_RES_1445_2002.txt", "S_RES_1454_2002.txt"})
    assert all(
        layouts[name] in {"yearly-volume", "one-paragraph-per-line"}
        for name in layouts
        if name not in wrapped
    )


def test_only_annexes_close_a_document(documents: dict[str, Document]) -> None:
    closing = {
        name: document.paragraphs[
            next(p.index for p in document.paragraphs if p.kind is ParagraphKind.CLOSING)
        ].text.split()[0]
        for name, document in documents.items()
        if any(p.kind is ParagraphKind.CLOSING for p in document.paragraphs)
    }
    # Each of these prints an annex after the resolution (checked by reading the files).
    assert closing == {
        "S_RES_1454_2002.txt": "Annex",
        "S_RES_263_1969.txt": "ANNEX",
        "S_RES_345_1974.txt": "ANNEX",
        "S_RES_883_1993.txt": "Annex",
    }


def test_every_resolution_decides_something(documents: dict[str, Document]) -> None:
    without_operative = sorted(
        name
        for name, document in documents.items()
        if document.kind is DocumentKind.RESOLUTION
        and not any(p.kind is ParagraphKind.OPERATIVE for p in document.paragraphs)
    )
    # 34 (1947) decides in two lettered clauses, "(a) Resolves ..." and "(b) Requests ...";
    # the source text of 565 (1985) stops after the preamble and its footnotes 60 and 61.
    assert without_operative == ["S_RES_34_1947.txt", "S_RES_565_1985.txt"]


def one_paragraph_per_line(document: Document) -> str:
    """The document's paragraphs laid out again as the seed is: one line each, blank between."""
    lines = [document.symbol or "", document.title or ""]
    if document.kind is DocumentKind.RESOLUTION and document.vote:
        lines.append(document.vote)
    for paragraph in document.paragraphs:
        text = paragraph.text
        if paragraph.kind is ParagraphKind.OPERATIVE and paragraph.number:
            text = f"{paragraph.number}. {text}"
        elif paragraph.kind is ParagraphKind.SUBPARAGRAPH:
            text = f"{paragraph.number.split()[-1] if paragraph.number else '–'} {text}"
        elif paragraph.kind is ParagraphKind.STATEMENT:
            text = f"“{text}"
        lines.append(text)
    if document.kind is DocumentKind.PRESIDENTIAL_STATEMENT:
        lines[-1] += "”"
    return "\n\n".join(lines) + "\n"


def test_modern_documents_read_the_same_in_the_other_layout(
    documents: dict[str, Document],
) -> None:
    """The seed's two extractions agree (test_text); so must every wrapped document's."""
    wrapped = [d for d in documents.values() if d.source and d.source.layout == "wrapped"]
    assert len(wrapped) == 123
    for document in wrapped:
        again = parse_text(one_paragraph_per_line(document))
        assert again.source is not None
        # S/RES/1283 (1999) has only short paragraphs (most under 160 characters): laid out one
        # a line they look like a yearly volume, which is read the same way (blank lines between).
        expected = (
            "yearly-volume" if document.symbol == "S/RES/1283 (1999)" else "one-paragraph-per-line"
        )
        assert again.source.layout == expected, document.symbol
        assert (again.symbol, again.kind, again.date, again.meeting) == (
            document.symbol,
            document.kind,
            document.date,
            document.meeting,
        )
        assert [(p.kind, p.number, comparison_key(p.text)) for p in again.paragraphs] == [
            (p.kind, p.number, comparison_key(p.text)) for p in document.paragraphs
        ], document.symbol
