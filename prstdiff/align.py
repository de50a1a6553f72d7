"""Paragraph similarity and alignment: order first, then splits and merges, then moves.

Similarity is word-level: each paragraph becomes the words of its ``language_key`` (leading
formula folded), without the ``CompareOptions.stop_words`` and each cut to its stem
(``score_words``); every distinct word is mapped to one character and ``rapidfuzz.process.cdist``
scores all pairs at once with the Indel distance. The similarity of two paragraphs blends
``2 * LCS / (len_a + len_b)`` over their words in order with the same ratio over their words in
any order (the common multiset: sorted, the LCS of two word strings is exactly that), weighted by
``CompareOptions.order_weight``: reordered clauses still count as carried language, while word
order keeps unrelated paragraphs on the same subject apart. The mapping is a bijection, so a
pair's score depends only on its two texts, never on the rest of the batch.

Alignment ranks pairs by *evidence*: the similarity, or, for a paragraph kept nearly whole in
order inside a longer one (``contained_share``, as a block within ``contained_spread`` times its
length, and not through standing wording alone), ``containment_weight`` times the share kept. A
pair always reports its similarity, never its evidence. In stages:

1. candidates: pairs whose evidence reaches ``threshold`` and is within ``candidate_margin`` of
   the best of both their row and their column (a paragraph's clearly better partner elsewhere
   wins over a neighbour that only shares stock phrases);
2. order: the heaviest chain of candidates increasing in both documents (weights = evidence),
   found in O(k log n) over the k candidates: the paragraphs that kept their place; then, in each
   gap between two pairs of the chain, the same at ``threshold - gap_allowance``;
3. splits and merges: a matched pair grows by unmatched paragraphs of one side, neighbours
   contained (``containment``) in its single paragraph on the other side or, anywhere in the
   text, paragraphs whose best partner it is and that keep ``part_share`` of their words in it
   or share a long distinctive run with it, as long as the similarity of the joined texts (parts
   in the order their words stand in the single paragraph) rises by ``split_gain`` or the part
   brings words of that paragraph no member holds yet; a part must keep
   ``part_weighted_share`` of its words' weight (words that few paragraphs hold weigh most), and
   no other unmatched paragraph may match it better or share a distinctive run with it; an
   unmatched paragraph pairs with a run of consecutive unmatched paragraphs contained in it the
   same way; a part of fewer than ``part_min_words`` scored words (a heading) never joins;
4. moves: the remaining unmatched paragraphs are paired best evidence first, then grown like (3);
5. carried runs: two paragraphs still unmatched that are each other's best unmatched partner
   and share a run of ``run_min_words`` words (``run_min_content_words`` of them not stop words)
   that no other paragraph of either text holds, and that is not standing wording (phrases that
   ``STANDING_DOCUMENTS`` corpus documents held before the earlier text, ``prstdiff.stock``,
   unless the pair scores ``threshold - gap_allowance``), pair when they score ``run_floor``,
   then grow like (3); the runs of (3) are the same distinctive runs;
6. a pair is *moved* when it is not on the longest order-respecting chain of all final pairs
   (the fewest paragraphs that explain the new order; similarity breaks ties).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rapidfuzz import process
from rapidfuzz.distance import Indel

from prstdiff.encoding import encode_tokens
from prstdiff.formulas import fold_formula
from prstdiff.model import Document
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions
from prstdiff.stock import STOCK_WORDS, standing_dates
from prstdiff.tokens import stem

OPENING_WORDS = 3
"""A run opens a paragraph when it starts within its first three words: a changed formula
(``Recognizing`` -> ``Recalling``, ``Calls upon`` -> ``Calls once again upon``) stands before it."""

__all__ = [
    "Link",
    "align_keys",
    "align_paragraphs",
    "align_texts",
    "blended_similarity",
    "earlier_date",
    "score_words",
    "similarity_matrix",
]


@dataclass(frozen=True, slots=True)
class Link:
    """Paragraphs of the old and new documents that carry the same language (or stand alone)."""

    old: tuple[int, ...]
    """Indices of old paragraphs, ascending, not necessarily consecutive (the parts of a merge
    may stand apart); empty for a new paragraph."""
    new: tuple[int, ...]
    """Indices of new paragraphs, ascending, not necessarily consecutive (the parts of a split
    may stand apart); empty for a dropped paragraph."""
    similarity: float | None
    """Word-level similarity of the joined texts; None when one side is empty."""
    moved: bool = False
    """Matched, but not on the order-respecting chain of the two documents."""

    @property
    def split(self) -> bool:
        """One old paragraph became several new ones."""
        return len(self.old) == 1 and len(self.new) > 1

    @property
    def merged(self) -> bool:
        """Several old paragraphs became one new one."""
        return len(self.old) > 1 and len(self.new) == 1


def score_words(
    key: str, stop_words: frozenset[str], stems: dict[str, str] | None = None
) -> list[str]:
    """The words similarity scores: a comparison key, formula folded, stop words out, stemmed."""
    words = stemmed_words(key, stems)
    content = [word for word in words if word not in stop_words]
    # A paragraph of nothing but stop words is still scored, on all its words.
    return content or words


def stemmed_words(key: str, stems: dict[str, str] | None = None) -> list[str]:
    """Every word of a comparison key, formula folded, cut to its stem (``prstdiff.tokens``).

    Every word is stemmed, not only the leading verb: a split part that now opens with ``Calls
    on ...`` must still match the ``calls on`` inside the paragraph it came from. ``stems``, if
    given, memoises stems across the keys of one call past the stemmer's own cache (a corpus
    index reads more distinct words than it holds).
    """
    words = fold_formula(key).split()
    if not words:
        return words
    # The leading word is already a stem (``fold_formula``); stemming twice would cut further.
    rest = words[1:]
    if stems is None:
        # ``stem`` is ``verb_stem`` without its Python call, memoised in C: cheaper per word than
        # finding the words a memo lacks and reading it.
        return [words[0], *map(stem, rest)]
    missing = set(rest).difference(stems)
    if missing:
        stems.update(zip(missing, map(stem, missing), strict=True))
    return [words[0], *map(stems.__getitem__, rest)]


class _Scores:
    """Encoded paragraphs and their pairwise LCS, computed once per alignment."""

    def __init__(
        self,
        old_keys: Sequence[str],
        new_keys: Sequence[str],
        options: CompareOptions,
        stemmed: Sequence[Sequence[str]] | None = None,
        since: dt.date | None = None,
    ) -> None:
        keys = [*old_keys, *new_keys]
        full = stemmed if stemmed is not None else [stemmed_words(key) for key in keys]
        # One encoding serves both: the scored words are the full ones without stop words.
        coded, decode = encode_tokens(full, options.stop_words)
        stop = dict.fromkeys(ord(c) for c, word in decode.items() if word in options.stop_words)
        encoded = _without(coded, stop)
        self.old = encoded[: len(old_keys)]
        self.new = encoded[len(old_keys) :]
        self.old_len = np.array([len(s) for s in self.old], dtype=np.float32)
        self.new_len = np.array([len(s) for s in self.new], dtype=np.float32)
        self.order_weight = options.order_weight
        total = self.old_len[:, None] + self.new_len[None, :]
        in_order = self._distance(self.old, self.new)
        # Sorted, the common subsequence of two word strings is their common multiset of words.
        # Kept: ``joined`` compares a one-to-one pair's words in any order again, once per pair.
        self.old_sorted = _sorted(self.old)
        self.new_sorted = _sorted(self.new)
        any_order = self._distance(self.old_sorted, self.new_sorted)
        self.lcs = (total - in_order) * np.float32(0.5)
        self.similarity = blended_similarity(in_order, any_order, total, self.order_weight)
        self.runs = _Runs(
            coded[: len(old_keys)],
            coded[len(old_keys) :],
            options.run_min_words,
            {chr(c) for c in stop},
            options.run_min_content_words,
            decode,
            since.isoformat() if since is not None and options.standing_wording else None,
            self.similarity >= np.float32(options.threshold - options.gap_allowance),
        )
        self._weights: dict[str, float] | None = None
        self.evidence = self._evidence(options)
        empty = self.evidence.size == 0
        none = np.zeros(0, dtype=np.intp)
        self.best_old: npt.NDArray[np.intp] = none if empty else self.evidence.argmax(axis=0)
        """For each new paragraph, the old one with the strongest evidence."""
        self.best_new: npt.NDArray[np.intp] = none if empty else self.evidence.argmax(axis=1)
        """For each old paragraph, the new one with the strongest evidence."""

    def _evidence(self, options: CompareOptions) -> npt.NDArray[np.float32]:
        """How strongly each pair looks like carried language: similarity, or containment.

        A paragraph kept nearly whole, in order, inside a longer one (a renewal that grew a
        clause, a sentence split off from a statement paragraph) is the same language to a
        reader whatever its similarity: its evidence is ``containment_weight`` times the share
        kept. Evidence only ranks and admits pairs; a pair reports its similarity.
        """
        sim = self.similarity
        if sim.size == 0:
            return sim.copy()
        # The contained paragraph is the shorter one: the common words are at most its length.
        shorter = np.minimum(self.old_len[:, None], self.new_len[None, :])
        kept = self.lcs / np.maximum(shorter, 1)
        kept[shorter < options.contained_min_words] = 0
        weighted = kept * np.float32(options.containment_weight)
        # Only where containment would raise the evidence is it worth a closer look.
        contained = (kept >= options.contained_share) & (weighted > sim)
        for i, j in zip(*np.nonzero(contained), strict=True):
            contained[i, j] = self._contained_as_block(int(i), int(j), options)
        evidence = sim.copy()
        np.maximum(evidence, weighted, out=evidence, where=contained)
        return evidence

    def _contained_as_block(self, i: int, j: int, options: CompareOptions) -> bool:
        """Whether the shorter of old ``i`` and new ``j`` stands inside the other as a block of
        its own language: its kept words within ``contained_spread`` times its length of the
        longer paragraph, and still ``contained_share`` kept once its standing wording
        (``prstdiff.stock``) is left out.

        ``Welcoming the adoption of the 2005 World Summit Outcome`` has its words, one here and
        four there, in a long paragraph that names the Outcome; ``Reaffirming its primary
        responsibility for the maintenance of international peace and security`` is nothing but
        a series' formula, inside every paragraph that repeats it (its own opening verb left
        behind). Neither is carried language.
        """
        short_old = self.old_len[i] <= self.new_len[j]
        shorter = self.old[i] if short_old else self.new[j]
        longer = self.new[j] if short_old else self.old[i]
        # Some stretch of the longer paragraph this wide must keep the share on its own; any
        # one alignment of the two could strew its matches wider than the words stand.
        width = math.ceil(options.contained_spread * len(shorter))
        if len(longer) > width:
            need = options.contained_share * len(shorter)
            total = len(shorter) + width
            if not any(
                total - Indel.distance(shorter, longer[k : k + width]) >= 2 * need
                for k in range(len(longer) - width + 1)
            ):
                return False
        # Kept whole, opening verb and all, even a formula is the same paragraph grown
        # (``Reaffirms all its relevant resolutions on Cyprus ...`` with a clause added). Asked
        # first: most contained pairs are, and their standing wording need not be read.
        if self.lcs[i, j] >= len(shorter):
            return True
        free = self.runs.beyond_standing(self.runs.old[i] if short_old else self.runs.new[j])
        if len(free) == len(shorter):
            return True
        if len(free) < options.contained_min_words:
            return False
        kept = (len(free) + len(longer) - Indel.distance(free, longer)) // 2
        return kept >= options.contained_share * len(free)

    def new_inside_old(self, old: Sequence[int]) -> npt.NDArray[np.float32]:
        """Share of each new paragraph's words found, in order, inside each of the ``old`` ones."""
        return np.asarray(self.lcs[list(old)] / np.maximum(self.new_len, 1), dtype=np.float32)

    def old_inside_new(self, new: Sequence[int]) -> npt.NDArray[np.float32]:
        """Share of each old paragraph's words found, in order, inside each of the ``new`` ones."""
        shares = self.lcs[:, list(new)].T / np.maximum(self.old_len, 1)
        return np.asarray(shares, dtype=np.float32)

    def weighted_share(self, part: str, whole: str) -> float:
        """Share of the words of ``part`` (an encoded paragraph) found in ``whole``, in any order,
        each word weighted by how few paragraphs of the two documents hold it.

        The words of the subject that every paragraph repeats (``children affected by armed
        conflict`` in a text on children and armed conflict) weigh next to nothing, so a
        paragraph that shares only them with another does not count as a part of it.
        """
        weights = self._weights
        if weights is None:
            texts = [*self.old, *self.new]
            held = Counter(itertools.chain.from_iterable(map(set, texts)))
            # A weight depends on its count alone, and counts repeat: one logarithm for each.
            logs = {n: math.log(len(texts) / n) for n in set(held.values())}
            weights = dict(zip(held, map(logs.__getitem__, held.values()), strict=True))
            self._weights = weights
        mine = Counter(part)
        total = sum(weights[c] * n for c, n in mine.items())
        if total <= 0:
            return 0.0
        common = mine & Counter(whole)
        return sum(weights[c] * n for c, n in common.items()) / total

    def covered(self, anchor: int, parts: Sequence[int], *, side_new: bool) -> int:
        """Words of the single ``anchor`` paragraph found, in order, in its joined ``parts``."""
        whole = self.old[anchor] if side_new else self.new[anchor]
        texts = [(self.new if side_new else self.old)[k] for k in parts]
        joined = "".join(_in_order_of(texts, whole))
        return (len(whole) + len(joined) - Indel.distance(whole, joined)) // 2

    @staticmethod
    def _distance(old: list[str], new: list[str]) -> npt.NDArray[np.float32]:
        if not old or not new:
            return np.zeros((len(old), len(new)), dtype=np.float32)
        matrix = process.cdist(old, new, scorer=Indel.distance, dtype=np.int32, workers=1)
        return matrix.astype(np.float32)

    def joined(self, old: Sequence[int], new: Sequence[int]) -> float:
        """Similarity of the joined texts of several old and new paragraphs.

        The parts of a split or merge join in the order their words stand in the single
        paragraph on the other side: a statement paragraph whose first sentence became OP 19 and
        whose second became OP 10 is compared with OP 19 + OP 10, not with the two in document
        order, which would hide half the carried words from the in-order measure.
        """
        left_parts = [self.old[i] for i in old]
        right_parts = [self.new[j] for j in new]
        if len(left_parts) == 1 and len(right_parts) == 1:
            # One paragraph a side (most pairs): both texts and their sorted words are at hand.
            left, right = left_parts[0], right_parts[0]
            if not left and not right:
                return 1.0
            in_order = Indel.normalized_similarity(left, right)
            sorted_pair = self.old_sorted[old[0]], self.new_sorted[new[0]]
            any_order = Indel.normalized_similarity(*sorted_pair)
            return float(self.order_weight * in_order + (1 - self.order_weight) * any_order)
        if len(left_parts) == 1 and len(right_parts) > 1:
            right_parts = _in_order_of(right_parts, left_parts[0])
        elif len(right_parts) == 1 and len(left_parts) > 1:
            left_parts = _in_order_of(left_parts, right_parts[0])
        left = "".join(left_parts)
        right = "".join(right_parts)
        if not left and not right:
            return 1.0
        in_order = Indel.normalized_similarity(left, right)
        any_order = Indel.normalized_similarity("".join(sorted(left)), "".join(sorted(right)))
        return float(self.order_weight * in_order + (1 - self.order_weight) * any_order)


def blended_similarity(
    in_order: npt.NDArray[np.float32],
    any_order: npt.NDArray[np.float32],
    total: npt.NDArray[np.float32],
    order_weight: float,
) -> npt.NDArray[np.float32]:
    """The similarity of pairs from their Indel distances in order and in any order (float32).

    ``total`` is the pairs' summed word counts. The corpus index scores its candidate pairs with
    this same function, so its numbers are the engine's to the last bit.
    """
    # 1 - (weighted distance) / total is the weighted mean of the two Indel similarities.
    weight = np.float32(order_weight)
    distance = weight * in_order + (np.float32(1) - weight) * any_order
    return np.asarray(1 - distance / np.maximum(total, 1), dtype=np.float32)


def _without(coded: list[str], stop: dict[int, None]) -> list[str]:
    """Each encoded text without the ``stop`` characters, or whole if nothing else is left."""
    if stop and max(stop) - min(stop) == len(stop) - 1:
        # One range (``encode_tokens`` gives the stop words the first characters): one class.
        deleted = re.compile(f"[{re.escape(chr(min(stop)))}-{re.escape(chr(max(stop)))}]+")
        return [deleted.sub("", text) or text for text in coded]
    return [text.translate(stop) or text for text in coded]


def _sorted(encoded: list[str]) -> list[str]:
    return ["".join(sorted(text)) for text in encoded]


def _in_order_of(parts: list[str], whole: str) -> list[str]:
    """The parts sorted by where in ``whole`` their longest run of common words (in order) stands,
    the earliest of equally long ones: a chapeau whose last words recur at the end of the whole
    still stands where its carried opening does. A part sharing nothing goes last."""
    positions = []
    for index, part in enumerate(parts):
        blocks = Indel.editops(part, whole).as_matching_blocks()
        longest = max(blocks, key=lambda b: (b.size, -b.b))
        positions.append((longest.b if longest.size else len(whole), index))
    return [parts[index] for _, index in sorted(positions)]


class _Runs:
    """Length in words of the longest distinctive run an old and a new paragraph share.

    Runs are found by their ``size``-word shingles, on paragraphs encoded one character per word
    (a shingle is a substring). A shingle found more than once in either document is a stock
    phrase of that text, not evidence, and is left out; so is a run of mostly stop words (``the
    convention on the rights of the child and``: a title, not carried language), and so is a
    shingle that many corpus documents held before the earlier text (``prstdiff.stock``), for a
    pair scoring under ``threshold - gap_allowance``: the standing wording of a series stands in
    both texts whoever took it from whom. A run of ``n``
    consecutive shared shingles is ``n + size - 1`` words. Computed on demand: only the few pairs
    the late stages ask about, never the whole matrix.
    """

    def __init__(
        self,
        old: list[str],
        new: list[str],
        size: int,
        stop_words: set[str],
        min_content: int,
        words: Mapping[str, str],
        since: str | None,
        corroborated: npt.NDArray[np.bool_],
    ) -> None:
        self.old = old
        self.new = new
        self.size = size
        self.stop_words = stop_words
        """The encoded stop words, which a run needs more than."""
        self.min_content = min_content
        """Fewest words of a run that are not stop words."""
        self.words = words
        """The word each character encodes."""
        self.since = since
        """The earlier text's date (ISO): wording standing before it is not evidence; None: the
        rule is off."""
        self.corroborated = corroborated
        """Pairs similar enough that standing wording may still count for them."""
        self.standing: dict[str, bool] = {}
        self.stop_table = dict.fromkeys(map(ord, stop_words))
        """Deletes the stop words from an encoded paragraph (``str.translate``)."""
        self.free: dict[str, str] = {}
        """``beyond_standing`` of each paragraph asked about."""
        # A separator outside the word characters, so no shingle spans two paragraphs.
        self.old_text = "\n".join(old)
        self.new_text = "\n".join(new)
        self.shingles: dict[int, dict[str, int]] = {}
        self.stock: dict[str, bool] = {}

    def __call__(self, i: int, j: int) -> int:
        """The longest distinctive run of old ``i`` and new ``j``, in words; 0 when none."""
        return max((last - first + self.size for first, last in self._runs(i, j)), default=0)

    def opening(self, i: int, j: int, within: int) -> int:
        """The longest distinctive run of old ``i`` and new ``j`` that starts within the first
        ``within`` words of both (after a changed formula word or two), in words; 0 when none."""
        old = self.old[i]
        return max(
            (
                last - first + self.size
                for first, last in self._runs(i, j)
                if first <= within and old.find(self.new[j][first : first + self.size]) <= within
            ),
            default=0,
        )

    def shared_opening(self, i: int, j: int) -> int:
        """Scored words (not stop words) of the longest opening old ``i`` and new ``j`` share,
        word for word from their first word: ``Welcomes the sustained activity`` is three."""
        # One character per word: the common prefix of characters is the common prefix of words.
        shared = os.path.commonprefix([self.old[i], self.new[j]])  # noqa: RUF071
        return sum(word not in self.stop_words for word in shared)

    def _runs(self, i: int, j: int) -> list[tuple[int, int]]:
        """The maximal runs of consecutive distinctive shingles the two paragraphs share, as
        (first, last) shingle starts in new ``j``, each with ``min_content`` scored words."""
        size = self.size
        if size < 1:
            return []
        found = self.shingles.get(j)
        if found is None:
            words = self.new[j]
            found = {words[k : k + size]: k for k in range(len(words) - size + 1)}
            self.shingles[j] = found
        old = self.old[i]
        starts = sorted(
            start
            for shingle, start in found.items()
            if shingle in old and self._distinct(shingle, bool(self.corroborated[i, j]))
        )
        if not starts:
            return []
        runs = [[starts[0], starts[0]]]
        for current in starts[1:]:
            if current == runs[-1][1] + 1:
                runs[-1][1] = current
            else:
                runs.append([current, current])
        words = self.new[j]
        return [
            (first, last)
            for first, last in runs
            if sum(word not in self.stop_words for word in words[first : last + size])
            >= self.min_content
        ]

    def _distinct(self, shingle: str, corroborated: bool) -> bool:
        known = self.stock.get(shingle)
        if known is None:
            known = self.stock[shingle] = (
                self.old_text.count(shingle) == 1 and self.new_text.count(shingle) == 1
            )
        if not known or corroborated:
            return known
        # Standing wording is weak evidence, not none: a pair that scores where its place alone
        # would pair it (``threshold - gap_allowance``) may still rest on it.
        standing = self.standing.get(shingle)
        if standing is None:
            standing = self.standing[shingle] = self._standing(shingle)
        return not standing

    def beyond_standing(self, text: str) -> str:
        """The scored words of an encoded paragraph (stop words out) that no standing phrase of
        it covers: ``text`` whole when the rule is off."""
        known = self.free.get(text)
        if known is not None:
            return known
        self.free[text] = free = self._beyond_standing(text)
        return free

    def _beyond_standing(self, text: str) -> str:
        size = STOCK_WORDS
        if self.since is None or len(text) < size:
            return text.translate(self.stop_table)
        covered = [False] * len(text)
        for k in range(len(text) - size + 1):
            shingle = text[k : k + size]
            standing = self.standing.get(shingle)
            if standing is None:
                standing = self.standing[shingle] = self._standing(shingle)
            if standing:
                covered[k : k + size] = [True] * size
        kept = "".join(c for c, hidden in zip(text, covered, strict=True) if not hidden)
        return kept.translate(self.stop_table)

    def _standing(self, shingle: str) -> bool:
        """True when every ``STOCK_WORDS``-word window of the shingle was standing wording of the
        corpus before the earlier text (``prstdiff.stock``): a series' standing wording is in
        both texts whoever took it from whom."""
        since, size = self.since, STOCK_WORDS
        if since is None or len(shingle) < size:
            return False
        dates = standing_dates()
        for k in range(len(shingle) - size + 1):
            phrase = " ".join(map(self.words.__getitem__, shingle[k : k + size]))
            standing = dates.get(phrase)
            if standing is None or standing >= since:
                return False
        return True


def similarity_matrix(
    old_texts: Sequence[str], new_texts: Sequence[str], options: CompareOptions
) -> npt.NDArray[np.float32]:
    """Word-level similarity in [0, 1] of every old (rows) and new (columns) paragraph text."""
    old_keys = [comparison_key(text) for text in old_texts]
    new_keys = [comparison_key(text) for text in new_texts]
    return _Scores(old_keys, new_keys, options).similarity


def _heaviest_chain(
    rows: Sequence[int], cols: Sequence[int], weights: Sequence[float], width: int
) -> list[int]:
    """Indices of the points forming the heaviest chain strictly increasing in both coordinates.

    Points must come sorted by row, then column (as ``numpy.nonzero`` gives them). A Fenwick tree
    over the columns holds prefix maxima of (chain weight, last point): O(k log n) for k points.
    """
    count = len(rows)
    tree_weight = [0.0] * (width + 1)
    tree_point = [-1] * (width + 1)
    best = [0.0] * count
    back = [-1] * count
    start = 0
    while start < count:
        end = start
        while end < count and rows[end] == rows[start]:
            end += 1
        # Points of one row are scored before any of them enters the tree: one paragraph never
        # pairs twice within a chain.
        for p in range(start, end):
            value, prev, k = 0.0, -1, cols[p]
            while k > 0:
                if tree_weight[k] > value:
                    value, prev = tree_weight[k], tree_point[k]
                k -= k & -k
            best[p] = value + weights[p]
            back[p] = prev
        for p in range(start, end):
            k = cols[p] + 1
            while k <= width:
                if best[p] > tree_weight[k]:
                    tree_weight[k], tree_point[k] = best[p], p
                k += k & -k
        start = end
    if not count:
        return []
    last = max(range(count), key=lambda p: (best[p], -p))
    chain: list[int] = []
    while last >= 0:
        chain.append(last)
        last = back[last]
    return chain[::-1]


class _Aligner:
    """Mutable bookkeeping of one alignment; the public functions return frozen Links."""

    def __init__(self, scores: _Scores, options: CompareOptions) -> None:
        self.scores = scores
        self.options = options
        self.groups: list[tuple[list[int], list[int]]] = []
        self.old_group: dict[int, int] = {}
        self.new_group: dict[int, int] = {}

    def add(self, old: list[int], new: list[int]) -> None:
        number = len(self.groups)
        self.groups.append((old, new))
        for i in old:
            self.old_group[i] = number
        for j in new:
            self.new_group[j] = number

    def extend(self, number: int, *, side_new: bool, index: int) -> None:
        old, new = self.groups[number]
        if side_new:
            new.append(index)
            new.sort()
            self.new_group[index] = number
        else:
            old.append(index)
            old.sort()
            self.old_group[index] = number

    def _candidates(self, threshold: float) -> npt.NDArray[np.bool_]:
        sim = self.scores.evidence
        margin = self.options.candidate_margin
        row_best = sim.max(axis=1, keepdims=True)
        col_best = sim.max(axis=0, keepdims=True)
        mask: npt.NDArray[np.bool_] = (
            (sim >= threshold) & (sim >= row_best - margin) & (sim >= col_best - margin)
        )
        return mask

    def _chain(self, mask: npt.NDArray[np.bool_]) -> None:
        sim = self.scores.evidence
        rows, cols = np.nonzero(mask)
        weights = sim[rows, cols].tolist()
        rows_list, cols_list = rows.tolist(), cols.tolist()
        for p in _heaviest_chain(rows_list, cols_list, weights, sim.shape[1]):
            self.add([rows_list[p]], [cols_list[p]])

    def order(self) -> None:
        """Pair the paragraphs that kept their place: the heaviest order-respecting chain."""
        if self.scores.evidence.size == 0:
            return
        self._chain(self._candidates(self.options.threshold))
        # Between two pairs of the chain, the unmatched paragraphs of both sides stand in the same
        # place: that position is evidence, so they pair a little below the threshold.
        mask = self._candidates(self.options.threshold - self.options.gap_allowance)
        anchors = sorted((old[0], new[0]) for old, new in self.groups)
        bounds = [(-1, -1), *anchors, mask.shape]
        gap = np.zeros_like(mask)
        for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
            gap[i0 + 1 : i1, j0 + 1 : j1] = True
        self._chain(mask & gap)

    def grow(
        self, numbers: Sequence[int], anchors: tuple[set[int], set[int]] | None = None
    ) -> None:
        """Grow one-to-one groups into splits or merges by contained unmatched neighbours.

        ``anchors`` are the split and merge anchors (``_anchors``) when the caller holds them: a
        superset stays one as paragraphs are taken, so moves work them out once."""
        # Only anchors that some unmatched paragraph could join are searched: a quick superset.
        split_anchors, merge_anchors = anchors or self.anchors()
        for number in numbers:
            old, new = self.groups[number]
            if len(old) != 1 or len(new) != 1:
                continue
            base = float(self.scores.similarity[old[0], new[0]])
            split = merge = (new, base)
            if old[0] in split_anchors:
                split = self._grown(old[0], new, base, side_new=True)
            if new[0] in merge_anchors:
                merge = self._grown(new[0], old, base, side_new=False)
            grown = [g for g in (split, merge) if len(g[0]) > 1]
            if not grown:
                continue
            best = max(grown, key=lambda g: g[1])
            side_new = best is split
            for index in best[0]:
                if index not in (new if side_new else old):
                    self.extend(number, side_new=side_new, index=index)

    def anchors(self) -> tuple[set[int], set[int]]:
        """The split anchors and the merge anchors (``_anchors``) as the groups stand."""
        return self._anchors(side_new=True), self._anchors(side_new=False)

    def _anchors(self, *, side_new: bool) -> set[int]:
        """Paragraphs of the anchor side that an unmatched paragraph of the other side has as
        its best partner or keeps ``part_share`` of its words in (the least any part needs)."""
        s = self.scores
        taken = self.new_group if side_new else self.old_group
        size = len(s.new) if side_new else len(s.old)
        free = [k for k in range(size) if k not in taken]
        if not free or s.evidence.size == 0:
            return set()
        best = s.best_old if side_new else s.best_new
        anchors = set(best[free].tolist())
        least = min(self.options.containment, self.options.part_share)
        if side_new:
            shares = s.lcs[:, free] / np.maximum(s.new_len[free], 1)
            anchors.update(np.nonzero((shares >= least).any(axis=1))[0].tolist())
        else:
            shares = s.lcs[free, :] / np.maximum(s.old_len[free], 1)[:, None]
            anchors.update(np.nonzero((shares >= least).any(axis=0))[0].tolist())
        return anchors

    def _grown(
        self, anchor: int, members: list[int], current: float, *, side_new: bool
    ) -> tuple[list[int], float]:
        """Parts joined to ``members`` around the single ``anchor`` paragraph, one at a time.

        A part joins when the joined texts become ``split_gain`` more similar, or when it keeps
        ``part_share`` of its words inside the anchor and those words are anchor words no member
        holds yet (at least ``part_share`` of what it keeps): a sub-paragraph or a clause that
        added new words of its own still brings carried language the group lacked. A part whose
        best partner is the anchor and that repeats the anchor's language (``_repeated``), or
        opens with a long run of its opening words, joins too, far or near.
        """
        s = self.scores
        group = sorted(members)
        taken = self.new_group if side_new else self.old_group
        size = len(s.new) if side_new else len(s.old)
        if len(taken) >= size:
            return group, current
        inside = (s.new_inside_old if side_new else s.old_inside_new)([anchor])[0]

        def joined(candidate: list[int]) -> float:
            return s.joined([anchor], candidate) if side_new else s.joined(candidate, [anchor])

        # A part whose best partner is the anchor may stand anywhere and keep less of its words
        # (``part_share``) or only a long distinctive run: a clause that travelled to another
        # part of the text. Any other part must be a contained neighbour of the group.
        best_partner = s.best_old if side_new else s.best_new
        own = best_partner == anchor
        lengths = s.new_len if side_new else s.old_len
        eligible = (
            (inside >= self.options.containment) | (own & (inside >= self.options.part_share))
        ) & (lengths >= self.options.part_min_words)
        for k in np.nonzero(own & ~eligible)[0].tolist():
            if k not in taken:
                run = s.runs(anchor, k) if side_new else s.runs(k, anchor)
                eligible[k] = run >= self.options.run_min_words
        parts = s.new if side_new else s.old
        whole = s.old[anchor] if side_new else s.new[anchor]
        least = self.options.part_weighted_share
        for k in np.nonzero(eligible)[0].tolist():
            if k not in taken:
                eligible[k] = s.weighted_share(parts[k], whole) >= least
        # A part that opens with the anchor's opening words, a long run of them, is the clause
        # cut off to open a paragraph of its own, however much it grew after it.
        opens = np.zeros_like(eligible)
        if self.options.run_min_words >= 1:
            for k in np.nonzero(own)[0].tolist():
                if k not in taken and k not in group:
                    pair = (anchor, k) if side_new else (k, anchor)
                    opens[k] = s.runs.opening(*pair, OPENING_WORDS) >= self.options.run_min_words
        eligible |= opens
        far = [k for k in np.nonzero(eligible & own)[0].tolist() if k not in taken]
        share = self.options.part_share
        covered = s.covered(anchor, group, side_new=side_new)
        while True:
            options: list[tuple[float, int, int]] = []
            ends = (group[0] - 1, group[-1] + 1)
            # Paragraphs between two members (sub-paragraphs of a merged list) are neighbours too.
            holes = [k for k in range(group[0] + 1, group[-1]) if k not in group]
            near = [k for k in far if k not in group and k not in ends and k not in holes]
            for k in (*ends, *holes, *near):
                if 0 <= k < size and k not in taken and eligible[k]:
                    candidate = sorted([*group, k])
                    score = joined(candidate)
                    gain = s.covered(anchor, candidate, side_new=side_new) - covered
                    # A part far from the group must make the joined texts more similar (words
                    # it shares with the anchor alone are too often the subject's stock words),
                    # or carry the anchor's language again, run and all, or open with it.
                    kept = (
                        (
                            k not in near
                            and inside[k] >= share
                            and gain >= share * len(parts[k]) * inside[k]
                        )
                        or bool(opens[k])
                        or (
                            bool(own[k]) and self._repeated(anchor, k, inside[k], side_new=side_new)
                        )
                    )
                    if (
                        score >= current + self.options.split_gain or kept
                    ) and not self._taken_elsewhere(anchor, k, score, side_new=side_new):
                        options.append((score, k, gain))
            if not options:
                return group, current
            score, k, gain = max(options)
            group = sorted([*group, k])
            current = score
            covered += gain

    def _repeated(self, anchor: int, part: int, inside: float, *, side_new: bool) -> bool:
        """Whether a part whose best partner is the anchor carries its language again: most of
        its words (``containment``) in order inside the anchor, with a long distinctive run.

        The same call carried into a preambular and an operative paragraph (S/RES/2417 (2018) OP 1
        into both S/RES/2573 (2021) PP 8 and OP 3), or two sub-paragraphs that open alike merged
        into one (S/RES/1894 (2009) OP 15 (a) and OP 16 (b)), add no anchor words the group lacks
        and make the joined texts less similar, yet a reader sees them all taken into the one.
        """
        if inside < self.options.containment:
            return False
        runs = self.scores.runs
        run = runs(anchor, part) if side_new else runs(part, anchor)
        return run >= self.options.run_min_words

    def group_unmatched(self) -> None:
        """Pair an unmatched paragraph with a run of unmatched, contained, consecutive ones."""
        self._group_runs(side_new=True)
        self._group_runs(side_new=False)

    def _taken_elsewhere(self, anchor: int, member: int, score: float, *, side_new: bool) -> bool:
        """True when an unmatched paragraph on the anchor's side matches ``member`` better than
        the group it would join (``score``): a paragraph moved or kept word for word next to a
        split is not glued to it, its own partner wins (a block of two moved paragraphs)."""
        sim = self.scores.evidence
        line = sim[:, member] if side_new else sim[member, :]
        taken = self.old_group if side_new else self.new_group
        floor = max(score, self.options.threshold)
        better = np.nonzero(line > floor)[0].tolist()
        if any(other != anchor and other not in taken for other in better):
            return True
        # A part that shares a long distinctive run with another unmatched paragraph has a
        # partner of its own (the carried stage pairs them): its other half went there, and
        # gluing it to this group would take that pair away.
        scores = self.scores.similarity[:, member] if side_new else self.scores.similarity[member]
        similar = np.nonzero(scores >= self.options.run_floor)[0]
        runs = self.scores.runs
        for other in similar.tolist():
            if other == anchor or other in taken:
                continue
            run = runs(other, member) if side_new else runs(member, other)
            if run >= self.options.run_min_words:
                return True
        return False

    def _group_runs(self, *, side_new: bool) -> None:
        s = self.scores
        anchor_taken = self.old_group if side_new else self.new_group
        taken = self.new_group if side_new else self.old_group
        size = len(s.new) if side_new else len(s.old)
        free = np.ones(size, dtype=bool)
        free[list(taken)] = False
        count = len(s.old) if side_new else len(s.new)
        anchors = [a for a in range(count) if a not in anchor_taken]
        if not anchors:
            return
        inside = (s.new_inside_old if side_new else s.old_inside_new)(anchors)
        # Only the few contained, free paragraphs are visited, never the whole row in Python.
        lengths = s.new_len if side_new else s.old_len
        contained = (
            (inside >= self.options.containment) & free & (lengths >= self.options.part_min_words)
        )
        for row in np.nonzero(contained.sum(axis=1) >= 2)[0]:
            anchor = anchors[row]
            best: tuple[float, list[int]] | None = None
            columns = np.nonzero(contained[row])[0].tolist()
            runs = [[columns[0]]]
            for k in columns[1:]:
                if k == runs[-1][-1] + 1 and k not in taken:
                    runs[-1].append(k)
                else:
                    runs.append([k])
            for run in runs:
                if len(run) < 2 or any(k in taken for k in run):
                    continue
                score = s.joined([anchor], run) if side_new else s.joined(run, [anchor])
                if any(self._taken_elsewhere(anchor, k, score, side_new=side_new) for k in run):
                    continue
                if score >= self.options.threshold and (best is None or score > best[0]):
                    best = (score, run)
            if best is not None:
                if side_new:
                    self.add([anchor], best[1])
                else:
                    self.add(best[1], [anchor])

    def carried(self) -> list[int]:
        """Pair unmatched paragraphs that are each other's best unmatched partner and share a
        long distinctive run of words (``run_min_words``), or of which one stands whole, in
        order, inside the other, or that open with the same words (``opening_min_words``): a
        rewritten paragraph that kept its opening or a key clause, a short paragraph that grew.
        Returns the new group numbers."""
        s = self.scores
        free_old = [i for i in range(len(s.old)) if i not in self.old_group]
        free_new = [j for j in range(len(s.new)) if j not in self.new_group]
        if not free_old or not free_new or self.options.run_min_words < 1:
            return []
        sub = s.similarity[np.ix_(free_old, free_new)]
        mutual = (sub >= sub.max(axis=1, keepdims=True)) & (sub >= sub.max(axis=0, keepdims=True))
        chosen = np.zeros_like(mutual)
        opts = self.options
        least = opts.run_min_content_words
        floor = min(opts.run_floor, opts.kept_floor)
        for r, c in zip(*np.nonzero(mutual & (sub >= floor)), strict=True):
            i, j = free_old[int(r)], free_new[int(c)]
            # A standing paragraph that grew ("Reaffirming all its earlier resolutions on
            # Cyprus," with the resolutions named) is carried whole, yet too short for a run
            # and made of the series' own words, which no run counts.
            shorter = min(s.old_len[i], s.new_len[j])
            if sub[r, c] >= opts.kept_floor and shorter >= least and s.lcs[i, j] >= shorter:
                chosen[r, c] = True
            elif sub[r, c] >= opts.run_floor:
                chosen[r, c] = s.runs(i, j) >= opts.run_min_words
            else:
                # Below the run floor a run in the middle is as often a name both texts cite;
                # one that opens both paragraphs is the paragraph itself, rewritten after it.
                chosen[r, c] = s.runs.opening(i, j, OPENING_WORDS) >= opts.run_min_words
            # The same opening words, verb and object, are the paragraph itself rewritten after
            # them, however short the kept stretch ("Welcomes the sustained activity").
            if not chosen[r, c] and sub[r, c] >= opts.opening_floor:
                chosen[r, c] = s.runs.shared_opening(i, j) >= opts.opening_min_words
        added: list[int] = []
        taken_old: set[int] = set()
        taken_new: set[int] = set()
        for r, c in zip(*np.nonzero(chosen), strict=True):
            i, j = free_old[int(r)], free_new[int(c)]
            # Ties in a row or column leave one pair per paragraph, the first.
            if i in taken_old or j in taken_new:
                continue
            taken_old.add(i)
            taken_new.add(j)
            added.append(len(self.groups))
            self.add([i], [j])
        return added

    def moves(self) -> None:
        """Pair the remaining unmatched paragraphs, best score first, each pair grown into its
        split or merge before the next: a paragraph kept whole in a merged one elsewhere (S/RES/1296
        (2000) OP 24 in S/RES/1674 (2006) OP 25) joins it before a weaker pair takes it."""
        s = self.scores
        free_old = [i for i in range(len(s.old)) if i not in self.old_group]
        free_new = [j for j in range(len(s.new)) if j not in self.new_group]
        if not free_old or not free_new:
            return
        sub = s.evidence[np.ix_(free_old, free_new)]
        rows, cols = np.nonzero(sub >= self.options.threshold)
        ranked = sorted(
            zip(rows.tolist(), cols.tolist(), strict=True),
            key=lambda rc: (-sub[rc[0], rc[1]], rc[0], rc[1]),
        )
        anchors = self.anchors()
        for r, c in ranked:
            i, j = free_old[r], free_new[c]
            if i in self.old_group or j in self.new_group:
                continue
            self.add([i], [j])
            self.grow([len(self.groups) - 1], anchors)

    def links(self) -> list[Link]:
        s = self.scores
        matched = [(old, new, s.joined(old, new)) for old, new in self.groups]
        order = sorted(range(len(matched)), key=lambda n: (matched[n][0][0], matched[n][1][0]))
        # A reader calls moved the fewest paragraphs that explain the new order: the longest
        # order-respecting chain by count, similarity only breaking ties between chains.
        chain = _heaviest_chain(
            [matched[n][0][0] for n in order],
            [matched[n][1][0] for n in order],
            [1.0 + matched[n][2] / (len(matched) + 1) for n in order],
            len(s.new),
        )
        on_chain = {order[p] for p in chain}
        result = [
            Link(tuple(old), tuple(new), score, moved=n not in on_chain)
            for n, (old, new, score) in enumerate(matched)
        ]
        result += [Link((i,), (), None) for i in range(len(s.old)) if i not in self.old_group]
        result += [Link((), (j,), None) for j in range(len(s.new)) if j not in self.new_group]
        return result


def align_texts(
    old_texts: Sequence[str], new_texts: Sequence[str], options: CompareOptions | None = None
) -> list[Link]:
    """Align two sequences of paragraph texts: every index of both in exactly one Link."""
    return align_keys(
        [comparison_key(text) for text in old_texts],
        [comparison_key(text) for text in new_texts],
        options,
    )


def align_keys(
    old_keys: Sequence[str],
    new_keys: Sequence[str],
    options: CompareOptions | None = None,
    since: dt.date | None = None,
    *,
    stemmed: Sequence[Sequence[str]] | None = None,
) -> list[Link]:
    """Align two sequences of paragraph ``comparison_key``s (for callers that already hold them).

    ``since`` is the earlier text's date: corpus wording standing before it is no evidence of a
    distinctive run (``CompareOptions.standing_wording``); None leaves every run as evidence.
    ``stemmed`` is ``stemmed_words`` of every old key then every new key, where the caller holds
    them already (``prstdiff.prepared`` keeps them per paragraph text).
    """
    opts = options or CompareOptions()
    aligner = _Aligner(_Scores(old_keys, new_keys, opts, stemmed, since), opts)
    aligner.order()
    aligner.grow(range(len(aligner.groups)))
    aligner.group_unmatched()
    aligner.moves()
    aligner.grow(aligner.carried())
    return aligner.links()


def align_paragraphs(
    old: Document, new: Document, options: CompareOptions | None = None
) -> list[Link]:
    """Align the paragraphs of two documents: order, then moves, then splits and merges."""
    return align_keys(
        [comparison_key(p.text) for p in old.paragraphs],
        [comparison_key(p.text) for p in new.paragraphs],
        options,
        earlier_date(old, new),
    )


def earlier_date(old: Document, new: Document) -> dt.date | None:
    """The date of the earlier of two documents, the date wording must have stood by to be
    standing wording for their comparison; None when either is undated."""
    if old.date is None or new.date is None:
        return None
    return min(old.date, new.date)
