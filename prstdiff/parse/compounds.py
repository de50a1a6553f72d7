"""Hyphenated compounds of UN texts, for deciding a hyphen that falls at a line end.

The set holds every pair of hyphen-joined words that the bundled corpus prints inside a line
(``secretary-general``, ``peace-keeping``, ``cease-fire``, ``non-governmental``), lower-cased:
where a line ends in ``Peace-`` and the next begins ``keeping``, the hyphen is the word's own.
The list lives in the data file ``compounds.txt`` beside this module. ``derive_compounds``
recomputes it from texts, leaving out OCR misreadings that are known not to be compounds; a test
checks it against the corpus, so the set cannot drift from the data it describes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files

__all__ = ["HYPHENATED_COMPOUNDS", "OCR_MISREADINGS", "derive_compounds"]

OCR_MISREADINGS = frozenset({"co-operaticn"})
"""Hyphen-joined pairs the corpus prints only through an OCR slip (``co-operation`` misread):
not compounds, so not in the list."""


@cache
def _compound() -> re.Pattern[str]:
    """A hyphen-joined run of words (compiled on first use: only ``derive_compounds`` needs it)."""
    return re.compile(r"(?<![\w-])([A-Za-z]+(?:-[A-Za-z]+)+)(?![\w-])")


def derive_compounds(texts: Iterable[str]) -> frozenset[str]:
    """Every ``first-second`` pair of words printed hyphen-joined inside a line of the texts."""
    pairs: set[str] = set()
    compound = _compound()
    for text in texts:
        for line in text.split("\n"):
            for match in compound.finditer(line.rstrip()):
                parts = match[1].lower().split("-")
                pairs.update(f"{first}-{second}" for first, second in itertools.pairwise(parts))
    return frozenset(pairs - OCR_MISREADINGS)


def _read_list() -> frozenset[str]:
    text = files("prstdiff.parse").joinpath("compounds.txt").read_text(encoding="utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


HYPHENATED_COMPOUNDS: frozenset[str] = _read_list()
"""Every hyphen-joined pair of words the corpus prints inside a line, lower-cased."""
