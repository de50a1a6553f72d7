"""Tunable numbers of corpus work (series grouping, trace, search), with reasons."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CorpusOptions:
    """Numbers that govern series grouping, trace and search."""

    subject_paragraphs: int = 3
    """Paragraphs (after the ``The Security Council,`` line) read for a subject where no agenda item
    is printed: the yearly volumes' resolutions name their country or mission in the first lines."""
    max_sources: int = 50
    """Most earlier paragraphs listed per traced paragraph (best similarity first, then oldest);
    earliest and closest are always found among all of them."""
    fuzzy_score: float = 90.0
    """Least ``partial_ratio`` (0-100) for a near match of a searched phrase: at 90 a phrase of
    ten words still matches with one word changed, while unrelated text sharing a few words
    does not."""
