"""report.json: the documented output contract.

```
{"sources":   [{"id", "path", "event", "title", "published", "place", "outlet", "outlet_from", "url", "encoding"}
               + "text" when the source was not read verbatim from a plain text file],
 "events":    [{"id", "date", "place", "sources": [source ids]}],
 "sentences": [{"source", "id", "start", "end", "text"}],
 "dropped":   [{"source", "start", "end", "text", "reason"}],
 "findings":  [{"event", "source", "sentence_id", "other_source", "other_sentence_id",
                "relation", "kind", "score", "reason"}],
 "copies":    {copy id: origin id}}
```
Keys appear in the order above; records in the shared report order (see compare.index). Output is deterministic:
no timestamps, no absolute paths added, UTF-8 text kept as is (ensure_ascii=False), a trailing newline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from compare.index import ResultIndex, clean_score, ordered_dropped, ordered_sentences, relation_value


def source_record(source, event_id: str | None) -> dict:
    record = {
        "id": source.id,
        "path": source.path,
        "event": event_id,
        "title": source.title,
        "published": source.published,
        "place": source.place,
        "outlet": source.outlet,
        "outlet_from": source.outlet_from,
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
        "kind": f.kind,
        "score": clean_score(f.score),
        "reason": f.reason,
    }


def report_dict(index: ResultIndex) -> dict:
    """The report as plain Python values (what render_json serialises)."""
    c = index.result
    events = index.event_of
    return {
        "sources": [source_record(s, events.get(s.id)) for s in c.sources],
        "events": [event_record(e) for e in c.events],
        "sentences": [sentence_record(s) for s in ordered_sentences(c)],
        "dropped": [dropped_record(d) for d in ordered_dropped(c)],
        "findings": [finding_record(f) for f in index.findings],
        "copies": index.copies,
    }


def event_record(e) -> dict:
    return {"id": e.id, "date": e.date, "place": e.place, "sources": list(e.sources)}


def sentence_record(s) -> dict:
    return {"source": s.source, "id": s.id, "start": s.start, "end": s.end, "text": s.text}


def dropped_record(d) -> dict:
    return {"source": d.source, "start": d.start, "end": d.end, "text": d.text, "reason": str(d.reason)}


def render_json(index: ResultIndex) -> str:
    """report.json as a string: indent 2, keys in contract order, UTF-8 kept, trailing newline."""
    return "".join(json_chunks(index))


# --- Streaming ---------------------------------------------------------------------------------------------------
# json.dumps(report_dict(index), indent=2) would hold the whole document (and every record as a dict) at once, and
# with an indent the json module falls back to its pure-Python encoder. The same bytes are produced here in
# pieces: the document's frame by hand, and the flat records (every value a string, number or null) in batches
# by the C encoder, whose item separator is set to the newline and indent the pretty form puts between the
# keys of a record at that depth. test_report_json checks the result against json.dumps(report_dict(index)).

_BATCH = 2000  # records per piece: large enough to keep per-call overhead low, small enough to stay a few MB
_PRETTY = {"indent": 2, "ensure_ascii": False, "allow_nan": False}
_FLAT_ITEM = ",\n      "  # between two keys of a record inside a top-level list (depth 2)
_FLAT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(_FLAT_ITEM, ": "))


def _flat_records(records: list[dict]) -> str:
    """Records (flat dicts, not empty) as they appear, comma-separated, inside a top-level list of the report."""
    text = _FLAT.encode(records)  # '[{"k": v,\n      "k": v},\n      {...}]'
    # A record boundary is the only place where "}" + separator + "{" occurs: JSON strings hold no raw newline,
    # and inside a record every value is a scalar, so no item there starts with "{".
    body = text[2:-2].replace("}" + _FLAT_ITEM + "{", "\n    },\n    {\n      ")
    return "    {\n      " + body + "\n    }"


def _value(value) -> str:
    """Any value as the pretty form writes it as the value of a key of a record in a top-level list."""
    return json.dumps(value, **_PRETTY).replace("\n", "\n      ")


class _EncodedText(dict):
    """A value -> its JSON text, kept for str values (ids, relations, kinds and reasons repeat from finding to
    finding); a str enum is kept under its plain text, which json writes for it anyway.

    A value of another type is encoded each time and not kept (none equals a kept str).
    """

    def __missing__(self, value):
        text = _value(value)
        if isinstance(value, str):  # a str enum (a finding's kind) is kept as its plain text
            self[str.__str__(value)] = text
        return text


def _finding_records(findings: list, text: _EncodedText) -> str:
    """Findings as finding_record() would give them to _flat_records, written directly (the most numerous
    records: no dict per finding); `text` is shared by every batch. test_report_json checks the result
    against json.dumps."""
    out = []
    last_key = None
    head = ""
    others: dict = {}  # the other sentence's two keys repeat for every sentence judged against it
    for f in findings:
        key = (f.event, f.source, f.sentence_id)
        if key != last_key:  # findings come grouped by sentence
            last_key = key
            sentence_id = f.sentence_id
            head = (
                '    {\n      "event": ' + text[f.event]
                + ',\n      "source": ' + text[f.source]
                + ',\n      "sentence_id": ' + (str(sentence_id) if type(sentence_id) is int else _value(sentence_id))
                + ',\n      "other_source": '
            )
        other_key = (f.other_source, f.other_sentence_id)
        middle = others.get(other_key)
        if middle is None:
            other_id = f.other_sentence_id
            middle = others[other_key] = (
                text[f.other_source]
                + ',\n      "other_sentence_id": '
                + (str(other_id) if type(other_id) is int else "null" if other_id is None else _value(other_id))
                + ',\n      "relation": '
            )
        score = clean_score(f.score)
        out.append(
            head
            + middle
            + text[relation_value(f.relation)]
            + ',\n      "kind": ' + text[f.kind]
            + ',\n      "score": ' + ("null" if score is None else float.__repr__(score))
            + ',\n      "reason": ' + text[f.reason]
            + "\n    }"
        )
    return ",\n".join(out)


def _pretty_records(records: list) -> str:
    """Any records, each pretty-printed and indented to depth 2 (JSON text has no raw newline to misplace)."""
    return ",\n".join("    " + json.dumps(r, **_PRETTY).replace("\n", "\n    ") for r in records)


def _list(records: Iterable, encode) -> Iterator[str]:
    """A top-level list of the report, in pieces: '[', batches of records, ']' ('[]' when empty)."""
    first = True
    batch: list = []
    for record in records:
        batch.append(record)
        if len(batch) == _BATCH:
            yield ("[\n" if first else ",\n") + encode(batch)
            first, batch = False, []
    if batch:
        yield ("[\n" if first else ",\n") + encode(batch)
        first = False
    yield "[]" if first else "\n  ]"


def json_chunks(index: ResultIndex) -> Iterator[str]:
    """report.json in pieces, in order; joined they equal json.dumps(report_dict(index), indent=2, ...) + newline."""
    c = index.result
    events = index.event_of
    yield '{\n  "sources": '
    yield from _list((source_record(s, events.get(s.id)) for s in c.sources), _flat_records)
    yield ',\n  "events": '
    yield from _list((event_record(e) for e in c.events), _pretty_records)
    yield ',\n  "sentences": '
    yield from _list((sentence_record(s) for s in ordered_sentences(c)), _flat_records)
    yield ',\n  "dropped": '
    yield from _list((dropped_record(d) for d in ordered_dropped(c)), _flat_records)
    yield ',\n  "findings": '
    text = _EncodedText()
    yield from _list(index.findings, lambda batch: _finding_records(batch, text))
    yield ',\n  "copies": ' + json.dumps(index.copies, **_PRETTY).replace("\n", "\n  ")
    yield "\n}\n"
