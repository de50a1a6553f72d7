"""Benchmark: reading the whole bundled corpus, against baselines run in the same process.

Run from the repository root: ``python bench/parse_corpus.py`` (``--repeat N`` for
more runs). It prints, for each way of reading the 941 documents, the median wall time and CPU
time of a full pass, documents per second and megabytes per second:

- ``read + decode``: the file bytes read and decoded, nothing else (the floor of any reader);
- ``naive split``: decoding plus a blank-line paragraph splitter (what a reader without
  layouts, furniture or metadata would cost);
- ``parse_text``: prstdiff's reader on text already in memory;
- ``load``: prstdiff's reader from the file, as users call it (I/O, decoding, digest, parse).
"""

from __future__ import annotations

import argparse
import re
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from prstdiff.parse import load, parse_text

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
_BLANK_LINES = re.compile(r"\n\s*\n")


def naive_split(text: str) -> list[str]:
    """Paragraphs as blank-line-separated blocks with their lines joined."""
    return [" ".join(block.split()) for block in _BLANK_LINES.split(text) if block.strip()]


def timed(function: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall and CPU seconds of ``function`` over ``repeat`` runs."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    """Time each way of reading the corpus and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per row (median is shown)")
    arguments = parser.parse_args()
    paths = sorted(CORPUS.glob("S_*.txt"))
    blobs = [path.read_bytes() for path in paths]
    texts = [blob.decode("utf-8-sig") for blob in blobs]
    megabytes = sum(len(blob) for blob in blobs) / 1e6
    rows: list[tuple[str, Callable[[], object]]] = [
        ("read + decode", lambda: [path.read_bytes().decode("utf-8-sig") for path in paths]),
        (
            "naive split",
            lambda: [naive_split(path.read_bytes().decode("utf-8-sig")) for path in paths],
        ),
        ("parse_text", lambda: [parse_text(text) for text in texts]),
        ("load", lambda: [load(path) for path in paths]),
    ]
    paragraphs = sum(len(load(path).paragraphs) for path in paths)
    print(f"corpus: {len(paths)} documents, {megabytes:.2f} MB, {paragraphs} paragraphs")
    print(f"{'reader':<15} {'wall s':>8} {'cpu s':>8} {'docs/s':>9} {'MB/s':>7} {'x floor':>8}")
    floor = None
    for name, function in rows:
        wall, cpu = timed(function, arguments.repeat)
        floor = floor or wall
        print(
            f"{name:<15} {wall:>8.3f} {cpu:>8.3f} {len(paths) / wall:>9.0f} "
            f"{megabytes / wall:>7.2f} {wall / floor:>8.1f}"
        )


if __name__ == "__main__":
    main()
