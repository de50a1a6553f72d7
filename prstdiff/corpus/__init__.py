"""Many documents: reading a folder, series, the SQLite index, trace (provenance) and search."""

from __future__ import annotations

from prstdiff.corpus.folder import LoadedCorpus, SkippedFile, iter_folder, load_folder
from prstdiff.corpus.options import CorpusOptions
from prstdiff.corpus.series import normalize_symbol, select_series, subject_of

__all__ = [
    "CorpusOptions",
    "LoadedCorpus",
    "SkippedFile",
    "iter_folder",
    "load_folder",
    "normalize_symbol",
    "select_series",
    "subject_of",
]
