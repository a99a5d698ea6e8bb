"""The result of a run: the records of every stage, with pandas views for notebooks."""

from __future__ import annotations

from dataclasses import dataclass, field

from compare.index import ResultIndex
from compare.models import Dropped, Event, Finding, Sentence, Source


@dataclass(frozen=True, slots=True)
class Comparison:
    """The result of a run: plain records, with pandas views for notebooks (compare.views, built from the
    records on each access)."""

    sources: tuple[Source, ...]
    events: tuple[Event, ...]
    sentence_records: tuple[Sentence, ...]
    dropped_records: tuple[Dropped, ...]
    finding_records: tuple[Finding, ...]
    warnings: tuple[str, ...] = field(default=())
    copies: tuple[tuple[str, str], ...] = field(default=())  # (copy id, origin id): syndicated, not compared

    # pandas is slow to import: the views load it on first use, not with the records.

    @property
    def findings(self):
        """Findings as a pandas DataFrame (the columns of findings.csv)."""
        from compare.views import findings_frame

        return findings_frame(ResultIndex(self))

    @property
    def sentences(self):
        from compare.views import sentences_frame

        return sentences_frame(ResultIndex(self))

    @property
    def dropped(self):
        from compare.views import dropped_frame

        return dropped_frame(ResultIndex(self))

    @property
    def claims(self):
        """The claim matrix as a DataFrame: one row per claim, one column per source."""
        from compare.views import claims_frame

        return claims_frame(ResultIndex(self))
