"""A plain ``prstdiff diff`` runs without typer, and says to the byte what typer's command says."""

from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.cli.comparing import DiffFormat
from prstdiff.cli.quick import diff_arguments, run_diff
from prstdiff.cli.terminal import ColorChoice

ROOT = Path(__file__).resolve().parent.parent.parent
OLD = str(ROOT / "corpus" / "S_PRST_2010_1.txt")
NEW = str(ROOT / "corpus" / "S_PRST_2013_12.txt")
RESOLUTION = str(ROOT / "corpus" / "S_RES_2561_2021.txt")


def quick(arguments: list[str]) -> tuple[int | None, str, str]:
    """Exit status, standard output and standard error of the command line run without typer."""
    with (
        contextlib.redirect_stdout(io.StringIO()) as out,
        contextlib.redirect_stderr(io.StringIO()) as err,
    ):
        status = run_diff(arguments)
    return status, out.getvalue(), err.getvalue()


def typer_run(arguments: list[str]) -> tuple[int, str, str]:
    """The same through typer's command."""
    result = CliRunner().invoke(app, ["diff", *arguments], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_a_plain_command_line_is_read_as_typer_reads_it() -> None:
    assert diff_arguments([OLD, NEW]) == (Path(OLD), Path(NEW), {})
    assert diff_arguments(
        ["-f", "json", OLD, "--threshold", "0.6", NEW, "-w", "72", "--only-changes"]
    ) == (
        Path(OLD),
        Path(NEW),
        {"only_changes": True, "output_format": DiffFormat.JSON, "threshold": 0.6, "width": 72},
    )
    assert diff_arguments([OLD, NEW, "--color", "never", "-o", "out.md", "-t", "1"]) == (
        Path(OLD),
        Path(NEW),
        {"color": ColorChoice.NEVER, "output": Path("out.md"), "threshold": 1.0},
    )


@pytest.mark.parametrize(
    "arguments",
    [
        [OLD],  # one document: typer's usage error
        [OLD, NEW, NEW],
        [OLD, NEW, "--help"],
        [OLD, NEW, "-h"],
        [OLD, NEW, "--format=json"],
        [OLD, NEW, "-fjson"],
        [OLD, NEW, "--format", "JSON"],
        [OLD, NEW, "--format", "pdf"],
        [OLD, NEW, "--format", "json", "--format", "text"],
        [OLD, NEW, "--only-changes", "--only-changes"],
        [OLD, NEW, "--colour", "never"],
        [OLD, NEW, "--color", "sometimes"],
        [OLD, NEW, "--width", "19"],
        [OLD, NEW, "--width", "+80"],
        [OLD, NEW, "--width", "0x50"],
        [OLD, NEW, "--threshold", "1.5"],
        [OLD, NEW, "--threshold", "nan"],
        [OLD, NEW, "--threshold", ".5"],
        [OLD, NEW, "--threshold", "-0"],
        [OLD, NEW, "--output", "-"],
        [OLD, NEW, "--output"],
        [OLD, NEW, "--output", ""],
        [OLD, NEW, "--"],
        ["-", NEW],
        ["", NEW],
        [OLD, "a\x00b"],
    ],
)
def test_anything_unusual_is_left_to_typer(arguments: list[str]) -> None:
    assert diff_arguments(arguments) is None
    assert quick(arguments) == (None, "", "")


def test_a_shell_asking_for_completions_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    assert quick([OLD, NEW, "--color", "never"])[0] == 1
    monkeypatch.setenv("_PRSTDIFF_COMPLETE", "bash_complete")
    assert quick([OLD, NEW, "--color", "never"]) == (None, "", "")


def test_an_unreadable_document_is_left_to_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    # Typer refuses an existing file it cannot read ("is not readable"); a missing one is the
    # command's to report. (Root reads every file, so the test says what access answers.)
    monkeypatch.setattr(os, "access", lambda path, mode: str(path) != NEW)
    assert diff_arguments([OLD, NEW]) is None
    assert diff_arguments([OLD, "missing.txt"]) == (Path(OLD), Path("missing.txt"), {})


@pytest.mark.parametrize(
    "arguments",
    [
        [OLD, NEW],
        [OLD, NEW, "--color", "never", "--width", "72"],
        [OLD, NEW, "--color", "always", "-w", "120"],
        [OLD, NEW, "--only-changes", "-t", "0.8"],
        [OLD, NEW, "-f", "json", "--threshold", "0.6"],
        [OLD, NEW, "--format", "markdown", "--only-changes"],
        [OLD, OLD],  # the same language: exit 0
        [NEW, OLD],  # OLD dated after NEW: a warning
        [OLD, RESOLUTION, "--width", "60"],
        [OLD, str(ROOT / "corpus" / "no such file.txt")],  # the library's error: exit 2
        [OLD, str(ROOT / "corpus")],  # a folder
        [OLD, NEW, "-o", "report.pdf.docx", "-f", "text"],  # wrong extension: a warning
    ],
)
def test_the_plain_diff_says_what_typer_says(arguments: list[str], tmp_path: Path) -> None:
    arguments = [str(tmp_path / a) if a.startswith("report") else a for a in arguments]
    status, out, err = quick(arguments)
    written = _take_output(tmp_path)
    assert status is not None
    assert (status, out, err) == typer_run(arguments)
    assert written == _take_output(tmp_path)


def test_trouble_and_bugs_end_as_with_typer(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("an engine defect")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("prstdiff.cli.comparing.compare_files", interrupted)
    assert quick([OLD, NEW]) == (130, "", "prstdiff: interrupted\n")
    monkeypatch.setattr("prstdiff.cli.comparing.compare_files", broken)
    status, out, err = quick([OLD, NEW])
    assert (status, out) == (70, "")
    assert "ValueError: an engine defect" in err
    assert err.endswith("the traceback above.\n")


def _take_output(folder: Path) -> dict[str, bytes]:
    """The files written into ``folder``, removed so that the next run starts afresh."""
    found = {path.name: path.read_bytes() for path in folder.iterdir()}
    for name in found:
        (folder / name).unlink()
    return found


ENDING = """
import contextlib, gc, io, json, os, sys
sys.argv = ["prstdiff", "diff", *sys.argv[1:]]
from prstdiff.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main()
print(json.dumps([os.environ.get("OPENBLAS_NUM_THREADS"), gc.isenabled(), gc.get_freeze_count()]))
"""


@pytest.mark.parametrize(("chosen", "threads"), [(None, "1"), ("3", "3")])
def test_a_process_that_ends_imports_the_engine_for_good(chosen: str | None, threads: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if chosen is not None:
        environment["OPENBLAS_NUM_THREADS"] = chosen  # the user's choice stands
    done = subprocess.run(
        [sys.executable, "-c", ENDING, OLD, NEW],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    blas_threads, collecting, frozen = json.loads(done.stdout)
    assert (blas_threads, collecting) == (threads, True)
    assert frozen > 10_000  # numpy's and the engine's objects, frozen after their import


def test_an_in_process_run_leaves_the_collector_and_environment_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    frozen = gc.get_freeze_count()
    assert quick([OLD, NEW, "-f", "json"])[0] == 1
    assert "OPENBLAS_NUM_THREADS" not in os.environ
    assert gc.get_freeze_count() == frozen
