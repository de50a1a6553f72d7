"""Word-level edit operations between two paragraph texts, with diff-match-patch.

diff-match-patch diffs characters. To diff words instead, each distinct word token (from
``prstdiff.normalize.display_words``, which keeps the spacing and punctuation that follow a word)
is mapped to one private character, the two character strings are diffed and semantically cleaned
up, and every character is mapped back to its token: the lines-to-chars trick of diff-match-patch
applied to words. A change therefore never splits a word, and joining the equal and deleted texts
gives the old text exactly, the equal and inserted texts the new one.

The diff is ``fast-diff-match-patch`` (Google's C++ diff-match-patch, ``diff`` with
``cleanup="Semantic"``). The pure-Python ``diff-match-patch`` (``diff_main`` then
``diff_cleanupSemantic``), about twenty times slower, is the reference the tests check it
against (a test dependency only); both run the same algorithm with the same ``Diff_Timeout``.

Text extraction breaks words the drafters never touched: a space inside or between words
(``advers e``, ``betwee n``, ``island -wide``), a hyphen lost at a line end (``SecretaryGeneral``).
Inside every replaced span, runs of up to ``_MAX_PIECES`` words on each side that are the same
characters once spaces and hyphens are taken out become one ``Op.ARTEFACT`` op (the new form as
``text``, the old form as ``old_text``), found by a small dynamic programme that keeps as many
words as possible. Equal, deleted and artefact-old texts still rebuild the old text exactly, and
equal, inserted and artefact texts the new one.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable, Sequence

from fast_diff_match_patch import diff as _native  # type: ignore[import-not-found,unused-ignore]

from prstdiff.encoding import encode_only
from prstdiff.model import Op, WordOp
from prstdiff.normalize import display_words
from prstdiff.options import CompareOptions

__all__ = ["DEFAULT_DIFFER", "diff_native", "diff_python", "diff_words"]

_DMP_OP = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT, "-": Op.DELETE, "=": Op.EQUAL, "+": Op.INSERT}
Differ = Callable[[str, str, float], list[tuple[int | str, str]]]


def diff_python(old: str, new: str, timeout: float) -> list[tuple[int | str, str]]:
    """Character diff, semantically cleaned up, by the pure-Python diff-match-patch.

    The reference the tests check the C++ build against; ``pip install 'prstdiff[test]'`` brings it.
    """
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = timeout
    diffs = dmp.diff_main(old, new, False)
    dmp.diff_cleanupSemantic(diffs)
    return [(code, text) for code, text in diffs]


def diff_native(old: str, new: str, timeout: float) -> list[tuple[int | str, str]]:
    """Character diff, semantically cleaned up, by the C++ diff-match-patch."""
    diffs: list[tuple[int | str, str]] = _native(
        old, new, timelimit=timeout, checklines=False, cleanup="Semantic", counts_only=False
    )
    return diffs


DEFAULT_DIFFER: Differ = diff_native
"""The differ ``diff_words`` uses unless told otherwise."""


def diff_words(
    old: str,
    new: str,
    options: CompareOptions | None = None,
    *,
    differ: Differ | None = None,
    tokens: tuple[Sequence[str], Sequence[str]] | None = None,
) -> tuple[WordOp, ...]:
    """Word operations (equal / delete / insert) that turn ``old`` into ``new``.

    ``tokens`` are ``display_words`` of both texts where the caller holds them already.
    """
    opts = options or CompareOptions()
    if old == new:
        return (WordOp(Op.EQUAL, old),) if old else ()
    if not old:
        return (WordOp(Op.INSERT, new),)
    if not new:
        return (WordOp(Op.DELETE, old),)
    words = (display_words(old), display_words(new)) if tokens is None else tokens
    old_chars, new_chars = encode_only(words)
    diffs = (differ or DEFAULT_DIFFER)(old_chars, new_chars, opts.diff_timeout)
    # The operations spell out both texts in order, one character per token: each one's tokens
    # are the next ones of the old side (equal, delete) or the new side (insert). An equal
    # character stands for one token on both sides, so the old side's serves. Equal text goes
    # out as it comes (``_append`` joins equal ops that follow each other); the deletions and
    # insertions between two equal ones make one replaced span.
    old_words, new_words = words
    at_old = at_new = 0
    ops: list[WordOp] = []
    deleted: list[str] = []
    inserted: list[str] = []
    for code, chars in diffs:
        if not chars:
            continue
        op = _DMP_OP[code]
        size = len(chars)
        if op is Op.INSERT:
            inserted += new_words[at_new : at_new + size]
            at_new += size
            continue
        if op is Op.DELETE:
            deleted += old_words[at_old : at_old + size]
            at_old += size
            continue
        if deleted or inserted:
            for word_op in _replaced(deleted, inserted):
                _append(ops, word_op)
            deleted, inserted = [], []
        _append(ops, WordOp(Op.EQUAL, "".join(old_words[at_old : at_old + size])))
        at_old += size
        at_new += size
    if deleted or inserted:
        for word_op in _replaced(deleted, inserted):
            _append(ops, word_op)
    return tuple(ops)


# Spaces and hyphens (with soft hyphens) are what extraction adds to or takes from a word.
_EXTRACTION_CHARS = dict.fromkeys(
    map(ord, " \t\n\r\f\v\u00a0\u2009\u202f\u200b-\u00ad\u2010\u2011")
)
_MAX_PIECES = 3
"""Most tokens on one side of one artefact: ``gen der-responsive`` is two, ``a d vers e`` four."""


def _append(ops: list[WordOp], op: WordOp) -> None:
    """Add an op, joining it to the previous one of the same kind."""
    if ops and ops[-1].op is op.op:
        last = ops[-1]
        old_text = None if op.old_text is None else (last.old_text or "") + op.old_text
        ops[-1] = WordOp(op.op, last.text + op.text, old_text)
    else:
        ops.append(op)


def _replaced(deleted: list[str], inserted: list[str]) -> list[WordOp]:
    """Deletions, insertions and extraction artefacts of one replaced span, in text order.

    Candidate artefacts are runs of up to ``_MAX_PIECES`` tokens on each side with the same
    squash and other characters; the heaviest chain of them in the order of both sides (most
    tokens covered) is kept. Identical tokens right beside an artefact are shown equal; the
    rest of the span stays deleted and inserted, deletions first.
    """
    if not deleted or not inserted:
        if deleted:
            return [WordOp(Op.DELETE, "".join(deleted))]
        return [WordOp(Op.INSERT, "".join(inserted))] if inserted else []
    if len(deleted) == 1 and len(inserted) == 1:
        # One word for one (the most common span): an artefact exactly when the squashes agree.
        same = deleted[0].translate(_EXTRACTION_CHARS) == inserted[0].translate(_EXTRACTION_CHARS)
        if same and _same_breaks(deleted[0], inserted[0]):
            return [WordOp(Op.ARTEFACT, inserted[0], deleted[0])]
        return [WordOp(Op.DELETE, deleted[0]), WordOp(Op.INSERT, inserted[0])]
    # Taking characters out commutes with joining: a run's squash is its tokens' squashes joined.
    old_pieces = _squashes(deleted)
    new_pieces = _squashes(inserted)
    if not _may_hold_artefacts(deleted, inserted, old_pieces, new_pieces):
        return [WordOp(Op.DELETE, "".join(deleted)), WordOp(Op.INSERT, "".join(inserted))]
    # ``old_runs[a - 1][p]`` is the squash of the ``a`` tokens from ``p``; likewise new. Only
    # squashes both sides hold can pair, and most runs of a rewrite have none: they are left
    # out with set operations before any run is looked at one by one.
    old_runs = _run_squashes(old_pieces)
    new_runs = _run_squashes(new_pieces)
    common = set(itertools.chain(*old_runs)).intersection(itertools.chain(*new_runs))
    common.discard("")
    by_squash: dict[str, list[tuple[int, int]]] = {}
    for a, squashes in enumerate(old_runs, 1):
        for p, squash in enumerate(squashes):
            if squash in common:
                by_squash.setdefault(squash, []).append((p, a))
    candidates: list[tuple[int, int, int, int]] = []
    for b, squashes in enumerate(new_runs, 1):
        for q, squash in enumerate(squashes):
            if squash not in common:
                continue
            for p, a in by_squash[squash]:
                # A run that opens or closes with the same token on both sides is a smaller
                # artefact beside an equal word: that smaller one is a candidate of its own.
                if deleted[p] == inserted[q] or deleted[p + a - 1] == inserted[q + b - 1]:
                    continue
                old_run, new_run = "".join(deleted[p : p + a]), "".join(inserted[q : q + b])
                if old_run != new_run and _same_breaks(old_run, new_run):
                    candidates.append((p, a, q, b))
    if not candidates:
        return [WordOp(Op.DELETE, "".join(deleted)), WordOp(Op.INSERT, "".join(inserted))]
    candidates.sort()
    # Heaviest chain increasing on both sides; candidates are few, so quadratic is fine.
    weight = [a + b for _, a, _, b in candidates]
    back = [-1] * len(candidates)
    for n, (p, _, q, _) in enumerate(candidates):
        for m in range(n):
            pm, am, qm, bm = candidates[m]
            if (
                pm + am <= p
                and qm + bm <= q
                and weight[m] + candidates[n][1] + candidates[n][3] > weight[n]
            ):
                weight[n] = weight[m] + candidates[n][1] + candidates[n][3]
                back[n] = m
    last = max(range(len(candidates)), key=weight.__getitem__)
    chain: list[tuple[int, int, int, int]] = []
    while last >= 0:
        chain.append(candidates[last])
        last = back[last]
    chain.reverse()
    result: list[WordOp] = []
    p = q = 0
    for position, (start_old, a, start_new, b) in enumerate(chain):
        _gap(result, deleted[p:start_old], inserted[q:start_new], after=position > 0)
        result.append(
            WordOp(
                Op.ARTEFACT,
                "".join(inserted[start_new : start_new + b]),
                "".join(deleted[start_old : start_old + a]),
            )
        )
        p, q = start_old + a, start_new + b
    _gap(result, deleted[p:], inserted[q:], after=True, before=False)
    merged: list[WordOp] = []
    for word_op in result:
        _append(merged, word_op)
    return merged


def _squashes(tokens: list[str]) -> list[str]:
    """Each token without spaces and hyphens (``_EXTRACTION_CHARS``), all in one ``translate``
    where no token holds the separator (most spans; one call instead of one per token)."""
    joined = "\x00".join(tokens)
    if joined.count("\x00") != len(tokens) - 1:
        return [token.translate(_EXTRACTION_CHARS) for token in tokens]
    return joined.translate(_EXTRACTION_CHARS).split("\x00")


def _run_squashes(pieces: list[str]) -> list[list[str]]:
    """The squashes of the runs of 1 to ``_MAX_PIECES`` consecutive tokens: entry ``a - 1``
    holds those of the runs of ``a`` tokens, by the run's first token."""
    runs = [pieces]
    for size in range(2, _MAX_PIECES + 1):
        runs.append(list(map(operator.add, runs[-1], pieces[size - 1 :])))
    return runs


def _same_breaks(old: str, new: str) -> bool:
    """Both forms break paragraphs alike: none, or one at the very end of each.

    Several paragraphs compare as one text joined by line breaks; a break is where a split or
    merge cuts, so it may never hide inside an artefact (``the\nSecretary`` / ``the Secretary``
    is a different paragraphing, not an extraction slip).
    """
    old_breaks, new_breaks = old.count("\n"), new.count("\n")
    if old_breaks == new_breaks == 0:
        return True
    return (
        old_breaks == new_breaks == 1
        and old.rstrip(" \t").endswith("\n")
        and new.rstrip(" \t").endswith("\n")
    )


def _may_hold_artefacts(
    deleted: list[str], inserted: list[str], old_pieces: list[str], new_pieces: list[str]
) -> bool:
    """A quick necessary test: some token of one side is a token of the other in another form,
    or (3+ characters) lies inside the other side's characters without being one of its words.
    Most replaced spans (real rewrites) fail it and skip the search."""
    # A token's squash is a function of the token, so only the distinct tokens of one side that
    # the other lacks can be another form of its words: set operations find them.
    old_forms = dict(zip(deleted, old_pieces, strict=True))
    new_forms = dict(zip(inserted, new_pieces, strict=True))
    for forms, other_forms, other_pieces in (
        (new_forms, old_forms, old_pieces),
        (old_forms, new_forms, new_pieces),
    ):
        other_squashes = set(other_forms.values())
        other_text = "".join(other_pieces)
        for token in forms.keys() - other_forms.keys():
            piece = forms[token]
            # A squash of the other side lies in its characters too, whatever its length.
            if piece and (piece in other_squashes or (len(piece) >= 3 and piece in other_text)):
                return True
    return False


def _gap(
    result: list[WordOp],
    deleted: list[str],
    inserted: list[str],
    *,
    after: bool,
    before: bool = True,
) -> None:
    """The tokens between two artefacts (or an artefact and a span end): identical tokens next
    to an artefact are equal, the rest deleted then inserted."""
    head = 0
    if after:
        while head < min(len(deleted), len(inserted)) and deleted[head] == inserted[head]:
            head += 1
    tail = 0
    if before:
        while (
            tail < min(len(deleted), len(inserted)) - head
            and deleted[len(deleted) - 1 - tail] == inserted[len(inserted) - 1 - tail]
        ):
            tail += 1
    if head:
        result.append(WordOp(Op.EQUAL, "".join(inserted[:head])))
    if "".join(deleted[head : len(deleted) - tail]):
        result.append(WordOp(Op.DELETE, "".join(deleted[head : len(deleted) - tail])))
    if "".join(inserted[head : len(inserted) - tail]):
        result.append(WordOp(Op.INSERT, "".join(inserted[head : len(inserted) - tail])))
    if tail:
        result.append(WordOp(Op.EQUAL, "".join(inserted[len(inserted) - tail :])))
