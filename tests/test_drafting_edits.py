"""The engine on made-up drafting edits, one a variant, in every corpus document read from a PDF.

``tests/drafting_edits.py`` makes, in a real document, one of the edits the real pairs show and
the made-up variants of ``tests/variants.py`` do not: a paragraph that grows, a split or merge
whose parts are far apart, a preambular paragraph that becomes operative at the other end of the
text, and a paragraph rewritten around a kept clause. Each variant is measured whole: the edited
unit must be found exactly (indices, status and flags) and every other paragraph reused in place.

Re-run: ``python -m pytest tests/test_drafting_edits.py -s -q`` (the counts are printed).
"""

from __future__ import annotations

import random
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
from drafting_edits import DraftingEdit, DraftingVariant, drafting_variant
from goldset import FLAGS, gold_from_units, measure, prstdiff_aligner

from prstdiff.compare import compare
from prstdiff.model import Comparison, Document, Status
from prstdiff.parse import load

CORPUS = Path(__file__).parent.parent / "corpus"
STRUCTURAL = (
    DraftingEdit.GROWN,
    DraftingEdit.FAR_SPLIT,
    DraftingEdit.FAR_MERGE,
    DraftingEdit.TO_OPERATIVE,
)


@cache
def documents() -> tuple[Document, ...]:
    """The corpus documents read from UN PDFs (1995 on), twelve paragraphs or more."""
    found = []
    for path in sorted(CORPUS.glob("S_*.txt")):
        document = load(path)
        layout = document.source.layout if document.source is not None else ""
        if layout == "wrapped" and len(document.paragraphs) >= 12:
            found.append(document)
    return tuple(found)


@cache
def variants(edit: DraftingEdit) -> tuple[DraftingVariant, ...]:
    """One variant of each document that suits the edit, seeded by symbol and edit."""
    made = []
    for document in documents():
        variant = drafting_variant(document, edit, random.Random(f"{document.symbol}/{edit}"))
        if variant is not None:
            made.append(variant)
    return tuple(made)


def _wrong(variant: DraftingVariant, comparison: Comparison) -> list[str]:
    """The units of the truth the engine does not give exactly."""
    found = {(p.old, p.new): p for p in comparison.pairs}
    wrong = []
    for old, new, status, flags in variant.units:
        pair = found.get((old, new))
        got = None if pair is None else tuple(f for f in FLAGS if getattr(pair, f))
        if pair is None or pair.status is not status or got != flags:
            engine = [
                (p.old, p.new, p.status.value, round(p.similarity or 0.0, 2))
                for p in comparison.pairs
                if set(p.old) & set(old) or set(p.new) & set(new)
            ]
            wrong.append(f"{variant.old.symbol} {old}->{new} {status.value} {flags}: {engine}")
    return wrong


def test_every_modern_document_is_edited() -> None:
    """The set is large and does not quietly shrink: counts as measured when it was written."""
    assert len(documents()) == 106
    assert {edit: len(variants(edit)) for edit in DraftingEdit} == {
        DraftingEdit.GROWN: 106,
        DraftingEdit.FAR_SPLIT: 46,
        DraftingEdit.FAR_MERGE: 106,
        DraftingEdit.TO_OPERATIVE: 86,
        DraftingEdit.KEPT_CLAUSE: 106,
    }


def test_variants_are_made_up_and_change_one_unit() -> None:
    for edit in DraftingEdit:
        for variant in variants(edit):
            assert variant.new.symbol is None
            assert variant.new.title.startswith("Made-up variant of ")
            for old, new, status, flags in variant.units:
                if (old, new, status, flags) == variant.edited:
                    continue
                # Outside the edit, the same text: the one edit is all that differs.
                assert variant.old.paragraphs[old[0]].text == variant.new.paragraphs[new[0]].text
                assert status is Status.REUSED and not flags
            assert variant.edited[2] is Status.ALTERED or variant.edit is DraftingEdit.FAR_SPLIT
            olds = sorted(i for u in variant.units for i in u[0])
            news = sorted(j for u in variant.units for j in u[1])
            assert olds == list(range(len(variant.old.paragraphs)))
            assert news == list(range(len(variant.new.paragraphs)))


@pytest.mark.parametrize("edit", STRUCTURAL, ids=str)
def test_each_drafting_edit_is_found_exactly(
    edit: DraftingEdit, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every variant whole: the edited unit with its status and flags, the rest reused in
    place, and the same variants scored as the real pairs are (link F1 1.000)."""
    wrong, f1 = [], []
    for variant in variants(edit):
        comparison = compare(variant.old, variant.new)
        wrong += _wrong(variant, comparison)
        gold = gold_from_units(
            str(variant.old.symbol),
            variant.units,
            len(variant.old.paragraphs),
            len(variant.new.paragraphs),
        )
        f1.append(measure("prstdiff", gold, prstdiff_aligner(variant.old, variant.new)).f1)
    with capsys.disabled():
        print(f"\n{edit}: {len(variants(edit)) - len(wrong)} of {len(variants(edit))} exact")
    assert wrong == []
    assert min(f1) == 1.0


def test_a_kept_clause_can_always_be_traced(capsys: pytest.CaptureFixture[str]) -> None:
    """Rewritten around a kept clause of 10 to 12 words: the pair is matched, or the new
    paragraph shows the clause as a phrase of its old paragraph. Which one depends on how much
    of the paragraph is left; both are counted."""
    seen: Counter[str] = Counter()
    lost = []
    for variant in variants(DraftingEdit.KEPT_CLAUSE):
        (i,), (j,), _, _ = variant.edited
        comparison = compare(variant.old, variant.new)
        pair = next(p for p in comparison.pairs if j in p.new)
        if pair.old == (i,):
            seen["matched"] += 1
        elif not pair.old and any(ph.other == i and ph.words >= 8 for ph in pair.phrases):
            seen["phrase shown"] += 1
        else:
            lost.append(f"{variant.old.symbol} ¶{i + 1}: {variant.kept!r}")
    with capsys.disabled():
        print(f"\nkept clause: {dict(seen)}")
    assert lost == []
    assert seen == {"matched": 23, "phrase shown": 83}
