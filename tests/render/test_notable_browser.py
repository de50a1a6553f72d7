"""The report's "notable edits only" filter in a real browser (Chromium through Playwright)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from prstdiff.model import Comparison

from .test_browser import pytestmark, visible_ids, visit, write_report

__all__ = ["pytestmark"]


def test_notable_filter_shows_only_pairs_with_notable_edits(
    browser: Browser, real_comparison: Comparison, tmp_path: Path
) -> None:
    seen = visit(browser, write_report(real_comparison, tmp_path, "report.html"))
    page = seen.page
    notable = [f"pair-{n}" for n, pair in enumerate(real_comparison.pairs, 1) if pair.notable]
    assert len(visible_ids(page)) == len(real_comparison.pairs)

    page.click("button[data-filter='notable']")
    assert visible_ids(page) == notable
    assert page.get_attribute("button[data-filter='notable']", "aria-pressed") == "true"
    assert page.text_content("#shown") == f"{len(notable)} of {len(real_comparison.pairs)} pairs"
    mandate = page.locator("article.pair", has_text="for a further period ending on 31")
    assert mandate.locator("mark.notable-date").inner_text() == (
        "date 31 July 2021 → 31 January 2022"
    )

    page.click("button[data-filter='all']")
    assert len(visible_ids(page)) == len(real_comparison.pairs)
    assert seen.errors == [] and seen.dialogs == []
    assert all(url.startswith("file:") for url in seen.requests)
