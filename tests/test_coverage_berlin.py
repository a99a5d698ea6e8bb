"""Three outlets on one meeting, written for the tests: a wire story with a correction notice above its dateline
and a "follow us" line below, a report dated "20.01.2025", and a short one whose only dated sentence says the
ministers "announced in Berlin on January 20" and which spells "Władysław" without its accents. Nothing here
appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest
from coverage_helpers import dropped_not_read

from compare.api import compare

FOLDER = Path(__file__).resolve().parent / "coverage_berlin"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def test_a_report_that_only_says_what_was_announced_joins_its_meeting(result):
    assert [sorted(e.sources) for e in result.events] == [["alpha", "beta", "gamma"]]
    assert {s.id: s.place for s in result.sources}["gamma"] == "Berlin"


@pytest.mark.parametrize("line", [
    "Correction: An earlier version of this story misstated the number of systems.",
    "Follow Alpha News on X for the latest updates.",
    "Read more: Poland raises defence spending to 4.7% of GDP",
])
def test_page_furniture_is_dropped(result, line):
    assert dropped_not_read(result, line)
