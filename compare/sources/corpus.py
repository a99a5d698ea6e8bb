"""JSON, JSONL and CSV corpora -> Source records, one per article object or row."""

from __future__ import annotations

import json
import re
from pathlib import Path

from compare.models import EmptySource, MalformedCorpus, Settings, Source
from compare.sources.reading import read_text, refuse_empty
from compare.sources.rows import csv_table, listed, row_source

# An article is a flat object; JSON nested deeper than Python's recursion limit is not a corpus.
_TOO_DEEP = "{where} is JSON nested too deeply to be a corpus; write each article as one flat object"
_REPEATED = "{where} gives \"{key}\" twice; keep one of the two"


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


class _LongNumber(Exception):
    def __init__(self, digits: int) -> None:
        super().__init__(digits)
        self.digits = digits


def _whole_number(digits: str) -> int:
    """A JSON integer; one longer than Python converts (4,300 digits) is refused, not a crash."""
    try:
        return int(digits)
    except ValueError:
        raise _LongNumber(len(digits.lstrip("-"))) from None


def _loads(text: str, where: str, fix: str, *, whole_file: bool):
    """json.loads with every way a file can fail turned into MalformedCorpus naming `where` (and the line, for
    a `whole_file`); `fix` ends the message of invalid JSON."""
    try:
        return json.loads(text, object_pairs_hook=_object, parse_int=_whole_number)
    except _RepeatedKey as repeated:
        raise MalformedCorpus(_REPEATED.format(where=where, key=repeated.key)) from None
    except _LongNumber as number:
        raise MalformedCorpus(
            f"{where} holds a number of {number.digits:,} digits, longer than any field of an article; quote it as "
            "text or remove it"
        ) from None
    except json.JSONDecodeError as error:
        line = f" line {error.lineno}" if whole_file else ""
        raise MalformedCorpus(f"{where}{line} is not valid JSON ({error.msg}); {fix}") from None
    except RecursionError:
        raise MalformedCorpus(_TOO_DEEP.format(where=where)) from None


def _object(pairs: list[tuple[str, object]]) -> dict:
    """A JSON object whose keys are all different: json.loads would keep the last of two values silently."""
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        raise _RepeatedKey(next(key for key, _ in pairs if key in seen or seen.add(key)))
    return value


def read_json(name: str, settings: Settings, warnings: list[str]) -> list[Source]:
    """A .json file: one article object (its id is the file name), or a list of rows like a .jsonl corpus."""
    text, encoding, _exact = read_text(name, settings, warnings)
    refuse_empty(text, name)
    value = _loads(text, name, "fix the file or save the article as .txt", whole_file=True)
    if isinstance(value, list):
        if not value:  # else it reads as no source at all, and the message says to pass a .json file
            raise EmptySource(f"{name} is an empty list; put the articles in it as objects with a \"text\" field, "
                              "or remove the file")
        return [row_source(row, name, f"{name} item {i}", encoding, None) for i, row in enumerate(value, 1)]
    return [row_source(value, name, name, encoding, Path(name).stem)]


def read_jsonl(name: str, settings: Settings, warnings: list[str]) -> list[Source]:
    """A .jsonl corpus: one JSON article object per line; blank lines are allowed."""
    text, encoding, _exact = read_text(name, settings, warnings)
    refuse_empty(text, name)
    sources = []
    # split at line ends (\n, \r\n, or \r alone as old Mac files have them) and nowhere else: str.splitlines
    # would also split inside a JSON string holding U+2028 or U+0085, where a raw \r or \n cannot be
    for number, line in enumerate(_LINE_END.split(text), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        row = _loads(line, where, "put one article object on each line", whole_file=False)
        sources.append(row_source(row, f"{name}:{number}", where, encoding, None))
    if not sources:
        raise EmptySource(f"{name} is empty; remove it or put the article's text in it")
    return sources


_LINE_END = re.compile(r"\r\n?|\n")


def read_csv(name: str, settings: Settings, warnings: list[str]) -> list[Source]:
    """A .csv corpus: a header row naming at least `text`, then one article per row."""
    text, encoding, _exact = read_text(name, settings, warnings)
    refuse_empty(text, name)
    header, rows = csv_table(text, name, settings)
    if "text" not in header:
        raise MalformedCorpus(
            f"{name} has no 'text' column (its header is: {listed(header)}); name the column with the article's "
            f"text 'text'"
        )
    if not rows:
        raise EmptySource(f"{name} has a header but no rows; add articles or remove the file")
    return [
        row_source(dict(zip(header, cells)), f"{name}:{line}", f"{name} line {line}", encoding, None)
        for line, cells in rows
    ]
