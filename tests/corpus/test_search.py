"""Phrase search on the indexed subset, checked against the texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.index import CorpusIndex
from prstdiff.corpus.search import search_phrase

SCHEMAS = Path(__file__).resolve().parent.parent.parent / "prstdiff" / "schemas"


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
    assert all(hit.score == 100.0 and hit.exact for hit in result.hits)


# Each pair of spellings the corpus prints both of: (paragraphs in the documents of 2000 on,
# documents of the whole subset). The 1990s Cyprus texts count as documents only, so a better
# reading of their paragraphs leaves these numbers alone.
SPELLINGS = [
    ("Secretary-General", "secretary general", 849, 211),
    ("SecretaryGeneral", "Secretary General", 849, 211),
    ("ceasefire", "cease fire", 29, 38),
    ("cease-fire", "CEASEFIRE", 29, 38),
    ("confidence-building measures", "confidence building measures", 65, 40),
    ("programme", "program", 13, 11),
    ("organisation", "organization", 14, 12),
    ("labour", "labor", 6, 5),
]


@pytest.mark.parametrize(("one", "other", "paragraphs", "documents"), SPELLINGS)
def test_both_spellings_find_the_same_paragraphs(
    subset_index: CorpusIndex, one: str, other: str, paragraphs: int, documents: int
) -> None:
    first = search_phrase(subset_index, one)
    second = search_phrase(subset_index, other)
    assert [(h.name, h.paragraph) for h in first.hits] == [
        (h.name, h.paragraph) for h in second.hits
    ]
    recent = [h for h in first.hits if h.date is not None and h.date.year >= 2000]
    assert (len(recent), first.document_count) == (paragraphs, documents)


def test_a_phrase_ends_on_word_boundaries(subset_index: CorpusIndex) -> None:
    # "cease" alone is not "ceasefire", though the letters of one start the other.
    cease = search_phrase(subset_index, "cease")
    assert all("cease" in hit.text[hit.span[0] : hit.span[1]].casefold() for hit in cease.hits)
    assert not any(
        hit.text[hit.span[0] : hit.span[1]].casefold().replace("-", "") == "ceasefire"
        for hit in cease.hits
    )


def test_the_match_is_located_in_the_display_text(subset_index: CorpusIndex) -> None:
    result = search_phrase(subset_index, "secretary general")
    shown = {hit.text[hit.span[0] : hit.span[1]] for hit in result.hits}
    assert "Secretary-General" in shown
    assert all(text.replace("-", " ").casefold().split() for text in shown)


def test_fuzzy_search_finds_the_renewals_with_other_dates(subset_index: CorpusIndex) -> None:
    phrase = "decides to extend its mandate for a further period ending 31 July 2016"
    exact = search_phrase(subset_index, phrase)
    assert [(h.symbol, h.number) for h in exact.hits] == [("S/RES/2263 (2016)", "7")]
    near = search_phrase(subset_index, phrase, fuzzy=True)
    found = {(h.symbol, h.number): h.score for h in near.hits}
    assert found[("S/RES/2263 (2016)", "7")] == 100.0
    # 2300 (2016) OP8 "... ending 31 January 2017": one date away, and it says which words miss.
    assert found[("S/RES/2300 (2016)", "8")] == 77.8
    by_place = {(h.symbol, h.number): h for h in near.hits}
    assert by_place[("S/RES/2300 (2016)", "8")].missing == ("july", "2016")
    assert by_place[("S/RES/2300 (2016)", "8")].matched[-1] == "31"
    assert ("S/RES/2674 (2023)", "10") in found
    assert len(near.hits) == 26
    assert all(h.exact or h.missing or h.score == 100.0 for h in near.hits)


def test_fuzzy_women_peace_and_security_starts_in_this_century(
    subset_index: CorpusIndex,
) -> None:
    result = search_phrase(subset_index, "women, peace and security", fuzzy=True)
    assert result.content == ("women", "peace", "security")
    near = {(h.symbol, h.paragraph): h for h in result.hits if not h.exact}
    # 1889 (2009) prints "women and peace and security": every content word, in order.
    assert near[("S/RES/1889 (2009)", 16)].score == 100.0
    assert near[("S/RES/1889 (2009)", 16)].missing == ()
    dates = [h.date for h in result.hits if h.date is not None]
    assert min(dates).year == 2002
    assert result.first is not None and result.first.symbol == "S/PRST/2002/41"
    assert (len(result.hits), sum(h.exact for h in result.hits)) == (64, 55)


def test_a_near_match_missing_a_content_word_says_so(subset_index: CorpusIndex) -> None:
    # Four of five content words pass the 75% share; the fifth is named as missing.
    result = search_phrase(subset_index, "women peace security agenda implementation", fuzzy=True)
    assert len(result.hits) == 21
    assert all(len(hit.missing) == 1 for hit in result.hits)
    for hit in result.hits:
        assert len(hit.matched) + len(hit.missing) == len(result.content)
        assert hit.score == round(100 * len(hit.matched) / len(result.content), 1)


def test_cli_search_exits_1_when_nothing_is_found(
    subset_folder: Path, subset_report: object
) -> None:
    runner = CliRunner()
    found = runner.invoke(
        app, ["search", "Peacekeeping Force in Cyprus", "--corpus", str(subset_folder)]
    )
    assert found.exit_code == 0, found.output
    assert "first appearance: S/RES/186 (1964) ¶9 OP 4 (4 March 1964)" in found.output
    assert "»Peace-keeping Force in Cyprus«" in found.output
    missing = runner.invoke(
        app,
        ["search", "no such words stand anywhere", "--corpus", str(subset_folder), "-f", "json"],
    )
    assert missing.exit_code == 1
    assert json.loads(missing.output)["hits"] == []


def test_cli_search_fits_the_width_writes_a_file_and_validates(
    subset_folder: Path, subset_report: object, tmp_path: Path
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    runner = CliRunner()
    narrow = runner.invoke(
        app, ["search", "cease-fire", "--corpus", str(subset_folder), "--width", "50"]
    )
    assert narrow.exit_code == 0, narrow.output
    context_lines = [line for line in narrow.output.splitlines() if line.startswith("    ")]
    assert context_lines and all(len(line) <= 50 for line in context_lines)
    out = tmp_path / "found.json"
    written = runner.invoke(
        app,
        [
            "search",
            "women, peace and security",
            "--fuzzy",
            "--corpus",
            str(subset_folder),
            "-o",
            str(out),
        ],
    )
    assert written.exit_code == 0, written.output
    assert written.output == ""
    data = json.loads(out.read_text("utf-8"))
    schema = json.loads((SCHEMAS / "search.schema.json").read_text("utf-8"))
    jsonschema.validate(data, schema)
    assert data["content_words"] == ["women", "peace", "security"]
    near = [h for h in data["hits"] if not h["exact"]]
    assert near and all(h["context"]["text"] for h in near)
