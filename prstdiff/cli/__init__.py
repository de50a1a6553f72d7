"""The ``prstdiff`` command line: a thin typer shell over the Python API.

Each command lives in a module of its own and registers itself on ``app`` when imported.
"""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence

import typer

from prstdiff.cli import batch as _batch  # noqa: F401  (registers commands)
from prstdiff.cli import corpus as _corpus  # noqa: F401  (registers commands)
from prstdiff.cli import diff as _diff  # noqa: F401  (registers commands)
from prstdiff.cli import inspect as _inspect  # noqa: F401  (registers commands)
from prstdiff.cli.app import app


def main() -> None:
    """Run the ``prstdiff`` command line."""
    for_arguments(app, sys.argv[1:])()


def for_arguments(application: typer.Typer, arguments: Sequence[str]) -> typer.Typer:
    """The application, or a copy holding only the command that the arguments name.

    Typer builds every registered command (signatures, type hints, parameters) before it reads
    the command line, some 10 ms for eight commands. When the first argument is a command's name,
    that command is the one that runs (the program's own options come before it and take no
    value), and it runs, prints its help and reports its errors the same in a copy of its own.
    """
    if not arguments:
        return application
    named = [
        info
        for info in application.registered_commands
        if (info.name or typer.main.get_command_name(info.callback.__name__))  # type: ignore[union-attr]
        == arguments[0]
    ]
    if len(named) != 1:
        return application
    alone = copy.copy(application)
    alone.registered_commands = named
    return alone


__all__ = ["app", "main"]
