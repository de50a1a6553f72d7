"""The package's modules import one another without cycles, function-level imports included.

Every ``import`` statement of every module under ``prstdiff/`` counts, wherever it stands (at the
top, inside a function, under ``if TYPE_CHECKING:``): an import hidden in a function is still a
dependency, it only fails later. An edge goes to the module an import names
(``from prstdiff.corpus.index import X`` -> ``prstdiff.corpus.index``; ``from prstdiff.render
import text`` -> ``prstdiff.render.text`` when that is a module). The package root loads its public
names lazily from ``prstdiff.EXPORTS``, so those count as its imports too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import prstdiff

PACKAGE = Path(prstdiff.__file__).resolve().parent
HEAVY = ("numpy", "rapidfuzz", "jinja2", "sqlite3", "prstdiff.batch", "distributed")
"""What ``import prstdiff`` and ``prstdiff --help`` must not load."""


def module_name(path: Path) -> str:
    """The dotted name of a module file under the package."""
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def imported(name: str, path: Path, known: set[str]) -> Iterator[str]:
    """The package's modules that one module imports, anywhere in its source."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                submodule = f"{target}.{alias.name}"
                if submodule in known:
                    yield submodule
                elif target in known:
                    yield target


def import_graph() -> dict[str, set[str]]:
    """Module -> the package's modules it imports (itself excluded)."""
    found = modules()
    known = set(found)
    graph = {name: set(imported(name, path, known)) - {name} for name, path in found.items()}
    graph["prstdiff"] |= set(prstdiff.EXPORTS.values())
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in found)


def test_the_cycle_finder_sees_a_function_level_cycle(tmp_path: Path) -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from prstdiff.parse import load\n", encoding="utf-8")
    assert list(imported("prstdiff.m", module, {"prstdiff.parse"})) == ["prstdiff.parse"]


def test_no_module_imports_the_package_root() -> None:
    # The root imports everything (lazily); a module that imports it back closes a cycle.
    importers = sorted(name for name, targets in import_graph().items() if "prstdiff" in targets)
    assert importers == []


def test_exports_are_the_public_surface() -> None:
    assert sorted(prstdiff.EXPORTS) == sorted(prstdiff.__all__)
    for name in prstdiff.__all__:
        assert getattr(prstdiff, name) is not None, name


HELP = """
import contextlib, io, sys
sys.argv = ["prstdiff", "--help"]
from prstdiff.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    main()
"""


@pytest.mark.parametrize("code", ["import prstdiff", HELP], ids=["import", "help"])
def test_import_and_help_stay_light(code: str) -> None:
    import subprocess
    import sys

    check = f"{code}\nimport sys; print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    result = subprocess.run(
        [sys.executable, "-c", check],
        capture_output=True,
        text=True,
        check=True,
        cwd=PACKAGE.parent,
    )
    assert result.stdout.strip() == "[]"
