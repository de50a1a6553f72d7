"""The HTML report in a real browser: Debian's Chromium driven headless through Playwright."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Dialog, Page

from prstdiff.io import write_atomic
from prstdiff.model import Comparison
from prstdiff.render import RenderOptions
from prstdiff.render.html import render
from prstdiff.render.labels import is_change

from .madeup import XSS_IMAGE, XSS_SCRIPT

CHROMIUM = Path("/usr/bin/chromium")


pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's Chromium (/usr/bin/chromium) is absent"
    ),
]


@dataclass
class Visit:
    """An open page and what it did while loading and being used."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def visit(browser: Browser, path: Path) -> Visit:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    seen = Visit(page, path.resolve().as_uri())
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda m: seen.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda error: seen.errors.append(str(error)))

    def refuse(dialog: Dialog) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    page.goto(seen.url)
    page.wait_for_load_state("load")
    return seen


def write_report(comparison: Comparison, folder: Path, name: str) -> Path:
    return write_atomic(folder / name, render(comparison, RenderOptions()))


def visible_ids(page: Page) -> list[str]:
    ids: list[str] = page.eval_on_selector_all(
        "article.pair", "rows => rows.filter(r => !r.hidden).map(r => r.id)"
    )
    return ids


def test_real_report_rows_filters_keys_and_no_network(
    browser: Browser, real_comparison: Comparison, tmp_path: Path
) -> None:
    seen = visit(browser, write_report(real_comparison, tmp_path, "cyprus.html"))
    page = seen.page
    pairs = real_comparison.pairs
    changes = [f"pair-{n}" for n, pair in enumerate(pairs, 1) if is_change(pair)]
    assert page.locator("article.pair").count() == len(pairs)
    assert len(visible_ids(page)) == len(pairs)
    assert page.locator("#shown").inner_text() == f"{len(pairs)} of {len(pairs)} pairs"

    page.click("button[data-filter=changes]")
    assert visible_ids(page) == changes
    assert page.locator("article.pair[data-status=reused][data-moved=false]:visible").count() == 0
    assert page.locator("#shown").inner_text() == f"{len(changes)} of {len(pairs)} pairs"
    page.click("button[data-filter=new]")
    new = [f"pair-{n}" for n, pair in enumerate(pairs, 1) if pair.status == "new"]
    assert visible_ids(page) == new
    page.click("button[data-filter=all]")

    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == changes[0]
    page.keyboard.press("n")
    assert page.evaluate("document.activeElement.id") == changes[1]
    page.keyboard.press("p")
    assert page.evaluate("document.activeElement.id") == changes[0]
    assert page.locator(f"#{changes[0]}").is_visible()

    page.click("button[data-view=redline]")
    assert page.locator("#pair-1 .cell.redline").is_visible()
    assert not page.locator("#pair-1 .cell.old").is_visible()
    page.click("button[data-view=side]")

    page.screenshot(path=str(tmp_path / "report.png"))
    assert (tmp_path / "report.png").stat().st_size > 10_000
    assert seen.requests == [seen.url]
    assert seen.errors == []
    page.close()


def test_hostile_text_shows_as_text_and_nothing_executes(
    browser: Browser, madeup_xss: Comparison, tmp_path: Path
) -> None:
    seen = visit(browser, write_report(madeup_xss, tmp_path, "madeup_xss.html"))
    page = seen.page
    page.keyboard.press("n")  # run our own script once more: still no dialog
    assert seen.dialogs == []
    assert page.locator("img").count() == 0
    assert page.locator("script").count() == 1
    assert XSS_SCRIPT in page.locator("#pair-1 .cell.new .text").inner_text()
    assert XSS_IMAGE in page.locator("#pair-1 .cell.new .text").inner_text()
    assert page.get_by_text(XSS_SCRIPT, exact=True).first.is_visible()
    assert XSS_SCRIPT in page.title()
    assert seen.requests == [seen.url]
    assert seen.errors == []
    page.close()
