"""Batch manifests: the pairs a user asks for, as CSV or TOML rows of ``old,new[,name]``.

A CSV manifest holds one pair a line, with an optional header (``old,new,name``); blank lines and
lines starting with ``#`` are ignored. A TOML manifest holds ``[[pair]]`` tables with ``old``,
``new`` and an optional ``name``. Paths are relative to the manifest's folder. Whether the named
files can be read is not the manifest's concern: a pair whose document cannot be read fails on its
own when the job runs, and the other pairs still complete.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from prstdiff.errors import ManifestError

_FIELDS = ("old", "new", "name")
_TOML_HEADER = re.compile(r"^\s*\[\[\s*pair\s*\]\]\s*(#.*)?$")


@dataclass(frozen=True, slots=True)
class ManifestEntry:
    """One pair named by a manifest."""

    old: Path
    """The earlier document, resolved against the manifest's folder."""
    new: Path
    """The later document, resolved against the manifest's folder."""
    name: str | None
    """The name the user gave the pair (sanitised later, when outputs are named); None if absent."""
    line: int
    """Line of the manifest where the entry stands (one-based), for error messages."""


def read_manifest(path: str | Path) -> tuple[ManifestEntry, ...]:
    """Read a CSV or TOML manifest (chosen by the ``.toml`` suffix) into its entries."""
    manifest = Path(path)
    try:
        text = manifest.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ManifestError("cannot read manifest: no such file", manifest) from None
    except IsADirectoryError:
        raise ManifestError("cannot read manifest: is a folder", manifest) from None
    except UnicodeDecodeError:
        raise ManifestError("cannot read manifest: not UTF-8 text", manifest) from None
    except OSError as error:
        raise ManifestError(f"cannot read manifest: {error.strerror or error}", manifest) from None
    if "\x00" in text:
        raise ManifestError("cannot read manifest: binary file", manifest)
    if manifest.suffix.lower() == ".toml":
        entries = _parse_toml(text, manifest)
    else:
        entries = _parse_csv(text, manifest)
    if not entries:
        raise ManifestError("manifest names no pairs", manifest)
    return entries


def _parse_csv(text: str, manifest: Path) -> tuple[ManifestEntry, ...]:
    folder = manifest.parent
    reader = csv.reader(text.splitlines(keepends=True), skipinitialspace=True)
    columns: tuple[str, ...] | None = None
    entries: list[ManifestEntry] = []
    try:
        for row in reader:
            line = reader.line_num
            cells = [cell.strip() for cell in row]
            while cells and not cells[-1]:
                cells.pop()
            if not cells or cells[0].startswith("#"):
                continue
            lowered = tuple(cell.lower() for cell in cells)
            if columns is None and not entries and {"old", "new"} <= set(lowered):
                unknown = [cell for cell in lowered if cell not in _FIELDS]
                if unknown or len(set(lowered)) != len(lowered):
                    raise ManifestError(
                        f"line {line}: header must name old, new and optionally name once each",
                        manifest,
                    )
                columns = lowered
                continue
            order = columns or _FIELDS[: max(2, len(cells))]
            if len(cells) > len(order) or len(cells) < 2:
                raise ManifestError(
                    f"line {line}: expected old,new[,name], found {len(cells)} field"
                    + ("" if len(cells) == 1 else "s"),
                    manifest,
                )
            values = dict(zip(order, cells, strict=False))
            entries.append(_entry(values, folder, line, manifest))
    except csv.Error as error:
        raise ManifestError(f"line {reader.line_num}: {error}", manifest) from None
    return tuple(entries)


def _parse_toml(text: str, manifest: Path) -> tuple[ManifestEntry, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ManifestError(f"not valid TOML: {error}", manifest) from None
    unknown = sorted(set(data) - {"pair"})
    if unknown:
        raise ManifestError(f"unknown key {unknown[0]!r}: expected [[pair]] tables", manifest)
    tables = data.get("pair", [])
    if not isinstance(tables, list):
        raise ManifestError("'pair' must be an array of tables ([[pair]])", manifest)
    # tomllib keeps no positions; the n-th ``[[pair]]`` header is the n-th table when the
    # manifest uses headers, which lets errors point at a line.
    header_lines = [n for n, line in enumerate(text.splitlines(), 1) if _TOML_HEADER.match(line)]
    if len(header_lines) != len(tables):
        header_lines = []
    entries: list[ManifestEntry] = []
    for number, table in enumerate(tables, 1):
        line = header_lines[number - 1] if header_lines else 0
        where = f"line {line}" if line else f"pair {number}"
        if not isinstance(table, dict):
            raise ManifestError(f"{where}: a pair must be a table with old and new", manifest)
        extra = sorted(set(table) - set(_FIELDS))
        if extra:
            raise ManifestError(f"{where}: unknown key {extra[0]!r}", manifest)
        values: dict[str, str] = {}
        for key, value in table.items():
            if not isinstance(value, str):
                raise ManifestError(f"{where}: {key!r} must be a string", manifest)
            values[key] = value.strip()
        entries.append(_entry(values, manifest.parent, line or number, manifest, where))
    return tuple(entries)


def _entry(
    values: dict[str, str], folder: Path, line: int, manifest: Path, where: str | None = None
) -> ManifestEntry:
    where = where or f"line {line}"
    for key in ("old", "new"):
        if not values.get(key):
            raise ManifestError(f"{where}: missing {key!r} document", manifest)
    name = values.get("name") or None
    return ManifestEntry(
        old=folder / values["old"], new=folder / values["new"], name=name, line=line
    )
