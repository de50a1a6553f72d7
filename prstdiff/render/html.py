"""The HTML report: one self-contained page (inline CSS and JavaScript, no network), from jinja2.

Templates live in ``prstdiff/render/templates``. ``base.html.j2`` carries the page skeleton, the
inlined ``report.css`` and ``report.js`` and shared macros, so other pages (corpus, batch index)
can ``{% extends %}`` or ``{% import %}`` it through :func:`environment`. Every id derives from
paragraph and pair indices, and nothing depends on the clock, so the output is deterministic.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import jinja2
from markupsafe import Markup

from prstdiff.model import Comparison, Document, NotableEdit, Op, Pair, Status
from prstdiff.render import RenderOptions, notable
from prstdiff.render.labels import (
    STATUS_MARKS,
    STATUS_ORDER,
    Span,
    is_change,
    paragraph_label,
    paragraph_texts,
    percent,
    redline_spans,
    side_text,
)
from prstdiff.render.text import format_date, ordinal, summary_line
from prstdiff.version import __version__

TEMPLATES = Path(__file__).parent / "templates"
"""The folder of templates and of the CSS and JavaScript they inline."""


@dataclass(frozen=True, slots=True)
class ParagraphRef:
    """A paragraph named in a cell of the report, with the anchor that points at it."""

    anchor: str
    """Element id of the paragraph: ``old-p7`` or ``new-p3`` (one-based, like the labels)."""
    label: str
    """What people read: ``¶7 OP 3 (a)``."""


@dataclass(frozen=True, slots=True)
class Phrasing:
    """A long phrase a new paragraph shares with a paragraph of the old document."""

    text: str
    """The shared words."""
    words: int
    """How many words they are."""
    other: ParagraphRef
    """The old paragraph that holds them."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One side of a pair: the paragraphs it holds and their text, split into spans."""

    paragraphs: tuple[ParagraphRef, ...]
    """The paragraphs of this side (none for the empty side of new or dropped language)."""
    blocks: tuple[tuple[Span, ...], ...]
    """Text blocks, one per paragraph, or one for a word diff over joined paragraphs."""


@dataclass(frozen=True, slots=True)
class NotableMark:
    """A notable edit of a pair, as the report labels it."""

    kind: str
    """The kind (``formula``, ``date``, ...), used as a CSS class."""
    label: str
    """``formula stronger``, ``citation added``."""
    wording: str
    """``Encourages → Urges``, ``S/2009/1``."""
    direction: str | None
    """``stronger`` or ``weaker`` where the edit has a direction."""


@dataclass(frozen=True, slots=True)
class Row:
    """A row of the report: a pair, or the marker left where a moved paragraph used to stand."""

    anchor: str
    """Element id: ``pair-4`` for pairs, ``origin-4`` for the spot pair 4 moved from."""
    origin: bool
    """True for the marker of a moved paragraph's former place."""
    number: int
    """One-based position of the pair in the comparison."""
    status: Status
    """The pair's status."""
    mark: str
    """The status mark: ``=``, ``~``, ``+``, ``-``."""
    similarity: str | None
    """Similarity as a percentage for altered pairs."""
    moved: bool
    """The pair moved."""
    split: bool
    """One old paragraph became several."""
    merged: bool
    """Several old paragraphs became one."""
    change: bool
    """Whether ``n``/``p`` and the "changes" filter stop here."""
    old: Cell
    """The old side."""
    new: Cell
    """The new side."""
    redline: tuple[Span, ...]
    """The one-column redline."""
    phrases: tuple[Phrasing, ...]
    """Phrases shared with the old document (new paragraphs)."""
    notable: tuple[NotableMark, ...] = ()
    """The pair's notable edits."""


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A document's header facts, formatted for the report."""

    name: str
    """Symbol or file name."""
    kind: str
    """Presidential statement, resolution, ..."""
    date: str | None
    """``29 July 2021``."""
    meeting: str | None
    """``8827th meeting``."""
    item: str | None
    """The agenda item."""
    title: str | None
    """The document title."""
    vote: str | None
    """The adoption line or vote, as printed."""
    paragraphs: int
    """Number of paragraphs."""
    file: str | None
    """The file name it was read from (not the full path, which differs between machines)."""


@dataclass(frozen=True, slots=True)
class Share:
    """One segment of the bar of word shares."""

    status: Status
    """Reused, altered or new."""
    mark: str
    """The status mark."""
    words: int
    """Words of the new document with this status."""
    percent: str
    """The share, ``64%``."""
    x: float
    """Left edge of the segment, in percent of the bar."""
    width: float
    """Width of the segment, in percent of the bar."""


@dataclass(frozen=True, slots=True)
class Count:
    """A count in the summary."""

    key: str
    """Status or flag name, used as a CSS class and a filter value."""
    mark: str
    """The symbol shown next to the count."""
    label: str
    """What is counted."""
    value: int
    """How many."""


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """Render a comparison as a self-contained HTML page; ``only_changes`` starts filtered."""
    options = options or RenderOptions()
    template = environment().get_template("report.html.j2")
    return template.render(
        title=f"{comparison.old.name} → {comparison.new.name}",
        old=document_view(comparison.old),
        new=document_view(comparison.new),
        counts=_counts(comparison),
        shares=_shares(comparison),
        summary=summary_line(comparison),
        notable_summary=notable.summary(comparison),
        notable_pairs=sum(1 for pair in comparison.pairs if pair.notable),
        rows=build_rows(comparison),
        pair_count=len(comparison.pairs),
        threshold=comparison.options.threshold,
        identical=comparison.identical,
        initial_filter="changes" if options.only_changes else "all",
    )


@functools.cache
def environment() -> jinja2.Environment:
    """The jinja2 environment of prstdiff's pages, autoescaping, with ``asset(name)`` to inline."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals["asset"] = inline_asset
    env.globals["version"] = __version__
    return env


def inline_asset(name: str) -> Markup:
    """The text of a CSS or JavaScript file of the templates folder, to inline in a page."""
    path = TEMPLATES / name
    if path.parent != TEMPLATES or path.suffix not in {".css", ".js"}:
        raise ValueError(f"{name}: not an asset of the report templates")
    text = path.read_text(encoding="utf-8")
    # Our own files; they must not close the element they are inlined in.
    if "</" in text:
        raise ValueError(f"{name}: contains '</', which would end the inline element")
    return Markup(text)


def document_view(document: Document) -> DocumentView:
    """A document's header facts, formatted for people."""
    file = None
    if document.source is not None:
        file = document.source.path.replace("\\", "/").rsplit("/", 1)[-1]
    return DocumentView(
        name=document.name,
        kind=document.kind.value,
        date=format_date(document.date) if document.date else None,
        meeting=f"{ordinal(document.meeting)} meeting" if document.meeting is not None else None,
        item=document.item,
        title=document.title,
        vote=document.vote,
        paragraphs=len(document.paragraphs),
        file=file,
    )


def build_rows(comparison: Comparison) -> list[Row]:
    """The rows of the report: one per pair, plus a marker where each moved paragraph stood."""
    rows = [_pair_row(comparison, number, pair) for number, pair in enumerate(comparison.pairs, 1)]
    origins = _origin_positions(comparison)
    result: list[Row] = []
    for position in range(len(rows) + 1):
        for number in origins.get(position, []):
            result.append(_origin_row(rows[number - 1]))
        if position < len(rows):
            result.append(rows[position])
    return result


def _pair_row(comparison: Comparison, number: int, pair: Pair) -> Row:
    old_refs = tuple(_reference("old", comparison.old, index) for index in pair.old)
    new_refs = tuple(_reference("new", comparison.new, index) for index in pair.new)
    if pair.ops and pair.status is not Status.NEW and pair.status is not Status.DROPPED:
        old_blocks: tuple[tuple[Span, ...], ...] = (tuple(side_text(pair.ops, Op.DELETE)),)
        new_blocks: tuple[tuple[Span, ...], ...] = (tuple(side_text(pair.ops, Op.INSERT)),)
        redline = tuple(redline_spans(pair.ops))
    else:
        # Whole new or dropped paragraphs are marked by their cell; the redline marks them too.
        old_blocks = tuple((Span(Op.EQUAL, t),) for t in paragraph_texts(comparison.old, pair.old))
        new_blocks = tuple((Span(Op.EQUAL, t),) for t in paragraph_texts(comparison.new, pair.new))
        redline_op = {Status.NEW: Op.INSERT, Status.DROPPED: Op.DELETE}.get(pair.status, Op.EQUAL)
        redline = tuple(Span(redline_op, block[0].text) for block in (new_blocks or old_blocks))
    phrases = tuple(
        Phrasing(phrase.text, phrase.words, _reference("old", comparison.old, phrase.other))
        for phrase in pair.phrases
        if 0 <= phrase.other < len(comparison.old.paragraphs)
    )
    similarity = None
    if pair.status is Status.ALTERED and pair.similarity is not None:
        similarity = percent(pair.similarity)
    return Row(
        anchor=f"pair-{number}",
        origin=False,
        number=number,
        status=pair.status,
        mark=STATUS_MARKS[pair.status],
        similarity=similarity,
        moved=pair.moved,
        split=pair.split,
        merged=pair.merged,
        change=is_change(pair),
        old=Cell(old_refs, old_blocks),
        new=Cell(new_refs, new_blocks),
        redline=redline,
        phrases=phrases,
        notable=tuple(_notable_mark(edit) for edit in pair.notable),
    )


def _notable_mark(edit: NotableEdit) -> NotableMark:
    label, wording = notable.label_and_wording(edit)
    direction = edit.direction.value if edit.direction is not None else None
    return NotableMark(edit.kind.value, label, wording, direction)


def _origin_row(row: Row) -> Row:
    return Row(
        anchor=f"origin-{row.number}",
        origin=True,
        number=row.number,
        status=row.status,
        mark=row.mark,
        similarity=row.similarity,
        moved=True,
        split=row.split,
        merged=row.merged,
        change=False,
        old=Cell(row.old.paragraphs, ()),
        new=Cell(row.new.paragraphs, ()),
        redline=(),
        phrases=(),
    )


def _origin_positions(comparison: Comparison) -> dict[int, list[int]]:
    """For each moved pair, the row position (in pair order) before which it used to stand.

    A moved paragraph stood right after the nearest earlier old paragraph that did not move;
    its marker goes right after that paragraph's row (or first, when there is none).
    """
    row_of_old: dict[int, int] = {}
    for position, pair in enumerate(comparison.pairs):
        if not pair.moved:
            for index in pair.old:
                row_of_old[index] = position
    origins: dict[int, list[int]] = {}
    for number, pair in enumerate(comparison.pairs, 1):
        if not pair.moved or not pair.old:
            continue
        first = min(pair.old)
        before = [row_of_old[index] for index in range(first) if index in row_of_old]
        position = max(before) + 1 if before else 0
        origins.setdefault(position, []).append(number)
    return origins


def _reference(side: str, document: Document, index: int) -> ParagraphRef:
    return ParagraphRef(f"{side}-p{index + 1}", paragraph_label(document.paragraphs[index]))


def _counts(comparison: Comparison) -> list[Count]:
    stats = comparison.stats
    values = {
        Status.REUSED: stats.reused,
        Status.ALTERED: stats.altered,
        Status.NEW: stats.new,
        Status.DROPPED: stats.dropped,
    }
    counts = [Count(s.value, STATUS_MARKS[s], s.value, values[s]) for s in STATUS_ORDER]
    counts.append(Count("moved", "↕", "moved", stats.moved))
    counts.append(Count("split", "÷", "split", stats.split))
    counts.append(Count("merged", "⋈", "merged", stats.merged))
    return counts


def share_bar(parts: Sequence[tuple[Status, int]]) -> list[Share]:
    """The segments of a bar of words by status, each as wide as its share of all the words."""
    total = sum(words for _, words in parts)
    shares: list[Share] = []
    x = 0.0
    for status, words in parts:
        share = words / total if total else 0.0
        shares.append(Share(status, STATUS_MARKS[status], words, percent(share), x, share * 100))
        x += share * 100
    return shares


def _shares(comparison: Comparison) -> list[Share]:
    stats = comparison.stats
    parts = [
        (Status.REUSED, stats.words_reused, stats.share_reused),
        (Status.ALTERED, stats.words_altered, stats.share_altered),
        (Status.NEW, stats.words_new, stats.share_new),
    ]
    shares = []
    x = 0.0
    for status, words, share in parts:
        width = round(share * 100, 3)
        shares.append(
            Share(status, STATUS_MARKS[status], words, percent(share), round(x, 3), width)
        )
        x += width
    return shares
