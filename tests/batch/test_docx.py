"""Word redlines beside the HTML reports: ``batch --formats html,docx``, ``run_job(formats=)``."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import docx

from prstdiff.batch import ProcessExecutor, ReportFormat, plan_manifest, read_job_file, run_job
from prstdiff.parse import load

from .conftest import CORPUS, UNFICYP
from .test_failures import run_cli

WORD = frozenset({ReportFormat.HTML, ReportFormat.DOCX})
PAIRS = ("first", "second")


def _manifest(tmp_path: Path) -> Path:
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(
        "old,new,name\n"
        f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]},first\n"
        f"{CORPUS / UNFICYP[1]},{CORPUS / UNFICYP[2]},second\n",
        encoding="utf-8",
    )
    return manifest


def test_a_job_writes_word_redlines_beside_the_html_reports(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    result = run_job(plan_manifest(_manifest(tmp_path)), outdir, ProcessExecutor(1), formats=WORD)
    assert result.done == 2
    assert sorted(p.name for p in (outdir / "pairs").iterdir()) == [
        f"{name}.{suffix}" for name in PAIRS for suffix in ("docx", "html", "json")
    ]
    assert [r.docx for r in result.records] == ["pairs/first.docx", "pairs/second.docx"]
    # The redline is the later document's text: its last paragraph, as Word reads it.
    last = load(CORPUS / UNFICYP[1]).paragraphs[-1]
    word = docx.Document(str(outdir / "pairs" / "first.docx"))
    assert word.paragraphs[-1].text.endswith(last.text)
    assert "Redline of S/RES/2300 (2016)" in word.paragraphs[0].text

    rows = list(csv.DictReader(io.StringIO((outdir / "summary.csv").read_text(encoding="utf-8"))))
    assert [(row["name"], row["docx"]) for row in rows] == [
        ("first", "pairs/first.docx"),
        ("second", "pairs/second.docx"),
    ]
    summary = json.loads((outdir / "summary.json").read_text(encoding="utf-8"))
    assert [p["docx"] for p in summary["pairs"]] == ["pairs/first.docx", "pairs/second.docx"]
    assert summary["settings"]["formats"] == ["docx", "html"]
    index = (outdir / "index.html").read_text(encoding="utf-8")
    assert index.count('class="docx-link" href="pairs/') == 2


def test_html_only_jobs_keep_their_settings_and_files(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    result = run_job(plan_manifest(_manifest(tmp_path)), outdir, ProcessExecutor(1))
    assert [r.docx for r in result.records] == [None, None]
    settings, _ = read_job_file(outdir)
    assert "formats" not in settings
    assert not list((outdir / "pairs").glob("*.docx"))
    assert 'class="docx-link"' not in (outdir / "index.html").read_text(encoding="utf-8")


def test_resume_adds_redlines_and_redoes_a_missing_one(tmp_path: Path) -> None:
    plan = plan_manifest(_manifest(tmp_path))
    outdir = tmp_path / "out"
    run_job(plan, outdir, ProcessExecutor(1))
    # Asking for Word redlines changes the job's settings: every pair is made again.
    added = run_job(plan, outdir, ProcessExecutor(1), formats=WORD, resume=True)
    assert added.resumed == 0
    assert sorted(p.name for p in (outdir / "pairs").glob("*.docx")) == [
        "first.docx",
        "second.docx",
    ]
    kept = run_job(plan, outdir, ProcessExecutor(1), formats=WORD, resume=True)
    assert kept.resumed == 2
    (outdir / "pairs" / "second.docx").unlink()
    redone = run_job(plan, outdir, ProcessExecutor(1), formats=WORD, resume=True)
    assert redone.resumed == 1
    assert (outdir / "pairs" / "second.docx").is_file()


def test_cli_formats_option(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path)
    outdir = tmp_path / "out"
    result = run_cli(
        "batch", str(outdir), "--manifest", str(manifest), "--formats", "html,docx", "-j", "1"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"2 pairs: 2 done, 0 failed; index: {outdir / 'index.html'}\n"
    assert (outdir / "pairs" / "first.docx").is_file()
    assert (outdir / "pairs" / "second.docx").is_file()


def test_cli_refuses_unknown_formats_and_a_job_without_html(tmp_path: Path) -> None:
    manifest = _manifest(tmp_path)
    outdir = tmp_path / "out"
    unknown = run_cli("batch", str(outdir), "--manifest", str(manifest), "--formats", "html,pdf")
    assert unknown.returncode == 2
    assert unknown.stderr == "prstdiff: --formats: unknown format 'pdf'; choose from html,docx\n"
    no_html = run_cli("batch", str(outdir), "--manifest", str(manifest), "--formats", "docx")
    assert no_html.returncode == 2
    assert no_html.stderr == (
        "prstdiff: --formats: the HTML report is always written (the index links to it): "
        "give html or html,docx\n"
    )
    assert not outdir.exists()
