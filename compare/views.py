"""Tabular views of a result: rows as the reports list them, and the same tables as pandas DataFrames (the
only place pandas is used). Records come in the index's stable order (compare.index).
"""

from __future__ import annotations

import pandas as pd

from compare.claims import all_claims
from compare.index import ResultIndex, clean_score, ordered_dropped, ordered_sentences, relation_value

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
    "kind",
    "score",
    "reason",
)
SENTENCES_COLUMNS = ("source", "id", "start", "end", "text")
DROPPED_COLUMNS = ("source", "start", "end", "text", "reason")
CLAIM_META_COLUMNS = ("event", "claim", "kind", "text", "sentences")
FACTS_COLUMNS = (
    "event", "kind", "subject", "status", "source", "sentence_id", "start", "end", "text", "value", "bound",
)
# The fact sheet in the reports: rows whose sources cannot all be right first, then those that differ, then
# those they agree on, then what one source alone states.
FACT_STATUS_ORDER = ("conflict", "differ", "agree", "single")

# Integer columns that may hold a missing value (an omitted finding has no other sentence).
_NULLABLE_INT = ("start", "end", "other_sentence_id")


def finding_rows(index: ResultIndex) -> list[dict]:
    """One dict per finding with the columns of findings.csv, in report order."""
    sentences = index.sentences
    rows = []
    for f in index.findings:
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
                "kind": f.kind,
                "score": clean_score(f.score),
                "reason": f.reason,
            }
        )
    return rows


def fact_rows(index: ResultIndex) -> list[dict]:
    """One dict per fact with the columns of facts.csv: events in the result's order, each event's sheet rows in
    kind order, each row's facts by source and position. `text` is the fact as written (source.text[start:end]
    with white space folded), `value` the normalised value sources are compared on, `bound` None for a value
    stated as such, else "about", "above" or "below" it (or "about" for one worked out or read from background;
    "quoted" for a title inside someone's reported words),
    `status` the sheet row's."""
    rows = []
    for event_id, sheet in index.fact_sheets.items():
        for row in sheet:
            for fact in row.facts:
                rows.append(
                    {
                        "event": event_id,
                        "kind": str(row.kind),
                        "subject": row.subject,
                        "status": str(row.status),
                        "source": fact.source,
                        "sentence_id": fact.sentence_id,
                        "start": fact.start,
                        "end": fact.end,
                        "text": fact.shown,
                        "value": fact.value,
                        "bound": fact.bound,
                    }
                )
    return rows


def fact_sheet_table(index: ResultIndex, event) -> list[dict]:
    """The fact sheet of one event as the reports show it: per row `what` (kind, and subject unless it is the
    meeting itself), `status`, and `cells`, each event source's facts as written (distinct, in order; empty when
    the source states none); conflicts first (FACT_STATUS_ORDER), then the sheet's kind order."""
    out = []
    for row in index.fact_sheets.get(event.id, ()):
        cells = {sid: [] for sid in event.sources}
        for fact in row.facts:
            shown = cells.setdefault(fact.source, [])
            if fact.shown not in shown:
                shown.append(fact.shown)
        kind = str(row.kind).replace("_", " ")
        out.append(
            {
                "what": kind if row.subject == "meeting" else f"{kind}: {row.subject}",
                "status": str(row.status),
                "cells": [(sid, cells[sid]) for sid in event.sources],
            }
        )
    rank = {status: i for i, status in enumerate(FACT_STATUS_ORDER)}
    return sorted(out, key=lambda r: rank.get(r["status"], len(rank)))


def _frame(rows: list[dict], columns: tuple[str, ...]) -> pd.DataFrame:
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    for column in _NULLABLE_INT:
        if column in frame.columns:
            frame[column] = frame[column].astype("Int64")
    return frame


def findings_frame(index: ResultIndex) -> pd.DataFrame:
    """Findings as a DataFrame with exactly the columns of findings.csv, in report order.

    `start`/`end` are the offsets of `sentence` in its source; `other_sentence_id` is <NA> for `omitted`.
    """
    frame = _frame(finding_rows(index), FINDINGS_COLUMNS)
    frame["sentence_id"] = frame["sentence_id"].astype("int64")
    frame["score"] = frame["score"].astype("float64")
    return frame


def facts_frame(index: ResultIndex) -> pd.DataFrame:
    """The fact sheets as a DataFrame with exactly the columns of facts.csv, in its order (see fact_rows)."""
    return _frame(fact_rows(index), FACTS_COLUMNS).astype({"sentence_id": "int64", "start": "int64", "end": "int64"})


def sentences_frame(index: ResultIndex) -> pd.DataFrame:
    """Sentences as a DataFrame: source, id, start, end, text (offsets are Python str indices)."""
    rows = [
        {"source": s.source, "id": s.id, "start": s.start, "end": s.end, "text": s.text}
        for s in ordered_sentences(index.result)
    ]
    return _frame(rows, SENTENCES_COLUMNS).astype({"id": "int64", "start": "int64", "end": "int64"})


def dropped_frame(index: ResultIndex) -> pd.DataFrame:
    """Dropped spans as a DataFrame: source, start, end, text, reason."""
    rows = [
        {"source": d.source, "start": d.start, "end": d.end, "text": d.text, "reason": str(d.reason)}
        for d in ordered_dropped(index.result)
    ]
    return _frame(rows, DROPPED_COLUMNS).astype({"start": "int64", "end": "int64"})


def summary_rows(index: ResultIndex) -> list[dict]:
    """One row per event (display order): id, date, place, sources, sentence count, counts by relation."""
    per_source = index.sentence_counts
    rows = []
    for event in index.display_events:
        rows.append(
            {
                "event": event.id,
                "date": event.date,
                "place": event.place,
                "sources": list(event.sources),
                "sentences": sum(per_source.get(s, 0) for s in event.sources),
                **index.counts[event.id],
            }
        )
    return rows


def claim_rows(index: ResultIndex) -> tuple[list[str], list[list]]:
    """(header, rows) of the claim matrix, as claims.csv lists it: meta columns, then one column per source.

    Cells of sources outside the claim's event are None (an empty CSV cell).
    """
    source_ids = [s.id for s in index.result.sources]
    header = [*CLAIM_META_COLUMNS, *source_ids]
    rows = []
    for claim in all_claims(index):
        cells = dict(claim.cells)
        rows.append(
            [
                claim.event,
                claim.number,
                str(claim.kind),
                claim.text,
                claim.sentence_refs(),
                *[str(cells[s]) if s in cells else None for s in source_ids],
            ]
        )
    return header, rows


def claims_frame(index: ResultIndex) -> pd.DataFrame:
    """The claim matrix as a DataFrame: one row per claim, one column per source (the result's order).

    The index holds what identifies a claim: (event, claim number, kind, text of its leading sentence,
    'source#id' references of its sentences). Cells are 'asserted', 'partial', 'contradicted', 'hedged',
    'not mentioned', or <NA> for a source outside the claim's event.
    """
    header, rows = claim_rows(index)
    n_meta = len(CLAIM_META_COLUMNS)
    names = list(CLAIM_META_COLUMNS)
    if rows:
        labels = pd.MultiIndex.from_tuples([tuple(row[:n_meta]) for row in rows], names=names)
    else:
        labels = pd.MultiIndex.from_arrays([[] for _ in names], names=names)
    frame = pd.DataFrame([row[n_meta:] for row in rows], index=labels, columns=header[n_meta:], dtype="object")
    return frame.where(frame.notna(), pd.NA)
