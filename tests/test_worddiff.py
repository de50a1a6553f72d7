"""Word diffs: diff-match-patch at word granularity, lossless in both directions."""

from __future__ import annotations

import itertools

from prstdiff.model import Op, WordOp
from prstdiff.normalize import display_words
from prstdiff.options import CompareOptions
from prstdiff.worddiff import diff_words

# S/RES/2561 (2021) operative paragraph 9 and S/RES/2587 (2021) operative paragraph 10.
OLD_MANDATE = (
    "Expresses its full support for UNFICYP, and decides to extend its mandate for a further "
    "period ending on 31 July 2021;"
)
NEW_MANDATE = (
    "Expresses its full support for UNFICYP, and decides to extend its mandate for a further "
    "period ending on 31 January 2022;"
)
# S/PRST/2007/42 fourth paragraph and its preambular form in S/RES/1809 (2008).
STATEMENT = (
    "The Security Council further recognizes that regional and subregional organizations are "
    "well positioned to understand the root causes of many conflicts and other security "
    "challenges close to home and to influence their prevention or resolution, owing to their "
    "knowledge of the region."
)
PREAMBULAR = (
    "Recognizing that regional organizations are well positioned to understand the root causes "
    "of armed conflicts owing to their knowledge of the region which can be a benefit for their "
    "efforts to influence the prevention or resolution of these conflicts,"
)


def rebuild(ops: tuple[WordOp, ...], keep: Op) -> str:
    return "".join(op.text for op in ops if op.op in (Op.EQUAL, keep))


def test_mandate_renewal_changes_only_the_date() -> None:
    assert diff_words(OLD_MANDATE, NEW_MANDATE) == (
        WordOp(
            Op.EQUAL,
            "Expresses its full support for UNFICYP, and decides to extend its mandate for a "
            "further period ending on 31 ",
        ),
        WordOp(Op.DELETE, "July 2021;"),
        WordOp(Op.INSERT, "January 2022;"),
    )


def test_ops_rebuild_both_texts_of_a_real_pair() -> None:
    ops = diff_words(STATEMENT, PREAMBULAR)
    assert rebuild(ops, Op.DELETE) == STATEMENT
    assert rebuild(ops, Op.INSERT) == PREAMBULAR
    # Semantic cleanup folds the two-word equality "that regional" into the formula change, as
    # diff-match-patch does for characters: a drafter reads one rewritten opening.
    assert [(op.op.value, op.text) for op in ops] == [
        ("delete", "The Security Council further recognizes that regional and subregional "),
        ("insert", "Recognizing that regional "),
        ("equal", "organizations are well positioned to understand the root causes of "),
        ("delete", "many conflicts and other security challenges close to home and "),
        (
            "insert",
            "armed conflicts owing to their knowledge of the region which can be a benefit for "
            "their efforts ",
        ),
        ("equal", "to influence "),
        ("delete", "their "),
        ("insert", "the "),
        ("equal", "prevention or "),
        ("delete", "resolution, owing to their knowledge of the region."),
        ("insert", "resolution of these conflicts,"),
    ]


def test_a_change_never_splits_a_word() -> None:
    for old, new in [(STATEMENT, PREAMBULAR), (OLD_MANDATE, NEW_MANDATE)]:
        ops = diff_words(old, new)
        for op in ops:
            # Each op's text is a whole number of display tokens of its own side.
            side = old if op.op is not Op.INSERT else new
            assert op.text in side
            assert "".join(display_words(op.text)) == op.text
        boundaries_old = {0}
        position = 0
        for token in display_words(old):
            position += len(token)
            boundaries_old.add(position)
        position = 0
        for op in ops:
            if op.op is not Op.INSERT:
                position += len(op.text)
                assert position in boundaries_old


def test_adjacent_ops_differ_and_none_is_empty() -> None:
    ops = diff_words(STATEMENT, PREAMBULAR)
    assert all(op.text for op in ops)
    assert all(a.op is not b.op for a, b in itertools.pairwise(ops))


def test_empty_and_equal_texts() -> None:
    assert diff_words("", "") == ()
    assert diff_words(OLD_MANDATE, OLD_MANDATE) == (WordOp(Op.EQUAL, OLD_MANDATE),)
    assert diff_words("", OLD_MANDATE) == (WordOp(Op.INSERT, OLD_MANDATE),)
    assert diff_words(OLD_MANDATE, "") == (WordOp(Op.DELETE, OLD_MANDATE),)


def test_a_zero_timeout_still_gives_a_correct_diff() -> None:
    ops = diff_words(STATEMENT, PREAMBULAR, CompareOptions(diff_timeout=0.0))
    assert rebuild(ops, Op.DELETE) == STATEMENT
    assert rebuild(ops, Op.INSERT) == PREAMBULAR


def test_the_native_and_python_builds_agree_on_real_pairs() -> None:
    # Every paragraph of S/RES/2561 (2021) against every paragraph of S/RES/2587 (2021): the C++
    # build (the default) and the pure-Python reference give the same word operations.
    from pathlib import Path

    from prstdiff.parse import load
    from prstdiff.worddiff import diff_native, diff_python

    corpus = Path(__file__).parent.parent / "corpus"
    old = load(corpus / "S_RES_2561_2021.txt")
    new = load(corpus / "S_RES_2587_2021.txt")
    checked = 0
    for p in old.paragraphs[::3]:
        for q in new.paragraphs[::3]:
            native = diff_words(p.text, q.text, differ=diff_native)
            assert native == diff_words(p.text, q.text, differ=diff_python)
            checked += 1
    assert checked == 15 * 15


def test_more_distinct_words_than_fit_below_the_surrogates() -> None:
    # Made-up text of 60 000 distinct words: the private characters skip the UTF-16 surrogates.
    old = " ".join(f"w{i}" for i in range(60_000))
    new = old.replace(" w59000 ", " changed ")
    ops = diff_words(old, new)
    assert rebuild(ops, Op.DELETE) == old
    assert rebuild(ops, Op.INSERT) == new
    assert [op.text for op in ops if op.op is not Op.EQUAL] == ["w59000 ", "changed "]


def test_extraction_artefacts_are_kept_words_in_the_new_form() -> None:
    # Made-up text with the artefacts of S/RES/2674 (2023): a space inside a word, a spaced-off
    # hyphen, a hyphen lost at a line end; the real edit ("x" -> "z") stays a change.
    old = "the advers e effects of island -wide and SecretaryGeneral x plans"
    new = "the adverse effects of island-wide and Secretary-General z plans"
    assert diff_words(old, new) == (
        WordOp(Op.EQUAL, "the "),
        WordOp(Op.ARTEFACT, "adverse ", "advers e "),
        WordOp(Op.EQUAL, "effects of "),
        WordOp(Op.ARTEFACT, "island-wide ", "island -wide "),
        WordOp(Op.EQUAL, "and "),
        WordOp(Op.ARTEFACT, "Secretary-General ", "SecretaryGeneral "),
        WordOp(Op.DELETE, "x "),
        WordOp(Op.INSERT, "z "),
        WordOp(Op.EQUAL, "plans"),
    )


def test_a_changed_word_beside_an_artefact_stays_a_change() -> None:
    # Made-up: "the" became "their" (a real edit) next to "re port" (an artefact of "report");
    # a letter added ("Member" -> "Members") is an edit, never an artefact.
    assert diff_words("looked at the re port", "looked at their report") == (
        WordOp(Op.EQUAL, "looked at "),
        WordOp(Op.DELETE, "the "),
        WordOp(Op.INSERT, "their "),
        WordOp(Op.ARTEFACT, "report", "re port"),
    )
    assert Op.ARTEFACT not in {
        op.op for op in diff_words("Calls on Member States", "Calls on Members States")
    }
