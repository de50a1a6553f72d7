"""The document renderers: the inspect JSON (checked against its schema) and the terminal text.

Golden files live in ``golden/document-*``; regenerate them after a deliberate change with
``python -m pytest --regen-golden`` and review the diff.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from prstdiff.errors import InputError
from prstdiff.model import (
    Citation,
    CitationKind,
    Document,
    DocumentKind,
    Paragraph,
    ParagraphKind,
    Source,
)
from prstdiff.parse import load
from prstdiff.render import RenderOptions
from prstdiff.render.document import (
    document_from_dict,
    document_to_dict,
    paragraph_heading,
    render_json,
    render_text,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
SEED = ROOT / "tests" / "fixtures" / "S_PRST_2007_42.onecol.txt"
SCHEMA = json.loads((ROOT / "prstdiff" / "schemas" / "document.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def as_in_repository(path: Path) -> Document:
    """A corpus document with its source path as the repository names it (stable goldens)."""
    document = load(path)
    assert document.source is not None
    source = dataclasses.replace(document.source, path=path.relative_to(ROOT).as_posix())
    return dataclasses.replace(document, source=source)


@pytest.fixture(scope="module")
def resolution_1325() -> Document:
    return as_in_repository(CORPUS / "S_RES_1325_2000.txt")


@pytest.fixture(scope="module")
def seed() -> Document:
    return as_in_repository(SEED)


# --- the JSON object ------------------------------------------------------------------------


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_enums_are_the_model_enums() -> None:
    defs = SCHEMA["$defs"]
    assert defs["documentKind"]["enum"] == [kind.value for kind in DocumentKind]
    assert defs["paragraphKind"]["enum"] == [kind.value for kind in ParagraphKind]
    assert defs["citationKind"]["enum"] == [kind.value for kind in CitationKind]


def test_seed_statement_as_json(seed: Document) -> None:
    data = document_to_dict(seed)
    assert list(data) == [
        "schema",
        "version",
        "symbol",
        "kind",
        "date",
        "meeting",
        "item",
        "title",
        "vote",
        "citations",
        "source",
        "paragraphs",
    ]
    assert data["schema"] == "prstdiff/document"
    assert data["version"] == 1
    assert data["symbol"] == "S/PRST/2007/42"
    assert data["kind"] == "presidential statement"
    assert data["date"] == "2007-11-06"
    assert data["meeting"] == 5776
    assert data["item"] == (
        "The role of regional and subregional organizations in the maintenance of "
        "international peace and security"
    )
    assert data["title"] == "Statement by the President of the Security Council"
    citations = data["citations"]
    assert isinstance(citations, list)
    for expected in (
        {"symbol": "S/RES/1625 (2005)", "kind": "resolution"},
        {"symbol": "S/RES/1631 (2005)", "kind": "resolution"},
        {"symbol": "S/RES/1645 (2005)", "kind": "resolution"},
        {"symbol": "S/PRST/2007/7", "kind": "presidential statement"},
        {"symbol": "A/RES/60/180", "kind": "general assembly resolution"},
    ):
        assert expected in citations
    assert data["source"] == {
        "path": "tests/fixtures/S_PRST_2007_42.onecol.txt",
        "format": "text",
        "layout": "one-paragraph-per-line",
        "sha256": seed.source.sha256 if seed.source else None,
    }
    paragraphs = data["paragraphs"]
    assert isinstance(paragraphs, list)
    assert len(paragraphs) == 15
    assert paragraphs[0]["kind"] == "introductory"
    assert {p["kind"] for p in paragraphs[1:]} == {"statement"}
    assert [p["index"] for p in paragraphs] == list(range(15))
    assert paragraphs[1] == {
        "index": 1,
        "kind": "statement",
        "number": None,
        "text": "The Security Council reaffirms its primary responsibility for the maintenance of "
        "international peace and security in accordance with the Charter of the United Nations.",
    }
    VALIDATOR.validate(data)


def test_operative_and_sub_paragraph_numbers_in_json(resolution_1325: Document) -> None:
    paragraphs: Any = document_to_dict(resolution_1325)["paragraphs"]
    assert [(p["kind"], p["number"]) for p in paragraphs[18:24]] == [
        ("operative", "7"),
        ("operative", "8"),
        ("sub-paragraph", "8 (a)"),
        ("sub-paragraph", "8 (b)"),
        ("sub-paragraph", "8 (c)"),
        ("operative", "9"),
    ]
    assert paragraphs[20]["text"].startswith("The special needs of women and girls")
    assert paragraphs[32] == {
        "index": 32,
        "kind": "operative",
        "number": "18",
        "text": "Decides to remain actively seized of the matter.",
    }


def test_every_corpus_document_validates_and_round_trips() -> None:
    names = sorted(CORPUS.glob("S_*.txt"))
    assert len(names) == 1025
    for path in names:
        document = load(path)
        data = document_to_dict(document)
        VALIDATOR.validate(data)
        assert document_from_dict(json.loads(json.dumps(data))) == document, path.name


def test_render_json_keeps_unicode_and_order(resolution_1325: Document, golden: Any) -> None:
    output = render_json(resolution_1325)
    assert output.endswith("}\n")
    assert "Women’s" in output  # ensure_ascii=False: the curly apostrophe stays readable
    assert output.startswith('{\n  "schema": "prstdiff/document",\n  "version": 1,\n')
    assert json.loads(output) == document_to_dict(resolution_1325)
    golden("document-S_RES_1325_2000.json", output)


def test_document_from_dict_refuses_other_and_broken_objects(seed: Document) -> None:
    with pytest.raises(InputError) as raised:
        document_from_dict({"schema": "prstdiff/comparison", "version": 1}, path="madeup.json")
    assert raised.value.message == "madeup.json: not a prstdiff/document version 1 object"
    good = document_to_dict(seed)
    paragraphs = good["paragraphs"]
    assert isinstance(paragraphs, list)
    broken: list[tuple[dict[str, Any], str]] = [
        ({**good, "kind": "madeup kind"}, "'madeup kind' is not a valid DocumentKind"),
        ({**good, "date": "6 November 2007"}, "Invalid isoformat string"),
        ({k: v for k, v in good.items() if k != "meeting"}, "missing 'meeting'"),
        ({**good, "paragraphs": [{"index": 0}]}, "missing 'kind'"),
        ({**good, "paragraphs": paragraphs[::-1]}, "indices out of order"),
    ]
    for data, problem in broken:
        with pytest.raises(InputError, match=re.escape(problem)):
            document_from_dict(data, path="madeup.json")


def test_document_without_metadata_or_source() -> None:
    document = Document(None, DocumentKind.OTHER, None, None, None, None, None, (), ())
    data = document_to_dict(document)
    VALIDATOR.validate(data)
    assert data["source"] is None
    assert document_from_dict(data) == document


texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
optional_texts = st.none() | texts.filter(bool)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    kinds = draw(st.lists(st.sampled_from(ParagraphKind), max_size=5))
    paragraphs = tuple(
        Paragraph(
            i,
            kind,
            draw(st.none() | st.from_regex(r"[1-9][0-9]?( \([a-z]\))?", fullmatch=True)),
            draw(texts),
        )
        for i, kind in enumerate(kinds)
    )
    citations = tuple(
        Citation(draw(texts.filter(bool)), draw(st.sampled_from(CitationKind)))
        for _ in range(draw(st.integers(0, 3)))
    )
    source = draw(
        st.none()
        | st.builds(
            Source,
            path=texts,
            format=st.sampled_from(["text", "pdf", "docx"]),
            layout=st.sampled_from(["one-paragraph-per-line", "wrapped", "yearly-volume"]),
            sha256=st.from_regex(r"[0-9a-f]{64}", fullmatch=True),
        )
    )
    return Document(
        symbol=draw(optional_texts),
        kind=draw(st.sampled_from(DocumentKind)),
        date=draw(st.none() | st.dates(dt.date(1946, 1, 1), dt.date(2100, 12, 31))),
        meeting=draw(st.none() | st.integers(1, 20000)),
        item=draw(optional_texts),
        title=draw(optional_texts),
        vote=draw(optional_texts),
        citations=citations,
        paragraphs=paragraphs,
        source=source,
    )


@settings(max_examples=50)
@given(documents())
def test_any_document_validates_and_round_trips_through_json_text(document: Document) -> None:
    data = json.loads(render_json(document))
    VALIDATOR.validate(data)
    assert document_from_dict(data) == document


# --- the text for people -------------------------------------------------------------------


def test_text_of_s_res_1325(resolution_1325: Document, golden: Callable[[str, str], None]) -> None:
    output = render_text(resolution_1325, RenderOptions(width=100, color=False))
    lines = output.splitlines()
    assert lines[:6] == [
        "S/RES/1325 (2000)",
        "kind        resolution",
        "date        2000-10-31",
        "meeting     4213",
        "item        —",
        "title       Resolution 1325 (2000)",
    ]
    assert "paragraphs  33 (introductory 1, preambular 11, operative 18, sub-paragraph 3)" in lines
    assert "¶1   introductory         The Security Council," in lines
    assert "¶33  operative 18         Decides to remain actively seized of the matter." in lines
    assert any(
        line.startswith("¶21  sub-paragraph 8 (a)  The special needs of women") for line in lines
    )
    assert all(len(line) <= 100 for line in lines)
    assert ANSI.search(output) is None
    golden("document-S_RES_1325_2000.txt", output)


def test_text_wraps_with_a_hanging_indent_and_keeps_symbols_whole(seed: Document) -> None:
    output = render_text(seed, RenderOptions(width=60, color=False))
    lines = output.splitlines()
    assert all(len(line) <= 60 for line in lines)
    start = lines.index("¶3   statement     The Security Council recognizes the")
    # the hanging indent is the width of the widest labels: "¶15" and "introductory", plus gaps
    assert lines[start + 1].startswith(" " * 19 + "important role of regional")
    # "1631 (2005)" may not break between the number and its year
    assert not any(re.search(r"\b1[0-9]{3}$", line) for line in lines if "(2005)" not in line)


def test_narrow_width_puts_labels_on_their_own_line(seed: Document) -> None:
    lines = render_text(seed, RenderOptions(width=30, color=False)).splitlines()
    at = lines.index("¶2   statement")
    assert lines[at + 1] == "    The Security Council"
    paragraph_lines = lines[lines.index("") + 1 :]
    assert all(len(line) <= 30 for line in paragraph_lines)


def test_colour_styles_the_same_text(resolution_1325: Document) -> None:
    plain = render_text(resolution_1325, RenderOptions(width=80, color=False))
    coloured = render_text(resolution_1325, RenderOptions(width=80, color=True))
    assert ANSI.search(coloured)
    assert [line.rstrip() for line in ANSI.sub("", coloured).splitlines()] == plain.splitlines()


def test_missing_metadata_shows_a_dash() -> None:
    document = Document(
        None,
        DocumentKind.OTHER,
        None,
        None,
        None,
        None,
        None,
        (),
        (Paragraph(0, ParagraphKind.OPERATIVE, "1", "madeup decides."),),
    )
    assert render_text(document, RenderOptions(width=80)) == (
        "document\n"
        "kind        other\n"
        "date        —\n"
        "meeting     —\n"
        "item        —\n"
        "title       —\n"
        "vote        —\n"
        "citations   —\n"
        "source      —\n"
        "paragraphs  1 (operative 1)\n"
        "\n"
        "¶1  operative 1  madeup decides.\n"
    )


def test_paragraph_heading() -> None:
    assert paragraph_heading(Paragraph(4, ParagraphKind.SUBPARAGRAPH, "3 (a)", "x")) == (
        "sub-paragraph 3 (a)"
    )
    assert paragraph_heading(Paragraph(0, ParagraphKind.PREAMBULAR, None, "x")) == "preambular"


def test_examples_in_docstrings() -> None:
    import doctest

    import prstdiff.render.document

    results = doctest.testmod(prstdiff.render.document)
    assert (results.attempted, results.failed) == (2, 0)
