"""Laws of alignment, checked with hypothesis on documents built from real corpus paragraphs.

Documents are made up: their paragraphs are drawn from real corpus files, then edited at random
(words deleted, inserted, replaced), dropped, inserted, reordered, split and merged.
"""

from __future__ import annotations

import functools
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prstdiff import compare
from prstdiff.align import similarity_matrix
from prstdiff.model import (
    Comparison,
    Document,
    DocumentKind,
    Op,
    Paragraph,
    ParagraphKind,
    Status,
    WordOp,
)
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.worddiff import diff_words

CORPUS = Path(__file__).parent.parent / "corpus"
SOURCES = (
    "S_PRST_2007_42.txt",
    "S_RES_1809_2008.txt",
    "S_RES_2587_2021.txt",
    "S_PRST_2013_12.txt",
    "S_RES_1888_2009.txt",
)
# Made-up words put into paragraphs by the random edits.
MADE_UP_WORDS = ("madeup", "zyxt", "qorv", "plinth", "Vantor", "(b)", "—", "“quoted”", "1999;")


@functools.cache
def real_paragraphs() -> tuple[str, ...]:
    """Paragraphs of a few corpus documents, with at least eight words each."""
    texts = []
    for name in SOURCES:
        texts += [p.text for p in load(CORPUS / name).paragraphs if len(p.text.split()) >= 8]
    return tuple(texts)


@functools.cache
def distinct_paragraphs() -> tuple[str, ...]:
    """Real paragraphs no two of which are alike (similarity below 0.3), so alignment is unique."""
    texts = real_paragraphs()
    matrix = similarity_matrix(texts, texts, CompareOptions())
    kept: list[int] = []
    for i in range(len(texts)):
        if all(matrix[i, k] < 0.3 for k in kept):
            kept.append(i)
    return tuple(texts[i] for i in kept)


def document(texts: list[str]) -> Document:
    paragraphs = tuple(Paragraph(i, ParagraphKind.OPERATIVE, None, t) for i, t in enumerate(texts))
    return Document(None, DocumentKind.DRAFT, None, None, None, None, None, (), paragraphs)


def old_side(ops: tuple[WordOp, ...]) -> str:
    """The old text the ops rebuild: equal, deleted and the old form of artefacts."""
    return "".join(
        (op.old_text or "") if op.op is Op.ARTEFACT else op.text
        for op in ops
        if op.op is not Op.INSERT
    )


def new_side(ops: tuple[WordOp, ...]) -> str:
    """The new text the ops rebuild: equal, inserted and artefacts."""
    return "".join(op.text for op in ops if op.op is not Op.DELETE)


@st.composite
def edited(draw: st.DrawFn, text: str) -> str:
    """``text`` with up to two random word edits."""
    words = text.split(" ")
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(words) - 1))
        action = draw(st.sampled_from(["delete", "insert", "replace"]))
        word = draw(st.sampled_from(MADE_UP_WORDS))
        if action == "delete" and len(words) > 8:
            del words[position]
        elif action == "insert":
            words.insert(position, word)
        else:
            words[position] = word
    return " ".join(words)


@st.composite
def any_document(draw: st.DrawFn) -> Document:
    """A document of real paragraphs, possibly repeated, possibly edited."""
    pool = real_paragraphs()
    sources = draw(st.lists(st.sampled_from(pool), min_size=0, max_size=12))
    return document([draw(edited(text)) for text in sources])


@st.composite
def document_pair(draw: st.DrawFn) -> tuple[Document, Document]:
    """An old document of distinct real paragraphs and a new one made from it by random edits."""
    pool = distinct_paragraphs()
    indices = draw(st.lists(st.integers(0, len(pool) - 1), max_size=12, unique=True))
    old = [pool[i] for i in indices]
    new: list[str] = []
    for text in old:
        fate = draw(st.sampled_from(["keep", "edit", "edit", "drop", "split"]))
        if fate == "keep":
            new.append(text)
        elif fate == "edit":
            new.append(draw(edited(text)))
        elif fate == "split" and ". " in text:
            first, rest = text.split(". ", 1)
            new += [first + ".", rest]
        elif fate == "split":
            new.append(text)
    used = set(indices)
    unused = [i for i in range(len(pool)) if i not in used]
    for _ in range(draw(st.integers(0, 3))):
        position = draw(st.integers(0, len(new)))
        new.insert(position, pool[draw(st.sampled_from(unused))])
    if len(new) > 1 and draw(st.booleans()):
        start = draw(st.integers(0, len(new) - 1))
        end = draw(st.integers(0, len(new)))
        new.insert(end, new.pop(start))
    return document(old), document(new)


def covers_each_paragraph_once(result: Comparison) -> bool:
    olds = sorted(i for pair in result.pairs for i in pair.old)
    news = sorted(j for pair in result.pairs for j in pair.new)
    return olds == list(range(len(result.old.paragraphs))) and news == list(
        range(len(result.new.paragraphs))
    )


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(any_document())
def test_a_document_compared_with_itself_is_all_reused(doc: Document) -> None:
    result = compare(doc, doc)
    assert result.identical
    assert all(pair.status is Status.REUSED and pair.old == pair.new for pair in result.pairs)
    assert covers_each_paragraph_once(result)


@PROPERTY
@given(document_pair())
def test_every_paragraph_appears_exactly_once(docs: tuple[Document, Document]) -> None:
    old, new = docs
    result = compare(old, new)
    assert covers_each_paragraph_once(result)
    # Pairs come in the new document's order, each at its first new paragraph (the parts of a
    # split may stand apart).
    firsts = [p.new[0] for p in result.pairs if p.new]
    assert firsts == sorted(firsts)
    assert all(list(p.new) == sorted(p.new) and list(p.old) == sorted(p.old) for p in result.pairs)


@PROPERTY
@given(document_pair())
def test_word_ops_rebuild_both_texts(docs: tuple[Document, Document]) -> None:
    old, new = docs
    for pair in compare(old, new).pairs:
        old_text = "\n".join(old.paragraphs[i].text for i in pair.old)
        new_text = "\n".join(new.paragraphs[j].text for j in pair.new)
        assert old_side(pair.ops) == old_text
        assert new_side(pair.ops) == new_text


@PROPERTY
@given(document_pair())
def test_swapping_old_and_new_swaps_new_and_dropped(docs: tuple[Document, Document]) -> None:
    old, new = docs
    forward = compare(old, new)
    backward = compare(new, old)
    swapped = {Status.NEW: Status.DROPPED, Status.DROPPED: Status.NEW}
    expected = {
        (pair.new, pair.old): (swapped.get(pair.status, pair.status), pair.split, pair.merged)
        for pair in forward.pairs
    }
    got = {(pair.old, pair.new): (pair.status, pair.merged, pair.split) for pair in backward.pairs}
    assert got == expected
    backward_ops = {(pair.old, pair.new): pair.ops for pair in backward.pairs}
    for pair in forward.pairs:
        ops = backward_ops[pair.new, pair.old]
        assert [op.text for op in pair.ops if op.op is Op.EQUAL] == [
            op.text for op in ops if op.op is Op.EQUAL
        ]
        assert new_side(pair.ops) == old_side(ops)
        assert old_side(pair.ops) == new_side(ops)


@PROPERTY
@given(st.sampled_from(real_paragraphs()), st.data())
def test_diff_words_is_lossless_on_edited_real_paragraphs(text: str, data: st.DataObject) -> None:
    other = data.draw(edited(text))
    ops = diff_words(text, other)
    assert old_side(ops) == text
    assert new_side(ops) == other


@st.composite
def extraction_damaged(draw: st.DrawFn, text: str) -> str:
    """``text`` with up to three extraction artefacts: a space put inside a word, a hyphen lost
    or spaced off (made-up damage of a real paragraph)."""
    words = text.split(" ")
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(words) - 1))
        word = words[position]
        kind = draw(st.sampled_from(["space", "hyphen"]))
        if kind == "space" and len(word) >= 4:
            cut = draw(st.integers(1, len(word) - 1))
            words[position] = word[:cut] + " " + word[cut:]
        elif kind == "hyphen" and "-" in word:
            words[position] = word.replace("-", draw(st.sampled_from(["", " -"])), 1)
    return " ".join(words)


@PROPERTY
@given(st.sampled_from(real_paragraphs()), st.data())
def test_extraction_artefacts_are_no_changes(text: str, data: st.DataObject) -> None:
    damaged = data.draw(extraction_damaged(text))
    ops = diff_words(damaged, text)
    assert old_side(ops) == damaged
    assert new_side(ops) == text
    # Damage alone leaves nothing deleted or inserted, only words kept in the new form.
    assert {op.op for op in ops} <= {Op.EQUAL, Op.ARTEFACT}
    assert all((op.old_text is not None) is (op.op is Op.ARTEFACT) for op in ops)
