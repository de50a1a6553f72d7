"""The model's derived values: shares and whether two texts carry the same language."""

from __future__ import annotations

from pathlib import Path

import pytest

from prstdiff import compare, load
from prstdiff.model import (
    Comparison,
    Document,
    DocumentKind,
    Pair,
    Paragraph,
    ParagraphKind,
    Stats,
    Status,
)

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def madeup_document(*texts: str) -> Document:
    paragraphs = tuple(
        Paragraph(index=i, kind=ParagraphKind.STATEMENT, number=None, text=t)
        for i, t in enumerate(texts)
    )
    return Document(None, DocumentKind.OTHER, None, None, None, None, None, (), paragraphs)


def comparison_of(*pairs: Pair) -> Comparison:
    stats = Stats(0, 0, 0, 0, 0, 0, 0, 10, 10, 5, 3, 2, 0)
    return Comparison(madeup_document("a"), madeup_document("a"), pairs, stats)


@pytest.mark.parametrize(
    ("pair", "identical"),
    [
        (Pair(Status.REUSED, (0,), (0,), 1.0), True),
        (Pair(Status.REUSED, (0,), (0,), 1.0, moved=True), False),
        (Pair(Status.REUSED, (0,), (0, 1), 1.0, split=True), False),
        (Pair(Status.REUSED, (0, 1), (0,), 1.0, merged=True), False),
        (Pair(Status.ALTERED, (0,), (0,), 0.9), False),
        (Pair(Status.NEW, (), (0,), None), False),
    ],
)
def test_identical_only_when_every_pair_is_reused_in_place(pair: Pair, identical: bool) -> None:
    assert comparison_of(Pair(Status.REUSED, (1,), (1,), 1.0), pair).identical is identical


def test_shares_of_the_new_documents_words() -> None:
    stats = comparison_of().stats
    assert (stats.share_reused, stats.share_altered, stats.share_new) == (0.5, 0.3, 0.2)


def test_a_split_with_unchanged_words_is_a_difference() -> None:
    old = load(CORPUS / "S_PRST_2010_1.txt")
    first = old.paragraphs[1].text
    cut = first.index(", in accordance with") + 1
    parts = (first[:cut], first[cut + 1 :])
    paragraphs = [p.text for p in old.paragraphs]
    new = madeup_document(paragraphs[0], *parts, *paragraphs[2:])
    old = madeup_document(*paragraphs)
    result = compare(old, new)
    assert [(p.status, p.split) for p in result.pairs if len(p.new) > 1] == [(Status.REUSED, True)]
    assert result.identical is False
    assert compare(old, old).identical is True
