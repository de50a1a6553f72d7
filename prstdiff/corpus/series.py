"""Series: the documents of one agenda item (or one subject) in date order.

A document's *subject* is its agenda item where the text prints one (presidential statements:
``in connection with the Council's consideration of the item entitled "..."``). Resolutions, and the
yearly volumes in particular, print no agenda item; their subject is derived from the opening of the
preamble: the first ``CorpusOptions.subject_paragraphs`` paragraphs after ``The Security Council,``,
where a resolution names the country, conflict or mission it concerns (``... the United Nations
operation in Cyprus``). ``--match`` is a case-insensitive text matched against that subject, with
hyphens and punctuation folded, so ``peacekeeping force`` also finds ``Peace-keeping Force``.

``follow_series`` chooses a series by its language instead (``prstdiff series --from DOC``). The
index knows each paragraph's closest earlier source (its lineage), so it knows how much of a
document's language comes from each earlier document. From the starting document the series
steps back to the earlier document that carries the most of its language, and forward to the
later document that carries the most of its language on, as long as a step carries at least
``CorpusOptions.series_link_share``; then the documents in between that take at least
``series_fill_share`` of their language from the series join it. Where the language runs out the
series stops and says so; a step much longer than the series' usual one is named as a gap.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from prstdiff.compare import compare
from prstdiff.corpus.index import CorpusIndex, IndexedDocument, file_digest
from prstdiff.corpus.options import CorpusOptions
from prstdiff.errors import SelectionError
from prstdiff.folding import fold_subject
from prstdiff.model import Comparison, Document, ParagraphKind, Status
from prstdiff.normalize import key_words
from prstdiff.options import CompareOptions
from prstdiff.parse.metadata import MONTH_NUMBERS

_RESOLUTION = re.compile(
    r"^(?:S\s*[/_]\s*RES\s*[/_]\s*)?(\d{1,5})\s*(?:\(\s*(\d{4})\s*\)|[_ ]\s*(\d{4}))?$"
)
_STATEMENT = re.compile(r"^S\s*[/_]\s*PRST\s*[/_]\s*(\d{4})\s*[/_]\s*(\d{1,4})$")
_NAME = re.compile(
    r"(?<![\w-])([A-Z][\w’'-]*(?:\s+(?:(?:of|the|for|in|and|on)\s+)*[A-Z][\w’'-]*)*)"
)
_GENERIC_NAMES = frozenset(
    {
        "the security council",
        "security council",
        "secretary-general",
        "the secretary-general",
        "council",
        "united nations",
        "the united nations",
        "charter",
        "the charter",
        "general assembly",
        "member states",
        "states",
        "government",
        "governments",
        "article",
        "chapter",
        "president",
        "presidents",
        "statement",
        "statements",
        "resolution",
        "resolutions",
        *MONTH_NUMBERS,
    }
)


def normalize_symbol(text: str) -> str:
    """The canonical symbol for how people write one: ``1809 (2008)`` -> ``S/RES/1809 (2008)``.

    >>> normalize_symbol("S_RES_1809_2008"), normalize_symbol("s/prst/2010/01")
    ('S/RES/1809 (2008)', 'S/PRST/2010/1')
    """
    compact = " ".join(text.strip().upper().split())
    compact = re.sub(r"\.(TXT|PDF|DOCX)$", "", compact)
    statement = _STATEMENT.match(compact)
    if statement:
        return f"S/PRST/{statement.group(1)}/{int(statement.group(2))}"
    resolution = _RESOLUTION.match(compact)
    if resolution:
        number = int(resolution.group(1))
        year = resolution.group(2) or resolution.group(3)
        return f"S/RES/{number} ({year})" if year else f"S/RES/{number}"
    raise SelectionError(f"not a document symbol: {text!r} (try S/RES/1809 (2008) or S/PRST/2010/1)")


def document_symbol(document: Document) -> str | None:
    """The document's canonical symbol, from its text or else from its file name."""
    for candidate in (document.symbol, _file_stem(document)):
        if candidate:
            try:
                return normalize_symbol(candidate)
            except SelectionError:
                continue
    return None


def _file_stem(document: Document) -> str | None:
    if document.source is None:
        return None
    name = document.source.path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


def opening_text(document: Document, options: CorpusOptions | None = None) -> str:
    """The first paragraphs of the document's own words, where it names what it is about."""
    opts = options or CorpusOptions()
    body = [
        p.text
        for p in document.paragraphs
        if p.kind not in (ParagraphKind.INTRODUCTORY, ParagraphKind.CLOSING)
    ]
    return " ".join(body[: opts.subject_paragraphs])


def subject_of(document: Document, options: CorpusOptions | None = None) -> str:
    """The agenda item where printed, else the names the opening paragraphs mention.

    The names are runs of capitalised words (``United Nations Peace-keeping Force in Cyprus``),
    leaving out each paragraph's first word and the Council's own vocabulary (Secretary-General,
    United Nations, Charter), joined with ``; ``.
    """
    if document.item:
        return document.item
    opts = options or CorpusOptions()
    names: list[str] = []
    body = [
        p.text
        for p in document.paragraphs
        if p.kind not in (ParagraphKind.INTRODUCTORY, ParagraphKind.CLOSING)
    ]
    for text in body[: opts.subject_paragraphs]:
        rest = text.split(None, 1)[1] if len(text.split(None, 1)) == 2 else ""
        for found in _NAME.finditer(rest):
            name = found.group(1).strip(" ’'-")
            # Symbols' pieces (``RES``, ``PRST``, ``Rev``) and numbers are not names.
            short = len(name) < 4 or any(c.isdigit() for c in name)
            if name.casefold() in _GENERIC_NAMES or short or name in names:
                continue
            names.append(name)
    return "; ".join(names)


def matches_subject(document: Document, match: str, options: CorpusOptions | None = None) -> bool:
    """True when ``match`` stands in the agenda item, or where none is printed, the opening."""
    needle = fold_subject(match)
    haystack = document.item if document.item else opening_text(document, options)
    return bool(needle) and f" {needle} " in f" {fold_subject(haystack)} "


def sort_by_date(documents: Iterable[Document]) -> list[Document]:
    """Documents in date order (undated last), ties by symbol."""
    return sorted(documents, key=_sort_key)


def _sort_key(document: Document) -> tuple[dt.date, int, str]:
    symbol = document_symbol(document) or document.name
    number = re.search(r"(\d+)(?:\s*\(\d{4}\))?$", symbol)
    return (document.date or dt.date.max, int(number.group(1)) if number else 0, symbol)


def select_series(
    documents: Iterable[Document],
    *,
    match: str | None = None,
    symbols: Sequence[str] | None = None,
    options: CorpusOptions | None = None,
) -> list[Document]:
    """The documents of one series in date order, chosen by subject text or by symbols.

    ``match`` is matched against the agenda item, or the opening paragraphs where no item is
    printed (see the module's docstring); ``symbols`` accepts ``S/RES/1809 (2008)``,
    ``1809 (2008)``, ``S_RES_1809_2008`` and ``S/PRST/2010/1``. Raises ``SelectionError`` when
    nothing matches or a symbol is not in the corpus.
    """
    if (match is None) == (symbols is None):
        raise SelectionError("give either a text to match or a list of symbols, not both or neither")
    pool = list(documents)
    if symbols is not None:
        wanted = [normalize_symbol(s) for s in symbols if s.strip()]
        if not wanted:
            raise SelectionError("no symbols given")
        by_symbol: dict[str, Document] = {}
        for document in pool:
            symbol = document_symbol(document)
            if symbol is not None:
                by_symbol.setdefault(symbol, document)
                # ``S/RES/1809`` (no year) also finds ``S/RES/1809 (2008)``
                by_symbol.setdefault(symbol.split(" (")[0], document)
        missing = [s for s in wanted if s not in by_symbol]
        if missing:
            raise SelectionError(f"not in the corpus: {', '.join(missing)}")
        chosen = list({id(by_symbol[s]): by_symbol[s] for s in wanted}.values())
        return sort_by_date(chosen)
    assert match is not None
    if not fold_subject(match):
        raise SelectionError(f"nothing to match in {match!r}")
    chosen = [d for d in pool if matches_subject(d, match, options)]
    if not chosen:
        raise SelectionError(
            f"no document's agenda item or opening paragraphs mention {match!r} "
            f"({len(pool)} documents searched)"
        )
    return sort_by_date(chosen)


@dataclass(frozen=True, slots=True)
class SeriesCell:
    """A paragraph of one document of a series, in the line of language it continues."""

    paragraph: int
    """Zero-based index of the paragraph in its document."""
    number: str | None
    """Printed operative number, where any."""
    status: Status
    """What happened to the language since the previous document (new in the first)."""
    similarity: float | None
    """Similarity to the previous document's paragraph; None for new language."""


@dataclass(frozen=True, slots=True)
class SeriesLine:
    """One line of language through a series: its paragraph in each document, where present."""

    cells: tuple[SeriesCell | None, ...]
    """One cell per document of the series; None where the language is absent."""

    @property
    def first(self) -> int:
        """Position of the document where the language first appears."""
        return next(i for i, cell in enumerate(self.cells) if cell is not None)


@dataclass(frozen=True, slots=True)
class SeriesGap:
    """A place where a series may lack documents: a long step, or where its language stops."""

    after: int | None
    """Position of the document before the gap; None for a gap before the first document."""
    reason: str
    """What was found, in one sentence."""
    far_apart: bool = False
    """The two documents are further apart in time than ``series_far_apart_days``."""


@dataclass(frozen=True, slots=True)
class DocumentShares:
    """Words of one document of a series by what became of them since the previous document."""

    reused: int
    """Words in paragraphs reused from the previous document."""
    altered: int
    """Words in altered paragraphs."""
    new: int
    """Words in new paragraphs (all words of the first document)."""

    @property
    def total(self) -> int:
        """All words of the document."""
        return self.reused + self.altered + self.new


@dataclass(frozen=True, slots=True)
class Series:
    """Documents of one series in date order, each compared with its predecessor."""

    documents: tuple[Document, ...]
    """The documents, earliest first."""
    comparisons: tuple[Comparison, ...]
    """``comparisons[i]`` compares ``documents[i]`` with ``documents[i + 1]``."""
    lines: tuple[SeriesLine, ...]
    """Lines of language, in order of first appearance."""
    shares: tuple[DocumentShares, ...]
    """``shares[i]``: the words of ``documents[i]`` by what became of them since the previous
    document (those of the first document are all new)."""
    gaps: tuple[SeriesGap, ...] = ()
    """Where documents may be missing, in series order."""

    @property
    def identical(self) -> bool:
        """True when every document carries the same language as its predecessor."""
        return all(c.identical for c in self.comparisons)


def build_series(
    documents: Sequence[Document],
    options: CompareOptions | None = None,
    *,
    gaps: Sequence[SeriesGap] = (),
) -> Series:
    """Compare each document of a series with its predecessor and follow each paragraph's line.

    A paragraph continues the line of the previous document's paragraph it is paired with
    (reused or altered); a split's further parts start lines of their own, a merge ends the lines
    of the parts after the first, and new paragraphs start new lines.
    """
    opts = options or CompareOptions()
    docs = tuple(documents)
    if not docs:
        raise SelectionError("a series needs at least one document")
    comparisons = tuple(compare(old, new, opts) for old, new in itertools.pairwise(docs))
    lines: list[list[SeriesCell | None]] = []
    owner: dict[int, int] = {}
    for paragraph in docs[0].paragraphs:
        owner[paragraph.index] = len(lines)
        lines.append([SeriesCell(paragraph.index, paragraph.number, Status.NEW, None)])
    for position, comparison in enumerate(comparisons, start=1):
        for line in lines:
            line.append(None)
        current: dict[int, int] = {}
        for pair in comparison.pairs:
            for rank, index in enumerate(pair.new):
                paragraph = comparison.new.paragraphs[index]
                cell = SeriesCell(index, paragraph.number, pair.status, pair.similarity)
                line_id = owner.get(pair.old[0]) if pair.old and rank == 0 else None
                if line_id is None or lines[line_id][position] is not None:
                    line_id = len(lines)
                    lines.append([None] * (position + 1))
                lines[line_id][position] = cell
                current[index] = line_id
        owner = current
    ordered = sorted(
        (SeriesLine(tuple(cells)) for cells in lines),
        key=lambda line: (line.first, _cell_index(line.cells[line.first])),
    )
    shares = [DocumentShares(0, 0, sum(len(key_words(p.text)) for p in docs[0].paragraphs))]
    shares.extend(
        DocumentShares(c.stats.words_reused, c.stats.words_altered, c.stats.words_new)
        for c in comparisons
    )
    return Series(docs, comparisons, tuple(ordered), tuple(shares), tuple(gaps))


def _cell_index(cell: SeriesCell | None) -> int:
    return cell.paragraph if cell is not None else -1


def _label(document: IndexedDocument) -> str:
    return document.symbol or document.name


def _days(earlier: dt.date | None, later: dt.date | None) -> int | None:
    return (later - earlier).days if earlier is not None and later is not None else None


def time_gaps(
    dates: Sequence[dt.date | None], labels: Sequence[str], options: CorpusOptions | None = None
) -> list[SeriesGap]:
    """Steps of a series much longer than its usual one, and steps far apart in time."""
    opts = options or CorpusOptions()
    steps = [_days(a, b) for a, b in itertools.pairwise(dates)]
    known = sorted(d for d in steps if d is not None)
    usual = known[len(known) // 2] if known else None
    gaps: list[SeriesGap] = []
    for position, days in enumerate(steps):
        if days is None:
            continue
        far = days > opts.series_far_apart_days
        long = usual is not None and usual > 0 and days > opts.series_gap_factor * usual
        if not (far or long):
            continue
        years = f" ({days / 365.25:.1f} years)" if days >= 365 else ""
        reason = (
            f"{days} days{years} between {labels[position]} and {labels[position + 1]}"
            + (f", where the series' usual step is {usual} days" if long else "")
            + ": documents may be missing in between"
        )
        gaps.append(SeriesGap(position, reason, far))
    return gaps


@dataclass(frozen=True, slots=True)
class FollowedSeries:
    """The documents a starting document's language leads to, and where it stops."""

    documents: tuple[IndexedDocument, ...]
    """The series, earliest first."""
    start: IndexedDocument
    """The document the series was followed from."""
    gaps: tuple[SeriesGap, ...]
    """Where the language stops, and steps much longer than the usual one."""


def find_indexed(index: CorpusIndex, wanted: str, path: Path | None = None) -> IndexedDocument:
    """An indexed document named by a file (its content, else its name) or by its symbol."""
    documents = index.documents()
    if path is not None and path.is_file():
        digest = file_digest(path)
        for document in documents:
            if document.sha256 == digest:
                return document
        for document in documents:
            if document.name == path.name:
                return document
        raise SelectionError(f"{path} is not in the corpus index: copy it into the corpus folder")
    symbol = normalize_symbol(wanted)
    for document in documents:
        candidates = [document.symbol, document.name.rsplit(".", 1)[0]]
        for candidate in candidates:
            if not candidate:
                continue
            try:
                found = normalize_symbol(candidate)
            except SelectionError:
                continue
            if found == symbol or found.split(" (")[0] == symbol:
                return document
    raise SelectionError(f"not in the corpus: {symbol}")


def follow_series(
    index: CorpusIndex, start: IndexedDocument, options: CorpusOptions | None = None
) -> FollowedSeries:
    """The series a document's language leads to, backwards and forwards (see the module).

    Each member's own steps are followed too, until no new document joins: a thematic series,
    whose statements draw on several predecessors, is not cut at its first weak step.
    """
    flows = _Flows(index, options or CorpusOptions())
    members: set[int] = set()
    todo = [start.id]
    while todo:
        current = todo.pop()
        if current in members:
            continue
        members.add(current)
        todo.extend(flows.back(current) + flows.forward(current))
    members |= flows.fill(members)
    ordered = tuple(sorted((flows.documents[i] for i in members), key=lambda d: d.sort_key))
    gaps = [flows.stop_before(ordered[0].id)]
    gaps.extend(time_gaps([d.date for d in ordered], [_label(d) for d in ordered], flows.options))
    after = flows.stop_after(ordered[-1].id)
    if after is not None:
        gaps.append(SeriesGap(len(ordered) - 1, after))
    return FollowedSeries(ordered, start, tuple(gaps))


class _Flows:
    """How much of each indexed document's language comes from each earlier one."""

    def __init__(self, index: CorpusIndex, options: CorpusOptions) -> None:
        self.options = options
        self.documents = {d.id: d for d in index.documents()}
        self.totals, flows = index.language_flows()
        self.taken: dict[int, dict[int, int]] = {}
        self.given: dict[int, dict[int, int]] = {}
        for later, earlier, words in flows:
            if later != earlier:
                self.taken.setdefault(later, {})[earlier] = words
                self.given.setdefault(earlier, {})[later] = words

    def share(self, later: int, earlier: int) -> float:
        """Share of ``later``'s language whose closest earlier source is in ``earlier``."""
        return self.taken.get(later, {}).get(earlier, 0) / max(1, self.totals.get(later, 0))

    def _source(self, doc: int) -> int | None:
        sources = self.taken.get(doc, {})
        return max(sources, key=lambda e: (sources[e], self.documents[e].sort_key), default=None)

    def _heir(self, doc: int) -> int | None:
        heirs = self.given.get(doc, {})
        # The earliest of equally carrying later documents: the next step, not a later echo.
        return min(heirs, key=lambda e: (-heirs[e], self.documents[e].sort_key), default=None)

    def back(self, doc: int) -> list[int]:
        """Earlier documents, one step at a time, each carrying the most of the next's language."""
        chain: list[int] = []
        current = doc
        while True:
            best = self._source(current)
            if (
                best is None
                or best in chain
                or self.share(current, best) < self.options.series_link_share
            ):
                return chain
            chain.append(best)
            current = best

    def forward(self, doc: int) -> list[int]:
        """Later documents, each the one that carries the most of the previous one's language."""
        chain: list[int] = []
        current = doc
        link = self.options.series_link_share
        while True:
            best = self._heir(current)
            if best is None or best in chain:
                return chain
            carried = self.given[current][best] / max(1, self.totals.get(current, 0))
            if carried < link or self.share(best, current) < link:
                return chain
            chain.append(best)
            current = best

    def fill(self, members: set[int]) -> set[int]:
        """Documents between the first and last member taking most of their language from them."""
        keys = [self.documents[i].sort_key for i in members]
        first, last = min(keys), max(keys)
        joined: set[int] = set()
        for document in sorted(self.documents.values(), key=lambda d: d.sort_key):
            if document.id in members or not first < document.sort_key < last:
                continue
            best = self._source(document.id)
            if best is None or (best not in members and best not in joined):
                continue
            if self.share(document.id, best) >= self.options.series_fill_share:
                joined.add(document.id)
        return joined

    def stop_before(self, doc: int) -> SeriesGap:
        """Why the series begins where it does."""
        best = self._source(doc)
        most = (
            ""
            if best is None
            else f" (the most: {_label(self.documents[best])}, {self.share(doc, best):.0%})"
        )
        return SeriesGap(
            None,
            f"the language stops before {_label(self.documents[doc])}: no earlier document "
            f"carries {self.options.series_link_share:.0%} of it{most}",
        )

    def stop_after(self, doc: int) -> str | None:
        """Why the series ends where it does, unless nothing later is indexed."""
        key = self.documents[doc].sort_key
        if not any(d.sort_key > key for d in self.documents.values()):
            return None
        return (
            f"the language stops after {_label(self.documents[doc])}: no later document "
            f"carries {self.options.series_link_share:.0%} of it on"
        )
