"""The ``prstdiff`` command line: a thin typer shell over the Python API.

Each command lives in a module of its own and registers itself on ``app`` when imported.
"""

from __future__ import annotations

from prstdiff.cli import batch as _batch  # noqa: F401  (registers commands)
from prstdiff.cli import corpus as _corpus  # noqa: F401  (registers commands)
from prstdiff.cli import diff as _diff  # noqa: F401  (registers commands)
from prstdiff.cli import inspect as _inspect  # noqa: F401  (registers commands)
from prstdiff.cli.app import app


def main() -> None:
    """Run the ``prstdiff`` command line."""
    app()


__all__ = ["app", "main"]
