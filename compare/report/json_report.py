"""report.json: the documented output contract.

```
{"sources":   [{"id", "path", "event", "title", "published", "place", "outlet", "url", "encoding"}
               + "text" when the source was not read verbatim from a plain text file],
 "events":    [{"id", "date", "place", "sources": [source ids]}],
 "sentences": [{"source", "id", "start", "end", "text"}],
 "dropped":   [{"source", "start", "end", "text", "reason"}],
 "findings":  [{"event", "source", "sentence_id", "other_source", "other_sentence_id",
                "relation", "score", "reason"}],
 "copies":    {copy id: origin id}}
```
Keys appear in the order above; records in the shared report order (see tables.py). Output is deterministic:
no timestamps, no absolute paths added, UTF-8 text kept as is (ensure_ascii=False), a trailing newline.
"""

from __future__ import annotations

import json

from compare.models import Comparison
from compare.report.tables import (
    clean_score,
    event_of,
    ordered_dropped,
    ordered_findings,
    ordered_sentences,
    relation_value,
)


def copies_of(c: Comparison) -> dict[str, str]:
    """Syndicated copies as {copy id: origin id}, sorted by copy id; empty when the Comparison has none.

    Comparison.copies holds (copy id, origin id) pairs; a mapping is accepted too.
    """
    raw = c.copies or {}
    pairs = raw.items() if hasattr(raw, "items") else raw
    return {str(copy): str(origin) for copy, origin in sorted(pairs)}


def source_record(source, event_id: str | None) -> dict:
    record = {
        "id": source.id,
        "path": source.path,
        "event": event_id,
        "title": source.title,
        "published": source.published,
        "place": source.place,
        "outlet": source.outlet,
        "url": source.url,
        "encoding": source.encoding,
    }
    if not source.text_is_file:
        record["text"] = source.text
    return record


def finding_record(f) -> dict:
    return {
        "event": f.event,
        "source": f.source,
        "sentence_id": f.sentence_id,
        "other_source": f.other_source,
        "other_sentence_id": f.other_sentence_id,
        "relation": relation_value(f.relation),
        "score": clean_score(f.score),
        "reason": f.reason,
    }


def report_dict(c: Comparison) -> dict:
    """The report as plain Python values (what render_json serialises)."""
    events = event_of(c)
    return {
        "sources": [source_record(s, events.get(s.id)) for s in c.sources],
        "events": [{"id": e.id, "date": e.date, "place": e.place, "sources": list(e.sources)} for e in c.events],
        "sentences": [
            {"source": s.source, "id": s.id, "start": s.start, "end": s.end, "text": s.text}
            for s in ordered_sentences(c)
        ],
        "dropped": [
            {"source": d.source, "start": d.start, "end": d.end, "text": d.text, "reason": str(d.reason)}
            for d in ordered_dropped(c)
        ],
        "findings": [finding_record(f) for f in ordered_findings(c)],
        "copies": copies_of(c),
    }


def render_json(c: Comparison) -> str:
    """report.json as a string: indent 2, keys in contract order, UTF-8 kept, trailing newline."""
    return json.dumps(report_dict(c), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
