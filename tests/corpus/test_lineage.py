"""Lineage: exact retrieval, options in the index fingerprint, checkpoints, progress."""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from prstdiff.align import similarity_matrix
from prstdiff.corpus.build import index_corpus
from prstdiff.corpus.index import CorpusIndex, open_index
from prstdiff.corpus.progress import StderrProgress
from prstdiff.corpus.trace import Tracer, trace_document
from prstdiff.errors import IndexFileError
from prstdiff.options import CompareOptions

ROOT = Path(__file__).resolve().parent.parent.parent
CORPUS = ROOT / "corpus"
REGIONAL = (
    "S_PRST_2004_27.txt",
    "S_PRST_2006_39.txt",
    "S_PRST_2007_7.txt",
    "S_PRST_2007_42.txt",
    "S_PRST_2009_3.txt",
    "S_PRST_2010_1.txt",
    "S_PRST_2013_12.txt",
)
CYPRUS = sorted(p.name for p in CORPUS.glob("S_RES_*.txt") if "Cyprus" in p.read_text("utf-8"))


def brute_force(
    index: CorpusIndex, doc_id: int, options: CompareOptions
) -> list[set[tuple[str, int]]]:
    """Every earlier paragraph at or above the threshold, by scoring all of them."""
    before = index.sort_key(doc_id)
    earlier = [
        (meta.name, paragraph)
        for meta in index.documents()
        if meta.sort_key < before
        for paragraph in index.load_document(meta.id).paragraphs
    ]
    texts = [p.text for p in index.load_document(doc_id).paragraphs]
    found: list[set[tuple[str, int]]] = [set() for _ in texts]
    if not earlier:
        return found
    matrix = similarity_matrix([p.text for _, p in earlier], texts, options)
    for row, (name, paragraph) in enumerate(earlier):
        for column in range(len(texts)):
            if matrix[row, column] >= options.threshold:
                found[column].add((name, paragraph.index))
    return found


@pytest.mark.parametrize("threshold", [0.5, 0.3, 0.8])
def test_trace_finds_exactly_the_earlier_paragraphs_at_the_threshold(
    subset_index: CorpusIndex, threshold: float
) -> None:
    options = CompareOptions(threshold=threshold)
    tracer = Tracer(subset_index, options)
    for name in ("S_RES_2674_2023.txt", "S_RES_1442_2002.txt", "S_PRST_2013_12.txt"):
        doc_id = subset_index.find_document(name=name)
        assert doc_id is not None
        texts = [p.text for p in subset_index.load_document(doc_id).paragraphs]
        hits = tracer.score(texts, subset_index.sort_key(doc_id))
        got = [
            {(tracer.paragraph(h.para_id).name, tracer.paragraph(h.para_id).index) for h in column}
            for column in hits
        ]
        assert got == brute_force(subset_index, doc_id, options), name


def test_similarities_are_the_engines_to_four_places_at_other_options(
    subset_index: CorpusIndex,
) -> None:
    # Another order weight and threshold: retrieval scores pairs one by one with the engine's
    # arithmetic, so every number equals the full similarity_matrix's.
    options = CompareOptions(threshold=0.4, order_weight=0.8)
    tracer = Tracer(subset_index, options)
    for name in ("S_RES_2674_2023.txt", "S_PRST_2013_12.txt"):
        doc_id = subset_index.find_document(name=name)
        assert doc_id is not None
        before = subset_index.sort_key(doc_id)
        texts = [p.text for p in subset_index.load_document(doc_id).paragraphs]
        earlier = [
            (meta.name, paragraph)
            for meta in subset_index.documents()
            if meta.sort_key < before
            for paragraph in subset_index.load_document(meta.id).paragraphs
        ]
        matrix = similarity_matrix([p.text for _, p in earlier], texts, options)
        expected = [
            {
                (n, p.index): round(float(matrix[row, column]), 4)
                for row, (n, p) in enumerate(earlier)
                if matrix[row, column] >= options.threshold
            }
            for column in range(len(texts))
        ]
        got = [
            {
                (tracer.paragraph(h.para_id).name, tracer.paragraph(h.para_id).index): h.similarity
                for h in column
            }
            for column in tracer.score(texts, before)
        ]
        assert got == expected, name


def test_the_self_join_finds_what_each_key_looks_up_alone(subset_index: CorpusIndex) -> None:
    joined = Tracer(subset_index).keys
    joined.join()
    alone = Tracer(subset_index).keys
    keys = range(len(alone.sequences))
    alone.prepare(keys)
    for key in keys:
        a, b = joined.neighbours(key), alone.neighbours(key)
        assert dict(zip(a.keys.tolist(), a.similarity.tolist(), strict=True)) == dict(
            zip(b.keys.tolist(), b.similarity.tolist(), strict=True)
        ), key


def closest_by_brute_force(index: CorpusIndex) -> dict[tuple[str, int], tuple[str, int] | None]:
    """Each paragraph's most similar earlier one (latest among equals, first in its document)."""
    options = index.compare_options
    documents = index.documents()
    expected: dict[tuple[str, int], tuple[str, int] | None] = {}
    for position, meta in enumerate(documents):
        texts = [p.text for p in index.load_document(meta.id).paragraphs]
        earlier = [
            (rank, d.name, p)
            for rank, d in enumerate(documents[:position])
            for p in index.load_document(d.id).paragraphs
        ]
        matrix = similarity_matrix([p.text for _, _, p in earlier], texts, options)
        for column in range(len(texts)):
            best: tuple[float, int, int, str] | None = None
            for row, (rank, name, paragraph) in enumerate(earlier):
                value = round(float(matrix[row, column]), 4)
                if matrix[row, column] >= options.threshold:
                    candidate = (value, rank, -paragraph.index, name)
                    best = candidate if best is None or candidate > best else best
            expected[(meta.name, column)] = None if best is None else (best[3], -best[2])
    return expected


def stored_lineage(index: CorpusIndex) -> dict[tuple[str, int], tuple[str, int] | None]:
    """The closest sources the index stores, by (file name, paragraph index)."""
    tracer = Tracer(index)
    found: dict[tuple[str, int], tuple[str, int] | None] = {}
    for meta in index.documents():
        for para_id in index.paragraph_ids(meta.id):
            paragraph = tracer.paragraph(para_id)
            parent = index.stored_parent(para_id)
            assert parent is not None
            source = None if parent[0] is None else tracer.paragraph(parent[0])
            found[(meta.name, paragraph.index)] = (
                None if source is None else (source.name, source.index)
            )
    return found


def cyprus_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "cyprus"
    folder.mkdir()
    for name in CYPRUS[:40]:
        shutil.copy2(CORPUS / name, folder / name)
    return folder


def test_stored_lineage_is_the_closest_earlier_paragraph(tmp_path: Path) -> None:
    folder = cyprus_folder(tmp_path)
    index_corpus(folder)
    with open_index(folder) as index:
        stored = stored_lineage(index)
        assert stored == closest_by_brute_force(index)


def test_a_killed_build_resumes_where_it_stopped(tmp_path: Path) -> None:
    folder = cyprus_folder(tmp_path)
    # The child indexes the documents, then is killed (SIGKILL) after its second lineage step,
    # once 8 + 16 documents are stored and committed (a checkpoint after every step); the join
    # of similar keys before the steps reports progress too, under another name.
    script = (
        "import os, signal, sys\n"
        "from prstdiff.corpus.index import open_index\n"
        "from prstdiff.corpus.trace import build_lineage\n"
        "calls = []\n"
        "def progress(done, total, name):\n"
        "    if name == 'documents: lineage':\n"
        "        calls.append(done)\n"
        "    if len(calls) == 2:\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "with open_index(sys.argv[1]) as index:\n"
        "    index.update_from_folder(sys.argv[1])\n"
        "    build_lineage(index, progress=progress, checkpoint_seconds=0)\n"
    )
    child = subprocess.run(
        [sys.executable, "-c", script, str(folder)], cwd=ROOT, capture_output=True, timeout=300
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    report = index_corpus(folder)
    assert (report.read, report.documents, report.traced) == (0, 40, 40 - 24)
    with open_index(folder) as index:
        assert stored_lineage(index) == closest_by_brute_force(index)


def test_an_index_built_with_other_options_is_rebuilt(tmp_path: Path) -> None:
    folder = tmp_path / "regional"
    folder.mkdir()
    for name in REGIONAL:
        shutil.copy2(CORPUS / name, folder / name)
    assert index_corpus(folder).rebuilt is None
    for changed in (
        CompareOptions(threshold=0.9),
        CompareOptions(order_weight=0.2),
        CompareOptions(stop_words=frozenset({"the", "of"})),
    ):
        report = index_corpus(folder, compare_options=changed)
        assert report.rebuilt == "index built by another prstdiff version or with other settings"
        assert (report.read, report.traced) == (len(REGIONAL), len(REGIONAL))
        again = index_corpus(folder, compare_options=changed)
        assert (again.rebuilt, again.read, again.traced) == (None, 0, 0)
        with open_index(folder, compare_options=changed) as index:
            assert index.compare_options == changed
    with open_index(folder, compare_options=CompareOptions(threshold=0.9)) as index:
        rows = index.lineage_rows()[1]
        similarities = [index.stored_parent(r.para_id) for r in rows]
        assert all(s is not None and (s[0] is None or s[1] >= 0.9) for s in similarities)


def test_trace_at_another_threshold_does_not_reuse_the_stored_lineage(
    subset_index: CorpusIndex,
) -> None:
    document = subset_index.load_document(
        subset_index.find_document(name="S_RES_1888_2009.txt") or -1
    )
    strict = trace_document(subset_index, document, options=CompareOptions(threshold=0.9))
    links = [link for p in strict.paragraphs for link in p.chain]
    assert links
    assert all(link.similarity >= 0.9 for link in links)
    with pytest.raises(IndexFileError, match="other stop words"):
        trace_document(subset_index, document, options=CompareOptions(stop_words=frozenset()))


class Clock:
    """A made-up clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_progress_is_quiet_for_a_second_then_a_line_every_few_seconds_off_a_terminal() -> None:
    stream = io.StringIO()
    clock = Clock()
    progress = StderrProgress("indexing", stream, terminal=False, clock=clock)
    progress(1, 10, "S_RES_1_1946.txt")
    assert stream.getvalue() == ""
    clock.now += 1.5
    progress(2, 10, "S_RES_2_1946.txt")
    clock.now += 1.0
    progress(3, 10, "S_RES_3_1946.txt")
    clock.now += 5.0
    progress(9, 10, "documents: lineage")
    clock.now += 0.5
    progress(10, 10, "documents: lineage")
    progress.close()
    assert stream.getvalue().splitlines() == [
        "prstdiff: indexing 2/10 S_RES_2_1946.txt (2 s)",
        "prstdiff: indexing 9/10 documents: lineage (8 s)",
        "prstdiff: indexing 10/10 documents: lineage (8 s)",
    ]


def test_progress_on_a_terminal_rewrites_one_line_and_clears_it() -> None:
    stream = io.StringIO()
    clock = Clock()
    progress = StderrProgress("indexing", stream, terminal=True, clock=clock)
    clock.now += 2
    progress(5, 10, "S_RES_186_1964.txt")
    clock.now += 1
    progress(6, 10, "x")
    progress.close()
    first = "prstdiff: indexing 5/10 S_RES_186_1964.txt"
    second = "prstdiff: indexing 6/10 x"
    assert stream.getvalue() == (
        f"\r{first}\r{second}{' ' * (len(first) - len(second))}\r{' ' * len(second)}\r"
    )


def test_cli_index_reports_progress_on_stderr_when_not_a_terminal(tmp_path: Path) -> None:
    folder = cyprus_folder(tmp_path)
    # The first second's silence is lifted, so even this small job reports.
    script = (
        "import runpy, sys\n"
        "import prstdiff.corpus.progress as progress\n"
        "progress.DELAY = 0.0\n"
        "sys.argv = ['prstdiff', 'index', sys.argv[1]]\n"
        "runpy.run_module('prstdiff', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(folder)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "40 documents" in done.stdout
    lines = done.stderr.splitlines()
    assert lines[0] == f"prstdiff: indexing 0/40 {CYPRUS[0]} (0 s)"
    assert lines[-1].startswith("prstdiff: indexing 40/40 documents: lineage (")
    assert all(line.startswith("prstdiff: indexing ") for line in lines)
