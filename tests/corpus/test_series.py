"""Series: choosing documents by symbols or subject, and the lineage of their paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource
from typer.testing import CliRunner

from prstdiff.cli import app
from prstdiff.corpus.folder import load_folder
from prstdiff.corpus.series import (
    Series,
    build_series,
    normalize_symbol,
    select_series,
    subject_of,
)
from prstdiff.errors import PrstdiffError
from prstdiff.model import Document, Status
from prstdiff.parse import load
from prstdiff.render import RenderOptions
from prstdiff.render.series import render_html, render_json, render_text

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "corpus"
SCHEMAS = ROOT / "prstdiff" / "schemas"
WPS = ["1325", "1820", "1888", "1889", "1960", "2106", "2122", "2242", "2467", "2493"]
WPS_YEARS = ["2000", "2008", "2009", "2009", "2010", "2013", "2013", "2015", "2019", "2019"]
# UNFICYP renewals listed in corpus/SOURCES.md, and the establishing resolution.
UNFICYP_OLD = [186, 192, 194, 198, 201, 206, 219, 220, 222, 231, 238, 244, 247, 254, 261]
UNFICYP_OLD += [266, 274, 281, 291, 293, 305, 315, 324, 334, 343, 349, 364, 370, 383, 391]
UNFICYP_OLD += [401, 410, 422, 430, 443, 451, 458, 472, 482, 486, 495, 510, 526, 534, 544]
UNFICYP_OLD += [553, 559, 578, 585, 597, 604, 614, 625, 634, 646, 657, 680, 682, 697, 723]
UNFICYP_OLD += [759, 796, 839, 889]
UNFICYP_NEW = [2263, 2300, 2338, 2369, 2398, 2430, 2453, 2483, 2506, 2537, 2561, 2587, 2618]
UNFICYP_NEW += [2646, 2674]


@pytest.fixture(scope="module")
def wps() -> Series:
    documents = [load(CORPUS / f"S_RES_{n}_{y}.txt") for n, y in zip(WPS, WPS_YEARS, strict=True)]
    # Asked for in scrambled order and in three spellings: the series comes in date order.
    asked = [f"{n} ({y})" for n, y in zip(WPS, WPS_YEARS, strict=True)][::-1]
    asked[0] = "S_RES_2493_2019"
    asked[1] = "S/RES/2467 (2019)"
    return build_series(select_series(documents, symbols=asked))


@pytest.mark.parametrize(
    ("written", "symbol"),
    [
        ("S/RES/1809 (2008)", "S/RES/1809 (2008)"),
        ("1809 (2008)", "S/RES/1809 (2008)"),
        ("S_RES_1809_2008", "S/RES/1809 (2008)"),
        ("s_res_1809_2008.txt", "S/RES/1809 (2008)"),
        ("S/PRST/2010/1", "S/PRST/2010/1"),
        ("S_PRST_2010_01", "S/PRST/2010/1"),
    ],
)
def test_symbols_are_read_as_people_write_them(written: str, symbol: str) -> None:
    assert normalize_symbol(written) == symbol


def test_a_symbol_not_in_the_corpus_is_an_error() -> None:
    documents = [load(CORPUS / "S_RES_1325_2000.txt")]
    with pytest.raises(PrstdiffError, match=r"not in the corpus: S/RES/1820 \(2008\)"):
        select_series(documents, symbols=["1325 (2000)", "1820 (2008)"])
    with pytest.raises(PrstdiffError, match="not a document symbol"):
        select_series(documents, symbols=["resolution one"])


def test_wps_series_in_date_order_with_checked_carried_paragraphs(wps: Series) -> None:
    assert [d.symbol for d in wps.documents] == [
        f"S/RES/{n} ({y})" for n, y in zip(WPS, WPS_YEARS, strict=True)
    ]
    assert len(wps.comparisons) == 9
    # Read side by side: 1888 OP1-3 rework 1820 OP1-3 (Stresses -> Reaffirms; "Demands the
    # immediate and complete cessation" -> "Reiterates its demand for the complete cessation";
    # the protection measures re-listed), 1888 OP21 repeats 1820 OP7 (zero tolerance of sexual
    # exploitation and abuse) and both end "Decides to remain actively seized of the matter."
    step = wps.comparisons[1]
    assert (step.old.symbol, step.new.symbol) == ("S/RES/1820 (2008)", "S/RES/1888 (2009)")
    carried = {
        (step.old.paragraphs[p.old[0]].number, step.new.paragraphs[p.new[0]].number): p.status
        for p in step.pairs
        if p.old and p.new and step.new.paragraphs[p.new[0]].number
    }
    assert carried == {
        ("1", "1"): Status.ALTERED,
        ("2", "2"): Status.ALTERED,
        ("3", "3"): Status.ALTERED,
        ("7", "21"): Status.REUSED,
        ("16", "29"): Status.REUSED,
    }


def _line_of(series: Series, position: int, number: str) -> list[str | None]:
    document = series.documents[position]
    index = next(p.index for p in document.paragraphs if p.number == number)
    line = next(
        line
        for line in series.lines
        if (cell := line.cells[position]) is not None and cell.paragraph == index
    )
    return [None if c is None else c.number for c in line.cells]


def test_wps_lineage_follows_the_closing_formula_through_all_ten(wps: Series) -> None:
    # 1325 OP18 ... 2493 OP11: "Decides to remain actively seized of the matter." in each.
    assert _line_of(wps, 0, "18") == ["18", "16", "29", "20", "19", "23", "19", "18", "37", "11"]
    # 1820 OP7 lives on as 1888 OP21, then leaves the series.
    assert _line_of(wps, 1, "7") == [None, "7", "21", None, None, None, None, None, None, None]
    first = wps.lines[0].cells
    assert first[0] is not None and first[0].status is Status.NEW


def test_series_json_follows_its_schema_and_renders(wps: Series) -> None:
    data = json.loads(render_json(wps))
    document = json.loads((SCHEMAS / "document.schema.json").read_text("utf-8"))
    schema = json.loads((SCHEMAS / "series.schema.json").read_text("utf-8"))
    registry = Registry().with_resource(document["$id"], Resource.from_contents(document))
    jsonschema.Draft202012Validator(schema, registry=registry).validate(data)
    assert len(data["documents"]) == 10 and len(data["lines"]) == len(wps.lines)
    first_words = data["documents"][0]["words"]
    assert first_words["reused"] == 0 and first_words["altered"] == 0
    text = render_text(wps, RenderOptions())
    assert text.startswith("Series of 10 documents\n")
    page = render_html(wps)
    assert "<svg" in page and "https://" not in page


def test_unficyp_renewals_form_one_series_by_subject() -> None:
    documents = load_folder(CORPUS).documents
    series = select_series(documents, match="Cyprus")
    symbols = [d.symbol for d in series]
    expected = {f"S/RES/{n} (" for n in UNFICYP_OLD + UNFICYP_NEW}
    assert expected <= {s.split("(")[0] + "(" for s in symbols if s}
    dated = [d.date for d in series]
    assert dated == sorted(dated)  # type: ignore[type-var]
    in_1964 = [d.symbol for d in series if d.date and d.date.year == 1964]
    assert in_1964[0] == "S/RES/186 (1964)"
    assert symbols[-1] == "S/RES/2674 (2023)"
    # The yearly volumes print no agenda item: the subject comes from the opening paragraphs.
    resolution_192 = next(d for d in series if d.symbol == "S/RES/192 (1964)")
    assert resolution_192.item is None
    assert "Cyprus" in subject_of(resolution_192)


def test_match_with_hyphens_and_case_folded() -> None:
    documents: list[Document] = [
        load(CORPUS / name) for name in ("S_RES_192_1964.txt", "S_RES_2263_2016.txt")
    ]
    # 192 (1964): "in Cyprus of the United\nNations Peace-keeping Force"; 2263 (2016): "the United
    # Nations Peacekeeping\nForce in Cyprus (UNFICYP)".
    found = select_series(documents, match="united nations PEACEKEEPING force")
    assert [d.symbol for d in found] == ["S/RES/192 (1964)", "S/RES/2263 (2016)"]
    with pytest.raises(PrstdiffError, match="mention 'Lebanon'"):
        select_series(documents, match="Lebanon")


def test_cli_series_by_symbols_and_a_failing_match(tmp_path: Path) -> None:
    runner = CliRunner()
    output = tmp_path / "series.html"
    result = runner.invoke(
        app,
        [
            "series",
            str(CORPUS),
            "--symbols",
            "2561 (2021),S/RES/2587 (2021),S_RES_2618_2022",
            "--format",
            "html",
            "--output",
            str(output),
        ],
    )
    # Success is 0 unless --exit-code asks for diff(1)'s "1: they differ".
    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    assert "S/RES/2587 (2021)" in page
    # Each step's pair report is written beside the page and linked from it.
    pairs = sorted(p.name for p in (tmp_path / "series-pairs").iterdir())
    assert pairs == [
        "001-S_RES_2561_2021--S_RES_2587_2021.html",
        "002-S_RES_2587_2021--S_RES_2618_2022.html",
    ]
    assert all(f'href="series-pairs/{name}"' in page for name in pairs)
    asked = runner.invoke(
        app,
        ["series", str(CORPUS), "-s", "2561 (2021),2587 (2021)", "--exit-code", "-f", "json"],
    )
    assert asked.exit_code == 1, asked.output
    failing = runner.invoke(app, ["series", str(CORPUS), "--match", "no such subject here"])
    assert failing.exit_code == 2
    assert "no such subject here" in failing.output and "Traceback" not in failing.output
