"""The polarity rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import Side, judge_pair
from compare.models import Relation, Sentence
from rule_checks import side


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


def _relation(a: str, b: str, score: float = 0.8) -> set[Relation]:
    """The relation both ways round (a rule must not depend on which source comes first)."""
    return {judge_pair(side("x", a), side("y", b), score).relation, judge_pair(side("y", b), side("x", a), score).relation}


@pytest.mark.parametrize("a, b", [
    # the negation denies its predicate, here the roadblocks, not a word further on
    ("Officials said there were no major roadblocks in the talks on farm subsidies.",
     "Officials said the talks on farm subsidies were difficult."),
    # a name or a number after the cue qualifies what is denied; the predicate is not shared
    ("The minister did not rule out a second round of talks in Geneva next month.",
     "A second round of talks will be held in Geneva next month."),
])
def test_a_negation_denies_its_predicate_not_a_word_further_on(a, b):
    assert Relation.CONTRADICT not in _relation(a, b)


def test_a_negation_skips_adverbs_and_names_to_reach_its_predicate():
    assert Relation.CONTRADICT in _relation("The ministers did not formally sign the grain accord.",
                                            "The ministers formally signed the grain accord.")
    assert Relation.CONTRADICT in _relation("The government rejected a Danish proposal on the fishing quotas.",
                                            "The government accepted the proposal on the fishing quotas.")


@pytest.mark.parametrize("a, b, relation", [
    ("The two countries are partners rather than rivals, the minister said.",
     "The two countries are partners, not rivals, the minister said.", "agree"),
    ("The two countries are partners rather than rivals, the minister said.",
     "The two countries are rivals, the minister said.", "contradict"),
    ("The bank will cut rates instead of raising them, the governor said.",
     "The bank will raise rates, the governor said.", "contradict"),
])
def test_rather_than_and_instead_of_deny_what_follows(a, b, relation):
    assert _relation(a, b) == {Relation(relation)}


@pytest.mark.parametrize("a, b, relation", [
    # an active negating verb denies its object
    ("The president cancelled the visit to the border region on Friday.",
     "The president made the visit to the border region on Friday.", "contradict"),
    # in the passive it denies its whole clause: two sides saying it was called off agree
    ("The joint press conference was canceled at short notice.",
     "The two leaders did not hold the joint press conference.", "agree"),
    ("The state visit was scrapped after the dispute, officials said.",
     "The dispute led officials to cancel the state visit.", "agree"),
])
def test_negating_verbs(a, b, relation):
    assert Relation(relation) in _relation(a, b) and (relation == "contradict") == (Relation.CONTRADICT in _relation(a, b))


@pytest.mark.parametrize("a, b", [
    # the other side says it under a condition, a time still to come, or as a question
    ("The two leaders did not sign a peace deal on Friday.",
     "The two leaders will hold a ceremony once they sign a peace deal, an aide said."),
    ("The ministers did not agree on the budget.", "If the ministers agree on the budget, markets will rally."),
    # ... as a possibility
    ("The two leaders did not sign the trade deal.", "The two leaders could sign the trade deal on Friday."),
    # ... or as an intention
    ("The two leaders did not sign the trade deal.", "The two leaders planned to sign the trade deal on Friday."),
    ("The president did not sign the energy accord.",
     "The president traveled to the capital to sign the energy accord."),
])
def test_a_denial_of_what_the_other_only_plans_or_supposes_is_no_conflict(a, b):
    assert Relation.CONTRADICT not in _relation(a, b)


def test_a_sentence_that_also_affirms_the_word_denies_nothing_of_it():
    a = "The two sides reached no deal on tariffs but reached a deal on grain exports."
    b = "The two sides reached a deal on grain exports."
    assert Relation.CONTRADICT not in _relation(a, b)


def test_a_denial_contradicts_only_a_clause_about_the_same_thing():
    a = "There is no deal until everything is agreed, the envoy said."
    b = "The envoy said they agreed a deal on energy prices at the press conference in the capital."
    assert Relation.CONTRADICT not in _relation(a, b, 0.5)
    c = "There is a deal and everything is agreed, the envoy said."
    assert Relation.CONTRADICT in _relation(a, c, 0.5)


@pytest.mark.parametrize("a, b", [
    ("The two ministers did not hold talks on the fishing dispute.",
     "The two ministers held talks on the fishing dispute."),
    ("The spokesman did not say the border would reopen next week.",
     "The spokesman said the border would reopen next week."),
])
def test_an_irregular_verb_form_is_the_verb_a_negation_denies(a, b):
    assert _relation(a, b) == {Relation.CONTRADICT}


@pytest.mark.parametrize("a, b, relation", [
    # a contracted negation is a negation
    ("The two ministers didn't discuss the pipeline project.",
     "The two ministers discussed the pipeline project.", "contradict"),
    ("The delegates weren't part of the talks, officials said.",
     "The delegates aren't taking part in the talks, officials said.", "agree"),
    ("\"You don't have the votes right now,\" the speaker told him.",
     "\"You have no votes right now,\" the speaker told him.", "agree"),
])
def test_contracted_negations(a, b, relation):
    assert _relation(a, b) == {Relation(relation)}


def test_what_a_negated_clause_is_said_of_is_not_stated_as_fact():
    """"Officials were not present" and "officials aren't taking part" both deny; neither states officials took part."""
    a = "No opposition officials were present at the meeting in the capital."
    b = "Opposition officials aren't taking part in the meeting in the capital."
    assert Relation.CONTRADICT not in _relation(a, b, 0.6)
    c = "Opposition officials were present at the meeting in the capital."
    assert Relation.CONTRADICT in _relation(a, c, 0.6)


@pytest.mark.parametrize("a, b", [
    # a negated noun denies the rest of its clause: neither side says the accord was signed
    ("The two governments have not signed an accord on fishing rights.",
     "The talks broke up, no accord on fishing rights was signed, and the planned dinner was cancelled."),
    # a negating verb and a verb that denies alike ("cancelled" / "skipped")
    ("The premier left early and cancelled the scheduled news conference.",
     "The premier left early, skipping the scheduled news conference."),
    # an abbreviation's points do not end the clause a passive negating verb denies
    ("A news conference in the U.S. capital scheduled for Friday was cancelled after the row.",
     "The premier cancelled the scheduled news conference in the capital after the row."),
    # a sign after the cue is not what is denied
    ("The tariff was cut to 10% instead of 20%, the minister said.",
     "The 20% tariff was cut to 10%, the minister said."),
    # one word in common does not make a clause about the denied one
    ("He said there were no obstacles on farm exports and that the issue was settled.",
     "The export ban, which he called an obstacle, is lifted for a year."),
    # a word after "potential" is a possibility, not a fact
    ("The summit ended without a joint statement.", "The summit will end with a potential joint statement."),
])
def test_what_neither_side_states_as_fact_is_no_conflict(a, b):
    assert Relation.CONTRADICT not in _relation(a, b, 0.6)


def test_a_negated_noun_still_contradicts_a_statement_of_it():
    a = "No accord on fishing rights was signed at the talks."
    b = "An accord on fishing rights was signed at the talks."
    assert Relation.CONTRADICT in _relation(a, b)


@pytest.mark.parametrize("a, b, relation", [
    # a negation states nothing of the rest of its clause: neither side says the accord was signed
    ("He also did not sign a fishing rights accord with the islands.",
     "The talks broke up and no accord on fishing rights was signed.", "agree"),
    # ... up to a turn to another claim
    ("The two sides reached a deal on grain but no deal on steel.", "The two sides reached a deal on grain.", "agree"),
    ("The two sides reached no deal on steel.", "The two sides reached a deal on grain but no deal on steel.", "agree"),
    ("The two sides reached no deal on grain.", "The two sides reached a deal on grain but failed on steel.",
     "contradict"),
    # figures or names set against each other by a contrast are not a polarity claim
    ("The levy falls to 10% instead of 20% starting next month.", "The levy falls to 10% starting next month.",
     "agree"),
])
def test_a_negation_and_the_rest_of_its_clause(a, b, relation):
    assert _relation(a, b, 0.6) == {Relation(relation)}


@pytest.mark.parametrize("a, b", [
    # a negating verb's subject acts, and what comes before "without" is a claim of its own
    ("The council rejected a proposal to scrap the port levy, an official said.",
     "The council accepted a proposal to scrap the port levy, an official said."),
    ("The summit ended without a joint statement.", "The summit ended with a joint statement on trade."),
])
def test_what_stands_before_a_negating_verb_or_without_is_stated(a, b):
    assert Relation.CONTRADICT in _relation(a, b)


# One case per phrase of NEGATION_FOCUS: the denial is of the circumstance, so it spares a statement of the act
# without it and contradicts a statement of the act with it.
FOCUS_CASES = {
    "in front of": "in front of the visiting delegates",
    "in the presence of": "in the presence of the visiting delegates",
    "in person": "in person",
    "in public": "in public",
    "publicly": "publicly",
    "face to face": "face to face",
    "by phone": "by phone",
    "personally": "personally",
    "directly": "directly",
}


def test_every_focus_phrase_has_a_case():
    from compare.lang.en.judging import NEGATION_FOCUS

    assert set(FOCUS_CASES) == set(NEGATION_FOCUS)


@pytest.mark.parametrize("phrase", sorted(FOCUS_CASES))
def test_a_denial_focused_on_a_circumstance(phrase):
    denial = f"The foreign minister did not criticise the ambassador {FOCUS_CASES[phrase]}, aides said."
    act = "The foreign minister criticised the ambassador over the leaked cable, aides said."
    same_circumstance = f"The foreign minister criticised the ambassador {FOCUS_CASES[phrase]}, aides said."
    assert Relation.CONTRADICT not in _relation(denial, act, 0.8)
    assert _relation(denial, same_circumstance, 0.8) == {Relation.CONTRADICT}


@pytest.mark.parametrize("a, b", [
    ("No agreement was reached on a ceasefire in Ukraine, officials said.",
     "The two leaders agreed on a ceasefire in Ukraine, officials said."),
    ("No decision was made on the new tariffs, the ministry said.",
     "The ministers decided on the new tariffs, the ministry said."),
])
def test_a_denied_noun_meets_its_verb(a, b):
    assert _relation(a, b) == {Relation.CONTRADICT}


@pytest.mark.parametrize("a, b", [
    # both deny; the other sentence names the word again only in a clause about something else
    ("Neither leader provided any details about the agreement.",
     "The Russian leader did not give any details on what was agreed to during the summit, the first between a US "
     "and Russian leader since 2001."),
    # the noun's verb stated of another matter than the one denied
    ("Putin and Xi signed 20 agreements but did not agree on the price of gas for the pipeline.",
     "Putin and Xi signed an agreement on the pipeline."),
])
def test_a_denial_meets_only_a_statement_of_the_word_in_the_matching_clause(a, b):
    assert Relation.CONTRADICT not in _relation(a, b)


@pytest.mark.parametrize("a, b, relation", [
    ("There is no one climbing on the grotto with a pink interior.",
     "Four children, three girls and one boy, are climbing on the grotto with a pink interior.", Relation.CONTRADICT),
    ("No one was injured in the crash near the border, the police said.",
     "Two people were injured in the crash near the border, the police said.", Relation.CONTRADICT),
    ("No one was injured in the crash near the border, the police said.",
     "Nobody was hurt in the crash near the border, according to the police.", None),
])
def test_no_one_denies_what_follows_not_the_figure(a, b, relation):
    got = _relation(a, b)
    assert got == {relation} if relation else Relation.CONTRADICT not in got
