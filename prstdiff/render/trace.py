"""Renderers of a trace (where each paragraph's language comes from): text, JSON and HTML."""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from typing import Any

from prstdiff.corpus.trace import ParagraphTrace, Trace, TraceSource
from prstdiff.model import Paragraph, Status
from prstdiff.render import RenderOptions
from prstdiff.render.document import document_to_dict
from prstdiff.render.html import document_view, environment, share_bar
from prstdiff.render.labels import (
    STATUS_MARKS,
    Span,
    located_label,
    located_to_dict,
    paragraph_label,
    percent,
    redline_spans,
)
from prstdiff.render.text import format_date

SCHEMA = "prstdiff/trace"
"""The ``schema`` value of trace JSON."""
VERSION = 1
"""The version of trace JSON."""
TRACE_STATUSES = (Status.REUSED, Status.ALTERED, Status.NEW)
"""The statuses a traced paragraph can have, in the order they are listed."""


def source_label(source: TraceSource) -> str:
    """Name an earlier paragraph for people: ``S/RES/1820 (2008) ¶22 OP 1``."""
    return f"{source.document} {located_label(source)}"


def source_to_dict(source: TraceSource) -> dict[str, Any]:
    """The JSON object of an earlier paragraph."""
    return located_to_dict(source) | {
        "similarity": source.similarity,
        "status": source.status.value,
    }


def paragraph_trace_to_dict(item: ParagraphTrace) -> dict[str, Any]:
    """The JSON object of one traced paragraph."""
    return {
        "index": item.index,
        "status": item.status.value,
        "source_count": item.source_count,
        "sources": [source_to_dict(s) for s in item.sources],
        "earliest": source_to_dict(item.earliest) if item.earliest else None,
        "closest": source_to_dict(item.closest) if item.closest else None,
        "chain": [source_to_dict(s) for s in item.chain],
    }


def trace_to_dict(trace: Trace) -> dict[str, Any]:
    """The JSON object of a trace (``prstdiff/trace``, version 1)."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "document": document_to_dict(trace.document),
        "searched": trace.searched,
        "counts": {status.value: trace.count(status) for status in TRACE_STATUSES},
        "paragraphs": [paragraph_trace_to_dict(p) for p in trace.paragraphs],
    }


def render_json(trace: Trace, options: RenderOptions | None = None) -> str:
    """A trace as JSON text."""
    return json.dumps(trace_to_dict(trace), ensure_ascii=False, indent=2) + "\n"


def summary_line(trace: Trace) -> str:
    """``65 paragraphs: 9 reused, 8 altered, 48 new, against 896 earlier documents``."""
    counts = ", ".join(f"{trace.count(s)} {s.value}" for s in TRACE_STATUSES)
    return (
        f"{len(trace.paragraphs)} paragraphs: {counts}, against {trace.searched} earlier documents"
    )


def render_text(trace: Trace, options: RenderOptions | None = None) -> str:
    """A trace for the terminal: each paragraph with its status, closest and earliest source."""
    options = options or RenderOptions()
    document = trace.document
    width = max(options.width, 40)
    lines = [
        f"Trace of {document.name}"
        + (
            f" ({format_date(document.date)})"
            if document.date
            else " (undated: placed by its number, else traced against the whole corpus)"
        )
    ]
    lines.append(summary_line(trace))
    for item in trace.paragraphs:
        paragraph = document.paragraphs[item.index]
        lines.append("")
        heading = f"{paragraph_label(paragraph)}  {STATUS_MARKS[item.status]} {item.status.value}"
        if item.closest is not None:
            heading += f" {item.closest.similarity:.2f}"
        lines.append(heading)
        lines.extend(
            textwrap.wrap(
                paragraph.text, width=width - 4, initial_indent="    ", subsequent_indent="    "
            )
            or ["    "]
        )
        if item.closest is None:
            lines.append("    no earlier source")
            continue
        lines.append(f"    closest:  {source_label(item.closest)} ({item.closest.similarity:.2f})")
        assert item.earliest is not None
        lines.append(f"    earliest: {source_label(item.earliest)} ({_date(item.earliest)})")
        if len(item.chain) > 1:
            # No-break spaces inside a step, so lines break only between steps' words.
            steps = " → ".join(
                f"{s.document} ({s.similarity:.2f})".replace(" ", "\u00a0") for s in item.chain
            )
            lines.extend(
                textwrap.wrap(
                    f"chain: {steps}",
                    width=width - 4,
                    initial_indent="    ",
                    subsequent_indent="      ",
                )
            )
        more = item.source_count - 1
        if more > 0:
            lines.append(f"    {item.source_count} earlier paragraphs in all")
    return "\n".join(lines) + "\n"


UNDATED = "undated, placed by its number"
"""How a source without a date is shown: the index puts it in time by its symbol's number."""


def _date(source: TraceSource) -> str:
    return format_date(source.date) if source.date else UNDATED


@dataclass(frozen=True, slots=True)
class SourceView:
    """An earlier paragraph as the HTML page shows it."""

    label: str
    """``S/RES/1820 (2008) ¶22 OP 1``."""
    date: str
    """``19 June 2008``."""
    similarity: str
    """``95%``."""
    status: str
    """``reused`` or ``altered``."""
    redline: tuple[Span, ...]
    """Word changes from this source to the paragraph it is a source of."""


@dataclass(frozen=True, slots=True)
class ParagraphView:
    """A traced paragraph as the HTML page shows it."""

    anchor: str
    """Element id: ``p12`` (one-based)."""
    label: str
    """``¶12 OP 3``."""
    status: str
    """Reused, altered or new."""
    mark: str
    """The status mark."""
    text: str
    """The paragraph's text."""
    closest: SourceView | None
    """The most similar earlier paragraph, with the word changes since."""
    earliest: SourceView | None
    """Where the language first appears."""
    chain: tuple[SourceView, ...]
    """Versions through intermediate documents, oldest first, each with the changes to the next."""
    sources: tuple[SourceView, ...]
    """Earlier paragraphs listed (oldest first)."""
    source_count: int
    """Earlier paragraphs in all."""


def _view(source: TraceSource) -> SourceView:
    return SourceView(
        label=source_label(source),
        date=_date(source),
        similarity=percent(source.similarity),
        status=source.status.value,
        redline=tuple(redline_spans(source.changes)),
    )


def _paragraph_view(item: ParagraphTrace, paragraph: Paragraph) -> ParagraphView:
    return ParagraphView(
        anchor=f"p{item.index + 1}",
        label=paragraph_label(paragraph),
        status=item.status.value,
        mark=STATUS_MARKS[item.status],
        text=paragraph.text,
        closest=_view(item.closest) if item.closest else None,
        earliest=_view(item.earliest) if item.earliest else None,
        chain=tuple(_view(link) for link in item.chain),
        sources=tuple(
            SourceView(source_label(s), _date(s), percent(s.similarity), s.status.value, ())
            for s in item.sources
        ),
        source_count=item.source_count,
    )


def render_html(trace: Trace, options: RenderOptions | None = None) -> str:
    """A trace as a self-contained HTML page (inline CSS and JavaScript, escaped text)."""
    document = trace.document
    template = environment().get_template("trace.html.j2")
    return template.render(
        title=f"Trace of {document.name}",
        doc=document_view(document),
        counts=[
            {"key": s.value, "mark": STATUS_MARKS[s], "value": trace.count(s)}
            for s in TRACE_STATUSES
        ],
        shares=share_bar([(status, trace.words(status)) for status in TRACE_STATUSES]),
        summary=summary_line(trace),
        paragraphs=[
            _paragraph_view(item, document.paragraphs[item.index]) for item in trace.paragraphs
        ],
    )
