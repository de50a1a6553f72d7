"""Standing wording: the shipped phrase counts, and runs that rest on them."""

from __future__ import annotations

from pathlib import Path

from prstdiff.align import stemmed_words
from prstdiff.compare import compare
from prstdiff.model import Status
from prstdiff.normalize import comparison_key
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.stock import render_stock_file, standing_phrases, stock_counts

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_shipped_stock_phrases_are_those_the_corpus_holds() -> None:
    stems: dict[str, str] = {}
    documents = (
        [stemmed_words(comparison_key(p.text), stems) for p in load(path).paragraphs]
        for path in sorted(CORPUS.glob("S_*.txt"))
    )
    shipped = Path(__file__).resolve().parent.parent / "prstdiff/data/stock_phrases.txt"
    assert render_stock_file(standing_phrases(documents)) == shipped.read_text(encoding="utf-8")


def test_counts_tell_a_series_standing_wording_from_a_renewal_clause() -> None:
    counts = stock_counts()
    # Fifteen texts on children and armed conflict, 2000 to 2021, statements and resolutions.
    assert counts["right and protect of children in arm conflict"] == 15
    assert counts["relev provis of applic internat law relat to"] == 11
    # The UNFICYP renewals of 2019 to 2023.
    assert counts["the import of confidencebuild measur and their time"] == 8
    assert (
        counts["the import of confidencebuild measur and their time"]
        < CompareOptions().stock_documents
    )
    assert "the remain howev deepli concern over the lack" not in counts


def test_a_run_of_standing_wording_pairs_nothing() -> None:
    # S/PRST/2017/21 para 8 and S/RES/2427 (2018) OP 32 share 'applicable international law
    # relating to the rights and protection of children in armed conflict', which fourteen
    # documents of the series hold, and little else (similarity 0.31).
    old = load(CORPUS / "S_PRST_2017_21.txt")
    new = load(CORPUS / "S_RES_2427_2018.txt")
    assert old.paragraphs[7].text.startswith("The Security Council remains however deeply")
    assert new.paragraphs[54].text.startswith("Reiterates the Security Council")
    unit = next(p for p in compare(old, new).pairs if 7 in p.old)
    assert (unit.status, unit.new) == (Status.DROPPED, ())
    without = compare(old, new, CompareOptions(stock_documents=0))
    unit = next(p for p in without.pairs if 7 in p.old)
    assert (unit.status, unit.new) == (Status.ALTERED, (54,))
    assert unit.similarity is not None and round(unit.similarity, 2) == 0.31
