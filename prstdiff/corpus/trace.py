"""Trace: where each paragraph's language comes from in the earlier documents of a corpus.

For every paragraph of a document, trace finds the paragraphs of *earlier* documents (by date,
then number) whose language is the same or altered, i.e. whose word-level similarity
(``prstdiff.align.similarity_matrix``, the score ``diff`` uses) reaches
``CompareOptions.threshold``.

Retrieval never scores the whole corpus. The index maps two-word shingles of each paragraph's
scored words (language key without stop words) to paragraphs; a traced paragraph looks up its rare
shingles (and at least its ``min_probes`` rarest ones), keeps the earlier paragraphs whose length
can reach the threshold at all (Indel similarity is at most ``2 min(a, b) / (a + b)``), adds every
earlier paragraph with the very same language key, and only these candidates are scored, each
distinct language key once.

Per paragraph trace reports:

- ``status``: *reused* when an earlier paragraph has the same comparison key, *altered* when the
  closest is only similar, *new* when nothing earlier reaches the threshold;
- ``earliest``: where the language first appears: the start of ``chain`` or the source in the
  earliest document, whichever is older (so it is never later than the chain's start);
- ``closest``: the most similar source, the most recent one among equals (the direct ancestor);
- ``chain``: the versions of the language through intermediate documents, oldest first: the
  closest source, its own closest source, and so on until a paragraph has no earlier source.
  Identical copies are not repeated: each link is the first use of one wording (the earliest
  paragraph with that comparison key), so the chain lists the alterations. Each link's
  ``similarity`` and ``status`` are relative to the next, newer, link (the last one's: to the
  traced paragraph).

Time is the index's sort key: date, then number. An undated document is placed by its symbol's
number among the documents of its kind (after the dated resolution numbered just below it), not
after everything; its ``date`` stays None, so reports flag it as undated.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Indel

from prstdiff.align import similarity_matrix
from prstdiff.corpus.index import (
    CorpusIndex,
    IndexedParagraph,
    digest64,
    scored_words,
    shingles_of,
)
from prstdiff.corpus.options import CorpusOptions
from prstdiff.formulas import language_key
from prstdiff.model import Document, ParagraphKind, Status
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions

_SIEVE_SLACK = 1e-6
"""Float slack of the sieve, so a pair the engine scores exactly at the threshold survives it."""


@dataclass(frozen=True, slots=True)
class TraceSource:
    """An earlier paragraph that carries the same or altered language."""

    symbol: str | None
    """Symbol of the earlier document."""
    name: str
    """File name of the earlier document in the corpus folder."""
    date: dt.date | None
    """Date of the earlier document."""
    paragraph: int
    """Zero-based index of the paragraph in its document."""
    number: str | None
    """Printed operative number of the paragraph, where any."""
    kind: ParagraphKind
    """The paragraph's role (preambular, operative, ...)."""
    similarity: float
    """Word-level similarity in [0, 1] to the paragraph it is a source of."""
    status: Status
    """Reused (same comparison key) or altered, relative to the paragraph it is a source of."""
    text: str
    """The earlier paragraph's display text."""

    @property
    def document(self) -> str:
        """The earlier document's symbol, else its file name."""
        return self.symbol or self.name


@dataclass(frozen=True, slots=True)
class ParagraphTrace:
    """The ancestry of one paragraph."""

    index: int
    """Zero-based index of the traced paragraph."""
    status: Status
    """Reused, altered or new (no earlier source)."""
    sources: tuple[TraceSource, ...]
    """Earlier paragraphs at or above the threshold, oldest first (at most ``max_sources``)."""
    source_count: int
    """How many earlier paragraphs reach the threshold in all (``sources`` may list fewer)."""
    earliest: TraceSource | None
    """Where the language first appears: the start of ``chain`` or the source in the earliest
    document, whichever is older."""
    closest: TraceSource | None
    """The most similar source (the most recent among equals)."""
    chain: tuple[TraceSource, ...]
    """Alterations through intermediate documents, oldest first, ending with ``closest``."""


@dataclass(frozen=True, slots=True)
class Trace:
    """The ancestry of every paragraph of a document within a corpus."""

    document: Document
    """The traced document."""
    paragraphs: tuple[ParagraphTrace, ...]
    """One trace per paragraph, in document order."""
    searched: int
    """Earlier documents of the corpus searched."""
    corpus: str
    """The index database the trace was made with."""

    def count(self, status: Status) -> int:
        """Paragraphs of the given status."""
        return sum(1 for p in self.paragraphs if p.status is status)


@dataclass(frozen=True, slots=True)
class Hit:
    """A scored source inside the tracer: an indexed paragraph and its similarity."""

    para_id: int
    """Row id of the earlier paragraph in the index."""
    similarity: float
    """Its similarity to the paragraph traced."""


class Tracer:
    """Traces paragraphs against an index, remembering each indexed paragraph's closest source."""

    def __init__(
        self,
        index: CorpusIndex,
        options: CompareOptions | None = None,
        corpus_options: CorpusOptions | None = None,
    ) -> None:
        self.index = index
        self.options = options or CompareOptions()
        self.corpus_options = corpus_options or CorpusOptions()
        self._counts: dict[int, int] = {}
        self._paragraphs: dict[int, IndexedParagraph] = {}
        self._chain_start: int | None = None
        """Row id of the oldest link of the chain ``_chain`` built last."""
        self._parents: dict[int, Hit | None] = {}
        self._encodings: dict[str, str] = {}
        self._same_key: dict[str, list[tuple[str, int]]] = {}
        total = max(index.paragraph_count(), 1)
        opts = self.corpus_options
        self._common = max(opts.common_shingle_floor, int(opts.common_shingle_share * total))

    # -- retrieval -------------------------------------------------------------------------

    def _shingle_counts(self, hashes: set[int]) -> dict[int, int]:
        missing = [h for h in hashes if h not in self._counts]
        if missing:
            found = self.index.shingle_counts(missing)
            for h in missing:
                self._counts[h] = found.get(h, 0)
        return {h: self._counts[h] for h in hashes}

    def probes(self, words: Sequence[str]) -> list[int]:
        """The shingles of a paragraph to look up: the rare ones, at least ``min_probes``.

        A paragraph short enough to match a short one (whose single words are indexed too)
        also looks up its single words, so a few shared words standing apart are found.
        """
        opts = self.corpus_options
        hashes = shingles_of(words, opts)
        t = self.options.threshold
        if t > 0 and len(words) <= opts.short_paragraph_words * (2 - t) / t:
            hashes |= {digest64(word) for word in words}
        counts = self._shingle_counts(hashes)
        present = sorted((count, h) for h, count in counts.items() if count > 0)
        rare = [h for count, h in present if count <= self._common]
        if len(rare) < opts.min_probes:
            rare = [h for _, h in present[: opts.min_probes]] + rare
        return list(dict.fromkeys(rare))

    def _words(self, text: str) -> list[str]:
        return scored_words(text, self.options.stop_words)

    def candidates(self, text: str, key: str, before: str | None) -> list[int]:
        """Earlier paragraphs that may reach the threshold with a paragraph (row ids)."""
        words = self._words(text)
        low, high = self._length_bounds(len(words))
        found = self.index.shingle_candidates(
            self.probes(words), before, self.corpus_options.max_candidates, low, high
        )
        ids = dict.fromkeys(para_id for para_id, _ in found)
        same = self._same_key.get(key)
        if same is None:
            same = self._same_key[key] = self.index.same_key(key)
        # Sorted by sort key: the earlier ones are a prefix.
        end = len(same) if before is None else bisect.bisect_left(same, (before, -1))
        ids.update(dict.fromkeys(para_id for _, para_id in same[:end]))
        return list(ids)

    def _length_bounds(self, length: int) -> tuple[int, int]:
        # 2 * LCS / (a + b) <= 2 * min(a, b) / (a + b): lengths too far apart cannot reach t.
        t = self.options.threshold
        if t <= 0 or length == 0:
            return 0, 1 << 30
        return int(length * t / (2 - t)), int(length * (2 - t) / t) + 1

    def paragraph(self, para_id: int) -> IndexedParagraph:
        """An indexed paragraph by row id."""
        self._fetch([para_id])
        return self._paragraphs[para_id]

    def _fetch(self, para_ids: Sequence[int]) -> None:
        missing = [i for i in para_ids if i not in self._paragraphs]
        if missing:
            self._paragraphs.update(self.index.paragraphs(missing))

    def score(self, texts: Sequence[str], before: str | None) -> list[list[Hit]]:
        """For each text, the earlier paragraphs at or above the threshold, with similarity."""
        keys = [language_key(text) for text in texts]
        per_text = [
            self.candidates(text, key, before) for text, key in zip(texts, keys, strict=True)
        ]
        union = list(dict.fromkeys(i for ids in per_text for i in ids))
        self._fetch(union)
        # Paragraphs with the same language key score the same: score each key once.
        rows: dict[str, int] = {}
        representatives: list[IndexedParagraph] = []
        for para_id in union:
            paragraph = self._paragraphs[para_id]
            if paragraph.language_key not in rows:
                rows[paragraph.language_key] = len(representatives)
                representatives.append(paragraph)
        hits: list[list[Hit]] = [[] for _ in texts]
        if not representatives or not texts:
            return hits
        threshold = self.options.threshold
        # A cheap sieve first: the similarity of the scored words taken in any order (their
        # common multiset), stored sorted in the index. The engine's score weighs in word order
        # too, which can only lower it, so the sieve never drops a pair the engine would keep.
        # Only the survivors are scored by ``similarity_matrix``: every number is the engine's.
        sieve = process.cdist(
            [p.encoded for p in representatives],
            [self._encoded(text) for text in texts],
            scorer=Indel.normalized_similarity,
            score_cutoff=max(threshold - _SIEVE_SLACK, 0.0),
            dtype=np.float32,
            workers=1,
        )
        survivors = np.flatnonzero((sieve >= threshold - _SIEVE_SLACK).any(axis=1))
        if survivors.size == 0:
            return hits
        matrix = similarity_matrix(
            [representatives[int(r)].text for r in survivors], list(texts), self.options
        )
        position = {int(r): i for i, r in enumerate(survivors)}
        for column, ids in enumerate(per_text):
            for para_id in ids:
                row = position.get(rows[self._paragraphs[para_id].language_key])
                if row is None:
                    continue
                value = float(matrix[row, column])
                if value >= threshold:
                    hits[column].append(Hit(para_id, round(value, 4)))
        return hits

    def _encoded(self, text: str) -> str:
        """The scored words of a paragraph in the index's encoding, sorted (remembered)."""
        found = self._encodings.get(text)
        if found is None:
            encoded = self.index.encode(self._words(text), extend=False)
            found = self._encodings[text] = "".join(sorted(encoded))
        return found

    # -- lineage ---------------------------------------------------------------------------

    def _closest(self, hits: Sequence[Hit]) -> Hit | None:
        if not hits:
            return None
        return max(hits, key=lambda h: (h.similarity, self._paragraphs[h.para_id].sort_key))

    def parent(self, para_id: int) -> Hit | None:
        """The closest earlier source of an indexed paragraph (stored, remembered or computed)."""
        if para_id not in self._parents:
            stored = self.index.stored_parent(para_id)
            if stored is not None:
                parent_id, similarity = stored
                self._parents[para_id] = None if parent_id is None else Hit(parent_id, similarity)
            else:
                self._fetch([para_id])
                paragraph = self._paragraphs[para_id]
                hits = self.score([paragraph.text], paragraph.sort_key)[0]
                self._parents[para_id] = self._closest(hits)
        found = self._parents[para_id]
        if found is not None:
            self._fetch([found.para_id])
        return found

    def lineage(self, doc_id: int) -> list[tuple[int, int | None, float | None]]:
        """The closest earlier source of each paragraph of an indexed document."""
        ids = self.index.paragraph_ids(doc_id)
        self._fetch(ids)
        texts = [self._paragraphs[i].text for i in ids]
        rows: list[tuple[int, int | None, float | None]] = []
        for para_id, hits in zip(ids, self.score(texts, self.index.sort_key(doc_id)), strict=True):
            closest = self._closest(hits)
            self._parents[para_id] = closest
            rows.append(
                (para_id, None, None)
                if closest is None
                else (para_id, closest.para_id, closest.similarity)
            )
        return rows

    def _source(self, hit: Hit, same_hash: int) -> TraceSource:
        paragraph = self._paragraphs[hit.para_id]
        return TraceSource(
            symbol=paragraph.symbol,
            name=paragraph.name,
            date=paragraph.date,
            paragraph=paragraph.index,
            number=paragraph.number,
            kind=paragraph.kind,
            similarity=hit.similarity,
            status=Status.REUSED if paragraph.same_hash == same_hash else Status.ALTERED,
            text=paragraph.text,
        )

    def first_copy(self, para_id: int) -> int:
        """The earliest indexed paragraph with the same comparison key (the text's first use)."""
        self._fetch([para_id])
        paragraph = self._paragraphs[para_id]
        first = self.index.first_copy(paragraph.same_hash, paragraph.sort_key)
        if first is None:
            return para_id
        self._fetch([first])
        return first

    def _chain(self, closest: Hit, same_hash: int) -> tuple[TraceSource, ...]:
        # Identical copies in between are skipped: each link is the first use of one version.
        links: list[TraceSource] = []
        current: Hit | None = closest
        newer = same_hash
        while current is not None:
            first = self.first_copy(current.para_id)
            self._chain_start = first
            links.append(self._source(Hit(first, current.similarity), newer))
            newer = self._paragraphs[first].same_hash
            current = self.parent(first)
        return tuple(reversed(links))

    def trace(self, document: Document, *, doc_id: int | None = None, chains: bool = True) -> Trace:
        """Trace every paragraph of a document against the documents indexed before it."""
        before = self.before(document, doc_id)
        texts = [p.text for p in document.paragraphs]
        all_hits = self.score(texts, before)
        max_sources = self.corpus_options.max_sources
        traced: list[ParagraphTrace] = []
        own_ids = self.index.paragraph_ids(doc_id) if doc_id is not None else []
        for paragraph, hits in zip(document.paragraphs, all_hits, strict=True):
            closest_hit = self._closest(hits)
            if doc_id is not None and paragraph.index < len(own_ids):
                self._parents[own_ids[paragraph.index]] = closest_hit
            if closest_hit is None:
                traced.append(ParagraphTrace(paragraph.index, Status.NEW, (), 0, None, None, ()))
                continue
            same_hash = digest64(comparison_key(paragraph.text))
            ranked = sorted(
                hits,
                key=lambda h: (h.similarity, self._paragraphs[h.para_id].sort_key),
                reverse=True,
            )[:max_sources]
            listed = sorted(ranked, key=lambda h: self._paragraphs[h.para_id].sort_key)
            earliest_hit = min(
                hits, key=lambda h: (self._paragraphs[h.para_id].sort_key, -h.similarity)
            )
            reused = any(self._paragraphs[h.para_id].same_hash == same_hash for h in hits)
            closest = self._source(closest_hit, same_hash)
            chain = self._chain(closest_hit, same_hash) if chains else (closest,)
            earliest = self._source(earliest_hit, same_hash)
            # A chain may reach back past every source similar enough to the paragraph itself:
            # then its start, not a later source, is where the language first appears.
            if chains and self._chain_start is not None:
                start_key = self._paragraphs[self._chain_start].sort_key
                if start_key < self._paragraphs[earliest_hit.para_id].sort_key:
                    earliest = chain[0]
            traced.append(
                ParagraphTrace(
                    index=paragraph.index,
                    status=Status.REUSED if reused else Status.ALTERED,
                    sources=tuple(self._source(h, same_hash) for h in listed),
                    source_count=len(hits),
                    earliest=earliest,
                    closest=closest,
                    chain=chain if chains else (closest,),
                )
            )
        return Trace(
            document=document,
            paragraphs=tuple(traced),
            searched=self.index.count_before(before),
            corpus=str(self.index.path),
        )

    def before(self, document: Document, doc_id: int | None) -> str | None:
        """The sort key that earlier documents fall below (None: every document is earlier)."""
        if doc_id is not None:
            return self.index.sort_key(doc_id)
        if document.date is not None:
            # ``YYYY-MM-DD|`` sorts before every key of that day: only earlier days count.
            return f"{document.date.isoformat()}|"
        return None


def trace_document(
    index: CorpusIndex,
    document: Document,
    *,
    options: CompareOptions | None = None,
    corpus_options: CorpusOptions | None = None,
) -> Trace:
    """Trace each paragraph of a document to the earlier documents of an indexed corpus.

    A document whose content is in the index (same digest) is traced against the documents
    before it in the corpus; any other document against the documents dated before it.
    """
    tracer = Tracer(index, options, corpus_options)
    doc_id = None
    if document.source is not None and document.source.sha256:
        doc_id = index.find_document(sha256=document.source.sha256)
    return tracer.trace(document, doc_id=doc_id)


def trace_corpus(
    index: CorpusIndex,
    *,
    options: CompareOptions | None = None,
    corpus_options: CorpusOptions | None = None,
    chains: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
) -> Iterator[Trace]:
    """Trace every document of the index, earliest first, one at a time (streamed).

    Documents are traced in time order, so every paragraph's closest source is known when a later
    document needs it: the chains of the whole corpus cost one lookup per link.
    """
    tracer = Tracer(index, options, corpus_options)
    documents = index.documents()
    for position, meta in enumerate(documents):
        if progress is not None:
            progress(position, len(documents), meta.name)
        yield tracer.trace(index.load_document(meta.id), doc_id=meta.id, chains=chains)


def build_lineage(
    index: CorpusIndex,
    *,
    options: CompareOptions | None = None,
    corpus_options: CorpusOptions | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> int:
    """Store the closest earlier source of every paragraph whose lineage is out of date.

    Only documents at or after the earliest added, changed or removed one are redone, in time
    order; returns how many documents were traced.
    """
    stale = index.stale_documents()
    if not stale and index.lineage_stale_from() is None:
        return 0
    tracer = Tracer(index, options, corpus_options)
    for position, doc_id in enumerate(stale):
        if progress is not None:
            progress(position, len(stale), "")
        index.store_lineage(tracer.lineage(doc_id))
    index.mark_lineage_current()
    return len(stale)
