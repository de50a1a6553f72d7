"""compare(old, new): every paragraph of both documents in one pair, classified, with word diffs.

Statuses, as a drafter reads them:

- **reused**: the same words, after ``comparison_key`` (case, quotes, dashes, spacing, paragraph
  numbers and extraction artefacts do not count);
- **altered**: similar enough (``CompareOptions.threshold``) but not the same words. Language that
  differs only in its leading formula (``The Security Council further recognizes that ...`` became
  ``Recognizing that ...``) is *altered with similarity 1.0*: the carried language is intact, and
  the word operations show the formula that changed. Calling it reused would report a statement
  and a resolution as identical texts;
- **new** and **dropped**: no counterpart.

Comparing two corpus documents (the UNFICYP mandate renewals of January and July 2021)::

    >>> from pathlib import Path
    >>> from prstdiff.parse import load
    >>> corpus = Path(__file__).resolve().parent.parent / "corpus"
    >>> old = load(corpus / "S_RES_2561_2021.txt")
    >>> new = load(corpus / "S_RES_2587_2021.txt")
    >>> result = compare(old, new)
    >>> opening = "Expresses its full support for UNFICYP"
    >>> mandate = next(
    ...     pair for pair in result.pairs
    ...     if pair.new and new.paragraphs[pair.new[0]].text.startswith(opening)
    ... )
    >>> mandate.status.value, [(op.op.value, op.text) for op in mandate.ops if op.op != "equal"]
    ('altered', [('delete', 'July 2021;'), ('insert', 'January 2022;')])
    >>> compare(new, new).identical
    True

Split and merged pairs join the texts of their several paragraphs with ``"\\n"`` for the word
diff. Pairs come in the new document's order; a dropped paragraph stands after the pair that holds
the nearest preceding old paragraph still in its place.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from prstdiff.align import Link, align_keys, earlier_date
from prstdiff.folding import fold_by_spaces, without_marks
from prstdiff.model import Comparison, Document, Op, Pair, Phrase, Stats, Status, WordOp
from prstdiff.notable import notable_edits
from prstdiff.options import CompareOptions
from prstdiff.prepared import ParagraphTokens, paragraph_tokens
from prstdiff.worddiff import diff_words

__all__ = ["compare"]

_Tokens = Sequence[ParagraphTokens]


def compare(old: Document, new: Document, options: CompareOptions | None = None) -> Comparison:
    """Compare two documents paragraph by paragraph.

    >>> from prstdiff.model import DocumentKind, Paragraph, ParagraphKind
    >>> def doc(*texts: str) -> Document:
    ...     paragraphs = tuple(
    ...         Paragraph(i, ParagraphKind.OPERATIVE, str(i + 1), t) for i, t in enumerate(texts)
    ...     )
    ...     return Document(None, DocumentKind.DRAFT, None, None, None, None, None, (), paragraphs)
    >>> result = compare(
    ...     doc("Decides to extend the mandate until 31 July 2021;", "Requests a report;"),
    ...     doc("Decides to extend the mandate until 31 January 2022;", "Requests a report;"),
    ... )
    >>> [(p.status.value, p.old, p.new) for p in result.pairs]
    [('altered', (0,), (0,)), ('reused', (1,), (1,))]
    >>> [(op.op.value, op.text) for op in result.pairs[0].ops][1:3]
    [('delete', 'July 2021;'), ('insert', 'January 2022;')]
    """
    opts = options or CompareOptions()
    # Every paragraph is tokenised once (and a text seen before not again): ``prepared``.
    old_tokens = [paragraph_tokens(p.text) for p in old.paragraphs]
    new_tokens = [paragraph_tokens(p.text) for p in new.paragraphs]
    links = align_keys(
        [" ".join(t.key) for t in old_tokens],
        [" ".join(t.key) for t in new_tokens],
        opts,
        earlier_date(old, new),
        stemmed=[t.stems for t in (*old_tokens, *new_tokens)],
    )
    pairs = _ordered([_pair(link, old, new, old_tokens, new_tokens, opts) for link in links])
    pairs = _with_phrases(pairs, old, new, old_tokens, new_tokens, opts)
    stats = _stats(pairs, [len(t.key) for t in old_tokens], [len(t.key) for t in new_tokens])
    return Comparison(old=old, new=new, pairs=tuple(pairs), stats=stats, options=opts)


def _joined(document: Document, indices: tuple[int, ...]) -> str:
    return "\n".join(document.paragraphs[i].text for i in indices)


def _pair(
    link: Link,
    old: Document,
    new: Document,
    old_tokens: _Tokens,
    new_tokens: _Tokens,
    options: CompareOptions,
) -> Pair:
    old_text = _joined(old, link.old)
    new_text = _joined(new, link.new)
    if not link.new:
        return Pair(Status.DROPPED, link.old, (), None, ops=(WordOp(Op.DELETE, old_text),))
    if not link.old:
        return Pair(Status.NEW, (), link.new, None, ops=(WordOp(Op.INSERT, new_text),))
    single = len(link.old) == 1 and len(link.new) == 1
    if single:
        reused = old_tokens[link.old[0]].key == new_tokens[link.new[0]].key
    else:
        # Several paragraphs compare by the words of each in turn: the same words, cut
        # differently.
        reused = [w for i in link.old for w in old_tokens[i].key] == [
            w for j in link.new for w in new_tokens[j].key
        ]
    # A single paragraph's display words are kept (cut here unless the texts are the same, which
    # the word diff never cuts); joined texts are cut afresh.
    display = (
        (old_tokens[link.old[0]].display, new_tokens[link.new[0]].display)
        if single and old_text != new_text
        else None
    )
    ops = diff_words(old_text, new_text, options, tokens=display)
    # Words that differ only by extraction (``advers e``) are the same words: reused.
    reused = reused or all(op.op in (Op.EQUAL, Op.ARTEFACT) for op in ops)
    similarity = 1.0 if reused else round(link.similarity or 0.0, 4)
    return Pair(
        Status.REUSED if reused else Status.ALTERED,
        link.old,
        link.new,
        similarity,
        moved=link.moved,
        split=link.split,
        merged=link.merged,
        ops=ops,
        notable=() if reused else notable_edits(old_text, new_text, ops),
    )


def _ordered(pairs: list[Pair]) -> list[Pair]:
    """New document order, each dropped paragraph after the pair of its in-place predecessor."""
    position: dict[int, int] = {}
    for pair in pairs:
        if pair.new and not pair.moved:
            for i in pair.old:
                position[i] = pair.new[0]

    placed = sorted(position)

    def key(pair: Pair) -> tuple[int, int, int]:
        if pair.new:
            return (pair.new[0], 0, 0)
        first = pair.old[0]
        before = bisect.bisect_left(placed, first)
        anchor = position[placed[before - 1]] if before else -1
        return (anchor, 1, first)

    return sorted(pairs, key=key)


def _with_phrases(
    pairs: list[Pair],
    old: Document,
    new: Document,
    old_tokens: _Tokens,
    new_tokens: _Tokens,
    options: CompareOptions,
) -> list[Pair]:
    """Attach to each new or altered paragraph the long runs of words it takes from old paragraphs
    other than its own: new language built from old, and a clause an altered paragraph borrows
    from a neighbour."""
    size = options.phrase_min_words
    if size < 1:
        return pairs
    # Only a new paragraph or an altered one inserting a long run can show a borrowed phrase;
    # where there is none (a renewal that changed its dates), the old shingles are not built.
    borrowing = [
        number
        for number, pair in enumerate(pairs)
        if pair.status is Status.NEW or _inserts_a_phrase(pair, size)
    ]
    if not borrowing:
        return pairs
    # The first old paragraph holding each shingle, and all of them where several do.
    shingles: dict[tuple[str, ...], int] = {}
    shared: dict[tuple[str, ...], set[int]] = {}
    for paragraph, tokens in zip(old.paragraphs, old_tokens, strict=True):
        index = paragraph.index
        words = tokens.folded
        for start in range(len(words) - size + 1):
            shingle = words[start : start + size]
            first = shingles.setdefault(shingle, index)
            if first != index:
                shared.setdefault(shingle, {first}).add(index)
    result = list(pairs)
    for number in borrowing:
        pair = pairs[number]
        found = _phrases(
            new.paragraphs[pair.new[0]].text,
            new_tokens[pair.new[0]],
            shingles,
            shared,
            size,
            set(pair.old),
        )
        if found:
            result[number] = replace(pair, phrases=found)
    return result


def _inserts_a_phrase(pair: Pair, size: int) -> bool:
    """An altered single paragraph that inserts a run of words long enough to be a borrowed
    phrase (a borrowed clause arrives as one insertion)."""
    if pair.status is not Status.ALTERED or len(pair.new) != 1:
        return False
    return any(op.op is Op.INSERT and len(op.text.split()) >= size for op in pair.ops)


def _shingles(words: Sequence[str], size: int) -> zip[tuple[str, ...]]:
    """Every run of ``size`` consecutive words, in order."""
    return zip(*(words[start:] for start in range(size)), strict=False)


def _phrases(
    text: str,
    paragraph: ParagraphTokens,
    shingles: dict[tuple[str, ...], int],
    shared: dict[tuple[str, ...], set[int]],
    size: int,
    own: set[int],
) -> tuple[Phrase, ...]:
    """Maximal runs of ``size``-word shingles of ``text`` found in the old document, outside the
    ``own`` old paragraphs the text is paired with (their words are the pair's, not borrowed)."""
    # The paragraph's kept ``folded`` words are the words below whenever the text's white space
    # cuts its NFKC fold as it cuts the text (always on ASCII; casefolding maps white space to
    # white space and nothing else to any, so always on an NFKC-normal text too): both fold each
    # cut alike and drop the cuts left empty. Where none is left empty, word ``n`` is the text's
    # ``n``-th display word. The places of the words, and the display tokens, are only worked out
    # for a paragraph that holds a phrase.
    positions: Sequence[int] | None = None
    words: Sequence[str]
    if (
        text.isascii()
        or unicodedata.is_normalized("NFKC", text)
        or len(unicodedata.normalize("NFKC", text).casefold().split()) == len(text.split())
    ):
        words = paragraph.folded
    else:
        positions, words = _word_positions(text, paragraph.display)
    hits: list[int | None] = list(map(shingles.get, _shingles(words, size)))
    if hits.count(None) == len(hits):
        return ()  # most paragraphs: not one shingle found, told without a Python loop
    if positions is None:
        count = len(text.split())
        if len(words) == count:
            # Display tokens are words with their trailing spaces, after spaces opening the text.
            opening = 1 if text[:1].isspace() else 0
            positions = range(opening, opening + count)
        else:
            positions = _word_positions(text, paragraph.display)[0]
    # Each shingle found (its start) with the first old paragraph holding it.
    found = [(start, first) for start, first in enumerate(hits) if first is not None]
    if own:
        found = [
            (start, first)
            for start, first in found
            if first not in own
            and own.isdisjoint(shared.get(tuple(words[start : start + size]), ()))
        ]
    if not found:
        return ()
    tokens = paragraph.display
    phrases: list[Phrase] = []
    # Consecutive shingles found in the old document make one phrase, credited to the paragraph
    # holding its first shingle.
    at = 0
    while at < len(found):
        start, other = found[at]
        end = start
        while at + 1 < len(found) and found[at + 1][0] == end + 1:
            at += 1
            end += 1
        at += 1
        first, last = positions[start], positions[end + size - 1]
        phrase_text = "".join(tokens[first : last + 1]).strip()
        phrases.append(Phrase(phrase_text, first, last - first + 1, other))
    return tuple(phrases)


def _word_positions(text: str, tokens: Sequence[str]) -> tuple[list[int], list[str]]:
    """The folded words of ``text`` that are not empty, and the display token each one is."""
    # Display tokens are words with their trailing spaces, after spaces opening the text if any.
    spans = range(1 if tokens and tokens[0].isspace() else 0, len(tokens))
    normalized = unicodedata.normalize("NFKC", text).casefold().split()
    # Stripping the words joined by spaces strips each: no space is taken out or put in.
    folded = without_marks(" ".join(normalized)).split(" ") if normalized else []
    if len(folded) != len(spans):
        # NFKC turned a character into spacing: fold token by token instead (rare, slower).
        folded = [fold_by_spaces(tokens[position]).strip() for position in spans]
    if "" in folded:
        positions = [position for position, word in zip(spans, folded, strict=True) if word]
        words = [word for word in folded if word]
    else:
        # Most texts: every display token is a word.
        positions, words = list(spans), folded
    return positions, words


def _stats(pairs: list[Pair], old_words: list[int], new_words: list[int]) -> Stats:
    """Counts by status; words are the comparison key's words of each paragraph."""
    counts: defaultdict[Status, int] = defaultdict(int)
    words: defaultdict[Status, int] = defaultdict(int)
    for pair in pairs:
        counts[pair.status] += 1
        if pair.status is Status.DROPPED:
            words[pair.status] += sum(old_words[i] for i in pair.old)
        else:
            words[pair.status] += sum(new_words[j] for j in pair.new)
    return Stats(
        reused=counts[Status.REUSED],
        altered=counts[Status.ALTERED],
        new=counts[Status.NEW],
        dropped=counts[Status.DROPPED],
        moved=sum(p.moved for p in pairs),
        split=sum(p.split for p in pairs),
        merged=sum(p.merged for p in pairs),
        new_words=sum(new_words),
        old_words=sum(old_words),
        words_reused=words[Status.REUSED],
        words_altered=words[Status.ALTERED],
        words_new=words[Status.NEW],
        words_dropped=words[Status.DROPPED],
    )
