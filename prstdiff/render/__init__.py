"""Renderers: one module per output format, each ``render(comparison, options) -> str``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How a comparison is presented; the comparison itself is never changed by rendering."""

    width: int = 100
    """Terminal columns for the text renderer; 100 fits two short paragraphs' labels and text."""
    color: bool = False
    """Colour and styles in terminal output; off unless the CLI finds a terminal."""
    only_changes: bool = False
    """Leave reused, unmoved pairs out of the listing (statistics still count them)."""
