"""Paths given -> the files to read: a file itself, or a folder's files of known formats, recursively, sorted."""

from __future__ import annotations

import os
from pathlib import Path

from compare.models import NoSources, Settings, SourceNotFound
from compare.sources.formats import KNOWN_SUFFIXES
from compare.sources.naming import STDIN


def expand(given: str | os.PathLike, settings: Settings) -> list[str]:
    """Files to read for one path given: the file itself, or a folder's known files, recursively and sorted."""
    name = os.fspath(given)
    if name == STDIN:
        return [STDIN]
    path = Path(name)
    if not path.exists():
        raise SourceNotFound(f"{name} does not exist; check the path")
    if path.is_file():
        return [name]
    manifest = os.path.realpath(settings.manifest) if settings.manifest else None
    found = []
    # os.walk without following links: a link back to a parent folder cannot loop
    for folder, subfolders, files in os.walk(name):
        # hidden files and folders (.git, editor back-ups) are not articles
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for file in files:
            full = os.path.join(folder, file)
            if (
                not file.startswith(".")
                and os.path.splitext(file)[1].lower() in KNOWN_SUFFIXES
                and os.path.isfile(full)
                # a manifest kept beside the articles describes them; it is not a corpus
                and os.path.realpath(full) != manifest
            ):
                found.append(full)
    found.sort()
    if not found:
        raise NoSources(
            f"{name} has no readable source; put .txt, .md, .html, .json, .jsonl or .csv files in it"
        )
    return found
