"""The reports on the real seed articles: valid HTML, the Naples claim matrix, and reports/ kept up to date."""

from __future__ import annotations

import html5lib
import pytest

from compare.claims import Kind, event_claims
from compare.index import ResultIndex
from compare.report.html import render_html
from compare.report.writer import REPORT_FILES, render_reports
from conftest import ROOT
from report_fixture import index_and_claims

NS = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def relative_seed_comparison():
    """The comparison `crosscheck report seeds/` makes when run from the repository root (paths as given)."""
    import os

    from compare.api import compare

    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return compare(["seeds/"])
    finally:
        os.chdir(here)


def naples_ids(gold) -> list[str]:
    return next(members for name, members in gold["events"].items() if len(members) == 3)


def test_seed_report_is_strict_html(seed_comparison):
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(render_html(*index_and_claims(seed_comparison)))
    assert parser.errors == []


def test_naples_claim_matrix_shows_all_three_sources(seed_comparison, gold):
    naples = naples_ids(gold)
    event = next(e for e in seed_comparison.events if set(e.sources) == set(naples))
    claims = event_claims(ResultIndex(seed_comparison), event)
    assert claims and all([source for source, _ in claim.cells] == list(event.sources) for claim in claims)
    # Every sentence of the event is in exactly one claim; an added detail names sentences of the claims it adds to.
    members = [key for claim in claims if claim.kind != Kind.DETAIL for key in claim.sentences]
    details = [key for claim in claims if claim.kind == Kind.DETAIL for key in claim.sentences]
    assert details and set(details) <= set(members)
    expected = [(s.source, s.id) for s in seed_comparison.sentence_records if s.source in naples]
    assert sorted(members) == sorted(expected)
    tree = html5lib.parse(render_html(*index_and_claims(seed_comparison)))
    matrix = next(t for t in tree.iter(f"{NS}table") if "matrix" in t.get("class", ""))
    header = ["".join(th.itertext()).strip() for th in matrix.iter(f"{NS}th")]
    index = ResultIndex(seed_comparison)
    assert header[2:] == [index.label(source) for source in event.sources]
    assert any(label != source for label, source in zip(header[2:], event.sources))  # outlets named


def test_every_seed_sentence_shows_its_offsets(seed_comparison):
    page = render_html(*index_and_claims(seed_comparison))
    for s in seed_comparison.sentence_records:
        assert f"chars {s.start}–{s.end}" in page


def test_reports_folder_is_up_to_date(relative_seed_comparison):
    """reports/ holds the output of `crosscheck report seeds/`; regenerate it with that command when this fails."""
    fresh = render_reports(relative_seed_comparison)
    folder = ROOT / "reports"
    stale = [name for name in REPORT_FILES if not (folder / name).is_file()
             or (folder / name).read_bytes() != fresh[name].encode("utf-8")]
    assert stale == [], f"reports/ is stale ({', '.join(stale)}): run `crosscheck report seeds/` and commit reports/"
