"""The index under damage, concurrent use and a full disk: one line, a wait, or a rebuild."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from prstdiff.corpus import index as index_module
from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import update_lock
from prstdiff.errors import IndexFileError

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
SMALL = ("S_PRST_2010_1.txt", "S_PRST_2013_12.txt", "S_RES_2561_2021.txt")


def small_corpus(folder: Path) -> Path:
    folder.mkdir()
    for name in SMALL:
        shutil.copy2(CORPUS / name, folder / name)
    return folder


def prstdiff(*args: str | Path, timeout: float = 120) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "prstdiff", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("offset", [4096, 8192])
def test_a_damaged_index_is_rebuilt_and_then_serves_trace(tmp_path: Path, offset: int) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    db = tmp_path / "index.sqlite"
    index_corpus(corpus, db=db)
    data = bytearray(db.read_bytes())
    for position in range(offset, offset + 50):
        data[position] ^= 0xFF
    db.write_bytes(bytes(data))
    report = index_corpus(corpus, db=db)
    assert report.rebuilt is not None
    assert report.rebuilt.startswith("the index file was damaged (")
    assert "\n" not in report.rebuilt
    assert (report.documents, report.read) == (3, 3)
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    job = prstdiff("trace", CORPUS / "S_PRST_2013_12.txt", "--corpus", corpus, "--db", db)
    out, err = job.communicate(timeout=120)
    assert job.returncode in (0, 1), err
    assert "S/PRST/2010/1" in out


def test_a_second_update_waits_for_the_first_and_says_so(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    db = tmp_path / "index.sqlite"
    index_corpus(corpus, db=db)
    with update_lock(db):
        job = prstdiff("index", corpus, "--db", db)
        assert job.stderr is not None
        said = job.stderr.readline()  # blocks until the second update reports its wait
        assert said == f"prstdiff: waiting for another prstdiff to finish updating {db}\n"
        time.sleep(0.5)
        assert job.poll() is None, "the second update did not wait"
    out, err = job.communicate(timeout=120)
    assert job.returncode == 0, err
    assert err == ""
    assert "3 documents" in out


def test_a_full_disk_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    db = tmp_path / "index.sqlite"
    opened = index_module.CorpusIndex.open

    def tiny(path: str | Path, **kwargs: object) -> index_module.CorpusIndex:
        index = opened(path, **kwargs)  # type: ignore[arg-type]
        # The database may grow no further than what it holds now: as on a full disk.
        index._db.execute("PRAGMA max_page_count = 40")
        return index

    monkeypatch.setattr(index_module.CorpusIndex, "open", tiny)
    with pytest.raises(IndexFileError) as caught:
        index_corpus(corpus, db=db)
    assert caught.value.message == f"{db}: cannot write the index: the disk is full"


def test_a_foreign_file_named_as_the_index_is_never_deleted(tmp_path: Path) -> None:
    corpus = small_corpus(tmp_path / "corpus")
    db = tmp_path / "notes.sqlite"
    db.write_bytes(b"SQLite format 3\x00" + bytes(84) + b"my notes" * 600)
    with pytest.raises(IndexFileError, match="not a prstdiff index"):
        index_corpus(corpus, db=db)
    assert db.read_bytes().endswith(b"my notes")
