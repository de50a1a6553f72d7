"""Golden files of the trace and series renderers on real statements (fixed width, no colour)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from prstdiff.corpus.index import open_index
from prstdiff.corpus.series import build_series
from prstdiff.corpus.trace import trace_document
from prstdiff.parse import load
from prstdiff.render import RenderOptions
from prstdiff.render import series as series_render
from prstdiff.render import trace as trace_render

CORPUS = Path(__file__).resolve().parent.parent.parent / "corpus"


def test_trace_of_prst_2013_12_matches_golden_files(
    regional_folder: Path, golden: Callable[[str, str], None]
) -> None:
    with open_index(regional_folder) as index:
        trace = trace_document(index, load(regional_folder / "S_PRST_2013_12.txt"))
    golden("trace-S_PRST_2013_12.txt", trace_render.render_text(trace, RenderOptions(width=100)))
    data = trace_render.trace_to_dict(trace)
    data["document"].pop("source", None)  # where the file was read from differs per machine
    golden("trace-S_PRST_2013_12.json", json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def test_series_of_three_statements_matches_golden_file(
    golden: Callable[[str, str], None],
) -> None:
    names = ("S_PRST_2007_42.txt", "S_PRST_2010_1.txt", "S_PRST_2013_12.txt")
    series = build_series([load(CORPUS / name) for name in names])
    golden("series-regional.txt", series_render.render_text(series, RenderOptions(width=100)))
