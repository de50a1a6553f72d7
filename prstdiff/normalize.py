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
# Soft hyphens and zero-width characters that PDF text carries inside words.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_DISPLAY_TOKEN = re.compile(r"\s+|\S+\s*")

# Fragments that only occur as the tail of a word cut in two by extraction (``includ ing``,
# ``substant ive``, ``internat ional``); none of them is an English word on its own.
_TAIL_FRAGMENT_LIST = (
    "ing ings tion tions sion sions ation ations ional ionally ment ments ness ding dings ents "
    "ance ances ence ences ity ities ably ibly ized izing ised ising ise ically ously tive tives "
    "ive ives ture tures tes"
)
_TAIL_FRAGMENTS = frozenset(_TAIL_FRAGMENT_LIST.split())
# The one- and two-letter words of English (and of the Latin and French in UN texts). Any other
# fragment that short, in lower case, was cut from its neighbour: a head joins the next word
# (``o ngoing``, ``di plomacy``), a tail the previous one (``othe r``, ``shari ng``).
_SHORT_WORD_LIST = (
    "a i am an as at be by do go he if in is it me my no of on or so to up us we "
    "ad ah al co de du eh el en et ex ha hi ho id la le ma mr ms oh ok ox pa pi re un vs"
)
_SHORT_WORDS = frozenset(_SHORT_WORD_LIST.split())
# Words a cut-off fragment never ends: ``the o ngoing`` is ``the ongoing``, not ``theo ngoing``.
_FUNCTION_WORD_LIST = (
    "the and for its with that their this from are was were has have had which who whose into "
    "upon under all any not also such these those than then them they there where when while"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())
_APOSTROPHES = frozenset("'’")


# Two consonants that open English words; a lower-case word opening with any other pair (``nd``,
# ``ngoing``, ``ncluding``, ``pproach``) is the tail of a word cut by extraction.
_ONSET_LIST = (
    "bl br ch cl cr dr dw fl fr gh gl gn gr kl kn kr ph pl pn pr ps rh sc sh sk sl sm sn sp sq st "
    "sv sw th tr ts tw wh wr"
)
_ONSETS = frozenset(_ONSET_LIST.split())
_VOWELS = frozenset("aeiouy")


def _is_fragment(word: str) -> bool:
    return len(word) <= 2 and word.isalpha() and word.islower() and word not in _SHORT_WORDS


def _opens_impossibly(word: str) -> bool:
    return (
        len(word) >= 2
        and word[0] not in _VOWELS
        and word[1] not in _VOWELS
        and word[:2] not in _ONSETS
        and word not in _SHORT_WORDS
    )


def _join_split_words(words: list[str], originals: list[str], gaps: list[str]) -> list[str]:
    """Rejoin words that extraction split with spaces, where the fragments decide it."""
    joined: list[str] = []
    index = 0
    while index < len(words):
        if joined and words[index] == "s" and _APOSTROPHES.intersection(gaps[index]):
            # ``women’ s work``: a possessive cut off after its apostrophe.
            joined[-1] += "s"
            index += 1
            continue
        word = words[index]
        if index + 1 < len(words) and gaps[index + 1].isspace():
            head, tail = originals[index], originals[index + 1]
            lower = head.isalpha() and tail.isalpha() and head.islower() and tail.islower()
            if lower and (
                (
                    _is_fragment(head)
                    and (len(tail) >= 3 or _is_fragment(tail))
                    and tail not in _FUNCTION_WORDS
                )
                or (_is_fragment(tail) and len(head) >= 3 and head not in _FUNCTION_WORDS)
                or (tail in _TAIL_FRAGMENTS and len(head) >= 3)
                or _opens_impossibly(tail)
            ):
                joined.append(word + words[index + 1])
                index += 2
                continue
        joined.append(word)
        index += 1
    return joined


def key_words(text: str) -> list[str]:
    """The folded words of ``comparison_key(text)``: what word-level similarity scores."""
    folded = unicodedata.normalize("NFKC", text).translate(_INVISIBLE)
    folded = _LEADING_NUMBERING.sub("", folded, count=1)
    folded = _FOOTNOTE_MARK.sub(" ", folded)
    originals: list[str] = []
    gaps: list[str] = []
    end = 0
    for match in _WORD.finditer(folded):
        originals.append(match[0])
        gaps.append(folded[end : match.start()])
        end = match.end()
    # Hyphens and apostrophes vanish: ``Secretary-General`` and the extracted
    # ``SecretaryGeneral`` meet in ``secretarygeneral``; ``Council’s`` in ``councils``.
    words = [_INNER_JOINERS.sub("", word).casefold() for word in originals]
    return _join_split_words(words, originals, gaps)


def comparison_key(text: str) -> str:
    """The folded text that decides "same language": casefolded, punctuation-free, single spaces."""
    return " ".join(key_words(text))


def display_words(text: str) -> list[str]:
    """Cut display text into word tokens (a word and its trailing spaces), losslessly.

    >>> display_words("Decides to remain  seized.")
    ['Decides ', 'to ', 'remain  ', 'seized.']
    """
    return _DISPLAY_TOKEN.findall(text)
