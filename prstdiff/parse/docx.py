"""Word drafts (.docx): paragraphs and Word's automatic numbering, handed to the text reader.

A Word draft already knows its paragraphs, so the reader writes them out in the
one-paragraph-per-line layout (a blank line between paragraphs) with each automatic number
printed as Word would print it (``1.``, ``(a)``), and lets :func:`prstdiff.parse.parse_text`
apply the same rules for kinds, numbers and metadata as for every other format.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from prstdiff.errors import InputError
from prstdiff.limits import LIMITS
from prstdiff.model import Document
from prstdiff.parse.files import read_document_bytes
from prstdiff.parse.reader import parse_text

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Start of a Word 97-2003 ``.doc`` (and other OLE2 files), to name that problem precisely."""

_SKIPPED_CONTAINERS = frozenset(
    {
        qn("w:del"),  # deleted text of tracked changes: not in the draft as it reads now
        qn("w:moveFrom"),  # the old place of moved text; the text appears at w:moveTo
        qn("w:txbxContent"),  # floating text boxes sit outside the flow of paragraphs
    }
)

_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True, slots=True)
class _Level:
    """How one level of a Word list prints its number."""

    start: int
    """The first value of the level."""
    format: str
    """Word's ``w:numFmt``: ``decimal``, ``lowerLetter``, ``lowerRoman``, ``bullet`` ..."""
    text: str
    """Word's ``w:lvlText`` pattern: ``%1.``, ``(%2)``."""
    legal: bool
    """``w:isLgl``: higher levels print as decimal numbers inside this level's text."""
    restart_after: int | None
    """``w:lvlRestart``: restart after an item of a level up to this one (1-based); 0 never;
    None (the default) after an item of any higher level."""


@dataclass(slots=True)
class _Numbering:
    """Word's numbering definitions and the running counters of its lists, in document order.

    Not frozen: one instance lives for one reading of one document and counts as it goes.
    """

    abstract_of: dict[str, str] = field(default_factory=dict)
    """numId -> abstractNumId, list-style links (``w:numStyleLink``) followed."""
    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)
    """abstractNumId -> level -> definition."""
    overrides: dict[str, dict[int, int]] = field(default_factory=dict)
    """numId -> level -> start value that restarts the list (``w:startOverride``)."""
    level_overrides: dict[str, dict[int, _Level]] = field(default_factory=dict)
    """numId -> level -> a level definition replacing the abstract one (``w:lvlOverride/w:lvl``)."""
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    """list instance -> level -> current value."""

    def level(self, num_id: str, ilvl: int) -> _Level | None:
        """The definition of a level of a numbering instance, overrides applied."""
        override = self.level_overrides.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        abstract = self.abstract_of.get(num_id)
        return None if abstract is None else self.levels.get(abstract, {}).get(ilvl)

    def instance(self, num_id: str) -> str:
        """The list a numbering instance counts in.

        Word continues one list across numbering instances of the same abstract definition; an
        instance that restarts a level (``w:startOverride``) counts on its own.
        """
        if num_id in self.overrides or num_id in self.level_overrides:
            return f"num:{num_id}"
        return f"abstract:{self.abstract_of.get(num_id, num_id)}"

    def advance(self, num_id: str, ilvl: int) -> str | None:
        """Count one more paragraph at a level and return its printed number (None if none)."""
        level = self.level(num_id, ilvl)
        if level is None:
            return None
        key = self.instance(num_id)
        counters = self.counters.setdefault(key, {})
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = self.overrides.get(num_id, {}).get(ilvl, level.start)
        for deeper in [lvl for lvl in counters if lvl > ilvl]:
            definition = self.level(num_id, deeper)
            restart_after = deeper if definition is None else definition.restart_after
            if restart_after is None or ilvl < restart_after:
                del counters[deeper]  # a new item restarts the levels below it
        if level.format in ("bullet", "none"):
            return None

        def value(match: re.Match[str]) -> str:
            referenced = int(match.group(1)) - 1
            definition = level if referenced == ilvl else self.level(num_id, referenced)
            if definition is None:
                return ""
            current = counters.get(referenced, definition.start)
            fmt = "decimal" if level.legal and referenced < ilvl else definition.format
            return format_number(current, fmt)

        printed = _PLACEHOLDER.sub(value, level.text).strip()
        return printed or None


def format_number(value: int, fmt: str) -> str:
    """Print a list counter the way Word's ``w:numFmt`` does: ``3`` -> ``c``, ``iii``, ``03``.

    >>> [format_number(n, "lowerLetter") for n in (1, 26, 27, 28)]
    ['a', 'z', 'aa', 'bb']
    >>> format_number(14, "upperRoman")
    'XIV'
    """
    if fmt in ("lowerLetter", "upperLetter"):
        # Word repeats the letter after z: aa, bb, cc ... rather than counting in base 26.
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1) if value > 0 else ""
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)  # decimal, and the decimal rendering of formats we do not spell out


def _roman(value: int) -> str:
    numerals = (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    )
    out = []
    for amount, numeral in numerals:
        count, value = divmod(value, amount)
        out.append(numeral * count)
    return "".join(out)


def read_docx(path: str | Path) -> Document:
    """Read a Word draft (.docx) into a Document, automatic paragraph numbers included."""
    data = read_document_bytes(path)
    package = _open(data, path)
    text = _body_text(package, path)
    digest = hashlib.sha256(data).hexdigest()
    document = parse_text(text, path=str(path), format="docx", sha256=digest)
    if package.masthead:
        # Some Word files keep the masthead (symbol, ``Distr.: General``, date) in the first
        # page's header. Read it for the metadata only: kept when it names the document and
        # leaves every paragraph as it was, so header text never becomes a paragraph.
        masthead = "\n\n".join(package.masthead)
        try:
            with_masthead = parse_text(
                f"{masthead}\n\n{text}", path=str(path), format="docx", sha256=digest
            )
        except InputError:
            return document  # the header confused the reader; the body alone reads fine
        if with_masthead.symbol is not None and with_masthead.paragraphs == document.paragraphs:
            return with_masthead
    return document


def docx_text(data: bytes, *, path: str | Path = "<docx>") -> str:
    """The paragraphs of a .docx as one-paragraph-per-line text, automatic numbers printed."""
    return _body_text(_open(data, path), path)


@dataclass(frozen=True, slots=True)
class _Package:
    """What the reader takes from a .docx package."""

    body: Any
    """The ``w:body`` element."""
    numbering: _Numbering
    """The numbering definitions, ready to count."""
    styles: dict[str, Any]
    """Paragraph and numbering styles by style id."""
    masthead: tuple[str, ...]
    """The lines of the first page's header (empty when it has none)."""


def _body_text(package: _Package, path: str | Path) -> str:
    lines = list(_paragraph_lines(package.body, package.numbering, package.styles))
    if not lines:
        raise InputError("Word document has no text in its body", path)
    return "\n\n".join(lines) + "\n"


def _open(data: bytes, path: str | Path) -> _Package:
    if data.startswith(_OLE2_MAGIC):
        raise InputError("a Word 97-2003 .doc file, not .docx: save it as .docx first", path)
    try:
        _check_unpacked_size(data, path)
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        styles = {
            style.get(qn("w:styleId")): style
            for style in document.styles.element.findall(qn("w:style"))
        }
        numbering = _read_numbering(document, styles)
        masthead = _masthead(document, styles)
    except (zipfile.BadZipFile, PackageNotFoundError):
        raise InputError("not a Word .docx file (not a zip package)", path) from None
    except _NumberingError as error:
        raise InputError(str(error), path) from None
    except KeyError as error:
        # zipfile names the missing member: "There is no item named 'word/document.xml' ..."
        raise InputError(
            f"broken .docx package: {error.args[0] if error.args else error}", path
        ) from None
    except ValueError as error:
        if "not a Word file" in str(error):
            raise InputError("not a Word document (an Office file of another kind)", path) from None
        raise InputError(f"broken .docx package: {error}", path) from None
    except SyntaxError as error:  # lxml's XMLSyntaxError is a SyntaxError
        raise InputError(f"broken .docx package: malformed XML ({error})", path) from None
    except (zlib.error, EOFError, NotImplementedError) as error:
        raise InputError(f"broken .docx package: {error}", path) from None
    return _Package(body, numbering, styles, masthead)


def _masthead(document: Any, styles: dict[str, Any]) -> tuple[str, ...]:
    if not document.sections:
        return ()
    section = document.sections[0]
    header = (
        section.first_page_header if section.different_first_page_header_footer else section.header
    )
    if header.is_linked_to_previous:
        return ()  # the first section has no header of its own
    return tuple(_paragraph_lines(header._element, _Numbering(), styles))


def _read_numbering(document: Any, styles: dict[str, Any]) -> _Numbering:
    numbering = _Numbering()
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return numbering  # a document without lists
    style_links: dict[str, str] = {}
    for abstract in root.findall(qn("w:abstractNum")):
        abstract_id = abstract.get(qn("w:abstractNumId"))
        numbering.levels[abstract_id] = {
            _int(lvl.get(qn("w:ilvl")), 0): _read_level(lvl)
            for lvl in abstract.findall(qn("w:lvl"))
        }
        link = abstract.find(qn("w:numStyleLink"))
        if link is not None and link.get(qn("w:val")):
            style_links[abstract_id] = link.get(qn("w:val"))
    for num in root.findall(qn("w:num")):
        num_id = num.get(qn("w:numId"))
        abstract_ref = num.find(qn("w:abstractNumId"))
        if abstract_ref is not None:
            numbering.abstract_of[num_id] = abstract_ref.get(qn("w:val"))
        for override in num.findall(qn("w:lvlOverride")):
            ilvl = _int(override.get(qn("w:ilvl")), 0)
            start = override.find(qn("w:startOverride"))
            if start is not None:
                numbering.overrides.setdefault(num_id, {})[ilvl] = _start(start.get(qn("w:val")))
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                numbering.level_overrides.setdefault(num_id, {})[ilvl] = _read_level(lvl)
    # A list style (``w:numStyleLink``) keeps its levels in the abstract list that the style's
    # own numbering instance points to; lists using the style count in that list.
    for num_id, abstract_id in list(numbering.abstract_of.items()):
        seen = {abstract_id}
        while abstract_id in style_links:
            style = styles.get(style_links[abstract_id])
            num_pr = None if style is None else style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
            linked_num = None if num_pr is None else _num_pr(num_pr)[0]
            target = numbering.abstract_of.get(linked_num or "")
            if target is None or target in seen:
                break
            seen.add(target)
            abstract_id = target
        numbering.abstract_of[num_id] = abstract_id
    return numbering


def _check_unpacked_size(data: bytes, path: str | Path) -> None:
    """Refuse a package whose XML would unzip past the limit (a zip bomb), before it unzips."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(
            member.file_size
            for member in package.infolist()
            if member.filename.endswith((".xml", ".rels"))
        )
    if unpacked > LIMITS.max_docx_xml_bytes:
        raise InputError(
            f"Word package's XML unpacks to {unpacked / (1024 * 1024):,.0f} MB "
            f"(the limit is {LIMITS.max_docx_xml_bytes // (1024 * 1024)} MB)",
            path,
        )


class _NumberingError(Exception):
    """A list start value past the limit, raised where the file's name is not known."""


def _start(value: str | None) -> int:
    """A list's start value; past ``Limits.max_list_start`` the file is refused."""
    start = _int(value, 1)
    if abs(start) > LIMITS.max_list_start:
        raise _NumberingError(
            f"Word list numbering starts at {start:,} (the limit is {LIMITS.max_list_start:,})"
        )
    return start


def _int(value: str | None, default: int) -> int:
    """A number attribute of the XML; Word falls back to the default for a malformed one."""
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _read_level(lvl: Any) -> _Level:
    def val(tag: str, default: str) -> str:
        element = lvl.find(qn(tag))
        if element is None:
            return default
        return str(element.get(qn("w:val"), default))

    legal = lvl.find(qn("w:isLgl"))
    restart = lvl.find(qn("w:lvlRestart"))
    return _Level(
        start=_start(val("w:start", "1")),
        format=val("w:numFmt", "decimal"),
        text=val("w:lvlText", ""),
        legal=legal is not None and legal.get(qn("w:val"), "true") not in ("0", "false"),
        restart_after=None if restart is None else _int(restart.get(qn("w:val")), 0),
    )


def _paragraph_lines(body: Any, numbering: _Numbering, styles: dict[str, Any]) -> Iterator[str]:
    default_style = next(
        (
            style_id
            for style_id, style in styles.items()
            if style.get(qn("w:type")) == "paragraph"
            and style.get(qn("w:default")) in ("1", "true")
        ),
        None,
    )
    # Paragraphs of tables and content controls count too, in document order; the first page's
    # header block of a UN document is often a table.
    for paragraph in body.iter(qn("w:p")):
        if _inside_skipped(paragraph, body):
            continue
        text = " ".join(_paragraph_text(paragraph).split())
        num_id, ilvl = _numbering_of(paragraph, styles, default_style)
        number = None
        if num_id is not None and num_id != "0":
            # Word counts an empty numbered paragraph too (it prints a lone number), so the
            # count advances before empty paragraphs are left out.
            number = numbering.advance(num_id, ilvl)
        if not text:
            continue
        yield f"{number} {text}" if number else text


def _inside_skipped(element: Any, body: Any) -> bool:
    parent = element.getparent()
    while parent is not None and parent is not body:
        if parent.tag in _SKIPPED_CONTAINERS:
            return True
        parent = parent.getparent()
    return False


def _paragraph_text(paragraph: Any) -> str:
    """The text of a paragraph as it reads with tracked changes accepted."""
    parts: list[str] = []
    for element in paragraph.iter(
        qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr"), qn("w:noBreakHyphen")
    ):
        if _inside_skipped(element, paragraph) or _hidden(element.getparent()):
            continue
        if element.tag == qn("w:t"):
            parts.append(element.text or "")
        elif element.tag == qn("w:noBreakHyphen"):
            parts.append("-")
        elif element.tag == qn("w:tab") and element.getparent().tag == qn("w:tabs"):
            continue  # a tab stop definition in the paragraph properties, not a tab character
        else:
            parts.append(" ")
    return "".join(parts)


def _hidden(run: Any) -> bool:
    """True for a run formatted as hidden text (``w:vanish``): Word neither shows nor prints it."""
    vanish = run.find(f"{qn('w:rPr')}/{qn('w:vanish')}")
    return vanish is not None and vanish.get(qn("w:val"), "true") not in ("0", "false", "off")


def _numbering_of(
    paragraph: Any, styles: dict[str, Any], default_style: str | None
) -> tuple[str | None, int]:
    """The numbering instance and level of a paragraph: its own, else its style's (inherited)."""
    num_id: str | None = None
    ilvl: int | None = None
    own = paragraph.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
    if own is not None:
        num_id, ilvl = _num_pr(own)
    style_ref = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style_id = style_ref.get(qn("w:val")) if style_ref is not None else default_style
    seen: set[str] = set()
    while style_id is not None and style_id not in seen and (num_id is None or ilvl is None):
        seen.add(style_id)
        style = styles.get(style_id)
        if style is None:
            break
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            style_num, style_lvl = _num_pr(num_pr)
            num_id = num_id if num_id is not None else style_num
            ilvl = ilvl if ilvl is not None else style_lvl
        based_on = style.find(qn("w:basedOn"))
        style_id = based_on.get(qn("w:val")) if based_on is not None else None
    return num_id, ilvl or 0


def _num_pr(num_pr: Any) -> tuple[str | None, int | None]:
    num = num_pr.find(qn("w:numId"))
    lvl = num_pr.find(qn("w:ilvl"))
    return (
        None if num is None else num.get(qn("w:val")),
        None if lvl is None else _int(lvl.get(qn("w:val")), 0),
    )
