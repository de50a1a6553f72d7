"""The documented limits on what prstdiff reads, each with the reason for its size.

Real Security Council documents are small: the longest in the bundled corpus is under 40 KB of
text, a few hundred paragraphs and a few hundred words in its longest paragraph. The limits sit
far above that, so that no real document, draft or compilation meets them, and far enough below
what the machine can hold that hostile or broken input (``/dev/zero``, a zip bomb, a 5 MB line)
ends in one clear line instead of exhausting memory or time.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["LIMITS", "Limits"]


@dataclass(frozen=True, slots=True)
class Limits:
    """Largest inputs prstdiff reads; past them a document is refused with a clear error."""

    max_file_bytes: int = 64 * 1024 * 1024
    """Bytes of one document file (text, PDF or Word): a scanned PDF of a long report is a few
    megabytes; 64 MB leaves room for image-heavy PDFs and stops endless streams early."""
    max_docx_xml_bytes: int = 64 * 1024 * 1024
    """Bytes of a Word package's XML parts once unzipped (pictures aside): a real draft's XML
    is a few megabytes, while a zip bomb unpacks to gigabytes from a small file, and the XML
    parser needs several times the XML's size in memory."""
    max_list_start: int = 100_000
    """Highest start value of a Word list: numbering beyond it is a broken or hostile file, and
    spelling out such numbers (as letters or roman numerals) costs memory without bound."""
    max_paragraphs: int = 5_000
    """Paragraphs of one document: twenty-five times the longest real resolution; the alignment
    scores every pair of paragraphs, so memory grows with the square of this number (about 1 GB
    and ten seconds at the limit, measured by bench/limits.py)."""
    max_paragraph_words: int = 20_000
    """Words of one paragraph: forty times the longest real paragraph; a text without paragraph
    breaks (one 5 MB line) is not a document prstdiff can align."""


LIMITS = Limits()
"""The limits in force."""
