"""The judge as a whole: the rules' order, the verdict kinds, and the one formatter that words every reason.

What each rule fires on and spares is in tests/rules/, one file per rule.
"""

from pathlib import Path

import pytest

from compare.facts import FactKind

from compare.judge import CONFLICT_KINDS, RULES, Kind, Side, Verdict, decide, describe, omitted_reason
from compare.judge.rules import EXAMPLE_SCORE, Pair
from compare.models import Relation, Sentence

RULE_TESTS = Path(__file__).resolve().parent / "rules"


def side(source: str, text: str, published: str | None = None) -> Side:
    return Side(source, Sentence(source, 0, 0, len(text), text), published)


def test_the_rules_run_in_this_order():
    assert [rule.name for rule in RULES] == [
        "certainty", "polarity", "numbers", "months", "dates_a_day_apart", "dates", "names", "ordinals",
        "hedged", "open_detail", "part_of_claim", "agree",
    ]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_each_rule_is_described_and_tested(rule):
    assert (RULE_TESTS / f"test_{rule.name}.py").is_file()
    assert rule.summary and "\n" not in rule.summary
    assert len(rule.fires) >= 2 and len(rule.spares) >= 2
    assert not set(rule.fires) & set(rule.spares)


@pytest.mark.parametrize("earlier, later, a, b", [
    ("certainty", "hedged", "Reportedly, it was not made clear whether the deal would be signed on Friday.",
     "The deal will be signed on Friday."),
    ("polarity", "numbers", "The council did not approve 300 new posts.", "The council approved 500 new posts."),
    ("numbers", "names", "Officials said Anna Berg would send 300 troops to the mission.",
     "Officials said Maria Lind would send 500 troops to the mission."),
    ("hedged", "open_detail", "It was not clear when the treaty might be signed by both sides.",
     "The treaty will be signed by both sides."),
    ("part_of_claim", "agree", "The leaders agreed to deepen trade ties.",
     "The leaders agreed to deepen trade and energy ties."),
])
def test_when_two_rules_apply_the_earlier_decides(earlier, later, a, b):
    rules = {rule.name: rule for rule in RULES}
    pair = Pair.of(side("a", a), side("b", b), EXAMPLE_SCORE)
    assert rules[earlier].check(pair) is not None and rules[later].check(pair) is not None
    assert decide(side("a", a), side("b", b), EXAMPLE_SCORE)[0] is rules[earlier]


def test_the_last_rule_decides_any_pair_the_others_leave():
    a, b = side("a", "Parliament opens on a sunny morning."), side("b", "A storm closed the airport.")
    rule, verdict = decide(a, b, 0.1)
    assert rule is RULES[-1] and verdict.relation == Relation.AGREE


def test_each_kind_gives_one_relation_and_the_conflicts_are_the_contradictions():
    fact_kinds = {Kind(str(kind)) for kind in FactKind}  # conflicts of the event fact sheet, outside the rules
    assert set(CONFLICT_KINDS) == {Kind.CERTAINTY, Kind.POLARITY, Kind.NUMBERS, Kind.DATES, Kind.NAMES} | fact_kinds
    assert all(kind.is_conflict == (kind.relation == Relation.CONTRADICT) for kind in Kind)
    assert {kind.relation for kind in Kind if not kind.is_conflict} == {Relation.AGREE, Relation.PARTIAL, Relation.OMITTED}
    assert {rule.kind for rule in RULES} == set(Kind) - {Kind.OMITTED} - fact_kinds


@pytest.mark.parametrize("verdict, reason", [
    (Verdict(Kind.CERTAINTY, "a", "b", phrase="It was not made clear whether", quoted="The talks  covered the treaty."),
     "certainty: a says “It was not made clear whether” it happened, while b reports it as fact: "
     "“The talks covered the treaty.”"),
    (Verdict(Kind.POLARITY, "b", "a", phrase="discuss"), "polarity: b negates “discuss”, which a affirms"),
    (Verdict(Kind.NUMBERS, "a", "b", values=("35",), other_values=("50", "60"), unit="minut"),
     "numbers: a says 35, b says 50, 60 (minut)"),
    (Verdict(Kind.DATES, "a", "b", values=("January",), other_values=("April",)), "dates: a gives January, b gives April"),
    (Verdict(Kind.DATES_A_DAY_APART, "a", "b", values=("2025-03-29",), other_values=("2025-03-30",)),
     "dates a day apart: a gives 2025-03-29, b gives 2025-03-30; time zones can put one meeting on two dates"),
    (Verdict(Kind.NAMES, "a", "b", values=("Geneva",), other_values=("New York",)),
     "names: a names Geneva where b names New York"),
    (Verdict(Kind.HEDGED, "b", "a", phrase="may"), "hedged: b only says it “may” be so; the other states it"),
    (Verdict(Kind.OPEN_DETAIL, "a", "b", phrase="did not say when"),
     "open detail: a says “did not say when”; b leaves nothing open"),
    (Verdict(Kind.PARTIAL, "a", "b", additions=(("a", "and signed a pact"),)),
     "partial: b states only part of the claim; a adds “and signed a pact”"),
    (Verdict(Kind.AGREE, "a", "b", shared=("minist",), additions=(("b", "in Warsaw"), ("a", "on Monday"), ("b", "in May"))),
     "agree: same claim (minist); b adds “in Warsaw”, “in May”; a adds “on Monday”"),
    (Verdict(Kind.AGREE, "a", "b", shared=("minist", "talk")), "agree: same claim (minist, talk)"),
    (Verdict(Kind.AGREE, "a", "b"), "agree: same claim"),
    (Verdict(Kind.OMITTED, "a", "b"), "omitted: b has no sentence to compare"),
    (Verdict(Kind.OMITTED, "a", "b", quoted="x" * 100, score=0.214, threshold=0.5),
     f"omitted: nothing in b states this; its closest sentence scores 0.21 (a match needs 0.50): “{'x' * 89}…”"),
])
def test_one_formatter_words_every_reason(verdict, reason):
    assert describe(verdict) == verdict.reason == reason
    assert reason.startswith(f"{verdict.kind}: ")


def test_omitted_reason_quotes_the_closest_sentence():
    a = side("a", "The leaders visited a school.")
    best = Sentence("b", 3, 0, 10, "The leaders ate lunch.")
    reason = omitted_reason(a, "b", best, 0.21, 0.5)
    assert "0.21" in reason and "The leaders ate lunch." in reason and reason.startswith("omitted:")
