"""Grouping sources into events: seeds, small synthetic meetings, and a corpus of thousands."""

from __future__ import annotations

import json
import pickle
import random
import re
import time
from datetime import date, timedelta
from pathlib import Path

import pytest

from compare.events import EventDoc, group_events
from compare.metadata import meeting_dates, meeting_place, parse_date_line

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GOLD = Path(__file__).resolve().parent / "gold_seeds.json"


def crude_doc(source: str, text: str) -> EventDoc:
    """An EventDoc from raw text with a crude split: prose lines only, sentences at end punctuation, repeats once."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    published = next((d for d in map(parse_date_line, lines) if d), None)
    prose = [line for line in lines if len(line.split()) >= 8 and line[-1] in ".”\"')n"]
    sentences = list(dict.fromkeys(s for line in prose for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", line)))
    return EventDoc(source, published, meeting_place(sentences), meeting_dates(sentences, published),
                    "\n".join(sentences))


def seed_docs() -> list[EventDoc]:
    return [crude_doc(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def test_seeds_group_as_in_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    events = group_events(seed_docs())
    assert sorted(sorted(e.sources) for e in events) == sorted(sorted(v) for v in gold["events"].values())
    by_sources = {e.sources: e for e in events}
    for sources in gold["events"].values():
        event = by_sources[tuple(sorted(sources))]
        expected = gold["metadata"][sources[0]]
        assert event.date == expected["event_date"]
        assert event.place == expected["place"]
        assert event.id == f"{expected['event_date']}-{expected['place'].lower()}"


def test_seed_metadata_matches_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["metadata"]
    for doc in seed_docs():
        assert doc.published == gold[doc.source]["published"], doc.source
        assert doc.place == gold[doc.source]["place"], doc.source
        if doc.dates:
            assert doc.dates == (gold[doc.source]["event_date"],), doc.source


def test_empty_input_gives_no_events():
    assert group_events([]) == ()


def test_event_doc_is_picklable():
    doc = EventDoc("a", "2024-01-02", "Rome", ("2024-01-01",), "text")
    assert pickle.loads(pickle.dumps(doc)) == doc
