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
the leading verb, which is cut to a stem by rule (``recognizes``, ``recognizing``, ``recognized`` ->
``recogniz``), so verbs never seen before fold too. The word diff of two paragraphs still works on
display text and shows how the formula changed.
"""

from __future__ import annotations

import re

from prstdiff.normalize import comparison_key

__all__ = ["fold_formula", "language_key", "verb_stem"]

_NUMBER = re.compile(r"^(?:\(?[0-9]+\)?[.)]?\s+|\([a-z]{1,4}\)\s+)+")
_SUBJECT = re.compile(r"^(?:the\s+security\s+council|the\s+council|security\s+council|it)\b[\s,]*")
# "is" joins a subject to an adjective ("The Security Council is deeply concerned" = "Deeply
# concerned"); it is only dropped right after a subject, where it carries no meaning of its own.
_COPULA = re.compile(r"^is\s+")
_ADVERBS = re.compile(r"^(?:(?:also|further|again|once\s+again|moreover|furthermore)\b[\s,]*)+")
_WORD = re.compile(r"^([^\W\d_]+)(.*)$", re.DOTALL)
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def verb_stem(word: str) -> str:
    """Cut an English verb form to a stem shared by its -s, -es, -ing and -ed forms (lower case)."""
    stem = word
    if len(stem) > 4:
        stem = _SUFFIX.sub("", stem, count=1) if not stem.endswith("ss") else stem
    # "agrees" -> "agre" and "agreeing" -> "agree": final e's are not part of the stem.
    if len(stem) > 3 and stem.endswith("e"):
        stem = stem.rstrip("e") or stem
    # "notifies" -> "notifi", "notify" -> "notifi".
    if len(stem) > 3 and stem.endswith("y"):
        stem = stem[:-1] + "i"
    # British and American spellings of -ize verbs ("recognising", "recognizing") share a stem.
    if len(stem) > 5 and stem.endswith("is"):
        stem = stem[:-1] + "z"
    # "regretting" -> "regrett", "regrets" -> "regret"; undoubling both sides keeps them equal.
    if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1].isalpha():
        stem = stem[:-1]
    return stem


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
    stem = verb_stem(word.group(1))
    tail = word.group(2)
    # "Recognizing also that ..." / "recalls again ...": adverbs after the verb fold the same way.
    stripped = tail.lstrip(" ,")
    after = _ADVERBS.match(stripped)
    if after:
        tail = " " + stripped[after.end() :]
    folded = (stem + tail).strip()
    return folded or key


def language_key(text: str) -> str:
    """Comparison key of a paragraph with its leading formula (subject, adverbs, verb) folded.

    >>> language_key("The Security Council further recognizes that regional organizations")
    'recogniz that regional organizations'
    >>> language_key("Recognizing that regional organizations")
    'recogniz that regional organizations'
    """
    return fold_formula(comparison_key(text))
