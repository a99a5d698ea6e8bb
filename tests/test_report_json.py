import dataclasses
import json
import math

import pytest

from compare.models import Finding, Relation
from compare.index import ResultIndex
from compare.report.json_report import render_json
from report_fixture import ALPHA_TEXT, make_comparison, shuffled

SOURCE_KEYS = ["id", "path", "event", "title", "published", "place", "outlet", "outlet_from", "url", "encoding"]


def test_top_level_and_record_keys_follow_the_contract_order():
    report = json.loads(render_json(ResultIndex(make_comparison())))
    assert list(report) == ["sources", "events", "sentences", "dropped", "findings", "copies"]
    assert list(report["sources"][0]) == SOURCE_KEYS
    assert list(report["events"][0]) == ["id", "date", "place", "sources"]
    assert list(report["sentences"][0]) == ["source", "id", "start", "end", "text"]
    assert list(report["dropped"][0]) == ["source", "start", "end", "text", "reason"]
    assert list(report["findings"][0]) == [
        "event", "source", "sentence_id", "other_source", "other_sentence_id", "relation", "kind", "score", "reason",
    ]
    assert report["copies"] == {}


def test_text_only_for_sources_not_read_verbatim_from_a_file():
    c = make_comparison()
    report = json.loads(render_json(ResultIndex(c)))
    by_id = {s["id"]: s for s in report["sources"]}
    assert "text" not in by_id["alpha"]
    assert list(by_id["charlie"]) == [*SOURCE_KEYS, "text"]
    assert by_id["charlie"]["text"] == c.sources[2].text
    assert by_id["charlie"]["encoding"] == "windows-1252"


def test_each_source_names_its_event():
    report = json.loads(render_json(ResultIndex(make_comparison())))
    assert {s["id"]: s["event"] for s in report["sources"]} == {
        "alpha": "naples", "bravo": "naples", "charlie": "naples", "delta": "singapore",
    }
    assert report["events"][0] == {
        "id": "naples", "date": "2024-10-19", "place": "Naples", "sources": ["alpha", "bravo", "charlie"],
    }


def test_offsets_index_the_text_and_relations_are_plain_strings():
    c = make_comparison()
    report = json.loads(render_json(ResultIndex(c)))
    texts = {s.id: s.text for s in c.sources}
    for record in report["sentences"] + report["dropped"]:
        assert " ".join(texts[record["source"]][record["start"] : record["end"]].split()) == record["text"]
    relations = {f["relation"] for f in report["findings"]}
    assert relations == {"agree", "partial", "contradict", "omitted"}
    assert all(f["other_sentence_id"] is None for f in report["findings"] if f["relation"] == "omitted")


def test_one_finding_per_sentence_and_other_source_of_the_event():
    report = json.loads(render_json(ResultIndex(make_comparison())))
    members = {e["id"]: e["sources"] for e in report["events"]}
    seen = [(f["source"], f["sentence_id"], f["other_source"]) for f in report["findings"]]
    assert len(seen) == len(set(seen))
    expected = {
        (s["source"], s["id"], other)
        for s in report["sentences"]
        for event, sources in members.items()
        if s["source"] in sources
        for other in sources
        if other != s["source"]
    }
    assert set(seen) == expected


def test_deterministic_utf8_indented_with_trailing_newline():
    c = make_comparison()
    text = render_json(ResultIndex(c))
    assert text == render_json(ResultIndex(c))
    assert all(render_json(ResultIndex(shuffled(c, seed))) == text for seed in range(4))
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "NAPLES, Italy —" in text  # not \u2014
    assert '\n  "sources": [\n    {\n      "id": "alpha",' in text


def test_non_finite_scores_become_null():
    c = make_comparison()
    bad = Finding("naples", "alpha", 0, "bravo", 0, Relation.PARTIAL, math.nan, "x", "partial")
    c = dataclasses.replace(c, finding_records=(bad,))
    report = json.loads(render_json(ResultIndex(c)))
    assert report["findings"][0]["score"] is None


def test_copies_map_each_copy_to_its_origin():
    c = dataclasses.replace(make_comparison(), copies=(("charlie", "alpha"), ("bravo", "alpha")))
    report = json.loads(render_json(ResultIndex(c)))
    assert report["copies"] == {"bravo": "alpha", "charlie": "alpha"}
    assert list(report["copies"]) == ["bravo", "charlie"]


def test_source_text_fixture_is_what_the_offsets_refer_to():
    report = json.loads(render_json(ResultIndex(make_comparison())))
    first = report["sentences"][0]
    assert ALPHA_TEXT[first["start"] : first["end"]] == "The defense ministers agreed to strengthen the alliance."


def hostile(c):
    """Texts with every character JSON must escape, non-ASCII text, and a score of every kind."""
    odd = 'quote " backslash \\ newline \n tab \t nul \x00 bell \x07 é 中文 😀 \u2028'
    sentences = tuple(dataclasses.replace(s, text=odd + s.text) if s.id == 0 else s for s in c.sentence_records)
    findings = tuple(
        dataclasses.replace(f, reason=odd, score=[float("nan"), -0.5, 1e-20, 3, None][i % 5])
        for i, f in enumerate(c.finding_records)
    )
    sources = tuple(dataclasses.replace(s, title=odd) for s in c.sources)
    return dataclasses.replace(c, sentence_records=sentences, finding_records=findings, sources=sources,
                               copies=(("charlie", "alpha"),))


@pytest.mark.parametrize("batch", [1, 2, 3, 2000])
def test_streamed_json_is_exactly_the_pretty_printed_report(monkeypatch, batch):
    """json_chunks builds the document piece by piece; joined, it must be json.dumps(report_dict) to the byte,
    whatever the batch size (a batch boundary inside a list is where a misplaced comma would show)."""
    from compare.report import json_report

    monkeypatch.setattr(json_report, "_BATCH", batch)
    base = make_comparison()
    empty = dataclasses.replace(base, sources=(), events=(), sentence_records=(), dropped_records=(),
                                finding_records=(), warnings=())
    for c in (base, hostile(base), empty, dataclasses.replace(base, copies={"bravo": "alpha"})):
        expected = json.dumps(json_report.report_dict(ResultIndex(c)), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        pieces = list(json_report.json_chunks(ResultIndex(c)))
        assert "".join(pieces) == expected
        assert render_json(ResultIndex(c)) == expected
        if c.finding_records and batch == 1:
            assert len(pieces) > len(c.finding_records)  # one piece per record: streamed, not built whole


def test_each_finding_carries_the_kind_that_decided_it():
    c = make_comparison()
    report = json.loads(render_json(ResultIndex(c)))
    by_key = {(f.source, f.sentence_id, f.other_source): f.kind for f in c.finding_records}
    assert all(r["kind"] == by_key[r["source"], r["sentence_id"], r["other_source"]] for r in report["findings"])
    assert {r["kind"] for r in report["findings"] if r["relation"] == "contradict"} == {"certainty", "numbers"}
