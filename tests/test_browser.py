"""Opens report.html in a real headless browser (Debian's chromium, driven by Playwright).

Needs /usr/bin/chromium (`apt-get install chromium`) and the playwright package; never `playwright install`.
Without the browser these tests skip with the reason, so the README's test command passes on a machine with
nothing but Python; .ci/run installs chromium and sets CROSSCHECK_REQUIRE_BROWSER=1, which makes a missing
browser a failure there.
"""

from __future__ import annotations

import os

import pytest
from playwright.sync_api import sync_playwright

from compare.index import ResultIndex
from compare.report.writer import write_reports
from report_fixture import SOFA_REASON, make_comparison

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


REQUIRED = os.environ.get("CROSSCHECK_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        message = f"the browser test needs Debian's chromium at {CHROMIUM}: apt-get install chromium (as .ci/run does)"
        if REQUIRED:
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class Visit:
    """A page opened from disk with every request, console message, page error and dialog recorded."""

    def __init__(self, browser, path, *, javascript=True):
        self.context = browser.new_context(viewport={"width": 1366, "height": 900}, java_script_enabled=javascript)
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.console: list[tuple[str, str]] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("console", lambda message: self.console.append((message.type, message.text)))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url)
        self.page.wait_for_load_state("load")

    def _route(self, route):
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def assert_quiet(self):
        assert self.requests == [self.url]
        assert self.blocked == []
        assert [m for m in self.console if m[0] in ("error", "warning")] == []
        assert self.errors == []
        assert self.dialogs == []  # the <script> in a source never ran

    def close(self):
        self.context.close()


@pytest.fixture
def report(tmp_path):
    write_reports(make_comparison(), tmp_path / "reports")
    return tmp_path / "reports" / "report.html"


def test_report_in_a_real_browser(browser, report, tmp_path):
    visit = Visit(browser, report)
    page = visit.page
    try:
        contradiction = page.locator("article.contradiction").first
        assert contradiction.is_visible()
        text = contradiction.inner_text()
        assert "It was not made clear whether the talks touched on the status of forces agreement." in text
        assert "The talks addressed the status of forces agreement." in text
        assert SOFA_REASON in text

        matrix = page.locator("table.matrix").first
        assert matrix.is_visible()
        headers = matrix.locator("thead th").all_inner_texts()
        assert headers[2:] == ["Alpha Daily (alpha)", "bravo", "Charlie & Sons <b>News</b> (charlie)"]
        assert matrix.locator("td.cell-hedged").first.is_visible()

        # The hostile title and sentence show as text.
        assert page.locator("table.sources").first.get_by_text("<script>alert(1)</script> Naples talks").is_visible()

        # Progressive filtering: only the sentence that mentions December stays in the alignment.
        page.get_by_placeholder("Filter sentences").first.fill("December")
        rows = page.locator("section#event-1 table.align tbody tr")
        visible = [row for row in rows.all() if row.is_visible()]
        assert len(visible) == 1 and "December" in visible[0].inner_text()
        page.get_by_placeholder("Filter sentences").first.fill("")
        page.get_by_label("Relation", exact=True).first.select_option("contradict")
        visible = [row.get_attribute("id") for row in rows.all() if row.is_visible()]
        assert visible == ["s1-1", "s1-2", "s2-1", "s3-2"]  # both sides of both contradictions

        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        visit.assert_quiet()
    finally:
        visit.close()


def test_report_works_with_javascript_off(browser, report):
    visit = Visit(browser, report, javascript=False)
    page = visit.page
    try:
        assert page.locator("article.contradiction").count() == 2
        assert page.locator("article.contradiction").first.is_visible()
        assert page.locator("table.matrix").first.is_visible()
        assert page.get_by_placeholder("Filter sentences").count() == 0  # no dead controls without JavaScript
        # A link from the claim matrix leads to the sentence and its offsets in the alignment.
        page.locator("table.matrix a").first.click()
        target = page.locator(":target")
        assert target.count() == 1 and "chars" in target.inner_text()
        visit.assert_quiet()
    finally:
        visit.close()


def test_seed_report_shows_the_sofa_contradiction(browser, seed_comparison, gold, tmp_path):
    """On the real seeds: the gold contradiction is on screen with both sentences and the reason, and the
    Naples claim matrix has a column for each of its three sources."""
    pair = next(p for p in gold["pairs"] if p["relation"] == "contradict")
    naples = next(members for members in gold["events"].values() if len(members) == 3)
    sentences = {(s.source, s.id): s.text for s in seed_comparison.sentence_records}

    def holding(source, quote):
        return {key for key, text in sentences.items() if key[0] == source and quote in text}

    side_a, side_b = holding(pair["a"], pair["a_text"]), holding(pair["b"], pair["b_text"])
    finding = next(
        (
            f for f in seed_comparison.finding_records
            if f.relation == "contradict"
            and {(f.source, f.sentence_id), (f.other_source, f.other_sentence_id)} & side_a
            and {(f.source, f.sentence_id), (f.other_source, f.other_sentence_id)} & side_b
        ),
        None,
    )
    assert finding is not None, "the pipeline does not label the gold contradiction `contradict`"
    write_reports(seed_comparison, tmp_path / "reports")
    visit = Visit(browser, tmp_path / "reports" / "report.html")
    page = visit.page
    try:
        article = page.locator("article.contradiction").filter(has_text=pair["a_text"]).filter(has_text=pair["b_text"])
        assert article.count() == 1
        assert article.is_visible()
        assert finding.reason in " ".join(article.inner_text().split())
        section = page.locator("section.event").filter(has=article)
        headers = section.locator("table.matrix thead th").all_inner_texts()
        index = ResultIndex(seed_comparison)
        assert sorted(headers[2:]) == sorted(index.label(source) for source in naples)
        shot = tmp_path / "seed-report.png"
        page.screenshot(path=str(shot), full_page=False)
        assert shot.stat().st_size > 10_000
        visit.assert_quiet()
    finally:
        visit.close()
