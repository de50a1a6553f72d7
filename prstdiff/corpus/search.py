"""Phrase search across an indexed corpus: where a phrase stands, oldest first.

The phrase and every paragraph are compared through their comparison keys (case, quotes,
dashes, spacing, hyphenation and extraction artefacts folded), so ``Secretary-General`` finds
``SecretaryGeneral`` and a phrase broken across lines in the PDF. An exact search finds the
paragraphs holding the phrase's words in order as whole words; ``fuzzy`` also finds near
matches, scored with rapidfuzz's ``partial_ratio`` (the best-matching stretch of the paragraph).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from prstdiff.corpus.index import CorpusIndex
from prstdiff.corpus.options import CorpusOptions
from prstdiff.errors import PrstdiffError
from prstdiff.model import ParagraphKind
from prstdiff.normalize import comparison_key


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A paragraph where the phrase stands."""

    symbol: str | None
    """Symbol of the document."""
    name: str
    """File name of the document in the corpus folder."""
    date: dt.date | None
    """Date of the document."""
    paragraph: int
    """Zero-based index of the paragraph."""
    number: str | None
    """Printed operative number, where any."""
    kind: ParagraphKind
    """The paragraph's role."""
    score: float
    """100 for the exact phrase; the ``partial_ratio`` score (0-100) of a near match."""
    text: str
    """The paragraph's display text."""

    @property
    def document(self) -> str:
        """The document's symbol, else its file name."""
        return self.symbol or self.name


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Every paragraph where a phrase stands, oldest first."""

    phrase: str
    """The phrase as asked."""
    key: str
    """The phrase's comparison key, what was searched for."""
    fuzzy: bool
    """Near matches included."""
    hits: tuple[SearchHit, ...]
    """Paragraphs holding the phrase, oldest document first."""
    documents: int
    """Documents searched."""

    @property
    def first(self) -> SearchHit | None:
        """The phrase's first appearance in the corpus."""
        return self.hits[0] if self.hits else None

    @property
    def document_count(self) -> int:
        """Documents in which the phrase stands."""
        return len({hit.name for hit in self.hits})


def search_phrase(
    index: CorpusIndex,
    phrase: str,
    *,
    fuzzy: bool = False,
    options: CorpusOptions | None = None,
) -> SearchResult:
    """Find the paragraphs of an indexed corpus where a phrase stands (normalised), oldest first."""
    opts = options or CorpusOptions()
    key = comparison_key(phrase)
    if not key:
        raise PrstdiffError(f"nothing to search for in {phrase!r}: it has no words")
    scores: dict[int, float] = {para_id: 100.0 for para_id in index.phrase_rows(key)}
    if fuzzy:
        for batch in index.iter_search_keys():
            # partial_ratio aligns the shorter text inside the longer: a paragraph shorter than
            # the phrase would match any phrase that contains it, so only longer ones compete.
            shortest = len(key) * opts.fuzzy_score / 100
            choices = {
                para_id: text
                for para_id, text in batch
                if para_id not in scores and len(text) >= shortest
            }
            found = process.extract(
                key,
                choices,
                scorer=fuzz.partial_ratio,
                score_cutoff=opts.fuzzy_score,
                limit=None,
            )
            for _, score, para_id in found:
                scores[int(para_id)] = round(float(score), 1)
    paragraphs = index.paragraphs(list(scores))
    ordered = sorted(paragraphs.values(), key=lambda p: (p.sort_key, p.index))
    hits = tuple(
        SearchHit(
            symbol=p.symbol,
            name=p.name,
            date=p.date,
            paragraph=p.index,
            number=p.number,
            kind=p.kind,
            score=scores[p.id],
            text=p.text,
        )
        for p in ordered
    )
    return SearchResult(phrase, key, fuzzy, hits, index.document_count())
