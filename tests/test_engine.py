"""Engines: where a run executes must never change what it finds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compare import engine
from compare.api import compare
from compare.engine import EngineUnavailable, SchedulerUnreachable, batches, close_dask, map_ordered, run_one
from compare.models import Settings

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "articles"
sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """Six events of four outlets from the generator, plus the hand-written test articles."""
    from generate import generate

    out = tmp_path_factory.mktemp("corpus")
    generate(out, events=6, outlets=4, seed=3)
    return [str(out / "articles"), str(FIXTURES)]


@pytest.fixture(scope="module")
def local_result(corpus):
    return compare(corpus, Settings(workers=1))


@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=20))
def test_batches_keep_every_item_in_order_in_at_most_the_parts_asked(items, parts):
    runs = batches(items, parts)
    assert [x for run in runs for x in run] == items
    assert len(runs) <= parts
    assert all(runs)
    if runs:
        sizes = [len(r) for r in runs]
        assert max(sizes) - min(sizes) <= 1


def test_local_engine_with_two_workers_finds_exactly_what_one_finds(corpus, local_result):
    two = compare(corpus, Settings(workers=2))
    assert len(local_result.events) >= 6
    assert len(local_result.finding_records) > 100
    assert two == local_result


def _report(args: list[str], out: Path) -> dict[str, bytes]:
    from typer.testing import CliRunner

    from compare.cli import app

    result = CliRunner().invoke(app, ["report", *args, "--out", str(out)])
    assert result.exit_code in (0, 1), result.output
    files = {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    assert len(files) >= 5
    return files


def test_dask_on_a_two_process_local_cluster_writes_byte_identical_reports(corpus, local_result, tmp_path):
    from dask.distributed import Client, LocalCluster

    local = _report([*corpus, "--engine", "local"], tmp_path / "local")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address="127.0.0.1:0") as cluster:
        try:
            on_dask = _report([*corpus, "--engine", "dask", "--scheduler", cluster.scheduler_address],
                              tmp_path / "dask")
            assert compare(corpus, Settings(engine="dask", scheduler=cluster.scheduler_address)) == local_result
            # The work really ran on the two worker processes, not in this one.
            with Client(cluster.scheduler_address, set_as_default=False) as client:
                assert len(client.scheduler_info()["workers"]) == 2
                ran = client.run(lambda dask_worker: dask_worker.state.executed_count)
                assert len(ran) == 2 and all(n > 0 for n in ran.values())
        finally:
            close_dask()
    assert on_dask == local


def test_an_unknown_engine_is_a_named_error():
    with pytest.raises(EngineUnavailable, match="unknown engine 'spark'; use --engine local or --engine dask"):
        map_ordered(len, [], Settings(engine="spark"))
    with pytest.raises(EngineUnavailable, match="unknown engine 'spark'"):
        run_one(len, [], Settings(engine="spark"))


def test_an_unreachable_scheduler_names_the_address_and_the_fix(monkeypatch):
    monkeypatch.setattr(engine, "CONNECT_TIMEOUT", "1s")
    with pytest.raises(SchedulerUnreachable, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:9.*dask scheduler"):
        engine.dask_client(Settings(engine="dask", scheduler="tcp://127.0.0.1:9"))


def test_the_dask_engine_without_the_extra_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if the extra were not installed
    with pytest.raises(EngineUnavailable, match=r"pip install 'crosscheck\[dask\]'"):
        engine.dask_client(Settings(engine="dask"))


def test_the_local_engine_needs_no_dask(corpus):
    script = (
        "import sys\n"
        "sys.modules['dask'] = None\n"  # any import of dask now fails
        "sys.modules['distributed'] = None\n"
        "from compare.api import compare\n"
        "from compare.models import Settings\n"
        f"c = compare({corpus!r}, Settings(workers=2))\n"
        "print(len(c.events), len(c.finding_records))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    events, findings = map(int, done.stdout.split())
    assert events >= 6 and findings > 100


def test_heap_slack_is_asked_of_glibc_once_and_said_whether_it_applied():
    import platform
    import sys

    from compare.runtime import keep_heap_slack

    applied = keep_heap_slack()
    assert keep_heap_slack() is applied  # once per process: the answer is remembered
    if sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc":
        assert applied is True
    else:
        assert applied is False
