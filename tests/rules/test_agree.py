"""The agree rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

from compare.judge import judge_pair
from compare.models import Relation
from rule_checks import side


def test_paraphrase_without_conflict_agrees_or_partly_agrees():
    a = side("a", "The two shared a strong sense of crisis about recent moves around the country.")
    b = side("b", "They shared a strong sense of urgency about the recent development around the country.")
    assert judge_pair(a, b, 0.7).relation in {Relation.AGREE, Relation.PARTIAL}


def test_detail_added_without_changing_the_claim_is_named_in_the_agreement():
    a = side("a", "The defence ministers met to discuss the alliance.")
    b = side("b", "The defence ministers met in Naples on Saturday to discuss the alliance, officials said.")
    verdict = judge_pair(a, b, 0.7)
    assert verdict.relation == Relation.AGREE
    assert verdict.additions == (("b", "in Naples"), ("b", "on Saturday"), ("b", "officials said"))
    assert verdict.reason.endswith("; b adds “in Naples”, “on Saturday”, “officials said”")


def test_a_lone_connective_is_not_named():
    a = side("a", "In response, Austin said the commitment to the alliance remains unwavering.")
    b = side("b", "Austin said the commitment to the alliance remains unwavering.")
    verdict = judge_pair(a, b, 0.7)
    assert verdict.relation == Relation.AGREE and verdict.additions == ()
