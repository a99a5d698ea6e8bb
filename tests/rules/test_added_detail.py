"""The added detail rule: its examples, and the cases that pin where it fires and where not."""

import pytest

from compare.judge import extra_words, judge_pair
from compare.models import Relation
from rule_checks import check_fires, check_spares, rule_named, side

RULE = rule_named("added_detail")


@pytest.mark.parametrize("a, b", RULE.fires)
def test_fires(a, b):
    check_fires(RULE, a, b)


@pytest.mark.parametrize("a, b", RULE.spares)
def test_spares(a, b):
    check_spares(RULE, a, b)


def test_added_detail_is_partial_and_named():
    a = side("a", "The leaders agreed to deepen trade ties.")
    b = side("b", "The leaders agreed to deepen trade ties, citing record grain harvests and falling freight costs in the region.")
    verdict = judge_pair(a, b, 0.7)
    assert verdict.relation == Relation.PARTIAL
    assert "b adds" in verdict.reason
    assert extra_words("citing record grain harvests", {"leader"}, {})[0].startswith("citing record")


def test_a_sum_with_its_currency_sign_is_a_number():
    from compare.judge import names_and_numbers

    assert "1.2" in names_and_numbers("Japan will provide $1.2 billion in radar equipment.")
    assert "40" in names_and_numbers("The fund grew by €40 million.")
