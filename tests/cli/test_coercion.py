"""Typer converts every parameter of every command directly, exactly as through pydantic."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer
from typer import core

from prstdiff.cli import app, coercion

ROOT = Path(__file__).resolve().parent.parent.parent

PROBES: tuple[Any, ...] = (
    *("20", "19", "5", "0", "007", "-1", "+3", "1e3", "20.0", "0.5", "1", "1.0", "1.5", "0.25"),
    *("", " 20", "２０", "1_000", "abc", "text", "TEXT", "json", "Json", "html", "auto", "never"),
    *("corpus", "corpus/S_RES_2561_2021.txt", "no/such/file.txt", "-", "x\x00y", "lineage"),
    *(True, False, 0.5, 25, None, Path("corpus")),
)
"""Values typed on a command line (and defaults), accepted and refused by one parameter or other."""


def parameters() -> list[tuple[str, Any, Any]]:
    """(command, click command, parameter) for every converted parameter of every command."""
    root: Any = typer.main.get_command(app)
    found = []
    for name, command in sorted(root.commands.items()):
        found += [(name, command, p) for p in command.params if hasattr(p, "type_descriptor")]
    found += [("prstdiff", root, p) for p in root.params if hasattr(p, "type_descriptor")]
    return found


PARAMETERS = parameters()


def outcome(runtime: Any, value: Any, parameter: Any, command: Any) -> tuple[Any, ...]:
    """What converting a value gives: the value and its type, or the error and its message."""
    context = typer.Context(command)
    try:
        result = runtime.coerce(value, param=parameter, ctx=context)
    except Exception as error:  # the error itself is the outcome compared
        message = error.format_message() if hasattr(error, "format_message") else str(error)
        return ("refused", type(error).__name__, message)
    return ("converted", type(result).__name__, result)


def test_typer_converts_without_pydantic() -> None:
    assert coercion.installed()


@pytest.mark.parametrize(
    ("name", "command", "parameter"),
    PARAMETERS,
    ids=[f"{name} {parameter.name}" for name, _, parameter in PARAMETERS],
)
def test_direct_conversion_gives_what_typer_gives(
    name: str, command: Any, parameter: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    direct = core.build_runtime_param(parameter.type_descriptor)
    through_pydantic = coercion._state["original"](parameter.type_descriptor)
    assert type(direct).__name__ == "DirectRuntimeParam", "this parameter would load pydantic"
    for value in PROBES:
        expected = outcome(through_pydantic, value, parameter, command)
        assert outcome(direct, value, parameter, command) == expected, (name, value)


def test_the_probes_are_both_accepted_and_refused() -> None:
    # A comparison of refusals alone would pass with a conversion that refuses everything.
    by_kind: dict[str, set[str]] = {}
    for _, command, parameter in PARAMETERS:
        runtime = coercion._state["original"](parameter.type_descriptor)
        for value in PROBES:
            kind = outcome(runtime, value, parameter, command)[0]
            by_kind.setdefault(parameter.type_descriptor.annotation.__name__, set()).add(kind)
    # Typer takes any value for a string (True becomes "True"): nothing to refuse there.
    assert by_kind.pop("str") == {"converted"}
    assert {"Path", "int", "float", "bool", "ColorChoice", "DiffFormat"} <= set(by_kind)
    assert all(kinds == {"converted", "refused"} for kinds in by_kind.values()), by_kind
