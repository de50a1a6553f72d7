"""MkDocs hook: pages made at build time from what they describe, so they cannot drift from it.

- ``cli.md`` holds the marker ``<!-- cli-reference -->``, replaced by the real ``--help`` of
  ``prstdiff`` and of each of its commands;
- ``index.md`` holds the marker ``<!-- readme -->``, replaced by the repository's README with its
  links made relative to the site;
- ``api.md`` holds the marker ``<!-- public-names -->``, replaced by every name of
  ``prstdiff.__all__`` linked to its entry in the reference: a public name left undocumented is a
  broken link, which fails a strict build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

MARKER = "<!-- cli-reference -->"
README_MARKER = "<!-- readme -->"
NAMES_MARKER = "<!-- public-names -->"
WIDTH = 100
"""Columns the help is wrapped to: the width of the site's code blocks."""


def _help(arguments: list[str]) -> str:
    """What ``prstdiff ARGUMENTS --help`` prints, without colour, at a fixed width."""
    from typer.testing import CliRunner

    from prstdiff.cli import app

    environment = {"NO_COLOR": "1", "COLUMNS": str(WIDTH), "TERM": "dumb"}
    result = CliRunner().invoke(app, [*arguments, "--help"], env=environment, terminal_width=WIDTH)
    if result.exit_code != 0:
        raise RuntimeError(f"prstdiff {' '.join(arguments)} --help failed: {result.output}")
    lines = [line.rstrip() for line in result.output.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def reference() -> str:
    """The Markdown of the whole reference: the program's help, then each command's."""
    import typer.main

    from prstdiff.cli import app

    group: Any = typer.main.get_command(app)
    parts = ["## prstdiff", "", "```text", _help([]), "```", ""]
    for name in sorted(group.commands):
        parts += [f"## prstdiff {name}", "", "```text", _help([name]), "```", ""]
    return "\n".join(parts)


def public_names() -> str:
    """A table of the package's public names, each linked to where the reference documents it."""
    import prstdiff

    rows = ["| name | defined in |", "|---|---|"]
    for name in sorted(prstdiff.__all__, key=str.lower):
        module = prstdiff.EXPORTS[name]
        rows.append(f"| [`{name}`][{module}.{name}] | `{module}` |")
    return "\n".join(rows)


def on_config(config: Any) -> Any:
    """Document the code of this checkout, not whatever copy of prstdiff is installed."""
    root = str(Path(config["config_file_path"]).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    os.environ.setdefault("NO_COLOR", "1")
    return config


def readme(root: Path) -> str:
    """The README as a page of the site: links into ``docs/`` become site links."""
    text = (root / "README.md").read_text(encoding="utf-8")
    text = text.replace("](docs/", "](")
    # CONTRIBUTING.md lives beside the README, outside the site.
    return text.replace("[CONTRIBUTING.md](CONTRIBUTING.md)", "`CONTRIBUTING.md` in the repository")


def on_page_markdown(markdown: str, page: Any, config: Any, **_: Any) -> str:
    """Fill the markers of the generated pages."""
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, reference())
    if NAMES_MARKER in markdown:
        markdown = markdown.replace(NAMES_MARKER, public_names())
    if README_MARKER in markdown:
        root = Path(config["config_file_path"]).resolve().parent
        markdown = markdown.replace(README_MARKER, readme(root))
    return markdown
