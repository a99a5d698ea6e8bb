"""Three outlets on one meeting, written for the tests: the same sum and rate written three ways ($1.2 billion,
1.2 billion dollars, US$1.2 billion; 5%, 5 percent, 5 per cent), "two days" / "2 days" / "two-day", a weekday
and the date it stands for, and the month May beside the modal verb. Nothing here appears in the seeds or the
benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.api import compare
from compare.models import Relation

FOLDER = Path(__file__).resolve().parent / "coverage_geneva"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def test_one_event_in_geneva_on_the_day_of_the_talks(result):
    assert [(e.date, e.place, len(e.sources)) for e in result.events] == [("2025-05-08", "Geneva", 3)]


def test_numbers_written_differently_are_no_contradiction(result):
    assert not [f.reason for f in result.finding_records if f.relation == Relation.CONTRADICT]


def test_a_month_named_may_is_not_a_hedge(result):
    assert not [f.reason for f in result.finding_records if "“May”" in f.reason]
    deal = [f for f in result.finding_records if f.source == "herald" and f.sentence_id == 0 and f.other_source != "herald"]
    assert {f.relation for f in deal} <= {Relation.AGREE, Relation.PARTIAL}
    assert all(not f.reason.startswith("hedged") for f in deal)
