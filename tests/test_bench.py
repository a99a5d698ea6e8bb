"""The benchmark corpus generator and the benchmark script: the ground truth is consistent, figures are computed."""

from __future__ import annotations

import dataclasses
import json
import math
import re
import subprocess
import sys
from pathlib import Path

import pytest

from compare.api import compare
from compare.models import Settings

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402
import run  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("bench")
    return out, generate.generate(out, events=5, outlets=4, seed=11)


def test_every_recorded_span_holds_what_the_truth_says(corpus):
    out, truth = corpus
    assert len(truth["events"]) == 5 and len(truth["articles"]) == 20
    for source, article in truth["articles"].items():
        text = (out / "articles" / f"{source}.txt").read_text(encoding="utf-8")
        event = truth["events"][article["event"]]
        assert source in event["sources"]
        rendered = {s["base"] for s in article["sentences"]}
        # A story sentence is either rendered or recorded as omitted, never both.
        assert rendered.isdisjoint(article["omitted"])
        assert rendered | set(article["omitted"]) == set(range(len(event["story"])))
        for span in article["sentences"]:
            said = text[span["start"] : span["end"]]
            story = event["story"][span["base"]]
            if span["op"] == "keep":
                assert said == story
            else:
                assert said != story and said.strip() == said
            if span["op"] in generate.CONTRADICTIONS:
                assert event["contradictions"][str(span["base"])] == [source, span["op"]]
        for start, end, kind in article["furniture"]:
            assert text[start:end].strip() == text[start:end] and end > start
            if kind == "duplicate":
                assert text.count(text[start:end]) >= 2


def test_at_most_one_outlet_contradicts_a_story_sentence_and_its_text_says_so(corpus):
    out, truth = corpus
    kinds = set()
    for event in truth["events"]:
        for base, (source, kind) in event["contradictions"].items():
            kinds.add(kind)
            spans = [s for s in truth["articles"][source]["sentences"] if s["base"] == int(base)]
            assert spans and all(s["op"] == kind for s in spans)
            others = [sid for sid in event["sources"] if sid != source]
            assert all(int(base) not in [s["base"] for s in truth["articles"][o]["sentences"] if s["op"] == kind]
                       for o in others)
    assert kinds  # the corpus does hold contradictions


def test_the_same_seed_gives_the_same_corpus(tmp_path, corpus):
    _out, truth = corpus
    again = generate.generate(tmp_path, events=5, outlets=4, seed=11)
    assert again == truth
    other = generate.generate(tmp_path / "other", events=5, outlets=4, seed=12)
    assert other["events"][0]["story"] != truth["events"][0]["story"]


def test_each_kind_of_contradiction_changes_the_sentence_the_way_it_names():
    import random

    from datetime import date

    rng = random.Random(0)
    names = iter(["Zelmora", "Quintar"])
    text = "The Ministers will meet 35 minutes later in Valdor on Monday, October 4."
    day = date(2021, 10, 4)
    assert "will not meet" in generate.contradict(text, "negation", rng, day, lambda: next(names))
    assert generate.contradict(text, "hedge", rng, day, None).startswith("It was not made clear whether the Ministers")
    assert re.search(r"\b(3[7-9]|4[0-4]) minutes\b", generate.contradict(text, "number", rng, day, None))
    assert "October 4" not in generate.contradict(text, "date", rng, day, None)
    assert "Zelmora" in generate.contradict(text, "name", rng, day, lambda: next(names))
    assert generate.contradict("No numbers or dates here at all.", "number", rng, day, None) is None


def test_scores_are_perfect_on_the_truth_itself_and_drop_when_a_finding_is_lost(corpus):
    out, truth = corpus
    comparison = compare([str(out / "articles")], Settings())
    figures = run.score(comparison, truth)
    assert all(0.0 <= v <= 1.0 for v in figures.values())
    # Rewrite every finding to what the truth expects: precision and recall of every kind become 1.
    base = run._base_of(comparison, truth)
    perfect = []
    for f in comparison.finding_records:
        want = run.expected_relation(truth, f.source, base[(f.source, f.sentence_id)], f.other_source)
        if want is None:
            continue
        counterpart = next((s.id for s in comparison.sentence_records if s.source == f.other_source
                            and base[(s.source, s.id)] == base[(f.source, f.sentence_id)]), None)
        perfect.append(dataclasses.replace(f, relation=want, other_sentence_id=counterpart))
    ideal = run.score(dataclasses.replace(comparison, finding_records=tuple(perfect)), truth)
    for kind in ("omitted", "contradict", "agree"):
        assert ideal[f"{kind}_precision"] == 1.0 and ideal[f"{kind}_recall"] == 1.0
    lost = [f for f in perfect if f.relation != "contradict"]
    worse = run.score(dataclasses.replace(comparison, finding_records=tuple(lost)), truth)
    assert worse["contradict_recall"] == 0.0 and worse["agree_precision"] == 1.0


def test_pairs_scored_counts_every_sentence_against_the_other_sources(corpus):
    out, _truth = corpus
    comparison = compare([str(out / "articles")], Settings())
    per_source = {}
    for s in comparison.sentence_records:
        per_source[s.source] = per_source.get(s.source, 0) + 1
    expected = sum(per_source[a] * per_source[b] for e in comparison.events for a in e.sources for b in e.sources
                   if a != b)
    assert run.pairs_scored(comparison) == expected > 0


def test_a_tiny_bench_run_prints_a_table_of_computed_figures(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--articles", "8,16", "--outlets", "4",
         "--sample-pairs", "200", "--speedup-max", "8", "--corpora", str(tmp_path), "--json"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    rows = [json.loads(line) for line in lines if line.startswith("{")]
    assert [r["articles"] for r in rows] == [8, 16]
    # The speed-up of two workers over one is measured up to --speedup-max only.
    assert rows[0]["speedup"] == pytest.approx(rows[0]["wall_1_worker"] / rows[0]["wall"]) and "speedup" not in rows[1]
    assert rows[1]["pairs"] > rows[0]["pairs"] > 0
    for r in rows:
        assert r["wall"] > 0 and r["peak_mb"] > 0
        assert r["difflib_s"] > 0 and r["align_s"] > 0 and r["cdist_s"] > 0
        assert r["difflib_over_align"] == pytest.approx(r["difflib_s"] / r["align_s"])
    assert any("2 cores" in line or "cores" in line for line in lines if line.startswith("Machine:"))
    table = [line for line in lines if line.startswith("| ")]
    assert len(table) == 3  # header and one row per size
    assert table[1].startswith("| 8 | 2 | ") and table[2].startswith("| 16 | 4 | ")
    assert all(r["cpu"] > 0 and r["reports"] and 0 < r["reports_wall"] < r["wall"] for r in rows)


def test_every_format_holds_the_same_articles_and_finds_the_same(tmp_path):
    from compare.sources.parquet import parquet_sources
    from compare.pipeline import compare_sources
    from compare.sources import load_sources

    generate.SHARD_ROWS, saved = 5, generate.SHARD_ROWS  # several Parquet files for a small corpus
    try:
        generate.generate(tmp_path, events=3, outlets=4, seed=5, formats=("txt", "jsonl", "parquet"))
    finally:
        generate.SHARD_ROWS = saved
    as_files = load_sources([str(tmp_path / "articles")], Settings())
    as_jsonl = load_sources([str(tmp_path / "corpus.jsonl")], Settings())
    shards = sorted((tmp_path / "parquet").glob("*.parquet"))
    assert len(shards) == 3
    as_parquet = [s for shard in shards for s in parquet_sources(str(shard), Settings())]
    texts = {s.id: s.text for s in as_files}
    assert len(texts) == 12
    assert {s.id: s.text for s in as_jsonl} == texts == {s.id: s.text for s in as_parquet}
    findings = compare_sources(as_files, Settings()).finding_records
    assert compare_sources(sorted(as_parquet, key=lambda s: s.id), Settings()).finding_records == findings


def test_calibration_fits_and_checks_on_labelled_findings(corpus):
    import calibrate

    out, _truth = corpus
    rows = calibrate.labelled_evidence(out)
    c = compare([str(out / "articles")])
    assert len(rows) == len(c.finding_records)
    assert {e.kind for e, _ in rows} >= {"agree", "omitted"}
    table = {row[0]: row for row in calibrate.check(rows, {})}
    right = [r for _, r in rows]
    assert table["all"][1] == len(rows) and table["all"][2] == pytest.approx(sum(right) / len(rows))
    for row in table.values():
        assert all(0.0 <= value <= 1.0 for value in row[2:])


def test_calibration_recovers_a_known_logistic_model():
    import random

    import calibrate
    from compare.confidence import Evidence

    rng = random.Random(3)
    rows = []
    for _ in range(4000):
        p, mutual = rng.uniform(0.02, 0.98), rng.random() < 0.5
        z = 1.5 * math.log(p / (1 - p)) + 2.0 * mutual - 1.0
        rows.append((Evidence("numbers", p, mutual), rng.random() < 1 / (1 + math.exp(-z))))
    rows.append((Evidence("agree", 0.9, True), True))  # not a fitted kind: left to the matcher's probability
    fitted = calibrate.fit(rows)
    assert set(fitted) == {"contradict"}  # the model every kind of conflict shares
    a, b, c = fitted["contradict"]
    assert a == pytest.approx(1.5, abs=0.2) and b == pytest.approx(2.0, abs=0.3) and c == pytest.approx(-1.0, abs=0.3)


def test_the_pool_tells_the_length_of_the_talks_once():
    pool = [
        "The two ministers held talks in Oslo for 3 hours on Monday.",
        "Fishing quotas were the main topic.",
        "The defense chiefs held discussions in Rome lasting 35 minutes.",
        "A joint statement was issued after the meeting.",
    ]
    assert generate.distinct_facts(pool) == [pool[0], pool[1], pool[3]]


def test_the_benchmark_table_is_written_between_the_page_markers(tmp_path):
    page = tmp_path / "benchmarks.md"
    page.write_text(f"intro\n{run.TABLE_START}\nold table\n{run.TABLE_END}\nnotes\n", encoding="utf-8")
    run.write_table(page, "| a |\n|---|\n| 1 |\n", "Measured today.")
    assert page.read_text(encoding="utf-8") == (
        f"intro\n{run.TABLE_START}\nMeasured today.\n\n| a |\n|---|\n| 1 |\n{run.TABLE_END}\nnotes\n")
    (tmp_path / "bare.md").write_text("no markers\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="markers"):
        run.write_table(tmp_path / "bare.md", "| a |", "x")
    docs = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"
    assert run.TABLE_START in docs.read_text(encoding="utf-8")
