"""Reading documents: one reader per file format, all ending in the same ``Document``.

``load`` reads a file (text, ``.docx`` or ``.pdf``) and ``parse_text`` reads text already in
memory. Plain text is decoded as UTF-8 (a byte-order mark is allowed) or, with its byte-order
mark, UTF-16 or UTF-32. Bytes that are not UTF-8 are read as Windows-1252 only when they look
like text (no control characters other than tab, line and page breaks, and four fifths letters
or spaces), because that is what word processors on Windows save as "plain text". Anything else
is refused with an ``InputError`` naming the file.
"""

from __future__ import annotations

from pathlib import Path

from prstdiff.model import Document
from prstdiff.parse.files import read_document_bytes, sha256_hex
from prstdiff.parse.reader import decode_text, parse_text
from prstdiff.parse.text import Layout

__all__ = ["Layout", "decode_text", "load", "parse_text"]


def load(path: str | Path) -> Document:
    """Read a document from a text, Word (``.docx``) or PDF file.

    Raises ``InputError`` for a missing file, a folder, an empty, binary or undecodable file,
    and a text without paragraphs.
    """
    suffix = Path(path).suffix.lower()
    if suffix in {".docx", ".doc"}:
        # A .doc goes to the Word reader too, which tells the user to save it as .docx.
        from prstdiff.parse.docx import read_docx  # python-docx loads only when a draft is read

        return read_docx(path)
    if suffix == ".pdf":
        from prstdiff.parse.pdf import read_pdf  # pypdf likewise

        return read_pdf(path)
    data = read_document_bytes(path)
    text = decode_text(data, path)
    return parse_text(text, path=str(path), sha256=sha256_hex(data))
