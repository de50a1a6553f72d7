"""The batch index page in a real browser: its rows, sorting by a column, links that resolve."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from prstdiff.batch import JobResult

from .conftest import UNFICYP_PAIR_NAMES, UNFICYP_SYMBOLS

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed"),
]


def test_index_page_rows_sorting_and_links(
    reference_job: tuple[JobResult, dict[str, bytes]],
) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    outdir = reference_job[0].outdir
    problems: list[str] = []
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            page = browser.new_page()
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.on("console", lambda m: m.type == "error" and problems.append(m.text))
            page.on(
                "request",
                lambda r: None if r.url.startswith(("file:", "data:")) else problems.append(r.url),
            )
            page.goto((outdir / "index.html").as_uri())

            rows = page.locator("#pairs tbody tr")
            assert rows.count() == 14
            first = rows.nth(0).locator("td").all_inner_texts()
            assert first[:5] == [
                "1",
                UNFICYP_SYMBOLS[0],
                "2016-01-28",
                UNFICYP_SYMBOLS[1],
                "2016-07-26",
            ]
            names = [rows.nth(n).get_attribute("data-name") for n in range(14)]
            assert names == list(UNFICYP_PAIR_NAMES)

            def column(index: int) -> list[str]:
                return page.eval_on_selector_all(
                    "#pairs tbody tr",
                    f"rows => rows.map(r => r.cells[{index}].getAttribute('data-value'))",
                )

            reused_header = page.locator("#pairs thead th").nth(5)
            assert reused_header.inner_text().startswith("Reused")
            reused_header.locator("button").click()
            assert reused_header.get_attribute("aria-sort") == "ascending"
            ascending = [float(v) for v in column(5)]
            assert ascending == sorted(ascending) and len(set(ascending)) > 1
            reused_header.locator("button").click()
            assert reused_header.get_attribute("aria-sort") == "descending"
            assert [float(v) for v in column(5)] == sorted(ascending, reverse=True)
            assert page.locator("#pairs thead th").nth(0).get_attribute("aria-sort") == "none"

            later_header = page.locator("#pairs thead th").nth(3)
            later_header.locator("button").click()
            assert column(3) == sorted(UNFICYP_SYMBOLS[1:])
            page.locator("#pairs thead th").nth(0).locator("button").click()  # back to job order
            assert column(0) == [str(n) for n in range(1, 15)]

            # Every link of the table and of the heat map names a file of the job.
            hrefs = page.eval_on_selector_all(
                "#pairs a[href], #heatmap a",
                "links => links.map(a => new URL(a.getAttribute('href'), document.baseURI).href)",
            )
            assert len(hrefs) == 14 * 2 + 14
            for href in hrefs:
                target = Path(unquote(urlparse(href).path))
                assert target.is_file(), href
                assert target.parent == outdir / "pairs"
            assert len(page.locator("#heatmap rect.cell").all()) == 14

            # A report link opens the pair's own report.
            rows.nth(0).locator("a.report-link").click()
            page.wait_for_load_state()
            assert page.url.endswith(f"/pairs/{UNFICYP_PAIR_NAMES[0]}.html")
            assert UNFICYP_SYMBOLS[0] in page.title() and UNFICYP_SYMBOLS[1] in page.title()
        finally:
            browser.close()
    assert problems == []
