"""Array helpers for the stages that work on numpy arrays (copy detection, sentence matching).

numpy 2 computes `np.unique` of an integer array through a hash table, 3 to 20 times slower than sorting for
arrays of a thousand to a million values (measured with numpy 2.4 on this project's shingle and key arrays);
these do the same by sorting.
"""

from __future__ import annotations

import numpy as np


def first_of_runs(ordered: np.ndarray) -> np.ndarray:
    """True where a sorted 1-d array's value differs from the one before it (and at the first value)."""
    boundary = np.ones(len(ordered), dtype=bool)
    boundary[1:] = ordered[1:] != ordered[:-1]
    return boundary


def distinct_sorted(values: np.ndarray) -> np.ndarray:
    """`np.unique(values)` for a 1-d numeric array: its distinct values, ascending."""
    ordered = np.sort(values)
    return ordered[first_of_runs(ordered)]
