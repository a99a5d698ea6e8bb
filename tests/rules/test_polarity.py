"""The polarity rule: its examples, and the cases that pin where it fires and where not."""

import pytest

from compare.judge import Side, judge_pair
from compare.models import Relation, Sentence
from rule_checks import check_fires, check_spares, rule_named, side

RULE = rule_named("polarity")


@pytest.mark.parametrize("a, b", RULE.fires)
def test_fires(a, b):
    check_fires(RULE, a, b)


@pytest.mark.parametrize("a, b", RULE.spares)
def test_spares(a, b):
    check_spares(RULE, a, b)


def test_negation_of_a_shared_predicate_contradicts():
    a = side("a", "The two leaders did not discuss the pipeline project.")
    b = side("b", "The two leaders discussed the pipeline project at length.")
    verdict = judge_pair(a, b, 0.8)
    assert verdict.relation == Relation.CONTRADICT
    assert verdict.reason.startswith("polarity:")


def test_unrelated_negation_is_not_a_contradiction():
    a = side("a", "The ministers agreed to expand joint drills, which have not been held since 2019 near the islands.")
    b = side("b", "The ministers agreed to expand joint drills.")
    assert judge_pair(a, b, 0.8).relation != Relation.CONTRADICT


def test_negation_stops_at_the_end_of_its_clause():
    a = side("a", "Fishing quotas were not discussed, the Portuguese ministry said.")
    b = side("b", "The talks lasted about 90 minutes, according to the Portuguese trade ministry.")
    assert judge_pair(a, b, 0.3).relation != Relation.CONTRADICT
    c = side("c", "The Portuguese ministry said fishing quotas were discussed.")
    assert judge_pair(a, c, 0.5).relation == Relation.CONTRADICT


def test_a_negation_about_something_else_is_not_a_polarity_conflict():
    a = side("a", "Fishing quotas were not talked about, the ministry stated.")
    b = side("b", "The talks lasted about 90 minutes, according to the trade ministry.")
    assert judge_pair(a, b, 0.3).relation != Relation.CONTRADICT


def test_two_denials_in_different_words_agree():
    a = side("a", "They did not discuss fishing quotas, a ministry spokesperson stated.")
    b = side("b", "Fishing quotas were not talked about, the ministry stated.")
    assert judge_pair(a, b, 0.5).relation != Relation.CONTRADICT


@pytest.mark.parametrize("a, b, relation", [
    # a negated negation affirms: "denied that ... had rejected" says it was not rejected
    ("Norway rejected a Canadian proposal to cap cod catches.",
     "Norway's minister denied that Norway had rejected the Canadian proposal to cap cod catches.", "contradict"),
    ("The ministers failed to reject the plan.", "The ministers rejected the plan.", "contradict"),
    ("The ministers did not reject the plan.", "The ministers accepted the plan.", "agree"),
    ("Norway did not refuse to sign the deal.", "Norway signed the deal.", "agree"),
    # two separate negations are not a double negative
    ("The ministers did not discuss quotas and did not discuss tariffs.",
     "The ministers did not discuss quotas or tariffs.", "agree"),
])
def test_a_negated_negation_cancels(a, b, relation):
    verdict = judge_pair(Side("x", Sentence("x", 0, 0, len(a), a)), Side("y", Sentence("y", 0, 0, len(b), b)), 0.7)
    assert verdict.relation == relation, verdict.reason


@pytest.mark.parametrize("a, b", [
    ("\"We will not accept any unilateral change to the status quo,\" Hegseth said.",
     "Hegseth said the US would oppose unilateral changes to the status quo."),
    ("The government will not allow foreign warships in the bay.", "The government will ban foreign warships from the bay."),
    ("Kenya rejected a Tanzanian proposal to scrap the levy.", "Kenya opposed a Tanzanian proposal to scrap the levy."),
])
def test_a_negation_that_says_what_the_other_affirms_in_other_words_agrees(a, b):
    for left, right in ((a, b), (b, a)):
        assert judge_pair(side("x", left), side("y", right), 0.6).relation != Relation.CONTRADICT


def test_a_denial_reaches_the_claim_in_its_that_clause():
    a = side("a", "Officials denied media reports that the government had asked Washington for more warships.")
    b = side("b", "The government asked Washington for more warships, officials said.")
    verdict = judge_pair(a, b, 0.5)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("polarity:")
