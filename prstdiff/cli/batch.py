"""``prstdiff batch``: many comparisons at once, in parallel, resumable, locally or on Dask."""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType
from typing import Annotated, Self

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from prstdiff.batch import (
    DaskExecutor,
    PairExecutor,
    PairRecord,
    PairState,
    Plan,
    ProcessExecutor,
    ReportFormat,
    plan_all_pairs,
    plan_manifest,
    plan_series,
    run_job,
)
from prstdiff.cli.app import EXIT_SAME, EXIT_TROUBLE, app, fail, handle_errors
from prstdiff.options import CompareOptions

_DEFAULT_THRESHOLD = CompareOptions().threshold


class _ProgressBar:
    """Progress on standard error: counts, failures and time left; silent off a terminal."""

    def __init__(self, console: Console):
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
        self._failed += record.state is PairState.FAILED
        self._progress.update(self._task, advance=1, failed=self._failed)


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
    if manifest is not None:
        return plan_manifest(manifest)
    if series is not None:
        if (match is None) == (symbols is None):
            raise fail("--series needs --match TEXT or --symbols A,B,C (one of them)")
        wanted = None if symbols is None else [s for s in symbols.split(",") if s.strip()]
        return plan_series(series, match=match, symbols=wanted)
    assert all_pairs is not None
    return plan_all_pairs(all_pairs)


def _formats(text: str) -> frozenset[ReportFormat]:
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


@app.command()
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
            "-m",
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
            "--match", help="Text of the series' agenda item or subject.", show_default=False
        ),
    ] = None,
    symbols: Annotated[
        str | None,
        typer.Option(
            "--symbols",
            help="The series' documents by symbol, comma-separated: 2263 (2016),2300 (2016).",
            show_default=False,
        ),
    ] = None,
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

    Exit status: 0 when every pair was compared, 2 when some pair failed or the job could not run.

    Example: prstdiff batch reports --series corpus --match "Cyprus" --workers 2
    """
    if workers is not None and scheduler is not None:
        raise fail("--workers counts local processes; a Dask cluster has its own workers")
    chosen_formats = _formats(formats)
    plan = _plan(manifest, series, match, symbols, all_pairs)
    executor: PairExecutor = (
        DaskExecutor(scheduler) if scheduler is not None else ProcessExecutor(workers)
    )
    console = Console(stderr=True)
    try:
        with _ProgressBar(console) as progress:
            result = run_job(
                plan,
                outdir,
                executor,
                options=CompareOptions(threshold=threshold),
                formats=chosen_formats,
                resume=resume,
                progress=progress,
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
    raise typer.Exit(EXIT_TROUBLE if result.failed else EXIT_SAME)
