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
    ops: list[WordOp] = []
    for code, chars in diffs:
        if not chars:
            continue
        text = "".join(map(decode.__getitem__, chars))
        op = _DMP_OP[code]
        if ops and ops[-1].op is op:
            ops[-1] = WordOp(op, ops[-1].text + text)
        else:
            ops.append(WordOp(op, text))
    return tuple(ops)
