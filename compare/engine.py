"""Engines that map the per-event step over events: in this process, a process pool, or (later) Dask.

The step itself (compare.pipeline.compare_event) is a pure function of a picklable EventWork, so an engine only
decides where it runs; results come back in the order of the works, whatever the engine.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from compare.models import Finding, Settings


def run_events(works: Sequence, settings: Settings) -> list[tuple[Finding, ...]]:
    """Run compare_event over every EventWork with the engine the settings name."""
    return run_local(works, settings)


def run_local(works: Sequence, settings: Settings) -> list[tuple[Finding, ...]]:
    """Map compare_event over events, in a process pool when more than one worker is asked for."""
    from compare.pipeline import compare_event

    workers = settings.workers if settings.workers > 0 else (os.cpu_count() or 1)
    if workers <= 1 or len(works) < 2:
        return [compare_event(w) for w in works]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=min(workers, len(works))) as pool:
        return list(pool.map(compare_event, works, chunksize=max(1, len(works) // (workers * 4))))
