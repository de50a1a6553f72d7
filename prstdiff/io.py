"""Writing output files so that a failure, a signal or a power cut never destroys anything.

A regular file is replaced atomically: the data goes to a temporary file in the same folder, is
flushed to disk (``fsync``), and is renamed over the target, whose folder is then flushed too.
The new file keeps the mode, owner and group of the file it replaces (a new file gets the
umask's mode), so a private report stays private. Anything that is not a regular file is never
replaced: a device, FIFO or socket (``/dev/null``, ``/dev/stdout``) is written through, and a
symbolic link has its target replaced, not the link. A file with several hard links is written
in place, since a rename would silently cut it off from its other names. The temporary file is
removed on every failure and on SIGTERM/SIGHUP; one left behind by a killed process (``kill -9``)
is removed by the next write to the same file.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType

from prstdiff.errors import OutputError

__all__ = ["refuse_overwriting", "write_atomic"]

_TEMP_SUFFIX = ".tmp"


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` without ever leaving a half-written file.

    Returns the path written (a symbolic link's target when ``path`` is a link).
    """
    payload = data.encode("utf-8") if isinstance(data, str) else data
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    folder = target.parent if str(target.parent) else Path()
    if not folder.is_dir():
        raise OutputError("cannot write: folder does not exist", folder)
    try:
        existing = target.stat()
    except FileNotFoundError:
        existing = None
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", target) from None
    if existing is not None:
        if stat.S_ISDIR(existing.st_mode):
            raise OutputError("cannot write: is a folder", target)
        if not stat.S_ISREG(existing.st_mode) or existing.st_nlink > 1:
            _write_through(target, payload)
            return target
        if _is_read_only(target, existing):
            raise OutputError("cannot write: file is read-only", target)
    _remove_stale_temporaries(folder, target.name)
    with _cleanup_on_signals() as temporaries:
        try:
            descriptor, temporary = tempfile.mkstemp(
                prefix=_temp_prefix(target.name, os.getpid()), suffix=_TEMP_SUFFIX, dir=folder
            )
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror or error}", target) from None
        temporaries.append(temporary)
        try:
            with os.fdopen(descriptor, "wb") as stream:
                stream.write(payload)
                stream.flush()
                _copy_ownership(stream.fileno(), existing)
                os.fsync(stream.fileno())
            Path(temporary).replace(target)
            temporaries.remove(temporary)
            _fsync_folder(folder)
        except OSError as error:
            raise OutputError(f"cannot write: {error.strerror or error}", target) from None
    return target


def refuse_overwriting(output: str | Path, protected: Iterable[str | Path], what: str) -> None:
    """Raise ``OutputError`` when ``output`` is the same file as one of ``protected``.

    ``what`` names the protected files in the message (``an input document``, ``the index``).
    """
    try:
        written = Path(output).stat()
    except OSError:
        return  # a file that does not exist yet cannot be an input
    for path in protected:
        try:
            kept = Path(path).stat()
        except OSError:
            continue
        if stat.S_ISREG(kept.st_mode) and (kept.st_dev, kept.st_ino) == (
            written.st_dev,
            written.st_ino,
        ):
            raise OutputError(f"refusing to overwrite {what}", output)


def _write_through(target: Path, payload: bytes) -> None:
    try:
        with target.open("r+b" if target.is_file() else "wb") as stream:
            stream.write(payload)
            if target.is_file():
                stream.truncate()
            stream.flush()
            with contextlib.suppress(OSError):  # devices and pipes cannot be synced
                os.fsync(stream.fileno())
    except OSError as error:
        raise OutputError(f"cannot write: {error.strerror or error}", target) from None


def _copy_ownership(descriptor: int, existing: os.stat_result | None) -> None:
    if existing is None:
        os.fchmod(descriptor, 0o666 & ~_umask())
        return
    # Owner and group first: changing them may clear the set-id bits that the mode then restores.
    with contextlib.suppress(OSError):  # only root may give a file away; the group may still do
        os.fchown(descriptor, existing.st_uid, existing.st_gid)
    with contextlib.suppress(OSError):
        os.fchown(descriptor, -1, existing.st_gid)
    os.fchmod(descriptor, stat.S_IMODE(existing.st_mode))


def _umask() -> int:
    # The umask can only be read by setting it; a lock keeps other threads from seeing the zero.
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


_UMASK_LOCK = threading.Lock()


def _fsync_folder(folder: Path) -> None:
    # The rename is only durable once the folder's entry is on disk; some file systems cannot
    # open or sync a folder, and there is nothing more to do on those.
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def _temp_prefix(name: str, pid: int) -> str:
    return f".{name}.{pid}."


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove temporary files of ``name`` left by processes that no longer run (``kill -9``)."""
    with contextlib.suppress(OSError):
        for entry in folder.glob(f".{name}.*{_TEMP_SUFFIX}"):
            pid_text = entry.name[len(name) + 2 :].split(".", 1)[0]
            if pid_text.isdigit() and not _process_runs(int(pid_text)):
                with contextlib.suppress(OSError):
                    entry.unlink()


def _process_runs(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it runs, under another user
    return True


class _TerminatedError(Exception):
    """SIGTERM or SIGHUP arrived while a temporary file existed."""


@contextlib.contextmanager
def _cleanup_on_signals() -> Iterator[list[str]]:
    """Yield a list of temporary files to remove on failure and on SIGTERM/SIGHUP."""
    temporaries: list[str] = []
    handled = (signal.SIGTERM, signal.SIGHUP)
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():

        def terminate(signum: int, frame: FrameType | None) -> None:
            raise _TerminatedError(signum)

        for signum in handled:
            previous[signum] = signal.signal(signum, terminate)
    try:
        yield temporaries
    except _TerminatedError as terminated:
        _unlink_all(temporaries)
        _restore(previous)
        # Die of the same signal, as the default handler would have, now that nothing is left.
        signal.raise_signal(terminated.args[0])
        raise SystemExit(128 + terminated.args[0]) from None
    except BaseException:
        _unlink_all(temporaries)
        raise
    finally:
        _restore(previous)


def _unlink_all(paths: list[str]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            Path(path).unlink()


def _restore(previous: dict[int, object]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)  # type: ignore[arg-type]
    previous.clear()


def _is_read_only(path: Path, status: os.stat_result) -> bool:
    # rename() replaces even a write-protected file, and root passes every access() check; a
    # file with no write bit at all was protected on purpose, so it is refused for everyone.
    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not os.access(path, os.W_OK) or not status.st_mode & writable_bits
