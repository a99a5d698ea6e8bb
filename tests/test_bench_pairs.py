"""bench/pairs.py's readers and its diff call, on a few lines in each data set's format (no fetched data)."""

from __future__ import annotations

import importlib
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
pairs = importlib.import_module("pairs")


def test_entailment_sentences_get_a_stop_and_keep_their_own():
    assert pairs.sentence("A man is playing a guitar ") == "A man is playing a guitar."
    assert pairs.sentence("Is it raining?") == "Is it raining?"


def test_sick_keeps_its_test_split(tmp_path):
    path = tmp_path / "SICK.txt"
    path.write_text(
        "pair_ID\tsentence_A\tsentence_B\tentailment_label\trelatedness_score\tSemEval_set\r\n"
        "1\tA dog runs\tNo dog runs\tCONTRADICTION\t3.5\tTEST\r\n"
        "2\tA cat sleeps\tA cat is asleep\tENTAILMENT\t4.9\tTRAIN\r\n",
        encoding="utf-8",
    )
    assert pairs.read_sick(path) == [pairs.Pair("A dog runs.", "No dog runs.", "contradiction")]


def test_sts_headlines_split_at_four(tmp_path):
    path = tmp_path / "sts-test.csv"
    path.write_text(
        "main-news\theadlines\t2015\t0001\t4.200\tObama signs budget deal\tObama signs the budget deal\n"
        "main-news\theadlines\t2015\t0002\t1.000\tStorm hits coast\tMarkets fall in Asia\n"
        "main-captions\tMSRvid\t2012test\t0003\t5.000\tA man plays\tA man is playing\n",
        encoding="utf-8",
    )
    assert [p.label for p in pairs.read_stsb_headlines(path)] == ["same", "different"]


def test_a_pair_goes_through_diff(tmp_path):
    same = pairs.Pair("The ministers met in Naples on Saturday.", "The ministers met in Naples on Saturday.", "entailment")
    outcome = pairs.diff_pair(same, tmp_path)
    assert outcome.linked and outcome.agree and not outcome.contradict
