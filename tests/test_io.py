"""Atomic writes: a report is either complete or absent."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from prstdiff.errors import OutputError
from prstdiff.io import write_atomic


def test_writes_text_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = write_atomic(tmp_path / "report.html", "<p>é</p>")
    assert target.read_text(encoding="utf-8") == "<p>é</p>"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("old")
    write_atomic(tmp_path / "a.json", b"new")
    assert (tmp_path / "a.json").read_text() == "new"


def test_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "nowhere" / "report.html", "x")
    assert caught.value.message == f"{tmp_path / 'nowhere'}: cannot write: folder does not exist"
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere; checked by mode instead")
def test_read_only_folder_is_an_output_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(OutputError):
            write_atomic(folder / "r.html", "x")
    finally:
        folder.chmod(stat.S_IRWXU)


def test_read_only_file_is_kept_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_text("keep me")
    target.chmod(stat.S_IRUSR)
    with pytest.raises(OutputError) as caught:
        write_atomic(target, "replacement")
    assert caught.value.message == f"{target}: cannot write: file is read-only"
    assert target.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_a_folder_in_the_way_is_an_output_error(tmp_path: Path) -> None:
    (tmp_path / "report.html").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_atomic(tmp_path / "report.html", "x")
