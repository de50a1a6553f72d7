"""Benchmark: batch jobs, pairs per second locally and on Dask, and peak memory as jobs grow.

Run from the repository root: ``python bench/batch.py`` (``--quick`` skips the 500-pair
memory run). Two tables:

1. **Throughput** on two real jobs, the UNFICYP renewals series (14 consecutive pairs of
   2263 (2016) ... 2674 (2023)) and all pairs of the regional-organizations series (13 documents,
   78 pairs): pairs per second of ``run_job`` (compare, both reports, atomic writes, summaries,
   index) with 1 and 2 local worker processes and on a ``dask.distributed.LocalCluster`` of two
   single-threaded worker processes, next to the baseline run in the same process: a plain loop
   calling ``compare_pair`` and writing the two reports, with no pool, no job file and no index.
   Start-up (pool or cluster) is included, as a user waits for it too.
2. **Memory** for 50 and 500 pairs (pairs of the corpus' 33 latest documents, older first),
   each size in a fresh process: the client's peak resident memory when outcomes are streamed to
   disk as ``run_job`` does, next to the baseline that holds every outcome until the end, and the
   largest worker's peak. Streaming keeps the client flat; holding grows with the job.
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil  # type: ignore[import-untyped]  # comes with dask.distributed

from prstdiff.batch import (
    DaskExecutor,
    PairExecutor,
    Plan,
    PlannedPair,
    ProcessExecutor,
    load_input,
    plan_all_pairs,
    plan_series,
    run_job,
)
from prstdiff.batch.outputs import write_reports
from prstdiff.batch.task import PairTask, compare_pair
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
UNFICYP = (
    "S_RES_2263_2016",
    "S_RES_2300_2016",
    "S_RES_2338_2017",
    "S_RES_2369_2017",
    "S_RES_2398_2018",
    "S_RES_2430_2018",
    "S_RES_2453_2019",
    "S_RES_2483_2019",
    "S_RES_2506_2020",
    "S_RES_2537_2020",
    "S_RES_2561_2021",
    "S_RES_2587_2021",
    "S_RES_2618_2022",
    "S_RES_2646_2022",
    "S_RES_2674_2023",
)
REGIONAL = (
    "S_PRST_2004_27",
    "S_PRST_2006_39",
    "S_PRST_2007_7",
    "S_PRST_2007_42",
    "S_PRST_2009_3",
    "S_PRST_2010_1",
    "S_PRST_2013_12",
    "S_PRST_2014_27",
    "S_RES_1631_2005",
    "S_RES_1809_2008",
    "S_RES_2033_2012",
    "S_RES_2167_2014",
    "S_RES_2320_2016",
)
"""Cooperation between the United Nations and regional and subregional organizations."""
MEMORY_SIZES = (50, 500)


def folder_of(stems: tuple[str, ...], scratch: str) -> Path:
    """A folder holding copies of the given corpus files."""
    folder = Path(scratch, "docs")
    folder.mkdir()
    for stem in stems:
        shutil.copyfile(CORPUS / f"{stem}.txt", folder / f"{stem}.txt")
    return folder


def plan_of(stems: list[tuple[str, str]]) -> Plan:
    """A plan of the given pairs of corpus files, each file read once."""
    inputs = {stem: load_input(CORPUS / f"{stem}.txt") for pair in stems for stem in pair}
    return Plan(
        pairs=tuple(
            PlannedPair(name=f"{old}__{new}", old=inputs[old], new=inputs[new])
            for old, new in stems
        )
    )


def baseline(plan: Plan, outdir: Path) -> None:
    """The plain loop: compare and write both reports, one pair after another, in this process."""
    (outdir / "pairs").mkdir(parents=True, exist_ok=True)
    for pair in plan.pairs:
        assert pair.old.document is not None and pair.new.document is not None
        outcome = compare_pair(
            pair.name, pair.old.document, pair.new.document, CompareOptions(), RenderOptions()
        )
        assert outcome.html is not None and outcome.json is not None
        write_reports(outdir, pair.name, outcome.html, outcome.json)


def best(repeat: int, run: Callable[[int], object]) -> float:
    """The shortest wall time of ``repeat`` calls of ``run(n)``."""
    times = []
    for n in range(repeat):
        start = time.perf_counter()
        run(n)
        times.append(time.perf_counter() - start)
    return min(times)


def measure(
    plan: Plan, repeat: int, makers: dict[str, Callable[[], PairExecutor]]
) -> list[tuple[str, float]]:
    """Best wall times of the baseline and of ``run_job`` on each executor, for one plan."""
    with tempfile.TemporaryDirectory() as scratch:
        rows = [
            (
                "baseline: plain loop, 1 process",
                best(repeat, lambda n: baseline(plan, Path(scratch, f"b{n}"))),
            )
        ]
        for how, make in makers.items():
            folder = Path(scratch, how.replace(" ", "_"))

            def job(n: int, folder: Path = folder, make: Callable[[], PairExecutor] = make) -> None:
                run_job(plan, folder / str(n), make())

            rows.append((how, best(repeat, job)))
    return rows


def throughput(repeat: int) -> None:
    """Print the throughput table."""
    import distributed

    dask: Any = distributed  # untyped library
    print(f"Throughput: pairs per second, best of {repeat} run(s), start-up included")
    print(f"{'job':26} {'pairs':>5}  {'how':38} {'seconds':>8} {'pairs/s':>8} {'vs base':>8}")
    with (
        tempfile.TemporaryDirectory() as unficyp,
        tempfile.TemporaryDirectory() as regional,
        dask.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        jobs = {
            "UNFICYP series": plan_series(folder_of(UNFICYP, unficyp), symbols=UNFICYP),
            "regional orgs, all pairs": plan_all_pairs(folder_of(REGIONAL, regional)),
        }
        makers: dict[str, Callable[[], PairExecutor]] = {
            "run_job, 2 workers, pool if it pays": lambda: ProcessExecutor(2),
            "run_job, 1 worker process (forced)": lambda: ProcessExecutor(1, small_job=0),
            "run_job, 2 worker processes (forced)": lambda: ProcessExecutor(2, small_job=0),
            "run_job, Dask LocalCluster 2x1": lambda: DaskExecutor(cluster.scheduler_address),
        }
        for label, plan in jobs.items():
            count = len(plan.pairs)
            rows = measure(plan, repeat, makers)
            base = rows[0][1]
            for how, seconds in rows:
                print(
                    f"{label:26} {count:>5}  {how:38} {seconds:8.2f} {count / seconds:8.1f}"
                    f" {base / seconds:7.2f}x"
                )


def recent_pairs(count: int) -> list[tuple[str, str]]:
    """``count`` pairs of the corpus' most recent documents, older document first: all pairs of
    the fewest latest documents that make enough pairs (33 documents, 2002 to 2023, for 500)."""
    stems = sorted((p.stem for p in CORPUS.glob("S_*.txt")), key=_chronological)
    documents = 2
    while documents * (documents - 1) // 2 < count:
        documents += 1
    return list(itertools.combinations(stems[-documents:], 2))[:count]


def _chronological(stem: str) -> tuple[int, str]:
    return int(stem.rsplit("_", 1)[1]), stem


class PeakSampler:
    """Samples the resident memory of this process's descendants (the worker processes, which
    the forkserver starts, so ``RUSAGE_CHILDREN`` never sees them) and keeps the largest."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.05):
            for child in me.children(recursive=True):
                try:
                    self.peak = max(self.peak, child.memory_info().rss)
                except psutil.Error:
                    continue


def memory_child(count: int, mode: str) -> None:
    """In a fresh process: run ``count`` pairs streamed or held; print peak memory as JSON."""
    plan = plan_of(recent_pairs(count))
    with tempfile.TemporaryDirectory() as scratch, PeakSampler() as sampler:
        if mode == "streamed":
            run_job(plan, Path(scratch), ProcessExecutor(2, small_job=0))
        else:
            executor: PairExecutor = ProcessExecutor(2, small_job=0)
            tasks = [
                PairTask(p.name, p.old.document, p.new.document, CompareOptions(), RenderOptions())
                for p in plan.pairs
                if p.old.document is not None and p.new.document is not None
            ]
            with executor:
                held = list(executor.run(tasks))
            (Path(scratch) / "pairs").mkdir()
            for outcome in held:
                assert outcome.html is not None and outcome.json is not None
                write_reports(Path(scratch), outcome.name, outcome.html, outcome.json)
    client = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"client_kb": client, "workers_kb": sampler.peak // 1024}))


def memory() -> None:
    print()
    print("Peak resident memory (MB), 2 worker processes, each size in a fresh process")
    print(f"{'pairs':>5} {'client, streamed':>17} {'client, all held':>17} {'largest worker':>15}")
    for count in MEMORY_SIZES:
        row = {}
        for mode in ("streamed", "held"):
            output = subprocess.run(
                [sys.executable, __file__, "--memory-child", str(count), mode],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            row[mode] = json.loads(output.splitlines()[-1])
        print(
            f"{count:>5} {row['streamed']['client_kb'] / 1024:17.0f}"
            f" {row['held']['client_kb'] / 1024:17.0f}"
            f" {row['streamed']['workers_kb'] / 1024:15.0f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement (best kept)")
    parser.add_argument("--quick", action="store_true", help="throughput only, no memory runs")
    parser.add_argument(
        "--memory-child", nargs=2, metavar=("PAIRS", "MODE"), help=argparse.SUPPRESS
    )
    arguments = parser.parse_args()
    if arguments.memory_child:
        memory_child(int(arguments.memory_child[0]), arguments.memory_child[1])
        return
    throughput(arguments.repeat)
    if not arguments.quick:
        memory()


if __name__ == "__main__":
    main()
