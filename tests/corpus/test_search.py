"""Phrase search on the indexed subset, checked against the texts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.index import CorpusIndex
from prstdiff.corpus.search import search_phrase


def test_a_phrase_is_found_oldest_first_with_its_first_appearance(
    subset_index: CorpusIndex,
) -> None:
    # 186 (1964) OP4 recommends "the creation ... of a United Nations Peace-keeping Force in
    # Cyprus"; the spelling without the hyphen (2016 on) folds to the same words.
    result = search_phrase(subset_index, "Peacekeeping Force in Cyprus")
    assert result.first is not None
    assert (result.first.symbol, result.first.number) == ("S/RES/186 (1964)", "4")
    dates = [hit.date for hit in result.hits]
    assert all(d is not None for d in dates) and dates == sorted(dates)  # type: ignore[type-var]
    symbols = {hit.symbol for hit in result.hits}
    assert {"S/RES/889 (1993)", "S/RES/2263 (2016)", "S/RES/2674 (2023)"} <= symbols
    assert all(hit.score == 100.0 for hit in result.hits)


def test_fuzzy_search_finds_the_renewals_with_other_dates(subset_index: CorpusIndex) -> None:
    phrase = "decides to extend its mandate for a further period ending 31 July 2016"
    exact = search_phrase(subset_index, phrase)
    assert [(h.symbol, h.number) for h in exact.hits] == [("S/RES/2263 (2016)", "7")]
    near = search_phrase(subset_index, phrase, fuzzy=True)
    found = {(h.symbol, h.number): h.score for h in near.hits}
    assert found[("S/RES/2263 (2016)", "7")] == 100.0
    # 2300 (2016) OP8 "... ending 31 January 2017": one date away.
    assert 90.0 <= found[("S/RES/2300 (2016)", "8")] < 100.0
    assert ("S/RES/2674 (2023)", "10") in found
    # 29 renewals from 1642 (2005), the first to word it so, to 2674 (2023).
    assert ("S/RES/1642 (2005)", "2") in found
    assert len(near.hits) == 29
    assert min(h.date for h in near.hits if h.date) == dt.date(2005, 12, 14)


def test_cli_search_exits_1_when_nothing_is_found(
    subset_folder: Path, subset_report: object
) -> None:
    runner = CliRunner()
    found = runner.invoke(
        app, ["search", "Peacekeeping Force in Cyprus", "--corpus", str(subset_folder)]
    )
    assert found.exit_code == 0, found.output
    assert "first appearance: S/RES/186 (1964) ¶9 OP 4 (4 March 1964)" in found.output
    missing = runner.invoke(
        app,
        ["search", "no such words stand anywhere", "--corpus", str(subset_folder), "-f", "json"],
    )
    assert missing.exit_code == 1
    assert json.loads(missing.output)["hits"] == []
