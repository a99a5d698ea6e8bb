"""Tabular views of a Comparison: the stable orders every report shares, and the pandas DataFrames.

Every report lists records in the same order, so two runs on the same input give byte-identical files:
events and sources in the order of the Comparison, sentences by id, dropped spans by offset, findings by
(event, source, sentence id, other source). Sorting is stable, so ties keep the pipeline's order.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from compare.models import Comparison, Dropped, Finding, Relation, Sentence, Source

FINDINGS_COLUMNS = (
    "event",
    "source",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "other_source",
    "other_sentence_id",
    "other_sentence",
    "relation",
    "score",
    "reason",
)
SENTENCES_COLUMNS = ("source", "id", "start", "end", "text")
DROPPED_COLUMNS = ("source", "start", "end", "text", "reason")

# Integer columns that may hold a missing value (an omitted finding has no other sentence).
_NULLABLE_INT = ("start", "end", "other_sentence_id")


def _rank(ids: Iterable[str]) -> dict[str, int]:
    return {value: i for i, value in enumerate(ids)}


def _source_key(c: Comparison):
    ranks = _rank(s.id for s in c.sources)
    # Ids the Comparison does not list (should not happen) sort after the known ones, by name.
    return lambda source_id: (ranks.get(source_id, len(ranks)), source_id)


def event_of(c: Comparison) -> dict[str, str]:
    """Source id -> id of the event whose `sources` contain it."""
    out: dict[str, str] = {}
    for event in c.events:
        for source_id in event.sources:
            out.setdefault(source_id, event.id)
    return out


def source_by_id(c: Comparison) -> dict[str, Source]:
    return {s.id: s for s in c.sources}


def sentence_by_key(c: Comparison) -> dict[tuple[str, int], Sentence]:
    """(source id, sentence id) -> Sentence."""
    return {(s.source, s.id): s for s in c.sentence_records}


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


def ordered_sentences(c: Comparison) -> list[Sentence]:
    key = _source_key(c)
    return sorted(c.sentence_records, key=lambda s: (key(s.source), s.id))


def ordered_dropped(c: Comparison) -> list[Dropped]:
    key = _source_key(c)
    return sorted(c.dropped_records, key=lambda d: (key(d.source), d.start, d.end))


def ordered_findings(c: Comparison) -> list[Finding]:
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


def findings_by_event(c: Comparison) -> dict[str, list[Finding]]:
    """Event id -> its findings in report order (sorted once for the whole comparison)."""
    out: dict[str, list[Finding]] = {}
    for f in ordered_findings(c):
        out.setdefault(f.event, []).append(f)
    return out


def finding_rows(c: Comparison) -> list[dict]:
    """One dict per finding with the columns of findings.csv, in report order."""
    sentences = sentence_by_key(c)
    rows = []
    for f in ordered_findings(c):
        own = sentences.get((f.source, f.sentence_id))
        other = None if f.other_sentence_id is None else sentences.get((f.other_source, f.other_sentence_id))
        rows.append(
            {
                "event": f.event,
                "source": f.source,
                "sentence_id": f.sentence_id,
                "sentence": own.text if own else None,
                "start": own.start if own else None,
                "end": own.end if own else None,
                "other_source": f.other_source,
                "other_sentence_id": f.other_sentence_id,
                "other_sentence": other.text if other else None,
                "relation": relation_value(f.relation),
                "score": clean_score(f.score),
                "reason": f.reason,
            }
        )
    return rows


def _frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    for column in _NULLABLE_INT:
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def findings_frame(c: Comparison) -> pd.DataFrame:
    """Findings as a DataFrame with exactly the columns of findings.csv, in report order.

    `start`/`end` are the offsets of `sentence` in its source; `other_sentence_id` is <NA> for `omitted`.
    """
    frame = _frame(finding_rows(c), FINDINGS_COLUMNS)
    frame["sentence_id"] = frame["sentence_id"].astype("int64")
    frame["score"] = frame["score"].astype("float64")
    return frame


def sentences_frame(c: Comparison) -> pd.DataFrame:
    """Sentences as a DataFrame: source, id, start, end, text (offsets are Python str indices)."""
    rows = [
        {"source": s.source, "id": s.id, "start": s.start, "end": s.end, "text": s.text}
        for s in ordered_sentences(c)
    ]
    return _frame(rows, SENTENCES_COLUMNS).astype({"id": "int64", "start": "int64", "end": "int64"})


def dropped_frame(c: Comparison) -> pd.DataFrame:
    """Dropped spans as a DataFrame: source, start, end, text, reason."""
    rows = [
        {"source": d.source, "start": d.start, "end": d.end, "text": d.text, "reason": str(d.reason)}
        for d in ordered_dropped(c)
    ]
    return _frame(rows, DROPPED_COLUMNS).astype({"start": "int64", "end": "int64"})


RELATIONS = ("agree", "partial", "contradict", "omitted")
# When the two directions of one sentence pair are labelled differently, the pair counts under the more
# cautious label.
_PAIR_PRIORITY = {"contradict": 0, "partial": 1, "agree": 2}


def relation_counts(c: Comparison, event_id: str, findings: list[Finding] | None = None) -> dict[str, int]:
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


def summary_rows(c: Comparison, prepared=None) -> list[dict]:
    """One row per event (display order): id, date, place, sources, sentence count, counts by relation.

    `prepared` (a report.prepared.Prepared of `c`) lends its indexes so they are not rebuilt.
    """
    from compare.report.prepared import prepare

    p = prepare(c, prepared)
    per_source = p.sentence_counts
    rows = []
    for event in p.display_events:
        rows.append(
            {
                "event": event.id,
                "date": event.date,
                "place": event.place,
                "sources": list(event.sources),
                "sentences": sum(per_source.get(s, 0) for s in event.sources),
                **p.counts[event.id],
            }
        )
    return rows


def display_events(c: Comparison, counts: dict[str, dict[str, int]] | None = None) -> list:
    """Events in the order a reader wants them: events with something to compare first, those with the most
    contradictions ahead, then the most sources; ties keep the Comparison's order. (report.json keeps the
    Comparison's order.) `counts` (event id -> relation_counts) is computed when not given."""
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
