"""Quality of the comparison engine on made-up variants of real documents, against three baselines.

Each variant (``tests/variants.py``) is a real corpus document edited by rules that leave the
expected alignment known. The figures, for prstdiff and for three baselines run in the same test:

- **link F1**: links are the (old indices, new indices) pairs, dropped paragraphs as
  ``((i,), ())`` and new ones as ``((), (j,))``; precision and recall over all variants;
- **status accuracy**: the share of paragraphs (old and new) whose pair has the expected status;
- **moved / split / merged recall**: the share of expected moved, split and merged links found
  with the same indices and the flag set (precision likewise, printed only).

These unit-level figures are stricter than the real pairs' measures; the same variants are also
measured exactly as the real pairs are (``goldset.measure``: links are (old index, new index)
pairs inside matched units), and that mean link F1 must stay at 0.99 or above.

The baselines (``tests/goldset.py``) have no moves, splits or merges: a line diff
(``difflib.SequenceMatcher`` over the paragraphs' comparison keys, replaced runs paired in order
when similar enough) and one-to-one assignment (``scipy.optimize.linear_sum_assignment``) over the
Indel ratio of the paragraphs' words (pairs kept above the threshold) or over
``rapidfuzz.fuzz.token_set_ratio`` (kept from 60).

Re-run: ``python -m pytest tests/test_quality.py -s -q`` (the table is printed either way).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from goldset import (
    assignment_baseline,
    gold_from_units,
    line_diff_baseline,
    measure,
    prstdiff_aligner,
    token_set_baseline,
)
from variants import (
    Edit,
    Link,
    Variant,
    VariantRules,
    flag_moves,
    fold_words,
    make_variant,
    word_similarity,
)

from prstdiff.model import Document, Pair, Status
from prstdiff.parse import load

HERE = Path(__file__).parent
CORPUS = HERE.parent / "corpus"

# (document, donor of inserted paragraphs: an unrelated document of the same kind)
SOURCES: tuple[tuple[Path, Path], ...] = (
    # wrapped modern statements, and the seed in its one-paragraph-per-line layout
    (CORPUS / "S_PRST_2007_42.txt", CORPUS / "S_PRST_2015_3.txt"),
    (CORPUS / "S_PRST_2010_1.txt", CORPUS / "S_PRST_2015_3.txt"),
    (CORPUS / "S_PRST_2014_27.txt", CORPUS / "S_PRST_2015_3.txt"),
    (CORPUS / "S_PRST_2015_3.txt", CORPUS / "S_PRST_2010_1.txt"),
    (HERE / "fixtures" / "S_PRST_2007_42.onecol.txt", CORPUS / "S_PRST_2015_3.txt"),
    # wrapped modern resolutions
    (CORPUS / "S_RES_1325_2000.txt", CORPUS / "S_RES_2587_2021.txt"),
    (CORPUS / "S_RES_1809_2008.txt", CORPUS / "S_RES_2242_2015.txt"),
    (CORPUS / "S_RES_2561_2021.txt", CORPUS / "S_RES_2242_2015.txt"),
    (CORPUS / "S_RES_2467_2019.txt", CORPUS / "S_RES_2587_2021.txt"),
    # yearly-volume resolutions (OCR of the printed volumes)
    (CORPUS / "S_RES_186_1964.txt", CORPUS / "S_RES_661_1990.txt"),
    (CORPUS / "S_RES_47_1948.txt", CORPUS / "S_RES_820_1993.txt"),
    (CORPUS / "S_RES_661_1990.txt", CORPUS / "S_RES_186_1964.txt"),
    (CORPUS / "S_RES_820_1993.txt", CORPUS / "S_RES_47_1948.txt"),
)
SEEDS_PER_DOCUMENT = 16
FLAGS = ("moved", "split", "merged")
MIN_CASES = 90

Aligner = Callable[[Document, Document], Sequence[Pair]]
Key = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True, slots=True)
class Scores:
    """Figures of one method over all variants."""

    method: str
    """Who aligned: prstdiff or a baseline."""
    link_precision: float
    """Share of the method's links that are expected links."""
    link_recall: float
    """Share of the expected links that the method found."""
    status_accuracy: float
    """Share of paragraphs whose pair has the expected status."""
    flag_recall: dict[str, float]
    """For moved, split and merged: share of the expected flagged links found flagged."""
    flag_precision: dict[str, float]
    """For moved, split and merged: share of the flagged links that are expected so."""
    seconds: float
    """Time spent aligning all variants (printed for information only)."""

    @property
    def link_f1(self) -> float:
        """Harmonic mean of link precision and recall."""
        total = self.link_precision + self.link_recall
        return 2 * self.link_precision * self.link_recall / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """An expected link that a method did not produce exactly."""

    variant: str
    """The made-up variant's name (document and seed)."""
    expected: Link
    """The expected link."""
    got: tuple[Pair, ...]
    """The method's pairs that hold any of the link's paragraphs."""


def _key(pair: Pair | Link) -> Key:
    return (tuple(pair.old), tuple(pair.new))


def _statuses(pairs: Iterable[Pair | Link]) -> dict[tuple[str, int], Status]:
    """Status of every paragraph, by side and index."""
    found: dict[tuple[str, int], Status] = {}
    for pair in pairs:
        for i in pair.old:
            found["old", i] = pair.status
        for j in pair.new:
            found["new", j] = pair.status
    return found


def score(
    method: str, variants: Sequence[Variant], align: Aligner
) -> tuple[Scores, list[Miss], Counter[str]]:
    """Run ``align`` on every variant and score it against the truth."""
    found_links = predicted_links = expected_links = 0
    right_status = paragraphs = 0
    flag_hits: Counter[str] = Counter()
    flag_expected: Counter[str] = Counter()
    flag_predicted: Counter[str] = Counter()
    misses: list[Miss] = []
    missed_by_edit: Counter[str] = Counter()
    seconds = 0.0
    for variant in variants:
        started = time.perf_counter()
        pairs = tuple(align(variant.old, variant.new))
        seconds += time.perf_counter() - started
        by_key = {_key(p): p for p in pairs}
        truth = {_key(link): link for link in variant.links}
        predicted_links += len(by_key)
        expected_links += len(truth)
        found_links += len(by_key.keys() & truth.keys())
        expected_status = _statuses(variant.links)
        got_status = _statuses(pairs)
        paragraphs += len(expected_status)
        right_status += sum(got_status.get(k) is s for k, s in expected_status.items())
        for flag in FLAGS:
            expected = {k for k, link in truth.items() if getattr(link, flag)}
            predicted = {k for k, pair in by_key.items() if getattr(pair, flag)}
            flag_expected[flag] += len(expected)
            flag_predicted[flag] += len(predicted)
            flag_hits[flag] += len(expected & predicted)
        for key, link in truth.items():
            pair = by_key.get(key)
            flags_right = pair is not None and all(
                getattr(pair, f) == getattr(link, f) for f in FLAGS
            )
            if pair is not None and pair.status is link.status and flags_right:
                continue
            for label in _labels(link):
                missed_by_edit[label] += 1
            held = [p for p in pairs if set(p.old) & set(link.old) or set(p.new) & set(link.new)]
            misses.append(Miss(variant.name, link, tuple(held)))
    scores = Scores(
        method=method,
        link_precision=found_links / predicted_links if predicted_links else 0.0,
        link_recall=found_links / expected_links if expected_links else 0.0,
        status_accuracy=right_status / paragraphs if paragraphs else 0.0,
        flag_recall={
            f: flag_hits[f] / flag_expected[f] if flag_expected[f] else 0.0 for f in FLAGS
        },
        flag_precision={
            f: flag_hits[f] / flag_predicted[f] if flag_predicted[f] else 0.0 for f in FLAGS
        },
        seconds=seconds,
    )
    return scores, misses, missed_by_edit


def _labels(link: Link) -> list[str]:
    labels = [link.edit.value]
    labels += [flag for flag in FLAGS if getattr(link, flag) and flag not in labels[0]]
    return labels


# --- the test ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def variants() -> list[Variant]:
    """Every made-up variant of the quality run, drawn once."""
    made: list[Variant] = []
    for source, donor in SOURCES:
        old = load(source)
        donors = [p.text for p in load(donor).paragraphs]
        label = source.name.removesuffix(".txt")
        made += [make_variant(old, seed, donors, label=label) for seed in range(SEEDS_PER_DOCUMENT)]
    return made


def format_table(rows: Sequence[Scores]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| method | link P | link R | link F1 | status acc. | moved R | split R | merged R "
        "| moved P | split P | merged P |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in rows:
        recall = " | ".join(f"{s.flag_recall[f]:.3f}" for f in FLAGS)
        precision = " | ".join(f"{s.flag_precision[f]:.3f}" for f in FLAGS)
        lines.append(
            f"| {s.method} | {s.link_precision:.3f} | {s.link_recall:.3f} | {s.link_f1:.3f} "
            f"| {s.status_accuracy:.3f} | {recall} | {precision} |"
        )
    return "\n".join(lines)


def describe(miss: Miss, variants_by_name: dict[str, Variant]) -> str:
    """One readable line per miss: expected link against the pairs found."""
    variant = variants_by_name[miss.variant]
    link = miss.expected
    flags = "".join(f" {f}" for f in FLAGS if getattr(link, f))
    got = "; ".join(
        f"{p.status.value} {list(p.old)}->{list(p.new)}"
        + "".join(f" {f}" for f in FLAGS if getattr(p, f))
        + (f" sim={p.similarity:.2f}" if p.similarity is not None else "")
        for p in miss.got
    )
    first = link.old[0] if link.old else None
    opening = variant.old.paragraphs[first].text[:50] if first is not None else ""
    if not opening and link.new:
        opening = variant.new.paragraphs[link.new[0]].text[:50]
    return (
        f"{miss.variant} [{link.edit.value}] expected {link.status.value} "
        f"{list(link.old)}->{list(link.new)}{flags}; got {got} | {opening!r}"
    )


def test_variants_cover_the_required_ground(variants: list[Variant]) -> None:
    """At least 200 variants from at least 10 documents, every kind of edit well represented."""
    assert len(variants) >= 200
    assert len({v.name.rsplit("_", 1)[0] for v in variants}) >= 10
    layouts = {v.old.source.layout for v in variants if v.old.source is not None}
    assert layouts == {"wrapped", "yearly-volume", "one-paragraph-per-line"}
    edits = Counter(link.edit for v in variants for link in v.links)
    flags = Counter(f for v in variants for link in v.links for f in FLAGS if getattr(link, f))
    # Enough cases of each that one miss moves a figure by about one point, not more.
    for edit in Edit:
        assert edits[edit] >= MIN_CASES, (edit, edits)
    for flag in FLAGS:
        assert flags[flag] >= MIN_CASES, (flag, flags)


def test_variants_are_made_up_deterministic_and_consistent(variants: list[Variant]) -> None:
    """The generator's truth holds on its own terms, and a seed always draws the same variant."""
    rules = VariantRules()
    for variant in variants:
        assert variant.new.symbol is None
        assert variant.new.title == f"Made-up variant of {variant.old.name}"
        olds = sorted(i for link in variant.links for i in link.old)
        news = sorted(j for link in variant.links for j in link.new)
        assert olds == list(range(len(variant.old.paragraphs))), variant.name
        assert news == list(range(len(variant.new.paragraphs))), variant.name
        assert [p.index for p in variant.new.paragraphs] == news
        for link in variant.links:
            if not (link.old and link.new):
                continue
            before = " ".join(variant.old.paragraphs[i].text for i in link.old)
            after = " ".join(variant.new.paragraphs[j].text for j in link.new)
            same = fold_words(before) == fold_words(after)
            assert same is (link.status is Status.REUSED), (variant.name, link)
            similarity = word_similarity(before, after)
            if link.edit is Edit.LIGHT:
                assert similarity >= rules.light_min_similarity, (variant.name, link)
            if link.edit is Edit.HEAVY:
                assert rules.heavy_min_similarity <= similarity <= rules.heavy_max_similarity, (
                    variant.name,
                    link,
                )
    first, last = variants[0], variants[-1]
    for variant, (source, donor) in ((first, SOURCES[0]), (last, SOURCES[-1])):
        donors = [p.text for p in load(donor).paragraphs]
        label = source.name.removesuffix(".txt")
        again = make_variant(load(source), variant.seed, donors, label=label)
        assert again == variant


def test_moves_are_flagged_only_when_unambiguous() -> None:
    """A long jump is one moved link; two neighbours swapped could be either, so it is refused."""

    def links(order: Sequence[int]) -> tuple[Link, ...]:
        return tuple(
            Link((old,), (new,), Status.REUSED, Edit.KEEP) for new, old in enumerate(order)
        )

    jumped = flag_moves(links([0, 2, 3, 4, 5, 1, 6]))
    assert jumped is not None
    assert [link.old for link in jumped if link.moved] == [(1,)]
    assert flag_moves(links([0, 2, 1, 3, 4, 5])) is None
    assert flag_moves(links([0, 1, 2, 3])) == links([0, 1, 2, 3])


def test_quality_against_baselines(
    variants: list[Variant], capsys: pytest.CaptureFixture[str]
) -> None:
    """prstdiff reaches the agreed figures; the baselines are printed beside it."""
    engine, misses, missed_by_edit = score("prstdiff", variants, prstdiff_aligner)
    line_diff, _, _ = score("line diff (difflib)", variants, line_diff_baseline)
    assignment, _, _ = score("1:1 assignment, Indel ratio", variants, assignment_baseline)
    token_set, _, _ = score("1:1 assignment, token_set_ratio >= 60", variants, token_set_baseline)
    by_name = {v.name: v for v in variants}
    edits = Counter(label for v in variants for link in v.links for label in _labels(link))
    layouts = {v.name: v.old.source.layout if v.old.source else "?" for v in variants}
    links_by_layout = Counter(layouts[v.name] for v in variants for _ in v.links)
    missed_by_layout = Counter(layouts[m.variant] for m in misses)
    report = [
        f"\nQuality on {len(variants)} made-up variants of {len(SOURCES)} documents",
        format_table([engine, line_diff, assignment, token_set]),
        "prstdiff links not found exactly (status and flags), by edit: "
        + ", ".join(f"{label} {missed_by_edit[label]}/{edits[label]}" for label in sorted(edits)),
        "... by layout: "
        + ", ".join(
            f"{layout} {missed_by_layout[layout]}/{links_by_layout[layout]}"
            for layout in sorted(links_by_layout)
        ),
        *[describe(m, by_name) for m in misses[:15]],
        f"(seconds aligning: prstdiff {engine.seconds:.2f}, line diff {line_diff.seconds:.2f}, "
        f"assignment {assignment.seconds:.2f})",
    ]
    with capsys.disabled():
        print("\n".join(report))
    assert engine.link_f1 >= 0.97
    assert engine.status_accuracy >= 0.97
    for flag in FLAGS:
        assert engine.flag_recall[flag] >= 0.90, flag


def test_made_up_variants_measured_as_the_real_pairs(
    variants: list[Variant], capsys: pytest.CaptureFixture[str]
) -> None:
    """The made-up set, measured with the real pairs' link F1: it stays at 0.99 or above."""
    f1 = []
    for variant in variants:
        truth = gold_from_units(
            variant.name,
            [
                (link.old, link.new, link.status, tuple(f for f in FLAGS if getattr(link, f)))
                for link in variant.links
            ],
            len(variant.old.paragraphs),
            len(variant.new.paragraphs),
        )
        f1.append(measure("prstdiff", truth, prstdiff_aligner(variant.old, variant.new)).f1)
    with capsys.disabled():
        print(f"\nmade-up variants, mean link F1 as on real pairs: {sum(f1) / len(f1):.3f}")
    assert sum(f1) / len(f1) >= 0.99
