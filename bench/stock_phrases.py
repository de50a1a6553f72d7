"""Write ``prstdiff/data/stock_phrases.txt``: the standing wording of the bundled corpus.

Run from the repository root after the corpus or the reader changes:
``python bench/stock_phrases.py`` (``--check`` only compares and exits 1 when the shipped file
differs). Every document of ``corpus/`` is read, each paragraph turned into the words the
aligner's runs see (``prstdiff.align.stemmed_words`` of its comparison key), and every phrase of
``prstdiff.stock.STOCK_WORDS`` words that ``STANDING_DOCUMENTS`` or more dated documents hold is
listed with the date of the ``STANDING_DOCUMENTS``-th of them, the day it became standing
(``prstdiff.stock.standing_since``). Lines are sorted: the same corpus gives the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

# This checkout's package, whatever the installed prstdiff points at.
ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from prstdiff.align import stemmed_words  # noqa: E402
from prstdiff.normalize import comparison_key  # noqa: E402
from prstdiff.parse import load  # noqa: E402
from prstdiff.stock import render_stock_file, standing_since  # noqa: E402

CORPUS = ROOT / "corpus"
TARGET = ROOT / "prstdiff" / "data" / "stock_phrases.txt"


def corpus_words(corpus: Path = CORPUS) -> Iterator[tuple[dt.date | None, list[list[str]]]]:
    """Each corpus document's date and paragraphs, as the words the aligner's runs see."""
    stems: dict[str, str] = {}
    for path in sorted(corpus.glob("S_*.txt")):
        document = load(path)
        words = [stemmed_words(comparison_key(p.text), stems) for p in document.paragraphs]
        yield document.date, words


def stock_file_text(corpus: Path = CORPUS) -> str:
    """The text ``prstdiff/data/stock_phrases.txt`` should hold for this corpus."""
    return render_stock_file(standing_since(corpus_words(corpus)))


def main(argv: Sequence[str] | None = None) -> int:
    """Write the file, or with ``--check`` say whether it is current."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    text = stock_file_text()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        print("current" if current == text else f"stale: rerun {Path(__file__).name}")
        return 0 if current == text else 1
    TARGET.write_text(text, encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {text.count(chr(10)) - 4} phrases")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
