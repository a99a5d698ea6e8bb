"""The hedged rule: its examples, and the cases that pin where it fires and where not."""

import pytest

from compare.judge import soft_hedge
from rule_checks import check_fires, check_spares, rule_named

RULE = rule_named("hedged")


@pytest.mark.parametrize("a, b", RULE.fires)
def test_fires(a, b):
    check_fires(RULE, a, b)


@pytest.mark.parametrize("a, b", RULE.spares)
def test_spares(a, b):
    check_spares(RULE, a, b)


def test_soft_hedge_cues():
    assert soft_hedge("The plant will reportedly close in May.") == "reportedly"
    assert soft_hedge("The possibility of a review was raised.") is None


def test_the_month_may_is_not_a_hedge():
    assert soft_hedge("Washington and Seoul on May 8 reached a deal worth 1.2 billion dollars.") is None
    assert soft_hedge("Talks resume in May.") is None
    assert soft_hedge("The deal may be signed in June.") == "may"


@pytest.mark.parametrize("text, phrase", [
    ("The envoy is understood to have met rebel leaders.", "is understood to"),
    ("The general was said to be furious.", "was said to"),
    ("The summit is expected to open on Monday.", "is expected to"),
    ("The ferries could carry 600 passengers a night.", None),  # "could" is as often the past of "can"
])
def test_reporting_phrases_are_soft_hedges(text, phrase):
    assert soft_hedge(text) == phrase
