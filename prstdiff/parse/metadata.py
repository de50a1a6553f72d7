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

_MONTHS = {
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
    r"November|December)\s+(\d{4})\b",
    re.IGNORECASE,
)
_PRST_SYMBOL = re.compile(r"\bS/PRST/(\d{4})/(\d{1,3})\b")
_RES_SYMBOL = re.compile(r"\bS/RES/+(\d{1,4})\s*\((\d{4})\)")
# ``Resolution 1809 (2008)``, ``RESOLUTION 761 (1992)``, ``186 (1964). Resolution of ...``,
# ``Resolution 290`` (year only in the following ``of 8 December 1970``).
_RES_HEADING = re.compile(
    r"^\s*(?:resolution\s+(\d{1,4})(?:\s*\(([^)]*)\))?|(\d{1,4})\s*\((\d{4})\)\.?\s+resolution\b)",
    re.IGNORECASE | re.MULTILINE,
)
_MEETING = re.compile(
    r"\b(?:at|of)\s+(?:its|the)\s+(\d{1,5})\s*(?:st|nd|rd|th|d)\s+meeting\b", re.I
)
_ITEM = re.compile(r"item\s+entitled\s+[“\"‘']\s*(.+?)\s*[”\"’'](?=\s*[,.;:)]|\s+(?:and|the)\b|$)")
_SPACES = re.compile(r"\s+")

# Cited documents. Security Council resolutions are cited by number and year everywhere
# (``resolutions 1625 (2005) and 1631 (2005)``); the other series by symbol.
_CITATION = re.compile(
    r"(?P<prst>\bS/PRST/\d{4}/\d{1,3}\b)"
    r"|(?P<resolution_symbol>\bS/RES/+\d{1,4}\s*\(\d{4}\))"
    r"|(?P<ga_symbol>\bA/RES/[\dA-Z./-]*\d)"
    r"|(?P<ga_list>General\s+Assembly\s+resolutions?\s+"
    r"\d{1,4}/\d{1,4}(?:\s*(?:,|and|,\s*and)\s*\d{1,4}/\d{1,4})*)"
    r"|(?P<ga_roman>General\s+Assembly\s+resolutions?\s+"
    r"\d{1,4}\s*\([IVXL]{1,7}\)(?:\s*(?:,|and|,\s*and)\s*\d{1,4}\s*\([IVXL]{1,7}\))*)"
    r"|(?P<document>\b[AS]/(?:\d{1,4}/)?\d{1,5}(?:/(?:Add|Corr|Rev)\.\d{1,3})*\b(?!/))"
    r"|(?P<resolution>(?<![\d/])(?<!vol\. )(?<!No\. )(?<!p\. )\b\d{1,4}\s+\((?:19[4-9]\d|20\d\d)\))"
)
_GA_NUMBER = re.compile(r"\d{1,4}/\d{1,4}|\d{1,4}\s*\([IVXL]{1,7}\)")


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def parse_date(text: str) -> dt.date | None:
    """The first ``6 November 2007`` style date in ``text`` as a date, else None."""
    for match in _DATE.finditer(text):
        try:
            return dt.date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
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
    heading = _RES_HEADING.search(head)
    if heading is None:
        return None
    number = heading[1] or heading[3]
    year = heading[2] if heading[1] else heading[4]
    if year is None or not re.fullmatch(r"\d{4}", year.strip()):
        # ``Resolution 290`` then ``of 8 December 1970``; OCR such as ``(197-4)``: the date's
        # year is the resolution's year.
        date = parse_date(head[heading.end() :])
        if date is None:
            return None
        year = str(date.year)
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
    if _RES_HEADING.search(head):
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
        match = _MEETING.search(text)
        if match:
            return int(match[1])
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

    for match in _CITATION.finditer(_clean(text)):
        group = match.lastgroup
        value = match[0]
        if group == "prst":
            year, number = value.split("/")[2:4]
            add(f"S/PRST/{year}/{int(number)}", CitationKind.PRESIDENTIAL_STATEMENT)
        elif group == "resolution_symbol" or group == "resolution":
            number, year = re.findall(r"\d+", value.replace("S/RES/", ""))[:2]
            add(f"S/RES/{int(number)} ({year})", CitationKind.RESOLUTION)
        elif group == "ga_symbol":
            add(value, CitationKind.GENERAL_ASSEMBLY_RESOLUTION)
        elif group in ("ga_list", "ga_roman"):
            for number in _GA_NUMBER.findall(value):
                add(f"A/RES/{_clean(number)}", CitationKind.GENERAL_ASSEMBLY_RESOLUTION)
        elif group == "document":
            add(value, CitationKind.DOCUMENT)
    return tuple(found.values())
