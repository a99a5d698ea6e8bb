"""Finding scores: the matcher's probability where it is calibrated, a fitted model for contradictions."""

from __future__ import annotations

import math

import pytest

from compare.api import compare
from compare.confidence import CALIBRATION, Evidence, confidence, model_of, uncalibrated
from compare.judge import CONFLICT_KINDS
from compare.models import Event, Relation, Source
from compare.pipeline import EventWork, Member, compare_event, event_evidence, prepare


def test_kinds_without_a_model_keep_the_matchers_probability():
    assert "agree" not in CALIBRATION and "omitted" not in CALIBRATION
    assert confidence(Evidence("agree", 0.8123, True)) == 0.8123
    assert confidence(Evidence("partial", 0.4, False)) == 0.4
    assert confidence(Evidence("omitted", 0.09, False)) == 0.91  # how sure: nothing in the other source says it
    assert uncalibrated(Evidence("omitted", 0.25, True)) == 0.75


@pytest.mark.parametrize("kind", CONFLICT_KINDS)
def test_a_fitted_score_is_a_probability_that_follows_the_evidence(kind):
    assert model_of(kind) == "contradict" in CALIBRATION  # every kind of conflict shares the contradiction model
    scores = [confidence(Evidence(kind, p, mutual)) for mutual in (False, True) for p in (0.0, 0.1, 0.5, 0.9, 1.0)]
    assert all(0.0 <= s <= 1.0 for s in scores)
    log_odds, mutual, _ = CALIBRATION["contradict"]
    low, high = scores[:5], scores[5:]
    if log_odds > 0:  # a likelier same claim makes the contradiction likelier right
        assert low == sorted(low) and high == sorted(high)
    if mutual > 0:  # sentences that single each other out are likelier the same claim
        assert all(b >= a for a, b in zip(low, high))


def test_the_fitted_score_is_the_logistic_model_written_down():
    a, b, c = CALIBRATION["contradict"]
    p = 0.3
    expected = 1 / (1 + math.exp(-(a * math.log(p / (1 - p)) + b + c)))
    assert confidence(Evidence("numbers", p, True)) == round(expected, 4)


def _work() -> EventWork:
    texts = {
        "a": "The ministers met in Lisbon on Monday. They agreed to hold talks every three months. "
             "It was not made clear whether fishing quotas were discussed.",
        "b": "The ministers met in Lisbon on Monday. They agreed to hold talks every five months. "
             "Fishing quotas were discussed at length. The meeting ended with a joint statement.",
    }
    members = []
    for sid, text in texts.items():
        p = prepare(Source(id=sid, path=f"{sid}.txt", text=text))
        members.append(Member.of(p))
    return EventWork(Event("e", None, "lisbon", ("a", "b")), tuple(members), "lexical", None)


def test_every_finding_is_scored_from_its_own_evidence():
    work = _work()
    scored = compare_event(work)
    unscored = event_evidence(work)
    assert len(scored) == len(unscored) > 0
    for finding, (raw, evidence) in zip(scored, unscored):
        assert finding.score == confidence(evidence)
        assert (finding.relation, finding.reason) == (raw.relation, raw.reason)
        assert evidence.kind == finding.kind == finding.reason.split(":")[0]
        assert evidence.kind.relation == finding.relation
    kinds = {e.kind for _, e in unscored}
    assert {"numbers", "certainty", "omitted"} <= kinds, kinds


def test_the_seed_contradiction_is_scored_as_likely_right():
    """The SOFA pair matches at a same-claim probability of about 0.15, as each other's best; as a certainty
    conflict between such a pair it is more likely right than wrong."""
    c = compare(["seeds"])
    contradictions = [f for f in c.finding_records if f.relation == Relation.CONTRADICT]
    assert contradictions and all(f.reason.startswith("certainty:") for f in contradictions)
    assert all(f.score > 0.5 for f in contradictions)
    pairs = [f for f in c.finding_records if f.relation in (Relation.AGREE, Relation.PARTIAL)]
    assert all(0.0 <= f.score <= 1.0 for f in pairs)
