"""Exact retrieval of similar paragraphs, in memory: every earlier paragraph at the threshold.

The engine's similarity (``prstdiff.align.similarity_matrix``) blends the Indel similarity of two
paragraphs' scored words in order with the same over their words in any order; the in-order
part is never above the any-order part, so the any-order similarity (the Dice coefficient of the
two word multisets, ``2 |A & B| / (|A| + |B|)``) is an upper bound of the engine's score. Two
paragraphs can only reach the threshold ``t`` when their multisets share at least
``t |A| / (2 - t)`` words, and then (prefix filtering, as in the AllPairs similarity join) they
share one of the first ``|A| - ceil(t |A| / (2 - t)) + 1`` words of each, words taken rarest
first. So each distinct language key is indexed by that prefix only, a query looks up its own
prefix, and no pair at or above the threshold is ever missed: recall is 1.0 by construction.
The candidates are then sieved by the any-order bound (the words they share, counted exactly) and
only the survivors are scored by the engine's own ``similarity_matrix``.

Paragraphs with the same language key score the same, so everything works on distinct keys:
a paragraph repeated in a thousand resolutions is looked up and scored once.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from prstdiff.align import similarity_matrix
from prstdiff.options import CompareOptions

__all__ = ["KeyIndex", "LineageRow", "Neighbours"]

SLACK = 1e-4
"""Float slack on the threshold for the filters, so a pair the engine scores (in float32) exactly
at the threshold is never filtered out: the filters only need to keep a superset."""
_OCCURRENCE_BITS = 20
"""A word's n-th occurrence in a paragraph is its own token (multiset as a set): the code of the
word is shifted by this many bits, far more than any paragraph's repeats of one word."""
_BLOCK = 64
_JOIN_BLOCK = 128
_PAIRS_PER_SLICE = 100_000
"""Candidate pairs whose shared words are counted at once (memory: about 30 words each)."""
"""Keys looked up together in the self-join: the engine scores their candidates in one call."""
"""Keys scored by the engine in one ``similarity_matrix`` call: large enough to amortise the
call, small enough that the union of their candidates stays small."""

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class LineageRow:
    """One indexed paragraph as lineage needs it (``CorpusIndex.lineage_rows``)."""

    para_id: int
    """Row id of the paragraph."""
    rank: int
    """Its document's place in time (0 = earliest)."""
    index: int
    """Its place in its document."""
    language_key: str
    """Comparison key with the leading formula folded: equal keys score the same."""
    encoded: str
    """Scored words in the index's encoding, sorted."""
    same_hash: int
    """Digest of the comparison key: equal digests, reused language."""
    text: str
    """Display text, which the engine scores."""


@dataclass(frozen=True, slots=True)
class Neighbours:
    """Distinct keys at or above the threshold with one text, best first."""

    keys: IntArray
    """Key numbers."""
    similarity: FloatArray
    """The engine's similarity, rounded to four places, in the same order."""


def _gather(offsets: IntArray, values: IntArray, rows: IntArray) -> tuple[IntArray, IntArray]:
    """The concatenated slices ``values[offsets[r]:offsets[r + 1]]`` of many rows, each value
    with the position in ``rows`` it came from."""
    starts = offsets[rows]
    lengths = offsets[rows + 1] - starts
    owner = np.repeat(np.arange(rows.size, dtype=np.int64), lengths)
    first = np.cumsum(lengths) - lengths
    index = np.arange(int(lengths.sum()), dtype=np.int64) - first[owner] + starts[owner]
    return owner, values[index]


def _gather_ranges(starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
    """The positions ``starts[i] .. ends[i] - 1`` of many ranges, each with its range's ``i``."""
    lengths = np.maximum(ends - starts, 0)
    owner = np.repeat(np.arange(starts.size, dtype=np.int64), lengths)
    first = np.cumsum(lengths) - lengths
    return owner, np.arange(int(lengths.sum()), dtype=np.int64) - first[owner] + starts[owner]


def _tokens(encoded: str) -> IntArray:
    """Tokens of a sorted encoding: each word's n-th occurrence is a token of its own."""
    if not encoded:
        return np.zeros(0, dtype=np.int64)
    codes = np.frombuffer(encoded.encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
    run_start = np.repeat(starts, np.diff(np.r_[starts, codes.size]))
    occurrence = np.arange(codes.size, dtype=np.int64) - run_start
    return (codes << _OCCURRENCE_BITS) | occurrence


class KeyIndex:
    """Distinct language keys of an index, their occurrences and prefix postings, in memory."""

    def __init__(
        self, rows: Sequence[LineageRow], documents: Sequence[str], options: CompareOptions
    ) -> None:
        self.options = options
        self.threshold = options.threshold
        self.documents = list(documents)
        """Sort keys of the indexed documents, earliest first (a rank is a position here)."""
        number: dict[str, int] = {}
        key_of_row = np.empty(len(rows), dtype=np.int64)
        self.texts: list[str] = []
        self.encoded: list[str] = []
        for position, row in enumerate(rows):
            key = number.get(row.language_key)
            if key is None:
                key = number[row.language_key] = len(self.texts)
                self.texts.append(row.text)
                self.encoded.append(row.encoded)
            key_of_row[position] = key
        self.number = number
        count = len(self.texts)
        self.lengths = np.array([len(e) for e in self.encoded], dtype=np.int64)
        # Occurrences grouped by key, each group in time order (then paragraph order).
        ranks = np.array([r.rank for r in rows], dtype=np.int64)
        indices = np.array([r.index for r in rows], dtype=np.int64)
        order = np.lexsort((indices, ranks, key_of_row))
        self.occ_rank = ranks[order]
        self.occ_index = indices[order]
        self.occ_para = np.array([r.para_id for r in rows], dtype=np.int64)[order]
        self.occ_same = np.array([r.same_hash for r in rows], dtype=np.int64)[order]
        self.offsets = np.searchsorted(key_of_row[order], np.arange(count + 1))
        self.first_rank = self.occ_rank[self.offsets[:-1]] if count else np.zeros(0, dtype=np.int64)
        self.position = {int(p): i for i, p in enumerate(self.occ_para)}
        """Where each paragraph stands in the occurrence arrays."""
        self.key_of_occurrence = key_of_row[order]
        self._rank_span = len(documents) + 1
        self._occ_code = self.key_of_occurrence * self._rank_span + self.occ_rank
        """``key * span + rank`` of every occurrence, ascending."""
        by_doc = np.lexsort((self.occ_index, self.occ_rank))
        self._by_doc = by_doc
        self._doc_offsets = np.searchsorted(self.occ_rank[by_doc], np.arange(len(documents) + 1))
        self._build_postings()
        self._neighbours: dict[int, Neighbours] = {}

    # -- the prefix postings -----------------------------------------------------------------

    def _prefix_length(self, length: int) -> int:
        t = self.threshold - SLACK
        if t <= 0:
            return length
        overlap = max(int(np.ceil(t * length / (2 - t))), 1)
        return max(length - overlap + 1, 0)

    def _build_postings(self) -> None:
        per_key = [_tokens(e) for e in self.encoded]
        sizes = np.array([t.size for t in per_key], dtype=np.int64)
        tokens = np.concatenate(per_key) if per_key else np.zeros(0, dtype=np.int64)
        owner = np.repeat(np.arange(len(per_key), dtype=np.int64), sizes)
        self.vocabulary, inverse, counts = np.unique(
            tokens, return_inverse=True, return_counts=True
        )
        # Rarest first; ties by token, so the order is total and the same for every query.
        self.token_rank = np.empty(self.vocabulary.size, dtype=np.int64)
        self.token_of_rank = np.lexsort((self.vocabulary, counts))
        """Token numbers, rarest first."""
        self.token_rank[self.token_of_rank] = np.arange(self.vocabulary.size)
        rank = self.token_rank[inverse]
        order = np.lexsort((rank, owner))
        start = np.r_[0, np.cumsum(sizes)[:-1]] if sizes.size else sizes
        place = np.arange(tokens.size, dtype=np.int64) - np.repeat(start, sizes)
        limit = np.array([self._prefix_length(int(s)) for s in sizes], dtype=np.int64)
        keep = order[place < np.repeat(limit, sizes)]
        held = inverse[keep]
        count = len(per_key)
        self.key_tokens = inverse
        """Every key's words (token numbers), key after key."""
        self.key_offsets = np.r_[0, np.cumsum(sizes)].astype(np.int64)
        self.prefix_tokens = inverse[keep]
        """Every key's prefix words, rarest first, key after key."""
        self.prefix_offsets = np.searchsorted(owner[keep], np.arange(count + 1))
        self.rarest = np.full(len(per_key), self.vocabulary.size, dtype=np.int64)
        np.minimum.at(self.rarest, owner, rank)
        """Each key's rarest word (its rank); keys without words come last."""
        by_token = np.argsort(held, kind="stable")
        self.posting_keys = owner[keep][by_token]
        self.posting_offsets = np.searchsorted(held[by_token], np.arange(self.vocabulary.size + 1))

    def candidates(self, encoded: str) -> IntArray:
        """Keys that may reach the threshold with a text of this (sorted) encoding."""
        length = len(encoded)
        t = self.threshold - SLACK
        if t <= 0:
            return np.arange(len(self.texts), dtype=np.int64)
        if length == 0:
            # Only another empty key can score 1; every other scores 0.
            return np.flatnonzero(self.lengths == 0)
        if self.vocabulary.size == 0:
            return np.zeros(0, dtype=np.int64)
        tokens = _tokens(encoded)
        found = np.minimum(np.searchsorted(self.vocabulary, tokens), self.vocabulary.size - 1)
        known = self.vocabulary[found] == tokens
        # Words the index has never seen are the rarest of all: they come first in the prefix
        # (and, shared with no key, find nothing).
        rank = np.sort(np.where(known, self.token_rank[found], -1))[: self._prefix_length(length)]
        held = self.token_of_rank[rank[rank >= 0]]
        if held.size == 0:
            return np.zeros(0, dtype=np.int64)
        keys: IntArray = np.unique(
            np.concatenate(
                [
                    self.posting_keys[self.posting_offsets[i] : self.posting_offsets[i + 1]]
                    for i in held
                ]
            )
        )
        lengths = self.lengths[keys]
        # 2 min(a, b) / (a + b) bounds the score: lengths too far apart cannot reach t.
        fits = (lengths >= t * length / (2 - t)) & (lengths <= length * (2 - t) / t)
        return keys[fits]

    # -- scoring -------------------------------------------------------------------------------

    def search(
        self, texts: Sequence[str], encoded: Sequence[str], before: int | None
    ) -> list[Neighbours]:
        """For each text, the keys (with an occurrence before rank ``before``) at the threshold.

        Every number is the engine's: candidates are found by their prefixes, sieved by the
        any-order bound, and the survivors scored by ``similarity_matrix``.
        """
        found: list[Neighbours] = []
        for start in range(0, len(texts), _BLOCK):
            found.extend(
                self._search_block(
                    texts[start : start + _BLOCK], encoded[start : start + _BLOCK], before
                )
            )
        return found

    def _search_block(
        self, texts: Sequence[str], encoded: Sequence[str], before: int | None
    ) -> list[Neighbours]:
        empty = Neighbours(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))
        per_text = [self.candidates(e) for e in encoded]
        if before is not None:
            per_text = [found[self.first_rank[found] < before] for found in per_text]
        local = np.repeat(
            np.arange(len(texts), dtype=np.int64),
            np.array([f.size for f in per_text], dtype=np.int64),
        )
        cols = np.concatenate(per_text) if per_text else np.zeros(0, dtype=np.int64)
        threshold = self.threshold
        # Each text's words, as the index numbers them (words it has never seen match nothing).
        present = np.zeros((len(texts), max(self.vocabulary.size, 1)), dtype=np.bool_)
        for row, text_encoded in enumerate(encoded):
            tokens = _tokens(text_encoded)
            if tokens.size and self.vocabulary.size:
                found = np.minimum(
                    np.searchsorted(self.vocabulary, tokens), self.vocabulary.size - 1
                )
                present[row, found[self.vocabulary[found] == tokens]] = True
        lengths = np.array([len(e) for e in encoded], dtype=np.int64)
        # The any-order similarity bounds the engine's score from above: a cheap exact sieve.
        keep = self._shared_enough(present, lengths, local, cols, max(threshold - SLACK, 0.0))
        local, cols = local[keep], cols[keep]
        if cols.size == 0:
            return [empty for _ in texts]
        survivors, row_of = np.unique(cols, return_inverse=True)
        matrix = similarity_matrix(
            [self.texts[int(k)] for k in survivors], list(texts), self.options
        )
        scored = np.full(matrix.shape, -1.0, dtype=np.float32)
        # Only each text's own candidates count (the union's other rows were not sieved for it).
        scored[row_of, local] = matrix[row_of, local]
        matrix = scored
        result: list[Neighbours] = []
        for column in range(len(texts)):
            values = matrix[:, column]
            hit = np.flatnonzero(values >= threshold)
            sims = np.asarray(np.round(values[hit].astype(np.float64), 4), dtype=np.float64)
            order = np.argsort(-sims, kind="stable")
            result.append(Neighbours(survivors[hit][order], sims[order]))
        return result

    def neighbours(self, key: int) -> Neighbours:
        """Every key at or above the threshold with ``key`` (itself included), remembered."""
        found = self._neighbours.get(key)
        if found is None:
            found = self.search([self.texts[key]], [self.encoded[key]], None)[0]
            self._neighbours[key] = found
        return found

    def prepare(self, keys: Sequence[int]) -> None:
        """Work out the neighbours of many keys at once (the engine is called per block)."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._neighbours]
        found = self.search(
            [self.texts[k] for k in missing], [self.encoded[k] for k in missing], None
        )
        self._neighbours.update(zip(missing, found, strict=True))

    def join(self) -> None:
        """All pairs of distinct keys at or above the threshold, each pair scored once.

        A key looks up only the keys after it in a fixed order, and every pair found counts
        for both: the neighbours of every key, for half the work of looking each one up.
        """
        count = len(self.texts)
        if self.threshold - SLACK <= 0:
            # Every pair reaches the threshold: there is nothing to filter on.
            self.prepare(range(count))
            return
        # Keys sharing their rarest word stand together, so a block's candidates overlap.
        order = np.lexsort((np.arange(count), self.rarest))
        place = np.empty(count, dtype=np.int64)
        place[order] = np.arange(count)
        threshold = self.threshold
        cutoff = max(threshold - SLACK, 0.0)
        lefts: list[IntArray] = [np.arange(count, dtype=np.int64)]
        rights: list[IntArray] = [np.arange(count, dtype=np.int64)]
        sims: list[FloatArray] = [np.ones(count, dtype=np.float64)]
        t = threshold - SLACK
        for start in range(0, count, _JOIN_BLOCK):
            block = order[start : start + _JOIN_BLOCK]
            # Pairs sharing a prefix word, each looked up from its earlier key only.
            owner, words = _gather(self.prefix_offsets, self.prefix_tokens, block)
            which, cols = _gather(self.posting_offsets, self.posting_keys, words)
            seen = np.zeros((block.size, count), dtype=np.bool_)
            seen[owner[which], cols] = True
            local, cols = np.nonzero(seen)
            del seen
            rows = block[local]
            a, b = self.lengths[rows], self.lengths[cols]
            fits = (place[cols] > place[rows]) & (b >= t * a / (2 - t)) & (b <= a * (2 - t) / t)
            local, rows, cols = local[fits], rows[fits], cols[fits]
            keep = self._dice_at_least(block, local, cols, cutoff)
            rows, cols = rows[keep], cols[keep]
            if rows.size == 0:
                continue
            queries, row_of = np.unique(rows, return_inverse=True)
            union, col_of = np.unique(cols, return_inverse=True)
            matrix = similarity_matrix(
                [self.texts[int(k)] for k in union],
                [self.texts[int(k)] for k in queries],
                self.options,
            )
            values = matrix[col_of, row_of]
            hit = values >= threshold
            lefts.append(rows[hit])
            rights.append(cols[hit])
            sims.append(np.asarray(np.round(values[hit].astype(np.float64), 4), dtype=np.float64))
        left = np.concatenate(lefts)
        right = np.concatenate(rights)
        value = np.concatenate(sims)
        # Each pair counts for both keys.
        owner = np.concatenate([left, right[count:]])
        other = np.concatenate([right, left[count:]])
        value = np.concatenate([value, value[count:]])
        by_owner = np.lexsort((-value, owner))
        owner, other, value = owner[by_owner], other[by_owner], value[by_owner]
        bounds = np.searchsorted(owner, np.arange(count + 1))
        for key in range(count):
            lo, hi = int(bounds[key]), int(bounds[key + 1])
            self._neighbours[key] = Neighbours(other[lo:hi], value[lo:hi])

    def _dice_at_least(
        self, block: IntArray, local: IntArray, cols: IntArray, cutoff: float
    ) -> npt.NDArray[np.bool_]:
        """Which pairs (``block[local]``, ``cols``) share enough words to reach ``cutoff``."""
        present = np.zeros((block.size, max(self.vocabulary.size, 1)), dtype=np.bool_)
        owner, words = _gather(self.key_offsets, self.key_tokens, block)
        present[owner, words] = True
        return self._shared_enough(present, self.lengths[block], local, cols, cutoff)

    def _shared_enough(
        self,
        present: npt.NDArray[np.bool_],
        lengths: IntArray,
        local: IntArray,
        cols: IntArray,
        cutoff: float,
    ) -> npt.NDArray[np.bool_]:
        """Which pairs (row ``local`` of ``present``, key ``cols``) reach ``cutoff`` any-order.

        ``2 |A & B| / (|A| + |B|)`` over the words as multisets is the any-order similarity,
        which bounds the engine's score from above; counted exactly, in slices so memory stays
        bounded. ``present`` marks each row's words, ``lengths`` are the rows' word counts.
        """
        flat = present.ravel()
        width = present.shape[1]
        keep = np.zeros(cols.size, dtype=np.bool_)
        for start in range(0, cols.size, _PAIRS_PER_SLICE):
            r = local[start : start + _PAIRS_PER_SLICE]
            c = cols[start : start + _PAIRS_PER_SLICE]
            pair, words = _gather(self.key_offsets, self.key_tokens, c)
            hits = flat[r[pair] * width + words]
            common = np.bincount(pair[hits], minlength=c.size)
            total = lengths[r] + self.lengths[c]
            keep[start : start + c.size] = 2 * common >= cutoff * total - 1e-9
        return keep

    def doc_occurrences(self, rank: int) -> IntArray:
        """Positions in the occurrence arrays of a document's paragraphs, in document order."""
        return self._by_doc[self._doc_offsets[rank] : self._doc_offsets[rank + 1]]

    # -- occurrences ---------------------------------------------------------------------------

    def rank_before(self, sort_key: str | None) -> int:
        """The rank every earlier document is below (all documents for None)."""
        if sort_key is None:
            return len(self.documents)
        return bisect.bisect_left(self.documents, sort_key)

    def earlier(self, hits: Neighbours, before: int) -> tuple[IntArray, FloatArray]:
        """Occurrences (positions in the occurrence arrays) of hit keys before a rank, with sims."""
        starts = self.offsets[hits.keys]
        # Occurrences are sorted by key, then rank: one bisection finds each key's earlier ones.
        ends = np.searchsorted(self._occ_code, hits.keys * self._rank_span + before)
        owner, positions = _gather_ranges(starts, ends)
        return positions, hits.similarity[owner]

    def closest(self, hits: Neighbours, before: int) -> tuple[int, float] | None:
        """The most similar occurrence before a rank (the latest among equals, first in its
        document): ``(paragraph row id, similarity)``, or None."""
        mask = self.first_rank[hits.keys] < before
        if not mask.any():
            return None
        top = float(hits.similarity[mask].max())
        best: tuple[int, int, int] | None = None
        for key in hits.keys[mask & (hits.similarity == top)].tolist():
            start, end = int(self.offsets[key]), int(self.offsets[key + 1])
            ranks = self.occ_rank[start:end]
            last = int(np.searchsorted(ranks, before)) - 1
            first_of_doc = start + int(np.searchsorted(ranks, ranks[last]))
            candidate = (int(ranks[last]), -int(self.occ_index[first_of_doc]), first_of_doc)
            if best is None or candidate > best:
                best = candidate
        assert best is not None
        return int(self.occ_para[best[2]]), top
