"""Regenerates the screenshots in docs/ from reports/report.html (run `crosscheck report seeds/` first).

usage: python docs/screenshots.py
Needs Debian's chromium at /usr/bin/chromium and the playwright package (never `playwright install`).
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main() -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto((ROOT / "reports" / "report.html").as_uri())
        page.screenshot(path=str(ROOT / "docs" / "report.png"))
        page.locator("article.contradiction").first.screenshot(path=str(ROOT / "docs" / "report-contradiction.png"))
        browser.close()


if __name__ == "__main__":
    main()
