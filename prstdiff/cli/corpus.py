"""``prstdiff index``, ``trace``, ``series`` and ``search``: language across a corpus folder."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from prstdiff.cli.application import (
    EXIT_DIFFERENT,
    EXIT_FOUND,
    EXIT_NOT_FOUND,
    EXIT_SAME,
    ColorChoice,
    ColorOption,
    OutputOption,
    SymbolsOption,
    TextOrJson,
    TextOrJsonOption,
    WidthOption,
    app,
    handle_errors,
    is_stdout,
    pick_format,
    symbol_list,
    terminal_options,
    warn,
    write_output,
)
from prstdiff.cli.richhelp import RichHelpCommand
from prstdiff.errors import InputError, printable
from prstdiff.render import RenderOptions

# The corpus machinery (SQLite, numpy, rapidfuzz, jinja2) is imported inside each command, so
# that ``prstdiff --help`` and the other commands do not load it.
if TYPE_CHECKING:
    from prstdiff.corpus.index import IndexReport
    from prstdiff.corpus.series import Series
    from prstdiff.model import Document


class CorpusFormat(StrEnum):
    """Output formats of ``trace`` and ``series``."""

    TEXT = "text"
    JSON = "json"
    HTML = "html"


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
    CorpusFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="text for the terminal, json for programs, html for a page (default: from the "
        "--output file's extension, else text).",
        show_default=False,
    ),
]
ExitCodeOption = Annotated[
    bool,
    typer.Option(
        "--exit-code",
        help="Exit 1 when language differs (as diff(1)) instead of 0 on success.",
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
    write_output(
        rendered, output, inputs=inputs, protected=_protected(corpus, db), terminal_text=text
    )


def _protected(corpus: Path | None, db: Path | None) -> list[Path]:
    from prstdiff.corpus.index import default_index_path

    protected = [db] if db is not None else []
    if corpus is not None:
        protected.append(default_index_path(corpus))
    return protected


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


@app.command("index", cls=RichHelpCommand)
@handle_errors
def index_command(corpus: CorpusArgument, *, db: DbOption = None) -> None:
    """Build or update the corpus index (documents, paragraphs, lineage).

    A second run reads only the files whose content changed and says how many; unreadable
    files are skipped and listed with their reason.

    Example: prstdiff index corpus
    """
    report = _index(corpus, db)
    for line in describe_report(report):
        typer.echo(line)


@app.command("trace", cls=RichHelpCommand)
@handle_errors
def trace_command(
    document: Annotated[
        Path, typer.Argument(help="The document to trace (.txt, .pdf, .docx).", show_default=False)
    ],
    *,
    corpus: CorpusOption,
    db: DbOption = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    exit_code: ExitCodeOption = False,
) -> None:
    """Where each paragraph's language comes from: earlier sources, earliest, closest, chain.

    The corpus index is brought up to date first (only changed files are read again).
    Exit status: 0 on success, 2 on trouble; with --exit-code, 1 when some language is new.

    Example: prstdiff trace corpus/S_RES_1888_2009.txt --corpus corpus -o 1888.html
    """
    from prstdiff.corpus.index import default_index_path, index_errors, open_index
    from prstdiff.corpus.trace import trace_document
    from prstdiff.parse import load
    from prstdiff.render import trace as trace_render

    chosen = pick_format(output_format, output, CorpusFormat, CorpusFormat.TEXT)
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
        renderers[chosen](trace, RenderOptions()),
        output,
        inputs=(document,),
        corpus=corpus,
        db=db,
        text=chosen is CorpusFormat.TEXT,
    )
    new = any(p.status.value == "new" for p in trace.paragraphs)
    raise typer.Exit(EXIT_DIFFERENT if exit_code and new else EXIT_SAME)


@app.command("series", cls=RichHelpCommand)
@handle_errors
def series_command(
    corpus: CorpusArgument,
    *,
    start: Annotated[
        str | None,
        typer.Option(
            "--from",
            help="Follow the language of this document (a file or a symbol in the corpus) "
            "backwards and forwards through the documents that carry the most of it.",
            show_default=False,
        ),
    ] = None,
    match: Annotated[
        str | None,
        typer.Option(
            "--match",
            "-m",
            help="Text of the agenda item (or, where none is printed, of the opening "
            "paragraphs), case and hyphens ignored; with --from, keeps only those documents.",
            show_default=False,
        ),
    ] = None,
    symbols: SymbolsOption = None,
    db: DbOption = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    width: WidthOption = None,
    exit_code: ExitCodeOption = False,
) -> None:
    """Documents of one series in date order, each compared with its predecessor.

    Choose the series by its language (--from DOC: the documents that carry the most of each
    other's language, by the corpus index's lineage), by subject text (--match) or by symbols.
    Prints a timeline of reused, altered and new words, the gaps where documents may be
    missing, and the lineage of every paragraph.

    Exit status: 0 on success, 2 on trouble; with --exit-code, as diff(1): 1 when some document
    changes its predecessor's language.

    Example: prstdiff series corpus --from corpus/S_RES_2674_2023.txt -o unficyp.html
    """
    from prstdiff.corpus.folder import load_folder
    from prstdiff.corpus.index import default_index_path, index_errors, open_index
    from prstdiff.corpus.series import (
        SeriesGap,
        build_series,
        find_indexed,
        follow_series,
        matches_subject,
        select_series,
        time_gaps,
    )
    from prstdiff.render import series as series_render

    chosen_format = pick_format(output_format, output, CorpusFormat, CorpusFormat.TEXT)
    if start is None and (match is None) == (symbols is None):
        raise InputError("give --from DOC, --match TEXT or --symbols A,B,C")
    if start is not None and symbols is not None:
        raise InputError("--from follows the language; --symbols names the documents: not both")
    gaps: list[SeriesGap]
    if start is not None:
        _index(corpus, db)
        with index_errors(db or default_index_path(corpus)), open_index(corpus, db=db) as index:
            path = Path(start)
            found = find_indexed(index, start, path if path.is_file() else None)
            followed = follow_series(index, found)
            chosen = [index.load_document(d.id, corpus) for d in followed.documents]
        gaps = list(followed.gaps)
        if match is not None:
            kept = [d for d in chosen if matches_subject(d, match)]
            if not kept:
                raise InputError(f"none of the {len(chosen)} documents followed mention {match!r}")
            if len(kept) != len(chosen):
                gaps = time_gaps([d.date for d in kept], [_label(d) for d in kept])
            chosen = kept
    else:
        loaded = load_folder(corpus)
        for skipped in loaded.skipped:
            typer.echo(f"prstdiff: skipped {skipped.path}: {skipped.reason}", err=True)
        chosen = select_series(
            loaded.documents,
            match=match,
            symbols=symbol_list(symbols),
        )
        gaps = time_gaps([d.date for d in chosen], [_label(d) for d in chosen])
    for gap in gaps:
        if gap.far_apart:
            warn(f"far apart in time: {gap.reason}")
    series = build_series(chosen, gaps=gaps)
    to_terminal = is_stdout(output)
    options = terminal_options(output, width)
    inputs = [Path(d.source.path) for d in chosen if d.source is not None]
    if chosen_format is CorpusFormat.HTML:
        links: list[str | None] = [None]
        if not to_terminal:
            assert output is not None
            links = _write_pair_reports(series, output, inputs)
        rendered = series_render.render_html(series, options, pair_links=links)
    elif chosen_format is CorpusFormat.JSON:
        rendered = series_render.render_json(series, options)
    else:
        rendered = series_render.render_text(series, options)
    _emit(
        rendered,
        output,
        inputs=[Path(d.source.path) for d in chosen if d.source is not None],
        corpus=corpus,
        db=db,
        text=chosen_format is CorpusFormat.TEXT,
    )
    raise typer.Exit(EXIT_DIFFERENT if exit_code and not series.identical else EXIT_SAME)


def _label(document: Document) -> str:
    from prstdiff.corpus.series import document_symbol

    return document_symbol(document) or document.name


_PAIR_REPORT = re.compile(r"^\d{3,}-.+\.html$")
"""File names of the pair reports a series page links to: its step number first."""
_FILE_UNSAFE = re.compile(r"[^A-Za-z0-9]+")


def _write_pair_reports(series: Series, output: Path, inputs: Sequence[Path]) -> list[str | None]:
    """Write each step's pair report beside the series page; return the links to them.

    The reports go to ``<page>-pairs/`` next to the page; reports of an earlier run that this
    series no longer has are removed, and nothing else in that folder is touched.
    """
    from prstdiff.render import html

    folder = output.with_name(f"{output.stem}-pairs")
    folder.mkdir(exist_ok=True)
    links: list[str | None] = [None]
    written: set[str] = set()
    for step, comparison in enumerate(series.comparisons, start=1):
        old = _FILE_UNSAFE.sub("_", _label(comparison.old)).strip("_")
        new = _FILE_UNSAFE.sub("_", _label(comparison.new)).strip("_")
        name = f"{step:03d}-{old}--{new}.html"
        write_output(html.render(comparison, RenderOptions()), folder / name, inputs=inputs)
        written.add(name)
        links.append(f"{folder.name}/{name}")
    for stale in folder.iterdir():
        if _PAIR_REPORT.match(stale.name) and stale.name not in written and stale.is_file():
            stale.unlink()
    return links


@app.command("search", cls=RichHelpCommand)
@handle_errors
def search_command(
    phrase: Annotated[str, typer.Argument(help="The words to find.", show_default=False)],
    *,
    corpus: CorpusOption,
    db: DbOption = None,
    fuzzy: Annotated[
        bool,
        typer.Option(
            "--fuzzy",
            help="Also near matches: most of the phrase's content words in order, each hit "
            "naming the words it misses.",
        ),
    ] = False,
    output_format: TextOrJsonOption = None,
    output: OutputOption = None,
    width: WidthOption = None,
    color: ColorOption = ColorChoice.AUTO,
) -> None:
    """Find where a phrase stands in the corpus, oldest first, with its first appearance.

    Case, accents, quotes, dashes, British or American spelling, and spaces or hyphens inside the
    phrase do not count: "cease-fire", "cease fire" and "ceasefire" find the same paragraphs.
    Each hit shows the match in its sentence, highlighted.

    Exit status as grep(1): 0 when found, 1 when not, 2 on trouble.

    Example: prstdiff search "remain actively seized of the matter" --corpus corpus
    """
    from prstdiff.corpus.index import default_index_path, index_errors, open_index
    from prstdiff.corpus.search import search_phrase
    from prstdiff.render import search as search_render

    chosen = pick_format(output_format, output, TextOrJson, TextOrJson.TEXT)
    _index(corpus, db)
    with index_errors(db or default_index_path(corpus)), open_index(corpus, db=db) as index:
        result = search_phrase(index, phrase, fuzzy=fuzzy)
    text = chosen is TextOrJson.TEXT
    options = terminal_options(output, width, color if text else None)
    if chosen is TextOrJson.JSON:
        rendered = search_render.render_json(result, options)
    else:
        rendered = search_render.render_text(result, options)
    write_output(
        rendered,
        output,
        protected=_protected(corpus, db),
        terminal_text=text,
        color=options.color,
    )
    raise typer.Exit(EXIT_FOUND if result.hits else EXIT_NOT_FOUND)
