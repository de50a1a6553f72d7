"""Folding: every way prstdiff folds text before it compares it, one function per purpose.

The folds differ because they answer different questions, and each is kept exactly as its callers
need it (an index, a golden output, a match depends on each character it keeps or drops):

- **search folding** (``fold``, ``fold_words``, ``fold_tokens``, ``fold_word``): what a
  researcher means by the same words, for search, trace look-ups and the corpus index (below);
- **comparison keys** (``prstdiff.normalize.comparison_key``, ``key_words``): what counts as the
  same language between two documents. They mend what PDF extraction breaks (words split by a
  stray space, joined at a dropped line-end hyphen, footnote marks, the leading paragraph number)
  and keep spelling as printed: ``programme`` and ``program`` are different language;
- ``fold_by_spaces``: case and punctuation only, cutting words at white space alone, so that word
  ``n`` of the fold is display token ``n``; the comparison's shared-phrase finder maps a phrase
  back onto the display text with it, and it costs a tenth of ``key_words``;
- ``fold_subject``: case, hyphens dropped and other punctuation as a space, so an agenda item's
  ``Peace-keeping Force`` is the ``peacekeeping force`` a user types (series ``--match``);
- ``compact_symbol``: a document symbol's letters and digits only, upper case, so the running
  header ``S/RES//1454 (2002)`` of a page is the symbol ``S/RES/1454 (2002)``.

Search folding makes equal what a researcher means by the same words. A researcher who types
``secretary general``, ``cease-fire`` or ``programme`` means every way the documents print those
words:

- case, accents and Unicode compatibility forms (``ﬁ`` is ``fi``, ``Côte`` is ``cote``);
- quotes, dashes, apostrophes and every other punctuation mark separate words and are otherwise
  ignored (``Secretary-General's`` is the words ``secretary general s``);
- British and American spelling: ``-ize``/``-ise``, ``-yze``/``-yse``, ``-our``/``-or`` and a
  short list of words (``programme``, ``centre``, ``defence``, ``judgement``...) fold to one form;
- spaces and hyphens between words do not count inside a phrase: ``ceasefire``, ``cease-fire`` and
  ``cease fire`` are one phrase, as are ``Secretary-General`` and the ``SecretaryGeneral`` of a PDF
  line-end hyphen. The phrase must still begin and end on word boundaries, so ``war`` does not
  find ``warfare``.

Display text is never changed; ``fold_tokens`` gives each folded word's place in the original text
so a match can be shown where it stands.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = [
    "FOLDING_VERSION",
    "Token",
    "compact_symbol",
    "find_phrase",
    "fold",
    "fold_by_spaces",
    "fold_subject",
    "fold_tokens",
    "fold_word",
    "fold_words",
    "joined",
    "without_marks",
]

FOLDING_VERSION = 1
"""Changes whenever search folding folds differently, so an index built with another is rebuilt."""

_WORD = re.compile(r"[^\W_]+")
_NOT_WORD = re.compile(r"[^\w\s]+|_+")
# What ``_NOT_WORD`` takes out of ASCII text, as a table ``str.translate`` applies ten times
# faster than the pattern; and the typographic marks that alone make most paragraphs non-ASCII.
_ASCII_MARKS = dict.fromkeys(code for code in range(128) if _NOT_WORD.fullmatch(chr(code)))
_TYPOGRAPHIC_MARKS = tuple(char for char in "’‘“”–—…" if _NOT_WORD.fullmatch(char))
_NOT_WORD_RUN = re.compile(r"[^\w]+")
_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]+")
_ACCENTS = re.compile(r"[\u0300-\u036f]")
# British ``-ise``/``-yse`` endings fold to the American ``-ize``/``-yze``: at least three letters
# must stand before the ending (``rise``, ``raise``, ``noise`` keep theirs) and words English only
# spells with ``s`` are kept (``_keeps_ise``).
_ISE = re.compile(r"(?<=[a-z]{3})([iy])s(e|ed|es|er|ers|ing|ation|ations|ational|ationally)$")
_ISE_KEPT_STEMS = (
    *("advertis", "advis", "apprais", "aris", "chastis", "compris", "compromis", "demis"),
    *("despis", "devis", "disguis", "enterpris", "exercis", "expertis", "franchis", "improvis"),
    *("merchandis", "practis", "prais", "premis", "promis", "revis", "supervis", "surmis"),
    *("surpris", "televis", "treatis", "cruis", "bruis"),
)
_ISE_KEPT_ENDINGS = ("wise", "wised", "cise", "cised", "cises", "cising", "mise", "mised", "vise")
# British ``-our`` folds to ``-or`` (``colour``, ``behaviour``, ``favourable``), two letters at
# least before it so ``hour``, ``your`` and ``tours`` keep theirs.
_OUR = re.compile(r"(?<=[a-z]{2})our(s|ed|ing|er|ers|able|ably|ite|ites|ful|fully|less|ism)?$")
# ``-our`` words that are not British spellings of ``-or`` words.
_OUR_KEPT = frozenset(
    {"contour", "contours", "detour", "detours", "devour", "devours", "devoured", "devouring"}
    | {"flour", "flours", "troubadour", "paramour", "velour"}
)
# Whole words whose British and American spellings differ otherwise (American form second).
_SPELLINGS = {
    "programme": "program",
    "programmes": "programs",
    "programmed": "programed",
    "programming": "programing",
    "centre": "center",
    "centres": "centers",
    "centred": "centered",
    "theatre": "theater",
    "theatres": "theaters",
    "metre": "meter",
    "metres": "meters",
    "kilometre": "kilometer",
    "kilometres": "kilometers",
    "litre": "liter",
    "litres": "liters",
    "fibre": "fiber",
    "defence": "defense",
    "defences": "defenses",
    "offence": "offense",
    "offences": "offenses",
    "licence": "license",
    "licences": "licenses",
    "pretence": "pretense",
    "judgement": "judgment",
    "judgements": "judgments",
    "acknowledgement": "acknowledgment",
    "acknowledgements": "acknowledgments",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "fulfilment": "fulfillment",
    "enrolment": "enrollment",
    "enrol": "enroll",
    "instalment": "installment",
    "instalments": "installments",
    "counselling": "counseling",
    "labelled": "labeled",
    "labelling": "labeling",
    "cancelled": "canceled",
    "cancelling": "canceling",
    "travelled": "traveled",
    "travelling": "traveling",
    "modelling": "modeling",
    "signalled": "signaled",
    "fuelled": "fueled",
    "channelled": "channeled",
    "levelled": "leveled",
    "totalled": "totaled",
    "marshalling": "marshaling",
    "grey": "gray",
    "dialogue": "dialog",
    "dialogues": "dialogs",
    "catalogue": "catalog",
    "analogue": "analog",
    "cheque": "check",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "aeroplane": "airplane",
    "aluminium": "aluminum",
    "sulphur": "sulfur",
    "paediatric": "pediatric",
    "oestrogen": "estrogen",
    "towards": "toward",
    "whilst": "while",
    "amongst": "among",
}


@dataclass(frozen=True, slots=True)
class Token:
    """A folded word and where it stands in the original text."""

    word: str
    """The folded word."""
    start: int
    """Offset of its first character in the original text."""
    end: int
    """Offset just past its last character."""


def fold_word(word: str) -> str:
    """One word folded: lower case, no accents, one spelling for British and American forms.

    >>> fold_word("Organisations"), fold_word("Labour"), fold_word("programme"), fold_word("rise")
    ('organizations', 'labor', 'program', 'rise')
    """
    lowered = _ACCENTS.sub("", unicodedata.normalize("NFKD", word.casefold()))
    if lowered in _SPELLINGS:
        return _SPELLINGS[lowered]
    if lowered.isascii() and len(lowered) > 4:
        if not (lowered.startswith(_ISE_KEPT_STEMS) or lowered.endswith(_ISE_KEPT_ENDINGS)):
            lowered = _ISE.sub(r"\1z\2", lowered)
        if lowered not in _OUR_KEPT:
            lowered = _OUR.sub(lambda m: "or" + (m.group(1) or ""), lowered)
    return lowered


_fold_known = functools.lru_cache(maxsize=1 << 16)(fold_word)
"""``fold_word`` remembered: a corpus has a few ten thousand distinct words in millions."""


def fold_tokens(text: str) -> list[Token]:
    """The folded words of a text, each with its place in the text.

    >>> [t.word for t in fold_tokens("the Secretary-General’s “cease‑fire”")]
    ['the', 'secretary', 'general', 's', 'cease', 'fire']
    """
    tokens: list[Token] = []
    # Compatibility forms (``ﬁ``) are folded word by word so the offsets stay the text's own.
    for found in _WORD.finditer(text):
        tokens.append(Token(_fold_known(found.group()), found.start(), found.end()))
    return tokens


def fold_words(text: str) -> list[str]:
    """The folded words of a text."""
    return [token.word for token in fold_tokens(text)]


def fold(text: str) -> str:
    """The folded words of a text, joined by single spaces: what the index stores for search.

    >>> fold("Welcomes the Organisation’s CEASE-FIRE")
    'welcomes the organization s cease fire'
    """
    return " ".join(map(_fold_known, _WORD.findall(text)))


def joined(words: Sequence[str]) -> str:
    """Folded words run together: what a phrase is matched on, spaces and hyphens aside."""
    return "".join(words)


def find_phrase(phrase: Sequence[str], words: Sequence[str]) -> list[tuple[int, int]]:
    """Where a phrase's folded words stand in a text's folded words, spaces aside.

    Returns ``(first, last + 1)`` word positions of each match; a match begins at a word's
    beginning and ends at a word's end, wherever the text puts its spaces in between.

    >>> find_phrase(["ceasefire"], ["a", "cease", "fire", "and", "a", "ceasefire"])
    [(1, 3), (5, 6)]
    """
    target = joined(phrase)
    if not target:
        return []
    found: list[tuple[int, int]] = []
    for first in range(len(words)):
        if not target.startswith(words[first]):
            continue
        length = 0
        for last in range(first, len(words)):
            offset = length
            length += len(words[last])
            if length > len(target) or not target.startswith(words[last], offset):
                break
            if length == len(target):
                found.append((first, last + 1))
                break
    return found


def fold_by_spaces(text: str) -> str:
    """Casefolded letters and digits, words cut at white space only, as ``display_words`` cuts.

    A light fold (not ``key_words``, which rejoins split words and costs ten times more): quotes,
    punctuation, hyphens and case do not break a phrase, and word ``n`` of the fold is display
    token ``n`` (tokens without a letter or digit left out).

    >>> fold_by_spaces("the Secretary-General’s  “report”").split()
    ['the', 'secretarygenerals', 'report']
    """
    return without_marks(unicodedata.normalize("NFKC", text).casefold())


def without_marks(text: str) -> str:
    """Only the letters, digits and white space of a text: punctuation, symbols and ``_`` go."""
    # Each character goes or stays on its own, so taking some out first changes nothing.
    if not text.isascii():
        for mark in _TYPOGRAPHIC_MARKS:
            if mark in text:
                text = text.replace(mark, "")
        if not text.isascii():
            return _NOT_WORD.sub("", text)
    return text.translate(_ASCII_MARKS)


def fold_subject(text: str) -> str:
    """Case-folded text with hyphens dropped and punctuation as single spaces, for matching.

    >>> fold_subject("United Nations Peace-keeping Force (Cyprus)")
    'united nations peacekeeping force cyprus'
    """
    return " ".join(
        _NOT_WORD_RUN.sub(" ", text.casefold().replace("-", "").replace("‐", "")).split()
    )


def compact_symbol(text: str) -> str:
    """A symbol with everything but letters and digits removed, so variants compare equal.

    >>> compact_symbol("S/RES//1454 (2002)") == compact_symbol("S/RES/1454 (2002)")
    True
    """
    return _NOT_ALNUM.sub("", text).upper()
