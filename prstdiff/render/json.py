"""The comparison as versioned JSON (``prstdiff/comparison``, version 2).

The shape is documented in the README and in ``prstdiff/schemas/comparison.schema.json``;
``old`` and ``new`` are the documents exactly as ``prstdiff inspect --format json`` writes them,
so paragraph indices in ``pairs`` refer to their ``paragraphs``.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from prstdiff.model import Comparison, NotableEdit, Pair, Stats, WordOp
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions
from prstdiff.render.document import document_to_dict

SCHEMA = "prstdiff/comparison"
"""The value of the ``schema`` member, naming the format."""
VERSION = 2
"""The format version; raised whenever a member changes meaning or disappears (2: each pair's
``notable`` edits; ``artefact`` word operations with their ``old_text``; ``old``/``new`` index
lists that may have gaps, for splits and merges of paragraphs that are not neighbours)."""


def render(comparison: Comparison, options: RenderOptions | None = None) -> str:
    """Render a comparison as indented JSON, always every pair (``only_changes`` is ignored)."""
    del options  # JSON is for programs: always complete, so indices can be followed.
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2) + "\n"


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as plain JSON-ready values (``prstdiff/comparison``, version 2)."""
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "old": document_to_dict(comparison.old),
        "new": document_to_dict(comparison.new),
        "options": options_to_dict(comparison.options),
        "pairs": [pair_to_dict(pair) for pair in comparison.pairs],
        "stats": stats_to_dict(comparison.stats),
    }


def pair_to_dict(pair: Pair) -> dict[str, Any]:
    """One pair as JSON-ready values."""
    return {
        "status": pair.status.value,
        "old": list(pair.old),
        "new": list(pair.new),
        "similarity": pair.similarity,
        "moved": pair.moved,
        "split": pair.split,
        "merged": pair.merged,
        "ops": [_op_to_dict(op) for op in pair.ops],
        "phrases": [
            {
                "text": phrase.text,
                "start": phrase.start,
                "words": phrase.words,
                "other": phrase.other,
            }
            for phrase in pair.phrases
        ],
        "notable": [notable_to_dict(edit) for edit in pair.notable],
    }


def notable_to_dict(edit: NotableEdit) -> dict[str, Any]:
    """One notable edit as JSON-ready values; ``ops`` is ``[start, stop]`` into the pair's ops."""
    return {
        "kind": edit.kind.value,
        "old": edit.old,
        "new": edit.new,
        "direction": None if edit.direction is None else edit.direction.value,
        "old_date": edit.old_date,
        "new_date": edit.new_date,
        "ops": None if edit.ops is None else list(edit.ops),
    }


def options_to_dict(options: CompareOptions) -> dict[str, Any]:
    """The comparison options, with word sets as sorted lists so the output is stable."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(options):
        value = getattr(options, field.name)
        if isinstance(value, set | frozenset):
            value = sorted(value)
        elif isinstance(value, tuple):
            value = list(value)
        values[field.name] = value
    return values


def stats_to_dict(stats: Stats) -> dict[str, Any]:
    """Every count of the statistics, plus the three shares of the new document's words."""
    values: dict[str, Any] = dataclasses.asdict(stats)
    values["share_reused"] = stats.share_reused
    values["share_altered"] = stats.share_altered
    values["share_new"] = stats.share_new
    return values


def _op_to_dict(op: WordOp) -> dict[str, str]:
    """One word operation; an artefact also carries the old text's form."""
    item = {"op": op.op.value, "text": op.text}
    if op.old_text is not None:
        item["old_text"] = op.old_text
    return item
