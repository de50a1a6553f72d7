"""Word-level edit operations between two paragraph texts, with diff-match-patch.

diff-match-patch diffs characters. To diff words instead, each distinct word token (from
``prstdiff.normalize.display_words``, which keeps the spacing and punctuation that follow a word)
is mapped to one private character, the two character strings are diffed and semantically cleaned
up, and every character is mapped back to its token: the lines-to-chars trick of diff-match-patch
applied to words. A change therefore never splits a word, and joining the equal and deleted texts
gives the old text exactly, the equal and inserted texts the new one.

Two builds of the same library do the diff: ``fast-diff-match-patch`` (Google's C++
diff-match-patch, ``diff`` with ``cleanup="Semantic"``) when it is installed, about twenty times
faster, else the pure-Python ``diff-match-patch`` (``diff_main`` then ``diff_cleanupSemantic``).
Both run the same algorithm with the same ``Diff_Timeout``; the tests check that they agree.

Text extraction breaks words the drafters never touched: a space inside or between words
(``advers e``, ``betwee n``, ``island -wide``), a hyphen lost at a line end (``SecretaryGeneral``).
Inside every replaced span, runs of up to ``_MAX_PIECES`` words on each side that are the same
characters once spaces and hyphens are taken out become one ``Op.ARTEFACT`` op (the new form as
``text``, the old form as ``old_text``), found by a small dynamic programme that keeps as many
words as possible. Equal, deleted and artefact-old texts still rebuild the old text exactly, and
equal, inserted and artefact texts the new one.
"""

from __future__ import annotations

from collections.abc import Callable

from diff_match_patch import diff_match_patch

from prstdiff.model import Op, WordOp
from prstdiff.normalize import display_words
from prstdiff.options import CompareOptions

__all__ = ["DEFAULT_DIFFER", "diff_native", "diff_python", "diff_words", "encode_tokens"]

_DMP_OP = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT, "-": Op.DELETE, "=": Op.EQUAL, "+": Op.INSERT}
# Private characters start past Latin-1 and skip the UTF-16 surrogate block, which Python strings
# may hold but which some diff-match-patch code paths (and encoders) reject.
_FIRST_CHAR = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _chars(count: int) -> list[str]:
    """The first ``count`` private characters."""
    below = min(count, _SURROGATES.start - _FIRST_CHAR)
    above = count - below
    return [
        *map(chr, range(_FIRST_CHAR, _FIRST_CHAR + below)),
        *map(chr, range(_SURROGATES.stop, _SURROGATES.stop + above)),
    ]


def encode_tokens(sequences: list[list[str]]) -> tuple[list[str], dict[str, str]]:
    """Map each distinct token to one character: the encoded strings and each char's token."""
    tokens = list(dict.fromkeys(token for sequence in sequences for token in sequence))
    chars = _chars(len(tokens))
    codes = dict(zip(tokens, chars, strict=True))
    encoded = ["".join(map(codes.__getitem__, sequence)) for sequence in sequences]
    return encoded, dict(zip(chars, tokens, strict=True))


Differ = Callable[[str, str, float], list[tuple[int | str, str]]]


def diff_python(old: str, new: str, timeout: float) -> list[tuple[int | str, str]]:
    """Character diff, semantically cleaned up, by the pure-Python diff-match-patch."""
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


try:
    from fast_diff_match_patch import diff as _native  # type: ignore[import-not-found,unused-ignore]

    DEFAULT_DIFFER: Differ = diff_native
except ImportError:  # pragma: no cover - the pure-Python build is the fallback
    DEFAULT_DIFFER = diff_python


def diff_words(
    old: str, new: str, options: CompareOptions | None = None, *, differ: Differ | None = None
) -> tuple[WordOp, ...]:
    """Word operations (equal / delete / insert) that turn ``old`` into ``new``."""
    opts = options or CompareOptions()
    if old == new:
        return (WordOp(Op.EQUAL, old),) if old else ()
    if not old:
        return (WordOp(Op.INSERT, new),)
    if not new:
        return (WordOp(Op.DELETE, old),)
    (old_chars, new_chars), decode = encode_tokens([display_words(old), display_words(new)])
    diffs = (differ or DEFAULT_DIFFER)(old_chars, new_chars, opts.diff_timeout)
    runs: list[tuple[Op, list[str]]] = []
    for code, chars in diffs:
        if not chars:
            continue
        op = _DMP_OP[code]
        tokens = [decode[c] for c in chars]
        if runs and runs[-1][0] is op:
            runs[-1][1].extend(tokens)
        else:
            runs.append((op, tokens))
    ops: list[WordOp] = []
    index = 0
    while index < len(runs):
        op, tokens = runs[index]
        if op is Op.EQUAL:
            _append(ops, WordOp(Op.EQUAL, "".join(tokens)))
            index += 1
            continue
        # A replaced span: the deletions and insertions between two equal runs.
        deleted: list[str] = []
        inserted: list[str] = []
        while index < len(runs) and runs[index][0] is not Op.EQUAL:
            (deleted if runs[index][0] is Op.DELETE else inserted).extend(runs[index][1])
            index += 1
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

    ``best[p][q]`` is the most tokens of ``deleted[p:]`` and ``inserted[q:]`` that artefacts can
    cover; ties prefer deleting before inserting, as diff-match-patch does.
    """
    if not deleted or not inserted:
        return (
            [WordOp(Op.DELETE, "".join(deleted))]
            if deleted
            else ([WordOp(Op.INSERT, "".join(inserted))] if inserted else [])
        )
    # Taking characters out commutes with joining: a run's squash is its tokens' squashes joined.
    old_pieces = [token.translate(_EXTRACTION_CHARS) for token in deleted]
    new_pieces = [token.translate(_EXTRACTION_CHARS) for token in inserted]
    old_squash = {
        (p, a): "".join(old_pieces[p : p + a])
        for p in range(len(deleted))
        for a in range(1, min(_MAX_PIECES, len(deleted) - p) + 1)
    }
    new_squash = {
        (q, b): "".join(new_pieces[q : q + b])
        for q in range(len(inserted))
        for b in range(1, min(_MAX_PIECES, len(inserted) - q) + 1)
    }
    # Most replaced spans hold no artefact at all (the same squash, other characters): they
    # skip the programme.
    forms: dict[str, set[str]] = {}
    for (p, a), squash in old_squash.items():
        if squash:
            forms.setdefault(squash, set()).add("".join(deleted[p : p + a]))
    if not any(
        squash in forms and forms[squash] != {"".join(inserted[q : q + b])}
        for (q, b), squash in new_squash.items()
    ):
        return [WordOp(Op.DELETE, "".join(deleted)), WordOp(Op.INSERT, "".join(inserted))]
    rows, cols = len(deleted), len(inserted)
    best = [[0] * (cols + 1) for _ in range(rows + 1)]
    step: dict[tuple[int, int], tuple[int, int]] = {}
    for p in range(rows, -1, -1):
        for q in range(cols, -1, -1):
            value, move = 0, (0, 0)
            if p < rows:
                value, move = best[p + 1][q], (1, 0)
            if q < cols and (p == rows or best[p][q + 1] > value):
                value, move = best[p][q + 1], (0, 1)
            for a in range(1, min(_MAX_PIECES, rows - p) + 1):
                left = old_squash[p, a]
                if not left:
                    continue
                for b in range(1, min(_MAX_PIECES, cols - q) + 1):
                    if left == new_squash[q, b] and best[p + a][q + b] + a + b > value:
                        value, move = best[p + a][q + b] + a + b, (a, b)
            best[p][q] = value
            step[p, q] = move
    result: list[WordOp] = []
    p = q = 0
    while p < rows or q < cols:
        a, b = step[p, q]
        if a and b:
            before, after = "".join(deleted[p : p + a]), "".join(inserted[q : q + b])
            # Semantic cleanup leaves short equal words inside a replaced span: they stay equal.
            same = before == after
            result.append(WordOp(Op.EQUAL, after) if same else WordOp(Op.ARTEFACT, after, before))
        elif a:
            result.append(WordOp(Op.DELETE, deleted[p]))
        else:
            result.append(WordOp(Op.INSERT, inserted[q]))
        p, q = p + a, q + b
    merged: list[WordOp] = []
    # Deletions first, then insertions, between two artefacts: a reader sees one replacement.
    pending: dict[Op, str] = {Op.DELETE: "", Op.INSERT: ""}
    for position, word_op in enumerate(result):
        if word_op.op is Op.EQUAL and not any(
            0 <= k < len(result) and result[k].op is Op.ARTEFACT
            for k in (position - 1, position + 1)
        ):
            # A short equal word the semantic cleanup put inside a replacement stays replaced
            # there; only one next to an artefact is shown kept.
            pending[Op.DELETE] += word_op.text
            pending[Op.INSERT] += word_op.text
            continue
        if word_op.op in (Op.ARTEFACT, Op.EQUAL):
            for kind in (Op.DELETE, Op.INSERT):
                if pending[kind]:
                    _append(merged, WordOp(kind, pending[kind]))
                    pending[kind] = ""
            _append(merged, word_op)
        else:
            pending[word_op.op] += word_op.text
    for kind in (Op.DELETE, Op.INSERT):
        if pending[kind]:
            _append(merged, WordOp(kind, pending[kind]))
    return merged
