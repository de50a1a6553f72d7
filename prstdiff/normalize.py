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
from collections.abc import Sequence

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
# ``_WORD`` on ASCII text, where ``[^\W_]`` is exactly ``[0-9A-Za-z]`` and the joiners ``-'``.
_ASCII_WORD = re.compile(r"[0-9A-Za-z]+(?:[-'][0-9A-Za-z]+)*")
_INNER_JOINERS = re.compile(r"[-‐‑–'’]")
# Soft hyphens and zero-width characters that PDF text carries inside words.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_INVISIBLE_CHARS = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_DISPLAY_TOKEN = re.compile(r"\s+|\S+\s*")
# ``_DISPLAY_TOKEN`` on a text that does not open with white space: every token is a word.
_DISPLAY_WORD = re.compile(r"\S+\s*")

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


def _alternatives(words: str) -> str:
    """A regex matching any of the space-separated words, grouped by first letter for speed."""
    tails: dict[str, list[str]] = {}
    for word in words.split():
        tails.setdefault(word[0], []).append(re.escape(word[1:]))
    return "|".join(
        f"{head}(?:{'|'.join(sorted(rest, key=len, reverse=True))})" for head, rest in tails.items()
    )


# A superset of the words ``_join_split_words`` could join, matched in the space-joined words
# (padded with a space each side): a one- or two-letter word that is not a short word (a
# fragment, as head or tail; a lower-case possessive ``s`` is one), a tail fragment, or a word
# opening with a non-onset consonant pair. Paragraphs without one (most of them) skip the
# per-word loop; the exact rule still decides the others.
# ``[^\W\d_A-Z]`` leaves out only what cannot be a lower-case letter, so nothing is missed. The
# leading literal space lets the regex engine jump from word to word; the cheap lookaheads come
# first so that most words fail each branch at their first character.
def _split_candidates(lower: str, consonant: str) -> re.Pattern[str]:
    """The candidate regex, given classes containing every lower-case letter (and consonant)."""
    return re.compile(
        rf" (?:(?={lower}{{1,2}} )(?!(?:{_alternatives(_SHORT_WORD_LIST)}) )"
        rf"|(?:{_alternatives(_TAIL_FRAGMENT_LIST)}) "
        rf"|(?={consonant}{{2}})(?!{_alternatives(_ONSET_LIST)}))"
    )


_SPLIT_CANDIDATE = _split_candidates(r"[^\W\d_A-Z]", r"[^\W\d_A-Zaeiouy]")
# The same on ASCII text, where plain ranges are exact and faster to test.
_ASCII_SPLIT_CANDIDATE = _split_candidates("[a-z]", "[b-df-hj-np-tv-xz]")
# A capital ``S`` (often a document symbol, ``S/2004/27``) or ``ſ`` word only joins as a possessive
# cut after its apostrophe: an apostrophe, then only the non-word characters of the gap.
_POSSESSIVE_S = re.compile(r"['’][\W_]*[Sſ](?![^\W_])")


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


def _join_split_words(
    words: list[str], originals: list[str], gaps: list[str], at: Sequence[int] | None = None
) -> list[str]:
    """Rejoin words that extraction split with spaces, where the fragments decide it.

    ``at``, where known, holds (ascending) every index at which a join can start, and maybe
    more (``_join_points``): the rule is only tried there, every other word is kept as it is.
    """
    joined: list[str] = []
    index = 0
    for point in range(len(words)) if at is None else at:
        if point < index:
            continue  # the second half of a join just made
        if point > index:
            joined += words[index:point]
            index = point
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
    joined += words[index:]
    return joined


def _join_points(words: list[str], padded: str, match: re.Match[str] | None) -> list[int]:
    """The indices at which ``_join_split_words`` may join, ascending: around every word the
    candidate pattern finds in ``padded`` (it may be the head or the tail of a split word), and
    every ``s`` (a possessive cut off after its apostrophe). ``match`` is the pattern's first
    match in ``padded``, if any.

    The pattern finds a superset of the words the rule can join, word by word, so the rule tried
    only at these indices joins exactly what it joins tried at every word; most paragraphs that
    need it at all have a few such words among a hundred.
    """
    points: set[int] = set()
    while match is not None:
        # Each word of ``padded`` (" w0 w1 ... ") follows a space and holds none, and every match
        # starts at one of these spaces: the spaces before it count the words before it. Counted
        # at the few matches, not mapped for every word.
        index = padded.count(" ", 0, match.start())
        points.add(index)
        if index:
            points.add(index - 1)
        # Overlapping: a tail-fragment match takes the space before the next word with it.
        match = match.re.search(padded, match.start() + 1)
    index = -1
    while True:
        try:
            index = words.index("s", index + 1)
        except ValueError:
            break
        points.add(index)
    return sorted(points)


def key_words(text: str) -> list[str]:
    """The folded words of ``comparison_key(text)``: what word-level similarity scores."""
    folded = unicodedata.normalize("NFKC", text)
    # Each step below is skipped where it provably changes nothing: ``translate`` only deletes
    # the invisible characters, the leading numbering can only match at the start, and a
    # footnote mark needs a ``/``. Run on every paragraph, they cost as much as the words.
    if not folded.isascii() and _INVISIBLE_CHARS.search(folded):
        folded = folded.translate(_INVISIBLE)
    numbering = _LEADING_NUMBERING.match(folded)
    if numbering:
        folded = folded[numbering.end() :]
    if "/" in folded:
        folded = _FOOTNOTE_MARK.sub(" ", folded)
    # On ASCII text ``_WORD`` is ``_ASCII_WORD``, whose plain ranges the regex engine tests faster.
    ascii = folded.isascii()
    word_pattern = _ASCII_WORD if ascii else _WORD
    originals = word_pattern.findall(folded)
    if not originals:
        return []
    spaced = " ".join(originals)
    # Hyphens and apostrophes vanish: ``Secretary-General`` and the extracted
    # ``SecretaryGeneral`` meet in ``secretarygeneral``; ``Council’s`` in ``councils``. Folding
    # the space-joined words at once is the same as word by word: casefold maps each character
    # on its own (no context), never to or from a space, words hold no spaces, and every joiner
    # in them is an inner one. On ASCII, ``lower`` is ``casefold`` and faster, and the joiners
    # are ``-`` and ``'`` alone, which ``replace`` takes out faster than the pattern.
    if ascii:
        unjoined = spaced.replace("-", "").replace("'", "").lower()
    else:
        unjoined = _INNER_JOINERS.sub("", spaced)
        unjoined = unjoined.lower() if unjoined.isascii() else unjoined.casefold()
    words = unjoined.split(" ")
    padded = f" {spaced} "
    candidates = _ASCII_SPLIT_CANDIDATE if ascii else _SPLIT_CANDIDATE
    first = candidates.search(padded)
    if first is None and not (
        (" S " in padded or " ſ " in padded) and _POSSESSIVE_S.search(folded)
    ):
        return words
    # The text before each word, as the rule needs it; ``split`` ends with the text after the last.
    gaps = word_pattern.split(folded)[:-1]
    return _join_split_words(words, originals, gaps, _join_points(words, padded, first))


def comparison_key(text: str) -> str:
    """The folded text that decides "same language": casefolded, punctuation-free, single spaces."""
    return " ".join(key_words(text))


def display_words(text: str) -> list[str]:
    """Cut display text into word tokens (a word and its trailing spaces), losslessly.

    >>> display_words("Decides to remain  seized.")
    ['Decides ', 'to ', 'remain  ', 'seized.']
    """
    # Only a text opening with white space has a token that is not a word (its first); the
    # pattern without that alternative cuts the others a tenth faster.
    return (_DISPLAY_TOKEN if text[:1].isspace() else _DISPLAY_WORD).findall(text)
