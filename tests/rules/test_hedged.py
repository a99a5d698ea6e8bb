"""The hedged rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import judge_pair, soft_hedge
from rule_checks import side


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


@pytest.mark.parametrize("hedged, other, relation", [
    # neither says the meeting will be: one thinks it may, the other that he wants it or is ready for it
    ("Trump said he may meet North Korean leader Kim Jong Un this year.",
     "Trump said he wanted to meet North Korean leader Kim Jong Un this year.", "agree"),
    ("Trump said he may meet North Korean leader Kim Jong Un this year.",
     "Trump said he is willing to meet North Korean leader Kim Jong Un this year.", "agree"),
    ("The two leaders are expected to sign a trade deal on Friday.",
     "The two leaders plan to sign a trade deal on Friday.", "agree"),
    # the other states it as fact, or as what will be
    ("Trump said he may meet North Korean leader Kim Jong Un this year.",
     "Trump said he will meet North Korean leader Kim Jong Un this year.", "partial"),
    ("The two leaders are expected to sign a trade deal on Friday.",
     "The two leaders signed a trade deal on Friday.", "partial"),
])
def test_a_hedge_against_an_intention_is_no_difference_of_certainty(hedged, other, relation):
    for a, b in ((hedged, other), (other, hedged)):
        verdict = judge_pair(side("a", a), side("b", b), 0.9)
        assert verdict.relation == relation, verdict.reason
