"""The certainty rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

from compare.judge import judge_pair, uncertain_whether
from compare.judge.hedges import claim_left_open
from compare.judge.rules import EXAMPLE_SCORE, Pair
from compare.models import Relation
from rule_checks import rule_named, side

RULE = rule_named("certainty")


def test_uncertainty_cues():
    assert uncertain_whether("It is unclear whether the deal covers gas.")
    assert uncertain_whether("The spokesman did not say whether sanctions came up.")
    assert uncertain_whether("Officials declined to confirm whether the visit happened.")
    assert uncertain_whether("The talks addressed the possibility of a review.") is None


def test_certainty_conflict_is_a_contradiction_naming_the_phrase():
    a = side("a", "It was not made clear whether the ministers discussed a review of the fishing treaty.")
    b = side("b", "The ministers also discussed a possible review of the fishing treaty.")
    verdict = judge_pair(a, b, 0.8)
    assert verdict.relation == Relation.CONTRADICT
    assert verdict.reason.startswith("certainty:")
    assert "not made clear whether" in verdict.reason


def test_it_remains_to_be_seen_whether_leaves_the_event_open():
    assert uncertain_whether("It remains to be seen whether parliament will ratify the treaty.") == (
        "It remains to be seen whether")


def test_a_confirmation_withheld_of_the_claim_itself_leaves_it_open():
    assert uncertain_whether("The visit was cut short, though the ministry has not confirmed this.")
    assert uncertain_whether("Officials did not confirm the reports.")
    # what is not confirmed is something else: a detail, or a thing the pronoun begins
    assert uncertain_whether("The ministry has not confirmed this year's budget.") is None
    assert uncertain_whether("The ministry has not confirmed it was hit.") is None


def test_a_question_left_open_about_someone_the_other_never_names_is_no_certainty_conflict():
    open_question = "It remains to be seen whether Rossi, whose party is losing ground, will offer concessions."
    assert RULE.check(Pair.of(side("a", open_question), side("b", "Bianchi denied offering any concessions."),
                              EXAMPLE_SCORE)) is None
    assert RULE.check(Pair.of(side("a", open_question), side("b", "Rossi offered concessions on Monday."),
                              EXAMPLE_SCORE))


def test_the_claim_left_open_is_what_the_doubt_asks_about():
    assert claim_left_open("It is unclear whether the pact was signed.") == " the pact was signed."
    assert claim_left_open("The envoy may have left early, though the ministry has not confirmed this.") == (
        "The envoy may have left early,")
    assert claim_left_open("The envoy left early.") == ""
