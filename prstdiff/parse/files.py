"""Reading a document file's bytes, with the one-line errors every reader gives."""

from __future__ import annotations

from pathlib import Path

from prstdiff.errors import InputError


def read_document_bytes(path: str | Path) -> bytes:
    """Return a document file's bytes; ``InputError`` if missing, a folder, unreadable or empty."""
    file = Path(path)
    if file.is_dir():
        raise InputError("is a folder, not a document", path)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", path) from None
    if not data.strip():
        raise InputError("empty file", path)
    return data
