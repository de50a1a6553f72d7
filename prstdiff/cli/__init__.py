"""The ``prstdiff`` command line: a thin typer shell over the Python API.

Each command lives in a module of its own and registers itself on ``app`` when imported. A plain
``prstdiff diff`` command line runs without typer (``prstdiff.cli.quick``): this package imports
typer and the commands only when something asks for ``app`` or the command line needs typer.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import typer

__all__ = ["app", "for_arguments", "main"]


def main() -> None:
    """Run the ``prstdiff`` command line; the process is expected to end when it returns."""
    try:
        arguments = sys.argv[1:]
        if arguments[:1] == ["diff"]:
            from prstdiff.cli.quick import run_diff

            status = run_diff(arguments[1:], process_ends=True)
            if status is not None:
                sys.exit(status)  # as typer exits once the command is done
        for_arguments(_application(), arguments)()
    finally:
        # The interpreter's shutdown collects garbage over every object still alive (the
        # engine's modules, caches, the comparison), some 15 ms of a diff's ~200: frozen, they
        # are left to be freed as the modules are cleared. Nothing here needs a finalizer that
        # only the collector would run: output is flushed and files are closed by now.
        gc.freeze()


def for_arguments(application: typer.Typer, arguments: Sequence[str]) -> typer.Typer:
    """The application, or a copy holding only the command that the arguments name.

    Typer builds every registered command (signatures, type hints, parameters) before it reads
    the command line, some 10 ms for eight commands. When the first argument is a command's name,
    that command is the one that runs (the program's own options come before it and take no
    value), and it runs, prints its help and reports its errors the same in a copy of its own.
    """
    import copy

    import typer

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


def _application() -> typer.Typer:
    """The typer application with every command registered (imported on first use)."""
    from prstdiff.cli import batch as _batch  # noqa: F401  (registers commands)
    from prstdiff.cli import corpus as _corpus  # noqa: F401  (registers commands)
    from prstdiff.cli import diff as _diff  # noqa: F401  (registers commands)
    from prstdiff.cli import inspect as _inspect  # noqa: F401  (registers commands)
    from prstdiff.cli.application import app

    return app


def __getattr__(name: str) -> object:
    # ``from prstdiff.cli import app``: the application, built when first asked for, so that a
    # plain ``diff`` never imports typer. (No submodule is called ``app``: the import system
    # would set it as this attribute.)
    if name == "app":
        return _application()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
