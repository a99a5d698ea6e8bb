"""crosscheck: compare several outlets' stories about the same meeting."""

from compare.models import (
    Comparison,
    CompareError,
    Dropped,
    Event,
    Finding,
    Relation,
    Sentence,
    Settings,
    Source,
)

__all__ = [
    "Comparison",
    "CompareError",
    "Dropped",
    "Event",
    "Finding",
    "Relation",
    "Sentence",
    "Settings",
    "Source",
]
