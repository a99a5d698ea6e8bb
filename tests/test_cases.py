"""The acceptance cases in tests/cases/: each folder holds one meeting's coverage by several outlets, written for
the tests in the shapes real pages take, and an `expect.toml` saying what crosscheck must make of it. A case
folder is an ordinary input (`crosscheck report tests/cases/jakarta` reads its articles and skips the TOML).

Every expectation is data; this module only reads it (tests/cases/README.md shows how to add a case). The keys
of expect.toml:

    about                 what the articles are and which traps they hold (required)
    [[events]]            sources = [...], date, place: the events, exactly (date and place only when given)
    copies                {copy = origin}: syndicated copies, exactly (default: none)
    warnings              the run's warnings, exactly (default: none)
    [sources.ID]          title, place, first_sentences = [...]: what is read from one source
    dropped               [{source, line, reason, count}]: a line dropped for that reason (count: exactly so many
                          times, every time for that reason)
    never_read            fragments that no sentence of any source may hold (compared without case)
    contradiction_kinds   the kinds (reason prefix before ':') of all contradictions, exactly (default: none)
    contradiction_pairs   [source, other] of all contradictions, exactly
    [reasons.KIND]        contain = [...]: every finding of that kind names these words
    reasons_never_contain words no finding's reason may hold
    [[findings]]          sentence = [source, words] (the one sentence of the source holding the words) against
                          other, [other, words] (also the counterpart sentence) or "*" (every other source of the
                          event): relation (one or a list of allowed), not (forbidden relations), kind, not_kind
    [[together]]          with = [case names], events = [[...]]: read with other cases, this case's sources
                          still form these events (grouping only)

Any table may carry `why`, a note for the reader. An unknown key fails the case, so a typo cannot silently
drop an expectation.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from compare.api import compare, group
from compare.comparison import Comparison
from compare.models import Finding, Relation

CASES = Path(__file__).resolve().parent / "cases"
EXPECT = "expect.toml"

TOP_KEYS = frozenset({
    "about", "events", "copies", "warnings", "sources", "dropped", "never_read", "contradiction_kinds",
    "contradiction_pairs", "reasons", "reasons_never_contain", "findings", "together",
})  # fmt: skip
ENTRY_KEYS = {
    "events": frozenset({"sources", "date", "place", "why"}),
    "sources": frozenset({"title", "place", "first_sentences", "why"}),
    "dropped": frozenset({"source", "line", "reason", "count", "why"}),
    "reasons": frozenset({"contain", "why"}),
    "findings": frozenset({"sentence", "against", "relation", "not", "kind", "not_kind", "why"}),
    "together": frozenset({"with", "events", "why"}),
}
EVERY_OTHER = "*"


def case_names() -> list[str]:
    return sorted(p.parent.name for p in CASES.glob(f"*/{EXPECT}"))


@functools.cache
def expectation(name: str) -> dict:
    with (CASES / name / EXPECT).open("rb") as handle:
        return tomllib.load(handle)


@functools.cache
def comparison(name: str) -> Comparison:
    return compare([CASES / name])


def case_result(name: str) -> Comparison:
    return comparison(name)


# -- what the checks ask of a result ------------------------------------------------------------------------------


def kind_of(finding: Finding) -> str:
    """The kind of a finding ("numbers", "polarity", "hedged", "agree" ...); its reason starts with it."""
    assert finding.reason.startswith(f"{finding.kind}: ")
    return finding.kind


def sentence_holding(result: Comparison, source: str, words: str):
    """The one sentence of `source` that holds `words`; more than one would make the expectation ambiguous."""
    found = [s for s in result.sentence_records if s.source == source and words in s.text]
    assert len(found) == 1, f"{len(found)} sentences of {source} hold {words!r}; name words that pick one"
    return found[0]


def event_of(result: Comparison, source: str):
    return next(e for e in result.events if source in e.sources)


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def partition(groups) -> list[list[str]]:
    return sorted(sorted(g) for g in groups)


def check_events(result: Comparison, expected: list[dict]) -> None:
    assert partition(e.sources for e in result.events) == partition(x["sources"] for x in expected)
    for wanted in expected:
        event = event_of(result, wanted["sources"][0])
        for field in ("date", "place"):
            if field in wanted:
                assert getattr(event, field) == wanted[field], (sorted(event.sources), field)


def check_copies(result: Comparison, copies: dict[str, str]) -> None:
    assert dict(result.copies) == copies


def check_warnings(result: Comparison, warnings: list[str]) -> None:
    assert list(result.warnings) == warnings


def check_source(result: Comparison, source_id: str, wanted: dict) -> None:
    source = next(s for s in result.sources if s.id == source_id)
    for field in ("title", "place"):
        if field in wanted:
            assert getattr(source, field) == wanted[field], field
    if "first_sentences" in wanted:
        texts = [s.text for s in result.sentence_records if s.source == source_id]
        assert texts[: len(wanted["first_sentences"])] == wanted["first_sentences"]


def check_dropped(result: Comparison, wanted: dict) -> None:
    spans = [d for d in result.dropped_records if d.source == wanted["source"] and d.text == wanted["line"]]
    if "count" in wanted:
        assert len(spans) == wanted["count"] and all(d.reason == wanted["reason"] for d in spans), spans
    else:
        assert any(d.reason == wanted["reason"] for d in spans), spans


def check_never_read(result: Comparison, fragment: str) -> None:
    holding = [s.text for s in result.sentence_records if fragment.lower() in s.text.lower()]
    assert holding == []


def check_contradiction_kinds(result: Comparison, kinds: list[str]) -> None:
    found = {kind_of(f) for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert found == set(kinds)


def check_contradiction_pairs(result: Comparison, pairs: list[list[str]]) -> None:
    found = {(f.source, f.other_source) for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert found == {tuple(p) for p in pairs}


def check_reasons(result: Comparison, kind: str, wanted: dict) -> None:
    reasons = [f.reason for f in result.finding_records if kind_of(f) == kind]
    assert reasons, f"no finding of kind {kind}"
    for word in wanted["contain"]:
        assert all(word in r for r in reasons), word


def check_reasons_never_contain(result: Comparison, word: str) -> None:
    assert [f.reason for f in result.finding_records if word in f.reason] == []


def check_finding(result: Comparison, wanted: dict) -> None:
    source, words = wanted["sentence"]
    sentence = sentence_holding(result, source, words)
    findings = [f for f in result.finding_records if f.source == source and f.sentence_id == sentence.id]
    against = wanted["against"]
    if against == EVERY_OTHER:
        others = sorted(set(event_of(result, source).sources) - {source})
        assert others, f"{source} has no other source in its event"
    else:
        others = [as_list(against)[0]]
    by_other = {f.other_source: f for f in findings}
    for other in others:
        finding = by_other[other]
        if isinstance(against, list):
            counterpart = sentence_holding(result, other, against[1])
            assert finding.other_sentence_id == counterpart.id, (other, finding.other_sentence_id, finding.reason)
        if "relation" in wanted:
            assert finding.relation in as_list(wanted["relation"]), (other, finding.reason)
        if "not" in wanted:
            assert finding.relation not in as_list(wanted["not"]), (other, finding.reason)
        if "kind" in wanted:
            assert kind_of(finding) == wanted["kind"], (other, finding.reason)
        if "not_kind" in wanted:
            assert kind_of(finding) != wanted["not_kind"], (other, finding.reason)


def check_together(name: str, wanted: dict) -> None:
    folders = [CASES / name, *(CASES / other for other in wanted["with"])]
    _sources, events, _warnings = group(folders)
    own = {s for e in expectation(name)["events"] for s in e["sources"]} | set(expectation(name).get("copies", {}))
    assert partition(e.sources for e in events if set(e.sources) & own) == partition(wanted["events"])


# -- one test per expectation -------------------------------------------------------------------------------------

Check = Callable[[], None]


def checks(name: str) -> Iterator[tuple[str, Check]]:
    """(label, check) for every expectation of one case, in the order of the file's keys."""
    case = expectation(name)

    def on_result(check, *args) -> Check:
        return lambda: check(case_result(name), *args)

    yield "events", on_result(check_events, case["events"])
    yield "copies", on_result(check_copies, case.get("copies", {}))
    yield "warnings", on_result(check_warnings, case.get("warnings", []))
    for source_id, wanted in case.get("sources", {}).items():
        yield f"source-{source_id}", on_result(check_source, source_id, wanted)
    for wanted in case.get("dropped", []):
        yield f"dropped-{wanted['source']}-{wanted['line'][:30]}", on_result(check_dropped, wanted)
    for fragment in case.get("never_read", []):
        yield f"never-read-{fragment[:30]}", on_result(check_never_read, fragment)
    yield "contradiction-kinds", on_result(check_contradiction_kinds, case.get("contradiction_kinds", []))
    if "contradiction_pairs" in case:
        yield "contradiction-pairs", on_result(check_contradiction_pairs, case["contradiction_pairs"])
    for kind, wanted in case.get("reasons", {}).items():
        yield f"reasons-{kind}", on_result(check_reasons, kind, wanted)
    for word in case.get("reasons_never_contain", []):
        yield f"reasons-never-{word}", on_result(check_reasons_never_contain, word)
    for wanted in case.get("findings", []):
        source, words = wanted["sentence"]
        against = wanted["against"] if isinstance(wanted["against"], str) else wanted["against"][0]
        yield f"finding-{source}-{words[:24]}-vs-{against}", on_result(check_finding, wanted)
    for number, wanted in enumerate(case.get("together", [])):
        yield f"together-{number}", lambda wanted=wanted: check_together(name, wanted)


def all_checks() -> list:
    return [pytest.param(check, id=f"{name}-{label}") for name in case_names() for label, check in checks(name)]


@pytest.mark.parametrize("check", all_checks())
def test_case(check: Check):
    check()


# -- the files themselves -----------------------------------------------------------------------------------------


def test_every_case_folder_has_its_expectations():
    folders = sorted(p.name for p in CASES.iterdir() if p.is_dir())
    assert folders and folders == case_names()


@pytest.mark.parametrize("name", case_names())
def test_expectation_files_use_only_known_keys(name):
    case = expectation(name)
    assert set(case) <= TOP_KEYS, set(case) - TOP_KEYS
    assert case["about"].strip() and case["events"]
    for key, allowed in ENTRY_KEYS.items():
        entries = case.get(key, [])
        for entry in entries.values() if isinstance(entries, dict) else entries:
            assert set(entry) <= allowed, (key, set(entry) - allowed)
    relations = {r.value for r in Relation}
    for wanted in case.get("findings", []):
        assert len(wanted["sentence"]) == 2, wanted
        assert {*as_list(wanted.get("relation", [])), *as_list(wanted.get("not", []))} <= relations, wanted
    for wanted in case.get("together", []):
        assert all((CASES / other / EXPECT).is_file() for other in wanted["with"]), wanted["with"]
