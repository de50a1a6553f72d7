"""``prstdiff diff`` and ``prstdiff report``: compare two documents, for the terminal or a file."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prstdiff.cli.application import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    ColorChoice,
    ColorOption,
    OutputOption,
    WidthOption,
    app,
    fail,
    handle_errors,
    pick_format,
    printable_path,
    write_output,
)
from prstdiff.cli.comparing import DiffFormat, compare_files, diff, renderer
from prstdiff.cli.richhelp import RichHelpCommand
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions

if TYPE_CHECKING:
    from prstdiff.model import Comparison

__all__ = ["DiffFormat", "ReportFormat", "diff_command", "renderer", "report_command"]


class ReportFormat(StrEnum):
    """Output formats of ``report``, chosen by ``--format`` or the output file's extension."""

    HTML = "html"
    DOCX = "docx"


def report_renderer(
    report_format: ReportFormat,
) -> Callable[[Comparison, RenderOptions], str | bytes]:
    """The render function of a report format, imported only when that format is asked for."""
    if report_format is ReportFormat.DOCX:
        from prstdiff.render import docx  # python-docx loads only for Word output

        return docx.render
    from prstdiff.render import html

    return html.render


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


@app.command("diff", cls=RichHelpCommand)
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
            "(default: from the --output file's extension .txt, .json, .md, .html, .docx; "
            "else text).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    threshold: ThresholdOption = None,
    only_changes: Annotated[
        bool,
        typer.Option(
            "--only-changes",
            help="Leave out reused paragraphs that did not move (text, markdown; html starts "
            "filtered).",
        ),
    ] = False,
    color: ColorOption = ColorChoice.AUTO,
    width: WidthOption = None,
) -> None:
    """Compare two documents paragraph by paragraph: reused, altered, new and dropped language.

    Exit status as diff(1): 0 when both carry the same language, 1 when they differ, 2 on trouble.

    Example: prstdiff diff corpus/S_RES_2561_2021.txt corpus/S_RES_2587_2021.txt --only-changes
    """
    raise typer.Exit(
        diff(
            old,
            new,
            output_format=output_format,
            output=output,
            threshold=threshold,
            only_changes=only_changes,
            color=color,
            width=width,
        )
    )


@app.command("report", cls=RichHelpCommand)
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
            "(default: from the --output file's extension; html).",
            show_default=False,
        ),
    ] = None,
    threshold: ThresholdOption = None,
    only_changes: Annotated[
        bool,
        typer.Option("--only-changes", help="Open the report with reused paragraphs hidden."),
    ] = False,
    open_report: Annotated[
        bool,
        typer.Option(
            "--open",
            help="Open the report in the web browser once written (or say where it is).",
        ),
    ] = False,
    exit_code: Annotated[
        bool,
        typer.Option(
            "--exit-code",
            help="Exit as diff(1): 1 when the documents differ, instead of 0 on success.",
        ),
    ] = False,
) -> None:
    """Write a self-contained report of two documents, side by side, to mail or print.

    Exit status: 0 when the report was written, 2 on trouble; with --exit-code, as diff(1):
    1 when the documents differ. So 'prstdiff report a b -o r.html && xdg-open r.html' works.

    Example: prstdiff report corpus/S_RES_2561_2021.txt corpus/S_RES_2587_2021.txt -o cyprus.html
    """
    chosen = _report_format(output_format, output)
    comparison = compare_files(old, new, threshold)
    rendered = report_renderer(chosen)(comparison, RenderOptions(only_changes=only_changes))
    written = write_output(rendered, output, inputs=(old, new))
    if open_report and written is not None and not _open_in_browser(written):
        typer.echo(
            "prstdiff: no web browser could be started; the report is at "
            f"{printable_path(written.resolve())}",
            err=True,
        )
    raise typer.Exit(EXIT_DIFFERENT if exit_code and not comparison.identical else EXIT_SAME)


def _report_format(chosen: ReportFormat | None, output: Path) -> ReportFormat:
    if chosen is None and output.suffix.casefold() in (".json", ".md", ".markdown", ".txt"):
        raise fail(
            f"report writes {', '.join(ReportFormat)}; for {output.suffix} use "
            f"'prstdiff diff OLD NEW -o {printable_path(output)}'"
        )
    return pick_format(chosen, output, ReportFormat, ReportFormat.HTML)


def _open_in_browser(path: Path) -> bool:
    """Open a file in the web browser; False when none could be started."""
    import webbrowser  # only --open needs it

    try:
        return webbrowser.open(path.resolve().as_uri())
    except webbrowser.Error:
        return False
