"""Three outlets on one three-way meeting, written for the tests: an HTML page with JSON-LD metadata, a byline,
an advertisement between paragraphs and a related-articles box, and two text reports, one of which gives the
place only as "the South Korean capital". Conflicts written in: the joint exercise in June or in August, and
the second meeting this year or the first since 2023. Nothing here appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from coverage_helpers import findings_of

from compare.api import compare
from compare.models import Relation

FOLDER = Path(__file__).resolve().parent / "coverage_seoul"
HANRIVER, MONITOR, DAILY = "hanriver", "pacific_monitor", "east_asia_daily"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def test_one_meeting_one_event_in_seoul(result):
    assert [sorted(e.sources) for e in result.events] == [sorted([HANRIVER, MONITOR, DAILY])]
    assert {s.id: s.place for s in result.sources} == {HANRIVER: "Seoul", MONITOR: "Seoul", DAILY: "Seoul"}


def test_page_chrome_is_not_read_as_sentences(result):
    text = " ".join(s.text for s in result.sentence_records if s.source == HANRIVER)
    for chrome in ("Advertisement", "Related articles", "East Sea", "shuttle diplomacy", "All rights reserved"):
        assert chrome not in text


def test_the_month_of_the_exercise_conflicts(result):
    found = findings_of(result, MONITOR, "in August")
    assert {other: f.relation for other, f in found.items()} == {HANRIVER: Relation.CONTRADICT, DAILY: Relation.CONTRADICT}


def test_the_second_meeting_is_not_the_first(result):
    found = findings_of(result, HANRIVER, "second trilateral ministerial meeting")[MONITOR]
    assert found.relation == Relation.CONTRADICT and found.reason.startswith("numbers:"), found.reason
