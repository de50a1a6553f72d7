"""Each command loads only what it needs: no heavy module for help, version or plain output.

Start-up time is measured by ``bench/startup.py``; these tests check, untimed, the imports that
the time depends on, each command in a fresh interpreter as the shell would start it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
OLD = "corpus/S_PRST_2010_1.txt"
NEW = "corpus/S_PRST_2013_12.txt"

NEVER = ("numpy", "rapidfuzz", "jinja2", "sqlite3", "prstdiff.batch", "pydantic", "rich.markdown")
"""Modules no command below loads: the engine's libraries (left to the commands that compare),
templates, the index, the batch machinery, typer's pydantic conversion and rich's Markdown."""
ENGINE = ("numpy", "rapidfuzz")
RICH = ("rich",)
TYPER = ("typer", "click", "prstdiff.cli.application", "prstdiff.cli.batch", "prstdiff.cli.corpus")
"""What a plain ``diff`` runs without (``prstdiff.cli.quick``): typer and the other commands."""
PLAIN_DIFF = (*NEVER[2:], *RICH, *TYPER, "prstdiff.io", "hashlib", "_hashlib")
"""Nor does it load the atomic file writer when it writes to standard output, nor OpenSSL for
the documents' digests (``prstdiff.parse.files.sha256_hex``)."""

RUN = """
import contextlib, io, json, sys
sys.argv = ["prstdiff", *json.loads(sys.argv[1])]
from prstdiff.cli import main
with contextlib.redirect_stdout(io.StringIO()) as output, contextlib.suppress(SystemExit):
    main()
import gc
print(json.dumps({"modules": sorted(sys.modules), "output": output.getvalue(),
                  "frozen": gc.get_freeze_count()}))
"""


def loaded(arguments: list[str]) -> tuple[set[str], str]:
    """The modules ``prstdiff ARGUMENTS`` has loaded when it is done, and what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", RUN, json.dumps(arguments)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result = json.loads(done.stdout)
    assert result["frozen"] > 0  # main left the shutdown nothing to collect
    return set(result["modules"]), result["output"]


def under(modules: set[str], packages: tuple[str, ...]) -> list[str]:
    """The modules that are, or belong to, one of the packages."""
    return sorted(m for m in modules if any(m == p or m.startswith(f"{p}.") for p in packages))


@pytest.mark.parametrize(
    ("arguments", "forbidden"),
    [
        (["--help"], NEVER),
        (["diff", "--help"], NEVER),
        (["--version"], (*NEVER, *RICH)),
        (["inspect", NEW], NEVER),
        (["inspect", NEW, "--format", "json"], (*NEVER, *RICH)),
        (["diff", OLD, NEW], PLAIN_DIFF),
        (["diff", OLD, NEW, "--color", "never", "--width", "72"], PLAIN_DIFF),
        (["diff", OLD, NEW, "--format", "json", "--threshold", "0.6"], PLAIN_DIFF),
        (["diff", OLD, NEW, "--format=json"], (*NEVER[2:], *RICH)),
    ],
    ids=[
        "help",
        "diff help",
        "version",
        "inspect",
        "inspect json",
        "diff",
        "diff plain",
        "json",
        "json through typer",
    ],
)
def test_commands_load_only_what_they_need(
    arguments: list[str], forbidden: tuple[str, ...]
) -> None:
    modules, output = loaded(arguments)
    assert output  # the command ran
    assert under(modules, forbidden) == []
    if arguments[0] != "diff" or "--help" in arguments:
        assert under(modules, ENGINE) == []


def test_an_unusual_diff_goes_through_typer_and_says_the_same() -> None:
    modules, output = loaded(["diff", OLD, NEW, "--format=json"])
    assert "typer" in modules
    plain_modules, plain_output = loaded(["diff", OLD, NEW, "--format", "json"])
    assert "typer" not in plain_modules
    assert output == plain_output


def test_colour_still_goes_through_rich() -> None:
    modules, output = loaded(["diff", OLD, NEW, "--color", "always"])
    assert "\x1b[" in output
    assert "rich.console" in modules


def test_the_check_sees_a_heavy_import() -> None:
    modules, _ = loaded(["diff", OLD, NEW, "--format", "html"])
    assert "jinja2" in under(modules, NEVER)
    assert under(modules, ENGINE) != []


def test_a_named_command_runs_in_an_application_of_its_own() -> None:
    from typer.testing import CliRunner

    from prstdiff.cli import app, for_arguments

    for arguments in ([], ["--help"], ["--version", "diff"], ["dif", OLD, NEW]):
        assert for_arguments(app, arguments) is app
    names = ["batch", "index", "trace", "series", "search", "diff", "report", "inspect"]
    assert [len(for_arguments(app, [name]).registered_commands) for name in names] == [1] * 8
    for arguments in (
        ["diff", OLD, NEW, "--width", "60"],
        ["diff", OLD, NEW, "--width", "6"],  # refused: the same message from the copy
        ["report", "--help"],
    ):
        alone = for_arguments(app, arguments)
        assert [info.name for info in alone.registered_commands] == [arguments[0]]
        assert len(app.registered_commands) == 8
        environment = {"COLUMNS": "100", "NO_COLOR": "1"}
        ran, expected = (
            CliRunner().invoke(application, arguments, env=environment, catch_exceptions=False)
            for application in (alone, app)
        )
        assert (ran.exit_code, ran.output) == (expected.exit_code, expected.output)
        assert ran.output


def test_the_digest_without_openssl_is_hashlib_s() -> None:
    import hashlib

    from prstdiff.parse import load
    from prstdiff.parse.files import sha256_hex

    data = (ROOT / NEW).read_bytes()
    assert sha256_hex(data) == hashlib.sha256(data).hexdigest()
    assert sha256_hex(b"") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert load(ROOT / NEW).source.sha256 == hashlib.sha256(data).hexdigest()
