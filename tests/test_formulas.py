"""Formula folding: the same language behind a statement, preambular or operative formula."""

from __future__ import annotations

import pytest

from prstdiff.formulas import language_key, verb_stem

# S/PRST/2007/42, fourth statement paragraph, and S/RES/1809 (2008), the preambular paragraph
# that carries it (both quoted from the corpus, opening words only).
STATEMENT = (
    "The Security Council further recognizes that regional and subregional organizations are "
    "well positioned to understand the root causes of many conflicts"
)
PREAMBULAR = (
    "Recognizing that regional organizations are well positioned to understand the "
    "root causes of armed conflicts"
)


def test_statement_and_preambular_forms_fold_to_the_same_opening() -> None:
    assert language_key(STATEMENT) == (
        "recogn that regional and subregional organizations are well positioned to "
        "understand the root causes of many conflicts"
    )
    assert language_key(PREAMBULAR) == (
        "recogn that regional organizations are well positioned to understand the root "
        "causes of armed conflicts"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Security Council recognizes the important role of regional organizations",
        "“The Security Council recognizes the important role of regional organizations",
        "Recognizing the important role of regional organizations",
        "Recognising the important role of regional organizations",
        "Recognizes the important role of regional organizations",
        "3. Also recognizes the important role of regional organizations",
        "Further recognizing the important role of regional organizations",
        "Recognizing also the important role of regional organizations",
        "The Council once again recognizes the important role of regional organizations",
        "It further recognizes the important role of regional organizations",
        "The Security Council, recognized the important role of regional organizations",
    ],
)
def test_every_form_of_a_formula_folds_to_one_key(text: str) -> None:
    assert language_key(text) == "recogn the important role of regional organizations"


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["reaffirms", "reaffirming", "reaffirmed"], "reaffirm"),
        (["stresses", "stressing", "stressed"], "stress"),
        (["emphasizes", "emphasizing", "emphasising", "emphasises"], "emphas"),
        (["underlines", "underlining", "underlined"], "underlin"),
        (["welcomes", "welcoming", "welcomed"], "welcom"),
        (["notes", "noting", "noted"], "note"),
        (["expresses", "expressing", "expressed"], "express"),
        (["calls", "calling", "called"], "call"),
        (["urges", "urging", "urged"], "urg"),
        (["requests", "requesting", "requested"], "request"),
        (["encourages", "encouraging", "encouraged"], "encourag"),
        (["decides", "deciding", "decided"], "decid"),
        # Verbs the rule was never told about.
        (["deplores", "deploring", "deplored"], "deplor"),
        (["regrets", "regretting", "regretted"], "regret"),
        (["agrees", "agreeing", "agreed"], "agre"),
        (["acknowledges", "acknowledging", "acknowledged"], "acknowledg"),
        (["commends", "commending", "commended"], "commend"),
    ],
)
def test_verb_forms_share_a_stem_by_rule(forms: list[str], stem: str) -> None:
    assert {verb_stem(form) for form in forms} == {stem}


def test_calls_upon_keeps_its_preposition() -> None:
    assert language_key("The Security Council calls upon all States") == "call upon all states"
    assert language_key("Calling upon all States") == "call upon all states"


def test_copula_folds_after_the_subject_only() -> None:
    assert language_key("The Security Council is deeply concerned by the situation") == (
        language_key("Deeply concerned by the situation")
    )


def test_a_paragraph_that_is_only_the_subject_keeps_it() -> None:
    assert language_key("The Security Council,") == "the security council"


def test_only_the_leading_formula_is_folded() -> None:
    # The second sentence keeps its subject and verb form: it is language, not the formula.
    assert (
        language_key(
            "The Security Council recalls its determination. It welcomes recent developments."
        )
        == "recal its determination it welcomes recent developments"
    )


def test_different_verbs_stay_different() -> None:
    assert language_key("Welcomes the report") != language_key("Notes the report")
    assert language_key("Strongly condemns the attacks") != language_key("Condemns the attacks")
