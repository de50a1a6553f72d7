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
    fuzzy_share: float = 0.75
    """Least share of a searched phrase's content words a near match must hold, in order: three
    words out of four, so "women, peace and security" (three content words) needs all three and
    "secure peace and security" (no "women") is not a near match of it."""
    fuzzy_spread: float = 1.5
    """A near match's words stand within this many times the phrase's length in words (plus
    ``fuzzy_slack``): words of the phrase scattered over a long paragraph are not the phrase."""
    fuzzy_slack: int = 1
    """Words a near match may add to the spread above: "women and peace and security" (five words)
    for "women, peace and security" (four), but not "women to society, but also impede durable
    peace and security"."""
    series_link_share: float = 0.15
    """Least share of a document's language (scored words whose closest earlier source is there)
    that links it to the previous document of a followed series: the renewals of a mission carry
    half or more of each other's words, while the next thematic statement often carries a fifth."""
    series_fill_share: float = 0.5
    """Least share of its language a document between two steps of a followed series must take
    from the series to join it: another renewal takes more than half, a resolution on the same
    country but another matter (a crisis, a good-offices mission) less."""
    series_gap_factor: float = 1.5
    """A step of a series longer than this many times its usual (median) step is named as a gap:
    a half-yearly renewal followed a year later suggests a renewal the corpus lacks."""
    series_far_apart_days: int = 3 * 365
    """Two consecutive documents of a series further apart than this are warned about: what
    changed between them may have happened in documents in between."""
