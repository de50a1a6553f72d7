"""Benchmark: ``prstdiff report`` end to end, on a real pair and a x10 pair, against difflib.

Run from the repository root: ``python bench/report.py`` (``--repeat N`` for more runs).
For each pair it prints the median wall time of

- ``prstdiff report OLD NEW -o FILE`` as a separate process, from process start to file written;
- the same work inside this process (``load``, ``compare``, ``html.render``, ``write_atomic``);
- ``difflib.HtmlDiff().make_file`` on the same paragraphs (one line per paragraph), the standard
  library's side-by-side HTML diff, in this process;
- ``python -m prstdiff --help`` as a process: the interpreter and import cost every run pays;

and the size of both HTML files. The x10 pair is made-up: every paragraph of both documents
repeated ten times in a one-paragraph-per-line text file, each copy with a different made-up
marker word put in, so copies stay distinct; it is written to a temporary folder.
"""

from __future__ import annotations

import argparse
import difflib
import functools
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from prstdiff.compare import compare
from prstdiff.io import write_atomic
from prstdiff.model import Document
from prstdiff.parse import load
from prstdiff.render import RenderOptions, html

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
OLD = CORPUS / "S_RES_2561_2021.txt"
NEW = CORPUS / "S_RES_2587_2021.txt"
MARKERS = [f"madeup{n}" for n in range(10)]


def timed(function: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``function`` in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def scaled_text(document: Document, times: int) -> str:
    """A made-up text: the document's paragraphs ``times`` times, one per line, copies marked."""
    lines = ["Made-up scaled document for benchmarks", ""]
    for copy in range(times):
        for paragraph in document.paragraphs:
            words = paragraph.text.split(" ")
            words.insert(len(words) // 2, MARKERS[copy % len(MARKERS)])
            prefix = f"{paragraph.number}. " if paragraph.number else ""
            lines += [prefix + " ".join(words), ""]
    return "\n".join(lines)


def run_report(old: Path, new: Path, output: Path) -> None:
    """``prstdiff report`` in a new process; statuses 0 and 1 are both success."""
    command = [sys.executable, "-m", "prstdiff", "report", str(old), str(new), "-o", str(output)]
    status = subprocess.run(command, capture_output=True, check=False).returncode
    if status not in (0, 1):
        raise SystemExit(f"prstdiff report failed with status {status}")


def in_process(old: Path, new: Path, output: Path) -> None:
    """The report's work without the process: read, compare, render, write."""
    comparison = compare(load(old), load(new))
    write_atomic(output, html.render(comparison, RenderOptions()))


def difflib_report(old: Path, new: Path, output: Path) -> None:
    """The standard library's side-by-side HTML diff of the same paragraphs."""
    old_lines = [p.text for p in load(old).paragraphs]
    new_lines = [p.text for p in load(new).paragraphs]
    page = difflib.HtmlDiff(wrapcolumn=80).make_file(old_lines, new_lines, old.name, new.name)
    write_atomic(output, page)


def main() -> None:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    arguments = parser.parse_args()
    repeat = arguments.repeat
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        old_x10 = folder / "madeup_x10_old.txt"
        new_x10 = folder / "madeup_x10_new.txt"
        old_x10.write_text(scaled_text(load(OLD), 10), encoding="utf-8")
        new_x10.write_text(scaled_text(load(NEW), 10), encoding="utf-8")
        startup = timed(
            lambda: subprocess.run(
                [sys.executable, "-m", "prstdiff", "--help"], capture_output=True, check=False
            ),
            repeat,
        )
        header = (
            f"{'pair':<28} {'paragraphs':>10} {'report (process)':>17} {'in process':>11} "
            f"{'difflib.HtmlDiff':>17} {'HTML KB':>8} {'difflib KB':>11}"
        )
        print(header)
        print("-" * len(header))
        for name, old, new in [
            ("S/RES/2561 -> 2587 (2021)", OLD, NEW),
            ("made-up x10 of the same", old_x10, new_x10),
        ]:
            paragraphs = f"{len(load(old).paragraphs)}/{len(load(new).paragraphs)}"
            ours = folder / "report.html"
            theirs = folder / "difflib.html"
            process = timed(functools.partial(run_report, old, new, ours), repeat)
            inside = timed(functools.partial(in_process, old, new, ours), repeat)
            baseline = timed(functools.partial(difflib_report, old, new, theirs), repeat)
            print(
                f"{name:<28} {paragraphs:>10} {process:>14.0f} ms {inside:>8.0f} ms "
                f"{baseline:>14.0f} ms {ours.stat().st_size / 1024:>8.0f} "
                f"{theirs.stat().st_size / 1024:>11.0f}"
            )
        print(f"\npython -m prstdiff --help (interpreter and imports): {startup:.0f} ms")
        print(f"medians of {repeat} runs; 'paragraphs' is old/new")


if __name__ == "__main__":
    main()
