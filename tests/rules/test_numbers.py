"""The numbers rule: its examples, and the cases that pin where it fires and where not."""

import pytest

from compare.judge import judge_pair, number_conflict, quantities
from compare.models import Relation
from rule_checks import check_fires, check_spares, rule_named, side

RULE = rule_named("numbers")


@pytest.mark.parametrize("a, b", RULE.fires)
def test_fires(a, b):
    check_fires(RULE, a, b)


@pytest.mark.parametrize("a, b", RULE.spares)
def test_spares(a, b):
    check_spares(RULE, a, b)


def test_numbers_with_the_same_unit_conflict():
    found = quantities("They talked for 35 minutes and signed 2 deals in 2024.")
    assert len(found) == 2 and sorted(v for values in found.values() for v in values) == ["2", "35"]
    assert number_conflict("The talks lasted 35 minutes.", "The talks lasted 50 minutes.")
    assert number_conflict("The talks lasted 35 minutes.", "The talks lasted 35 minutes in all.") is None
    assert number_conflict("In 2024 the talks lasted an hour.", "In 2023 the talks lasted an hour.") is None
    verdict = judge_pair(side("a", "The talks lasted 35 minutes."), side("b", "The talks lasted 50 minutes."), 0.9)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("numbers:")


@pytest.mark.parametrize("a, b, conflict", [
    ("Japan will provide $1.5 million in aid.", "Japan will provide $1,500,000 in aid.", False),  # a scale word
    ("About 200 people attended the ceremony.", "Some 210 people attended the ceremony.", False),  # rounding
    ("About 200 people attended the ceremony.", "Some 300 people attended the ceremony.", True),
    ("More than 200 people attended the ceremony.", "250 people attended the ceremony.", False),  # a bound
    ("More than 200 people attended the ceremony.", "150 people attended the ceremony.", True),
    ("Up to 500 troops will take part.", "About 450 troops will take part.", False),
    ("200 people attended the ceremony.", "210 people attended the ceremony.", True),  # exact figures differ
    ("Australia will hand over 10 patrol vessels.", "Australia will provide 12 patrol vessels.", True),  # a verb's "over"
])
def test_approximate_figures_and_bounds_admit_nearby_numbers(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict


@pytest.mark.parametrize("a, b, conflict", [
    ("The talks lasted an hour and a half.", "The talks lasted 90 minutes.", False),
    ("The talks lasted about two hours.", "The talks lasted 120 minutes.", False),
    ("The talks lasted two hours.", "The talks lasted 90 minutes.", True),
    ("The talks lasted about 45 minutes.", "The talks lasted an hour.", True),
    ("An hour later the ministers left.", "The talks lasted 90 minutes.", False),  # not a duration of the talks
])
def test_durations_compare_in_minutes(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict
