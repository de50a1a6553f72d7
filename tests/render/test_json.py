"""The comparison JSON: golden output of a real pair, validated against the shipped schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from prstdiff.model import Comparison, Op
from prstdiff.render import RenderOptions
from prstdiff.render.json import comparison_to_dict, render

SCHEMAS = Path(__file__).parent.parent.parent / "prstdiff" / "schemas"


def _schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    """A validator of the comparison schema that resolves the document schema offline."""
    document = _schema("document.schema.json")
    registry = Registry().with_resource(document["$id"], Resource.from_contents(document))
    comparison = _schema("comparison.schema.json")
    Draft202012Validator.check_schema(comparison)
    return Draft202012Validator(comparison, registry=registry)


def test_real_pair_matches_the_golden_file(
    real_comparison: Comparison, golden: Callable[[str, str], None]
) -> None:
    golden("S_RES_2561_2021-S_RES_2587_2021.json", render(real_comparison, RenderOptions()))


def test_real_pair_is_valid_against_the_schema(
    real_comparison: Comparison, validator: Draft202012Validator
) -> None:
    data = json.loads(render(real_comparison, RenderOptions(only_changes=True)))
    assert sorted(e.message for e in validator.iter_errors(data)) == []
    assert data["schema"] == "prstdiff/comparison"
    assert data["version"] == 2
    assert data["old"]["symbol"] == "S/RES/2561 (2021)"
    assert data["new"]["symbol"] == "S/RES/2587 (2021)"
    assert len(data["pairs"]) == len(real_comparison.pairs)  # JSON is always complete
    assert data["options"]["threshold"] == real_comparison.options.threshold


def test_indices_cover_both_documents_once_and_ops_rebuild_the_texts(
    real_comparison: Comparison,
) -> None:
    data = comparison_to_dict(real_comparison)
    old_seen = sorted(i for pair in data["pairs"] for i in pair["old"])
    new_seen = sorted(i for pair in data["pairs"] for i in pair["new"])
    assert old_seen == list(range(len(data["old"]["paragraphs"])))
    assert new_seen == list(range(len(data["new"]["paragraphs"])))
    for pair in data["pairs"]:
        if pair["status"] != "altered":
            continue
        old_text = "".join(
            op.get("old_text", op["text"]) for op in pair["ops"] if op["op"] != Op.INSERT
        )
        new_text = "".join(op["text"] for op in pair["ops"] if op["op"] != Op.DELETE)
        assert old_text == "\n".join(data["old"]["paragraphs"][i]["text"] for i in pair["old"])
        assert new_text == "\n".join(data["new"]["paragraphs"][i]["text"] for i in pair["new"])


def test_made_up_pair_has_the_documented_shape(
    madeup: Comparison, validator: Draft202012Validator
) -> None:
    data = comparison_to_dict(madeup)
    assert sorted(e.message for e in validator.iter_errors(data)) == []
    assert data["pairs"][0] == {
        "status": "reused",
        "old": [1],
        "new": [0],
        "similarity": 1.0,
        "moved": True,
        "split": False,
        "merged": False,
        "ops": [],
        "phrases": [],
        "notable": [],
    }
    assert data["pairs"][2]["ops"] == [
        {"op": "equal", "text": "Decides to extend the made-up mandate until 31 "},
        {"op": "delete", "text": "January"},
        {"op": "insert", "text": "July"},
        {"op": "equal", "text": " 2031;"},
    ]
    assert data["pairs"][5]["phrases"] == [
        {"text": "the made-up mandate", "start": 2, "words": 3, "other": 2}
    ]
    stats = data["stats"]
    assert (stats["reused"], stats["altered"], stats["new"], stats["dropped"]) == (3, 2, 1, 1)
    assert stats["new_words"] == 51
    assert stats["share_reused"] == pytest.approx(19 / 51)
    assert stats["share_altered"] + stats["share_reused"] + stats["share_new"] == pytest.approx(1)


def test_schema_rejects_a_pair_that_contradicts_its_status(
    madeup: Comparison, validator: Draft202012Validator
) -> None:
    data = comparison_to_dict(madeup)
    data["pairs"][4]["new"] = [3]  # a dropped pair that names a new paragraph
    assert not validator.is_valid(data)
    data = comparison_to_dict(madeup)
    data["pairs"][0]["status"] = "kept"
    assert not validator.is_valid(data)


def test_notable_edits_are_listed_on_their_pair(
    real_comparison: Comparison, validator: Draft202012Validator
) -> None:
    data = comparison_to_dict(real_comparison)
    (mandate,) = [
        pair
        for pair in data["pairs"]
        if pair["new"]
        and data["new"]["paragraphs"][pair["new"][0]]["text"].startswith(
            "Expresses its full support for UNFICYP"
        )
    ]
    assert mandate["notable"] == [
        {
            "kind": "date",
            "old": "31 July 2021",
            "new": "31 January 2022",
            "direction": None,
            "old_date": "2021-07-31",
            "new_date": "2022-01-31",
            "ops": [1, 3],
        }
    ]
    start, stop = mandate["notable"][0]["ops"]
    assert [op["text"] for op in mandate["ops"][start:stop]] == ["July 2021;", "January 2022;"]
    bad = json.loads(json.dumps(data))
    bad["pairs"][0]["notable"] = [{"kind": "mood", "old": None, "new": None}]
    assert list(validator.iter_errors(bad))
