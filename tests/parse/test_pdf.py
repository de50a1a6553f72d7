"""PDFs: pypdf's text of every page reaches the same Document as the extracted text.

Every PDF here is written at test time with fpdf2 (no binary fixtures): the lines of a real
corpus document, page by page as the UN printed them, in a core font.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from collections.abc import Sequence
from pathlib import Path

import pypdf
import pytest
from fpdf import FPDF

from prstdiff.errors import InputError
from prstdiff.model import Document, ParagraphKind
from prstdiff.normalize import comparison_key
from prstdiff.parse import load
from prstdiff.parse.pdf import pdf_text, read_pdf

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


def build_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with one text line per entry, one PDF page per page, in Helvetica (cp1252)."""
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = "cp1252"  # the corpus's curly quotes and dashes are all in cp1252
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("Helvetica", size=9)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            if line:
                pdf.cell(text=line)
            pdf.ln(4)
    return bytes(pdf.output())


def test_pages_are_joined_with_form_feeds_lines_kept() -> None:
    data = build_pdf([["madeup line one", "madeup line two"], ["madeup page two"]])
    assert pdf_text(data) == "madeup line one\nmadeup line two\n\fmadeup page two\n"


def test_curly_quotes_and_dashes_survive_extraction() -> None:
    data = build_pdf([["the Secretary-General’s “proposal” – of 2008"]])
    assert pdf_text(data) == "the Secretary-General’s “proposal” – of 2008\n"


def encrypted(data: bytes, user_password: str, algorithm: str = "RC4-128") -> bytes:
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="madeup-owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-128", "AES-256"])
def test_owner_password_only_pdf_is_read(algorithm: str) -> None:
    # Many published PDFs restrict editing with an owner password but open without one; the
    # AES ones need the cryptography package, a dependency for that reason.
    data = encrypted(build_pdf([["madeup protected text"]]), "", algorithm)
    assert pdf_text(data) == "madeup protected text\n"


def blank_pdf() -> bytes:
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


GOOD = build_pdf([["madeup text"]])


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("madeup_text.pdf", b"madeup plain text, not a PDF", "not a PDF file (no %PDF header)"),
        ("madeup_truncated.pdf", GOOD[: len(GOOD) // 2], "corrupt PDF: "),
        ("madeup_header_only.pdf", b"%PDF-1.4\n%%EOF\n", "corrupt PDF: "),
        (
            "madeup_password.pdf",
            encrypted(GOOD, "madeup-secret"),
            "encrypted PDF: it needs a password to open",
        ),
        (
            "madeup_scanned.pdf",
            blank_pdf(),
            "PDF has no text layer (a scanned image? run OCR on it first)",
        ),
    ],
)
def test_bad_pdf_raises_one_line_input_error(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as raised:
        read_pdf(path)
    message = raised.value.message
    assert message.startswith(f"{path}: {problem}")
    assert "\n" not in message


def test_missing_folder_and_empty_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_pdf(tmp_path / "madeup_missing.pdf")
    with pytest.raises(InputError, match="is a folder"):
        read_pdf(tmp_path)
    (tmp_path / "madeup_empty.pdf").write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        read_pdf(tmp_path / "madeup_empty.pdf")


def test_repairs_are_not_logged(caplog: pytest.LogCaptureFixture) -> None:
    # pypdf logs the repairs it makes ("EOF marker not found"), which would reach stderr; the CLI
    # promises one line per problem.
    with caplog.at_level("DEBUG"), pytest.raises(InputError):
        pdf_text(GOOD[: len(GOOD) // 2], path="madeup_truncated.pdf")
    assert [r.getMessage() for r in caplog.records if r.name.startswith("pypdf")] == []
    assert logging.getLogger("pypdf").level == logging.NOTSET  # and the level is restored


def pages_of(name: str) -> list[list[str]]:
    """The lines of a corpus text, cut into pages where the UN's running header starts one."""
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    header = lines[0]  # every page of these documents opens with the symbol
    pages: list[list[str]] = []
    for line in lines:
        if line == header or not pages:
            pages.append([])
        pages[-1].append(line)
    return pages


def keyed(document: Document) -> list[tuple[str, str | None, str]]:
    return [(p.kind.value, p.number, comparison_key(p.text)) for p in document.paragraphs]


# Documents that print a letter outside cp1252, the only encoding of the PDF core fonts the
# test PDFs are written in: S/RES/1847 (2008) names the ``Limnitis/Yeşilirmak`` crossing point.
OUTSIDE_CP1252 = {"S_RES_1847_2008.txt": "ş"}


def modern_corpus() -> list[str]:
    """The corpus documents whose text was extracted from UN PDFs (the wrapped layout)."""
    names = []
    for path in sorted(CORPUS.glob("S_*.txt")):
        if path.name in OUTSIDE_CP1252:
            continue
        parts = path.stem.split("_")  # S_PRST_<year>_<n> or S_RES_<n>_<year>
        if int(parts[2] if parts[1] == "PRST" else parts[-1]) < 2000:
            continue  # the yearly volumes (OCR) end in 1994; no need to read them
        source = load(path).source
        if source is not None and source.layout == "wrapped":
            names.append(path.name)
    return names


MODERN = modern_corpus()


def test_only_letters_outside_cp1252_keep_a_document_out_of_the_pdf_tests() -> None:
    for name, letter in OUTSIDE_CP1252.items():
        text = (CORPUS / name).read_text(encoding="utf-8")
        assert letter in text
        with pytest.raises(UnicodeEncodeError):
            text.encode("cp1252")


def test_pages_are_cut_where_the_running_header_starts_them() -> None:
    assert len(MODERN) == 106
    pages = pages_of("S_RES_1809_2008.txt")
    assert len(pages) == 4
    assert pages[1][:3] == [
        "S/RES/1809 (2008)",
        "",
        "security challenges in Africa, including through the African Union’s commitment of",
    ]


@pytest.mark.parametrize("name", MODERN)
def test_pdf_of_a_corpus_document_reads_as_its_text(tmp_path: Path, name: str) -> None:
    path = tmp_path / name.replace(".txt", ".pdf")
    path.write_bytes(build_pdf(pages_of(name)))
    from_pdf = read_pdf(path)
    from_text = load(CORPUS / name)
    assert keyed(from_pdf) == keyed(from_text)
    assert (from_pdf.symbol, from_pdf.kind, from_pdf.date, from_pdf.meeting, from_pdf.item) == (
        from_text.symbol,
        from_text.kind,
        from_text.date,
        from_text.meeting,
        from_text.item,
    )
    assert from_pdf.citations == from_text.citations
    assert from_pdf.source is not None
    assert (from_pdf.source.format, from_pdf.source.layout) == ("pdf", "wrapped")


def test_pdf_of_s_res_1809_numbers_1_to_18(tmp_path: Path) -> None:
    path = tmp_path / "S_RES_1809_2008.pdf"
    path.write_bytes(build_pdf(pages_of("S_RES_1809_2008.txt")))
    document = load(path)  # through the dispatch by suffix
    operative = [p for p in document.paragraphs if p.kind is ParagraphKind.OPERATIVE]
    assert [p.number for p in operative] == [str(n) for n in range(1, 19)]
    assert operative[-1].text == "Decides to remain seized of the matter."
    assert document.symbol == "S/RES/1809 (2008)"
    assert document.date == dt.date(2008, 4, 16)
    assert document.meeting == 5868
