"""Words to characters: each distinct word one private character, for character-level libraries.

diff-match-patch diffs characters and rapidfuzz scores character strings; both work on words
once every distinct word (or word token) is mapped to one character and back. The word diff
(``prstdiff.worddiff``) and the alignment (``prstdiff.align``) share this mapping, so it lives
below both.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from itertools import chain

__all__ = ["encode_only", "encode_tokens"]

# Private characters start past Latin-1 and skip the UTF-16 surrogate block, which Python strings
# may hold but which some diff-match-patch code paths (and encoders) reject.
_FIRST_CHAR = 0x100
_SURROGATES = range(0xD800, 0xE000)


def _private_chars(count: int) -> list[str]:
    """The first ``count`` private characters, made afresh."""
    below = min(count, _SURROGATES.start - _FIRST_CHAR)
    above = count - below
    return [
        *map(chr, range(_FIRST_CHAR, _FIRST_CHAR + below)),
        *map(chr, range(_SURROGATES.stop, _SURROGATES.stop + above)),
    ]


# The private characters made so far, longest need first: every word diff and alignment encodes
# with the first few hundred of them, and a slice of this list costs less than making them.
_made: list[str] = _private_chars(4096)


def _chars(count: int) -> list[str]:
    """The first ``count`` private characters."""
    global _made
    if count > len(_made):
        _made = _private_chars(count)
    return _made[:count]


def encode_tokens(
    sequences: Sequence[Sequence[str]], first: Collection[str] = ()
) -> tuple[list[str], dict[str, str]]:
    """Map each distinct token to one character: the encoded strings and each char's token.

    Tokens of ``first`` take the first characters, so that those the sequences hold are one
    range of characters (a regular expression class deletes them faster than a table).
    """
    tokens = list(dict.fromkeys(chain.from_iterable(sequences)))
    if first:
        leading = [token for token in tokens if token in first]
        tokens = list(dict.fromkeys([*leading, *tokens]))
    chars = _chars(len(tokens))
    codes = dict(zip(tokens, chars, strict=True))
    encoded = ["".join(map(codes.__getitem__, sequence)) for sequence in sequences]
    return encoded, dict(zip(chars, tokens, strict=True))


def encode_only(sequences: Sequence[Sequence[str]]) -> list[str]:
    """``encode_tokens`` without the way back, for callers that read tokens off the sequences."""
    tokens = dict.fromkeys(chain.from_iterable(sequences))
    codes = dict(zip(tokens, _chars(len(tokens)), strict=True))
    return ["".join(map(codes.__getitem__, sequence)) for sequence in sequences]
