"""Every command of the CLI, including ones added later, has help text with an example."""

from __future__ import annotations

from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from prstdiff.cli import app


def all_commands(application: typer.Typer) -> list[tuple[str, Any]]:
    """Every command of an application, sub-commands of groups included, by full name."""
    root = typer.main.get_command(application)
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


def help_problems(application: typer.Typer) -> list[str]:
    """What is missing from the commands' help: text, an example, a described parameter."""
    problems = []
    for name, command in all_commands(application):
        if not command.help:
            problems.append(f"prstdiff {name}: no help text")
            continue
        if "Example" not in command.help or f"prstdiff {name}" not in command.help:
            problems.append(f"prstdiff {name}: no 'Example: prstdiff {name} ...' in its help")
        for parameter in command.params:
            if parameter.param_type_name in ("option", "argument") and not getattr(
                parameter, "help", None
            ):
                problems.append(f"prstdiff {name}: {parameter.name} has no help text")
    return problems


COMMANDS = all_commands(app)


def test_the_commands_are_registered() -> None:
    names = [name for name, _ in COMMANDS]
    assert {"inspect", "diff", "report"} <= set(names)
    assert len(names) == len(set(names))


def test_every_command_has_help_with_an_example() -> None:
    assert help_problems(app) == []


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[name for name, _ in COMMANDS])
def test_help_option_shows_the_example(name: str, command: Any) -> None:
    result = CliRunner().invoke(app, [*name.split(), "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout


def test_the_check_finds_commands_without_examples_even_in_groups() -> None:
    madeup = typer.Typer()
    group = typer.Typer()
    madeup.add_typer(group, name="madeup-group")

    @madeup.command()
    def madeup_good(path: str = typer.Argument(help="A path.")) -> None:
        """Do a made-up thing.

        Example: prstdiff madeup-good corpus/S_RES_1809_2008.txt
        """

    @madeup.command()
    def madeup_silent(path: str = typer.Argument()) -> None:
        """Do another made-up thing, without an example."""

    @group.command()
    def madeup_nested() -> None:
        pass

    assert help_problems(madeup) == [
        "prstdiff madeup-group madeup-nested: no help text",
        "prstdiff madeup-silent: no 'Example: prstdiff madeup-silent ...' in its help",
        "prstdiff madeup-silent: path has no help text",
    ]
