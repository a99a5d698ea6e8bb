"""A JSON corpus of three outlets on one meeting at a summit, written for the tests. Its traps are negations that
agree: "will not accept any unilateral change" against "would oppose unilateral changes", and "failed to agree"
against "no agreement was reached"; its one conflict written in is "failed to agree" against "agreed". Nothing
here appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from coverage_helpers import findings_of

from compare.api import compare
from compare.models import Relation

CORPUS = Path(__file__).resolve().parent / "coverage_singapore" / "corpus.json"
STRAITS, MARINA, LION = "straits_wire", "marina_times", "lion_post"


@pytest.fixture(scope="module")
def result():
    return compare([CORPUS])


def test_one_meeting_one_event(result):
    assert [sorted(e.sources) for e in result.events] == [sorted([STRAITS, MARINA, LION])]


def test_not_accepting_is_opposing(result):
    found = findings_of(result, STRAITS, "will not accept")[MARINA]
    assert found.relation in (Relation.AGREE, Relation.PARTIAL), found.reason


def test_two_ways_of_not_agreeing_agree_and_agreeing_contradicts_them(result):
    assert findings_of(result, MARINA, "No agreement was reached")[STRAITS].relation in (Relation.AGREE, Relation.PARTIAL)
    found = findings_of(result, STRAITS, "failed to agree")[LION]
    assert found.relation == Relation.CONTRADICT and found.reason.startswith("polarity:")


def test_the_only_contradictions_are_the_one_written_in(result):
    pairs = {(f.source, f.other_source) for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert pairs == {(STRAITS, LION), (LION, STRAITS)}
