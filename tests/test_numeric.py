import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from compare.numeric import distinct_sorted, first_of_runs


@given(arrays(np.int64, st.integers(0, 300), elements=st.integers(-50, 50)))
def test_distinct_sorted_is_np_unique(values):
    assert np.array_equal(distinct_sorted(values), np.unique(values))


@given(arrays(np.uint64, st.integers(0, 300), elements=st.integers(0, 2**64 - 1)))
def test_distinct_sorted_keeps_the_full_64_bits(values):
    assert np.array_equal(distinct_sorted(values), np.unique(values))


def test_first_of_runs_marks_where_a_sorted_array_changes():
    assert first_of_runs(np.array([1, 1, 2, 5, 5, 5, 7])).tolist() == [True, False, True, True, False, False, True]
    assert first_of_runs(np.array([], dtype=np.int64)).tolist() == []
