"""prstdiff: compare UN Security Council statements and resolutions paragraph by paragraph."""

from __future__ import annotations

from prstdiff.compare import compare
from prstdiff.corpus import (
    index_corpus,
    load_folder,
    open_index,
    search_phrase,
    select_series,
    trace_document,
)
from prstdiff.errors import InputError, OutputError, PrstdiffError
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

__version__ = "0.1.0"

__all__ = [
    "Citation",
    "CitationKind",
    "CompareOptions",
    "Comparison",
    "Direction",
    "Document",
    "DocumentKind",
    "InputError",
    "NotableEdit",
    "NotableKind",
    "Op",
    "OutputError",
    "Pair",
    "Paragraph",
    "ParagraphKind",
    "Phrase",
    "PrstdiffError",
    "Source",
    "Stats",
    "Status",
    "WordOp",
    "__version__",
    "compare",
    "index_corpus",
    "load",
    "load_folder",
    "notable_edits",
    "open_index",
    "search_phrase",
    "select_series",
    "trace_document",
]
