"""Fixtures of the renderer tests: a real pair from the corpus, made-up comparisons, golden files.

Golden files (``golden/``) are compared by the ``golden`` fixture of ``tests/conftest.py``.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from prstdiff.compare import compare
from prstdiff.model import Comparison, Document
from prstdiff.parse import load

from .madeup import madeup_comparison, madeup_xss_comparison

HERE = Path(__file__).parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "corpus"
GOLDEN = HERE / "golden"
OLD_NAME = "S_RES_2561_2021.txt"
NEW_NAME = "S_RES_2587_2021.txt"
"""The golden pair: two consecutive UNFICYP (Cyprus) mandate renewals of 2021."""


def _as_in_repository(document: Document, name: str) -> Document:
    # The source path is recorded as given; make it the same on every machine for golden files.
    assert document.source is not None
    source = dataclasses.replace(document.source, path=f"corpus/{name}")
    return dataclasses.replace(document, source=source)


@pytest.fixture(scope="session")
def real_comparison() -> Comparison:
    """S/RES/2561 (2021) compared with S/RES/2587 (2021), read from the bundled corpus."""
    old = _as_in_repository(load(CORPUS / OLD_NAME), OLD_NAME)
    new = _as_in_repository(load(CORPUS / NEW_NAME), NEW_NAME)
    return compare(old, new)


@pytest.fixture()
def madeup() -> Comparison:
    """A made-up comparison with every status and flag."""
    return madeup_comparison()


@pytest.fixture()
def madeup_xss() -> Comparison:
    """A made-up comparison whose text tries to inject markup."""
    return madeup_xss_comparison()
