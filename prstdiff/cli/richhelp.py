"""Typer's help screens without the two rich modules they import and never use here.

Typer draws ``--help`` with ``typer.rich_utils``, which imports ``rich.markdown`` (for markup mode
"markdown"; with markdown-it and pygments, some 40 ms) and ``rich.traceback`` (for pretty
exceptions; 13 ms) at the top. prstdiff's help uses markup mode "rich" and its CLI turns pretty
exceptions off, so neither module is needed: ``load_help_formatter`` imports ``rich_utils`` with
stand-ins for the two classes that import the real class on first use, which keeps ``--help``
below the time of importing numpy. The help is the same, character for character (a test compares
it with typer's own); the real modules stay importable by anyone.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

import typer.core

__all__ = ["RichHelpCommand", "RichHelpGroup", "load_help_formatter"]

_DEFERRED: dict[str, str] = {"rich.markdown": "Markdown", "rich.traceback": "Traceback"}
"""Modules ``typer.rich_utils`` imports for features prstdiff's help does not use, and the one
class it takes from each."""


class _Deferred(type):
    """The type of a stand-in class: calls and attributes go to the real class, imported then."""

    _home: str
    _name: str

    def real(cls) -> Any:
        """The class the stand-in stands for (its module imported now if not before)."""
        return getattr(importlib.import_module(cls._home), cls._name)

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls.real()(*args, **kwargs)

    def __getattr__(cls, name: str) -> Any:
        return getattr(cls.real(), name)


def _stand_in(home: str, name: str) -> types.ModuleType:
    module = types.ModuleType(home)
    setattr(module, name, _Deferred(name, (), {"_home": home, "_name": name}))
    return module


def load_help_formatter() -> None:
    """Import ``typer.rich_utils`` without ``rich.markdown`` and ``rich.traceback`` (idempotent)."""
    if "typer.rich_utils" in sys.modules:
        return
    stand_ins = {
        home: _stand_in(home, name) for home, name in _DEFERRED.items() if home not in sys.modules
    }
    sys.modules.update(stand_ins)
    try:
        importlib.import_module("typer.rich_utils")
    except Exception:  # another typer: let it import its formatter its own way when it needs it
        sys.modules.pop("typer.rich_utils", None)
    finally:
        for home, module in stand_ins.items():
            if sys.modules.get(home) is module:
                del sys.modules[home]


class RichHelpGroup(typer.core.TyperGroup):
    """Typer's command group, its help drawn by ``load_help_formatter``'s lighter import."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Draw the help as typer does."""
        load_help_formatter()
        super().format_help(ctx, formatter)


class RichHelpCommand(typer.core.TyperCommand):
    """Typer's command, its help drawn by ``load_help_formatter``'s lighter import."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        """Draw the help as typer does."""
        load_help_formatter()
        super().format_help(ctx, formatter)
