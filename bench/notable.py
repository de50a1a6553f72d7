"""Evaluation: precision and recall of each kind of notable edit on hand-labelled real pairs.

Run from the repository root: ``python bench/notable.py`` prints, for each half of
``tests/notable/labels.json`` (``tuning``, on which the rules may be tuned, and ``test``, which
they never are), the labelled and found edits of each kind, the matches, precision and recall,
and how often a matched formula or qualifier has the labelled direction. ``--misses`` lists the
edits missed and the edits found in excess, for the tuning half only.

The texts of a pair are its paragraphs joined by a line break, as ``compare`` joins them;
``notable_edits`` computes the word operations itself. A found edit matches a labelled edit of
the same kind when each side agrees: both absent, or the one wording contains the other once
folded (case, punctuation, spacing), or for dates the same ISO value. A labelled citation that
replaces another (``S/2016/11 -> S/2016/598``) counts as one removed and one added symbol, as the
detector reports them. Each found edit matches at most one labelled edit.
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from prstdiff.model import Document, NotableKind
from prstdiff.notable import KIND_ORDER, notable_edits
from prstdiff.parse import load

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "notable" / "labels.json"
HALVES = ("tuning", "test")


@dataclass(frozen=True, slots=True)
class Unit:
    """One edit reduced to what is compared: kind, both wordings, ISO dates, direction."""

    kind: str
    old: str | None
    new: str | None
    iso_old: str | None = None
    iso_new: str | None = None
    direction: str | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """Counts of one kind in one half."""

    labelled: int
    found: int
    matched: int
    directed: int
    """Matched edits of a kind with directions (formula, qualifier)."""
    same_direction: int
    """Of those, the ones whose found direction is the labelled one."""

    @property
    def precision(self) -> float | None:
        """Share of found edits that were labelled; None when nothing was found."""
        return self.matched / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        """Share of labelled edits that were found; None when nothing was labelled."""
        return self.matched / self.labelled if self.labelled else None


@cache
def document(path: str) -> Document:
    """A corpus document, read once."""
    return load(ROOT / path)


def pair_texts(pair: dict[str, Any]) -> tuple[str, str]:
    """The old and new texts of a labelled pair, several paragraphs joined by a line break."""
    old, new = document(pair["old_doc"]), document(pair["new_doc"])
    return (
        "\n".join(old.paragraphs[i].text for i in pair["old"]),
        "\n".join(new.paragraphs[i].text for i in pair["new"]),
    )


def _split(units: Iterable[Unit]) -> list[Unit]:
    result = []
    for unit in units:
        if unit.kind == NotableKind.CITATION and unit.old and unit.new:
            result.append(Unit(unit.kind, unit.old, None))
            result.append(Unit(unit.kind, None, unit.new))
        else:
            result.append(unit)
    return result


def labelled_units(pair: dict[str, Any]) -> list[Unit]:
    """The labelled edits of a pair."""
    return _split(
        Unit(
            e["kind"],
            e["old"],
            e["new"],
            e.get("iso_old"),
            e.get("iso_new"),
            e.get("direction"),
        )
        for e in pair["notable"]
    )


def found_units(pair: dict[str, Any]) -> list[Unit]:
    """The edits ``notable_edits`` finds in a pair."""
    old, new = pair_texts(pair)
    return _split(
        Unit(
            e.kind.value,
            e.old,
            e.new,
            e.old_date,
            e.new_date,
            e.direction.value if e.direction else None,
        )
        for e in notable_edits(old, new)
    )


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _side_agrees(a: str | None, b: str | None, iso_a: str | None, iso_b: str | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if iso_a and iso_b and iso_a == iso_b:
        return True
    fa, fb = _fold(a), _fold(b)
    return bool(fa and fb) and (fa in fb or fb in fa)


def agrees(found: Unit, labelled: Unit) -> bool:
    """Whether a found edit is the labelled one."""
    return (
        found.kind == labelled.kind
        and _side_agrees(found.old, labelled.old, found.iso_old, labelled.iso_old)
        and _side_agrees(found.new, labelled.new, found.iso_new, labelled.iso_new)
    )


def match(found: list[Unit], labelled: list[Unit]) -> list[tuple[Unit, Unit]]:
    """Pairs of found and labelled edits, each used once, in order."""
    taken: set[int] = set()
    matches = []
    for unit in found:
        for index, other in enumerate(labelled):
            if index not in taken and agrees(unit, other):
                taken.add(index)
                matches.append((unit, other))
                break
    return matches


def evaluate(
    pairs: list[dict[str, Any]], half: str
) -> tuple[dict[str, Score], list[tuple[str, Unit]]]:
    """Scores per kind on one half, and the misses (``missed``/``extra`` with the edit)."""
    totals = {kind.value: [0, 0, 0, 0, 0] for kind in KIND_ORDER}
    misses: list[tuple[str, Unit]] = []
    for pair in pairs:
        if pair["half"] != half:
            continue
        labelled, found = labelled_units(pair), found_units(pair)
        matches = match(found, labelled)
        for unit in labelled:
            totals[unit.kind][0] += 1
        for unit in found:
            totals[unit.kind][1] += 1
        for unit, other in matches:
            counts = totals[unit.kind]
            counts[2] += 1
            if unit.kind == NotableKind.FORMULA:  # only formulas carry a labelled direction
                counts[3] += 1
                counts[4] += unit.direction == other.direction
        matched_found = {id(unit) for unit, _ in matches}
        matched_labelled = {id(other) for _, other in matches}
        where = f"{pair['new_doc']} {pair['new']}"
        misses += [(f"missed {where}", u) for u in labelled if id(u) not in matched_labelled]
        misses += [(f"extra  {where}", u) for u in found if id(u) not in matched_found]
    return {kind: Score(*counts) for kind, counts in totals.items()}, misses


def _share(value: float | None) -> str:
    return "   —" if value is None else f"{value:4.0%}"


def table(scores: dict[str, Score], half: str) -> list[str]:
    """The printed table of one half."""
    lines = [
        f"{half} half",
        f"  {'kind':<10} {'labelled':>8} {'found':>6} {'matched':>7} "
        f"{'precision':>9} {'recall':>6} {'direction':>9}",
    ]
    total = [0, 0, 0, 0, 0]
    for kind, score in scores.items():
        lines.append(_row(kind, score))
        total = [a + b for a, b in zip(total, _counts(score), strict=True)]
    lines.append(_row("all", Score(*total)))
    return lines


def _row(name: str, score: Score) -> str:
    direction = f"{score.same_direction}/{score.directed}" if score.directed else ""
    return (
        f"  {name:<10} {score.labelled:>8} {score.found:>6} {score.matched:>7} "
        f"{_share(score.precision):>9} {_share(score.recall):>6} {direction:>9}"
    ).rstrip()


def _counts(score: Score) -> tuple[int, int, int, int, int]:
    return (score.labelled, score.found, score.matched, score.directed, score.same_direction)


def main() -> None:
    """Print the scores of both halves (and the tuning half's misses when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list the tuning half's misses")
    arguments = parser.parse_args()
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    pairs = labels["pairs"]
    print(f"{len(pairs)} hand-labelled pairs ({LABELS.relative_to(ROOT)})")
    for half in HALVES:
        scores, misses = evaluate(pairs, half)
        print()
        print("\n".join(table(scores, half)))
        if arguments.misses and half == "tuning":
            for what, unit in sorted(misses, key=lambda item: (item[1].kind, item[0])):
                print(f"    {what}: {unit.kind} {unit.old!r} -> {unit.new!r} {unit.direction}")


if __name__ == "__main__":
    main()
