"""Parquet corpora -> Source records: the columnar form large article exports (and Dask jobs) come in.

A Parquet corpus has the columns of a CSV or JSONL corpus: `id` and `text`, and any of `title`, `outlet`,
`url`, `published` (text, or a Parquet date / timestamp). Rows go through the same checks as corpus rows
(compare.sources.rows), so a Parquet file is refused with the same one-line messages as a CSV one. Reading needs
pyarrow, which the `crosscheck[dask]` extra installs.
"""

from __future__ import annotations

import os
from datetime import date, datetime

from compare.models import CompareError, EmptySource, MalformedCorpus, NotARegularFile, Settings, Source, SourceTooLarge
from compare.sources.reading import check_decoded_size, is_pipe
from compare.sources.rows import row_source

COLUMNS = ("id", "text", "title", "outlet", "url", "published")


class ParquetUnavailable(CompareError):
    """A Parquet corpus was given but pyarrow is not installed."""


def parquet_sources(name: str, settings: Settings, warnings: list[str] | None = None) -> list[Source]:
    """The articles of one Parquet file, one Source per row, in file order.

    --max-bytes holds for the file and for the text it decodes to, which dictionary encoding and compression
    can make thousands of times larger: the uncompressed size of the text columns is checked from the file's
    metadata before anything is read, and the decoded text is counted batch by batch, with repeated values
    still dictionary-encoded, before any of it is turned into Python strings.
    """
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise ParquetUnavailable(
            f"{name} is a Parquet corpus; reading it needs pyarrow: pip install 'crosscheck[dask]' "
            "(or export the corpus as .jsonl)"
        ) from None
    if is_pipe(name):  # a device or socket is refused there
        raise NotARegularFile(
            f"{name} is a pipe, and a Parquet file is read from its end; save the corpus to a file and pass that"
        )
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
    columns = [c for c in COLUMNS if c in present]
    if parquet.metadata.num_rows == 0:
        raise EmptySource(f"{name} has no rows; add articles or remove the file")
    check_decoded_size(_uncompressed_size(parquet, columns), name, settings, " (by its metadata)")
    # Opened again to keep text columns dictionary-encoded as read: a repeated value is then held once.
    parquet = pq.ParquetFile(name, read_dictionary=[c for c in columns if _is_text(parquet.schema_arrow.field(c).type)])
    sources = []
    decoded = 0
    for batch in parquet.iter_batches(batch_size=BATCH_ROWS, columns=columns, use_threads=False):
        decoded += sum(_text_bytes(batch.column(i)) for i in range(batch.num_columns))
        check_decoded_size(decoded, name, settings, f" (counted in its first {len(sources) + batch.num_rows:,} rows)")
        for row in batch.to_pylist():
            number = len(sources) + 1
            row = {key: _as_text(value) for key, value in row.items()}
            sources.append(row_source(row, f"{name}:{number}", f"{name} row {number}", "parquet", None))
    return sources


# Rows turned into sources at a time: the decoded text of a batch is counted before it becomes Python strings.
BATCH_ROWS = 1024


def _is_text(kind) -> bool:
    import pyarrow as pa

    types = pa.types
    return types.is_string(kind) or types.is_large_string(kind) or types.is_binary(kind) or types.is_large_binary(kind)


def _uncompressed_size(parquet, columns: list[str]) -> int:
    """Bytes the named columns take uncompressed, by the file's metadata (dictionary pages counted once)."""
    meta = parquet.metadata
    wanted = set(columns)
    total = 0
    for group in range(meta.num_row_groups):
        row_group = meta.row_group(group)
        for index in range(row_group.num_columns):
            chunk = row_group.column(index)
            if chunk.path_in_schema in wanted:
                total += chunk.total_uncompressed_size
    return total


def _text_bytes(array) -> int:
    """Bytes of text the array holds once every value is decoded (a dictionary's values counted per use)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_dictionary(array.type):
        lengths = pc.take(pc.binary_length(array.dictionary), array.indices)
    elif _is_text(array.type):
        lengths = pc.binary_length(array)
    else:
        return 0
    return pc.sum(lengths).as_py() or 0


def _as_text(value):
    """Parquet dates and timestamps as ISO text (what a corpus row carries); anything else unchanged."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value
