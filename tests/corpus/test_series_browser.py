"""The series page in a real browser (Debian's Chromium through Playwright), at laptop width."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from typer.testing import CliRunner

from prstdiff.cli import app

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
LAPTOP = {"width": 1366, "height": 768}
"""The commonest laptop screen."""

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's Chromium (/usr/bin/chromium) is absent"
    ),
]


@pytest.fixture(scope="module")
def unficyp_page(tmp_path_factory: pytest.TempPathFactory, subset_folder: Path) -> Path:
    """The UNFICYP series followed from 2674 (2023), as a page with its pair reports."""
    out = tmp_path_factory.mktemp("series") / "unficyp.html"
    result = CliRunner().invoke(
        app,
        [
            "series",
            str(subset_folder),
            "--from",
            str(ROOT / "corpus" / "S_RES_2674_2023.txt"),
            "-o",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture()
def page(browser: Browser, unficyp_page: Path) -> Iterator[Page]:
    opened = browser.new_page(viewport=LAPTOP)
    errors: list[str] = []
    requests: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("request", lambda request: requests.append(request.url))
    opened.goto(unficyp_page.resolve().as_uri())
    yield opened
    assert errors == []
    # Only the page itself and the pair reports it links to, never the network.
    assert all(url.startswith("file://") for url in requests)
    opened.close()


def test_the_page_fits_a_laptop_screen_at_117_documents(page: Page) -> None:
    assert page.locator(".sx-docs tbody tr:not(.sx-gap)").count() == 117
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= LAPTOP["width"]
    # The timeline shows every document's column without scrolling sideways.
    grid = page.locator(".sx-grid-wrap")
    assert grid.evaluate("e => e.scrollWidth <= e.clientWidth")
    cell_width = page.locator(".sx-cell").first.evaluate("e => e.getBoundingClientRect().width")
    assert cell_width >= 7


def test_paragraph_text_on_hover_and_on_click(page: Page) -> None:
    # Line 8 is 192 (1964) OP 4, "Extends the stationing in Cyprus of the United Nations
    # Peace-keeping Force ...", carried through the 1970s renewals.
    cell = page.locator('.sx-cell[data-row="8"][data-col="20"]')
    title = cell.get_attribute("title")
    assert title is not None and title.startswith("S/RES/324 (1972) ")
    assert "stationing in Cyprus of the United Nations Peace-keeping Force" in title
    panel = page.locator("#sx-panel")
    assert panel.is_hidden()
    cell.click()
    assert panel.is_visible()
    chosen = panel.locator("li.sx-chosen")
    assert "S/RES/324 (1972)" in chosen.inner_text()
    assert "stationing in Cyprus of the United Nations Peace-keeping Force" in chosen.inner_text()
    assert panel.locator("li").count() == page.locator('.sx-cell[data-row="8"]').count()


def test_lines_in_one_document_only_are_hidden_until_asked_for(page: Page) -> None:
    single = page.locator(".sx-row-label.sx-single")
    assert single.count() > 0 and single.first.is_hidden()
    page.locator("#show-single").check()
    assert single.first.is_visible()


def test_every_step_links_to_its_pair_report(page: Page, unficyp_page: Path) -> None:
    links = page.locator("a.pair-link")
    assert links.count() == 116
    hrefs = [links.nth(i).get_attribute("href") or "" for i in range(links.count())]
    assert all((unficyp_page.parent / href).is_file() for href in hrefs)
    assert hrefs[0] == "unficyp-pairs/001-S_RES_192_1964--S_RES_194_1964.html"
    links.first.click()
    page.wait_for_load_state()
    assert page.url.endswith("001-S_RES_192_1964--S_RES_194_1964.html")
    assert "S/RES/194 (1964)" in page.locator("body").inner_text()
