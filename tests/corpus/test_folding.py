"""The one folding of search, the index's search keys and trace look-ups."""

from __future__ import annotations

import pytest

from prstdiff.folding import find_phrase, fold, fold_tokens, fold_word, fold_words


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("organisation", "organization"),
        ("Organisations", "organizations"),
        ("recognising", "recognizing"),
        ("analyse", "analyze"),
        ("colour", "color"),
        ("behaviour", "behavior"),
        ("favourable", "favorable"),
        ("labour", "labor"),
        ("programme", "program"),
        ("centre", "center"),
        ("defence", "defense"),
        ("judgement", "judgment"),
        ("travelling", "traveling"),
    ],
)
def test_british_and_american_spellings_fold_together(british: str, american: str) -> None:
    assert fold_word(british) == fold_word(american)


@pytest.mark.parametrize(
    "word", ["rise", "raise", "otherwise", "exercise", "promise", "advise", "hour", "four", "tours"]
)
def test_words_only_spelled_one_way_keep_their_spelling(word: str) -> None:
    assert fold_word(word) == word


def test_case_accents_quotes_and_dashes_separate_and_vanish() -> None:
    assert fold("“Côte d’Ivoire” — the Secretary‑General’s") == (
        "cote d ivoire the secretary general s"
    )
    # A compatibility ligature folds; offsets stay those of the original text.
    tokens = fold_tokens("the ﬁnal act")
    assert [t.word for t in tokens] == ["the", "final", "act"]
    assert [(t.start, t.end) for t in tokens] == [(0, 3), (4, 8), (9, 12)]


def test_spaces_and_hyphens_inside_a_phrase_do_not_count() -> None:
    text = fold_words("a cease-fire, a ceasefire and a cease fire, but not a ceasefires")
    assert find_phrase(["ceasefire"], text) == [(1, 3), (4, 5), (7, 9)]
    assert find_phrase(["cease", "fire"], text) == [(1, 3), (4, 5), (7, 9)]


def test_a_phrase_begins_and_ends_on_word_boundaries() -> None:
    assert find_phrase(["war"], fold_words("warfare and war")) == [(2, 3)]
    assert find_phrase(["fare"], fold_words("warfare")) == []
