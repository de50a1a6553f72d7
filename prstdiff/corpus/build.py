"""Building a corpus index: the documents first, then the lineage that the tracer works out.

This module stands above both ``corpus.index`` (storage) and ``corpus.trace`` (lineage), so
neither has to import the other's user.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from prstdiff.corpus.folder import list_document_files
from prstdiff.corpus.index import (
    IndexReport,
    default_index_path,
    index_damage,
    index_errors,
    open_index,
    remove_index_file,
    update_lock,
)
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
    on_wait: Callable[[Path], None] | None = None,
) -> IndexReport:
    """Build or bring up to date the index of a corpus folder, lineage included.

    Unreadable files are skipped and reported; only new or changed files are read again, and
    only the documents after the earliest change get their lineage worked out again. Another
    process updating the same index is waited for (``on_wait`` is told, once); a damaged index
    file is rebuilt from the corpus.
    """
    root = Path(folder)
    list_document_files(root)  # a missing folder is an input error before any file is created
    path = Path(db) if db is not None else default_index_path(root)
    with update_lock(path, on_wait), index_errors(path):
        damage = index_damage(path)
        if damage is not None:
            remove_index_file(path)
        with open_index(root, db=db, options=options, compare_options=compare_options) as index:
            report = index.update_from_folder(root, progress=progress)
            traced = build_lineage(
                index, options=compare_options, corpus_options=options, progress=progress
            )
    rebuilt = f"the index file was damaged ({damage})" if damage is not None else report.rebuilt
    return replace(report, traced=traced, rebuilt=rebuilt)
