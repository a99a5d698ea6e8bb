"""The Python API's handling of what it is given: paths as str, Path or bytes, one or many."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import compare

A = "Ministers of Norway and Sweden met in Oslo on Monday, 3 June 2024, and agreed to add 12 ferries.\n"
B = "The ministers agreed in Oslo on Monday, 3 June 2024, to add 30 ferries between the two countries.\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def test_a_path_may_be_str_path_or_bytes_alone_or_in_a_list(folder):
    expected = [s.id for s in compare.compare(str(folder)).sources]
    assert expected == ["a", "b"]
    for given in (folder, os.fsencode(folder), [os.fsencode(folder)], (str(folder / "a.txt"), folder / "b.txt")):
        assert [s.id for s in compare.compare(given).sources] == expected


def test_diff_takes_bytes_paths(folder):
    comparison, ids = compare.diff(os.fsencode(folder / "a.txt"), os.fsencode(folder / "b.txt"))
    assert ids == ("a", "b") and any(f.relation == "contradict" for f in comparison.finding_records)


@pytest.mark.parametrize("given", [None, 5])
def test_something_that_is_not_a_path_is_a_type_error_that_says_so(given):
    with pytest.raises(TypeError, match=rf"paths must be a path or a list of paths, not {type(given).__name__}"):
        compare.compare(given)
