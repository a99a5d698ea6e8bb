"""The one table of file formats: a file's suffix -> the reader that turns it into sources.

A reader takes (file name, settings, warnings) and returns the file's sources in file order, or raises the
CompareError subclass that says what is wrong and the fix; what it read but doubts, it appends to `warnings`. A
file named explicitly with a suffix not listed here is read as plain text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from compare.models import Settings, Source
from compare.sources.corpus import read_csv, read_json, read_jsonl
from compare.sources.html import read_html
from compare.sources.parquet import parquet_sources
from compare.sources.text import read_plain

Reader = Callable[[str, Settings, list[str]], list[Source]]

READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".html": read_html,
    ".htm": read_html,
    ".json": read_json,
    ".jsonl": read_jsonl,
    ".csv": read_csv,
    ".parquet": parquet_sources,  # binary and columnar: read by pyarrow (the dask extra), not decoded
    ".pq": parquet_sources,
}

# What a folder is searched for.
KNOWN_SUFFIXES = frozenset(READERS)


def reader_for(name: str) -> Reader:
    return READERS.get(Path(name).suffix.lower(), read_plain)
