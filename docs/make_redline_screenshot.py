"""Make ``docs/redline.png``: a page of the Word redline of a real corpus pair, as LibreOffice
renders it.

Run from anywhere: ``python docs/make_redline_screenshot.py`` (needs LibreOffice's ``soffice``
and poppler's ``pdftotext`` and ``pdftoppm``).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
OLD = CORPUS / "S_RES_2398_2018.txt"
NEW = CORPUS / "S_RES_2453_2019.txt"
PAGE_TEXT = "Notes the Secretary-General’s report of the 2017 strategic review"
"""Words on the page to show: a paragraph whose carried words moved, new paragraphs, renumbering."""
# Comments become PDF annotations, drawn as icons where they are anchored.
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'


def run(*command: str) -> str:
    """Run a command; its standard output."""
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def main() -> None:
    """Write the redline of S/RES/2398 (2018) -> 2453 (2019) and picture its page of moves."""
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        redline = work / "redline.docx"
        status = subprocess.run(
            [sys.executable, "-m", "prstdiff", "report", str(OLD), str(NEW), "-o", str(redline)],
            check=False,
        ).returncode
        if status not in (0, 1):
            raise SystemExit(f"prstdiff report failed with status {status}")
        profile = (work / "profile").as_uri()
        run("soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to",
            PDF_FILTER, "--outdir", str(work), str(redline))  # fmt: skip
        pdf = work / "redline.pdf"
        pages = run("pdftotext", str(pdf), "-").split("\f")
        page = next(n for n, text in enumerate(pages, 1) if PAGE_TEXT in " ".join(text.split()))
        run("pdftoppm", "-png", "-r", "90", "-f", str(page), "-l", str(page), "-singlefile",
            str(pdf), str(HERE / "redline"))  # fmt: skip
    print(HERE / "redline.png")


if __name__ == "__main__":
    main()
