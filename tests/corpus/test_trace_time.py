"""Trace in time: undated documents placed by their numbers, and "earliest" as the chain's start."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import CorpusIndex, open_index
from prstdiff.corpus.trace import trace_document
from prstdiff.model import Status
from prstdiff.parse import load

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"
# S/RES/856 (1993) prints no date the reader finds; 839, 889 (1993) and 2674 (2023) do.
FILES = ("S_RES_839_1993.txt", "S_RES_856_1993.txt", "S_RES_889_1993.txt", "S_RES_2674_2023.txt")
# A made-up undated draft: the opening formula and one operative paragraph of its own.
MADE_UP_DRAFT = "The Security Council,\n\n1. Decides to remain seized of the matter.\n"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("undated")
    for name in FILES:
        shutil.copy2(CORPUS / name, target / name)
    index_corpus(target)
    return target


def test_an_undated_resolution_sorts_by_its_number(folder: Path) -> None:
    with open_index(folder) as index:
        documents = index.documents()
    assert [d.symbol for d in documents] == [
        "S/RES/839 (1993)",
        "S/RES/856 (1993)",
        "S/RES/889 (1993)",
        "S/RES/2674 (2023)",
    ]
    undated = documents[1]
    assert undated.date is None
    # Placed on the date of the resolution numbered just below it, after it by number.
    assert undated.sort_key.startswith(f"{documents[0].date}|00000856|")


def test_an_undated_draft_takes_its_formula_from_the_newest_dated_document(
    folder: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(MADE_UP_DRAFT, encoding="utf-8")
    with open_index(folder) as index:
        trace = trace_document(index, load(draft))
    opening = trace.paragraphs[0]
    assert opening.closest is not None and opening.closest.symbol == "S/RES/2674 (2023)"
    result = CliRunner().invoke(app, ["trace", str(draft), "-c", str(folder)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "Trace of draft.txt (undated: placed by its number, else traced against the whole corpus)"
    )


def test_earliest_is_never_later_than_the_start_of_the_chain(subset_index: CorpusIndex) -> None:
    trace = trace_document(subset_index, load(CORPUS / "S_RES_2674_2023.txt"))
    traced = [p for p in trace.paragraphs if p.chain]
    assert len(traced) == len(trace.paragraphs) - trace.count(Status.NEW)
    for paragraph in traced:
        earliest, start = paragraph.earliest, paragraph.chain[0]
        assert earliest is not None and earliest.date is not None and start.date is not None
        assert earliest.date <= start.date
