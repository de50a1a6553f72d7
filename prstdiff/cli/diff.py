"""``prstdiff diff`` and ``prstdiff report``: compare two documents, for the terminal or a file."""

from __future__ import annotations

import dataclasses
import webbrowser
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prstdiff.cli.app import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    ColorChoice,
    app,
    handle_errors,
    is_stdout,
    output_width,
    use_color,
    write_output,
)
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions
from prstdiff.render.controls import safe_comparison

if TYPE_CHECKING:
    from prstdiff.model import Comparison


class DiffFormat(StrEnum):
    """Output formats of ``diff``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"


def renderer(output_format: DiffFormat) -> Callable[[Comparison, RenderOptions], str]:
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
    from prstdiff.render import text

    return text.render


OldArgument = Annotated[
    Path,
    typer.Argument(
        help="The earlier document (.txt from a UN PDF, .pdf or .docx).", show_default=False
    ),
]
NewArgument = Annotated[
    Path,
    typer.Argument(help="The later document, in any of the same formats.", show_default=False),
]
ThresholdOption = Annotated[
    float | None,
    typer.Option(
        "--threshold",
        "-t",
        min=0.0,
        max=1.0,
        help="Least word-level similarity for paragraphs to count as altered rather than "
        f"new and dropped (default {CompareOptions().threshold}).",
        show_default=False,
    ),
]


@app.command("diff")
@handle_errors
def diff_command(
    old: OldArgument,
    new: NewArgument,
    *,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format",
            "-f",
            help="text for the terminal, json for programs, markdown for issues and e-mail, "
            "html for a stand-alone report.",
        ),
    ] = DiffFormat.TEXT,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file (atomically) instead of standard output.",
            show_default=False,
        ),
    ] = None,
    threshold: ThresholdOption = None,
    only_changes: Annotated[
        bool,
        typer.Option(
            "--only-changes",
            help="Leave out reused paragraphs that did not move (text, markdown; html starts "
            "filtered).",
        ),
    ] = False,
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            help="Colour text output: auto means a terminal and no NO_COLOR variable.",
        ),
    ] = ColorChoice.AUTO,
    width: Annotated[
        int | None,
        typer.Option(
            "--width",
            "-w",
            min=40,
            help="Wrap text output to this many columns (default: the terminal's, else 100).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Compare two documents paragraph by paragraph: reused, altered, new and dropped language.

    Exit status as diff(1): 0 when both carry the same language, 1 when they differ, 2 on trouble.

    Example: prstdiff diff corpus/S_RES_2561_2021.txt corpus/S_RES_2587_2021.txt --only-changes
    """
    comparison = _compare(old, new, threshold)
    to_terminal = is_stdout(output)
    options = RenderOptions(
        width=output_width(width, to_terminal),
        color=output_format is DiffFormat.TEXT and use_color(color, to_terminal),
        only_changes=only_changes,
    )
    terminal_text = output_format in (DiffFormat.TEXT, DiffFormat.MARKDOWN)
    shown = safe_comparison(comparison) if terminal_text else comparison
    write_output(
        renderer(output_format)(shown, options),
        output,
        inputs=(old, new),
        terminal_text=terminal_text,
        color=options.color,
    )
    raise typer.Exit(EXIT_SAME if comparison.identical else EXIT_DIFFERENT)


@app.command("report")
@handle_errors
def report_command(
    old: OldArgument,
    new: NewArgument,
    *,
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The HTML file to write (atomically); its folder must exist.",
            show_default=False,
        ),
    ],
    threshold: ThresholdOption = None,
    only_changes: Annotated[
        bool,
        typer.Option("--only-changes", help="Open the report with reused paragraphs hidden."),
    ] = False,
    open_report: Annotated[
        bool,
        typer.Option("--open", help="Open the report in the web browser once written."),
    ] = False,
) -> None:
    """Write a self-contained HTML report of two documents, side by side, to mail or print.

    Exit status as diff(1): 0 when both carry the same language, 1 when they differ, 2 on trouble.

    Example: prstdiff report corpus/S_RES_2561_2021.txt corpus/S_RES_2587_2021.txt -o cyprus.html
    """
    comparison = _compare(old, new, threshold)
    rendered = renderer(DiffFormat.HTML)(comparison, RenderOptions(only_changes=only_changes))
    written = write_output(rendered, output, inputs=(old, new))
    if open_report and written is not None:
        webbrowser.open(written.resolve().as_uri())
    raise typer.Exit(EXIT_SAME if comparison.identical else EXIT_DIFFERENT)


def _compare(old: Path, new: Path, threshold: float | None) -> Comparison:
    from prstdiff.compare import compare  # the engine loads numpy and rapidfuzz: not for --help
    from prstdiff.parse import load

    return compare(load(old), load(new), _compare_options(threshold))


def _compare_options(threshold: float | None) -> CompareOptions:
    options = CompareOptions()
    return options if threshold is None else dataclasses.replace(options, threshold=threshold)
