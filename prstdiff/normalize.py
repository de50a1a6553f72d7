"""Comparison keys and word tokens: what counts as "the same language" despite PDF extraction.

Display text is never changed here; these functions only derive keys from it. A key folds what
text extraction breaks without the drafters meaning it: Unicode compatibility forms, curly and
straight quotes, dash variants, whitespace and line breaks, words joined where a line-end hyphen
was dropped (``SecretaryGeneral`` = ``Secretary-General``), words split by a stray space
(``inclu ding``), footnote marks (``1/``) and the leading paragraph number.

>>> comparison_key("15. Recognizes the role of the SecretaryGeneral;")
'recognizes the role of the secretarygeneral'
>>> comparison_key("“The Security Council recognizes the role of the Secretary-General.")
'the security council recognizes the role of the secretarygeneral'
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["comparison_key", "display_words", "key_words"]

# Leading numbering is part of the layout, not of the language: ``12.``, ``(a)``, ``(iv)``, and
# the opening quotation mark of a presidential-statement paragraph.
_LEADING_NUMBERING = re.compile(
    r"^\s*(?:[\"“”‘’'«]\s*)?(?:(?:\d{1,3}\.|\([a-z]{1,2}\)|\([ivxlc]{1,6}\))\s+)+",
    re.IGNORECASE,
)
# ``1/`` style footnote marks of the 1990s documents; ``60/180`` (a symbol) is not one.
_FOOTNOTE_MARK = re.compile(r"(?<=\s)\d{1,2}/(?=[\s,.;:]|$)")
# A word: letters and digits, with inner hyphens or apostrophes kept together for now.
_WORD = re.compile(r"[^\W_]+(?:[-‐‑–'’][^\W_]+)*")
_INNER_JOINERS = re.compile(r"[-‐‑–'’]")
_DISPLAY_TOKEN = re.compile(r"\s+|\S+\s*")

# Fragments that only occur as the tail of a word cut in two by extraction (``inclu ding``,
# ``opera tion``); none of them is an English word on its own.
_TAIL_FRAGMENTS = frozenset(
    [
        "tion",
        "tions",
        "sion",
        "sions",
        "ment",
        "ments",
        "ness",
        "ding",
        "dings",
        "ance",
        "ances",
        "ence",
        "ences",
        "ities",
        "ably",
        "ibly",
        "ized",
        "izing",
        "ised",
        "ising",
        "ically",
        "ously",
        "tive",
        "tives",
        "ture",
        "tures",
    ]
)
# One- and two-letter words of English; any other one- or two-letter lowercase fragment
# followed by a lowercase word is the head of a split word (``o ngoing``, ``di plomacy``).
_SHORT_WORDS = frozenset(
    [
        "a",
        "i",
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
        "ad",
        "ah",
        "al",
        "de",
        "du",
        "eh",
        "el",
        "et",
        "ex",
        "ha",
        "hi",
        "ho",
        "id",
        "la",
        "le",
        "ma",
        "mr",
        "ms",
        "oh",
        "ok",
        "ox",
        "pa",
        "pi",
        "re",
        "st",
        "th",
        "un",
        "vs",
    ]
)


def _join_split_words(words: list[str], originals: list[str]) -> list[str]:
    """Rejoin fragments that extraction split with a space, where the fragments decide it."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if index + 1 < len(words):
            following = words[index + 1]
            head, tail = originals[index], originals[index + 1]
            both_lower = head.islower() and tail.islower() and head.isalpha() and tail.isalpha()
            if both_lower and (
                (len(head) <= 2 and head not in _SHORT_WORDS and len(tail) >= 3)
                or (tail in _TAIL_FRAGMENTS and len(head) >= 3)
            ):
                joined.append(word + following)
                index += 2
                continue
        joined.append(word)
        index += 1
    return joined


def key_words(text: str) -> list[str]:
    """The folded words of ``comparison_key(text)``: what word-level similarity scores."""
    folded = unicodedata.normalize("NFKC", text)
    folded = _LEADING_NUMBERING.sub("", folded, count=1)
    folded = _FOOTNOTE_MARK.sub(" ", folded)
    originals = _WORD.findall(folded)
    # Hyphens and apostrophes vanish: ``Secretary-General`` and the extracted
    # ``SecretaryGeneral`` meet in ``secretarygeneral``; ``Council’s`` in ``councils``.
    words = [_INNER_JOINERS.sub("", word).casefold() for word in originals]
    return _join_split_words(words, originals)


def comparison_key(text: str) -> str:
    """The folded text that decides "same language": casefolded, punctuation-free, single spaces."""
    return " ".join(key_words(text))


def display_words(text: str) -> list[str]:
    """Cut display text into word tokens (a word and its trailing spaces), losslessly.

    >>> display_words("Decides to remain  seized.")
    ['Decides ', 'to ', 'remain  ', 'seized.']
    """
    return _DISPLAY_TOKEN.findall(text)
