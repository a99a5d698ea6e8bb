"""Paths, folders, corpora and standard input -> Source records.

Stages of `load_sources_with_warnings`, one module each:
  1. expand the paths given into files (folders recursively, known formats only, sorted): paths.py;
  2. read each file's bytes, refusing what is missing, too large, binary or empty: reading.py;
  3. decode the bytes (forced encoding, byte-order mark, UTF-8, a page's declared charset, then detection):
     decoding.py;
  4. turn the text into sources by format, with the reader the suffix names in formats.READERS (text.py,
     html.py, corpus.py for JSON / JSONL / CSV, parquet.py; rows.py holds the checks corpus rows share);
  5. apply the manifest's metadata (manifest.py), name the outlet by its URL's host where nothing else named it
     (outlets.py), refuse duplicate ids, sort by id.

Only metadata given explicitly (HTML metadata, corpus fields, the manifest) is set here; what can be inferred
from a plain text is left to the metadata stage. Every refusal is a CompareError subclass whose one-line
message names the file and the fix; with `Settings.skip_invalid` the file is skipped and the message kept as a
warning instead.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import replace

from compare.models import CompareError, DuplicateSourceId, NoSources, Settings, Source
from compare.sources.decoding import check_encoding_name
from compare.sources.formats import reader_for
from compare.sources.manifest import apply_manifest, read_manifest
from compare.sources.naming import STDIN
from compare.sources.outlets import with_host_outlet
from compare.sources.paths import expand
from compare.sources.text import read_stdin

__all__ = ["load_sources", "load_sources_with_warnings"]


def load_sources(paths: Sequence[str | os.PathLike], settings: Settings) -> tuple[Source, ...]:
    """Read every source under `paths`, sorted by id. See load_sources_with_warnings."""
    sources, _warnings = load_sources_with_warnings(paths, settings)
    return sources


def load_sources_with_warnings(
    paths: Sequence[str | os.PathLike], settings: Settings
) -> tuple[tuple[Source, ...], tuple[str, ...]]:
    """Read every source under `paths`; return the sources sorted by id and the warnings, in reading order.

    Raises the CompareError subclass of the first bad input unless `settings.skip_invalid`, in which case the
    bad file is skipped and its message becomes a warning. NoSources is raised either way when nothing is left.
    """
    warnings: list[str] = []
    if settings.encoding is not None:
        check_encoding_name(settings.encoding)
    for file, encoding in settings.file_encodings:
        check_encoding_name(encoding, f"--encoding {file}=")
    # the manifest is checked whole before any article is read
    manifest = read_manifest(settings) if settings.manifest is not None else None
    # 1. paths -> files (a file given twice, or given and inside a folder given, is read once)
    files: dict[str, str] = {}
    for given in paths:
        try:
            for name in expand(given, settings, warnings):
                files.setdefault(name if name == STDIN else os.path.realpath(name), name)
        except CompareError as error:
            if not settings.skip_invalid:
                raise
            warnings.append(f"skipped: {error}")
    for file, encoding in settings.file_encodings:
        if os.path.realpath(file) not in files:
            warnings.append(f"--encoding {file}={encoding}: {file} is not among the files read; check the path")
    if manifest is not None:
        given = manifest.file_encodings(list(files.values()))
        settings = replace(settings, file_encodings=settings.file_encodings + given)
    # 2.-4. files -> sources
    sources: list[Source] = []
    for name in files.values():
        try:
            read = read_stdin(settings, warnings) if name == STDIN else reader_for(name)(name, settings, warnings)
        except CompareError as error:
            if not settings.skip_invalid:
                raise
            warnings.append(f"skipped: {error}")
            continue
        sources.extend(_named_in_text(source, warnings) for source in read)
    if not sources:
        shown = ", ".join(os.fspath(p) for p in paths) or "(no paths)"
        skipped = f" ({len(warnings)} skipped as invalid)" if warnings else ""
        raise NoSources(
            f"{shown}: no readable source{skipped}; pass .txt, .md, .html, .json, .jsonl or .csv files"
        )
    # 5. manifest metadata, ids unique, sorted
    if manifest is not None:
        sources = apply_manifest(sources, manifest, warnings)
    sources = [with_host_outlet(source) for source in sources]
    sources = _drop_duplicates(sources, settings, warnings)
    return tuple(sorted(sources, key=lambda s: s.id)), tuple(warnings)


def _named_in_text(source: Source, warnings: list[str]) -> Source:
    """A source whose file name has bytes that are not UTF-8, with those bytes written out as \\xNN in its id
    and path (the reports are UTF-8 text). The reports then carry its text, since the path no longer opens it."""
    if not _UNDECODED_BYTE.search(source.path):
        return source
    raw = os.fsencode(source.path)
    path = raw.decode("utf-8", "backslashreplace")
    warnings.append(f"{path}: the file name is not UTF-8; its id shows the odd bytes as \\xNN")
    source_id = source.id
    if _UNDECODED_BYTE.search(source_id):
        source_id = os.fsencode(source_id).decode("utf-8", "backslashreplace")
    return replace(source, id=source_id, path=path, text_is_file=False)


# How os.fsdecode keeps a file name's bytes that are not UTF-8.
_UNDECODED_BYTE = re.compile("[\udc80-\udcff]")


def _drop_duplicates(sources: list[Source], settings: Settings, warnings: list[str]) -> list[Source]:
    """Refuse (or, skipping invalid input, drop the later of) two sources with one id."""
    seen: dict[str, Source] = {}
    kept: list[Source] = []
    for source in sources:
        first = seen.get(source.id)
        if first is None:
            seen[source.id] = source
            kept.append(source)
            continue
        message = (
            f"{source.path} holds two articles with the id {source.id!r}; give each of its articles its own id"
            if source.path == first.path else  # the items of a JSON list share their file's path
            f"{source.path} has the id {source.id!r}, as {first.path} does; rename one of them "
            f"(a file's id is its name without the extension; a corpus row's is its id field)"
        )
        if not settings.skip_invalid:
            raise DuplicateSourceId(message)
        warnings.append(f"skipped: {message}")
    return kept
