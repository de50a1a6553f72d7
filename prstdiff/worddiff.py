"""Word-level edit operations between two paragraph texts, with diff-match-patch.

diff-match-patch diffs characters. To diff words instead, each distinct word token (from
``prstdiff.normalize.display_words``, which keeps the spacing and punctuation that follow a word)
is mapped to one private character, the two character strings are diffed and semantically cleaned
up, and every character is mapped back to its token: the lines-to-chars trick of diff-match-patch
applied to words. A change therefore never splits a word, and joining the equal and deleted texts
gives the old text exactly, the equal and inserted texts the new one.
"""

from __future__ import annotations

from diff_match_patch import diff_match_patch

from prstdiff.model import Op, WordOp
from prstdiff.normalize import display_words
from prstdiff.options import CompareOptions

__all__ = ["diff_words", "encode_tokens"]

_DMP_OP = {-1: Op.DELETE, 0: Op.EQUAL, 1: Op.INSERT}
# Private characters start past Latin-1 and skip the UTF-16 surrogate block, which Python strings
# may hold but which some diff-match-patch code paths (and encoders) reject.
_FIRST_CHAR = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _char(index: int) -> str:
    code = _FIRST_CHAR + index
    if code >= _SURROGATES.start:
        code += len(_SURROGATES)
    return chr(code)


def encode_tokens(sequences: list[list[str]]) -> tuple[list[str], list[str]]:
    """Map each distinct token to one character: the encoded strings and the token of each char."""
    tokens = list(dict.fromkeys(token for sequence in sequences for token in sequence))
    codes = {token: _char(index) for index, token in enumerate(tokens)}
    encoded = ["".join(map(codes.__getitem__, sequence)) for sequence in sequences]
    return encoded, tokens


def diff_words(old: str, new: str, options: CompareOptions | None = None) -> tuple[WordOp, ...]:
    """Word operations (equal / delete / insert) that turn ``old`` into ``new``."""
    opts = options or CompareOptions()
    if old == new:
        return (WordOp(Op.EQUAL, old),) if old else ()
    if not old:
        return (WordOp(Op.INSERT, new),)
    if not new:
        return (WordOp(Op.DELETE, old),)
    (old_chars, new_chars), tokens = encode_tokens([display_words(old), display_words(new)])
    decode = {_char(index): token for index, token in enumerate(tokens)}
    dmp = diff_match_patch()
    dmp.Diff_Timeout = opts.diff_timeout
    diffs = dmp.diff_main(old_chars, new_chars, False)
    dmp.diff_cleanupSemantic(diffs)
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
