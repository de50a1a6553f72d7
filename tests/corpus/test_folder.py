"""Reading a corpus folder: readable documents are read, the others skipped with their reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from prstdiff.corpus.folder import load_folder
from prstdiff.errors import InputError

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


def test_a_folder_with_bad_files_reads_the_rest_and_says_why(tmp_path: Path) -> None:
    for name in ("S_RES_186_1964.txt", "S_PRST_2010_1.txt"):
        shutil.copy2(CORPUS / name, tmp_path / name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "no-such-file.txt")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")

    loaded = load_folder(tmp_path)

    assert [d.symbol for d in loaded.documents] == ["S/PRST/2010/1", "S/RES/186 (1964)"]
    reasons = {Path(s.path).name: s.reason for s in loaded.skipped}
    assert set(reasons) == {"binary.txt", "empty.txt", "gone.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert reasons["gone.txt"]  # the reader's or the system's words for a missing file


def test_a_missing_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such folder"):
        load_folder(tmp_path / "nowhere")
