"""The Word redline: accepting all changes gives the new text, rejecting all the old one.

The checks read the produced ``.docx`` with python-docx and resolve the tracked changes on its XML
as Word's "Accept all" and "Reject all" do: accepting drops ``w:del`` and ``w:moveFrom`` text and
the paragraph marks they delete, and keeps ``w:ins`` and ``w:moveTo`` text; rejecting does the
reverse. Each paragraph reads as its printed marker (``3.`` and a tab, ``(a)`` and a tab) and text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import itertools
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from prstdiff.compare import compare
from prstdiff.model import (
    Comparison,
    Document,
    DocumentKind,
    Op,
    Pair,
    Paragraph,
    ParagraphKind,
    Stats,
    Status,
    WordOp,
)
from prstdiff.parse import load
from prstdiff.render import docx as redline
from prstdiff.worddiff import diff_words

HERE = Path(__file__).parent
CORPUS = HERE.parent.parent / "corpus"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
STAMP = "2026-03-04T05:06:07Z"
EARLIER = "2026-03-04T05:04:07Z"
"""The date of changes that open a paragraph after one ending with a change of the same kind."""
CHANGES = ("ins", "del", "moveFrom", "moveTo")
NO_OFFICE = "LibreOffice is not installed (Debian: apt-get install libreoffice-writer-nogui)"


# --- reading a redline back --------------------------------------------------------------------


def body_paragraphs(data: bytes) -> list[Any]:
    """The ``w:p`` elements of the text, without the cover note."""
    document = docx.Document(io.BytesIO(data))
    return [
        p
        for p in document.element.body.iter(f"{W}p")
        if p.find(f"{W}pPr/{W}pStyle") is None
        or p.find(f"{W}pPr/{W}pStyle").get(f"{W}val") != "RedlineCover"
    ]


def _inside(element: Any, stop: Any, tags: set[str]) -> bool:
    parent = element.getparent()
    while parent is not stop:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def resolve(data: bytes, *, accept: bool) -> list[str]:
    """The paragraph texts after accepting (or rejecting) every tracked change."""
    gone = {f"{W}del", f"{W}moveFrom"} if accept else {f"{W}ins", f"{W}moveTo"}
    texts: list[str] = []
    carried = ""
    for paragraph in body_paragraphs(data):
        text = carried
        for element in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            if element.getparent().tag != f"{W}r" or _inside(element, paragraph, gone):
                continue
            text += "\t" if element.tag == f"{W}tab" else element.text or ""
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(change.tag in gone for change in mark):
            carried = text  # the paragraph mark goes: this text joins the next paragraph
            continue
        carried = ""
        texts.append(text)
    return texts


def printed(paragraph: Paragraph) -> str:
    """A paragraph as printed: operative number or sub-paragraph letter, a tab, the text."""
    if not paragraph.number:
        return paragraph.text
    last = paragraph.number.split()[-1]
    return f"{last}.\t{paragraph.text}" if last.isdigit() else f"{last}\t{paragraph.text}"


def expected_old(comparison: Comparison) -> list[str]:
    """The old paragraphs as rejecting all changes gives them: artefacts in their new form."""
    texts = [paragraph.text for paragraph in comparison.old.paragraphs]
    for pair in comparison.pairs:
        if any(op.op is Op.ARTEFACT for op in pair.ops):
            rebuilt = "".join(op.text for op in pair.ops if op.op is not Op.INSERT).split("\n")
            for index, text in zip(pair.old, rebuilt, strict=True):
                texts[index] = text
    return [
        printed(dataclasses.replace(paragraph, text=text))
        for paragraph, text in zip(comparison.old.paragraphs, texts, strict=True)
    ]


def check_both_texts(comparison: Comparison, data: bytes) -> None:
    """Accept all gives the new document exactly; reject all the old one."""
    assert resolve(data, accept=True) == [printed(p) for p in comparison.new.paragraphs]
    # Words that differ only by extraction are not marked, so rejecting gives their new form;
    # the word operations say which words those are, and rebuild the old text exactly.
    assert resolve(data, accept=False) == expected_old(comparison)


def changes(data: bytes, tag: str) -> list[Any]:
    """Every tracked-change element of one kind in the text (paragraph marks included)."""
    return [e for p in body_paragraphs(data) for e in p.iter(f"{W}{tag}")]


def text_of(element: Any) -> str:
    """The words inside an element: paragraph, change or run (tab stops are no text)."""
    return "".join(
        "\t" if e.tag == f"{W}tab" else e.text or ""
        for e in element.iter(f"{W}t", f"{W}delText", f"{W}tab")
        if e.getparent().tag == f"{W}r"
    )


def check_well_formed(data: bytes) -> None:
    """Authors, dates, unique revision ids, paired move ranges and comments."""
    body = docx.Document(io.BytesIO(data)).element.body
    ids: list[str] = []
    for tag in (*CHANGES, "moveFromRangeStart", "moveToRangeStart"):
        for element in body.iter(f"{W}{tag}"):
            assert element.get(f"{W}author") == "prstdiff"
            assert element.get(f"{W}date") in (STAMP, EARLIER)
            ids.append(element.get(f"{W}id"))
    # LibreOffice would join a change ending a paragraph with one of the same kind opening the
    # next, across the unchanged paragraph mark between them: their dates must differ.
    kind = {"ins": "ins", "moveTo": "ins", "del": "del", "moveFrom": "del"}
    paragraphs = body_paragraphs(data)
    for before, after in itertools.pairwise(paragraphs):
        if before.find(f"{W}pPr/{W}rPr") is not None:
            continue
        runs = [e for e in before if e.tag in (f"{W}r", *(f"{W}{t}" for t in CHANGES))]
        opening = [e for e in after if e.tag in (f"{W}r", *(f"{W}{t}" for t in CHANGES))]
        last = runs[-1] if runs and text_of(runs[-1]) else (runs[-2] if len(runs) > 1 else None)
        if last is None or not opening:
            continue
        last_kind = kind.get(last.tag.removeprefix(W))
        first_kind = kind.get(opening[0].tag.removeprefix(W))
        if last_kind is not None and last_kind == first_kind:
            assert last.get(f"{W}date") != opening[0].get(f"{W}date")
    assert len(ids) == len(set(ids))
    names = Counter(e.get(f"{W}name") for e in body.iter(f"{W}moveFromRangeStart"))
    assert names == Counter(e.get(f"{W}name") for e in body.iter(f"{W}moveToRangeStart"))
    for kind in ("moveFrom", "moveTo"):
        starts = [e.get(f"{W}id") for e in body.iter(f"{W}{kind}RangeStart")]
        assert starts == [e.get(f"{W}id") for e in body.iter(f"{W}{kind}RangeEnd")]
    comments = docx.Document(io.BytesIO(data)).comments
    references = [e.get(f"{W}id") for e in body.iter(f"{W}commentReference")]
    assert sorted(references, key=int) == [str(c.comment_id) for c in comments]
    assert not set(references) & set(ids)


def comment_texts(data: bytes) -> list[str]:
    """The texts of the Word comments, in order."""
    return [comment.text for comment in docx.Document(io.BytesIO(data)).comments]


# --- corpus pairs ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def cyprus() -> Comparison:
    """S/RES/2561 (2021) compared with S/RES/2587 (2021)."""
    return compare(load(CORPUS / "S_RES_2561_2021.txt"), load(CORPUS / "S_RES_2587_2021.txt"))


@pytest.fixture(scope="module")
def cyprus_redline(cyprus: Comparison) -> bytes:
    """The redline of the Cyprus pair."""
    return redline.render(cyprus, date=WHEN)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("S_RES_2561_2021.txt", "S_RES_2587_2021.txt"),
        ("S_PRST_2007_42.txt", "S_RES_1809_2008.txt"),
        ("S_PRST_2010_1.txt", "S_PRST_2013_12.txt"),
    ],
)
def test_accept_all_gives_the_new_text_and_reject_all_the_old(old: str, new: str) -> None:
    comparison = compare(load(CORPUS / old), load(CORPUS / new))
    data = redline.render(comparison, date=WHEN)
    check_both_texts(comparison, data)
    check_well_formed(data)


def test_the_redline_is_a_word_document_python_docx_reads(cyprus_redline: bytes) -> None:
    document = docx.Document(io.BytesIO(cyprus_redline))
    assert document.core_properties.title == "Redline: S/RES/2561 (2021) to S/RES/2587 (2021)"
    assert document.core_properties.author == "prstdiff"
    settings = document.settings.element
    assert settings.find(f"{W}trackRevisions") is not None
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)


def test_the_cover_note_names_both_documents_and_the_counts(cyprus_redline: bytes) -> None:
    document = docx.Document(io.BytesIO(cyprus_redline))
    cover = [p.text for p in document.paragraphs if p.style.name == "Redline Cover"]
    assert cover == [
        "Redline of S/RES/2587 (2021), 29 July 2021, 8827th meeting, 44 paragraphs, against "
        "S/RES/2561 (2021), 29 January 2021, 43 paragraphs.",
        "Summary: 15 reused, 26 altered, 2 new, 2 dropped (1 moved, 1 split, 0 merged); 31% of "
        "the new text's words reused (825 of 2,666), 62% altered, 7% new.",
        "Accept all changes to read S/RES/2587 (2021); reject all changes to read "
        "S/RES/2561 (2021). Comments name the source of agreed language. This note belongs to "
        "neither text.",
    ]
    assert [p.style.name for p in document.paragraphs[:4]] == ["Redline Cover"] * 3 + ["Normal"]


def test_word_changes_of_an_altered_paragraph_are_tracked(
    cyprus: Comparison, cyprus_redline: bytes
) -> None:
    # The mandate renewal, OP 9 then OP 10: "... ending on 31 July 2021;" became "... 31 January
    # 2022;", and its number is tracked like its words.
    paragraph = next(
        p
        for p in body_paragraphs(cyprus_redline)
        if "Expresses its full support for UNFICYP" in text_of(p)
    )
    assert [text_of(e) for e in paragraph.iter(f"{W}del")] == ["9.\t", "July 2021;"]
    assert [text_of(e) for e in paragraph.iter(f"{W}ins")] == ["10.\t", "January 2022;"]
    assert paragraph.find(f"{W}pPr/{W}rPr") is None  # the paragraph itself stays


def test_numbers_are_tracked_where_paragraphs_are_renumbered(cyprus_redline: bytes) -> None:
    # S/RES/2587 (2021) adds operative paragraphs, so the old OP 19 comes back as OP 20.
    last = body_paragraphs(cyprus_redline)[-1]
    assert [text_of(e) for e in last.iter(f"{W}del")] == ["18.\t"]
    assert [text_of(e) for e in last.iter(f"{W}ins")] == ["20.\t"]
    assert text_of(last) == "18.\t20.\tDecides to remain seized of the matter."


def test_new_and_dropped_paragraphs_are_whole_tracked_paragraphs(
    cyprus: Comparison, cyprus_redline: bytes
) -> None:
    paragraphs = body_paragraphs(cyprus_redline)
    # Paragraph marks inserted or deleted, but not those of the moved paragraph's two ends.
    unmoved = [p for p in paragraphs if next(p.iter(f"{W}moveFrom", f"{W}moveTo"), None) is None]
    inserted = [p for p in unmoved if p.find(f"{W}pPr/{W}rPr/{W}ins") is not None]
    deleted = [p for p in unmoved if p.find(f"{W}pPr/{W}rPr/{W}del") is not None]
    new_texts = [
        printed(cyprus.new.paragraphs[j])
        for pair in cyprus.pairs
        for j in pair.new
        if pair.status is Status.NEW
    ]
    dropped_texts = [
        printed(cyprus.old.paragraphs[i])
        for pair in cyprus.pairs
        for i in pair.old
        if pair.status is Status.DROPPED
    ]
    # Each part of a split but the last ends with an inserted paragraph mark too; its words are
    # carried, so only the new paragraphs have every word inside an insertion.
    whole = [p for p in inserted if all(_inside(t, p, {f"{W}ins"}) for t in p.iter(f"{W}t"))]
    assert [text_of(p) for p in whole] == new_texts
    assert len(inserted) - len(whole) == sum(len(p.new) - 1 for p in cyprus.pairs if p.split)
    assert [text_of(p) for p in deleted] == dropped_texts
    # The first dropped paragraph stands where it stood: after ¶3, before the new ¶4.
    position = [text_of(p) for p in paragraphs].index(dropped_texts[0])
    assert text_of(paragraphs[position - 1]).startswith("Underscoring that the responsibility")
    assert text_of(paragraphs[position + 1]).startswith("Welcoming the work of the Secretary")


def test_a_moved_paragraph_is_word_move_markup(cyprus: Comparison, cyprus_redline: bytes) -> None:
    moved = next(pair for pair in cyprus.pairs if pair.moved)
    (moved_from,) = list(
        docx.Document(io.BytesIO(cyprus_redline)).element.body.iter(f"{W}moveFromRangeStart")
    )
    assert moved_from.get(f"{W}name") == "move1"
    source = "".join(text_of(e) for e in changes(cyprus_redline, "moveFrom"))
    target = "".join(text_of(e) for e in changes(cyprus_redline, "moveTo"))
    assert source == target
    assert source.startswith("effective contact and communication between the sides")
    assert cyprus.old.paragraphs[moved.old[0]].text.endswith(source)
    # The paragraph marks at both ends are deleted and inserted, not moved: LibreOffice would
    # leave a moved mark behind when it accepts or rejects the move.
    paragraphs = body_paragraphs(cyprus_redline)
    source_end = next(p for p in paragraphs if next(p.iter(f"{W}moveFrom"), None) is not None)
    target_end = next(p for p in paragraphs if next(p.iter(f"{W}moveTo"), None) is not None)
    assert source_end.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert target_end.find(f"{W}pPr/{W}rPr/{W}ins") is not None


def test_comments_name_the_source_of_agreed_language(
    cyprus: Comparison, cyprus_redline: bytes
) -> None:
    notes = comment_texts(cyprus_redline)
    carried = [pair for pair in cyprus.pairs if pair.status in (Status.REUSED, Status.ALTERED)]
    # One comment on every new paragraph of a carried pair: a split has one on each part.
    assert len(notes) == sum(len(pair.new) for pair in carried)
    assert notes[0] == "Agreed language: S/RES/2561 (2021) ¶1, reused"
    assert notes[1] == "Agreed language: S/RES/2561 (2021) ¶2, altered, 0.88"
    assert "Agreed language: S/RES/2561 (2021) OP 9, altered, 0.85" in notes
    assert "Agreed language: S/RES/2561 (2021) ¶11, altered, 0.74, moved" in notes
    # A comment covers its paragraph: the range opens before its first word.
    first = [e.tag for e in body_paragraphs(cyprus_redline)[0] if e.tag != f"{W}pPr"]
    assert first == [f"{W}commentRangeStart", f"{W}r", f"{W}commentRangeEnd", f"{W}r"]


def test_a_statement_becoming_a_resolution() -> None:
    comparison = compare(load(CORPUS / "S_PRST_2007_42.txt"), load(CORPUS / "S_RES_1809_2008.txt"))
    data = redline.render(comparison, date=WHEN)
    notes = comment_texts(data)
    agreed = [note for note in notes if note.startswith("Agreed language: S/PRST/2007/42 ¶")]
    # One note on each new paragraph of an altered pair (the split pair has two).
    altered = [p for p in comparison.pairs if p.status is Status.ALTERED]
    assert (len(altered), len(agreed)) == (8, sum(len(p.new) for p in altered))
    # The moves Word cannot mark (a split part moved) are deletions and insertions with a note.
    moves = [note for note in notes if note.startswith(("Moved to ", "Moved from "))]
    assert len(moves) == len(notes) - len(agreed) > 0
    assert len(changes(data, "ins")) > len(changes(data, "del")) > 0


# --- a made-up pair from corpus paragraphs: a move, a split and a merge --------------------------


def _document(symbol: str, items: list[tuple[ParagraphKind, str | None, str]]) -> Document:
    paragraphs = tuple(
        Paragraph(index, kind, number, text) for index, (kind, number, text) in enumerate(items)
    )
    return Document(symbol, DocumentKind.DRAFT, None, None, None, None, None, (), paragraphs)


def madeup_drafts() -> tuple[Document, Document]:
    """Made-up drafts cut from the paragraphs of S/RES/2587 (2021): moved, split and merged."""
    source = load(CORPUS / "S_RES_2587_2021.txt").paragraphs
    intro, pp, op = ParagraphKind.INTRODUCTORY, ParagraphKind.PREAMBULAR, ParagraphKind.OPERATIVE
    head, tail = source[39].text.split("; ", 1)
    old = _document(
        "S/MADEUP/21 (2021)",
        [
            (intro, None, source[0].text),
            (pp, None, source[2].text),
            (pp, None, source[5].text),
            (pp, None, source[12].text),
            (op, "1", source[39].text),
            (op, "2", source[33].text),
            (op, "3", source[36].text),
            (op, "4", source[43].text),
        ],
    )
    new = _document(
        "S/MADEUP/22 (2021)",
        [
            (intro, None, source[0].text),
            (pp, None, source[5].text),
            (pp, None, source[2].text),
            (pp, None, source[12].text),
            (op, "1", f"{head};"),
            (op, "2", tail),
            (op, "3", f"{source[33].text} {source[36].text}"),
            (op, "4", source[43].text),
        ],
    )
    return old, new


def test_madeup_move_split_and_merge() -> None:
    old, new = madeup_drafts()
    comparison = compare(old, new)
    flagged = [(p.old, p.new, p.moved, p.split, p.merged) for p in comparison.pairs]
    assert ((2,), (1,), True, False, False) in flagged
    assert ((4,), (4, 5), False, True, False) in flagged
    assert ((5, 6), (6,), False, False, True) in flagged
    data = redline.render(comparison, date=WHEN)
    check_both_texts(comparison, data)
    check_well_formed(data)
    paragraphs = body_paragraphs(data)
    # The split: the space after "...its mandate;" becomes an inserted paragraph mark, and the
    # second half gets its own (inserted) number.
    split_at, second = paragraphs[5:7]
    assert text_of(split_at).endswith("throughout its mandate; ")
    assert [text_of(e) for e in split_at.iter(f"{W}del")] == [" "]
    assert split_at.find(f"{W}pPr/{W}rPr/{W}ins") is not None
    assert [text_of(e) for e in second.iter(f"{W}ins")] == ["2.\t"]
    # The merge: OP 2's mark is deleted, and the old OP 3's number; a space joins the texts.
    merged, joined = paragraphs[7:9]
    assert text_of(merged).startswith("2.\t3.\tExpresses its full support for UNFICYP")
    assert merged.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert [text_of(e) for e in joined.iter(f"{W}del")] == ["3.\t"]
    assert [text_of(e) for e in joined.iter(f"{W}ins")] == [" "]
    assert len(changes(data, "moveFromRangeStart")) == 1
    assert comment_texts(data) == [
        "Agreed language: S/MADEUP/21 (2021) ¶1, reused",
        "Agreed language: S/MADEUP/21 (2021) ¶3, reused, moved",
        "Agreed language: S/MADEUP/21 (2021) ¶2, reused",
        "Agreed language: S/MADEUP/21 (2021) ¶4, reused",
        "Agreed language: S/MADEUP/21 (2021) OP 1, reused, split into 2",
        "Agreed language: S/MADEUP/21 (2021) OP 1, reused, split into 2",
        "Agreed language: S/MADEUP/21 (2021) OP 2 + OP 3, reused, merged from 2",
        "Agreed language: S/MADEUP/21 (2021) OP 4, reused",
    ]


def _hand_built(old: Document, new: Document, links: list[Pair]) -> Comparison:
    # Word operations as compare() makes them: the texts of several paragraphs joined by "\n".
    pairs = tuple(
        dataclasses.replace(
            pair,
            ops=diff_words(
                "\n".join(old.paragraphs[i].text for i in pair.old),
                "\n".join(new.paragraphs[j].text for j in pair.new),
            ),
        )
        for pair in links
    )
    stats = Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    return Comparison(old=old, new=new, pairs=pairs, stats=stats)


def test_madeup_split_and_merge_with_gaps() -> None:
    """A split into paragraphs far apart and a merge of paragraphs far apart, built by hand."""
    source = load(CORPUS / "S_RES_2587_2021.txt").paragraphs
    op = ParagraphKind.OPERATIVE
    head, tail = source[39].text.split("; ", 1)
    old = _document(
        "S/MADEUP/23 (2021)",
        [(op, str(n), source[i].text) for n, i in enumerate((33, 39, 36, 38, 29, 43), 1)],
    )
    new = _document(
        "S/MADEUP/24 (2021)",
        [
            (op, "1", source[33].text),
            (op, "2", f"{head};"),
            (op, "3", source[36].text),
            (op, "4", tail),
            (op, "5", f"{source[38].text} {source[43].text}"),
            (op, "6", source[29].text),
        ],
    )
    comparison = _hand_built(
        old,
        new,
        [
            Pair(Status.REUSED, (0,), (0,), 1.0),
            Pair(Status.ALTERED, (1,), (1, 3), 0.95, split=True),
            Pair(Status.REUSED, (2,), (2,), 1.0),
            Pair(Status.ALTERED, (3, 5), (4,), 0.9, merged=True),
            Pair(Status.REUSED, (4,), (5,), 1.0),
        ],
    )
    data = redline.render(comparison, date=WHEN)
    check_both_texts(comparison, data)
    check_well_formed(data)
    texts = resolve(data, accept=True)
    assert texts[1] == f"2.\t{head};" and texts[3] == f"4.\t{tail}"


def test_reordered_paragraphs_of_a_hand_built_comparison() -> None:
    """Pairs the alignment did not flag as moved still read back in both orders."""
    source = load(CORPUS / "S_RES_2587_2021.txt").paragraphs
    pp = ParagraphKind.PREAMBULAR
    old = _document("S/MADEUP/25 (2021)", [(pp, None, source[i].text) for i in (1, 2, 3, 4)])
    new = _document("S/MADEUP/26 (2021)", [(pp, None, source[i].text) for i in (4, 3, 2, 1)])
    links = [Pair(Status.REUSED, (3 - j,), (j,), 1.0) for j in range(4)]
    comparison = _hand_built(old, new, links)
    data = redline.render(comparison, date=WHEN)
    check_both_texts(comparison, data)
    check_well_formed(data)
    assert len(changes(data, "moveFromRangeStart")) == 3


def test_a_move_word_cannot_mark_is_a_deletion_and_an_insertion_with_comments() -> None:
    """A moved merge of paragraphs far apart: its old text stands in two places, not one range."""
    source = load(CORPUS / "S_RES_2587_2021.txt").paragraphs
    pp = ParagraphKind.PREAMBULAR
    old = _document("S/MADEUP/41 (2021)", [(pp, None, source[i].text) for i in (11, 12, 14, 16)])
    new = _document(
        "S/MADEUP/42 (2021)",
        [
            (pp, None, source[12].text),
            (pp, None, source[14].text),
            (pp, None, f"{source[11].text} {source[16].text}"),
        ],
    )
    links = [
        Pair(Status.REUSED, (1,), (0,), 1.0),
        Pair(Status.REUSED, (2,), (1,), 1.0),
        Pair(Status.REUSED, (0, 3), (2,), 1.0, moved=True, merged=True),
    ]
    comparison = _hand_built(old, new, links)
    data = redline.render(comparison, date=WHEN)
    check_both_texts(comparison, data)
    check_well_formed(data)
    assert not changes(data, "moveFrom") and not changes(data, "moveTo")
    assert [text_of(e) for e in changes(data, "del") if text_of(e)] == [
        source[11].text,
        source[16].text,
    ]
    assert comment_texts(data) == [
        "Moved to S/MADEUP/42 (2021) ¶3 (shown as deleted here)",
        "Agreed language: S/MADEUP/41 (2021) ¶2, reused",
        "Agreed language: S/MADEUP/41 (2021) ¶3, reused",
        "Moved to S/MADEUP/42 (2021) ¶3 (shown as deleted here)",
        "Moved from S/MADEUP/41 (2021) ¶1, ¶4 (shown as inserted here)",
        "Agreed language: S/MADEUP/41 (2021) ¶1 + ¶4, reused, moved, merged from 2",
    ]


def test_operations_that_do_not_rebuild_the_texts_are_redone(madeup: Comparison) -> None:
    # The shared made-up comparison carries no operations on reused pairs and joins its split
    # pair's texts with "; " rather than "\n": the redline diffs those pairs itself.
    data = redline.render(madeup, date=WHEN)
    check_both_texts(madeup, data)
    check_well_formed(data)


def test_extraction_artefacts_are_shown_unchanged_in_the_new_form() -> None:
    source = load(CORPUS / "S_RES_2587_2021.txt").paragraphs
    text = source[6].text  # "... many important benefits, inclu ding economic benefits, ..."
    assert "inclu ding" in text
    clean = text.replace("inclu ding", "including")
    pp = ParagraphKind.PREAMBULAR
    old = _document("S/MADEUP/27 (2021)", [(pp, None, text)])
    new = _document("S/MADEUP/28 (2021)", [(pp, None, clean)])
    before, after = text.split("inclu ding ")
    ops = (
        WordOp(Op.EQUAL, before),
        WordOp(Op.ARTEFACT, "including ", old_text="inclu ding "),
        WordOp(Op.EQUAL, after),
    )
    pair = Pair(Status.REUSED, (0,), (0,), 1.0, ops=ops)
    comparison = Comparison(old, new, (pair,), Stats(1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))
    data = redline.render(comparison, date=WHEN)
    assert not any(changes(data, tag) for tag in CHANGES)
    assert resolve(data, accept=True) == [clean]
    assert resolve(data, accept=False) == [clean]  # the new form: same comparison key
    check_both_texts(comparison, data)


def test_the_date_defaults_to_now_in_utc(cyprus: Comparison) -> None:
    data = redline.render(cyprus)
    stamp = changes(data, "ins")[0].get(f"{W}date")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", stamp)
    written = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    assert abs(dt.datetime.now(dt.UTC) - written) < dt.timedelta(minutes=5)


def test_a_comparison_missing_a_paragraph_is_refused(cyprus: Comparison) -> None:
    broken = dataclasses.replace(cyprus, pairs=cyprus.pairs[1:])
    with pytest.raises(ValueError, match="does not hold every old paragraph once"):
        redline.render(broken)


def test_paragraph_markers() -> None:
    def marker(kind: ParagraphKind, number: str | None) -> str:
        return redline.paragraph_marker(Paragraph(0, kind, number, "text"))

    assert marker(ParagraphKind.OPERATIVE, "12") == "12.\t"
    assert marker(ParagraphKind.SUBPARAGRAPH, "3 (a)") == "(a)\t"
    assert marker(ParagraphKind.SUBPARAGRAPH, "3 (a) (iv)") == "(iv)\t"
    assert marker(ParagraphKind.PREAMBULAR, None) == ""


# --- LibreOffice --------------------------------------------------------------------------------


def _convert(path: Path, target: str, outdir: Path) -> Path:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip(NO_OFFICE)
    profile = (outdir / "profile").as_uri()  # its own profile: no clash with a running office
    completed = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(outdir),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "HOME": str(outdir)},
    )
    assert completed.returncode == 0, completed.stderr
    converted = outdir / f"{path.stem}.{target.split(':')[0]}"
    assert converted.is_file(), completed.stdout + completed.stderr
    return converted


def _visible(paragraph: Any) -> str:
    return "".join(
        "\t" if e.tag == f"{W}tab" else e.text or ""
        for e in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab")
        if e.getparent().tag == f"{W}r"
    )


def _without_comments(data: bytes, path: Path) -> None:
    # LibreOffice 7.4 headless stops when it accepts all changes of a document with comments;
    # comments hold no text of either document, so the check runs on the file without them.
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    for element in [*body.iter(f"{W}commentRangeStart"), *body.iter(f"{W}commentRangeEnd")]:
        element.getparent().remove(element)
    for reference in list(body.iter(f"{W}commentReference")):
        run = reference.getparent()
        run.getparent().remove(run)
    document.save(str(path))


@pytest.mark.slow
@pytest.mark.parametrize("pair", ["cyprus", "made-up"])
def test_libreoffice_accept_all_and_reject_all(
    pair: str, cyprus: Comparison, tmp_path: Path
) -> None:
    python = shutil.which("python3", path="/usr/bin")
    if shutil.which("soffice") is None or python is None:
        pytest.skip(NO_OFFICE)
    has_uno = subprocess.run([python, "-c", "import uno"], capture_output=True, check=False)
    if has_uno.returncode != 0:
        pytest.skip("LibreOffice's Python bridge is missing (Debian: apt-get install python3-uno)")
    comparison = cyprus if pair == "cyprus" else compare(*madeup_drafts())
    path = tmp_path / "redline.docx"
    _without_comments(redline.render(comparison, date=WHEN), path)
    profile = (tmp_path / "profile").as_uri()
    results = {}
    for port, mode in enumerate(("accept", "reject"), 20000 + os.getpid() % 20000):
        completed = subprocess.run(
            [python, str(HERE / "libreoffice_resolve.py"), str(path), mode, profile, str(port)],
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        assert completed.returncode == 0, completed.stderr
        results[mode] = json.loads(completed.stdout)[3:]  # after the cover note
    assert results["accept"] == [printed(p) for p in comparison.new.paragraphs]
    assert results["reject"] == expected_old(comparison)


@pytest.mark.slow
def test_libreoffice_converts_the_redline(
    cyprus: Comparison, cyprus_redline: bytes, tmp_path: Path
) -> None:
    path = tmp_path / "redline.docx"
    path.write_bytes(cyprus_redline)
    pdf = _convert(path, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = _convert(path, "txt:Text", tmp_path).read_text(encoding="utf-8-sig")
    # LibreOffice reads every paragraph and every tracked run: its text export shows the words
    # of both texts, paragraph by paragraph, exactly as the file holds them.
    every = docx.Document(io.BytesIO(cyprus_redline)).element.body.iter(f"{W}p")
    assert text.split("\n") == [_visible(p) for p in every] + [""]
    # So the new paragraphs are there, each in order among the deleted words.
    position = 0
    for paragraph in cyprus.new.paragraphs:
        for character in printed(paragraph):
            position = text.index(character, position) + 1


# --- any pairing of paragraphs ------------------------------------------------------------------

_FRAGMENTS = [p.text for p in load(CORPUS / "S_RES_2587_2021.txt").paragraphs]
_KINDS = [
    (ParagraphKind.PREAMBULAR, None),
    (ParagraphKind.OPERATIVE, "1"),
    (ParagraphKind.OPERATIVE, "2"),
    (ParagraphKind.SUBPARAGRAPH, "2 (a)"),
]


@st.composite
def madeup_comparisons(draw: st.DrawFn) -> Comparison:
    """Made-up documents of corpus phrases, paired every which way (moves, splits, merges, gaps)."""

    def paragraphs(symbol: str) -> Document:
        items = []
        for _ in range(draw(st.integers(1, 7))):
            kind, number = draw(st.sampled_from(_KINDS))
            words = draw(st.sampled_from(_FRAGMENTS)).split(" ")
            start = draw(st.integers(0, len(words) - 1))
            items.append((kind, number, " ".join(words[start : start + draw(st.integers(1, 9))])))
        return _document(symbol, items)

    old, new = paragraphs("S/MADEUP/31 (2021)"), paragraphs("S/MADEUP/32 (2021)")
    olds = draw(st.permutations(range(len(old.paragraphs))))
    news = draw(st.permutations(range(len(new.paragraphs))))
    links: list[Pair] = []
    while olds or news:
        # One paragraph each, one new or dropped, or a split or merge of two.
        sizes = draw(st.sampled_from([(1, 1), (0, 1), (1, 0), (1, 2), (2, 1)]))
        taken_old, olds = tuple(sorted(olds[: sizes[0]])), olds[sizes[0] :]
        taken_new, news = tuple(sorted(news[: sizes[1]])), news[sizes[1] :]
        if taken_old and taken_new:
            moved = draw(st.booleans())
            status = Status.ALTERED
        elif taken_old or taken_new:
            moved, status = False, Status.DROPPED if taken_old else Status.NEW
        else:
            continue
        links.append(
            Pair(
                status,
                taken_old,
                taken_new,
                0.5 if status is Status.ALTERED else None,
                moved=moved,
                split=len(taken_new) > 1,
                merged=len(taken_old) > 1,
            )
        )
    links.sort(key=lambda pair: pair.new[0] if pair.new else -1)
    return _hand_built(old, new, links)


@settings(max_examples=40, deadline=None)
@given(madeup_comparisons())
def test_any_pairing_reads_back_as_both_texts(comparison: Comparison) -> None:
    data = redline.render(comparison, date=WHEN)
    check_both_texts(comparison, data)
    check_well_formed(data)
