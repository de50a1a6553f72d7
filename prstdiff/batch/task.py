"""The work of one pair, as a worker process or a Dask worker runs it.

Kept apart from the job so that a worker imports only what it needs: the documents arrive parsed,
the comparison and its reports are made here, and the reports travel back to the client, which
alone writes files (a Dask worker may run on another machine without the output folder).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from prstdiff.compare import compare
from prstdiff.errors import one_line
from prstdiff.model import Document, Stats
from prstdiff.options import CompareOptions
from prstdiff.render import RenderOptions, html, json
from prstdiff.render.notable import comparison_edits, kind_counts


class ReportFormat(StrEnum):
    """The reports a job writes for each pair besides the JSON comparison."""

    HTML = "html"
    """The self-contained HTML report, which the job's index links to; always written."""
    DOCX = "docx"
    """The Word redline with tracked changes."""


DEFAULT_FORMATS = frozenset({ReportFormat.HTML})
"""The reports of a job that asks for none in particular."""


@dataclass(frozen=True, slots=True)
class PairTask:
    """One comparison to make, with everything a worker needs."""

    name: str
    """The pair's output name."""
    old: Document
    """The earlier document, parsed."""
    new: Document
    """The later document, parsed."""
    options: CompareOptions
    """Comparison options of the job."""
    render_options: RenderOptions
    """Report options of the job."""
    formats: frozenset[ReportFormat] = DEFAULT_FORMATS
    """The reports to make besides the JSON comparison."""


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What a worker sends back for one pair: both reports and the statistics, or an error."""

    name: str
    """The pair's output name."""
    html: str | None
    """The self-contained HTML report; None when the pair failed."""
    json: str | None
    """The JSON comparison; None when the pair failed."""
    stats: Stats | None
    """The comparison's statistics; None when the pair failed."""
    error: str | None = None
    """One-line reason the pair failed; None when it succeeded."""
    notable: dict[str, int] | None = None
    """Notable edits of the comparison by kind (``{"formula": 2, ...}``); None when it failed."""
    docx: bytes | None = None
    """The Word redline; None when the pair failed or the job asked for none."""


def compare_pair(
    name: str,
    old: Document,
    new: Document,
    options: CompareOptions,
    render_options: RenderOptions,
    formats: frozenset[ReportFormat] = DEFAULT_FORMATS,
) -> PairOutcome:
    """Compare ``old`` with ``new`` and render its reports; a failure is returned, not raised."""
    try:
        comparison = compare(old, new, options)
        redline = None
        if ReportFormat.DOCX in formats:
            from prstdiff.render import docx  # python-docx loads only for jobs that want Word

            redline = docx.render(comparison, render_options)
        return PairOutcome(
            name=name,
            html=html.render(comparison, render_options),
            json=json.render(comparison, render_options),
            stats=comparison.stats,
            notable={
                kind.value: count
                for kind, count in kind_counts(comparison_edits(comparison)).items()
            },
            docx=redline,
        )
    except Exception as error:  # one bad pair must not end a job of thousands
        detail = one_line(error, with_type=True)
        return PairOutcome(name=name, html=None, json=None, stats=None, error=detail)


PairFunction = Callable[
    [str, Document, Document, CompareOptions, RenderOptions, frozenset[ReportFormat]], PairOutcome
]
"""What an executor runs for each pair: ``compare_pair`` (tests may substitute a wrapper)."""
