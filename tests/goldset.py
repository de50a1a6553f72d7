"""Hand-made gold alignments of real pairs, the measures of an alignment against them, baselines.

Shared by the tests (``tests/test_gold.py``, ``tests/test_quality.py``) and the quality harness
(``bench/quality.py``), so that every figure is defined once.

**Links.** A link is an (old index, new index) pair inside a matched unit: a split of old 3 into
new 4 and 7 is the links (3, 4) and (3, 7); new and dropped paragraphs make no link. Link precision
is the share of a method's links that the gold holds, recall the share of the gold's links the
method finds. A gold pair marked ``borderline`` may also be read as unmatched, and one with an
``alternative`` may be read that way: for each gold pair the reading nearest to the method's
output (fewest wrong links) is the one the method is scored against, so either reading is correct.

**Status accuracy** is the share of paragraphs (old and new) whose unit has the status of the
chosen reading (or one of its ``accept`` statuses). **Moved / split / merged recall** is the share
of the gold's moved, split and merged pairs (in the reading chosen) found with exactly their
indices and the flag set.

**Baselines**: the difflib line diff over the paragraphs' comparison keys, and one-to-one
assignment (``scipy.optimize.linear_sum_assignment``) over the Indel ratio of the paragraphs'
words (kept from ``CompareOptions.threshold``) or over ``rapidfuzz.fuzz.token_set_ratio`` (kept
from 60).
"""

from __future__ import annotations

import difflib
import functools
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel
from scipy.optimize import linear_sum_assignment  # type: ignore[import-untyped]

from prstdiff.compare import compare
from prstdiff.model import Document, Pair, Status
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions

HERE = Path(__file__).parent
ROOT = HERE.parent
GOLD_DIR = HERE / "gold"
FLAGS = ("moved", "split", "merged")


@dataclass(frozen=True, slots=True)
class AlternativePair:
    """One pair of a second reading that the gold accepts for a doubtful pair."""

    old: tuple[int, ...]
    """Zero-based indices of the old paragraphs."""
    new: tuple[int, ...]
    """Zero-based indices of the new paragraphs."""
    status: Status
    """Status in that reading."""
    borrows: tuple[int, ...]
    """Old paragraphs whose long phrases the new paragraph must show in that reading."""


@dataclass(frozen=True, slots=True)
class GoldPair:
    """One pair of the hand-written alignment."""

    old: tuple[int, ...]
    """Zero-based indices of the old paragraphs (empty for new language)."""
    new: tuple[int, ...]
    """Zero-based indices of the new paragraphs (empty for dropped language)."""
    status: Status
    """The status a reader gives the pair."""
    moved: bool
    """Out of document order."""
    split: bool
    """One old paragraph became several new ones."""
    merged: bool
    """Several old paragraphs became one new one."""
    borderline: bool
    """About half the words shared: leaving the paragraphs unmatched is accepted too."""
    accept: tuple[Status, ...]
    """Other statuses accepted, for the reason in the note."""
    borrows: tuple[int, ...]
    """Old paragraphs whose long phrases this new paragraph reuses."""
    alternative: tuple[AlternativePair, ...]
    """Another reading accepted for these paragraphs (reported, not failed); empty when none."""
    deleted: tuple[str, ...] | None
    """Words the word diff must delete, net of what it inserts again; None when not checked."""
    inserted: tuple[str, ...] | None
    """Words the word diff must insert, net of what it deletes; None when not checked."""
    old_numbers: tuple[str | None, ...]
    """Printed numbers of the old paragraphs (None where unnumbered)."""
    new_numbers: tuple[str | None, ...]
    """Printed numbers of the new paragraphs (None where unnumbered)."""
    old_openings: tuple[str, ...]
    """Opening words of each old paragraph, as printed."""
    new_openings: tuple[str, ...]
    """Opening words of each new paragraph, as printed."""
    note: str
    """Why the reader decided so, where it is not obvious."""


@dataclass(frozen=True, slots=True)
class Gold:
    """A hand-written alignment of two real documents."""

    name: str
    """The gold file's stem."""
    old_path: Path
    """The earlier document."""
    new_path: Path
    """The later document."""
    old_paragraphs: int
    """Paragraphs the reader counted in the old document."""
    new_paragraphs: int
    """Paragraphs the reader counted in the new document."""
    pairs: tuple[GoldPair, ...]
    """Every paragraph of both documents in exactly one pair."""
    half: str = "tuning"
    """``tuning`` (the engine may be tuned on it), ``test`` (held out, evaluated at the end),
    ``fresh`` (written independently of the engine and not yet scored: its first reading is the
    fresh check of the rules as they stand, before it joins the tuning half) or ``second`` (a
    second reader's independent alignment of a held-out pair, in ``gold/second/``: it measures
    how far two readers agree and never scores the engine's figures)."""


def read_gold(path: Path) -> Gold:
    """Read a gold file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    pairs = []
    for item in data["pairs"]:
        old, new = tuple(item["old"]), tuple(item["new"])
        pairs.append(
            GoldPair(
                old=old,
                new=new,
                status=Status(item["status"]),
                moved=item.get("moved", False),
                split=item.get("split", False),
                merged=item.get("merged", False),
                borderline=item.get("borderline", False),
                accept=tuple(Status(s) for s in item.get("accept", [])),
                borrows=tuple(item.get("borrows", [])),
                deleted=tuple(item["changes"]["deleted"]) if "changes" in item else None,
                inserted=tuple(item["changes"]["inserted"]) if "changes" in item else None,
                alternative=tuple(
                    AlternativePair(
                        tuple(a["old"]),
                        tuple(a["new"]),
                        Status(a["status"]),
                        tuple(a.get("borrows", [])),
                    )
                    for a in item.get("alternative", [])
                ),
                old_numbers=tuple(item.get("old_numbers", [None] * len(old))),
                new_numbers=tuple(item.get("new_numbers", [None] * len(new))),
                old_openings=tuple(item["old_openings"]),
                new_openings=tuple(item["new_openings"]),
                note=item.get("note", ""),
            )
        )
    return Gold(
        name=path.stem,
        old_path=ROOT / data["old"],
        new_path=ROOT / data["new"],
        old_paragraphs=data["old_paragraphs"],
        new_paragraphs=data["new_paragraphs"],
        pairs=tuple(pairs),
        half=data.get("half", "tuning"),
    )


def gold_from_units(
    name: str,
    units: Iterable[tuple[tuple[int, ...], tuple[int, ...], Status, tuple[str, ...]]],
    old_paragraphs: int,
    new_paragraphs: int,
) -> Gold:
    """A gold alignment built from known units (old, new, status, flags), such as the truth of a
    made-up variant, so that it is measured exactly as the real pairs are."""
    pairs = tuple(
        GoldPair(
            old=old,
            new=new,
            status=status,
            moved="moved" in flags,
            split="split" in flags,
            merged="merged" in flags,
            borderline=False,
            accept=(),
            borrows=(),
            alternative=(),
            deleted=None,
            inserted=None,
            old_numbers=(None,) * len(old),
            new_numbers=(None,) * len(new),
            old_openings=("",) * len(old),
            new_openings=("",) * len(new),
            note="",
        )
        for old, new, status, flags in units
    )
    return Gold(name, Path(), Path(), old_paragraphs, new_paragraphs, pairs, half="made-up")


def second_readings() -> list[tuple[Gold, Gold]]:
    """Each held-out pair that a second reader aligned too: (first reading, second reading)."""
    second = sorted((GOLD_DIR / "second").glob("*.json"))
    return [(read_gold(GOLD_DIR / path.name), read_gold(path)) for path in second]


def gold_files(half: str | None = "tuning") -> list[Path]:
    """The gold files of one half (``tuning`` or ``test``), or of both when ``half`` is None."""
    files = sorted(GOLD_DIR.glob("*.json"))
    return [p for p in files if half is None or read_gold(p).half == half]


# --- measures ----------------------------------------------------------------------------------

Unit = tuple[tuple[int, ...], tuple[int, ...], Status, tuple[str, ...]]
"""A unit of one reading: old indices, new indices, status and the flags it carries."""
Aligner = Callable[[Document, Document], Sequence[Pair]]


@dataclass(frozen=True, slots=True)
class PairScore:
    """The measures of one method on one real pair."""

    method: str
    """Who aligned."""
    gold: str
    """The gold file's stem."""
    links_found: int
    """Gold links (of the chosen readings) the method found."""
    links_expected: int
    """Gold links of the chosen readings."""
    links_predicted: int
    """Links the method made."""
    status_right: int
    """Paragraphs whose status is right."""
    paragraphs: int
    """Paragraphs of both documents."""
    flags_found: dict[str, int]
    """Moved, split and merged gold pairs found exactly with the flag."""
    flags_expected: dict[str, int]
    """Moved, split and merged gold pairs."""

    @property
    def precision(self) -> float:
        """Share of the method's links that are gold links."""
        return self.links_found / self.links_predicted if self.links_predicted else 1.0

    @property
    def recall(self) -> float:
        """Share of the gold links found."""
        return self.links_found / self.links_expected if self.links_expected else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of link precision and recall."""
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def status_accuracy(self) -> float:
        """Share of paragraphs with the right status."""
        return self.status_right / self.paragraphs if self.paragraphs else 1.0

    @property
    def flag_recall(self) -> float | None:
        """Share of moved, split and merged gold pairs found; None when the gold has none."""
        expected = sum(self.flags_expected.values())
        return sum(self.flags_found.values()) / expected if expected else None


def _links(old: Iterable[int], new: Iterable[int]) -> set[tuple[int, int]]:
    return {(i, j) for i in old for j in new}


def _readings(pair: GoldPair) -> list[list[Unit]]:
    """The readings a gold pair accepts, the primary one first."""
    flags = tuple(f for f in FLAGS if getattr(pair, f))
    readings = [[(pair.old, pair.new, pair.status, flags)]]
    if pair.alternative:
        readings.append(
            [(a.old, a.new, a.status, _shape_flags(a.old, a.new)) for a in pair.alternative]
        )
    if pair.borderline and pair.old and pair.new:
        readings.append(
            [((i,), (), Status.DROPPED, ()) for i in pair.old]
            + [((), (j,), Status.NEW, ()) for j in pair.new]
        )
    return readings


def _shape_flags(old: tuple[int, ...], new: tuple[int, ...]) -> tuple[str, ...]:
    if len(old) == 1 and len(new) > 1:
        return ("split",)
    if len(old) > 1 and len(new) == 1:
        return ("merged",)
    return ()


def measure(method: str, gold: Gold, pairs: Sequence[Pair | GoldPair]) -> PairScore:
    """Score one method's pairs for one real pair against its gold alignment (or another
    reader's primary reading of it, its ``pairs``)."""
    predicted = set().union(*(_links(p.old, p.new) for p in pairs)) if pairs else set()
    status_of = {("old", i): p.status for p in pairs for i in p.old}
    status_of.update({("new", j): p.status for p in pairs for j in p.new})
    exact = {(p.old, p.new): p for p in pairs}
    expected: set[tuple[int, int]] = set()
    accepted: dict[tuple[str, int], set[Status]] = {}
    flags_found = dict.fromkeys(FLAGS, 0)
    flags_expected = dict.fromkeys(FLAGS, 0)
    for pair in gold.pairs:
        mine = {(i, j) for i, j in predicted if i in pair.old or j in pair.new}

        def wrong(reading: list[Unit], mine: set[tuple[int, int]] = mine) -> tuple[int, int]:
            """Wrong links, then units whose status or flags differ: readings that agree on
            the links (a moved flag by convention) are told apart by what else agrees."""
            links = set().union(*(_links(old, new) for old, new, _, _ in reading))
            off = 0
            for old, new, status, flags in reading:
                found = exact.get((old, new))
                got = () if found is None else tuple(f for f in FLAGS if getattr(found, f))
                off += found is None or found.status is not status or got != flags
            return len(links ^ mine), off

        reading = min(_readings(pair), key=wrong)
        for old, new, status, flags in reading:
            expected |= _links(old, new)
            # An alternative reading may name paragraphs of a neighbouring gold pair too:
            # each paragraph is judged once, by the last reading that names it.
            accepted.update({("old", i): {status, *pair.accept} for i in old})
            accepted.update({("new", j): {status, *pair.accept} for j in new})
            found = exact.get((old, new))
            for flag in flags:
                flags_expected[flag] += 1
                flags_found[flag] += found is not None and bool(getattr(found, flag))
    right = sum(status_of.get(where) in statuses for where, statuses in accepted.items())
    return PairScore(
        method=method,
        gold=gold.name,
        links_found=len(predicted & expected),
        links_expected=len(expected),
        links_predicted=len(predicted),
        status_right=right,
        paragraphs=gold.old_paragraphs + gold.new_paragraphs,
        flags_found=flags_found,
        flags_expected=flags_expected,
    )


# --- baselines ---------------------------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def cached_key(text: str) -> str:
    """Comparison key of a paragraph; the baselines see each text many times over the variants."""
    return comparison_key(text)


def _coded(keys: Sequence[str], codes: dict[str, str]) -> list[str]:
    """Each key's words as one character per distinct word, so string scorers work on words."""
    return ["".join(codes.setdefault(w, chr(0x100 + len(codes))) for w in k.split()) for k in keys]


def _unmatched(old: Document, new: Document, used_old: set[int], used_new: set[int]) -> list[Pair]:
    pairs = [
        Pair(Status.DROPPED, (i,), (), None)
        for i in range(len(old.paragraphs))
        if i not in used_old
    ]
    pairs += [
        Pair(Status.NEW, (), (j,), None) for j in range(len(new.paragraphs)) if j not in used_new
    ]
    return pairs


def line_diff_baseline(old: Document, new: Document) -> list[Pair]:
    """difflib over paragraph keys; a replaced run pairs its paragraphs in order when similar."""
    threshold = CompareOptions().threshold
    old_keys = [cached_key(p.text) for p in old.paragraphs]
    new_keys = [cached_key(p.text) for p in new.paragraphs]
    codes: dict[str, str] = {}
    old_coded, new_coded = _coded(old_keys, codes), _coded(new_keys, codes)
    matcher = difflib.SequenceMatcher(a=old_keys, b=new_keys, autojunk=False)
    pairs: list[Pair] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            pairs += [Pair(Status.REUSED, (i1 + k,), (j1 + k,), 1.0) for k in range(i2 - i1)]
        elif tag == "replace":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=False):
                similarity = Indel.normalized_similarity(old_coded[i], new_coded[j])
                if similarity >= threshold:
                    pairs.append(Pair(Status.ALTERED, (i,), (j,), similarity))
    used_old = {i for p in pairs for i in p.old}
    used_new = {j for p in pairs for j in p.new}
    return pairs + _unmatched(old, new, used_old, used_new)


def _assigned(
    old: Document,
    new: Document,
    matrix: np.ndarray,
    cut: float,
    old_keys: list[str],
    new_keys: list[str],
) -> list[Pair]:
    rows, cols = linear_sum_assignment(matrix, maximize=True)
    pairs: list[Pair] = []
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        similarity = float(matrix[i, j])
        if similarity < cut:
            continue
        status = Status.REUSED if old_keys[i] == new_keys[j] else Status.ALTERED
        pairs.append(Pair(status, (i,), (j,), similarity))
    used_old = {i for p in pairs for i in p.old}
    used_new = {j for p in pairs for j in p.new}
    return pairs + _unmatched(old, new, used_old, used_new)


def assignment_baseline(old: Document, new: Document) -> list[Pair]:
    """Optimal 1:1 assignment on the Indel ratio of words; pairs below the threshold are cut."""
    old_keys = [cached_key(p.text) for p in old.paragraphs]
    new_keys = [cached_key(p.text) for p in new.paragraphs]
    codes: dict[str, str] = {}
    old_coded, new_coded = _coded(old_keys, codes), _coded(new_keys, codes)
    matrix = process.cdist(
        old_coded, new_coded, scorer=Indel.normalized_similarity, dtype=np.float32
    )
    return _assigned(old, new, matrix, CompareOptions().threshold, old_keys, new_keys)


TOKEN_SET_CUT = 60.0
"""The cut-off of the token-set baseline, on rapidfuzz's 0-100 scale."""


def token_set_baseline(old: Document, new: Document) -> list[Pair]:
    """Optimal 1:1 assignment on ``rapidfuzz.fuzz.token_set_ratio``; pairs below 60 are cut."""
    old_keys = [cached_key(p.text) for p in old.paragraphs]
    new_keys = [cached_key(p.text) for p in new.paragraphs]
    matrix = process.cdist(old_keys, new_keys, scorer=fuzz.token_set_ratio, dtype=np.float32)
    return _assigned(old, new, matrix, TOKEN_SET_CUT, old_keys, new_keys)


def prstdiff_aligner(old: Document, new: Document) -> Sequence[Pair]:
    """The engine under test."""
    return compare(old, new).pairs


METHODS: tuple[tuple[str, Aligner], ...] = (
    ("prstdiff", prstdiff_aligner),
    ("line diff (difflib)", line_diff_baseline),
    ("1:1 assignment, Indel ratio", assignment_baseline),
    ("1:1 assignment, token_set_ratio >= 60", token_set_baseline),
)
"""Every method the quality measures compare, the engine first."""


def score_half(half: str) -> dict[str, list[PairScore]]:
    """Every method's scores on every gold pair of one half (``tuning`` or ``test``)."""
    from prstdiff.parse import load

    results: dict[str, list[PairScore]] = {name: [] for name, _ in METHODS}
    for path in gold_files(half):
        gold = read_gold(path)
        old, new = load(gold.old_path), load(gold.new_path)
        for name, align in METHODS:
            results[name].append(measure(name, gold, align(old, new)))
    return results


def mean(values: Sequence[float]) -> float:
    """Arithmetic mean; 0 for no values."""
    return sum(values) / len(values) if values else 0.0


def pooled_flags(scores: Sequence[PairScore]) -> tuple[int, int]:
    """Moved, split and merged gold links found and expected, summed over pairs."""
    found = sum(sum(s.flags_found.values()) for s in scores)
    expected = sum(sum(s.flags_expected.values()) for s in scores)
    return found, expected
