"""The cases of real drafting the matcher must read as a reader does, on corpus documents.

Each case is a pair of real, consecutive documents (aligned by hand in ``tests/gold/``) where an
earlier engine failed: a renewal paragraph that keeps every word and grows, a rewritten paragraph
that kept its opening, a statement paragraph whose two sentences went to two operative paragraphs
far apart, twelve words carried in a row, ``Chapter VII`` against ``Chapter VIII``, and the
extraction artefacts of a redline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from prstdiff.align import similarity_matrix
from prstdiff.compare import compare
from prstdiff.model import Comparison, Document, Op, Pair, Paragraph, Status, WordOp
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.render.labels import redline_spans

CORPUS = Path(__file__).parent.parent / "corpus"


def pair_of(comparison: Comparison, *, old: int | None = None, new: int | None = None) -> Pair:
    """The pair holding an old or a new paragraph."""
    return next(p for p in comparison.pairs if (old is not None and old in p.old) or new in p.new)


@pytest.fixture(scope="module")
def renewal() -> Comparison:
    """S/RES/2646 (2022) -> S/RES/2674 (2023), UNFICYP mandate renewals."""
    return compare(load(CORPUS / "S_RES_2646_2022.txt"), load(CORPUS / "S_RES_2674_2023.txt"))


@pytest.fixture(scope="module")
def statement_to_resolution() -> Comparison:
    """S/PRST/2007/42 -> S/RES/1809 (2008), regional organizations."""
    return compare(load(CORPUS / "S_PRST_2007_42.txt"), load(CORPUS / "S_RES_1809_2008.txt"))


def test_grown_mandate_paragraph_is_one_altered_pair(renewal: Comparison) -> None:
    # OP 10 keeps every word, moves the date on a year and grows two clauses.
    old_text = renewal.old.paragraphs[32].text
    new_text = renewal.new.paragraphs[32].text
    assert renewal.old.paragraphs[32].number == renewal.new.paragraphs[32].number == "10"
    assert old_text.endswith("for a further period ending on 31 January 2023;")
    pair = pair_of(renewal, old=32)
    assert (pair.old, pair.new, pair.status) == ((32,), (32,), Status.ALTERED)
    assert not (pair.moved or pair.split or pair.merged)
    kept = old_text.removesuffix("2023;")
    assert pair.ops == (
        WordOp(Op.EQUAL, kept),
        WordOp(Op.DELETE, "2023;"),
        WordOp(Op.INSERT, new_text.removeprefix(kept)),
    )
    assert new_text.removeprefix(kept).startswith("2024, affirms its intention to continue")
    # The similarity is reported as it scores, not raised to the threshold it passed by.
    assert pair.similarity == pytest.approx(0.42, abs=0.01)
    assert pair.similarity is not None and pair.similarity < renewal.options.threshold


def test_a_short_standing_paragraph_that_grew_is_one_altered_pair() -> None:
    # S/RES/1217 (1998) PP 5 -> S/RES/1251 (1999) PP 4: the series' own words, every one kept,
    # too short for a carried run; the resolutions it reaffirms are named after it.
    result = compare(load(CORPUS / "S_RES_1217_1998.txt"), load(CORPUS / "S_RES_1251_1999.txt"))
    assert result.old.paragraphs[4].text == "Reaffirming all its earlier resolutions on Cyprus,"
    pair = pair_of(result, old=4)
    assert (pair.old, pair.new, pair.status) == ((4,), (3,), Status.ALTERED)
    assert [(op.op, op.text) for op in pair.ops if op.op is not Op.EQUAL] == [
        (Op.ARTEFACT, "Cyprus, "),
        (
            Op.INSERT,
            "in particular resolutions 1217 (1998) of 22 December 1998 and 1218 (1998) of "
            "22 December 1998,",
        ),
    ]
    assert pair.similarity == pytest.approx(0.40, abs=0.01)


def test_a_paragraph_that_kept_only_its_opening_is_one_altered_pair() -> None:
    # S/RES/1728 (2006) OP 6 -> S/RES/1758 (2007) OP 6: the opening kept, the long tail cut;
    # 0.26 similar, under the run floor, but the run opens both paragraphs.
    result = compare(load(CORPUS / "S_RES_1728_2006.txt"), load(CORPUS / "S_RES_1758_2007.txt"))
    assert result.new.paragraphs[17].text == (
        "Welcomes the observations in the Secretary-General’s report;"
    )
    pair = pair_of(result, old=15)
    assert (pair.old, pair.new, pair.status) == ((15,), (17,), Status.ALTERED)
    assert pair.similarity == pytest.approx(0.26, abs=0.01)


def test_a_name_both_texts_cite_mid_paragraph_is_not_a_pair() -> None:
    # S/RES/1820 (2008) PP 14 and S/RES/1888 (2009) OP 4 share only the initiative's name, at
    # the end of a new request: the new paragraph is new and shows the name as a phrase.
    result = compare(load(CORPUS / "S_RES_1820_2008.txt"), load(CORPUS / "S_RES_1888_2009.txt"))
    assert pair_of(result, old=14).status is Status.DROPPED
    pair = pair_of(result, new=26)
    assert pair.status is Status.NEW
    assert [(phrase.other, phrase.text) for phrase in pair.phrases] == [
        (
            14,
            "the inter-agency initiative “United Nations Action Against Sexual Violence in "
            "Conflict”;",
        )
    ]


def test_rewritten_confidence_building_paragraph_is_altered() -> None:
    # S/RES/2561 (2021) PP 15 -> S/RES/2587 (2021) PP 13: the first eleven words kept, the rest
    # rewritten; the old paragraph's second half went to another paragraph.
    result = compare(load(CORPUS / "S_RES_2561_2021.txt"), load(CORPUS / "S_RES_2587_2021.txt"))
    opening = "Reiterating the importance of confidence-building measures and their timely"
    assert result.old.paragraphs[14].text.startswith(opening)
    assert result.new.paragraphs[12].text.startswith(opening)
    pair = pair_of(result, old=14)
    assert (pair.old, pair.new, pair.status) == ((14,), (12,), Status.ALTERED)
    assert pair.similarity == pytest.approx(0.39, abs=0.01)


def test_statement_paragraph_split_into_two_far_operative_paragraphs(
    statement_to_resolution: Comparison,
) -> None:
    result = statement_to_resolution
    assert result.old.paragraphs[5].text.startswith(
        "The Security Council recalls its determination to take appropriate steps"
    )
    pair = pair_of(result, old=5)
    assert (pair.old, pair.new, pair.status, pair.split) == ((5,), (15, 19), Status.ALTERED, True)
    assert [result.new.paragraphs[j].number for j in pair.new] == ["1", "5"]
    assert result.new.paragraphs[19].text.startswith(
        "Welcomes recent developments regarding cooperation between the United Nations, the "
        "African Union and the European Union"
    )


def test_twelve_words_carried_in_a_row_make_an_altered_pair(
    statement_to_resolution: Comparison,
) -> None:
    result = statement_to_resolution
    pair = pair_of(result, old=7)
    assert (pair.old, pair.new, pair.status) == ((7,), (16,), Status.ALTERED)
    assert result.new.paragraphs[16].number == "2"
    assert pair.similarity == pytest.approx(0.42, abs=0.01)


def test_split_parts_in_reverse_order_are_one_split_pair() -> None:
    # S/RES/1539 (2004) OP 14: its first half became S/RES/1612 (2005) OP 19, its second half
    # (the responsibility of peacekeeping missions and country teams) OP 10, nine paragraphs up.
    result = compare(load(CORPUS / "S_RES_1539_2004.txt"), load(CORPUS / "S_RES_1612_2005.txt"))
    assert result.old.paragraphs[31].text.startswith("Reiterates its request to the Secretary")
    pair = pair_of(result, old=31)
    assert (pair.old, pair.new, pair.status) == ((31,), (30, 39), Status.ALTERED)
    assert (pair.split, pair.moved) == (True, True)
    assert [result.new.paragraphs[j].number for j in pair.new] == ["10", "19"]
    # Scored with the parts in the order their words stand in OP 14: OP 19, then OP 10.
    assert pair.similarity == pytest.approx(0.87, abs=0.01)


def test_a_list_run_into_one_sentence_is_one_merge_of_all_its_parts() -> None:
    # S/RES/1539 (2004) OP 12 and its sub-paragraphs (a) to (e) became the one sentence of
    # S/RES/1612 (2005) OP 13. The chapeau adds words of its own (ECOWAS, the European Union
    # guidelines), so joining it makes the texts less similar, yet its seventeen opening words
    # are OP 13's opening; (c) stands between two other members.
    result = compare(load(CORPUS / "S_RES_1539_2004.txt"), load(CORPUS / "S_RES_1612_2005.txt"))
    pair = pair_of(result, new=33)
    assert (pair.old, pair.new, pair.status, pair.merged) == (
        (24, 25, 26, 27, 28, 29),
        (33,),
        Status.ALTERED,
        True,
    )
    assert [result.old.paragraphs[i].number for i in pair.old] == [
        "12",
        "12 (a)",
        "12 (b)",
        "12 (c)",
        "12 (d)",
        "12 (e)",
    ]
    assert result.new.paragraphs[33].number == "13"


def test_a_paragraph_sharing_only_the_subjects_words_is_not_a_split_part() -> None:
    # S/PRST/2005/8 para 4 and S/RES/1612 (2005) PP 3 share "protection ... children affected
    # by armed conflict", words nearly every paragraph of both texts holds; PP 3 (the primary
    # role of national Governments) is new language, not a part of the split paragraph.
    result = compare(load(CORPUS / "S_PRST_2005_8.txt"), load(CORPUS / "S_RES_1612_2005.txt"))
    assert result.new.paragraphs[3].text.startswith("Stressing the primary role of national")
    assert pair_of(result, new=3).status is Status.NEW
    pair = pair_of(result, old=3)
    assert (pair.old, pair.new, pair.status) == ((3,), (7,), Status.ALTERED)


def test_a_shared_title_is_not_a_carried_run() -> None:
    # S/PRST/2009/9 para 13 and S/RES/1882 (2009) PP 9 share the nine words "the Convention on
    # the Rights of the Child and", three of them content words: a title both cite, not language
    # one took from the other, so PP 9 is new.
    result = compare(load(CORPUS / "S_PRST_2009_9.txt"), load(CORPUS / "S_RES_1882_2009.txt"))
    assert result.new.paragraphs[8].text.startswith("Calling on all parties to armed conflicts")
    assert pair_of(result, new=8).status is Status.NEW


@pytest.fixture(scope="module")
def resolution_to_statement() -> tuple[Document, Document]:
    """S/RES/1631 (2005) -> S/PRST/2006/39, regional organizations."""
    return load(CORPUS / "S_RES_1631_2005.txt"), load(CORPUS / "S_PRST_2006_39.txt")


def test_a_formula_contained_in_a_longer_paragraph_is_not_carried_language(
    resolution_to_statement: tuple[Document, Document],
) -> None:
    # S/RES/1631 PP 7 is nothing but the series' formula ('Reiterating its primary
    # responsibility for the maintenance of international peace and security'), which sits
    # inside para 3 of S/PRST/2006/39; with PP 1 and PP 2 it used to make a merge into it.
    old, new = resolution_to_statement
    assert old.paragraphs[6].text.startswith("Reiterating its primary responsibility")
    result = compare(old, new)
    assert pair_of(result, new=2).status is Status.NEW
    for index in (0, 1, 6):
        assert pair_of(result, old=index).status is Status.DROPPED
    # Without the standing wording, containment pairs it again, with PP 1; the opening words
    # 'The Security Council,' (one scored word) are too short to join as contained.
    loose = compare(old, new, CompareOptions(standing_wording=False))
    assert pair_of(loose, new=2).old == (1, 6)


def test_a_short_paragraphs_words_strewn_over_a_long_one_are_not_contained(
    resolution_to_statement: tuple[Document, Document],
) -> None:
    # S/RES/1631 PP 4 ('Welcoming the adoption of the 2005 World Summit Outcome (A/RES/60/1),')
    # has eight of its nine words, in order, in the 53 of S/PRST/2006/39 para 5, but no stretch
    # of three times its length holds them: the statement names the Outcome, it does not carry
    # the paragraph.
    old, new = resolution_to_statement
    assert old.paragraphs[3].text.startswith("Welcoming the adoption of the 2005 World Summit")
    assert pair_of(compare(old, new), old=3).status is Status.DROPPED
    wide = compare(old, new, CompareOptions(contained_spread=10.0))
    pair = pair_of(wide, old=3)
    assert (pair.new, pair.status) == ((4,), Status.ALTERED)
    assert pair.similarity is not None and round(pair.similarity, 2) == 0.26


def test_chapter_vii_and_chapter_viii_are_never_the_same_language() -> None:
    # Made-up variant: the real paragraph of S/RES/1454 (2002) with VII changed to VIII.
    document = load(CORPUS / "S_RES_1454_2002.txt")
    real = next(p for p in document.paragraphs if "Chapter VII of the Charter" in p.text)
    changed = real.text.replace("Chapter VII", "Chapter VIII")
    assert float(similarity_matrix([real.text], [changed], CompareOptions())[0, 0]) < 1.0
    made_up = Document(
        None,
        document.kind,
        None,
        None,
        None,
        "Made-up variant",
        None,
        (),
        (Paragraph(0, real.kind, None, changed),),
    )
    original = Document(
        None,
        document.kind,
        None,
        None,
        None,
        None,
        None,
        (),
        (Paragraph(0, real.kind, None, real.text),),
    )
    (pair,) = compare(original, made_up).pairs
    assert pair.status is Status.ALTERED
    assert pair.similarity is not None and pair.similarity < 1.0
    assert [(op.op, op.text.strip()) for op in pair.ops if op.op is not Op.EQUAL] == [
        (Op.DELETE, "VII"),
        (Op.INSERT, "VIII"),
    ]


ARTEFACTS = (
    "advers e",
    "th e ",
    "Office s",
    "betwee n",
    "f reedom",
    "island -wide",
    "gen der-responsive",
    "SecretaryGeneral",
)


def test_redline_shows_no_extraction_artefact_as_a_change(renewal: Comparison) -> None:
    changed = " | ".join(
        span.text
        for pair in renewal.pairs
        if pair.old and pair.new
        for span in redline_spans(pair.ops)
        if span.op is not Op.EQUAL
    )
    kept = " | ".join(
        f"{op.old_text} -> {op.text}"
        for pair in renewal.pairs
        for op in pair.ops
        if op.op is Op.ARTEFACT
    )
    for artefact in ARTEFACTS:
        assert artefact not in changed, artefact
        assert artefact in kept, artefact
    # Each artefact is kept in the new text's form and rebuilds the old one.
    artefact_ops = [op for pair in renewal.pairs for op in pair.ops if op.op is Op.ARTEFACT]
    assert ("SecretaryGeneral ", "Secretary-General ") in [
        (op.old_text, op.text) for op in artefact_ops
    ]
    for pair in renewal.pairs:
        old_text = "\n".join(renewal.old.paragraphs[i].text for i in pair.old)
        rebuilt = "".join(
            (op.old_text or "") if op.op is Op.ARTEFACT else op.text
            for op in pair.ops
            if op.op is not Op.INSERT
        )
        assert rebuilt == old_text
