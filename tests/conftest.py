"""Golden files shared by every test folder: compare output with ``golden/NAME`` beside the test.

Regenerate every golden file after a deliberate change of the reader, engine or a renderer with

    python -m pytest --regen-golden

and review ``git diff tests/*/golden`` before committing it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

REGENERATE_COMMAND = "python -m pytest --regen-golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regen-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files from the current output instead of comparing with them.",
    )


@pytest.fixture()
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare output with ``golden/NAME`` beside the test, or rewrite it under --regen-golden."""
    regenerate = bool(request.config.getoption("--regen-golden"))
    folder = Path(request.path).parent / "golden"

    def check(name: str, actual: str) -> None:
        path = folder / name
        if regenerate:
            path.write_text(actual, encoding="utf-8")
            return
        assert path.exists(), f"{path} is missing: run {REGENERATE_COMMAND}"
        assert actual == path.read_text(encoding="utf-8"), (
            f"output differs from {path.name}; if the change is intended, regenerate with "
            f"{REGENERATE_COMMAND} and review the diff"
        )

    return check


CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium, which Playwright drives for the browser tests (never a downloaded one)."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium for one test module, started without network chatter."""
    from playwright.sync_api import sync_playwright  # a test extra: only browser tests need it

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield launched
        launched.close()
