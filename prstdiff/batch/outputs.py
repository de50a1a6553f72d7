"""The files of a batch job's output folder, every one written atomically and kept inside it.

``OUTDIR/pairs/<name>.html`` and ``.json`` per pair (and ``.docx`` when asked for); for the job
``index.html`` (``prstdiff.render.batch``: a sortable table of the pairs and a similarity heat map
of the documents as inline SVG), ``summary.csv`` and ``summary.json``. Every path is checked to
lie inside the output folder before anything is written, even though pair names are sanitised
already: a symbolic link planted as ``pairs`` must not carry reports elsewhere either.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from prstdiff.batch.record import JobSummary, PairRecord, PairState, record_to_dict
from prstdiff.corpus.folder import SkippedFile
from prstdiff.errors import OutputError
from prstdiff.io import write_atomic
from prstdiff.model import NotableKind

PAIRS_FOLDER = "pairs"
"""Sub-folder of the output folder that holds the per-pair reports."""
INDEX_FILE = "index.html"
"""The job's index page."""
SUMMARY_CSV = "summary.csv"
"""The job's summary table."""
SUMMARY_JSON = "summary.json"
"""The job's summary as JSON (``prstdiff/batch-summary``)."""
SUMMARY_SCHEMA = "prstdiff/batch-summary"
"""The ``schema`` member of ``summary.json``."""
SUMMARY_VERSION = 1
"""The version of ``summary.json``'s format."""

CSV_COLUMNS = (
    "name",
    "state",
    "old",
    "old_symbol",
    "old_date",
    "new",
    "new_symbol",
    "new_date",
    "share_reused",
    "share_altered",
    "share_new",
    "carried",
    "reused",
    "altered",
    "new_paragraphs",
    "dropped",
    "moved",
    "split",
    "merged",
    "old_words",
    "new_words",
    *(f"notable_{kind.value}" for kind in NotableKind),
    "html",
    "json",
    "error",
    "docx",
)
"""Columns of ``summary.csv``; ``new_paragraphs`` counts pairs of new language (``new`` is the
later document's file); ``notable_<kind>`` count the comparison's notable edits of each kind;
``docx`` comes last, after the columns of jobs without Word redlines."""


@dataclass(frozen=True, slots=True)
class ReportFiles:
    """Where a pair's reports were written, relative to the output folder."""

    html: str
    """The HTML report (``pairs/<name>.html``)."""
    json: str
    """The JSON comparison (``pairs/<name>.json``)."""
    docx: str | None = None
    """The Word redline (``pairs/<name>.docx``); None when the job asked for none."""


def prepare_outdir(outdir: str | Path) -> Path:
    """Create the output folder and its ``pairs`` folder; refuse one that is a file."""
    root = Path(outdir)
    if root.exists() and not root.is_dir():
        raise OutputError("cannot write the job here: not a folder", root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        pairs = root / PAIRS_FOLDER
        if pairs.exists() and not pairs.is_dir():
            raise OutputError("cannot write reports: not a folder", pairs)
        pairs.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(f"cannot create the folder: {error.strerror or error}", root) from None
    inside(root, PAIRS_FOLDER)
    _remove_stale_temporaries(root)
    return root


def _remove_stale_temporaries(root: Path) -> None:
    # A job killed in the middle of ``write_atomic`` leaves its hidden temporary file behind
    # (``.<name>.<random>.tmp``); the next run clears them so the folder holds only whole files.
    for folder in (root, root / PAIRS_FOLDER):
        for temporary in folder.glob(".*.tmp"):
            stem = temporary.name[1:].rsplit(".", 2)[0]
            if temporary.is_file() and stem.endswith((".html", ".json", ".csv", ".docx")):
                temporary.unlink(missing_ok=True)


def inside(outdir: Path, relative: str) -> Path:
    """The path ``relative`` names under ``outdir``, refused unless it really lies inside it."""
    target = outdir / relative
    if Path(relative).is_absolute() or not target.resolve().is_relative_to(outdir.resolve()):
        raise OutputError("refusing to write outside the output folder", target)
    return target


def report_files(name: str, *, docx: bool = False) -> ReportFiles:
    """The report paths of a pair, relative to the output folder."""
    return ReportFiles(
        html=f"{PAIRS_FOLDER}/{name}.html",
        json=f"{PAIRS_FOLDER}/{name}.json",
        docx=f"{PAIRS_FOLDER}/{name}.docx" if docx else None,
    )


def write_reports(
    outdir: Path, name: str, html: str, json_text: str, docx: bytes | None = None
) -> ReportFiles:
    """Write a pair's reports (the HTML last: its presence means all of them are whole)."""
    files = report_files(name, docx=docx is not None)
    write_atomic(inside(outdir, files.json), json_text)
    if files.docx is not None and docx is not None:
        write_atomic(inside(outdir, files.docx), docx)
    write_atomic(inside(outdir, files.html), html)
    return files


def reports_exist(outdir: Path, record: PairRecord) -> bool:
    """True when every report a done record names is a file inside the output folder."""
    if record.html is None or record.json is None:
        return False
    named = [record.html, record.json] + ([record.docx] if record.docx is not None else [])
    try:
        return all(inside(outdir, path).is_file() for path in named)
    except OutputError:
        return False


def write_summaries(
    outdir: Path,
    records: Sequence[PairRecord],
    *,
    skipped: Sequence[SkippedFile] = (),
    settings: Mapping[str, Any],
) -> None:
    """Write ``summary.json``, ``summary.csv`` and ``index.html`` for the job's records."""
    # Imported here: the page's module imports ``prstdiff.batch.record``, whose package imports
    # this module, and jinja2 loads only when a job writes its index.
    from prstdiff.render.batch import render

    write_atomic(inside(outdir, SUMMARY_JSON), summary_json(records, skipped, settings))
    write_atomic(inside(outdir, SUMMARY_CSV), summary_csv(records))
    page = render(JobSummary(records=tuple(records), skipped=tuple(skipped)))
    write_atomic(inside(outdir, INDEX_FILE), page)


def summary_json(
    records: Sequence[PairRecord], skipped: Sequence[SkippedFile], settings: Mapping[str, Any]
) -> str:
    """The job summary as JSON: settings, counts, every pair, and skipped files."""
    data = {
        "schema": SUMMARY_SCHEMA,
        "version": SUMMARY_VERSION,
        "settings": dict(settings),
        "counts": {
            "pairs": len(records),
            "done": sum(r.state is PairState.DONE for r in records),
            "failed": sum(r.state is PairState.FAILED for r in records),
        },
        "pairs": [_with_shares(record) for record in records],
        "skipped": [{"path": s.path, "reason": s.reason} for s in skipped],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def summary_csv(records: Sequence[PairRecord]) -> str:
    """The job summary as CSV, one row per pair (columns: ``CSV_COLUMNS``)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        stats = record.stats
        counts: list[object] = (
            [""] * 13
            if stats is None
            else [
                _share(stats.share_reused),
                _share(stats.share_altered),
                _share(stats.share_new),
                _share(record.carried or 0.0),
                stats.reused,
                stats.altered,
                stats.new,
                stats.dropped,
                stats.moved,
                stats.split,
                stats.merged,
                stats.old_words,
                stats.new_words,
            ]
        )
        notable = record.notable or {}
        counts += [notable.get(kind.value, "") for kind in NotableKind]
        writer.writerow(
            [
                record.name,
                record.state.value,
                record.old.path,
                record.old.symbol or "",
                record.old.date or "",
                record.new.path,
                record.new.symbol or "",
                record.new.date or "",
                *counts,
                record.html or "",
                record.json or "",
                record.error or "",
                record.docx or "",
            ]
        )
    return buffer.getvalue()


def _share(value: float) -> str:
    # Four decimals: enough for a spreadsheet, and the same text on every machine.
    return f"{value:.4f}"


def _with_shares(record: PairRecord) -> dict[str, Any]:
    data = record_to_dict(record)
    del data["old"]["sha256"], data["new"]["sha256"]
    stats = record.stats
    data["shares"] = (
        None
        if stats is None
        else {
            "reused": round(stats.share_reused, 6),
            "altered": round(stats.share_altered, 6),
            "new": round(stats.share_new, 6),
            "carried": round(record.carried or 0.0, 6),
        }
    )
    return data
