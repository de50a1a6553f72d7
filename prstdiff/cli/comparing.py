"""The work of ``prstdiff diff`` and ``prstdiff report``, without typer.

``prstdiff.cli.diff`` declares the commands to typer; ``prstdiff.cli.quick`` runs a plain ``diff``
command line without it. Both call ``diff`` here, so the two ways produce the same output.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from prstdiff.cli.terminal import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    ColorChoice,
    fail,
    is_stdout,
    pick_format,
    stdout_is_terminal,
    terminal_options,
    warn,
    write_output,
)
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions

if TYPE_CHECKING:
    from prstdiff.model import Comparison, Document


class DiffFormat(StrEnum):
    """Output formats of ``diff``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"


def renderer(output_format: DiffFormat) -> Callable[[Comparison, RenderOptions], str | bytes]:
    """The render function of a format, its module imported only when that format is asked for."""
    # Imported here so that ``--help`` and the other commands never load jinja2 or rich's renderer.
    if output_format is DiffFormat.JSON:
        from prstdiff.render import json

        return json.render
    if output_format is DiffFormat.MARKDOWN:
        from prstdiff.render import markdown

        return markdown.render
    if output_format is DiffFormat.HTML:
        from prstdiff.render import html

        return html.render
    if output_format is DiffFormat.DOCX:
        from prstdiff.render import docx  # python-docx loads only for Word output

        return docx.render
    from prstdiff.render import text

    return text.render


def diff(
    old: Path,
    new: Path,
    *,
    output_format: DiffFormat | None = None,
    output: Path | None = None,
    threshold: float | None = None,
    only_changes: bool = False,
    color: ColorChoice = ColorChoice.AUTO,
    width: int | None = None,
) -> int:
    """Compare two documents and write the comparison; the exit status, as diff(1)'s.

    Trouble is printed and raised as ``Finished`` or ``PrstdiffError``, for the caller's handling.
    """
    from prstdiff.render.controls import safe_comparison  # loads the model: not for --help

    chosen = pick_format(output_format, output, DiffFormat, DiffFormat.TEXT)
    if chosen is DiffFormat.DOCX and is_stdout(output) and stdout_is_terminal():
        raise fail("a Word redline is a binary file: give --output FILE.docx")
    comparison = compare_files(old, new, threshold)
    text = chosen is DiffFormat.TEXT
    options = terminal_options(output, width, color if text else None, only_changes=only_changes)
    terminal_text = chosen in (DiffFormat.TEXT, DiffFormat.MARKDOWN)
    shown = safe_comparison(comparison) if terminal_text else comparison
    write_output(
        renderer(chosen)(shown, options),
        output,
        inputs=(old, new),
        terminal_text=terminal_text,
        color=options.color,
    )
    return EXIT_SAME if comparison.identical else EXIT_DIFFERENT


def compare_files(old: Path, new: Path, threshold: float | None) -> Comparison:
    """Load and compare two documents, warning when OLD is dated after NEW."""
    from prstdiff.compare import compare  # the engine loads numpy and rapidfuzz: not for --help
    from prstdiff.parse import load

    old_document, new_document = load(old), load(new)
    _warn_if_swapped(old_document, new_document)
    return compare(old_document, new_document, _compare_options(threshold))


def _warn_if_swapped(old: Document, new: Document) -> None:
    if old.date is not None and new.date is not None and old.date > new.date:
        warn(
            f"OLD ({old.symbol or old.name}, {old.date.isoformat()}) is dated after NEW "
            f"({new.symbol or new.name}, {new.date.isoformat()}): did you mean to swap them?"
        )


def _compare_options(threshold: float | None) -> CompareOptions:
    options = CompareOptions()
    return options if threshold is None else dataclasses.replace(options, threshold=threshold)
