"""The index of one result: the stable order every report and view lists records in, and the lookups built on
it, each worked out once and shared.

Every report lists records in the same order, so two runs on the same input give byte-identical files:
events and sources in the order of the result, sentences by id, dropped spans by offset, findings by
(event, source, sentence id, other source). Sorting is stable, so ties keep the pipeline's order.

Each report needs the same lookups (findings in report order, sentences by key, counts by relation); on a
corpus of thousands of articles rebuilding them per report cost more than the rendering itself. A ResultIndex
holds them, each computed on first use and then shared: write_reports builds one and hands it to every
renderer. It holds references to the result's records, not copies, so it adds lookups (lists and dicts of
references), never a second set of texts.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from functools import cached_property
from typing import Protocol

from compare.facts import Fact, FactRow, event_sheet
from compare.models import Dropped, Event, Finding, Relation, Sentence, Source


class Result(Protocol):
    """The records of one run, as the index reads them (compare.comparison.Comparison is one)."""

    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    sentence_records: tuple[Sentence, ...]
    dropped_records: tuple[Dropped, ...]
    finding_records: tuple[Finding, ...]
    fact_records: tuple[Fact, ...]
    warnings: tuple[str, ...]
    copies: tuple[tuple[str, str], ...] | Mapping[str, str]  # (copy id, origin id)


# --- Stable orders and plain values -----------------------------------------------------------------------------


def _rank(ids: Iterable[str]) -> dict[str, int]:
    return {value: i for i, value in enumerate(ids)}


def _source_key(c: Result):
    ranks = _rank(s.id for s in c.sources)
    # Ids the result does not list (should not happen) sort after the known ones, by name.
    return lambda source_id: (ranks.get(source_id, len(ranks)), source_id)


def event_of(c: Result) -> dict[str, str]:
    """Source id -> id of the event whose `sources` contain it."""
    out: dict[str, str] = {}
    for event in c.events:
        for source_id in event.sources:
            out.setdefault(source_id, event.id)
    return out


def source_by_id(c: Result) -> dict[str, Source]:
    return {s.id: s for s in c.sources}


def sentence_by_key(c: Result) -> dict[tuple[str, int], Sentence]:
    """(source id, sentence id) -> Sentence."""
    return {(s.source, s.id): s for s in c.sentence_records}


def copies_of(c: Result) -> dict[str, str]:
    """Syndicated copies as {copy id: origin id}, sorted by copy id; empty when the result has none.

    Comparison.copies holds (copy id, origin id) pairs; a mapping is accepted too.
    """
    raw = c.copies or {}
    pairs = raw.items() if hasattr(raw, "items") else raw
    return {str(copy): str(origin) for copy, origin in sorted(pairs)}


_RELATION_VALUES = {relation: relation.value for relation in Relation}


def relation_value(relation) -> str:
    """The plain string of a Relation (also accepts a plain string)."""
    # Called for every finding by every report: the two usual types answer without the enum's descriptor.
    kind = type(relation)
    if kind is str:
        return relation
    if kind is Relation:
        return _RELATION_VALUES[relation]
    return str(getattr(relation, "value", relation))


def clean_score(score) -> float | None:
    """A finite float, or None: JSON has no NaN and a spreadsheet should not see one."""
    try:
        value = float(score)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def ordered_sentences(c: Result) -> list[Sentence]:
    key = _source_key(c)
    return sorted(c.sentence_records, key=lambda s: (key(s.source), s.id))


def ordered_dropped(c: Result) -> list[Dropped]:
    key = _source_key(c)
    return sorted(c.dropped_records, key=lambda d: (key(d.source), d.start, d.end))


def ordered_findings(c: Result) -> list[Finding]:
    source_ranks = _rank(s.id for s in c.sources)
    event_ranks = _rank(e.id for e in c.events)
    unknown_source, unknown_event = len(source_ranks), len(event_ranks)

    def key(f: Finding):
        return (
            event_ranks.get(f.event, unknown_event),
            f.event,
            source_ranks.get(f.source, unknown_source),
            f.source,
            f.sentence_id,
            source_ranks.get(f.other_source, unknown_source),
            f.other_source,
        )

    return sorted(c.finding_records, key=key)


def findings_by_event(c: Result) -> dict[str, list[Finding]]:
    """Event id -> its findings in report order (sorted once for the whole result)."""
    out: dict[str, list[Finding]] = {}
    for f in ordered_findings(c):
        out.setdefault(f.event, []).append(f)
    return out


RELATIONS = ("agree", "partial", "contradict", "omitted")
# When the two directions of one sentence pair are labelled differently, the pair counts under the more
# cautious label.
_PAIR_PRIORITY = {"contradict": 0, "partial": 1, "agree": 2}


def relation_counts(c: Result, event_id: str, findings: list[Finding] | None = None) -> dict[str, int]:
    """Counts by relation for one event.

    agree / partial / contradict count sentence pairs (A's sentence with B's, whichever way round it was
    judged); omitted counts (sentence, other source) findings: a sentence missing from two other sources
    counts twice.
    """
    pairs: dict[frozenset, str] = {}
    omitted = 0
    for f in c.finding_records if findings is None else findings:
        if f.event != event_id:
            continue
        relation = relation_value(f.relation)
        if relation == "omitted" or f.other_sentence_id is None:
            omitted += 1
            continue
        key = frozenset(((f.source, f.sentence_id), (f.other_source, f.other_sentence_id)))
        previous = pairs.get(key)
        if previous is None or _PAIR_PRIORITY.get(relation, 9) < _PAIR_PRIORITY.get(previous, 9):
            pairs[key] = relation
    counts = {relation: 0 for relation in RELATIONS}
    for relation in pairs.values():
        counts[relation] = counts.get(relation, 0) + 1
    counts["omitted"] = omitted
    return counts


def display_events(c: Result, counts: dict[str, dict[str, int]] | None = None) -> list[Event]:
    """Events in the order a reader wants them: events with something to compare first, those with the most
    contradictions ahead, then the most sources; ties keep the result's order. (report.json keeps the
    result's order.) `counts` (event id -> relation_counts) is computed when not given."""
    if counts is None:
        grouped = findings_by_event(c)
        counts = {e.id: relation_counts(c, e.id, grouped.get(e.id, [])) for e in c.events}
    contradictions = {e.id: counts[e.id]["contradict"] for e in c.events}
    return [
        event
        for _, event in sorted(
            enumerate(c.events),
            key=lambda item: (
                len(item[1].sources) < 2,
                -contradictions[item[1].id],
                -len(item[1].sources),
                item[0],
            ),
        )
    ]


# --- The shared lookups -------------------------------------------------------------------------------------------


class ResultIndex:
    """Lazily computed, shared lookups of one result (treat as read-only)."""

    def __init__(self, result: Result):
        self.result = result

    @cached_property
    def sources(self) -> dict[str, Source]:
        return source_by_id(self.result)

    def label(self, source_id: str) -> str:
        """How reports name a source: "Outlet (id)" when its outlet is known (the id kept for exactness), else
        the id alone."""
        source = self.sources.get(source_id)
        return f"{source.outlet} ({source_id})" if source is not None and source.outlet else source_id

    @cached_property
    def source_index(self) -> dict[str, int]:
        """Source id -> its 1-based position in the result (HTML anchors)."""
        return {s.id: i for i, s in enumerate(self.result.sources, start=1)}

    @cached_property
    def sentences(self) -> dict[tuple[str, int], Sentence]:
        return sentence_by_key(self.result)

    @cached_property
    def keys_by_source(self) -> dict[str, list[tuple[str, int]]]:
        """Source id -> keys of its sentences, by sentence id."""
        out: dict[str, list[tuple[str, int]]] = {}
        for key in sorted(self.sentences, key=lambda key: key[1]):
            out.setdefault(key[0], []).append(key)
        return out

    @cached_property
    def findings(self) -> list[Finding]:
        """Every finding in report order (one sort for the whole write)."""
        return ordered_findings(self.result)

    @cached_property
    def findings_by_event(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.event, []).append(f)
        return out

    @cached_property
    def counts(self) -> dict[str, dict[str, int]]:
        """Event id -> counts by relation (see relation_counts)."""
        grouped = self.findings_by_event
        return {e.id: relation_counts(self.result, e.id, grouped.get(e.id, [])) for e in self.result.events}

    @cached_property
    def display_events(self) -> list[Event]:
        return display_events(self.result, counts=self.counts)

    @cached_property
    def copies(self) -> dict[str, str]:
        return copies_of(self.result)

    @cached_property
    def event_of(self) -> dict[str, str]:
        return event_of(self.result)

    @cached_property
    def dropped_by_source(self) -> dict[str, list[Dropped]]:
        out: dict[str, list[Dropped]] = {}
        for d in ordered_dropped(self.result):
            out.setdefault(d.source, []).append(d)
        return out

    @cached_property
    def sentence_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.result.sentence_records:
            out[s.source] = out.get(s.source, 0) + 1
        return out

    @cached_property
    def fact_sheets(self) -> dict[str, tuple[FactRow, ...]]:
        """Event id -> its fact sheet (compare.facts.event_sheet: a row per kind and subject, in kind order), for
        every event of the result in its order; the same sheet the run judged, so its conflicts are the
        findings' fact conflicts."""
        by_source: dict[str, list[Fact]] = {}
        for fact in self.result.fact_records:
            by_source.setdefault(fact.source, []).append(fact)
        sentences = self.sentences
        keys = self.keys_by_source
        out: dict[str, tuple[FactRow, ...]] = {}
        for event in self.result.events:
            facts = {sid: by_source[sid] for sid in event.sources if sid in by_source}
            texts = {sid: [sentences[key].text for key in keys.get(sid, [])] for sid in event.sources}
            out[event.id] = event_sheet(facts, texts) if facts else ()
        return out
