"""Trace: where each paragraph's language comes from in the earlier documents of a corpus.

For every paragraph of a document, trace finds the paragraphs of *earlier* documents (by date,
then number) whose language is the same or altered, i.e. whose word-level similarity
(``prstdiff.align.similarity_matrix``, the score ``diff`` uses) reaches
``CompareOptions.threshold``.

Retrieval never scores the whole corpus, and never misses a source: the index's paragraphs are
loaded once into memory as distinct keys (scored-word sequences) with prefix postings of their
words (``prstdiff.corpus.lineage``), which find every key that can reach the threshold; only those
are scored, with the engine's formula, each distinct key once.

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

import dataclasses
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from prstdiff.corpus.index import CorpusIndex, IndexedParagraph, digest64, scored_words
from prstdiff.corpus.lineage import KeyIndex
from prstdiff.corpus.located import LocatedParagraph
from prstdiff.corpus.options import CorpusOptions
from prstdiff.errors import IndexFileError
from prstdiff.model import Document, Status, WordOp
from prstdiff.normalize import comparison_key, key_words
from prstdiff.options import CompareOptions
from prstdiff.worddiff import diff_words


@dataclass(frozen=True, slots=True)
class TraceSource(LocatedParagraph):
    """An earlier paragraph that carries the same or altered language."""

    similarity: float
    """Word-level similarity in [0, 1] to the paragraph it is a source of."""
    status: Status
    """Reused (same comparison key) or altered, relative to the paragraph it is a source of."""
    changes: tuple[WordOp, ...] = ()
    """Word operations turning this paragraph's text into the text it is a source of (the traced
    paragraph; for a link of ``chain``, the next link). ``trace_document`` works them out for
    ``closest``, ``earliest`` and each link of ``chain``; they are empty in ``sources``."""


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

    def words(self, status: Status) -> int:
        """Words (those of the comparison key) in the paragraphs of the given status."""
        texts = self.document.paragraphs
        return sum(len(key_words(texts[p.index].text)) for p in self.paragraphs if p.status is status)


@dataclass(frozen=True, slots=True)
class Hit:
    """A scored source inside the tracer: an indexed paragraph and its similarity."""

    para_id: int
    """Row id of the earlier paragraph in the index."""
    similarity: float
    """Its similarity to the paragraph traced."""


class Tracer:
    """Traces paragraphs against an index, remembering each indexed paragraph's closest source.

    The index's paragraphs are loaded once into a ``KeyIndex`` (distinct scored-word sequences
    and their prefix postings, ``prstdiff.corpus.lineage``): every earlier paragraph at the
    threshold is found, none is capped away.
    """

    def __init__(
        self,
        index: CorpusIndex,
        options: CompareOptions | None = None,
        corpus_options: CorpusOptions | None = None,
    ) -> None:
        self.index = index
        self.options = options or index.compare_options
        self.corpus_options = corpus_options or CorpusOptions()
        if self.options.stop_words != index.stop_words:
            raise IndexFileError(
                "the index was built with other stop words; index the corpus again with these "
                "options or trace with the index's",
                index.path,
            )
        built = index.compare_options
        # Stored lineage answers the question the index was built for, and no other.
        self._stored = (built.threshold, built.order_weight) == (
            self.options.threshold,
            self.options.order_weight,
        )
        documents, rows = index.lineage_rows()
        self.keys = KeyIndex(rows, documents, self.options)
        self._paragraphs: dict[int, IndexedParagraph] = {}
        self._chain_start: int | None = None
        """Row id of the oldest link of the chain ``_chain`` built last."""
        self._parents: dict[int, Hit | None] = {}

    def paragraph(self, para_id: int) -> IndexedParagraph:
        """An indexed paragraph by row id."""
        self._fetch([para_id])
        return self._paragraphs[para_id]

    def _fetch(self, para_ids: Sequence[int]) -> None:
        missing = [i for i in para_ids if i not in self._paragraphs]
        if missing:
            self._paragraphs.update(self.index.paragraphs(missing))

    def _encoded(self, text: str) -> str:
        """The scored words of a text in the index's encoding, in text order."""
        return self.index.encode(scored_words(text, self.options.stop_words), extend=False)

    def score(self, texts: Sequence[str], before: str | None) -> list[list[Hit]]:
        """For each text, every earlier paragraph at or above the threshold, with similarity."""
        rank = self.keys.rank_before(before)
        found = self.keys.search([self._encoded(t) for t in texts], rank)
        hits: list[list[Hit]] = []
        for neighbours in found:
            positions, sims = self.keys.earlier(neighbours, rank)
            paras = self.keys.occ_para[positions].tolist()
            hits.append([Hit(p, s) for p, s in zip(paras, sims.tolist(), strict=True)])
        return hits

    # -- lineage ---------------------------------------------------------------------------

    def parent(self, para_id: int) -> Hit | None:
        """The closest earlier source of an indexed paragraph (stored, remembered or computed)."""
        if para_id not in self._parents:
            stored = self.index.stored_parent(para_id) if self._stored else None
            if stored is not None:
                parent_id, similarity = stored
                self._parents[para_id] = None if parent_id is None else Hit(parent_id, similarity)
            else:
                self._parents[para_id] = self._compute_parent(para_id)
        found = self._parents[para_id]
        if found is not None:
            self._fetch([found.para_id])
        return found

    def _compute_parent(self, para_id: int) -> Hit | None:
        paras, sims = self.keys.closest(np.array([self.keys.position[para_id]], dtype=np.int64))
        return None if paras[0] < 0 else Hit(int(paras[0]), float(sims[0]))

    def lineage_of_ranks(self, ranks: range) -> list[tuple[int, int | None, float | None]]:
        """The closest earlier source of every paragraph of the documents of these ranks.

        Paragraphs with the same scored words share their neighbours: each distinct key is
        looked up and scored once, however often it is repeated.
        """
        keys = self.keys
        positions = [keys.doc_occurrences(rank) for rank in ranks]
        flat = np.concatenate(positions) if positions else np.zeros(0, dtype=np.int64)
        keys.prepare(keys.key_of_occurrence[flat].tolist())
        parents, sims = keys.closest(flat)
        rows: list[tuple[int, int | None, float | None]] = []
        for para_id, parent, similarity in zip(
            keys.occ_para[flat].tolist(), parents.tolist(), sims.tolist(), strict=True
        ):
            found = None if parent < 0 else Hit(parent, similarity)
            self._parents[para_id] = found
            rows.append((para_id, None, None) if found is None else (para_id, parent, similarity))
        return rows

    def _source(self, hit: Hit, same_hash: int) -> TraceSource:
        paragraph = self._paragraphs[hit.para_id]
        return TraceSource.of(
            paragraph,
            similarity=hit.similarity,
            status=Status.REUSED if paragraph.same_hash == same_hash else Status.ALTERED,
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
        keys = self.keys
        before = self.before(document, doc_id)
        rank = keys.rank_before(before)
        texts = [p.text for p in document.paragraphs]
        found = keys.search([self._encoded(t) for t in texts], rank)
        max_sources = self.corpus_options.max_sources
        traced: list[ParagraphTrace] = []
        own_ids = self.index.paragraph_ids(doc_id) if doc_id is not None else []
        for paragraph, neighbours in zip(document.paragraphs, found, strict=True):
            positions, sims = keys.earlier(neighbours, rank)
            if positions.size == 0:
                if doc_id is not None and paragraph.index < len(own_ids):
                    self._parents[own_ids[paragraph.index]] = None
                traced.append(ParagraphTrace(paragraph.index, Status.NEW, (), 0, None, None, ()))
                continue
            ranks = keys.occ_rank[positions]
            indices = keys.occ_index[positions]
            paras = keys.occ_para[positions]
            # Best first: most similar, then most recent, then first in its document.
            best = np.lexsort((indices, -ranks, -sims))
            listed = best[:max_sources]
            listed = listed[np.lexsort((indices[listed], ranks[listed]))]
            first = int(np.lexsort((indices, -sims, ranks))[0])
            wanted = [int(paras[i]) for i in (*listed.tolist(), int(best[0]), first)]
            self._fetch(wanted)
            same_hash = digest64(comparison_key(paragraph.text))
            closest_hit = Hit(int(paras[best[0]]), float(sims[best[0]]))
            if doc_id is not None and paragraph.index < len(own_ids):
                self._parents[own_ids[paragraph.index]] = closest_hit
            reused = bool((keys.occ_same[positions] == same_hash).any())
            closest = self._source(closest_hit, same_hash)
            chain = self._chain(closest_hit, same_hash) if chains else (closest,)
            earliest_hit = Hit(int(paras[first]), float(sims[first]))
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
                    sources=tuple(
                        self._source(Hit(int(paras[i]), float(sims[i])), same_hash)
                        for i in listed.tolist()
                    ),
                    source_count=int(positions.size),
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
    return with_changes(tracer.trace(document, doc_id=doc_id))


def with_changes(trace: Trace) -> Trace:
    """The trace with the word changes (``TraceSource.changes``) of each paragraph's closest and
    earliest source and of each link of its chain, as the HTML page shows them."""
    traced: list[ParagraphTrace] = []
    for item in trace.paragraphs:
        text = trace.document.paragraphs[item.index].text
        # Each link is a source of the next one, the last link of the paragraph itself.
        newer = [link.text for link in item.chain[1:]] + [text] if item.chain else []
        traced.append(
            dataclasses.replace(
                item,
                closest=_changed(item.closest, text) if item.closest else None,
                earliest=_changed(item.earliest, text) if item.earliest else None,
                chain=tuple(
                    _changed(link, later) for link, later in zip(item.chain, newer, strict=True)
                ),
            )
        )
    return dataclasses.replace(trace, paragraphs=tuple(traced))


def _changed(source: TraceSource, newer: str) -> TraceSource:
    return dataclasses.replace(source, changes=diff_words(source.text, newer))


def trace_corpus(
    index: CorpusIndex,
    *,
    options: CompareOptions | None = None,
    corpus_options: CorpusOptions | None = None,
    chains: bool = True,
    progress: Callable[[int, int, str], None] | None = None,
    changes: bool = True,
) -> Iterator[Trace]:
    """Trace every document of the index, earliest first, one at a time (streamed).

    Documents are traced in time order, so every paragraph's closest source is known when a later
    document needs it: the chains of the whole corpus cost one lookup per link. ``changes=False``
    leaves out the word changes an HTML page shows (``with_changes``), a word diff per source
    and link: a run that renders no page need not pay for them.
    """
    tracer = Tracer(index, options, corpus_options)
    documents = index.documents()
    for position, meta in enumerate(documents):
        if progress is not None:
            progress(position, len(documents), meta.name)
        trace = tracer.trace(index.load_document(meta.id), doc_id=meta.id, chains=chains)
        yield with_changes(trace) if changes else trace


CHECKPOINT_SECONDS = 2.0
"""Lineage is committed (and the build can resume from there) at least this often."""
JOIN_SHARE = 5
"""When more than one paragraph in this many is stale, all keys are joined at once (each pair
scored once) rather than each stale key looked up on its own."""


def build_lineage(
    index: CorpusIndex,
    *,
    options: CompareOptions | None = None,
    corpus_options: CorpusOptions | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    checkpoint_seconds: float = CHECKPOINT_SECONDS,
) -> int:
    """Store the closest earlier source of every paragraph whose lineage is out of date.

    Only documents at or after the earliest added, changed or removed one are redone, in time
    order, committed every few seconds: a build killed part way resumes where it stopped.
    Returns how many documents were traced.
    """
    stale_from = index.lineage_stale_from()
    if stale_from is None:
        return 0
    built = index.compare_options
    if options is not None and (options.threshold, options.order_weight) != (
        built.threshold,
        built.order_weight,
    ):
        raise IndexFileError(
            "lineage is stored for the options the index was opened with; open it with these",
            index.path,
        )
    tracer = Tracer(index, options, corpus_options)
    documents = tracer.keys.documents
    start = tracer.keys.rank_before(stale_from)
    total = len(documents) - start
    stale = int(tracer.keys.occ_rank.size - np.searchsorted(np.sort(tracer.keys.occ_rank), start))
    if stale * JOIN_SHARE > tracer.keys.occ_rank.size:
        tracer.keys.join(progress)
    rank = start
    # Small steps at first so the first checkpoint comes soon; they grow to amortise the engine.
    step = 8
    committed = time.monotonic()
    while rank < len(documents):
        end = min(rank + step, len(documents))
        index.store_lineage(tracer.lineage_of_ranks(range(rank, end)))
        rank = end
        step = min(step * 2, 256)
        if rank < len(documents) and time.monotonic() - committed >= checkpoint_seconds:
            index.lineage_done_before(documents[rank])
            committed = time.monotonic()
        if progress is not None:
            progress(rank - start, total, "documents: lineage")
    index.mark_lineage_current()
    return total
