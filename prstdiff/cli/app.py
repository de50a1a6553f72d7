"""The typer application object and the error handling every command shares."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
import traceback
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from prstdiff.cli.coercion import install as install_direct_coercion
from prstdiff.cli.richhelp import RichHelpGroup
from prstdiff.errors import PrstdiffError, printable
from prstdiff.io import refuse_overwriting, write_atomic
from prstdiff.render import RenderOptions

P = ParamSpec("P")
R = TypeVar("R")
F = TypeVar("F", bound=StrEnum)

EXIT_SAME = 0
"""diff(1): the inputs carry the same language."""
EXIT_DIFFERENT = 1
"""diff(1): the inputs differ."""
EXIT_TROUBLE = 2
"""diff(1): trouble (bad input, unwritable output)."""
EXIT_FOUND = 0
"""grep(1): ``search`` found the phrase."""
EXIT_NOT_FOUND = 1
"""grep(1): ``search`` found nothing."""
EXIT_BUG = 70
"""An unexpected exception: a bug in prstdiff (sysexits' EX_SOFTWARE), never an answer."""
EXIT_INTERRUPTED = 130
"""Interrupted by Ctrl-C (128 + SIGINT), as shells report it."""

BUG_REQUEST = (
    "prstdiff: this is a bug in prstdiff, not a problem with your files; please report it "
    "with the command you ran and the traceback above."
)

install_direct_coercion()  # typer without pydantic for prstdiff's values: see prstdiff.cli.coercion

app = typer.Typer(
    name="prstdiff",
    cls=RichHelpGroup,
    help="Compare UN Security Council presidential statements and resolutions paragraph by "
    "paragraph: which language is reused, altered, new or dropped.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def package_version() -> str:
    """The installed prstdiff's version, as its package metadata records it."""
    from importlib import metadata  # only ``--version`` reads it: not every command's start-up

    try:
        return metadata.version("prstdiff")
    except metadata.PackageNotFoundError:
        return "unknown (not installed)"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"prstdiff {package_version()}")
        raise typer.Exit(EXIT_SAME)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print prstdiff's version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Compare UN Security Council presidential statements and resolutions paragraph by
    paragraph: which language is reused, altered, new or dropped."""


def warn(message: str) -> None:
    """Print a warning on one line of stderr; the command goes on."""
    typer.echo(f"prstdiff: warning: {message}", err=True)


EXTENSION_FORMATS: Mapping[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".json": "json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}
"""Output file extensions and the format each one means when ``--format`` is not given; a
command offering no format of that name refuses the file rather than misname its content."""


def pick_format(chosen: F | None, output: Path | None, formats: type[F], default: F) -> F:
    """The format asked for, else the one the output file's extension names, else ``default``.

    An extension the command cannot write (``diff -o x.docx``) is trouble rather than a file
    in the wrong format; ``--format`` that disagrees with the extension gets a warning.
    """
    suffix = "" if is_stdout(output) or output is None else output.suffix.casefold()
    named = EXTENSION_FORMATS.get(suffix)
    offered = {member.value: member for member in formats}
    if chosen is not None:
        if named is not None and named != chosen.value:
            warn(f"writing {chosen.value} into a file named {printable_path(output)}")
        return chosen
    if named is None:
        return default
    if named not in offered:
        raise fail(
            f"this command cannot write {named} ({printable_path(output)}); "
            f"it writes {', '.join(offered)}: give --format or another file name"
        )
    return offered[named]


def printable_path(path: Path | None) -> str:
    """A path as it can be shown on one line."""
    return printable(str(path)) if path is not None else "-"


def fail(message: str) -> typer.Exit:
    """Print one line to stderr and return the exit for trouble (raise the result)."""
    typer.echo(f"prstdiff: {message}", err=True)
    return typer.Exit(EXIT_TROUBLE)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Library errors become one line and exit 2; Ctrl-C exits 130; anything else is a bug.

    A bug shows its traceback, a request to report it, and exit status 70, which no command
    uses for an answer (diff's 0/1, search's 0/1, trouble's 2).
    """

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PrstdiffError as error:
            raise fail(error.message) from None
        except KeyboardInterrupt:
            typer.echo("prstdiff: interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader of our output went away (``| head``): nothing more to say to anyone.
            _silence_stdout()
            raise typer.Exit(EXIT_SAME) from None
        except (typer.TyperException, typer.Exit, typer.Abort, SystemExit):
            # typer's own ways out (usage errors, exits): its public names, since it carries
            # its own copy of click.
            raise
        except Exception:
            traceback.print_exc()
            typer.echo(BUG_REQUEST, err=True)
            raise typer.Exit(EXIT_BUG) from None

    return wrapper


def _silence_stdout() -> None:
    # Python flushes stdout again at exit and would report the broken pipe there.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def is_stdout(output: Path | None) -> bool:
    """True when output goes to standard output: no ``--output``, or ``--output -``."""
    return output is None or str(output) == "-"


def write_output(
    rendered: str | bytes,
    output: Path | None,
    *,
    inputs: Sequence[Path] = (),
    protected: Sequence[Path] = (),
    terminal_text: bool = False,
    color: bool = False,
) -> Path | None:
    """Write a command's result to ``output`` (atomically) or to standard output.

    ``inputs`` (documents) and ``protected`` (an index) are never overwritten. ``terminal_text``
    marks text and Markdown, whose control characters are shown escaped so a document cannot
    drive the terminal; ``color`` spares the colour codes the renderer added.
    """
    if isinstance(rendered, str) and terminal_text:
        from prstdiff.render.controls import escape_controls

        rendered = escape_controls(rendered, keep_colour=color)
    if is_stdout(output):
        if isinstance(rendered, bytes):
            sys.stdout.flush()
            sys.stdout.buffer.write(rendered)
            sys.stdout.buffer.flush()
        else:
            typer.echo(rendered, nl=False, color=color)
        return None
    assert output is not None
    refuse_overwriting(output, inputs, "an input document")
    refuse_overwriting(output, protected, "the corpus index")
    return write_atomic(output, rendered)


def stdout_is_terminal() -> bool:
    """True when standard output is an interactive terminal."""
    return sys.stdout.isatty()


class ColorChoice(StrEnum):
    """When to colour terminal output."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


# Options that several commands share, defined once so their names and help stay alike.
WidthOption = Annotated[
    int | None,
    typer.Option(
        "--width",
        "-w",
        min=20,
        help="Fit text output to this many columns (default: the terminal's, else 100).",
        show_default=False,
    ),
]
ColorOption = Annotated[
    ColorChoice,
    typer.Option("--color", help="Colour text output: auto means a terminal and no NO_COLOR."),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of standard output; - is standard output.",
        show_default=False,
    ),
]


def use_color(choice: ColorChoice, to_terminal: bool = True) -> bool:
    """Decide on colour: ``always``/``never`` win; ``auto`` means a terminal and no NO_COLOR."""
    if choice is ColorChoice.ALWAYS:
        return True
    if choice is ColorChoice.NEVER:
        return False
    return to_terminal and stdout_is_terminal() and not os.environ.get("NO_COLOR")


def output_width(width: int | None, to_terminal: bool = True) -> int:
    """The width asked for, else the terminal's (when writing to it), else the default."""
    if width is not None:
        return width
    if to_terminal and stdout_is_terminal():
        return shutil.get_terminal_size((RenderOptions().width, 24)).columns
    return RenderOptions().width


def terminal_options(
    output: Path | None, width: int | None, color: ColorChoice | None = None, **more: bool
) -> RenderOptions:
    """Width and colour of output to ``output``: a file gets the default width, and colour only
    when asked for explicitly; no ``color`` (a format without colour) means none."""
    to_terminal = is_stdout(output)
    colored = color is not None and use_color(color, to_terminal)
    return RenderOptions(width=output_width(width, to_terminal), color=colored, **more)


class TextOrJson(StrEnum):
    """Output formats of the commands that write text for people or JSON for programs."""

    TEXT = "text"
    JSON = "json"


TextOrJsonOption = Annotated[
    TextOrJson | None,
    typer.Option(
        "--format",
        "-f",
        help="text for people, json for programs (default: from the --output file's "
        "extension .txt or .json; else text).",
        show_default=False,
    ),
]


SymbolsOption = Annotated[
    str | None,
    typer.Option(
        "--symbols",
        "-s",
        help="The series' documents by symbol, comma-separated: "
        "'S/RES/1325 (2000),1820 (2008),S_RES_1888_2009'.",
        show_default=False,
    ),
]


def symbol_list(symbols: str | None) -> list[str] | None:
    """The symbols of ``--symbols``, empty pieces left out; None when the option is not given."""
    return None if symbols is None else [s for s in symbols.split(",") if s.strip()]
