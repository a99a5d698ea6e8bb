"""The dates rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import judge_pair
from compare.models import Relation
from rule_checks import side


@pytest.mark.parametrize("a_published, b_published", [(None, None), ("2025-05-08", None), (None, "2025-05-08")])
def test_month_days_conflict_even_when_the_year_cannot_be_told(a_published, b_published):
    a = side("a", "The ministers met in Oslo on May 6 to discuss fishing quotas.", a_published)
    b = side("b", "The ministers met in Oslo on May 9 to discuss fishing quotas.", b_published)
    verdict = judge_pair(a, b, 0.9)
    assert verdict.relation == Relation.CONTRADICT
    assert verdict.reason.startswith("dates:") and "May 6" in verdict.reason and "May 9" in verdict.reason


@pytest.mark.parametrize("other", [
    "The ministers met in Oslo on 6 May to discuss fishing quotas.",  # the same day, written the other way
    "The ministers met in Oslo on May 6, 2025 to discuss fishing quotas.",  # with its year
    "The ministers met in Oslo on Saturday to discuss fishing quotas.",  # a weekday names no day without a date
    "The ministers, who took office on May 1, met in Oslo to discuss fishing quotas.",  # a date of something else
])
def test_month_days_that_do_not_conflict(other):
    a = side("a", "The ministers met in Oslo on May 6 to discuss fishing quotas.")
    assert judge_pair(a, side("b", other), 0.9).relation != Relation.CONTRADICT


@pytest.mark.parametrize("other, relation", [
    ("The presidents held talks at the Elysee Palace on May 7.", Relation.AGREE),  # a day of the span
    ("The presidents held talks at the Elysee Palace on May 12.", Relation.CONTRADICT),
])
def test_a_span_of_days_agrees_with_any_day_in_it(other, relation):
    a = side("a", "The presidents held talks at the Elysee Palace on May 6-7.")
    assert judge_pair(a, side("b", other), 0.9).relation == relation
    assert judge_pair(side("b", other), a, 0.9).relation == relation


def test_a_date_written_tight_after_the_months_point_is_compared():
    a = side("a", "The president held talks with the prime minister at the Kremlin on July.9.", "2024-07-10")
    for other, relation in (("The president held talks with the prime minister at the Kremlin on Tuesday.", Relation.AGREE),
                            ("The president held talks with the prime minister at the Kremlin on July 4.", Relation.CONTRADICT)):
        assert judge_pair(a, side("b", other, "2024-07-10"), 0.9).relation == relation
