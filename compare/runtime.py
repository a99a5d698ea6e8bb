"""Process-wide tuning for long runs, in one place: a caller opts in, the library never applies it on its own.

Two settings, each measured on the benchmark corpora (see their docstrings):

- keep_heap_slack(): glibc keeps 16 MiB of freed memory at the top of the heap (mallopt M_TOP_PAD), for the
  life of the process;
- collector_paused(): Python's cycle collector off while the run lasts.

tuned() applies both. The `crosscheck` command runs each of its commands inside it; a library caller that
wants the same speed opts in the same way:

    import compare
    from compare import runtime

    with runtime.tuned():
        result = compare.compare(["seeds/"])
        compare.write_reports(result, "reports/")

Work handed to other processes runs as tuned as the caller that hands it out: forked pool workers and report
writers inherit both settings from a tuned parent, and the engine has Dask workers (spawned, so they inherit
nothing) apply tuned() around each task when is_tuned() holds where the run was started.
"""

from __future__ import annotations

import contextlib
import ctypes
import functools
import gc
import sys
from collections.abc import Iterator

# glibc hands freed memory at the top of its heap back to the system once more than 128 KiB of it is free, and
# faults it back in page by page at the next allocation. The per-event step allocates and frees arrays of a
# few hundred KiB dozens of times per event (a unit-by-unit matrix per key kind, and scipy's products). On the
# 150-unit blocks of the benchmark sample the coverage step took 500-550 us per key kind with the default and
# 200 us with 16 MiB kept (the same arrays; which one a process got depended on what it had allocated before).
HEAP_TOP_PAD = 16 << 20
_M_TOP_PAD = -2  # mallopt parameter number, from glibc's malloc.h

_tuned_depth = 0  # tuned() blocks open in this process (a forked child starts with its parent's count)


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
    Rendering the reports makes millions of short-lived strings beside that heap, to the same effect.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def tuned() -> Iterator[None]:
    """Both settings for the duration: the heap slack (which stays, see keep_heap_slack) and the collector
    paused (back as it was after)."""
    global _tuned_depth
    keep_heap_slack()
    _tuned_depth += 1
    try:
        with collector_paused():
            yield
    finally:
        _tuned_depth -= 1


def is_tuned() -> bool:
    """True inside a tuned() block (or in a process forked from inside one)."""
    return _tuned_depth > 0
