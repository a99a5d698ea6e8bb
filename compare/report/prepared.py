"""What every report needs from a Comparison, worked out once per write.

Each renderer used to rebuild the same indexes (findings sorted into report order, sentences by key, the claim
matrix, counts by relation); on a corpus of thousands of articles that repeated work cost more than the
rendering itself. A Prepared holds them, each computed on first use and then shared: write_reports builds one
and hands it to every renderer; a renderer called alone builds its own.

It holds references to the Comparison's records, not copies, so it adds indexes (lists and dicts of
references), never a second set of texts.
"""

from __future__ import annotations

from functools import cached_property

from compare.models import Comparison, Dropped, Event, Finding, Sentence, Source
from compare.report.tables import (
    display_events,
    event_of,
    ordered_dropped,
    ordered_findings,
    relation_counts,
    sentence_by_key,
    source_by_id,
)


class Prepared:
    """Lazily computed, shared views of one Comparison (treat as read-only)."""

    def __init__(self, c: Comparison):
        self.c = c

    @cached_property
    def sources(self) -> dict[str, Source]:
        return source_by_id(self.c)

    @cached_property
    def source_index(self) -> dict[str, int]:
        """Source id -> its 1-based position in the Comparison (HTML anchors)."""
        return {s.id: i for i, s in enumerate(self.c.sources, start=1)}

    @cached_property
    def sentences(self) -> dict[tuple[str, int], Sentence]:
        return sentence_by_key(self.c)

    @cached_property
    def keys_by_source(self) -> dict[str, list[tuple[str, int]]]:
        """Source id -> keys of its sentences, by sentence id."""
        out: dict[str, list[tuple[str, int]]] = {}
        for key in sorted(self.sentences, key=lambda key: key[1]):
            out.setdefault(key[0], []).append(key)
        return out

    @cached_property
    def findings(self) -> list[Finding]:
        """Every finding in report order (one sort for the whole write)."""
        return ordered_findings(self.c)

    @cached_property
    def findings_by_event(self) -> dict[str, list[Finding]]:
        out: dict[str, list[Finding]] = {}
        for f in self.findings:
            out.setdefault(f.event, []).append(f)
        return out

    @cached_property
    def counts(self) -> dict[str, dict[str, int]]:
        """Event id -> counts by relation (see tables.relation_counts)."""
        grouped = self.findings_by_event
        return {e.id: relation_counts(self.c, e.id, grouped.get(e.id, [])) for e in self.c.events}

    @cached_property
    def display_events(self) -> list[Event]:
        return display_events(self.c, counts=self.counts)

    @cached_property
    def claims(self) -> dict:
        """Event id -> its claims (claims.claims_by_event), computed once for every report."""
        from compare.report.claims import claims_from_indexes

        return claims_from_indexes(self.c.events, self.sentences, self.keys_by_source, self.findings_by_event)

    @cached_property
    def copies(self) -> dict[str, str]:
        from compare.report.json_report import copies_of

        return copies_of(self.c)

    @cached_property
    def event_of(self) -> dict[str, str]:
        return event_of(self.c)

    @cached_property
    def dropped_by_source(self) -> dict[str, list[Dropped]]:
        out: dict[str, list[Dropped]] = {}
        for d in ordered_dropped(self.c):
            out.setdefault(d.source, []).append(d)
        return out

    @cached_property
    def sentence_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for s in self.c.sentence_records:
            out[s.source] = out.get(s.source, 0) + 1
        return out


def prepare(c: Comparison, prepared: Prepared | None = None) -> Prepared:
    """`prepared` when it was built for `c`, else a fresh Prepared."""
    return prepared if prepared is not None and prepared.c is c else Prepared(c)
