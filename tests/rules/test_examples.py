"""Every rule's own examples (its `fires` and `spares` in compare/judge/rules.py), checked through the rule alone
and through judge_pair, both ways round. One parametrised test over RULES, so a new rule's examples are checked
without a test file having to list them."""

import pytest

from compare.judge import RULES
from rule_checks import check_fires, check_spares

FIRES = [pytest.param(rule, a, b, id=f"{rule.name}-{i}") for rule in RULES for i, (a, b) in enumerate(rule.fires)]
SPARES = [pytest.param(rule, a, b, id=f"{rule.name}-{i}") for rule in RULES for i, (a, b) in enumerate(rule.spares)]


@pytest.mark.parametrize("rule, a, b", FIRES)
def test_fires(rule, a, b):
    check_fires(rule, a, b)


@pytest.mark.parametrize("rule, a, b", SPARES)
def test_spares(rule, a, b):
    check_spares(rule, a, b)


def test_every_rule_has_examples_both_ways():
    assert all(rule.fires and rule.spares for rule in RULES), [r.name for r in RULES if not (r.fires and r.spares)]
