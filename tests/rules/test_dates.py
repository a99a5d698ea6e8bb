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
