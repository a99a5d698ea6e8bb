"""A CSV corpus of one summit, written for the tests: three outlets and a fourth that reprints one of them word
for word, plus an earlier phone call between the same two leaders. Shapes of real pages: an audio-player line,
a video teaser, a "Key points" list of bullet sentences, a share button. The place is once only "the
Australian capital". Conflicts written in: three against five submarines, agreed against did not agree to
hold exercises, unclear whether against will join. Nothing here appears in the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from coverage_helpers import findings_of

from compare.api import compare
from compare.models import Relation

CORPUS = Path(__file__).resolve().parent / "coverage_canberra" / "corpus.csv"
CROSS, OUTBACK, BULLETIN, REPRINT, EARLIER = (
    "southern_cross", "outback_post", "harbour_bulletin", "reprint_daily", "earlier_meeting")


@pytest.fixture(scope="module")
def result():
    return compare([CORPUS])


def test_the_summit_and_the_earlier_call_are_two_events_and_the_reprint_a_copy(result):
    assert sorted(sorted(e.sources) for e in result.events) == [[EARLIER], sorted([BULLETIN, OUTBACK, CROSS])]
    assert dict(result.copies) == {REPRINT: BULLETIN}


def test_the_australian_capital_is_canberra(result):
    assert {s.id: s.place for s in result.sources}[OUTBACK] == "Canberra"


def test_bullet_sentences_are_kept_without_their_bullets(result):
    items = [s for s in result.sentence_records if s.source == OUTBACK][:2]
    assert [s.text for s in items] == [
        "Japan will supply five submarines to Australia under the new agreement.",
        "The deal is worth 2 billion Australian dollars.",
    ]
    bullets = [d for d in result.dropped_records if d.source == OUTBACK and d.text == "•"]
    assert len(bullets) == 2 and all(d.reason == "boilerplate" for d in bullets)


@pytest.mark.parametrize("line", [
    "Listen to this article 3 min", "Watch: Albanese greets Ishiba at Parliament House", "Key points:", "Share this story",
])
def test_page_furniture_is_dropped(result, line):
    assert any(d.text == line for d in result.dropped_records)


def test_the_conflicts_written_in_are_found(result):
    kinds = {f.reason.split(":")[0] for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert kinds == {"numbers", "polarity", "certainty"}, kinds


def test_the_same_sum_in_two_currency_spellings_is_no_contradiction(result):
    found = findings_of(result, CROSS, "A$2 billion")
    assert found and all(f.relation != Relation.CONTRADICT for f in found.values())
