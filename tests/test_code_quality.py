"""The package stays ruff-clean, formatted, and mypy-strict-clean (the project's own standard)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)


@pytest.mark.skipif(
    shutil.which("ruff") is None and not (Path(sys.prefix) / "bin/ruff").exists(),
    reason="ruff is not installed",
)
def test_ruff_check_and_format() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.prefix) / "bin/ruff")
    checked = run(ruff, "check", "prstdiff", "tests", "bench")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    formatted = run(ruff, "format", "--check", "prstdiff", "tests", "bench")
    assert formatted.returncode == 0, formatted.stdout + formatted.stderr


def test_mypy_strict_on_the_package() -> None:
    pytest.importorskip("mypy")
    result = run(sys.executable, "-m", "mypy", "prstdiff")
    assert result.returncode == 0, result.stdout + result.stderr
