"""The typer application object, the error handling every typer command shares, and their
shared options; the pieces that need no typer are in ``prstdiff.cli.terminal``."""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer

from prstdiff.cli.coercion import install as install_direct_coercion
from prstdiff.cli.richhelp import RichHelpGroup
from prstdiff.cli.terminal import (
    BUG_REQUEST,
    EXIT_BUG,
    EXIT_DIFFERENT,
    EXIT_FOUND,
    EXIT_INTERRUPTED,
    EXIT_NOT_FOUND,
    EXIT_SAME,
    EXIT_TROUBLE,
    EXTENSION_FORMATS,
    ColorChoice,
    Finished,
    echo,
    is_stdout,
    output_width,
    pick_format,
    printable_path,
    silence_stdout,
    stdout_is_terminal,
    terminal_options,
    use_color,
    warn,
    write_output,
)
from prstdiff.errors import PrstdiffError

__all__ = [
    "BUG_REQUEST",
    "EXIT_BUG",
    "EXIT_DIFFERENT",
    "EXIT_FOUND",
    "EXIT_INTERRUPTED",
    "EXIT_NOT_FOUND",
    "EXIT_SAME",
    "EXIT_TROUBLE",
    "EXTENSION_FORMATS",
    "ColorChoice",
    "ColorOption",
    "OutputOption",
    "SymbolsOption",
    "TextOrJson",
    "TextOrJsonOption",
    "WidthOption",
    "app",
    "fail",
    "handle_errors",
    "is_stdout",
    "output_width",
    "package_version",
    "pick_format",
    "printable_path",
    "stdout_is_terminal",
    "symbol_list",
    "terminal_options",
    "use_color",
    "warn",
    "write_output",
]

P = ParamSpec("P")
R = TypeVar("R")

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


def fail(message: str) -> typer.Exit:
    """Print one line to stderr and return the exit for trouble (raise the result)."""
    echo(f"prstdiff: {message}", err=True)
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
        except Finished as finished:  # the shared helpers' way out: message already printed
            raise typer.Exit(finished.code) from None
        except PrstdiffError as error:
            raise fail(error.message) from None
        except KeyboardInterrupt:
            echo("prstdiff: interrupted", err=True)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader of our output went away (``| head``): nothing more to say to anyone.
            silence_stdout()
            raise typer.Exit(EXIT_SAME) from None
        except (typer.TyperException, typer.Exit, typer.Abort, SystemExit):
            # typer's own ways out (usage errors, exits): its public names, since it carries
            # its own copy of click.
            raise
        except Exception:
            traceback.print_exc()
            echo(BUG_REQUEST, err=True)
            raise typer.Exit(EXIT_BUG) from None

    return wrapper


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
