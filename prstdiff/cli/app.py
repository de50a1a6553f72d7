"""The typer application object and the error handling every command shares."""

from __future__ import annotations

import functools
import os
import shutil
import sys
from collections.abc import Callable
from enum import StrEnum
from typing import ParamSpec, TypeVar

import typer

from prstdiff.errors import PrstdiffError, one_line
from prstdiff.render import RenderOptions

P = ParamSpec("P")
R = TypeVar("R")

EXIT_SAME = 0
"""diff(1): the inputs carry the same language."""
EXIT_DIFFERENT = 1
"""diff(1): the inputs differ."""
EXIT_TROUBLE = 2
"""diff(1): trouble (bad input, unwritable output)."""

app = typer.Typer(
    name="prstdiff",
    help="Compare UN Security Council presidential statements and resolutions paragraph by "
    "paragraph: which language is reused, altered, new or dropped.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def fail(message: str) -> typer.Exit:
    """Print one line to stderr and return the exit for trouble (raise the result)."""
    typer.echo(f"prstdiff: {message}", err=True)
    return typer.Exit(EXIT_TROUBLE)


def handle_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn library errors raised by a command into one line on stderr and exit status 2."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except PrstdiffError as error:
            raise fail(error.message) from None
        except KeyboardInterrupt:
            raise fail("interrupted") from None
        except (OSError, UnicodeError, ValueError) as error:
            if os.environ.get("PRSTDIFF_DEBUG"):
                raise
            raise fail(one_line(error)) from None

    return wrapper


def stdout_is_terminal() -> bool:
    """True when standard output is an interactive terminal."""
    return sys.stdout.isatty()


class ColorChoice(StrEnum):
    """When to colour terminal output."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"


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
