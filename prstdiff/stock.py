"""Standing wording: the phrases that many earlier documents of the bundled corpus hold.

A phrase here is a *shingle*: ``STOCK_WORDS`` consecutive words of a paragraph as the aligner's
runs see them (``prstdiff.align.stemmed_words``: comparison key, leading formula folded, every
word stemmed, stop words kept), joined by single spaces. A phrase becomes *standing wording* on
the date of the ``STANDING_DOCUMENTS``-th dated corpus document that holds it. Two texts adopted
after that date may both hold it because the series keeps repeating it, whoever took it from
whom: ``the relevant provisions of applicable international law relating to the rights and
protection of children in armed conflict`` stood in ten texts on children and armed conflict by
2014, so in S/PRST/2017/21 and S/RES/2427 (2018) it is weak evidence that two paragraphs are the
same language (``CompareOptions.standing_wording``). The date matters: the texts that first
carried a phrase from one to the other, before the series made it standing, keep it as evidence.

The dates live in the data file ``data/stock_phrases.txt``. ``standing_since`` recomputes them
from the corpus documents' dates and words; ``bench/stock_phrases.py`` rewrites the file from
the bundled corpus and a test checks the shipped file against it, so the list cannot drift from
the texts it describes. Nothing here reads the corpus at comparison time: the list is shipped
data, the same for every comparison.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files

__all__ = [
    "STANDING_DOCUMENTS",
    "STOCK_WORDS",
    "render_stock_file",
    "standing_dates",
    "standing_since",
]

STOCK_WORDS = 8
"""Words of a shingle: the aligner's shortest distinctive run (``CompareOptions.run_min_words``),
so that every shingle a run is made of can be looked up."""

STANDING_DOCUMENTS = 10
"""Dated documents that must hold a phrase before it is standing wording. On the tuning pairs
every run that joins paragraphs the gold links keeps eight words that at most nine corpus
documents hold; the children-and-armed-conflict wording above had stood in eleven and twelve
texts before S/PRST/2017/21 (8 to 11 read the tuning pairs alike)."""

_HEADER = (
    "# Standing wording of the bundled corpus: every run of {size} words (as the aligner's runs\n"
    "# see them: comparison key, formula folded, stemmed, stop words kept) that {least} or more\n"
    "# dated documents hold, with the date of the {least}th of them (the day it became standing).\n"
    "# Written by bench/stock_phrases.py; a test checks it.\n"
)


def standing_since(
    documents: Iterable[tuple[dt.date | None, Sequence[Sequence[str]]]],
    size: int = STOCK_WORDS,
    least: int = STANDING_DOCUMENTS,
) -> dict[str, dt.date]:
    """For every ``size``-word phrase held by ``least`` or more dated documents, the date of the
    ``least``-th of them in date order. Each document is its date and its paragraphs, each
    paragraph the words ``stemmed_words`` gives; an undated document counts for nothing."""
    holders: defaultdict[str, list[dt.date]] = defaultdict(list)
    for date, paragraphs in documents:
        if date is None:
            continue
        shingles = {
            " ".join(words[k : k + size])
            for words in paragraphs
            for k in range(len(words) - size + 1)
        }
        for shingle in shingles:
            holders[shingle].append(date)
    return {
        phrase: sorted(dates)[least - 1] for phrase, dates in holders.items() if len(dates) >= least
    }


def render_stock_file(since: Mapping[str, dt.date]) -> str:
    """The text of ``data/stock_phrases.txt``: a header, then ``date<TAB>phrase`` lines, sorted
    by phrase."""
    lines = [f"{since[phrase].isoformat()}\t{phrase}" for phrase in sorted(since)]
    return _HEADER.format(size=STOCK_WORDS, least=STANDING_DOCUMENTS) + "\n".join(lines) + "\n"


@functools.cache
def standing_dates() -> Mapping[str, str]:
    """Each shipped phrase with the day it became standing (ISO text, which sorts as dates do);
    read once per process on first use."""
    text = files("prstdiff").joinpath("data/stock_phrases.txt").read_text(encoding="utf-8")
    dates: dict[str, str] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            date, phrase = line.split("\t", 1)
            dates[phrase] = date
    return dates
