"""Notable edits: what changed that matters in an altered pair of paragraphs.

An analyst of a renewal does not weigh every edit the same. ``notable_edits`` points out, for any
two texts, the edits that change what the Council says or does:

- ``formula``: the leading verb or formula (``Encourages`` -> ``Urges``), with its direction on
  the scale of ``prstdiff/data/formulas.toml``. The statement, preambular and operative forms of
  one formula are the same formula (``The Security Council further recognizes`` = ``Recognizing``:
  the folding of ``prstdiff.formulas``), so folding alone is never notable;
- ``qualifier``: intensifiers and softeners added or removed (``strongly``, ``as appropriate``);
- ``negation``: ``not``, ``no``, ``non-``, ``neither``, ``nor``, ``cannot`` added or removed;
- ``date``: dates (with ISO 8601 values), years and periods (``within 90 days``, ``six months``);
- ``number``: figures (``860`` -> ``1,000``, ``10 per cent``);
- ``citation``: cited documents added or removed, as the reader's citation parser finds them;
- ``charter``: Chapters and Articles of the Charter added, removed or changed.

Each kind is found in both texts and the two lists compared, so wording that only moves inside
the paragraph is not notable; dates, numbers and Charter references removed and added are paired
in text order into changes (``31 July 2021`` -> ``31 January 2022``). Words the word diff marks
as extraction artefacts (``Op.ARTEFACT``) count as unchanged. Each edit names the word operations
that hold it (``NotableEdit.ops``, a half-open range of indices into the operations).

>>> edit, = notable_edits("Encourages States to act", "Urges States to act")
>>> edit.kind.value, edit.old, edit.new, edit.direction.value
('formula', 'Encourages', 'Urges', 'stronger')
>>> edit, = notable_edits("until 31 July 2021;", "until 31 January 2022;")
>>> edit.kind.value, edit.old_date, edit.new_date, edit.ops
('date', '2021-07-31', '2022-01-31', (1, 3))
"""

from __future__ import annotations

import re
import string
import tomllib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any, NamedTuple

from prstdiff.formulas import verb_stem
from prstdiff.model import Direction, NotableEdit, NotableKind, Op, WordOp
from prstdiff.parse.metadata import MONTH_NUMBERS, find_citations
from prstdiff.worddiff import diff_words

__all__ = [
    "KIND_ORDER",
    "Formula",
    "FormulaTable",
    "NotableOptions",
    "formula_table",
    "notable_edits",
]

KIND_ORDER: tuple[NotableKind, ...] = tuple(NotableKind)
"""The order kinds are listed in summaries and tables."""


@dataclass(frozen=True, slots=True)
class NotableOptions:
    """Tunable limits of the notable-edit finder."""

    formula_words: int = 8
    """Words read at the start of a paragraph for its formula: the longest form (``takes note with
    appreciation``) plus intensifiers and possessives (``expresses its deep concern``)."""
    aside_words: int = 48
    """Words read past the subject for a clause before the verb (``The Security Council, while
    maintaining the primary responsibility for ..., encourages``): room for a clause of some
    forty words, and reading more costs little."""
    charter_context: int = 80
    """Characters after ``Article 8`` in which ``of the Statute`` (or another instrument) shows
    that the article is not one of the Charter: long enough for ``of the Rome Statute of ...``."""
    window: int = 120
    """Characters read on each side of a changed run of words: more than any item that touches
    the change (``as soon as practically achievable``) plus the ``charter_context`` after it."""


@dataclass(frozen=True, slots=True)
class Formula:
    """One formula of the scale: its forms, its scale and its rank there."""

    scale: str
    """The scale it is ranked on (``directive``, ``condemnation``, ...)."""
    rank: int
    """Its rank on the scale; higher is stronger."""
    forms: tuple[str, ...]
    """The forms it takes, as printed in the table (``calls upon``, ``calls on``)."""
    why: str
    """The reason for its rank."""


@dataclass(frozen=True, slots=True)
class FormulaTable:
    """The scale of formulas and the qualifier words, as shipped in ``data/formulas.toml``."""

    formulas: tuple[Formula, ...]
    """Every formula of every scale."""
    scales: tuple[str, ...]
    """The scales' names, in the table's order."""
    intensifiers: frozenset[str]
    """Words that raise a formula one step (``strongly condemns``, ``deep concern``)."""
    stronger: tuple[str, ...]
    """Qualifiers whose addition strengthens a paragraph."""
    weaker: tuple[str, ...]
    """Qualifiers whose addition softens a paragraph."""

    def rank(self, words: str) -> Formula | None:
        """The formula whose form ``words`` is, in any inflection; None when none is."""
        key = _form_key(words)
        return next((f for f in self.formulas for form in f.forms if _form_key(form) == key), None)


@cache
def formula_table() -> FormulaTable:
    """The shipped table of formulas and qualifiers, read once."""
    text = resources.files("prstdiff").joinpath("data/formulas.toml").read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
        return _table(data)
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise RuntimeError(f"the formula table shipped with prstdiff is damaged: {error}") from None


def _table(data: dict[str, Any]) -> FormulaTable:
    scales = tuple(str(scale["name"]) for scale in data["scale"])
    formulas = []
    for entry in data["formula"]:
        if entry["scale"] not in scales:
            raise ValueError(f"unknown scale {entry['scale']!r}")
        forms = tuple(str(form) for form in entry["forms"])
        formulas.append(Formula(str(entry["scale"]), int(entry["rank"]), forms, str(entry["why"])))
    qualifiers = data["qualifiers"]
    return FormulaTable(
        formulas=tuple(formulas),
        scales=scales,
        intensifiers=frozenset(str(word) for word in qualifiers["intensifiers"]),
        stronger=tuple(str(phrase) for phrase in qualifiers["stronger"]),
        weaker=tuple(str(phrase) for phrase in qualifiers["weaker"]),
    )


def notable_edits(
    old_text: str,
    new_text: str,
    ops: Sequence[WordOp] | None = None,
    options: NotableOptions | None = None,
) -> tuple[NotableEdit, ...]:
    """The notable edits that turn ``old_text`` into ``new_text``, in text order.

    ``ops`` are the word operations between the two texts where they are known already (a
    pair's ``ops``); otherwise they are computed with ``diff_words``.

    >>> [(e.kind.value, e.old, e.new) for e in notable_edits("Decides to", "Decides not to")]
    [('negation', None, 'not')]
    """
    opts = options or NotableOptions()
    if ops is None:
        ops = diff_words(old_text, new_text)
    views = _Views.of(ops)
    if views.old == views.new:
        return ()
    table = formula_table()
    old_lead, read = _lead(views.old, table, opts)
    if _same_opening(views, opts, read):
        new_lead = old_lead
    else:
        new_lead, _ = _lead(views.new, table, opts)
    edits: list[_Found] = []
    formula = _formula_edit(old_lead, new_lead, views)
    if formula is not None:
        edits.append(formula)
    # In the formula, "further" only orders paragraphs ("Further requests"); an intensifier
    # there ("Deeply regrets") is both a formula change and a qualifier.
    old_skip = old_lead.end if old_lead else 0
    new_skip = new_lead.end if new_lead else 0
    # The citations of each text read (a window often is the whole text), for ``_cited``.
    citations: dict[str, list[_Item]] = {}
    old_items = _changed_items(views.old, views.changed_spans(0), opts, citations)
    new_items = _changed_items(views.new, views.changed_spans(1), opts, citations)
    for kind in (NotableKind.QUALIFIER, NotableKind.NEGATION, NotableKind.CITATION):
        old_of_kind = [i for i in old_items if i.kind is kind and _outside(i, old_skip)]
        new_of_kind = [i for i in new_items if i.kind is kind and _outside(i, new_skip)]
        if kind is NotableKind.CITATION and (old_of_kind or new_of_kind):
            # Citing is yes or no over the whole text: a document cited near a change but also
            # elsewhere on the other side is not added or removed, and twice is once.
            # Each side's citations are read only where the other side has some to check.
            if old_of_kind:
                new_cited = _cited(views.new, citations)
                old_of_kind = _first_of_each(i for i in old_of_kind if i.key not in new_cited)
            if new_of_kind:
                old_cited = _cited(views.old, citations)
                new_of_kind = _first_of_each(i for i in new_of_kind if i.key not in old_cited)
        if old_of_kind or new_of_kind:
            edits += _unpaired(kind, old_of_kind, new_of_kind, views, table)
    for kind in (NotableKind.DATE, NotableKind.NUMBER, NotableKind.CHARTER):
        old_of_kind = [i for i in old_items if i.kind is kind]
        new_of_kind = [i for i in new_items if i.kind is kind]
        if old_of_kind or new_of_kind:
            edits += _paired(kind, old_of_kind, new_of_kind, views)
    edits.sort(key=lambda found: found.order)
    return tuple(found.edit for found in edits)


def _same_opening(views: _Views, options: NotableOptions, read: int) -> bool:
    """Whether both texts open with the same words a formula is read from, in the same places:
    the text before the first inserted or deleted word is the same on both sides (artefacts
    stand in their new form on both), and it holds all those words, the space after them and
    more. The words are the ``read`` first ones that ``_lead`` read in the old text (it reads
    no more than the first ``formula_words + aside_words``): the new text has them too, and
    more, so ``_lead`` reads it the same way."""
    first = next((k for k, changed in enumerate(views.changed) if changed), None)
    if first is None:
        return views.old == views.new
    limit = min(read, options.formula_words + options.aside_words)
    same = views.old[: views.bounds[first][0]]
    return limit > 0 and len(same.split(None, limit)) > limit


def _first_of_each(items: Iterable[_Item]) -> list[_Item]:
    first: dict[str, _Item] = {}
    for item in items:
        first.setdefault(item.key, item)
    return list(first.values())


def _cited(text: str, citations: dict[str, list[_Item]]) -> set[str]:
    """The keys of every document a text cites; ``citations`` holds those of texts read already."""
    found = citations.get(text)
    if found is None:
        found = _citations(text)
    return {item.key for item in found}


def _outside(item: _Item, lead_end: int) -> bool:
    return item.start >= lead_end or item.key != "further"


# --- the two texts as the word operations give them -------------------------------------------


@dataclass(frozen=True, slots=True)
class _Views:
    """Old and new text rebuilt from word operations, artefacts in their new form on both sides."""

    old: str
    new: str
    bounds: tuple[tuple[int, int, int, int], ...]
    """Per operation: its start and end in the old view, then in the new view."""
    changed: tuple[bool, ...]
    """Per operation: whether it inserts or deletes words."""

    @classmethod
    def of(cls, ops: Sequence[WordOp]) -> _Views:
        old: list[str] = []
        new: list[str] = []
        bounds = []
        changed = []
        at_old = at_new = 0
        insert, delete = Op.INSERT, Op.DELETE
        for op in ops:
            # An artefact is the same words read two ways: the new form stands on both sides.
            text = op.text
            kind = op.op
            if kind is insert:
                end_new = at_new + len(text)
                new.append(text)
                bounds.append((at_old, at_old, at_new, end_new))
                at_new = end_new
                changed.append(True)
            elif kind is delete:
                end_old = at_old + len(text)
                old.append(text)
                bounds.append((at_old, end_old, at_new, at_new))
                at_old = end_old
                changed.append(True)
            else:
                size = len(text)
                old.append(text)
                new.append(text)
                bounds.append((at_old, at_old + size, at_new, at_new + size))
                at_old += size
                at_new += size
                changed.append(False)
        return cls("".join(old), "".join(new), tuple(bounds), tuple(changed))

    def touching(self, side: int, start: int, end: int) -> list[int]:
        """Indices of the operations whose text on ``side`` (0 old, 1 new) overlaps a span."""
        found = []
        for index, bound in enumerate(self.bounds):
            low, high = bound[2 * side], bound[2 * side + 1]
            if low < high and low < end and start < high:
                found.append(index)
        return found

    def place(
        self, old_span: tuple[int, int] | None, new_span: tuple[int, int] | None
    ) -> tuple[int, int] | None:
        """The operations holding an edit: changed ones where it has any, else all it touches."""
        indices: list[int] = []
        if old_span is not None:
            indices += self.touching(0, *old_span)
        if new_span is not None:
            indices += self.touching(1, *new_span)
        if not indices:
            return None
        changed = [index for index in indices if self.changed[index]]
        chosen = changed or indices
        return (min(chosen), max(chosen) + 1)

    def changed_spans(self, side: int) -> list[tuple[int, int]]:
        """Where the deleted (side 0) or inserted (side 1) words stand in that side's text."""
        spans = []
        for bound, changed in zip(self.bounds, self.changed, strict=True):
            start, end = bound[2 * side], bound[2 * side + 1]
            if changed and start < end:
                spans.append((start, end))
        return spans

    def in_change(self, side: int, start: int, end: int) -> bool:
        """Whether a span of one side overlaps an inserted or deleted run of words."""
        return any(self.changed[index] for index in self.touching(side, start, end))


@dataclass(frozen=True, slots=True)
class _Found:
    edit: NotableEdit
    order: tuple[int, int, int]


def _found(edit: NotableEdit, position: int) -> _Found:
    start = edit.ops[0] if edit.ops is not None else 1 << 30
    # Text order: by operation, then by place in the text, then by kind.
    return _Found(edit, (start, position, KIND_ORDER.index(edit.kind)))


# --- formulas ----------------------------------------------------------------------------------

_NUMBERING = re.compile(r"^(?:\(?\d+\)?[.)]?|\([a-z]{1,4}\)|[ivxl]{1,5}[.)])$", re.IGNORECASE)
_SUBJECTS: tuple[tuple[str, ...], ...] = (
    ("the", "security", "council"),
    ("the", "council"),
    ("security", "council"),
    ("it",),
)
_LINKING = frozenset({"also", "further", "again", "moreover", "furthermore"})
_SKIPPED = frozenset({"its", "their", "having"})
_ASIDES = frozenset({"while", "whilst", "in", "acting", "mindful", "bearing", "recalling"})
_STRONGEST = ("in", "the", "strongest", "terms")
_SUBJECT_WORDS = max(len(subject) for subject in _SUBJECTS) + 1
"""Most words a subject takes, with its copula ("The Security Council is")."""


_PUNCTUATION = ".,;:()[]\"'“”‘’"


def _stems(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(verb_stem(word) for word in words if word not in _SKIPPED)


@cache
def _form_key(form: str) -> tuple[str, ...]:
    return _stems(form.casefold().split())


@cache
def _forms_by_opening() -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """``_forms()`` by the stem each opens with, each list in the same order, the forms of no
    word (which any text opens with) at the end of every list."""
    forms = _forms()
    empty = _forms_of_no_word()
    openings = dict.fromkeys(key[0] for key, _ in forms if key)
    return {
        opening: (*(form for form in forms if form[0] and form[0][0] == opening), *empty)
        for opening in openings
    }


def _forms_opening(stem: str) -> tuple[tuple[tuple[str, ...], int], ...]:
    """The forms a text whose first kept stem is ``stem`` may open with, longest first."""
    found = _forms_by_opening().get(stem)
    return _forms_of_no_word() if found is None else found


@cache
def _forms_of_no_word() -> tuple[tuple[tuple[str, ...], int], ...]:
    """The forms whose every word is skipped: any text opens with them."""
    return tuple(form for form in _forms() if not form[0])


@cache
def _forms() -> tuple[tuple[tuple[str, ...], int], ...]:
    """Every form's stems with the index of its formula, longest first."""
    table = formula_table()
    keys = [(_form_key(form), i) for i, f in enumerate(table.formulas) for form in f.forms]
    return tuple(sorted(keys, key=lambda key: -len(key[0])))


@cache
def _longest_form() -> int:
    """The most words (stems) a form has, and at least one."""
    return max(1, *(len(key) for key, _ in _forms()))


@dataclass(frozen=True, slots=True)
class _Lead:
    """The leading formula of a text."""

    key: tuple[str, ...]
    """The folded words of the formula (stems)."""
    formula: int | None
    """Index of the formula in the table; None for a verb the table does not rank."""
    intensity: int
    """Intensifiers that open or follow it."""
    start: int
    end: int
    """Character span of the formula's words, intensifiers included, subject excluded."""
    text: str


def _lead(text: str, table: FormulaTable, options: NotableOptions) -> tuple[_Lead | None, int]:
    """The leading formula of a text, and how many of its first words were read to find it.

    Words past those are not read, and their number only matters while it is no more than
    those read (a text with more words reads the same): where both ``tokens`` are the same up
    to ``read`` and both texts have more words, the formula is the same.
    """
    # The formula stands in the first words: numbering, subject, copula, then the formula.
    # The first words, split at whitespace (what ``\S+`` finds), without the rest of the text.
    limit = options.formula_words + options.aside_words
    tokens = text.split(None, limit)[:limit] if limit > 0 else []
    at = 0
    while at < len(tokens) and _NUMBERING.match(tokens[at]):
        at += 1
    # Words are read up to the formula and what may follow it; all of them past a long aside.
    reach = at + _SUBJECT_WORDS + options.formula_words + 1 + len(_STRONGEST)
    words = [token.strip(_PUNCTUATION).casefold() for token in tokens[:reach]]
    aside = 0
    for subject in _SUBJECTS:
        # A paragraph that is only the subject ("The Security Council,") has no formula.
        if tuple(words[at : at + len(subject)]) == subject and at + len(subject) < len(tokens):
            at += len(subject)
            if at < len(tokens) and words[at] == "is":
                at += 1
            at, aside = _past_aside(tokens, words, at)
            break
    if at + options.formula_words + 1 + len(_STRONGEST) > len(words) < len(tokens):
        words = [token.strip(_PUNCTUATION).casefold() for token in tokens]
    # Every word read here and below is one of ``words`` or was read past the aside, and
    # ``len(tokens)`` is only compared with numbers no greater than those: all that was read.
    read = max(len(words), aside)
    kept: list[tuple[str, int]] = []
    intensifiers: list[int] = []
    longest = _longest_form()
    end = min(len(tokens), at + options.formula_words)
    for index in range(at, end):
        word = words[index]
        if word in _LINKING or (word == "once" and index + 1 < end and words[index + 1] == "again"):
            continue
        if word in table.intensifiers:
            intensifiers.append(index)
        elif word not in _SKIPPED and word:
            kept.append((verb_stem(word), index))
            # No form has more words: those past them, and intensifiers after them (only
            # those before the formula's last word count), are not needed.
            if len(kept) == longest:
                break
    if not kept:
        return None, read
    stems = tuple(stem for stem, _ in kept)
    formula = None
    size = 1
    for key, index in _forms_opening(stems[0]):
        if stems[: len(key)] == key:
            formula, size = index, len(key)
            break
    last = kept[size - 1][1]
    intensity = sum(1 for index in intensifiers if index < last)
    after = last + 1
    # "condemns in the strongest terms", "condemns unequivocally": intensifiers that follow.
    if tuple(words[after : after + len(_STRONGEST)]) == _STRONGEST:
        intensity += 1
        last = after + len(_STRONGEST) - 1
    elif after < len(words) and words[after] in table.intensifiers and words[after].endswith("ly"):
        intensity += 1
        last = after
    first = min([kept[0][1], *(i for i in intensifiers if i < kept[0][1])])
    start = _token_start(text, tokens, first)
    stop = _token_start(text, tokens, last) + len(tokens[last])
    shown = text[start:stop].rstrip(".,;:")
    return _Lead(stems[:size], formula, intensity, start, start + len(shown), shown), read


def _token_start(text: str, tokens: list[str], index: int) -> int:
    """Where token ``index`` of ``text.split()`` starts: each token is the first occurrence of
    its text after the previous one, as only whitespace stands between them."""
    at = 0
    for token in tokens[:index]:
        at = text.index(token, at) + len(token)
    return text.index(tokens[index], at)


def _past_aside(tokens: list[str], words: list[str], at: int) -> tuple[int, int]:
    """Past a clause between the subject and its verb: "The Security Council, while
    maintaining the primary responsibility ..., encourages" reads as "encourages". Also how
    many of the first tokens were read: none past ``words`` (0), those up to the comma that
    ends the clause, or, where none does, all of them and their number (one more than there
    are)."""
    if at == 0 or not tokens[at - 1].endswith(",") or at >= len(words):
        return at, 0
    if words[at] not in _ASIDES:
        return at, 0
    for index in range(at, len(tokens) - 1):
        if tokens[index].endswith(","):
            return index + 1, index + 1
    return at, len(tokens) + 1


def _formula_edit(old: _Lead | None, new: _Lead | None, views: _Views) -> _Found | None:
    if old is None or new is None:
        return None
    if old.formula is None and new.formula is None:
        return None  # neither is a formula of the scale: a sub-paragraph, a heading, a clause
    same = old.key == new.key or (old.formula is not None and old.formula == new.formula)
    if same and old.intensity == new.intensity:
        return None  # one formula, maybe in another of its forms ("calls upon", "calls on")
    direction = None
    table = formula_table()
    if old.formula is not None and new.formula is not None:
        before, after = table.formulas[old.formula], table.formulas[new.formula]
        if before.scale == after.scale:
            rank_before = (before.rank, old.intensity)
            rank_after = (after.rank, new.intensity)
            if rank_after > rank_before:
                direction = Direction.STRONGER
            elif rank_after < rank_before:
                direction = Direction.WEAKER
    place = views.place((old.start, old.end), (new.start, new.end))
    edit = NotableEdit(NotableKind.FORMULA, old.text, new.text, direction, ops=place)
    return _found(edit, 0)


# --- the other kinds: found in each text, then compared ----------------------------------------


class _Item(NamedTuple):
    """One date, number, qualifier, negation, citation or Charter reference found in a text
    (a named tuple: made in large numbers, and one is made many times faster than a frozen
    dataclass)."""

    kind: NotableKind
    key: str
    """What is compared: the ISO date, the figure's value, the symbol, the phrase."""
    text: str
    """The wording as printed."""
    start: int
    end: int
    group: str = ""
    """Items pair only within a group (full dates with dates, periods with periods, ...)."""
    iso: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        """Where the item stands in its text."""
        return (self.start, self.end)


_MONTHS = "|".join(name.capitalize() for name in MONTH_NUMBERS)
# Several patterns open with a lookahead for the characters a match can start with, or consume
# the first character before looking behind it: a necessary condition (the same matches), which
# the regex engine tests far faster at the many places where nothing starts. Fastest is a pattern
# whose first element is a plain set of characters (not a lookahead, not ``\b``, not under
# IGNORECASE): the engine then skips to the next character of the set without trying a match.
# Those consume their first character and test the word boundary before it looking behind:
# ``X(?<!\w.)`` is ``\bX`` for a word character X. Under IGNORECASE an ASCII letter matches
# only its two cases, except i (also İ and ı), s (also ſ) and k (also the Kelvin sign), which
# the sets spell out where they hold those letters.
_MONTH_INITIALS = "".join(sorted({name.capitalize()[0] for name in MONTH_NUMBERS}))
_FULL_DATE = re.compile(rf"(?=[\d{_MONTH_INITIALS}])\b(?:(\d{{1,2}})\s*)?({_MONTHS})\s+(\d{{4}})\b")
_DAY_MONTH = re.compile(rf"(\d(?<!\w\d)\d?)\s*({_MONTHS})\b")
_PERIOD_UNITS = ("day", "week", "month", "year")
# What every date, period, number, citation and Charter reference holds (a digit, or one of these
# words as written): text without any of it is not searched for them.
_FIGURE_HINT_WORDS = ("Chapter", "Article", *_PERIOD_UNITS, *(u.title() for u in _PERIOD_UNITS))
_MONTH_NAMES = tuple(name.capitalize() for name in MONTH_NUMBERS)
# The words ``_PARAGRAPH_REFERENCE`` opens with, each cut to the part all its forms share.
_REFERENCE_WORDS = ("paragraph", "article", "annex", "chapter", "section", "item", "page", "rule")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "eighteen": 18,
    "twenty-four": 24,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
_PERIOD = re.compile(
    rf"(?=[\d{''.join(sorted({word[0] for word in _NUMBER_WORDS} | {'a'}))}])"
    rf"\b(\d{{1,3}}|{'|'.join(_NUMBER_WORDS)}|a)[\s-]+(?:calendar\s+|working\s+)?"
    r"(day|week|month|year)s?\b",
    re.IGNORECASE,
)
# A year, not preceded by a word character or ``/.,-``: that test made after the first digit.
_YEAR = re.compile(r"(1(?<![\w/.,-]1)9[4-9]\d|2(?<![\w/.,-]2)0\d\d)(?![\w/]|,\d)")
_RESOLUTION_NUMBERS = r"\bresolutions?\s+\d{1,4}(?:\s*\(\d{4}\))?|\b\d{1,4}\s*\(\d{4}\)"
_RESOLUTION_REFERENCE = re.compile(rf"{_RESOLUTION_NUMBERS}|\b\S*\w/\S*\w", re.IGNORECASE)
# ``_RESOLUTION_NUMBERS`` opening with a set (r, R or a digit): the two branches by what was read.
_RESOLUTION_NUMBER = re.compile(
    r"[rR\d](?<!\w.)(?:(?<=[rR])(?i:esolutions?)\s+\d{1,4}(?:\s*\(\d{4}\))?"
    r"|(?<=\d)\d{0,3}\s*\(\d{4}\))"
)
_PARAGRAPH_REFERENCE = re.compile(
    r"(?=[pacsir])\b(?:paragraphs?|articles?|annex|annexes|chapter|section|sections|item|items|page|pages|rule|rules)"
    r"\s+\d+(?:\s*\([a-z]{1,4}\))?(?:\s*(?:,|and|to|-|–)\s*\d+(?:\s*\([a-z]{1,4}\))?)*",
    re.IGNORECASE,
)
# A figure, not preceded by a word character or ``/.,-``: that test made after its first digit.
_FIGURE = re.compile(
    r"(\d(?<![\w/.,-]\d)(?:\d{0,2}(?:,\d{3})+|\d*(?:\.\d+)?))"
    r"(\s*(?:per\s*cent|percent|%))?(?![\w/]|,\d)"
)
_CHARTER = re.compile(
    r"(C(?<!\wC)hapters?|A(?<!\wA)rticles?)\s+"
    r"((?:[IVXL]+|\d+)(?:\s*(?:,|and|or|,\s*and)\s*(?:[IVXL]+|\d+)\b)*)"
)
_CHARTER_NUMBER = re.compile(r"[IVXL]+|\d+")
_OTHER_INSTRUMENT = re.compile(
    r"\bof\s+the\s+(?:[\w-]+\s+){0,3}(?:Statute|Convention|Covenant|Protocol|Agreement|Treaty|"
    r"Rules|Regulations|Constitution|Declaration|annex)\b",
    re.IGNORECASE,
)
# "Resolution 1325" with no year, which the citation parser (rightly) does not take for a symbol.
_YEARLESS_RESOLUTION = re.compile(r"[Rr](?<!\w.)esolution\s+(\d{1,4})\b(?!\s*\(\d{4}\))")
_WORD_AFTER = re.compile(r"\W*(\w+)")
# Not only, no later, no longer, No. 5, non-governmental: not negations. The alternatives by
# their first letter, in the order of ``\b(?:not|no|neither|nor|cannot)\b|\bnon-\w+``.
_NEGATION = re.compile(
    r"[nNcC](?<!\w.)(?i:(?<=[nN])(?:ot(?!\s+only\b)|o(?!\s+later\b|\.\s*\d|\s+longer\b)|either|or)\b"
    r"|(?<=[cC])annot\b"
    r"|(?<=[nN])on-(?!governmental|state|proliferation|permanent|aligned|self-governing)\w+)"
)


def _changed_items(
    text: str,
    spans: list[tuple[int, int]],
    options: NotableOptions,
    citations: dict[str, list[_Item]],
) -> list[_Item]:
    """The items of a text that touch its changed words.

    An item inside unchanged words stands the same on both sides and cancels out, so only the
    text around each change is read: a window of ``options.window`` characters either side,
    wide enough that an item touching the change is read whole (cut words at a window's edge
    are too far from the change to touch it). The citations of each window read are put in
    ``citations``.
    """
    found: dict[tuple[int, int, NotableKind, str], _Item] = {}
    margin = options.window
    for low, high in _merged(spans, margin):
        start, end = max(0, low - margin), min(len(text), high + margin)
        inside = [span for span in spans if span[0] < high and low < span[1]]
        for item in _items(text[start:end], options, citations):
            item_start, item_end = item.start + start, item.end + start
            if any(a < item_end and item_start < b for a, b in inside):
                key = (item_start, item_end, item.kind, item.key)
                if key not in found:
                    found[key] = _Item(
                        item.kind, item.key, item.text, item_start, item_end, item.group, item.iso
                    )
    return sorted(found.values(), key=lambda item: (item.start, item.end))


def _merged(spans: list[tuple[int, int]], margin: int) -> list[tuple[int, int]]:
    """Spans closer than two margins joined, so their windows are read once."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start - merged[-1][1] <= 2 * margin:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _items(text: str, options: NotableOptions, citations: dict[str, list[_Item]]) -> list[_Item]:
    """Every date, number, qualifier, negation, citation and Charter reference of a text; its
    citations are also put in ``citations``."""
    hints = _Hints(text)
    if hints.figures():
        figures = _figures(text, options, hints, citations)
    else:
        figures = []
        citations[text] = []  # no digit: nothing cited
    return [*_qualifiers(text, hints), *_negations(text, hints), *figures]


class _Hints:
    """Cheap tests of a text for the words each pattern needs, to skip scans that find nothing.

    Every pattern below opens with ``\\b`` or an alternation, so the regex engine tries it at
    every character; most texts hold none of the words a pattern cannot match without, and a
    substring test says so many times faster. Each test is a necessary condition of a match, so
    skipping on it changes no result.
    """

    __slots__ = ("_lowered", "digit", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.digit = _has_digit(text)
        """Whether the text holds a decimal digit (what ``\\d`` matches)."""
        self._lowered: str | None = None

    @property
    def lowered(self) -> str:
        """The text with every character a case-insensitive pattern reads as an ASCII letter
        turned into that lower-case letter (other characters may change too: it is only read
        for the ASCII words a pattern needs)."""
        if self._lowered is None:
            text = self.text
            if not text.isascii() and any(char in text for char in _ASCII_FOLD_CHARS):
                text = text.translate(_ASCII_FOLD)
            self._lowered = text.lower()
        return self._lowered

    def figures(self) -> bool:
        """Whether the text may hold a figure: a digit, a Charter word or a unit of time."""
        return self.digit or any(word in self.text for word in _FIGURE_HINT_WORDS)

    def any_of(self, words: Iterable[str]) -> bool:
        """Whether the lowered text holds any of these lower-case ASCII words."""
        lowered = self.lowered
        return any(word in lowered for word in words)


# Case-insensitive patterns match these four characters to ASCII letters besides the letters'
# own two cases (Python's ``re``: dotted and dotless i, long s, Kelvin sign); a test checks it.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_ASCII_FOLD_CHARS = ("\u0130", "\u0131", "\u017f", "\u212a")
_ASCII_DIGITS = "0123456789"
_DIGIT = re.compile(r"\d")


def _has_digit(text: str) -> bool:
    """Whether ``\\d`` matches somewhere in the text (ASCII digits tested first: far faster)."""
    for digit in _ASCII_DIGITS:
        if digit in text:
            return True
    return not text.isascii() and _DIGIT.search(text) is not None


def _negations(text: str, hints: _Hints) -> Iterator[_Item]:
    # Every form holds "no" (not, nor, non-, cannot) or is "neither".
    if not hints.any_of(("no", "neither")):
        return
    for match in _NEGATION.finditer(text):
        word = match[0].lower()
        key = "non-" if word.startswith("non-") else word
        yield _Item(NotableKind.NEGATION, key, match[0], *match.span())


def _figures(
    text: str, options: NotableOptions, hints: _Hints, citations: dict[str, list[_Item]]
) -> list[_Item]:
    """Dates, periods, Charter references, years, numbers and citations of a text; the citations
    are also put in ``citations``."""
    items: list[_Item] = []
    taken: list[tuple[int, int]] = []
    # Each scan below runs only where the text holds what its pattern cannot match without.
    digit = hints.digit
    if "/" in text:
        taken += [m.span() for m in _RESOLUTION_REFERENCE.finditer(text)]
    elif digit:
        # Without a slash the pattern's last branch never matches: the others alone find the same.
        taken += [m.span() for m in _RESOLUTION_NUMBER.finditer(text)]
    months = digit and any(month in text for month in _MONTH_NAMES)

    def free(start: int, end: int) -> bool:
        # A loop, not ``all()`` over a generator: called for every figure, mostly with a few
        # spans taken, where making the generator costs more than the tests.
        for low, high in taken:  # noqa: SIM110 (faster than all(), see above)
            if low < end and start < high:
                return False
        return True

    for match in _FULL_DATE.finditer(text) if months else ():
        if not free(*match.span()):
            continue
        day, month, year = match[1], MONTH_NUMBERS[match[2].lower()], int(match[3])
        iso = f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        items.append(_Item(NotableKind.DATE, iso, match[0], *match.span(), "calendar", iso))
        taken.append(match.span())
    for match in _DAY_MONTH.finditer(text) if months else ():
        # "the 20 July announcement": a day without a year has no ISO date, but is still a date.
        if free(*match.span()):
            key = f"--{MONTH_NUMBERS[match[2].lower()]:02d}-{int(match[1]):02d}"
            items.append(_Item(NotableKind.DATE, key, match[0], *match.span(), "calendar"))
            taken.append(match.span())
    for match in _PERIOD.finditer(text) if hints.any_of(_PERIOD_UNITS) else ():
        if not free(*match.span()):
            continue
        count = match[1].lower()
        value = 1 if count == "a" else _NUMBER_WORDS.get(count) or int(count)
        key = f"{value} {match[2].lower()}"
        items.append(_Item(NotableKind.DATE, key, match[0], *match.span(), "period"))
        taken.append(match.span())
    for match in _CHARTER.finditer(text) if "Chapter" in text or "Article" in text else ():
        after = text[match.end() : match.end() + options.charter_context]
        charter = after.find("Charter")
        other = _OTHER_INSTRUMENT.search(after)
        taken.append(match.span())
        if other is not None and (charter < 0 or other.start() < charter):
            continue
        singular = match[1].rstrip("s")
        for number in _CHARTER_NUMBER.findall(match[2]):
            name = f"{singular} {number}"
            items.append(_Item(NotableKind.CHARTER, name, name, *match.span(), singular))
    if digit and hints.any_of(_REFERENCE_WORDS):
        taken += [m.span() for m in _PARAGRAPH_REFERENCE.finditer(text)]
    for match in _YEAR.finditer(text) if "19" in text or "20" in text else ():
        if free(*match.span()):
            items.append(
                _Item(NotableKind.DATE, match[0], match[0], *match.span(), "year", match[0])
            )
            taken.append(match.span())
    for match in _FIGURE.finditer(text) if digit else ():
        if free(*match.span()):
            figure = match[1].replace(",", "") + ("%" if match[2] else "")
            items.append(_Item(NotableKind.NUMBER, figure, match[0], *match.span()))
    cited = citations[text] = _citations(text, digit)
    return items + cited


def _citations(text: str, digit: bool | None = None) -> list[_Item]:
    """The documents a text cites, by the reader's citation parser, and yearless resolutions.

    ``digit`` says whether the text holds a decimal digit, where the caller knows it already:
    every symbol the parser reads holds one, so a text without one cites nothing.
    """
    items: list[_Item] = []
    if digit is None:
        digit = _has_digit(text)
    if not digit:
        return items
    # Every citation the parser reads holds a slash (``S/2021/5``), a year in brackets
    # (``1325 (2000)``) or ``General`` and an opening bracket (``General Assembly resolution
    # 60 (XV)``): a text with none of them cites nothing.
    for citation in find_citations(text) if _may_cite(text) else ():
        span = _citation_span(text, citation.symbol)
        start, end = span if span is not None else (len(text), len(text))
        # A resolution is known by its number: "resolution 1325" and "1325 (2000)" are one.
        key = re.sub(r" \(\d{4}\)$", "", citation.symbol)
        items.append(_Item(NotableKind.CITATION, key, citation.symbol, start, end))
    for match in _YEARLESS_RESOLUTION.finditer(text) if "esolution" in text else ():
        key = f"S/RES/{int(match[1])}"
        items.append(_Item(NotableKind.CITATION, key, match[0], *match.span()))
    return items


def _may_cite(text: str) -> bool:
    """Whether the citation parser may find something in a text that holds a digit."""
    return "/" in text or "(19" in text or "(20" in text or ("General" in text and "(" in text)


@cache
def _qualifier_pattern() -> re.Pattern[str]:
    table = formula_table()
    phrases = sorted({*table.stronger, *table.weaker}, key=len, reverse=True)
    # Grouped by first letter (``a(?:s appropriate|ll necessary means)|d(?:eep|...)``): the
    # engine tries a dozen letters at each character instead of every phrase, four times faster.
    # Phrases of one group keep their order (longest first) and phrases of two groups cannot
    # match at one place, so the first phrase to match anywhere is the same as ungrouped.
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        groups.setdefault(phrase[0].casefold(), []).append(phrase)
    alternatives = "|".join(
        re.escape(group[0][0])
        + "(?:"
        + "|".join(_phrase_pattern(p)[len(re.escape(p[0])) :] for p in group)
        + ")"
        for group in groups.values()
    )
    # Led by a lookahead for the phrases' first letters: the same matches, found faster.
    initials = re.escape("".join(group[0][0] for group in groups.values()))
    return re.compile(rf"(?=[{initials}])\b(?:{alternatives})\b", re.IGNORECASE)


def _phrase_pattern(phrase: str) -> str:
    """A phrase as a pattern: its words, any whitespace between them."""
    return r"\s+".join(map(re.escape, phrase.split()))


@cache
def _formula_verbs() -> frozenset[str]:
    """Stems of the first word of every form: the verbs a formula opens with."""
    return frozenset(key[0] for key, _ in _forms() if key)


@cache
def _qualifier_hints() -> tuple[str, ...] | None:
    """A word every qualifier phrase holds (its longest), lower-case: a text with none of them
    has no qualifier. None when some phrase has no ASCII word to test for."""
    table = formula_table()
    hints = []
    for phrase in {*table.stronger, *table.weaker}:
        word = max(phrase.split(), key=len).lower()
        if not word.isascii() or not word.isalpha():
            return None
        hints.append(word)
    return tuple(sorted(set(hints)))


def _qualifier_matches(text: str, hints: _Hints) -> Iterator[re.Match[str]]:
    """What ``_qualifier_pattern()`` finds in a text, found with only the phrases whose hint word
    the text holds: the others match nowhere in it, so the first phrase to match at each place,
    and so every match, stays the same."""
    words = _qualifier_hints()
    if words is None:
        yield from _qualifier_pattern().finditer(text)
        return
    lowered = hints.lowered
    present = tuple(word for word in words if word in lowered)
    if present:
        yield from _qualifier_pattern_of(present).finditer(text)


@lru_cache(maxsize=1024)
def _qualifier_pattern_of(hints: tuple[str, ...]) -> re.Pattern[str]:
    """``_qualifier_pattern()`` with only the phrases whose hint word is one of ``hints``,
    opening with the set of their first letters (the engine skips to the next of them)."""
    table = formula_table()
    phrases = sorted({*table.stronger, *table.weaker}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for phrase in phrases:
        if max(phrase.split(), key=len).lower() in hints:
            groups.setdefault(phrase[0].casefold(), []).append(phrase)
    if not all(initial in _LETTER_CASES for initial in groups):
        return _qualifier_pattern()  # a first letter spelt otherwise: the plain pattern
    # Each group as in ``_qualifier_pattern``, chosen by the first letter read: groups cannot
    # match at one place, so their order does not matter.
    alternatives = "|".join(
        f"(?<=[{_LETTER_CASES[initial]}])(?i:"
        + "|".join(_phrase_pattern(p)[len(re.escape(p[0])) :] for p in group)
        + ")"
        for initial, group in groups.items()
    )
    initials = "".join(_LETTER_CASES[initial] for initial in groups)
    return re.compile(rf"[{initials}](?<!\w.)(?:{alternatives})\b")


# What a lower-case ASCII letter matches under IGNORECASE (see ``_ASCII_FOLD``).
_LETTER_CASES = {
    letter: letter
    + letter.upper()
    + "".join(chr(c) for c, to in _ASCII_FOLD.items() if to == letter)
    for letter in string.ascii_lowercase
}


def _qualifiers(text: str, hints: _Hints) -> Iterator[_Item]:
    for match in _qualifier_matches(text, hints):
        key = " ".join(match[0].lower().split())
        if key == "further":
            following = _WORD_AFTER.match(text, match.end())
            word = following[1].casefold() if following else ""
            # "and further calls upon", "further welcoming": an ordering word, not an intensifier.
            if word.endswith("ing") or verb_stem(word) in _formula_verbs():
                continue
        yield _Item(NotableKind.QUALIFIER, key, match[0], *match.span())


def _citation_span(text: str, symbol: str) -> tuple[int, int] | None:
    """Where a cited symbol stands in the text (``S/RES/1325 (2000)`` as ``1325 (2000)``)."""
    resolution = re.fullmatch(r"S/RES/(\d+) \((\d{4})\)", symbol)
    if resolution:
        pattern = rf"(?<!\d){resolution[1]}\s*\({resolution[2]}\)"
    else:
        tail = symbol.removeprefix("A/RES/")
        pattern = r"\s*".join(map(re.escape, tail.split()))
    match = re.search(pattern, text)
    return match.span() if match else None


def _surplus(old: list[_Item], new: list[_Item], views: _Views) -> tuple[list[_Item], list[_Item]]:
    """Items of the old text missing from the new one, and the other way round, in text order.

    Where a value stands several times, the occurrences inside changed words are the ones
    taken to have gone (or come).
    """
    old_count = Counter(item.key for item in old)
    new_count = Counter(item.key for item in new)

    def pick(items: list[_Item], extra: Counter[str], side: int) -> list[_Item]:
        ranked = sorted(items, key=lambda i: (not views.in_change(side, i.start, i.end), i.start))
        chosen = []
        for item in ranked:
            if extra[item.key] > 0:
                extra[item.key] -= 1
                chosen.append(item)
        return sorted(chosen, key=lambda i: i.start)

    return pick(old, old_count - new_count, 0), pick(new, new_count - old_count, 1)


def _unpaired(
    kind: NotableKind, old: list[_Item], new: list[_Item], views: _Views, table: FormulaTable
) -> list[_Found]:
    gone, came = _surplus(old, new, views)
    found = []
    for item in gone:
        direction = _qualifier_direction(item.key, table, added=False)
        edit = NotableEdit(kind, item.text, None, direction, ops=views.place(item.span, None))
        found.append(_found(edit, item.start))
    for item in came:
        direction = _qualifier_direction(item.key, table, added=True)
        edit = NotableEdit(kind, None, item.text, direction, ops=views.place(None, item.span))
        found.append(_found(edit, item.start))
    return found


def _qualifier_direction(key: str, table: FormulaTable, *, added: bool) -> Direction | None:
    if key in table.stronger:
        return Direction.STRONGER if added else Direction.WEAKER
    if key in table.weaker:
        return Direction.WEAKER if added else Direction.STRONGER
    return None


def _paired(kind: NotableKind, old: list[_Item], new: list[_Item], views: _Views) -> list[_Found]:
    gone, came = _surplus(old, new, views)
    pairs: list[tuple[_Item | None, _Item | None]] = []
    used: set[int] = set()
    for was in gone:
        low, high = views.place(was.span, None) or (-1, -1)
        # A value replaces another only where the two stand in the same run of changed words
        # (a deletion and the insertion next to it), in text order.
        partner = next(
            (
                index
                for index, now in enumerate(came)
                if index not in used
                and now.group == was.group
                and _touches((low, high), views.place(None, now.span))
            ),
            None,
        )
        if partner is None:
            pairs.append((was, None))
        else:
            used.add(partner)
            pairs.append((was, came[partner]))
    pairs += [(None, now) for index, now in enumerate(came) if index not in used]
    found: list[_Found] = []
    for before, after in pairs:
        edit = NotableEdit(
            kind,
            before.text if before else None,
            after.text if after else None,
            old_date=before.iso if before else None,
            new_date=after.iso if after else None,
            ops=views.place(before.span if before else None, after.span if after else None),
        )
        found.append(_found(edit, after.start if after else before.start if before else 0))
    return found


def _touches(ops: tuple[int, int], other: tuple[int, int] | None) -> bool:
    return other is not None and ops[0] <= other[1] and other[0] <= ops[1]
