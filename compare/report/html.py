"""report.html: one self-contained page an analyst opens first.

Per event: the fact sheet (the typed facts each source states, lined up, conflicts first), the sources, counts
by relation, the claim matrix as a coloured grid, each contradiction side by
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
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from compare.claims import Cell, Claim, Kind
from compare.index import RELATIONS, ResultIndex, clean_score, relation_value
from compare.views import fact_sheet_table

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


def _context(index: ResultIndex, claims: dict[str, list[Claim]]) -> dict:
    """The template's variables. `events` is a generator: each event's view is built when the template reaches
    it and dropped after, so the page streams out event by event instead of being held whole."""
    c = index.result
    placed = {source_id for event in c.events for source_id in event.sources}
    copies = index.copies
    shown = index.display_events
    contents = [
        {
            "anchor": f"event-{number}",
            "id": event.id,
            "date": event.date,
            "place": event.place,
            "source_ids": list(event.sources),
            "source_labels": [index.label(s) for s in event.sources],
            "counts": index.counts[event.id],
        }
        for number, event in enumerate(shown, start=1)
    ]
    return {
        "index": contents,
        "events": _event_views(index, claims, shown),
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


def _event_views(index: ResultIndex, event_claims: dict[str, list[Claim]], shown) -> Iterator[dict]:
    sources = index.sources
    source_index = index.source_index
    sentences = index.sentences
    keys_by_source = index.keys_by_source
    copies = index.copies
    dropped = index.dropped_by_source

    def anchor(source_id: str, sentence_id) -> str:
        return f"s{source_index.get(source_id, 0)}-{sentence_id}"

    def sentence_view(source_id: str, sentence_id) -> dict:
        s = sentences.get((source_id, sentence_id))
        return {
            "source": source_id,
            "outlet": sources[source_id].outlet if source_id in sources else None,
            "id": sentence_id,
            "anchor": anchor(source_id, sentence_id),
            "start": s.start if s else None,
            "end": s.end if s else None,
            "text": s.text if s else "",
        }

    # The last finding in report order of each (sentence, other source) is the one the alignment shows.
    findings_by_sentence: dict[tuple[str, int], dict[str, object]] = {}
    for f in index.findings:
        findings_by_sentence.setdefault((f.source, f.sentence_id), {})[f.other_source] = f

    for number, event in enumerate(shown, start=1):
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
            alone.append({"source": source_id, "outlet": sources[source_id].outlet if source_id in sources else None,
                          "sentences": mine})
        alignment = []
        for source_id in members:
            others = [m for m in members if m != source_id]
            keys = keys_by_source.get(source_id, [])
            alignment.append(
                {
                    "source": source_id,
                    "outlet": sources[source_id].outlet if source_id in sources else None,
                    "others": others,
                    "count": len(keys),
                    "rows_html": Markup(
                        _alignment_rows(keys, others, sentences, findings_by_sentence, anchor)
                    ),
                }
            )
        yield {
            "number": number,
            "anchor": f"event-{number}",
            "id": event.id,
            "date": event.date,
            "place": event.place,
            "sources": event_sources,
            "source_ids": members,
            "source_labels": [index.label(s) for s in members],
            "fact_sheet": fact_sheet_table(index, event),
            "counts": index.counts[event.id],
            "matrix_html": Markup(_matrix_rows(claims, anchor)),
            "contradictions": contradictions,
            "alone": alone,
            "alignment": alignment,
        }


# The two big repetitive tables (a row per claim, a row per sentence with a cell per other source) are built
# with plain string joins: through the template they cost most of the page's time. Every value still goes
# through markupsafe's escape, exactly as the template's autoescaping would do.


def _h(value) -> str:
    """What the template's autoescaping writes for `value`: markupsafe.escape(value), as a plain str.

    The common types are escaped here directly, with markupsafe's own replacements (& first), about twice as
    fast as building a Markup per value; test_report_html checks both agree.
    """
    kind = type(value)
    if kind is str:
        return (
            value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    if kind is int:
        return str(value)
    return str(escape(value))


def _matrix_rows(claims, anchor) -> str:
    """<tr> elements of the claim matrix, one per claim, each ending with a newline."""
    out = []
    for claim in claims:
        by_source: dict[str, list[int]] = {}
        for source_id, sentence_id in claim.sentences:
            by_source.setdefault(source_id, []).append(sentence_id)
        tag = ' <span class="tag">contradiction</span>' if str(claim.kind) == "contradiction" else ""
        cells = []
        for source_id, cell in claim.cells:
            refs = "".join(
                f' <a href="#{_h(anchor(source_id, sid))}">{_h(f"#{sid}")}</a>'
                for sid in by_source.get(source_id, ())
            )
            cells.append(f'<td class="cell cell-{_h(cell.name.lower())}">{_h(str(cell))}{refs}</td>')
        out.append(
            f'<tr class="kind-{_h(claim.kind.name.lower())}"><td class="num">{_h(claim.number)}</td>'
            f'<td class="claim">{_h(claim.text)}{tag}</td>{"".join(cells)}</tr>\n'
        )
    return "".join(out)


def _alignment_rows(keys, others, sentences, findings_by_sentence, anchor) -> str:
    """<tr> elements of one source's full alignment, one per sentence, each ending with a newline."""
    out = []
    empty: dict = {}
    # Links, scores and reasons repeat across a source's rows: each is escaped once.
    links: dict = {}
    scores: dict = {}
    reasons: dict = {}
    relation_cells: dict = {}
    for key in keys:
        source_id, sentence_id = key
        s = sentences.get(key)
        judged = findings_by_sentence.get(key, empty)
        relations = set()
        cells = []
        for other in others:
            f = judged.get(other)
            relation = "" if f is None else relation_value(f.relation)
            if not relation:
                cells.append('<td class="rel-cell"></td>')
                continue
            relations.add(relation)
            head = relation_cells.get(relation)
            if head is None:
                rel = _h(relation)
                head = relation_cells[relation] = f'<td class="rel-cell"><span class="rel rel-{rel}">{rel}</span>'
            other_id = f.other_sentence_id
            if other_id is None:
                link = ""
            else:
                link = links.get((other, other_id))
                if link is None:
                    link = links[(other, other_id)] = (
                        f' <a href="#{_h(anchor(other, other_id))}">{_h(f"#{other_id}")}</a>'
                    )
            shown = scores.get(f.score)
            if shown is None:
                score = _score(f.score)
                shown = scores[f.score] = f' <span class="score">{_h(score)}</span>' if score else ""
            why = reasons.get(f.reason)
            if why is None:
                why = reasons[f.reason] = f'<br><span class="why">{_h(f.reason)}</span></td>'
            cells.append(head + link + shown + why)
        out.append(
            f'<tr id="{_h(anchor(source_id, sentence_id))}" data-relations="{_h(" ".join(sorted(relations)))}">'
            f'<td class="num">{_h(sentence_id)}</td><td>{_h(s.text if s else "")} '
            f'<span class="offsets">chars {_h(s.start if s else None)}–{_h(s.end if s else None)}</span></td>'
            f'{"".join(cells)}</tr>\n'
        )
    return "".join(out)


def _score(score) -> str:
    value = clean_score(score)
    return "" if value is None else f"{value:.2f}"


def html_chunks(index: ResultIndex, claims: dict[str, list[Claim]]) -> Iterator[str]:
    """report.html in pieces, in order (event by event), for writing as it is rendered; `claims` are the
    result's, by event (compare.claims.claims_by_event)."""
    return _environment().get_template("report.html.j2").generate(**_context(index, claims))


def render_html(index: ResultIndex, claims: dict[str, list[Claim]]) -> str:
    """report.html as a string (deterministic, self-contained, all text escaped)."""
    return "".join(html_chunks(index, claims))
