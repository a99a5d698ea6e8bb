"""Three outlets' reports of one meeting, written for the tests in the shapes real pages take: a navigation bar
above the headline, a byline, a "Most Read" list, a "Related:" teaser, British and American spelling, and a
capital standing for its country. Nothing here appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.api import compare
from compare.models import Relation

FOLDER = Path(__file__).resolve().parent / "coverage_jakarta"
HARBOUR, ARCHIPELAGO, WIRE = "harbour_times", "archipelago_post", "southern_wire"


@pytest.fixture(scope="module")
def result():
    return compare([FOLDER])


def sentence_id(result, source: str, words: str) -> int:
    return next(s.id for s in result.sentence_records if s.source == source and words in s.text)


def test_one_meeting_one_event(result):
    assert [sorted(e.sources) for e in result.events] == [sorted([HARBOUR, ARCHIPELAGO, WIRE])]


@pytest.mark.parametrize("line", [
    "Home | World | Asia-Pacific | Business | Sport",
    "1. Markets slide as oil jumps",
    "2. Storm warning for Queensland coast",
    "Related: Indonesia buys French fighter jets",
    "Share this article: Facebook Twitter Email",
])
def test_page_furniture_is_dropped_not_read_as_sentences(result, line):
    assert any(d.text == line for d in result.dropped_records)
    assert not any(line.split(" ", 1)[1] in s.text for s in result.sentence_records)


def test_the_headline_under_a_navigation_bar_is_the_title(result):
    titles = {s.id: s.title for s in result.sources}
    assert titles[HARBOUR] == "Australia, Indonesia agree to expand joint naval patrols"


def test_only_real_conflicts_are_contradictions(result):
    kinds = {f.reason.split(":")[0] for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert kinds == {"numbers", "certainty"}, kinds
    boats = sentence_id(result, HARBOUR, "12 patrol boats")
    numbers = [f for f in result.finding_records if f.source == HARBOUR and f.sentence_id == boats]
    by_other = {f.other_source: f for f in numbers}
    assert by_other[ARCHIPELAGO].relation == Relation.CONTRADICT  # 12 boats against 10 vessels
    # "Australia would provide" / "Canberra would give": the capital speaks for its country
    assert by_other[WIRE].relation in (Relation.AGREE, Relation.PARTIAL)


def test_british_and_american_spelling_is_not_a_names_conflict(result):
    first = sentence_id(result, HARBOUR, "Australian Defence Minister")
    f = next(f for f in result.finding_records
             if f.source == HARBOUR and f.sentence_id == first and f.other_source == ARCHIPELAGO)
    assert f.relation != Relation.CONTRADICT, f.reason
