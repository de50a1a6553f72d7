"""The front door: ``compare`` takes documents, file paths or text, like difflib takes strings.

How an argument is read: a ``Document`` is used as it is; a ``pathlib.Path`` (any ``os.PathLike``)
is a file; a ``str`` holding a line break is the text of a document; any other ``str`` is a file's
path (a path never holds a line break, a document's text always does).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TypeAlias

from prstdiff.compare import compare as compare_documents
from prstdiff.model import Comparison, Document
from prstdiff.options import CompareOptions
from prstdiff.parse import load, parse_text

__all__ = ["DocumentLike", "as_document", "compare"]

DocumentLike: TypeAlias = Document | str | os.PathLike[str]
"""What ``compare`` accepts for each side: a document, a file's path, or a document's text."""


def as_document(value: DocumentLike) -> Document:
    """Read a document, a file (text, ``.docx``, ``.pdf``) or a text in memory into a ``Document``.

    >>> as_document("The Security Council,\\n\\n1. Decides to remain seized of the matter.\\n")
    <Document '<text>' (other), 2 paragraphs>
    """
    if isinstance(value, Document):
        return value
    if isinstance(value, str) and "\n" in value:
        return parse_text(value)
    if isinstance(value, str | os.PathLike):
        return load(Path(value))
    raise TypeError(f"expected a Document, a path or a text, not {type(value).__name__}")


def compare(
    old: DocumentLike, new: DocumentLike, options: CompareOptions | None = None
) -> Comparison:
    """Compare two documents paragraph by paragraph; each a ``Document``, a path or a text.

    >>> old = "The Security Council,\\n\\n1. Extends the mandate until 31 July 2021;\\n"
    >>> new = "The Security Council,\\n\\n1. Extends the mandate until 31 January 2022;\\n"
    >>> result = compare(old, new)
    >>> result
    <Comparison '<text>' -> '<text>': 1 reused, 1 altered, 0 new, 0 dropped>
    >>> altered = result.pairs[1]
    >>> altered.old_text(result), altered.new_text(result)
    ('Extends the mandate until 31 July 2021;', 'Extends the mandate until 31 January 2022;')
    """
    return compare_documents(as_document(old), as_document(new), options)
