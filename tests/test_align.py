"""Paragraph similarity and alignment on real corpus paragraphs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from prstdiff.align import Link, align_paragraphs, align_texts, score_words, similarity_matrix
from prstdiff.model import Document
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions
from prstdiff.parse import load

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def statement() -> Document:
    return load(CORPUS / "S_PRST_2007_42.txt")


@pytest.fixture(scope="module")
def resolution() -> Document:
    return load(CORPUS / "S_RES_1809_2008.txt")


def texts(document: Document) -> list[str]:
    return [p.text for p in document.paragraphs]


def at(document: Document, opening: str) -> int:
    """Index of the one paragraph of ``document`` that opens with ``opening``."""
    (index,) = [p.index for p in document.paragraphs if p.text.startswith(opening)]
    return index


def matched(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return sorted((link.old, link.new) for link in links if link.old and link.new)


def test_matrix_is_float32_in_unit_interval(statement: Document, resolution: Document) -> None:
    matrix = similarity_matrix(texts(statement), texts(resolution), CompareOptions())
    assert matrix.dtype == np.float32
    assert matrix.shape == (len(statement.paragraphs), len(resolution.paragraphs))
    assert float(matrix.min()) >= 0.0
    assert float(matrix.max()) <= 1.0


def test_a_paragraph_scores_one_against_itself(statement: Document) -> None:
    matrix = similarity_matrix(texts(statement), texts(statement), CompareOptions())
    assert np.allclose(np.diag(matrix), 1.0)


def test_score_of_a_pair_does_not_depend_on_the_batch(
    statement: Document, resolution: Document
) -> None:
    old, new = texts(statement), texts(resolution)
    full = similarity_matrix(old, new, CompareOptions())
    alone = similarity_matrix([old[4]], [new[6]], CompareOptions())
    subset = similarity_matrix(old[3:7], new[0:10], CompareOptions())
    assert alone[0, 0] == full[4, 6]
    assert np.array_equal(subset, full[3:7, 0:10])


def test_stock_opening_words_weigh_little() -> None:
    # Two paragraphs of S/PRST/2007/42 that share "The Security Council recognizes the
    # importance of" and nothing else worth the name.
    first = (
        "The Security Council recognizes the important role of regional and subregional "
        "organizations in the prevention, management and resolution of conflicts"
    )
    second = (
        "The Security Council recognizes the importance of promoting the identification and "
        "further development of modalities"
    )
    # "important" and "importance" share their Snowball stem: three words in common, far below
    # the threshold.
    assert similarity_matrix([first], [second], CompareOptions())[0, 0] < 0.25


def test_statement_language_found_in_the_resolution(
    statement: Document, resolution: Document
) -> None:
    # S/PRST/2007/42 -> S/RES/1809 (2008), as aligned by hand in tests/gold/: ¶5 "further
    # recognizes that regional and subregional organizations are well positioned ..." is the
    # preambular "Recognizing that regional organizations are well positioned ..."; ¶6's two
    # sentences went to OP 1 ("Expresses its determination to take effective steps ...") and
    # OP 5 ("Welcomes recent developments regarding cooperation ..."), four paragraphs apart;
    # ¶8 shares twelve words in a row with OP 2 ("involvement of regional and subregional
    # organizations in the peaceful settlement of disputes"); ¶7 is OP 6 ("encourages regional
    # and subregional organizations to strengthen and increase cooperation among them") and ¶9
    # the preambular "Emphasizing the need to ...", both far from where they stood; ¶10's closing
    # clause is OP 3. ¶2 -> PP 3 and ¶14 -> OP 17 are the gold's second readings (0.46 to 0.48
    # similar, in the same places, paired a little below the threshold).
    links = align_paragraphs(statement, resolution)
    recognizing = at(resolution, "Recognizing that regional organizations are well positioned")
    determination = at(resolution, "Expresses its determination to take effective steps")
    developments = at(resolution, "Welcomes recent developments regarding cooperation")
    involvement = at(resolution, "Encourages the continuing involvement of regional")
    strengthen = at(resolution, "Encourages regional and subregional organizations to strengthen")
    emphasizing = at(resolution, "Emphasizing the need to strengthen")
    welcomes = at(resolution, "Welcomes regional dialogue and the promotion")
    recalling = at(resolution, "Recalling its primary responsibility")
    reporting = at(resolution, "Requests the Secretary-General to include in his regular")
    assert [resolution.paragraphs[j].number for j in (determination, involvement, welcomes)] == [
        "1",
        "2",
        "3",
    ]
    assert [resolution.paragraphs[j].number for j in (developments, strengthen, reporting)] == [
        "5",
        "6",
        "17",
    ]
    assert matched(links) == [
        ((1,), (recalling,)),
        ((4,), (recognizing,)),
        ((5,), (determination, developments)),
        ((6,), (strengthen,)),
        ((7,), (involvement,)),
        ((8,), (emphasizing,)),
        ((9,), (welcomes,)),
        ((13,), (reporting,)),
    ]
    moved = sorted(link.old for link in links if link.moved)
    assert moved == [(6,), (8,)]
    scores = similarity_matrix(texts(statement), texts(resolution), CompareOptions())
    for row, column in [(1, recalling), (13, reporting)]:
        assert 0.45 <= scores[row, column] < 0.5
    # Honest similarities: the split and the carried run are reported as they score.
    by_old = {link.old: link for link in links}
    assert by_old[(7,)].similarity == pytest.approx(0.42, abs=0.005)


def test_every_paragraph_in_exactly_one_link(statement: Document, resolution: Document) -> None:
    links = align_paragraphs(statement, resolution)
    olds = sorted(i for link in links for i in link.old)
    news = sorted(j for link in links for j in link.new)
    assert olds == list(range(len(statement.paragraphs)))
    assert news == list(range(len(resolution.paragraphs)))


def test_order_respecting_alignment_finds_a_moved_paragraph(statement: Document) -> None:
    # Made-up reordering of S/PRST/2007/42: its second statement paragraph moved to the end.
    old = texts(statement)
    new = old[:1] + old[2:] + old[1:2]
    links = align_texts(old, new)
    moved = [(link.old, link.new) for link in links if link.moved]
    assert moved == [((1,), (len(old) - 1,))]
    assert all(link.similarity == 1.0 for link in links)


def test_split_and_merge_of_real_paragraphs(statement: Document) -> None:
    # Made-up: S/PRST/2007/42 ¶13 (three sentences) cut after its first sentence, and ¶6 and ¶7
    # joined into one paragraph.
    old = texts(statement)
    first, rest = old[12].split(". ", 1)
    new = [*old[:5], old[5] + " " + old[6], *old[7:12], first + ".", rest, *old[13:]]
    links = {(link.old, link.new): link for link in align_texts(old, new)}
    merged = links[(5, 6), (5,)]
    split = links[(12,), (11, 12)]
    # The second old paragraph's formula ("The Security Council encourages") is folded on its
    # own, but stands inside the merged paragraph: "security" is one scored word more.
    assert merged.merged and not merged.split and merged.similarity == pytest.approx(128 / 129)
    assert split.split and not split.merged and split.similarity == 1.0
    assert len(links) == len(old) - 1


def test_unrelated_new_paragraph_is_not_paired_for_its_opening(statement: Document) -> None:
    # Made-up: a statement paragraph replaced by one that opens with the same formula as its
    # neighbours ("The Security Council recognizes the") but carries other language.
    old = texts(statement)
    new = list(old)
    new[2] = (
        "The Security Council recognizes the importance of made-up wording that appears in no "
        "Council document, inserted here to test the alignment."
    )
    links = align_texts(old, new)
    assert ((2,), ()) in [(link.old, link.new) for link in links]
    assert ((), (2,)) in [(link.old, link.new) for link in links]
    assert len(matched(links)) == len(old) - 1


def test_threshold_is_honoured(statement: Document, resolution: Document) -> None:
    # Without the evidence of containment and shared runs, only similarity admits a pair.
    options = CompareOptions(
        threshold=0.6, gap_allowance=0.0, contained_share=1.01, run_min_words=0
    )
    links = align_paragraphs(statement, resolution, options)
    recognizing = at(resolution, "Recognizing that regional organizations are well positioned")
    assert matched(links) == [((4,), (recognizing,))]


def test_three_way_split_whose_parts_score_near_the_threshold(statement: Document) -> None:
    # Made-up: S/PRST/2007/42 ¶13 ("... recognizes the importance of promoting the identification
    # ... For that purpose, ... The Security Council recognizes the Peacebuilding Commission ...")
    # cut into its three sentences; each scores about 0.5 (0.42 to 0.54) against the whole.
    old = texts(statement)
    parts = old[12].split(". ")
    assert len(parts) == 3
    new = [*old[:12], parts[0] + ".", parts[1] + ".", parts[2], *old[13:]]
    scores = similarity_matrix([old[12]], new[12:15], CompareOptions())
    assert float(scores.min()) < 0.45
    links = align_texts(old, new)
    split = [link for link in links if link.split]
    assert [(link.old, link.new) for link in split] == [((12,), (12, 13, 14))]
    assert len(links) == len(old)


def test_scored_words_of_a_split_part_stand_inside_the_whole() -> None:
    # S/RES/820 (1993): a paragraph and its closing clause cut off as a paragraph of its own
    # (made-up cut). The clause's leading "Calls" is folded as a formula, the "calls" inside the
    # whole paragraph is stemmed the same way.
    whole = (
        "Expresses its grave concern at the refusal so far of the Bosnian Serb party to accept "
        "the Agreement on Interim Arrangements and the provisional provincial map, and calls on "
        "that party to accept the peace plan in full;"
    )
    part = "Calls on that party to accept the peace plan in full;"
    stop = CompareOptions().stop_words
    part_words = score_words(comparison_key(part), stop)
    assert part_words == ["call", "parti", "accept", "peac", "plan", "full"]
    whole_words = score_words(comparison_key(whole), stop)
    assert whole_words[-len(part_words) :] == part_words
    assert whole_words[0] == "express"
