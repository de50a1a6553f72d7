"""Word wrapping of plain terminal text without rich: the lines rich's ``Text.wrap`` would give.

Plain text output (a file, a pipe, ``--color never``) is wrapped here, which spares every such
command importing rich (some 40 ms of start-up; its wrapping costs more again). The lines are
those the rich renderers print, character for character, for text whose every character takes
one terminal cell (``is_narrow``): the renderers hand any other text (wide East Asian characters,
combining marks, tabs) to rich, which measures cells and expands tabs.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["is_narrow", "wrap"]

_NARROW_RANGES: tuple[tuple[int, int], ...] = (
    (0x20, 0x7E),  # ASCII letters, digits, punctuation, space
    (0xA0, 0xAC),  # Latin-1 punctuation (not the soft hyphen, U+00AD, which takes no cell)
    (0xAE, 0x2FF),  # Latin-1 letters, Latin Extended-A and -B, IPA, spacing modifiers
    (0x370, 0x482),  # Greek and Cyrillic letters (not the Cyrillic combining marks after them)
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese and other accented letters)
    (0x2010, 0x2027),  # dashes, curly quotation marks, bullets, ellipsis
    (0x2030, 0x205E),  # per mille, primes, guillemets, other punctuation
    (0x20A0, 0x20C0),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols (numero sign, trade mark)
    (0x2190, 0x22FF),  # arrows (the renderers' → and ↳) and mathematical operators
)
"""Code points that take exactly one terminal cell, as rich measures them (a test checks each)."""

_NARROW = frozenset(chr(code) for start, end in _NARROW_RANGES for code in range(start, end + 1))
_NARROW_OR_NEWLINE = _NARROW | {"\n"}

_WORD = re.compile(r"\s*\S+\s*")
"""A word and the white space around it, as rich divides a line."""
_TRAILING_SPACE = re.compile(r"\s+$")


def is_narrow(text: str) -> bool:
    """True when every character of ``text`` is a newline or takes one terminal cell."""
    return _NARROW_OR_NEWLINE.issuperset(text)


def wrap(text: str, width: int) -> list[str]:
    """Break narrow text (``is_narrow``) into lines of at most ``width`` columns, as rich does.

    Each newline starts a line; a line breaks before the word that would overflow it, and a word
    longer than the width is folded across lines. Trailing white space is stripped.
    """
    lines: list[str] = []
    for line in text.split("\n"):
        breaks = [0, *_breaks(line, width), len(line)]
        for start, end in itertools.pairwise(breaks):
            lines.append(_fit(line[start:end], width).rstrip())
    return lines


def _breaks(line: str, width: int) -> list[int]:
    # rich's ``divide_line`` with every character one cell wide.
    breaks: list[int] = []
    offset = 0
    for match in _WORD.finditer(line):
        start, word = match.start(), match.group()
        length = len(word.rstrip())
        if width - offset >= length:
            offset += len(word)
        elif length > width:
            chunks = [word[index : index + width] for index in range(0, len(word), width)]
            for number, chunk in enumerate(chunks):
                if start:
                    breaks.append(start)
                if number == len(chunks) - 1:
                    offset = len(chunk)
                else:
                    start += len(chunk)
        elif offset and start:
            breaks.append(start)
            offset = len(word)
    return breaks


def _fit(piece: str, width: int) -> str:
    # rich drops the white space that overflows the width, then crops whatever still does.
    if len(piece) > width:
        trailing = _TRAILING_SPACE.search(piece)
        if trailing is not None:
            piece = piece[: len(piece) - min(len(trailing.group()), len(piece) - width)]
    return piece[:width]
