"""Three outlets' reports of one signing, written for the tests in the shapes real pages take: an agency story
that ends with its credit line and the agency's standards line after it, an HTML page with a cookie notice, a
photo caption and a "Read more" link, and a paper whose article ends with calls to subscribe. Its traps: a
detail left open ("not immediately clear when") that is no denial, the same sum and the same length of talks
written two ways, and a place written with and without its accent. Nothing here appears in the seeds or the
benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from coverage_helpers import dropped_not_read, findings_of

from compare.api import compare
from compare.models import Relation

FOLDER = Path(__file__).resolve().parent / "coverage_manila"
LEDGER, ISLAND, HARBOR = "pacific_ledger", "island_times", "harbor_daily"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def test_one_signing_one_event(result):
    assert [sorted(e.sources) for e in result.events] == [sorted([LEDGER, ISLAND, HARBOR])]


@pytest.mark.parametrize("line", [
    "Reporting by Maria Santos; Editing by John Reed",
    "Our Standards: The Pacific Ledger Trust Principles.",  # after the credit line: the agency's, not the story's
    "Advertisement",
    "Updated 3 hours ago",
    "Sign up for our morning newsletter",
    "Click here to subscribe to Harbor Daily",
    "Read more: China protests Philippine resupply mission",
])
def test_page_furniture_is_dropped_not_read_as_sentences(result, line):
    assert dropped_not_read(result, line)


def test_html_chrome_never_reaches_the_sentences(result):
    text = " ".join(s.text for s in result.sentence_records)
    for furniture in ("cookie", "Photo: Island Times", "All rights reserved"):
        assert furniture not in text


def test_a_detail_left_open_is_partial_not_a_denial(result):
    for other, finding in findings_of(result, ISLAND, "not immediately clear when").items():
        assert finding.relation != Relation.CONTRADICT, (other, finding.reason)
    found = findings_of(result, LEDGER, "take effect after ratification")[ISLAND]
    assert found.relation == Relation.PARTIAL and found.reason.startswith("open detail:")


@pytest.mark.parametrize("source, words, other", [
    (LEDGER, "90 minutes", ISLAND),  # "an hour and a half"
    (LEDGER, "$1.2 billion", ISLAND),  # "1.2 billion dollars"
    (LEDGER, "Malacanang Palace", ISLAND),  # "Malacañang Palace"
])
def test_the_same_fact_written_two_ways_is_no_contradiction(result, source, words, other):
    found = findings_of(result, source, words)[other]
    assert found.relation in (Relation.AGREE, Relation.PARTIAL), found.reason


def test_no_contradiction_is_reported_where_the_outlets_do_not_disagree(result):
    assert [f.reason for f in result.finding_records if f.relation == Relation.CONTRADICT] == []
