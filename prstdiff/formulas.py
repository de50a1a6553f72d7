"""Folding of the Council's leading formulas, so language compares the same across document kinds.

The same words travel between a presidential statement, a resolution's preamble and its operative
part, each time behind a different formula::

    The Security Council further recognizes that regional organizations ...   (statement)
    Recognizing that regional organizations ...                               (preambular)
    Recognizes that regional organizations ...                                (operative)
    Also recognizes that regional organizations ...                           (operative)

``language_key`` removes what differs between these forms and nothing else: the subject (``The
Security Council``, ``The Council``, ``It``), the linking adverbs (``also``, ``further``, ``again``,
``once again``, ``moreover``, ``furthermore``), the leading paragraph number, and the inflection of
the leading verb, which is cut to its Snowball stem (``recognizes``, ``recognizing``,
``recognised`` -> ``recogn``, see ``prstdiff.tokens``), so verbs never seen before fold too. The
word diff of two paragraphs still works on display text and shows how the formula changed.
"""

from __future__ import annotations

import re

from prstdiff.normalize import comparison_key
from prstdiff.tokens import stem

__all__ = ["fold_formula", "language_key", "verb_stem"]

_NUMBER = re.compile(r"^(?:\(?[0-9]+\)?[.)]?\s+|\([a-z]{1,4}\)\s+)+")
_SUBJECT = re.compile(r"^(?:the\s+security\s+council|the\s+council|security\s+council|it)\b[\s,]*")
# "is" joins a subject to an adjective ("The Security Council is deeply concerned" = "Deeply
# concerned"); it is only dropped right after a subject, where it carries no meaning of its own.
_COPULA = re.compile(r"^is\s+")
_ADVERBS = re.compile(r"^(?:(?:also|further|again|once\s+again|moreover|furthermore)\b[\s,]*)+")
_WORD = re.compile(r"^([^\W\d_]+)(.*)$", re.DOTALL)


def verb_stem(word: str) -> str:
    """Cut a (lower-case) word to its similarity stem: ``prstdiff.tokens.stem``."""
    return stem(word)


def fold_formula(key: str) -> str:
    """Fold the leading formula of a comparison key (already casefolded and single-spaced)."""
    rest = _NUMBER.sub("", key, count=1)
    match = _SUBJECT.match(rest)
    # A paragraph that is only the subject ("The Security Council,") keeps it as its language.
    if match and match.end() < len(rest):
        rest = _COPULA.sub("", rest[match.end() :], count=1)
    rest = _ADVERBS.sub("", rest, count=1)
    word = _WORD.match(rest)
    if word is None:
        return rest if rest else key
    leading = verb_stem(word.group(1))
    tail = word.group(2)
    # "Recognizing also that ..." / "recalls again ...": adverbs after the verb fold the same way.
    stripped = tail.lstrip(" ,")
    after = _ADVERBS.match(stripped)
    if after:
        tail = " " + stripped[after.end() :]
    folded = (leading + tail).strip()
    return folded or key


def language_key(text: str) -> str:
    """Comparison key of a paragraph with its leading formula (subject, adverbs, verb) folded.

    >>> language_key("The Security Council further recognizes that regional organizations")
    'recogn that regional organizations'
    >>> language_key("Recognizing that regional organizations")
    'recogn that regional organizations'
    """
    return fold_formula(comparison_key(text))
