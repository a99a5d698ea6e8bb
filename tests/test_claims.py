import dataclasses

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.claims import Cell, Kind, all_claims, event_claims, is_hedged
from compare.comparison import Comparison
from compare.index import ResultIndex
from compare.judge import Side, judge_pair
from compare.models import Event, Finding, Relation, Sentence, Source
from compare.views import claims_frame
from report_fixture import make_comparison, shuffled


def naples_claims(c=None):
    c = c or make_comparison()
    return event_claims(ResultIndex(c), c.events[0])


def test_contradictions_come_first_then_claims_most_sources_leave_out():
    claims = naples_claims()
    assert [claim.kind for claim in claims] == [
        Kind.CONTRADICTION, Kind.CONTRADICTION, Kind.SINGLE, Kind.SINGLE, Kind.SINGLE, Kind.SHARED,
    ]
    assert [claim.number for claim in claims] == [1, 2, 3, 4, 5, 6]
    left_out = [sum(1 for _, cell in claim.cells if cell == Cell.NOT_MENTIONED) for claim in claims[2:]]
    assert left_out == sorted(left_out, reverse=True)


def test_hedged_source_against_an_assertion():
    sofa = naples_claims()[0]
    assert sofa.cells == (("alpha", Cell.HEDGED), ("bravo", Cell.ASSERTED), ("charlie", Cell.NOT_MENTIONED))
    # The claim is named by the sentence that states it without hedging.
    assert sofa.text == "The talks addressed the status of forces agreement."
    assert len(sofa.contradictions) == 1
    assert {sofa.contradictions[0].source, sofa.contradictions[0].other_source} == {"alpha", "bravo"}


def test_contradicted_cell_and_tie_broken_by_source_order():
    minutes = naples_claims()[1]
    # One source against one: the leading position is the earlier source's.
    assert dict(minutes.cells) == {
        "alpha": Cell.ASSERTED, "bravo": Cell.NOT_MENTIONED, "charlie": Cell.CONTRADICTED,
    }


def test_agree_and_partial_cluster_transitively():
    shared = naples_claims()[-1]
    assert dict(shared.cells) == {"alpha": Cell.ASSERTED, "bravo": Cell.PARTIAL, "charlie": Cell.ASSERTED}
    assert shared.sentences == (("alpha", 0), ("bravo", 0), ("charlie", 0))


def _chain_comparison():
    """a0 agrees with b0 and b0 partly with c0 (a0 and c0 never compared directly); d0 contradicts c0."""
    ids = ("a", "b", "c", "d")
    text = "The budget rose by five percent."
    sources = tuple(Source(i, f"{i}.txt", text) for i in ids)
    sentences = tuple(Sentence(i, 0, 0, len(text), text) for i in ids)
    ev = "e"
    findings = (
        Finding(ev, "a", 0, "b", 0, Relation.AGREE, 95.0, "same", "agree"),
        Finding(ev, "b", 0, "c", 0, Relation.PARTIAL, 85.0, "c adds", "partial"),
        Finding(ev, "d", 0, "c", 0, Relation.CONTRADICT, 90.0, "numbers differ", "numbers"),
        Finding(ev, "a", 0, "d", 0, Relation.OMITTED, 0.0, "none", "omitted"),
    )
    return Comparison(sources, (Event(ev, None, None, ids),), sentences, (), findings)


def test_one_claim_across_a_chain_with_the_majority_leading():
    c = _chain_comparison()
    claims = event_claims(ResultIndex(c), c.events[0])
    assert len(claims) == 1
    assert claims[0].kind == Kind.CONTRADICTION
    assert dict(claims[0].cells) == {
        "a": Cell.ASSERTED, "b": Cell.ASSERTED, "c": Cell.PARTIAL, "d": Cell.CONTRADICTED,
    }


def test_claims_frame_has_one_column_per_source_and_claim_index():
    c = make_comparison()
    frame = claims_frame(ResultIndex(c))
    assert list(frame.columns) == ["alpha", "bravo", "charlie", "delta"]
    assert list(frame.index.names) == ["event", "claim", "kind", "text", "sentences"]
    assert len(frame) == 7
    naples = frame.xs("naples", level="event")
    assert naples["delta"].isna().all()
    assert set(naples["alpha"]) <= {c.value for c in Cell}
    first = frame.iloc[0]
    assert first.name[2] == "contradiction"
    assert first["alpha"] == "hedged" and first["bravo"] == "asserted"
    singapore = frame.xs("singapore", level="event")
    assert list(singapore["delta"]) == ["asserted"]
    pd.testing.assert_frame_equal(c.claims, frame)


def test_claims_do_not_depend_on_record_order():
    c = make_comparison()
    expected = [dataclasses.astuple(claim) for claim in all_claims(ResultIndex(c))]
    for seed in range(5):
        assert [dataclasses.astuple(claim) for claim in all_claims(ResultIndex(shuffled(c, seed)))] == expected


def test_empty_comparison_gives_empty_claim_frame():
    empty = Comparison(sources=(), events=(), sentence_records=(), dropped_records=(), finding_records=())
    assert claims_frame(ResultIndex(empty)).empty


@pytest.mark.parametrize(
    "text",
    [
        "It was not made clear whether the meeting touched upon the agreement.",
        "The minister reportedly raised the issue.",
        "It remains unclear when the base will move.",
        "The talks may have covered trade.",
        "He declined to comment on the report.",
    ],
)
def test_hedging_cues(text):
    assert is_hedged(text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks addressed the status of forces agreement.",
        "May 3 was chosen for the next meeting.",
        "The meeting was held in Naples in May.",
        "They made clear that the alliance is strong.",
    ],
)
def test_plain_statements_are_not_hedged(text):
    assert not is_hedged(text)


SOURCES = ("a", "b", "c", "d")
SENTENCE_TEXTS = ("The budget rose.", "It is unclear whether the budget rose.", "The budget fell by half.")


@st.composite
def random_event(draw):
    counts = {s: draw(st.integers(1, 4)) for s in SOURCES}
    sentences = tuple(
        Sentence(s, i, 0, 10, draw(st.sampled_from(SENTENCE_TEXTS))) for s in SOURCES for i in range(counts[s])
    )
    findings = []
    for s in SOURCES:
        for i in range(counts[s]):
            for other in SOURCES:
                if other == s:
                    continue
                relation = draw(st.sampled_from(list(Relation)))
                other_id = None if relation == Relation.OMITTED else draw(st.integers(0, counts[other] - 1))
                findings.append(Finding("e", s, i, other, other_id, relation, 0.5, "r", "r"))
    sources = tuple(Source(s, f"{s}.txt", "x" * 10) for s in SOURCES)
    return Comparison(sources, (Event("e", None, None, SOURCES),), sentences, (), tuple(findings))


def _one_odd_source_comparison():
    """d misnames the minister whom a, b and c name rightly, each in a sentence of its own: d contradicts each of
    them, and they are linked to nothing else."""
    ids = ("a", "b", "c", "d")
    text = "Finance Minister Jane Roe attended the talks."
    sources = tuple(Source(i, f"{i}.txt", text) for i in ids)
    sentences = tuple(Sentence(i, 0, 0, len(text), text) for i in ids)
    ev = "e"
    findings = tuple(Finding(ev, "d", 0, i, 0, Relation.CONTRADICT, 90.0, "person", "person") for i in "abc")
    return Comparison(sources, (Event(ev, None, None, ids),), sentences, (), findings)


def test_only_the_sources_against_the_leading_position_are_contradicted():
    c = _one_odd_source_comparison()
    (claim,) = event_claims(ResultIndex(c), c.events[0])
    assert dict(claim.cells) == {"a": Cell.ASSERTED, "b": Cell.ASSERTED, "c": Cell.ASSERTED, "d": Cell.CONTRADICTED}


@settings(max_examples=150, deadline=None)
@given(random_event())
def test_claim_invariants(c):
    claims = event_claims(ResultIndex(c), c.events[0])
    members = [key for claim in claims for key in claim.sentences]
    assert sorted(members) == sorted((s.source, s.id) for s in c.sentence_records)  # a partition
    claim_of = {key: claim.number for claim in claims for key in claim.sentences}
    for f in c.finding_records:
        if f.other_sentence_id is not None:
            assert claim_of[(f.source, f.sentence_id)] == claim_of[(f.other_source, f.other_sentence_id)]
    seen_plain = False
    previous_left_out = len(SOURCES)
    for claim in claims:
        assert [s for s, _ in claim.cells] == list(SOURCES)
        present = {s for s, _ in claim.sentences}
        assert {s for s, cell in claim.cells if cell != Cell.NOT_MENTIONED} == present
        # Some source states the claim, unless each source that does also contradicts it (a contradiction
        # outranks its own assertion in that source's cell).
        stated = any(cell in (Cell.ASSERTED, Cell.PARTIAL, Cell.HEDGED) for _, cell in claim.cells)
        assert stated or claim.kind == Kind.CONTRADICTION
        assert (claim.kind == Kind.CONTRADICTION) == bool(claim.contradictions)
        if claim.kind == Kind.CONTRADICTION:
            assert not seen_plain  # contradictions first
        else:
            seen_plain = True
            left_out = len(SOURCES) - len(present)
            assert left_out <= previous_left_out
            previous_left_out = left_out


@pytest.mark.parametrize("text", [
    "The deal could be signed next week.",  # "could" is as often the past of "can": the judge does not weigh it
    "The ferries could carry 600 passengers a night.",
])
def test_could_is_no_hedge(text):
    assert not is_hedged(text)


@pytest.mark.parametrize("hedged, plain", [
    ("The planned meeting is expected to discuss export controls.", "The planned meeting will discuss export controls."),
    ("It was not immediately clear whether the two sides discussed port access.", "The two sides discussed port access."),
    ("It remains to be seen whether parliament will ratify the treaty.", "Parliament will ratify the treaty."),
    ("The envoy is understood to have met rebel leaders.", "The envoy met rebel leaders."),
    ("The ministry declined to comment on the report.", "The ministry commented on the report."),
])
def test_a_sentence_is_hedged_in_the_claim_matrix_exactly_when_the_judge_weighs_it_as_uncertain(hedged, plain):
    assert is_hedged(hedged) and not is_hedged(plain)
    a, b = Side("a", Sentence("a", 0, 0, len(hedged), hedged)), Side("b", Sentence("b", 0, 0, len(plain), plain))
    assert judge_pair(a, b, 0.9).kind in ("certainty", "hedged", "open detail")


def _detail_comparison():
    """a's sentence agrees with b's and adds a place and a day; c names the place in a sentence of its own."""
    texts = {
        "a": ["The defence ministers met in Naples on Saturday to discuss the alliance."],
        "b": ["The defence ministers met to discuss the alliance."],
        "c": ["Security was tight in Naples.", "The defence ministers met to discuss the alliance."],
    }
    sources = tuple(Source(i, f"{i}.txt", " ".join(t)) for i, t in texts.items())
    sentences = tuple(Sentence(i, n, 0, len(t), t) for i, ts in texts.items() for n, t in enumerate(ts))
    ev = "e"
    verdict = judge_pair(Side("a", sentences[0]), Side("b", sentences[1]), 0.8)
    assert verdict.relation == Relation.AGREE and verdict.additions == (("a", "in Naples"), ("a", "on Saturday"))
    findings = (
        Finding(ev, "a", 0, "b", 0, verdict.relation, 90.0, verdict.reason, verdict.kind, verdict.additions),
        Finding(ev, "b", 0, "c", 1, Relation.AGREE, 90.0, "same claim", "agree"),
        Finding(ev, "c", 0, "a", None, Relation.OMITTED, 0.0, "none", "omitted"),
    )
    return Comparison(sources, (Event(ev, None, None, tuple(texts)),), sentences, (), findings)


def test_detail_an_agreeing_source_adds_is_a_claim_of_its_own_after_the_claim():
    c = _detail_comparison()
    claims = event_claims(ResultIndex(c), c.events[0])
    shared = next(claim for claim in claims if claim.kind == Kind.SHARED and len(claim.sentences) == 3)
    details = [claim for claim in claims if claim.kind == Kind.DETAIL]
    assert [d.text for d in details] == ["in Naples", "on Saturday"]
    assert [d.number for d in details] == [shared.number + 1, shared.number + 2]
    assert all(d.detail_of == shared.number for d in details)
    # c states the place in another sentence; nobody but a gives the day.
    assert dict(details[0].cells) == {"a": Cell.ASSERTED, "b": Cell.NOT_MENTIONED, "c": Cell.ASSERTED}
    assert details[0].sentences == (("a", 0), ("c", 0))
    assert dict(details[1].cells) == {"a": Cell.ASSERTED, "b": Cell.NOT_MENTIONED, "c": Cell.NOT_MENTIONED}
    # The claim itself is asserted by all three: the detail no longer makes a and b only partly agree.
    assert set(dict(shared.cells).values()) == {Cell.ASSERTED}


def test_a_detail_every_source_states_is_no_claim_of_its_own():
    c = _detail_comparison()
    everyone = dataclasses.replace(c.finding_records[0], additions=(("a", "the alliance"),))
    c = dataclasses.replace(c, finding_records=(everyone, *c.finding_records[1:]))
    assert not [claim for claim in event_claims(ResultIndex(c), c.events[0]) if claim.kind == Kind.DETAIL]
