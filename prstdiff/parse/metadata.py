"""Metadata of a UN document read from its text: symbol, kind, date, meeting, item, citations.

Every function takes text and returns a value; nothing here reads files.

>>> find_symbol("Resolution 1809 (2008)")
'S/RES/1809 (2008)'
>>> [c.symbol for c in find_citations("resolutions 1625 (2005) and 1631 (2005), S/PRST/2007/7")]
['S/RES/1625 (2005)', 'S/RES/1631 (2005)', 'S/PRST/2007/7']
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from prstdiff.model import Citation, CitationKind, DocumentKind

__all__ = [
    "document_kind",
    "find_citations",
    "find_date",
    "find_item",
    "find_meeting",
    "find_symbol",
    "parse_date",
]

MONTH_NUMBERS: dict[str, int] = {
    name: number
    for number, name in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        start=1,
    )
}
_DATE = re.compile(
    r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\.?\s+(\d{4})\b",
    re.IGNORECASE,
)
_PRST_SYMBOL = re.compile(r"\bS/PRST/(\d{4})/(\d{1,3})\b")


@cache
def _masthead_symbol() -> re.Pattern[str]:
    return re.compile(
        r"^(?:United Nations\s+)?(S/\d{4}/\d{1,4}(?:/(?:Add|Corr|Rev)\.\d{1,3})*)\s*$", re.MULTILINE
    )


_RES_SYMBOL = re.compile(r"\bS/RES/+(\d{1,4})\s*\((\d{4})\)")


# ``Resolution 1809 (2008)``, ``RESOLUTION 761 (1992)``, ``186 (1964). Resolution of ...``,
# ``Resolution 290`` (year only in the following ``of 8 December 1970``).
@cache
def _res_heading() -> re.Pattern[str]:
    return re.compile(
        r"^\s*(?:resolution\s+(\d{1,4})(?:\s*\(([^)]*)\))?|(\d{1,4})\s*\((\d{4})\)\.?\s+resolution\b)",
        re.IGNORECASE | re.MULTILINE,
    )


# ``at the 5776th meeting``, ``at its 5868th meeting``, and the OCR of the yearly volumes:
# ``1193rd_ meeting``, ``I364th``, ``24491h``, ``283 1st``, ``3O93rd``, ``(closed) meeting``.
_MEETING = re.compile(
    r"\b(?:(?:at|of|ai|ut)\s+)?_?(?:its|the)\s+(?:resumed\s+)?(?:_\s*)?"
    r"([\dIlO][\dIlO ]{0,4}?)\s?(?:st|nd|rd|th|the|d|ih|1h)?[_\s]*(?:\(closed\)\s*)?meet",
    re.IGNORECASE,
)
_OCR_DIGITS = str.maketrans("IlO", "110", " ")
_ITEM = re.compile(r"item\s+entitled\s+[“\"‘']\s*(.+?)\s*[”\"’'](?=\s*[,.;:)]|\s+(?:and|the)\b|$)")

# Cited documents. Security Council resolutions are cited by number and year everywhere
# (``resolutions 1625 (2005) and 1631 (2005)``); the other series by symbol. One pattern per
# series (each starts with a literal or a digit, which the regex engine scans for quickly);
# matches are merged by position, the earlier and then the longer winning.
_CITATION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("prst", re.compile(r"S/PRST/\d{4}/\d{1,3}\b")),
    ("resolution_symbol", re.compile(r"S/RES/+\d{1,4}\s*\(\d{4}\)")),
    ("ga_symbol", re.compile(r"A/RES/[\dA-Z./-]*\d")),
    (
        "ga_list",
        re.compile(
            r"General\s+Assembly\s+resolutions?\s+(?:\d{1,4}/\d{1,4}|\d{1,4}\s*\([IVXL]{1,7}\))"
            r"(?:\s*(?:,|and|,\s*and)\s*(?:\d{1,4}/\d{1,4}|\d{1,4}\s*\([IVXL]{1,7}\)))*"
        ),
    ),
    (
        "document",
        # ``S/2008/186``, ``S/5575``, ``A/52/231``, special sessions ``A/S-23/10/Rev.1``.
        re.compile(
            r"[AS]/(?:E?S-\d{1,2}/)?(?:\d{1,4}/)?\d{1,5}(?:/(?:Add|Corr|Rev)\.\d{1,3})*\b(?!/)"
        ),
    ),
    (
        "resolution",
        re.compile(r"\d{1,4}\s+\((?:19[4-9]\d|20\d\d)\)"),
    ),
)
# ``vol. 382 (1960)``, ``No. 12 (1991)``, ``60/180 (2005)``: a number and a year, not a resolution.
_NOT_RESOLUTION_BEFORE = re.compile(r"(?:vol\.|No\.|p\.|pp\.|[\d/])\s*$")


@cache
def _ga_number() -> re.Pattern[str]:
    return re.compile(r"\d{1,4}/\d{1,4}|\d{1,4}\s*\([IVXL]{1,7}\)")


def _clean(text: str) -> str:
    # Paragraph texts are already single-spaced; only raw text needs the (costly) fold.
    if "  " in text or "\n" in text or "\t" in text:
        return " ".join(text.split())
    return text


def parse_date(text: str) -> dt.date | None:
    """The first ``6 November 2007`` style date in ``text`` as a date, else None."""
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match[3]), MONTH_NUMBERS[match[2].lower()], int(match[1]))
        except ValueError:
            continue
    return None


def find_symbol(head: str) -> str | None:
    """The document's own symbol from its opening lines, normalised (``S/RES/1809 (2008)``)."""
    prst = _PRST_SYMBOL.search(head)
    resolution = _RES_SYMBOL.search(head)
    if prst and (resolution is None or prst.start() < resolution.start()):
        return f"S/PRST/{prst[1]}/{int(prst[2])}"
    if resolution:
        return f"S/RES/{int(resolution[1])} ({resolution[2]})"
    masthead = _masthead_symbol().search(head)
    if masthead:
        # A draft or other Council document: ``United Nations S/2008/186`` or the symbol alone
        # on its line at the top.
        return masthead[1]
    # The heading closest to the body: text above it may be the end of another document.
    headings = list(_res_heading().finditer(head))
    if not headings:
        return None
    heading = headings[-1]
    number = heading[1] or heading[3]
    year = heading[2] if heading[1] else heading[4]
    # A resolution's year is the year of its adoption: the date that follows the heading wins
    # over a year that is missing (``Resolution 290``) or misread (``(197-4)``, ``(1973)`` for
    # 1978) in the heading.
    date = parse_date(head[heading.end() : heading.end() + 80])
    if date is not None:
        year = str(date.year)
    if year is None or not re.fullmatch(r"\d{4}", year.strip()):
        return None
    return f"S/RES/{int(number)} ({year.strip()})"


def document_kind(symbol: str | None, head: str) -> DocumentKind:
    """Presidential statement, resolution, draft or other, from the symbol and opening lines."""
    if symbol and symbol.startswith("S/PRST/"):
        return DocumentKind.PRESIDENTIAL_STATEMENT
    if symbol and symbol.startswith("S/RES/"):
        return DocumentKind.RESOLUTION
    lowered = head.lower()
    if "statement by the president" in lowered:
        return DocumentKind.PRESIDENTIAL_STATEMENT
    if "draft resolution" in lowered or "draft presidential statement" in lowered:
        return DocumentKind.DRAFT
    if _res_heading().search(head):
        return DocumentKind.RESOLUTION
    return DocumentKind.OTHER


def find_date(*texts: str) -> dt.date | None:
    """The first date found in the texts, tried in order (adoption text before distribution)."""
    for text in texts:
        date = parse_date(text)
        if date is not None:
            return date
    return None


def find_meeting(*texts: str) -> int | None:
    """The meeting number (``5776`` from ``At the 5776th meeting``), texts tried in order."""
    for text in texts:
        for match in _MEETING.finditer(text):
            number = match[1].translate(_OCR_DIGITS)
            if number.isdigit() and len(number) <= 4:
                return int(number)
    return None


def find_item(text: str) -> str | None:
    """The agenda item's title from ``consideration of the item entitled “…”``, else None."""
    match = _ITEM.search(_clean(text))
    return match[1] if match else None


def find_citations(text: str, own_symbol: str | None = None) -> tuple[Citation, ...]:
    """Every document cited in ``text``, normalised, in order of first mention, without repeats."""
    found: dict[str, Citation] = {}

    def add(symbol: str, kind: CitationKind) -> None:
        if symbol != own_symbol and symbol not in found:
            found[symbol] = Citation(symbol=symbol, kind=kind)

    clean = _clean(text)
    matches = sorted(
        (match.start(), -match.end(), group, match[0])
        for group, pattern in _CITATION_PATTERNS
        for match in pattern.finditer(clean)
    )
    reached = 0
    for start, negative_end, group, value in matches:
        if start < reached:
            continue
        # The patterns open with a literal (fast to scan for); the word boundary is checked here.
        if start and (clean[start - 1].isalnum() or clean[start - 1] == "/"):
            continue
        if group == "resolution" and _NOT_RESOLUTION_BEFORE.search(clean, max(0, start - 5), start):
            continue
        reached = -negative_end
        if group == "prst":
            year, number = value.split("/")[2:4]
            add(f"S/PRST/{year}/{int(number)}", CitationKind.PRESIDENTIAL_STATEMENT)
        elif group == "resolution_symbol" or group == "resolution":
            number, year = re.findall(r"\d+", value.replace("S/RES/", ""))[:2]
            add(f"S/RES/{int(number)} ({year})", CitationKind.RESOLUTION)
        elif group == "ga_symbol":
            add(value, CitationKind.GENERAL_ASSEMBLY_RESOLUTION)
        elif group == "ga_list":
            for number in _ga_number().findall(value):
                add(f"A/RES/{_clean(number)}", CitationKind.GENERAL_ASSEMBLY_RESOLUTION)
        elif group == "document":
            add(value, CitationKind.DOCUMENT)
    return tuple(found.values())
