"""Paths given -> the files to read: a file itself, or a folder's files of known formats, recursively, sorted."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from compare.models import NoSources, Settings, SourceNotFound
from compare.sources.formats import KNOWN_SUFFIXES
from compare.sources.naming import STDIN


# A file of this name inside a folder of articles is the analyst's manifest of them (docs/usage.md, "The
# manifest"), not a corpus, whether or not --manifest names it.
MANIFEST_NAME = "manifest.csv"


def expand(given: str | os.PathLike, settings: Settings, warnings: list[str]) -> list[str]:
    """Files to read for one path given: the file itself, or a folder's known files, recursively and sorted.

    Inside a folder, a link that leads outside it is skipped with a warning unless `settings.follow_symlinks`:
    a folder of articles should not put a system file into the reports because something in it points there.
    A folder that cannot be listed is an error (with `settings.skip_invalid`, a warning): its articles would
    otherwise be left out without a word.
    """
    name = os.fspath(given)
    if name == STDIN:
        return [STDIN]
    path = Path(name)
    if not path.exists():
        if path.is_symlink():  # exists() follows the link: say where it breaks, not that the link is missing
            raise SourceNotFound(
                f"{name} is a link to {os.readlink(name)}, which {_where_it_breaks(path)}; point it at the article"
            )
        raise SourceNotFound(f"{name} does not exist; check the path")
    if not path.is_dir():  # a file, or a named pipe such as the shell's <(command)
        return [name]
    manifest = os.path.realpath(settings.manifest) if settings.manifest else None
    root = os.path.realpath(name)
    found = []
    visited = {root}  # folders reached through links, so that a link back up cannot loop

    def unreadable(error: OSError) -> None:
        message = f"{error.filename} cannot be read ({error.strerror}); check its permissions"
        if not settings.skip_invalid:
            raise SourceNotFound(message)
        warnings.append(f"skipped: {message}")

    for folder, subfolders, files in os.walk(name, onerror=unreadable, followlinks=settings.follow_symlinks):
        # hidden files and folders (.git, editor back-ups) are not articles
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        kept = []
        for sub in subfolders:
            full = os.path.join(folder, sub)
            if os.path.islink(full):
                real = os.path.realpath(full)
                if not _inside(real, root) and not settings.follow_symlinks:
                    warnings.append(_outside(full, name))
                    continue
                if real in visited:
                    continue
                visited.add(real)
            kept.append(sub)
        subfolders[:] = kept
        for file in files:
            full = os.path.join(folder, file)
            if (not file.startswith(".") and os.path.splitext(file)[1].lower() in KNOWN_SUFFIXES
                    and os.path.islink(full) and not os.path.exists(full)):
                warnings.append(f"skipped: {full} is a link to {os.readlink(full)}, which leads to no file; point "
                                "it at the article or remove it")
                continue
            if (not file.startswith(".") and os.path.splitext(file)[1].lower() in KNOWN_SUFFIXES
                    and os.path.exists(full) and not os.path.isfile(full)):
                # a pipe, device or socket given a file's name: reading it could wait or run for ever
                warnings.append(f"skipped: {full} is not a file (a pipe, device or socket); save the article to a "
                                "file, or pass the pipe by its own name")
                continue
            if (
                not file.startswith(".")
                and os.path.splitext(file)[1].lower() in KNOWN_SUFFIXES
                and os.path.isfile(full)
                # a manifest kept beside the articles describes them; it is not a corpus
                and os.path.realpath(full) != manifest
            ):
                if not settings.follow_symlinks and not _inside(os.path.realpath(full), root):
                    warnings.append(_outside(full, name))
                    continue
                if file.lower() == MANIFEST_NAME and manifest is None:
                    warnings.append(f"skipped: {full} is taken for a manifest, not articles; pass --manifest {full} "
                                    "to apply it")
                    continue
                found.append(full)
    found.sort()
    if not found:
        raise NoSources(
            f"{name} has no readable source; put .txt, .md, .html, .json, .jsonl or .csv files in it"
        )
    return found


def _where_it_breaks(link: Path) -> str:
    try:
        link.resolve(strict=True)
    except RuntimeError:  # a loop, as Python 3.11 reports it (later versions: OSError with ELOOP)
        return "leads round in a loop"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "leads round in a loop"
    return "leads to no file"


def _inside(real: str, root: str) -> bool:
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _outside(link: str, folder: str) -> str:
    return (
        f"skipped: {link} is a link to {os.path.realpath(link)}, outside {folder}; pass --follow-symlinks to "
        f"read it"
    )
