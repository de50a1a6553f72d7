"""Pair planning: which documents a batch job compares, and what each pair's outputs are named.

Three sources of pairs: a manifest (the pairs it lists), a series (each document of an agenda item
with its predecessor) and a folder (every pair of its documents, the older one first). Each pair
gets a name for its output files, derived from the documents' symbols or the manifest's name and
sanitised so that it can only ever name a file inside the job's ``pairs/`` folder.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from prstdiff.batch.manifest import read_manifest
from prstdiff.corpus import SkippedFile, load_folder, select_series
from prstdiff.errors import PrstdiffError, one_line
from prstdiff.model import Document

MAX_NAME_LENGTH = 120
"""Longest output name (before ``.html``); keeps paths well under file-system limits (255)."""

_ODD = re.compile(r"[^A-Za-z0-9.-]+")  # ``_`` too, so runs of odd characters give one ``_``
_DOTS = re.compile(r"\.{2,}")
_SEPARATORS = re.compile(r"[/\\]+")
# Names Windows refuses for files whatever the extension; a report named ``CON.html`` would fail
# there, so such names get a prefix everywhere and outputs stay portable.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"COM{n}" for n in range(10)} | {f"LPT{n}" for n in range(10)}
)


@dataclass(frozen=True, slots=True)
class Input:
    """One input document of a job, read once and shared by every pair that uses it."""

    path: Path
    """The file as planned (as the manifest or folder named it)."""
    document: Document | None
    """The parsed document; None when it cannot be read."""
    error: str | None
    """One-line reason the document cannot be read (``FILE: problem``); None when it was read."""
    sha256: str | None
    """Digest of the file's bytes (for ``--resume``); None when the file cannot be read at all."""


@dataclass(frozen=True, slots=True)
class PlannedPair:
    """One comparison a job must make."""

    name: str
    """Sanitised, unique output name: reports go to ``pairs/<name>.html`` and ``.json``."""
    old: Input
    """The earlier document."""
    new: Input
    """The later document."""


@dataclass(frozen=True, slots=True)
class Plan:
    """The pairs of a job, in the order they are reported."""

    pairs: tuple[PlannedPair, ...]
    """Every pair to compare, in report order."""
    skipped: tuple[SkippedFile, ...] = ()
    """Files of a folder left out because they could not be read."""


def sanitize_name(text: str) -> str:
    """Make ``text`` a safe file name: ASCII letters, digits, ``.``, ``_``, ``-``; no ``..``.

    >>> sanitize_name("../../etc/passwd")
    'etc_passwd'
    >>> sanitize_name("S/RES/2263 (2016)")
    'S_RES_2263_2016'
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    # Path segments first, so ``a/../b`` reads ``a_b``; then every odd character becomes ``_``.
    segments = [part for part in _SEPARATORS.split(ascii_text) if part.strip(". ")]
    name = _DOTS.sub(".", _ODD.sub("_", "_".join(segments))).strip("._-")
    name = name[:MAX_NAME_LENGTH].rstrip("._-")
    if not name:
        return "pair"
    if name.split(".", 1)[0].upper() in _RESERVED:
        name = f"file_{name}"
    return name


def unique_names(names: Iterable[str]) -> list[str]:
    """Number repeated names (``name-2``, ``name-3``), comparing without case as some disks do."""
    taken: set[str] = set()
    result: list[str] = []
    for name in names:
        candidate, number = name, 1
        while candidate.lower() in taken:
            number += 1
            suffix = f"-{number}"
            candidate = name[: MAX_NAME_LENGTH - len(suffix)] + suffix
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def document_stem(item: Input) -> str:
    """The sanitised stem of one document: its symbol, else its file name without suffix."""
    if item.document is not None and item.document.symbol:
        return sanitize_name(item.document.symbol)
    return sanitize_name(item.path.stem)


def load_input(path: Path) -> Input:
    """Read and parse one input file; a document that cannot be read is recorded, not raised."""
    from prstdiff.parse import load  # the readers are only needed on the planning side

    try:
        digest: str | None = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        digest = None
    try:
        document = load(path)
    except PrstdiffError as error:
        return Input(path=path, document=None, error=error.message, sha256=digest)
    except (OSError, UnicodeError, ValueError) as error:
        return Input(path=path, document=None, error=f"{path}: {one_line(error)}", sha256=digest)
    except Exception as error:  # a reader's bug on one file must not stop a job of many
        problem = f"cannot read: {type(error).__name__}: {one_line(error)}"
        return Input(path=path, document=None, error=f"{path}: {problem}", sha256=digest)
    return Input(path=path, document=document, error=None, sha256=digest)


def plan_manifest(manifest: str | Path) -> Plan:
    """Plan the pairs a manifest lists, reading each named document once."""
    entries = read_manifest(manifest)
    inputs: dict[Path, Input] = {}
    pairs: list[tuple[str, Input, Input]] = []
    for entry in entries:
        for path in (entry.old, entry.new):
            if path not in inputs:
                inputs[path] = load_input(path)
        old, new = inputs[entry.old], inputs[entry.new]
        wanted = (
            sanitize_name(entry.name)
            if entry.name
            else f"{document_stem(old)}__{document_stem(new)}"
        )
        pairs.append((wanted, old, new))
    return _named(pairs)


def plan_series(
    folder: str | Path, *, match: str | None = None, symbols: Sequence[str] | None = None
) -> Plan:
    """Plan each document of a series (by agenda item text or symbols) against its predecessor."""
    documents, skipped, indexed = _folder_documents(folder)
    series = select_series(documents, match=match, symbols=symbols)
    if len(series) < 2:
        found = "no document" if not series else "one document"
        wanted = f"match {match!r}" if match else f"symbols {', '.join(symbols or [])}"
        raise PrstdiffError(f"{found} of the corpus for {wanted}; a series needs two", folder)
    # Chosen from the index, the documents are compared as parsed from their files, like the
    # documents of any other job: only these few files are parsed.
    inputs = [load_input(_path_of(d)) if indexed else _input_of(d) for d in series]
    pairs = [
        (f"{document_stem(old)}__{document_stem(new)}", old, new)
        for old, new in itertools.pairwise(inputs)
    ]
    return _named(pairs, skipped)


def _path_of(document: Document) -> Path:
    return Path(document.source.path) if document.source is not None else Path(document.name)


def _folder_documents(
    folder: str | Path,
) -> tuple[list[Document], tuple[SkippedFile, ...], bool]:
    """The documents of a folder to choose a series from, and whether they come from its index.

    The corpus index beside the folder is brought up to date (only new or changed files are
    parsed; no lineage is worked out) and the documents are read back from it: a second job on
    the same folder parses nothing to choose its series. Where no index can be kept (a read-only
    folder), every file is parsed.
    """
    from prstdiff.corpus.index import default_index_path, index_errors, open_index, update_lock

    path = default_index_path(folder)
    try:
        with update_lock(path), index_errors(path), open_index(folder) as index:
            report = index.update_from_folder(folder)
            return index.all_documents(folder), report.skipped, True
    except PrstdiffError:
        corpus = load_folder(folder)
        return list(corpus.documents), corpus.skipped, False


def plan_all_pairs(folder: str | Path) -> Plan:
    """Plan every pair of a folder's documents, the older document of each pair first."""
    corpus = load_folder(folder)
    documents = sorted((_input_of(d) for d in corpus.documents), key=_chronological)
    if len(documents) < 2:
        raise PrstdiffError("fewer than two readable documents: no pairs to compare", folder)
    pairs = [
        (f"{document_stem(old)}__{document_stem(new)}", old, new)
        for old, new in itertools.combinations(documents, 2)
    ]
    return _named(pairs, corpus.skipped)


def _named(pairs: list[tuple[str, Input, Input]], skipped: tuple[SkippedFile, ...] = ()) -> Plan:
    names = unique_names(wanted for wanted, _, _ in pairs)
    return Plan(
        pairs=tuple(
            PlannedPair(name=name, old=old, new=new)
            for name, (_, old, new) in zip(names, pairs, strict=True)
        ),
        skipped=skipped,
    )


def _input_of(document: Document) -> Input:
    source = document.source
    path = Path(source.path) if source is not None else Path(document.name)
    digest = source.sha256 if source is not None and source.sha256 else None
    if digest is None:
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digest = None
    return Input(path=path, document=document, error=None, sha256=digest)


def _chronological(item: Input) -> tuple[dt.date, str]:
    document = item.document
    date = document.date if document is not None and document.date else dt.date.max
    return date, document_stem(item)
