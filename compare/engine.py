"""Engines: where the per-source and per-event steps of a run execute, decided in one place.

The steps (compare.pipeline.prepare per source, compare.events.group_events over the whole corpus,
compare.pipeline.compare_event per event) are pure functions of plain, picklable records, so an engine only
decides where they run; results always come back in input order, whatever the engine, so the reports do not
depend on it.

- "local" (the default): this process, or a process pool of `Settings.workers` processes (0: one per core).
  Needs nothing beyond crosscheck itself.
- "dask": a dask.distributed cluster, the one at `Settings.scheduler` or else a LocalCluster on loopback with
  `Settings.workers` worker processes (0 or 1: one per core). Needs the `crosscheck[dask]` extra, and on a real
  cluster crosscheck installed on every worker, since tasks refer to its functions by name.
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import functools
import gc
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from compare.models import CompareError, Event, Finding, Settings

ENGINES = ("local", "dask")
# Tasks per worker: enough that a slow event does not leave a worker idle at the end, few enough that the
# per-task overhead (pickling, scheduling; about a millisecond on Dask) stays small against the work.
TASKS_PER_WORKER = 8
# How long to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = "10s"


class EngineUnavailable(CompareError):
    """The engine asked for is unknown or needs an optional extra that is not installed."""


class SchedulerUnreachable(CompareError):
    """No Dask scheduler answers at the address given."""


# --- The steps, by engine -----------------------------------------------------------------------------------------


def run_prepare(sources: Sequence, settings: Settings, meanwhile: Callable[[], None] | None = None) -> list:
    """compare.pipeline.prepare over every source, in order, on the engine the settings name.

    `meanwhile`, when given, runs in this process while the workers (if any) prepare the sources."""
    from compare.pipeline import prepare

    return _map(prepare, sources, settings, meanwhile)


def run_grouping(docs: Sequence, settings: Settings) -> tuple[Event, ...]:
    """compare.events.group_events over the whole corpus (one task: grouping needs every source at once)."""
    from compare.events import group_events, one_event

    if settings.one_event:
        return one_event(docs, settings.grouping)
    if _engine(settings) == "dask" and docs:
        return dask_client(settings).submit(group_events, list(docs), settings.grouping, pure=False).result()
    return group_events(docs, settings.grouping)


def run_events(works: Sequence, settings: Settings) -> list[tuple[Finding, ...]]:
    """compare.pipeline.compare_event over every EventWork, in order, on the engine the settings name."""
    from compare.pipeline import compare_event

    return _map(compare_event, works, settings)


def run_local(works: Sequence, settings: Settings) -> list[tuple[Finding, ...]]:
    """compare_event over events in this process, or in a process pool when more than one worker is asked for."""
    from compare.pipeline import compare_event

    return _map_local(compare_event, works, settings.workers)


def run_dask(works: Sequence, settings: Settings) -> list[tuple[Finding, ...]]:
    """compare_event over events on the Dask cluster the settings name."""
    from compare.pipeline import compare_event

    return _map_dask(compare_event, works, settings)


def _engine(settings: Settings) -> str:
    if settings.engine not in ENGINES:
        raise EngineUnavailable(f"unknown engine {settings.engine!r}; use --engine local or --engine dask")
    return settings.engine


def _map(function: Callable, items, settings: Settings, meanwhile: Callable[[], None] | None = None) -> list:
    items = list(items)  # a progress wrapper may hand in an iterator
    if _engine(settings) == "dask":
        return _map_dask(function, items, settings, meanwhile)
    return _map_local(function, items, settings.workers, meanwhile)


def batches(items: Sequence, parts: int) -> list[list]:
    """`items` cut into at most `parts` contiguous runs of near-equal length (order kept, none empty)."""
    parts = max(1, min(parts, len(items)))
    size, extra = divmod(len(items), parts)
    out, at = [], 0
    for k in range(parts):
        step = size + (1 if k < extra else 0)
        out.append(list(items[at : at + step]))
        at += step
    return [b for b in out if b]


def apply_batch(function: Callable, batch: Sequence) -> list:
    """One task: `function` over a run of items (module level, so a worker process can unpickle it)."""
    keep_heap_slack()
    with collector_paused():
        return [function(item) for item in batch]


# glibc hands freed memory at the top of its heap back to the system once more than 128 KiB of it is free, and
# faults it back in page by page at the next allocation. The per-event step allocates and frees arrays of a
# few hundred KiB dozens of times per event (a unit-by-unit matrix per key kind, and scipy's products). On the
# 150-unit blocks of the benchmark sample the coverage step took 500-550 us per key kind with the default and
# 200 us with 16 MiB kept (the same arrays; which one a process got depended on what it had allocated before).
HEAP_TOP_PAD = 16 << 20
_M_TOP_PAD = -2  # mallopt parameter number, from glibc's malloc.h


@functools.cache
def keep_heap_slack() -> bool:
    """Ask the C allocator to keep HEAP_TOP_PAD of freed memory at the top of the heap, for the life of the
    process (workers forked from it inherit the setting). Whether it applied: only glibc has this setting."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_TOP_PAD, HEAP_TOP_PAD))
    except (OSError, AttributeError):  # not glibc (musl has no mallopt)
        return False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector off for the duration, back as it was after.

    A run builds millions of small, long-lived objects (sentences, findings) and makes almost no reference
    cycles; the collector would walk the whole growing heap again and again for nothing. Measured on the
    10,000-article benchmark corpus: 79 s with it, 71 s without; reading and cleaning alone 8.4 s -> 6.3 s.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- Local: this process or a process pool ---------------------------------------------------------------------


def local_workers(workers: int) -> int:
    return workers if workers > 0 else (os.cpu_count() or 1)


def report_writers(settings: Settings) -> int:
    """Processes that may render the reports at once: the local engine's workers (a Dask run writes in one)."""
    return local_workers(settings.workers) if _engine(settings) == "local" else 1


def _map_local(function: Callable, items: Sequence, workers: int, meanwhile: Callable[[], None] | None = None) -> list:
    workers = local_workers(workers)
    if workers <= 1 or len(items) < 2:
        if meanwhile is not None:
            meanwhile()
        return [function(item) for item in items]
    from concurrent.futures import ProcessPoolExecutor

    runs = batches(items, workers * TASKS_PER_WORKER)
    with ProcessPoolExecutor(max_workers=min(workers, len(runs))) as pool:
        # map() has submitted every run and forked the workers by now, so `meanwhile` may start threads or
        # import modules without a fork copying them half-done.
        done = pool.map(apply_batch, [function] * len(runs), runs)
        if meanwhile is not None:
            meanwhile()
        return [result for run in done for result in run]


# --- Dask: a dask.distributed cluster --------------------------------------------------------------------------

_CLIENTS: dict[tuple[str | None, int], Any] = {}


def dask_client(settings: Settings):
    """The dask.distributed Client for these settings, started once per process and reused across runs.

    With `settings.scheduler` it connects to that scheduler; otherwise it starts a LocalCluster on loopback with
    `settings.workers` single-threaded worker processes (0 or 1: one per core).
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise EngineUnavailable(
            "the dask engine needs the optional extra: pip install 'crosscheck[dask]' (or use --engine local)"
        ) from None
    workers = settings.workers if settings.workers > 1 else (os.cpu_count() or 1)
    key = (settings.scheduler, 0 if settings.scheduler else workers)
    client = _CLIENTS.get(key)
    if client is not None and client.status == "running":
        return client
    if settings.scheduler:
        try:
            client = Client(settings.scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError, ValueError) as error:
            raise SchedulerUnreachable(
                f"no Dask scheduler answers at {settings.scheduler} ({error.__class__.__name__}); start one with "
                "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out --scheduler for a local cluster"
            ) from None
    else:
        import logging

        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
            dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR,
        )
        client = Client(cluster, set_as_default=False)
    _CLIENTS[key] = client
    return client


def close_dask() -> None:
    """Close every client this process opened, and the local clusters it started."""
    while _CLIENTS:
        _key, client = _CLIENTS.popitem()
        cluster = client.cluster
        client.close()
        if cluster is not None:
            cluster.close()


atexit.register(close_dask)


def dask_workers(client) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def _map_dask(function: Callable, items: Sequence, settings: Settings, meanwhile: Callable[[], None] | None = None) -> list:
    if not items:
        if meanwhile is not None:
            meanwhile()
        return []
    client = dask_client(settings)
    runs = batches(items, dask_workers(client) * TASKS_PER_WORKER)
    futures = client.map(apply_batch, [function] * len(runs), runs, pure=False)
    if meanwhile is not None:
        meanwhile()
    return [result for run in client.gather(futures) for result in run]
