"""The package's imports point one way.

Every import of compare/ is read from the source (at module level and inside functions alike: a lazy import is
still a dependency), and the graph they make must hold no circle, and no import may climb the layers of a
result: records -> index -> claims -> views -> Comparison -> renderers.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "compare"

# Circles allowed while they are being taken apart (none now): each must be listed here until it goes.
CIRCLES_BEING_REMOVED: set[frozenset[str]] = set()

# The layers of a result, bottom first. A module may import its own layer and those below, never one above.
RESULT_LAYERS = (
    ("records", ("compare.models",)),
    ("index", ("compare.index",)),
    ("claims", ("compare.claims",)),
    ("views", ("compare.views",)),
    ("result", ("compare.comparison",)),
    ("renderers", ("compare.report",)),  # the package and every module in it
)
# Language data and settings tables that the records may one day read.
DATA_MODULES = ("compare.lang", "compare.config")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_under(name: str, prefixes) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


@cache
def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _resolve(name: str) -> str | None:
    """The package module an imported name refers to: the longest prefix of it that is a module."""
    known = modules()
    parts = name.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in known:
            return candidate
    return None


def imported_names(path: Path) -> set[str]:
    """Every dotted name `path` imports: import statements anywhere in the file, and the string constants of a
    file that loads modules by name (importlib.import_module)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    names: set[str] = set()
    loads_by_name = False
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:  # `from compare import runtime` imports the module compare.runtime
                submodule = f"{base}.{alias.name}"
                names.add(submodule if submodule in modules() else base)
        elif isinstance(node, ast.Name | ast.Attribute) and getattr(node, "id", getattr(node, "attr", "")) in (
            "import_module",
            "__import__",
        ):
            loads_by_name = True
    if loads_by_name:
        names.update(
            node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
        )
    return names


@cache
def graph() -> dict[str, frozenset[str]]:
    """Module -> the package modules it imports."""
    out = {}
    for name, path in modules().items():
        targets = set()
        for imported in imported_names(path):
            target = _resolve(imported)
            if target is not None and target != name:
                targets.add(target)
        out[name] = frozenset(targets)
    return out


def third_party_imports(name: str) -> set[str]:
    return {imported.split(".")[0] for imported in imported_names(modules()[name])}


def circles(edges: dict[str, frozenset[str]]) -> set[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: set[frozenset[str]] = set()

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.add(frozenset(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_the_walker_reads_imports_inside_functions_and_by_name():
    edges = graph()
    assert "compare.views" in edges["compare.comparison"]  # imported inside the DataFrame properties
    assert "compare.api" in edges["compare"]  # loaded by name in the package's __getattr__
    assert "compare.runtime" in edges["compare.cli"]  # `from compare import runtime`


def test_the_circle_finder_finds_a_loop_and_only_the_loop():
    edges = {"a": frozenset({"b"}), "b": frozenset({"c"}), "c": frozenset({"a"}), "d": frozenset({"a"})}
    assert circles(edges) == {frozenset({"a", "b", "c"})}
    assert circles({"a": frozenset({"b"}), "b": frozenset()}) == set()


def test_no_module_imports_one_that_imports_it_back():
    found = circles(graph())
    assert found - CIRCLES_BEING_REMOVED == set(), "import circles: " + "; ".join(
        " <-> ".join(sorted(c)) for c in found - CIRCLES_BEING_REMOVED
    )
    assert CIRCLES_BEING_REMOVED <= found, (
        "a circle allowed in CIRCLES_BEING_REMOVED is gone: delete it there so it cannot come back unnoticed"
    )


def _layer_of(name: str) -> int | None:
    for number, (_label, prefixes) in enumerate(RESULT_LAYERS):
        if _is_under(name, prefixes):
            return number
    return None


@pytest.mark.parametrize("label,prefixes", RESULT_LAYERS, ids=[label for label, _ in RESULT_LAYERS])
def test_no_layer_of_a_result_imports_one_above_it(label, prefixes):
    own = _layer_of(prefixes[0])
    climbing = {
        f"{name} -> {target} ({RESULT_LAYERS[_layer_of(target)][0]})"
        for name, targets in graph().items()
        if _is_under(name, prefixes)
        for target in targets
        if _layer_of(target) is not None and _layer_of(target) > own
    }
    assert climbing == set()


def test_the_records_import_no_other_module_of_the_package():
    assert {t for t in graph()["compare.models"] if not _is_under(t, DATA_MODULES)} == set()


def test_no_renderer_is_imported_below_the_renderers():
    below = ("compare.models", "compare.index", "compare.claims", "compare.views", "compare.comparison")
    assert {
        (name, target)
        for name, targets in graph().items()
        if _is_under(name, below)
        for target in targets
        if _is_under(target, ("compare.report",))
    } == set()


def test_the_engine_knows_nothing_of_the_work_it_runs():
    assert graph()["compare.engine"] <= {"compare.models", "compare.runtime", "compare.subprocesses"}


def test_only_the_command_line_and_the_engine_touch_process_wide_settings():
    # The engine only carries a caller's tuning over to its workers (compare.runtime, test_runtime).
    users = {name for name, targets in graph().items() if "compare.runtime" in targets}
    assert users == {"compare.cli", "compare.engine"}
    assert graph()["compare.runtime"] == frozenset()


def test_pandas_is_imported_only_by_the_views():
    assert {name for name in modules() if "pandas" in third_party_imports(name)} == {"compare.views"}
