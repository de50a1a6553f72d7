"""Benchmark: how long each command takes as a whole process, against the import floor.

Run from the repository root: ``python bench/startup.py`` (``--repeat N`` for more runs).
Every command runs as a fresh process (``python -m prstdiff ...``), interleaved with the others
so that load on the machine touches all of them alike; the table gives the median wall time and
its ratio to the floor, ``python -c "import numpy, rapidfuzz"``: the libraries the comparison
cannot do without, so no command that compares can start faster. ``--help``, ``--version`` and
``inspect`` need neither library and can beat the floor. Plain ``diff`` output (text, JSON) is
written without rich; ``diff (colour)`` is the rich renderer, shown for its cost, without a target.
Beside the wall time, the CPU time each process used (user + system): on a machine shared with
other work it moves less than the wall time, which waits for the cores.

A plain ``diff`` runs numpy's BLAS on one thread (``prstdiff.cli.quick``): the floor's import
starts a spinning thread a core, which on a busy machine slows the floor itself.
``OPENBLAS_NUM_THREADS=1 python bench/startup.py`` spares the floor that thread too, as an idle
machine does: the stricter comparison.

The processes share a bytecode cache of their own (``PYTHONPYCACHEPREFIX``, filled by the first,
unmeasured round), as an installed package has: with ``PYTHONDONTWRITEBYTECODE`` set and no cache,
Python compiles every prstdiff module from source in every process, while numpy and rapidfuzz
come compiled from their installation. ``--no-bytecode-cache`` measures that case.

``--before DIR`` also runs every command from another checkout of prstdiff (``git worktree add
--detach DIR COMMIT``), interleaved with this one, and prints both: before and after a change, in
the same runs and under the same load.

What each command imports is checked, untimed, by ``tests/cli/test_startup.py``; ``python -X
importtime -m prstdiff ...`` shows where a command's start-up goes.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OLD = "corpus/S_PRST_2010_1.txt"
NEW = "corpus/S_PRST_2013_12.txt"
FLOOR = "import numpy, rapidfuzz"
COMMANDS: dict[str, list[str]] = {
    "floor: import numpy, rapidfuzz": ["-c", FLOOR],
    "python (empty)": ["-c", "pass"],
    "prstdiff --help": ["-m", "prstdiff", "--help"],
    "prstdiff --version": ["-m", "prstdiff", "--version"],
    "prstdiff inspect": ["-m", "prstdiff", "inspect", NEW],
    "prstdiff diff (text)": ["-m", "prstdiff", "diff", OLD, NEW, "--color", "never"],
    "prstdiff diff (json)": ["-m", "prstdiff", "diff", OLD, NEW, "-f", "json"],
    "prstdiff diff (colour)": ["-m", "prstdiff", "diff", OLD, NEW, "--color", "always"],
}
TARGETS = {"prstdiff --help": 1.0, "prstdiff diff (text)": 1.6, "prstdiff diff (json)": 1.6}
"""Largest ratio to the floor each command should take (issue: start-up)."""


def run_once(
    arguments: list[str], environment: dict[str, str], root: Path = ROOT
) -> tuple[float, float]:
    """Run one command as a fresh process: its wall time and the CPU time it used, in seconds.

    ``python -m prstdiff`` runs the prstdiff of ``root``, the folder it starts in.
    """
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *arguments], cwd=root, env=environment, capture_output=True, check=False
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(arguments)} failed: {done.stderr.decode()}")
    cpu = (after.ru_utime + after.ru_stime) - (used.ru_utime + used.ru_stime)
    return elapsed, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="runs of every command")
    parser.add_argument(
        "--no-bytecode-cache",
        action="store_true",
        help="compile prstdiff from source in every process (PYTHONDONTWRITEBYTECODE, no cache)",
    )
    parser.add_argument(
        "--before",
        type=Path,
        metavar="DIR",
        help="also run every command from the prstdiff checkout in DIR, interleaved",
    )
    options = parser.parse_args()
    roots = {"": ROOT} if options.before is None else {"before": options.before, "after": ROOT}
    with tempfile.TemporaryDirectory(prefix="prstdiff-bench-pyc-") as cache:
        environment = dict(os.environ)
        if options.no_bytecode_cache:
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            environment.pop("PYTHONPYCACHEPREFIX", None)
        else:
            environment.pop("PYTHONDONTWRITEBYTECODE", None)
            environment["PYTHONPYCACHEPREFIX"] = cache
        # Each checkout's own prstdiff: not one installed elsewhere or named by PYTHONPATH.
        environment.pop("PYTHONPATH", None)
        measure(options.repeat, environment, roots)
        compiled = "compiled in every process" if options.no_bytecode_cache else "cached"
        print(f"bytecode: {compiled}")


def measure(repeat: int, environment: dict[str, str], roots: dict[str, Path]) -> None:
    """Run every command ``repeat`` times (prstdiff's from each root), interleaved; print them."""
    first = next(iter(roots))
    # The floor and the empty interpreter import no prstdiff: they run once a round.
    runs = [
        (name, root)
        for name, arguments in COMMANDS.items()
        for root in (roots if arguments[0] == "-m" else [first])
    ]
    walls: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    cpus: dict[tuple[str, str], list[float]] = {run: [] for run in runs}
    for name, root in runs:  # warm the file and bytecode caches first
        run_once(COMMANDS[name], environment, roots[root])
    for _ in range(repeat):
        for name, root in runs:
            wall, cpu = run_once(COMMANDS[name], environment, roots[root])
            walls[name, root].append(wall)
            cpus[name, root].append(cpu)
    floor_run = ("floor: import numpy, rapidfuzz", first)
    floor, cpu_floor = statistics.median(walls[floor_run]), statistics.median(cpus[floor_run])
    print(f"{'command':40} {'wall':>7} {'x floor':>8} {'CPU':>7} {'x floor':>8}  target (wall)")
    for name, root in runs:
        wall, cpu = statistics.median(walls[name, root]), statistics.median(cpus[name, root])
        ratio = wall / floor
        target = ""
        if name in TARGETS:
            target = f"<= {TARGETS[name]:.1f} {'met' if ratio <= TARGETS[name] else 'not met'}"
        label = f"{name} ({root})" if root and COMMANDS[name][0] == "-m" else name
        print(
            f"{label:40} {wall * 1000:5.0f}ms {ratio:8.2f} {cpu * 1000:5.0f}ms "
            f"{cpu / cpu_floor:8.2f}  {target}"
        )
    print(f"medians of {repeat} interleaved runs each; load average {_load()}")


def _load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:  # not every system reports it
        return "unknown"


if __name__ == "__main__":
    main()
