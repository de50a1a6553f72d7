"""Fixtures of the reader tests: where the bundled corpus and the seed fixture are."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent.parent
CORPUS = TESTS.parent / "corpus"
SEED = TESTS / "fixtures" / "S_PRST_2007_42.onecol.txt"


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The folder of real UN documents bundled with the project."""
    return CORPUS


@pytest.fixture(scope="session")
def seed() -> Path:
    """S/PRST/2007/42 in its one-paragraph-per-line extraction."""
    return SEED
