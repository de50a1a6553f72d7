"""Tunable numbers of the comparison, each with the reason for its default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """Thresholds and weights of paragraph alignment and word diffs."""

    threshold: float = 0.5
    """Least word-level similarity for two paragraphs to count as the same, altered, language.
    Below one half, most shared words are the Council's stock phrases rather than carried text."""
    phrase_min_words: int = 8
    """Shortest run of shared words reported as a reused phrase inside a new paragraph; eight words
    rarely repeat by chance outside the opening formulas."""
    diff_timeout: float = 1.0
    """Seconds diff-match-patch may spend on one paragraph pair before it settles for a coarser
    (still correct) diff; paragraphs are short, so the limit only guards pathological input."""
