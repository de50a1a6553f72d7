"""The one error hierarchy of prstdiff; only the CLI turns these into messages."""

from __future__ import annotations

from pathlib import Path


class PrstdiffError(Exception):
    """Base of every error prstdiff raises on purpose; its message is one line."""

    def __init__(self, problem: str, path: str | Path | None = None) -> None:
        self.problem = problem
        self.path = None if path is None else str(path)
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line message: ``FILE: problem`` when a file is involved.

        A file name is shown as the bytes it has: undecodable bytes and control characters
        (a newline in a name) as escapes, so the message stays one printable line.
        """
        problem = printable(self.problem)
        return f"{printable(self.path)}: {problem}" if self.path else problem


class InputError(PrstdiffError):
    """A document cannot be read: missing, a folder, empty, binary, undecodable, no paragraphs."""


class OutputError(PrstdiffError):
    """A report or database cannot be written where it was asked for."""


class IndexFileError(PrstdiffError):
    """A corpus index database is corrupt, foreign or unusable."""


class SelectionError(PrstdiffError):
    """A series, a document of the corpus or a search cannot be chosen as asked."""


class BatchError(PrstdiffError):
    """A batch job cannot run as asked: its plan, its workers or its cluster."""


class WorkerLostError(BatchError):
    """A worker process died (killed, or out of memory) while the job ran."""


class ManifestError(PrstdiffError):
    """A batch manifest cannot be read or names an unusable entry."""


def printable(text: str) -> str:
    r"""``text`` with undecodable bytes and control characters shown as escapes, on one line.

    >>> printable("bad\nname\udcff.txt")
    'bad\\nname\\xff.txt'
    """
    raw = text.encode("utf-8", "surrogateescape")
    decoded = raw.decode("utf-8", "backslashreplace")
    return "".join(
        char if char.isprintable() or char == " " else char.encode("unicode_escape").decode("ascii")
        for char in decoded
    )


def one_line(error: BaseException, *, with_type: bool = False) -> str:
    """An exception's message folded onto one line, else its type's name (prefixed if asked)."""
    text = " ".join(str(error).split())
    if not text:
        return type(error).__name__
    return f"{type(error).__name__}: {text}" if with_type else text
