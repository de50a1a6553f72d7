"""The help drawn without rich's Markdown and traceback modules is typer's own, to the character."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from prstdiff.cli import richhelp

ROOT = Path(__file__).resolve().parent.parent.parent

HELP = """
import json, sys
if sys.argv[1] == "typer":
    import typer.rich_utils  # typer's own import, rich.markdown and rich.traceback with it
from typer.testing import CliRunner
import typer.main
from prstdiff.cli import app
names = [[], *([name] for name in typer.main.get_command(app).commands)]
shown = {}
for name in names:
    for width in (60, 100):
        for colour in ({"NO_COLOR": "1"}, {"FORCE_COLOR": "1"}):
            environment = {"COLUMNS": str(width), "TERM": "xterm", **colour}
            result = CliRunner().invoke(
                app, [*name, "--help"], env=environment, terminal_width=width, color=True
            )
            shown[f"{name} {width} {colour}"] = [result.exit_code, result.output]
print(json.dumps({
    "help": shown,
    "markdown": "rich.markdown" in sys.modules,
    "traceback": "rich.traceback" in sys.modules,
}))
"""


def helps(way: str) -> dict[str, object]:
    """Every command's help at two widths, with and without colour, and what was imported."""
    done = subprocess.run(
        [sys.executable, "-c", HELP, way], capture_output=True, text=True, check=True, cwd=ROOT
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def test_the_lighter_help_is_typers_help() -> None:
    typers, ours = helps("typer"), helps("prstdiff")
    assert (typers["markdown"], typers["traceback"]) == (True, True)
    assert (ours["markdown"], ours["traceback"]) == (False, False)
    assert ours["help"] == typers["help"]
    assert len(ours["help"]) == 9 * 4  # type: ignore[arg-type]
    assert any("\x1b[" in output for _, output in ours["help"].values())  # type: ignore[attr-defined]


def test_the_stand_ins_hand_over_to_the_real_classes() -> None:
    richhelp.load_help_formatter()
    import typer.rich_utils
    from rich.markdown import Markdown
    from rich.traceback import Traceback

    assert isinstance(typer.rich_utils.Markdown("*made-up*"), Markdown)
    try:
        raise ValueError("made-up")
    except ValueError as error:
        assert isinstance(
            typer.rich_utils.Traceback.from_exception(ValueError, error, None), Traceback
        )
