"""Process-wide tuning is the caller's choice: the library applies none of it on its own, and work handed to
other processes runs as tuned as the caller."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from compare import runtime
from compare.api import compare
from compare.engine import map_ordered
from compare.models import Settings

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


def collector_and_tuning(_item) -> tuple[bool, bool]:
    """What a task sees of its process (module level: a pool worker imports it by name)."""
    return gc.isenabled(), runtime.is_tuned()


@pytest.fixture
def collector_on():
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_tuned_pauses_the_collector_for_its_duration_and_nests(collector_on):
    assert not runtime.is_tuned()
    with runtime.tuned():
        assert not gc.isenabled() and runtime.is_tuned()
        with runtime.tuned():
            assert not gc.isenabled()
        assert not gc.isenabled() and runtime.is_tuned()  # the outer block still holds
    assert gc.isenabled() and not runtime.is_tuned()


def test_tuned_leaves_a_collector_that_was_off_off():
    was = gc.isenabled()
    gc.disable()
    try:
        with runtime.tuned():
            pass
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_a_library_run_changes_no_process_wide_setting(collector_on, monkeypatch):
    asked = []
    monkeypatch.setattr(runtime, "keep_heap_slack", lambda: asked.append("heap slack"))
    monkeypatch.setattr(gc, "disable", lambda: asked.append("collector off"))
    result = compare([ARTICLES], Settings(workers=1))
    assert result.finding_records  # it ran
    assert asked == [] and gc.isenabled()


@pytest.mark.parametrize("workers", [1, 2])
def test_tasks_run_as_tuned_as_the_caller(collector_on, workers):
    items = list(range(6))
    untuned = map_ordered(collector_and_tuning, items, Settings(workers=workers))
    with runtime.tuned():
        tuned = map_ordered(collector_and_tuning, items, Settings(workers=workers))
    assert untuned == [(True, False)] * len(items)
    assert tuned == [(False, True)] * len(items)
