"""Manifests: CSV and TOML rows of old,new[,name], paths relative to the manifest, exact errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from prstdiff.batch import ManifestEntry, read_manifest
from prstdiff.errors import ManifestError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_with_header_comments_blank_lines_and_names(tmp_path: Path) -> None:
    manifest = write(
        tmp_path / "jobs.csv",
        "# renewals of 2016\n"
        "old,new,name\n"
        "\n"
        "a/S_RES_2263_2016.txt, a/S_RES_2300_2016.txt ,first renewal\n"
        '"b/with, comma.txt",/abs/new.txt\n',
    )
    assert read_manifest(manifest) == (
        ManifestEntry(
            old=tmp_path / "a/S_RES_2263_2016.txt",
            new=tmp_path / "a/S_RES_2300_2016.txt",
            name="first renewal",
            line=4,
        ),
        ManifestEntry(
            old=tmp_path / "b/with, comma.txt", new=Path("/abs/new.txt"), name=None, line=5
        ),
    )


def test_csv_without_header_and_with_columns_in_another_order(tmp_path: Path) -> None:
    plain = write(tmp_path / "plain.csv", "x.txt,y.txt\n")
    assert read_manifest(plain) == (ManifestEntry(tmp_path / "x.txt", tmp_path / "y.txt", None, 1),)
    reordered = write(tmp_path / "reordered.csv", "name,new,old\npair one,y.txt,x.txt\n")
    assert read_manifest(reordered) == (
        ManifestEntry(tmp_path / "x.txt", tmp_path / "y.txt", "pair one", 2),
    )


def test_toml_pairs_with_line_numbers(tmp_path: Path) -> None:
    manifest = write(
        tmp_path / "jobs.toml",
        '[[pair]]\nold = "x.txt"\nnew = "y.txt"\n\n[[pair]]\nold = "y.txt"\nnew = "z.txt"\n'
        'name = "second"\n',
    )
    assert read_manifest(manifest) == (
        ManifestEntry(tmp_path / "x.txt", tmp_path / "y.txt", None, 1),
        ManifestEntry(tmp_path / "y.txt", tmp_path / "z.txt", "second", 5),
    )


@pytest.mark.parametrize(
    ("file_name", "text", "message"),
    [
        ("m.csv", "old,new\nx.txt\n", "line 2: expected old,new[,name], found 1 field"),
        ("m.csv", "x.txt,y.txt\nx,y,z,w\n", "line 2: expected old,new[,name], found 4 fields"),
        ("m.csv", "x.txt,y.txt\n,y.txt,name\n", "line 2: missing 'old' document"),
        ("m.csv", "old,new,colour\n", "line 1: header must name old, new and optionally name"),
        ("m.csv", "# nothing\n\n", "manifest names no pairs"),
        ("m.toml", '[[pair]]\nold = "x.txt"\n', "line 1: missing 'new' document"),
        ("m.toml", '[[pair]]\nold = "x"\nnew = "y"\ncolour = "red"\n', "line 1: unknown key"),
        ("m.toml", '[[pairs]]\nold = "x"\nnew = "y"\n', "unknown key 'pairs'"),
        ("m.toml", "[[pair]]\nold = 3\nnew = 'y'\n", "line 1: 'old' must be a string"),
        ("m.toml", "[[pair]\n", "not valid TOML"),
    ],
)
def test_bad_manifests_name_the_file_and_line(
    tmp_path: Path, file_name: str, text: str, message: str
) -> None:
    manifest = write(tmp_path / file_name, text)
    with pytest.raises(ManifestError) as caught:
        read_manifest(manifest)
    assert caught.value.path == str(manifest)
    assert caught.value.problem.startswith(message)
    assert "\n" not in caught.value.message


def test_unreadable_manifests(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="no such file"):
        read_manifest(tmp_path / "absent.csv")
    with pytest.raises(ManifestError, match="is a folder"):
        read_manifest(tmp_path)
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"x.txt,\x00\x01y.txt\n")
    with pytest.raises(ManifestError, match="binary file"):
        read_manifest(binary)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("é.txt,y.txt\n".encode("latin-1"))
    with pytest.raises(ManifestError, match="not UTF-8"):
        read_manifest(latin)
