"""The dates a day apart rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import judge_pair
from compare.models import Relation
from rule_checks import side


@pytest.mark.parametrize("a, a_published, b, b_published", [
    ("Austin and Nakatani met in Washington on Saturday.", "2025-03-30", "Austin and Nakatani met in Washington on Sunday.", "2025-03-31"),
    ("The ministers met in Oslo on December 31.", None, "The ministers met in Oslo on January 1.", None),
])
def test_dates_a_day_apart_are_partial_not_a_contradiction(a, a_published, b, b_published):
    verdict = judge_pair(side("a", a, a_published), side("b", b, b_published), 0.9)
    assert verdict.relation == Relation.PARTIAL and verdict.reason.startswith("dates a day apart:")
