"""Typer's conversion of command-line values, without pydantic for the values prstdiff takes.

Typer (0.2x) converts every value of the command line with a pydantic ``TypeAdapter``: importing
pydantic and building the adapters takes 80-150 ms of every command, more than comparing a pair.
prstdiff's parameters are paths, choices, bounded numbers, flags and strings, and typer's own
adapters for them wrap plain functions (``coerce_cli_path``, ``coerce_cli_choice``). ``install``
has typer convert such values directly. A value the direct way does not accept as it stands
(out of range, misspelt, not a plain number) goes to typer's own conversion, which refuses it
with its usual message: results and messages stay typer's by construction, and a test compares
both ways on every parameter of every command.

Typer's conversion is private. With another typer whose internals differ, ``install`` changes
nothing and typer converts as it always does, only slower.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Any

__all__ = ["install", "installed"]

Convert = Callable[[Any, Any, Any], Any]
"""(value, parameter, context) -> the converted value; raises when unsure."""

_INTEGER = re.compile(r"(?:0|[1-9][0-9]{0,17})")
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]{0,17})(?:\.[0-9]{1,17})?")
"""Numbers spelt so that Python and pydantic cannot read them differently; others go to typer."""

_state: dict[str, Any] = {}


def installed() -> bool:
    """True when typer converts prstdiff's values without pydantic."""
    return "original" in _state


def install() -> None:
    """Have typer convert paths, choices, numbers, flags and strings directly (idempotent)."""
    if installed():
        return
    try:
        from typer import _coercion, _param_types, core
    except ImportError:  # a typer without the pydantic layer: nothing to avoid
        return
    original = getattr(core, "build_runtime_param", None)
    needed = (
        getattr(_coercion, "RuntimeParam", None),
        getattr(_param_types, "coerce_cli_path", None),
        getattr(_param_types, "coerce_cli_choice", None),
    )
    if original is None or None in needed:
        return
    _state["original"] = original
    _state["runtime_param"] = _runtime_param_class(_coercion.RuntimeParam)
    setattr(core, "build_runtime_param", _build_runtime_param)  # noqa: B010 (not exported)


def _build_runtime_param(descriptor: Any) -> Any:
    original = _state["original"]
    convert = _converter(descriptor)
    if convert is None:
        return original(descriptor)
    runtime_param: Any = _state["runtime_param"]
    return runtime_param(
        parameter_info=descriptor.parameter_info,
        annotation=descriptor.annotation,
        descriptor=descriptor,
        convert=convert,
    )


def _runtime_param_class(base: type[Any]) -> type[Any]:
    """A subclass of typer's ``RuntimeParam`` that converts directly, else as typer does."""

    @dataclass(frozen=True)
    class DirectRuntimeParam(base):  # type: ignore[misc]
        descriptor: Any
        convert: Convert

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value, param, ctx)
            except Exception:  # unsure: typer converts, or refuses with its own message
                fallback = _state["original"](self.descriptor)
                return fallback._coerce_value(value, param=param, ctx=ctx)

    return DirectRuntimeParam


def _converter(descriptor: Any) -> Convert | None:
    """The direct conversion of a parameter's values, in the order typer's adapters choose one."""
    from typer import _param_types

    info = descriptor.parameter_info
    annotation = descriptor.annotation
    if descriptor.file_annotation is not None or info.parser is not None:
        return None
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        choices = list(annotation)
        case_sensitive = info.case_sensitive

        def choice(value: Any, param: Any, ctx: Any) -> Any:
            return _param_types.coerce_cli_choice(
                value, choices=choices, case_sensitive=case_sensitive, ctx=ctx
            )

        return choice
    if annotation is int or annotation is float:
        return _number(annotation, info.min, info.max) if not info.clamp else None
    if annotation is bool:
        return _exactly(bool)
    if annotation is str:
        return _exactly(str)
    if annotation is Path and _param_types.routes_to_path(annotation, info):
        path_type = info.path_type or Path
        if path_type is not Path:
            return None

        def path(value: Any, param: Any, ctx: Any) -> Any:
            if not isinstance(value, str) or not value or "\x00" in value:
                raise ValueError(value)
            return _param_types.coerce_cli_path(
                Path(value), info, path_type=Path, param=param, ctx=ctx
            )

        return path
    return None


def _exactly(kind: type[Any]) -> Convert:
    def same(value: Any, param: Any, ctx: Any) -> Any:
        if type(value) is not kind:
            raise TypeError(value)
        return value

    return same


def _number(kind: type[Any], least: float | None, most: float | None) -> Convert:
    spelling = _INTEGER if kind is int else _DECIMAL

    def number(value: Any, param: Any, ctx: Any) -> Any:
        if isinstance(value, str) and spelling.fullmatch(value):
            value = kind(value)
        if type(value) is not kind:
            raise TypeError(value)
        if (least is not None and value < least) or (most is not None and value > most):
            raise ValueError(value)
        return value

    return number
