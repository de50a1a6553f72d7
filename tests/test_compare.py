"""compare(): statuses, flags, word operations, phrases, order and statistics on real documents."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from prstdiff import compare
from prstdiff.model import Document, Op, Pair, Paragraph, Phrase, Status, WordOp
from prstdiff.parse import load

CORPUS = Path(__file__).parent.parent / "corpus"


@pytest.fixture(scope="module")
def statement() -> Document:
    return load(CORPUS / "S_PRST_2007_42.txt")


@pytest.fixture(scope="module")
def resolution() -> Document:
    return load(CORPUS / "S_RES_1809_2008.txt")


def with_texts(document: Document, texts: list[str]) -> Document:
    """A made-up version of ``document`` carrying ``texts`` as its paragraphs."""
    kind = document.paragraphs[-1].kind
    paragraphs = tuple(Paragraph(i, kind, None, text) for i, text in enumerate(texts))
    return dataclasses.replace(document, symbol=None, paragraphs=paragraphs, source=None)


def by_new(pairs: tuple[Pair, ...], index: int) -> Pair:
    return next(pair for pair in pairs if index in pair.new)


def at(document: Document, opening: str) -> int:
    """Index of the one paragraph of ``document`` that opens with ``opening``."""
    (index,) = [p.index for p in document.paragraphs if p.text.startswith(opening)]
    return index


# S/PRST/2007/42: the introductory paragraph and 14 statement paragraphs.
PRST_FURTHER_RECOGNIZES = "The Security Council further recognizes that regional"
PRST_UNDERLINES = "The Security Council underlines the importance of exploring"
# S/RES/1809 (2008): "The Security Council,", 14 preambular and 18 operative paragraphs.
RES_RECOGNIZING = "Recognizing that regional organizations are well positioned"
RES_WELCOMES_DIALOGUE = "Welcomes regional dialogue and the promotion of shared experiences"
RES_RECALLING = "Recalling its primary responsibility for the maintenance"
RES_DETERMINATION = "Expresses its determination to take effective steps"
RES_INVOLVEMENT = "Encourages the continuing involvement of regional"
RES_ENCOURAGES = "Encourages regional and subregional organizations to strengthen"
RES_DEVELOPMENTS = "Welcomes recent developments regarding cooperation"
PRST_REAFFIRMS = "The Security Council reaffirms its primary responsibility"
PRST_RECALLS = "The Security Council recalls its determination"
PRST_REQUESTS = "The Security Council requests the Secretary-General to include"
RES_REPORTING = "Requests the Secretary-General to include in his regular reporting"


def test_a_document_compared_with_itself_is_identical(resolution: Document) -> None:
    result = compare(resolution, resolution)
    assert result.identical
    assert len(resolution.paragraphs) == 33
    assert [pair.old for pair in result.pairs] == [(i,) for i in range(33)]
    assert all(pair.status is Status.REUSED and pair.similarity == 1.0 for pair in result.pairs)
    assert all(
        pair.ops == (WordOp(Op.EQUAL, resolution.paragraphs[pair.new[0]].text),)
        for pair in result.pairs
    )
    assert result.stats.reused == 33
    assert result.stats.words_reused == result.stats.new_words == result.stats.old_words
    assert result.stats.share_reused == 1.0


def test_statement_to_resolution(statement: Document, resolution: Document) -> None:
    result = compare(statement, resolution)
    altered = [(p.old, p.new) for p in result.pairs if p.status is Status.ALTERED]
    # As aligned by hand in tests/gold/: "reaffirms its primary responsibility ..." returns as
    # "Recalling its primary responsibility ..." (the gold's second reading), "stresses the need
    # to develop effective partnerships" as the preambular "Emphasizing the need to ...", far
    # from where it stood, "further recognizes that regional ... organizations are well
    # positioned" as "Recognizing that ...", the two sentences of "recalls its determination
    # ..." as operative 1 and operative 5, "encourages regional cooperation, including through
    # the involvement ..." as operative 2 (twelve words in a row), the closing clause of
    # "underlines the importance of exploring ..." as operative 3, "encourages regional and
    # subregional organizations to strengthen and increase cooperation" as operative 6, and
    # "requests the Secretary-General to include in his report ..." as operative 17.
    assert altered == [
        ((at(statement, PRST_REAFFIRMS),), (at(resolution, RES_RECALLING),)),
        ((8,), (at(resolution, "Emphasizing the need to strengthen"),)),
        ((at(statement, PRST_FURTHER_RECOGNIZES),), (at(resolution, RES_RECOGNIZING),)),
        (
            (at(statement, PRST_RECALLS),),
            (at(resolution, RES_DETERMINATION), at(resolution, RES_DEVELOPMENTS)),
        ),
        ((7,), (at(resolution, RES_INVOLVEMENT),)),
        ((at(statement, PRST_UNDERLINES),), (at(resolution, RES_WELCOMES_DIALOGUE),)),
        ((6,), (at(resolution, RES_ENCOURAGES),)),
        ((at(statement, PRST_REQUESTS),), (at(resolution, RES_REPORTING),)),
    ]
    assert resolution.paragraphs[at(resolution, RES_DETERMINATION)].number == "1"
    assert resolution.paragraphs[at(resolution, RES_WELCOMES_DIALOGUE)].number == "3"
    stats = result.stats
    assert (stats.reused, stats.altered, stats.new, stats.dropped) == (0, 8, 24, 7)
    assert (stats.moved, stats.split, stats.merged) == (2, 1, 0)
    assert stats.words_reused + stats.words_altered + stats.words_new == stats.new_words
    carried = by_new(result.pairs, at(resolution, RES_RECOGNIZING))
    assert carried.similarity == pytest.approx(0.6591, abs=1e-4)
    # The formula change stays visible in the word operations.
    assert carried.ops[0] == WordOp(
        Op.DELETE, "The Security Council further recognizes that regional and subregional "
    )
    assert carried.ops[1] == WordOp(Op.INSERT, "Recognizing that regional ")


def test_pairs_follow_the_new_order_with_dropped_where_they_stood(
    statement: Document, resolution: Document
) -> None:
    result = compare(statement, resolution)
    # A split stands at its first new paragraph: operative 5 is the second part of operative 1.
    news = [pair.new[0] for pair in result.pairs if pair.new]
    developments = at(resolution, RES_DEVELOPMENTS)
    assert news == [j for j in range(33) if j != developments]
    # Old ¶1 has no paragraph in place before it: it opens the comparison. Old ¶3-¶4 follow
    # the pair of old ¶2, old ¶11-¶13 the pair of old ¶10, and old ¶15 the pair of old ¶14,
    # before the last paragraph of the resolution.
    order = [pair.old[0] if pair.old else None for pair in result.pairs]
    assert order[:2] == [0, None]
    two = order.index(1)
    assert order[two + 1 : two + 3] == [2, 3]
    ten = order.index(at(statement, PRST_UNDERLINES))
    assert order[ten + 1 : ten + 4] == [10, 11, 12]
    assert order[-3:] == [13, 14, None]


def test_new_and_dropped_pairs_carry_one_op(statement: Document, resolution: Document) -> None:
    result = compare(statement, resolution)
    for pair in result.pairs:
        if pair.status is Status.NEW:
            assert pair.ops == (WordOp(Op.INSERT, resolution.paragraphs[pair.new[0]].text),)
            assert pair.similarity is None
        if pair.status is Status.DROPPED:
            assert pair.ops == (WordOp(Op.DELETE, statement.paragraphs[pair.old[0]].text),)
            assert pair.similarity is None


def test_new_paragraphs_show_phrases_carried_from_the_old_document(
    statement: Document, resolution: Document
) -> None:
    result = compare(statement, resolution)
    # New operative 4 of S/RES/1809 (2008) borrows a phrase of S/PRST/2007/42 ¶3; the altered
    # "Recalling its primary responsibility ..." (from ¶2) borrows the same one, which its own
    # old paragraph does not hold. Phrases held by a pair's own old paragraphs are its words,
    # not borrowed ones: altered operative 2 shows none from ¶8.
    welcomes = at(resolution, "Welcomes and further encourages the ongoing efforts")
    assert by_new(result.pairs, welcomes).phrases == (
        Phrase("in accordance with Chapter VIII of the Charter of the United Nations", 28, 12, 2),
    )
    assert by_new(result.pairs, at(resolution, RES_RECALLING)).phrases == (
        Phrase("with Chapter VIII of the Charter of the United Nations,", 33, 10, 2),
    )
    assert by_new(result.pairs, at(resolution, RES_INVOLVEMENT)).phrases == ()
    assert all(not pair.phrases for pair in result.pairs if pair.status is Status.DROPPED)


def test_phrases_stand_at_display_words_when_a_word_folds_to_nothing() -> None:
    # S/RES/820 (1993) OP 29 is new and takes "of the Federal Republic of Yugoslavia (Serbia and
    # Montenegro)" from S/RES/819 (1993): display words 48 to 56.
    old, new = load(CORPUS / "S_RES_819_1993.txt"), load(CORPUS / "S_RES_820_1993.txt")
    opening = "Reaffirms the authority of States acting under"
    phrase = "of the Federal Republic of Yugoslavia (Serbia and Montenegro)"
    pair = by_new(compare(old, new).pairs, at(new, opening))
    assert pair.status is Status.NEW
    assert pair.phrases == (Phrase(phrase, 48, 9, 2),)
    # Made-up: a dash standing alone before the phrase is a display word that folds to no word,
    # so the phrase stands one display word further on.
    texts = [p.text for p in new.paragraphs]
    index = at(new, opening)
    texts[index] = texts[index].replace("including in the", "including – in the")
    dashed = with_texts(new, texts)
    assert by_new(compare(old, dashed).pairs, index).phrases == (Phrase(phrase, 49, 9, 2),)


def test_formula_only_change_is_altered_with_similarity_one(statement: Document) -> None:
    # Made-up: S/PRST/2007/42 ¶5 recast as a preambular paragraph, its language untouched.
    texts = [p.text for p in statement.paragraphs]
    assert at(statement, PRST_FURTHER_RECOGNIZES) == 4
    recast = texts[4].replace("The Security Council further recognizes", "Further recognizing")
    result = compare(statement, with_texts(statement, [*texts[:4], recast, *texts[5:]]))
    pair = by_new(result.pairs, 4)
    assert (pair.status, pair.similarity) == (Status.ALTERED, 1.0)
    assert pair.ops[:2] == (
        WordOp(Op.DELETE, "The Security Council further recognizes "),
        WordOp(Op.INSERT, "Further recognizing "),
    )
    assert not result.identical


def test_renumbering_and_quotes_are_reused_not_altered(resolution: Document) -> None:
    # Made-up: typographic quotes and a paragraph number inside the text do not change language.
    texts = [p.text for p in resolution.paragraphs]
    assert texts[-1] == "Decides to remain seized of the matter."
    edited = [*texts[:-1], "18. Decides to remain seized of the matter."]
    result = compare(resolution, with_texts(resolution, edited))
    assert by_new(result.pairs, len(texts) - 1).status is Status.REUSED
    assert result.identical


def test_mandate_renewal() -> None:
    old = load(CORPUS / "S_RES_2561_2021.txt")
    new = load(CORPUS / "S_RES_2587_2021.txt")
    result = compare(old, new)
    pair = next(
        p
        for p in result.pairs
        if p.new and new.paragraphs[p.new[0]].text.startswith("Expresses its full support for")
    )
    assert old.paragraphs[pair.old[0]].text.startswith("Expresses its full support for UNFICYP")
    assert pair.status is Status.ALTERED
    assert [(op.op, op.text) for op in pair.ops if op.op is not Op.EQUAL] == [
        (Op.DELETE, "July 2021;"),
        (Op.INSERT, "January 2022;"),
    ]
    # 11 of 13 scored words carried in order and in any order.
    assert pair.similarity == pytest.approx(22 / 26, abs=1e-4)


def test_split_and_merged_pairs_diff_joined_texts(statement: Document) -> None:
    texts = [p.text for p in statement.paragraphs]
    first, rest = texts[12].split(". ", 1)
    new_texts = [
        *texts[:5],
        texts[5] + " " + texts[6],
        *texts[7:12],
        first + ".",
        rest,
        *texts[13:],
    ]
    result = compare(statement, with_texts(statement, new_texts))
    merged = next(p for p in result.pairs if p.merged)
    split = next(p for p in result.pairs if p.split)
    # The same words, cut differently: reused language, flagged merged or split.
    assert (merged.old, merged.new, merged.status) == ((5, 6), (5,), Status.REUSED)
    assert (split.old, split.new, split.status) == ((12,), (11, 12), Status.REUSED)
    # The joined texts: old paragraphs (and new parts) separated by a line break.
    # (A line break where the new text has a space is an extraction artefact: kept words.)
    assert "".join(
        (op.old_text or "") if op.op is Op.ARTEFACT else op.text
        for op in merged.ops
        if op.op is not Op.INSERT
    ) == (texts[5] + "\n" + texts[6])
    assert "".join(op.text for op in split.ops if op.op is not Op.DELETE) == (first + ".\n" + rest)
    assert (result.stats.merged, result.stats.split) == (1, 1)


def test_every_option_says_why_its_default() -> None:
    # Each tunable number of CompareOptions carries a docstring with the reason for its default.
    import ast

    source = (Path(__file__).parent.parent / "prstdiff" / "options.py").read_text("utf-8")
    (options,) = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ClassDef) and node.name == "CompareOptions"
    ]
    body = options.body
    fields = [
        (statement, body[number + 1] if number + 1 < len(body) else None)
        for number, statement in enumerate(body)
        if isinstance(statement, ast.AnnAssign)
    ]
    assert len(fields) == 23
    for field, following in fields:
        assert isinstance(following, ast.Expr), ast.unparse(field)
        assert isinstance(following.value, ast.Constant), ast.unparse(field)
        assert len(str(following.value.value).split()) >= 8, ast.unparse(field)
