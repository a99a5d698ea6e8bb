"""The Python API: what notebooks and the CLI call."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path

from compare.comparison import Comparison
from compare.models import CompareError, Event, Settings, Source
from compare.pipeline import Progress, compare_pair, compare_sources, event_doc, prepare, without_sentences
from compare.events import MemberReason, Separation, explain_events, group_events, one_event
from compare.sources import load_sources_with_warnings
from compare.sources.naming import STDIN

PathLike = str | bytes | os.PathLike


class NotTwoSources(CompareError):
    """`diff` needs exactly two sources."""


def compare(paths: Sequence[PathLike] | PathLike, settings: Settings | None = None, *, progress: Progress | None = None) -> Comparison:
    """Read every source under `paths`, group them into events and compare each event's sources.

    >>> result = compare(["seeds/"])
    >>> result.findings.query("relation == 'contradict'")   # a pandas DataFrame
    """
    settings = settings or Settings()
    sources, warnings = load_sources_with_warnings(_as_list(paths), settings)
    return compare_sources(sources, settings, warnings=warnings, progress=progress)


def diff(a: PathLike, b: PathLike, settings: Settings | None = None) -> tuple[Comparison, tuple[str, str]]:
    """Compare two sources as one event; warns (in Comparison.warnings) when they look like different events."""
    settings = settings or Settings()
    a, b = _as_list([a, b])
    for path in (a, b):
        if os.path.isdir(path):  # its articles would be taken for A and B whatever the order given
            raise NotTwoSources(
                f"{path} is a folder; diff compares two articles: pass two files (`crosscheck report {path}` "
                "compares a folder's articles)"
            )
    sources, warnings = _one_name_apart(a, b, settings) or load_sources_with_warnings([a, b], settings)
    if len(sources) == 1:
        raise NotTwoSources(f"{a} and {b} are the same article; pass two different files to diff")
    if len(sources) != 2:
        raise NotTwoSources(
            f"{a} and {b} hold {len(sources)} articles; diff compares exactly two (use `crosscheck report` for more)"
        )
    first = _source_for(sources, a)
    second = next(s for s in sources if s.id != first.id)
    comparison = compare_pair(first, second, settings, warnings=warnings)
    return comparison, (first.id, second.id)


def group(paths: Sequence[PathLike] | PathLike, settings: Settings | None = None) -> tuple[tuple[Source, ...], tuple[Event, ...], tuple[str, ...]]:
    """Sources (metadata filled in) and the events they form, without comparing them."""
    settings = settings or Settings()
    sources, warnings = load_sources_with_warnings(_as_list(paths), settings)
    prepared = [prepare(s) for s in sources]
    warnings = (*warnings, *without_sentences(prepared))
    docs = [event_doc(p) for p in prepared]
    found = one_event(docs, settings.grouping) if settings.one_event else group_events(docs, settings.grouping)
    return tuple(p.source for p in prepared), found, warnings


def explain(paths: Sequence[PathLike] | PathLike, settings: Settings | None = None) -> tuple[tuple[Source, ...], tuple[Event, ...], tuple[MemberReason, ...], tuple[Separation, ...], tuple[str, ...]]:
    """As group(), and why each source is in its event and what kept the closest events apart
    (compare.events.explain_events)."""
    settings = settings or Settings()
    sources, warnings = load_sources_with_warnings(_as_list(paths), settings)
    prepared = [prepare(s) for s in sources]
    warnings = (*warnings, *without_sentences(prepared))
    docs = [event_doc(p) for p in prepared]
    found = one_event(docs, settings.grouping) if settings.one_event else group_events(docs, settings.grouping)
    members, separations = explain_events(docs, found, settings.grouping)
    return tuple(p.source for p in prepared), found, members, separations, warnings


def _one_name_apart(a: PathLike, b: PathLike, settings: Settings):
    """Two different files whose names give one id (monday/story.txt, tuesday/story.txt), each an article:
    (sources, warnings) with each named by the part of its path the other's does not share, else None.
    Named explicitly, two files are two articles; in a folder, one id for two files stays an error."""
    paths = [os.path.abspath(os.fspath(p)) for p in (a, b)]
    if STDIN in (os.fspath(a), os.fspath(b)) or Path(paths[0]).stem != Path(paths[1]).stem:
        return None
    if os.path.realpath(paths[0]) == os.path.realpath(paths[1]) or not all(os.path.isfile(p) for p in paths):
        return None
    read = [load_sources_with_warnings([p], settings) for p in (a, b)]
    if any(len(sources) != 1 or sources[0].id != Path(path).stem for (sources, _), path in zip(read, paths)):
        return None
    common = os.path.commonpath(paths)
    shown = [os.path.relpath(p, common) for p in paths]
    names = [os.path.splitext(p)[0] for p in shown]
    if names[0] == names[1]:  # the same name in one folder: the extension tells them apart
        names = shown
    sources = tuple(sorted((replace(sources[0], id=name) for (sources, _), name in zip(read, names)),
                           key=lambda s: s.id))
    return sources, tuple(w for _, warnings in read for w in warnings)


def _as_list(paths) -> list:
    """One path or many, as a list of str or PathLike (a bytes path, as os functions return it, decoded)."""
    if isinstance(paths, (str, bytes, os.PathLike)):
        paths = [paths]
    elif not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a path or a list of paths, not {type(paths).__name__}")
    return [os.fsdecode(p) if isinstance(p, bytes) else p for p in paths]


def _source_for(sources: Sequence[Source], path: PathLike) -> Source:
    """The source read from `path` (sources come back sorted by id, not in argument order)."""
    target = os.path.abspath(os.fspath(path))
    return next((s for s in sources if os.path.abspath(s.path) == target), sources[0])
