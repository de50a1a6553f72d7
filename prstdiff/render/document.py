"""One parsed document for people (terminal text) and for programs (the document JSON).

The JSON object (``prstdiff/document`` version 1, schema in ``prstdiff/schemas``) is also what
other renderers embed for each side of a comparison, so its shape changes only with its version.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import textwrap
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from prstdiff.errors import InputError
from prstdiff.model import (
    Citation,
    CitationKind,
    Document,
    DocumentKind,
    Paragraph,
    ParagraphKind,
    Source,
)
from prstdiff.render import RenderOptions

SCHEMA = "prstdiff/document"
"""The ``schema`` field of the document JSON."""
VERSION = 1
"""The ``version`` field: raised whenever a field changes meaning or goes away."""

_MIN_TEXT_COLUMNS = 24
"""Narrowest text column worth wrapping into; below it the labels go on a line of their own."""

_NUMBER_AND_YEAR = re.compile(r"(\d) (\(\d{4}\))")
_NBSP_MARK = "\ue000"
"""Stands in for the text's own no-break spaces while wrapping, so they come back as they were."""

_KIND_STYLES: dict[ParagraphKind, str] = {
    ParagraphKind.INTRODUCTORY: "magenta",
    ParagraphKind.STATEMENT: "cyan",
    ParagraphKind.PREAMBULAR: "blue",
    ParagraphKind.OPERATIVE: "green",
    ParagraphKind.SUBPARAGRAPH: "green",
    ParagraphKind.CLOSING: "magenta",
}


def paragraph_to_dict(paragraph: Paragraph) -> dict[str, object]:
    """The JSON object of one paragraph: ``{"index", "kind", "number", "text"}``."""
    return {
        "index": paragraph.index,
        "kind": paragraph.kind.value,
        "number": paragraph.number,
        "text": paragraph.text,
    }


def document_to_dict(doc: Document) -> dict[str, object]:
    """The document JSON object (``prstdiff/document`` version 1), keys in a fixed order.

    >>> from prstdiff.model import Document, DocumentKind
    >>> document_to_dict(Document(None, DocumentKind.OTHER, None, None, None, None, None, (), ()))
    ... # doctest: +NORMALIZE_WHITESPACE
    {'schema': 'prstdiff/document', 'version': 1, 'symbol': None, 'kind': 'other', 'date': None,
     'meeting': None, 'item': None, 'title': None, 'vote': None, 'citations': [], 'source': None,
     'paragraphs': []}
    """
    source = doc.source
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "symbol": doc.symbol,
        "kind": doc.kind.value,
        "date": doc.date.isoformat() if doc.date else None,
        "meeting": doc.meeting,
        "item": doc.item,
        "title": doc.title,
        "vote": doc.vote,
        "citations": [{"symbol": c.symbol, "kind": c.kind.value} for c in doc.citations],
        "source": None
        if source is None
        else {
            "path": source.path,
            "format": source.format,
            "layout": source.layout,
            "sha256": source.sha256,
        },
        "paragraphs": [paragraph_to_dict(p) for p in doc.paragraphs],
    }


def document_from_dict(data: Mapping[str, Any], *, path: str | None = None) -> Document:
    """Rebuild a Document from its JSON object (the inverse of :func:`document_to_dict`).

    Raises ``InputError`` (naming ``path`` when given) for anything that is not such an object.
    """
    if not isinstance(data, Mapping) or (data.get("schema"), data.get("version")) != (
        SCHEMA,
        VERSION,
    ):
        raise InputError(f"not a {SCHEMA} version {VERSION} object", path)
    try:
        document = _document_from_dict(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        detail = f"missing {error}" if isinstance(error, KeyError) else str(error)
        raise InputError(f"broken {SCHEMA} object: {detail}", path) from None
    if any(paragraph.index != i for i, paragraph in enumerate(document.paragraphs)):
        raise InputError(f"broken {SCHEMA} object: paragraph indices out of order", path)
    return document


def _document_from_dict(data: Mapping[str, Any]) -> Document:
    source = data["source"]
    return Document(
        symbol=data["symbol"],
        kind=DocumentKind(data["kind"]),
        date=None if data["date"] is None else dt.date.fromisoformat(data["date"]),
        meeting=data["meeting"],
        item=data["item"],
        title=data["title"],
        vote=data["vote"],
        citations=tuple(
            Citation(symbol=c["symbol"], kind=CitationKind(c["kind"])) for c in data["citations"]
        ),
        paragraphs=tuple(
            Paragraph(
                index=p["index"], kind=ParagraphKind(p["kind"]), number=p["number"], text=p["text"]
            )
            for p in data["paragraphs"]
        ),
        source=None
        if source is None
        else Source(
            path=source["path"],
            format=source["format"],
            layout=source["layout"],
            sha256=source["sha256"],
        ),
    )


def render_json(doc: Document, options: RenderOptions | None = None) -> str:
    """The document JSON as text: keys in schema order, UTF-8 characters kept, indented by 2."""
    del options  # JSON is for programs: always the whole document
    return json.dumps(document_to_dict(doc), ensure_ascii=False, indent=2) + "\n"


@dataclass(frozen=True, slots=True)
class _Segment:
    """A run of output text and the rich style it takes when colour is on."""

    text: str
    """The characters."""
    style: str = ""
    """A rich style (``bold``, ``green``); empty for plain text."""


_Line = tuple[_Segment, ...]


def paragraph_heading(paragraph: Paragraph) -> str:
    """A paragraph's kind and printed number, as inspect lists it: ``operative 2``."""
    if paragraph.number:
        return f"{paragraph.kind.value} {paragraph.number}"
    return paragraph.kind.value


def render_text(doc: Document, options: RenderOptions | None = None) -> str:
    """A document for people: its metadata, then every paragraph with its position and kind."""
    options = options or RenderOptions()
    lines = [*_metadata_lines(doc, options.width), (), *_paragraph_lines(doc, options.width)]
    if not options.color:
        return "".join("".join(s.text for s in line).rstrip() + "\n" for line in lines)
    # rich only for colour: plain text and the JSON renderers (which share this module) skip it.
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=True,
        color_system="standard",
        width=max(options.width, 1),
        highlight=False,
        soft_wrap=True,  # the lines are wrapped already; rich must not wrap them again
        emoji=False,
        markup=False,
    )
    for line in lines:
        text = Text()
        for segment in line:
            text.append(segment.text, style=segment.style or None)
        console.print(text)
    return buffer.getvalue()


def _metadata_lines(doc: Document, width: int) -> list[_Line]:
    source = doc.source
    counts = Counter(p.kind for p in doc.paragraphs)
    kinds = ", ".join(f"{kind.value} {counts[kind]}" for kind in ParagraphKind if counts[kind])
    fields: list[tuple[str, str | None]] = [
        ("kind", doc.kind.value),
        ("date", doc.date.isoformat() if doc.date else None),
        ("meeting", str(doc.meeting) if doc.meeting is not None else None),
        ("item", doc.item),
        ("title", doc.title),
        ("vote", doc.vote),
        ("citations", ", ".join(c.symbol for c in doc.citations) or None),
        (
            "source",
            None
            if source is None
            else f"{source.path} ({source.format}, {source.layout} layout, "
            f"sha256 {source.sha256[:12]})",
        ),
        ("paragraphs", f"{len(doc.paragraphs)}" + (f" ({kinds})" if kinds else "")),
    ]
    lines: list[_Line] = [(_Segment(doc.name, "bold"),)]
    key_width = max(len(key) for key, _ in fields) + 2
    for key, value in fields:
        label = _Segment(key.ljust(key_width), "dim")
        if value is None:
            lines.append((label, _Segment("—", "dim")))
            continue
        for number, row in enumerate(_wrap(value, width - key_width)):
            lines.append((label if number == 0 else _Segment(" " * key_width), _Segment(row)))
    return lines


def _paragraph_lines(doc: Document, width: int) -> list[_Line]:
    if not doc.paragraphs:
        return []
    positions = [f"¶{p.index + 1}" for p in doc.paragraphs]
    headings = [paragraph_heading(p) for p in doc.paragraphs]
    position_width = max(len(p) for p in positions) + 2
    heading_width = max(len(h) for h in headings) + 2
    indent = position_width + heading_width
    lines: list[_Line] = []
    for paragraph, position, heading in zip(doc.paragraphs, positions, headings, strict=True):
        style = _KIND_STYLES.get(paragraph.kind, "")
        prefix = (
            _Segment(position.ljust(position_width), "bold"),
            _Segment(heading.ljust(heading_width), style),
        )
        if width - indent < _MIN_TEXT_COLUMNS:
            # Too narrow for a label column: label on its own line, text below, indented by 4.
            lines.append((prefix[0], _Segment(heading, style)))
            lines.extend(
                (_Segment("    "), _Segment(row)) for row in _wrap(paragraph.text, width - 4)
            )
            continue
        for number, row in enumerate(_wrap(paragraph.text, width - indent)):
            lines.append(
                (*prefix, _Segment(row)) if number == 0 else (_Segment(" " * indent), _Segment(row))
            )
    return lines


def _wrap(text: str, columns: int) -> Sequence[str]:
    # A no-break space holds a symbol's number and year together: ``1612 (2005)``.
    held = _NUMBER_AND_YEAR.sub("\\1\u00a0\\2", text.replace("\u00a0", _NBSP_MARK))
    rows = textwrap.wrap(
        held,
        width=max(columns, 1),
        break_long_words=False,  # a symbol such as S/RES/1809 (2008) must stay readable
        break_on_hyphens=False,  # nor should Secretary-General split at its hyphen
    )
    return [row.replace("\u00a0", " ").replace(_NBSP_MARK, "\u00a0") for row in rows] or [""]
