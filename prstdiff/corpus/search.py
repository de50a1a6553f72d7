"""Phrase search across an indexed corpus: where a phrase stands, oldest first, and why.

The phrase and every paragraph are folded the same way (``prstdiff.folding``): case, accents,
quotes, dashes and punctuation, British and American spelling, and the spaces or hyphens between
words (``ceasefire``, ``cease-fire`` and ``cease fire`` are one phrase). An exact search finds the
paragraphs holding the phrase's folded words in order, beginning and ending on word boundaries.

``fuzzy`` also finds near matches, and says what makes them near: a paragraph is a near match when
it holds, in the phrase's order and within a short stretch (``CorpusOptions.fuzzy_spread``), at
least ``CorpusOptions.fuzzy_share`` of the phrase's *content* words (the words similarity counts,
without ``and``, ``of``, ``the``...). Its score is that share in percent; every hit names the
content words it matched and those it misses, so a near match never passes for the phrase.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from prstdiff.corpus.index import CorpusIndex
from prstdiff.corpus.located import LocatedParagraph
from prstdiff.corpus.options import CorpusOptions
from prstdiff.errors import SelectionError
from prstdiff.folding import find_phrase, fold_tokens, fold_words, joined
from prstdiff.options import CompareOptions


@dataclass(frozen=True, slots=True)
class SearchHit(LocatedParagraph):
    """A paragraph where the phrase (or a near match of it) stands."""

    score: float
    """Share (0-100) of the phrase's content words matched in order; 100 for the phrase itself."""
    exact: bool
    """The phrase itself stands here (its folded words, adjacent and in order)."""
    matched: tuple[str, ...]
    """The phrase's content words the paragraph holds at the match, in order."""
    missing: tuple[str, ...]
    """The phrase's content words the match lacks (empty for an exact hit)."""
    span: tuple[int, int]
    """Character offsets in ``text`` of the match, from its first matched word to its last."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    """Every paragraph where a phrase stands, oldest first."""

    phrase: str
    """The phrase as asked."""
    words: tuple[str, ...]
    """The phrase's folded words, what was searched for."""
    content: tuple[str, ...]
    """The phrase's content words, what a near match is scored on."""
    fuzzy: bool
    """Near matches included."""
    hits: tuple[SearchHit, ...]
    """Paragraphs holding the phrase, oldest document first."""
    documents: int
    """Documents searched."""

    @property
    def key(self) -> str:
        """The phrase's folded words joined by spaces."""
        return " ".join(self.words)

    @property
    def first(self) -> SearchHit | None:
        """The phrase's first appearance: the oldest hit holding every content word."""
        complete = [hit for hit in self.hits if not hit.missing]
        return complete[0] if complete else (self.hits[0] if self.hits else None)

    @property
    def document_count(self) -> int:
        """Documents in which the phrase stands."""
        return len({hit.name for hit in self.hits})


@dataclass(frozen=True, slots=True)
class _Match:
    words: tuple[int, int]
    """First and last + 1 word positions of the match in the paragraph."""
    matched: tuple[str, ...]
    score: float
    exact: bool


def content_words(words: Sequence[str], stop_words: frozenset[str]) -> tuple[str, ...]:
    """The words of a phrase that a near match must hold: all but stop words (all if only those)."""
    content = tuple(w for w in words if w not in stop_words)
    return content or tuple(words)


def near_match(
    content: Sequence[str], words: Sequence[str], window: int
) -> tuple[tuple[int, ...], int] | None:
    """The longest in-order run of ``content`` within ``window`` words of ``words``.

    Returns the matched positions in ``words`` and how many content words they are, the tightest
    stretch among equals; None when no content word stands in the text.

    >>> near_match(["women", "peace", "security"], "the women and peace and security".split(), 8)
    ((1, 3, 5), 3)
    """
    wanted = set(content)
    best: tuple[int, int, tuple[int, ...]] | None = None
    for start, word in enumerate(words):
        if word not in wanted:
            continue
        stretch = words[start : start + window]
        positions = _longest_in_order(content, stretch)
        if not positions:
            continue
        found = tuple(start + p for p in positions)
        rank = (len(found), -(found[-1] - found[0]))
        if best is None or rank > (best[0], best[1]):
            best = (rank[0], rank[1], found)
    if best is None:
        return None
    return best[2], best[0]


def _longest_in_order(content: Sequence[str], stretch: Sequence[str]) -> list[int]:
    # Longest common subsequence of the phrase's content words and the stretch, kept as the
    # stretch's positions; the stretch must begin with a matched word (the caller's start).
    rows = len(content) + 1
    cols = len(stretch) + 1
    table = [[0] * cols for _ in range(rows)]
    for i in range(1, rows):
        for j in range(1, cols):
            if content[i - 1] == stretch[j - 1]:
                table[i][j] = table[i - 1][j - 1] + 1
            else:
                table[i][j] = max(table[i - 1][j], table[i][j - 1])
    positions: list[int] = []
    i, j = rows - 1, cols - 1
    while i > 0 and j > 0:
        if content[i - 1] == stretch[j - 1]:
            positions.append(j - 1)
            i -= 1
            j -= 1
        elif table[i - 1][j] >= table[i][j - 1]:
            i -= 1
        else:
            j -= 1
    positions.reverse()
    return positions if positions and positions[0] == 0 else []


def search_phrase(
    index: CorpusIndex,
    phrase: str,
    *,
    fuzzy: bool = False,
    options: CorpusOptions | None = None,
) -> SearchResult:
    """Find the paragraphs of an indexed corpus where a phrase stands (folded), oldest first."""
    opts = options or CorpusOptions()
    words = tuple(fold_words(phrase))
    if not words:
        raise SelectionError(f"nothing to search for in {phrase!r}: it has no words")
    content = content_words(words, CompareOptions().stop_words)
    matches: dict[int, _Match] = {}
    texts: dict[int, list[str]] = {}
    for para_id in index.phrase_rows(joined(words)):
        texts[para_id] = []
    if fuzzy:
        needed = max(1, math.ceil(opts.fuzzy_share * len(content) - 1e-9))
        window = int(len(words) * opts.fuzzy_spread) + opts.fuzzy_slack
        wanted = set(content)
        for batch in index.iter_search_keys():
            for para_id, key in batch:
                folded = key.split()
                if len(wanted.intersection(folded)) < min(needed, len(wanted)):
                    continue
                found = near_match(content, folded, window)
                if found is None or found[1] < needed:
                    continue
                positions, count = found
                matched = tuple(folded[p] for p in positions)
                score = round(100 * count / len(content), 1)
                matches[para_id] = _Match((positions[0], positions[-1] + 1), matched, score, False)
    paragraphs = index.paragraphs(sorted(set(texts) | set(matches)))
    hits: list[tuple[tuple[str, int], SearchHit]] = []
    for para_id, paragraph in paragraphs.items():
        tokens = fold_tokens(paragraph.text)
        folded = [t.word for t in tokens]
        exact = find_phrase(words, folded) if para_id in texts else []
        if exact:
            match = _Match(exact[0], content, 100.0, True)
        elif para_id in matches:
            match = matches[para_id]
        else:
            # The letters run together across a word boundary only: not the phrase.
            continue
        first, last = match.words
        missing = _missing(content, match.matched)
        hit = SearchHit.of(
            paragraph,
            score=match.score,
            exact=match.exact,
            matched=match.matched,
            missing=missing,
            span=(tokens[first].start, tokens[last - 1].end),
        )
        hits.append(((paragraph.sort_key, paragraph.index), hit))
    hits.sort(key=lambda item: item[0])
    return SearchResult(
        phrase, words, content, fuzzy, tuple(h for _, h in hits), index.document_count()
    )


def _missing(content: Sequence[str], matched: Sequence[str]) -> tuple[str, ...]:
    left = list(matched)
    missing: list[str] = []
    for word in content:
        if left and left[0] == word:
            left.pop(0)
        else:
            missing.append(word)
    return tuple(missing)
