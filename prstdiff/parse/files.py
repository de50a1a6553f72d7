"""Reading a document file's bytes, with the one-line errors every reader gives.

Only regular files are read (and standard input, named ``-``): a FIFO would block for ever, and a
device such as ``/dev/zero`` never ends. Whatever is read stops at ``Limits.max_file_bytes``.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from prstdiff.errors import InputError
from prstdiff.limits import LIMITS

__all__ = ["STDIN", "read_document_bytes"]

STDIN = "-"
"""The name that stands for standard input."""

_NOT_REGULAR = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def read_document_bytes(path: str | Path) -> bytes:
    """Return a document file's bytes; ``InputError`` if missing, not a regular file, unreadable,
    empty or over the size limit. ``-`` reads standard input."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(LIMITS.max_file_bytes + 1)
    else:
        data = _read_regular_file(Path(path))
    if len(data) > LIMITS.max_file_bytes:
        raise InputError(
            f"too large: over {LIMITS.max_file_bytes // (1024 * 1024)} MB "
            "(the limit for one document)",
            path,
        )
    if not data.strip():
        raise InputError("empty file", path)
    return data


def _read_regular_file(file: Path) -> bytes:
    try:
        # Opened without blocking so that a FIFO swapped in after a check cannot hang the read.
        descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError("no such file", file) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a document", file) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", file) from None
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise InputError("is a folder, not a document", file)
        kind = _NOT_REGULAR.get(stat.S_IFMT(mode), "not a regular file")
        raise InputError(f"not a regular file: {kind}", file)
    os.set_blocking(descriptor, True)
    with os.fdopen(descriptor, "rb") as stream:
        try:
            return stream.read(LIMITS.max_file_bytes + 1)
        except OSError as error:
            raise InputError(f"cannot read: {error.strerror or error}", file) from None
