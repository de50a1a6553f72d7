"""Word folding for similarity: the English Snowball stemmer, minus what must never fold.

Similarity compares paragraphs by the stems of their words (``stem``): ``noting`` / ``notes``,
``decides`` / ``decided``, ``organization`` / ``organizations`` are the same carried word. A stem
must never merge words whose difference is content, so these are kept exactly as written:

- Roman numerals (``Chapter VII`` / ``Chapter VIII``, ``annex II``);
- negations: ``not``, ``no``, ``non``, ``none``, ``nor``, ``neither``;
- anything holding a digit (``2023``, ``1325``, ``S/2021/5`` parts, ``31st``);
- the month names, so a date stays a date (``May`` is not the verb ``may`` made smaller).

British and American spellings fold to one before stemming (``organisation`` / ``organization``,
``labour`` / ``labor``, ``centre`` / ``center``, ``programme`` / ``program``, ``defence`` /
``defense``): the Council's texts change house style over the decades without changing content.

>>> [stem(w) for w in ("noting", "notes", "committee", "committed", "none", "viii", "vii")]
['note', 'note', 'committe', 'commit', 'none', 'viii', 'vii']
>>> stem("organisations") == stem("organization")
True
"""

from __future__ import annotations

import functools
import re

import Stemmer  # type: ignore[import-not-found,unused-ignore]

__all__ = ["KEPT_WORDS", "stem"]

_STEMMER = Stemmer.Stemmer("english")
# A well-formed Roman numeral up to 3999 (``i``, ``iv``, ``viii``, ``xlii``, ``mcmxc``).
_ROMAN = re.compile(r"m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
_NEGATIONS = ("not", "no", "non", "none", "nor", "neither")
_MONTHS = "january february march april may june july august september october november december"
KEPT_WORDS = frozenset((*_NEGATIONS, *_MONTHS.split(" ")))
"""Words never stemmed besides Roman numerals and words with digits (see the module docstring)."""

# British -> American spellings, on the lower-case word before stemming. ``-ise`` forms go to
# ``-ize`` only past a 4-letter head so ``rise``, ``wise``, ``noise`` keep theirs (both sides
# of a comparison fold the same way, so a rare over-fold such as ``premise`` costs nothing).
_BRITISH = (
    (re.compile(r"(?<=\w{4})is(e|es|ed|ing|ation|ations|ational)$"), r"iz\1"),
    (re.compile(r"(?<=\w{3})our(s|ed|ing|able|ably|ite|ites)?$"), r"or\1"),
    (re.compile(r"(?<=\w{3})tre(s)?$"), r"ter\1"),
    (re.compile(r"^programme(s|d)?$"), r"program\1"),
    (re.compile(r"^(defen|offen|licen)ce(s)?$"), r"\1se\2"),
)
# Most words end in none of these: one search for all of them is a fifth of the cost of the five
# substitutions (a word that matches none is left as it is by each of them).
_ANY_BRITISH = re.compile("|".join(pattern.pattern for pattern, _ in _BRITISH))


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The similarity stem of a lower-case word: Snowball English, spellings folded, some kept."""
    if word in KEPT_WORDS or any(c.isdigit() for c in word) or _ROMAN.fullmatch(word):
        return word
    if _ANY_BRITISH.search(word):
        for pattern, replacement in _BRITISH:
            word = pattern.sub(replacement, word)
    result: str = _STEMMER.stemWord(word)
    return result
