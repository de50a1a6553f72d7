"""Many documents: reading a folder, series, the SQLite index, trace (provenance) and search."""

from __future__ import annotations

from prstdiff.corpus.folder import LoadedCorpus, SkippedFile, iter_folder, load_folder
from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import CorpusIndex, IndexReport, open_index
from prstdiff.corpus.options import CorpusOptions
from prstdiff.corpus.search import SearchHit, SearchResult, search_phrase
from prstdiff.corpus.series import (
    Series,
    SeriesCell,
    SeriesLine,
    build_series,
    normalize_symbol,
    select_series,
    subject_of,
)
from prstdiff.corpus.trace import (
    ParagraphTrace,
    Trace,
    TraceSource,
    build_lineage,
    trace_corpus,
    trace_document,
)

__all__ = [
    "CorpusIndex",
    "CorpusOptions",
    "IndexReport",
    "LoadedCorpus",
    "ParagraphTrace",
    "SearchHit",
    "SearchResult",
    "Series",
    "SeriesCell",
    "SeriesLine",
    "SkippedFile",
    "Trace",
    "TraceSource",
    "build_lineage",
    "build_series",
    "index_corpus",
    "iter_folder",
    "load_folder",
    "normalize_symbol",
    "open_index",
    "search_phrase",
    "select_series",
    "subject_of",
    "trace_corpus",
    "trace_document",
]
