"""What the tests of the coverage_* sets ask of a result: the findings of the sentence that holds some words."""

from __future__ import annotations


def findings_of(result, source: str, words: str) -> dict:
    """Other source -> the finding of `source`'s first sentence containing `words`."""
    sid = next(s.id for s in result.sentence_records if s.source == source and words in s.text)
    return {f.other_source: f for f in result.finding_records if f.source == source and f.sentence_id == sid}


def dropped_not_read(result, line: str) -> bool:
    """Whether `line` is among the dropped spans and in no sentence."""
    return any(d.text == line for d in result.dropped_records) and not any(line in s.text for s in result.sentence_records)
