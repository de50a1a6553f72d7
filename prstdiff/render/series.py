"""Renderers of a series: the timeline of word shares, the notable edits of each step (a mandate
series reads as its list of end dates) and the table of lines of language (text, JSON, HTML)."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from prstdiff.corpus.series import Series, SeriesCell, document_symbol, subject_of
from prstdiff.model import Document, Status
from prstdiff.render import RenderOptions, notable
from prstdiff.render.document import document_to_dict
from prstdiff.render.html import Share, environment, share_bar
from prstdiff.render.json import notable_to_dict
from prstdiff.render.labels import STATUS_MARKS, paragraphs_label, percent
from prstdiff.render.text import format_date

SCHEMA = "prstdiff/series"
"""The ``schema`` value of series JSON."""
VERSION = 2
"""The version of series JSON (2: each document's ``notable`` edits since its predecessor)."""
SHARE_STATUSES = (Status.REUSED, Status.ALTERED, Status.NEW)
"""The statuses of a document's words, in the order the timeline stacks them."""


def notable_of(series: Series, position: int) -> list[dict[str, Any]]:
    """The notable edits of the document at ``position`` since its predecessor, each with the
    paragraphs of both documents it stands in (none for the first document)."""
    if position == 0:
        return []
    edits = []
    for pair in series.comparisons[position - 1].pairs:
        for edit in pair.notable:
            edits.append({"old_paragraphs": list(pair.old), "new_paragraphs": list(pair.new)})
            edits[-1].update(notable_to_dict(edit))
            del edits[-1]["ops"]  # the series does not carry the word operations
    return edits


def step_summary(series: Series, position: int) -> str:
    """The notable edits of one step in a sentence, the mandate's new end first."""
    return notable.summary(series.comparisons[position - 1]) if position else ""


def _cell_to_dict(cell: SeriesCell | None) -> dict[str, Any] | None:
    if cell is None:
        return None
    return {
        "paragraph": cell.paragraph,
        "number": cell.number,
        "status": cell.status.value,
        "similarity": cell.similarity,
    }


def series_to_dict(series: Series) -> dict[str, Any]:
    """The JSON object of a series (``prstdiff/series``, version 2)."""
    documents = []
    for position, document in enumerate(series.documents):
        shares = series.shares[position]
        documents.append(
            {
                "document": document_to_dict(document),
                "subject": subject_of(document),
                "words": {
                    "reused": shares.reused,
                    "altered": shares.altered,
                    "new": shares.new,
                },
                "notable_summary": step_summary(series, position),
                "notable": notable_of(series, position),
            }
        )
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "documents": documents,
        "lines": [[_cell_to_dict(cell) for cell in line.cells] for line in series.lines],
        "gaps": [
            {"after": gap.after, "reason": gap.reason, "far_apart": gap.far_apart}
            for gap in series.gaps
        ],
    }


def render_json(series: Series, options: RenderOptions | None = None) -> str:
    """A series as JSON text."""
    return json.dumps(series_to_dict(series), ensure_ascii=False, indent=2) + "\n"


def short_name(document: Document) -> str:
    """``1809 (2008)`` for resolutions, ``PRST 2010/1`` for statements, else the name."""
    symbol = document_symbol(document) or document.name
    if symbol.startswith("S/RES/"):
        return symbol.removeprefix("S/RES/")
    if symbol.startswith("S/PRST/"):
        return "PRST " + symbol.removeprefix("S/PRST/")
    return symbol


def cell_label(cell: SeriesCell) -> str:
    """``¶22 OP 1 ~0.95``: the paragraph and what happened to its language."""
    label = f"¶{cell.paragraph + 1}" + (f" OP {cell.number}" if cell.number else "")
    mark = STATUS_MARKS[cell.status]
    if cell.status is Status.ALTERED and cell.similarity is not None:
        return f"{label} {mark}{cell.similarity:.2f}"
    return f"{label} {mark}"


def render_text(series: Series, options: RenderOptions | None = None) -> str:
    """A series for the terminal, fitted to ``options.width``: documents, gaps, language lines."""
    options = options or RenderOptions()
    width = max(40, options.width)
    gaps_after: dict[int | None, list[str]] = {}
    for gap in series.gaps:
        gaps_after.setdefault(gap.after, []).append(gap.reason)
    lines = [f"Series of {len(series.documents)} documents"]
    lines.extend(
        _wrap(f"gap: {reason}", width, "  ⋮ ", "      ") for reason in gaps_after.get(None, [])
    )
    for position, document in enumerate(series.documents):
        shares = series.shares[position]
        total = shares.total or 1
        date = format_date(document.date) if document.date else "undated"
        row = (
            f"  {position + 1:>3}. {document.name:<20} {date:<18} "
            f"{len(document.paragraphs):>3} ¶  reused {percent(shares.reused / total):>4}  "
            f"altered {percent(shares.altered / total):>4}  new {percent(shares.new / total):>4}"
        )
        lines.append(_wrap(row, width, "", " " * 7))
        lines.extend(
            _wrap(f"gap: {reason}", width, "  ⋮ ", "      ")
            for reason in gaps_after.get(position, [])
        )
    lines.append("")
    lines.append("Notable edits, step by step")
    for position, document in enumerate(series.documents[1:], start=1):
        summary = f"{document.name}: {step_summary(series, position) or '—'}"
        lines.append(_wrap(summary, width, f"  {position + 1:>3}. ", " " * 7))
    lines.append("")
    lines.append(f"Lineage: {len(series.lines)} lines of language (= reused, ~ altered, + new)")
    for number, line in enumerate(series.lines, start=1):
        steps = [
            f"{short_name(series.documents[i])} {cell_label(cell)}"
            for i, cell in enumerate(line.cells)
            if cell is not None
        ]
        lines.append(_wrap(" → ".join(steps), width, f"  {number:>3}. ", " " * 7))
    return "\n".join(lines) + "\n"


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    # Breaks at spaces only, so a step such as "2263 (2016) ¶9 OP 4 ~0.91" may break inside
    # but a symbol never loses its year.
    return textwrap.fill(
        text,
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


@dataclass(frozen=True, slots=True)
class TimelineBar:
    """One document of the timeline."""

    name: str
    """Document name."""
    short: str
    """Short name for column heads."""
    date: str
    """Date as printed."""
    y: int
    """Top of the bar in the SVG, in user units."""
    shares: tuple[Share, ...]
    """The bar's segments (reused, altered, new)."""
    words: int
    """Words of the document."""


@dataclass(frozen=True, slots=True)
class StepView:
    """The notable edits of one document of a series since its predecessor."""

    name: str
    """Document name."""
    date: str
    """Date as printed."""
    summary: str
    """The edits in one sentence, the mandate's end date first."""
    edits: tuple[str, ...]
    """Each edit on one line, with the paragraph it stands in."""


def _steps(series: Series) -> list[StepView]:
    steps = []
    for position, document in enumerate(series.documents[1:], start=1):
        comparison = series.comparisons[position - 1]
        edits = tuple(
            f"{paragraphs_label(document, pair.new, short=True)}: {notable.describe(edit)}"
            for pair in comparison.pairs
            for edit in pair.notable
        )
        date = format_date(document.date) if document.date else "undated"
        steps.append(StepView(document.name, date, step_summary(series, position), edits))
    return steps


@dataclass(frozen=True, slots=True)
class GridCell:
    """A paragraph of the compact timeline: one line of language in one document."""

    column: int
    """Position of the document in the series (zero-based)."""
    status: str
    """Reused, altered or new."""
    label: str
    """``¶22 OP 1 ~0.93``."""
    text: str
    """The paragraph's text, shown on hover (``title``) and in the panel when clicked."""


@dataclass(frozen=True, slots=True)
class GridRow:
    """One line of language through the series."""

    number: int
    """The line's number, from 1."""
    label: str
    """The opening words of the line's first paragraph."""
    span: int
    """Documents carrying the line."""
    cells: tuple[GridCell, ...]
    """The documents where the line stands, in series order."""


@dataclass(frozen=True, slots=True)
class ColumnHead:
    """A document of the compact timeline's head."""

    name: str
    """Document name."""
    date: str
    """Date as printed."""
    tick: str
    """The year, at the first document of a year far enough from the previous tick; else empty."""
    gap: str
    """Why documents may be missing before this one; empty where none."""
    link: str | None
    """The pair report comparing it with the previous document, where one was written."""


_BAR_HEIGHT = 14
_BAR_GAP = 6


def _bars(series: Series) -> list[TimelineBar]:
    bars = []
    for position, document in enumerate(series.documents):
        shares = series.shares[position]
        counts = (shares.reused, shares.altered, shares.new)
        segments = share_bar(list(zip(SHARE_STATUSES, counts, strict=True)))
        bars.append(
            TimelineBar(
                name=document.name,
                short=short_name(document),
                date=format_date(document.date) if document.date else "undated",
                y=position * (_BAR_HEIGHT + _BAR_GAP),
                shares=tuple(segments),
                words=shares.total,
            )
        )
    return bars


_LABEL_WORDS = 9
"""Opening words of a line's first paragraph shown as the row's label."""
_TICK_SPACING = 6
"""Least documents between two year ticks of the timeline head, so the years stay legible; the
last columns get none, so a year never sticks out of the timeline."""


def _grid(series: Series) -> list[GridRow]:
    rows = []
    for number, line in enumerate(series.lines, start=1):
        cells = []
        for column, cell in enumerate(line.cells):
            if cell is None:
                continue
            text = series.documents[column].paragraphs[cell.paragraph].text
            cells.append(GridCell(column, cell.status.value, cell_label(cell), text))
        words = cells[0].text.split() if cells else []
        label = " ".join(words[:_LABEL_WORDS]) + ("…" if len(words) > _LABEL_WORDS else "")
        rows.append(GridRow(number, label, len(cells), tuple(cells)))
    return rows


def _heads(series: Series, links: Sequence[str | None]) -> list[ColumnHead]:
    gap_before: dict[int, str] = {}
    for gap in series.gaps:
        position = 0 if gap.after is None else gap.after + 1
        if position < len(series.documents):
            gap_before[position] = (gap_before.get(position, "") + " " + gap.reason).strip()
    heads = []
    last_tick = -_TICK_SPACING
    last_year: int | None = None
    for position, document in enumerate(series.documents):
        year = document.date.year if document.date else None
        tick = ""
        room = len(series.documents) - position > _TICK_SPACING // 2
        if (
            year is not None
            and year != last_year
            and position - last_tick >= _TICK_SPACING
            and room
        ):
            tick = str(year)
            last_tick = position
        last_year = year if year is not None else last_year
        heads.append(
            ColumnHead(
                name=document.name,
                date=format_date(document.date) if document.date else "undated",
                tick=tick,
                gap=gap_before.get(position, ""),
                link=links[position] if position < len(links) else None,
            )
        )
    return heads


def render_html(
    series: Series,
    options: RenderOptions | None = None,
    *,
    pair_links: Sequence[str | None] = (),
) -> str:
    """A series as a self-contained HTML page: documents, gaps and the compact timeline.

    ``pair_links[i]`` is the address of the pair report comparing document ``i`` with
    document ``i - 1`` (None or absent where no report was written).
    """
    bars = _bars(series)
    first, last = series.documents[0], series.documents[-1]
    return (
        environment()
        .get_template("series.html.j2")
        .render(
            title=f"Series {first.name} … {last.name}",
            bars=bars,
            heads=_heads(series, pair_links),
            rows=_grid(series),
            gaps=series.gaps,
            steps=_steps(series),
            count=len(series.documents),
            line_count=len(series.lines),
        )
    )
