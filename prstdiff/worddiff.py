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
# Private characters start past ASCII and skip the UTF-16 surrogate block, which Python strings
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
    codes: dict[str, str] = {}
    tokens: list[str] = []
    encoded: list[str] = []
    for sequence in sequences:
        chars = []
        for token in sequence:
            char = codes.get(token)
            if char is None:
                char = _char(len(tokens))
                codes[token] = char
                tokens.append(token)
            chars.append(char)
        encoded.append("".join(chars))
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
    first = _FIRST_CHAR
    dmp = diff_match_patch()
    dmp.Diff_Timeout = opts.diff_timeout
    diffs = dmp.diff_main(old_chars, new_chars, False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[WordOp] = []
    for code, chars in diffs:
        if not chars:
            continue
        text = "".join(tokens[_index(char, first)] for char in chars)
        op = _DMP_OP[code]
        if ops and ops[-1].op is op:
            ops[-1] = WordOp(op, ops[-1].text + text)
        else:
            ops.append(WordOp(op, text))
    return tuple(ops)


def _index(char: str, first: int) -> int:
    code = ord(char)
    if code >= _SURROGATES.stop:
        code -= len(_SURROGATES)
    return code - first
