"""Parquet corpora: rows become sources with the same checks and messages as the other corpus formats."""

from __future__ import annotations

import sys
from datetime import date, datetime

import pytest

import pyarrow as pa  # the crosscheck[dask] extra, installed for the tests
import pyarrow.parquet as pq

from compare.sources.parquet import ParquetUnavailable, parquet_sources
from compare.models import EmptySource, MalformedCorpus, Settings, SourceTooLarge
from compare.pipeline import compare_sources

from conftest import SEEDS


def _write(path, **columns):
    pq.write_table(pa.table(columns), path)
    return str(path)


def test_rows_become_sources_with_their_metadata(tmp_path):
    name = _write(
        tmp_path / "corpus.parquet",
        id=["a", "b"],
        text=["Ministers met in Oslo on Monday.", "The talks in Oslo ended on Monday."],
        outlet=["Daily", None],
        published=[date(2024, 6, 3), None],
        url=["https://example.org/a", None],
    )
    first, second = parquet_sources(name, Settings())
    assert (first.id, first.outlet, first.published, first.url) == ("a", "Daily", "2024-06-03", "https://example.org/a")
    assert first.text == "Ministers met in Oslo on Monday." and first.text_is_file is False
    assert first.path == f"{name}:1" and second.path == f"{name}:2"
    assert (second.id, second.outlet, second.published) == ("b", None, None)


def test_timestamps_and_text_dates_read_as_iso_days(tmp_path):
    name = _write(tmp_path / "c.parquet", id=[1, 2], text=["One text.", "Two text."],
                  published=[datetime(2024, 10, 19, 23, 30), datetime(2024, 10, 20)])
    assert [s.published for s in parquet_sources(name, Settings())] == ["2024-10-19", "2024-10-20"]
    assert [s.id for s in parquet_sources(name, Settings())] == ["1", "2"]
    name = _write(tmp_path / "d.parquet", id=["x"], text=["Some text."], published=["Oct 19, 2024"])
    assert parquet_sources(name, Settings())[0].published == "2024-10-19"


def test_a_file_without_a_text_column_names_its_columns_and_the_fix(tmp_path):
    name = _write(tmp_path / "c.parquet", id=["a"], body=["Some text."])
    with pytest.raises(MalformedCorpus, match=r"c\.parquet has no 'text' column \(its columns are: id, body\); name"):
        parquet_sources(name, Settings())


def test_rows_are_checked_like_every_corpus_row(tmp_path):
    name = _write(tmp_path / "c.parquet", id=["a", None], text=["Some text.", "More text."])
    with pytest.raises(MalformedCorpus, match=r"c\.parquet row 2 has no id; give every row a unique \"id\""):
        parquet_sources(name, Settings())
    name = _write(tmp_path / "e.parquet", id=["a"], text=["Text."], published=["someday"])
    with pytest.raises(MalformedCorpus, match=r"e\.parquet row 1: published 'someday' is not a date"):
        parquet_sources(name, Settings())


def test_empty_broken_and_oversized_files_are_refused(tmp_path):
    empty = tmp_path / "empty.parquet"
    pq.write_table(pa.table({"id": pa.array([], pa.string()), "text": pa.array([], pa.string())}), empty)
    with pytest.raises(EmptySource, match="has no rows"):
        parquet_sources(str(empty), Settings())
    broken = tmp_path / "broken.parquet"
    broken.write_text("id,text\na,not parquet at all\n", encoding="utf-8")
    with pytest.raises(MalformedCorpus, match=r"broken\.parquet is not a readable Parquet file .*\.jsonl"):
        parquet_sources(str(broken), Settings())
    name = _write(tmp_path / "big.parquet", id=["a"], text=["x" * 5000])
    with pytest.raises(SourceTooLarge, match="--max-bytes"):
        parquet_sources(name, Settings(max_bytes=100))


def test_without_pyarrow_the_message_says_what_to_install(tmp_path, monkeypatch):
    name = _write(tmp_path / "c.parquet", id=["a"], text=["Some text."])
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ParquetUnavailable, match=r"pip install 'crosscheck\[dask\]'"):
        parquet_sources(name, Settings())


def test_a_parquet_corpus_compares_like_the_same_articles_as_files(tmp_path):
    from compare.sources import load_sources

    files = load_sources([str(SEEDS)], Settings())
    name = _write(tmp_path / "seeds.parquet", id=[s.id for s in files], text=[s.text for s in files])
    from_parquet = compare_sources(parquet_sources(name, Settings()), Settings())
    from_files = compare_sources(files, Settings())
    assert from_parquet.finding_records == from_files.finding_records
    assert from_parquet.events == from_files.events
