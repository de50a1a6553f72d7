"""prstdiff: compare UN Security Council statements and resolutions paragraph by paragraph.

The public surface is this package's ``__all__``; every name loads on first use, so
``import prstdiff`` (and ``prstdiff --help``) does not pay for numpy, rapidfuzz, jinja2 or SQLite.

>>> import prstdiff
>>> result = prstdiff.compare(
...     "The Security Council,\\n\\n1. Requests a report by 31 July 2021;\\n",
...     "The Security Council,\\n\\n1. Requests a report by 31 January 2022;\\n",
... )
>>> [(pair.status.value, pair.new_text(result)) for pair in result.pairs]
[('reused', 'The Security Council,'), ('altered', 'Requests a report by 31 January 2022;')]
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names as type checkers and documentation tools see them
    from prstdiff.api import DocumentLike, as_document, compare
    from prstdiff.corpus.build import index_corpus
    from prstdiff.corpus.folder import LoadedCorpus, SkippedFile, load_folder
    from prstdiff.corpus.index import CorpusIndex, IndexReport, open_index
    from prstdiff.corpus.options import CorpusOptions
    from prstdiff.corpus.search import SearchHit, SearchResult, search_phrase
    from prstdiff.corpus.series import (
        Series,
        SeriesCell,
        SeriesLine,
        build_series,
        select_series,
        subject_of,
    )
    from prstdiff.corpus.trace import ParagraphTrace, Trace, TraceSource, trace_document
    from prstdiff.errors import (
        IndexFileError,
        InputError,
        ManifestError,
        OutputError,
        PrstdiffError,
    )
    from prstdiff.model import (
        Citation,
        CitationKind,
        Comparison,
        Direction,
        Document,
        DocumentKind,
        NotableEdit,
        NotableKind,
        Op,
        Pair,
        Paragraph,
        ParagraphKind,
        Phrase,
        Source,
        Stats,
        Status,
        WordOp,
    )
    from prstdiff.notable import notable_edits
    from prstdiff.options import CompareOptions
    from prstdiff.parse import load
    from prstdiff.parse.reader import parse_text
    from prstdiff.render import RenderOptions
    from prstdiff.version import __version__

__all__ = [
    "Citation",
    "CitationKind",
    "CompareOptions",
    "Comparison",
    "CorpusIndex",
    "CorpusOptions",
    "Direction",
    "Document",
    "DocumentKind",
    "DocumentLike",
    "IndexFileError",
    "IndexReport",
    "InputError",
    "LoadedCorpus",
    "ManifestError",
    "NotableEdit",
    "NotableKind",
    "Op",
    "OutputError",
    "Pair",
    "Paragraph",
    "ParagraphKind",
    "ParagraphTrace",
    "Phrase",
    "PrstdiffError",
    "RenderOptions",
    "SearchHit",
    "SearchResult",
    "Series",
    "SeriesCell",
    "SeriesLine",
    "SkippedFile",
    "Source",
    "Stats",
    "Status",
    "Trace",
    "TraceSource",
    "WordOp",
    "__version__",
    "as_document",
    "build_series",
    "compare",
    "index_corpus",
    "load",
    "load_folder",
    "notable_edits",
    "open_index",
    "parse_text",
    "search_phrase",
    "select_series",
    "subject_of",
    "trace_document",
]

_HOMES: dict[str, tuple[str, ...]] = {
    "prstdiff.api": ("DocumentLike", "as_document", "compare"),
    "prstdiff.corpus.build": ("index_corpus",),
    "prstdiff.corpus.folder": ("LoadedCorpus", "SkippedFile", "load_folder"),
    "prstdiff.corpus.index": ("CorpusIndex", "IndexReport", "open_index"),
    "prstdiff.corpus.options": ("CorpusOptions",),
    "prstdiff.corpus.search": ("SearchHit", "SearchResult", "search_phrase"),
    "prstdiff.corpus.series": (
        "Series",
        "SeriesCell",
        "SeriesLine",
        "build_series",
        "select_series",
        "subject_of",
    ),
    "prstdiff.corpus.trace": ("ParagraphTrace", "Trace", "TraceSource", "trace_document"),
    "prstdiff.errors": (
        "IndexFileError",
        "InputError",
        "ManifestError",
        "OutputError",
        "PrstdiffError",
    ),
    "prstdiff.model": (
        "Citation",
        "CitationKind",
        "Comparison",
        "Direction",
        "Document",
        "DocumentKind",
        "NotableEdit",
        "NotableKind",
        "Op",
        "Pair",
        "Paragraph",
        "ParagraphKind",
        "Phrase",
        "Source",
        "Stats",
        "Status",
        "WordOp",
    ),
    "prstdiff.notable": ("notable_edits",),
    "prstdiff.options": ("CompareOptions",),
    "prstdiff.parse": ("load",),
    "prstdiff.parse.reader": ("parse_text",),
    "prstdiff.render": ("RenderOptions",),
    "prstdiff.version": ("__version__",),
}
"""The module that defines each public name, imported when the name is first used."""

EXPORTS: dict[str, str] = {name: module for module, names in _HOMES.items() for name in names}
"""Public name -> defining module (the layering test reads the package's imports from here)."""


def __getattr__(name: str) -> object:
    """Import a public name's module on first use (PEP 562)."""
    module = EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'prstdiff' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The public names beside what is already loaded."""
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """This package's module type: ``prstdiff.compare`` stays the function.

    Importing the submodule ``prstdiff.compare`` (the engine) makes Python set the package
    attribute of the same name to that module; the public name is the function.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name == "compare" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
