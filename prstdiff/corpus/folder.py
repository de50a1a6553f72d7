"""Reading a folder of documents: every readable file becomes a Document, the rest are skipped."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from prstdiff.errors import InputError, PrstdiffError, one_line
from prstdiff.model import Document

DOCUMENT_SUFFIXES = frozenset({".txt", ".pdf", ".docx"})
"""File suffixes read as documents; anything else in a corpus folder (README.md) is ignored."""


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file of the folder that could not be read as a document."""

    path: str
    """The file, as found in the folder."""
    reason: str
    """Why it was skipped, in one line (``empty file``, ``binary file``, ...)."""


@dataclass(frozen=True, slots=True)
class LoadedCorpus:
    """The documents read from a folder, and the files that could not be read."""

    documents: tuple[Document, ...]
    """Readable documents, in file-name order."""
    skipped: tuple[SkippedFile, ...]
    """Files that could not be read, with their reasons, in file-name order."""


@dataclass(frozen=True, slots=True)
class FolderEntry:
    """One document file of a folder, read or not."""

    path: Path
    """The file."""
    document: Document | None
    """The parsed document; None when the file was skipped."""
    skipped: SkippedFile | None
    """Why the file was skipped; None when it was read."""


def list_document_files(folder: str | Path) -> list[Path]:
    """The document files (``*.txt``, ``*.pdf``, ``*.docx``) of a folder, sorted by name."""
    root = Path(folder)
    if not root.exists():
        raise InputError("no such folder", root)
    if not root.is_dir():
        raise InputError("not a folder", root)
    return sorted(
        (
            path
            for path in root.iterdir()
            if path.suffix.lower() in DOCUMENT_SUFFIXES
            and not path.name.startswith(".")
            and not path.is_dir()
        ),
        key=lambda path: path.name,
    )


def read_document_file(path: Path) -> FolderEntry:
    """Parse one file; a file that cannot be read becomes a skipped entry, never an exception."""
    from prstdiff.parse import load  # the reader package; imported late so this module loads alone

    try:
        document = load(path)
    except PrstdiffError as error:
        return FolderEntry(path, None, SkippedFile(str(path), error.problem))
    except (OSError, UnicodeError, ValueError) as error:
        return FolderEntry(path, None, SkippedFile(str(path), one_line(error)))
    return FolderEntry(path, document, None)


def iter_folder(folder: str | Path) -> Iterator[FolderEntry]:
    """Read the document files of a folder one at a time, in file-name order."""
    for path in list_document_files(folder):
        yield read_document_file(path)


def load_folder(folder: str | Path) -> LoadedCorpus:
    """Read every document file of a folder; unreadable, empty or binary files are skipped."""
    documents: list[Document] = []
    skipped: list[SkippedFile] = []
    for entry in iter_folder(folder):
        if entry.document is not None:
            documents.append(entry.document)
        elif entry.skipped is not None:
            skipped.append(entry.skipped)
    return LoadedCorpus(tuple(documents), tuple(skipped))
