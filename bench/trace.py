"""Benchmark: the corpus index (parse, store, lineage) and trace at 1x, 2x, 4x, 8x the corpus.

Larger corpora are the real corpus plus made-up edited copies of its documents, dated later (each
copy k of a document is dated 60 * k years after it, words replaced, deleted and inserted, a few
paragraphs dropped, with a fixed random seed). For each size the script reports:

- parse: time to read the real corpus folder (the copies are made in memory, not parsed);
- store: time to store documents and paragraphs in a new index;
- lineage: time to work out every paragraph's closest earlier source (``build_lineage``);
- index = parse + store + lineage, at 1x the figure the issue sets a target for;
- key pairs >= t: pairs of distinct keys (scored-word sequences) at or above the threshold (what
  lineage must find), and lineage time per thousand of them (flat or falling when growth follows
  the pairs);
- load: time to load the index into a tracer (once per process); trace 1 doc: median time to
  trace one document (with chains) with the tracer loaded;
- all-pairs: the baseline, every paragraph scored against every earlier paragraph with
  ``similarity_matrix``, on a random sample of documents, extrapolated by paragraph pairs;
- recall: of the sampled pairs at or above the threshold found by the baseline, the share that
  trace found too;
- peak RSS: the process's peak resident set size so far (``getrusage``).

The machine may be shared: timed steps run ``--repeat`` times (at sizes up to 2x) and the best
run is reported, said in the header.

Run from the repository root: ``PYTHONPATH=. python bench/trace.py`` (options: ``--sizes 1,2,4,8
--sample 30 --repeat 3``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from prstdiff.align import similarity_matrix
from prstdiff.corpus.folder import load_folder
from prstdiff.corpus.index import CorpusIndex, sort_key_of
from prstdiff.corpus.trace import Tracer, build_lineage
from prstdiff.model import Document, Paragraph
from prstdiff.options import CompareOptions

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
TRACED = ("S_RES_1888_2009.txt", "S_RES_2674_2023.txt", "S_PRST_2013_12.txt")


def edited_copy(
    document: Document, copy: int, rng: random.Random, vocabulary: list[str]
) -> Document:
    """A made-up later version of a real document: words replaced, deleted, inserted."""
    paragraphs: list[Paragraph] = []
    for paragraph in document.paragraphs:
        if rng.random() < 0.05:
            continue  # dropped
        words = paragraph.text.split()
        for _ in range(max(1, len(words) // 12)):
            if not words:
                break
            roll = rng.random()
            position = rng.randrange(len(words))
            if roll < 0.4:
                words[position] = rng.choice(vocabulary)
            elif roll < 0.7:
                del words[position]
            else:
                words.insert(position, rng.choice(vocabulary))
        text = " ".join(words) or paragraph.text
        paragraphs.append(replace(paragraph, index=len(paragraphs), text=text))
    date = document.date or dt.date(1990, 1, 1)
    later = date.replace(year=min(date.year + 60 * copy, 9000))
    symbol = f"MADEUP/{copy}/{document.symbol or document.name}"
    return replace(document, symbol=symbol, date=later, paragraphs=tuple(paragraphs))


def build_corpus(documents: list[Document], size: int) -> list[tuple[str, Document]]:
    """The real documents plus ``size - 1`` made-up edited copies of each."""
    rng = random.Random(20240601 + size)
    vocabulary = [w for d in documents[:200] for p in d.paragraphs for w in p.text.split()][:20000]
    named = [(Path(d.source.path).name if d.source else d.name, d) for d in documents]
    for copy in range(1, size):
        named.extend(
            (f"madeup_{copy}_{i}", edited_copy(d, copy, rng, vocabulary))
            for i, d in enumerate(documents)
        )
    return named


def baseline(
    index: CorpusIndex,
    tracer: Tracer,
    named: list[tuple[str, Document]],
    sample: list[int],
    options: CompareOptions,
) -> tuple[float, int, int, int]:
    """All-pairs scoring of sampled documents: seconds, pairs, pairs >= t, found by retrieval."""
    order = sorted(range(len(named)), key=lambda i: sort_key_of(named[i][1], named[i][0]))
    position = {i: rank for rank, i in enumerate(order)}
    seconds = 0.0
    scored = above = found = 0
    for i in sample:
        name, document = named[i]
        earlier_ids = order[: position[i]]
        earlier = [(j, p) for j in earlier_ids for p in named[j][1].paragraphs]
        if not earlier or not document.paragraphs:
            continue
        texts = [p.text for p in document.paragraphs]
        start = time.perf_counter()
        matrix = similarity_matrix([p.text for _, p in earlier], texts, options)
        seconds += time.perf_counter() - start
        scored += matrix.size
        doc_id = index.find_document(name=name)
        assert doc_id is not None
        hits = tracer.score(texts, index.sort_key(doc_id))
        retrieved = [
            {(tracer.paragraph(h.para_id).name, tracer.paragraph(h.para_id).index) for h in column}
            for column in hits
        ]
        for row, (j, paragraph) in enumerate(earlier):
            for column in range(len(texts)):
                if matrix[row, column] >= options.threshold:
                    above += 1
                    found += (named[j][0], paragraph.index) in retrieved[column]
    return seconds, scored, above, found


def total_pairs(named: list[tuple[str, Document]]) -> int:
    """Paragraph pairs (paragraph, earlier paragraph) of the whole corpus."""
    counts = sorted((sort_key_of(d, n), len(d.paragraphs)) for n, d in named)
    total = before = 0
    for _, count in counts:
        total += count * before
        before += count
    return total


def key_pairs(tracer: Tracer) -> int:
    """Pairs of distinct keys (scored-word sequences) at or above the threshold, counted once."""
    keys = tracer.keys
    return sum(keys.neighbours(k).keys.size - 1 for k in range(len(keys.sequences))) // 2


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="corpus multiples, e.g. 1,2,4,8")
    parser.add_argument("--sample", type=int, default=30, help="documents for the baseline")
    parser.add_argument("--repeat", type=int, default=3, help="best of N at sizes up to 2x")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    options = CompareOptions()
    parse_times = []
    for _ in range(max(args.repeat, 1)):
        start = time.perf_counter()
        real = list(load_folder(CORPUS).documents)
        parse_times.append(time.perf_counter() - start)
    parse = min(parse_times)
    header = (
        "size",
        "docs",
        "paragraphs",
        "parse s",
        "store s",
        "lineage s",
        "index s",
        "key pairs >= t",
        "lineage s / 1k pairs",
        "load s",
        "trace 1 doc s",
        "all-pairs s (extrap.)",
        "sampled docs",
        "pairs >= t found",
        "recall",
        "peak RSS MB",
    )
    print(f"best of {args.repeat} runs at sizes up to 2x, one run above; parse of the real corpus")
    print(" | ".join(header))
    print(" | ".join("---" for _ in header), flush=True)
    for size in sizes:
        named = build_corpus(real, size)
        paragraphs = sum(len(d.paragraphs) for _, d in named)
        runs = args.repeat if size <= 2 else 1
        best: tuple[float, float] | None = None
        with tempfile.TemporaryDirectory() as folder:
            for run in range(max(runs, 1)):
                path = Path(folder) / f"bench{run}.sqlite"
                with CorpusIndex.open(path) as index:
                    start = time.perf_counter()
                    index.add_documents(named)
                    storing = time.perf_counter() - start
                    start = time.perf_counter()
                    build_lineage(index, options=options)
                    lineage = time.perf_counter() - start
                if best is None or storing + lineage < sum(best):
                    best = (storing, lineage)
                if run < runs - 1:
                    path.unlink()
            assert best is not None
            storing, lineage = best
            with CorpusIndex.open(path) as index:
                start = time.perf_counter()
                tracer = Tracer(index, options)
                load = time.perf_counter() - start
                single = []
                for name in TRACED:
                    doc_id = index.find_document(name=name)
                    assert doc_id is not None
                    document = index.load_document(doc_id)
                    times = []
                    for _ in range(3):
                        start = time.perf_counter()
                        Tracer.trace(tracer, document, doc_id=doc_id)
                        times.append(time.perf_counter() - start)
                    single.append(min(times))
                tracer.keys.join()
                pairs_above = key_pairs(tracer)
                rng = random.Random(7)
                sample_size = max(3, args.sample // size)
                sample = rng.sample(range(len(named)), min(sample_size, len(named)))
                seconds, scored, above, found = baseline(index, tracer, named, sample, options)
        pairs = total_pairs(named)
        extrapolated = seconds / scored * pairs if scored else 0.0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        recall = found / above if above else 1.0
        total = parse + storing + lineage
        print(
            f"{size}x | {len(named)} | {paragraphs} | {parse:.1f} | {storing:.1f} | "
            f"{lineage:.1f} | {total:.1f} | {pairs_above} | {lineage / pairs_above * 1000:.3f} | "
            f"{load:.2f} | {statistics.median(single):.3f} | {extrapolated:.0f} | "
            f"{len(sample)} | {found}/{above} | {recall:.4f} | {peak:.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
