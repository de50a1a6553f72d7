"""Standing wording: the shipped phrase dates, and runs that rest on them."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from prstdiff.align import stemmed_words
from prstdiff.compare import compare
from prstdiff.model import Status
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.stock import render_stock_file, standing_dates, standing_since

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"


def test_shipped_stock_phrases_are_those_the_corpus_holds() -> None:
    stems: dict[str, str] = {}
    documents = []
    for path in sorted(CORPUS.glob("S_*.txt")):
        document = load(path)
        words = [stemmed_words(comparison_key(p.text), stems) for p in document.paragraphs]
        documents.append((document.date, words))
    shipped = (ROOT / "prstdiff" / "data" / "stock_phrases.txt").read_text(encoding="utf-8")
    assert render_stock_file(standing_since(documents)) == shipped


def test_dates_tell_a_series_standing_wording_from_a_renewal_clause() -> None:
    dates = standing_dates()
    # The tenth texts on children and armed conflict to hold them: S/PRST/2013/8 of 17 June 2013,
    # S/RES/2143 (2014) of 7 March 2014, and S/PRST/2017/21 of 31 October 2017.
    assert dates["right and protect of children in arm conflict"] == "2013-06-17"
    assert dates["applic internat law relat to the right and"] == "2014-03-07"
    assert dates["relev provis of applic internat law relat to"] == "2017-10-31"
    # Eight UNFICYP renewals of 2019 to 2023 hold it: never standing.
    assert "the import of confidencebuild measur and their time" not in dates
    assert "the remain howev deepli concern over the lack" not in dates


def test_a_run_of_standing_wording_pairs_nothing() -> None:
    # S/PRST/2017/21 para 8 and S/RES/2427 (2018) OP 32 share 'applicable international law
    # relating to the rights and protection of children in armed conflict', which eleven and
    # twelve texts of the series held before the statement, and little else (similarity 0.31).
    old = load(CORPUS / "S_PRST_2017_21.txt")
    new = load(CORPUS / "S_RES_2427_2018.txt")
    assert old.paragraphs[7].text.startswith("The Security Council remains however deeply")
    assert new.paragraphs[54].text.startswith("Reiterates the Security Council")
    unit = next(p for p in compare(old, new).pairs if 7 in p.old)
    assert (unit.status, unit.new) == (Status.DROPPED, ())
    for evidence in (
        compare(old, new, CompareOptions(standing_wording=False)),
        # Undated texts: nothing says which wording stood before them.
        compare(dataclasses.replace(old, date=None), new),
    ):
        unit = next(p for p in evidence.pairs if 7 in p.old)
        assert (unit.status, unit.new) == (Status.ALTERED, (54,))
        assert unit.similarity is not None and round(unit.similarity, 2) == 0.31


def test_standing_wording_still_corroborates_a_pair_near_the_threshold() -> None:
    # S/RES/2430 (2018) and S/RES/2453 (2019), the report request: 0.49 similar, and the run
    # that pairs them ('and to keep the Security Council updated on events as necessary') is
    # UNFICYP standing wording. At 0.45 and more (where place alone would pair two paragraphs)
    # the run still counts.
    old = load(CORPUS / "S_RES_2430_2018.txt")
    new = load(CORPUS / "S_RES_2453_2019.txt")
    assert old.paragraphs[41].text.startswith("Requests the Secretary-General to submit a report")
    unit = next(p for p in compare(old, new).pairs if 41 in p.old)
    assert (unit.status, unit.new) == (Status.ALTERED, (49,))
    assert unit.similarity is not None and round(unit.similarity, 2) == 0.49
