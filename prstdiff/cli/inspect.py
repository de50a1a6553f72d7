"""``prstdiff inspect``: how a document was read, its metadata and its numbered paragraphs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from prstdiff.cli.application import (
    EXIT_SAME,
    ColorChoice,
    ColorOption,
    OutputOption,
    TextOrJson,
    TextOrJsonOption,
    WidthOption,
    app,
    handle_errors,
    pick_format,
    terminal_options,
    write_output,
)
from prstdiff.cli.richhelp import RichHelpCommand
from prstdiff.errors import printable


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
    output_format: TextOrJsonOption = None,
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

    chosen = pick_format(output_format, output, TextOrJson, TextOrJson.TEXT)
    document = load(file)
    # What the reader mended or guessed (invisible characters, a misspelt adoption line) goes to
    # standard error, one line each, so the output itself stays the document.
    for warning in document.source.warnings if document.source is not None else ():
        typer.echo(f"prstdiff: {printable(str(file))}: warning: {printable(warning)}", err=True)
    text = chosen is TextOrJson.TEXT
    options = terminal_options(output, width, color if text else None)
    rendered = render_text(safe_document(document), options) if text else render_json(document)
    write_output(rendered, output, inputs=(file,), terminal_text=text, color=options.color)
    return EXIT_SAME
