"""Habits users bring from other command-line tools: --version, exit statuses, formats by
extension, one meaning per short option, warnings, --open, big batch jobs, reused folders."""

from __future__ import annotations

import json
import shutil
from importlib import metadata
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner, Result

from prstdiff.cli import app

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
OLD = CORPUS / "S_RES_2561_2021.txt"
NEW = CORPUS / "S_RES_2587_2021.txt"
LATER = CORPUS / "S_RES_2618_2022.txt"


def run(*args: object, stdin: str | None = None) -> Result:
    return CliRunner().invoke(app, [str(a) for a in args], input=stdin)


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three UNFICYP renewals of 2021-2022, indexed on first use."""
    folder = tmp_path_factory.mktemp("small")
    for path in (OLD, NEW, LATER):
        shutil.copy2(path, folder / path.name)
    return folder


def test_version_comes_from_the_package_metadata() -> None:
    result = run("--version")
    assert result.exit_code == 0
    assert result.output == f"prstdiff {metadata.version('prstdiff')}\n"


def test_diff_exits_as_diff_1() -> None:
    assert run("diff", OLD, OLD).exit_code == 0
    assert run("diff", OLD, NEW).exit_code == 1
    assert run("diff", OLD, CORPUS / "no_such_file.txt").exit_code == 2


def test_search_exits_as_grep_1(small_corpus: Path) -> None:
    assert run("search", "Secretary-General", "-c", small_corpus).exit_code == 0
    assert run("search", "no such words anywhere", "-c", small_corpus).exit_code == 1
    trouble = run("search", "“—”", "-c", small_corpus)
    assert trouble.exit_code == 2
    assert "nothing to search for" in trouble.output


def test_report_exits_0_so_it_can_be_chained(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    assert run("report", OLD, NEW, "-o", target).exit_code == 0
    assert run("report", OLD, NEW, "-o", target, "--exit-code").exit_code == 1
    assert run("report", OLD, OLD, "-o", target, "--exit-code").exit_code == 0


def test_trace_and_series_exit_0_unless_asked(small_corpus: Path) -> None:
    # 2618 (2022) carries new language: 1 only with --exit-code.
    assert run("trace", LATER, "-c", small_corpus, "-f", "json").exit_code == 0
    assert run("trace", LATER, "-c", small_corpus, "-f", "json", "--exit-code").exit_code == 1
    symbols = "2561 (2021),2587 (2021)"
    assert run("series", small_corpus, "-s", symbols, "-f", "json").exit_code == 0
    assert run("series", small_corpus, "-s", symbols, "-f", "json", "--exit-code").exit_code == 1


def test_batch_exits_0_unless_asked(tmp_path: Path) -> None:
    manifest = tmp_path / "pairs.csv"
    manifest.write_text(f"{OLD},{NEW}\n", encoding="utf-8")
    assert run("batch", tmp_path / "out", "--manifest", manifest).exit_code == 0
    asked = run("batch", tmp_path / "out2", "--manifest", manifest, "--exit-code")
    assert asked.exit_code == 1, asked.output


@pytest.mark.parametrize(
    ("name", "opening"),
    [
        ("d.json", "{"),
        ("d.md", "# S/RES/2561 (2021) → S/RES/2587 (2021)"),
        ("d.html", "<!DOCTYPE html>"),
        ("d.txt", "--- S/RES/2561 (2021)"),
        ("d.out", "--- S/RES/2561 (2021)"),
    ],
)
def test_diff_writes_the_format_its_file_name_says(tmp_path: Path, name: str, opening: str) -> None:
    target = tmp_path / name
    result = run("diff", OLD, NEW, "-o", target)
    assert result.exit_code == 1, result.output
    assert target.read_text(encoding="utf-8").startswith(opening)


def test_a_format_a_command_cannot_write_is_refused_not_misnamed(tmp_path: Path) -> None:
    result = run("inspect", OLD, "-o", tmp_path / "d.docx")
    assert result.exit_code == 2
    assert "cannot write docx" in result.output
    assert not (tmp_path / "d.docx").exists()
    report = run("report", OLD, NEW, "-o", tmp_path / "d.json")
    assert report.exit_code == 2
    assert "prstdiff diff OLD NEW -o" in report.output


def test_an_explicit_format_wins_over_the_extension_with_a_warning(tmp_path: Path) -> None:
    target = tmp_path / "d.html"
    result = run("diff", OLD, NEW, "-o", target, "-f", "json")
    assert result.exit_code == 1
    assert json.loads(target.read_text(encoding="utf-8"))["schema"]
    assert "prstdiff: warning: writing json into a file named" in result.stderr


def test_corpus_commands_follow_the_extension_too(small_corpus: Path, tmp_path: Path) -> None:
    found = tmp_path / "found.json"
    assert run("search", "Secretary-General", "-c", small_corpus, "-o", found).exit_code == 0
    assert json.loads(found.read_text(encoding="utf-8"))["schema"] == "prstdiff/search"
    traced = tmp_path / "trace.html"
    assert run("trace", LATER, "-c", small_corpus, "-o", traced).exit_code == 0
    assert traced.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    series = tmp_path / "series.json"
    assert run("series", small_corpus, "-s", "2561 (2021),2587 (2021)", "-o", series).exit_code == 0
    assert json.loads(series.read_text(encoding="utf-8"))["schema"] == "prstdiff/series"


def test_each_short_option_means_one_thing_in_every_command() -> None:
    group = typer.main.get_command(app)
    meanings: dict[str, set[str]] = {}
    for command in group.commands.values():  # type: ignore[attr-defined]
        for param in command.params:
            if param.param_type_name != "option":
                continue
            long = next(o for o in param.opts if o.startswith("--"))
            for short in (o for o in param.opts if not o.startswith("--")):
                meanings.setdefault(short, set()).add(long)
    assert {short: len(longs) for short, longs in meanings.items() if len(longs) > 1} == {}
    assert meanings["-m"] == {"--match"}


def test_old_dated_after_new_is_a_warning_not_an_error(tmp_path: Path) -> None:
    swapped = run("diff", NEW, OLD)
    assert swapped.exit_code == 1
    assert swapped.stderr == (
        "prstdiff: warning: OLD (S/RES/2587 (2021), 2021-07-29) is dated after NEW "
        "(S/RES/2561 (2021), 2021-01-29): did you mean to swap them?\n"
    )
    assert swapped.stdout
    report = run("report", NEW, OLD, "-o", tmp_path / "r.html")
    assert report.exit_code == 0 and "did you mean to swap them?" in report.stderr
    assert "warning" not in run("diff", OLD, NEW).stderr


def test_open_without_a_browser_says_where_the_report_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("webbrowser.open", lambda uri: False)
    target = tmp_path / "r.html"
    result = run("report", OLD, NEW, "-o", target, "--open")
    assert result.exit_code == 0
    assert result.stderr == (
        f"prstdiff: no web browser could be started; the report is at {target.resolve()}\n"
    )
    monkeypatch.setattr("webbrowser.open", lambda uri: True)
    assert run("report", OLD, NEW, "-o", target, "--open").stderr == ""


def _big_manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "big.csv"
    rows = [f"{OLD},{NEW},pair{i}" for i in range(10_001)]
    manifest.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return manifest


def test_a_batch_over_10000_pairs_is_estimated_and_needs_a_yes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = _big_manifest(tmp_path)
    out = tmp_path / "out"
    refused = run("batch", out, "--manifest", manifest, "-j", "2")
    assert refused.exit_code == 2
    lines = refused.stderr.splitlines()
    assert lines[0].startswith("prstdiff: this job compares 10,001 pairs: about ")
    assert " on 2 workers and " in lines[0] and lines[0].endswith("(measured on 3 pairs)")
    assert lines[1] == "prstdiff: a job of 10,001 pairs needs --yes to start"
    assert not out.exists()
    # At a terminal it asks; "no" starts nothing.
    monkeypatch.setattr("prstdiff.cli.batch.can_ask", lambda: True)
    declined = run("batch", out, "--manifest", manifest, stdin="n\n")
    assert declined.exit_code == 2
    assert "Start it? [y/N]" in declined.stderr and "not started" in declined.stderr
    assert not out.exists()


def test_a_reused_batch_folder_loses_the_earlier_jobs_reports_and_says_which(
    tmp_path: Path,
) -> None:
    two = tmp_path / "two.csv"
    two.write_text(f"{OLD},{NEW},first\n{NEW},{LATER},second\n", encoding="utf-8")
    one = tmp_path / "one.csv"
    one.write_text(f"{OLD},{NEW},first\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run("batch", out, "--manifest", two).exit_code == 0
    assert sorted(p.name for p in (out / "pairs").iterdir()) == [
        "first.html",
        "first.json",
        "second.html",
        "second.json",
    ]
    again = run("batch", out, "--manifest", one)
    assert again.exit_code == 0, again.output
    assert again.stderr == (
        f"prstdiff: removed 2 reports of the earlier job in {out} that this job does not "
        "write: pairs/second.html, pairs/second.json\n"
    )
    assert sorted(p.name for p in (out / "pairs").iterdir()) == ["first.html", "first.json"]


def test_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    manifest = tmp_path / "one.csv"
    manifest.write_text(f"{OLD},{NEW}\n", encoding="utf-8")
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("my notes", encoding="utf-8")
    result = run("batch", out, "--manifest", manifest)
    assert result.exit_code == 2
    assert "holds files that are not a prstdiff batch job's (notes.txt)" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
