"""End-to-end checks of `crosscheck report seeds/` against the hand annotation in tests/gold_seeds.json."""

from __future__ import annotations

import re

import pytest

from compare.models import Relation

from conftest import SEEDS


def ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}


@pytest.fixture(scope="module")
def by_source(seed_comparison):
    grouped: dict[str, list] = {}
    for s in seed_comparison.sentence_records:
        grouped.setdefault(s.source, []).append(s)
    return grouped


@pytest.fixture(scope="module")
def relation_of(seed_comparison):
    return {(f.source, f.sentence_id, f.other_source): f for f in seed_comparison.finding_records}


def sentence_ids(texts, by_source, source: str, quote: str) -> set[int]:
    text = texts[source]
    found: set[int] = set()
    i = text.find(quote)
    assert i >= 0, f"gold quote not in {source}: {quote}"
    while i >= 0:
        j = i + len(quote)
        found |= {s.id for s in by_source[source] if s.start < j and s.end > i}
        i = text.find(quote, i + 1)
    return found


def related(texts, by_source, relation_of, a, qa, b, qb, wanted) -> bool:
    targets = sentence_ids(texts, by_source, b, qb)
    for sid in sentence_ids(texts, by_source, a, qa):
        finding = relation_of.get((a, sid, b))
        if finding and finding.relation in wanted and finding.other_sentence_id in targets:
            return True
    return False


def test_events_are_exactly_the_gold_partition(seed_comparison, gold):
    got = sorted(sorted(e.sources) for e in seed_comparison.events)
    assert got == sorted(sorted(members) for members in gold["events"].values())


def test_offsets_exact_and_coverage_complete(seed_comparison, texts):
    marks = {sid: bytearray(len(t)) for sid, t in texts.items()}
    for span in (*seed_comparison.sentence_records, *seed_comparison.dropped_records):
        assert ws(texts[span.source][span.start:span.end]) == span.text
        marks[span.source][span.start:span.end] = b"\x01" * (span.end - span.start)
    for sid, text in texts.items():
        missing = [ch for i, ch in enumerate(text) if not ch.isspace() and not marks[sid][i]]
        assert not missing, f"{sid}: characters neither in a sentence nor dropped: {''.join(missing)[:80]}"


def test_no_furniture_inside_any_sentence(seed_comparison, gold):
    for sentence in seed_comparison.sentence_records:
        for furniture in gold["boilerplate"].get(sentence.source, []):
            assert furniture not in sentence.text


def test_repeated_paragraphs_count_once(gold, texts, by_source):
    for source, quotes in gold["duplicated"].items():
        for quote in quotes:
            assert len(sentence_ids(texts, by_source, source, quote)) == 1, quote


def test_agreeing_pairs_are_found(gold, texts, by_source, relation_of):
    pairs = [p for p in gold["pairs"] if p["relation"] == "agree"]
    found = [
        p for p in pairs
        if related(texts, by_source, relation_of, p["a"], p["a_text"], p["b"], p["b_text"], {"agree", "partial"})
        or related(texts, by_source, relation_of, p["b"], p["b_text"], p["a"], p["a_text"], {"agree", "partial"})
    ]
    assert len(found) >= 6, [p["a_text"][:50] for p in pairs if p not in found]


def test_the_sofa_contradiction_is_found_with_a_certainty_reason(gold, texts, by_source, relation_of):
    (pair,) = [p for p in gold["pairs"] if p["relation"] == "contradict"]
    a_ids = sentence_ids(texts, by_source, pair["a"], pair["a_text"])
    b_ids = sentence_ids(texts, by_source, pair["b"], pair["b_text"])
    findings = [relation_of[(pair["a"], i, pair["b"])] for i in a_ids] + [relation_of[(pair["b"], i, pair["a"])] for i in b_ids]
    hits = [f for f in findings if f.relation == Relation.CONTRADICT and f.other_sentence_id in (a_ids | b_ids)]
    assert hits
    assert all("certainty" in f.reason for f in hits)


def test_no_other_contradiction_and_no_trap(seed_comparison, gold, texts, by_source):
    (pair,) = [p for p in gold["pairs"] if p["relation"] == "contradict"]
    allowed = {(pair["a"], i) for i in sentence_ids(texts, by_source, pair["a"], pair["a_text"])} | {
        (pair["b"], i) for i in sentence_ids(texts, by_source, pair["b"], pair["b_text"])
    }
    for f in seed_comparison.finding_records:
        if f.relation == Relation.CONTRADICT:
            assert {(f.source, f.sentence_id), (f.other_source, f.other_sentence_id)} <= allowed, f.reason


def test_omissions_are_labelled_omitted(gold, texts, by_source, relation_of):
    hit = total = 0
    for omission in gold["omissions"]:
        ids = sentence_ids(texts, by_source, omission["source"], omission["text"])
        for other in omission["missing_from"]:
            total += 1
            hit += any(relation_of[(omission["source"], i, other)].relation == Relation.OMITTED for i in ids)
    assert hit / total >= 0.8


def test_one_finding_per_sentence_and_other_source(seed_comparison):
    members = {sid: e for e in seed_comparison.events for sid in e.sources}
    keys = [(f.source, f.sentence_id, f.other_source) for f in seed_comparison.finding_records]
    assert len(keys) == len(set(keys))
    expected = {
        (s.source, s.id, other)
        for s in seed_comparison.sentence_records
        for other in members[s.source].sources
        if other != s.source
    }
    assert set(keys) == expected
