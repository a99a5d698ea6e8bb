"""A sentence text is read for text-only facts once (compare.facts._read_once), and its facts are placed in every
sentence with that text: checked against reading every sentence afresh."""

from __future__ import annotations

from pathlib import Path

import pytest

import compare.facts as facts
from compare.facts import source_facts
from compare.models import Source
from compare.pipeline import prepare

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "fixtures" / "articles").glob("*.txt")])
READ_ONCE = [name for name, value in vars(facts).items() if hasattr(value, "__wrapped__") and hasattr(value, "cache_clear")]


def _facts(text: str, source_id: str, published: str | None = "2025-03-04"):
    prepared = prepare(Source(id=source_id, path=f"{source_id}.txt", text=text, published=published))
    return source_facts(prepared.source, prepared.sentences, prepared.source.published)


def _read_afresh(monkeypatch):
    for name in READ_ONCE:
        monkeypatch.setattr(facts, name, getattr(facts, name).__wrapped__)


def test_the_text_only_readers_are_read_once():
    assert {"_counts", "_ordinals", "_parts_of_day", "_clock_times"} <= set(READ_ONCE)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_facts_read_once_are_placed_where_each_copy_stands(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    # The same sentences further down and with other white space: offsets into each text differ.
    shifted = "A line on top.\n\n" + text.replace(". ", ".   ").replace("\n\n", "\n \n\n")
    read_once = [_facts(shifted, "copy"), _facts(text, path.stem), _facts(text, path.stem, None)]
    _read_afresh(monkeypatch)
    assert read_once == [_facts(shifted, "copy"), _facts(text, path.stem), _facts(text, path.stem, None)]


def test_a_sentence_inside_a_quotation_keeps_its_own_reading():
    said = "President Anna Berg signed the deal."
    quoted = f"The leaders met in Oslo.\n\n“The talks went well. {said} The rest was routine.”"
    plain = f"The leaders met in Oslo.\n\nThe talks went well. {said} The rest was routine."
    read = [[f for f in _facts(text, name) if f.kind == "person"] for name, text in
            (("plain", plain), ("quoted", quoted), ("plain again", plain))]
    assert [[f.shown for f in people] for people in read] == [["President Anna Berg"]] * 3
    assert [[f.bound for f in people] for people in read] == [[None], [facts.QUOTED], [None]]
