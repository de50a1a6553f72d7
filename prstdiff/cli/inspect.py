"""``prstdiff inspect``: how a document was read, its metadata and its numbered paragraphs."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from prstdiff.cli.app import (
    EXIT_SAME,
    ColorChoice,
    ColorOption,
    OutputOption,
    WidthOption,
    app,
    handle_errors,
    is_stdout,
    output_width,
    pick_format,
    use_color,
    write_output,
)
from prstdiff.cli.richhelp import RichHelpCommand
from prstdiff.errors import printable
from prstdiff.render import RenderOptions


class InspectFormat(StrEnum):
    """Output formats of ``inspect``."""

    TEXT = "text"
    JSON = "json"


@app.command(cls=RichHelpCommand)
@handle_errors
def inspect(
    file: Annotated[
        Path,
        typer.Argument(
            help="The document: text extracted from a UN PDF (.txt), a .pdf or a Word .docx.",
            show_default=False,
        ),
    ],
    *,
    output_format: Annotated[
        InspectFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text for people, json for programs (default: from the --output file's "
            "extension .txt or .json; else text).",
            show_default=False,
        ),
    ] = None,
    output: OutputOption = None,
    width: WidthOption = None,
    color: ColorOption = ColorChoice.AUTO,
) -> int:
    """Show how a document was read: its metadata and its numbered paragraphs with their kinds.

    Use it to check what prstdiff will compare before running a diff. Exit status 0 when the
    document was read, 2 on trouble.

    Example: prstdiff inspect corpus/S_RES_1809_2008.txt --format json
    """
    # Imported when the command runs, so that ``prstdiff --help`` stays quick.
    from prstdiff.parse import load
    from prstdiff.render.controls import safe_document
    from prstdiff.render.document import render_json, render_text

    chosen = pick_format(output_format, output, InspectFormat, InspectFormat.TEXT)
    document = load(file)
    # What the reader mended or guessed (invisible characters, a misspelt adoption line) goes to
    # standard error, one line each, so the output itself stays the document.
    for warning in document.source.warnings if document.source is not None else ():
        typer.echo(f"prstdiff: {printable(str(file))}: warning: {printable(warning)}", err=True)
    to_terminal = is_stdout(output)
    if chosen is InspectFormat.JSON:
        rendered = render_json(document)
        colored = False
    else:
        # A file gets colour only when asked for explicitly, and the default width, not the
        # terminal's.
        colored = use_color(color, to_terminal)
        options = RenderOptions(width=output_width(width, to_terminal), color=colored)
        rendered = render_text(safe_document(document), options)
    write_output(
        rendered,
        output,
        inputs=(file,),
        terminal_text=chosen is not InspectFormat.JSON,
        color=colored,
    )
    return EXIT_SAME
