"""A batch job: run the planned pairs, write their reports, record them, and resume.

The job file ``OUTDIR/job.json`` records, for every finished pair, the digests of its two input
files and where its reports are, under the job's settings (comparison and report options and the
prstdiff version). ``--resume`` skips a pair only when its record is done, its inputs' digests and
the settings are unchanged and both reports exist; anything else is compared again. The job file
is rewritten atomically after each pair's reports are written, and when the job stops for any
reason, so it never records a report that is not whole. On large jobs, where rewriting it costs
more, rewrites are spaced so that they take a small share of the job's time.
"""

from __future__ import annotations

import dataclasses
import json
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from prstdiff.batch.executors import PairExecutor
from prstdiff.batch.outputs import (
    prepare_outdir,
    reports_exist,
    write_reports,
    write_summaries,
)
from prstdiff.batch.plan import Plan, PlannedPair
from prstdiff.batch.record import (
    DocumentInfo,
    JobSummary,
    PairRecord,
    PairState,
    failed_record,
    record_from_dict,
    record_to_dict,
)
from prstdiff.batch.task import DEFAULT_FORMATS, PairOutcome, PairTask, ReportFormat
from prstdiff.errors import OutputError
from prstdiff.io import write_atomic
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions
from prstdiff.version import __version__

JOB_FILE = "job.json"
"""The job file in the output folder."""
JOB_SCHEMA = "prstdiff/batch-job"
"""The ``schema`` member of the job file."""
JOB_VERSION = 1
"""The job file's format version."""
SAVE_BUDGET = 0.05
"""Most of the job's time spent rewriting the job file. Small jobs rewrite it after every pair
(a millisecond each); a job of thousands of pairs, whose job file takes longer to write, spaces
the rewrites out, and a killed job redoes only the pairs finished since the last one."""


class JobProgress(Protocol):
    """What a job tells the one who watches it (the CLI's progress bar)."""

    def start(self, total: int, finished: int) -> None:
        """The job has ``total`` pairs, ``finished`` of them already done (resumed)."""

    def advance(self, record: PairRecord) -> None:
        """One more pair ended, done or failed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class JobResult(JobSummary):
    """How a job ended: every pair's record, in plan order, and where the reports are."""

    outdir: Path
    """The output folder."""
    resumed: int
    """Pairs taken over from an earlier run (``--resume``) rather than compared again."""


def job_settings(
    options: CompareOptions,
    render_options: RenderOptions,
    formats: frozenset[ReportFormat] = DEFAULT_FORMATS,
) -> dict[str, Any]:
    """Everything besides the inputs that decides a pair's reports; a change redoes every pair."""
    settings = {
        "prstdiff": __version__,
        "options": _plain(dataclasses.asdict(options)),
        "render": _plain(dataclasses.asdict(render_options)),
    }
    if formats != DEFAULT_FORMATS:
        # Only then: the job files and summaries of HTML-only jobs stay as they were.
        settings["formats"] = sorted(formats)
    return settings


def _plain(value: Any) -> Any:
    # JSON holds no sets or tuples; sorted lists make the settings compare equal after a reload.
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(item) for item in value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value


def read_job_file(outdir: Path) -> tuple[dict[str, Any], dict[str, PairRecord]]:
    """The settings and records of the job file in ``outdir`` (empty when there is none)."""
    path = outdir / JOB_FILE
    if not path.exists():
        return {}, {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or data.get("schema") != JOB_SCHEMA:
            raise ValueError("no job schema")
        if data.get("version") != JOB_VERSION:
            return {}, {}  # a job file of another format: start over rather than misread it
        records = [record_from_dict(item) for item in data["pairs"]]
        return dict(data["settings"]), {record.name: record for record in records}
    except (OSError, UnicodeError, ValueError, KeyError, TypeError):
        raise OutputError(
            "not a prstdiff batch job file; choose another output folder or remove it", path
        ) from None


class _JobFile:
    """The job file, rewritten atomically as pairs end, within a budget of the job's time."""

    def __init__(self, outdir: Path, settings: Mapping[str, Any], order: list[str]):
        self.path = outdir / JOB_FILE
        self.settings = dict(settings)
        self.order = order
        self.started = time.monotonic()
        self.spent = 0.0

    def save(self, records: Mapping[str, PairRecord]) -> None:
        begin = time.monotonic()
        data = {
            "schema": JOB_SCHEMA,
            "version": JOB_VERSION,
            "settings": self.settings,
            "pairs": [record_to_dict(records[name]) for name in self.order if name in records],
        }
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        self.spent += time.monotonic() - begin

    def save_soon(self, records: Mapping[str, PairRecord]) -> None:
        if self.spent <= SAVE_BUDGET * (time.monotonic() - self.started):
            self.save(records)


def run_job(
    plan: Plan,
    outdir: str | Path,
    executor: PairExecutor,
    *,
    options: CompareOptions | None = None,
    render_options: RenderOptions | None = None,
    formats: frozenset[ReportFormat] = DEFAULT_FORMATS,
    resume: bool = False,
    progress: JobProgress | None = None,
) -> JobResult:
    """Run every pair of ``plan`` on ``executor``, writing reports and summaries in ``outdir``."""
    options = options or CompareOptions()
    render_options = render_options or RenderOptions()
    formats = formats | DEFAULT_FORMATS  # the index page links every pair's HTML report
    root = prepare_outdir(outdir)
    settings = job_settings(options, render_options, formats)
    previous_settings, previous = read_job_file(root)
    if not resume or previous_settings != settings:
        previous = {}
    records: dict[str, PairRecord] = {}
    todo: list[PlannedPair] = []
    for pair in plan.pairs:
        earlier = previous.get(pair.name)
        if earlier is not None and _reusable(earlier, pair, root):
            records[pair.name] = earlier
        else:
            todo.append(pair)
    resumed = len(records)
    if progress is not None:
        progress.start(len(plan.pairs), resumed)
    job_file = _JobFile(root, settings, [pair.name for pair in plan.pairs])
    by_name = {pair.name: pair for pair in todo}
    try:
        runnable = []
        for pair in todo:
            error = pair.old.error or pair.new.error
            if error is not None:
                _finish(records, failed_record(pair.name, pair.old, pair.new, error), progress)
            else:
                runnable.append(pair)
        job_file.save(records)
        if runnable:
            with executor:
                for outcome in executor.run(_tasks(runnable, options, render_options, formats)):
                    record = _record(root, by_name[outcome.name], outcome)
                    _finish(records, record, progress)
                    job_file.save_soon(records)
    finally:
        job_file.save(records)
    ordered = tuple(records[pair.name] for pair in plan.pairs)
    write_summaries(root, ordered, skipped=plan.skipped, settings=settings)
    return JobResult(outdir=root, records=ordered, resumed=resumed, skipped=plan.skipped)


def _finish(
    records: dict[str, PairRecord], record: PairRecord, progress: JobProgress | None
) -> None:
    records[record.name] = record
    if progress is not None:
        progress.advance(record)


def _reusable(record: PairRecord, pair: PlannedPair, root: Path) -> bool:
    return (
        record.state is PairState.DONE
        and record.old.path == str(pair.old.path)
        and record.new.path == str(pair.new.path)
        and record.old.sha256 is not None
        and record.old.sha256 == pair.old.sha256
        and record.new.sha256 is not None
        and record.new.sha256 == pair.new.sha256
        and reports_exist(root, record)
    )


def _tasks(
    pairs: list[PlannedPair],
    options: CompareOptions,
    render_options: RenderOptions,
    formats: frozenset[ReportFormat],
) -> Iterator[PairTask]:
    for pair in pairs:
        assert pair.old.document is not None and pair.new.document is not None
        old, new = pair.old.document, pair.new.document
        yield PairTask(pair.name, old, new, options, render_options, formats)


def _record(root: Path, pair: PlannedPair, outcome: PairOutcome) -> PairRecord:
    if outcome.error is not None or outcome.html is None or outcome.json is None:
        return failed_record(pair.name, pair.old, pair.new, outcome.error or "no report")
    files = write_reports(root, pair.name, outcome.html, outcome.json, outcome.docx)
    return PairRecord(
        name=pair.name,
        state=PairState.DONE,
        old=DocumentInfo.of(pair.old),
        new=DocumentInfo.of(pair.new),
        stats=outcome.stats,
        html=files.html,
        json=files.json,
        error=None,
        notable=outcome.notable,
        docx=files.docx,
    )
