"""report.html: one self-contained page an analyst opens first.

Per event: the sources, counts by relation, the claim matrix as a coloured grid, each contradiction side by
side with the words that differ highlighted, what each source alone reports, and the full alignment. Every
sentence shows its character offsets and has an anchor other sections link to.

Self-contained and safe: inline CSS and a little inline JavaScript (filtering; the page works fully without
it), nothing loaded from anywhere, and a Content-Security-Policy that allows only those two inline blocks (by
hash), so even markup that slipped through could not load or run anything. All source text and metadata go
through Jinja2's autoescaping; URLs are shown as text, never as links.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from compare.models import Comparison
from compare.report.claims import Cell, Kind, claims_by_event
from compare.report.json_report import copies_of
from compare.report.tables import (
    RELATIONS,
    clean_score,
    display_events,
    findings_by_event,
    ordered_dropped,
    ordered_findings,
    relation_counts,
    relation_value,
    sentence_by_key,
    source_by_id,
)

TEMPLATES = Path(__file__).parent / "templates"
_WORD_CHARS = re.compile(r"[^\w%$€£¥.-]+")

CSS = (TEMPLATES / "report.css").read_text(encoding="utf-8")
JS = (TEMPLATES / "report.js").read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy() -> str:
    """Nothing may load; only the page's own style and script blocks may apply."""
    return (
        f"default-src 'none'; style-src {_csp_hash(CSS)}; script-src {_csp_hash(JS)}; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def word_diff(a: str, b: str) -> tuple[list[tuple[str, bool]], list[tuple[str, bool]]]:
    """Word-level diff of two sentences: (segments of a, segments of b), each (text, differs).

    Words are compared case-insensitively without surrounding punctuation, so "Saturday," matches "saturday".
    """
    words_a, words_b = a.split(), b.split()

    def norm(word: str) -> str:
        return _WORD_CHARS.sub("", word.lower()).strip(".-") or word

    matcher = difflib.SequenceMatcher(None, [norm(w) for w in words_a], [norm(w) for w in words_b], autojunk=False)
    side_a: list[tuple[str, bool]] = []
    side_b: list[tuple[str, bool]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            side_a.append((" ".join(words_a[i1:i2]), tag != "equal"))
        if j2 > j1:
            side_b.append((" ".join(words_b[j1:j2]), tag != "equal"))
    return side_a, side_b


def _context(c: Comparison) -> dict:
    sources = source_by_id(c)
    source_index = {s.id: i for i, s in enumerate(c.sources, start=1)}
    sentences = sentence_by_key(c)

    def anchor(source_id: str, sentence_id) -> str:
        return f"s{source_index.get(source_id, 0)}-{sentence_id}"

    def sentence_view(source_id: str, sentence_id) -> dict:
        s = sentences.get((source_id, sentence_id))
        return {
            "source": source_id,
            "id": sentence_id,
            "anchor": anchor(source_id, sentence_id),
            "start": s.start if s else None,
            "end": s.end if s else None,
            "text": s.text if s else "",
        }

    findings_by_sentence: dict[tuple[str, int], dict[str, object]] = {}
    for f in ordered_findings(c):
        findings_by_sentence.setdefault((f.source, f.sentence_id), {})[f.other_source] = f
    keys_by_source: dict[str, list[tuple[str, int]]] = {}
    for key in sorted(sentences, key=lambda key: key[1]):
        keys_by_source.setdefault(key[0], []).append(key)
    grouped = findings_by_event(c)
    event_claims = claims_by_event(c)
    copies = copies_of(c)
    placed = {source_id for event in c.events for source_id in event.sources}
    dropped: dict[str, list] = {}
    for d in ordered_dropped(c):
        dropped.setdefault(d.source, []).append(d)

    events = []
    for number, event in enumerate(display_events(c), start=1):
        members = list(event.sources)
        event_sources = []
        for sid in members:
            src = sources.get(sid)
            event_sources.append(
                {
                    "id": sid,
                    "anchor": f"src-{source_index.get(sid, 0)}",
                    "title": src.title if src else None,
                    "outlet": src.outlet if src else None,
                    "published": src.published if src else None,
                    "place": src.place if src else None,
                    "url": src.url if src else None,
                    "path": src.path if src else None,
                    "sentences": len(keys_by_source.get(sid, [])),
                    "copy_of": copies.get(sid),
                    "dropped": [
                        {"start": d.start, "end": d.end, "reason": str(d.reason), "text": d.text}
                        for d in dropped.get(sid, [])
                    ],
                }
            )
        claims = event_claims[event.id] if len(members) > 1 else []
        matrix = []
        for claim in claims:
            by_source: dict[str, list[int]] = {}
            for source_id, sentence_id in claim.sentences:
                by_source.setdefault(source_id, []).append(sentence_id)
            matrix.append(
                {
                    "number": claim.number,
                    "kind": str(claim.kind),
                    "kind_css": claim.kind.name.lower(),
                    "text": claim.text,
                    "cells": [
                        {
                            "source": source_id,
                            "label": str(cell),
                            "css": cell.name.lower(),
                            "refs": [
                                {"anchor": anchor(source_id, sid), "label": f"#{sid}"}
                                for sid in by_source.get(source_id, [])
                            ],
                        }
                        for source_id, cell in claim.cells
                    ],
                }
            )
        contradictions = []
        for claim in claims:
            for f in claim.contradictions:
                a = sentence_view(f.source, f.sentence_id)
                b = sentence_view(f.other_source, f.other_sentence_id)
                a["segments"], b["segments"] = word_diff(a["text"], b["text"])
                contradictions.append(
                    {"claim": claim.number, "a": a, "b": b, "reason": f.reason, "score": _score(f.score)}
                )
        alone = []
        for source_id in members:
            mine = [
                sentence_view(*claim.sentences[0])
                for claim in claims
                if claim.kind == Kind.SINGLE and claim.sentences[0][0] == source_id
            ]
            mine.sort(key=lambda s: s["id"])
            alone.append({"source": source_id, "sentences": mine})
        alignment = []
        for source_id in members:
            others = [m for m in members if m != source_id]
            rows = []
            for key in keys_by_source.get(source_id, []):
                view = sentence_view(*key)
                judged = findings_by_sentence.get(key, {})
                cells = []
                for other in others:
                    f = judged.get(other)
                    if f is None:
                        cells.append({"relation": "", "other": None, "reason": "", "score": None})
                        continue
                    cells.append(
                        {
                            "relation": relation_value(f.relation),
                            "other": None
                            if f.other_sentence_id is None
                            else {"anchor": anchor(other, f.other_sentence_id), "label": f"#{f.other_sentence_id}"},
                            "reason": f.reason,
                            "score": _score(f.score),
                        }
                    )
                view["cells"] = cells
                view["relations"] = " ".join(sorted({cell["relation"] for cell in cells if cell["relation"]}))
                rows.append(view)
            alignment.append({"source": source_id, "others": others, "rows": rows})
        events.append(
            {
                "number": number,
                "anchor": f"event-{number}",
                "id": event.id,
                "date": event.date,
                "place": event.place,
                "sources": event_sources,
                "counts": relation_counts(c, event.id, grouped.get(event.id, [])),
                "matrix": matrix,
                "matrix_sources": members,
                "contradictions": contradictions,
                "alone": alone,
                "alignment": alignment,
            }
        )
    return {
        "events": events,
        "relations": RELATIONS,
        "cells": [{"label": str(cell), "css": cell.name.lower()} for cell in Cell],
        "warnings": list(c.warnings),
        "copies": [{"copy_id": copy, "origin_id": origin} for copy, origin in copies.items()],
        "unplaced": [s.id for s in c.sources if s.id not in placed and s.id not in copies],
        "source_count": len(c.sources),
        "css": CSS,
        "js": JS,
        "csp": content_security_policy(),
    }


def _score(score) -> str:
    value = clean_score(score)
    return "" if value is None else f"{value:.2f}"


def render_html(c: Comparison) -> str:
    """report.html as a string (deterministic, self-contained, all text escaped)."""
    return _environment().get_template("report.html.j2").render(**_context(c))
