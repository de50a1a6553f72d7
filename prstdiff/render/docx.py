"""Word redline: the new document, every difference from the old one a tracked change.

Accepting every change in Word or LibreOffice gives the new document's paragraphs, rejecting every
change the old one's: each paragraph as ``marker + text``, the marker being the printed operative
number (``3.`` and a tab) or sub-paragraph letter (``(a)`` and a tab), tracked like any word.

How the redline is laid out
    Both documents are read as one stream of pieces: runs of words and paragraph marks, each in the
    old text, the new text or both. The pairs of the comparison give the pieces in the new
    document's order (a split pair's paragraphs at their own places, however far apart; dropped
    paragraphs where compare() placed them). Reading the pieces of the old text in that order must
    give the old document: where it does not (a moved paragraph, a split or merge whose paragraphs
    cross others), the heaviest run of old pieces already in order stays, and the others are moved
    back: their words are shown at their old place as moved away (``w:moveFrom``) and at their new
    place as moved here (``w:moveTo``), their paragraph marks as deleted and inserted. A paragraph
    mark of one text only is a tracked paragraph mark (``w:ins`` or ``w:del`` in the mark's run
    properties), so accepting splits and merges gives the new paragraphing.

Moves
    Word's move markup needs the moved words to be the same at both ends and each end to be one
    unbroken range. Where a move is not (part of a paragraph stayed in place, or other changes
    interleave with its ends), its text is shown as a deletion and an insertion, and a comment at
    each end names the move.

Extraction artefacts
    Words that differ only by text extraction (``Op.ARTEFACT``) are shown unchanged, in the new
    form. Rejecting all changes therefore gives the old text with those words in their new form:
    the same old text under ``prstdiff.normalize.comparison_key``, not always the same characters.

Comments name the source of reused and altered language (``Agreed language: S/RES/1809 (2008)
OP 2, altered, 0.72``). A short cover note in the ``Redline Cover`` paragraph style, which belongs
to neither text, comes first.
"""

from __future__ import annotations

import bisect
import datetime as dt
import io
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from prstdiff.errors import PrstdiffError
from prstdiff.model import Comparison, Op, Pair, Paragraph, ParagraphKind, Status, WordOp
from prstdiff.normalize import display_words
from prstdiff.render import RenderOptions
from prstdiff.render.text import describe_document, summary_line
from prstdiff.worddiff import diff_words

__all__ = ["AUTHOR", "COVER_STYLE", "paragraph_marker", "render"]

AUTHOR = "prstdiff"
"""The author of every tracked change and comment."""
COVER_STYLE = "Redline Cover"
"""The paragraph style of the cover note, which belongs to neither text."""

_MARK = "\n"
# Characters XML 1.0 cannot hold; none occur in parsed text, but a hand-built document may hold
# them and a redline must still be written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class _Side(StrEnum):
    """Which text a piece belongs to."""

    OLD = "old"
    NEW = "new"
    BOTH = "both"


@dataclass(frozen=True, slots=True)
class _Piece:
    """A run of words (no line break) or a paragraph mark (``_MARK``) of the stream."""

    text: str
    """The words in the new form, or ``_MARK``."""
    side: _Side
    """The text or texts the piece belongs to."""
    shared: bool
    """Born as words of both texts: a piece moved out of order keeps this, and is shown moved."""
    pair: int
    """Position of its pair in ``Comparison.pairs``."""
    old_para: int | None
    """The old paragraph the piece belongs to (or ends, for a mark)."""
    new_para: int | None
    """The new paragraph the piece belongs to (or ends, for a mark)."""
    old_at: tuple[int, int] = (-1, -1)
    """Where the piece stands in the old text: (paragraph, character offset)."""
    weight: int = 1
    """Characters of the old text the piece carries: what keeping it in place saves."""
    segment: tuple[int, int, int] | None = None
    """The part of its pair the piece belongs to, as a key of the new document's order:
    ``(new paragraph, 0, pair)``, or ``(new paragraph it follows, 1, pair)`` for dropped text."""
    move: int | None = None
    """The move that carries the piece, if it was moved out of order."""

    @property
    def is_mark(self) -> bool:
        """True for a paragraph mark."""
        return self.text == _MARK

    @property
    def in_old(self) -> bool:
        """True when the piece belongs to the old text."""
        return self.side is not _Side.NEW

    @property
    def in_new(self) -> bool:
        """True when the piece belongs to the new text."""
        return self.side is not _Side.OLD


class _Change(StrEnum):
    """How a piece is written: plain, or inside one of Word's tracked-change elements."""

    NONE = "none"
    INSERT = "w:ins"
    DELETE = "w:del"
    MOVE_TO = "w:moveTo"
    MOVE_FROM = "w:moveFrom"


def render(
    comparison: Comparison,
    options: RenderOptions | None = None,
    *,
    date: dt.datetime | None = None,
) -> bytes:
    """The Word redline of a comparison as the bytes of a ``.docx`` file."""
    del options  # every paragraph is needed to accept or reject changes; nothing to choose
    when = (date or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    _check_paragraphs(comparison)
    stream = _final_marks(_place_old(_new_order(comparison), comparison))
    moves = _well_formed_moves(stream)
    writer = _Writer(comparison, when)
    writer.cover()
    writer.body(stream, moves)
    return writer.save()


def paragraph_marker(paragraph: Paragraph) -> str:
    """The printed number that opens a paragraph in the redline: ``3.\\t``, ``(a)\\t`` or ``""``."""
    if not paragraph.number:
        return ""
    last = paragraph.number.split()[-1]
    return f"{last}.\t" if last.isdigit() else f"{last}\t"


def _check_paragraphs(comparison: Comparison) -> None:
    for document, side in ((comparison.old, "old"), (comparison.new, "new")):
        held = sorted(i for pair in comparison.pairs for i in getattr(pair, side))
        if held != list(range(len(document.paragraphs))):
            raise PrstdiffError(f"the comparison does not hold every {side} paragraph once")
        if any(_MARK in p.text for p in document.paragraphs):
            raise PrstdiffError(f"{document.name}: a paragraph holds a line break")


# --- the stream in the new document's order ----------------------------------------------------


def _new_order(comparison: Comparison) -> list[_Piece]:
    """Every pair's pieces, cut at the new text's paragraph marks and put in the new order.

    A split pair's paragraphs go to their own places, however far apart; a dropped pair stays
    after the pair before it, where compare() placed it.
    """
    pieces: list[_Piece] = []
    anchor = -1
    for number, pair in enumerate(comparison.pairs):
        anchor = pair.new[0] if pair.new else anchor
        pieces.extend(_pair_pieces(comparison, number, pair, anchor))
    return sorted(pieces, key=lambda piece: piece.segment or (-1, -1, -1))  # stable


def _checked_ops(comparison: Comparison, pair: Pair) -> tuple[WordOp, ...]:
    """The pair's word operations if they rebuild both texts exactly, else a fresh word diff."""
    old = _MARK.join(comparison.old.paragraphs[i].text for i in pair.old)
    new = _MARK.join(comparison.new.paragraphs[j].text for j in pair.new)
    old_side = "".join(
        (op.old_text or "") if op.op is Op.ARTEFACT else op.text
        for op in pair.ops
        if op.op is not Op.INSERT
    )
    new_side = "".join(op.text for op in pair.ops if op.op is not Op.DELETE)
    if pair.ops and old_side == old and new_side == new:
        return pair.ops
    # Hand-built comparisons may carry no operations, or ones that join paragraphs otherwise.
    return diff_words(old, new, comparison.options)


def _tidy(ops: Sequence[WordOp]) -> list[WordOp]:
    """Words that a change only re-spaces are kept as equal words, with the spacing changed.

    The word diff compares words with their trailing spaces, so a split turns ``mandate; `` into
    ``mandate;`` and a paragraph mark, and a merge does the reverse: without this, the whole word
    is shown deleted and inserted around the tracked paragraph mark.
    """
    tidied: list[WordOp] = []
    run: list[WordOp] = []

    def flush() -> None:
        deleted = "".join(op.text for op in run if op.op is Op.DELETE)
        inserted = "".join(op.text for op in run if op.op is Op.INSERT)
        run.clear()
        old, new = display_words(deleted), display_words(inserted)
        head: list[WordOp] = []
        while old and new and _respaced(old[0], new[0]):
            head.extend(_respace(old.pop(0), new.pop(0)))
        tail: list[WordOp] = []
        while old and new and _respaced(old[-1], new[-1]):
            tail[:0] = _respace(old.pop(), new.pop())
        middle = [WordOp(Op.DELETE, "".join(old)), WordOp(Op.INSERT, "".join(new))]
        tidied.extend(op for op in (*head, *middle, *tail) if op.text)

    for op in ops:
        if op.op in (Op.DELETE, Op.INSERT):
            run.append(op)
            continue
        if run:
            flush()
        tidied.append(op)
    if run:
        flush()
    return tidied


def _respaced(old: str, new: str) -> bool:
    return bool(old.strip()) and old.rstrip() == new.rstrip()


def _respace(old: str, new: str) -> list[WordOp]:
    word = old.rstrip()
    return [
        WordOp(Op.EQUAL, word),
        WordOp(Op.DELETE, old[len(word) :]),
        WordOp(Op.INSERT, new[len(word) :]),
    ]


def _pair_pieces(comparison: Comparison, number: int, pair: Pair, anchor: int) -> list[_Piece]:
    """The pieces of one pair in its own order: markers, words and paragraph marks."""
    olds, news = pair.old, pair.new
    pieces: list[_Piece] = []
    cursor = {"old": 0, "new": 0, "offset": 0}

    def old_para() -> int:
        return olds[cursor["old"]]

    def add(text: str, side: _Side, old_length: int | None = None) -> None:
        if not text:
            return
        in_old = side is not _Side.NEW
        length = len(text) if old_length is None else old_length
        piece = _Piece(
            text=text,
            side=side,
            shared=side is _Side.BOTH,
            pair=number,
            old_para=old_para() if in_old else None,
            new_para=news[cursor["new"]] if side is not _Side.OLD else None,
            old_at=(old_para(), cursor["offset"]) if in_old else (-1, -1),
            weight=length if in_old else 0,
            segment=(news[cursor["new"]], 0, number) if news else (anchor, 1, number),
        )
        pieces.append(piece)
        if in_old:
            cursor["offset"] += length

    def markers(in_old: bool, in_new: bool) -> None:
        old = paragraph_marker(comparison.old.paragraphs[old_para()]) if in_old else ""
        new = paragraph_marker(comparison.new.paragraphs[news[cursor["new"]]]) if in_new else ""
        if old and old == new:
            add(old, _Side.BOTH)
        else:
            add(old, _Side.OLD)
            add(new, _Side.NEW)

    def mark(side: _Side) -> None:
        add(_MARK, side, old_length=1)
        if side is not _Side.NEW:
            cursor["old"] += 1
            cursor["offset"] = 0
        if side is not _Side.OLD:
            cursor["new"] += 1

    markers(bool(olds), bool(news))
    for op in _tidy(_checked_ops(comparison, pair)):
        if op.op is Op.ARTEFACT and op.old_text is not None and _MARK not in op.text + op.old_text:
            add(op.text, _Side.BOTH, old_length=len(op.old_text))
            continue
        parts: list[tuple[str, _Side]]
        if op.op is Op.ARTEFACT:
            parts = [(op.old_text or "", _Side.OLD), (op.text, _Side.NEW)]
        else:
            side = {Op.EQUAL: _Side.BOTH, Op.DELETE: _Side.OLD, Op.INSERT: _Side.NEW}[op.op]
            parts = [(op.text, side)]
        for text, side in parts:
            for position, chunk in enumerate(text.split(_MARK)):
                if position:
                    mark(side)
                    markers(side is not _Side.NEW, side is not _Side.OLD)
                add(chunk, side)
    mark(_Side.BOTH if olds and news else _Side.OLD if olds else _Side.NEW)
    return pieces


# --- putting the old text in order -------------------------------------------------------------


def _place_old(stream: list[_Piece], comparison: Comparison) -> list[_Piece]:
    """Keep the heaviest in-order run of old pieces; show the others moved back to their place."""
    moved_pairs = {n for n, pair in enumerate(comparison.pairs) if pair.moved}
    old_pieces = [k for k, piece in enumerate(stream) if piece.in_old]
    # A pair the alignment calls moved is shown moved even where it could stay in order.
    candidates = [k for k in old_pieces if stream[k].pair not in moved_pairs]
    chosen = _heaviest_increasing(
        [stream[k].old_at for k in candidates], [stream[k].weight for k in candidates]
    )
    kept = {candidates[n] for n in chosen}
    displaced = [k for k in old_pieces if k not in kept]
    if not displaced:
        return stream
    moving_segments = sorted(
        {segment for k in displaced if stream[k].shared and (segment := stream[k].segment)}
    )
    move_of: dict[tuple[int, int, int] | None, int] = {
        segment: number for number, segment in enumerate(moving_segments, 1)
    }

    kept_order = sorted(kept, key=lambda k: stream[k].old_at)
    kept_keys = [stream[k].old_at for k in kept_order]
    after: defaultdict[int, list[_Piece]] = defaultdict(list)
    for k in sorted(displaced, key=lambda k: stream[k].old_at):
        piece = stream[k]
        before = bisect.bisect_left(kept_keys, piece.old_at)
        slot = kept_order[before - 1] if before else -1
        moved = replace(piece, side=_Side.OLD, move=move_of.get(piece.segment))
        after[slot].append(moved)

    displaced_set = set(displaced)
    placed: list[_Piece] = list(after[-1])
    for k, piece in enumerate(stream):
        move = move_of.get(piece.segment)
        if k in displaced_set:
            if piece.shared:
                placed.append(replace(piece, side=_Side.NEW, old_para=None, move=move))
        elif piece.side is _Side.NEW and move is not None:
            placed.append(replace(piece, move=move))
        else:
            placed.append(piece)
        placed.extend(after.get(k, ()))
    return placed


def _heaviest_increasing(keys: Sequence[tuple[int, int]], weights: Sequence[int]) -> list[int]:
    """Positions of the increasing subsequence of ``keys`` with the greatest total weight."""
    if all(a < b for a, b in itertools.pairwise(keys)):
        return list(range(len(keys)))
    rank = {key: r for r, key in enumerate(sorted(set(keys)), 1)}
    # A Fenwick tree of (best total, position) over key ranks: O(n log n) for long documents.
    tree: list[tuple[int, int]] = [(0, -1)] * (len(rank) + 1)
    previous = [-1] * len(keys)
    totals = [0] * len(keys)
    for position, key in enumerate(keys):
        best, index = (0, -1), rank[key] - 1
        while index > 0:
            best = max(best, tree[index])
            index -= index & -index
        totals[position] = best[0] + weights[position]
        previous[position] = best[1]
        index = rank[key]
        while index < len(tree):
            tree[index] = max(tree[index], (totals[position], position))
            index += index & -index
    end = max(range(len(keys)), key=lambda p: (totals[p], -p), default=-1)
    chosen = []
    while end != -1:
        chosen.append(end)
        end = previous[end]
    return chosen[::-1]


def _final_marks(stream: list[_Piece]) -> list[_Piece]:
    """End on one mark of both texts (Word's last paragraph mark cannot be tracked), and join a
    deleted mark with an inserted one beside it, which would otherwise leave an empty paragraph."""
    last_old = max((k for k, p in enumerate(stream) if p.is_mark and p.in_old), default=-1)
    last_new = max((k for k, p in enumerate(stream) if p.is_mark and p.in_new), default=-1)
    old_para = stream[last_old].old_para if last_old >= 0 else None
    new_para = stream[last_new].new_para if last_new >= 0 else None
    result: list[_Piece] = []
    for k, piece in enumerate(stream):
        drop_old, drop_new = k == last_old, k == last_new
        if drop_old and (drop_new or piece.side is _Side.OLD):
            continue
        if drop_new and piece.side is _Side.NEW:
            continue
        if drop_old or drop_new:
            side = _Side.NEW if drop_old else _Side.OLD
            piece = replace(piece, side=side, shared=piece.move is not None)
        result.append(piece)
    joined: list[_Piece] = []
    for piece in result:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and piece.is_mark
            and previous.is_mark
            and {piece.side, previous.side} == {_Side.OLD, _Side.NEW}
            and piece.move is None
            and previous.move is None
        ):
            old, new = (previous, piece) if previous.side is _Side.OLD else (piece, previous)
            joined[-1] = replace(new, side=_Side.BOTH, shared=False, old_para=old.old_para)
            continue
        joined.append(piece)
    final = _Piece(_MARK, _Side.BOTH, False, -1, old_para, new_para)
    return [*joined, final]


def _well_formed_moves(stream: list[_Piece]) -> set[int]:
    """The moves Word's move markup can show: whole, the same words at each end, each unbroken."""
    ends: defaultdict[tuple[int, _Side], list[int]] = defaultdict(list)
    broken: set[tuple[int, int, int]] = set()
    for k, piece in enumerate(stream):
        if piece.move is not None:
            ends[piece.move, piece.side].append(k)
        elif piece.side is _Side.BOTH and piece.segment is not None:
            broken.add(piece.segment)
    good = set()
    for move in {move for move, _ in ends}:
        source, target = ends.get((move, _Side.OLD), []), ends.get((move, _Side.NEW), [])
        if not source or not target:
            continue
        segments = {stream[k].segment for k in source + target}
        unbroken = all(
            positions[-1] - positions[0] + 1 == len(positions) for positions in (source, target)
        )
        # The last paragraph's mark is Word's final mark and never moves: compare the words.
        moved_words = [stream[k].text for k in source if stream[k].shared and not stream[k].is_mark]
        arrived_words = [
            stream[k].text for k in target if stream[k].shared and not stream[k].is_mark
        ]
        if unbroken and not segments & broken and moved_words and moved_words == arrived_words:
            good.add(move)
    return good


# --- writing the Word document -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Range:
    """A stretch of the stream a comment or a move range covers: first and last piece."""

    first: int
    last: int


class _Writer:
    """Builds the Word document with python-docx, and the tracked changes with its lxml layer."""

    def __init__(self, comparison: Comparison, when: dt.datetime) -> None:
        self.comparison = comparison
        self.when = when.strftime("%Y-%m-%dT%H:%M:%SZ")
        # LibreOffice joins neighbouring changes of one kind and author made within a minute of
        # each other into one, even across an unchanged paragraph mark, which rejecting (or
        # accepting) then removes too: such neighbours get dates two minutes apart.
        earlier = when - dt.timedelta(minutes=2)
        self.stamps = (self.when, earlier.strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.stamp = self.when
        self.document: Any = docx.Document()
        self.revision = 0
        self._styles()

    def _next_id(self) -> str:
        self.revision += 1
        return str(self.revision)

    def _styles(self) -> None:
        document = self.document
        section = document.sections[0]
        section.page_width, section.page_height = Mm(210), Mm(297)  # UN documents are A4
        section.left_margin = section.right_margin = Mm(25)
        normal = document.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(12)
        normal.paragraph_format.space_after = Pt(6)
        cover = document.styles.add_style(COVER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        cover.base_style = normal
        cover.font.size = Pt(9)
        cover.font.color.rgb = RGBColor(0x55, 0x55, 0x55)
        cover.paragraph_format.space_after = Pt(3)
        properties = document.core_properties
        old, new = self.comparison.old.name, self.comparison.new.name
        properties.title = f"Redline: {old} to {new}"
        properties.author = properties.last_modified_by = AUTHOR
        properties.created = properties.modified = self.when_datetime()
        properties.revision = 1
        # Track further edits too: delegates who change the redline see their own changes marked.
        settings = document.settings.element
        settings.insert_element_before(OxmlElement("w:trackRevisions"), "w:defaultTabStop")

    def when_datetime(self) -> dt.datetime:
        """The revision date as a naive UTC datetime, as core properties want it."""
        return dt.datetime.strptime(self.when, "%Y-%m-%dT%H:%M:%SZ")

    def cover(self) -> None:
        """The note before the text: both documents and the summary counts."""
        comparison = self.comparison
        old, new = comparison.old, comparison.new
        lines = [
            f"Redline of {describe_document(new)}, against {describe_document(old)}.",
            summary_line(comparison),
            f"Accept all changes to read {new.name}; reject all changes to read {old.name}. "
            "Comments name the source of agreed language. This note belongs to neither text.",
        ]
        for line in lines:
            self.document.add_paragraph(_xml_safe(line), style=COVER_STYLE)

    def body(self, stream: list[_Piece], moves: set[int]) -> None:
        """The paragraphs of both texts with their tracked changes, comments and move ranges."""
        starts: defaultdict[int, list[Any]] = defaultdict(list)
        ends: defaultdict[int, list[Any]] = defaultdict(list)
        self._comments(stream, moves, starts, ends)
        # Comment ids come from python-docx; revision ids follow them so that no two collide.
        self.revision = max((c.comment_id for c in self.document.comments), default=0)
        self._move_ranges(stream, moves, starts, ends)
        paragraph: list[int] = []
        ending = _Change.NONE  # the change that ends the previous paragraph before its mark
        for k, piece in enumerate(stream):
            paragraph.append(k)
            if not piece.is_mark:
                continue
            opening = _change(stream[paragraph[0]], moves)
            if ending is not _Change.NONE and _kind(ending) == _kind(opening):
                self.stamp = self.stamps[self.stamps.index(self.stamp) - 1]
            self._paragraph(stream, paragraph, moves, starts, ends)
            last = _change(stream[paragraph[-2]], moves) if len(paragraph) > 1 else _Change.NONE
            ending = last if _change(piece, moves) is _Change.NONE else _Change.NONE
            paragraph = []

    def _move_ranges(
        self,
        stream: list[_Piece],
        moves: set[int],
        starts: defaultdict[int, list[Any]],
        ends: defaultdict[int, list[Any]],
    ) -> None:
        for move in sorted(moves):
            for side, tag in ((_Side.OLD, "w:moveFrom"), (_Side.NEW, "w:moveTo")):
                positions = [k for k, p in enumerate(stream) if p.move == move and p.side is side]
                identifier = self._next_id()
                start = self._element(f"{tag}RangeStart", identifier)
                start.set(qn("w:name"), f"move{move}")
                end = OxmlElement(f"{tag}RangeEnd")
                end.set(qn("w:id"), identifier)
                starts[positions[0]].append(start)
                ends[positions[-1]].append(end)

    def _comments(
        self,
        stream: list[_Piece],
        moves: set[int],
        starts: defaultdict[int, list[Any]],
        ends: defaultdict[int, list[Any]],
    ) -> None:
        notes: dict[_Range, list[str]] = {}
        new_ranges: dict[int, _Range] = {}
        for k, piece in enumerate(stream):
            if piece.in_new and piece.new_para is not None:
                found = new_ranges.get(piece.new_para)
                new_ranges[piece.new_para] = _Range(found.first if found else k, k)
        for pair in self.comparison.pairs:
            if pair.status in (Status.REUSED, Status.ALTERED):
                text = self._source_note(pair)
                for j in pair.new:
                    notes.setdefault(new_ranges[j], []).append(text)
        for range_, text in self._move_notes(stream, moves):
            notes.setdefault(range_, []).append(text)
        for range_, texts in sorted(notes.items(), key=lambda item: (item[0].first, item[0].last)):
            comment = self.document.comments.add_comment(
                text=_xml_safe("; ".join(texts)), author=AUTHOR, initials="P"
            )
            comment._comment_elm.date = self.when_datetime()
            identifier = str(comment.comment_id)
            start = OxmlElement("w:commentRangeStart")
            start.set(qn("w:id"), identifier)
            end = OxmlElement("w:commentRangeEnd")
            end.set(qn("w:id"), identifier)
            reference = OxmlElement("w:r")
            reference.append(OxmlElement("w:commentReference"))
            reference[0].set(qn("w:id"), identifier)
            starts[range_.first].append(start)
            ends[range_.last].extend([end, reference])

    def _source_note(self, pair: Pair) -> str:
        old = self.comparison.old
        sources = " + ".join(_reference(old.paragraphs[i]) for i in pair.old)
        note = f"Agreed language: {old.name} {sources}, {pair.status.value}"
        if pair.status is Status.ALTERED and pair.similarity is not None:
            note += f", {pair.similarity:.2f}"
        flags = [
            "moved" if pair.moved else "",
            f"split into {len(pair.new)}" if pair.split else "",
            f"merged from {len(pair.old)}" if pair.merged else "",
        ]
        return ", ".join([note, *filter(None, flags)])

    def _move_notes(self, stream: list[_Piece], moves: set[int]) -> list[tuple[_Range, str]]:
        """Comments on each stretch of a move shown as a deletion and an insertion."""
        ends: defaultdict[tuple[int, _Side], list[int]] = defaultdict(list)
        for k, piece in enumerate(stream):
            if piece.move is not None and piece.move not in moves:
                ends[piece.move, piece.side].append(k)
        old, new = self.comparison.old, self.comparison.new
        notes = []
        for (move, side), positions in sorted(ends.items()):
            if side is _Side.OLD:
                arrived = ends.get((move, _Side.NEW), [])
                targets = {j for k in arrived if (j := stream[k].new_para) is not None}
                places = ", ".join(_reference(new.paragraphs[j]) for j in sorted(targets))
                text = f"Moved to {new.name} {places} (shown as deleted here)"
            else:
                sources = {stream[k].old_at[0] for k in ends.get((move, _Side.OLD), [])}
                places = ", ".join(_reference(old.paragraphs[i]) for i in sorted(sources))
                text = f"Moved from {old.name} {places} (shown as inserted here)"
            first = positions[0]
            for previous, k in itertools.pairwise([*positions, -1]):
                if k != previous + 1:  # one comment per unbroken stretch
                    notes.append((_Range(first, previous), text))
                    first = k
        return notes

    def _element(self, tag: str, identifier: str | None = None) -> Any:
        element = OxmlElement(tag)
        element.set(qn("w:id"), identifier or self._next_id())
        element.set(qn("w:author"), AUTHOR)
        element.set(qn("w:date"), self.stamp)
        return element

    def _paragraph(
        self,
        stream: list[_Piece],
        positions: list[int],
        moves: set[int],
        starts: defaultdict[int, list[Any]],
        ends: defaultdict[int, list[Any]],
    ) -> None:
        mark = stream[positions[-1]]
        paragraph = self.document.add_paragraph()
        self._format(paragraph, mark, [stream[k] for k in positions])
        element = paragraph._p
        current: tuple[_Change, int | None] | None = None
        run: Any = None
        for k in positions[:-1]:
            piece = stream[k]
            if starts.get(k):
                element.extend(starts[k])
                current = None
            change = _change(piece, moves)
            if current != (change, piece.move) or run is None:
                run = self._run(element, change)
                current = (change, piece.move)
            _add_text(run, piece.text, deleted=change in (_Change.DELETE, _Change.MOVE_FROM))
            if ends.get(k):
                element.extend(ends[k])
                current = None
        last = positions[-1]
        element.extend(starts.get(last, []))
        change = _change(mark, moves)
        if change is not _Change.NONE:
            properties = OxmlElement("w:rPr")
            properties.append(self._element(change.value))
            element.get_or_add_pPr().insert_element_before(properties, "w:sectPr", "w:pPrChange")
        element.extend(ends.get(last, []))

    def _run(self, paragraph: Any, change: _Change) -> Any:
        run = OxmlElement("w:r")
        if change is _Change.NONE:
            paragraph.append(run)
        else:
            wrapper = self._element(change.value)
            wrapper.append(run)
            paragraph.append(wrapper)
        return run

    def _format(self, paragraph: Any, mark: _Piece, pieces: list[_Piece]) -> None:
        kind = None
        for piece in [mark, *pieces]:
            if piece.in_new and piece.new_para is not None and piece.new_para >= 0:
                kind = self.comparison.new.paragraphs[piece.new_para].kind
                break
            if piece.in_old and piece.old_para is not None and piece.old_para >= 0:
                kind = self.comparison.old.paragraphs[piece.old_para].kind
                break
        fmt = paragraph.paragraph_format
        # Numbers hang in the margin with a tab to the text, as the UN prints them.
        if kind is ParagraphKind.OPERATIVE:
            fmt.left_indent, fmt.first_line_indent = Mm(12), Mm(-12)
        elif kind is ParagraphKind.SUBPARAGRAPH:
            fmt.left_indent, fmt.first_line_indent = Mm(24), Mm(-12)
        elif kind in (ParagraphKind.PREAMBULAR, ParagraphKind.STATEMENT):
            fmt.first_line_indent = Mm(12)
        if kind in (ParagraphKind.OPERATIVE, ParagraphKind.SUBPARAGRAPH):
            fmt.tab_stops.add_tab_stop(fmt.left_indent)

    def save(self) -> bytes:
        """The finished document as ``.docx`` bytes."""
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


def _change(piece: _Piece, moves: set[int]) -> _Change:
    if piece.side is _Side.BOTH:
        return _Change.NONE
    # A moved paragraph's mark is inserted or deleted, not moved: LibreOffice leaves a mark that
    # is marked moved in place when it accepts or rejects the move. Word pairs the moved words.
    moved = piece.shared and piece.move in moves and not piece.is_mark
    if piece.side is _Side.NEW:
        return _Change.MOVE_TO if moved else _Change.INSERT
    return _Change.MOVE_FROM if moved else _Change.DELETE


def _kind(change: _Change) -> _Change:
    """Insertions and moves here are one kind of change to LibreOffice; deletions and moves away
    the other."""
    if change is _Change.MOVE_TO:
        return _Change.INSERT
    return _Change.DELETE if change is _Change.MOVE_FROM else change


def _add_text(run: Any, text: str, *, deleted: bool) -> None:
    """Append words to a run: ``w:t`` (``w:delText`` when deleted) with ``w:tab`` for tabs."""
    for position, chunk in enumerate(_xml_safe(text).split("\t")):
        if position:
            run.append(OxmlElement("w:tab"))
        if chunk:
            element = OxmlElement("w:delText" if deleted else "w:t")
            element.text = chunk
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(element)


def _reference(paragraph: Paragraph) -> str:
    """A paragraph as drafters cite it: ``OP 2``, ``OP 2 (a)``, else ``¶5``."""
    return f"OP {paragraph.number}" if paragraph.number else f"¶{paragraph.index + 1}"


def _xml_safe(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
