"""Three outlets' reports of one trade meeting, written for the tests in the shapes real pages take: an agency
update with its version note above the dateline, a site with trending and tag lines, a file-photo caption, a
repeated paragraph and share buttons, and a short report. The place is written once as "the Kenyan capital".
Two real conflicts (10 against 15 percent; Kenya rejected against accepted a proposal) and the same facts
written two ways (a dozen / 12; 10% / 10 percent). Nothing here appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from coverage_helpers import findings_of

from compare.api import compare
from compare.models import Relation

FOLDER = Path(__file__).resolve().parent / "coverage_nairobi"
WIRE, HERALD, OBSERVER = "savanna_wire", "lakeside_herald", "coast_observer"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def test_one_meeting_one_event_though_one_report_only_says_the_kenyan_capital(result):
    assert [sorted(e.sources) for e in result.events] == [sorted([WIRE, HERALD, OBSERVER])]
    assert {s.id: s.place for s in result.sources}[HERALD] == "Nairobi"


@pytest.mark.parametrize("line, reason", [
    ("(Adds details on tariff schedule in paragraph 4)", "boilerplate"),
    ("NAIROBI, Feb 14 (Savanna Wire) -", "dateline"),
    ("Tags: trade, Kenya, Tanzania", "boilerplate"),
    ("FILE PHOTO: Trucks wait at the Namanga border post. Photo: Lakeside Herald", "caption"),
    ("Trending now", "boilerplate"),
    ("Share on WhatsApp", "boilerplate"),
    ("Comments (12)", "boilerplate"),
    ("(Reporting by Daniel Otieno; Editing by Sarah Kim)", "boilerplate"),
])
def test_page_furniture_is_dropped_with_its_reason(result, line, reason):
    assert any(d.text == line and d.reason == reason for d in result.dropped_records), line


def test_the_headline_under_the_tags_is_the_title(result):
    assert {s.id: s.title for s in result.sources}[HERALD] == "Kenya and Tanzania slash border tariffs"


def test_the_real_conflicts_are_contradictions(result):
    tariffs = findings_of(result, HERALD, "by 15 per cent")[WIRE]
    assert tariffs.relation == Relation.CONTRADICT and tariffs.reason.startswith("numbers:")
    proposal = findings_of(result, WIRE, "Kenya rejected")[HERALD]
    assert proposal.relation == Relation.CONTRADICT and proposal.reason.startswith("polarity:")


@pytest.mark.parametrize("source, words, other", [
    (WIRE, "a dozen agreements", HERALD),  # "12 agreements"
    (OBSERVER, "cut by 10%", WIRE),  # "by 10 percent"
])
def test_the_same_fact_written_two_ways_is_no_contradiction(result, source, words, other):
    assert findings_of(result, source, words)[other].relation in (Relation.AGREE, Relation.PARTIAL)
