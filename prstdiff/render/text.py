"""Terminal rendering of a comparison: one block per pair, then a summary line.

Without colour the changes read as ``[-deleted-]{+inserted+}`` (``git diff --word-diff``); with
colour, deleted words are struck through in red and inserted words are green. Colour is rich's
work; plain text (a file, a pipe, ``--color never``) is wrapped by ``prstdiff.render.wrap`` into the
same lines without importing rich, which is most of the time of a small ``prstdiff diff``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

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
from prstdiff.render.wrap import is_narrow, wrap

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

INDENT = 4
"""Columns the paragraph text is indented under its heading, so headings stand out."""
HEADING_WIDTH = 15
"""Width of the status column: ``~ altered 0.82`` plus a space, so paragraph labels line up."""
MIN_WRAP = 20
"""Fewest columns text is wrapped to, however narrow the width asked for."""

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


@dataclass(frozen=True, slots=True)
class Block:
    """One wrapped paragraph of output: runs of text with their rich styles, and an indent."""

    runs: tuple[tuple[str, str], ...]
    """(text, style) runs; the style (``""`` for none) matters only with colour."""
    indent: int = 0
    """Columns every line of the block is indented."""
    styled: bool = False
    """Built run by run (``Text().append``) rather than as one styled text: how rich draws it."""

    @property
    def text(self) -> str:
        """The block's text without styles."""
        return "".join(text for text, _ in self.runs)


BLANK = Block(())
"""An empty line between blocks."""


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """Render a comparison for the terminal, with ANSI colour when ``options.color`` is set."""
    options = options or RenderOptions()
    blocks = list(_blocks(comparison, options))
    if options.color or not all(is_narrow(block.text) for block in blocks):
        return _render_rich(blocks, options)
    lines: list[str] = []
    for block in blocks:
        if block is BLANK:
            lines.append("")
            continue
        margin = " " * block.indent
        lines += [margin + line for line in wrap(block.text, _wrap_width(options, block))]
    return "".join(f"{line}\n" for line in lines)


def _blocks(comparison: Comparison, options: RenderOptions) -> Iterator[Block]:
    yield from _document_lines(comparison)
    yield BLANK
    for pair in comparison.pairs:
        if options.only_changes and not is_change(pair):
            continue
        yield _heading(comparison, pair, options.color)
        yield from _bodies(comparison, pair, options.color)
        for note in _phrase_notes(comparison, pair):
            yield Block(((note, "dim"),), INDENT)
        if pair.notable:
            yield Block(((f"notable: {notable.describe_pair(pair)}", "magenta"),), INDENT)
        yield BLANK
    notable_summary = notable.summary(comparison)
    if notable_summary:
        yield Block(((f"Notable edits: {notable_summary}.", ""),))
    yield Block(((summary_line(comparison), ""),))


def _wrap_width(options: RenderOptions, block: Block) -> int:
    return max(options.width - block.indent, MIN_WRAP)


def _render_rich(blocks: list[Block], options: RenderOptions) -> str:
    """The blocks through rich: for colour, and for text of wide characters or tabs."""
    from io import StringIO

    from rich.console import Console

    console = Console(
        file=StringIO(),
        width=max(options.width, INDENT + MIN_WRAP),
        color_system="standard" if options.color else None,
        force_terminal=options.color,
        no_color=not options.color,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )
    for block in blocks:
        if block is BLANK:
            console.print()
        else:
            _print_wrapped(console, _rich_text(block), block.indent, _wrap_width(options, block))
    output = console.file
    assert isinstance(output, StringIO)
    return output.getvalue()


def _rich_text(block: Block) -> Text:
    from rich.text import Text

    if not block.styled:
        ((text, style),) = block.runs
        return Text(text, style=style)
    rich_text = Text()
    for text, style in block.runs:
        rich_text.append(text, style=style or None)
    return rich_text


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


def _document_lines(comparison: Comparison) -> list[Block]:
    return [
        Block(((f"--- {describe_document(comparison.old)}", "bold"),)),
        Block(((f"+++ {describe_document(comparison.new)}", "bold"),)),
    ]


def _heading(comparison: Comparison, pair: Pair, color: bool) -> Block:
    runs = [(status_heading(pair).ljust(HEADING_WIDTH - 1), STATUS_STYLES[pair.status]), (" ", "")]
    old_label = paragraphs_label(comparison.old, pair.old)
    new_label = paragraphs_label(comparison.new, pair.new)
    runs.append((f"{old_label} → {new_label}", ""))
    for note in flag_notes(comparison, pair):
        runs += [("  ", ""), (note, "cyan" if color else "")]
    return Block(tuple(runs), styled=True)


def _bodies(comparison: Comparison, pair: Pair, color: bool) -> list[Block]:
    if pair.status in (Status.NEW, Status.DROPPED) or not pair.ops:
        # The heading already says the whole paragraph is new, dropped or reused: no markers.
        document, indices = (
            (comparison.old, pair.old) if not pair.new else (comparison.new, pair.new)
        )
        style = STATUS_STYLES[pair.status].replace("bold ", "") if color else ""
        return [Block(((text, style),), INDENT) for text in paragraph_texts(document, indices)]
    runs = []
    for span in redline_spans(pair.ops):
        if color:
            runs.append((span.text, TEXT_STYLES[span.op]))
        else:
            start, end = PLAIN_MARKERS[span.op]
            runs.append((f"{start}{span.text}{end}", ""))
    return [Block(tuple(runs), INDENT, styled=True)]


def _phrase_notes(comparison: Comparison, pair: Pair) -> list[str]:
    notes = []
    for phrase in pair.phrases:
        other = paragraphs_label(comparison.old, (phrase.other,), short=True)
        notes.append(f"↳ {phrase.words} words also in old {other}: “{phrase.text}”")
    return notes


def _print_wrapped(console: Console, text: Text, indent: int, width: int) -> None:
    # Wrap ourselves rather than with rich's Padding, which pads every line with trailing spaces.
    from rich.text import Text

    for line in text.wrap(console, width):
        line.rstrip()
        console.print(Text(" " * indent) + line, soft_wrap=True)
