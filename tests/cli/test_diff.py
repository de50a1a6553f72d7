"""``prstdiff diff`` and ``prstdiff report``: exit statuses as diff(1), formats, clean failures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from prstdiff.cli import app
from prstdiff.compare import compare
from prstdiff.model import Comparison
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.render import RenderOptions, text
from prstdiff.render.json import stats_to_dict

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "corpus"
OLD = str(CORPUS / "S_RES_2561_2021.txt")
NEW = str(CORPUS / "S_RES_2587_2021.txt")
ANSI = "\x1b["


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    return CliRunner().invoke(app, list(args), env=env)


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    """What the library makes of the real pair; the CLI must show exactly this."""
    return compare(load(OLD), load(NEW))


def test_same_file_twice_exits_0() -> None:
    result = run("diff", OLD, OLD, "--width", "200")
    assert result.exit_code == 0, result.output
    count = len(load(OLD).paragraphs)
    summary = result.stdout.splitlines()[-1]
    assert summary.startswith(f"Summary: {count} reused, 0 altered, 0 new, 0 dropped (0 moved,")
    assert "; 100% of the new text's words reused" in summary


def test_real_pair_exits_1_with_a_plain_diff_when_not_a_terminal(comparison: Comparison) -> None:
    result = run("diff", OLD, NEW)
    assert result.exit_code == 1, result.output
    assert result.stderr == ""
    assert ANSI not in result.stdout
    assert result.stdout == text.render(comparison, RenderOptions(width=100))
    assert "ending on 31 [-July 2021;-]{+January 2022;+}" in result.stdout


def test_color_always_and_never() -> None:
    assert ANSI in run("diff", OLD, NEW, "--color", "always").stdout
    assert ANSI not in run("diff", OLD, NEW, "--color", "never").stdout


def test_auto_colour_on_a_terminal_unless_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    # ``prstdiff.cli.terminal`` decides on colour, for typer's commands and the plain diff alike.
    monkeypatch.setattr("prstdiff.cli.terminal.stdout_is_terminal", lambda: True)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert ANSI in run("diff", OLD, NEW, "--width", "100").stdout
    assert ANSI not in run("diff", OLD, NEW, "--width", "100", env={"NO_COLOR": "1"}).stdout


def test_only_changes_and_width(comparison: Comparison) -> None:
    result = run("diff", OLD, NEW, "--only-changes", "--width", "60")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    assert not any(line.startswith("= reused") and "moved" not in line for line in lines)
    altered = sum(line.startswith("~ altered") for line in lines)
    assert altered == comparison.stats.altered > 0


def test_threshold_turns_weak_alterations_into_new_and_dropped(comparison: Comparison) -> None:
    result = run("diff", OLD, NEW, "--threshold", "0.9", "--format", "json")
    stats = json.loads(result.stdout)["stats"]
    strict = compare(load(OLD), load(NEW), CompareOptions(threshold=0.9)).stats
    assert stats == stats_to_dict(strict)
    assert stats["altered"] < comparison.stats.altered
    assert stats["new"] > comparison.stats.new
    assert run("diff", OLD, NEW, "--threshold", "1.5").exit_code == 2


def test_every_format_to_a_file(tmp_path: Path) -> None:
    for output_format, start in [
        ("json", '{\n  "schema": "prstdiff/comparison",'),
        ("markdown", "# S/RES/2561 (2021) → S/RES/2587 (2021)\n"),
        ("html", "<!DOCTYPE html>\n"),
        ("text", "--- S/RES/2561 (2021)"),
    ]:
        target = tmp_path / f"out.{output_format}"
        result = run("diff", OLD, NEW, "-f", output_format, "-o", str(target), "--color", "auto")
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        written = target.read_text(encoding="utf-8")
        assert written.startswith(start)
        assert ANSI not in written
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "out.html",
        "out.json",
        "out.markdown",
        "out.text",
    ]


def test_report_writes_one_html_file_and_can_open_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def remember(uri: str) -> bool:
        opened.append(uri)
        return True

    monkeypatch.setattr("webbrowser.open", remember)
    target = tmp_path / "cyprus.html"
    result = run("report", OLD, NEW, "-o", str(target), "--open")
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert opened == [target.resolve().as_uri()]
    assert run("report", OLD, OLD, "-o", str(target)).exit_code == 0


def test_report_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "report.html"
    result = run("report", OLD, NEW, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"prstdiff: {target.parent}: cannot write: folder does not exist\n"
    assert not target.parent.exists()


def test_report_over_a_read_only_file_fails_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("earlier report", encoding="utf-8")
    target.chmod(0o444)
    result = run("report", OLD, NEW, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"prstdiff: {target}: cannot write: file is read-only\n"
    assert target.read_text(encoding="utf-8") == "earlier report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left behind


def test_missing_file_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    missing = tmp_path / "S_RES_9999_2099.txt"
    completed = subprocess.run(
        [sys.executable, "-m", "prstdiff", "diff", str(missing), NEW],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert completed.stderr == f"prstdiff: {missing}: no such file\n"


# --- the Word redline ---------------------------------------------------------------------------


def _word_text(path: Path) -> list[str]:
    """The paragraph texts python-docx reads from a written Word file."""
    import docx

    return [paragraph.text for paragraph in docx.Document(str(path)).paragraphs]


def test_report_writes_a_word_redline_for_a_docx_name(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    result = run("report", OLD, NEW, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == result.stderr == ""
    texts = _word_text(target)
    assert texts[0].startswith("Redline of S/RES/2587 (2021), 29 July 2021")
    assert "The Security Council," in texts
    assert [p.name for p in tmp_path.iterdir()] == ["redline.docx"]
    assert run("report", OLD, OLD, "-o", str(target)).exit_code == 0


def test_report_format_option_wins_over_the_name(tmp_path: Path) -> None:
    word = tmp_path / "redline.bin"
    assert run("report", OLD, NEW, "-o", str(word), "--format", "docx").exit_code == 0
    assert word.read_bytes()[:2] == b"PK"  # a zip package, as every .docx is
    page = tmp_path / "report.docx"
    assert run("report", OLD, NEW, "-o", str(page), "-f", "html").exit_code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_diff_writes_docx_by_option_or_by_name(tmp_path: Path) -> None:
    by_option = tmp_path / "by-option.out"
    by_name = tmp_path / "by-name.DOCX"
    assert run("diff", OLD, NEW, "-f", "docx", "-o", str(by_option)).exit_code == 1
    assert run("diff", OLD, NEW, "-o", str(by_name)).exit_code == 1
    assert _word_text(by_option)[3:] == _word_text(by_name)[3:]
    assert "The Security Council," in _word_text(by_name)


def test_diff_docx_to_standard_output_only_when_redirected(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    result = run("diff", OLD, NEW, "-f", "docx")
    assert result.exit_code == 1
    assert result.stdout_bytes[:2] == b"PK"
    monkeypatch.setattr("prstdiff.cli.comparing.stdout_is_terminal", lambda: True)
    result = run("diff", OLD, NEW, "-f", "docx")
    assert result.exit_code == 2
    assert result.stderr == "prstdiff: a Word redline is a binary file: give --output FILE.docx\n"
    assert result.stdout == ""


def test_word_redline_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "redline.docx"
    result = run("report", OLD, NEW, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"prstdiff: {target.parent}: cannot write: folder does not exist\n"
    assert not target.parent.exists()


def test_word_redline_over_a_read_only_file_fails_and_leaves_it_alone(tmp_path: Path) -> None:
    target = tmp_path / "redline.docx"
    target.write_bytes(b"earlier redline")
    target.chmod(0o444)
    result = run("diff", OLD, NEW, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"prstdiff: {target}: cannot write: file is read-only\n"
    assert target.read_bytes() == b"earlier redline"
    assert [p.name for p in tmp_path.iterdir()] == ["redline.docx"]  # no temporary left behind


def test_word_redline_of_a_missing_document_exits_2(tmp_path: Path) -> None:
    missing = tmp_path / "S_RES_9999_2099.txt"
    target = tmp_path / "redline.docx"
    result = run("report", str(missing), NEW, "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == f"prstdiff: {missing}: no such file\n"
    assert not target.exists()
