"""Benchmark: whole-corpus lineage (trace of every paragraph) at 1x, 2x, 4x, 8x the corpus.

Larger corpora are the real corpus plus made-up edited copies of its documents, dated later (each
copy k of a document is dated 60 * k years after it, words replaced, deleted and inserted, a few
paragraphs dropped, with a fixed random seed). For each size the script reports:

- index: time to store documents, paragraphs and shingles;
- lineage: time to trace every paragraph of every document against all earlier documents;
- trace 1 doc: median time to trace one document (with chains) against the indexed corpus;
- all-pairs: the baseline, every paragraph scored against every earlier paragraph with
  ``similarity_matrix``. It is run on a random sample of documents and extrapolated to the whole
  corpus by the number of paragraph pairs (said in the table);
- recall: of the sampled pairs at or above the threshold (0.5) found by the baseline, the share
  that candidate retrieval found too;
- peak memory: the process's peak resident set size after the run (``getrusage``).

Run: ``python bench/trace.py`` (options: ``--sizes 1,2,4,8 --sample 30``).
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,4,8", help="corpus multiples, e.g. 1,2,4,8")
    parser.add_argument("--sample", type=int, default=30, help="documents for the baseline")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    options = CompareOptions()
    real = list(load_folder(CORPUS).documents)
    header = (
        "size",
        "docs",
        "paragraphs",
        "index s",
        "lineage s",
        "trace 1 doc s",
        "all-pairs s (extrap.)",
        "sampled docs",
        "pairs >=0.5 found",
        "recall",
        "peak RSS MB",
    )
    print(" | ".join(header))
    print(" | ".join("---" for _ in header), flush=True)
    for size in sizes:
        named = build_corpus(real, size)
        paragraphs = sum(len(d.paragraphs) for _, d in named)
        with (
            tempfile.TemporaryDirectory() as folder,
            CorpusIndex.open(Path(folder) / "bench.sqlite") as index,
        ):
            start = time.perf_counter()
            index.add_documents(named)
            indexing = time.perf_counter() - start
            start = time.perf_counter()
            build_lineage(index, options=options)
            lineage = time.perf_counter() - start
            single = []
            for name in TRACED:
                doc_id = index.find_document(name=name)
                assert doc_id is not None
                document = index.load_document(doc_id)
                tracer = Tracer(index, options)
                start = time.perf_counter()
                tracer.trace(document, doc_id=doc_id)
                single.append(time.perf_counter() - start)
            rng = random.Random(7)
            sample_size = max(3, args.sample // size)
            sample = rng.sample(range(len(named)), min(sample_size, len(named)))
            seconds, scored, above, found = baseline(
                index, Tracer(index, options), named, sample, options
            )
        pairs = total_pairs(named)
        extrapolated = seconds / scored * pairs if scored else 0.0
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        recall = found / above if above else 1.0
        print(
            f"{size}x | {len(named)} | {paragraphs} | {indexing:.1f} | {lineage:.1f} | "
            f"{statistics.median(single):.3f} | {extrapolated:.0f} | {len(sample)} | "
            f"{found}/{above} | {recall:.4f} | {peak:.0f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
