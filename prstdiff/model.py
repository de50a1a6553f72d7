"""Domain values: documents, paragraphs, and the comparison of two documents.

Everything here is a frozen value. Nothing here reads files or formats output: readers live in
``prstdiff.parse``, renderers in ``prstdiff.render``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from prstdiff.options import CompareOptions


class DocumentKind(StrEnum):
    """What a document is, as the Council's document series tells it."""

    PRESIDENTIAL_STATEMENT = "presidential statement"
    RESOLUTION = "resolution"
    DRAFT = "draft"
    OTHER = "other"


class ParagraphKind(StrEnum):
    """The role of a paragraph inside its document."""

    INTRODUCTORY = "introductory"
    """The framing text before the Council speaks (``At the 5776th meeting ...``)."""
    STATEMENT = "statement"
    """A paragraph of a presidential statement (``The Security Council ...``)."""
    PREAMBULAR = "preambular"
    """A resolution's unnumbered considerations (``Recalling ...``, ``Reaffirming ...``)."""
    OPERATIVE = "operative"
    """A resolution's numbered decisions (``1. Decides ...``)."""
    SUBPARAGRAPH = "sub-paragraph"
    """A lettered or roman-numbered part of an operative paragraph (``(a) ...``)."""
    CLOSING = "closing"
    """Text after the Council's words, such as an annex heading or a signature."""


class CitationKind(StrEnum):
    """The kind of document a citation points to."""

    RESOLUTION = "resolution"
    PRESIDENTIAL_STATEMENT = "presidential statement"
    GENERAL_ASSEMBLY_RESOLUTION = "general assembly resolution"
    DOCUMENT = "document"
    """A report, letter or other ``S/<year>/<n>`` document."""


class Status(StrEnum):
    """What happened to a paragraph's language between two documents."""

    REUSED = "reused"
    ALTERED = "altered"
    NEW = "new"
    DROPPED = "dropped"


class Op(StrEnum):
    """A word operation that turns the old text into the new one."""

    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"
    ARTEFACT = "artefact"
    """Old and new forms differ only by text extraction (``advers e`` / ``adverse``,
    ``SecretaryGeneral`` / ``Secretary-General``): shown as unchanged, in the new form."""


@dataclass(frozen=True, slots=True)
class Citation:
    """A document cited in the text, normalised to its symbol."""

    symbol: str
    """Normalised symbol: ``S/RES/1631 (2005)``, ``S/PRST/2007/7``, ``A/RES/60/180``."""
    kind: CitationKind
    """What the cited document is."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document was read from and how."""

    path: str
    """The file as the user named it."""
    format: str
    """The file format: ``text``, ``pdf`` or ``docx``."""
    layout: str
    """The layout recognised: ``one-paragraph-per-line``, ``wrapped`` or ``yearly-volume``."""
    sha256: str
    """Digest of the file's bytes, so caches and indexes can tell when it changed."""
    warnings: tuple[str, ...] = ()
    """What the reader mended or had to guess (invisible characters removed, a misspelt adoption
    line read as one), one sentence each; ``inspect`` shows them."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph exactly as a UN drafter sees it."""

    index: int
    """Zero-based position in ``Document.paragraphs``."""
    kind: ParagraphKind
    """The paragraph's role in the document."""
    number: str | None
    """The printed number where it has one: ``3``, ``3 (a)``; None for unnumbered paragraphs."""
    text: str
    """Display text: the document's wording with page furniture removed, numbering not included."""


_BLANK_LINES = re.compile(r"\n[ \t\f\v]*\n\s*")


@dataclass(frozen=True, slots=True, repr=False)
class Document:
    """A parsed UN document: its metadata and its paragraphs.

    Readers build documents from files (``prstdiff.load``) or from a UN document's text
    (``prstdiff.parse_text``); ``from_paragraphs`` and ``from_text`` build one from plain text
    with every piece of metadata defaulted:

    >>> doc = Document.from_paragraphs(["Recalling its resolutions,", "Decides to remain seized."])
    >>> doc
    <Document 'document' (draft), 2 paragraphs>
    >>> doc.paragraphs[1].kind, doc.paragraphs[1].text
    (<ParagraphKind.OPERATIVE: 'operative'>, 'Decides to remain seized.')
    >>> drafted = Document.from_text("First paragraph,\\nstill the first.\\n\\nSecond.")
    >>> [p.text for p in drafted.paragraphs]
    ['First paragraph, still the first.', 'Second.']
    """

    symbol: str | None
    """``S/PRST/2007/42`` or ``S/RES/1809 (2008)``; None when the text does not say."""
    kind: DocumentKind
    """Presidential statement, resolution, draft or other."""
    date: dt.date | None
    """Date of adoption (or distribution when that is all the text gives)."""
    meeting: int | None
    """The Council meeting number (``5776``)."""
    item: str | None
    """Title of the agenda item, as printed."""
    title: str | None
    """Document title (``Statement by the President of the Security Council``)."""
    vote: str | None
    """The adoption line or vote where printed (``Adopted unanimously at the 1102nd meeting.``)."""
    citations: tuple[Citation, ...]
    """Every document the text cites, in order of first mention, without repeats."""
    paragraphs: tuple[Paragraph, ...]
    """The paragraphs in document order; ``paragraphs[i].index == i``."""
    source: Source | None = None
    """Where the document came from; None for documents built in memory."""

    @property
    def name(self) -> str:
        """A short human name: the symbol, else the file name, else ``document``."""
        if self.symbol:
            return self.symbol
        if self.source is not None:
            return self.source.path.replace("\\", "/").rsplit("/", 1)[-1]
        return "document"

    def __repr__(self) -> str:
        # One line: the default repr prints every paragraph (tens of kilobytes).
        described = self.kind.value if self.date is None else f"{self.kind.value} of {self.date}"
        count = len(self.paragraphs)
        return f"<Document {self.name!r} ({described}), {count} paragraph{'s' * (count != 1)}>"

    @classmethod
    def from_paragraphs(
        cls,
        paragraphs: Iterable[str | Paragraph],
        *,
        symbol: str | None = None,
        kind: DocumentKind = DocumentKind.DRAFT,
        date: dt.date | None = None,
        meeting: int | None = None,
        item: str | None = None,
        title: str | None = None,
        vote: str | None = None,
        citations: Iterable[Citation] = (),
        source: Source | None = None,
    ) -> Document:
        """A document of these paragraphs, in order: texts become unnumbered operative paragraphs.

        ``Paragraph`` values are kept as they are, re-indexed to their place. No reader rule is
        applied: the texts are the paragraphs' display texts.
        """
        built = []
        for index, paragraph in enumerate(paragraphs):
            if isinstance(paragraph, Paragraph):
                built.append(Paragraph(index, paragraph.kind, paragraph.number, paragraph.text))
            else:
                built.append(Paragraph(index, ParagraphKind.OPERATIVE, None, paragraph.strip()))
        return cls(
            symbol=symbol,
            kind=kind,
            date=date,
            meeting=meeting,
            item=item,
            title=title,
            vote=vote,
            citations=tuple(citations),
            paragraphs=tuple(built),
            source=source,
        )

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        symbol: str | None = None,
        kind: DocumentKind = DocumentKind.DRAFT,
        date: dt.date | None = None,
    ) -> Document:
        """A document whose paragraphs are the blocks of ``text`` between blank lines.

        Lines inside a block are joined with a space. This is for plain text such as a draft
        typed or pasted by hand; the text of a UN document (page furniture, wrapped lines,
        printed numbers, metadata) is read by ``prstdiff.parse_text``.
        """
        blocks = (" ".join(block.split()) for block in _BLANK_LINES.split(text))
        return cls.from_paragraphs(
            (block for block in blocks if block), symbol=symbol, kind=kind, date=date
        )


@dataclass(frozen=True, slots=True)
class WordOp:
    """One word operation of a word diff."""

    op: Op
    """Equal, insert or delete."""
    text: str
    """The words concerned, with the spacing that joins them to their neighbours (for
    ``Op.ARTEFACT``, the new text's form)."""
    old_text: str | None = None
    """For ``Op.ARTEFACT`` only: the old text's form of the same words; None otherwise."""


@dataclass(frozen=True, slots=True)
class Phrase:
    """A run of words inside a paragraph that also stands in a paragraph of the other document."""

    text: str
    """The shared words, as they read in this paragraph."""
    start: int
    """Word offset of the phrase in this paragraph's text (zero-based)."""
    words: int
    """Length of the phrase in words."""
    other: int
    """Index of the paragraph of the other document that holds the same words."""


class NotableKind(StrEnum):
    """What a notable edit changes, as an analyst of Council language names it."""

    FORMULA = "formula"
    """The leading verb or formula (``Encourages`` -> ``Urges``)."""
    QUALIFIER = "qualifier"
    """An intensifier or softener added or removed (``strongly``, ``as appropriate``)."""
    NEGATION = "negation"
    """``not``, ``no``, ``non-``, ``neither`` added or removed."""
    DATE = "date"
    """A date or deadline (``31 July 2021`` -> ``31 January 2022``, ``within 90 days``)."""
    NUMBER = "number"
    """A figure: a troop ceiling, a percentage, a count."""
    CITATION = "citation"
    """A cited resolution, statement or report added or removed."""
    CHARTER = "charter"
    """A Chapter or Article of the Charter added, removed or changed."""


class Direction(StrEnum):
    """Whether an edit makes the Council's language stronger or weaker."""

    STRONGER = "stronger"
    WEAKER = "weaker"


@dataclass(frozen=True, slots=True)
class NotableEdit:
    """One edit of an altered pair that an analyst of Council language looks for."""

    kind: NotableKind
    """What the edit changes."""
    old: str | None
    """The old wording (``31 July 2021``, ``Encourages``); None when the edit adds something."""
    new: str | None
    """The new wording; None when the edit removes something."""
    direction: Direction | None = None
    """Stronger or weaker for formulas and qualifiers whose scale says so; None otherwise."""
    old_date: str | None = None
    """For dates: the old date in ISO 8601 (``2021-07-31``, ``2021-07`` without a day)."""
    new_date: str | None = None
    """For dates: the new date in ISO 8601."""
    ops: tuple[int, int] | None = None
    """Where the edit sits: the half-open range ``(start, stop)`` of indices into the pair's
    word operations that hold its changed words; None when it cannot be placed."""


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned unit: old paragraphs, new paragraphs, and what became of the language."""

    status: Status
    """Reused, altered, new or dropped."""
    old: tuple[int, ...]
    """Indices of the old document's paragraphs (empty for new language)."""
    new: tuple[int, ...]
    """Indices of the new document's paragraphs (empty for dropped language)."""
    similarity: float | None
    """Word-level similarity of the matched texts in [0, 1]; None for new and dropped."""
    moved: bool = False
    """Matched, but out of document order."""
    split: bool = False
    """One old paragraph became several new ones."""
    merged: bool = False
    """Several old paragraphs became one new one."""
    ops: tuple[WordOp, ...] = ()
    """Word operations turning the old text into the new text (joined texts where several)."""
    phrases: tuple[Phrase, ...] = ()
    """For new paragraphs: long runs of words they share with paragraphs of the old document."""
    notable: tuple[NotableEdit, ...] = ()
    """For altered pairs: the edits that matter (formula, qualifier, date, ...), in text order."""

    def old_text(self, comparison: Comparison) -> str:
        """The old side's text: its paragraphs joined by line breaks; empty for new language."""
        return "\n".join(comparison.old.paragraphs[index].text for index in self.old)

    def new_text(self, comparison: Comparison) -> str:
        """The new side's text: its paragraphs joined by line breaks; empty for dropped language."""
        return "\n".join(comparison.new.paragraphs[index].text for index in self.new)


@dataclass(frozen=True, slots=True)
class Stats:
    """Counts of paragraphs and words by status."""

    reused: int
    """Pairs whose language is reused."""
    altered: int
    """Pairs whose language is altered."""
    new: int
    """Pairs of new language."""
    dropped: int
    """Pairs of dropped language."""
    moved: int
    """Matched pairs that moved."""
    split: int
    """Pairs where one old paragraph became several."""
    merged: int
    """Pairs where several old paragraphs became one."""
    new_words: int
    """Words in the new document."""
    old_words: int
    """Words in the old document."""
    words_reused: int
    """Words of the new document in reused paragraphs."""
    words_altered: int
    """Words of the new document in altered paragraphs."""
    words_new: int
    """Words of the new document in new paragraphs."""
    words_dropped: int
    """Words of the old document in dropped paragraphs."""

    @property
    def share_reused(self) -> float:
        """Share of the new document's words in reused paragraphs."""
        return self.words_reused / self.new_words if self.new_words else 0.0

    @property
    def share_altered(self) -> float:
        """Share of the new document's words in altered paragraphs."""
        return self.words_altered / self.new_words if self.new_words else 0.0

    @property
    def share_new(self) -> float:
        """Share of the new document's words in new paragraphs."""
        return self.words_new / self.new_words if self.new_words else 0.0


@dataclass(frozen=True, slots=True, repr=False)
class Comparison:
    """The comparison of an old and a new document: every paragraph of both in exactly one pair."""

    old: Document
    """The earlier text."""
    new: Document
    """The later text."""
    pairs: tuple[Pair, ...]
    """Pairs in the new document's order, dropped paragraphs where they stood in the old."""
    stats: Stats
    """Counts by status."""
    options: CompareOptions = field(default_factory=CompareOptions)
    """The options the comparison ran with (thresholds, weights)."""

    @property
    def identical(self) -> bool:
        """True when the documents carry the same language in the same paragraphs and order."""
        # A split, merge or move keeps the words but changes what a drafter negotiates over.
        return all(
            p.status is Status.REUSED and not (p.moved or p.split or p.merged) for p in self.pairs
        )

    def __repr__(self) -> str:
        # One line: the default repr prints both documents and every word operation.
        counts = ", ".join(
            f"{getattr(self.stats, status.value)} {status.value}" for status in Status
        )
        return f"<Comparison {self.old.name!r} -> {self.new.name!r}: {counts}>"
