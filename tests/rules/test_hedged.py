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


@pytest.mark.parametrize("text, phrase", [
    ("The ministry launched an inquiry into whether the steel may have been dumped below cost.", None),
    ("Reporters asked if the talks might resume in June.", None),
    ("It is not known whether they met, but the deal may be signed in June.", "may"),  # its own clause
    ("The deal may be signed in June, officials said, whether or not the envoys meet.", "may"),
])
def test_a_hedge_inside_a_reported_question_is_the_questions(text, phrase):
    assert soft_hedge(text) == phrase
