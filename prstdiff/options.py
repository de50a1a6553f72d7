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
    gap_allowance: float = 0.05
    """How far below ``threshold`` paragraphs may score and still pair when they stand in the same
    place, between two matched pairs: their position is evidence a score cannot see."""
    order_weight: float = 0.5
    """Share of word order in similarity (the rest: the common words in any order). Drafters move
    clauses about inside a paragraph, so order alone under-rates carried language; words alone
    over-rate paragraphs on the same subject. Half and half scores both as a reader would."""
    candidate_margin: float = 0.15
    """A pair is a candidate only if its evidence is within this margin of the best of its old row
    and of its new column: a paragraph with a 0.9 partner elsewhere (moved) is not consumed by a
    0.55 neighbour that merely shares stock phrases, nor one kept whole (0.70) in a merged
    paragraph elsewhere by a 0.52 neighbour (S/RES/1296 (2000) OP 24, merged into S/RES/1674
    (2006) OP 25). Values from 0.10 to 0.15 read the real pairs alike; 0.25 let that neighbour
    take it."""
    containment: float = 0.6
    """Least share of a paragraph's words, in order, found inside another for it to count as a part
    of a split or merge; a cut part keeps most of its words even when edited (0.7 seen), while a
    borrowed phrase is a small share of its paragraph."""
    part_share: float = 0.45
    """Least share of its words, in order, that a part of a split or merge keeps inside the
    paragraph it came from when that paragraph is its best partner: drafters cut a statement's
    sentence off and rewrite half of it; such a part may stand anywhere in the text."""
    part_weighted_share: float = 0.33
    """Least share of a part's words found in the paragraph it joins, each word weighted by how few
    paragraphs of the two documents hold it: on real pairs the parts of splits and merges keep
    0.39 and more, a paragraph that shares only the subject's words with the group 0.26."""
    part_min_words: int = 2
    """Fewest scored words of a paragraph that joins a split or merge for being contained: a
    heading of one word (S/RES/2167 (2014) "Operational") is contained in every paragraph that
    uses the word, and carries no language of it."""
    split_gain: float = 0.03
    """Least rise in similarity for a neighbouring paragraph to join a split or merge, so stock
    phrases shared by chance never glue an unrelated paragraph to a group."""
    contained_share: float = 0.8
    """Least share of a paragraph's words found in order inside another for the pair to count as
    carried language whatever its similarity: a renewal that keeps every word and grows by two
    clauses scores 0.4, yet a reader sees the same paragraph at once."""
    contained_min_words: int = 6
    """Fewest scored words of the contained paragraph: a four-word closing formula sits inside
    many paragraphs without having been carried into any of them."""
    contained_spread: float = 3.0
    """Widest stretch of the longer paragraph, in lengths of the contained one, that its kept
    words may lie in: a clause carried into a grown paragraph stays a block, while a short
    paragraph's few words strewn over a long one only name the same things."""
    containment_weight: float = 0.75
    """Evidence of a pair per share of words contained: a paragraph kept whole inside another
    ranks with a 0.75-similar pair, below pairs that kept their words and their length."""
    run_min_words: int = 8
    """Shortest run of words in order (stop words counted) that is evidence of carried language
    when no other paragraph of either text holds it: eight words rarely repeat by chance."""
    run_min_content_words: int = 4
    """Fewest words of such a run that are not stop words, half the shortest run: nine words of
    which six are ``the``, ``on`` and ``of`` are a title both texts cite (``the Convention on the
    Rights of the Child and``), not language one took from the other. Also the fewest scored
    words of a paragraph that pairs for standing whole inside its best partner, too short for a
    run (``Reaffirming all its earlier resolutions on Cyprus,`` grown by the resolutions named)."""
    standing_wording: bool = True
    """Whether standing wording is weak evidence: a run made only of phrases that
    ``prstdiff.stock.STANDING_DOCUMENTS`` (10) dated corpus documents held before the earlier
    text (shipped data) is no distinctive run for a pair scoring under ``threshold -
    gap_allowance``. A series repeats its standing wording, so two texts holding it says little
    of one taking the other's paragraph; the texts that first carried it, before it stood, and
    pairs that nearly match on their words keep it as evidence. Undated texts: no effect."""
    run_floor: float = 0.3
    """Least similarity of two unmatched paragraphs that share such a run and are each other's
    best partner for them to pair; below it the run is a quotation inside otherwise new text."""
    kept_floor: float = 0.25
    """Least similarity for such partners when the run opens both paragraphs, or when one of
    them stands whole inside the other: a paragraph that kept its opening and was rewritten
    after it (``Welcomes the observations in the Secretary-General's report`` with or without a
    long tail). A run in the middle of both, under ``run_floor``, is as often a name both texts
    cite (``United Nations Action against Sexual Violence in Conflict``)."""
    opening_floor: float = 0.35
    """Least similarity for such partners (each other's best, both unmatched) that open with
    the same words, verb and object, from their first word on, with no long run: a paragraph
    rewritten after its opening (``Welcomes the sustained activity of its Working Group``, its
    tail rewritten). Lower, the same opening is as often a formula (``Requests the
    Secretary-General to develop``) on another subject."""
    opening_min_words: int = 3
    """Fewest scored words (not stop words) of that shared opening: a verb and a two-word
    object. Two are a formula alone (``Requests the Secretary-General``)."""
    stop_words: frozenset[str] = frozenset(
        [
            "a",
            "an",
            "and",
            "any",
            "all",
            "as",
            "at",
            "be",
            "by",
            "for",
            "from",
            "has",
            "have",
            "in",
            "into",
            "is",
            "it",
            "its",
            "of",
            "on",
            "or",
            "such",
            "that",
            "the",
            "their",
            "them",
            "these",
            "this",
            "those",
            "to",
            "which",
            "with",
            "council",
        ]
    )
    """Words left out of similarity: the function words and ``council`` that every paragraph of
    every Council text repeats, so that a score measures the carried language, not the grammar."""
