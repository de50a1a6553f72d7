"""Benchmark: reading Word drafts and PDFs, against reading the same documents' text.

Run from the repository root: ``python bench/read_formats.py`` (``--repeat N`` for more
runs, ``--limit N`` for fewer documents). It takes the modern corpus documents (the ones whose
text came from UN PDFs), writes each once as a Word draft (python-docx; operative paragraphs on
Word's automatic numbering) and once as a PDF (fpdf2, the text's lines page by page) in a
temporary folder, then prints, for each format, the median time to read all of them with
``prstdiff.parse.load`` next to the baselines measured in the same run: the text reader alone,
and the libraries alone (python-docx opening the file and joining its paragraphs; pypdf
extracting every page). The difference between a reader and its library is prstdiff's own work.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
import pypdf
from fpdf import FPDF

from prstdiff.model import Document, ParagraphKind
from prstdiff.parse import load

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LINES_PER_PAGE = 60
"""About what a UN page holds, so page breaks fall inside paragraphs as in the real PDFs."""


def modern_documents() -> list[Path]:
    """Corpus documents extracted from PDFs (2000 onwards), not the yearly volumes' OCR."""
    return [path for path in sorted(CORPUS.glob("S_*.txt")) if _layout(path) == "wrapped"]


def _layout(path: Path) -> str:
    document = load(path)
    return document.source.layout if document.source else ""


def write_docx(document: Document, path: Path) -> None:
    """A Word draft of a parsed document; operative paragraphs use Word's List Number style."""
    word = docx.Document()
    if document.symbol:
        word.add_paragraph(document.symbol)
    if document.title:
        word.add_paragraph(document.title)
    if document.vote:
        word.add_paragraph(document.vote)
    for paragraph in document.paragraphs:
        if paragraph.kind is ParagraphKind.OPERATIVE:
            word.add_paragraph(paragraph.text, style="List Number")
        elif paragraph.kind is ParagraphKind.SUBPARAGRAPH and paragraph.number:
            word.add_paragraph(f"{paragraph.number.split()[-1]} {paragraph.text}")
        else:
            word.add_paragraph(paragraph.text)
    word.save(str(path))


def write_pdf(text_path: Path, path: Path) -> None:
    """A PDF of a corpus text: its lines in Helvetica, 60 to a page."""
    pdf = FPDF()
    pdf.core_fonts_encoding = "cp1252"
    pdf.set_auto_page_break(auto=False)
    pdf.set_font("Helvetica", size=9)
    lines = text_path.read_text(encoding="utf-8").replace("\f", "").splitlines()
    for start in range(0, len(lines), LINES_PER_PAGE):
        pdf.add_page()
        for line in lines[start : start + LINES_PER_PAGE]:
            if line:
                pdf.cell(text=line)
            pdf.ln(4)
    pdf.output(str(path))


def docx_library(path: Path) -> str:
    """Baseline: python-docx opening the file and joining its paragraphs' text."""
    return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def pdf_library(path: Path) -> str:
    """Baseline: pypdf extracting the text of every page."""
    return "\f".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def timed(function: Callable[[Path], object], paths: list[Path], repeat: int) -> float:
    """Median wall time in seconds of calling ``function`` on every path."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in paths:
            function(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    """Write the files, time the readers and the baselines, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument("--limit", type=int, default=0, help="read only the first N documents")
    args = parser.parse_args()
    texts = modern_documents()
    if args.limit:
        texts = texts[: args.limit]
    with tempfile.TemporaryDirectory(prefix="prstdiff-bench-") as folder:
        words, pdfs = [], []
        for text in texts:
            words.append(Path(folder) / f"{text.stem}.docx")
            write_docx(load(text), words[-1])
            pdfs.append(Path(folder) / f"{text.stem}.pdf")
            write_pdf(text, pdfs[-1])
        rows = [
            ("text: prstdiff load", texts, load),
            ("docx: python-docx alone", words, docx_library),
            ("docx: prstdiff load", words, load),
            ("pdf: pypdf alone", pdfs, pdf_library),
            ("pdf: prstdiff load", pdfs, load),
        ]
        print(f"{len(texts)} documents, median of {args.repeat} runs\n")
        print(f"{'reader':<26} {'MB':>7} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'ms/doc':>7}")
        for name, paths, function in rows:
            megabytes = sum(p.stat().st_size for p in paths) / 1e6
            seconds = timed(function, paths, args.repeat)
            print(
                f"{name:<26} {megabytes:>7.2f} {seconds:>8.3f} {len(paths) / seconds:>8.1f} "
                f"{megabytes / seconds:>7.2f} {seconds / len(paths) * 1000:>7.1f}"
            )


if __name__ == "__main__":
    main()
