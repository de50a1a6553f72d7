"""``prstdiff diff`` without typer, for a plain command line: start-up is most of a diff's time.

Importing typer and building a command takes some 20 ms, as much as comparing two statements.
A ``diff`` command line of the usual shape (two documents, each option given at most once, by
its exact name, its value a separate word that typer would accept as it stands) is read here and
the comparison run directly, through the same ``prstdiff.cli.comparing.diff`` that the typer
command calls. Anything else (``--help``, ``--opt=value``, a repeated or misspelt option, a value
typer would refuse or read differently, ``-`` for standard output, a shell asking for completions)
returns None, and the caller hands the command line to typer, whose parsing, messages and help
stay the only ones there are.
"""

from __future__ import annotations

import gc
import os
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from prstdiff.cli.comparing import DiffFormat, diff
from prstdiff.cli.terminal import ColorChoice, guarded

__all__ = ["diff_arguments", "run_diff"]

_VALUED = {
    "--format": "output_format",
    "-f": "output_format",
    "--output": "output",
    "-o": "output",
    "--threshold": "threshold",
    "-t": "threshold",
    "--color": "color",
    "--width": "width",
    "-w": "width",
}
"""The options of ``diff`` that take a value (``prstdiff.cli.diff.diff_command``), by name."""
_FLAGS = {"--only-changes": "only_changes"}


@cache
def _number_spelling(decimal: bool) -> re.Pattern[str]:
    """Numbers spelt so that typer cannot read them differently (as in ``prstdiff.cli.coercion``).

    Compiled on first use: most command lines give no ``--width`` or ``--threshold``.
    """
    fraction = r"(?:\.[0-9]{1,17})?" if decimal else ""
    return re.compile(r"(?:0|[1-9][0-9]{0,17})" + fraction)


_LEAST_WIDTH = 20
"""``--width``'s least value, as ``prstdiff.cli.application.WidthOption`` declares it."""


def run_diff(arguments: Sequence[str], *, process_ends: bool = False) -> int | None:
    """Run ``prstdiff diff ARGUMENTS`` and return its exit status; None to leave it to typer.

    ``process_ends``: the process ends with the command (``prstdiff.cli.main``), so the engine's
    modules may be imported for good (``_import_engine_for_good``).
    """
    given = diff_arguments(arguments)
    if given is None or _completion_asked():
        return None
    old, new, options = given

    def run() -> int:
        if process_ends:
            _import_engine_for_good()
        return diff(old, new, **options)

    return guarded(run)


def _import_engine_for_good() -> None:
    """Import the engine with the garbage collector paused, then freeze what the imports built;
    numpy's BLAS with one thread.

    Importing numpy, rapidfuzz and the engine makes some 13,000 objects the collector tracks, nearly
    all of them to live as long as the process: the collector runs some 40 times while they are
    made, and walks them again in the comparison's older-generation collections. Paused, then
    frozen (``gc.freeze``), they are not walked; a plain diff saves some 7 ms (25 interleaved
    runs, medians). Only for a process that ends with the command: frozen objects are never
    collected.
    """
    # numpy's OpenBLAS starts a thread a core as it loads, which spins for a while in wait of
    # work that prstdiff never gives it (it multiplies no matrices): on a busy machine the
    # spinning takes a core from the comparison (numpy's import 149 -> 129 ms at load 1.1; the
    # same on an idle machine), and it doubles the CPU time. One thread, unless the user chose.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    enabled = gc.isenabled()
    gc.disable()
    try:
        import prstdiff.compare
        import prstdiff.parse
        import prstdiff.render.controls  # noqa: F401  (imported for good: see above)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _completion_asked() -> bool:
    """True when a shell asks for completions (click's ``_PROG_COMPLETE`` variable): typer's."""
    return any(name.startswith("_") and name.endswith("_COMPLETE") for name in os.environ)


def diff_arguments(arguments: Sequence[str]) -> tuple[Path, Path, dict[str, Any]] | None:
    """The documents and options of a plain ``diff`` command line, as typer would convert them.

    None for anything this reading is not sure typer reads the same way: typer then reads it.
    """
    documents: list[Path] = []
    values: dict[str, str] = {}
    flags: dict[str, Any] = {}
    words = iter(arguments)
    for word in words:
        if not word.startswith("-"):
            path = _path(word)
            if path is None:
                return None
            documents.append(path)
        elif word in _FLAGS and _FLAGS[word] not in flags:
            flags[_FLAGS[word]] = True
        elif word in _VALUED and _VALUED[word] not in values:
            value = next(words, None)
            # A value that looks like an option (or is ``-``) is typer's to interpret.
            if value is None or value.startswith("-"):
                return None
            values[_VALUED[word]] = value
        else:
            return None
    if len(documents) != 2:
        return None
    options = flags
    for name, value in values.items():
        converted = _convert(name, value)
        if converted is None:
            return None
        options[name] = converted
    return documents[0], documents[1], options


def _convert(name: str, value: str) -> object | None:
    """An option's value as typer converts it; None when typer might not accept it as it is."""
    if name == "output_format":
        return DiffFormat(value) if value in DiffFormat._value2member_map_ else None
    if name == "color":
        return ColorChoice(value) if value in ColorChoice._value2member_map_ else None
    if name == "threshold":
        number = float(value) if _number_spelling(decimal=True).fullmatch(value) else None
        return number if number is not None and 0.0 <= number <= 1.0 else None
    if name == "width":
        columns = int(value) if _number_spelling(decimal=False).fullmatch(value) else None
        return columns if columns is not None and columns >= _LEAST_WIDTH else None
    return _path(value)  # --output


def _path(value: str) -> Path | None:
    """A path argument as typer converts it; None when typer might refuse it.

    Typer refuses an empty name, a NUL and an existing file that cannot be read; it reads
    ``-`` as standard output.
    """
    if not value or "\x00" in value or value == "-":
        return None
    path = Path(value)
    try:
        path.stat()
    except (OSError, ValueError):
        return path  # a missing file is the command's to report, as with typer
    return path if os.access(path, os.R_OK) else None
