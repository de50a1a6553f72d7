"""Terminal rendering of a comparison with rich: one block per pair, then a summary line.

Without colour the changes read as ``[-deleted-]{+inserted+}`` (``git diff --word-diff``); with
colour, deleted words are struck through in red and inserted words are green.
"""

from __future__ import annotations

import datetime as dt
from io import StringIO

from rich.console import Console
from rich.text import Text

from prstdiff.model import Comparison, Document, Op, Pair, Status
from prstdiff.render import RenderOptions, notable
from prstdiff.render.labels import (
    STATUS_ORDER,
    flag_notes,
    is_change,
    paragraph_texts,
    paragraphs_label,
    percent,
    redline_spans,
    status_heading,
)

INDENT = 4
"""Columns the paragraph text is indented under its heading, so headings stand out."""
HEADING_WIDTH = 15
"""Width of the status column: ``~ altered 0.82`` plus a space, so paragraph labels line up."""

STATUS_STYLES: dict[Status, str] = {
    Status.REUSED: "dim",
    Status.ALTERED: "bold yellow",
    Status.NEW: "bold green",
    Status.DROPPED: "bold red",
}
TEXT_STYLES: dict[Op, str] = {Op.EQUAL: "", Op.DELETE: "red strike", Op.INSERT: "green"}
PLAIN_MARKERS: dict[Op, tuple[str, str]] = {
    Op.EQUAL: ("", ""),
    Op.DELETE: ("[-", "-]"),
    Op.INSERT: ("{+", "+}"),
}


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """Render a comparison for the terminal, with ANSI colour when ``options.color`` is set."""
    options = options or RenderOptions()
    console = Console(
        file=StringIO(),
        width=max(options.width, INDENT + 20),
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    for line in _document_lines(comparison):
        _print_wrapped(console, line, 0, options.width)
    console.print()
    for pair in comparison.pairs:
        if options.only_changes and not is_change(pair):
            continue
        _print_wrapped(console, _heading(comparison, pair, options.color), 0, options.width)
        for body in _bodies(comparison, pair, options.color):
            _print_wrapped(console, body, INDENT, options.width)
        for note in _phrase_notes(comparison, pair):
            _print_wrapped(console, Text(note, style="dim"), INDENT, options.width)
        if pair.notable:
            line = Text(f"notable: {notable.describe_pair(pair)}", style="magenta")
            _print_wrapped(console, line, INDENT, options.width)
        console.print()
    notable_summary = notable.summary(comparison)
    if notable_summary:
        _print_wrapped(console, Text(f"Notable edits: {notable_summary}."), 0, options.width)
    _print_wrapped(console, Text(summary_line(comparison)), 0, options.width)
    output = console.file
    assert isinstance(output, StringIO)
    return output.getvalue()


def summary_line(comparison: Comparison) -> str:
    """Counts by status and the share of the new text's words reused, as one sentence."""
    stats = comparison.stats
    counts = {
        Status.REUSED: stats.reused,
        Status.ALTERED: stats.altered,
        Status.NEW: stats.new,
        Status.DROPPED: stats.dropped,
    }
    parts = ", ".join(f"{counts[status]} {status.value}" for status in STATUS_ORDER)
    flags = f"{stats.moved} moved, {stats.split} split, {stats.merged} merged"
    shares = (
        f"{percent(stats.share_reused)} of the new text's words reused "
        f"({stats.words_reused:,} of {stats.new_words:,}), {percent(stats.share_altered)} altered, "
        f"{percent(stats.share_new)} new"
    )
    return f"Summary: {parts} ({flags}); {shares}."


def describe_document(document: Document) -> str:
    """One line about a document: symbol, date, meeting and paragraph count."""
    parts = [document.name]
    if document.date is not None:
        parts.append(format_date(document.date))
    if document.meeting is not None:
        parts.append(f"{ordinal(document.meeting)} meeting")
    parts.append(f"{len(document.paragraphs)} paragraphs")
    return ", ".join(parts)


def format_date(date: dt.date) -> str:
    """A date as the UN prints it: ``29 July 2021``."""
    return f"{date.day} {date:%B %Y}"


def ordinal(number: int) -> str:
    """An English ordinal: ``8827th``, ``8781st``, ``1102nd``."""
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _document_lines(comparison: Comparison) -> list[Text]:
    return [
        Text(f"--- {describe_document(comparison.old)}", style="bold"),
        Text(f"+++ {describe_document(comparison.new)}", style="bold"),
    ]


def _heading(comparison: Comparison, pair: Pair, color: bool) -> Text:
    heading = Text()
    heading.append(status_heading(pair).ljust(HEADING_WIDTH - 1), style=STATUS_STYLES[pair.status])
    heading.append(" ")
    old_label = paragraphs_label(comparison.old, pair.old)
    new_label = paragraphs_label(comparison.new, pair.new)
    heading.append(f"{old_label} → {new_label}")
    for note in flag_notes(comparison, pair):
        heading.append("  ")
        heading.append(note, style="cyan" if color else "")
    return heading


def _bodies(comparison: Comparison, pair: Pair, color: bool) -> list[Text]:
    if pair.status in (Status.NEW, Status.DROPPED) or not pair.ops:
        # The heading already says the whole paragraph is new, dropped or reused: no markers.
        document, indices = (
            (comparison.old, pair.old) if not pair.new else (comparison.new, pair.new)
        )
        style = STATUS_STYLES[pair.status].replace("bold ", "") if color else ""
        return [Text(text, style=style) for text in paragraph_texts(document, indices)]
    body = Text()
    for span in redline_spans(pair.ops):
        if color:
            body.append(span.text, style=TEXT_STYLES[span.op])
        else:
            start, end = PLAIN_MARKERS[span.op]
            body.append(f"{start}{span.text}{end}")
    return [body]


def _phrase_notes(comparison: Comparison, pair: Pair) -> list[str]:
    notes = []
    for phrase in pair.phrases:
        other = paragraphs_label(comparison.old, (phrase.other,), short=True)
        notes.append(f"↳ {phrase.words} words also in old {other}: “{phrase.text}”")
    return notes


def _print_wrapped(console: Console, text: Text, indent: int, width: int) -> None:
    # Wrap ourselves rather than with rich's Padding, which pads every line with trailing spaces.
    for line in text.wrap(console, max(width - indent, 20)):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)
