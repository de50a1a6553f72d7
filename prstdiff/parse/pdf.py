"""PDF documents: pypdf extracts the text of every page, and the text reader does the rest.

UN PDFs carry a text layer, and the text reader already knows what PDF extraction leaves behind
(running headers, job numbers, barcodes, page numbers, paragraphs broken across pages), so this
module only turns the pages into text: one page after another, each starting with a form feed.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import struct
import zlib
from collections.abc import Iterator
from pathlib import Path

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

from prstdiff.errors import InputError, one_line
from prstdiff.model import Document
from prstdiff.parse.files import read_document_bytes
from prstdiff.parse.reader import parse_text

_HEADER_WINDOW = 1024
"""PDF readers accept the ``%PDF-`` header anywhere in the first kilobyte (Acrobat's rule)."""

_MALFORMED = (
    PyPdfError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    AssertionError,
    RecursionError,
    zlib.error,
    struct.error,
)
"""What pypdf raises on a malformed file: its own errors, and low-level errors it lets through
from broken object tables and content streams."""


def read_pdf(path: str | Path) -> Document:
    """Read a PDF (its text layer) into a Document."""
    data = read_document_bytes(path)
    text = pdf_text(data, path=path)
    return parse_text(text, path=str(path), format="pdf", sha256=hashlib.sha256(data).hexdigest())


def pdf_text(data: bytes, *, path: str | Path = "<pdf>") -> str:
    """The text of every page of a PDF, pages separated by form feeds (as in the corpus)."""
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise InputError("not a PDF file (no %PDF header)", path)
    with _quiet_pypdf():
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise InputError("encrypted PDF: it needs a password to open", path)
            pages = [page.extract_text() or "" for page in reader.pages]
        except FileNotDecryptedError:
            raise InputError("encrypted PDF: it needs a password to open", path) from None
        except DependencyError as error:
            raise InputError(
                f"encrypted PDF that cannot be decrypted here: {error}", path
            ) from None
        except _MALFORMED as error:
            raise InputError(f"corrupt PDF: {one_line(error)}", path) from None
    if not any(page.strip() for page in pages):
        raise InputError("PDF has no text layer (a scanned image? run OCR on it first)", path)
    return "\f".join(page if page.endswith("\n") else page + "\n" for page in pages)


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs every repair it makes ("EOF marker not found") as a warning on stderr; the CLI
    # promises one line per problem, and a repaired file is not a problem, so hold them back.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 1)
    try:
        yield
    finally:
        logger.setLevel(level)
