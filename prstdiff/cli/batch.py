"""``prstdiff batch``: many comparisons at once, in parallel, resumable, locally or on Dask."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Annotated, Self

import typer

from prstdiff.cli.application import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    EXIT_TROUBLE,
    SymbolsOption,
    app,
    fail,
    handle_errors,
    symbol_list,
)
from prstdiff.cli.richhelp import RichHelpCommand
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions

# The batch machinery is imported when the command runs, so that ``prstdiff --help`` and the
# other commands do not load it.
if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import TaskID

    from prstdiff.batch.executors import PairExecutor
    from prstdiff.batch.plan import Plan
    from prstdiff.batch.record import PairRecord
    from prstdiff.batch.task import ReportFormat

_DEFAULT_THRESHOLD = CompareOptions().threshold


@dataclass(frozen=True, slots=True)
class BatchCliOptions:
    """Numbers of the ``batch`` command's safeguards, with reasons."""

    confirm_pairs: int = 10_000
    """Jobs of more pairs are estimated and need a yes: at a few pairs a second per worker such
    a job runs for hours and writes gigabytes, too much to start by a slip of the keyboard."""
    sample_pairs: int = 3
    """Pairs compared and rendered to measure a big job's time and disk per pair: enough to
    smooth one odd pair, few enough to answer in seconds."""
    listed_files: int = 5
    """File names printed when a reused output folder is cleaned; the rest are counted."""


@dataclass(frozen=True, slots=True)
class Estimate:
    """What a job will cost, measured on a few of its pairs."""

    pairs: int
    """Pairs of the job."""
    seconds: float
    """Wall-clock seconds on the workers asked for."""
    bytes: int
    """Bytes of reports the job writes."""
    sampled: int
    """Pairs measured."""
    workers: int | None
    """Local worker processes the time assumes; None for a Dask cluster (CPU time given)."""


def estimate_job(plan: Plan, workers: int | None, options: BatchCliOptions) -> Estimate:
    """Compare and render a few pairs of ``plan`` to estimate its time and disk."""
    from prstdiff.batch.task import compare_pair

    readable = [p for p in plan.pairs if p.old.document is not None and p.new.document is not None]
    step = max(1, len(readable) // max(1, options.sample_pairs))
    sample = readable[::step][: options.sample_pairs]
    spent = 0.0
    size = 0
    for pair in sample:
        assert pair.old.document is not None and pair.new.document is not None
        started = time.perf_counter()
        outcome = compare_pair(
            pair.name, pair.old.document, pair.new.document, CompareOptions(), RenderOptions()
        )
        spent += time.perf_counter() - started
        size += len((outcome.html or "").encode()) + len((outcome.json or "").encode())
    count = max(1, len(sample))
    per_pair = spent / count
    parallel = workers if workers is not None else None
    seconds = per_pair * len(plan.pairs) / (parallel or 1)
    return Estimate(
        len(plan.pairs), seconds, size * len(plan.pairs) // count, len(sample), parallel
    )


def describe_estimate(estimate: Estimate) -> str:
    """One line on what a job will cost."""
    hours = estimate.seconds / 3600
    duration = f"{hours:.1f} hours" if hours >= 1 else f"{estimate.seconds / 60:.0f} minutes"
    where = (
        f"on {estimate.workers} worker{'s' if estimate.workers != 1 else ''}"
        if estimate.workers is not None
        else "of CPU time, shared by the cluster's workers"
    )
    return (
        f"this job compares {estimate.pairs:,} pairs: about {duration} {where} and "
        f"{estimate.bytes / 1e9:.1f} GB of reports (measured on {estimate.sampled} pairs)"
    )


def can_ask() -> bool:
    """True when a person can answer a question: standard input is a terminal."""
    return sys.stdin.isatty()


def _differs(record: PairRecord) -> bool:
    # The statistics a record keeps tell the same as ``Comparison.identical``: anything but
    # reused paragraphs in place is a difference.
    stats = record.stats
    if stats is None:
        return False
    changes = (stats.altered, stats.new, stats.dropped, stats.moved, stats.split, stats.merged)
    return any(changes)


def claim_outdir(outdir: Path, plan: Plan) -> list[str]:
    """Make a reused output folder the new job's, or refuse it; return the files removed.

    A folder of an earlier batch job (it holds ``job.json``) loses the pair reports the new job
    does not write, so ``index.html`` and the folder agree; a folder holding anything else is
    refused rather than mixed with reports.
    """
    from prstdiff.batch.job import JOB_FILE
    from prstdiff.batch.outputs import INDEX_FILE, PAIRS_FOLDER, SUMMARY_CSV, SUMMARY_JSON

    if not outdir.is_dir():
        return []
    ours = {JOB_FILE, INDEX_FILE, SUMMARY_CSV, SUMMARY_JSON, PAIRS_FOLDER}
    entries = sorted(e.name for e in outdir.iterdir() if not e.name.startswith("."))
    if not entries:
        return []
    foreign = [name for name in entries if name not in ours]
    pairs = outdir / PAIRS_FOLDER
    reports = sorted(pairs.iterdir()) if pairs.is_dir() else []
    visible = [r for r in reports if not r.name.startswith(".")]
    foreign += [
        f"{PAIRS_FOLDER}/{r.name}"
        for r in visible
        if not r.is_file() or r.suffix not in (".html", ".json")
    ]
    if foreign or not (outdir / JOB_FILE).is_file():
        shown = ", ".join(foreign[:3]) + (" ..." if len(foreign) > 3 else "")
        what = (
            f"files that are not a prstdiff batch job's ({shown})"
            if foreign
            else ("files but no job.json of a prstdiff batch job")
        )
        raise fail(f"{outdir} holds {what}: give an empty or new output folder")
    owned = {f"{p.name}{suffix}" for p in plan.pairs for suffix in (".html", ".json")}
    removed = []
    for report in visible:
        if report.name not in owned:
            report.unlink()
            removed.append(f"{PAIRS_FOLDER}/{report.name}")
    return removed


class _ProgressBar:
    """Progress on standard error: counts, failures and time left; silent off a terminal."""

    def __init__(self, console: Console):
        # rich's progress machinery loads only when a job runs, not for ``prstdiff --help``.
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]} failed"),
            TimeElapsedColumn(),
            TextColumn("elapsed,"),
            TimeRemainingColumn(),
            TextColumn("left"),
            console=console,
            disable=not console.is_terminal,
            transient=False,
        )
        self._task: TaskID | None = None
        self._failed = 0

    def __enter__(self) -> Self:
        self._progress.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def start(self, total: int, finished: int) -> None:
        """Show the bar, with the pairs an earlier run finished already counted."""
        self._task = self._progress.add_task("comparing", total=total, completed=finished, failed=0)

    def advance(self, record: PairRecord) -> None:
        """Count one more pair."""
        if self._task is None:
            return
        from prstdiff.batch.record import PairState

        self._failed += record.state is PairState.FAILED
        self._progress.update(self._task, advance=1, failed=self._failed)


def _formats(text: str) -> frozenset[ReportFormat]:
    from prstdiff.batch.task import ReportFormat

    names = [name.strip().lower() for name in text.split(",") if name.strip()]
    known = {f.value for f in ReportFormat}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise fail(f"--formats: unknown format {unknown[0]!r}; choose from html,docx")
    if ReportFormat.HTML not in names:
        raise fail(
            "--formats: the HTML report is always written (the index links to it): "
            "give html or html,docx"
        )
    return frozenset(ReportFormat(name) for name in names)


def _plan(
    manifest: Path | None,
    series: Path | None,
    match: str | None,
    symbols: str | None,
    all_pairs: Path | None,
) -> Plan:
    chosen = [
        name
        for name, value in (
            ("--manifest", manifest),
            ("--series", series),
            ("--all-pairs", all_pairs),
        )
        if value is not None
    ]
    if len(chosen) != 1:
        raise fail("give exactly one of --manifest FILE, --series CORPUS_DIR or --all-pairs DIR")
    if (match is not None or symbols is not None) and series is None:
        raise fail("--match and --symbols choose the documents of --series")
    from prstdiff.batch.plan import plan_all_pairs, plan_manifest, plan_series

    if manifest is not None:
        return plan_manifest(manifest)
    if series is not None:
        if (match is None) == (symbols is None):
            raise fail("--series needs --match TEXT or --symbols A,B,C (one of them)")
        return plan_series(series, match=match, symbols=symbol_list(symbols))
    assert all_pairs is not None
    return plan_all_pairs(all_pairs)


@app.command(cls=RichHelpCommand)
@handle_errors
def batch(
    outdir: Annotated[
        Path,
        typer.Argument(
            help="Output folder (created if needed): pairs/, index.html, summary.csv/.json.",
            show_default=False,
        ),
    ],
    *,
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest",
            help="CSV or TOML of old,new[,name] rows; paths relative to the manifest.",
            show_default=False,
        ),
    ] = None,
    series: Annotated[
        Path | None,
        typer.Option(
            "--series",
            help="Corpus folder: compare each document of a series with its predecessor.",
            show_default=False,
        ),
    ] = None,
    match: Annotated[
        str | None,
        typer.Option(
            "--match",
            "-m",
            help="Text of the series' agenda item or subject.",
            show_default=False,
        ),
    ] = None,
    symbols: SymbolsOption = None,
    all_pairs: Annotated[
        Path | None,
        typer.Option(
            "--all-pairs",
            help="Folder: compare every pair of its documents, the older one first.",
            show_default=False,
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-j",
            min=1,
            help="Local worker processes (default: the cores).",
            show_default=False,
        ),
    ] = None,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="Skip pairs whose reports exist and whose inputs, options, version are unchanged.",
        ),
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Run on a dask.distributed cluster at this address (tcp://host:8786).",
            show_default=False,
        ),
    ] = None,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold",
            "-t",
            min=0.0,
            max=1.0,
            help="Least word similarity for two paragraphs to count as altered language.",
        ),
    ] = _DEFAULT_THRESHOLD,
    yes: Annotated[
        bool,
        typer.Option(
            "--yes",
            "-y",
            help=f"Start a job of more than {BatchCliOptions().confirm_pairs:,} pairs without "
            "asking (its estimate is still printed).",
        ),
    ] = False,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            help="Exit 1 when some pair's documents differ (as diff(1)) instead of 0.",
        ),
    ] = False,
    formats: Annotated[
        str,
        typer.Option(
            "--formats",
            help="Reports per pair besides the JSON: html, or html,docx to add a Word redline "
            "with tracked changes.",
        ),
    ] = "html",
) -> None:
    """Compare many pairs at once: from a manifest, a series, or every pair of a folder.

    Writes OUTDIR/pairs/NAME.html and .json per pair (and NAME.docx with --formats html,docx), and
    OUTDIR/index.html, summary.csv and summary.json for the job. Runs on local processes, or on a
    Dask cluster with --scheduler. A pair whose document cannot be read is recorded with its error;
    the others complete.

    A job of more than 10,000 pairs is estimated first (time and disk, measured on a few pairs)
    and starts only when you say yes, or with --yes. A reused output folder loses the pair
    reports of the earlier job that this job does not write, and says which; a folder holding
    anything but a batch job's files is refused.

    Exit status: 0 when every pair was compared, 2 when some pair failed or the job could not
    run; with --exit-code, 1 when every pair was compared and some differ.

    Example: prstdiff batch reports --series corpus --match "Cyprus" --workers 2
    """
    from prstdiff.batch.executors import DaskExecutor, ProcessExecutor
    from prstdiff.batch.job import run_job

    if workers is not None and scheduler is not None:
        raise fail("--workers counts local processes; a Dask cluster has its own workers")
    chosen_formats = _formats(formats)
    # The executor first: a missing Dask is reported before any document is read.
    executor: PairExecutor = (
        DaskExecutor(scheduler) if scheduler is not None else ProcessExecutor(workers)
    )
    plan = _plan(manifest, series, match, symbols, all_pairs)
    habits = BatchCliOptions()
    if len(plan.pairs) > habits.confirm_pairs:
        local = None if scheduler is not None else (workers or os.cpu_count() or 1)
        estimate = estimate_job(plan, local, habits)
        typer.echo(f"prstdiff: {describe_estimate(estimate)}", err=True)
        if not yes:
            if not can_ask():
                raise fail(f"a job of {len(plan.pairs):,} pairs needs --yes to start")
            if not typer.confirm("Start it?", default=False, err=True):
                raise fail("not started")
    if not resume:
        removed = claim_outdir(outdir, plan)
        if removed:
            listed = ", ".join(removed[: habits.listed_files])
            more = len(removed) - habits.listed_files
            typer.echo(
                f"prstdiff: removed {len(removed)} report{'s' if len(removed) != 1 else ''} "
                f"of the earlier job in {outdir} that this job does not write: {listed}"
                + (f" and {more} more" if more > 0 else ""),
                err=True,
            )
    from rich.console import Console

    console = Console(stderr=True)
    try:
        with _ProgressBar(console) as progress:
            result = run_job(
                plan,
                outdir,
                executor,
                options=CompareOptions(threshold=threshold),
                resume=resume,
                progress=progress,
                formats=chosen_formats,
            )
    except KeyboardInterrupt:
        raise fail(
            "interrupted; the finished pairs are kept: run the job again with --resume to finish"
        ) from None
    for skipped in result.skipped:
        typer.echo(f"prstdiff: skipped {skipped.path}: {skipped.reason}", err=True)
    for record in result.failed:
        typer.echo(f"prstdiff: {record.name}: {record.error}", err=True)
    resumed = f" ({result.resumed} kept from an earlier run)" if result.resumed else ""
    typer.echo(
        f"{len(result.records)} pairs: {result.done} done{resumed}, {len(result.failed)} failed;"
        f" index: {result.outdir / 'index.html'}"
    )
    sys.stdout.flush()
    if result.failed:
        raise typer.Exit(EXIT_TROUBLE)
    differ = any(_differs(record) for record in result.records)
    raise typer.Exit(EXIT_DIFFERENT if exit_code and differ else EXIT_SAME)
