"""Batch jobs on the UNFICYP series: interrupted part-way, resumed, and equal to a straight run."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Self

import pytest

from prstdiff.batch import (
    JOB_FILE,
    JobResult,
    PairOutcome,
    PairRecord,
    PairState,
    PairTask,
    ProcessExecutor,
    WorkerLostError,
    plan_manifest,
    plan_series,
    read_job_file,
    run_job,
)
from prstdiff.batch.task import ReportFormat, compare_pair
from prstdiff.errors import OutputError
from prstdiff.model import Document
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions

from .conftest import CORPUS, UNFICYP, UNFICYP_PAIR_NAMES, UNFICYP_SYMBOLS, job_files

ROOT = Path(__file__).parent.parent.parent
UNFICYP_DATES = (
    "2016-01-28",
    "2016-07-26",
    "2017-01-26",
    "2017-07-27",
    "2018-01-30",
    "2018-07-26",
    "2019-01-30",
    "2019-07-25",
    "2020-01-30",
    "2020-07-28",
    "2021-01-29",
    "2021-07-29",
    "2022-01-27",
    "2022-07-28",
    "2023-01-30",
)
"""Adoption dates printed in the fifteen renewals (``Adopted by the Security Council ... on``)."""
KILLER = UNFICYP_PAIR_NAMES[4]
"""The pair whose worker process kills itself in the killed-worker test."""


def compare_or_die(
    name: str,
    old: Document,
    new: Document,
    options: CompareOptions,
    render_options: RenderOptions,
    formats: frozenset[ReportFormat],
) -> PairOutcome:
    """``compare_pair``, except that the worker process given ``KILLER`` dies on the spot."""
    if name == KILLER:
        os.kill(os.getpid(), signal.SIGKILL)
    return compare_pair(name, old, new, options, render_options, formats)


class RecordingProgress:
    """A progress watcher that remembers what the job told it."""

    def __init__(self) -> None:
        self.started: tuple[int, int] | None = None
        self.advanced: list[str] = []

    def start(self, total: int, finished: int) -> None:
        self.started = (total, finished)

    def advance(self, record: PairRecord) -> None:
        self.advanced.append(record.name)


class InterruptAfter:
    """An executor that lets ``count`` pairs through, then raises Ctrl-C in the client."""

    def __init__(self, inner: ProcessExecutor, count: int):
        self.inner = inner
        self.count = count

    def __enter__(self) -> Self:
        self.inner.__enter__()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.inner.__exit__(kind, error, traceback)

    def run(self, tasks: Iterable[PairTask]) -> Iterator[PairOutcome]:
        for number, outcome in enumerate(self.inner.run(tasks), 1):
            yield outcome
            if number == self.count:
                raise KeyboardInterrupt


def test_straight_run_of_the_unficyp_series(
    reference_job: tuple[JobResult, dict[str, bytes]],
) -> None:
    result, files = reference_job
    assert [r.name for r in result.records] == list(UNFICYP_PAIR_NAMES)
    assert all(r.state is PairState.DONE for r in result.records)
    assert [r.old.date for r in result.records] == list(UNFICYP_DATES[:-1])
    assert [r.new.date for r in result.records] == list(UNFICYP_DATES[1:])
    assert result.records[0].old.symbol == "S/RES/2263 (2016)"
    assert result.records[-1].new.symbol == "S/RES/2674 (2023)"
    assert sorted(files) == sorted(
        ["index.html", "summary.csv", "summary.json"]
        + [f"pairs/{name}.{suffix}" for name in UNFICYP_PAIR_NAMES for suffix in ("html", "json")]
    )
    # The summaries agree with the JSON comparisons they sum up.
    summary = json.loads(files["summary.json"])
    assert summary["counts"] == {"pairs": 14, "done": 14, "failed": 0}
    rows = list(csv.DictReader(io.StringIO(files["summary.csv"].decode())))
    for record, row, item in zip(result.records, rows, summary["pairs"], strict=True):
        comparison = json.loads(files[f"pairs/{record.name}.json"])
        stats = comparison["stats"]
        assert comparison["old"]["symbol"] == record.old.symbol
        assert comparison["new"]["symbol"] == record.new.symbol
        assert item["stats"] == {k: v for k, v in stats.items() if not k.startswith("share_")}
        assert row["name"] == record.name
        assert row["new_words"] == str(stats["new_words"])
        assert row["share_reused"] == f"{stats['share_reused']:.4f}"
        assert float(row["carried"]) == pytest.approx(
            stats["share_reused"] + stats["share_altered"], abs=1e-4
        )


def test_interrupted_by_ctrl_c_then_resumed(
    unficyp_folder: Path, tmp_path: Path, reference_job: tuple[JobResult, dict[str, bytes]]
) -> None:
    outdir = tmp_path / "out"
    plan = plan_series(unficyp_folder, symbols=UNFICYP_SYMBOLS)
    with pytest.raises(KeyboardInterrupt):
        run_job(plan, outdir, InterruptAfter(ProcessExecutor(1), 5))
    # Five whole pairs, recorded in the job file; no index or summary of a job that did not end.
    reports = sorted(p.name for p in (outdir / "pairs").iterdir())
    assert reports == sorted(f"{n}.{s}" for n in UNFICYP_PAIR_NAMES[:5] for s in ("html", "json"))
    _, records = read_job_file(outdir)
    assert sorted(records) == sorted(UNFICYP_PAIR_NAMES[:5])
    assert not (outdir / "index.html").exists()

    progress = RecordingProgress()
    resumed = run_job(plan, outdir, ProcessExecutor(2), resume=True, progress=progress)
    assert resumed.resumed == 5
    assert resumed.done == 14
    assert progress.started == (14, 5)
    assert sorted(progress.advanced) == sorted(UNFICYP_PAIR_NAMES[5:])
    assert job_files(outdir) == reference_job[1]

    # Once finished, resuming again compares nothing and changes nothing.
    again = run_job(plan, outdir, ProcessExecutor(2), resume=True)
    assert again.resumed == 14
    assert job_files(outdir) == reference_job[1]


def test_killed_worker_then_resumed(
    unficyp_folder: Path, tmp_path: Path, reference_job: tuple[JobResult, dict[str, bytes]]
) -> None:
    outdir = tmp_path / "out"
    plan = plan_series(unficyp_folder, symbols=UNFICYP_SYMBOLS)
    with pytest.raises(WorkerLostError, match="run the job again with --resume"):
        run_job(plan, outdir, ProcessExecutor(1, function=compare_or_die, small_job=0))
    _, records = read_job_file(outdir)
    assert sorted(records) == sorted(UNFICYP_PAIR_NAMES[:4])  # one worker: pairs run in order
    resumed = run_job(plan, outdir, ProcessExecutor(2), resume=True)
    assert (resumed.resumed, resumed.done) == (4, 14)
    assert job_files(outdir) == reference_job[1]


def recorded(outdir: Path) -> list[str]:
    """The pairs the job file in ``outdir`` records (none while it does not exist)."""
    try:
        return sorted(read_job_file(outdir)[1])
    except OutputError:  # not written yet: an empty file is not a job file
        return []


# The real command line, whose comparisons hang from the seventh pair on (one worker runs them in
# its own process): a job of fourteen pairs can take under a second, so a kill timed by watching
# the job file could come after the last pair.
STALLING_CLI = """
import sys, time
import prstdiff.batch.task as task
from prstdiff.cli import main
real, done = task.compare, []
def compare(*args, **kwargs):
    done.append(1)
    if len(done) > 6:
        time.sleep(600)
    return real(*args, **kwargs)
task.compare = compare
sys.argv = ["prstdiff", *sys.argv[1:]]
main()
"""


def test_cli_process_killed_then_resumed(
    unficyp_folder: Path, tmp_path: Path, reference_job: tuple[JobResult, dict[str, bytes]]
) -> None:
    outdir = tmp_path / "out"
    arguments = ["batch", str(outdir), "--series", str(unficyp_folder)]
    arguments += ["--symbols", ",".join(UNFICYP_SYMBOLS)]
    command = [sys.executable, "-m", "prstdiff", *arguments]
    process = subprocess.Popen(
        [sys.executable, "-c", STALLING_CLI, *arguments, "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        # Kill it once the job file (rewritten within a share of the job's time) records two.
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and process.poll() is None:
            if len(recorded(outdir)) >= 2:
                break
            time.sleep(0.02)
    finally:
        os.killpg(process.pid, signal.SIGKILL)  # the CLI and its worker processes, at once
        process.wait()
    kept = len(recorded(outdir))
    written = len(list((outdir / "pairs").glob("*.html")))
    assert 2 <= kept <= written < 14, "the job must be stopped part-way"
    # Only whole files: every HTML report present is complete.
    for report in (outdir / "pairs").glob("*.html"):
        assert report.read_text(encoding="utf-8").rstrip().endswith("</html>")

    finished = subprocess.run(
        [*command, "--resume"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert "Traceback" not in finished.stderr
    assert finished.stdout.startswith(f"14 pairs: 14 done ({kept} kept from an earlier run), ")
    assert job_files(outdir) == reference_job[1]
    assert not list(outdir.rglob("*.tmp"))


def test_cli_ctrl_c_is_one_line_then_resumed(
    unficyp_folder: Path, tmp_path: Path, reference_job: tuple[JobResult, dict[str, bytes]]
) -> None:
    outdir = tmp_path / "out"
    arguments = ["batch", str(outdir), "--series", str(unficyp_folder)]
    arguments += ["--symbols", ",".join(UNFICYP_SYMBOLS)]
    command = [sys.executable, "-m", "prstdiff", *arguments]
    process = subprocess.Popen(
        [sys.executable, "-c", STALLING_CLI, *arguments, "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and process.poll() is None and len(recorded(outdir)) < 2:
        time.sleep(0.02)
    # Ctrl-C in a terminal reaches the whole process group: the CLI and its workers.
    os.killpg(process.pid, signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert stdout == ""
    assert stderr == (
        "prstdiff: interrupted; the finished pairs are kept: run the job again with --resume"
        " to finish\n"
    )
    kept = len(recorded(outdir))
    assert 2 <= kept < 14
    finished = subprocess.run(
        [*command, "--resume"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith(f"14 pairs: 14 done ({kept} kept from an earlier run), ")
    assert job_files(outdir) == reference_job[1]


def test_resume_redoes_what_changed(
    unficyp_folder: Path, tmp_path: Path, reference_job: tuple[JobResult, dict[str, bytes]]
) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in UNFICYP[:3]:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(
        f"docs/{UNFICYP[0]},docs/{UNFICYP[1]}\ndocs/{UNFICYP[1]},docs/{UNFICYP[2]}\n"
    )
    outdir = tmp_path / "out"
    first = run_job(plan_manifest(manifest), outdir, ProcessExecutor(1))
    assert first.done == 2

    # The same bytes: nothing to do.
    assert run_job(plan_manifest(manifest), outdir, ProcessExecutor(1), resume=True).resumed == 2
    # An input changed (a trailing newline): only the pairs that read it are compared again.
    with (folder / UNFICYP[2]).open("a", encoding="utf-8") as stream:
        stream.write("\n")
    assert run_job(plan_manifest(manifest), outdir, ProcessExecutor(1), resume=True).resumed == 1
    # A report deleted: that pair again.
    (outdir / "pairs" / f"{UNFICYP_PAIR_NAMES[0]}.json").unlink()
    assert run_job(plan_manifest(manifest), outdir, ProcessExecutor(1), resume=True).resumed == 1
    # Other options: every pair again, and the job file records the new threshold.
    changed = run_job(
        plan_manifest(manifest),
        outdir,
        ProcessExecutor(1),
        options=CompareOptions(threshold=0.7),
        resume=True,
    )
    assert changed.resumed == 0
    settings, _ = read_job_file(outdir)
    assert settings["options"]["threshold"] == 0.7
    # Without --resume everything is compared again.
    assert run_job(plan_manifest(manifest), outdir, ProcessExecutor(1)).resumed == 0


def test_a_foreign_job_file_is_refused(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / JOB_FILE).write_text('{"name": "someone else\'s"}')
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]}\n")
    with pytest.raises(OutputError, match="not a prstdiff batch job file"):
        run_job(plan_manifest(manifest), outdir, ProcessExecutor(1), resume=True)
    assert (outdir / JOB_FILE).read_text() == '{"name": "someone else\'s"}'


def test_a_small_job_runs_in_process_and_a_large_one_on_a_pool(
    unficyp_folder: Path, tmp_path: Path, reference_job: tuple[JobResult, dict[str, bytes]]
) -> None:
    plan = plan_series(unficyp_folder, symbols=UNFICYP_SYMBOLS)
    small = ProcessExecutor(2)  # 14 pairs: fewer than the pool needs to pay for itself
    run_job(plan, tmp_path / "small", small)
    assert small.pool_started is False
    assert job_files(tmp_path / "small") == reference_job[1]
    large = ProcessExecutor(2, small_job=10)
    run_job(plan, tmp_path / "large", large)
    assert large.pool_started is True
    assert job_files(tmp_path / "large") == reference_job[1]
