"""Standing wording: the phrases that many documents of the bundled corpus hold.

A phrase here is a *shingle*: ``STOCK_WORDS`` consecutive words of a paragraph as the aligner's
runs see them (``prstdiff.align.stemmed_words``: comparison key, leading formula folded, every
word stemmed, stop words kept), joined by single spaces. Its *count* is the number of corpus
documents that hold it in some paragraph. A phrase that ten documents hold (``the relevant
provisions of applicable international law relating to the rights and protection of children in
armed conflict``, in fifteen texts on children and armed conflict) stands in two texts of a
series whether or not one took it from the other, so a shared run of such words is weak evidence
that two paragraphs are the same language (``CompareOptions.stock_documents``).

The counts live in the data file ``data/stock_phrases.txt``, phrases of ``STOCK_FLOOR``
documents or more. ``standing_phrases`` recomputes them from the paragraphs' words;
``bench/stock_phrases.py`` rewrites the file from the bundled corpus and a test checks the
shipped file against it, so the list cannot drift from the texts it describes. Nothing here
reads the corpus at comparison time: the list is shipped data, the same for every comparison.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files

__all__ = ["STOCK_FLOOR", "STOCK_WORDS", "render_stock_file", "standing_phrases", "stock_counts"]

STOCK_WORDS = 8
"""Words of a shingle: the aligner's shortest distinctive run (``CompareOptions.run_min_words``),
so that every shingle a run is made of can be looked up."""

STOCK_FLOOR = 8
"""Fewest documents holding a phrase for it to be listed; a ``stock_documents`` below it acts as
this floor."""

_HEADER = (
    "# Standing wording of the bundled corpus: every run of {size} words (as the aligner's runs\n"
    "# see them: comparison key, formula folded, stemmed, stop words kept) that {floor} or more\n"
    "# documents hold, with how many. Written by bench/stock_phrases.py; a test checks it.\n"
)


def standing_phrases(
    documents: Iterable[Sequence[Sequence[str]]],
    size: int = STOCK_WORDS,
    floor: int = STOCK_FLOOR,
) -> dict[str, int]:
    """The ``size``-word phrases held by ``floor`` or more documents, each with its count.

    Each document is a sequence of paragraphs, each paragraph the words ``stemmed_words`` gives.
    """
    held: Counter[str] = Counter()
    for paragraphs in documents:
        shingles = {
            " ".join(words[k : k + size])
            for words in paragraphs
            for k in range(len(words) - size + 1)
        }
        held.update(shingles)
    return {phrase: n for phrase, n in held.items() if n >= floor}


def render_stock_file(counts: Mapping[str, int]) -> str:
    """The text of ``data/stock_phrases.txt`` for these counts: a header, then sorted lines."""
    lines = [f"{n}\t{phrase}" for phrase, n in sorted(counts.items())]
    return _HEADER.format(size=STOCK_WORDS, floor=STOCK_FLOOR) + "\n".join(lines) + "\n"


@functools.cache
def stock_counts() -> Mapping[str, int]:
    """The shipped phrase counts, read once per process on first use."""
    text = files("prstdiff").joinpath("data/stock_phrases.txt").read_text(encoding="utf-8")
    counts: dict[str, int] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            count, phrase = line.split("\t", 1)
            counts[phrase] = int(count)
    return counts
