"""What every rule's test file runs: its examples through the rule alone and through judge_pair, both ways round."""

from __future__ import annotations

from compare.judge import RULES, Rule, Side, decide, judge_pair
from compare.judge.rules import EXAMPLE_SCORE, Pair
from compare.models import Sentence


def rule_named(name: str) -> Rule:
    return next(rule for rule in RULES if rule.name == name)


def side(source: str, text: str, published: str | None = None) -> Side:
    return Side(source, Sentence(source, 0, 0, len(text), text), published)


def _both_ways(a_text: str, b_text: str) -> list[tuple[Side, Side]]:
    a, b = side("a", a_text), side("b", b_text)
    return [(a, b), (b, a)]


def check_fires(rule: Rule, a_text: str, b_text: str) -> None:
    """The rule applies to the pair, and no earlier rule pre-empts it: judge_pair gives the rule's verdict."""
    for a, b in _both_ways(a_text, b_text):
        verdict = rule.check(Pair.of(a, b, EXAMPLE_SCORE))
        assert verdict is not None and verdict.kind == rule.kind
        assert {verdict.source, verdict.other} == {"a", "b"} and verdict.reason.startswith(f"{rule.kind}: ")
        decided, judged = decide(a, b, EXAMPLE_SCORE)
        assert decided is rule, f"{decided.name} decides first: {judged.reason}"
        assert judged == verdict and judge_pair(a, b, EXAMPLE_SCORE) == verdict


def check_spares(rule: Rule, a_text: str, b_text: str) -> None:
    """The rule does not apply to the pair (the last rule applies to every pair that reaches it, so its spares are
    pairs an earlier rule decides), and judge_pair gives a verdict of another kind."""
    for a, b in _both_ways(a_text, b_text):
        if rule is not RULES[-1]:
            assert rule.check(Pair.of(a, b, EXAMPLE_SCORE)) is None
        decided, judged = decide(a, b, EXAMPLE_SCORE)
        assert decided is not rule
        assert judge_pair(a, b, EXAMPLE_SCORE).kind != rule.kind, judged.reason
