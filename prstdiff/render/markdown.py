"""Markdown redline of a comparison (``~~deleted~~ **inserted**``) for issues and e-mail.

Document text is escaped, so a stray ``*`` or ``[`` in a resolution never turns into formatting.
"""

from __future__ import annotations

import re

from prstdiff.model import Comparison, Document, Op, Pair, Status
from prstdiff.render import RenderOptions, notable
from prstdiff.render.labels import (
    flag_notes,
    is_change,
    paragraph_texts,
    paragraphs_label,
    redline_spans,
    status_heading,
)
from prstdiff.render.text import format_date, ordinal, summary_line

_SPECIALS = re.compile(r"([\\`*_\[\]<>~|])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#+=-]|\d+[.)])")
_WRAPPERS: dict[Op, str] = {Op.EQUAL: "", Op.DELETE: "~~", Op.INSERT: "**"}


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """Render a comparison as a Markdown redline; ``options.only_changes`` hides reused pairs."""
    options = options or RenderOptions()
    lines = [
        f"# {escape(comparison.old.name)} → {escape(comparison.new.name)}",
        "",
        *_documents_table(comparison.old, comparison.new),
        "",
        f"**Summary:** {escape(summary_line(comparison).removeprefix('Summary: '))}",
        "",
    ]
    notable_summary = notable.summary(comparison)
    if notable_summary:
        lines += [f"**Notable edits:** {escape(notable_summary)}.", ""]
    for pair in comparison.pairs:
        if options.only_changes and not is_change(pair):
            continue
        lines.append(_heading(comparison, pair))
        lines.append("")
        for body in _bodies(comparison, pair):
            lines.append(body)
            lines.append("")
        for phrase in pair.phrases:
            other = paragraphs_label(comparison.old, (phrase.other,), short=True)
            lines.append(f"> {phrase.words} words also in old {other}: “{escape(phrase.text)}”")
            lines.append("")
        if pair.notable:
            lines.append(f"*Notable:* {escape(notable.describe_pair(pair))}")
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def escape(text: str) -> str:
    """Escape the characters that Markdown would read as formatting, and join lines."""
    return _escape_line_start(_escape_characters(" ".join(text.split())))


def _escape_characters(text: str) -> str:
    return _ENTITY.sub(r"\\&", _SPECIALS.sub(r"\\\1", text))


def _escape_line_start(text: str) -> str:
    # Only at the start of a line do ``#``, ``-`` or ``1.`` turn text into a heading or a list.
    return _LINE_START.sub(lambda match: f"{match.group(1)}\\{match.group(2)}", text)


def _documents_table(old: Document, new: Document) -> list[str]:
    rows = [("Symbol", old.name, new.name)]
    rows.append(("Date", _date(old), _date(new)))
    rows.append(("Meeting", _meeting(old), _meeting(new)))
    rows.append(("Agenda item", old.item or "—", new.item or "—"))
    rows.append(("Paragraphs", str(len(old.paragraphs)), str(len(new.paragraphs))))
    lines = ["| | Old | New |", "|---|---|---|"]
    lines += [f"| {name} | {escape(a)} | {escape(b)} |" for name, a, b in rows]
    return lines


def _date(document: Document) -> str:
    return format_date(document.date) if document.date else "—"


def _meeting(document: Document) -> str:
    return ordinal(document.meeting) if document.meeting is not None else "—"


def _heading(comparison: Comparison, pair: Pair) -> str:
    labels = (
        f"{paragraphs_label(comparison.old, pair.old)} → "
        f"{paragraphs_label(comparison.new, pair.new)}"
    )
    parts = [
        f"**{_escape_characters(status_heading(pair))}**",
        labels,
        *flag_notes(comparison, pair),
    ]
    return "#### " + " · ".join(parts)


def _bodies(comparison: Comparison, pair: Pair) -> list[str]:
    if pair.status is Status.NEW:
        return [f"**{escape(text)}**" for text in paragraph_texts(comparison.new, pair.new)]
    if pair.status is Status.DROPPED:
        return [f"~~{escape(text)}~~" for text in paragraph_texts(comparison.old, pair.old)]
    if not pair.ops:
        return [escape(text) for text in paragraph_texts(comparison.new, pair.new)]
    parts = []
    previous = Op.EQUAL
    for span in redline_spans(pair.ops):
        wrapper = _WRAPPERS[span.op]
        if previous is Op.DELETE and span.op is Op.INSERT:
            parts.append(" ")  # ``~~old~~ **new**`` reads better in plain-text e-mail
        previous = span.op
        text = span.text.replace("\n", " ")
        parts.append(f"{wrapper}{_escape_characters(text)}{wrapper}")
    return [_escape_line_start("".join(parts))]
