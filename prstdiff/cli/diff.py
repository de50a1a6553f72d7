"""``prstdiff diff`` and ``prstdiff report``: compare two documents, for the terminal or a file."""

from __future__ import annotations

import dataclasses
import webbrowser
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from prstdiff.cli.app import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    ColorChoice,
    app,
    fail,
    handle_errors,
    output_width,
    stdout_is_terminal,
    use_color,
)
from prstdiff.compare import compare
from prstdiff.io import write_atomic
from prstdiff.model import Comparison
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.render import RenderOptions, html, json, markdown, text


class DiffFormat(StrEnum):
    """Output formats of ``diff``."""

    TEXT = "text"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    DOCX = "docx"


class ReportFormat(StrEnum):
    """File formats of ``report``."""

    HTML = "html"
    DOCX = "docx"


RENDERERS: dict[DiffFormat, Callable[[Comparison, RenderOptions], str]] = {
    DiffFormat.TEXT: text.render,
    DiffFormat.JSON: json.render,
    DiffFormat.MARKDOWN: markdown.render,
    DiffFormat.HTML: html.render,
}

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
        DiffFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text for the terminal, json for programs, markdown for issues and e-mail, "
            "html for a stand-alone report, docx for a Word redline with tracked changes "
            "(default: docx for an --output ending in .docx, else text).",
            show_default=False,
        ),
    ] = None,
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
    if output_format is None:
        output_format = DiffFormat.DOCX if _is_docx(output) else DiffFormat.TEXT
    if output_format is DiffFormat.DOCX and output is None and stdout_is_terminal():
        raise fail("a Word redline is a binary file: give --output FILE.docx")
    comparison = compare(load(old), load(new), _compare_options(threshold))
    to_terminal = output is None
    options = RenderOptions(
        width=output_width(width, to_terminal),
        color=output_format is DiffFormat.TEXT and use_color(color, to_terminal),
        only_changes=only_changes,
    )
    rendered: str | bytes
    if output_format is DiffFormat.DOCX:
        from prstdiff.render import docx  # python-docx loads only for Word output

        rendered = docx.render(comparison, options)
    else:
        rendered = RENDERERS[output_format](comparison, options)
    if output is None:
        typer.echo(rendered, nl=False, color=options.color)
    else:
        write_atomic(output, rendered)
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
            help="The file to write (atomically): HTML, or a Word redline for a name ending in "
            ".docx; its folder must exist.",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="html for a side-by-side report, docx for a Word redline with tracked changes "
            "(default: from the --output name).",
            show_default=False,
        ),
    ] = None,
    threshold: ThresholdOption = None,
    only_changes: Annotated[
        bool,
        typer.Option("--only-changes", help="Open the HTML report with reused paragraphs hidden."),
    ] = False,
    open_report: Annotated[
        bool,
        typer.Option("--open", help="Open the report in the web browser once written."),
    ] = False,
) -> None:
    """Write a self-contained HTML report of two documents, side by side, to mail or print;
    or, for a name ending in .docx, a Word redline whose tracked changes turn the old text into
    the new one.

    Exit status as diff(1): 0 when both carry the same language, 1 when they differ, 2 on trouble.

    Example: prstdiff report corpus/S_RES_2561_2021.txt corpus/S_RES_2587_2021.txt -o cyprus.html
    """
    comparison = compare(load(old), load(new), _compare_options(threshold))
    options = RenderOptions(only_changes=only_changes)
    rendered: str | bytes
    if output_format is ReportFormat.DOCX or (output_format is None and _is_docx(output)):
        from prstdiff.render import docx  # python-docx loads only for Word output

        rendered = docx.render(comparison, options)
    else:
        rendered = html.render(comparison, options)
    written = write_atomic(output, rendered)
    if open_report:
        webbrowser.open(written.resolve().as_uri())
    raise typer.Exit(EXIT_SAME if comparison.identical else EXIT_DIFFERENT)


def _is_docx(output: Path | None) -> bool:
    return output is not None and output.suffix.lower() == ".docx"


def _compare_options(threshold: float | None) -> CompareOptions:
    options = CompareOptions()
    return options if threshold is None else dataclasses.replace(options, threshold=threshold)
