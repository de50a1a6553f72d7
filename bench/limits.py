"""Benchmark: peak memory and time of a comparison against document size, up to the limit.

Run from the repository root: ``python bench/limits.py``. Each row compares a made-up document
with an edited copy of itself (every paragraph of S/RES/2587 (2021) repeated N times, each copy
with a made-up marker word, the copy with every seventh paragraph cut in half), in a fresh
process, so that the peak resident memory (``ru_maxrss``) belongs to that size alone. Beside
prstdiff, in the same run and the same process kind: reading both documents only (the floor any
comparison pays), and ``difflib.SequenceMatcher`` over the paragraphs (a line diff of the same
texts). The last row is at ``Limits.max_paragraphs``; past it a document is refused.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from prstdiff.limits import LIMITS

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "corpus" / "S_RES_2587_2021.txt"

CHILD = r"""
import json, resource, sys, time
from prstdiff.parse import load
what, old_path, new_path = sys.argv[1:4]
start = time.perf_counter()
old, new = load(old_path), load(new_path)
if what == "prstdiff":
    from prstdiff.compare import compare
    compare(old, new)
elif what == "difflib":
    import difflib
    difflib.SequenceMatcher(
        None, [p.text for p in old.paragraphs], [p.text for p in new.paragraphs], autojunk=False
    ).get_opcodes()
elapsed = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": elapsed, "peak_mb": peak, "paragraphs": len(old.paragraphs)}))
"""


def made_up(times: int, folder: Path) -> tuple[Path, Path]:
    """A made-up old and new document of ``times`` copies of the source's paragraphs."""
    from prstdiff.parse import load

    paragraphs = [p.text for p in load(SOURCE).paragraphs]
    old_lines, new_lines = [], []
    for copy in range(times):
        for text in paragraphs:
            words = text.split(" ")
            words.insert(len(words) // 2, f"madeup{copy}")
            line = " ".join(words)
            old_lines.append(line)
            cut = len(old_lines) % 7 == 0
            new_lines.append(" ".join(words[: len(words) // 2]) if cut else line)
    old, new = folder / f"old-{times}.txt", folder / f"new-{times}.txt"
    old.write_text("\n\n".join(old_lines) + "\n", encoding="utf-8")
    new.write_text("\n\n".join(new_lines) + "\n", encoding="utf-8")
    return old, new


def measure(what: str, old: Path, new: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, what, str(old), str(new)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--scales", default="1,10,50,100", help="copies of the source per document, comma-separated"
    )
    scales = [int(s) for s in parser.parse_args().scales.split(",")]
    per_copy = 44  # paragraphs of S/RES/2587 (2021)
    scales.append(LIMITS.max_paragraphs // per_copy)
    print(f"{'paragraphs':>10} {'read only':>16} {'difflib lines':>16} {'prstdiff':>16}")
    with tempfile.TemporaryDirectory() as folder:
        for times in scales:
            old, new = made_up(times, Path(folder))
            cells = []
            for what in ("read", "difflib", "prstdiff"):
                r = measure(what, old, new)
                cells.append(f"{r['seconds']:6.2f}s {r['peak_mb']:6.0f}MB")
            print(f"{times * per_copy:>10} " + " ".join(f"{c:>16}" for c in cells))


if __name__ == "__main__":
    main()
