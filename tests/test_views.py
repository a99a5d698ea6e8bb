import dataclasses

import pandas as pd

from compare.comparison import Comparison
from compare.index import ResultIndex, display_events, relation_counts
from compare.views import FINDINGS_COLUMNS, dropped_frame, findings_frame, sentences_frame, summary_rows
from report_fixture import make_comparison, shuffled


def test_findings_frame_has_exactly_the_csv_columns_and_one_row_per_finding():
    c = make_comparison()
    frame = findings_frame(ResultIndex(c))
    assert tuple(frame.columns) == FINDINGS_COLUMNS
    assert list(frame.columns) == [
        "event", "source", "sentence_id", "sentence", "start", "end",
        "other_source", "other_sentence_id", "other_sentence", "relation", "score", "reason",
    ]
    assert len(frame) == len(c.finding_records)
    assert set(frame["relation"]) == {"agree", "partial", "contradict", "omitted"}


def test_findings_frame_carries_sentence_text_and_exact_offsets():
    c = make_comparison()
    texts = {s.id: s.text for s in c.sources}
    frame = findings_frame(ResultIndex(c))
    for row in frame.itertuples():
        assert texts[row.source][row.start : row.end] == row.sentence


def test_omitted_findings_have_no_other_sentence():
    frame = findings_frame(ResultIndex(make_comparison()))
    omitted = frame[frame["relation"] == "omitted"]
    assert len(omitted) == 10
    assert omitted["other_sentence_id"].isna().all()
    assert omitted["other_sentence"].isna().all()
    matched = frame[frame["relation"] != "omitted"]
    assert matched["other_sentence_id"].notna().all()
    assert str(frame["other_sentence_id"].dtype) == "Int64"


def test_findings_order_is_report_order_whatever_the_record_order():
    c = make_comparison()
    expected = findings_frame(ResultIndex(c))
    for seed in range(5):
        pd.testing.assert_frame_equal(findings_frame(ResultIndex(shuffled(c, seed))), expected)
    first = expected.iloc[0]
    assert (first["source"], first["sentence_id"], first["other_source"]) == ("alpha", 0, "bravo")
    # Sources follow the Comparison's order, not the alphabet or the record order.
    assert list(dict.fromkeys(expected["source"])) == ["alpha", "bravo", "charlie"]


def test_comparison_properties_use_these_frames():
    c = make_comparison()
    pd.testing.assert_frame_equal(c.findings, findings_frame(ResultIndex(c)))
    pd.testing.assert_frame_equal(c.sentences, sentences_frame(ResultIndex(c)))
    pd.testing.assert_frame_equal(c.dropped, dropped_frame(ResultIndex(c)))


def test_sentences_and_dropped_frames():
    c = make_comparison()
    sentences = sentences_frame(ResultIndex(c))
    assert list(sentences.columns) == ["source", "id", "start", "end", "text"]
    assert len(sentences) == 11
    assert list(sentences["source"].iloc[:3]) == ["alpha"] * 3
    assert list(sentences["id"].iloc[:3]) == [0, 1, 2]
    dropped = dropped_frame(ResultIndex(c))
    assert list(dropped.columns) == ["source", "start", "end", "text", "reason"]
    assert list(dropped["reason"].iloc[:3]) == ["title", "dateline", "boilerplate"]
    texts = {s.id: s.text for s in c.sources}
    for row in dropped.itertuples():
        assert texts[row.source][row.start : row.end] == row.text


def test_empty_comparison_gives_empty_frames_with_columns():
    empty = Comparison(sources=(), events=(), sentence_records=(), dropped_records=(), finding_records=())
    assert list(findings_frame(ResultIndex(empty)).columns) == list(FINDINGS_COLUMNS)
    assert findings_frame(ResultIndex(empty)).empty
    assert sentences_frame(ResultIndex(empty)).empty and dropped_frame(ResultIndex(empty)).empty


def test_relation_counts_count_pairs_once_and_omissions_per_other_source():
    c = make_comparison()
    assert relation_counts(c, "naples") == {"agree": 1, "partial": 2, "contradict": 2, "omitted": 10}
    assert relation_counts(c, "singapore") == {"agree": 0, "partial": 0, "contradict": 0, "omitted": 0}
    rows = summary_rows(ResultIndex(c))
    assert [r["event"] for r in rows] == ["naples", "singapore"]
    assert rows[0]["sentences"] == 10 and rows[1]["sentences"] == 1


def test_display_order_puts_events_with_something_to_compare_first():
    c = make_comparison()
    flipped = dataclasses.replace(c, events=tuple(reversed(c.events)))
    assert [e.id for e in display_events(flipped)] == ["naples", "singapore"]
    assert [r["event"] for r in summary_rows(ResultIndex(flipped))] == ["naples", "singapore"]
