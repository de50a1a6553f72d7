"""Reading UN document text: page furniture, layout, paragraphs and their kinds.

Three layouts are recognised automatically (see ``Layout``). Each reader turns lines into raw
paragraphs (text plus the printed marker, ``12`` or ``(a)``); ``classify_paragraphs`` then gives
every paragraph its kind and full number. Everything here is pure: text in, values out.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from prstdiff.folding import compact_symbol
from prstdiff.model import DocumentKind, Paragraph, ParagraphKind
from prstdiff.parse.compounds import HYPHENATED_COMPOUNDS
from prstdiff.parse.furniture import (
    is_furniture,
    is_language_line,
    is_reissue_note,
    job_number,
    strip_job_number,
)

__all__ = [
    "BULLET",
    "Layout",
    "RawParagraph",
    "Reading",
    "classify_paragraphs",
    "detect_layout",
    "is_misspelt_adopted_by",
    "join_lines",
    "read_body",
    "remove_furniture",
    "split_head",
]


class Layout(StrEnum):
    """How the text of a document is laid out in the file."""

    ONE_PARAGRAPH_PER_LINE = "one-paragraph-per-line"
    """Each paragraph on one line, blank lines between (the seed S/PRST/2007/42)."""
    WRAPPED = "wrapped"
    """Lines wrapped at page width, no blank line between paragraphs (``pdftotext`` of UN PDFs)."""
    YEARLY_VOLUME = "yearly-volume"
    """Wrapped lines in blank-line-separated paragraphs (the printed yearly volumes, 1946–1994)."""


@dataclass(frozen=True, slots=True)
class RawParagraph:
    """A paragraph as cut from the lines, before its kind is known."""

    text: str
    """Display text, its printed marker removed."""
    marker: str | None
    """The printed marker: ``12`` for ``12.``, ``(a)``, ``(iv)``; None when unnumbered."""
    closing: bool = False
    """True when it stands after the Council's text (an annex, a note after the adoption line)."""
    heading: bool = False
    """True for a heading between paragraphs: a section letter (``A``) or a few words."""


@dataclass(frozen=True, slots=True)
class Reading:
    """What the readers find in a document's body besides its paragraphs."""

    paragraphs: tuple[RawParagraph, ...]
    """The paragraphs in document order."""
    vote: str | None
    """The adoption line (``Adopted unanimously at the 1102nd meeting.``), whitespace folded."""
    warnings: tuple[str, ...] = ()
    """What the reader had to guess, in words (a misspelt adoption line read as one)."""


# --- lines -------------------------------------------------------------------------------------

_TERMINATED = re.compile(r"[.;:,!?][\"”’')\]]*(?:\s*\d{1,3}/?)?\s*$|[\"”’]\s*$")
_NUMBER_LINE = re.compile(r"^(\d{1,3})\.$")
# ``12. Decides``; OCR of the yearly volumes sometimes read the stop as a comma (``5, Notes``).
_NUMBER_START = re.compile(r"^(\d{1,3})(?:\.|,(?=\s+[A-Z][a-z]))\s+(\S.*)$")


# A heading inside the text: a section letter (``A``, ``II``) or a few capitalised words
# without a stop (``Operational``), standing between paragraphs.
@cache
def _section() -> re.Pattern[str]:
    return re.compile(r"^(?:[A-H]|[IVX]{1,5})\.?$")


_HEADING = re.compile(r"^(?:[A-H]|[IVX]{1,5}|(?:[A-Z][\w’'-]*)(?:\s+[\w’'-]+){0,4})\.?$")
# ``(a)``, ``(iv)`` and ``(1)``, and the ``a.`` some modern resolutions print instead (not
# ``i.`` or ``l.``, which in the yearly volumes are OCR for ``1.``).
_LETTER_LINE = re.compile(r"^(?:\(([a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)|([a-hj-km-z])\.)$")
_LETTER_START = re.compile(r"^(?:\(([a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)|([a-hj-km-z])\.)\s+(\S.*)$")
# ``– Inviting relevant regional ...``: an item of a dashed or bulleted list.
_BULLET_START = re.compile(r"^[–—•▪]\s*([A-Za-z“\"(].*)$")
BULLET = "–"
"""The marker of a dashed or bulleted list item (its number is None)."""
_QUOTE_START = re.compile(r"^[“\"]\s*\S")
_STATEMENT_OPENING = re.compile(r"^[“\"]\s*The (?:Security )?Council\b")
_COUNCIL_LINE = re.compile(r"^The Security Council\s*[,.:;]?\s*$")  # OCR: "Council."
_ANNEX_LINE = re.compile(r"^(?:Annex|ANNEX|Appendix|APPENDIX)(?:\s+(?:[IVX\d]{1,5}|[A-Z]))?\.?$")
# The adoption line of the yearly volumes (``Adopted unanimously at the 1102nd meeting.``,
# ``Approved ...``, OCR's ``Adapted ...``); ``Adopted by the Security Council at its 5868th
# meeting, on ...`` (or ``... on 29 January 2021``) belongs to a modern resolution's heading.
_ADOPTION = re.compile(r"^(?:Ad[ao]pted|Approved)\b(?!\s+by\s+the\s+Security\b)")


@cache
def _annex_start() -> re.Pattern[str]:
    return re.compile(r"^(?:Annex|ANNEX|Appendix|APPENDIX)\b")


# A footnote of the yearly volumes: ``46 See Official Records ...`` or ``1/ S/1994/262.``.
_FOOTNOTE_SLASH = re.compile(r"^(\d{1,3})/\s+\S")
_FOOTNOTE_NUMBERED = re.compile(r"^(\d{1,3})\s+(?=[A-Z“\"(*]|ibid|op\.|see\b)", re.IGNORECASE)


@cache
def _function_word_end() -> re.Pattern[str]:
    """A line ending on a function word, which the next line continues."""
    return re.compile(
        r"\b(?:the|of|and|or|to|in|a|an|for|with|by|on|at|from|as|that|its|their|his|her|which|"
        r"whose|under|between|into|upon|all|any|this|these|those|is|are|be|been|has|have)\s*$"
    )


# Opening words of preambular paragraphs: participles and the adjectives the Council uses.
_PREAMBLE_ADJECTIVES = (
    "Mindful|Aware|Conscious|Cognizant|Cognisant|Desirous|Anxious|Keen|Resolved|Determined|"
    "Convinced|Confident|Hopeful|Fearful"
)


# ``... as appropriate; and`` / ``(c) whenever ...``: the last item of a list follows.
@cache
def _item_join_end() -> re.Pattern[str]:
    return re.compile(r";\s+(?:and|or)$")


# ``Deeply concerned``, ``Also recalling``: words that may stand before the participle.
_PREAMBLE_PREFIXES = (
    "Also|Further|Furthermore|Again|Deeply|Gravely|Strongly|Seriously|Equally|Firmly|Fully|"
    "Particularly|Especially|Most|Greatly|Profoundly|Noting|Recalling|Reaffirming"
)


@cache
def _preamble_opening() -> re.Pattern[str]:
    """A preambular paragraph's opening (compiled on first use: a statement never asks)."""
    return re.compile(
        r"^(?:Whereas\b"
        # ``While noting ..., remaining deeply concerned ...`` (S/RES/1612 (2005)): the concessive
        # form of a participle or adjective, with or without one of the prefixes.
        r"|While\s+(?:(?i:" + _PREAMBLE_PREFIXES + r")\s+)?"
        r"(?:[a-z]+(?:ing|ed)|(?i:" + _PREAMBLE_ADJECTIVES + r"))\b"
        r"|(?:" + _PREAMBLE_PREFIXES + r")\s+"
        r"(?:[a-z]+(?:ing|ed)|(?i:" + _PREAMBLE_ADJECTIVES + r"))\b"
        r"|(?:[A-Z][a-z]+(?:ing|ed)|" + _PREAMBLE_ADJECTIVES + r")\b)"
    )


_NOT_PREAMBLE_WORDS = frozenset({"United", "Beijing", "Wyoming", "Kingdom", "Hong", "Ring"})


# Opening verbs of unnumbered operative paragraphs: a preamble printed without a blank line
# before ``Recommends to the General Assembly ...`` ends where one of them opens a line.
@cache
def _operative_opening() -> re.Pattern[str]:
    """An unnumbered operative paragraph's opening verb (compiled on first use)."""
    return re.compile(
        r"^(?:Further\s+|Also\s+|Again\s+|Strongly\s+)?(?:Accepts|Acknowledges|Affirms|Agrees|"
        r"Appeals|Approves|Asks|Authorizes|Calls|Commends|Condemns|Considers|Decides|Declares|"
        r"Demands|Deplores|Directs|Emphasizes|Encourages|Endorses|Expresses|Instructs|Invites|"
        r"Reaffirms|Recommends|Regrets|Reiterates|Requests|Resolves|Stresses|Supports|Takes|Urges|"
        r"Welcomes)\b"
    )


_ROMAN = re.compile(r"^[ivxl]+$")


@cache
def _hyphen_end() -> re.Pattern[str]:
    return re.compile(r"([A-Za-z]+)-$")


_FIRST_WORD = re.compile(r"^([A-Za-z]+)")
# Prefixes that keep their hyphen before any word (``self-``, ``non-``): the other prefixes
# (``inter-``, ``re-``, ``sub-``) also start plain words broken at a line end (``inter-`` /
# ``national``), so only the compounds the corpus prints keep theirs.
_HYPHEN_PREFIXES = frozenset({"self", "non"})


def _terminated(line: str) -> bool:
    # Only the tail matters; searching the whole line would scan it from every position.
    return _TERMINATED.search(line[-16:]) is not None


def _clean_line(line: str) -> str:
    # str.split() splits on every Unicode space, no-break spaces included.
    return " ".join(line.split())


@cache
def _vocabulary_word() -> re.Pattern[str]:
    return re.compile(r"[A-Za-z][A-Za-z-]*")


def _words(lines: Iterable[str]) -> set[str]:
    return {word.lower() for line in lines for word in _vocabulary_word().findall(line)}


def join_lines(lines: Sequence[str], vocabulary: set[str] | frozenset[str] = frozenset()) -> str:
    """Join wrapped lines into one display text, deciding each line-end hyphen by the word.

    A hyphen at a line end is dropped when the joined word is used unhyphenated in the document
    (``vocabulary``); kept when the document spells the word hyphenated, when the corpus prints
    it as a hyphenated compound (``peace-keeping``, ``cease-fire``), when the second part is
    capitalised (``Secretary-`` / ``General``) or after ``self-`` and ``non-``; otherwise
    dropped, as the typesetters of the yearly volumes broke plain words freely (``main-`` /
    ``tenance``).
    """
    text = ""
    for raw in lines:
        # The readers hand over cleaned lines; only clean again what still needs it.
        line = raw.strip()
        if "  " in line or "\t" in line or "\u00a0" in line:
            line = _clean_line(line)
        if not line:
            continue
        if not text:
            text = line
            continue
        if text.endswith("\u00ad"):
            # A soft hyphen is the typesetter's: the word goes on unbroken.
            text = text[:-1] + line
            continue
        hyphen = _hyphen_end().search(text[-40:]) if text.endswith("-") else None
        first = _FIRST_WORD.match(line)
        if hyphen and first and not text.endswith("--"):
            head, tail = hyphen[1], first[1]
            joined = (head + tail).lower()
            hyphenated = f"{head}-{tail}".lower()
            if joined in vocabulary and hyphenated not in vocabulary:
                keep = False
            else:
                keep = (
                    hyphenated in vocabulary
                    or hyphenated in HYPHENATED_COMPOUNDS
                    or tail[0].isupper()
                    or head.lower() in _HYPHEN_PREFIXES
                )
            text = text + line if keep else text[:-1] + line
        else:
            text = f"{text} {line}"
    return text


# --- head and body -----------------------------------------------------------------------------

_HEAD_RES = re.compile(
    r"^(?:\d{1,4}\s*\(\d{4}\)\.?\s+Resolution\s+of\b.*|Resolution\s+\d{1,4}\b.*|"
    r"RESOLUTION\s+\d{1,4}\b.*)$"
)


# Lines that complete a resolution's heading: ``of 12 October 1971`` (also ``Of``, ``On``, a bare
# date, a footnote mark after it, or OCR garble such as ``ef 15 June 1965``), the draft's symbol
# ``[S/5575]`` (OCR: ``[8/4357]``, ``(S/3721}``) and ``Adopted by the Security Council at its
# 5868th meeting,`` with its continuation ``on 16 April 2008``.
@cache
def _head_continuation() -> re.Pattern[str]:
    """A line completing a resolution's heading (compiled on first use)."""
    return re.compile(
        r"^(?:(?:[Oo][fn]\s+)?\d{1,2}\s+\w+\s+\d{4}\.?(?:\s+\d{1,3})?"
        r"|[a-z]{1,2}\s+\S{1,3}\s+[A-Z]\S{2,9}\s+\S{3,5}\.?"
        r"|[\[(][S8]/[^\])}]*[\])}]+"
        r"|Adopted by the Security\b.*)$"
    )


@cache
def _adopted_by_split() -> re.Pattern[str]:
    return re.compile(
        r"^(?:\d{1,5}\w{0,2}\s+meeting,?\s+)?(?:on\s+)?\d{1,2}\s+\w+\s+\d{4}\.?$", re.IGNORECASE
    )


# The 1990s print it in capitals: ``STATEMENT BY THE PRESIDENT OF THE SECURITY COUNCIL``.
_HEAD_STATEMENT = re.compile(
    r"^Statement by the President of the Security Council\b", re.IGNORECASE
)


@cache
def _head_lines() -> re.Pattern[str]:
    """A line of the distribution block before an untitled text (compiled on first use)."""
    return re.compile(
        r"^(?:United Nations|UNITED NATIONS|Security Council|S|Distr\..*|GENERAL|General|"
        r"Original:.*|\d{1,2}\s+\w+\s+\d{4}|S/\S+(?:\s*\(\d{4}\))?\*?|.*Distr\.:?\s*General)$"
    )


_HEAD_WINDOW = 80


def split_head(lines: Sequence[str]) -> int:
    """Index of the first body line: after the heading block, the resolution or statement title.

    Text before a resolution's heading is dropped with the head: in the yearly volumes it is the
    end of the previous document on the same page.
    """
    # The heading stands in the first lines; a body line that happens to open with
    # ``Resolution 1325 (2000)`` further down must not be taken for it.
    stripped = [_clean_line(line) for line in lines[:_HEAD_WINDOW]]
    for index, line in enumerate(stripped):
        if _HEAD_STATEMENT.match(line):
            return index + 1
        if _HEAD_RES.match(line) and not _terminated(line.rstrip(".")):
            body = index + 1
            while body < len(stripped) and (
                not stripped[body]
                or _head_continuation().match(stripped[body])
                or is_misspelt_adopted_by(stripped[body])
                or (
                    _adopted_by_split().match(stripped[body])
                    and any(
                        line.startswith("Adopted by the Security") or is_misspelt_adopted_by(line)
                        for line in stripped[index:body]
                    )
                )
            ):
                body += 1
            return body
        if _COUNCIL_LINE.match(line):
            return index
    # No heading: skip the distribution block if there is one, keep everything else.
    index = 0
    while index < len(stripped) and (not stripped[index] or _head_lines().match(stripped[index])):
        index += 1
    return index


_OPENS_PARAGRAPH = re.compile(r"[A-Z“\"]|\d{1,3}\.|\([a-z]{1,3}\)")
# Paragraph ends without a blank line per paragraph end with one, above which text is wrapped;
# between the corpus's blank-line-separated documents (at most 1.5) and wrapped ones (4.6+).
_TIGHT_TO_SPACED_WRAPPED = 2.5


def detect_layout(lines: Sequence[str]) -> Layout:
    """Recognise the layout of furniture-free body lines.

    Count the ends of sentences and clauses (a line ending in ``.``, ``;``, ``,`` or ``:``)
    followed by a blank line, and those followed directly by a line that opens like a paragraph
    (a capital, a quotation mark, ``12.``, ``(a)``). In wrapped text the second kind dominates:
    over 4.6 times the first across the modern documents of the corpus, at most 1.5 times in the
    blank-line-separated ones.
    """
    content = [index for index, line in enumerate(lines) if line.strip()]
    if len(content) < 2:
        return Layout.ONE_PARAGRAPH_PER_LINE
    spaced = tight = 0
    for position, index in enumerate(content[:-1]):
        if not _terminated(lines[index].rstrip()):
            continue
        following = content[position + 1]
        if following > index + 1:
            spaced += 1
        elif _OPENS_PARAGRAPH.match(lines[following].strip()):
            tight += 1
    if tight + 1 > _TIGHT_TO_SPACED_WRAPPED * (spaced + 1):
        return Layout.WRAPPED
    long_lines = sum(1 for index in content if len(lines[index].strip()) > 160)
    # In a one-paragraph-per-line file the paragraphs are single lines, most far longer than a
    # printed line; the yearly volumes wrap at about 60 to 90 characters.
    if long_lines * 3 >= len(content):
        return Layout.ONE_PARAGRAPH_PER_LINE
    return Layout.YEARLY_VOLUME


# --- readers -----------------------------------------------------------------------------------


def _marker(line: str) -> tuple[str | None, str]:
    number = _NUMBER_START.match(line)
    if number:
        return number[1], number[2]
    letter = _LETTER_START.match(line)
    if letter:
        return f"({letter[1] or letter[2]})", letter[3]
    bullet = _BULLET_START.match(line)
    if bullet:
        return BULLET, bullet[1]
    return None, line


@dataclass(slots=True)
class _Draft:
    """A paragraph being assembled by a reader (mutable, private)."""

    lines: list[str]
    marker: str | None = None
    closing: bool = False
    heading: bool = False


def _finish(drafts: Sequence[_Draft], vocabulary: set[str]) -> list[RawParagraph]:
    paragraphs = []
    for draft in drafts:
        text = join_lines(draft.lines, vocabulary)
        # A number after the closing comma of a paragraph is a footnote mark even where the
        # footnote itself is not in the text (``... the Minister for Foreign Affairs of
        # Yugoslavia, 184``): no paragraph ends on a number after its comma.
        text = _FINAL_MARK.sub(",", text)
        if text:
            paragraphs.append(
                RawParagraph(
                    text=text, marker=draft.marker, closing=draft.closing, heading=draft.heading
                )
            )
    return paragraphs


# ``... of using the International Fact9.`` / ``Finding Commission ...``: the extraction printed
# the next operative number over the hyphen that ends the paragraph's first line.
_GLUED_NUMBER = re.compile(r"^(.*[A-Za-z])(\d{1,3})\.$")


# Fewer single words in a row are ordinary short lines (``zone;``, ``Council,``).
_WORD_COLUMN = 4


def _restore_word_column(lines: Sequence[str]) -> list[str]:
    """The lines with a paragraph's end put back after its words printed one a line.

    S/RES/1612 (2005) OP 3 (c) is extracted as ``(c) Information`` / ``responsibilities;`` /
    ``on`` / ``the`` / ... / ``of``: the last word comes before the column of the others.
    """
    result = list(lines)
    position = 0
    while position < len(result):
        if not _is_stray_end(result[position]):
            position += 1
            continue
        end = position + 1
        while end < len(result) and " " not in result[end] and not _terminated(result[end]):
            end += 1
        if end - position - 1 >= _WORD_COLUMN:
            result[position:end] = [*result[position + 1 : end], result[position]]
            position = end
        else:
            position += 1
    return result


def _unglue_numbers(lines: Sequence[str]) -> list[str]:
    """The lines with an operative number glued to a line's last word put on a line of its own."""
    result: list[str] = []
    last = 0
    for position, line in enumerate(lines):
        number = _NUMBER_LINE.match(line) or _NUMBER_START.match(line)
        glued = None if number else _GLUED_NUMBER.match(line)
        following = lines[position + 1] if position + 1 < len(lines) else ""
        if number:
            last = int(number[1])
        elif glued and int(glued[2]) == last + 1 and following[:1].isupper():
            last += 1
            result.extend([f"{glued[1]}-", f"{last}."])
            continue
        result.append(line)
    return result


_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50}


def _roman_value(numeral: str) -> int:
    total = 0
    for position, letter in enumerate(numeral):
        value = _ROMAN_VALUES[letter]
        following = _ROMAN_VALUES[numeral[position + 1]] if position + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _roman(value: int) -> str:
    numerals = ((50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    text = ""
    for amount, numeral in numerals:
        while value >= amount:
            text, value = text + numeral, value - amount
    return text


def _continues_inline_list(previous: str, marker: str) -> bool:
    """True for ``(iii)`` opening a line after ``... (ii) gender-based and sexual violence,``.

    The items of a list run inline in a sentence (S/RES/1674 (2006) OP 5: ``with respect in
    particular to (i) torture ..., (ii) ...,``) are no paragraphs of their own, even where one
    opens a line: the line before ends in a comma and holds the item before it.
    """
    if not previous.endswith(",") or not marker.startswith("("):
        return False
    inner = marker[1:-1]
    before: list[str] = []
    if inner.isdigit() and int(inner) > 1:
        before.append(str(int(inner) - 1))
    if _ROMAN.match(inner) and _roman_value(inner) > 1:
        before.append(_roman(_roman_value(inner) - 1))
    if len(inner) == 1 and inner.isalpha() and inner != "a":
        before.append(chr(ord(inner) - 1))
    return any(f" ({item}) " in f" {previous[1:]}" for item in before)


def _read_wrapped(
    lines: Sequence[str], kind: DocumentKind, *, may_end: bool = True
) -> list[_Draft]:
    """Cut wrapped lines into paragraphs from their structure (no blank lines to help).

    ``may_end`` says whether an adoption line may end the text (see ``read_body``); where it may
    not, the lines after one are read as text, not as the footnotes that follow a real one.
    """
    lines = _restore_word_column(_unglue_numbers(lines))
    drafts: list[_Draft] = []
    pending: str | None = None
    operative = False
    closing = False
    statement = kind is DocumentKind.PRESIDENTIAL_STATEMENT
    council_seen = False
    adopted = False
    for position, line in enumerate(lines):
        previous = drafts[-1].lines[-1] if drafts else ""
        after_end = not drafts or _terminated(previous)
        number_only = _NUMBER_LINE.match(line)
        letter_only = _LETTER_LINE.match(line)
        if number_only or letter_only:
            marker = (
                number_only[1] if number_only else f"({letter_only[1] or letter_only[2]})"  # type: ignore[index]
            )
            if number_only:
                operative = True
            following = lines[position + 1] if position + 1 < len(lines) else ""
            current = drafts[-1] if drafts else None
            if current is not None and _swapped_ends(current):
                # ``(f)`` / ``sides;`` / ``Other measures ... between the two`` / ``6.``: the
                # lettered item is whole once its end goes back after its first line.
                current.lines = [current.lines[1], current.lines[0]]
                pending = marker
                continue
            # ``Expresses its determination to ... the`` / ``1.`` / ``relationship ...``: the
            # extraction put the number after the first line of its paragraph.
            if current is not None and not closing and not current.heading:
                last = current.lines[-1]
                before = current.lines[-2] if len(current.lines) > 1 else None
                continues = bool(following) and following[0].islower()
                # A first line may end in a comma (``Decides that,``) when the paragraph goes on
                # in lower case; one ending in ``;`` or ``.`` finished its paragraph.
                if not _terminated(last) or (continues and last.rstrip().endswith(",")):
                    if before is None and current.marker is None and not _COUNCIL_LINE.match(last):
                        current.marker = marker
                        continue
                    if before is not None and _terminated(before):
                        current.lines.pop()
                        drafts.append(_Draft([last], marker))
                        continue
            pending = marker
            continue
        marker, rest = _marker(line)
        starts = heading = False
        if pending is not None:
            marker, rest, starts = pending, line, True
            pending = None
        elif (
            marker is not None
            and (
                after_end
                or _function_word_end().search(previous) is None
                or _item_join_end().search(previous) is not None
            )
            and not _continues_inline_list(previous, marker)
        ):
            starts = True
            if marker.isdigit():
                operative = True
        else:
            marker, rest = None, line
        following = lines[position + 1] if position + 1 < len(lines) else ""
        if _ANNEX_LINE.match(line) and after_end:
            closing, starts = True, True
        elif after_end and _ADOPTION.match(line):
            adopted, starts = may_end, True
        elif adopted and _FOOTNOTE_NUMBERED.match(line):
            starts = True
        elif _COUNCIL_LINE.match(line) and not council_seen:
            council_seen, starts = True, True
        elif (
            len(drafts) == 1
            and len(drafts[0].lines) == 1
            and _COUNCIL_LINE.match(drafts[0].lines[0])
            and line[:1].isupper()
        ):
            # ``The Security Council`` that lost its comma (S/RES/2222 (2015)) is still a line
            # of its own: the capital after it opens the first paragraph.
            starts = True
        elif (
            after_end
            and drafts
            and _HEADING.match(line)
            and (_NUMBER_LINE.match(following) or _NUMBER_START.match(following))
        ):
            starts, heading = True, True
        elif statement and _STATEMENT_OPENING.match(line):
            # ``“The Security Council ...`` opens a paragraph even where the one before lost
            # its final stop (S/PRST/2015/3: ``... by the Peacebuilding Commission``).
            starts = True
        elif not starts and after_end:
            if (drafts and _COUNCIL_LINE.match(drafts[-1].lines[-1])) or (
                statement and _QUOTE_START.match(line)
            ):
                starts = True
            elif not operative and not statement and _preamble_opening().match(line):
                starts = line.split(None, 1)[0] not in _NOT_PREAMBLE_WORDS
            elif statement and not drafts:
                starts = True
        if heading or (drafts and drafts[-1].heading):
            starts = True
        if starts or not drafts:
            drafts.append(_Draft([rest], marker, closing, heading))
        else:
            drafts[-1].lines.append(line)
    for draft in drafts:
        # ``(a)`` / ``issues;`` / ``Put their efforts ... on the core``: the extraction put the
        # last words of a short paragraph before its first line.
        if _swapped_ends(draft):
            draft.lines = [draft.lines[1], draft.lines[0]]
    for earlier, later in itertools.pairwise(drafts):
        # ``(b) To cease ... of the buffer`` / ``(c) To refrain ... buffer zone;`` / ``zone;``:
        # the last word of an item went after the next item.
        if (
            len(later.lines) >= 2
            and _is_stray_end(later.lines[-1])
            and later.lines[-2].endswith((";", "."))
            and not _terminated(earlier.lines[-1])
            and (earlier.marker or "").startswith("(")
        ):
            earlier.lines.append(later.lines.pop())
    return drafts


def _is_stray_end(line: str) -> bool:
    """A few words in lower case that end a paragraph: ``zone;``, ``issues;``."""
    return line[:1].islower() and len(line.split()) <= 3 and _terminated(line)


def _swapped_ends(draft: _Draft) -> bool:
    """True when a two-line draft holds its last words first (``sides;`` / ``Other ... two``)."""
    parts = draft.lines
    return len(parts) == 2 and _is_stray_end(parts[0]) and not _terminated(parts[1])


def _blocks(lines: Sequence[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


@cache
def _ocr_marker_pattern() -> re.Pattern[str]:
    return re.compile(r"^([0-9ilILSZO]{1,3})(?:[.,]\s*|\s+)([A-Z][a-z]+\b.*)$")


_OCR_DIGITS = str.maketrans("ilILSZO", "1111520")


def _ocr_marker(line: str, expected: int) -> tuple[str | None, str]:
    """An operative number that OCR misread (``L.``, ``S.``, ``2 Requests``), if it is the next."""
    match = _ocr_marker_pattern().match(line)
    if match and match[1].translate(_OCR_DIGITS) == str(expected):
        return str(expected), match[2]
    return None, line


def _read_blank_separated(lines: Sequence[str]) -> list[_Draft]:
    """Cut blank-line-separated paragraphs, rejoining those broken by a page break."""
    drafts: list[_Draft] = []
    closing = False
    expected: int | None = 1
    for block in _blocks(lines):
        # A block may still hold several paragraphs where a marker starts a line after a
        # finished one (``...;`` / ``(b) ...``).
        pieces: list[list[str]] = [[]]
        for line in block:
            clean = _clean_line(line)
            previous = pieces[-1][-1] if pieces[-1] else ""
            if previous and (
                (
                    (_terminated(previous) or _section().match(previous))
                    and (
                        _NUMBER_START.match(clean)
                        or _LETTER_START.match(clean)
                        or _COUNCIL_LINE.match(clean)
                        or _operative_opening().match(clean)
                        or _ADOPTION.match(clean)
                    )
                )
                or _COUNCIL_LINE.match(previous)
            ):
                pieces.append([])
            pieces[-1].append(clean)
        for piece in pieces:
            first = piece[0]
            if _FOOTNOTE_SLASH.match(first):
                # Footnotes at the foot of a page (``1/ S/1994/262.``): not text, and the
                # paragraph they interrupt continues after them.
                continue
            marker, rest = _marker(first)
            if marker is None and expected is not None:
                marker, rest = _ocr_marker(first, expected)
            if drafts and not closing and marker is None:
                previous = drafts[-1].lines[-1]
                broken = not _terminated(previous) and not _COUNCIL_LINE.match(previous)
                # A block opening in lower case continues the sentence before it (``which,`` /
                # ``after discussion ...``), except after a list, whose tail it is.
                continued = first[0].islower() and not (drafts[-1].marker or "").startswith("(")
                if continued or (
                    broken
                    and not drafts[-1].heading
                    and (
                        first[0].islower()
                        or (first[0] == "(" and not _LETTER_START.match(first))
                        or _function_word_end().search(previous)
                        or previous.endswith("-")
                    )
                ):
                    drafts[-1].lines.extend(piece)
                    continue
            if _ANNEX_LINE.match(first):
                closing = True
            if marker is not None and marker.isdigit():
                expected = int(marker) + 1
            heading = len(piece) == 1 and marker is None and _section().match(first) is not None
            drafts.append(_Draft([rest, *piece[1:]], marker, closing, heading))
    # A short unfinished line standing alone before a numbered paragraph heads it (``Political``
    # / ``1. Underlines ...``), as in wrapped text.
    for draft, following in itertools.pairwise(drafts):
        line = draft.lines[0]
        if (
            len(draft.lines) == 1
            and draft.marker is None
            and following.marker is not None
            and following.marker.isdigit()
            and _HEADING.match(line)
            and not _terminated(line)
            and not _COUNCIL_LINE.match(line)
        ):
            draft.heading = True
    return drafts


# ``of 4 March 1994 1/ on his mission``: the 1990s mark a footnote with a number and a slash.
_SLASH_MARK = re.compile(r"(?<=\S)\s+\d{1,3}/(?=[\s,.;:]|$)")


# A number ending a line after punctuation (``1960, 5``) or a document symbol (``S/10352 46``),
# never after a word (``of 24`` / ``April 1963`` is a date broken across lines).
@cache
def _trailing_mark() -> re.Pattern[str]:
    """A footnote mark ending a line (compiled on first use: only scanned volumes have them)."""
    return re.compile(
        r"(?:(?<=[,;.:)\]”’\"])\s*|(?:(?<=/\d)|(?<=/\d\d)|(?<=/\d{3})|(?<=/\d{4})|(?<=/\d{5}))\s+)"
        r"(\d{1,3})\s*$"
    )


# ``Taking of Hostages, 63 opened for signature``: a mark inside the line, after punctuation and
# before a word in lower case.
@cache
def _inner_mark() -> re.Pattern[str]:
    """A footnote mark inside a line (compiled on first use)."""
    return re.compile(
        r"(?:(?<=[,;:)\]”’\"])|(?<=/\d{3})|(?<=/\d{4})|(?<=/\d{5}))\s+(\d{1,3})(?=\s+[a-z])"
    )


# ``the report 45 of the Special Mission``: a number straight after the document it refers to
# is its footnote mark (the footnote gives the document's symbol).
@cache
def _noun_mark() -> re.Pattern[str]:
    """A footnote mark after the document it refers to (compiled on first use)."""
    return re.compile(
        r"\b((?:reports?|letters?|statements?|communications?|notes?|telegrams?|messages?|cables?|"
        r"declarations?|memorand(?:um|a)))\s+(\d{1,3})(?=[\s,;.]+[a-z(]|[,;.]?$)"
    )


_FINAL_MARK = re.compile(r",\s*\d{1,3}$")


@cache
def _footnote_numbers_slash() -> re.Pattern[str]:
    return re.compile(r"^(\d{1,3})/", re.MULTILINE)


@cache
def _footnote_numbers() -> re.Pattern[str]:
    return re.compile(r"^(\d{1,3})(?=\s|[A-Z\[])", re.MULTILINE)


def _strip_footnote_mark(line: str, numbers: set[str]) -> str:
    """``line`` without its ``1/`` marks and without a final number the footnotes explain."""
    if "/" in line:
        line = _SLASH_MARK.sub("", line)
    if numbers and _inner_mark().search(line):
        line = _inner_mark().sub(lambda mark: "" if mark[1] in numbers else mark[0], line)
    if numbers and _noun_mark().search(line):
        line = _noun_mark().sub(lambda mark: mark[1] if mark[2] in numbers else mark[0], line)
    if numbers and line[-1:].isdigit():
        tail = line[-24:]
        mark = _trailing_mark().search(tail)
        if mark and mark[1] in numbers:
            line = line[: len(line) - len(tail) + mark.start()]
    return line


def _strip_footnote_marks(drafts: list[_Draft], numbers: set[str]) -> None:
    """Remove inline footnote marks: ``1/`` always, plain numbers whose footnote is present."""
    for draft in drafts:
        draft.lines = [_strip_footnote_mark(line, numbers) for line in draft.lines]


# How the footnotes of the yearly volumes open: ``10 Ibid., document S/6569.``,
# ``46 See Official Records ...``.
@cache
def _footnote_wording() -> re.Pattern[str]:
    return re.compile(r"^\d{1,3}\s*(?:Ibid\b|\[bid\b|See\b|Official Records\b)")


def _is_trailing_footnote(draft: _Draft, before: Sequence[_Draft]) -> bool:
    """True for a last block ``10 Ibid., ...`` whose number ends a line of the text as a mark."""
    opening = _FOOTNOTE_NUMBERED.match(draft.lines[0]) if draft.marker is None else None
    if opening is None:
        return False
    number = opening[1]
    if _footnote_wording().match(draft.lines[0]):
        return True
    for other in before:
        for line in other.lines:
            mark = _trailing_mark().search(line[-24:]) if line[-1:].isdigit() else None
            if mark and mark[1] == number:
                return True
    return False


@cache
def _digit_line() -> re.Pattern[str]:
    return re.compile(r"^\s*\d\s*$")


def remove_furniture(lines: Sequence[str], symbol: str | None) -> list[str]:
    """The lines with page furniture blanked out (blank, so paragraph breaks stay visible)."""
    symbol_key = compact_symbol(symbol) if symbol else None
    furniture = [is_furniture(line, symbol_key) for line in lines]
    content = [index for index, line in enumerate(lines) if line.strip()]
    for position, index in enumerate(content):
        line = lines[index].strip()
        following = content[position + 1] if position + 1 < len(content) else None
        if line == "*" and following is not None:
            # ``*`` / ``Reissued for technical reasons.``: the reissue note over two lines.
            if is_reissue_note("* " + lines[following]):
                furniture[index] = furniture[following] = True
            # ``*`` / ``0`` / ``3`` / ... / ``*``: a barcode printed one character a line.
            digits = list(
                itertools.takewhile(
                    lambda i: _digit_line().match(lines[i]), content[position + 1 :]
                )
            )
            end = position + 1 + len(digits)
            if len(digits) >= 5 and end < len(content) and lines[content[end]].strip() == "*":
                for covered in (index, *digits, content[end]):
                    furniture[covered] = True
        elif (
            is_language_line(line)
            and 0 < index < len(lines) - 1
            and furniture[index - 1]
            and furniture[index + 1]
        ):
            # ``S/PRST/1999/6`` / ``English`` / ``Page 2``: a language line between two pieces
            # of furniture belongs to the running header.
            furniture[index] = True
    kept = ["" if flag else line for line, flag in zip(lines, furniture, strict=True)]
    # The footer's job number, known from the lines that hold nothing else, sometimes ends a line
    # of text where the extraction put it (S/PRST/2017/21: ``... encourages the Secretary
    # 17-19215``).
    jobs = {job for line in lines if (job := job_number(line)) is not None}
    if jobs:
        kept = [strip_job_number(line, jobs) if line else line for line in kept]
    return kept


def _adoption_candidate(line: str) -> tuple[bool, bool]:
    """Whether ``line`` opens like a yearly volume's adoption line, and whether misspelt.

    ``Adoptd unanimously at the 1102nd meeting.`` is one, misspelt: its first word is one slip
    away from ``Adopted`` or ``Approved`` and the line names a meeting.
    """
    if _ADOPTION.match(line):
        return True, False
    first = _FIRST_WORD.match(line)
    if first is None or "meeting" not in line[:120] or line.startswith("Adopted by the Security"):
        return False, False
    word = first[1]
    misspelt = any(
        word != target and _one_slip_away(word, target) for target in ("Adopted", "Approved")
    )
    return misspelt, misspelt


def _one_slip_away(word: str, target: str) -> bool:
    """True when one letter added, dropped or changed, or two swapped, makes ``word`` ``target``."""
    if abs(len(word) - len(target)) > 1:
        return False
    if len(word) == len(target):
        differ = [i for i, (a, b) in enumerate(zip(word, target, strict=True)) if a != b]
        if len(differ) == 2 and differ[1] == differ[0] + 1:
            i = differ[0]
            return word[i] == target[i + 1] and word[i + 1] == target[i]
        return len(differ) <= 1
    shorter, longer = sorted((word, target), key=len)
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


# An operative paragraph opens with a verb in the third person (``Decides``, ``Further
# requests``); the footnotes after an adoption line (``4 Ibid., ...``, ``7 One member (China)
# did not participate ...``) do not.
@cache
def _operative_verb() -> re.Pattern[str]:
    return re.compile(r"^(?:(?:[A-Z][a-z]+ly|Further|Also|Again)\s+)?[A-Z][a-z]+s\b")


_ADOPTED_BY_WORDS = ("Adopted", "by", "the", "Security", "Council")


def is_misspelt_adopted_by(line: str) -> bool:
    """True for ``Adopted by the Securty Council at ...``: the heading's line with one slip."""
    words = line.split()[: len(_ADOPTED_BY_WORDS)]
    if len(words) < len(_ADOPTED_BY_WORDS):
        return False
    words[-1] = words[-1].rstrip(",")
    slips = [
        (word, target)
        for word, target in zip(words, _ADOPTED_BY_WORDS, strict=True)
        if word != target
    ]
    return len(slips) == 1 and _one_slip_away(*slips[0])


def _text_goes_on(drafts: Sequence[_Draft], position: int) -> bool:
    """True when an operative paragraph after ``drafts[position]`` carries on the numbering."""
    numbers = [
        int(draft.marker) for draft in drafts[:position] if draft.marker and draft.marker.isdigit()
    ]
    expected = str(numbers[-1] + 1 if numbers else 1)
    for draft in drafts[position + 1 :]:
        if draft.lines and _annex_start().match(draft.lines[0]):
            return False
        if draft.marker == expected and draft.lines and _operative_verb().match(draft.lines[0]):
            return True
    return False


def read_body(
    lines: Sequence[str],
    layout: Layout,
    kind: DocumentKind,
    symbol: str | None,
    *,
    adopted_in_head: bool = False,
) -> Reading:
    """Cut furniture-free body lines into raw paragraphs and find the adoption line.

    Only a resolution of the yearly volumes ends on an adoption line (``Adopted unanimously at
    the 1102nd meeting.``). Such a line is text, not the end, in a statement, in a document
    whose heading holds its adoption (``adopted_in_head``), before any paragraph, and where the
    paragraphs after it carry on the numbering.
    """
    may_end = not adopted_in_head and kind is not DocumentKind.PRESIDENTIAL_STATEMENT
    if layout is Layout.WRAPPED:
        content = [_clean_line(line) for line in lines if line.strip()]
        drafts = _read_wrapped(content, kind, may_end=may_end)
    else:
        drafts = _read_blank_separated(lines)
    vote: str | None = None
    footnotes: set[str] = set()
    kept_drafts: list[_Draft] = []
    warnings: list[str] = []
    after_adoption = closing = False
    for position, draft in enumerate(drafts):
        first = draft.lines[0] if draft.lines else ""
        slash = _FOOTNOTE_SLASH.match(first)
        if slash:
            footnotes.update(_footnote_numbers_slash().findall("\n".join(draft.lines)))
            continue
        adoption, misspelt = (
            _adoption_candidate(" ".join(draft.lines[:3]))
            if may_end and draft.marker is None and vote is None
            else (False, False)
        )
        if adoption and kept_drafts and not _text_goes_on(drafts, position):
            vote = join_lines(draft.lines)  # ``meet-`` / ``ing`` joins as ``meeting``
            if misspelt:
                warnings.append(f"read a misspelt adoption line as the end of the text: {vote!r}")
            after_adoption = True
            continue
        if after_adoption:
            closing = closing or _annex_start().match(first) is not None
            if not closing:
                # After the adoption line the yearly volumes print the page's footnotes and
                # then the next item of the volume (``Decisions``): neither is this text.
                footnotes.update(_footnote_numbers().findall("\n".join(draft.lines)))
                continue
            draft.closing = True
        kept_drafts.append(draft)
    if vote is None:
        # Without an adoption line to mark the end, footnotes are the closing blocks that open
        # with a number the text carries as a mark (``... S/Agenda/838, 10`` / ``10 Ibid., ...``).
        while kept_drafts and _is_trailing_footnote(kept_drafts[-1], kept_drafts[:-1]):
            footnotes.update(_footnote_numbers().findall("\n".join(kept_drafts.pop().lines)))
    _strip_footnote_marks(kept_drafts, footnotes)
    if vote is not None:
        vote = _strip_footnote_mark(vote, footnotes)
    all_lines = [line for draft in kept_drafts for line in draft.lines]
    # The document's own words decide line-end hyphens; only needed where there are some.
    vocabulary = _words(all_lines) if any(line.endswith("-") for line in all_lines) else set()
    return Reading(
        paragraphs=tuple(_finish(kept_drafts, vocabulary)), vote=vote, warnings=tuple(warnings)
    )


# --- kinds and numbers -------------------------------------------------------------------------

_OPENING_QUOTE = re.compile(r"^[“\"]\s*")
_CLOSING_QUOTE = re.compile(r"(?<=[.!?;])\s*[”\"]\s*$")


@cache
def _introductory_statement() -> re.Pattern[str]:
    return re.compile(r"^At (?:the|its) \d+\w* meeting\b")


def classify_paragraphs(raw: Sequence[RawParagraph], kind: DocumentKind) -> tuple[Paragraph, ...]:
    """Give every raw paragraph its kind and full number (``3 (a) (i)``)."""
    if kind is DocumentKind.PRESIDENTIAL_STATEMENT:
        return _classify_statement(raw)
    return _classify_resolution(raw)


def _is_list_item(text: str, previous: Paragraph) -> bool:
    """An unquoted paragraph inside a statement after ``... by:`` (or after another item)."""
    if _OPENING_QUOTE.match(text):
        return False
    return previous.text.endswith(":") or (
        previous.kind is ParagraphKind.SUBPARAGRAPH and previous.text.endswith((";", ":"))
    )


def _classify_statement(raw: Sequence[RawParagraph]) -> tuple[Paragraph, ...]:
    quoted = [
        i for i, item in enumerate(raw) if not item.closing and _OPENING_QUOTE.match(item.text)
    ]
    last_quoted = quoted[-1] if quoted else -1
    # The statement's closing quotation mark ends its last paragraph (or last list item).
    last_text = max((i for i, item in enumerate(raw) if not item.closing), default=-1)
    paragraphs: list[Paragraph] = []
    for position, item in enumerate(raw):
        text = item.text
        number = item.marker if item.marker and item.marker.isdigit() else None
        if item.closing:
            paragraph_kind = ParagraphKind.CLOSING
        elif (
            position < last_quoted
            and not _OPENING_QUOTE.match(text)
            and (not paragraphs or _introductory_statement().match(text))
        ):
            paragraph_kind = ParagraphKind.INTRODUCTORY
        elif (
            item.marker == BULLET
            or (item.marker and not number)
            or (
                paragraphs
                and quoted
                and position > quoted[0]
                and _is_list_item(text, paragraphs[-1])
            )
        ):
            paragraph_kind = ParagraphKind.SUBPARAGRAPH
        else:
            paragraph_kind = ParagraphKind.STATEMENT
            text = _OPENING_QUOTE.sub("", text, count=1)
        if position == last_text and paragraph_kind is not ParagraphKind.INTRODUCTORY:
            text = _CLOSING_QUOTE.sub("", text)
        paragraphs.append(
            Paragraph(index=len(paragraphs), kind=paragraph_kind, number=number, text=text)
        )
    return tuple(paragraphs)


def _classify_resolution(raw: Sequence[RawParagraph]) -> tuple[Paragraph, ...]:
    numbered = any(item.marker and item.marker.isdigit() for item in raw)
    # Considerations printed before ``The Security Council`` (``To this end,``) are preambular
    # even when they do not open with a participle.
    first_council = next((i for i, item in enumerate(raw) if _COUNCIL_LINE.match(item.text)), 0)
    paragraphs: list[Paragraph] = []
    operative: str | None = None
    letter: str | None = None
    operative_started = False
    for position, item in enumerate(raw):
        text, marker = item.text, item.marker
        number: str | None = None
        if item.closing:
            paragraph_kind = ParagraphKind.CLOSING
        elif marker is None and _COUNCIL_LINE.match(text):
            # A second ``The Security Council,`` opens another resolution of the same text
            # (parts A and B adopted together): its preamble starts afresh.
            paragraph_kind = ParagraphKind.INTRODUCTORY
            operative, letter, operative_started = None, None, False
        elif (
            item.heading and position + 1 < len(raw) and _COUNCIL_LINE.match(raw[position + 1].text)
        ):
            paragraph_kind = ParagraphKind.INTRODUCTORY
        elif item.heading and numbered:
            # A section heading (``A``) or a subject heading opens a group of operative
            # paragraphs; it has no number of its own.
            paragraph_kind = ParagraphKind.OPERATIVE
            operative_started = True
        elif marker is not None and marker.isdigit():
            paragraph_kind = ParagraphKind.OPERATIVE
            operative, letter, number = marker, None, marker
            operative_started = True
        elif marker == BULLET:
            # A dashed list item belongs to the paragraph before it and has no number.
            paragraph_kind = ParagraphKind.SUBPARAGRAPH
        elif marker is not None:
            paragraph_kind = ParagraphKind.SUBPARAGRAPH
            inner = marker[1:-1]
            # ``(i)`` after ``(h)`` is a letter; under a letter it is a roman numeral.
            if operative is None and not operative_started:
                # Lettered clauses of a preambular paragraph (``Noting with concern that:``).
                letter = inner
                paragraphs.append(
                    Paragraph(len(paragraphs), ParagraphKind.SUBPARAGRAPH, marker, text)
                )
                continue
            is_roman = (
                _ROMAN.match(inner) is not None
                and letter is not None
                and not (inner == "i" and letter == "h")
                and not (inner == "v" and letter == "u")
                and not (inner == "x" and letter == "w")
            )
            if is_roman:
                parts = [operative, f"({letter})", marker]
            else:
                # ``(1)`` items are not letters: a roman numeral after them is not under them.
                letter = None if inner.isdigit() else inner
                parts = [operative, marker]
            number = " ".join(part for part in parts if part)
        elif operative_started:
            # Unnumbered text among operative paragraphs: the end of a quotation or a list,
            # which the Council's text still holds.
            paragraph_kind = ParagraphKind.OPERATIVE
        elif (
            numbered
            or position < first_council
            or _preamble_opening().match(text)
            or (paragraphs and paragraphs[-1].text.endswith(":"))
        ):
            paragraph_kind = ParagraphKind.PREAMBULAR
        else:
            paragraph_kind = ParagraphKind.OPERATIVE
            operative_started = True
        paragraphs.append(
            Paragraph(index=len(paragraphs), kind=paragraph_kind, number=number, text=text)
        )
    return tuple(paragraphs)
