"""bench/grouping.py's rebuilding of NewsWCL50 articles from CoNLL tokens, on a few lines in that format."""

from __future__ import annotations

import importlib
import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
grouping = importlib.import_module("grouping")


def test_tokens_become_running_text():
    tokens = ["Kim", "Jong", "-", "un", ",", "he", "said", '"', "yes", '"', ".", "\\n", "It", "'s", "(", "6", "%", ")"]
    assert grouping.detokenize(tokens) == 'Kim Jong-un, he said "yes".\nIt\'s (6%)\n'


def test_conll_documents_are_articles_grouped_by_topic(tmp_path):
    rows = [
        "#begin document 0/-/0_L; part 000",
        "0/-/0_L\t0\t0\tTalks\t-\t",
        "0/-/0_L\t0\t1\tended\t-\t",
        "0/-/0_L\t0\t2\t.\t-\t",
        "#end document",
        "#begin document 1/-/1_R; part 000",
        "1/-/1_R\t0\t0\tRain\t-\t",
        "1/-/1_R\t0\t1\tfell\t-\t",
        "#end document",
    ]
    path = tmp_path / "x.conll"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    corpus = grouping.read_newswcl50(path)
    assert corpus.texts == {"newswcl50-0_L": "Talks ended.\n", "newswcl50-1_R": "Rain fell\n"}
    assert corpus.gold == {"newswcl50-0_L": "newswcl50-topic-0", "newswcl50-1_R": "newswcl50-topic-1"}
