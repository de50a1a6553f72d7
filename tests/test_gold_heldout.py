"""The engine on the held-out half of the real gold: pairs nobody tuned the engine on.

The eight pairs of ``tests/gold/`` marked ``"half": "test"`` were aligned by hand by someone who
never ran the engine, and kept out of sight while the engine was tuned. This test guards the
figures measured on them (``python bench/quality.py --half test`` prints the table) with floors a
little under today's values, so that a change costing unseen real pairs fails. The issue's own
targets (mean link F1 >= 0.93, no pair below 0.85) are not all met yet: the floors below are the
measured state, not the goal.
"""

from __future__ import annotations

import json

import pytest
from goldset import gold_files, mean, pooled_flags, score_half

from prstdiff.parse import load

HELD_OUT = gold_files("test")


def test_the_held_out_half_holds_eight_real_pairs() -> None:
    kinds = sorted(json.loads(path.read_text(encoding="utf-8"))["kind"] for path in HELD_OUT)
    assert kinds == ["renewal"] * 3 + ["statement-resolution"] * 3 + ["thematic"] * 2


def test_held_out_figures_against_the_baselines(capsys: pytest.CaptureFixture[str]) -> None:
    scores = score_half("test")
    f1 = {name: mean([s.f1 for s in rows]) for name, rows in scores.items()}
    engine = scores["prstdiff"]
    found, expected = pooled_flags(engine)
    with capsys.disabled():
        print("\nheld-out half, mean link F1: " + ", ".join(f"{n} {v:.3f}" for n, v in f1.items()))
    # Measured last with the final round of rules: F1 0.963 (precision 0.961, recall 0.964),
    # lowest 0.750 (S/PRST/2008/18 -> S/RES/1894), best baseline 0.867, flags 18 of 19.
    assert f1["prstdiff"] >= 0.95
    assert mean([s.precision for s in engine]) >= 0.95
    assert min(s.f1 for s in engine) >= 0.74
    assert f1["prstdiff"] >= max(v for n, v in f1.items() if n != "prstdiff") + 0.09
    assert found / expected >= 0.85


@pytest.mark.parametrize("path", HELD_OUT, ids=lambda path: path.stem)
def test_held_out_gold_still_points_at_the_reader_paragraphs(path: object) -> None:
    """Every paragraph once, and each opening where the reader puts it (a reader change that
    shifts paragraphs must update the gold, not silently change the figures)."""
    data = json.loads(path.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    for side in ("old", "new"):
        document = load(data[side])
        assert len(document.paragraphs) == data[f"{side}_paragraphs"]
        assert sorted(i for pair in data["pairs"] for i in pair[side]) == list(
            range(len(document.paragraphs))
        )
        for pair in data["pairs"]:
            for index, opening in zip(pair[side], pair[f"{side}_openings"], strict=True):
                text = " ".join(document.paragraphs[index].text.split())
                assert text.startswith(" ".join(opening.split())), (side, index, opening)
