"""The dates a day apart rule: its examples, and the cases that pin where it fires and where not."""

import pytest

from compare.judge import judge_pair
from compare.models import Relation
from rule_checks import check_fires, check_spares, rule_named, side

RULE = rule_named("dates_a_day_apart")


@pytest.mark.parametrize("a, b", RULE.fires)
def test_fires(a, b):
    check_fires(RULE, a, b)


@pytest.mark.parametrize("a, b", RULE.spares)
def test_spares(a, b):
    check_spares(RULE, a, b)


@pytest.mark.parametrize("a, a_published, b, b_published", [
    ("Austin and Nakatani met in Washington on Saturday.", "2025-03-30", "Austin and Nakatani met in Washington on Sunday.", "2025-03-31"),
    ("The ministers met in Oslo on December 31.", None, "The ministers met in Oslo on January 1.", None),
])
def test_dates_a_day_apart_are_partial_not_a_contradiction(a, a_published, b, b_published):
    verdict = judge_pair(side("a", a, a_published), side("b", b, b_published), 0.9)
    assert verdict.relation == Relation.PARTIAL and verdict.reason.startswith("dates a day apart:")
