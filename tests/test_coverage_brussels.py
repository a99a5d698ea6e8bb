"""Three outlets' web pages on one meeting, written for the tests: HTML with navigation, bylines, share bars,
"Most popular" boxes and a newsletter call to action above the headline, and conflicts of month, polarity and
duration. Nothing here appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("trafilatura", reason="HTML pages are read with the html extra")

from compare.api import compare  # noqa: E402
from compare.models import Relation  # noqa: E402

FOLDER = Path(__file__).resolve().parent / "coverage_brussels"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def test_one_meeting_one_event_with_its_headlines_as_titles(result):
    assert len(result.events) == 1 and len(result.events[0].sources) == 3
    titles = {s.id: s.title for s in result.sources}
    assert titles["wire"] == "EU, Japan seal chip deal in Brussels"  # not "Subscribe to our newsletter"
    assert not any("newsletter" in s.text.lower() for s in result.sentence_records)
    reasons = {d.text: d.reason for d in result.dropped_records if d.source == "wire"}
    assert reasons["Subscribe to our newsletter"] == "boilerplate"  # a call to action, not the page's title


def test_the_conflicts_found_are_the_ones_written_in(result):
    reasons = {f.reason.split(":")[0] for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert reasons == {"dates", "polarity", "numbers"}, reasons
    months = [f.reason for f in result.finding_records if f.reason.startswith("dates:")]
    assert all("January" in r and "April" in r for r in months)


def test_more_than_and_about_the_same_sum_agree(result):
    subsidies = [s for s in result.sentence_records if "40 billion euros" in s.text]
    assert len(subsidies) == 3
    ids = {(s.source, s.id) for s in subsidies}
    pairs = [f for f in result.finding_records if (f.source, f.sentence_id) in ids]
    assert pairs and all(f.relation in (Relation.AGREE, Relation.PARTIAL) for f in pairs)
