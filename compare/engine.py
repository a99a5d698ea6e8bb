"""Engines: where the work of a run executes, decided in one place.

The engine knows nothing of the work itself: it runs a function the caller names over items, in this process,
in a process pool, or on a Dask cluster, and hands the results back in input order whatever the engine, so
what a run finds does not depend on where it ran. The functions must be picklable by name (defined at module
level), since workers import them; compare.pipeline passes its own steps.

- "local" (the default): this process, or a process pool of `Settings.workers` processes (0: one per core).
  Needs nothing beyond crosscheck itself.
- "dask": a dask.distributed cluster, the one at `Settings.scheduler` or else a LocalCluster on loopback with
  `Settings.workers` worker processes (0 or 1: one per core). Needs the `crosscheck[dask]` extra, and on a real
  cluster crosscheck installed on every worker, since tasks refer to its functions by name.

A task runs as tuned (compare.runtime) as the process that hands it out.
"""

from __future__ import annotations

import atexit
import contextlib
import os
from collections.abc import Callable, Sequence
from typing import Any

from compare import runtime
from compare.models import CompareError, Settings
from compare.subprocesses import die_with_parent

ENGINES = ("local", "dask")
# Tasks per worker: enough that a slow item does not leave a worker idle at the end, few enough that the
# per-task overhead (pickling, scheduling; about a millisecond on Dask) stays small against the work.
TASKS_PER_WORKER = 8
# How long to wait for a scheduler given by address before saying it cannot be reached.
CONNECT_TIMEOUT = "10s"


class EngineUnavailable(CompareError):
    """The engine asked for is unknown or needs an optional extra that is not installed."""


class SchedulerUnreachable(CompareError):
    """No Dask scheduler answers at the address given."""


# --- What an engine offers ------------------------------------------------------------------------------------


def map_ordered(
    function: Callable, items, settings: Settings, meanwhile: Callable[[], None] | None = None
) -> list:
    """[function(item) for item in items] on the engine the settings name, in input order.

    `meanwhile`, when given, runs in this process while the workers (if any) are busy with the items."""
    items = list(items)  # a progress wrapper may hand in an iterator
    if _engine(settings) == "dask":
        return _map_dask(function, items, settings, meanwhile)
    return _map_local(function, items, settings.workers, meanwhile)


def run_one(function: Callable, item, settings: Settings):
    """function(item) as one task on the engine the settings name (work that needs all its input at once)."""
    if _engine(settings) == "dask":
        return dask_client(settings).submit(apply_one, function, item, runtime.is_tuned(), pure=False).result()
    return function(item)


def _engine(settings: Settings) -> str:
    if settings.engine not in ENGINES:
        raise EngineUnavailable(f"unknown engine {settings.engine!r}; use --engine local or --engine dask")
    return settings.engine


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


def apply_batch(function: Callable, batch: Sequence, tuned: bool) -> list:
    """One task: `function` over a run of items, tuned when the caller was (module level, so a worker process
    can unpickle it)."""
    with runtime.tuned() if tuned else contextlib.nullcontext():
        return [function(item) for item in batch]


def apply_one(function: Callable, item, tuned: bool):
    """One task: `function` on one item, tuned when the caller was."""
    with runtime.tuned() if tuned else contextlib.nullcontext():
        return function(item)


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
    with ProcessPoolExecutor(max_workers=min(workers, len(runs)), initializer=die_with_parent) as pool:
        try:
            # map() has submitted every run and forked the workers by now, so `meanwhile` may start threads or
            # import modules without a fork copying them half-done.
            done = pool.map(apply_batch, [function] * len(runs), runs, [runtime.is_tuned()] * len(runs))
            if meanwhile is not None:
                meanwhile()
            return [result for run in done for result in run]
        except BaseException:  # interrupted or failed: leaving the block would wait for every queued run
            pool.shutdown(wait=False, cancel_futures=True)
            for process in list((pool._processes or {}).values()):
                process.kill()
            raise


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
    futures = client.map(apply_batch, [function] * len(runs), runs, [runtime.is_tuned()] * len(runs), pure=False)
    if meanwhile is not None:
        meanwhile()
    return [result for run in client.gather(futures) for result in run]
