"""crosscheck: compare several outlets' stories about the same meeting.

    import compare
    result = compare.compare(["seeds/"])
    result.findings          # pandas DataFrame, one row per sentence and other source
    compare.write_reports(result, "reports/")
"""

from importlib import import_module

from compare.comparison import Comparison
from compare.models import (
    CompareError,
    Dropped,
    Event,
    Finding,
    Relation,
    Sentence,
    Settings,
    Source,
)

# The pipeline pulls in pandas and scikit-learn; load it on first use so `crosscheck --help` stays quick.
_LAZY = {
    "compare": "compare.api",
    "diff": "compare.api",
    "group": "compare.api",
    "load_sources": "compare.sources",
    "write_reports": "compare.report.writer",
}

__all__ = [
    "compare", "diff", "group", "load_sources", "write_reports",
    "Comparison", "CompareError", "Dropped", "Event", "Finding", "Relation", "Sentence", "Settings", "Source",
]  # fmt: skip


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'compare' has no attribute {name!r}")
