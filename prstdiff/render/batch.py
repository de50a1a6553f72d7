"""The index page of a batch job: a sortable table of the pairs and a heat map of the documents.

One self-contained page (``batch_index.html.j2``, inline CSS, JavaScript and SVG) from the job's
records; ``prstdiff.batch.outputs`` writes it as ``OUTDIR/index.html``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from prstdiff.batch.record import DocumentInfo, JobSummary, PairRecord, PairState
from prstdiff.model import NotableKind
from prstdiff.render import RenderOptions
from prstdiff.render.html import environment
from prstdiff.render.labels import percent
from prstdiff.version import __version__

HEATMAP_LIMIT = 120
"""Most documents drawn in the heat map: 120 × 120 cells is still a page a browser shows at once;
beyond that the table alone is shown."""


@dataclass(frozen=True, slots=True)
class IndexRow:
    """One row of the index page's table."""

    number: int
    """One-based position of the pair in the job."""
    record: PairRecord
    """The pair."""
    reused: float
    """Share of reused words (0 for a failed pair, which sorts last by the error column)."""
    altered: float
    """Share of altered words."""
    new: float
    """Share of new words."""
    carried: float
    """Share of carried words (reused and altered)."""
    notable: tuple[int | None, ...] = ()
    """Notable edits by kind, in ``NotableKind`` order; None where not known."""


@dataclass(frozen=True, slots=True)
class HeatCell:
    """One cell of the heat map: the pair of the document of its row and of its column."""

    x: int
    """Left edge in SVG units."""
    y: int
    """Top edge in SVG units."""
    color: str
    """Fill, from the carried share."""
    label: str
    """Tooltip: ``old → new: 87% carried``."""
    href: str | None
    """The pair's report."""


@dataclass(frozen=True, slots=True)
class HeatLabel:
    """A document's label along an axis of the heat map."""

    x: int
    """Anchor x in SVG units."""
    y: int
    """Anchor y in SVG units."""
    text: str
    """The symbol or file name."""


@dataclass(frozen=True, slots=True)
class HeatMap:
    """The heat map of carried language between the documents of the job, as SVG geometry."""

    width: int
    """Width of the drawing in SVG units."""
    height: int
    """Height of the drawing in SVG units."""
    cell: int
    """Size of a cell."""
    left: int
    """Width of the row labels' margin."""
    top: int
    """Height of the column labels' margin."""
    rows: tuple[HeatLabel, ...]
    """Labels of the rows (the later documents)."""
    columns: tuple[HeatLabel, ...]
    """Labels of the columns (the earlier documents)."""
    cells: tuple[HeatCell, ...]
    """One cell per compared pair."""
    documents: int
    """How many documents the map shows."""


def render(summary: JobSummary, options: RenderOptions | None = None) -> str:
    """The self-contained index page: the sortable table of pairs and the heat map."""
    records = summary.records
    rows = [
        IndexRow(
            number=number,
            record=record,
            reused=record.stats.share_reused if record.stats else 0.0,
            altered=record.stats.share_altered if record.stats else 0.0,
            new=record.stats.share_new if record.stats else 0.0,
            carried=record.carried or 0.0,
            notable=tuple((record.notable or {}).get(kind.value) for kind in NotableKind),
        )
        for number, record in enumerate(records, 1)
    ]
    documents = _documents(records)
    template = environment().get_template("batch_index.html.j2")
    return template.render(
        rows=rows,
        notable_kinds=[kind.value for kind in NotableKind],
        done=summary.done,
        failed=len(summary.failed),
        skipped=summary.skipped,
        heatmap=heat_map(records) if 2 <= len(documents) <= HEATMAP_LIMIT else None,
        documents=len(documents),
        heatmap_limit=HEATMAP_LIMIT,
        percent=percent,
        version=__version__,
    )


def _documents(records: Sequence[PairRecord]) -> list[DocumentInfo]:
    seen: dict[str, DocumentInfo] = {}
    for record in records:
        for info in (record.old, record.new):
            seen.setdefault(info.path, info)
    return sorted(seen.values(), key=lambda info: (info.date or "9999", info.label, info.path))


def heat_map(records: Sequence[PairRecord]) -> HeatMap:
    """Lay out the heat map: later documents down, earlier across, a cell per compared pair."""
    documents = _documents(records)
    position = {info.path: n for n, info in enumerate(documents)}
    count = len(documents)
    cell = max(8, min(32, 640 // count))
    left = top = 150
    cells: list[HeatCell] = []
    for record in records:
        if record.state is not PairState.DONE:
            continue
        carried = record.carried or 0.0
        cells.append(
            HeatCell(
                x=left + position[record.old.path] * cell,
                y=top + position[record.new.path] * cell,
                color=_heat_color(carried),
                label=f"{record.old.label} → {record.new.label}: {round(carried * 100)}% carried",
                href=record.html,
            )
        )
    return HeatMap(
        width=left + count * cell + top,  # room for the slanted column labels
        height=top + count * cell + 10,
        cell=cell,
        left=left,
        top=top,
        rows=tuple(
            HeatLabel(x=left - 6, y=top + n * cell + cell // 2, text=info.label)
            for n, info in enumerate(documents)
        ),
        columns=tuple(
            HeatLabel(x=left + n * cell + cell // 2, y=top - 6, text=info.label)
            for n, info in enumerate(documents)
        ),
        cells=tuple(cells),
        documents=count,
    )


_COLD = (239, 243, 255)
_HOT = (8, 48, 107)


def _heat_color(share: float) -> str:
    # A single-hue ramp (pale to dark blue) reads in grey print and for colour-blind readers;
    # the tooltip and the table give the number itself.
    share = min(1.0, max(0.0, share))
    red, green, blue = (round(c + (h - c) * share) for c, h in zip(_COLD, _HOT, strict=True))
    return f"#{red:02x}{green:02x}{blue:02x}"
