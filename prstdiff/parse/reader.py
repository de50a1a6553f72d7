"""Text in memory to a ``Document``: decoding a text file's bytes and reading the text.

Every file format ends here: the Word and PDF readers turn their files into text and hand it to
``parse_text``, so kinds, numbers and metadata follow the same rules whatever the format.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from prstdiff.errors import InputError
from prstdiff.limits import LIMITS
from prstdiff.model import Document, Paragraph, Source
from prstdiff.parse.files import sha256_hex
from prstdiff.parse.metadata import (
    document_kind,
    find_citations,
    find_date,
    find_item,
    find_meeting,
    find_symbol,
)
from prstdiff.parse.text import (
    classify_paragraphs,
    detect_layout,
    is_misspelt_adopted_by,
    read_body,
    remove_furniture,
    split_head,
)

__all__ = ["decode_text", "parse_text"]

# Control characters that never occur in text files (tab, line feed, form feed and carriage
# return do); a file holding them is binary, whatever its name.
_BINARY_CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_LINE_BREAKS = re.compile(r"\r\n?|[\f\v\x1c-\x1e\x85\u2028\u2029]")
# Characters that print as nothing yet hide a word from every pattern (``Secu\u00adrity``): a
# soft hyphen inside a line (one that ends a line marks a word broken there, which the readers
# join), zero-width space, non-joiner and joiner, word joiner, and a byte-order mark inside the
# text. They are removed, with a warning.
_INVISIBLE = re.compile("\u00ad(?![ \t]*\n)|[\u200b-\u200d\u2060\ufeff]")
_INVISIBLE_NAMES = {
    "\u00ad": "soft hyphen",
    "\u200b": "zero-width space",
    "\u200c": "zero-width non-joiner",
    "\u200d": "zero-width joiner",
    "\u2060": "word joiner",
    "\ufeff": "zero-width no-break space (byte-order mark)",
}


@cache
def _title_res() -> re.Pattern[str]:
    return re.compile(r"^\s*(?:Resolution|RESOLUTION)\s+\d{1,4}\b.*$", re.MULTILINE)


_TITLE_STATEMENT = re.compile(
    r"^\s*Statement by the President of the Security Council\s*$", re.MULTILINE | re.IGNORECASE
)
_STATEMENT_TITLE = "Statement by the President of the Security Council"


def decode_text(data: bytes, path: str | Path) -> str:
    """Decode a text file's bytes, or raise ``InputError`` for binary or undecodable bytes."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        # UTF-32 with its byte-order mark; checked first, as its little-endian mark begins
        # with UTF-16's.
        try:
            return data.decode("utf-32")
        except UnicodeDecodeError:
            raise InputError("cannot decode: invalid UTF-32", path) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with its byte-order mark, as Windows' Notepad saves "Unicode" text.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("cannot decode: invalid UTF-16", path) from None
    if b"\x00" in data or _BINARY_CONTROLS.search(data[:65536]):
        raise InputError("not a text file (binary content)", path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError(
            f"cannot decode: not UTF-8 (invalid byte at offset {utf8_error.start})", path
        ) from None
    letters = sum(character.isalpha() or character.isspace() for character in text)
    if letters < 0.8 * len(text):
        raise InputError(
            f"cannot decode: not UTF-8 (invalid byte at offset {utf8_error.start})", path
        )
    return text


def parse_text(
    text: str, *, path: str = "<text>", format: str = "text", sha256: str | None = None
) -> Document:
    """Parse the text of a UN document into a ``Document``; ``InputError`` if it has no paragraphs.

    >>> doc = parse_text("The Security Council,\\n\\nRecalling its resolutions,\\n\\n"
    ...                  "1. Decides to remain seized of the matter.\\n")
    >>> [(p.kind.value, p.number) for p in doc.paragraphs]
    [('introductory', None), ('preambular', None), ('operative', '1')]
    """
    normalised = _LINE_BREAKS.sub(lambda match: "\n\n" if match[0] == "\f" else "\n", text)
    warnings: list[str] = []
    invisible = _INVISIBLE.findall(normalised)
    if invisible:
        normalised = _INVISIBLE.sub("", normalised)
        counts = ", ".join(
            f"{name} ({invisible.count(character)})"
            for character, name in _INVISIBLE_NAMES.items()
            if character in invisible
        )
        warnings.append(f"removed invisible characters from the text: {counts}")
    lines = normalised.split("\n")
    body_start = split_head(lines)
    head_text = "\n".join(lines[:body_start])
    # Only the heading names the document; a symbol further down is a citation.
    symbol = find_symbol(head_text)
    kind = document_kind(symbol, head_text)
    body = remove_furniture(lines[body_start:], symbol)
    layout = detect_layout(body)
    adopted_by = _adopted_by(head_text)
    if adopted_by is not None and not adopted_by.startswith("Adopted by the Security"):
        warnings.append(f"read a misspelt adoption line as one: {' '.join(adopted_by.split())!r}")
    reading = read_body(body, layout, kind, symbol, adopted_in_head=adopted_by is not None)
    warnings.extend(reading.warnings)
    paragraphs = classify_paragraphs(reading.paragraphs, kind)
    if not paragraphs:
        raise InputError("no paragraphs found (is this a UN document's text?)", path)
    _check_limits(paragraphs, path)
    first_text = paragraphs[0].text
    introduction = first_text if paragraphs[0].kind == "introductory" else ""
    adoption = _adoption_part(head_text)
    # The adoption text decides; the rest of the head (distribution date, or the end of another
    # document printed above a yearly-volume heading) only when it is silent.
    date = find_date(adoption, introduction, head_text, reading.vote or "")
    meeting = find_meeting(reading.vote or "", adoption, introduction, head_text)
    body_text = " ".join(paragraph.text for paragraph in paragraphs)
    return Document(
        symbol=symbol,
        kind=kind,
        date=date,
        meeting=meeting,
        item=find_item(first_text) or find_item(body_text),
        title=_title(head_text, symbol),
        vote=reading.vote or _adoption_line(head_text),
        citations=find_citations(body_text, symbol),
        paragraphs=paragraphs,
        source=Source(
            path=path,
            format=format,
            layout=layout.value,
            sha256=sha256 or sha256_hex(text.encode("utf-8")),
            warnings=tuple(warnings),
        ),
    )


def _check_limits(paragraphs: Sequence[Paragraph], path: str) -> None:
    """Refuse a document past the documented limits, which no real document comes near."""
    if len(paragraphs) > LIMITS.max_paragraphs:
        raise InputError(
            f"too many paragraphs: {len(paragraphs):,} (the limit is {LIMITS.max_paragraphs:,})",
            path,
        )
    for paragraph in paragraphs:
        words = paragraph.text.count(" ") + 1
        if words > LIMITS.max_paragraph_words:
            raise InputError(
                f"paragraph {paragraph.index + 1} is too long: {words:,} words "
                f"(the limit is {LIMITS.max_paragraph_words:,}; are its paragraph breaks lost?)",
                path,
            )


# ``Adopted by the Security Council at its 5868th meeting,`` and the next line when it holds the
# date (``on 16 April 2008``).
_ADOPTED_BY = re.compile(r"Adopted by the Security\b[^\n]*(?:\n[^\n]*\b\d{4}\b[^\n]*)?")
_RESOLUTION_OF = re.compile(r"(?:Resolution|RESOLUTION)\b[^\n]*(?:\n\s*(?:[Oo]f\b)?[^\n]*)?")


def _adopted_by(head: str) -> str | None:
    """The heading's ``Adopted by the Security Council ...`` line (and its date line), if any."""
    adopted = _ADOPTED_BY.search(head)
    if adopted:
        return adopted[0]
    lines = head.split("\n")
    for index, line in enumerate(lines):
        if is_misspelt_adopted_by(line.strip()):
            following = lines[index + 1] if index + 1 < len(lines) else ""
            return f"{line}\n{following}" if re.search(r"\b\d{4}\b", following) else line
    return None


def _adoption_part(head: str) -> str:
    """The part of the head that dates the adoption (not the distribution)."""
    adopted = _adopted_by(head)
    if adopted:
        return adopted
    resolution_of = _RESOLUTION_OF.search(head)
    return resolution_of[0] if resolution_of else ""


def _adoption_line(head: str) -> str | None:
    adopted = _adopted_by(head)
    return " ".join(adopted.split()) if adopted else None


def _title(head: str, symbol: str | None) -> str | None:
    if _TITLE_STATEMENT.search(head):
        # The 1990s print it in capitals; the title is the same words.
        return _STATEMENT_TITLE
    resolution = _title_res().search(head)
    if resolution and re.search(r"\(\d{4}\)", resolution[0]):
        return " ".join(resolution[0].split())
    if symbol and symbol.startswith("S/RES/"):
        # The yearly volumes head a resolution ``186 (1964). Resolution of 4 March 1964``.
        return f"Resolution {symbol.removeprefix('S/RES/')}"
    return None
