"""Failure isolation: unreadable documents fail their own pairs; the others complete; exit 2."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from .conftest import CORPUS, UNFICYP

ROOT = Path(__file__).parent.parent.parent


def run_cli(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "prstdiff", *arguments],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_missing_and_binary_documents_fail_alone(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in UNFICYP[:3]:
        (docs / name).write_bytes((CORPUS / name).read_bytes())
    (docs / "madeup_binary.txt").write_bytes(bytes(range(256)) * 8)
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(
        "old,new,name\n"
        f"docs/{UNFICYP[0]},docs/{UNFICYP[1]},first\n"
        f"docs/madeup_missing.txt,docs/{UNFICYP[1]},missing\n"
        f"docs/{UNFICYP[1]},docs/madeup_binary.txt,binary\n"
        f"docs/{UNFICYP[1]},docs/{UNFICYP[2]},second\n",
        encoding="utf-8",
    )
    outdir = tmp_path / "out"

    result = run_cli("batch", str(outdir), "--manifest", str(manifest), "--workers", "1")

    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    missing = tmp_path / "docs" / "madeup_missing.txt"
    binary = tmp_path / "docs" / "madeup_binary.txt"
    assert result.stderr.splitlines() == [
        f"prstdiff: missing: {missing}: no such file",
        f"prstdiff: binary: {binary}: not a text file (binary content)",
    ]
    assert result.stdout == f"4 pairs: 2 done, 2 failed; index: {outdir / 'index.html'}\n"

    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    assert summary["counts"] == {"pairs": 4, "done": 2, "failed": 2}
    assert [(p["name"], p["state"], p["error"]) for p in summary["pairs"]] == [
        ("first", "done", None),
        ("missing", "failed", f"{missing}: no such file"),
        ("binary", "failed", f"{binary}: not a text file (binary content)"),
        ("second", "done", None),
    ]
    # The readable side of a failed pair is still described.
    assert summary["pairs"][2]["old"]["symbol"] == "S/RES/2300 (2016)"
    rows = list(csv.DictReader(io.StringIO((outdir / "summary.csv").read_text(encoding="utf-8"))))
    assert [(row["name"], row["state"], row["html"]) for row in rows] == [
        ("first", "done", "pairs/first.html"),
        ("missing", "failed", ""),
        ("binary", "failed", ""),
        ("second", "done", "pairs/second.html"),
    ]
    assert sorted(p.name for p in (outdir / "pairs").iterdir()) == [
        "first.html",
        "first.json",
        "second.html",
        "second.json",
    ]
    index = (outdir / "index.html").read_text(encoding="utf-8")
    assert "no such file" in index and "not a text file (binary content)" in index

    # Resuming retries the failed pairs only; once the file exists, its pair completes.
    (docs / "madeup_missing.txt").write_bytes((CORPUS / UNFICYP[0]).read_bytes())
    again = run_cli("batch", str(outdir), "--manifest", str(manifest), "--resume")
    assert again.returncode == 2
    assert again.stdout.startswith("4 pairs: 3 done (2 kept from an earlier run), 1 failed;")


def test_trouble_before_any_pair_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "jobs.csv"
    bad.write_text("old,new\nonly-one-field\n", encoding="utf-8")
    result = run_cli("batch", str(tmp_path / "out"), "--manifest", str(bad))
    assert result.returncode == 2
    assert result.stderr == (f"prstdiff: {bad}: line 2: expected old,new[,name], found 1 field\n")
    both = run_cli("batch", str(tmp_path / "out"), "--manifest", str(bad), "--all-pairs", "x")
    assert both.returncode == 2
    assert both.stderr == (
        "prstdiff: give exactly one of --manifest FILE, --series CORPUS_DIR or --all-pairs DIR\n"
    )
    assert not (tmp_path / "out").exists()
    a_file = tmp_path / "file"
    a_file.write_text("")
    good = tmp_path / "good.csv"
    good.write_text(f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]}\n", encoding="utf-8")
    not_folder = run_cli("batch", str(a_file), "--manifest", str(good))
    assert not_folder.returncode == 2
    assert not_folder.stderr == f"prstdiff: {a_file}: cannot write the job here: not a folder\n"


def test_help_explains_exit_statuses_and_gives_an_example() -> None:
    result = run_cli("batch", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "Exit status: 0 when every pair was compared, 2 when some pair failed" in text
    assert "Example: prstdiff batch reports --series corpus" in text
