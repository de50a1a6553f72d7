"""The Python API: compare takes documents, paths or text; short reprs; default render options."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import prstdiff
from prstdiff import Document, DocumentKind, ParagraphKind, Status
from prstdiff.cli import app
from prstdiff.render import document, html, json, markdown, series, text, trace

ROOT = Path(__file__).resolve().parent.parent
OLD = ROOT / "corpus" / "S_RES_2561_2021.txt"
NEW = ROOT / "corpus" / "S_RES_2587_2021.txt"


def test_compare_takes_relative_paths_as_strings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = prstdiff.compare("corpus/S_RES_2561_2021.txt", "corpus/S_RES_2587_2021.txt")
    assert (result.old.symbol, result.new.symbol) == ("S/RES/2561 (2021)", "S/RES/2587 (2021)")
    assert result.pairs == prstdiff.compare(OLD, NEW).pairs


def test_compare_takes_paths_documents_and_text_alike() -> None:
    by_path = prstdiff.compare(OLD, NEW)
    old = prstdiff.load(OLD)
    by_document = prstdiff.compare(old, str(NEW))
    by_text = prstdiff.compare(OLD.read_text(encoding="utf-8"), NEW.read_text(encoding="utf-8"))
    assert by_document.pairs == by_path.pairs
    # Text has no file name, so only the sources differ.
    assert by_text.pairs == by_path.pairs
    assert by_text.old.source is not None and by_text.old.source.path == "<text>"


def test_compare_refuses_what_is_neither_document_path_nor_text() -> None:
    with pytest.raises(TypeError, match="expected a Document, a path or a text, not int"):
        prstdiff.compare(1, NEW)  # type: ignore[arg-type]


def test_a_missing_path_is_an_input_error() -> None:
    with pytest.raises(prstdiff.InputError, match=r"no-such-file\.txt"):
        prstdiff.compare("no-such-file.txt", NEW)


def test_pairs_give_their_texts() -> None:
    result = prstdiff.compare(OLD, NEW)
    mandate = next(p for p in result.pairs if p.new_text(result).startswith("Expresses its full"))
    assert mandate.status is Status.ALTERED
    assert mandate.old_text(result).endswith("ending on 31 July 2021;")
    assert mandate.new_text(result).endswith("ending on 31 January 2022;")
    dropped = next(p for p in result.pairs if p.status is Status.DROPPED)
    assert dropped.new_text(result) == ""
    assert dropped.old_text(result) == result.old.paragraphs[dropped.old[0]].text


def test_reprs_are_one_short_line() -> None:
    result = prstdiff.compare(OLD, NEW)
    assert repr(result.new) == (
        "<Document 'S/RES/2587 (2021)' (resolution of 2021-07-29), 44 paragraphs>"
    )
    assert repr(result) == (
        "<Comparison 'S/RES/2561 (2021)' -> 'S/RES/2587 (2021)': "
        "15 reused, 26 altered, 2 new, 2 dropped>"
    )


def test_documents_from_paragraphs_and_text_with_defaults() -> None:
    built = Document.from_paragraphs(
        ["Recalling its resolutions,", "Decides to remain seized of the matter."],
        symbol="S/RES/9999 (2099)",
        kind=DocumentKind.RESOLUTION,
        date=dt.date(2099, 1, 1),
    )
    assert [(p.index, p.kind, p.number) for p in built.paragraphs] == [
        (0, ParagraphKind.OPERATIVE, None),
        (1, ParagraphKind.OPERATIVE, None),
    ]
    assert (built.name, built.citations, built.source) == ("S/RES/9999 (2099)", (), None)
    typed = Document.from_text("  First,\n  continued.\n\n\n  Second.  \n")
    assert [p.text for p in typed.paragraphs] == ["First, continued.", "Second."]
    assert typed.kind is DocumentKind.DRAFT
    kept = Document.from_paragraphs([built.paragraphs[1]])
    assert kept.paragraphs[0].index == 0 and kept.paragraphs[0].text == built.paragraphs[1].text


def test_every_renderer_runs_without_options() -> None:
    result = prstdiff.compare(OLD, NEW)
    assert text.render(result).startswith("--- S/RES/2561 (2021)")
    assert markdown.render(result).startswith("# S/RES/2561 (2021) → S/RES/2587 (2021)")
    assert json.render(result).startswith('{\n  "schema": "prstdiff/comparison"')
    assert html.render(result).startswith("<!DOCTYPE html>")
    assert document.render_text(result.old).startswith("S/RES/2561 (2021)\n")
    assert document.render_json(result.old).startswith('{\n  "schema": "prstdiff/document"')
    built = prstdiff.build_series([result.old, result.new])
    assert series.render_text(built).startswith("Series of 2 documents\n")
    assert series.render_html(built).startswith("<!DOCTYPE html>")
    assert callable(trace.render_text) and callable(trace.render_html)


def test_the_compare_name_stays_the_function_once_the_engine_module_loads() -> None:
    import prstdiff.compare  # the engine module of the same name
    from prstdiff.api import compare

    assert prstdiff.compare is compare
    assert sys.modules["prstdiff.compare"].compare is not compare


def test_version_comes_from_the_package_metadata() -> None:
    from importlib.metadata import version

    assert prstdiff.__version__ == version("prstdiff")


def test_unknown_names_raise_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = prstdiff.nothing_here  # type: ignore[attr-defined]


def test_batch_scheduler_without_dask_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if dask were not installed
    result = CliRunner().invoke(
        app, ["batch", str(tmp_path / "out"), "--all-pairs", str(tmp_path), "--scheduler", "x:1"]
    )
    assert result.exit_code == 2
    assert result.output == (
        "prstdiff: running on a Dask cluster needs Dask: pip install 'prstdiff[dask]'\n"
    )
    assert not (tmp_path / "out").exists()


README_EXAMPLE = ROOT / "README.md"


def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import doctest

    readme = README_EXAMPLE.read_text(encoding="utf-8")
    block = readme.split("```pycon\n", 1)[1].split("```", 1)[0]
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest(block, {}, "README.md", str(README_EXAMPLE), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert (runner.summarize(verbose=False).attempted > 5, runner.failures) == (True, 0)
