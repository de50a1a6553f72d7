"""Pieces every comparison renderer shares: paragraph labels, status marks and redline spans.

Kept apart from the renderers so the terminal, Markdown and HTML outputs name paragraphs and
mark changes the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from prstdiff.model import Comparison, Document, Op, Pair, Paragraph, ParagraphKind, Status, WordOp

if TYPE_CHECKING:
    # Only for annotations: importing the corpus package would load SQLite into every diff.
    from prstdiff.corpus.located import LocatedParagraph

STATUS_MARKS: dict[Status, str] = {
    Status.REUSED: "=",
    Status.ALTERED: "~",
    Status.NEW: "+",
    Status.DROPPED: "-",
}
"""One-character mark per status, as in ``= reused``, ``~ altered``, ``+ new``, ``- dropped``."""

STATUS_ORDER: tuple[Status, ...] = (Status.REUSED, Status.ALTERED, Status.NEW, Status.DROPPED)
"""The order statuses are listed in summaries and filters."""


@dataclass(frozen=True, slots=True)
class Span:
    """A run of redline text: equal words, deleted words or inserted words."""

    op: Op
    """Whether the words are kept, deleted or inserted."""
    text: str
    """The words; whitespace at the edges of a change is moved out into equal spans."""


def paragraph_label(paragraph: Paragraph) -> str:
    """Name a paragraph for people: ``¶5``, or ``¶12 OP 3 (a)`` where it carries a number."""
    label = f"¶{paragraph.index + 1}"
    if paragraph.number:
        prefix = "PP" if paragraph.kind is ParagraphKind.PREAMBULAR else "OP"
        return f"{label} {prefix} {paragraph.number}"
    return label


def located_label(item: LocatedParagraph) -> str:
    """Name a paragraph found in a corpus within its document: ``¶22``, ``¶22 OP 1``."""
    return f"¶{item.paragraph + 1}" + (f" OP {item.number}" if item.number else "")


def located_to_dict(item: LocatedParagraph) -> dict[str, Any]:
    """The JSON members naming a paragraph found in a corpus (search hits, trace sources)."""
    return {
        "symbol": item.symbol,
        "file": item.name,
        "date": item.date.isoformat() if item.date else None,
        "paragraph": item.paragraph,
        "number": item.number,
        "kind": item.kind.value,
    }


def paragraphs_label(document: Document, indices: Sequence[int], *, short: bool = False) -> str:
    """Name one or several paragraphs: ``¶5``, ``¶5 + ¶6``; ``—`` when there are none."""
    if not indices:
        return "—"
    if short:
        return " + ".join(f"¶{index + 1}" for index in indices)
    return " + ".join(paragraph_label(document.paragraphs[index]) for index in indices)


def status_heading(pair: Pair) -> str:
    """The status mark and word, with the similarity of altered pairs: ``~ altered 0.82``."""
    heading = f"{STATUS_MARKS[pair.status]} {pair.status.value}"
    if pair.status is Status.ALTERED and pair.similarity is not None:
        heading += f" {pair.similarity:.2f}"
    return heading


def flag_notes(comparison: Comparison, pair: Pair) -> list[str]:
    """Notes for the flags of a pair: ``moved from ¶7``, ``split``, ``merged``."""
    notes = []
    if pair.moved:
        notes.append(f"moved from {paragraphs_label(comparison.old, pair.old, short=True)}")
    if pair.split:
        notes.append(f"split into {len(pair.new)}")
    if pair.merged:
        notes.append(f"merged from {len(pair.old)}")
    return notes


def is_change(pair: Pair) -> bool:
    """True for pairs a reader of changes wants to see: anything but reused, unmoved language."""
    return pair.status is not Status.REUSED or pair.moved


def paragraph_texts(document: Document, indices: Iterable[int]) -> list[str]:
    """The display texts of some paragraphs of a document."""
    return [document.paragraphs[index].text for index in indices]


def side_text(ops: Sequence[WordOp], keep: Op) -> list[Span]:
    """One side of a word diff: equal words plus the deleted (or inserted) ones, text unchanged.

    Spaces at the edges of a change become equal text, so highlights cover words, not gaps.
    """
    spans: list[Span] = []
    for op in ops:
        if op.op is Op.ARTEFACT:
            # Words changed only by extraction read as unchanged, on both sides in the new form.
            spans.append(Span(Op.EQUAL, op.text))
            continue
        if op.op is not Op.EQUAL and op.op is not keep:
            continue
        core = op.text.strip()
        if op.op is Op.EQUAL or not core:
            spans.append(Span(Op.EQUAL, op.text))
            continue
        start = op.text.index(core)
        if start:
            spans.append(Span(Op.EQUAL, op.text[:start]))
        spans.append(Span(op.op, core))
        if start + len(core) < len(op.text):
            spans.append(Span(Op.EQUAL, op.text[start + len(core) :]))
    return spans


def redline_spans(ops: Sequence[WordOp]) -> list[Span]:
    """One-column redline of a word diff, with whitespace kept outside the changed words.

    ``Recalling [-its-] {+all+} resolutions`` reads better than ``Recalling [-its -]{+all +}…``,
    and a reader copying the equal words gets single spaces between them.
    """
    spans: list[Span] = []

    def emit(op: Op, text: str) -> None:
        if not text:
            return
        if op is Op.EQUAL and spans and spans[-1].op is Op.EQUAL:
            spans[-1] = Span(Op.EQUAL, spans[-1].text + text)
        elif op is not Op.EQUAL and spans and spans[-1].op is op:
            spans[-1] = Span(op, spans[-1].text + text)
        else:
            spans.append(Span(op, text))

    def ends_with_space() -> bool:
        return not spans or spans[-1].text[-1:].isspace()

    for word_op in ops:
        if word_op.op is Op.EQUAL or word_op.op is Op.ARTEFACT:
            # Words changed only by extraction read as unchanged, in the new text's form.
            text = word_op.text
            if ends_with_space():
                text = text.lstrip()
            emit(Op.EQUAL, text)
            continue
        core = word_op.text.strip()
        if not core:
            # A change of spacing alone is no change of language: the redline reads as the new
            # text there, so an inserted space stays (once) and a deleted one goes.
            if word_op.op is Op.INSERT and not ends_with_space():
                emit(Op.EQUAL, " ")
            continue
        if word_op.text[:1].isspace() and not ends_with_space():
            emit(Op.EQUAL, " ")
        emit(word_op.op, core)
        if word_op.text[-1:].isspace():
            emit(Op.EQUAL, " ")
    if spans and spans[-1].op is Op.EQUAL:
        stripped = spans[-1].text.rstrip()
        if stripped:
            spans[-1] = Span(Op.EQUAL, stripped)
        else:
            spans.pop()
    return spans


def pair_spans(comparison: Comparison, pair: Pair) -> list[Span]:
    """The redline of a pair: word operations where there are some, else its plain text."""
    if pair.ops:
        return redline_spans(pair.ops)
    if pair.status is Status.DROPPED:
        return [Span(Op.DELETE, " ".join(paragraph_texts(comparison.old, pair.old)))]
    if pair.status is Status.NEW:
        return [Span(Op.INSERT, " ".join(paragraph_texts(comparison.new, pair.new)))]
    document, indices = (comparison.new, pair.new) if pair.new else (comparison.old, pair.old)
    return [Span(Op.EQUAL, " ".join(paragraph_texts(document, indices)))]


def percent(share: float) -> str:
    """A share as a whole percentage for people: ``0.6421`` -> ``64%``."""
    return f"{round(share * 100)}%"
