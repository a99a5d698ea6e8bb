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
