"""The corpus index: a SQLite database of documents, paragraphs, their keys and lineage.

The database stands beside the corpus as ``<corpus>/.prstdiff-index.sqlite`` unless another file
is named. It holds:

- ``documents``: one row per file, with its content digest (``sha256``), size and modification time
  (so a second run re-reads only files whose content changed), the document's metadata and a
  ``sort_key`` (date, then number) that orders the corpus for "earlier than";
- ``paragraphs``: every paragraph's kind, number, display text, its ``language_key`` (comparison key
  with the leading formula folded), a 64-bit digest of that key for exact look-ups, and its scored
  words encoded one character each (``vocabulary``), from which lineage builds its in-memory
  postings (``prstdiff.corpus.lineage``);
- ``lineage``: each paragraph's closest earlier source, stored as the build goes (a killed build
  resumes from the first document not yet done);
- ``skipped``: files that could not be read, with the reason.

The file carries SQLite's ``application_id`` (``PRSD``) and ``user_version`` (the schema version).
A file with another application id is someone else's database and is refused; one of ours with
another schema version is rebuilt from the corpus, never misread.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import stat
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from prstdiff.align import score_words, similarity_matrix
from prstdiff.corpus.folder import SkippedFile, list_document_files, read_document_file
from prstdiff.corpus.lineage import LineageRow
from prstdiff.corpus.options import CorpusOptions
from prstdiff.errors import IndexFileError, InputError
from prstdiff.folding import FOLDING_VERSION, fold
from prstdiff.formulas import fold_formula
from prstdiff.model import (
    Citation,
    CitationKind,
    Document,
    DocumentKind,
    Paragraph,
    ParagraphKind,
    Source,
)
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions
from prstdiff.version import __version__

INDEX_FILE_NAME = ".prstdiff-index.sqlite"
"""The index file's name inside the corpus folder."""
SCHEMA_VERSION = 3
"""Version of the tables below; a database of another version is rebuilt."""
BUSY_TIMEOUT = 60.0
"""Seconds a reader or writer waits for another process's short write to the database before
giving up: updates commit in small steps, so a minute means something is wrong."""
UPDATE_WAIT = 3600.0
"""Seconds an update waits for another process's update of the same index to finish: a whole
corpus indexes in well under that, so waiting longer means that process hangs."""
APPLICATION_ID = 0x50525344
"""SQLite ``application_id`` of a prstdiff index: ``PRSD`` in ASCII."""

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    symbol TEXT,
    kind TEXT NOT NULL,
    date TEXT,
    meeting INTEGER,
    item TEXT,
    title TEXT,
    vote TEXT,
    citations TEXT NOT NULL,
    format TEXT NOT NULL,
    layout TEXT NOT NULL,
    sort_key TEXT NOT NULL
);
CREATE INDEX documents_sha256 ON documents (sha256);
CREATE TABLE paragraphs (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    kind TEXT NOT NULL,
    number TEXT,
    text TEXT NOT NULL,
    language_key TEXT NOT NULL,
    key_hash INTEGER NOT NULL,
    same_hash INTEGER NOT NULL,
    encoded TEXT NOT NULL,  -- scored words, one character each (``vocabulary``), in text order
    search_key TEXT NOT NULL,  -- ' ' + folded words (prstdiff.folding) + ' ', for phrase search
    words INTEGER NOT NULL,  -- scored words (language key without stop words)
    sort_key TEXT NOT NULL
);
CREATE INDEX paragraphs_doc ON paragraphs (doc_id, idx);
CREATE INDEX paragraphs_key ON paragraphs (key_hash);
CREATE INDEX paragraphs_same ON paragraphs (same_hash, sort_key);
CREATE TABLE skipped (name TEXT PRIMARY KEY, sha256 TEXT, reason TEXT NOT NULL);
CREATE TABLE vocabulary (word TEXT PRIMARY KEY, code INTEGER NOT NULL UNIQUE);
CREATE TABLE lineage (
    para_id INTEGER PRIMARY KEY,
    parent_id INTEGER,
    similarity REAL
);
"""
_TABLES = (
    "meta",
    "documents",
    "paragraphs",
    "shingles",  # schema 1
    "shingle_counts",  # schema 1
    "skipped",
    "lineage",
    "vocabulary",
)


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What an indexing run did."""

    path: str
    """The index database file."""
    documents: int
    """Documents in the index after the run."""
    read: int
    """Files parsed in this run (new or changed content)."""
    unchanged: int
    """Files whose content was already indexed, and not read again."""
    removed: int
    """Documents dropped because their file is gone."""
    skipped: tuple[SkippedFile, ...]
    """Files that could not be read, with their reasons."""
    rebuilt: str | None
    """Why the index was rebuilt from scratch (another schema version), or None."""
    traced: int = 0
    """Documents whose paragraphs' closest earlier sources (lineage) were worked out again."""


@dataclass(frozen=True, slots=True)
class IndexedDocument:
    """The metadata of one indexed document."""

    id: int
    """Row id in the index."""
    name: str
    """File name inside the corpus folder."""
    symbol: str | None
    """The document's symbol."""
    kind: DocumentKind
    """Presidential statement, resolution, ..."""
    date: dt.date | None
    """Date of adoption."""
    item: str | None
    """Agenda item, where printed."""
    sha256: str
    """Digest of the file's bytes."""
    sort_key: str
    """Orders documents in time: date, then number; smaller is earlier."""


@dataclass(frozen=True, slots=True)
class IndexedParagraph:
    """One indexed paragraph with the metadata of its document that trace reports."""

    id: int
    """Row id in the index."""
    doc_id: int
    """Row id of its document."""
    index: int
    """Zero-based position in its document."""
    number: str | None
    """Printed operative number, where any."""
    kind: ParagraphKind
    """The paragraph's role."""
    text: str
    """Display text."""
    language_key: str
    """Comparison key with the leading formula folded."""
    same_hash: int
    """Digest of the comparison key: equal digests, same words (reused language)."""
    encoded: str
    """Scored words, one character per distinct word of the index's vocabulary, in text order."""
    symbol: str | None
    """Symbol of its document."""
    date: dt.date | None
    """Date of its document."""
    name: str
    """File name of its document."""
    sort_key: str
    """Its document's place in time."""


def default_index_path(folder: str | Path) -> Path:
    """Where the index of a corpus folder lives unless ``--db`` says otherwise."""
    return Path(folder) / INDEX_FILE_NAME


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def digest64(text: str) -> int:
    """A stable signed 64-bit digest of a text (SQLite integers are signed 64-bit)."""
    return int.from_bytes(
        hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True
    )


def scored_words(text: str, stop_words: frozenset[str]) -> list[str]:
    """The words similarity scores for a paragraph: ``prstdiff.align.score_words`` of its key.

    The engine's own function, so the index and ``diff`` always agree on what a word is.
    """
    return score_words(comparison_key(text), stop_words)


_FINGERPRINT_TEXT = (
    "The Security Council further decides, also recalling its resolutions, to remain actively "
    "seized of the matter and requests the Secretary-General to report."
)
"""A sentence whose scored words change whenever the engine changes what it scores."""
_FINGERPRINT_PAIRS = (
    (
        "Decides to remain actively seized of the matter.",
        "Decides to remain seized of the matter.",
    ),
    (
        "Requests the Secretary-General to report to the Council within 90 days on the "
        "implementation of this resolution;",
        "Requests further the Secretary-General to keep the Council regularly informed on the "
        "implementation of this resolution and to report within six months;",
    ),
    (
        "Calls upon all parties to respect the ceasefire and to cooperate fully with the mission",
        "Urges all parties to cooperate fully with the mission",
    ),
)
"""Pairs whose similarity changes whenever the engine changes how it scores two paragraphs."""


def index_settings(options: CorpusOptions, compare: CompareOptions) -> str:
    """The fingerprint of everything that changes what the index holds or lineage finds."""
    probe = similarity_matrix(
        [a for a, _ in _FINGERPRINT_PAIRS], [b for _, b in _FINGERPRINT_PAIRS], compare
    )
    return json.dumps(
        {
            # Another prstdiff may read documents differently: its paragraphs are not ours.
            "prstdiff": __version__,
            # Search keys folded another way would find other paragraphs.
            "folding": FOLDING_VERSION,
            "threshold": compare.threshold,
            "order_weight": compare.order_weight,
            "stop_words": sorted(compare.stop_words),
            "scored": score_words(comparison_key(_FINGERPRINT_TEXT), frozenset()),
            "scores": [round(float(v), 6) for v in probe.ravel()],
            "corpus": [options.subject_paragraphs, options.max_sources],
        }
    )


_FIRST_CODE = 0x100
"""First character of the word encoding: past ASCII, as in ``prstdiff.worddiff``."""
_QUERY_CODES = 0x10FFFD
"""Words outside the vocabulary get codes counting down from the top of Unicode."""
_NUMBER_IN_SYMBOL = re.compile(r"(\d+)(?:\s*\(\d{4}\))?$")
_STATEMENT_SYMBOL = re.compile(
    r"S\s*[/_]\s*PRST\s*[/_]\s*(\d{4})\s*[/_]\s*(\d{1,4})", re.IGNORECASE
)
_RESOLUTION_SYMBOL = re.compile(r"S\s*[/_]\s*RES\s*[/_]\s*(\d{1,5})", re.IGNORECASE)


def _numbered(symbol: str | None, name: str) -> tuple[str, int, int | None] | None:
    """(kind, number, year of a statement) from a symbol or else a file name, if either reads."""
    for text in (symbol or "", name):
        statement = _STATEMENT_SYMBOL.search(text)
        if statement:
            return ("statement", int(statement.group(2)), int(statement.group(1)))
        resolution = _RESOLUTION_SYMBOL.search(text)
        if resolution:
            return ("resolution", int(resolution.group(1)), None)
    return None


def sort_key_of(document: Document, name: str) -> str:
    """A text that orders documents in time: ISO date (undated last), then number, then name."""
    date = document.date.isoformat() if document.date else "9999-12-31"
    found = _NUMBER_IN_SYMBOL.search(document.symbol or "")
    number = int(found.group(1)) if found else 0
    return f"{date}|{number:08d}|{document.symbol or ''}|{name}"


class CorpusIndex:
    """An open index database; use ``open_index`` or ``CorpusIndex.open``."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        path: Path,
        rebuilt: str | None,
        compare_options: CompareOptions | None = None,
    ) -> None:
        self._db = connection
        self.path = path
        """The database file."""
        self.rebuilt = rebuilt
        """Why the database was rebuilt on opening, or None."""
        self.compare_options = compare_options or CompareOptions()
        """The options the index (its encodings and stored lineage) was built with."""
        self.stop_words = self.compare_options.stop_words
        """Words similarity leaves out (``CompareOptions.stop_words``); so do the encodings."""
        self._vocabulary: dict[str, str] | None = None
        self._query_codes: dict[str, str] = {}
        self._known: dict[str, tuple[str, int, int, str, str, int]] = {}
        self._stems: dict[str, str] = {}

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        options: CorpusOptions | None = None,
        compare_options: CompareOptions | None = None,
    ) -> CorpusIndex:
        """Open (or create) an index file; refuse a corrupt or foreign one with IndexFileError.

        An index built with other options (threshold, order weight, stop words, the engine's
        scoring) is rebuilt: its encodings and lineage answer another question.
        """
        opts = options or CorpusOptions()
        compare = compare_options or CompareOptions()
        target = Path(path)
        if target.is_dir():
            raise IndexFileError("is a folder, not an index file", target)
        if not target.parent.is_dir():
            raise IndexFileError("cannot create the index: folder does not exist", target.parent)
        existed = target.exists() and target.stat().st_size > 0
        try:
            connection = sqlite3.connect(target, timeout=BUSY_TIMEOUT)
        except sqlite3.Error as error:
            raise IndexFileError(f"cannot open the index: {error}", target) from None
        try:
            # Write-ahead logging lets readers (trace, search) work while an update runs.
            connection.execute("PRAGMA journal_mode = WAL")
            rebuilt = cls._prepare(connection, target, existed, index_settings(opts, compare))
        except sqlite3.OperationalError as error:
            # Not the file's content but its place: read-only folder, locked, disk full.
            connection.close()
            raise IndexFileError(
                f"cannot use the index: {error}; name another index file", target
            ) from None
        except sqlite3.DatabaseError as error:
            connection.close()
            raise IndexFileError(
                f"not a prstdiff index (corrupt or not an SQLite database: {error}); "
                "delete it or name another index file",
                target,
            ) from None
        except IndexFileError:
            connection.close()
            raise
        return cls(connection, target, rebuilt, compare)

    @staticmethod
    def _prepare(
        connection: sqlite3.Connection, target: Path, existed: bool, settings: str
    ) -> str | None:
        connection.execute("PRAGMA foreign_keys = ON")
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        tables = [r[0] for r in connection.execute("SELECT name FROM sqlite_master")]
        if existed and application_id != APPLICATION_ID and tables:
            raise IndexFileError(
                "not a prstdiff index (another application's SQLite database); "
                "name another index file",
                target,
            )
        rebuilt: str | None = None
        if application_id == APPLICATION_ID and tables:
            stored = connection.execute("SELECT value FROM meta WHERE key = 'settings'").fetchone()
            if version != SCHEMA_VERSION:
                rebuilt = f"index schema version {version}, this prstdiff uses {SCHEMA_VERSION}"
            elif stored is None or stored[0] != settings:
                rebuilt = "index built by another prstdiff version or with other settings"
            else:
                return None
        with connection:
            for table in _TABLES:
                connection.execute(f"DROP TABLE IF EXISTS {table}")
            connection.executescript(_SCHEMA)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("INSERT INTO meta VALUES ('settings', ?)", (settings,))
        return rebuilt

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> CorpusIndex:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def _load_vocabulary(self) -> dict[str, str]:
        if self._vocabulary is None:
            self._vocabulary = {
                word: chr(code)
                for word, code in self._db.execute("SELECT word, code FROM vocabulary")
            }
        return self._vocabulary

    def encode(self, words: Sequence[str], *, extend: bool) -> str:
        """Scored words as one character each, in the index's vocabulary.

        With ``extend`` new words join the vocabulary (indexing); without it (tracing a document
        outside the index) they get codes of their own that no indexed word has.
        """
        vocabulary = self._load_vocabulary()
        chars: list[str] = []
        for word in words:
            char = vocabulary.get(word)
            if char is None and not extend:
                char = self._query_codes.get(word)
                if char is None:
                    char = chr(_QUERY_CODES - len(self._query_codes))
                    self._query_codes[word] = char
            elif char is None:
                code = _FIRST_CODE + len(vocabulary)
                # Skip the surrogate block, which cannot stand in a valid string.
                code = code if code < 0xD800 else code + 0x800
                if code >= _QUERY_CODES - 0x10000:
                    raise IndexFileError("vocabulary full: too many distinct words", self.path)
                char = chr(code)
                vocabulary[word] = char
                self._db.execute("INSERT INTO vocabulary (word, code) VALUES (?, ?)", (word, code))
            chars.append(char)
        return "".join(chars)

    def add_document(
        self,
        document: Document,
        *,
        name: str,
        sha256: str,
        size: int = 0,
        mtime_ns: int = 0,
    ) -> int:
        """Store a document (replacing one of the same name) with its paragraphs."""
        db = self._db
        self._delete_document(name)
        db.execute("DELETE FROM skipped WHERE name = ?", (name,))
        sort_key = sort_key_of(document, name)
        self._mark_stale(sort_key)
        source = document.source
        cursor = db.execute(
            "INSERT INTO documents (name, sha256, size, mtime_ns, symbol, kind, date, meeting,"
            " item, title, vote, citations, format, layout, sort_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                name,
                sha256,
                size,
                mtime_ns,
                document.symbol,
                str(document.kind),
                document.date.isoformat() if document.date else None,
                document.meeting,
                document.item,
                document.title,
                document.vote,
                json.dumps([[c.symbol, str(c.kind)] for c in document.citations]),
                source.format if source else "text",
                source.layout if source else "",
                sort_key,
            ),
        )
        doc_id = cursor.lastrowid
        assert doc_id is not None
        rows = [
            (
                doc_id,
                paragraph.index,
                str(paragraph.kind),
                paragraph.number,
                paragraph.text,
                *self._derived(paragraph.text),
                sort_key,
            )
            for paragraph in document.paragraphs
        ]
        db.executemany(
            "INSERT INTO paragraphs (doc_id, idx, kind, number, text, language_key, key_hash,"
            " same_hash, encoded, search_key, words, sort_key)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        return doc_id

    def _derived(self, text: str) -> tuple[str, int, int, str, str, int]:
        """What the index stores about a paragraph's text, worked out once per distinct text.

        ``(language_key, its digest, comparison-key digest, encoded scored words, search key,
        scored word count)``; formula paragraphs repeat in most documents.
        """
        found = self._known.get(text)
        if found is None:
            plain = comparison_key(text)
            key = fold_formula(plain)  # ``language_key``, without computing the key twice
            scored = score_words(plain, self.stop_words, self._stems)
            found = (
                key,
                digest64(key),
                digest64(plain),
                self.encode(scored, extend=True),
                f" {fold(text)} ",
                len(scored),
            )
            self._known[text] = found
        return found

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction of writes. The per-text memo goes with it (it can be as large as the
        corpus); a rolled-back transaction also takes back the words it added to the vocabulary."""
        try:
            with self._db:
                yield
        except BaseException:
            self._vocabulary = None
            raise
        finally:
            self._known.clear()

    def _delete_document(self, name: str) -> None:
        row = self._db.execute(
            "SELECT id, sort_key FROM documents WHERE name = ?", (name,)
        ).fetchone()
        if row is None:
            return
        self._mark_stale(row[1])
        self._db.execute("DELETE FROM paragraphs WHERE doc_id = ?", (row[0],))
        self._db.execute("DELETE FROM documents WHERE id = ?", (row[0],))

    def add_documents(self, documents: Iterable[tuple[str, Document]]) -> int:
        """Store many (name, document) pairs in one transaction, then refresh the counts."""
        count = 0
        with self._transaction():
            for name, document in documents:
                digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
                self.add_document(document, name=name, sha256=digest)
                count += 1
        return count

    def _mark_stale(self, sort_key: str) -> None:
        # Lineage of a paragraph depends only on earlier documents: from this key on, redo it.
        current = self.lineage_stale_from()
        if current is None or sort_key < current:
            self._db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('lineage_stale_from', ?)",
                (sort_key,),
            )

    def lineage_stale_from(self) -> str | None:
        """The sort key from which stored lineage is out of date (None: all of it is current)."""
        row = self._db.execute("SELECT value FROM meta WHERE key = 'lineage_stale_from'").fetchone()
        return None if row is None else str(row[0])

    def stored_parent(self, para_id: int) -> tuple[int | None, float] | None:
        """The stored closest source of a paragraph (``(None, 0)``: none), None when not stored."""
        stale = self.lineage_stale_from()
        row = self._db.execute(
            "SELECT l.parent_id, l.similarity, p.sort_key FROM lineage l"
            " JOIN paragraphs p ON p.id = l.para_id WHERE l.para_id = ?",
            (para_id,),
        ).fetchone()
        if row is None or (stale is not None and row[2] >= stale):
            return None
        return (None if row[0] is None else int(row[0]), float(row[1] or 0.0))

    def store_lineage(self, rows: Iterable[tuple[int, int | None, float | None]]) -> None:
        """Record the closest source (or None) of paragraphs."""
        self._db.executemany(
            "INSERT OR REPLACE INTO lineage (para_id, parent_id, similarity) VALUES (?, ?, ?)",
            rows,
        )

    def lineage_done_before(self, sort_key: str) -> None:
        """Checkpoint: lineage is stored for every document before ``sort_key``; commit it.

        A build killed after this resumes at ``sort_key``, not at the first stale document.
        """
        with self._db:
            self._db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('lineage_stale_from', ?)",
                (sort_key,),
            )

    def lineage_rows(self) -> tuple[list[str], list[LineageRow]]:
        """Documents' sort keys, earliest first, and every paragraph as lineage needs it."""
        documents = [
            str(r[0]) for r in self._db.execute("SELECT sort_key FROM documents ORDER BY sort_key")
        ]
        rank = {key: position for position, key in enumerate(documents)}
        rows = [
            LineageRow(para_id=r[0], rank=rank[r[1]], index=r[2], encoded=r[3], same_hash=r[4])
            for r in self._db.execute(
                "SELECT id, sort_key, idx, encoded, same_hash FROM paragraphs"
            )
        ]
        return documents, rows

    def mark_lineage_current(self) -> None:
        """Record that the stored lineage covers every document."""
        with self._db:
            self._db.execute("DELETE FROM lineage WHERE para_id NOT IN (SELECT id FROM paragraphs)")
            self._db.execute("DELETE FROM meta WHERE key = 'lineage_stale_from'")

    def commit(self) -> None:
        """Commit pending writes."""
        self._db.commit()

    def update_from_folder(
        self,
        folder: str | Path,
        *,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> IndexReport:
        """Bring the index up to date with a folder: read new or changed files, drop gone ones."""
        root = Path(folder)
        files = list_document_files(root)
        stored = {
            row[0]: (row[1], row[2], row[3])
            for row in self._db.execute("SELECT name, sha256, size, mtime_ns FROM documents")
        }
        stored_skipped = {
            row[0]: (row[1], row[2])
            for row in self._db.execute("SELECT name, sha256, reason FROM skipped")
        }
        read = unchanged = 0
        skipped: list[SkippedFile] = []
        names = {path.name for path in files}
        with self._transaction():
            for position, path in enumerate(files):
                if progress is not None:
                    progress(position, len(files), path.name)
                try:
                    status = path.stat()
                except OSError as error:
                    skipped.append(SkippedFile(str(path), error.strerror or str(error)))
                    continue
                if not stat.S_ISREG(status.st_mode):
                    # A FIFO would block the digest for ever and a device never ends.
                    skipped.append(SkippedFile(str(path), "not a regular file"))
                    continue
                known = stored.get(path.name)
                if known is not None and known[1:] == (status.st_size, status.st_mtime_ns):
                    unchanged += 1
                    continue
                try:
                    digest = file_digest(path)
                except OSError as error:
                    reason = error.strerror or str(error)
                    skipped.append(SkippedFile(str(path), reason))
                    self._record_skipped(path.name, None, reason)
                    continue
                if known is not None and known[0] == digest:
                    # Touched but not changed: remember the new time, do not read it again.
                    self._db.execute(
                        "UPDATE documents SET size = ?, mtime_ns = ? WHERE name = ?",
                        (status.st_size, status.st_mtime_ns, path.name),
                    )
                    unchanged += 1
                    continue
                was_skipped = stored_skipped.get(path.name)
                if was_skipped is not None and was_skipped[0] == digest:
                    skipped.append(SkippedFile(str(path), was_skipped[1]))
                    continue
                entry = read_document_file(path)
                read += 1
                if entry.document is None:
                    assert entry.skipped is not None
                    skipped.append(entry.skipped)
                    self._delete_document(path.name)
                    self._record_skipped(path.name, digest, entry.skipped.reason)
                    continue
                self.add_document(
                    entry.document,
                    name=path.name,
                    sha256=digest,
                    size=status.st_size,
                    mtime_ns=status.st_mtime_ns,
                )
            gone = [name for name in stored if name not in names]
            for name in gone:
                self._delete_document(name)
            for name in [r[0] for r in self._db.execute("SELECT name FROM skipped")]:
                if name not in names:
                    self._db.execute("DELETE FROM skipped WHERE name = ?", (name,))
            self.place_undated()
        if progress is not None:
            progress(len(files), len(files), "")
        return IndexReport(
            path=str(self.path),
            documents=self.document_count(),
            read=read,
            unchanged=unchanged,
            removed=len(gone),
            skipped=tuple(skipped),
            rebuilt=self.rebuilt,
        )

    def place_undated(self) -> int:
        """Place each undated document in time by its symbol's number; return how many moved.

        An undated resolution stands right after the dated resolution numbered just below it
        (numbers follow time), an undated statement after the dated statement of its year
        numbered just below it; so an undated document is no longer "the newest" of the corpus.
        Its date stays unknown. Documents whose symbol cannot be read stay last.
        """
        rows = self._db.execute("SELECT id, name, symbol, date, sort_key FROM documents").fetchall()
        dated: dict[tuple[str, int | None], list[tuple[int, str]]] = {}
        for _, name, symbol, date, _ in rows:
            place = _numbered(symbol, name)
            if date is not None and place is not None:
                dated.setdefault((place[0], place[2]), []).append((place[1], date))
        moved = 0
        for doc_id, name, symbol, date, old_key in rows:
            place = _numbered(symbol, name)
            if date is not None or place is None:
                continue
            kind, number, year = place
            neighbours = sorted(dated.get((kind, year), []))
            below = [d for n, d in neighbours if n < number]
            above = [d for n, d in neighbours if n > number]
            when = below[-1] if below else above[0] if above else f"{year or 9999}-01-01"
            key = f"{when}|{number:08d}|{symbol or ''}|{name}"
            if key == old_key:
                continue
            self._mark_stale(min(key, old_key))
            self._db.execute("UPDATE documents SET sort_key = ? WHERE id = ?", (key, doc_id))
            self._db.execute("UPDATE paragraphs SET sort_key = ? WHERE doc_id = ?", (key, doc_id))
            moved += 1
        return moved

    def _record_skipped(self, name: str, digest: str | None, reason: str) -> None:
        self._db.execute(
            "INSERT OR REPLACE INTO skipped (name, sha256, reason) VALUES (?, ?, ?)",
            (name, digest, reason),
        )

    # -- reading ---------------------------------------------------------------------------

    def document_count(self) -> int:
        """Documents in the index."""
        return int(self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def paragraph_count(self) -> int:
        """Paragraphs in the index."""
        return int(self._db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0])

    def documents(self) -> list[IndexedDocument]:
        """All indexed documents, earliest first."""
        rows = self._db.execute(
            "SELECT id, name, symbol, kind, date, item, sha256, sort_key FROM documents"
            " ORDER BY sort_key"
        )
        return [
            IndexedDocument(
                id=row[0],
                name=row[1],
                symbol=row[2],
                kind=DocumentKind(row[3]),
                date=dt.date.fromisoformat(row[4]) if row[4] else None,
                item=row[5],
                sha256=row[6],
                sort_key=row[7],
            )
            for row in rows
        ]

    def find_document(self, *, sha256: str | None = None, name: str | None = None) -> int | None:
        """The row id of an indexed document with this content digest (or file name)."""
        if sha256 is not None:
            row = self._db.execute(
                "SELECT id FROM documents WHERE sha256 = ? ORDER BY sort_key LIMIT 1", (sha256,)
            ).fetchone()
            if row is not None:
                return int(row[0])
        if name is not None:
            row = self._db.execute("SELECT id FROM documents WHERE name = ?", (name,)).fetchone()
            if row is not None:
                return int(row[0])
        return None

    def load_document(self, doc_id: int, folder: str | Path | None = None) -> Document:
        """Rebuild an indexed document (metadata and paragraphs) without reading its file."""
        row = self._db.execute(
            f"SELECT {_DOCUMENT_COLUMNS} FROM documents WHERE id = ?",
            (doc_id,),
        ).fetchone()
        if row is None:
            raise InputError(f"no document {doc_id} in the index", self.path)
        paragraphs = tuple(
            Paragraph(index=r[0], kind=ParagraphKind(r[1]), number=r[2], text=r[3])
            for r in self._db.execute(
                "SELECT idx, kind, number, text FROM paragraphs WHERE doc_id = ? ORDER BY idx",
                (doc_id,),
            )
        )
        return _document(row, paragraphs, folder)

    def all_documents(self, folder: str | Path | None = None) -> list[Document]:
        """Every indexed document rebuilt from the index in two queries, earliest first."""
        paragraphs: dict[int, list[Paragraph]] = {}
        for r in self._db.execute(
            "SELECT doc_id, idx, kind, number, text FROM paragraphs ORDER BY doc_id, idx"
        ):
            paragraphs.setdefault(int(r[0]), []).append(
                Paragraph(index=r[1], kind=ParagraphKind(r[2]), number=r[3], text=r[4])
            )
        found = []
        for row in self._db.execute(
            f"SELECT id, {_DOCUMENT_COLUMNS} FROM documents ORDER BY sort_key"
        ):
            found.append(_document(row[1:], tuple(paragraphs.get(int(row[0]), ())), folder))
        return found

    def iter_documents(self, folder: str | Path | None = None) -> Iterator[tuple[int, Document]]:
        """Every indexed document, earliest first, rebuilt one at a time (streamed)."""
        ids = [r[0] for r in self._db.execute("SELECT id FROM documents ORDER BY sort_key")]
        for doc_id in ids:
            yield doc_id, self.load_document(doc_id, folder)

    def sort_key(self, doc_id: int) -> str:
        """The place in time of an indexed document."""
        row = self._db.execute("SELECT sort_key FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise InputError(f"no document {doc_id} in the index", self.path)
        return str(row[0])

    def paragraph_ids(self, doc_id: int) -> list[int]:
        """Row ids of a document's paragraphs, in document order."""
        rows = self._db.execute(
            "SELECT id FROM paragraphs WHERE doc_id = ? ORDER BY idx", (doc_id,)
        )
        return [int(r[0]) for r in rows]

    def paragraphs(self, para_ids: Sequence[int]) -> dict[int, IndexedParagraph]:
        """Indexed paragraphs by row id, with their documents' metadata."""
        found: dict[int, IndexedParagraph] = {}
        for start in range(0, len(para_ids), 500):
            chunk = list(para_ids[start : start + 500])
            rows = self._db.execute(
                "SELECT p.id, p.doc_id, p.idx, p.number, p.kind, p.text, p.language_key,"
                " p.same_hash, p.encoded, d.symbol, d.date, d.name, p.sort_key FROM paragraphs p"
                " JOIN documents d ON d.id = p.doc_id"
                f" WHERE p.id IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            for r in rows:
                found[r[0]] = IndexedParagraph(
                    id=r[0],
                    doc_id=r[1],
                    index=r[2],
                    number=r[3],
                    kind=ParagraphKind(r[4]),
                    text=r[5],
                    language_key=r[6],
                    same_hash=r[7],
                    encoded=r[8],
                    symbol=r[9],
                    date=dt.date.fromisoformat(r[10]) if r[10] else None,
                    name=r[11],
                    sort_key=r[12],
                )
        return found

    def first_copy(self, same_hash: int, up_to: str) -> int | None:
        """The earliest paragraph with this comparison-key digest, at or before a sort key."""
        row = self._db.execute(
            "SELECT id FROM paragraphs WHERE same_hash = ? AND sort_key <= ?"
            " ORDER BY sort_key, idx LIMIT 1",
            (same_hash, up_to),
        ).fetchone()
        return None if row is None else int(row[0])

    def phrase_rows(self, joined_words: str) -> list[int]:
        """Paragraphs whose folded words run together hold a phrase's (candidates), oldest first.

        Spaces do not count here, so ``ceasefire`` also finds ``cease fire``; the caller checks
        that a candidate's match begins and ends on word boundaries (``prstdiff.folding``).
        """
        rows = self._db.execute(
            "SELECT id FROM paragraphs WHERE instr(replace(search_key, ' ', ''), ?) > 0"
            " ORDER BY sort_key, idx",
            (joined_words,),
        )
        return [int(r[0]) for r in rows]

    def iter_search_keys(self, batch: int = 2000) -> Iterator[list[tuple[int, str]]]:
        """Every paragraph's (row id, folded words), earliest first, in batches (streamed)."""
        cursor = self._db.execute(
            "SELECT id, trim(search_key) FROM paragraphs ORDER BY sort_key, idx"
        )
        while True:
            rows = cursor.fetchmany(batch)
            if not rows:
                return
            yield [(int(r[0]), str(r[1])) for r in rows]

    def language_flows(self) -> tuple[dict[int, int], list[tuple[int, int, int]]]:
        """How much of each document's language comes from each earlier one, from the lineage.

        Returns each document's scored words (introductory and closing formulas left out) and
        rows ``(document, earlier document, words)``: the scored words of the document's
        paragraphs whose closest earlier source stands in the earlier document.
        """
        formulas = (str(ParagraphKind.INTRODUCTORY), str(ParagraphKind.CLOSING))
        totals = {
            int(r[0]): int(r[1])
            for r in self._db.execute(
                "SELECT d.id, COALESCE(SUM(p.words), 0) FROM documents d"
                " LEFT JOIN paragraphs p ON p.doc_id = d.id AND p.kind NOT IN (?, ?)"
                " GROUP BY d.id",
                formulas,
            )
        }
        rows = self._db.execute(
            "SELECT p.doc_id, q.doc_id, SUM(p.words) FROM paragraphs p"
            " JOIN lineage l ON l.para_id = p.id JOIN paragraphs q ON q.id = l.parent_id"
            " WHERE p.kind NOT IN (?, ?) GROUP BY p.doc_id, q.doc_id",
            formulas,
        )
        return totals, [(int(r[0]), int(r[1]), int(r[2])) for r in rows]

    def count_before(self, before: str | None) -> int:
        """Documents earlier than a sort key (all of them for None)."""
        if before is None:
            return self.document_count()
        row = self._db.execute("SELECT COUNT(*) FROM documents WHERE sort_key < ?", (before,))
        return int(row.fetchone()[0])


def open_index(
    folder: str | Path | None = None,
    *,
    db: str | Path | None = None,
    options: CorpusOptions | None = None,
    compare_options: CompareOptions | None = None,
) -> CorpusIndex:
    """Open the index of a corpus folder (beside it, or the ``db`` file)."""
    if db is None and folder is None:
        raise InputError("name a corpus folder or an index file")
    path = Path(db) if db is not None else default_index_path(folder or ".")
    return CorpusIndex.open(path, options=options, compare_options=compare_options)


@contextlib.contextmanager
def update_lock(path: Path, on_wait: Callable[[Path], None] | None = None) -> Iterator[None]:
    """Hold the right to update the index at ``path``; wait while another process holds it.

    The lock is an ``flock`` on a ``.lock`` file beside the index (SQLite's own locks cover one
    transaction, not a whole update); where that file cannot be made, nothing is locked and
    SQLite's busy timeout still keeps two writers apart.
    """
    lock_path = path.with_name(path.name + ".lock")
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError:
        yield
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if on_wait is not None:
                on_wait(path)
            deadline = time.monotonic() + UPDATE_WAIT
            while True:
                time.sleep(0.2)
                try:
                    fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise IndexFileError(
                            "another process has been updating the index for an hour", path
                        ) from None
        yield
    finally:
        os.close(descriptor)  # closing the file releases the lock


@contextlib.contextmanager
def index_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's failures while using the index into one-line ``IndexFileError``s."""
    try:
        yield
    except sqlite3.OperationalError as error:
        text = str(error)
        if "full" in text:
            raise IndexFileError("cannot write the index: the disk is full", path) from None
        raise IndexFileError(f"cannot use the index: {text}", path) from None
    except sqlite3.DatabaseError as error:
        raise IndexFileError(
            f"the index file is damaged ({error}); run prstdiff index again to rebuild it",
            path,
        ) from None


def index_damage(path: Path) -> str | None:
    """What SQLite's quick check finds wrong with an existing index file of ours, or None.

    Only a file whose header says it is a prstdiff index is checked (and may then be rebuilt):
    any other file is left for ``CorpusIndex.open`` to refuse, never deleted.
    """
    try:
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError:
        return None
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        return None
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT)
    except sqlite3.Error:
        return None  # cannot open it: opening for real says why
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.OperationalError:
        return None  # locked or unreadable, not damaged
    except sqlite3.DatabaseError as error:
        return str(error)
    finally:
        connection.close()
    problems = [" ".join(str(row[0]).replace("***", "").split()) for row in rows if row[0] != "ok"]
    return "; ".join(problems[:2]) if problems else None


def remove_index_file(path: Path) -> None:
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            name.unlink()


_DOCUMENT_COLUMNS = (
    "name, sha256, symbol, kind, date, meeting, item, title, vote, citations, format, layout"
)
"""The columns of ``documents`` a document is rebuilt from, in the order ``_document`` reads."""


def _document(
    row: Sequence[Any], paragraphs: tuple[Paragraph, ...], folder: str | Path | None
) -> Document:
    """A document rebuilt from a row of ``_DOCUMENT_COLUMNS`` and its paragraphs."""
    path = str(Path(folder) / row[0]) if folder is not None else row[0]
    return Document(
        symbol=row[2],
        kind=DocumentKind(row[3]),
        date=dt.date.fromisoformat(row[4]) if row[4] else None,
        meeting=row[5],
        item=row[6],
        title=row[7],
        vote=row[8],
        citations=tuple(
            Citation(symbol, CitationKind(kind)) for symbol, kind in json.loads(row[9])
        ),
        paragraphs=paragraphs,
        source=Source(path=path, format=row[10], layout=row[11], sha256=row[1]),
    )
