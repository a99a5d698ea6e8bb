"""The open detail rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import judge_pair
from compare.models import Relation
from rule_checks import side


@pytest.mark.parametrize("text, phrase", [
    ("It was not immediately clear when Japan's parliament would ratify the pact.", "It was not immediately clear when"),
    ("It isn't clear how much the radars will cost.", "It isn't clear how much"),
    ("It remains unclear why the talks stalled.", "It remains unclear why"),
    ("Officials declined to say where the troops would train.", "declined to say where"),
    ("It is clear how the deal will work.", None),  # nothing is left open
    ("It was not immediately clear whether parliament would ratify it.", None),  # the event itself: certainty
])
def test_unclear_detail_finds_what_is_left_open(text, phrase):
    from compare.judge import unclear_detail

    assert unclear_detail(text) == phrase


def test_a_detail_left_open_is_partial_and_no_negation():
    a = side("a", "It was not immediately clear when Japan's parliament would ratify the agreement.")
    b = side("b", "The agreement will take effect after ratification by Japan's parliament.")
    for left, right in ((a, b), (b, a)):
        verdict = judge_pair(left, right, 0.5)
        assert verdict.relation == Relation.PARTIAL and verdict.reason.startswith("open detail: a says")
    denied = side("c", "Japan's parliament did not ratify the agreement.")
    assert judge_pair(denied, side("d", "Japan's parliament ratified the agreement."), 0.8).relation == Relation.CONTRADICT


@pytest.mark.parametrize("text, phrase", [
    ("The timing of the vote remains unclear.", "unclear"),
    ("The ministry declined to comment on the report.", "declined to comment"),
    ("It remains to be seen how the fund will be financed.", "It remains to be seen how"),
    ("It is unclear whether the deal covers gas.", None),  # the event itself: certainty
    ("The ministry declined to comment on whether troops were moved.", None),
    ("The outcome was uncertain given the gaps between the two sides.", "uncertain"),
    # before a noun the word describes it and leaves nothing open
    ("\u201cIn these uncertain times, India and Russia stand together,\u201d Modi said.", None),
    ("The summit sent an unclear message to Kyiv.", None),
])
def test_a_matter_left_open_without_a_question_word(text, phrase):
    from compare.judge import unclear_detail

    assert unclear_detail(text) == phrase
