"""Exact retrieval of similar paragraphs, in memory: every earlier paragraph at the threshold.

The engine's similarity (``prstdiff.align.similarity_matrix``) blends the Indel similarity of two
paragraphs' scored words in order with the same over their words in any order; the in-order
part is never above the any-order part, so the any-order similarity (the Dice coefficient of the
two word multisets, ``2 |A & B| / (|A| + |B|)``) is an upper bound of the engine's score. Two
paragraphs of ``a`` and ``b`` scored words can only reach the threshold ``t`` when they share at
least ``t (a + b) / 2`` words. Take every paragraph's words rarest first (one global order): the
first word two such paragraphs share stands among the first ``a - t (a + b) / 2 + 1`` words of
one and the first ``b - t (a + b) / 2 + 1`` of the other (prefix filtering with its positional
bound, as in the AllPairs and PPJoin similarity joins). So each distinct paragraph is indexed
by its prefix only (the most any partner can need, ``a - t a / (2 - t) + 1`` words), a look-up
reads only the postings of its own prefix words whose lengths can reach ``t`` and whose positions
pass the bound, and no pair at or above the threshold is ever missed: recall is 1.0 by
construction. The candidates are then sieved by two bit signatures of their words (a bit set on
one side only stands for a word the other lacks, which bounds the words they share), then by the
any-order bound itself (the words they share, counted exactly), and only the survivors are
scored, pair by pair, with the engine's own formula (``prstdiff.align.blended_similarity`` of
their Indel distances in order and in any order), so every number is the engine's.

A paragraph's score depends only on its scored words in order, so everything works on distinct
scored-word sequences (*keys*): a paragraph repeated in a thousand resolutions, or repeated with
other punctuation or stop words, is looked up and scored once.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import Indel

from prstdiff.align import blended_similarity
from prstdiff.options import CompareOptions

__all__ = ["KeyIndex", "LineageRow", "Neighbours"]

SLACK = 1e-4
"""Float slack on the threshold for the filters, so a pair the engine scores (in float32) exactly
at the threshold is never filtered out: the filters only need to keep a superset."""
_OCCURRENCE_BITS = 20
"""A word's n-th occurrence in a paragraph is its own token (multiset as a set): the code of the
word is shifted by this many bits, far more than any paragraph's repeats of one word."""
_CHUNK_KEYS = 4096
"""Most keys whose candidates the self-join finds at once: a long join reports progress at least
this often."""
_CHUNK_PAIRS = 1 << 21
"""Most raw candidate pairs (before the positional bound) handled at once: memory stays bounded
(about 80 bytes a pair) while numpy still works on long arrays."""
_NARROW = 2
"""64-bit words of the signature that sieves every candidate (128 bits: a paragraph of twenty
scored words sets about a sixth of them)."""
_WIDE = 8
"""64-bit words of the signature that sieves the survivors again (512 bits: long paragraphs, which
fill the narrow one, still tell their words apart)."""
_SCORE_PAIRS = 1 << 18
"""Candidate pairs scored together once they pass the any-order sieve."""
_QUERY_BLOCK = 64
"""Texts looked up together by ``search``."""

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class LineageRow:
    """One indexed paragraph as lineage needs it (``CorpusIndex.lineage_rows``)."""

    para_id: int
    """Row id of the paragraph."""
    rank: int
    """Its document's place in time (0 = earliest)."""
    index: int
    """Its place in its document."""
    encoded: str
    """Scored words in the index's encoding, in text order: equal encodings score the same."""
    same_hash: int
    """Digest of the comparison key: equal digests, reused language."""


@dataclass(frozen=True, slots=True)
class Neighbours:
    """Distinct keys at or above the threshold with one text, best first."""

    keys: IntArray
    """Key numbers."""
    similarity: FloatArray
    """The engine's similarity, rounded to four places, in the same order."""


_EMPTY = Neighbours(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float64))


def _gather(offsets: IntArray, values: IntArray, rows: IntArray) -> tuple[IntArray, IntArray]:
    """The concatenated slices ``values[offsets[r]:offsets[r + 1]]`` of many rows, each value
    with the position in ``rows`` it came from."""
    owner, index = _gather_ranges(offsets[rows], offsets[rows + 1])
    return owner, values[index]


def _gather_ranges(starts: IntArray, ends: IntArray) -> tuple[IntArray, IntArray]:
    """The positions ``starts[i] .. ends[i] - 1`` of many ranges, each with its range's ``i``."""
    lengths = np.maximum(ends - starts, 0)
    owner = np.repeat(np.arange(starts.size, dtype=np.int64), lengths)
    shift = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    return owner, np.arange(owner.size, dtype=np.int64) + shift


def _rounded(values: npt.NDArray[np.float32]) -> FloatArray:
    """Similarities as reported: rounded to four places."""
    return np.asarray(np.round(values.astype(np.float64), 4), dtype=np.float64)


def _popcount(values: npt.NDArray[np.uint64]) -> IntArray:
    """Bits set in each 64-bit value."""
    if hasattr(np, "bitwise_count"):  # numpy 2
        return np.asarray(np.bitwise_count(values), dtype=np.int64)
    counts = _BYTE_BITS[values.view(np.uint8)].reshape(-1, 8).sum(axis=1, dtype=np.int64)
    return np.asarray(counts, dtype=np.int64)


_BYTE_BITS = np.array([bin(byte).count("1") for byte in range(256)], dtype=np.int64)


def _signatures(
    owner: IntArray, ranks: IntArray, count: int, words: int
) -> npt.NDArray[np.uint64]:
    """A signature of ``64 * words`` bits of each text's words (``count`` texts): word ``r`` sets
    bit ``r % (64 * words)``. Bits set on one side only come from words the other lacks, so two
    texts share at most ``(a + b - bits(x ^ y)) / 2`` words (the bitmap filter)."""
    signature = np.zeros((count, words), dtype=np.uint64)
    known = ranks >= 0
    bit = ranks[known] % (64 * words)
    flat = signature.ravel()
    np.bitwise_or.at(
        flat,
        owner[known] * words + bit // 64,
        np.left_shift(np.uint64(1), (bit % 64).astype(np.uint64)),
    )
    return signature


def _distinct(values: IntArray) -> IntArray:
    """The distinct values, ascending (``numpy.unique`` without its hash table, several times
    faster on millions of integers)."""
    ordered = np.sort(values)
    return ordered[np.r_[True, ordered[1:] != ordered[:-1]]] if ordered.size else ordered


def _tokens(encodings: Sequence[str]) -> tuple[IntArray, IntArray]:
    """Tokens of many sorted encodings at once, and the encoding each comes from.

    Each word's n-th occurrence in an encoding is a token of its own, so multisets become sets.
    """
    sizes = np.fromiter(map(len, encodings), dtype=np.int64, count=len(encodings))
    owner = np.repeat(np.arange(len(encodings), dtype=np.int64), sizes)
    if owner.size == 0:
        return owner, owner
    joined = "".join(encodings).encode("utf-32-le")
    codes = np.frombuffer(joined, dtype=np.uint32).astype(np.int64)
    starts = np.flatnonzero(np.r_[True, (codes[1:] != codes[:-1]) | (owner[1:] != owner[:-1])])
    run_start = np.repeat(starts, np.diff(np.r_[starts, codes.size]))
    occurrence = np.arange(codes.size, dtype=np.int64) - run_start
    return (codes << _OCCURRENCE_BITS) | occurrence, owner


class KeyIndex:
    """Distinct scored-word sequences of an index, their occurrences and prefix postings."""

    def __init__(
        self, rows: Sequence[LineageRow], documents: Sequence[str], options: CompareOptions
    ) -> None:
        self.options = options
        self.threshold = options.threshold
        self.documents = list(documents)
        """Sort keys of the indexed documents, earliest first (a rank is a position here)."""
        number: dict[str, int] = {}
        key_of_row = np.fromiter(
            (number.setdefault(row.encoded, len(number)) for row in rows),
            dtype=np.int64,
            count=len(rows),
        )
        self.sequences: list[str] = list(number)
        """Each key's scored words in the index's encoding, in text order."""
        count = len(self.sequences)
        self._sequence_array = np.array(self.sequences, dtype=object)
        self.lengths = np.fromiter(map(len, self.sequences), dtype=np.int64, count=count)
        # Occurrences grouped by key, each group in time order (then paragraph order).
        ranks = np.fromiter((r.rank for r in rows), dtype=np.int64, count=len(rows))
        indices = np.fromiter((r.index for r in rows), dtype=np.int64, count=len(rows))
        order = np.lexsort((indices, ranks, key_of_row))
        self.occ_rank = ranks[order]
        self.occ_index = indices[order]
        self.occ_para = np.fromiter((r.para_id for r in rows), np.int64, len(rows))[order]
        self.occ_same = np.fromiter((r.same_hash for r in rows), np.int64, len(rows))[order]
        self.offsets = np.searchsorted(key_of_row[order], np.arange(count + 1))
        self.first_rank = self.occ_rank[self.offsets[:-1]] if count else np.zeros(0, np.int64)
        self.position = dict(zip(self.occ_para.tolist(), range(len(rows)), strict=True))
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

    def _prefix_lengths(self, lengths: IntArray) -> IntArray:
        """How many of its rarest words a text of each length is indexed and looked up by."""
        t = self.threshold - SLACK
        if t <= 0:
            return lengths
        overlap = np.maximum(np.ceil(t * lengths / (2 - t)).astype(np.int64), 1)
        prefix: IntArray = np.maximum(lengths - overlap + 1, 0)
        return prefix

    def _build_postings(self) -> None:
        count = len(self.sequences)
        self._sorted = np.array(["".join(sorted(s)) for s in self.sequences], dtype=object)
        """Each key's scored words, sorted (a multiset)."""
        tokens, owner = _tokens(self._sorted.tolist())
        self.vocabulary, inverse, counts = np.unique(
            tokens, return_inverse=True, return_counts=True
        )
        size = self.vocabulary.size
        # Rarest first; ties by token, so the order is total and the same for every query.
        self.token_of_rank = np.lexsort((self.vocabulary, counts))
        self.token_rank = np.empty(size, dtype=np.int64)
        self.token_rank[self.token_of_rank] = np.arange(size)
        # Each key's words as ranks, rarest first: a key's prefix is the start of its run.
        ranked = np.sort(owner * size + self.token_rank[inverse.ravel()])
        self.key_ranks = ranked - owner * size
        """Every key's words (their ranks), rarest first, key after key."""
        self.key_offsets = np.r_[0, np.cumsum(self.lengths)].astype(np.int64)
        position = np.arange(owner.size, dtype=np.int64) - self.key_offsets[owner]
        held = position < self._prefix_lengths(self.lengths)[owner]
        self._span = int(self.lengths.max(initial=0)) + 2
        if size * self._span * max(count, 1) >= 1 << 62:
            raise OverflowError("corpus too large for the index's 64-bit posting codes")
        # Postings by word, then length, then key: a look-up reads the lengths that can reach
        # the threshold as one slice.
        self._post_code, self._post_key, self._post_room = self._postings(owner, position, held)
        # The self-join pairs each key with keys no longer than it, which need it to share one
        # of their first ``b - t b + 1`` words only: postings of these shorter prefixes.
        t = self.threshold - SLACK
        overlap = np.maximum(np.ceil(max(t, 0.0) * self.lengths).astype(np.int64), 1)
        short = position < np.maximum(self.lengths - overlap + 1, 0)[owner]
        self._join_code, self._join_key, self._join_room = self._postings(owner, position, short)
        post_owner = owner[held]
        self._probe_owner = post_owner
        self._probe_place = position[held]
        self._probe_rank = self.key_ranks[held]
        """The prefix words of every key, key after key: what the self-join looks up."""
        self._signature = _signatures(owner, self.key_ranks, count, _NARROW)
        self._wide = _signatures(owner, self.key_ranks, count, _WIDE)

    def _postings(
        self, owner: IntArray, position: IntArray, held: BoolArray
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """The held words of every key as postings: ``(word, length, key)`` codes in order,
        each entry's key, and its *room*.

        A key of ``b`` words whose word at place ``j`` (rarest first) is the first it shares
        with a text of ``a`` words can reach ``t`` only when ``j <= b - t (a + b) / 2``, that is
        when its room ``(1 - t / 2) b - j`` is at least ``t a / 2``.
        """
        count = len(self.sequences)
        mine = owner[held]
        code = (self.key_ranks[held] * self._span + self.lengths[mine]) * count + mine
        order = np.argsort(code)  # codes are distinct (the key is in them)
        t = self.threshold - SLACK
        room = np.asarray((1 - t / 2) * self.lengths[mine] - position[held], dtype=np.float64)
        return code[order], mine[order], room[order]

    def _query_tokens(self, ordered: Sequence[str]) -> tuple[IntArray, IntArray]:
        """Each text's words (sorted encodings) as ranks, rarest first (-1 for words the index
        lacks), with the text each comes from."""
        tokens, owner = _tokens(ordered)
        size = self.vocabulary.size
        if size == 0:
            return np.full(tokens.size, -1, dtype=np.int64), owner
        found = np.minimum(np.searchsorted(self.vocabulary, tokens), size - 1)
        rank = np.where(self.vocabulary[found] == tokens, self.token_rank[found], -1)
        # Words the index has never seen are the rarest of all: they come first in the prefix
        # (and, shared with no key, find nothing).
        order = np.lexsort((rank, owner))
        return rank[order], owner

    def _slices(
        self,
        codes: IntArray,
        ranks: IntArray,
        low: FloatArray,
        high: IntArray,
        before_key: IntArray | None,
    ) -> tuple[IntArray, IntArray]:
        """Slices of postings ``codes`` of words ``ranks`` whose keys' lengths lie in
        ``[low, high]`` (and, with ``before_key``, of length ``high`` only keys numbered below
        it)."""
        count = len(self.sequences)
        base = ranks * self._span
        low_len = np.maximum(np.floor(low).astype(np.int64), 0)
        starts = np.searchsorted(codes, (base + low_len) * count)
        if before_key is None:
            ends = np.searchsorted(codes, (base + high + 1) * count)
        else:
            ends = np.searchsorted(codes, (base + high) * count + before_key)
        return starts, np.maximum(ends, starts)

    def _may_share(
        self,
        signature: npt.NDArray[np.uint64],
        rows: IntArray,
        lengths: IntArray,
        keys: IntArray,
        cutoff: float,
    ) -> BoolArray:
        """Pairs (row ``rows[p]`` of ``signature``, key ``keys[p]``) whose signatures leave room
        for the any-order similarity to reach ``cutoff`` (a superset of those that do)."""
        mine = self._signature if signature.shape[1] == _NARROW else self._wide
        apart = np.zeros(rows.size, dtype=np.int64)
        for word in range(signature.shape[1]):
            apart += _popcount(signature[rows, word] ^ mine[keys, word])
        total = lengths[rows] + self.lengths[keys]
        return np.asarray(total - apart >= cutoff * total - 1e-9, dtype=np.bool_)

    def _common(
        self, texts: npt.NDArray[np.object_], lengths: IntArray, keys: IntArray
    ) -> IntArray:
        """Words each text (sorted encoding, of ``lengths`` words) shares with ``keys[p]``,
        exactly: sorted, the common subsequence of two word strings is their common multiset."""
        if keys.size == 0:
            return np.zeros(0, dtype=np.int64)
        apart = process.cpdist(texts, self._sorted[keys], scorer=Indel.distance, dtype=np.int32)
        return np.asarray((lengths + self.lengths[keys] - apart) // 2, dtype=np.int64)

    def _score(
        self,
        sequences: npt.NDArray[np.object_],
        lengths: IntArray,
        keys: IntArray,
        common: IntArray,
    ) -> npt.NDArray[np.float32]:
        """The engine's similarity of each text with ``keys[p]``, given the words they share."""
        if keys.size == 0:
            return np.zeros(0, dtype=np.float32)
        in_order = process.cpdist(
            sequences, self._sequence_array[keys], scorer=Indel.distance, dtype=np.int32
        ).astype(np.float32)
        other = self.lengths[keys]
        # Sorted, the common subsequence of two word strings is their common multiset of words.
        any_order = (lengths + other - 2 * common).astype(np.float32)
        total = lengths.astype(np.float32) + other.astype(np.float32)
        return blended_similarity(in_order, any_order, total, self.options.order_weight)

    # -- look-ups --------------------------------------------------------------------------------

    def search(self, sequences: Sequence[str], before: int | None) -> list[Neighbours]:
        """For each text (its scored words encoded, in order), the keys at the threshold that
        occur before rank ``before`` (any rank for None), best first.

        Every number is the engine's: candidates are found by their prefixes, sieved by the
        any-order bound, and the survivors scored with the engine's formula.
        """
        found: list[Neighbours] = []
        for start in range(0, len(sequences), _QUERY_BLOCK):
            found.extend(self._search_block(sequences[start : start + _QUERY_BLOCK], before))
        return found

    def _search_block(self, sequences: Sequence[str], before: int | None) -> list[Neighbours]:
        count = len(self.sequences)
        lengths = np.fromiter(map(len, sequences), dtype=np.int64, count=len(sequences))
        t = self.threshold - SLACK
        ordered = np.array(["".join(sorted(s)) for s in sequences], dtype=object)
        ranks, owner = self._query_tokens(ordered.tolist())
        if t <= 0:
            # Every pair reaches the threshold: there is nothing to filter on.
            rows = np.repeat(np.arange(len(sequences), dtype=np.int64), count)
            keys = np.tile(np.arange(count, dtype=np.int64), len(sequences))
        else:
            place = np.arange(owner.size, dtype=np.int64) - np.repeat(
                np.cumsum(lengths) - lengths, lengths
            )
            probe = (place < self._prefix_lengths(lengths)[owner]) & (ranks >= 0)
            q, i, r = owner[probe], place[probe], ranks[probe]
            lq = lengths[q]
            # Lengths that can reach t, and the positional bound of this word (see the module).
            high = np.minimum(
                np.floor(lq * (2 - t) / t + 1e-9), np.floor(2 * (lq - i) / t - lq + 1e-9)
            ).astype(np.int64)
            low = np.asarray(t * lq / (2 - t) - 1, np.float64)
            starts, ends = self._slices(self._post_code, r, low, high, None)
            which, entries = _gather_ranges(starts, ends)
            # The slices hold the lengths this word's place allows; the room, the places.
            fits = self._post_room[entries] >= (t / 2) * lq[which] - 1e-9
            rows, keys = q[which[fits]], self._post_key[entries[fits]]
            if before is not None:
                early = self.first_rank[keys] < before
                rows, keys = rows[early], keys[early]
            signature = _signatures(owner, ranks, len(sequences), _NARROW)
            room = self._may_share(signature, rows, lengths, keys, t)
            pairs = _distinct(rows[room] * count + keys[room])
            rows, keys = pairs // max(count, 1), pairs % max(count, 1)
            wide = _signatures(owner, ranks, len(sequences), _WIDE)
            room = self._may_share(wide, rows, lengths, keys, t)
            rows, keys = rows[room], keys[room]
            empty = np.flatnonzero(self.lengths == 0)
            if empty.size:
                # A text without scored words scores 1 with another and 0 with every other.
                blank = np.flatnonzero(lengths == 0)
                rows = np.r_[rows, blank]
                keys = np.r_[keys, np.full(blank.size, empty[0], dtype=np.int64)]
        if before is not None:
            early = self.first_rank[keys] < before
            rows, keys = rows[early], keys[early]
        common = self._common(ordered[rows], lengths[rows], keys)
        la, lb = lengths[rows], self.lengths[keys]
        # The any-order similarity bounds the engine's score from above: a cheap exact sieve.
        keep = 2 * common >= max(t, 0.0) * (la + lb) - 1e-9
        rows, keys, common = rows[keep], keys[keep], common[keep]
        texts = np.array(sequences, dtype=object)
        values = self._score(texts[rows], lengths[rows], keys, common)
        hit = values >= self.threshold
        rows, keys = rows[hit], keys[hit]
        sims = _rounded(values[hit])
        order = np.lexsort((-sims, rows))
        rows, keys, sims = rows[order], keys[order], sims[order]
        bounds = np.searchsorted(rows, np.arange(len(sequences) + 1))
        return [
            Neighbours(keys[bounds[k] : bounds[k + 1]], sims[bounds[k] : bounds[k + 1]])
            if bounds[k + 1] > bounds[k]
            else _EMPTY
            for k in range(len(sequences))
        ]

    def neighbours(self, key: int) -> Neighbours:
        """Every key at or above the threshold with ``key`` (itself included), remembered."""
        found = self._neighbours.get(key)
        if found is None:
            found = self.search([self.sequences[key]], None)[0]
            self._neighbours[key] = found
        return found

    def prepare(self, keys: Iterable[int]) -> None:
        """Work out the neighbours of many keys at once."""
        missing = [k for k in dict.fromkeys(keys) if k not in self._neighbours]
        found = self.search([self.sequences[k] for k in missing], None)
        self._neighbours.update(zip(missing, found, strict=True))

    def join(self, progress: Callable[[int, int, str], None] | None = None) -> None:
        """All pairs of distinct keys at or above the threshold, each pair scored once.

        A key looks up only the keys no longer than it (the shorter, then lower numbered, of a
        pair looks up nothing), and every pair found counts for both: the neighbours of every
        key, for half the work of looking each one up. ``progress(done, total, name)`` is told
        after each chunk of keys.
        """
        count = len(self.sequences)
        t = self.threshold - SLACK
        if t <= 0:
            self.prepare(range(count))
            return
        owner, place, ranks = self._probe_owner, self._probe_place, self._probe_rank
        lx = self.lengths[owner]
        high = np.minimum(lx, np.floor(2 * (lx - place) / t - lx + 1e-9).astype(np.int64))
        starts, ends = self._slices(
            self._join_code, ranks, t * lx / (2 - t) - 1, high, np.where(high == lx, owner, count)
        )
        # Chunks of whole keys (so each pair is found in one chunk), bounded in keys and pairs.
        raw = np.cumsum(ends - starts)
        key_end = np.searchsorted(owner, np.arange(count + 1))
        lefts: list[IntArray] = [np.arange(count, dtype=np.int64)]
        rights: list[IntArray] = [np.arange(count, dtype=np.int64)]
        sims: list[FloatArray] = [np.ones(count, dtype=np.float64)]
        pending: list[tuple[IntArray, IntArray, IntArray]] = []
        waiting = 0
        first = 0
        while first < count:
            done_before = int(raw[key_end[first] - 1]) if key_end[first] > 0 else 0
            limit = int(np.searchsorted(raw, done_before + _CHUNK_PAIRS, side="right"))
            last = int(np.searchsorted(key_end, limit, side="right")) - 1
            last = min(max(last, first + 1), first + _CHUNK_KEYS, count)
            pairs = self._join_chunk(first, last, starts, ends, t)
            first = last
            if progress is not None:
                progress(first, count, "paragraph keys: similar pairs")
            pending.append(pairs)
            waiting += pairs[0].size
            if waiting >= _SCORE_PAIRS or first >= count:
                left, right, similarity = self._score_pairs(pending)
                lefts.append(left)
                rights.append(right)
                sims.append(similarity)
                pending, waiting = [], 0
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

    def _join_chunk(
        self, first: int, last: int, starts: IntArray, ends: IntArray, t: float
    ) -> tuple[IntArray, IntArray, IntArray]:
        """Candidate pairs of keys ``first .. last - 1`` that pass the any-order sieve, with the
        words they share: ``(key, shorter key, common words)``."""
        count = len(self.sequences)
        lo = int(np.searchsorted(self._probe_owner, first))
        hi = int(np.searchsorted(self._probe_owner, last))
        which, entries = _gather_ranges(starts[lo:hi], ends[lo:hi])
        owner = self._probe_owner[lo:hi]
        # The slices hold the lengths each word's place allows; the room, the places.
        fits = self._join_room[entries] >= (t / 2) * self.lengths[owner][which] - 1e-9
        rows, keys = owner[which[fits]], self._join_key[entries[fits]]
        # The signatures' sieve costs less than sorting: it goes first, repeated pairs and all.
        room = self._may_share(self._signature, rows, self.lengths, keys, t)
        pairs = _distinct(rows[room] * count + keys[room])
        rows, keys = pairs // count, pairs % count
        room = self._may_share(self._wide, rows, self.lengths, keys, t)
        rows, keys = rows[room], keys[room]
        common = self._common(self._sorted[rows], self.lengths[rows], keys)
        keep = 2 * common >= t * (self.lengths[rows] + self.lengths[keys]) - 1e-9
        return rows[keep], keys[keep], common[keep]

    def _score_pairs(
        self, pending: list[tuple[IntArray, IntArray, IntArray]]
    ) -> tuple[IntArray, IntArray, FloatArray]:
        """Score sieved pairs of keys; those at the threshold with their rounded similarity."""
        rows = np.concatenate([p[0] for p in pending])
        keys = np.concatenate([p[1] for p in pending])
        common = np.concatenate([p[2] for p in pending])
        values = self._score(self._sequence_array[rows], self.lengths[rows], keys, common)
        hit = values >= self.threshold
        return rows[hit], keys[hit], _rounded(values[hit])

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

    def closest(self, positions: IntArray) -> tuple[IntArray, FloatArray]:
        """For occurrences (positions in the occurrence arrays), the most similar occurrence in
        an earlier document: the latest among equals, the first in its document.

        Returns paragraph row ids (-1 where nothing earlier reaches the threshold) and
        similarities (0 there).
        """
        keys = self.key_of_occurrence[positions]
        before = self.occ_rank[positions]
        found = [self.neighbours(int(k)) for k in keys.tolist()]
        sizes = np.fromiter((n.keys.size for n in found), dtype=np.int64, count=len(found))
        owner = np.repeat(np.arange(len(found), dtype=np.int64), sizes)
        other = np.concatenate([n.keys for n in found]) if found else owner
        sims = np.concatenate([n.similarity for n in found]) if found else owner.astype(float)
        early = self.first_rank[other] < before[owner]
        owner, other, sims = owner[early], other[early], sims[early]
        top = np.full(len(found), -1.0)
        np.maximum.at(top, owner, sims)
        best = sims == top[owner]
        owner, other = owner[best], other[best]
        # Each best key's latest earlier occurrence, and that document's first one of the key
        # (occurrences are sorted by key, rank, paragraph).
        latest = np.searchsorted(self._occ_code, other * self._rank_span + before[owner]) - 1
        rank = self.occ_rank[latest]
        first = np.searchsorted(self._occ_code, other * self._rank_span + rank)
        order = np.lexsort((first, -self.occ_index[first], rank, owner))
        last = np.r_[owner[order][1:] != owner[order][:-1], True] if order.size else order
        chosen = order[np.asarray(last, dtype=np.bool_)]
        para = np.full(len(found), -1, dtype=np.int64)
        para[owner[chosen]] = self.occ_para[first[chosen]]
        return para, np.where(para >= 0, top, 0.0)
