"""Quality on real pairs: prstdiff and three baselines against the hand-made gold alignments.

Run from the repository root: ``python bench/quality.py [--half tuning|test]`` (default
``tuning``). For every gold file of that half it aligns the two documents with each method of
``tests/goldset.py`` (prstdiff, the difflib line diff, one-to-one assignment over the Indel ratio,
one-to-one assignment over ``token_set_ratio`` >= 60) and prints, per real pair and as the mean
over pairs, link F1, precision and recall, status accuracy and moved/split/merged recall. The
measures are defined once, in ``tests/goldset.py``, which the tests import too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

# This checkout's package and test helpers, whatever the installed prstdiff points at.
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from goldset import PairScore, mean, pooled_flags, score_half  # noqa: E402


def flag_recall(scores: Sequence[PairScore]) -> str:
    """Moved/split/merged recall pooled over pairs, with the count it rests on."""
    found, expected = pooled_flags(scores)
    return f"{found / expected:.3f} ({found}/{expected})" if expected else "-"


def table(results: dict[str, list[PairScore]]) -> str:
    """Per-pair rows for every method, then each method's means."""
    lines = [
        f"{'pair':44} {'method':38} {'F1':>6} {'P':>6} {'R':>6} {'status':>7} {'m/s/m R':>12}",
        "-" * 124,
    ]
    golds = [s.gold for s in next(iter(results.values()))]
    for index, gold in enumerate(golds):
        for name, scores in results.items():
            s = scores[index]
            flags = "-" if s.flag_recall is None else f"{s.flag_recall:.3f}"
            lines.append(
                f"{gold[:44]:44} {name:38} {s.f1:6.3f} {s.precision:6.3f} {s.recall:6.3f} "
                f"{s.status_accuracy:7.3f} {flags:>12}"
            )
    lines.append("-" * 124)
    for name, scores in results.items():
        lines.append(
            f"{'MEAN of ' + str(len(scores)) + ' pairs':44} {name:38} "
            f"{mean([s.f1 for s in scores]):6.3f} {mean([s.precision for s in scores]):6.3f} "
            f"{mean([s.recall for s in scores]):6.3f} "
            f"{mean([s.status_accuracy for s in scores]):7.3f} {flag_recall(scores):>12}"
        )
    for name, scores in results.items():
        if scores:
            worst = min(scores, key=lambda s: s.f1)
            lines.append(f"lowest F1, {name}: {worst.f1:.3f} ({worst.gold})")
    return "\n".join(lines)


def main() -> None:
    """Print the quality table of one half of the gold set."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tuning", "test"), default="tuning")
    args = parser.parse_args()
    print(f"Gold half: {args.half}")
    print(table(score_half(args.half)))


if __name__ == "__main__":
    main()
