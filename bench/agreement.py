"""How far two readers agree on the held-out pairs, beside how far the engine agrees with each.

Run from the repository root: ``python bench/agreement.py``. For every held-out pair that a
second reader aligned independently (``tests/gold/second/``), it scores, with the measures of
``tests/goldset.py`` (each reader's doubtful pairs accept their second readings):

- the engine against the first reading (the held-out figure of ``bench/quality.py --half test``)
  and against the second;
- the second reader's primary reading against the first reading, and the first against the
  second: the agreement of two careful readers, the most a matcher can be asked to reach.
"""

from __future__ import annotations

import sys
from pathlib import Path

# This checkout's package and test helpers, whatever the installed prstdiff points at.
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from goldset import (  # noqa: E402
    PairScore,
    mean,
    measure,
    prstdiff_aligner,
    second_readings,
)

COLUMNS = (
    "engine vs 1st",
    "engine vs 2nd",
    "2nd vs 1st",
    "1st vs 2nd",
)


def scores() -> list[tuple[str, tuple[PairScore, ...]]]:
    """Per held-out pair with a second reading: the four scores of ``COLUMNS``."""
    from prstdiff.parse import load

    rows = []
    for first, second in second_readings():
        engine = prstdiff_aligner(load(first.old_path), load(first.new_path))
        rows.append(
            (
                first.name,
                (
                    measure("prstdiff", first, engine),
                    measure("prstdiff", second, engine),
                    measure("second reader", first, second.pairs),
                    measure("first reader", second, first.pairs),
                ),
            )
        )
    return rows


def table(rows: list[tuple[str, tuple[PairScore, ...]]]) -> str:
    """Link F1 (precision / recall) per pair and the means."""
    width = 44
    lines = [f"{'pair':{width}} " + " ".join(f"{c:>20}" for c in COLUMNS), "-" * (width + 84)]

    def cell(s: PairScore) -> str:
        return f"{s.f1:.3f} ({s.precision:.2f}/{s.recall:.2f})"

    for name, row in rows:
        lines.append(f"{name[:width]:{width}} " + " ".join(f"{cell(s):>20}" for s in row))
    lines.append("-" * (width + 84))
    means = []
    for k in range(len(COLUMNS)):
        f1 = mean([r[k].f1 for _, r in rows])
        precision, recall = (
            mean([r[k].precision for _, r in rows]),
            mean([r[k].recall for _, r in rows]),
        )
        means.append(f"{f1:.3f} ({precision:.2f}/{recall:.2f})")
    label = f"MEAN of {len(rows)} pairs"
    lines.append(f"{label:{width}} " + " ".join(f"{m:>20}" for m in means))
    lows = [min(r[k].f1 for _, r in rows) if rows else 0.0 for k in range(len(COLUMNS))]
    lines.append(f"{'lowest pair':{width}} " + " ".join(f"{low:>20.3f}" for low in lows))
    return "\n".join(lines)


def main() -> None:
    """Print the agreement table."""
    print("Link F1 (precision/recall); each reading's doubtful pairs accept their second readings")
    print(table(scores()))


if __name__ == "__main__":
    main()
