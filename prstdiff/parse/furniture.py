"""Page furniture of UN documents: lines that belong to the page, not to the text.

Text extracted from UN PDFs carries, on every page, a running header repeating the document's
symbol, a footer with the job number (``08-30812``, ``10-20850 (E) 130110``, ``2 07-58512``), a
barcode (``*0830812*``, sometimes mangled into a row of backquotes), a page number (``2``,
``2/7``, ``Page 2``) and sometimes the job's date stamp on a line of its own (``290698``). The
documents of the 1990s add a continuation mark ``/...`` at the foot of every page but the last,
``English`` between the running header and ``Page 2`` in statements, and ``-----`` after the
last paragraph. None of these is ever a paragraph, so the readers drop such lines first.
"""

from __future__ import annotations

import re

from prstdiff.folding import compact_symbol

__all__ = [
    "is_furniture",
    "is_language_line",
    "is_reissue_note",
    "job_number",
    "strip_job_number",
]

# Job number, optionally preceded or followed by a page number, with the language tag and the
# date stamp that follow it on the first page.
# Some footers repeat the date stamp (``05-39314 (E) 210605 210605``).
_JOB_NUMBER = re.compile(
    r"^(?:\d{1,3}(?:/\d{1,3})?\s+)?\d{2}-\d{5}\*?(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}"
    r"(?:\s+\d{1,3}(?:/\d{1,3})?)?$"
)
# The footer's date stamp on a line of its own: ``290698`` is 29 June 1998.
_DATE_STAMP = re.compile(r"^(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d$")
# ``/...``: the 1990s mark that the text goes on over the page.
_CONTINUATION = re.compile(r"^/\s?(?:\.\s?){3}$|^/…$")
_BARCODE = re.compile(r"^\*\s?\d{5,}\s?\*$")
# Rows of rule or barcode symbols only (a mangled barcode prints as a row of backquotes);
# quotes, brackets and stops are left alone, a line may hold only the end of a quotation.
_SYMBOL_ROW = re.compile(r"^[`´*_=~\-]{3,}$")
_PAGE_NUMBER = re.compile(
    r"^(?:\d{1,3}(?:\s*/\s*\d{1,3})?|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|-\s?\d{1,3}\s?-)$",
    re.IGNORECASE,
)
# ``* Reissued for technical reasons on 22 June 2010.``: a note on the document, not its text.
_REISSUE_NOTE = re.compile(r"^\*\s*Reissued\b", re.IGNORECASE)
_BESIDE_PAGE_NUMBER = re.compile(r"^\d{1,3}(?:/\d{1,3})?\s+|\s+\d{1,3}(?:/\d{1,3})?$")
_FURNITURE = re.compile(
    "|".join(
        f"(?:{pattern.pattern})"
        for pattern in (
            _JOB_NUMBER,
            _BARCODE,
            _SYMBOL_ROW,
            _PAGE_NUMBER,
            _DATE_STAMP,
            _CONTINUATION,
        )
    ),
    re.IGNORECASE,
)
# Longer than any job-number footer (``10-20850 (E) 130110 12/24``) or running header.
_LONGEST_FURNITURE = 48


# ``English`` under the running header of a 1990s statement's later pages (``S/PRST/1999/6`` /
# ``English`` / ``Page 2``): furniture only there, as a word alone on a line may be text.
_LANGUAGE = re.compile(r"^(?:English|ENGLISH)$")


def is_language_line(line: str) -> bool:
    """True for the language line of a running header (furniture only beside the header)."""
    return _LANGUAGE.match(line.strip()) is not None


_JOB = re.compile(r"\d{2}-\d{5}")


def job_number(line: str) -> str | None:
    """The job number of a footer line (``17-19215`` from ``17-19215 (E) 311017``), else None."""
    stripped = line.strip()
    if len(stripped) > _LONGEST_FURNITURE or not _JOB_NUMBER.match(stripped):
        return None
    found = _JOB.search(stripped)
    return found[0] if found else None


def strip_job_number(line: str, jobs: frozenset[str] | set[str]) -> str:
    """``line`` without the job number glued to its end (``... the Secretary 17-19215``)."""
    stripped = line.rstrip()
    for job in jobs:
        if stripped.endswith(job) and stripped[: -len(job)].endswith((" ", "\t")):
            return stripped[: -len(job)].rstrip()
    return line


def is_reissue_note(line: str) -> bool:
    """True for the asterisk note that says why a document was reissued."""
    return _REISSUE_NOTE.match(line.strip()) is not None


def is_furniture(line: str, symbol_key: str | None) -> bool:
    """True when ``line`` (stripped) is a job number, barcode, page number or running header.

    ``symbol_key`` is ``prstdiff.folding.compact_symbol`` of the document's own symbol: a line
    that repeats it (``S/RES/1809 (2008)``, ``S/RES//1454 (2002)``, ``S/RES/1888 (2009)*``) is a
    running header.
    """
    stripped = line.strip()
    if stripped[:1] == "*" and is_reissue_note(stripped):
        return True
    # Every piece of furniture is short; most text lines are not, and are decided at once.
    if not stripped or len(stripped) > _LONGEST_FURNITURE:
        return False
    if _FURNITURE.match(stripped):
        return True
    if not symbol_key:
        return False
    # The running header, alone or with the page number beside it (``2/7 S/RES/2467 (2019)``).
    return compact_symbol(_BESIDE_PAGE_NUMBER.sub("", stripped)) == symbol_key
