"""Every command of the CLI, including ones added later, has help text with an example."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from prstdiff.cli import app


def all_commands() -> list[tuple[str, Any]]:
    """Every command of the application, sub-commands of groups included, by full name."""
    root = typer.main.get_command(app)
    found: list[tuple[str, Any]] = []

    # Typer carries its own copy of click, so groups are told by their sub-commands, not a class.
    def walk(prefix: tuple[str, ...], command: Any) -> None:
        if hasattr(command, "commands"):
            for name, sub in sorted(command.commands.items()):
                walk((*prefix, name), sub)
        else:
            found.append((" ".join(prefix), command))

    walk((), root)
    return found


COMMANDS = all_commands()


def test_the_commands_are_registered() -> None:
    names = {name for name, _ in COMMANDS}
    assert "inspect" in names
    assert len(names) == len(COMMANDS)


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_command_has_help_with_an_example(name: str, command: Any) -> None:
    assert command.help, f"prstdiff {name} has no help text"
    assert "Example" in command.help, f"prstdiff {name}: help text has no 'Example'"
    assert f"prstdiff {name}" in command.help, f"prstdiff {name}: the example does not run it"
    result = CliRunner().invoke(app, [*name.split(), "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout


def test_every_parameter_is_explained() -> None:
    for name, command in COMMANDS:
        for parameter in command.params:
            if parameter.param_type_name in ("option", "argument"):
                described = getattr(parameter, "help", None)
                assert described, f"prstdiff {name}: {parameter.name} has no help text"
