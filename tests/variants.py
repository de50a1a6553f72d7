"""Made-up variants of real corpus documents, with known ground truth, for the quality tests.

A variant starts from a real document (the *old* side) and builds a *new* side by editing its
paragraphs as a drafter would. Everything the generator does is recorded, so the expected alignment
is known exactly. Variants are made up: they are never written to the corpus, their symbol is None
and their title says ``Made-up variant of ...``.

What a variant can do to the old paragraphs (seeded, deterministic for a given seed):

- **keep**: the paragraph unchanged. Expected status REUSED.
- **light edit**: one or two words replaced, or one short clause inserted or deleted. The words of
  the edited text differ from the original, and their word similarity (see below) stays at or
  above ``light_min_similarity`` (0.80). Expected status ALTERED.
- **heavy edit**: runs of words replaced and clauses inserted or deleted until the word similarity
  falls inside ``[heavy_min_similarity, heavy_max_similarity]`` (0.58 to 0.72, that is about 30 to
  45 % of the words changed), and the similarity of the content words alone (function words such
  as ``the``, ``of``, ``and`` left out) stays at or above ``heavy_min_content_similarity`` (0.58).
  Only paragraphs of ``min_heavy_words`` (25) words or more are heavily edited.
  Still above the engine's threshold (0.5) however stock words are weighed, so the truth is
  ALTERED, not new + dropped.
- **formula changed**: the same words behind another leading formula, as language travels between
  a statement and a resolution (``The Security Council recognizes that`` -> ``Recognizing that``,
  ``The Security Council also recognizes``, ``Also requests``, ``Recalling also``). The words
  differ, so the expected status is ALTERED (the engine folds the formula for matching, not for the
  status).
- **drop**: the paragraph is gone. Expected status DROPPED.
- **insert**: a paragraph of an unrelated corpus document (a *donor*) is put in. It is a real
  paragraph of another document placed in a made-up variant; its word similarity to every old
  paragraph (by all words and by content words) is below ``insert_max_similarity`` (0.40): it may
  share the opening formula and stock phrases, as real new paragraphs do. Expected status NEW.
- **move**: a paragraph (kept, edited, split or merged), or two neighbouring ones together, is
  taken out and put back at least ``min_move_distance`` (3) matched paragraphs away. Expected
  flag MOVED on each.
- **split**: a paragraph is cut at a sentence boundary (``. `` before a capital) or a clause
  boundary (``, and <word>``, ``; <word>``) into two or three consecutive new paragraphs. At a
  clause boundary with ``and`` the ``and`` is removed and the next word capitalised. Expected
  flag SPLIT, one link old ``(i,)`` -> new ``(j, j+1[, j+2])``.
- **merge**: two or three consecutive paragraphs of the same kind are joined into one: after a
  full stop with a space, otherwise with ``, and`` and the next part's first letter lowered.
  Expected flag MERGED, one link old ``(i, i+1[, i+2])`` -> new ``(j,)``.

A split or merge also gets a light edit in one of its texts now and then (``p_touch_up``, 40 %).
Split and merge parts each hold at least ``min_part_words`` (8) words and ``min_part_share``
(20 %) of the words, so that neither part could pass as a clause added to or taken from the other.
The status of a split or merge is REUSED when the folded words (casefolded, letters and digits,
hyphens and apostrophes removed) of the joined texts are the same, ALTERED otherwise.

Moved flags come from the links themselves: ordered by the new side, the links whose old position
lies on the longest increasing run stay in place, the others moved. A draw is rejected (and drawn
again from the same random stream) when the truth is not unambiguous:

- the longest increasing run is not unique (every link must be on all of them or on none), or a
  moved link passes fewer than ``min_move_distance`` other matched links;
- a matched paragraph's best match on the other side (by word similarity) is outside its link, or
  the link's similarity does not beat every outside paragraph by ``margin`` (0.15);
- a dropped paragraph reaches ``dropped_max_similarity`` (0.45) with some new paragraph;
- a part of a split (or merge) reaches ``dropped_max_similarity`` with a paragraph outside its link,
  so that it could pass for that paragraph's altered text.

Merges never take a paragraph whose text starts with a printed marker (``(a) The ...``) as a later
part: the marker would stand inside the merged paragraph, where comparison keys no longer fold it.

Light and heavy edits never touch the first ``formula_words`` (4) words of a paragraph, where the
leading formula (``The Security Council recalls``, ``Recalling also``) stands: comparison keys fold
it, and formula changes are an edit of their own.

*Word similarity* is the Indel similarity of the two folded word sequences:
``2 * common words in order / (words of a + words of b)``.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import process
from rapidfuzz.distance import Indel

from prstdiff.model import Document, Paragraph, ParagraphKind, Status

__all__ = [
    "FUNCTION_WORDS",
    "VOCABULARY",
    "Edit",
    "Link",
    "Variant",
    "VariantRules",
    "content_similarity",
    "flag_moves",
    "fold_words",
    "make_variant",
    "word_similarity",
]

# Made-up replacement words: plain drafting vocabulary, none of it quoted from a document.
VOCABULARY = (
    "sustained",
    "practical",
    "renewed",
    "durable",
    "coordinated",
    "transparent",
    "inclusive",
    "measured",
    "balanced",
    "gradual",
    "prompt",
    "thorough",
    "independent",
    "regular",
    "candid",
    "constructive",
    "flexible",
    "predictable",
    "timely",
    "collective",
    "principled",
    "credible",
    "tangible",
    "lasting",
    "mutual",
    "broader",
    "deeper",
    "careful",
    "dialogue",
    "framework",
    "capacity",
    "engagement",
    "mechanism",
    "consultation",
    "assessment",
    "roadmap",
    "benchmark",
    "outreach",
    "partnership",
    "oversight",
    "guidance",
    "expertise",
    "resources",
    "arrangements",
    "procedures",
    "priorities",
    "safeguards",
    "initiatives",
    "exchanges",
    "workshops",
    "briefings",
    "channels",
    "strengthen",
    "support",
    "promote",
    "facilitate",
    "review",
    "monitor",
    "coordinate",
    "consolidate",
    "advance",
    "encourage",
    "examine",
    "clarify",
    "sustain",
    "deepen",
    "broaden",
    "improve",
    "pursue",
    "foster",
    "reinforce",
)

# English function words, left out by ``content_similarity``.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "its",
        "it",
        "of",
        "on",
        "or",
        "that",
        "the",
        "their",
        "this",
        "those",
        "these",
        "to",
        "which",
        "with",
        "all",
        "any",
        "are",
        "was",
        "were",
        "been",
        "such",
    ]
)

_FOLD_JOINERS = re.compile(r"[-‐‑–'’]")
_FOLD_WORD = re.compile(r"[^\W_]+")
# Where a paragraph may be cut: after a full stop before a capital, or before a clause that
# starts with "and <word>" after a comma or semicolon, or after a semicolon before a word.
_SENTENCE_CUT = re.compile(r"(?<=[a-z)\]”\"’]\.) (?=[“\"]?[A-Z])")
_CLAUSE_AND_CUT = re.compile(r"(?<=[,;]) and (?=[a-z])")
_SEMICOLON_CUT = re.compile(r"(?<=;) (?=[a-z])")
_STATEMENT_FORMULA = re.compile(r"(The Security Council|The Council) ([a-z]{4,}s) (.+)", re.DOTALL)
_MARKER = re.compile(r"\s*(?:\(\w{1,5}\)|\d{1,3}\.)\s")


class Edit(StrEnum):
    """What the generator did to produce a link of the ground truth."""

    KEEP = "keep"
    LIGHT = "light edit"
    HEAVY = "heavy edit"
    DROP = "drop"
    INSERT = "insert"
    SPLIT = "split"
    MERGE = "merge"
    FORMULA = "formula changed"


@dataclass(frozen=True, slots=True)
class Link:
    """One expected pair of the alignment."""

    old: tuple[int, ...]
    """Indices of the old paragraphs (empty for an inserted paragraph)."""
    new: tuple[int, ...]
    """Indices of the new paragraphs (empty for a dropped paragraph)."""
    status: Status
    """Expected status."""
    edit: Edit
    """What the generator did."""
    moved: bool = False
    """Expected moved flag."""
    split: bool = False
    """Expected split flag."""
    merged: bool = False
    """Expected merged flag."""


@dataclass(frozen=True, slots=True)
class Variant:
    """A made-up new version of a real document, with the expected alignment."""

    name: str
    """``madeup_<source label>_<seed>``: says it is made up and how to draw it again."""
    seed: int
    """The seed that draws exactly this variant from the same old document."""
    old: Document
    """The real document, as parsed."""
    new: Document
    """The made-up variant."""
    links: tuple[Link, ...]
    """Every paragraph of both documents in exactly one link."""


@dataclass(frozen=True, slots=True)
class VariantRules:
    """Probabilities and bounds of the generator; the bounds keep the truth unambiguous."""

    p_light: float = 0.15
    """Share of paragraphs lightly edited."""
    p_heavy: float = 0.12
    """Share of paragraphs heavily edited."""
    p_drop: float = 0.07
    """Share of paragraphs dropped."""
    p_formula: float = 0.07
    """Share of paragraphs whose leading formula changes (where the paragraph has one)."""
    p_move: float = 0.75
    """Chance of a move in a variant."""
    p_split: float = 0.6
    """Chance of a split in a variant."""
    p_merge: float = 0.6
    """Chance of a merge in a variant."""
    p_block: float = 0.3
    """Chance that a move takes two neighbouring paragraphs together."""
    p_touch_up: float = 0.4
    """Chance that a split or merge also gets a light edit in one of its texts."""
    p_second: float = 0.25
    """Chance that a variant with a move, split or merge has a second one of the same kind."""
    light_min_similarity: float = 0.80
    """A light edit keeps at least this word similarity."""
    heavy_min_similarity: float = 0.58
    """A heavy edit keeps at least this much: clearly above the engine's 0.5 threshold."""
    heavy_max_similarity: float = 0.72
    """A heavy edit changes at least this much (about 30 % of the words)."""
    heavy_min_content_similarity: float = 0.58
    """Without function words a heavy edit still keeps this much, so the truth holds for a
    similarity that lets stock words weigh little as well as for one over all words."""
    insert_max_similarity: float = 0.40
    """An inserted paragraph is less similar than this to any old paragraph: it may share the
    opening formula and stock phrases, as new paragraphs do, but stays clearly below 0.5."""
    dropped_max_similarity: float = 0.45
    """A dropped paragraph is at most this similar to any new paragraph."""
    margin: float = 0.15
    """A link's similarity beats any outside paragraph's by at least this much."""
    min_move_distance: int = 3
    """A moved paragraph jumps over at least this many matched paragraphs."""
    min_part_words: int = 8
    """Each part of a split or merge has at least this many words."""
    min_part_share: float = 0.2
    """Each part of a split or merge holds at least this share of the words."""
    min_edit_words: int = 10
    """Paragraphs shorter than this are kept, moved or dropped, never edited."""
    min_heavy_words: int = 25
    """Paragraphs shorter than this are never heavily edited."""
    formula_words: int = 4
    """Word edits leave the first words alone: the leading formula, folded by comparison keys."""
    attempts: int = 60
    """Draws tried before giving up on a seed."""


@functools.lru_cache(maxsize=65536)
def fold_words(text: str) -> tuple[str, ...]:
    """Folded words of a text: casefolded letters and digits, hyphens and apostrophes removed."""
    return tuple(_FOLD_WORD.findall(_FOLD_JOINERS.sub("", text).casefold()))


# One character per distinct folded word, so that rapidfuzz scores words at string speed.
_WORD_CODES: dict[str, str] = {}


@functools.lru_cache(maxsize=65536)
def _coded(text: str, content_only: bool = False) -> str:
    """The folded words of a text, one character each (function words left out if asked)."""
    words = fold_words(text)
    if content_only:
        words = tuple(w for w in words if w not in FUNCTION_WORDS)
    return "".join(_WORD_CODES.setdefault(w, chr(0x100 + len(_WORD_CODES))) for w in words)


def word_similarity(a: str, b: str) -> float:
    """Indel similarity of the folded word sequences of two texts, in [0, 1]."""
    return float(Indel.normalized_similarity(_coded(a), _coded(b)))


def content_similarity(a: str, b: str) -> float:
    """Word similarity without English function words: what is left when stock words weigh nil."""
    return float(Indel.normalized_similarity(_coded(a, True), _coded(b, True)))


def _similarities(text: str, others: Sequence[str]) -> list[float]:
    """Word similarity of one text with each of several, scored in one call."""
    if not others:
        return []
    row = process.cdist(
        [_coded(text)], [_coded(o) for o in others], scorer=Indel.normalized_similarity
    )
    return [float(x) for x in row[0]]


@functools.lru_cache(maxsize=64)
def _eligible(old_texts: tuple[str, ...], donors: tuple[str, ...], limit: float) -> tuple[str, ...]:
    """Donor paragraphs unlike every old paragraph, by all words and by content words."""
    return tuple(
        d
        for d in donors
        if all(max(word_similarity(d, t), content_similarity(d, t)) < limit for t in old_texts)
    )


@dataclass(slots=True)
class _Unit:
    """A link under construction: old indices, the new texts, and what was done."""

    old: tuple[int, ...]
    texts: list[str]
    kind: ParagraphKind
    number: str | None
    edit: Edit


def _words(text: str) -> list[str]:
    return text.split()


def _replace_word(rng: random.Random, tokens: list[str], rules: VariantRules) -> bool:
    """Replace one word after the formula zone by a vocabulary word; False when none fits."""
    spots = [
        i
        for i in range(rules.formula_words, len(tokens))
        if re.fullmatch(r"[A-Za-z]{3,}[,;:.]?", tokens[i])
    ]
    if not spots:
        return False
    i = rng.choice(spots)
    core = tokens[i].rstrip(",;:.")
    tail = tokens[i][len(core) :]
    choices = [w for w in VOCABULARY if w != core.casefold()]
    word = rng.choice(choices)
    if core[0].isupper():
        word = word[0].upper() + word[1:]
    tokens[i] = word + tail
    return True


def _replace_run(rng: random.Random, tokens: list[str], rules: VariantRules) -> bool:
    """Replace a run of two to four words by as many vocabulary words."""
    length = rng.randint(2, 4)
    if len(tokens) - rules.formula_words <= length + 1:
        return False
    start = rng.randrange(rules.formula_words, len(tokens) - length)
    for i in range(start, start + length):
        core = tokens[i].rstrip(",;:.")
        tail = tokens[i][len(core) :]
        tokens[i] = rng.choice(VOCABULARY) + tail
    return True


def _clause_spans(tokens: list[str], rules: VariantRules) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of comma-delimited clauses after the formula zone (3 to 12 words)."""
    spans = []
    commas = [i for i, t in enumerate(tokens) if t.endswith(",") and i >= rules.formula_words]
    for a, b in itertools.pairwise(commas):
        if 3 <= b - a <= 12:
            spans.append((a + 1, b + 1))
    return spans


def _delete_clause(rng: random.Random, tokens: list[str], rules: VariantRules) -> bool:
    """Delete one comma-delimited clause."""
    spans = _clause_spans(tokens, rules)
    if not spans:
        return False
    start, end = rng.choice(spans)
    del tokens[start:end]
    return True


def _insert_clause(
    rng: random.Random, tokens: list[str], rules: VariantRules, clauses: Sequence[str]
) -> bool:
    """Insert a clause taken from a donor paragraph after a comma (or mid-sentence)."""
    if len(tokens) <= rules.formula_words + 1:
        return False
    clause = rng.choice(clauses).split()
    commas = [i for i, t in enumerate(tokens[:-1]) if t.endswith(",") and i >= rules.formula_words]
    if commas:
        at = rng.choice(commas) + 1
        tokens[at:at] = [*clause[:-1], clause[-1] + ","]
    else:
        at = rng.randrange(rules.formula_words, len(tokens))
        tokens[at:at] = ["including", *clause]
    return True


def _edit_lightly(
    rng: random.Random, text: str, rules: VariantRules, clauses: Sequence[str]
) -> str | None:
    """A light edit of ``text`` within the rules, or None when none could be made."""
    original = fold_words(text)
    for _ in range(12):
        tokens = _words(text)
        kind = rng.random()
        if kind < 0.5:
            done = _replace_word(rng, tokens, rules)
            if done and rng.random() < 0.5:
                _replace_word(rng, tokens, rules)
        elif kind < 0.75:
            done = _delete_clause(rng, tokens, rules)
        else:
            done = _insert_clause(rng, tokens, rules, clauses)
        edited = " ".join(tokens)
        if not done or fold_words(edited) == original:
            continue
        if word_similarity(text, edited) >= rules.light_min_similarity:
            return edited
    return None


def _edit_heavily(
    rng: random.Random, text: str, rules: VariantRules, clauses: Sequence[str]
) -> str | None:
    """A heavy edit of ``text`` inside the similarity band, or None when none could be made."""
    for _ in range(12):
        tokens = _words(text)
        for _step in range(80):
            kind = rng.random()
            if kind < 0.6:
                _replace_run(rng, tokens, rules)
            elif kind < 0.8:
                _delete_clause(rng, tokens, rules)
            else:
                _insert_clause(rng, tokens, rules, clauses)
            similarity = word_similarity(text, " ".join(tokens))
            if similarity <= rules.heavy_max_similarity:
                break
        edited = " ".join(tokens)
        in_band = rules.heavy_min_similarity <= similarity <= rules.heavy_max_similarity
        if in_band and content_similarity(text, edited) >= rules.heavy_min_content_similarity:
            return edited
    return None


def _present_participle(verb: str) -> str | None:
    """``recognizes`` -> ``recognizing``, ``stresses`` -> ``stressing``; None where unsure."""
    if len(verb) < 5 or verb.endswith(("ees", "ss", "us", "is")) or not verb.endswith("s"):
        return None
    if verb.endswith(("sses", "shes", "ches", "xes", "ues")) or (
        verb.endswith("es") and verb[-3] not in "aeiou"
    ):
        return verb[:-2] + "ing"
    return verb[:-1] + "ing"


def _change_formula(rng: random.Random, paragraph: Paragraph) -> str | None:
    """The paragraph behind another leading formula, the rest untouched; None when it has none.

    A statement paragraph becomes preambular (``The Security Council recognizes`` ->
    ``Recognizing``) or gains ``also``; an operative paragraph gains ``Also``; a preambular one
    gains ``also`` after its participle (``Recalling also``), all as drafters write them.
    """
    text = paragraph.text
    statement = _STATEMENT_FORMULA.match(text)
    if statement is not None:
        subject, verb, rest = statement.groups()
        participle = _present_participle(verb)
        if participle is not None and rng.random() < 0.6:
            return f"{participle.capitalize()} {rest}"
        return f"{subject} also {verb} {rest}"
    first, _, rest = text.partition(" ")
    if not rest or not re.fullmatch(r"[A-Z][a-z]{3,}", first):
        return None
    if paragraph.kind is ParagraphKind.OPERATIVE and first.endswith("s"):
        return f"Also {first.lower()} {rest}"
    if paragraph.kind is ParagraphKind.PREAMBULAR and first.endswith("ing"):
        return f"{first} also {rest}"
    return None


def _cuts(text: str) -> list[tuple[int, int, bool]]:
    """Cut points of a paragraph: (end of part one, start of part two, ``and`` removed)."""
    cuts = [(m.start(), m.end(), False) for m in _SENTENCE_CUT.finditer(text)]
    cuts += [(m.start(), m.end(), True) for m in _CLAUSE_AND_CUT.finditer(text)]
    cuts += [(m.start(), m.end(), False) for m in _SEMICOLON_CUT.finditer(text)]
    return sorted(cuts)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _balanced(parts: Sequence[str], rules: VariantRules) -> bool:
    counts = [len(fold_words(p)) for p in parts]
    total = sum(counts)
    return all(c >= rules.min_part_words and c >= rules.min_part_share * total for c in counts)


def _split_text(rng: random.Random, text: str, rules: VariantRules) -> list[str] | None:
    """Cut a paragraph into two or three balanced parts, or None when it has no such cut."""
    cuts = _cuts(text)
    pieces = 3 if rng.random() < 0.3 else 2
    options: list[list[tuple[int, int, bool]]] = []
    if pieces == 3:
        options = [[a, b] for i, a in enumerate(cuts) for b in cuts[i + 1 :] if b[0] > a[1]]
    if not options:
        options = [[c] for c in cuts]
    rng.shuffle(options)
    for chosen in options:
        parts = []
        position = 0
        for end, start, _ in chosen:
            parts.append(text[position:end].strip())
            position = start
        parts.append(text[position:].strip())
        if _balanced(parts, rules):
            return [parts[0]] + [_capitalise(p) for p in parts[1:]]
    return None


def _touch_up(
    rng: random.Random, texts: list[str], rules: VariantRules, clauses: Sequence[str]
) -> list[str]:
    """Now and then a light edit of one of the texts of a split or merge, as drafters do."""
    if rng.random() >= rules.p_touch_up:
        return texts
    at = rng.randrange(len(texts))
    if len(fold_words(texts[at])) < rules.min_edit_words:
        return texts
    edited = _edit_lightly(rng, texts[at], rules, clauses)
    return texts if edited is None else [*texts[:at], edited, *texts[at + 1 :]]


def _merge_texts(texts: Sequence[str]) -> str:
    """Join consecutive paragraphs into one, as a drafter would."""
    merged = texts[0].rstrip()
    for text in texts[1:]:
        if merged.endswith((".", ".”", '."')):
            merged = f"{merged} {text.strip()}"
        else:
            merged = f"{merged} and {text[:1].lower()}{text[1:].strip()}"
    return merged


def _same_words(a: Sequence[str], b: Sequence[str]) -> bool:
    return fold_words(" ".join(a)) == fold_words(" ".join(b))


def _renumber(units: Sequence[_Unit]) -> list[Paragraph]:
    """Paragraphs of the new side, operative paragraphs numbered again from 1."""
    paragraphs: list[Paragraph] = []
    operative = 0
    for unit in units:
        for text in unit.texts:
            number = unit.number
            if unit.kind is ParagraphKind.OPERATIVE:
                operative += 1
                number = str(operative)
            elif unit.kind is ParagraphKind.SUBPARAGRAPH and number is not None:
                letter = number.rsplit(" ", 1)[-1]
                number = f"{operative} {letter}" if operative else letter
            paragraphs.append(Paragraph(len(paragraphs), unit.kind, number, text))
    return paragraphs


def _longest_runs(values: Sequence[int]) -> tuple[set[int], set[int]]:
    """Positions on some longest increasing run, and positions on every one."""
    n = len(values)
    ending = [1] * n
    starting = [1] * n
    for i in range(n):
        for j in range(i):
            if values[j] < values[i]:
                ending[i] = max(ending[i], ending[j] + 1)
    for i in reversed(range(n)):
        for j in range(i + 1, n):
            if values[i] < values[j]:
                starting[i] = max(starting[i], starting[j] + 1)
    best = max(ending, default=0)
    some = {i for i in range(n) if ending[i] + starting[i] - 1 == best}
    every = {i for i in some if sum(1 for j in some if ending[j] == ending[i]) == 1}
    return some, every


def _occurrences(rng: random.Random, first: float, second: float) -> int:
    """How many times an edit happens in a draw: once with ``first``, then again with ``second``."""
    if rng.random() >= first:
        return 0
    return 2 if rng.random() < second else 1


def _pick_merge(
    rng: random.Random, old: Document, rules: VariantRules, taken: set[int]
) -> tuple[int, ...] | None:
    """Two or three consecutive, balanced paragraphs of the same kind, none taken yet, to merge."""
    size = 3 if rng.random() < 0.3 else 2
    starts = list(range(len(old.paragraphs) - size + 1))
    rng.shuffle(starts)
    for start in starts:
        group = old.paragraphs[start : start + size]
        # A printed marker left at the head of a later part (``(a) The ...``) would end up
        # inside the merged paragraph, where keys no longer fold it.
        if any(p.index in taken for p in group) or any(_MARKER.match(p.text) for p in group[1:]):
            continue
        kinds = {p.kind for p in group}
        if len(kinds) != 1 or ParagraphKind.INTRODUCTORY in kinds:
            continue
        if _balanced([p.text for p in group], rules):
            return tuple(p.index for p in group)
    return None


def _draw(
    rng: random.Random,
    old: Document,
    donors: Sequence[str],
    clauses: Sequence[str],
    rules: VariantRules,
) -> list[_Unit] | None:
    """One draw of the edits, as units in the new order; None when the draw is unusable."""
    taken: set[int] = set()
    special: dict[int, _Unit] = {}
    for _ in range(_occurrences(rng, rules.p_merge, rules.p_second)):
        group = _pick_merge(rng, old, rules, taken)
        if group is not None:
            texts = [old.paragraphs[i].text for i in group]
            first = old.paragraphs[group[0]]
            merged = _touch_up(rng, [_merge_texts(texts)], rules, clauses)
            special[group[0]] = _Unit(group, merged, first.kind, first.number, Edit.MERGE)
            taken.update(group)
    for _ in range(_occurrences(rng, rules.p_split, rules.p_second)):
        candidates = [p for p in old.paragraphs if p.index not in taken]
        rng.shuffle(candidates)
        for paragraph in candidates:
            parts = _split_text(rng, paragraph.text, rules)
            if parts is not None:
                parts = _touch_up(rng, parts, rules, clauses)
                special[paragraph.index] = _Unit(
                    (paragraph.index,), parts, paragraph.kind, paragraph.number, Edit.SPLIT
                )
                taken.add(paragraph.index)
                break

    units: list[_Unit] = []
    dropped: list[int] = []
    for paragraph in old.paragraphs:
        if paragraph.index in special:
            units.append(special[paragraph.index])
            continue
        if paragraph.index in taken:
            continue
        words = len(fold_words(paragraph.text))
        roll = rng.random()
        edit = Edit.KEEP
        text: str | None = paragraph.text
        if roll < rules.p_drop:
            dropped.append(paragraph.index)
            continue
        if roll < rules.p_drop + rules.p_light and words >= rules.min_edit_words:
            text, edit = _edit_lightly(rng, paragraph.text, rules, clauses), Edit.LIGHT
        elif roll < rules.p_drop + rules.p_light + rules.p_heavy and words >= rules.min_heavy_words:
            text, edit = _edit_heavily(rng, paragraph.text, rules, clauses), Edit.HEAVY
        elif roll < rules.p_drop + rules.p_light + rules.p_heavy + rules.p_formula:
            text, edit = _change_formula(rng, paragraph), Edit.FORMULA
        if text is None:
            text, edit = paragraph.text, Edit.KEEP
        units.append(_Unit((paragraph.index,), [text], paragraph.kind, paragraph.number, edit))

    # Dropped paragraphs are not among the units yet, so every unit here can move.
    for _ in range(_occurrences(rng, rules.p_move, rules.p_second)):
        size = 2 if rng.random() < rules.p_block else 1
        if len(units) < size + rules.min_move_distance + 1:
            break
        source = rng.randrange(len(units) - size + 1)
        block = units[source : source + size]
        rest = units[:source] + units[source + size :]
        targets = [t for t in range(len(rest) + 1) if abs(t - source) >= rules.min_move_distance]
        if not targets:
            break
        at = rng.choice(targets)
        units = rest[:at] + block + rest[at:]

    inserts = rng.choices((0, 1, 2), weights=(0.35, 0.45, 0.2))[0]
    for text in rng.sample(donors, min(inserts, len(donors))):
        at = rng.randrange(len(units) + 1)
        kind = units[at - 1].kind if at > 0 and units else ParagraphKind.STATEMENT
        if kind is ParagraphKind.INTRODUCTORY:
            kind = ParagraphKind.STATEMENT
        units.insert(at, _Unit((), [text], kind, None, Edit.INSERT))

    units.extend(_Unit((i,), [], old.paragraphs[i].kind, None, Edit.DROP) for i in dropped)
    if all(u.edit is Edit.KEEP for u in units):
        return None
    return units


def _links(units: Sequence[_Unit], old: Document) -> tuple[Link, ...]:
    """The expected links of a draw, with statuses and flags."""
    links: list[Link] = []
    position = 0
    for unit in units:
        new = tuple(range(position, position + len(unit.texts)))
        position += len(unit.texts)
        if unit.edit is Edit.DROP:
            links.append(Link(unit.old, (), Status.DROPPED, unit.edit))
        elif unit.edit is Edit.INSERT:
            links.append(Link((), new, Status.NEW, unit.edit))
        else:
            same = _same_words([old.paragraphs[i].text for i in unit.old], unit.texts)
            status = Status.REUSED if same else Status.ALTERED
            links.append(
                Link(
                    unit.old,
                    new,
                    status,
                    unit.edit,
                    split=len(new) > 1,
                    merged=len(unit.old) > 1,
                )
            )
    return tuple(links)


def flag_moves(links: tuple[Link, ...], min_jump: int = 3) -> tuple[Link, ...] | None:
    """Links with the moved flag set, or None when which links moved is ambiguous.

    Ambiguous: the longest order-respecting run of links is not unique, or a moved link passes
    fewer than ``min_jump`` other matched links (a short hop could be read either way).
    """
    matched = [i for i, link in enumerate(links) if link.old and link.new]
    order = sorted(matched, key=lambda i: links[i].new[0])
    some, every = _longest_runs([links[i].old[0] for i in order])
    if some != every:
        return None
    moved = {order[k] for k in range(len(order)) if k not in every}
    for i in moved:
        # The jump must be long: count the matched links it passes on the old side.
        link = links[i]
        new_rank = order.index(i)
        passed = sum(
            1
            for k, j in enumerate(order)
            if j != i and (links[j].old[0] < link.old[0]) != (k < new_rank)
        )
        if passed < min_jump:
            return None
    return tuple(dataclasses.replace(link, moved=i in moved) for i, link in enumerate(links))


def _unambiguous(
    links: Sequence[Link], old: Document, new: Sequence[Paragraph], rules: VariantRules
) -> bool:
    """True when every matched link is the clear best match on both sides."""
    old_texts = [p.text for p in old.paragraphs]
    new_texts = [p.text for p in new]
    for link in links:
        if not link.old:
            continue
        if not link.new:
            row = _similarities(old_texts[link.old[0]], new_texts)
            if any(x >= rules.dropped_max_similarity for x in row):
                return False
            continue
        joined_old = " ".join(old_texts[i] for i in link.old)
        joined_new = " ".join(new_texts[j] for j in link.new)
        floor = word_similarity(joined_old, joined_new) - rules.margin
        against_old = _similarities(joined_new, old_texts)
        against_new = _similarities(joined_old, new_texts)
        if any(x > floor for i, x in enumerate(against_old) if i not in link.old):
            return False
        if any(x > floor for j, x in enumerate(against_new) if j not in link.new):
            return False
        # Each part of a split or merge must not pass for an outside paragraph's altered text.
        parts = [(new_texts[j], old_texts, link.old) for j in link.new if len(link.new) > 1]
        parts += [(old_texts[i], new_texts, link.new) for i in link.old if len(link.old) > 1]
        for text, others, inside in parts:
            row = _similarities(text, others)
            if any(x >= rules.dropped_max_similarity for k, x in enumerate(row) if k not in inside):
                return False
    return True


def make_variant(
    old: Document,
    seed: int,
    donors: Sequence[str],
    *,
    label: str | None = None,
    rules: VariantRules | None = None,
) -> Variant:
    """Draw the made-up variant number ``seed`` of ``old``; donors supply inserted paragraphs.

    ``label`` names the source in the variant's name (default: the document's name); it also
    seeds the random stream, so two layouts of one document draw different variants.
    """
    rules = rules or VariantRules()
    label = label or re.sub(r"[^\w.()-]+", "_", old.name)
    rng = random.Random(f"{label}:{seed}")
    # Inserted clauses: lower-case runs of three to eight plain words between a donor's commas.
    clauses = [
        c.strip()
        for d in donors
        for c in re.split(r"[,;]", d)
        if re.fullmatch(r" ?[a-z][A-Za-z-]*(?: [A-Za-z-]+){2,7}", c)
    ]
    # Only donors unlike every old paragraph can be inserted as new language.
    pool = _eligible(
        tuple(p.text for p in old.paragraphs), tuple(donors), rules.insert_max_similarity
    )
    for _ in range(rules.attempts):
        units = _draw(rng, old, pool, clauses, rules)
        if units is None:
            continue
        paragraphs = _renumber([u for u in units if u.edit is not Edit.DROP])
        links = flag_moves(_links(units, old), rules.min_move_distance)
        if links is None or not _unambiguous(links, old, paragraphs, rules):
            continue
        new = dataclasses.replace(
            old,
            symbol=None,
            title=f"Made-up variant of {old.name}",
            paragraphs=tuple(paragraphs),
            source=None,
        )
        return Variant(f"madeup_{label}_{seed}", seed, old, new, links)
    raise ValueError(f"{old.name}: no unambiguous variant in {rules.attempts} draws (seed {seed})")
