"""Building a corpus index: the documents first, then the lineage that the tracer works out.

This module stands above both ``corpus.index`` (storage) and ``corpus.trace`` (lineage), so
neither has to import the other's user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from prstdiff.corpus.folder import list_document_files
from prstdiff.corpus.index import IndexReport, open_index
from prstdiff.corpus.options import CorpusOptions
from prstdiff.corpus.trace import build_lineage
from prstdiff.options import CompareOptions

__all__ = ["index_corpus"]


def index_corpus(
    folder: str | Path,
    *,
    db: str | Path | None = None,
    options: CorpusOptions | None = None,
    compare_options: CompareOptions | None = None,
    progress: Callable[[int, int, str], None] | None = None,
) -> IndexReport:
    """Build or bring up to date the index of a corpus folder, lineage included.

    Unreadable files are skipped and reported; only new or changed files are read again, and
    only the documents after the earliest change get their lineage worked out again.
    """
    root = Path(folder)
    list_document_files(root)  # a missing folder is an input error before any file is created
    with open_index(root, db=db, options=options) as index:
        report = index.update_from_folder(root, progress=progress)
        traced = build_lineage(
            index, options=compare_options, corpus_options=options, progress=progress
        )
    return replace(report, traced=traced)
