"""Make ``docs/report.png``, the README's picture of the HTML report, from a real corpus pair.

Run from anywhere: ``python docs/make_screenshot.py`` (needs Chromium at /usr/bin/chromium).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpus"
OLD = CORPUS / "S_RES_2561_2021.txt"
NEW = CORPUS / "S_RES_2587_2021.txt"
CHROMIUM = "/usr/bin/chromium"


def main() -> None:
    """Write the report of S/RES/2561 (2021) -> 2587 (2021) and photograph its first screen."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.html"
        command = [
            sys.executable,
            "-m",
            "prstdiff",
            "report",
            str(OLD),
            str(NEW),
            "-o",
            str(report),
        ]
        status = subprocess.run(command, check=False).returncode
        if status not in (0, 1):
            raise SystemExit(f"prstdiff report failed with status {status}")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM,
                headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1200, "height": 1320})
            page.goto(report.as_uri())
            page.click("button[data-filter=changes]")
            page.screenshot(path=str(HERE / "report.png"))
            browser.close()
    print(f"wrote {HERE / 'report.png'}")


if __name__ == "__main__":
    main()
