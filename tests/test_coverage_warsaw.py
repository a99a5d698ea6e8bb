"""A JSONL corpus of three outlets on one meeting, written for the tests: a wire story with its credit line, a
site with a photo caption, tags, a repeated paragraph and a copyright line, and a third that opens with an
editor's note, names the line "Berlin-Warsaw" and shares little wording with the others. Nothing here appears in
the seeds or the benchmark pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.api import compare
from compare.models import Relation

CORPUS = Path(__file__).resolve().parent / "coverage_warsaw" / "corpus.jsonl"


@pytest.fixture(scope="module")
def result():
    return compare([CORPUS])


def test_the_three_reports_are_one_event(result):
    assert [sorted(e.sources) for e in result.events] == [["daily2", "post3", "wire1"]]


@pytest.mark.parametrize("line", [
    "(Reporting by Anna Nowak; Editing by Mark Heinrich)",
    "Copyright 2025 Daily Two. All rights reserved.",
    "Editor's note: This story has been updated.",
    "This article was produced with the help of AP.",
    "Tags: rail, Germany, Poland, transport",
])
def test_credits_notes_and_tags_are_dropped(result, line):
    assert any(d.text == line for d in result.dropped_records), line
    assert not any(line[:20] in s.text for s in result.sentence_records)


def test_the_funding_question_is_the_contradiction(result):
    found = [f for f in result.finding_records if f.relation == Relation.CONTRADICT]
    assert found and all(f.reason.startswith("certainty:") and "European Union" in f.reason for f in found)
