"""Search results for the terminal (keyword in context) and for programs (JSON, with a schema).

Each hit is shown as the sentence its match stands in, cut around the match to fit the width,
the match highlighted: bold on a colour terminal, between ``»`` and ``«`` otherwise. A near match
says which of the phrase's content words it misses. The JSON shape is documented in
``prstdiff/schemas/search.schema.json``.
"""

from __future__ import annotations

import json
import re

from prstdiff.corpus.search import SearchResult
from prstdiff.render import RenderOptions
from prstdiff.render.labels import located_label, located_to_dict
from prstdiff.render.text import format_date

__all__ = ["context", "render_json", "render_text", "search_to_dict"]

_MARK_ON = "»"
_MARK_OFF = "«"
_BOLD_ON = "\x1b[1;33m"
_BOLD_OFF = "\x1b[0m"
_INDENT = "    "
# A sentence ends at a full stop, semicolon, question or exclamation mark followed by a space;
# abbreviations (``S/RES/1325 (2000).``) cost at most a shorter context.
_SENTENCE_END = re.compile(r"[.;!?](?=\s)")
_SPACES = re.compile(r"\s+")


def context(text: str, span: tuple[int, int], width: int) -> tuple[str, int, int]:
    """The match's sentence, cut to ``width`` characters around the match at word boundaries.

    Returns the snippet and the match's offsets within it. Cut ends are marked with ``…``.

    >>> context("First. The Council decides to act now; later.", (19, 37), 60)
    ('The Council decides to act now;', 12, 30)
    """
    start, end = span
    sentence_start = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        sentence_start = found.end()
    after = _SENTENCE_END.search(text, end)
    sentence_end = after.end() if after else len(text)
    lead = _SPACES.sub(" ", text[sentence_start:start]).lstrip()
    match = _SPACES.sub(" ", text[start:end])
    rest = _SPACES.sub(" ", text[end:sentence_end]).rstrip()
    if len(match) >= width:
        cut = match[: max(1, width - 1)].rsplit(" ", 1)[0] + "…"
        return cut, 0, len(cut)
    room = width - len(match)
    left_room = room // 2
    right_room = room - left_room
    # Give the unused room of a short side to the other side.
    if len(lead) < left_room:
        right_room += left_room - len(lead)
        left_room = len(lead)
    elif len(rest) < right_room:
        left_room += right_room - len(rest)
        right_room = len(rest)
    if len(lead) > left_room:
        kept = lead[len(lead) - left_room + 1 :]
        kept = kept.split(" ", 1)[1] if " " in kept else ""
        lead = "…" + kept if kept else "…"
        if len(lead) > left_room:
            lead = lead[:left_room]
    if len(rest) > right_room:
        kept = rest[: max(0, right_room - 1)]
        kept = kept.rsplit(" ", 1)[0] if " " in kept else ""
        rest = (kept + "…") if kept else "…"
        rest = rest[:right_room]
    return lead + match + rest, len(lead), len(lead) + len(match)


def render_text(result: SearchResult, options: RenderOptions | None = None) -> str:
    """Search results for the terminal, oldest first: a line per hit and the match in context."""
    opts = options or RenderOptions()
    if not result.hits:
        return f"{result.phrase!r}: not found in {result.documents} documents\n"
    exact = sum(1 for hit in result.hits if hit.exact)
    near = len(result.hits) - exact
    lines = [
        f"{result.phrase!r}: {exact} paragraph{'s' if exact != 1 else ''}"
        + (f" and {near} near match{'es' if near != 1 else ''}" if result.fuzzy else "")
        + f" in {result.document_count} of {result.documents} documents"
    ]
    first = result.first
    if first is not None:
        lines.append(
            f"first appearance: {first.document} {located_label(first)}"
            + (f" ({format_date(first.date)})" if first.date else " (undated)")
            + ("" if first.exact else f" (near match: {' '.join(first.matched)})")
        )
    if result.fuzzy:
        lines.append(
            f"near matches hold, in order, most of the content words: {' '.join(result.content)}"
        )
    lines.append("")
    # The two marks of a plain-text highlight take room too; colour codes take none on screen.
    width = max(20, opts.width - len(_INDENT) - (0 if opts.color else 2))
    for hit in result.hits:
        date = hit.date.isoformat() if hit.date else "undated"
        if hit.exact:
            how = ""
        elif hit.missing:
            how = f"  ~{hit.score:g}% missing: {', '.join(hit.missing)}"
        else:
            how = "  ~all words, not adjacent"
        lines.append(f"{date}  {hit.document}  {located_label(hit)}{how}")
        snippet, start, end = context(hit.text, hit.span, width)
        on, off = (_BOLD_ON, _BOLD_OFF) if opts.color else (_MARK_ON, _MARK_OFF)
        lines.append(f"{_INDENT}{snippet[:start]}{on}{snippet[start:end]}{off}{snippet[end:]}")
    return "\n".join(lines) + "\n"


def search_to_dict(result: SearchResult, options: RenderOptions | None = None) -> dict[str, object]:
    """The JSON object of search results (``prstdiff/search`` version 2)."""
    width = (options or RenderOptions()).width
    hits = []
    for hit in result.hits:
        snippet, start, end = context(hit.text, hit.span, width)
        hits.append(
            located_to_dict(hit)
            | {
                "exact": hit.exact,
                "score": hit.score,
                "matched": list(hit.matched),
                "missing": list(hit.missing),
                "span": list(hit.span),
                "context": {"text": snippet, "match": [start, end]},
                "text": hit.text,
            }
        )
    first = result.first
    return {
        "schema": "prstdiff/search",
        "version": 2,
        "phrase": result.phrase,
        "words": list(result.words),
        "content_words": list(result.content),
        "fuzzy": result.fuzzy,
        "documents": result.documents,
        "first": None
        if first is None
        else {"symbol": first.symbol, "file": first.name, "paragraph": first.paragraph},
        "hits": hits,
    }


def render_json(result: SearchResult, options: RenderOptions | None = None) -> str:
    """Search results as JSON (see ``search_to_dict``)."""
    return json.dumps(search_to_dict(result, options), ensure_ascii=False, indent=2) + "\n"
