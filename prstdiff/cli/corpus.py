"""``prstdiff index``, ``trace``, ``series`` and ``search``: language across a corpus folder."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prstdiff.cli.app import (
    EXIT_DIFFERENT,
    EXIT_SAME,
    app,
    handle_errors,
    write_output,
)
from prstdiff.errors import InputError, printable
from prstdiff.render import RenderOptions

# The corpus machinery (SQLite, numpy, rapidfuzz, jinja2) is imported inside each command, so
# that ``prstdiff --help`` and the other commands do not load it.
if TYPE_CHECKING:
    from prstdiff.corpus.index import IndexReport
    from prstdiff.corpus.search import SearchResult


class CorpusFormat(StrEnum):
    """Output formats of ``trace`` and ``series``."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"


class SearchFormat(StrEnum):
    """Output formats of ``search``."""

    TEXT = "text"
    JSON = "json"


CorpusArgument = Annotated[
    Path,
    typer.Argument(help="Folder of documents (.txt, .pdf, .docx).", show_default=False),
]
CorpusOption = Annotated[
    Path,
    typer.Option(
        "--corpus",
        "-c",
        help="Folder of documents to search (.txt, .pdf, .docx).",
        show_default=False,
    ),
]
DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="The index database file (default: .prstdiff-index.sqlite inside the corpus folder).",
        show_default=False,
    ),
]
FormatOption = Annotated[
    CorpusFormat,
    typer.Option(
        "--format", "-f", help="text for the terminal, json for programs, html for a page."
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to this file (atomically) instead of standard output.",
        show_default=False,
    ),
]


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int, str], None] | None]:
    """Progress on standard error for a job longer than a second, on a terminal or not."""
    from prstdiff.corpus.progress import StderrProgress

    reporter = StderrProgress(label)
    try:
        yield reporter
    finally:
        reporter.close()


def _index(corpus: Path, db: Path | None) -> IndexReport:
    from prstdiff.corpus.build import index_corpus

    with _progress("indexing") as progress:
        return index_corpus(corpus, db=db, progress=progress, on_wait=_say_waiting)


def _say_waiting(path: Path) -> None:
    typer.echo(
        f"prstdiff: waiting for another prstdiff to finish updating {printable(str(path))}",
        err=True,
    )


def _emit(
    rendered: str,
    output: Path | None,
    *,
    inputs: Sequence[Path] = (),
    corpus: Path | None = None,
    db: Path | None = None,
    text: bool = True,
) -> None:
    from prstdiff.corpus.index import default_index_path

    protected = [db] if db is not None else []
    if corpus is not None:
        protected.append(default_index_path(corpus))
    write_output(rendered, output, inputs=inputs, protected=protected, terminal_text=text)


def describe_report(report: IndexReport) -> list[str]:
    """The lines ``prstdiff index`` prints about a run."""
    lines = []
    if report.rebuilt:
        lines.append(f"rebuilt the index: {report.rebuilt}")
    lines.append(
        f"{report.path}: {report.documents} documents; read {report.read} new or changed "
        f"file{'s' if report.read != 1 else ''}, {report.unchanged} unchanged, "
        f"{report.removed} removed, {len(report.skipped)} skipped; "
        f"lineage worked out for {report.traced} document{'s' if report.traced != 1 else ''}"
    )
    lines.extend(f"skipped {s.path}: {s.reason}" for s in report.skipped)
    return lines


@app.command("index")
@handle_errors
def index_command(corpus: CorpusArgument, *, db: DbOption = None) -> None:
    """Build or update the corpus index (documents, paragraphs, shingles, lineage).

    A second run reads only the files whose content changed and says how many; unreadable
    files are skipped and listed with their reason.

    Example: prstdiff index corpus
    """
    report = _index(corpus, db)
    for line in describe_report(report):
        typer.echo(line)


@app.command("trace")
@handle_errors
def trace_command(
    document: Annotated[
        Path, typer.Argument(help="The document to trace (.txt, .pdf, .docx).", show_default=False)
    ],
    *,
    corpus: CorpusOption,
    db: DbOption = None,
    output_format: FormatOption = CorpusFormat.TEXT,
    output: OutputOption = None,
) -> None:
    """Where each paragraph's language comes from: earlier sources, earliest, closest, chain.

    The corpus index is brought up to date first (only changed files are read again).
    Exit status: 0 when every paragraph has an earlier source, 1 when some language is new.

    Example: prstdiff trace corpus/S_RES_1888_2009.txt --corpus corpus --format html -o 1888.html
    """
    from prstdiff.corpus.index import default_index_path, index_errors, open_index
    from prstdiff.corpus.trace import trace_document
    from prstdiff.parse import load
    from prstdiff.render import trace as trace_render

    loaded = load(document)
    _index(corpus, db)
    with index_errors(db or default_index_path(corpus)), open_index(corpus, db=db) as index:
        trace = trace_document(index, loaded)
    renderers = {
        CorpusFormat.TEXT: trace_render.render_text,
        CorpusFormat.JSON: trace_render.render_json,
        CorpusFormat.HTML: trace_render.render_html,
    }
    _emit(
        renderers[output_format](trace, RenderOptions()),
        output,
        inputs=(document,),
        corpus=corpus,
        db=db,
        text=output_format is CorpusFormat.TEXT,
    )
    new = any(p.status.value == "new" for p in trace.paragraphs)
    raise typer.Exit(EXIT_DIFFERENT if new else EXIT_SAME)


@app.command("series")
@handle_errors
def series_command(
    corpus: CorpusArgument,
    *,
    match: Annotated[
        str | None,
        typer.Option(
            "--match",
            "-m",
            help="Text of the agenda item (or, where none is printed, of the opening "
            "paragraphs), case and hyphens ignored.",
            show_default=False,
        ),
    ] = None,
    symbols: Annotated[
        str | None,
        typer.Option(
            "--symbols",
            "-s",
            help="Comma-separated symbols: 'S/RES/1325 (2000),1820 (2008),S_RES_1888_2009'.",
            show_default=False,
        ),
    ] = None,
    output_format: FormatOption = CorpusFormat.TEXT,
    output: OutputOption = None,
) -> None:
    """Documents of one series in date order, each compared with its predecessor.

    Prints a timeline of reused, altered and new words and the lineage of every paragraph.
    Exit status as diff(1): 0 when every document repeats its predecessor, 1 otherwise.

    Example: prstdiff series corpus --match Cyprus --format html -o unficyp.html
    """
    from prstdiff.corpus.folder import load_folder
    from prstdiff.corpus.series import build_series, select_series
    from prstdiff.render import series as series_render

    if (match is None) == (symbols is None):
        raise InputError("give --match TEXT or --symbols A,B,C (one of them)")
    loaded = load_folder(corpus)
    for skipped in loaded.skipped:
        typer.echo(f"prstdiff: skipped {skipped.path}: {skipped.reason}", err=True)
    chosen = select_series(
        loaded.documents,
        match=match,
        symbols=None if symbols is None else [s for s in symbols.split(",") if s.strip()],
    )
    series = build_series(chosen)
    renderers = {
        CorpusFormat.TEXT: series_render.render_text,
        CorpusFormat.JSON: series_render.render_json,
        CorpusFormat.HTML: series_render.render_html,
    }
    _emit(
        renderers[output_format](series, RenderOptions()),
        output,
        inputs=[Path(d.source.path) for d in chosen if d.source is not None],
        corpus=corpus,
        text=output_format is CorpusFormat.TEXT,
    )
    raise typer.Exit(EXIT_SAME if series.identical else EXIT_DIFFERENT)


def render_search(result: SearchResult, width: int = 100) -> str:
    """Search results for the terminal, oldest first, with the first appearance."""
    from prstdiff.render.text import format_date

    if not result.hits:
        return f"{result.phrase!r}: not found in {result.documents} documents\n"
    first = result.hits[0]
    lines = [
        f"{result.phrase!r}: {len(result.hits)} paragraphs in {result.document_count} of "
        f"{result.documents} documents",
        f"first appearance: {first.document} ¶{first.paragraph + 1}"
        + (f" OP {first.number}" if first.number else "")
        + (f" ({format_date(first.date)})" if first.date else ""),
        "",
    ]
    for hit in result.hits:
        where = f"¶{hit.paragraph + 1}" + (f" OP {hit.number}" if hit.number else "")
        date = hit.date.isoformat() if hit.date else "undated"
        score = "" if hit.score >= 100 else f"  ~{hit.score:.0f}"
        lines.append(f"{date}  {hit.document}  {where}{score}")
        snippet = " ".join(hit.text.split())
        if len(snippet) > width - 4:
            snippet = snippet[: width - 5] + "…"
        lines.append(f"    {snippet}")
    return "\n".join(lines) + "\n"


def search_to_dict(result: SearchResult) -> dict[str, object]:
    """The JSON object of search results."""
    return {
        "schema": "prstdiff/search",
        "version": 1,
        "phrase": result.phrase,
        "key": result.key,
        "fuzzy": result.fuzzy,
        "documents": result.documents,
        "hits": [
            {
                "symbol": h.symbol,
                "file": h.name,
                "date": h.date.isoformat() if h.date else None,
                "paragraph": h.paragraph,
                "number": h.number,
                "kind": h.kind.value,
                "score": h.score,
                "text": h.text,
            }
            for h in result.hits
        ],
    }


@app.command("search")
@handle_errors
def search_command(
    phrase: Annotated[str, typer.Argument(help="The words to find.", show_default=False)],
    *,
    corpus: CorpusOption,
    db: DbOption = None,
    fuzzy: Annotated[
        bool, typer.Option("--fuzzy", help="Also near matches (rapidfuzz partial_ratio).")
    ] = False,
    output_format: Annotated[
        SearchFormat, typer.Option("--format", "-f", help="text or json.")
    ] = SearchFormat.TEXT,
) -> None:
    """Find where a phrase stands in the corpus, oldest first, with its first appearance.

    Case, quotes, dashes, hyphenation and line breaks do not count. Exit status as grep(1):
    0 when found, 1 when not.

    Example: prstdiff search "remain actively seized of the matter" --corpus corpus
    """
    from prstdiff.corpus.index import default_index_path, index_errors, open_index
    from prstdiff.corpus.search import search_phrase

    _index(corpus, db)
    with index_errors(db or default_index_path(corpus)), open_index(corpus, db=db) as index:
        result = search_phrase(index, phrase, fuzzy=fuzzy)
    if output_format is SearchFormat.JSON:
        import json

        typer.echo(json.dumps(search_to_dict(result), ensure_ascii=False, indent=2))
    else:
        _emit(render_search(result), None)
    raise typer.Exit(EXIT_SAME if result.hits else EXIT_DIFFERENT)
