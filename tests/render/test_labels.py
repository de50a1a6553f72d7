"""Shared rendering pieces: paragraph labels and the laws of redline spans."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from prstdiff.model import Op, Paragraph, ParagraphKind, WordOp
from prstdiff.render.labels import Span, paragraph_label, redline_spans, side_text

WORDS = st.text(alphabet="abc ,;\n", min_size=1, max_size=12)
OPS = st.lists(st.tuples(st.sampled_from(list(Op)), WORDS), max_size=12)


def _ops(raw: list[tuple[Op, str]]) -> list[WordOp]:
    return [WordOp(op, text) for op, text in raw]


def _side(ops: list[WordOp], drop: Op) -> str:
    return "".join(op.text for op in ops if op.op is not drop)


def _letters(text: str) -> str:
    return "".join(text.split())


def test_paragraph_labels_name_position_and_printed_number() -> None:
    assert paragraph_label(Paragraph(4, ParagraphKind.STATEMENT, None, "made-up")) == "¶5"
    operative = Paragraph(11, ParagraphKind.SUBPARAGRAPH, "3 (a)", "made-up")
    assert paragraph_label(operative) == "¶12 OP 3 (a)"
    preambular = Paragraph(0, ParagraphKind.PREAMBULAR, "1", "made-up")
    assert paragraph_label(preambular) == "¶1 PP 1"


def test_a_change_of_spacing_alone_is_not_marked() -> None:
    inserted = [WordOp(Op.EQUAL, "peace"), WordOp(Op.INSERT, " "), WordOp(Op.EQUAL, "keeping")]
    assert redline_spans(inserted) == [Span(Op.EQUAL, "peace keeping")]
    deleted = [WordOp(Op.EQUAL, "peace"), WordOp(Op.DELETE, " "), WordOp(Op.EQUAL, "keeping")]
    assert redline_spans(deleted) == [Span(Op.EQUAL, "peacekeeping")]


def test_redline_keeps_spaces_outside_the_changes() -> None:
    ops = [
        WordOp(Op.EQUAL, "Recalling "),
        WordOp(Op.DELETE, "its "),
        WordOp(Op.INSERT, "all "),
        WordOp(Op.EQUAL, "resolutions"),
    ]
    assert redline_spans(ops) == [
        Span(Op.EQUAL, "Recalling "),
        Span(Op.DELETE, "its"),
        Span(Op.EQUAL, " "),
        Span(Op.INSERT, "all"),
        Span(Op.EQUAL, " resolutions"),
    ]


@given(OPS)
def test_redline_reads_as_the_old_and_the_new_text(raw: list[tuple[Op, str]]) -> None:
    ops = _ops(raw)
    spans = redline_spans(ops)
    old = "".join(s.text for s in spans if s.op is not Op.INSERT)
    new = "".join(s.text for s in spans if s.op is not Op.DELETE)
    # Only spacing may differ: a change's edge spaces move out, runs of spaces collapse, and
    # a change of spacing alone is not shown.
    assert _letters(old) == _letters(_side(ops, Op.INSERT))
    assert _letters(new) == _letters(_side(ops, Op.DELETE))
    assert all(s.text == s.text.strip() and s.text for s in spans if s.op is not Op.EQUAL)


@given(OPS)
def test_side_text_is_the_exact_text_of_one_side(raw: list[tuple[Op, str]]) -> None:
    ops = _ops(raw)
    for keep, drop in ((Op.DELETE, Op.INSERT), (Op.INSERT, Op.DELETE)):
        spans = side_text(ops, keep)
        assert "".join(s.text for s in spans) == _side(ops, drop)
        assert all(s.op in (Op.EQUAL, keep) for s in spans)
        assert all(s.text == s.text.strip() for s in spans if s.op is keep)
