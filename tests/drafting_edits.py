"""Made-up drafting edits of real corpus documents: one edit a variant, the truth known.

``tests/variants.py`` edits many paragraphs at once but splits and merges only neighbours. The
real pairs show edits it does not make, and this module makes each of them, alone, in a real
document (the old side), so that a failure names the edit that caused it:

- **grown**: a paragraph keeps every word and grows by a made-up clause of 60 to 150 % of its
  length (``..., and further calls for <made-up words>``), as a mandate paragraph grows at a
  renewal. Expected: one altered pair, in place.
- **far split**: a paragraph is cut at a sentence boundary or a semicolon; its second part, with a
  capital, goes at least ``MIN_DISTANCE`` paragraphs further down, among paragraphs of its kind.
  Expected: one split pair ``(i,) -> (j, k)``, status by the words (see ``expected_status``).
- **far merge**: a paragraph takes in, after ``, and``, the text of a paragraph of its kind at
  least ``MIN_DISTANCE`` further down, which is gone from its place. Expected: one merged pair
  ``(i, k) -> (j,)``, altered (``and`` was added).
- **to operative**: a preambular paragraph (``Recognizing that ...``) becomes an operative one
  with the verb's present tense (``Recognizes that ...``) before the last operative paragraph.
  Expected: one altered, moved pair.
- **kept clause**: a paragraph of 28 words or more keeps a run of 10 to 12 words (found in no
  other paragraph of the document) and every other word but its first is replaced by made-up
  words. Whether a reader pairs the two depends on how much is left; what is always expected is
  that the run can be traced: either the pair is matched, or the new paragraph shows the run as a
  phrase of the old one.

Every other paragraph stays as it was: expected reused, one to one, in place. Edited paragraphs
are chosen among those at word similarity under ``MAX_NEIGHBOUR_SIMILARITY`` with every other
paragraph of the document, and parts hold at least ``MIN_PART_WORDS`` words and
``MIN_PART_SHARE`` of the paragraph's, so that the truth is not in doubt. The made-up words come
from ``variants.VOCABULARY``; nothing is quoted from a document that is not in it.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from variants import VOCABULARY, fold_words, word_similarity

from prstdiff.model import Document, Paragraph, ParagraphKind, Status

__all__ = [
    "DraftingEdit",
    "DraftingVariant",
    "Unit",
    "drafting_variant",
    "expected_status",
]

MIN_DISTANCE = 5
"""Paragraphs between the place of a far part and the paragraph it was cut from or joined to."""
MIN_PART_WORDS = 10
"""Words a part of a far split or merge holds at least."""
MIN_PART_SHARE = 0.2
"""Share of the paragraph's words a part of a far split holds at least."""
MAX_NEIGHBOUR_SIMILARITY = 0.45
"""An edited paragraph's word similarity with every other paragraph of its document is below."""
MIN_WORDS = 12
"""Words an edited paragraph holds at least."""
KEPT_MIN_WORDS = 28
"""Words a paragraph holds at least to be rewritten around a kept clause."""

Unit = tuple[tuple[int, ...], tuple[int, ...], Status, tuple[str, ...]]
"""Old indices, new indices, status and flags (``moved``, ``split``, ``merged``)."""

_PRESENT = {
    "Acknowledging": "Acknowledges",
    "Condemning": "Condemns",
    "Emphasizing": "Emphasizes",
    "Emphasising": "Emphasises",
    "Encouraging": "Encourages",
    "Expressing": "Expresses",
    "Noting": "Notes",
    "Recalling": "Recalls",
    "Recognizing": "Recognizes",
    "Recognising": "Recognises",
    "Reaffirming": "Reaffirms",
    "Reiterating": "Reiterates",
    "Stressing": "Stresses",
    "Underlining": "Underlines",
    "Underscoring": "Underscores",
    "Welcoming": "Welcomes",
}
"""Preambular participles and the operative verbs drafters make of them."""

_CUT = re.compile(r"(?<=[a-z)\]”\"’]\.) (?=[“\"]?[A-Z])|(?<=;) (?=[a-z])")
_END = ";,."


class DraftingEdit(StrEnum):
    """The one edit a drafting variant makes."""

    GROWN = "grown"
    FAR_SPLIT = "far split"
    FAR_MERGE = "far merge"
    TO_OPERATIVE = "to operative"
    KEPT_CLAUSE = "kept clause"


@dataclass(frozen=True, slots=True)
class DraftingVariant:
    """A real document and a made-up new side that differs from it by one edit."""

    edit: DraftingEdit
    """What was done."""
    old: Document
    """The real document."""
    new: Document
    """The made-up variant (its title says so)."""
    units: tuple[Unit, ...]
    """The expected alignment of every paragraph."""
    edited: Unit
    """The unit of ``units`` that the edit made."""
    kept: str = ""
    """For a kept clause: the kept words."""


def expected_status(old_texts: Sequence[str], new_texts: Sequence[str]) -> Status:
    """Reused when the joined texts hold the same folded words, altered otherwise."""
    old_words = [w for text in old_texts for w in fold_words(text)]
    new_words = [w for text in new_texts for w in fold_words(text)]
    return Status.REUSED if old_words == new_words else Status.ALTERED


def _made_up(rng: random.Random, count: int) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(count))


def _body(text: str) -> tuple[str, str]:
    """The text without its closing punctuation, and that punctuation."""
    if text and text[-1] in _END:
        return text[:-1].rstrip(), text[-1]
    return text, ""


def _editable(texts: Sequence[str], kinds: Sequence[ParagraphKind], index: int) -> bool:
    if (
        kinds[index]
        not in (
            ParagraphKind.OPERATIVE,
            ParagraphKind.PREAMBULAR,
            ParagraphKind.STATEMENT,
        )
        or len(texts[index].split()) < MIN_WORDS
    ):
        return False
    return all(
        word_similarity(texts[index], other) < MAX_NEIGHBOUR_SIMILARITY
        for k, other in enumerate(texts)
        if k != index
    )


def _document(old: Document, paragraphs: Sequence[tuple[ParagraphKind, str]]) -> Document:
    """The new side: operative paragraphs numbered afresh, as a drafter's text would be."""
    built, number = [], 0
    for index, (kind, text) in enumerate(paragraphs):
        label = None
        if kind is ParagraphKind.OPERATIVE:
            number += 1
            label = str(number)
        built.append(Paragraph(index, kind, label, text))
    return Document.from_paragraphs(built, title=f"Made-up variant of {old.symbol or old.title}")


def _units(size: int, places: Sequence[int | None], edited: Unit) -> tuple[Unit, ...]:
    """Every old paragraph outside the edit reused at its new place; then the edited unit."""
    units: list[Unit] = [
        ((i,), (j,), Status.REUSED, ()) for i, j in enumerate(places) if j is not None
    ]
    assert len(units) + len(edited[0]) == size
    return (*units, edited)


def drafting_variant(
    old: Document, edit: DraftingEdit, rng: random.Random
) -> DraftingVariant | None:
    """One made-up edit of ``old``, drawn with ``rng``; None when no paragraph suits it."""
    texts = [p.text for p in old.paragraphs]
    kinds = [p.kind for p in old.paragraphs]
    order = list(range(len(texts)))
    rng.shuffle(order)
    chosen = [i for i in order if _editable(texts, kinds, i)]
    paragraphs = list(zip(kinds, texts, strict=True))
    size = len(texts)
    for i in chosen:
        made = _edit(edit, paragraphs, i, rng)
        if made is None:
            continue
        new_paragraphs, places, edited, kept = made
        return DraftingVariant(
            edit,
            old,
            _document(old, new_paragraphs),
            _units(size, places, edited),
            edited,
            kept,
        )
    return None


_Made = tuple[list[tuple[ParagraphKind, str]], list[int | None], Unit, str]


def _edit(
    edit: DraftingEdit,
    paragraphs: list[tuple[ParagraphKind, str]],
    i: int,
    rng: random.Random,
) -> _Made | None:
    kind, text = paragraphs[i]
    words = text.split()
    same_kind = [k for k, (other, _) in enumerate(paragraphs) if other is kind]
    if edit is DraftingEdit.GROWN:
        body, end = _body(text)
        clause = _made_up(rng, int(len(words) * rng.uniform(0.6, 1.5)))
        grown = f"{body}, and further calls for {clause}{end}"
        new = [*paragraphs]
        new[i] = (kind, grown)
        places: list[int | None] = list(range(len(paragraphs)))
        places[i] = None
        return new, places, ((i,), (i,), Status.ALTERED, ()), ""
    if edit is DraftingEdit.FAR_SPLIT:
        far = [k for k in same_kind if k >= i + MIN_DISTANCE]
        for cut in _CUT.finditer(text):
            first, second = text[: cut.start()].rstrip(), text[cut.end() :].lstrip()
            least = max(MIN_PART_WORDS, MIN_PART_SHARE * len(words))
            if not far or min(len(first.split()), len(second.split())) < least:
                continue
            after = rng.choice(far)
            second = second[0].upper() + second[1:]
            new = [*paragraphs]
            new[i] = (kind, first)
            new.insert(after + 1, (kind, second))
            places = [k if k <= after else k + 1 for k in range(len(paragraphs))]
            places[i] = None
            status = expected_status([text], [first, second])
            return new, places, ((i,), (i, after + 1), status, ("split",)), ""
        return None
    if edit is DraftingEdit.FAR_MERGE:
        far = [
            k
            for k in same_kind
            if k >= i + MIN_DISTANCE
            and len(paragraphs[k][1].split()) >= MIN_PART_WORDS
            and not paragraphs[k][1].startswith("(")
            and _editable([t for _, t in paragraphs], [c for c, _ in paragraphs], k)
        ]
        if not far:
            return None
        k = rng.choice(far)
        body, end = _body(text)
        taken, _ = _body(paragraphs[k][1])
        merged = f"{body}, and {taken[0].lower()}{taken[1:]}{end}"
        new = [*paragraphs]
        new[i] = (kind, merged)
        del new[k]
        places = [j if j < k else j - 1 for j in range(len(paragraphs))]
        places[i] = places[k] = None
        return new, places, ((i, k), (i,), Status.ALTERED, ("merged",)), ""
    if edit is DraftingEdit.TO_OPERATIVE:
        first, _, rest = text.partition(" ")
        operative = [
            k for k, (other, _) in enumerate(paragraphs) if other is ParagraphKind.OPERATIVE
        ]
        if kind is not ParagraphKind.PREAMBULAR or first not in _PRESENT or len(operative) < 2:
            return None
        body, _ = _body(rest)
        new = [*paragraphs]
        del new[i]
        # Before the last operative paragraph (``Decides to remain seized``), which moved up one.
        at = operative[-1] - 1
        new.insert(at, (ParagraphKind.OPERATIVE, f"{_PRESENT[first]} {body};"))
        places = [j - 1 if i < j < operative[-1] else j for j in range(len(paragraphs))]
        places[i] = None
        return new, places, ((i,), (at,), Status.ALTERED, ("moved",)), ""
    if edit is DraftingEdit.KEPT_CLAUSE:
        if len(words) < KEPT_MIN_WORDS:
            return None
        length = rng.randint(10, 12)
        start = rng.randint(4, len(words) - length - 4)
        kept = words[start : start + length]
        others = [fold_words(t) for k, (_, t) in enumerate(paragraphs) if k != i]
        folded = fold_words(" ".join(kept))
        if any(_contains(other, folded) for other in others):
            return None
        rewritten = " ".join(
            [words[0], _made_up(rng, start - 1), *kept, _made_up(rng, len(words) - start - length)]
        )
        new = [*paragraphs]
        new[i] = (kind, rewritten)
        places = list(range(len(paragraphs)))
        places[i] = None
        return new, places, ((i,), (i,), Status.ALTERED, ()), " ".join(kept)
    raise AssertionError(edit)


def _contains(words: tuple[str, ...], run: tuple[str, ...]) -> bool:
    return any(words[k : k + len(run)] == run for k in range(len(words) - len(run) + 1))
