"""The job's summaries and index page from records: escaping, failed rows, heat map, leftovers."""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

from prstdiff.batch.outputs import prepare_outdir, summary_csv
from prstdiff.batch.record import (
    DocumentInfo,
    JobSummary,
    PairRecord,
    PairState,
    record_from_dict,
    record_to_dict,
)
from prstdiff.model import Stats
from prstdiff.render.batch import heat_map, render


def madeup_record(name: str, old: str, new: str, reused: int, altered: int) -> PairRecord:
    """A made-up done pair whose later document has 100 words."""
    stats = Stats(
        reused=reused // 10,
        altered=altered // 10,
        new=1,
        dropped=0,
        moved=0,
        split=0,
        merged=0,
        new_words=100,
        old_words=90,
        words_reused=reused,
        words_altered=altered,
        words_new=100 - reused - altered,
        words_dropped=0,
    )
    return PairRecord(
        name=name,
        state=PairState.DONE,
        old=DocumentInfo(path=f"{old}.txt", symbol=old, date=f"20{old[-2:]}-01-01", sha256="a"),
        new=DocumentInfo(path=f"{new}.txt", symbol=new, date=f"20{new[-2:]}-01-01", sha256="b"),
        stats=stats,
        html=f"pairs/{name}.html",
        json=f"pairs/{name}.json",
        error=None,
    )


def madeup_failure(error: str) -> PairRecord:
    return PairRecord(
        name="madeup_failed",
        state=PairState.FAILED,
        old=DocumentInfo(path="madeup <b>old</b>.txt", symbol=None, date=None, sha256=None),
        new=DocumentInfo(path="madeup_new.txt", symbol=None, date=None, sha256=None),
        stats=None,
        html=None,
        json=None,
        error=error,
    )


def test_index_escapes_every_text_it_shows() -> None:
    hostile = '<script>alert("x")</script>'
    page = render(JobSummary((madeup_failure(f"madeup <b>old</b>.txt: {hostile}"),), ()))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "<b>old</b>" not in page
    assert "madeup &lt;b&gt;old&lt;/b&gt;.txt" in page


def test_summary_csv_rows_of_done_and_failed_pairs() -> None:
    records = [
        madeup_record("madeup_a", "S/X/01", "S/X/02", reused=50, altered=25),
        madeup_failure("madeup_old.txt: no such file"),
    ]
    rows = list(csv.reader(io.StringIO(summary_csv(records))))
    assert rows[1][:12] == [
        "madeup_a",
        "done",
        "S/X/01.txt",
        "S/X/01",
        "2001-01-01",
        "S/X/02.txt",
        "S/X/02",
        "2002-01-01",
        "0.5000",
        "0.2500",
        "0.2500",
        "0.7500",
    ]
    assert rows[2][:2] == ["madeup_failed", "failed"]
    assert rows[2][8:30] == [""] * 22
    assert rows[2][30] == "madeup_old.txt: no such file"
    assert all(len(row) == len(rows[0]) for row in rows)


def test_heat_map_places_each_pair_by_date_and_shades_by_carried_share() -> None:
    records = [
        madeup_record("madeup_b", "S/X/02", "S/X/03", reused=100, altered=0),
        madeup_record("madeup_a", "S/X/01", "S/X/02", reused=0, altered=0),
        madeup_record("madeup_c", "S/X/01", "S/X/03", reused=25, altered=25),
    ]
    drawing = heat_map(records)
    assert [label.text for label in drawing.rows] == ["S/X/01", "S/X/02", "S/X/03"]
    cell = drawing.cell
    by_name = {c.href: c for c in drawing.cells}
    full = by_name["pairs/madeup_b.html"]
    assert (full.x, full.y, full.color) == (drawing.left + cell, drawing.top + 2 * cell, "#08306b")
    empty = by_name["pairs/madeup_a.html"]
    assert (empty.x, empty.y, empty.color) == (drawing.left, drawing.top + cell, "#eff3ff")
    half = by_name["pairs/madeup_c.html"]
    assert half.color == "#7c92b5"
    assert half.label == "S/X/01 → S/X/03: 50% carried"


def test_stale_temporary_files_of_a_killed_job_are_cleared(tmp_path: Path) -> None:
    pairs = tmp_path / "pairs"
    pairs.mkdir()
    (pairs / ".madeup.html.abc123.tmp").write_text("half a report")
    (tmp_path / ".summary.csv.x1y2.tmp").write_text("half a table")
    (tmp_path / ".notes.tmp").write_text("someone else's")
    prepare_outdir(tmp_path)
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [".notes.tmp"]


def test_summary_has_a_column_per_notable_kind() -> None:
    record = dataclasses.replace(
        madeup_record("madeup_a", "S/X/01", "S/X/02", reused=50, altered=25),
        notable={
            "formula": 2,
            "qualifier": 0,
            "negation": 1,
            "date": 3,
            "number": 0,
            "citation": 4,
            "charter": 1,
        },
    )
    old_record = madeup_record("madeup_b", "S/X/02", "S/X/03", reused=50, altered=25)
    rows = list(csv.DictReader(io.StringIO(summary_csv([record, old_record]))))
    counts = {key: value for key, value in rows[0].items() if key.startswith("notable_")}
    assert counts == {
        "notable_formula": "2",
        "notable_qualifier": "0",
        "notable_negation": "1",
        "notable_date": "3",
        "notable_number": "0",
        "notable_citation": "4",
        "notable_charter": "1",
    }
    assert {rows[1][key] for key in counts} == {""}  # recorded without notable edits
    page = render(JobSummary((record, old_record), ()))
    assert '<td class="num notable-count" data-value="4">4</td>' in page
    assert page.count('class="num notable-count" data-value="-1"') == 7
    assert record_from_dict(record_to_dict(record)) == record
