"""The corpus index: incremental by content, versioned, and refusing files that are not ours."""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import (
    INDEX_FILE_NAME,
    SCHEMA_VERSION,
    IndexReport,
    open_index,
)
from prstdiff.errors import IndexFileError

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
SMALL = ("S_PRST_2009_3.txt", "S_PRST_2010_1.txt", "S_PRST_2013_12.txt", "S_RES_192_1964.txt")


def small_corpus(folder: Path) -> Path:
    for name in SMALL:
        shutil.copy2(CORPUS / name, folder / name)
    return folder


def test_the_subset_indexes_every_file(subset_report: IndexReport, subset_folder: Path) -> None:
    files = len(list(subset_folder.glob("*.txt")))
    assert subset_report.documents == files
    assert subset_report.read == files
    assert subset_report.skipped == ()
    assert subset_report.traced == files
    assert Path(subset_report.path) == subset_folder / INDEX_FILE_NAME


def test_a_second_run_reads_only_what_changed(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    first = index_corpus(folder)
    assert (first.documents, first.read, first.unchanged) == (4, 4, 0)

    again = index_corpus(folder)
    assert (again.read, again.unchanged, again.traced) == (0, 4, 0)

    # Touched (new time, same bytes): hashed, found unchanged, not read.
    touched = folder / "S_PRST_2009_3.txt"
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    # Changed: one paragraph edited (a made-up change to a temporary copy).
    changed = folder / "S_PRST_2013_12.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("7015th meeting", "7016th meeting"),
        encoding="utf-8",
    )
    third = index_corpus(folder)
    assert (third.read, third.unchanged, third.removed) == (1, 3, 0)
    # Lineage is redone from the changed document on: 2013/12 is the latest of the four.
    assert third.traced == 1

    (folder / "S_RES_192_1964.txt").unlink()
    fourth = index_corpus(folder)
    assert (fourth.documents, fourth.read, fourth.removed) == (3, 0, 1)
    # 192 (1964) was the earliest: every later document's lineage is redone.
    assert fourth.traced == 3


def test_unreadable_files_are_skipped_with_their_reason(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.pdf").write_bytes(b"\x00\x01\x02 not a pdf " * 50)
    report = index_corpus(folder)
    assert report.documents == 4
    assert sorted(Path(s.path).name for s in report.skipped) == ["binary.pdf", "empty.txt"]
    assert all(s.reason for s in report.skipped)
    # Still skipped, and still reported, on the next run, without reading them again.
    again = index_corpus(folder)
    assert (again.read, len(again.skipped)) == (0, 2)


def test_a_corrupt_file_is_refused_with_a_clear_error(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    db = tmp_path / "broken.sqlite"
    db.write_bytes(b"this is not a database, just some bytes\n" * 100)
    with pytest.raises(IndexFileError, match="not a prstdiff index") as caught:
        index_corpus(folder, db=db)
    assert str(db) in caught.value.message
    assert "\n" not in caught.value.message


def test_a_foreign_sqlite_database_is_refused(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    db = tmp_path / "other.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE accounts (name TEXT, balance REAL)")
        connection.execute("INSERT INTO accounts VALUES ('a', 1.0)")
    with pytest.raises(IndexFileError, match="another application"):
        index_corpus(folder, db=db)
    with sqlite3.connect(db) as connection:  # and left as it was
        assert connection.execute("SELECT COUNT(*) FROM accounts").fetchone()[0] == 1


def test_an_index_of_another_schema_version_is_rebuilt(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    db = tmp_path / "index.sqlite"
    index_corpus(folder, db=db)
    with sqlite3.connect(db) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    report = index_corpus(folder, db=db)
    assert report.rebuilt is not None and "schema version" in report.rebuilt
    assert (report.documents, report.read) == (4, 4)
    with open_index(db=db) as index:
        assert index.document_count() == 4


def test_cli_index_reports_counts_and_skipped_files(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    runner = CliRunner()
    first = runner.invoke(app, ["index", str(folder)])
    assert first.exit_code == 0, first.output
    # Five files read (the empty one too), four of them documents.
    assert "4 documents; read 5 new or changed files, 0 unchanged" in first.output
    assert "skipped " in first.output and "empty.txt" in first.output
    second = runner.invoke(app, ["index", str(folder)])
    assert "read 0 new or changed files, 4 unchanged" in second.output


def test_cli_index_with_a_corrupt_db_exits_2_with_one_line(tmp_path: Path) -> None:
    folder = small_corpus(tmp_path)
    db = tmp_path / "broken.sqlite"
    db.write_bytes(b"garbage" * 200)
    result = CliRunner().invoke(app, ["index", str(folder), "--db", str(db)])
    assert result.exit_code == 2
    assert "not a prstdiff index" in result.output
    assert "Traceback" not in result.output
