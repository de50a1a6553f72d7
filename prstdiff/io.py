"""Writing output files atomically, so a failure never leaves a half-written report."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from prstdiff.errors import OutputError


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise OutputError("cannot write: folder does not exist", folder)
    if target.is_dir():
        raise OutputError("cannot write: is a folder", target)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", suffix=".tmp", dir=folder
        )
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", target) from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
        if target.exists() and _is_read_only(target):
            raise OutputError("cannot write: file is read-only", target)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(target)
    except OutputError:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise
    except OSError as error:
        with contextlib.suppress(OSError):
            Path(temporary).unlink()
        raise OutputError(f"cannot write: {error.strerror or error}", target) from None
    return target


def _is_read_only(path: Path) -> bool:
    # rename() replaces even a write-protected file, and root passes every access() check; a
    # file with no write bit at all was protected on purpose, so it is refused for everyone.
    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not os.access(path, os.W_OK) or not path.stat().st_mode & writable_bits
