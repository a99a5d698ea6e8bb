"""Plain text files and standard input -> one Source each."""

from __future__ import annotations

import re
from pathlib import Path

from compare.models import Settings, Source
from compare.sources.html import html_source
from compare.sources.naming import STDIN
from compare.sources.reading import read_text, refuse_empty

_HTML_START = re.compile(r"\s*(<!doctype html|<html)", re.IGNORECASE)


def read_plain(name: str, settings: Settings, warnings: list[str]) -> list[Source]:
    """A .txt or .md file, or any other file named explicitly: its text, id from its name."""
    text, encoding, exact = read_text(name, settings, warnings)
    refuse_empty(text, name)
    return [Source(id=Path(name).stem, path=name, text=text, encoding=encoding, text_is_file=exact)]


def read_stdin(settings: Settings, warnings: list[str]) -> list[Source]:
    """Standard input: an article's text, or a saved page when it starts like one."""
    text, encoding, _exact = read_text(STDIN, settings, warnings)
    refuse_empty(text, STDIN)
    if _HTML_START.match(text):
        return [html_source(STDIN, "stdin", text, encoding)]
    return [Source(id="stdin", path=STDIN, text=text, encoding=encoding, text_is_file=False)]
