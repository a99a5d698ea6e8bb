"""bench/speed.py: two checkouts' stage times on one corpus, taking turns, and the ratio of their medians."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import speed  # noqa: E402


def _row(scale: float) -> dict:
    return {**{stage: scale for stage in speed.STAGES}, "total": 10 * scale, "peak_mb": 100.0, "findings": 7}


def test_the_table_gives_medians_and_head_over_base():
    base = [_row(1.0), _row(2.0), _row(9.0)]
    head = [_row(3.0), _row(3.0), _row(1.0)]
    table = speed.table(base, head)
    assert "| compare | 2.00 s | 3.00 s | 1.500 |" in table
    assert "| total | 20.00 s | 30.00 s | 1.500 |" in table
    assert "| peak_mb | 100.00 MB | 100.00 MB | 1.000 |" in table


def test_one_run_of_each_checkout_times_every_stage(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "speed.py"), str(ROOT / "seeds"), "--base", str(ROOT), "--runs", "1"],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )
    assert done.returncode == 0, done.stderr
    lines = {line.split("|")[1].strip(): line for line in done.stdout.splitlines() if line.startswith("| ")}
    assert set(speed.STAGES) | {"total", "peak_mb"} <= set(lines)
    assert "run 1 base" in done.stderr and "run 1 head" in done.stderr
    assert "findings differ" not in done.stderr  # one checkout against itself
