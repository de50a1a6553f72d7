"""Pair planning on real documents, and output names that can never leave the output folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from prstdiff.batch import (
    PairState,
    ProcessExecutor,
    plan_all_pairs,
    plan_manifest,
    plan_series,
    run_job,
    sanitize_name,
    unique_names,
)
from prstdiff.errors import OutputError
from prstdiff.model import Document

from .conftest import CORPUS, UNFICYP, UNFICYP_PAIR_NAMES, UNFICYP_SYMBOLS


@pytest.mark.parametrize(
    ("wanted", "name"),
    [
        ("../escape", "escape"),
        ("../../../../tmp/evil", "tmp_evil"),
        ("/etc/passwd", "etc_passwd"),
        ("C:\\Windows\\system32", "C_Windows_system32"),
        ("..", "pair"),
        ("", "pair"),
        ('a b*?<>|:"c', "a_b_c"),
        ("report..html", "report.html"),
        (".hidden", "hidden"),
        ("CON", "file_CON"),
        ("nul.txt", "file_nul.txt"),
        ("Ünïcödé résumé", "Unicode_resume"),
        ("S/RES/2263 (2016)", "S_RES_2263_2016"),
        ("S/PRST/2007/42", "S_PRST_2007_42"),
        ("x" * 300, "x" * 120),
        ("line\nbreak\x00nul", "line_break_nul"),
    ],
)
def test_sanitize_name(wanted: str, name: str) -> None:
    assert sanitize_name(wanted) == name


def test_unique_names_ignore_case() -> None:
    assert unique_names(["a", "A", "a", "a-2", "b"]) == ["a", "A-2", "a-3", "a-2-2", "b"]


def test_series_by_symbols_is_the_fourteen_consecutive_renewals(unficyp_folder: Path) -> None:
    plan = plan_series(unficyp_folder, symbols=UNFICYP_SYMBOLS)
    assert tuple(pair.name for pair in plan.pairs) == UNFICYP_PAIR_NAMES
    first = plan.pairs[0]
    assert first.old.document is not None and first.new.document is not None
    assert (first.old.document.symbol, str(first.old.document.date)) == (
        "S/RES/2263 (2016)",
        "2016-01-28",
    )
    assert (first.new.document.symbol, str(first.new.document.date)) == (
        "S/RES/2300 (2016)",
        "2016-07-26",
    )
    # One Input per document: the later document of a pair is the earlier one of the next.
    assert all(a.new is b.old for a, b in zip(plan.pairs, plan.pairs[1:], strict=False))
    by_symbols = plan_series(unficyp_folder, symbols=["2561 (2021)", "S/RES/2587 (2021)"])
    assert [p.name for p in by_symbols.pairs] == ["S_RES_2561_2021__S_RES_2587_2021"]


def test_all_pairs_puts_the_older_document_first(tmp_path: Path) -> None:
    for name in ("S_RES_2674_2023.txt", "S_PRST_2007_42.txt", "S_RES_1809_2008.txt"):
        (tmp_path / name).write_bytes((CORPUS / name).read_bytes())
    (tmp_path / "empty.txt").write_text("")
    plan = plan_all_pairs(tmp_path)
    assert [pair.name for pair in plan.pairs] == [
        "S_PRST_2007_42__S_RES_1809_2008",
        "S_PRST_2007_42__S_RES_2674_2023",
        "S_RES_1809_2008__S_RES_2674_2023",
    ]
    assert [(s.path, s.reason) for s in plan.skipped] == [
        (str(tmp_path / "empty.txt"), "empty file")
    ]


def test_manifest_names_from_symbols_or_entries(tmp_path: Path) -> None:
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(
        f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]}\n"
        f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]}\n"
        f"{CORPUS / UNFICYP[1]},{CORPUS / UNFICYP[2]},Renewal of July 2016 → January 2017\n"
    )
    plan = plan_manifest(manifest)
    assert [pair.name for pair in plan.pairs] == [
        "S_RES_2263_2016__S_RES_2300_2016",
        "S_RES_2263_2016__S_RES_2300_2016-2",
        "Renewal_of_July_2016_January_2017",
    ]
    assert plan.pairs[0].old is plan.pairs[1].old  # each file is read once


def tree(root: Path, leave_out: Path) -> list[str]:
    """Every file and folder under ``root`` except inside ``leave_out``."""
    found = []
    for folder, folders, files in os.walk(root):
        if Path(folder) == leave_out or leave_out in Path(folder).parents:
            continue
        found += [str(Path(folder, name)) for name in folders + files]
    return sorted(found)


def test_hostile_names_write_nothing_outside_the_output_folder(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "docs").mkdir(parents=True)
    for name in UNFICYP[:2]:
        (work / "docs" / name).write_bytes((CORPUS / name).read_bytes())
    old, new = (f"docs/{name}" for name in UNFICYP[:2])
    hostile = [
        "../escape",
        "../../../../../../../../tmp/prstdiff-escape",
        "/tmp/prstdiff-absolute",
        "..",
        'odd *?<>|:" name',
        "CON",
        "pairs/../../up",
    ]
    manifest = work / "jobs.csv"
    manifest.write_text("".join(f'{old},{new},"{name}"\n' for name in hostile), encoding="utf-8")
    outdir = work / "out"
    outdir.mkdir()
    before = tree(tmp_path, outdir)
    result = run_job(plan_manifest(manifest), outdir, ProcessExecutor(1))
    assert [r.state for r in result.records] == [PairState.DONE] * len(hostile)
    assert [r.name for r in result.records] == [
        "escape",
        "tmp_prstdiff-escape",
        "tmp_prstdiff-absolute",
        "pair",
        "odd_name",
        "file_CON",
        "pairs_up",
    ]
    assert tree(tmp_path, outdir) == before
    assert not Path("/tmp/prstdiff-escape.html").exists()
    assert not Path("/tmp/prstdiff-absolute.html").exists()
    written = sorted(p.relative_to(outdir).as_posix() for p in outdir.rglob("*") if p.is_file())
    assert written == sorted(
        ["index.html", "job.json", "summary.csv", "summary.json"]
        + [f"pairs/{r.name}.{suffix}" for r in result.records for suffix in ("html", "json")]
    )


def test_a_planted_symbolic_link_cannot_carry_reports_outside(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "pairs").symlink_to(outside, target_is_directory=True)
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]}\n")
    with pytest.raises(OutputError, match="refusing to write outside the output folder"):
        run_job(plan_manifest(manifest), outdir, ProcessExecutor(1))
    assert list(outside.iterdir()) == []


def test_a_reader_crash_fails_only_that_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prstdiff.parse

    real_load = prstdiff.parse.load

    def madeup_crashing_load(path: str | Path) -> Document:
        if Path(path).name == UNFICYP[1]:
            raise IndexError("list index out of range")
        return real_load(path)

    monkeypatch.setattr(prstdiff.parse, "load", madeup_crashing_load)
    manifest = tmp_path / "jobs.csv"
    manifest.write_text(f"{CORPUS / UNFICYP[0]},{CORPUS / UNFICYP[1]}\n")
    pair = plan_manifest(manifest).pairs[0]
    assert pair.old.document is not None and pair.old.error is None
    assert pair.new.document is None
    assert pair.new.error == (
        f"{CORPUS / UNFICYP[1]}: cannot read: IndexError: list index out of range"
    )
    assert pair.new.sha256 is not None  # the file itself was read


def test_a_series_is_chosen_from_the_index_and_only_its_files_are_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import prstdiff.batch.plan as plan_module
    import prstdiff.corpus.index as index_module
    from prstdiff.corpus import load_folder

    folder = tmp_path / "corpus"
    folder.mkdir()
    others = ["S_RES_1888_2009.txt", "S_PRST_2013_12.txt", "S_PRST_2010_1.txt"]
    for name in [*UNFICYP, *others]:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    indexed: list[str] = []
    parsed: list[str] = []
    read = index_module.read_document_file
    load = plan_module.load_input
    monkeypatch.setattr(
        index_module, "read_document_file", lambda p: indexed.append(p.name) or read(p)
    )
    monkeypatch.setattr(plan_module, "load_input", lambda p: parsed.append(p.name) or load(p))
    first = plan_series(folder, symbols=UNFICYP_SYMBOLS)
    assert sorted(indexed) == sorted([*UNFICYP, *others])
    assert sorted(parsed) == sorted(UNFICYP)
    assert (folder / ".prstdiff-index.sqlite").is_file()
    indexed.clear()
    parsed.clear()
    second = plan_series(folder, symbols=UNFICYP_SYMBOLS)
    assert indexed == []  # nothing changed: the series is chosen without parsing any file
    assert sorted(parsed) == sorted(UNFICYP)
    assert [p.name for p in second.pairs] == [p.name for p in first.pairs]
    assert tuple(p.name for p in first.pairs) == tuple(UNFICYP_PAIR_NAMES)
    # The documents compared are the files as parsed, the same as a plan from the whole folder.
    by_name = {Path(d.source.path).name: d for d in load_folder(folder).documents if d.source}
    for pair in second.pairs:
        for item in (pair.old, pair.new):
            assert item.document == by_name[item.path.name]


def test_a_folder_without_a_usable_index_plans_its_series_by_parsing_every_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in UNFICYP:
        (folder / name).write_bytes((CORPUS / name).read_bytes())
    # A folder where the index file should be: no index can be kept there.
    (folder / ".prstdiff-index.sqlite").mkdir()
    plan = plan_series(folder, symbols=UNFICYP_SYMBOLS)
    assert tuple(p.name for p in plan.pairs) == tuple(UNFICYP_PAIR_NAMES)
    assert (folder / ".prstdiff-index.sqlite").is_dir()
