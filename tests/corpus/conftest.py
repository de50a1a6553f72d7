"""Shared fixtures: a temporary copy of part of the real corpus, indexed once per session.

The subset is every statement, every resolution of 2000-2023 and every resolution that names
Cyprus (214 files, 1960-2023): enough for the checked traces, small enough to index in seconds.
Tests never write into ``corpus/``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import CorpusIndex, IndexReport, open_index

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


def subset_names() -> list[str]:
    """File names of the indexed subset."""
    names = []
    for path in sorted(CORPUS.glob("S_*.txt")):
        year = int(path.stem.rsplit("_", 1)[-1]) if path.stem.startswith("S_RES") else 2000
        text = path.read_text(encoding="utf-8")
        if year >= 2000 or "Cyprus" in text:
            names.append(path.name)
    return names


@pytest.fixture(scope="session")
def subset_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A temporary folder holding copies of the subset's files."""
    folder = tmp_path_factory.mktemp("corpus")
    for name in subset_names():
        shutil.copy2(CORPUS / name, folder / name)
    return folder


@pytest.fixture(scope="session")
def subset_report(subset_folder: Path) -> IndexReport:
    """The report of indexing the subset (index beside it, in the temporary folder)."""
    return index_corpus(subset_folder)


@pytest.fixture()
def subset_index(subset_folder: Path, subset_report: IndexReport) -> Iterator[CorpusIndex]:
    """The subset's index, open."""
    with open_index(subset_folder) as index:
        yield index


GOLDEN = Path(__file__).resolve().parent / "golden"
REGIONAL = (
    "S_PRST_2004_27.txt",
    "S_PRST_2006_39.txt",
    "S_PRST_2007_7.txt",
    "S_PRST_2007_42.txt",
    "S_PRST_2009_3.txt",
    "S_PRST_2010_1.txt",
    "S_PRST_2013_12.txt",
)


@pytest.fixture(scope="session")
def regional_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The regional-organizations statements of 2004-2013, copied and indexed."""
    folder = tmp_path_factory.mktemp("regional")
    for name in REGIONAL:
        shutil.copy2(CORPUS / name, folder / name)
    index_corpus(folder)
    return folder
