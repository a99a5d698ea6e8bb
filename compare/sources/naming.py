"""How a file is named in messages; the name that stands for standard input."""

from __future__ import annotations

STDIN = "-"


def shown(name: str) -> str:
    return "standard input" if name == STDIN else name
