"""bench/mrpc.py on a small synthetic slice in MRPC's format: the figures it prints are computed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench" / "mrpc.py"
LAST_LINE = re.compile(r"^test accuracy=(\d\.\d{3}) precision=(\d\.\d{3}) recall=(\d\.\d{3}) f1=(\d\.\d{3})$")

PARAPHRASES = [
    ("The company said profits rose 5% in May.", "Profits at the company rose 5 percent in May, it said."),
    ("Kihara and Austin met in Singapore on Sunday.", "On Sunday Austin met Kihara in Singapore."),
    ("The storm killed 12 people in Florida.", "Twelve people died in Florida in the storm."),
    ("Shares of Oracle fell 3 cents to $ 12.50.", "Oracle shares fell 3 cents to $ 12.50 ."),
    ("The senator voted against the budget bill.", "The budget bill was opposed by the senator in a vote."),
    ("The court upheld the ruling on Tuesday.", "On Tuesday the court upheld the ruling."),
]
DIFFERENT = [
    ("The company said profits rose 5% in May.", "The storm killed 12 people in Florida."),
    ("Kihara and Austin met in Singapore on Sunday.", "Shares of Oracle fell 3 cents to $ 12.50."),
    ("The senator voted against the budget bill.", "The court upheld the ruling on Tuesday."),
    ("Rain is expected across the north on Friday.", "The museum reopened after a long renovation."),
    ("Apple released a new phone in Cupertino.", "Farmers protested in Paris against new taxes."),
    ("The team won the final 3-1.", "Inflation slowed to 2 percent last month."),
]


def write_split(path: Path, pairs: list[tuple[int, str, str]]) -> None:
    lines = ["\ufeffQuality\t#1 ID\t#2 ID\t#1 String\t#2 String"]
    lines += [f"{label}\t{2 * i}\t{2 * i + 1}\t{a}\t{b}" for i, (label, a, b) in enumerate(pairs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_corpus(folder: Path, flip_test: bool = False) -> Path:
    folder.mkdir()
    pairs = [(1, a, b) for a, b in PARAPHRASES] + [(0, a, b) for a, b in DIFFERENT]
    write_split(folder / "msr_paraphrase_train.txt", pairs)
    test = [(1 - label if flip_test else label, a, b) for label, a, b in reversed(pairs)]
    write_split(folder / "msr_paraphrase_test.txt", test)
    return folder


def run(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(BENCH), str(folder), *extra], capture_output=True, text=True, timeout=300
    )


def figures(stdout: str) -> tuple[float, ...]:
    last = stdout.rstrip("\n").splitlines()[-1]
    m = LAST_LINE.match(last)
    assert m, last
    return tuple(float(x) for x in m.groups())


def test_prints_table_and_last_line(tmp_path):
    result = run(make_corpus(tmp_path / "mrpc"))
    assert result.returncode == 0, result.stderr
    assert "word-overlap Jaccard" in result.stdout
    assert "sentences/s" in result.stdout
    accuracy, precision, recall, f1 = figures(result.stdout)
    # Easy synthetic pairs: a working matcher separates them well.
    assert accuracy >= 0.8
    assert f1 >= 0.8


def test_figures_follow_the_labels(tmp_path):
    straight = figures(run(make_corpus(tmp_path / "a")).stdout)
    flipped = figures(run(make_corpus(tmp_path / "b", flip_test=True)).stdout)
    assert straight != flipped
    # With every test label flipped, the same predictions are right exactly where they were wrong.
    assert flipped[0] == pytest.approx(1 - straight[0], abs=0.0015)


def test_limit_uses_fewer_pairs(tmp_path):
    result = run(make_corpus(tmp_path / "mrpc"), "--limit", "4")
    assert result.returncode == 0, result.stderr
    assert "4 train pairs, 4 test pairs" in result.stdout


def test_missing_folder_is_a_one_line_error(tmp_path):
    result = run(tmp_path / "nowhere")
    assert result.returncode != 0
    assert "msr_paraphrase_train.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_unknown_matcher_rejected(tmp_path):
    result = run(make_corpus(tmp_path / "mrpc"), "--matcher", "magic")
    assert result.returncode != 0
