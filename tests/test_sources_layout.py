"""The sources package: one table of formats, and imports that point one way (no circle)."""

from __future__ import annotations

import ast
from pathlib import Path

import compare.sources
from compare.sources.formats import KNOWN_SUFFIXES, READERS, reader_for
from compare.sources.text import read_plain

PACKAGE = Path(compare.sources.__file__).parent


def _imports() -> dict[str, set[str]]:
    """Module name -> the compare.sources modules it imports."""
    graph = {}
    for path in PACKAGE.glob("*.py"):
        module = "compare.sources" if path.stem == "__init__" else f"compare.sources.{path.stem}"
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("compare.sources"):
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("compare.sources"))
        graph[module] = found
    return graph


def test_no_module_of_the_package_imports_another_in_a_circle():
    graph = _imports()
    assert "compare.sources" not in set().union(*(graph[m] for m in graph if m != "compare.sources"))

    def reaches(start, target, seen=()):
        return any(n == target or (n not in seen and reaches(n, target, (*seen, n))) for n in graph.get(start, ()))

    circles = [m for m in graph if reaches(m, m)]
    assert circles == []


def test_every_suffix_has_one_reader_and_unknown_suffixes_read_as_text():
    assert KNOWN_SUFFIXES == frozenset(READERS) >= {".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".parquet"}
    assert reader_for("a/B.HTML") is READERS[".html"]
    assert reader_for("notes.log") is read_plain
