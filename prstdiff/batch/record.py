"""What a batch job knows about each pair once it is done or has failed.

Records travel three ways: into the job file (for ``--resume``), into ``summary.json`` /
``summary.csv`` and into ``index.html``. They hold no times or durations, so a resumed job writes
the same summaries, byte for byte, as one that ran straight through.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from prstdiff.batch.plan import Input
from prstdiff.corpus.folder import SkippedFile
from prstdiff.model import Stats


class PairState(StrEnum):
    """How a pair of a job ended."""

    DONE = "done"
    """Compared; both reports written."""
    FAILED = "failed"
    """A document could not be read or the comparison failed; the error says why."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """One side of a pair, as the summaries show it."""

    path: str
    """The input file as planned."""
    symbol: str | None
    """The document's symbol; None when unknown or unreadable."""
    date: str | None
    """ISO date of the document; None when unknown or unreadable."""
    sha256: str | None
    """Digest of the file's bytes when the job read it; None when it could not be read."""

    @classmethod
    def of(cls, item: Input) -> DocumentInfo:
        """Describe a planned input."""
        document = item.document
        return cls(
            path=str(item.path),
            symbol=document.symbol if document is not None else None,
            date=document.date.isoformat() if document is not None and document.date else None,
            sha256=item.sha256,
        )

    @property
    def label(self) -> str:
        """The symbol, else the file name."""
        return self.symbol or self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class PairRecord:
    """The end of one pair of a job."""

    name: str
    """The pair's output name."""
    state: PairState
    """Done or failed."""
    old: DocumentInfo
    """The earlier document."""
    new: DocumentInfo
    """The later document."""
    stats: Stats | None
    """The comparison's statistics; None when the pair failed."""
    html: str | None
    """The HTML report, relative to the output folder; None when the pair failed."""
    json: str | None
    """The JSON comparison, relative to the output folder; None when the pair failed."""
    error: str | None
    """One-line reason the pair failed; None when it is done."""
    notable: dict[str, int] | None = None
    """Notable edits of the comparison by kind; None when the pair failed (or was recorded by a
    version without notable edits)."""
    docx: str | None = None
    """The Word redline, relative to the output folder; None when failed or not asked for."""

    @property
    def carried(self) -> float | None:
        """Share of the new document's words whose language comes from the old one (reused or
        altered paragraphs); the similarity the heat map shows."""
        if self.stats is None:
            return None
        return self.stats.share_reused + self.stats.share_altered


@dataclass(frozen=True, slots=True)
class JobSummary:
    """Every pair's record of a job, in plan order, and the files it could not read."""

    records: tuple[PairRecord, ...]
    """One record per planned pair."""
    skipped: tuple[SkippedFile, ...]
    """Files of a folder that were in no pair because they could not be read."""

    @property
    def done(self) -> int:
        """Pairs compared, both reports written."""
        return sum(r.state is PairState.DONE for r in self.records)

    @property
    def failed(self) -> tuple[PairRecord, ...]:
        """Pairs that failed, with their errors."""
        return tuple(r for r in self.records if r.state is PairState.FAILED)


def record_to_dict(record: PairRecord) -> dict[str, Any]:
    """A record as JSON-ready values (the job file's and ``summary.json``'s pair object)."""
    return {
        "name": record.name,
        "state": record.state.value,
        "old": dataclasses.asdict(record.old),
        "new": dataclasses.asdict(record.new),
        "html": record.html,
        "json": record.json,
        "docx": record.docx,
        "error": record.error,
        "stats": None if record.stats is None else dataclasses.asdict(record.stats),
        "notable": record.notable,
    }


def record_from_dict(data: Any) -> PairRecord:
    """Read back a record written by ``record_to_dict``; ``ValueError`` when it is not one."""
    try:
        stats = data["stats"]
        return PairRecord(
            name=str(data["name"]),
            state=PairState(data["state"]),
            old=DocumentInfo(**data["old"]),
            new=DocumentInfo(**data["new"]),
            stats=None if stats is None else Stats(**stats),
            html=data["html"],
            json=data["json"],
            error=data["error"],
            notable=_counts(data.get("notable")),
            docx=data.get("docx"),  # job files written before Word redlines have none
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a pair record: {error}") from None


def _counts(data: Any) -> dict[str, int] | None:
    if data is None:
        return None
    return {str(kind): int(count) for kind, count in data.items()}


def failed_record(name: str, old: Input, new: Input, error: str) -> PairRecord:
    """The record of a pair that could not be compared."""
    return PairRecord(
        name=name,
        state=PairState.FAILED,
        old=DocumentInfo.of(old),
        new=DocumentInfo.of(new),
        stats=None,
        html=None,
        json=None,
        error=error,
    )
