"""The manifest: a CSV of metadata the analyst gives for sources (by path or id), applied over what was read."""

from __future__ import annotations

import os
from dataclasses import replace

from compare.models import MalformedCorpus, Settings, Source, SourceNotFound
from compare.sources.naming import STDIN
from compare.sources.reading import read_text
from compare.sources.rows import METADATA_FIELDS, clean_value, csv_table, iso_date, listed


def apply_manifest(sources: list[Source], settings: Settings, warnings: list[str]) -> list[Source]:
    """Set the metadata a manifest CSV gives (columns: path or id, and any of title, outlet, url, published).

    A manifest is the analyst's own word, so its non-empty cells override what a page or corpus said. A row
    that matches no source read is a warning (the file may have been skipped), not an error.
    """
    name = str(settings.manifest)
    if not os.path.isfile(name):
        raise SourceNotFound(f"manifest {name} does not exist; check the path given to --manifest")
    # --encoding is about the articles; the manifest's own encoding is detected
    detect = replace(settings, encoding=None)
    text, _encoding, _exact = read_text(name, detect)
    header, rows = csv_table(text, f"manifest {name}", settings)
    if "path" not in header and "id" not in header:
        raise MalformedCorpus(
            f"manifest {name} has neither a 'path' nor an 'id' column (its header is: {listed(header)}); "
            f"add one to say which source each row describes"
        )
    base = os.path.dirname(os.path.abspath(name))
    by_id = {source.id: i for i, source in enumerate(sources)}
    by_path = {os.path.realpath(source.path): i for i, source in enumerate(sources) if source.path != STDIN}
    result = list(sources)
    for number, cells in rows:
        row = {key: cell.strip() for key, cell in zip(header, cells)}
        where = f"manifest {name} line {number}"
        changes = {key: clean_value(row.get(key)) for key in METADATA_FIELDS if clean_value(row.get(key))}
        if "published" in changes:  # checked on every row, matched or not: a bad date is a bad manifest
            changes["published"] = iso_date(changes["published"], where, "published")
        index = None
        if row.get("id"):
            index = by_id.get(row["id"])
            named = f"id {row['id']!r}"
        elif row.get("path"):
            named = f"path {row['path']!r}"
            for candidate in (os.path.join(base, row["path"]), row["path"]):
                index = by_path.get(os.path.realpath(candidate))
                if index is not None:
                    break
        else:
            raise MalformedCorpus(f"{where} has neither a path nor an id; fill one in or delete the row")
        if index is None:
            warnings.append(f"{where}: no source read has the {named}; check it against the files given")
            continue
        result[index] = replace(result[index], **changes)
    return result
