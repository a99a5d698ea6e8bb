"""Parquet corpora -> Source records: the columnar form large article exports (and Dask jobs) come in.

A Parquet corpus has the columns of a CSV or JSONL corpus: `id` and `text`, and any of `title`, `outlet`,
`url`, `published` (text, or a Parquet date / timestamp). Rows go through the same checks as corpus rows
(compare.sources.rows), so a Parquet file is refused with the same one-line messages as a CSV one. Reading needs
pyarrow, which the `crosscheck[dask]` extra installs.
"""

from __future__ import annotations

import os
from datetime import date, datetime

from compare.models import CompareError, EmptySource, MalformedCorpus, Settings, Source, SourceTooLarge
from compare.sources.rows import row_source

COLUMNS = ("id", "text", "title", "outlet", "url", "published")


class ParquetUnavailable(CompareError):
    """A Parquet corpus was given but pyarrow is not installed."""


def parquet_sources(name: str, settings: Settings) -> list[Source]:
    """The articles of one Parquet file, one Source per row, in file order."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ParquetUnavailable(
            f"{name} is a Parquet corpus; reading it needs pyarrow: pip install 'crosscheck[dask]' "
            "(or export the corpus as .jsonl)"
        ) from None
    size = os.path.getsize(name)
    if size > settings.max_bytes:
        raise SourceTooLarge(
            f"{name} is {size:,} bytes, over the {settings.max_bytes:,}-byte limit; pass --max-bytes "
            f"{size} to read it, or split the corpus into several files"
        )
    try:
        parquet = pq.ParquetFile(name)
    except Exception as error:  # pyarrow raises several unrelated types for a file that is not Parquet
        raise MalformedCorpus(
            f"{name} is not a readable Parquet file ({error.__class__.__name__}); export it again or save the "
            "corpus as .jsonl"
        ) from None
    present = [c for c in parquet.schema_arrow.names]
    if "text" not in present:
        raise MalformedCorpus(
            f"{name} has no 'text' column (its columns are: {', '.join(present[:8])}); name the column with "
            "the article's text 'text'"
        )
    table = parquet.read(columns=[c for c in COLUMNS if c in present])
    if table.num_rows == 0:
        raise EmptySource(f"{name} has no rows; add articles or remove the file")
    sources = []
    for number, row in enumerate(table.to_pylist(), 1):
        row = {key: _as_text(value) for key, value in row.items()}
        sources.append(row_source(row, f"{name}:{number}", f"{name} row {number}", "parquet", None))
    return sources


def _as_text(value):
    """Parquet dates and timestamps as ISO text (what a corpus row carries); anything else unchanged."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
