"""An event's verdicts kept by pair of texts (judge_pair's `judged`) are those the rules give each pair afresh,
whichever sources the texts come from."""

from __future__ import annotations

from compare.judge import RULES, Side, judge_pair
from compare.judge.rules import EXAMPLE_SCORE
from compare.models import Sentence

SOURCES = ("reuters", "ap", "kyodo")


def _side(source: str, text: str, published: str | None = "2025-03-14") -> Side:
    return Side(source, Sentence(source, 0, 0, len(text), text), published)


def _example_pairs() -> list[tuple[str, str]]:
    return [pair for rule in RULES for pair in (*rule.fires, *rule.spares)]


def test_kept_verdicts_are_the_fresh_ones_for_every_order_of_sources():
    judged: dict = {}
    pairs = _example_pairs()
    kinds = set()
    for first in SOURCES:
        for second in SOURCES:
            if first == second:
                continue
            for x, y in pairs:
                for a, b in ((x, y), (y, x)):
                    fresh = judge_pair(_side(first, a), _side(second, b), EXAMPLE_SCORE)
                    kept = judge_pair(_side(first, a), _side(second, b), EXAMPLE_SCORE, judged=judged)
                    assert kept == fresh
                    assert kept.reason == fresh.reason
                    kinds.add(fresh.kind)
    assert len(judged) <= 2 * len(pairs)  # each pair of texts judged once, whatever the sources
    assert len(kinds) >= 8  # the examples reach most rules, sources named in every field that names one


def test_a_kept_verdict_names_the_sources_asked_about():
    judged: dict = {}
    a, b = _example_pairs()[0]
    judge_pair(_side("reuters", a), _side("ap", b), EXAMPLE_SCORE, judged=judged)
    again = judge_pair(_side("ap", a), _side("reuters", b), EXAMPLE_SCORE, judged=judged)
    assert (again.source, again.other) in {("ap", "reuters"), ("reuters", "ap")}
    assert again == judge_pair(_side("ap", a), _side("reuters", b), EXAMPLE_SCORE)


def test_publication_dates_and_scores_are_part_of_the_pair():
    judged: dict = {}
    a, b = "The leaders met in Hanoi on Friday.", "The leaders met in Hanoi on March 14."
    on_friday = judge_pair(_side("x", a, "2025-03-15"), _side("y", b), EXAMPLE_SCORE, judged=judged)
    week_later = judge_pair(_side("x", a, "2025-03-22"), _side("y", b), EXAMPLE_SCORE, judged=judged)
    assert on_friday == judge_pair(_side("x", a, "2025-03-15"), _side("y", b), EXAMPLE_SCORE)
    assert week_later == judge_pair(_side("x", a, "2025-03-22"), _side("y", b), EXAMPLE_SCORE)
    assert on_friday != week_later
    assert len(judged) == 2
