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

Split and merged pairs join the texts of their several paragraphs with ``"\\n"`` for the word
diff. Pairs come in the new document's order; a dropped paragraph stands after the pair that holds
the nearest preceding old paragraph still in its place.
"""

from __future__ import annotations

from collections import defaultdict

from prstdiff.align import Link, align_paragraphs
from prstdiff.model import Comparison, Document, Op, Pair, Phrase, Stats, Status, WordOp
from prstdiff.normalize import comparison_key, display_words, key_words
from prstdiff.options import CompareOptions
from prstdiff.worddiff import diff_words

__all__ = ["compare"]


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
    links = align_paragraphs(old, new, opts)
    pairs = _ordered([_pair(link, old, new, opts) for link in links])
    pairs = _with_phrases(pairs, old, new, opts)
    return Comparison(
        old=old, new=new, pairs=tuple(pairs), stats=_stats(pairs, old, new), options=opts
    )


def _joined(document: Document, indices: tuple[int, ...]) -> str:
    return "\n".join(document.paragraphs[i].text for i in indices)


def _pair(link: Link, old: Document, new: Document, options: CompareOptions) -> Pair:
    old_text = _joined(old, link.old)
    new_text = _joined(new, link.new)
    if not link.new:
        return Pair(Status.DROPPED, link.old, (), None, ops=(WordOp(Op.DELETE, old_text),))
    if not link.old:
        return Pair(Status.NEW, (), link.new, None, ops=(WordOp(Op.INSERT, new_text),))
    reused = comparison_key(old_text) == comparison_key(new_text)
    similarity = 1.0 if reused else round(link.similarity or 0.0, 4)
    return Pair(
        Status.REUSED if reused else Status.ALTERED,
        link.old,
        link.new,
        similarity,
        moved=link.moved,
        split=link.split,
        merged=link.merged,
        ops=diff_words(old_text, new_text, options),
    )


def _ordered(pairs: list[Pair]) -> list[Pair]:
    """New document order, each dropped paragraph after the pair of its in-place predecessor."""
    position: dict[int, int] = {}
    for pair in pairs:
        if pair.new and not pair.moved:
            for i in pair.old:
                position[i] = pair.new[0]

    def key(pair: Pair) -> tuple[int, int, int]:
        if pair.new:
            return (pair.new[0], 0, 0)
        first = pair.old[0]
        anchors = [i for i in position if i < first]
        anchor = position[max(anchors)] if anchors else -1
        return (anchor, 1, first)

    return sorted(pairs, key=key)


def _with_phrases(
    pairs: list[Pair], old: Document, new: Document, options: CompareOptions
) -> list[Pair]:
    """Attach to each new paragraph the long runs of words it shares with the old document."""
    size = options.phrase_min_words
    if size < 1 or not any(p.status is Status.NEW for p in pairs):
        return pairs
    shingles: dict[tuple[str, ...], int] = {}
    for paragraph in old.paragraphs:
        words = _folded_tokens(paragraph.text)[1]
        for start in range(len(words) - size + 1):
            shingles.setdefault(tuple(words[start : start + size]), paragraph.index)
    result = []
    for pair in pairs:
        if pair.status is Status.NEW:
            text = new.paragraphs[pair.new[0]].text
            found = _phrases(text, shingles, size)
            if found:
                pair = Pair(pair.status, pair.old, pair.new, None, ops=pair.ops, phrases=found)
        result.append(pair)
    return result


def _folded_tokens(text: str) -> tuple[list[str], list[str]]:
    """Display tokens that hold a word, and the comparison form of each."""
    tokens = [t for t in display_words(text) if not t.isspace()]
    folded = []
    for token in tokens:
        words = key_words(token)
        folded.append(" ".join(words))
    return tokens, folded


def _phrases(text: str, shingles: dict[tuple[str, ...], int], size: int) -> tuple[Phrase, ...]:
    tokens, words = _folded_tokens(text)
    hits = [
        shingles.get(tuple(words[start : start + size])) for start in range(len(words) - size + 1)
    ]
    phrases: list[Phrase] = []
    start = 0
    while start < len(hits):
        other = hits[start]
        if other is None:
            start += 1
            continue
        end = start
        # A run of consecutive shingles found in the old document is one phrase; it is credited
        # to the paragraph holding its first shingle.
        while end + 1 < len(hits) and hits[end + 1] is not None:
            end += 1
        length = end - start + size
        phrase_text = "".join(tokens[start : start + length]).strip()
        phrases.append(Phrase(phrase_text, start, length, other))
        start = end + 1
    return tuple(phrases)


def _words(document: Document, indices: tuple[int, ...]) -> int:
    return sum(len(key_words(document.paragraphs[i].text)) for i in indices)


def _stats(pairs: list[Pair], old: Document, new: Document) -> Stats:
    counts: defaultdict[Status, int] = defaultdict(int)
    words: defaultdict[Status, int] = defaultdict(int)
    for pair in pairs:
        counts[pair.status] += 1
        if pair.status is Status.DROPPED:
            words[pair.status] += _words(old, pair.old)
        else:
            words[pair.status] += _words(new, pair.new)
    return Stats(
        reused=counts[Status.REUSED],
        altered=counts[Status.ALTERED],
        new=counts[Status.NEW],
        dropped=counts[Status.DROPPED],
        moved=sum(p.moved for p in pairs),
        split=sum(p.split for p in pairs),
        merged=sum(p.merged for p in pairs),
        new_words=_words(new, tuple(range(len(new.paragraphs)))),
        old_words=_words(old, tuple(range(len(old.paragraphs)))),
        words_reused=words[Status.REUSED],
        words_altered=words[Status.ALTERED],
        words_new=words[Status.NEW],
        words_dropped=words[Status.DROPPED],
    )
