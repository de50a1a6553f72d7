"""What every command shares that needs no typer: exit statuses, messages, formats, output.

``prstdiff diff`` runs without typer when its command line is plain (see ``prstdiff.cli.quick``),
so the pieces it needs live here, importing nothing heavier than the standard library; the typer
commands import them from ``prstdiff.cli.application``, which re-exports them.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TextIO, TypeVar

from prstdiff.errors import PrstdiffError, printable
from prstdiff.render import RenderOptions

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


class Finished(Exception):  # noqa: N818 (not an error: the command is over)
    """The command is over with this exit status; its message, if any, is already printed.

    The typer commands turn it into ``typer.Exit`` (``handle_errors``); the command line without
    typer exits with it.
    """

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


_ANSI = re.compile(r"\033\[[;?0-9]*[a-zA-Z]")
"""click's pattern for the colour codes ``echo`` removes from output that is not a terminal."""


def echo(message: str, *, err: bool = False, nl: bool = True, color: bool | None = None) -> None:
    """Write a message as ``typer.echo`` (click's ``echo``) does, to the character.

    click writes to the standard stream as it is unless the stream claims ASCII (a misconfigured
    locale), which click re-encodes: only then is typer imported, to write through click itself.
    """
    stream = sys.stderr if err else sys.stdout
    if stream is None:  # no stream to write to (pythonw): click says nothing either
        return
    if not _written_as_is(stream):
        import typer

        typer.echo(message, err=err, nl=nl, color=color)
        return
    out = f"{message}\n" if nl else message
    if not out:
        stream.flush()
        return
    if (not _isatty(stream)) if color is None else not color:
        out = _ANSI.sub("", out)
    stream.write(out)
    stream.flush()


def _written_as_is(stream: TextIO) -> bool:
    """True when click would write to ``stream`` itself rather than re-encode it."""
    if isinstance(stream, io.StringIO):  # no binary buffer below it: click writes it as is
        return True
    if not isinstance(stream, io.TextIOWrapper):
        return False
    import codecs

    try:
        return codecs.lookup(stream.encoding).name != "ascii"
    except LookupError:
        return True  # click treats an unknown encoding as not ASCII, and leaves it alone


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except Exception:  # click's own caution: a stream that cannot tell is not a terminal
        return False


def warn(message: str) -> None:
    """Print a warning on one line of stderr; the command goes on."""
    echo(f"prstdiff: warning: {message}", err=True)


def fail(message: str) -> Finished:
    """Print one line to stderr and return the exit for trouble (raise the result)."""
    echo(f"prstdiff: {message}", err=True)
    return Finished(EXIT_TROUBLE)


def guarded(command: Callable[[], int]) -> int:
    """Run a command and return its exit status, errors handled as ``handle_errors`` does.

    Library errors become one line and exit 2; Ctrl-C exits 130; anything else is a bug: its
    traceback, a request to report it, and exit status 70.
    """
    try:
        return command()
    except Finished as finished:
        return finished.code
    except PrstdiffError as error:
        return fail(error.message).code
    except KeyboardInterrupt:
        echo("prstdiff: interrupted", err=True)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (``| head``): nothing more to say to anyone.
        silence_stdout()
        return EXIT_SAME
    except Exception:
        import traceback

        traceback.print_exc()
        echo(BUG_REQUEST, err=True)
        return EXIT_BUG


def silence_stdout() -> None:
    """Send standard output to the null device, after the reader of a pipe went away."""
    # Python flushes stdout again at exit and would report the broken pipe there.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


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
            echo(rendered, nl=False, color=color)
        return None
    assert output is not None
    # Atomic writing (tempfile, threads, signals) loads only when there is a file to write.
    from prstdiff.io import refuse_overwriting, write_atomic

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
