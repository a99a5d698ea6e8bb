"""The hedged rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import soft_hedge


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
