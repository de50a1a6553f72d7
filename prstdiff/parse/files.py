"""Reading a document file's bytes, with the one-line errors every reader gives.

Only regular files are read (and standard input, named ``-``): a FIFO would block for ever, and a
device such as ``/dev/zero`` never ends. Whatever is read stops at ``Limits.max_file_bytes``.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from prstdiff.errors import InputError
from prstdiff.limits import LIMITS

__all__ = ["STDIN", "read_document_bytes", "sha256_hex"]

STDIN = "-"
"""The name that stands for standard input."""

_NOT_REGULAR = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


def sha256_hex(data: bytes) -> str:
    """The SHA-256 digest of ``data`` in hexadecimal, as ``hashlib.sha256(data).hexdigest()``."""
    digest: str = _sha256(data).hexdigest()
    return digest


def _sha256_function() -> Callable[[bytes], Any]:
    # The standard library's own SHA-256 (``_sha256``; ``_sha2`` from Python 3.12): ``hashlib``
    # would load OpenSSL first, some 2.5 ms of every command's start-up, for a digest of a few
    # kilobytes. The digest is the same; hashlib stays the fallback.
    try:
        from _sha256 import sha256  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        try:
            from _sha2 import sha256  # type: ignore[import-not-found, no-redef, unused-ignore]
        except ImportError:
            from hashlib import sha256  # type: ignore[assignment, unused-ignore]
    return sha256  # type: ignore[no-any-return, unused-ignore]


_sha256 = _sha256_function()


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
