"""The manifest: a CSV of metadata the analyst gives for sources (by path or id), applied over what was read.

Columns: `path` or `id` (which source a row describes), any of `title`, `outlet`, `url`, `published`,
`encoding` (the file's encoding, where detection would guess wrong), and `event` (a label of the analyst's own:
sources sharing one are one event, whatever grouping would say; see compare.events). It is read and checked whole before any
article: two rows for one source, a date out of range or an unknown encoding stop the run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from compare.models import (
    BinarySource, EmptySource, MalformedCorpus, NotARegularFile, Settings, Source, SourceNotFound,
)
from compare.sources.decoding import check_encoding_name
from compare.sources.naming import STDIN
from compare.sources.reading import read_text
from compare.sources.rows import METADATA_FIELDS, clean_value, csv_table, iso_date, listed


@dataclass(frozen=True, slots=True)
class ManifestRow:
    line: int
    id: str | None
    path: str | None  # as written, relative to the manifest's folder or to the working folder
    changes: tuple[tuple[str, str], ...]  # metadata field -> value, non-empty cells only
    encoding: str | None


@dataclass(frozen=True, slots=True)
class Manifest:
    name: str
    rows: tuple[ManifestRow, ...]

    @property
    def base(self) -> str:
        return os.path.dirname(os.path.abspath(self.name))

    def candidates(self, path: str) -> tuple[str, ...]:
        """Where a row's path may point: beside the manifest, or from the working folder."""
        return (os.path.join(self.base, path), path)

    def file_encodings(self, files: list[str]) -> tuple[tuple[str, str], ...]:
        """(file, encoding) for every row that gives an encoding: by path, or by id for a file of that name."""
        out = []
        for row in self.rows:
            if row.encoding is None:
                continue
            if row.path is not None:
                out.extend((c, row.encoding) for c in self.candidates(row.path) if os.path.exists(c))
            else:
                out.extend((f, row.encoding) for f in files if f != STDIN and Path(f).stem == row.id)
        return tuple(out)


def read_manifest(settings: Settings) -> Manifest:
    """The manifest `settings.manifest` names, every row checked (see the module docstring)."""
    name = str(settings.manifest)
    if not os.path.exists(name):
        raise SourceNotFound(f"manifest {name} does not exist; check the path given to --manifest")
    if os.path.isdir(name):
        raise SourceNotFound(f"manifest {name} is a folder; pass --manifest the CSV file itself")
    # --encoding is about the articles; the manifest's own encoding is detected
    detect = replace(settings, encoding=None, file_encodings=())
    try:
        text, _encoding, _exact = read_text(name, detect, [])
    except EmptySource:  # the reading stage's message speaks of an article's text
        raise EmptySource(
            f"manifest {name} is empty; write a header row (path or id, then the metadata columns) and a row for "
            f"each source, or leave out --manifest"
        ) from None
    except BinarySource as error:
        kind = error.kind
        raise BinarySource(f"manifest {name} is {kind}, not text; pass --manifest a CSV file", kind) from None
    except NotARegularFile:  # the reading stage's message speaks of an article
        raise NotARegularFile(
            f"manifest {name} is a device, a socket or a pipe nothing writes to; pass --manifest a CSV file"
        ) from None
    header, rows = csv_table(text, f"manifest {name}", settings)
    if "path" not in header and "id" not in header:
        raise MalformedCorpus(
            f"manifest {name} has neither a 'path' nor an 'id' column (its header is: {listed(header)}); "
            f"add one to say which source each row describes"
        )
    base = os.path.dirname(os.path.abspath(name))
    checked = []
    first_line: dict[tuple[str, str], int] = {}
    for number, cells in rows:
        row = {key: cell.strip() for key, cell in zip(header, cells)}
        where = f"manifest {name} line {number}"
        changes = {key: clean_value(row.get(key)) for key in METADATA_FIELDS if clean_value(row.get(key))}
        if "published" in changes:  # checked on every row, matched or not: a bad date is a bad manifest
            changes["published"] = iso_date(changes["published"], where, "published")
        event = clean_value(row.get("event"))
        if event is not None:
            changes["event_label"] = event
        encoding = row.get("encoding") or None
        if encoding is not None:
            check_encoding_name(encoding, f"{where}: encoding")
        if row.get("id"):
            key = ("id", row["id"])
        elif row.get("path"):
            key = ("path", os.path.realpath(os.path.join(base, row["path"])))
        else:
            raise MalformedCorpus(f"{where} has neither a path nor an id; fill one in or delete the row")
        if key in first_line:
            raise MalformedCorpus(
                f"manifest {name} lines {first_line[key]} and {number} both describe the {key[0]} "
                f"{row[key[0]]!r}; keep one of the two rows"
            )
        first_line[key] = number
        checked.append(
            ManifestRow(number, row.get("id") or None, None if row.get("id") else row["path"],
                        tuple(changes.items()), encoding)
        )
    return Manifest(name, tuple(checked))


def apply_manifest(sources: list[Source], manifest: Manifest, warnings: list[str]) -> list[Source]:
    """Set the metadata the manifest gives. A manifest is the analyst's own word, so its non-empty cells
    override what a page or corpus said. A row that matches no source read is a warning (the file may have been
    skipped), not an error."""
    by_id = {source.id: i for i, source in enumerate(sources)}
    by_path = {os.path.realpath(source.path): i for i, source in enumerate(sources) if source.path != STDIN}
    result = list(sources)
    for row in manifest.rows:
        where = f"manifest {manifest.name} line {row.line}"
        index = None
        if row.id is not None:
            index = by_id.get(row.id)
            named = f"id {row.id!r}"
        else:
            named = f"path {row.path!r}"
            for candidate in manifest.candidates(row.path):
                index = by_path.get(os.path.realpath(candidate))
                if index is not None:
                    break
        if index is None:
            warnings.append(f"{where}: no source read has the {named}; check it against the files given")
            continue
        changes = dict(row.changes)
        if changes.get("outlet"):
            changes["outlet_from"] = "manifest"
        result[index] = replace(result[index], **changes)
    return result
