"""Trace on real documents, checked by reading them (see the notes on each test)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import CorpusIndex, open_index
from prstdiff.corpus.trace import ParagraphTrace, Trace, trace_corpus, trace_document
from prstdiff.model import Document, Status
from prstdiff.parse import load
from prstdiff.render import RenderOptions
from prstdiff.render.trace import render_html, render_json, render_text, trace_to_dict

ROOT = Path(__file__).resolve().parent.parent.parent
SCHEMAS = ROOT / "prstdiff" / "schemas"


def trace_of(index: CorpusIndex, folder: Path, name: str) -> Trace:
    return trace_document(index, load(folder / name))


def operative(document: Document, number: str) -> int:
    return next(p.index for p in document.paragraphs if p.number == number)


def starting(document: Document, words: str) -> int:
    return next(p.index for p in document.paragraphs if p.text.startswith(words))


def links(item: ParagraphTrace) -> list[tuple[str | None, str | None]]:
    return [(link.symbol, link.number) for link in item.chain]


def test_prst_2013_12_carries_paragraphs_of_prst_2010_1(
    subset_index: CorpusIndex, subset_folder: Path
) -> None:
    # Read side by side: 2013/12 repeats 2010/1's second paragraph word for word, and carries
    # its introduction (other meeting and date), its paragraphs on operational cooperation
    # ("... closer and more operational cooperation, as appropriate, ..."), on peacekeeping
    # capacity (one sentence kept, the next dropped), on peacebuilding ("and arrangements"
    # added), on thematic resolutions (rewritten around the same words) and on
    # information-sharing ("and arrangements", "as appropriate" added).
    trace = trace_of(subset_index, subset_folder, "S_PRST_2013_12.txt")
    doc = trace.document
    from_2010 = {
        p.index: (p.status, p.closest.paragraph, p.closest.similarity)
        for p in trace.paragraphs
        if p.closest is not None and p.closest.symbol == "S/PRST/2010/1"
    }
    expected = {
        starting(doc, "At the 7015th meeting"): (Status.ALTERED, 0),
        starting(doc, "The Security Council recalls its previous relevant"): (Status.REUSED, 1),
        starting(doc, "The Security Council expresses its intention to consider"): (
            Status.ALTERED,
            3,
        ),
        starting(doc, "The Security Council invites the Secretariat"): (Status.ALTERED, 6),
        starting(doc, "The Security Council recognizes the role that regional"): (
            Status.ALTERED,
            7,
        ),
        starting(doc, "The Security Council recognizes the need for close"): (Status.ALTERED, 8),
        starting(doc, "The Security Council encourages the Secretariat and regional"): (
            Status.ALTERED,
            9,
        ),
    }
    assert {i: v[:2] for i, v in from_2010.items()} == expected
    reused = from_2010[starting(doc, "The Security Council recalls its previous relevant")]
    assert reused[2] == 1.0
    operational = from_2010[starting(doc, "The Security Council expresses its intention")]
    assert operational[2] == pytest.approx(0.988, abs=0.01)
    # The opening paragraph's chain of altered openings runs back to the subset's first
    # statement, 1998/18, which is also the oldest opening similar enough to this one: where the
    # language first appears is the chain's start.
    opening = trace.paragraphs[starting(doc, "At the 7015th meeting")]
    assert opening.earliest is not None and opening.earliest.symbol == "S/PRST/1998/18"
    start = opening.chain[0]
    assert (opening.earliest.symbol, opening.earliest.paragraph) == (start.symbol, start.paragraph)


def test_resolution_1888_op1_is_altered_from_1820_op1(
    subset_index: CorpusIndex, subset_folder: Path
) -> None:
    # 1820 OP1 "Stresses that sexual violence, when used or commissioned as a tactic of war ..."
    # returns in 1888 OP1 as "Reaffirms that sexual violence ..." with "to take, where
    # necessary, appropriate steps" and "in situations of armed conflict" added.
    trace = trace_of(subset_index, subset_folder, "S_RES_1888_2009.txt")
    item = trace.paragraphs[operative(trace.document, "1")]
    assert item.status is Status.ALTERED
    assert item.closest is not None and item.earliest is not None
    assert (item.closest.symbol, item.closest.number) == ("S/RES/1820 (2008)", "1")
    assert (item.earliest.symbol, item.earliest.number) == ("S/RES/1820 (2008)", "1")
    assert item.closest.similarity == pytest.approx(0.946, abs=0.01)
    assert links(item) == [("S/RES/1820 (2008)", "1")]
    # 1888 OP21 repeats 1820 OP7 (zero tolerance of sexual exploitation) word for word.
    carried = trace.paragraphs[operative(trace.document, "21")]
    assert carried.status is Status.REUSED
    assert carried.closest is not None
    assert (carried.closest.symbol, carried.closest.number) == ("S/RES/1820 (2008)", "7")
    # 1888 OP4 (appointing a Special Representative) is language of its own.
    assert trace.paragraphs[operative(trace.document, "4")].status is Status.NEW


def test_unficyp_extension_traced_back_to_its_earliest_form(
    subset_index: CorpusIndex, subset_folder: Path
) -> None:
    # 889 (1993) OP1 "Extends once more the stationing in Cyprus of the United Nations
    # Peace-keeping Force established under resolution 186 (1964) for a further period ending on
    # 15 June 1994" descends from the first extension, 192 (1964) OP4 "Extends the stationing in
    # Cyprus of the United Nations Peace-keeping Force, established under Security Council
    # resolution 186 (1964), for an additional period of three months, ending 26 September 1964."
    trace = trace_of(subset_index, subset_folder, "S_RES_889_1993.txt")
    item = trace.paragraphs[operative(trace.document, "1")]
    assert item.status is Status.ALTERED
    assert item.earliest is not None and item.closest is not None
    assert (item.earliest.symbol, item.earliest.number) == ("S/RES/192 (1964)", "4")
    assert (item.closest.symbol, item.closest.number) == ("S/RES/796 (1992)", "1")
    chain = links(item)
    assert chain[0] == ("S/RES/192 (1964)", "4")
    assert chain[-1] == ("S/RES/796 (1992)", "1")
    assert ("S/RES/430 (1978)", "1") in chain  # where "once more ... established under" began
    dates = [link.date for link in item.chain]
    assert dates == sorted(dates) and len(set(dates)) == len(dates)
    # The modern wording ("Expresses its full support for UNFICYP and decides to extend its
    # mandate ...") goes back through every few renewals of 2000-2021 to the 1990s ones.
    modern = trace_of(subset_index, subset_folder, "S_RES_2646_2022.txt")
    extension = modern.paragraphs[operative(modern.document, "10")]
    assert extension.chain[0].date is not None and extension.chain[0].date.year < 2000
    assert [link for link in links(extension) if int(link[0].split("(")[1][:4]) >= 2000] == [
        ("S/RES/1331 (2000)", "2"),
        ("S/RES/1384 (2001)", "2"),
        ("S/RES/1442 (2002)", "2"),
        ("S/RES/1517 (2003)", "2"),
        ("S/RES/1568 (2004)", "3"),
        ("S/RES/1642 (2005)", "2"),
        ("S/RES/1789 (2007)", "5"),
        ("S/RES/1847 (2008)", "6"),
        ("S/RES/1898 (2009)", "6"),
        ("S/RES/1953 (2010)", "5"),
        ("S/RES/1986 (2011)", "7"),
        ("S/RES/2026 (2011)", "7"),
        ("S/RES/2058 (2012)", "7"),
        ("S/RES/2114 (2013)", "7"),
        ("S/RES/2168 (2014)", "7"),
        ("S/RES/2234 (2015)", "7"),
        ("S/RES/2300 (2016)", "8"),
        ("S/RES/2369 (2017)", "8"),
        ("S/RES/2430 (2018)", "11"),
        ("S/RES/2483 (2019)", "8"),
        ("S/RES/2587 (2021)", "10"),
    ]


def test_a_document_outside_the_index_is_traced_against_earlier_dates(
    subset_index: CorpusIndex, subset_folder: Path, tmp_path: Path
) -> None:
    # A made-up draft: 1888 with its first operative paragraph's verb changed.
    text = (subset_folder / "S_RES_1888_2009.txt").read_text(encoding="utf-8")
    draft = tmp_path / "madeup_draft_1888.txt"
    draft.write_text(
        text.replace("Reaffirms that sexual violence", "Stresses that sexual violence")
    )
    trace = trace_document(subset_index, load(draft))
    item = trace.paragraphs[operative(trace.document, "1")]
    assert item.closest is not None and item.closest.symbol == "S/RES/1820 (2008)"
    assert all(
        s.date is not None and trace.document.date and s.date < trace.document.date
        for p in trace.paragraphs
        for s in p.sources
    )


def test_json_follows_the_schema(subset_index: CorpusIndex, subset_folder: Path) -> None:
    trace = trace_of(subset_index, subset_folder, "S_RES_1888_2009.txt")
    data = json.loads(render_json(trace))
    document = json.loads((SCHEMAS / "document.schema.json").read_text("utf-8"))
    schema = json.loads((SCHEMAS / "trace.schema.json").read_text("utf-8"))
    registry = Registry().with_resource(document["$id"], Resource.from_contents(document))
    jsonschema.Draft202012Validator(schema, registry=registry).validate(data)
    assert data == trace_to_dict(trace)
    first = data["paragraphs"][operative(trace.document, "1")]
    assert first["closest"]["symbol"] == "S/RES/1820 (2008)"
    assert first["closest"]["number"] == "1"
    assert data["counts"]["new"] == trace.count(Status.NEW)


def test_text_and_html_name_the_sources(subset_index: CorpusIndex, subset_folder: Path) -> None:
    trace = trace_of(subset_index, subset_folder, "S_RES_1888_2009.txt")
    text = render_text(trace, RenderOptions(width=100))
    assert text.startswith("Trace of S/RES/1888 (2009) (30 September 2009)\n")
    assert "closest:  S/RES/1820 (2008)" in text
    page = render_html(trace)
    assert "<!DOCTYPE html>" in page and "http://" not in page and "https://" not in page
    assert "S/RES/1820 (2008)" in page


def test_html_escapes_document_text(
    subset_index: CorpusIndex, subset_folder: Path, tmp_path: Path
) -> None:
    text = (subset_folder / "S_RES_1888_2009.txt").read_text(encoding="utf-8")
    hostile = tmp_path / "madeup_hostile.txt"
    hostile.write_text(
        text.replace("Reaffirms that sexual violence", "Reaffirms <script>alert(1)</script> that")
    )
    page = render_html(trace_document(subset_index, load(hostile)))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_cli_trace_writes_json_and_exits_1_for_new_language_when_asked(
    subset_folder: Path, subset_report: object, tmp_path: Path
) -> None:
    output = tmp_path / "trace.json"
    result = CliRunner().invoke(
        app,
        [
            "trace",
            str(subset_folder / "S_RES_1888_2009.txt"),
            "--corpus",
            str(subset_folder),
            "--format",
            "json",
            "--output",
            str(output),
            "--exit-code",
        ],
    )
    assert result.exit_code == 1, result.output
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["schema"] == "prstdiff/trace"
    assert data["document"]["symbol"] == "S/RES/1888 (2009)"


def test_cli_trace_of_a_missing_file_exits_2(subset_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["trace", str(tmp_path / "nothing.txt"), "--corpus", str(subset_folder)]
    )
    assert result.exit_code == 2
    assert "nothing.txt" in result.output and "Traceback" not in result.output


def test_a_document_is_never_its_own_source(tmp_path: Path) -> None:
    # Alone in its corpus, a statement has nothing earlier: all its language is new.
    source = ROOT / "corpus" / "S_PRST_2010_1.txt"
    shutil.copy2(source, tmp_path / "S_PRST_2010_1.txt")
    index_corpus(tmp_path)
    with open_index(tmp_path) as index:
        trace = trace_document(index, load(tmp_path / "S_PRST_2010_1.txt"))
    assert all(p.status is Status.NEW for p in trace.paragraphs)
    assert trace.searched == 0


def test_trace_corpus_streams_every_document_in_time_order(regional_folder: Path) -> None:
    with open_index(regional_folder) as index:
        traces = list(trace_corpus(index))
    assert [t.document.symbol for t in traces] == [
        "S/PRST/2004/27",
        "S/PRST/2006/39",
        "S/PRST/2007/7",
        "S/PRST/2007/42",
        "S/PRST/2009/3",
        "S/PRST/2010/1",
        "S/PRST/2013/12",
    ]
    assert [t.searched for t in traces] == list(range(7))
    assert all(p.status is Status.NEW for p in traces[0].paragraphs)
    # The same answer as tracing the document alone.
    with open_index(regional_folder) as index:
        alone = trace_document(index, load(regional_folder / "S_PRST_2013_12.txt"))
    assert [(p.status, p.closest) for p in traces[-1].paragraphs] == [
        (p.status, p.closest) for p in alone.paragraphs
    ]
