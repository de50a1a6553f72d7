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

The processes share a bytecode cache of their own (``PYTHONPYCACHEPREFIX``, filled by the first,
unmeasured round), as an installed package has: with ``PYTHONDONTWRITEBYTECODE`` set and no cache,
Python compiles every prstdiff module from source in every process, while numpy and rapidfuzz
come compiled from their installation. ``--no-bytecode-cache`` measures that case.

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


def run_once(arguments: list[str], environment: dict[str, str]) -> tuple[float, float]:
    """Run one command as a fresh process: its wall time and the CPU time it used, in seconds."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, *arguments], cwd=ROOT, env=environment, capture_output=True, check=False
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
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="prstdiff-bench-pyc-") as cache:
        environment = dict(os.environ)
        if options.no_bytecode_cache:
            environment["PYTHONDONTWRITEBYTECODE"] = "1"
            environment.pop("PYTHONPYCACHEPREFIX", None)
        else:
            environment.pop("PYTHONDONTWRITEBYTECODE", None)
            environment["PYTHONPYCACHEPREFIX"] = cache
        measure(options.repeat, environment)
        compiled = "compiled in every process" if options.no_bytecode_cache else "cached"
        print(f"bytecode: {compiled}")


def measure(repeat: int, environment: dict[str, str]) -> None:
    """Run every command ``repeat`` times, interleaved, and print the table."""
    walls: dict[str, list[float]] = {name: [] for name in COMMANDS}
    cpus: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for arguments in COMMANDS.values():  # warm the file and bytecode caches first
        run_once(arguments, environment)
    for _ in range(repeat):
        for name, arguments in COMMANDS.items():
            wall, cpu = run_once(arguments, environment)
            walls[name].append(wall)
            cpus[name].append(cpu)
    floor_name = "floor: import numpy, rapidfuzz"
    floor, cpu_floor = statistics.median(walls[floor_name]), statistics.median(cpus[floor_name])
    print(f"{'command':34} {'wall':>7} {'x floor':>8} {'CPU':>7} {'x floor':>8}  target (wall)")
    for name in COMMANDS:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        ratio = wall / floor
        target = ""
        if name in TARGETS:
            target = f"<= {TARGETS[name]:.1f} {'met' if ratio <= TARGETS[name] else 'not met'}"
        print(
            f"{name:34} {wall * 1000:5.0f}ms {ratio:8.2f} {cpu * 1000:5.0f}ms "
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
