"""Benchmark: the Word redline (``render.docx``) against the HTML report, on real pairs and x10.

Run from the repository root: ``python bench/redline.py`` (``--repeat N`` for more runs). For each
pair it prints the median wall time, in this process, of

- ``compare`` (the comparison both reports render),
- ``html.render``, the baseline: the report ``prstdiff report`` writes by default,
- ``docx.render``, the Word redline (python-docx builds the document, lxml the tracked changes,
  then the package is zipped),

and the size of both files. The pairs: S/RES/2561 (2021) -> 2587 (2021) (one move), S/RES/1888
(2009) -> 1960 (2010) (eight moves) and S/PRST/2007/42 -> S/RES/1809 (2008) (a statement becoming
a resolution), plus a made-up x10 pair: every paragraph of the first pair repeated ten times, each
copy with a different made-up marker word put in, built in memory.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from prstdiff.compare import compare
from prstdiff.model import Comparison, Document, Paragraph
from prstdiff.parse import load
from prstdiff.render import RenderOptions, docx, html

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAIRS = [
    ("S_RES_2561_2021", "S_RES_2587_2021"),
    ("S_RES_1888_2009", "S_RES_1960_2010"),
    ("S_PRST_2007_42", "S_RES_1809_2008"),
]
MARKERS = [f"madeup{n}" for n in range(10)]


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """The median wall time of ``repeat`` runs of ``work``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def times_ten(document: Document) -> Document:
    """A made-up document: every paragraph ten times, each copy marked with its own word."""
    paragraphs = [
        Paragraph(0, p.kind, p.number, f"{marker} {p.text}")
        for marker in MARKERS
        for p in document.paragraphs
    ]
    numbered = tuple(dataclasses.replace(p, index=i) for i, p in enumerate(paragraphs))
    return dataclasses.replace(document, symbol=None, paragraphs=numbered)


def row(name: str, comparison_of: Callable[[], Comparison], repeat: int) -> str:
    """One line of the table for a pair."""
    compare_time = median_seconds(comparison_of, repeat)
    comparison = comparison_of()
    options = RenderOptions()
    html_time = median_seconds(lambda: html.render(comparison, options), repeat)
    docx_time = median_seconds(lambda: docx.render(comparison, options), repeat)
    html_size = len(html.render(comparison, options).encode("utf-8"))
    docx_size = len(docx.render(comparison, options))
    paragraphs = len(comparison.old.paragraphs) + len(comparison.new.paragraphs)
    return (
        f"| {name} | {paragraphs} | {compare_time * 1000:.0f} | {html_time * 1000:.0f} | "
        f"{docx_time * 1000:.0f} | {docx_time / html_time:.1f}x | {html_size / 1024:.0f} | "
        f"{docx_size / 1024:.0f} |"
    )


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (median)")
    repeat = parser.parse_args().repeat
    print(
        "| pair | paragraphs | compare ms | html.render ms (baseline) | docx.render ms | "
        "docx / html | HTML KiB | DOCX KiB |"
    )
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for old_name, new_name in PAIRS:
        old, new = load(CORPUS / f"{old_name}.txt"), load(CORPUS / f"{new_name}.txt")
        print(row(f"{old.name} -> {new.name}", lambda old=old, new=new: compare(old, new), repeat))
    old, new = (load(CORPUS / f"{name}.txt") for name in PAIRS[0])
    big_old, big_new = times_ten(old), times_ten(new)
    print(row("made-up x10 of the first pair", lambda: compare(big_old, big_new), repeat))


if __name__ == "__main__":
    main()
