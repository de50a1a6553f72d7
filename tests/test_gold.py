"""The engine against alignments written by hand for real pairs of consecutive documents.

Each file in ``tests/gold/`` was written by reading both documents paragraph by paragraph: for
every pair, the old and new paragraph indices, the expected status and flags, and the opening
words of each paragraph (so a reader of the file can check it, and so this test can check that the
reader's indices still point at the same paragraphs). See the ``how`` field of each file.

- ``borderline`` pairs share about half their words, right at the comparison threshold: the test
  also accepts all their paragraphs left unmatched (new and dropped), and reports it.
- ``accept`` lists other statuses accepted for a pair, for the reason given in its ``note``
  (extraction artefacts such as ``thi s`` that change the words without the drafters' doing).
- ``alternative`` gives, for a doubtful pair, a second reading (its own pairs) that is accepted
  and reported;
- ``changes`` names, for some altered pairs, the words deleted and inserted (net of words the diff
  deletes and inserts again, such as ``cooperation`` -> ``cooperation,``);
- ``borrows`` names old paragraphs whose long phrases a new paragraph reuses: the engine's pair
  for that paragraph must show a phrase from each of them.

A reader defect that moves words between two paragraphs is listed in ``KNOWN_READER_ISSUES`` with
its exact symptom: while the reader shows that symptom, a failure confined to those paragraphs is
an expected failure (xfail, with the reason); any other disagreement fails.

Re-run: ``python -m pytest tests/test_gold.py -s -q`` (the disagreements are printed either way).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from goldset import FLAGS, Gold, GoldPair, gold_files, mean, pooled_flags, read_gold, score_half

from prstdiff.compare import compare
from prstdiff.model import Comparison, Document, Op, Pair, Status
from prstdiff.parse import load


@dataclass(frozen=True, slots=True)
class ReaderIssue:
    """A reader defect, reported to its engineer, that shifts words between two gold paragraphs."""

    gold: str
    """The gold file's stem."""
    side: str
    """``old`` or ``new``."""
    index: int
    """The paragraph the reader gets wrong."""
    symptom: str
    """How the wrong text starts; the issue counts only while the reader shows exactly this."""
    reason: str
    """What goes wrong, for the xfail message."""


# Known while this test was written. A test that fails only on these paragraphs, showing exactly
# these symptoms, is an expected failure; any other disagreement fails. Once the reader is fixed
# the symptom is gone and the entry has no effect.
KNOWN_READER_ISSUES = (
    ReaderIssue(
        gold="S_RES_2561_2021__S_RES_2587_2021",
        side="new",
        index=24,
        symptom="Humanitarian Affairs and Economic Matters; ensure effective",
        reason="reader moves the last line of S/RES/2587 4 (b) into 4 (c)",
    ),
)

GOLD_FILES = gold_files("tuning")


@dataclass(frozen=True, slots=True)
class KnownReading:
    """A gold pair the engine reads otherwise, for a reason a reader can weigh."""

    gold: str
    """The gold file's stem."""
    old: tuple[int, ...]
    """The gold pair's old paragraphs."""
    new: tuple[int, ...]
    """The gold pair's new paragraphs."""
    reason: str
    """What the engine sees instead."""


_FORMULA = (
    "a change of formula alone between a statement and a resolution is altered with "
    "similarity 1.00 by design (prstdiff.compare)"
)

_TIED_CHAIN = (
    "the moved flag: two longest order-respecting chains of equal length, the gold takes one "
    "(its 'how' says so), the engine the other"
)

_SPLIT_PLACE = (
    "the moved flag: the engine places a split by its first part (old OP 1 by new PP 8), this "
    "gold by its part in place (OP 3), and the longest chains differ from there"
)

_OTHER_LINKS = (
    "the moved flag: the engine's longest chain runs through links it reads otherwise in this "
    "pair (named above), so it keeps other pairs in place than the gold"
)

# Disagreements of the engine with the tuning half, each explained; any other one fails. They are
# the measured shortfall of ``bench/quality.py``: fixing one for its own sake would be a rule
# tuned to one file.
KNOWN_READINGS = (
    KnownReading(
        "S_PRST_2017_21__S_RES_2427_2018",
        (41, 42),
        (23,),
        "old ¶43 keeps a quarter of its words in OP 5, too little to join old ¶42 there; the "
        "second reading (old ¶43 dropped) holds, but no phrase of old ¶43 reaches OP 5's pair",
    ),
    KnownReading(
        "S_PRST_2017_21__S_RES_2427_2018",
        (14,),
        (34,),
        _FORMULA,
    ),
    KnownReading(
        "S_PRST_2004_46__S_RES_1674_2006",
        (2,),
        (13, 15),
        "OP 3 and OP 5 rewrite old ¶3's condemnation in other words: similarities 0.28 and 0.298 "
        "(an eight-word run with OP 5, below the 0.3 a run needs), 0.35 joined",
    ),
    KnownReading(
        "S_PRST_2004_46__S_RES_1674_2006",
        (3,),
        (16, 18, 19),
        "OP 8 and OP 9 are found (0.56 joined); OP 6 keeps 8 % of old ¶4's words (similarity 0.17)",
    ),
    KnownReading(
        "S_PRST_2004_46__S_RES_1674_2006",
        (8,),
        (24,),
        "rewritten: each other's best partner at similarity 0.34, with no shared run",
    ),
    KnownReading(
        "S_PRST_2004_46__S_RES_1674_2006",
        (9,),
        (26,),
        "rewritten and grown: each other's best partner at similarity 0.26, with no shared run",
    ),
    KnownReading(
        "S_PRST_2004_46__S_RES_1674_2006",
        (10,),
        (28,),
        "rewritten: each other's best partner at similarity 0.35, with no shared run",
    ),
    KnownReading(
        "S_PRST_2004_46__S_RES_1674_2006",
        (4,),
        (31, 32, 33),
        "the three operative paragraphs rewrite old ¶5's four sentences: similarities 0.20 to "
        "0.30, 0.40 joined, with no shared run",
    ),
    KnownReading(
        "S_PRST_2005_8__S_RES_1612_2005",
        (3,),
        (1, 7),
        "the first sentence's carried words are under half of PP 1, a long list of resolutions "
        "with their dates: joining PP 1 lowers the similarity of the split from 0.65 to 0.58",
    ),
    KnownReading(
        "S_PRST_2009_9__S_RES_1882_2009",
        (4,),
        (2, 36, 37),
        "three-way split: the two operative parts are found; the preambular part keeps a fifth "
        "of its words and joining it lowers the similarity",
    ),
    KnownReading(
        "S_PRST_2009_9__S_RES_1882_2009",
        (8,),
        (15,),
        "old ¶9 scores 0.51 with OP 5 (b), more than with the gold's OP 3 (0.42)",
    ),
    KnownReading("S_PRST_2009_9__S_RES_1882_2009", (), (19,), "paired with old ¶9 (see above)"),
    KnownReading(
        "S_PRST_2009_9__S_RES_1882_2009",
        (15,),
        (24, 25),
        "each part keeps half its words, but the parts together are 0.44 similar",
    ),
    KnownReading(
        "S_PRST_2010_1__S_PRST_2013_12",
        (5,),
        (),
        "old ¶6 and new ¶11 share an 18-word run and are each other's best partner: the engine "
        "reads a rewrite where the gold reads a borrowed clause",
    ),
    KnownReading("S_PRST_2010_1__S_PRST_2013_12", (), (10,), "see old ¶6"),
    KnownReading(
        "S_PRST_2013_8__S_RES_2143_2014",
        (),
        (31,),
        "old ¶15 and OP 14 are each other's best unmatched partner and share a nine-word run "
        "('national accountability mechanisms, including building investigative and "
        "prosecutorial capacities'): the engine reads a rewrite where the gold reads a borrowed "
        "clause",
    ),
    KnownReading("S_PRST_2013_8__S_RES_2143_2014", (14,), (), "see OP 14"),
    KnownReading(
        "S_RES_2167_2014__S_PRST_2014_27",
        (44,),
        (12,),
        "a change of formula alone between a resolution and a statement is altered with "
        "similarity 1.00 by design (prstdiff.compare)",
    ),
    KnownReading("S_RES_2167_2014__S_PRST_2014_27", (46,), (37,), "as old ¶45"),
    KnownReading(
        "S_RES_2417_2018__S_PRST_2020_6",
        (8,),
        (3,),
        "a change of formula alone between a resolution and a statement is altered with "
        "similarity 1.00 by design (prstdiff.compare)",
    ),
    KnownReading("S_RES_2417_2018__S_PRST_2020_6", (21,), (7,), "as old ¶9"),
    KnownReading(
        "S_RES_2417_2018__S_PRST_2020_6",
        (2, 4),
        (5,),
        "old ¶5 is paired (an eight-word run, similarity 0.32); old ¶3 keeps 18 % of its words "
        "in new ¶6 (similarity 0.27) and joining it lowers the similarity to 0.29",
    ),
    KnownReading(
        "S_RES_2417_2018__S_PRST_2020_6",
        (26, 31),
        (10,),
        "OP 5 keeps 79 % of its words in new ¶11 (containment counts from 80 %), whose best "
        "partner is OP 10 (0.38, no shared run): the three are 0.39 similar joined",
    ),
    KnownReading(
        "S_RES_2417_2018__S_PRST_2020_6",
        (32, 33),
        (16,),
        "OP 12 is paired (0.51); OP 11 keeps 35 % of its words in new ¶17 (a part keeps 45 %) "
        "and joining it lowers the similarity to 0.48",
    ),
    KnownReading(
        "S_RES_2561_2021__S_RES_2587_2021",
        (11, 12),
        (10,),
        "the second merged paragraph keeps a quarter of its words",
    ),
    KnownReading(
        "S_PRST_1998_18__S_RES_1261_1999",
        (6,),
        (15, 19, 20, 23),
        "OP 18 keeps 90 % of its words inside old ¶7 and OP 17 (a) joins it (0.50 joined); OP 13 "
        "shares one eight-word run (0.23) and OP 17's four-word opening line (0.11) too little",
    ),
    KnownReading(
        "S_PRST_1998_18__S_RES_1261_1999",
        (8,),
        (22,),
        "found (0.73); with old ¶7 joined to OP 17 (a) and OP 18 only, the longest chain in order "
        "runs through OP 17 (c), so it is not the moved one",
    ),
    KnownReading(
        "S_PRST_1999_6__S_RES_1265_1999",
        (7,),
        (14, 22),
        "each half rewritten: similarities 0.38 and 0.42 with no shared run (0.53 joined), "
        "under the 0.5 a pair out of place needs",
    ),
    KnownReading(
        "S_RES_1631_2005__S_PRST_2006_39",
        (14,),
        (),
        "shares with new ¶18 nine words in a row ('... the illicit trade in small arms and light "
        "weapons'), each the other's best partner (0.33): the gold reads a term both name",
    ),
    KnownReading(
        "S_RES_1631_2005__S_PRST_2006_39",
        (),
        (17,),
        "paired with OP 4 by a nine-word run (0.33)",
    ),
    KnownReading("S_RES_1894_2009__S_PRST_2013_2", (7,), (11,), _FORMULA),
    KnownReading("S_RES_1894_2009__S_PRST_2013_2", (50,), (23,), _FORMULA),
    KnownReading(
        "S_RES_1296_2000__S_PRST_2002_41",
        (2,),
        (),
        "merged with PP 1 into new ¶2, the gold's second reading of PP 1 (the report considered "
        "and the report welcomed, in the same formula)",
    ),
    KnownReading(
        "S_PRST_2009_9__S_RES_1882_2009",
        (),
        (17,),
        "OP 5's chapeau ('While noting that some parties to armed conflict have responded to its "
        "call ... to prepare and implement concrete time-bound action plans') repeats the call "
        "of old ¶10, run and all: the engine joins it to that split, as the gold of S/PRST/2006/48 "
        "-> S/RES/1882 reads the same paragraph; this gold reads it new",
    ),
    KnownReading("S_PRST_2009_9__S_RES_1882_2009", (9,), (18, 20, 21), "see OP 5"),
    KnownReading(
        "S_RES_1894_2009__S_PRST_2013_2",
        (55,),
        (22,),
        "rewritten around its kept parts: 0.22, one eight-word run; each has a better partner",
    ),
    KnownReading(
        "S_RES_2427_2018__S_PRST_2020_3",
        (41,),
        (),
        "new ¶17 carries OP 19's sixteen-word clause on standard operating procedures (0.41); "
        "the gold reads ¶17 as another resolution's paragraph borrowing that clause",
    ),
    KnownReading(
        "S_RES_2427_2018__S_PRST_2020_3",
        (),
        (16,),
        "paired with OP 19, whose sixteen-word clause it carries (0.41)",
    ),
    KnownReading(
        "S_RES_2427_2018__S_PRST_2020_3",
        (60,),
        (),
        "shares with new ¶19 a thirteen-word run of the series' wording ('the implementation of "
        "its resolutions and presidential statements on children and armed conflict'), held by "
        "fewer than ten corpus texts, so it counts (0.31, each other's best partner)",
    ),
    KnownReading(
        "S_RES_2427_2018__S_PRST_2020_3",
        (),
        (18,),
        "paired with OP 38 by a thirteen-word run of the series' wording (0.31)",
    ),
    KnownReading("S_PRST_2020_6__S_RES_2573_2021", (7,), (3,), _TIED_CHAIN),
    KnownReading("S_PRST_2020_6__S_RES_2573_2021", (12,), (12,), _TIED_CHAIN),
    KnownReading("S_PRST_2020_6__S_RES_2573_2021", (9,), (15,), _TIED_CHAIN),
    KnownReading(
        "S_PRST_2020_6__S_RES_2573_2021",
        (11,),
        (11,),
        "PP 21 joins the pair as a far part: its best partner, keeping half its words in old ¶12 "
        "(0.28), through 'international humanitarian law and international human rights law'",
    ),
    KnownReading(
        "S_PRST_2020_6__S_RES_2573_2021",
        (),
        (20,),
        "joined to old ¶12's pair through the subject's words (0.28)",
    ),
    KnownReading(
        "S_PRST_2020_6__S_RES_2573_2021",
        (10,),
        (25, 26),
        "OP 4 is found; OP 5 keeps a five-word run ('all parties to armed conflict', 0.33) and PP "
        "17, 'international human rights law, as applicable, and international humanitarian "
        "law' (0.36), joins in its place",
    ),
    KnownReading(
        "S_PRST_2020_6__S_RES_2573_2021",
        (),
        (16,),
        "joined to old ¶11's split through a ten-word run of the subject's law (0.36)",
    ),
    KnownReading(
        "S_PRST_2020_6__S_RES_2573_2021",
        (),
        (28,),
        "paired with old ¶7, each other's best partner, by an eight-word run naming the "
        "humanitarian principles, held by fewer than ten corpus texts before 2020 (0.31)",
    ),
    KnownReading(
        "S_PRST_2020_6__S_RES_2573_2021",
        (6,),
        (),
        "paired with OP 7 by the humanitarian principles' eight words (0.31)",
    ),
    KnownReading(
        "S_RES_1296_2000__S_PRST_2002_41",
        (4, 9, 19),
        (2,),
        "OP 2 and OP 12 merge; PP 5 keeps an eight-word run ('its concern at the hardships "
        "borne by civilians') but a small share of its words (0.29)",
    ),
    KnownReading(
        "S_RES_1296_2000__S_PRST_2002_41",
        (32,),
        (8,),
        "the report request's eleven words ('his next report on the protection of civilians in "
        "armed conflict') in a 172-word paragraph: 0.25, and the request is the series' formula",
    ),
    KnownReading(
        "S_PRST_2013_12__S_RES_2167_2014",
        (20,),
        (9, 30),
        "OP 10 is found (0.75); PP 9 keeps old ¶21's first sentence, a fifth of its words, with "
        "a nine-word run of the subject ('for the protection of children affected by armed "
        "conflict', 0.33)",
    ),
    KnownReading(
        "S_PRST_2008_28__S_RES_1882_2009",
        (1,),
        (1, 9, 10),
        "PP 9 and PP 10 repeat S/RES/1612 (2005) PP 7 and PP 8, the series' standing wording "
        "(0.20 and 0.24); OP 7's opening ('Reiterates its determination to ensure respect for "
        "its resolutions on children and armed conflict') joins instead (0.21, the gold's doubt)",
    ),
    KnownReading(
        "S_PRST_2008_28__S_RES_1882_2009",
        (),
        (23,),
        "joined to old ¶2's split: see there",
    ),
    KnownReading(
        "S_PRST_2008_28__S_RES_1882_2009",
        (5,),
        (24, 37),
        "each half keeps the Working Group's name, held by other paragraphs too, and little "
        "else in order (0.30 and 0.23): no pair to grow from",
    ),
    KnownReading(
        "S_PRST_2009_3__S_PRST_2010_1",
        (1,),
        (2,),
        "the word changes: 'sub-regional' -> 'subregional' is a lost hyphen to the word diff, "
        "shown as an artefact by design, where the gold counts a change of spelling",
    ),
    # The six pairs below joined the tuning half after their fresh check (docs/matching.md).
    KnownReading(
        "S_PRST_1999_6__S_RES_1296_2000",
        (1,),
        (),
        "old ¶2 ('has considered the matter of protection of civilians in armed conflict') keeps "
        "five of its six scored words, in order, in new ¶3 ('Having considered the report ... on "
        "the Protection of Civilians in Armed Conflict'): the item's name pairs them (0.53)",
    ),
    KnownReading(
        "S_PRST_1999_6__S_RES_1296_2000",
        (),
        (2,),
        "paired with old ¶2: see there",
    ),
    KnownReading(
        "S_PRST_1999_6__S_RES_1296_2000",
        (7,),
        (9,),
        "OP 2 turns old ¶8's verb into a noun ('Reaffirms its strong condemnation of the "
        "deliberate targeting of civilians') and 'by combatants' breaks the phrase: each other's "
        "best partners at 0.36, with no eight words in order",
    ),
    KnownReading(
        "S_PRST_1999_6__S_RES_1296_2000",
        (8,),
        (24,),
        "OP 17 turns old ¶9's verb into a noun too ('Reaffirms its condemnation of all "
        "incitements to violence'): each other's best partners at 0.41, with no eight words in "
        "order",
    ),
    KnownReading(
        "S_PRST_2002_41__S_PRST_2004_46",
        (8,),
        (5, 14),
        "new ¶15 is found (0.31); new ¶6 keeps old ¶9's ten-word opening ('recognizes the "
        "importance of a comprehensive, coherent and action-oriented approach') but a quarter "
        "of its words (0.26), and its best partner is old ¶7",
    ),
    KnownReading(
        "S_PRST_2008_6__S_RES_1882_2009",
        (18,),
        (17, 18, 20, 21),
        "OP 5 (a) is found (0.71); OP 5's opening keeps 0.74 of its words in old ¶19 with a "
        "nine-word run, but the same clause as OP 5 (a) ('prepare and implement concrete "
        "time-bound action plans'), so the group gains no word of old ¶19 by it; OP 5 (c) and "
        "(d) keep 0.55 and 0.43 of theirs, with no run",
    ),
    KnownReading(
        "S_PRST_2008_6__S_RES_1882_2009",
        (10,),
        (24,),
        "OP 7 (a) keeps old ¶11's opening ('welcomes the sustained activity ... of its Working "
        "Group', 0.39), but its best partner is old ¶7 (0.41), through the citation 'as called "
        "for in paragraph ... of ... resolution 1612 (2005)'",
    ),
    KnownReading(
        "S_PRST_2008_6__S_RES_1882_2009",
        (7,),
        (),
        "old ¶8 and OP 7 (b) are each other's best partners (0.35) with an eight-word run of the "
        "item's standing wording ('violations and abuses committed against children ... armed "
        "conflict'); the gold reads OP 7 (b) as new",
    ),
    KnownReading(
        "S_PRST_2008_6__S_RES_1882_2009",
        (),
        (25,),
        "paired with old ¶8: see there",
    ),
    KnownReading(
        "S_PRST_2013_2__S_RES_2175_2014",
        (17,),
        (),
        "old ¶18 and new ¶7 are each other's best partners (0.34) with a nine-word run ('the "
        "humanitarian principles of humanity, neutrality, impartiality and independence'); the "
        "gold reads new ¶7 as new language around that standing phrase",
    ),
    KnownReading(
        "S_PRST_2013_2__S_RES_2175_2014",
        (),
        (6,),
        "paired with old ¶18: see there",
    ),
    KnownReading(
        "S_RES_1265_1999__S_RES_1296_2000",
        (9, 24),
        (23,),
        "old ¶10 is found (0.44); OP 12 keeps 0.44 of its words in OP 16, under the 0.45 a part "
        "away from the group needs (`part_share`), with no run of eight words",
    ),
    KnownReading(
        "S_RES_2068_2012__S_RES_2143_2014",
        (4, 8),
        (12,),
        "old ¶5 is found (0.91); old ¶9 keeps half its words in new ¶13 ('recognizing the "
        "importance of strengthening national capacities') but is no neighbour and its best "
        "partner is new ¶14 (0.40); old ¶6, a neighbour, joins instead for 0.62 of its eight "
        "words ('Stressing the importance of ... protecting children ... armed conflict')",
    ),
    KnownReading(
        "S_RES_2068_2012__S_RES_2143_2014",
        (5,),
        (),
        "joined to old ¶5's merge: see there",
    ),
    KnownReading(
        "S_RES_2068_2012__S_RES_2143_2014",
        (18,),
        (),
        "old ¶19 (OP 5) and OP 4 are each other's best partners (0.31) with an eight-word run of "
        "the item's standing wording ('violations and abuses committed against children in "
        "armed conflict'); the gold reads OP 4 as new",
    ),
    KnownReading(
        "S_RES_2068_2012__S_RES_2143_2014",
        (),
        (21,),
        "paired with old ¶19: see there",
    ),
    KnownReading(
        "S_RES_2068_2012__S_RES_2143_2014",
        (19,),
        (),
        "old ¶20 (OP 6) and OP 26 stand between the same two pairs, each other's best at 0.47, "
        "and position pairs them (`gap_allowance`): both ask the Secretary-General for reports, "
        "the gold reads them apart",
    ),
    KnownReading(
        "S_RES_2068_2012__S_RES_2143_2014",
        (),
        (47,),
        "paired with old ¶20: see there",
    ),
    # The six pairs below joined the tuning half after the third fresh check (docs/matching.md).
    KnownReading(
        "S_PRST_2014_27__S_RES_2320_2016",
        (0,),
        (0,),
        "the gold links the statement's introductory paragraph to the resolution's heading by "
        "place, though no word is carried (the writer's brief showed such a pair as an example "
        "of the format); every other statement -> resolution file, and the engine, read them "
        "dropped and new",
    ),
    KnownReading(
        "S_PRST_2014_27__S_RES_2320_2016",
        (2,),
        (1,),
        "PP 2 'Recalling also Chapter VIII of the Charter of the United Nations' holds old ¶3's "
        "'recalls ... the Charter of the United Nations', words PP 1 lacks: it joins as a second "
        "part (0.75 joined), where the gold reads a new formula",
    ),
    KnownReading("S_PRST_2014_27__S_RES_2320_2016", (), (2,), "see old ¶3"),
    KnownReading("S_PRST_2014_27__S_RES_2320_2016", (12,), (21,), _TIED_CHAIN),
    KnownReading("S_PRST_2014_27__S_RES_2320_2016", (30,), (27,), _TIED_CHAIN),
    KnownReading(
        "S_RES_1314_2000__S_RES_1379_2001",
        (1,),
        (1,),
        "old ¶2's citation, 'resolution 1261 (1999) of 28 August 1999', stands whole in new "
        "¶3's longer list: the engine reads old ¶2 and ¶3 merged there (0.83), the gold pairs "
        "the two 'Recalling its resolution ...' lines by place (borderline, 0.43)",
    ),
    KnownReading("S_RES_1314_2000__S_RES_1379_2001", (2,), (2,), "see old ¶2"),
    KnownReading(
        "S_RES_1314_2000__S_RES_1379_2001",
        (14,),
        (11,),
        "OP 8's lead-in 'Calls upon all parties to armed conflict to:' is old OP 7's opening "
        "word for word (an eight-word run): the engine reads old OP 7 split into that opening "
        "and its body (OP 5), the gold reads the lead-in as new",
    ),
    KnownReading("S_RES_1314_2000__S_RES_1379_2001", (), (14,), "see old OP 7"),
    KnownReading(
        "S_RES_1314_2000__S_RES_1379_2001",
        (11,),
        (25,),
        "the same: OP 9's lead-in 'Urges Member States to:' is old OP 4's opening, and the "
        "engine reads old OP 4 split into it and OP 9 (e)",
    ),
    KnownReading("S_RES_1314_2000__S_RES_1379_2001", (), (20,), "see old OP 4"),
    KnownReading(
        "S_RES_1960_2010__S_RES_2106_2013",
        (27, 31),
        (20,),
        "OP 7 rewrites old OP 10 and OP 14 in other words: similarities 0.14 and 0.19, 0.25 "
        "joined, with no shared run",
    ),
    KnownReading(
        "S_RES_2222_2015__S_RES_2286_2016",
        (2,),
        (2,),
        "the list of resolutions grew and the formula changed: each other's best partner at "
        "0.44, under the 0.45 a paragraph in its place needs, with no shared run",
    ),
    KnownReading("S_RES_2222_2015__S_RES_2286_2016", (26,), (28,), _TIED_CHAIN),
    KnownReading("S_RES_2222_2015__S_RES_2286_2016", (29,), (20,), _TIED_CHAIN),
    KnownReading("S_RES_2222_2015__S_RES_2286_2016", (33,), (25,), _TIED_CHAIN),
    # The six pairs below joined the tuning half after the fourth fresh check (docs/matching.md).
    KnownReading("S_PRST_2006_33__S_PRST_2006_48", (1,), (9,), _TIED_CHAIN),
    KnownReading(
        "S_PRST_2006_33__S_PRST_2006_48",
        (3,),
        (3, 5),
        "old ¶4's three sentences went to new ¶4 (0.40, a 14-word run) and ¶6 (0.30), but its "
        "best partner is new ¶15 (0.44, the subject's words): not each other's best, so the "
        "run pairs nothing and both parts stay new",
    ),
    KnownReading("S_PRST_2006_33__S_PRST_2006_48", (5,), (6,), _TIED_CHAIN),
    KnownReading(
        "S_PRST_2007_7__S_RES_1809_2008",
        (2, 3),
        (3,),
        "PP 3 keeps old ¶3 (0.47, an 11-word run) and old ¶4 (0.35, a 10-word run); joined "
        "they score 0.43, less than old ¶3 alone, so old ¶4 stays out",
    ),
    KnownReading(
        "S_PRST_2007_7__S_RES_1809_2008",
        (5,),
        (19,),
        "each other's best partner with a 12-word run, at 0.28: under the 0.3 a run needs",
    ),
    KnownReading("S_PRST_2007_7__S_RES_1809_2008", (9,), (23,), _TIED_CHAIN),
    KnownReading("S_PRST_2007_7__S_RES_1809_2008", (10,), (7,), _TIED_CHAIN),
    KnownReading(
        "S_RES_1062_1996__S_RES_1092_1996",
        (12,),
        (18, 19),
        "OP 7 shares a 14-word run with old OP 4 but keeps 43 % of its words there (45 % "
        "needed), and joining it lifts the split from 0.74 to 0.75 (0.03 needed)",
    ),
    KnownReading("S_RES_1062_1996__S_RES_1092_1996", (22,), (29,), _TIED_CHAIN),
    KnownReading("S_RES_1062_1996__S_RES_1092_1996", (26,), (28,), _TIED_CHAIN),
    KnownReading("S_RES_1379_2001__S_RES_1460_2003", (6,), (9,), _TIED_CHAIN),
    KnownReading(
        "S_RES_1379_2001__S_RES_1460_2003",
        (8,),
        (18,),
        "rewritten: each other's best partner at 0.43, with no shared run",
    ),
    KnownReading("S_RES_1379_2001__S_RES_1460_2003", (11,), (6,), _TIED_CHAIN),
    # The six pairs below joined the tuning half after the fifth fresh check (docs/matching.md).
    KnownReading(
        "S_PRST_2006_48__S_RES_1882_2009",
        (5,),
        (),
        "new ¶18 ('While noting that some parties to armed conflict have responded to its call "
        "... to prepare and implement concrete time-bound action plans') is nearer old ¶6, the "
        "parties that worked on action plans (0.68), than old ¶13's call (0.65): the engine "
        "pairs it with old ¶6, a reading a reader may also take",
    ),
    KnownReading("S_PRST_2006_48__S_RES_1882_2009", (8,), (13,), _TIED_CHAIN),
    KnownReading(
        "S_PRST_2006_48__S_RES_1882_2009",
        (9,),
        (9, 23, 26),
        "OP 7 (c) keeps 'in line with paragraph 9 of its resolution 1612 (2005)' of old ¶10 "
        "(0.22, an 8-word run) but its best partner is old ¶17 (0.37), so it joins no split; "
        "and the moved flag, where two chains tie",
    ),
    KnownReading(
        "S_PRST_2006_48__S_RES_1882_2009",
        (11,),
        (),
        "each other's best partner with OP 5 (d) at 0.31 through a run that is mostly a title "
        "('in cooperation with the Special Representative of the Secretary-General'); the gold "
        "reads the invitation to join the mechanism dropped",
    ),
    KnownReading("S_PRST_2006_48__S_RES_1882_2009", (12,), (17, 18), "see old ¶6"),
    KnownReading("S_PRST_2006_48__S_RES_1882_2009", (), (21,), "see old ¶12"),
    KnownReading(
        "S_RES_1325_2000__S_RES_1820_2008",
        (24,),
        (17,),
        "old OP 10 pairs in its place with new OP 5 (0.46, within the gap allowance), which "
        "repeats its 'rape and other forms of sexual violence against women and girls in "
        "situations of armed conflict'; new OP 3, 94 words of new measures, scores 0.27",
    ),
    KnownReading(
        "S_RES_1325_2000__S_RES_1820_2008",
        (25,),
        (18,),
        "rewritten and extended: each other's best partner at 0.30, with no shared run",
    ),
    KnownReading("S_RES_1325_2000__S_RES_1820_2008", (), (19,), "see old OP 10"),
    KnownReading(
        "S_RES_1325_2000__S_RES_1820_2008",
        (5,),
        (10,),
        "the word changes: 'peace-building' -> 'peacebuilding' is a lost hyphen to the word "
        "diff, shown as an artefact by design, where the gold counts a change of spelling",
    ),
    KnownReading("S_RES_2167_2014__S_RES_2320_2016", (2,), (4,), _TIED_CHAIN),
    KnownReading("S_RES_2225_2015__S_RES_2427_2018", (26,), (34, 36), _TIED_CHAIN),
    KnownReading("S_RES_2225_2015__S_RES_2427_2018", (27,), (24,), _TIED_CHAIN),
    KnownReading(
        "S_RES_2417_2018__S_RES_2573_2021",
        (3,),
        (5, 14),
        "old ¶4's best partner is new ¶15 (0.36), whose own best is old ¶8 (0.37); the 8-word "
        "run into new ¶6 (0.31) is not between each other's best partners, so neither part "
        "pairs",
    ),
    KnownReading(
        "S_RES_2417_2018__S_RES_2573_2021",
        (19,),
        (),
        "each other's best partner with new OP 7 at 0.34 through 'humanitarian principles of "
        "humanity, neutrality, impartiality and independence', the subject's stock that the "
        "standing wording of a ten-document corpus does not yet know",
    ),
    KnownReading("S_RES_2417_2018__S_RES_2573_2021", (), (28,), "see old ¶20"),
    KnownReading(
        "S_RES_2417_2018__S_RES_2573_2021",
        (20,),
        (20,),
        "new ¶21 shares more with old OP 2 (0.30, 'violations of international humanitarian "
        "law and international human rights law') than with old ¶21 (0.27): the engine joins "
        "it to OP 2's split",
    ),
    KnownReading("S_RES_2417_2018__S_RES_2573_2021", (23,), (11,), "see old ¶21"),
    KnownReading("S_RES_2417_2018__S_RES_2573_2021", (5,), (12,), _SPLIT_PLACE),
    KnownReading("S_RES_2417_2018__S_RES_2573_2021", (8,), (2,), _SPLIT_PLACE),
    KnownReading("S_RES_2417_2018__S_RES_2573_2021", (11,), (18,), _SPLIT_PLACE),
    KnownReading("S_RES_2417_2018__S_RES_2573_2021", (21,), (3,), _SPLIT_PLACE),
    # The six pairs below joined the tuning half after the sixth fresh check (docs/matching.md).
    KnownReading(
        "S_RES_1296_2000__S_RES_1674_2006",
        (10,),
        (),
        "each other's best partner in the same place at 0.45 (the gap allowance), on displaced "
        "civilians and international humanitarian law; the gold reads two different points",
    ),
    KnownReading("S_RES_1296_2000__S_RES_1674_2006", (), (22,), "see old OP 3"),
    KnownReading(
        "S_RES_1296_2000__S_RES_1674_2006",
        (12,),
        (36,),
        "the moved flag: with the links the engine reads otherwise here (old OP 3 -> OP 12 in "
        "place, OP 11 and OP 18 unmatched) its longest chain keeps OP 5 -> OP 26 in place",
    ),
    KnownReading(
        "S_RES_1296_2000__S_RES_1674_2006",
        (18,),
        (31,),
        "the humanitarian principles reworded: each other's best partner at 0.39, moved, with "
        "no run",
    ),
    KnownReading("S_RES_1296_2000__S_RES_1674_2006", (23,), (28,), _TIED_CHAIN),
    KnownReading(
        "S_RES_1296_2000__S_RES_1674_2006",
        (25,),
        (27,),
        "rewritten (a mass-media component -> the dissemination of information): each other's "
        "best partner at 0.42, moved, with no run; 'Affirms' became 'Reaffirms'",
    ),
    KnownReading(
        "S_RES_1296_2000__S_RES_1674_2006",
        (32,),
        (37,),
        "new OP 27's best unmatched partner is old PP 3 (0.39, the Secretary-General's report "
        "on the protection of civilians), so its 10-word run with old OP 25 (0.33) pairs nothing",
    ),
    KnownReading(
        "S_RES_1809_2008__S_PRST_2009_3",
        (5, 23),
        (2,),
        "new ¶3 is nearest old OP 1 (0.51, the relationship 'between the United Nations and "
        "regional organizations, in particular the African Union, in accordance with' the "
        "Charter), then OP 9 (0.50, a 15-word run) and PP 6 (0.39): the engine pairs OP 1, the "
        "gold merges PP 6 and OP 9",
    ),
    KnownReading("S_RES_1809_2008__S_PRST_2009_3", (15,), (), "see PP 6 and OP 9"),
    KnownReading(
        "S_RES_1809_2008__S_PRST_2009_3",
        (10,),
        (),
        "each other's best partner with new ¶10 at 0.31 through an 8-word run that is mostly a "
        "mission's name ('the United Nations-African Union Mission in Darfur (UNAMID)')",
    ),
    KnownReading(
        "S_RES_1809_2008__S_PRST_2009_3",
        (30,),
        (4, 7, 9),
        "new ¶8 keeps 42 % of its words in OP 16 (45 % needed) with no run, and new ¶10 pairs "
        "with old ¶11 (see there): OP 16 pairs with new ¶5 alone",
    ),
    KnownReading("S_RES_2122_2013__S_RES_2242_2015", (3,), (2,), _TIED_CHAIN),
    KnownReading("S_RES_2122_2013__S_RES_2242_2015", (2,), (4, 5), _TIED_CHAIN),
    KnownReading(
        "S_RES_2122_2013__S_RES_2242_2015",
        (18,),
        (19,),
        "'Welcoming' / 'Welcomes the efforts of Member States', rewritten after it: each other's "
        "best partner at 0.347, under the 0.35 a shared opening needs",
    ),
    KnownReading("S_RES_2143_2014__S_RES_2225_2015", (9,), (10,), _TIED_CHAIN),
    KnownReading("S_RES_2143_2014__S_RES_2225_2015", (12,), (7, 8), _TIED_CHAIN),
    KnownReading("S_RES_2143_2014__S_RES_2225_2015", (29,), (33,), _TIED_CHAIN),
    KnownReading("S_RES_2143_2014__S_RES_2225_2015", (31,), (31,), _TIED_CHAIN),
    # The six pairs below joined the tuning half after the seventh fresh check (docs/matching.md).
    KnownReading(
        "S_RES_1612_2005__S_RES_1882_2009",
        (11,),
        (),
        "paired with OP 7 (a) at 0.32 through a 10-word run that is a citation ('on children "
        "and armed conflict as called for in paragraph ... of its resolution')",
    ),
    KnownReading("S_RES_1612_2005__S_RES_1882_2009", (), (24,), "see old OP 2"),
    KnownReading(
        "S_RES_1612_2005__S_RES_1882_2009",
        (35,),
        (),
        "paired with OP 5 (d) at 0.32 through an 11-word run that is mostly a title ('the "
        "Special Representative of the Secretary-General for Children and Armed Conflict')",
    ),
    KnownReading("S_RES_1612_2005__S_RES_1882_2009", (), (21,), "see old OP 15"),
    KnownReading("S_RES_1612_2005__S_RES_1882_2009", (34,), (34,), _OTHER_LINKS),
    KnownReading("S_RES_1612_2005__S_RES_1882_2009", (39,), (29,), _OTHER_LINKS),
    KnownReading("S_RES_1674_2006__S_RES_1894_2009", (4,), (8,), _TIED_CHAIN),
    KnownReading("S_RES_1674_2006__S_RES_1894_2009", (7,), (15,), _TIED_CHAIN),
    KnownReading("S_RES_1674_2006__S_RES_1894_2009", (9,), (6,), _TIED_CHAIN),
    KnownReading("S_RES_1674_2006__S_RES_1894_2009", (13,), (24,), _TIED_CHAIN),
    KnownReading("S_RES_1674_2006__S_RES_1894_2009", (14,), (7,), _TIED_CHAIN),
    KnownReading("S_RES_1674_2006__S_RES_1894_2009", (18,), (12, 36), _TIED_CHAIN),
    KnownReading(
        "S_RES_1888_2009__S_RES_1960_2010",
        (56,),
        (38,),
        "OP 27 (c) keeps its 'credibly suspected of committing ... rape or other forms of "
        "sexual violence' whole in both OP 3 and OP 18 (c) (0.67 each as evidence); the engine "
        "pairs it with OP 3, the gold with its successor OP 18 (c) and OP 3 as new",
    ),
    KnownReading("S_RES_1888_2009__S_RES_1960_2010", (), (20,), "see OP 27 (c)"),
    KnownReading("S_RES_1888_2009__S_RES_1960_2010", (55,), (39,), _TIED_CHAIN),
    KnownReading(
        "S_RES_2033_2012__S_PRST_2013_12",
        (20,),
        (),
        "paired with new ¶17 at 0.33 through 'in accordance with Chapter VIII of the United "
        "Nations Charter' and the organizations' names, a 9-word run of formula",
    ),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (), (16,), "see old OP 1"),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (5,), (11,), _OTHER_LINKS),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (7,), (20,), _OTHER_LINKS),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (11,), (28,), _OTHER_LINKS),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (26,), (8,), _OTHER_LINKS),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (27,), (9,), _OTHER_LINKS),
    KnownReading("S_RES_2033_2012__S_PRST_2013_12", (29,), (12,), _OTHER_LINKS),
    # The six pairs below joined the tuning half after the eighth fresh check (docs/matching.md).
    KnownReading(
        "S_PRST_2002_41__S_RES_1674_2006",
        (6,),
        (24,),
        "OP 14 keeps old ¶7's 'security and civilian character of camps of refugees and "
        "internally displaced persons' in another word order ('refugee and internally displaced "
        "person camps'): each is the other's best partner, at 0.29 with no run of eight words",
    ),
    KnownReading(
        "S_PRST_2010_10__S_RES_2068_2012",
        (14,),
        (),
        "paired with new ¶8 at 0.46 through a 15-word run of the series' phrase 'applicable "
        "international law relating to the rights and protection of children in armed "
        "conflict', in five earlier texts of the corpus, too few to be standing wording",
    ),
    KnownReading("S_PRST_2010_10__S_RES_2068_2012", (), (7,), "see old ¶15"),
    KnownReading("S_PRST_2010_10__S_RES_2068_2012", (2,), (13,), _OTHER_LINKS),
    KnownReading("S_PRST_2010_10__S_RES_2068_2012", (10,), (14, 16), _OTHER_LINKS),
    KnownReading("S_PRST_2010_10__S_RES_2068_2012", (16,), (10, 15), _OTHER_LINKS),
    KnownReading("S_PRST_2010_10__S_RES_2068_2012", (18,), (12,), _OTHER_LINKS),
    KnownReading(
        "S_PRST_2013_2__S_RES_2222_2015",
        (11,),
        (),
        "paired with new ¶14 at 0.36 through a 9-word run that is a list, 'genocide, war "
        "crimes, ethnic cleansing and crimes against humanity'",
    ),
    KnownReading("S_PRST_2013_2__S_RES_2222_2015", (), (13,), "see old ¶12"),
    KnownReading(
        "S_PRST_2013_2__S_RES_2222_2015",
        (8, 9),
        (16, 27),
        "two pairs instead of one: old ¶10 -> new ¶17 (0.45, a 12-word run) and old ¶9 -> OP 5 "
        "(OP 5 kept nearly whole in it); old ¶9's first sentence in new ¶17 (0.35) is missed, "
        "as its best partner is OP 5",
    ),
    KnownReading("S_PRST_2013_2__S_RES_2222_2015", (4,), (8,), _OTHER_LINKS),
    KnownReading("S_PRST_2013_2__S_RES_2222_2015", (5,), (6,), _OTHER_LINKS),
    KnownReading("S_PRST_2013_2__S_RES_2222_2015", (16,), (10, 23, 25, 29), _OTHER_LINKS),
)


_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _fold(text: str) -> str:
    """Text as compared with an opening: compatibility forms, straight quotes, single spaces."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", " ", folded).strip().lstrip('"').lstrip()


def _active_issues(gold: Gold, old: Document, new: Document) -> list[ReaderIssue]:
    """The known reader issues of this gold file that the reader still shows."""
    active = []
    for issue in KNOWN_READER_ISSUES:
        document = old if issue.side == "old" else new
        if issue.gold != gold.name or issue.index >= len(document.paragraphs):
            continue
        if _fold(document.paragraphs[issue.index].text).startswith(_fold(issue.symptom)):
            active.append(issue)
    return active


def _label(document: Document, index: int) -> str:
    number = document.paragraphs[index].number
    return f"¶{index + 1}" + (f" (OP {number})" if number else "")


def _labels(document: Document, indices: Sequence[int]) -> str:
    return "+".join(_label(document, i) for i in indices) or "nothing"


def _describe(pair: Pair, comparison: Comparison) -> str:
    flags = "".join(f" {f}" for f in FLAGS if getattr(pair, f))
    similarity = f" sim {pair.similarity:.2f}" if pair.similarity is not None else ""
    return (
        f"{pair.status.value}{flags} old {_labels(comparison.old, pair.old)} -> "
        f"new {_labels(comparison.new, pair.new)}{similarity}"
    )


def judge(gold: GoldPair, comparison: Comparison) -> tuple[str, str]:
    """``("agrees" | "accepted" | "disagrees", explanation)`` for one gold pair."""
    pairs = comparison.pairs
    exact = next((p for p in pairs if p.old == gold.old and p.new == gold.new), None)
    flags_right = exact is not None and all(getattr(exact, f) == getattr(gold, f) for f in FLAGS)
    holding = [p for p in pairs if set(p.old) & set(gold.old) or set(p.new) & set(gold.new)]
    got = "; ".join(_describe(p, comparison) for p in holding)
    verdict, why = "disagrees", ""
    if exact is not None and flags_right and exact.status is gold.status:
        verdict = "agrees"
    elif exact is not None and flags_right and exact.status in gold.accept:
        verdict, why = "accepted", gold.note
    elif gold.borderline and all(p.status in (Status.NEW, Status.DROPPED) for p in holding):
        verdict, why = "accepted", "borderline pair left unmatched"
    elif gold.alternative and {(p.old, p.new, p.status) for p in holding} == {
        (a.old, a.new, a.status) for a in gold.alternative
    }:
        verdict, why = "accepted", f"the second reading: {gold.note}"
    borrowed = [(gold.new, gold.borrows)]
    if why.startswith("the second reading"):
        borrowed = [(a.new, a.borrows) for a in gold.alternative]
    for new, borrows in borrowed:
        phrases = {ph.other for p in holding if p.new == new for ph in p.phrases}
        missing = [i for i in borrows if i not in phrases]
        if verdict != "disagrees" and missing:
            verdict = "disagrees"
            got += f"; no phrase shown from old {_labels(comparison.old, missing)}"
    return verdict, f"{why} | got {got}" if why else f"got {got}"


def _expected(gold: GoldPair, comparison: Comparison) -> str:
    flags = "".join(f" {f}" for f in FLAGS if getattr(gold, f))
    opening = (gold.new_openings or gold.old_openings)[0]
    return (
        f"expected {gold.status.value}{flags} old {_labels(comparison.old, gold.old)} -> "
        f"new {_labels(comparison.new, gold.new)} ({opening[:45]!r})"
    )


@pytest.fixture(scope="module", params=GOLD_FILES, ids=lambda p: p.stem)
def gold(request: pytest.FixtureRequest) -> Gold:
    """One gold file."""
    path: Path = request.param
    return read_gold(path)


def test_the_tuning_half_holds_seventy_real_pairs() -> None:
    """Seventy real pairs aligned by hand make the tuning half: renewals, thematic rewrites and
    statements that became resolutions (and back)."""
    names = {p.stem for p in GOLD_FILES}
    assert names == {
        "S_PRST_1998_18__S_RES_1261_1999",
        "S_PRST_1999_6__S_RES_1265_1999",
        "S_PRST_1999_6__S_RES_1296_2000",
        "S_PRST_2002_41__S_PRST_2004_46",
        "S_PRST_2002_41__S_RES_1674_2006",
        "S_PRST_2004_46__S_RES_1674_2006",
        "S_PRST_2005_25__S_RES_1674_2006",
        "S_PRST_2005_8__S_RES_1612_2005",
        "S_PRST_2006_33__S_PRST_2006_48",
        "S_PRST_2006_39__S_PRST_2007_7",
        "S_PRST_2006_48__S_RES_1882_2009",
        "S_PRST_2007_42__S_RES_1809_2008",
        "S_PRST_2007_7__S_RES_1809_2008",
        "S_PRST_2008_28__S_RES_1882_2009",
        "S_PRST_2008_6__S_RES_1882_2009",
        "S_PRST_2009_3__S_PRST_2010_1",
        "S_PRST_2009_9__S_RES_1882_2009",
        "S_PRST_2010_10__S_RES_2068_2012",
        "S_PRST_2010_1__S_PRST_2013_12",
        "S_PRST_2010_1__S_RES_2033_2012",
        "S_PRST_2013_12__S_RES_2167_2014",
        "S_PRST_2013_2__S_RES_2175_2014",
        "S_PRST_2013_2__S_RES_2222_2015",
        "S_PRST_2013_8__S_RES_2143_2014",
        "S_PRST_2014_27__S_RES_2320_2016",
        "S_PRST_2017_21__S_RES_2427_2018",
        "S_PRST_2020_3__S_RES_2601_2021",
        "S_PRST_2020_6__S_RES_2573_2021",
        "S_RES_1062_1996__S_RES_1092_1996",
        "S_RES_1217_1998__S_RES_1251_1999",
        "S_RES_1265_1999__S_RES_1296_2000",
        "S_RES_1283_1999__S_RES_1303_2000",
        "S_RES_1296_2000__S_PRST_2002_41",
        "S_RES_1296_2000__S_RES_1674_2006",
        "S_RES_1314_2000__S_RES_1379_2001",
        "S_RES_1325_2000__S_RES_1820_2008",
        "S_RES_1379_2001__S_RES_1460_2003",
        "S_RES_1486_2003__S_RES_1517_2003",
        "S_RES_1539_2004__S_RES_1612_2005",
        "S_RES_1612_2005__S_PRST_2006_33",
        "S_RES_1612_2005__S_RES_1882_2009",
        "S_RES_1631_2005__S_PRST_2006_39",
        "S_RES_1642_2005__S_RES_1687_2006",
        "S_RES_1674_2006__S_RES_1894_2009",
        "S_RES_1809_2008__S_PRST_2009_3",
        "S_RES_1809_2008__S_RES_2033_2012",
        "S_RES_1820_2008__S_RES_1888_2009",
        "S_RES_1882_2009__S_RES_1998_2011",
        "S_RES_1888_2009__S_RES_1960_2010",
        "S_RES_1894_2009__S_PRST_2013_2",
        "S_RES_1898_2009__S_RES_1930_2010",
        "S_RES_1960_2010__S_RES_2106_2013",
        "S_RES_2033_2012__S_PRST_2013_12",
        "S_RES_2068_2012__S_RES_2143_2014",
        "S_RES_2106_2013__S_RES_2122_2013",
        "S_RES_2114_2013__S_RES_2135_2014",
        "S_RES_2122_2013__S_RES_2242_2015",
        "S_RES_2143_2014__S_RES_2225_2015",
        "S_RES_2167_2014__S_PRST_2014_27",
        "S_RES_2167_2014__S_RES_2320_2016",
        "S_RES_2222_2015__S_RES_2286_2016",
        "S_RES_2225_2015__S_RES_2427_2018",
        "S_RES_2234_2015__S_RES_2263_2016",
        "S_RES_2242_2015__S_RES_2467_2019",
        "S_RES_2300_2016__S_RES_2338_2017",
        "S_RES_2417_2018__S_PRST_2020_6",
        "S_RES_2417_2018__S_RES_2573_2021",
        "S_RES_2427_2018__S_PRST_2020_3",
        "S_RES_2561_2021__S_RES_2587_2021",
        "S_RES_2646_2022__S_RES_2674_2023",
    }


def test_gold_holds_every_paragraph_once(gold: Gold) -> None:
    """The gold file itself is complete: every paragraph of both documents in exactly one pair."""
    olds = sorted(i for pair in gold.pairs for i in pair.old)
    news = sorted(j for pair in gold.pairs for j in pair.new)
    assert olds == list(range(gold.old_paragraphs))
    assert news == list(range(gold.new_paragraphs))
    for pair in gold.pairs:
        assert len(pair.old_openings) == len(pair.old) == len(pair.old_numbers)
        assert len(pair.new_openings) == len(pair.new) == len(pair.new_numbers)
        assert pair.split == (len(pair.old) == 1 and len(pair.new) > 1)
        assert pair.merged == (len(pair.old) > 1 and len(pair.new) == 1)
        expected = Status.DROPPED if not pair.new else Status.NEW if not pair.old else None
        assert expected is None or pair.status is expected


def test_reader_indices_point_at_the_gold_paragraphs(gold: Gold) -> None:
    """The reader finds the paragraphs the gold counts, where it counts them, with their numbers."""
    old, new = load(gold.old_path), load(gold.new_path)
    wrong = []
    if len(old.paragraphs) != gold.old_paragraphs:
        wrong.append(f"old has {len(old.paragraphs)} paragraphs, gold {gold.old_paragraphs}")
    if len(new.paragraphs) != gold.new_paragraphs:
        wrong.append(f"new has {len(new.paragraphs)} paragraphs, gold {gold.new_paragraphs}")
    for pair in gold.pairs:
        for side, document, indices, openings, numbers in (
            ("old", old, pair.old, pair.old_openings, pair.old_numbers),
            ("new", new, pair.new, pair.new_openings, pair.new_numbers),
        ):
            for index, opening, number in zip(indices, openings, numbers, strict=True):
                if index >= len(document.paragraphs):
                    wrong.append(f"{side} ¶{index + 1}: missing (expected {opening!r})")
                    continue
                paragraph = document.paragraphs[index]
                if not _fold(paragraph.text).startswith(_fold(opening)):
                    wrong.append(
                        f"{side} ¶{index + 1}: expected {opening!r}, "
                        f"reader has {paragraph.text[:60]!r}"
                    )
                if number is not None and paragraph.number != number:
                    wrong.append(
                        f"{side} ¶{index + 1}: expected number {number!r}, "
                        f"reader has {paragraph.number!r}"
                    )
    active = _active_issues(gold, old, new)
    explained = [w for w in wrong if any(w.startswith(f"{i.side} ¶{i.index + 1}:") for i in active)]
    assert len(explained) == len(wrong), "\n".join([gold.name, *wrong])
    if wrong:
        pytest.xfail("; ".join(i.reason for i in active))


def _folded(texts: Sequence[str]) -> Counter[str]:
    """Casefolded words (letters and digits) of some texts, counted."""
    return Counter(w for text in texts for w in re.findall(r"[^\W_]+", text.casefold()))


def test_word_changes_match_the_gold(gold: Gold) -> None:
    """Where the gold names the exact words changed, the word diff changes those and no others."""
    comparison = compare(load(gold.old_path), load(gold.new_path))
    checked = [p for p in gold.pairs if p.deleted is not None and p.inserted is not None]
    assert checked, "every gold file names the word changes of some pairs"
    known = {(k.old, k.new) for k in KNOWN_READINGS if k.gold == gold.name}
    wrong = []
    for expected in checked:
        pair = next(
            (p for p in comparison.pairs if p.old == expected.old and p.new == expected.new), None
        )
        if pair is None:
            # The engine reads these paragraphs otherwise: a known reading, a borderline pair
            # left unmatched (a reading the gold accepts), or a failure.
            if (expected.old, expected.new) not in known and not expected.borderline:
                wrong.append(f"{_expected(expected, comparison)}: no such pair")
            continue
        deleted = _folded([op.text for op in pair.ops if op.op is Op.DELETE])
        inserted = _folded([op.text for op in pair.ops if op.op is Op.INSERT])
        # Net words: deleting ``cooperation`` and inserting ``cooperation,`` changes no word.
        got = (deleted - inserted, inserted - deleted)
        gone, added = _folded(expected.deleted or ()), _folded(expected.inserted or ())
        want = (gone - added, added - gone)
        # A known reading is one the engine reads otherwise, its word changes included.
        if got != want and (expected.old, expected.new) not in known:
            wrong.append(
                f"{_expected(expected, comparison)}: expected -{sorted(want[0].elements())} "
                f"+{sorted(want[1].elements())}, got -{sorted(got[0].elements())} "
                f"+{sorted(got[1].elements())}"
            )
    assert not wrong, "\n".join(wrong)


def test_compare_agrees_with_the_gold(gold: Gold, capsys: pytest.CaptureFixture[str]) -> None:
    """Every hand-aligned pair comes out of compare() as the reader aligned it."""
    comparison = compare(load(gold.old_path), load(gold.new_path))
    verdicts = [(pair, *judge(pair, comparison)) for pair in gold.pairs]
    agreed = sum(1 for _, verdict, _ in verdicts if verdict == "agrees")
    report = [
        f"\n{gold.name}: {agreed}/{len(verdicts)} gold pairs agree, "
        + ", ".join(
            f"{sum(1 for _, v, _ in verdicts if v == kind)} {kind}"
            for kind in ("accepted", "disagrees")
        )
    ]
    for pair, verdict, explanation in verdicts:
        if verdict != "agrees":
            report.append(f"  {verdict}: {_expected(pair, comparison)}; {explanation}")
    with capsys.disabled():
        print("\n".join(report))
    disagreements = [
        (pair, explanation) for pair, verdict, explanation in verdicts if verdict == "disagrees"
    ]
    active = _active_issues(gold, comparison.old, comparison.new)
    known = {(k.old, k.new) for k in KNOWN_READINGS if k.gold == gold.name}
    disagreements = [(p, why) for p, why in disagreements if (p.old, p.new) not in known]
    explained = [
        pair
        for pair, _ in disagreements
        if any(i.index in (pair.old if i.side == "old" else pair.new) for i in active)
    ]
    lines = [f"{_expected(pair, comparison)}; {why}" for pair, why in disagreements]
    assert len(explained) == len(disagreements), "\n".join(lines)
    if disagreements:
        pytest.xfail("; ".join(i.reason for i in active))


def test_tuning_half_figures_against_the_baselines(capsys: pytest.CaptureFixture[str]) -> None:
    """The engine's means over the tuning half, beside the three baselines (``bench/quality.py``
    prints the same table); floors a little under today's figures, so a change that costs real
    pairs fails."""
    scores = score_half("tuning")
    f1 = {name: mean([s.f1 for s in rows]) for name, rows in scores.items()}
    engine = scores["prstdiff"]
    found, expected = pooled_flags(engine)
    with capsys.disabled():
        print("\ntuning half, mean link F1: " + ", ".join(f"{n} {v:.3f}" for n, v in f1.items()))
    # Measured on the seventy pairs: F1 0.926, lowest 0.526 (S/PRST/2004/46 -> S/RES/1674, a
    # rewrite in other words), precision 0.952, status 0.963, moved/split/merged 172 of 247, best
    # baseline 0.750 (1:1 assignment over the Indel ratio).
    assert f1["prstdiff"] >= 0.915
    assert min(s.f1 for s in engine) >= 0.5
    assert mean([s.precision for s in engine]) >= 0.945
    assert mean([s.status_accuracy for s in engine]) >= 0.955
    assert f1["prstdiff"] >= max(v for n, v in f1.items() if n != "prstdiff") + 0.15
    assert found / expected >= 0.68
