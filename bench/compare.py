"""Benchmark: time to compare real pairs, and the same pairs scaled x10 and x50, against baselines.

Run from the repository root: ``python bench/compare.py`` (``--repeat N`` for more
runs). For every pair it prints the paragraphs on each side, the paragraph pairs scored, and the
best time of ``prstdiff.compare`` with no paragraph tokenised before ("cold": the token cache of
``prstdiff.prepared`` emptied before each run) and again with the tokens of both documents kept
("warm": a document compared a second time, as in a series or a batch), and the time
``prstdiff.normalize.key_words`` takes to fold every paragraph once (the reader's share), next
to, in the same run and on the same texts, a difflib word diff of the whole text,
diff-match-patch on the whole text (characters, semantic cleanup) and the ``redlines`` package
when installed. Scaled pairs are made-up: each paragraph of both documents is repeated N times,
each copy with a different word of a made-up vocabulary put in, so copies stay aligned and every
copy has near-duplicates the alignment must not confuse.

A second table times whole processes on the ×10 pairs written to files: ``python -m prstdiff
diff OLD NEW -f json`` (interpreter, imports, reading, comparing, writing JSON) against a Python
process that reads the same two files and runs ``redlines`` on them.

``--stages`` prints, for the real pairs (×1), where a cold ``compare()`` spends its time: the best
time of each of its stages run one after the other as ``compare()`` runs them (comparison keys,
stems, alignment, word diffs, notable edits, the rest of the pairs, shared phrases and
statistics), so that the figures of the first table can be read.

``--series`` times every pair of consecutive documents of the corpus's five series (UNFICYP;
children and armed conflict; protection of civilians; regional organizations; women and peace
and security), cold, best of ``--repeat``, next to a difflib word diff of the same two texts, and
prints the median, the 90th percentile and the slowest pair of each series: what a typical pair
of real documents costs, not only the long ones of the first table.
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import itertools
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from diff_match_patch import diff_match_patch

from prstdiff import Document, Paragraph, compare
from prstdiff.align import align_keys, earlier_date
from prstdiff.normalize import key_words
from prstdiff.options import CompareOptions
from prstdiff.parse import load
from prstdiff.prepared import clear_cache, paragraph_tokens

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAIRS = [
    ("S_RES_2561_2021.txt", "S_RES_2587_2021.txt"),
    ("S_PRST_2010_1.txt", "S_PRST_2013_12.txt"),
    ("S_RES_1820_2008.txt", "S_RES_1888_2009.txt"),
]
SCALES = (1, 10, 50)
# Made-up marker words, one per copy, so that copies are near-duplicates rather than equal.
MARKERS = [f"madeup{n}" for n in range(64)]


def scaled(document: Document, times: int) -> Document:
    """A made-up document: every paragraph repeated ``times`` times, each copy slightly edited."""
    if times == 1:
        return document
    paragraphs = []
    for copy in range(times):
        for paragraph in document.paragraphs:
            words = paragraph.text.split(" ")
            words.insert(len(words) // 2, MARKERS[copy % len(MARKERS)])
            paragraphs.append(
                Paragraph(len(paragraphs), paragraph.kind, paragraph.number, " ".join(words))
            )
    return replace(document, symbol=None, paragraphs=tuple(paragraphs), source=None)


def scaled_text(document: Document, times: int) -> str:
    """``scaled(document, times)`` as a text file the reader reads back paragraph by paragraph."""
    lines = ["Made-up scaled document for benchmarks", ""]
    for paragraph in scaled(document, times).paragraphs:
        prefix = f"{paragraph.number}. " if paragraph.number else ""
        lines += [prefix + paragraph.text, ""]
    return "\n".join(lines)


def timed(
    function: Callable[[], object], repeat: int, before: Callable[[], object] | None = None
) -> float:
    """Best wall time of ``repeat`` runs of ``function`` in milliseconds (``before`` runs
    untimed ahead of each).

    The best, not the median, as ``timeit`` advises: on a machine shared with other work, other
    processes only ever add time to a run.
    """
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return min(times)


def whole_text(document: Document) -> str:
    return "\n".join(p.text for p in document.paragraphs)


def difflib_words(old: str, new: str) -> object:
    return difflib.SequenceMatcher(None, old.split(), new.split(), autojunk=False).get_opcodes()


def dmp_text(old: str, new: str) -> object:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 1.0  # the library default: whole texts would otherwise take seconds
    diffs = dmp.diff_main(old, new)
    dmp.diff_cleanupSemantic(diffs)
    return diffs


def redlines_text(old: str, new: str) -> object | None:
    try:
        from redlines import Redlines
    except ImportError:
        return None
    return Redlines(old, new).output_markdown


REDLINES_PROCESS = (
    "import sys; from pathlib import Path; from redlines import Redlines; "
    "old, new = (Path(name).read_text(encoding='utf-8') for name in sys.argv[1:3]); "
    "print(Redlines(old, new).output_markdown)"
)


def process(arguments: list[str]) -> None:
    """One Python process; exit statuses 0 and 1 (diff's "differ") are both success."""
    command = [sys.executable, *arguments]
    done = subprocess.run(command, cwd=CORPUS.parent, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(arguments)} failed: {done.stderr.decode()}")


def processes(repeat: int, has_redlines: bool) -> None:
    """Print whole-process times of the ×10 pairs: prstdiff diff against redlines."""
    header = (
        f"{'pair ×10, whole process':<38} {'prstdiff diff -f json':>22} {'redlines':>10} "
        f"{'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        for old_name, new_name in PAIRS:
            old_doc, new_doc = load(CORPUS / old_name), load(CORPUS / new_name)
            old_file, new_file = folder / "old_x10.txt", folder / "new_x10.txt"
            old_file.write_text(scaled_text(old_doc, 10), encoding="utf-8")
            new_file.write_text(scaled_text(new_doc, 10), encoding="utf-8")
            files = [str(old_file), str(new_file)]
            diff = ["-m", "prstdiff", "diff", *files, "-f", "json"]
            ours = timed(lambda a=diff: process(a), repeat)
            name = f"{old_doc.name} → {new_doc.name}"
            if has_redlines:
                red = ["-c", REDLINES_PROCESS, *files]
                theirs = timed(lambda a=red: process(a), repeat)
                print(f"{name:<38} {ours:>20.0f}ms {theirs:>8.0f}ms {ours / theirs:>5.2f}×")
            else:
                print(f"{name:<38} {ours:>20.0f}ms {'-':>10} {'-':>6}")


STAGES = ("keys", "stems", "align", "word diffs", "notable", "pairs, rest", "phrases, stats")


def stage_times(old: Document, new: Document) -> dict[str, float]:
    """Milliseconds each stage of one cold ``compare(old, new)`` takes, in ``STAGES`` order.

    The stages are ``prstdiff.compare.compare``'s own steps, run in its order on the same tokens;
    the word diffs and notable edits of its pairs are timed where ``_pair`` calls them.
    """
    # The module, not the function ``prstdiff.compare`` that the package exports under its name.
    module: Any = importlib.import_module("prstdiff.compare")
    spent = dict.fromkeys(STAGES, 0.0)

    def timing(stage: str, function: Callable[..., object]) -> Callable[..., object]:
        def timed_call(*args: object, **kwargs: object) -> object:
            start = time.perf_counter()
            result = function(*args, **kwargs)
            spent[stage] += (time.perf_counter() - start) * 1000
            return result

        return timed_call

    options = CompareOptions()
    clear_cache()
    marks = [time.perf_counter()]
    old_tokens = [paragraph_tokens(p.text) for p in old.paragraphs]
    new_tokens = [paragraph_tokens(p.text) for p in new.paragraphs]
    old_keys = [" ".join(t.key) for t in old_tokens]
    new_keys = [" ".join(t.key) for t in new_tokens]
    marks.append(time.perf_counter())
    stemmed = [t.stems for t in (*old_tokens, *new_tokens)]
    marks.append(time.perf_counter())
    links = align_keys(old_keys, new_keys, options, earlier_date(old, new), stemmed=stemmed)
    marks.append(time.perf_counter())
    diff_words, notable_edits = module.diff_words, module.notable_edits
    module.diff_words = timing("word diffs", diff_words)
    module.notable_edits = timing("notable", notable_edits)
    try:
        pairs = [module._pair(link, old, new, old_tokens, new_tokens, options) for link in links]
    finally:
        module.diff_words, module.notable_edits = diff_words, notable_edits
    marks.append(time.perf_counter())
    pairs = module._with_phrases(module._ordered(pairs), old, new, old_tokens, new_tokens, options)
    module._stats(pairs, [len(t.key) for t in old_tokens], [len(t.key) for t in new_tokens])
    marks.append(time.perf_counter())
    elapsed = [(after - before) * 1000 for before, after in itertools.pairwise(marks)]
    spent["keys"], spent["stems"], spent["align"] = elapsed[:3]
    spent["pairs, rest"] = elapsed[3] - spent["word diffs"] - spent["notable"]
    spent["phrases, stats"] = elapsed[4]
    return spent


def stages(repeat: int) -> None:
    """Print the best time of each stage of a cold ``compare()`` on the real pairs."""
    header = f"{'pair, stage (best, ms)':<38} " + " ".join(f"{s:>14}" for s in STAGES)
    header += f" {'sum':>8}"
    print(header)
    print("-" * len(header))
    for old_name, new_name in PAIRS:
        old, new = load(CORPUS / old_name), load(CORPUS / new_name)
        runs = [stage_times(old, new) for _ in range(repeat)]
        best = {stage: min(run[stage] for run in runs) for stage in STAGES}
        cells = " ".join(f"{best[s]:>14.2f}" for s in STAGES)
        print(f"{old.name + ' → ' + new.name:<38} {cells} {sum(best.values()):>8.2f}")


SERIES = (
    ("UNFICYP (Cyprus)", "Cyprus"),
    ("children and armed conflict", "children and armed conflict"),
    ("protection of civilians", "protection of civilians"),
    ("regional organizations", "regional"),
    ("women and peace and security", "women"),
)
"""Each series' label and the subject text that selects it (``prstdiff.corpus.select_series``)."""


def series(repeat: int) -> None:
    """Print cold ``compare()`` times over every consecutive pair of the corpus's series."""
    from prstdiff.corpus.folder import load_folder
    from prstdiff.corpus.series import select_series

    documents = list(load_folder(CORPUS).documents)
    header = (
        f"{'series (cold compare, ms)':<30} {'pairs':>6} {'median':>8} {'90th':>8} {'slowest':>8}"
        f" {'<= 10 ms':>9} {'difflib median':>15}"
    )
    print(header)
    print("-" * len(header))
    everything: list[float] = []
    baseline: list[float] = []
    for label, match in SERIES:
        chosen = select_series(documents, match=match)
        ours: list[float] = []
        theirs: list[float] = []
        for old, new in itertools.pairwise(chosen):
            ours.append(timed(lambda o=old, n=new: compare(o, n), repeat, before=clear_cache))
            texts = whole_text(old), whole_text(new)
            theirs.append(timed(lambda t=texts: difflib_words(*t), 1))
        everything += ours
        baseline += theirs
        print(_series_row(label, ours, theirs))
    print(_series_row("all", everything, baseline))


def _series_row(label: str, ours: list[float], theirs: list[float]) -> str:
    ranked = sorted(ours)
    ninetieth = ranked[min(len(ranked) - 1, int(0.9 * len(ranked)))]
    quick = sum(t <= 10 for t in ours) / len(ours)
    return (
        f"{label:<30} {len(ours):>6} {statistics.median(ours):>8.1f} {ninetieth:>8.1f} "
        f"{ranked[-1]:>8.1f} {quick:>8.0%} {statistics.median(theirs):>15.1f}"
    )


def main() -> None:
    """Print the benchmark table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (best)")
    parser.add_argument(
        "--no-process", action="store_true", help="leave out the whole-process table"
    )
    parser.add_argument(
        "--stages",
        action="store_true",
        help="only print where a cold compare() of each real pair spends its time",
    )
    parser.add_argument(
        "--series",
        action="store_true",
        help="only print cold compare() times over every consecutive pair of the five series",
    )
    args = parser.parse_args()
    if args.series:
        series(args.repeat)
        return
    if args.stages:
        stages(max(args.repeat, 10))
        return
    try:
        import redlines  # noqa: F401

        has_redlines = True
    except ImportError:
        has_redlines = False
    header = (
        f"{'pair':<38} {'scale':>5} {'old×new':>11} {'scored':>9} {'prstdiff':>10} "
        f"{'µs/pair':>8} {'warm':>9} {'keys':>9} {'difflib':>9} {'dmp':>9} {'redlines':>9}"
    )
    print(header)
    print("-" * len(header))
    for old_name, new_name in PAIRS:
        old_doc, new_doc = load(CORPUS / old_name), load(CORPUS / new_name)
        for scale in SCALES:
            old, new = scaled(old_doc, scale), scaled(new_doc, scale)
            old_text, new_text = whole_text(old), whole_text(new)
            repeat = args.repeat if scale < 50 else max(1, args.repeat // 3)
            ours = timed(lambda o=old, n=new: compare(o, n), repeat, before=clear_cache)
            warm = timed(lambda o=old, n=new: compare(o, n), repeat)
            paragraphs = [p.text for p in (*old.paragraphs, *new.paragraphs)]
            keys = timed(lambda t=paragraphs: [key_words(text) for text in t], repeat)
            scored = len(old.paragraphs) * len(new.paragraphs)
            # The word-diff baselines grow quadratically in the text: one run at x10, none at x50.
            base_repeat = repeat if scale == 1 else 1
            if scale < 50:
                ms = timed(lambda a=old_text, b=new_text: difflib_words(a, b), base_repeat)
                base_difflib = f"{ms:>7.1f}ms"
            else:
                base_difflib = f"{'-':>9}"
            base_dmp = timed(lambda a=old_text, b=new_text: dmp_text(a, b), base_repeat)
            if has_redlines and scale < 50:
                ms = timed(lambda a=old_text, b=new_text: redlines_text(a, b), base_repeat)
                red = f"{ms:>7.1f}ms"
            else:
                red = f"{'-':>9}"
            name = f"{old_doc.name} → {new_doc.name}"
            print(
                f"{name:<38} {'×' + str(scale):>5} "
                f"{len(old.paragraphs):>5}×{len(new.paragraphs):<5} {scored:>9} "
                f"{ours:>8.1f}ms {1000 * ours / scored:>8.2f} {warm:>7.1f}ms {keys:>7.1f}ms "
                f"{base_difflib} "
                f"{base_dmp:>7.1f}ms {red}"
            )
    print(
        "\nprstdiff: paragraph alignment, word diffs, phrases and statistics; the baselines only "
        "diff the whole text (no alignment, no moves). difflib and redlines run once at ×10 and "
        "are skipped at ×50 (minutes); dmp stops at its 1 s timeout. prstdiff: no paragraph "
        "tokenised before the run; warm: the same comparison again, tokens kept.\n"
    )
    if not args.no_process:
        processes(max(1, args.repeat // 2), has_redlines)
        print(
            f"\nbest of {max(1, args.repeat // 2)} processes each; ratio: prstdiff's time over "
            "redlines' (issue target ≤ 0.3×)."
        )


if __name__ == "__main__":
    main()
