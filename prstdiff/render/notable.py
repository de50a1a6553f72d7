"""Words for notable edits, shared by every renderer: one note per edit, one summary per comparison.

>>> from prstdiff.model import NotableEdit, NotableKind, Direction
>>> describe(NotableEdit(NotableKind.FORMULA, "Encourages", "Urges", Direction.STRONGER))
'formula stronger: Encourages → Urges'
>>> describe(NotableEdit(NotableKind.CITATION, None, "S/2009/1"))
'citation added: S/2009/1'
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable

from prstdiff.model import Comparison, Direction, NotableEdit, NotableKind, Pair
from prstdiff.notable import KIND_ORDER

PLURALS: dict[NotableKind, str] = {
    NotableKind.FORMULA: "formulas",
    NotableKind.QUALIFIER: "qualifiers",
    NotableKind.NEGATION: "negations",
    NotableKind.DATE: "dates",
    NotableKind.NUMBER: "numbers",
    NotableKind.CITATION: "citations",
    NotableKind.CHARTER: "Charter references",
}
"""How a count of each kind reads: ``3 citations added``."""

_MANDATE = re.compile(r"\bextend\w*\b.*\bmandate\b|\bmandate\b.*\bextend\w*\b", re.IGNORECASE)
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def describe(edit: NotableEdit) -> str:
    """One edit for people: ``date: 31 July 2021 → 31 January 2022``, ``negation added: not``."""
    label, what = label_and_wording(edit)
    return f"{label}: {what}"


def label_and_wording(edit: NotableEdit) -> tuple[str, str]:
    """The label of an edit (``formula stronger``, ``citation added``) and its wording."""
    name = "Charter" if edit.kind is NotableKind.CHARTER else edit.kind.value
    direction = edit.direction.value if edit.direction is not None else None
    if edit.old is not None and edit.new is not None:
        return (f"{name} {direction}" if direction else name), f"{edit.old} → {edit.new}"
    change, what = ("added", edit.new) if edit.new is not None else ("removed", edit.old or "")
    if edit.kind is NotableKind.FORMULA:
        return f"{name}{f' {direction}' if direction else ''} {change}", what
    return f"{name} {change}{f' ({direction})' if direction else ''}", what


def describe_pair(pair: Pair) -> str:
    """The notable edits of a pair on one line, ``;``-separated; empty when it has none."""
    return "; ".join(describe(edit) for edit in pair.notable)


def kind_counts(edits: Iterable[NotableEdit]) -> dict[NotableKind, int]:
    """How many edits of each kind, every kind present (zero where none)."""
    counts = Counter(edit.kind for edit in edits)
    return {kind: counts[kind] for kind in KIND_ORDER}


def comparison_edits(comparison: Comparison) -> list[NotableEdit]:
    """Every notable edit of a comparison, pair by pair."""
    return [edit for pair in comparison.pairs for edit in pair.notable]


def summary(comparison: Comparison) -> str:
    """The notable edits of a comparison in one sentence, mandate first.

    ``mandate extended to 31 January 2022; 1 formula stronger, 1 weaker; 3 citations added``;
    empty when there are none.
    """
    parts = []
    mandate = mandate_end(comparison)
    if mandate is not None:
        parts.append(mandate)
    edits = comparison_edits(comparison)
    for kind in KIND_ORDER:
        of_kind = [edit for edit in edits if edit.kind is kind]
        if of_kind:
            parts.append(_count_phrase(kind, of_kind))
    return "; ".join(parts)


def mandate_end(comparison: Comparison) -> str | None:
    """``mandate extended to 31 January 2022`` where a paragraph extending a mandate moved its
    end date; None when no such paragraph changed."""
    for pair in comparison.pairs:
        if not pair.new:
            continue
        text = comparison.new.paragraphs[pair.new[0]].text
        if not _MANDATE.search(text):
            continue
        for edit in pair.notable:
            if (
                edit.kind is NotableKind.DATE
                and edit.old_date
                and edit.new_date
                and _FULL_DATE.match(edit.old_date)
                and _FULL_DATE.match(edit.new_date)
            ):
                verb = "extended" if edit.new_date > edit.old_date else "end brought forward"
                day = dt.date.fromisoformat(edit.new_date)
                return f"mandate {verb} to {day.day} {day:%B %Y}"
    return None


def _count_phrase(kind: NotableKind, edits: list[NotableEdit]) -> str:
    if kind in (NotableKind.FORMULA, NotableKind.QUALIFIER):
        stronger = sum(edit.direction is Direction.STRONGER for edit in edits)
        weaker = sum(edit.direction is Direction.WEAKER for edit in edits)
        other = len(edits) - stronger - weaker
        counts = [(stronger, "stronger"), (weaker, "weaker"), (other, "changed")]
    else:
        changed = sum(edit.old is not None and edit.new is not None for edit in edits)
        added = sum(edit.old is None for edit in edits)
        removed = sum(edit.new is None for edit in edits)
        counts = [(changed, "changed"), (added, "added"), (removed, "removed")]
    words = [f"{number} {label}" for number, label in counts if number]
    first_number = int(words[0].split()[0])
    noun = PLURALS[kind] if first_number != 1 else PLURALS[kind].removesuffix("s")
    head, label = words[0].split(" ", 1)
    return ", ".join([f"{head} {noun} {label}", *words[1:]])
