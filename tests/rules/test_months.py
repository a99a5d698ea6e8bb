"""The months rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

from compare.judge import Clash, Side, judge_pair
from compare.models import Relation, Sentence


def test_months_after_the_same_preposition_conflict_like_numbers():
    from compare.judge import month_conflict

    a = "Muto said the deal would take effect in January."
    b = "Muto said the agreement would enter into force in April."
    assert month_conflict(a, b) == Clash(("January",), ("April",))
    assert month_conflict("In January, the deal takes effect.", "The deal takes effect in January 2026.") is None
    assert month_conflict("Talks may resume soon.", "Talks resume in May.") is None  # "may" is not a month here
    assert month_conflict("They met on June 3.", "They met on June 4.") is None  # full dates: date_conflict's job
    verdict = judge_pair(Side("x", Sentence("x", 0, 0, len(a), a)), Side("y", Sentence("y", 0, 0, len(b), b)), 0.45)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("dates: x gives January")


def test_months_are_not_compared_between_loosely_matched_sentences():
    a = "The governments plan to hold a security meeting of their ministers in Osvika in July."
    b = "A military plane entered the country's airspace for the first time in August, the ministry said."
    loose = judge_pair(Side("x", Sentence("x", 0, 0, len(a), a)), Side("y", Sentence("y", 0, 0, len(b), b)), 0.16)
    assert loose.relation != Relation.CONTRADICT
