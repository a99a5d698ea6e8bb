"""report.md: the report as Markdown that reads well on a code-hosting site.

A summary table of the events, then per event: its fact sheet, its sources, the claim matrix, each contradiction with both
sentences and the reason, and what each source alone reports. Tables are built with tabulate (GitHub
flavour); source text is escaped so that it cannot become markup, links or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tabulate import tabulate

from compare.claims import Cell, Claim, Kind
from compare.index import ResultIndex
from compare.printable import printable
from compare.views import fact_sheet_table, summary_rows

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])")

CELL_MARKS = {
    Cell.ASSERTED: "✅ asserted",
    Cell.PARTIAL: "🟩 partial",
    Cell.CONTRADICTED: "❌ contradicted",
    Cell.HEDGED: "🟨 hedged",
    Cell.NOT_MENTIONED: "· not mentioned",
}


def md_escape(text) -> str:
    """Text made inert in Markdown: punctuation that makes markup backslash-escaped, one line, no pipes, and
    characters that could drive a terminal (`diff --format md` prints to one) shown as \\xNN."""
    if text is None:
        return ""
    flat = printable(" ".join(str(text).split()))
    flat = _MD_SPECIAL.sub(r"\\\1", flat)
    return _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), flat)


def _table(rows, headers) -> str:
    return tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True)


def render_markdown(index: ResultIndex, claims: dict[str, list[Claim]]) -> str:
    """report.md as a string (deterministic, trailing newline)."""
    return "".join(markdown_chunks(index, claims))


def markdown_chunks(index: ResultIndex, claims: dict[str, list[Claim]]) -> Iterator[str]:
    """report.md in pieces: the summary, then one piece per event (lines joined by newlines); `claims` are the
    result's, by event (compare.claims.claims_by_event)."""
    c = index.result
    sources = index.sources
    sentences = index.sentences
    out: list[str] = ["# crosscheck report", ""]
    out.append(
        f"{len(c.sources)} source{'s' if len(c.sources) != 1 else ''}, "
        f"{len(c.events)} event{'s' if len(c.events) != 1 else ''}. "
        "Pairs count sentence pairs; omitted counts sentences missing from another source."
    )
    out.append("")
    out.append("## Summary")
    out.append("")
    summary = summary_rows(index)
    out.append(
        _table(
            [
                [
                    f"[{md_escape(r['event'])}](#event-{i})",
                    md_escape(r["date"] or "?"),
                    md_escape(r["place"] or "?"),
                    ", ".join(md_escape(index.label(s)) for s in r["sources"]),
                    r["sentences"],
                    r["agree"],
                    r["partial"],
                    r["contradict"],
                    r["omitted"],
                ]
                for i, r in enumerate(summary, start=1)
            ],
            ["event", "date", "place", "sources", "sentences", "agree", "partial", "contradict", "omitted"],
        )
    )
    for warning in c.warnings:
        out += ["", f"> **Warning:** {md_escape(warning)}"]
    copies = index.copies
    if copies:
        out += ["", "## Syndicated copies", ""]
        out.append("Near-identical texts count once: each copy stands for its origin.")
        out.append("")
        out += [f"- {md_escape(copy)} is a copy of {md_escape(origin)}" for copy, origin in copies.items()]

    yield "\n".join(out)
    for i, event in enumerate(index.display_events, start=1):
        # Each event's lines follow the previous ones after a newline (the document is its lines joined).
        out = ["", f'<a id="event-{i}"></a>', "", f"## Event {md_escape(event.id)}"]
        facts = ", ".join(md_escape(x) for x in (event.date, event.place) if x)
        if facts:
            out += ["", facts]
        out += _fact_sheet(index, event)
        out += ["", "### Sources", ""]
        out.append(
            _table(
                [
                    [
                        md_escape(sid) + (f" (copy of {md_escape(copies[sid])})" if sid in copies else ""),
                        md_escape(sources[sid].title if sid in sources else ""),
                        md_escape(sources[sid].outlet if sid in sources else ""),
                        md_escape(sources[sid].published if sid in sources else ""),
                        md_escape(sources[sid].place if sid in sources else ""),
                    ]
                    for sid in event.sources
                ],
                ["source", "title", "outlet", "published", "place"],
            )
        )
        if len(event.sources) < 2:
            out += ["", "Only one source reports this event: there is nothing to compare it with."]
            yield "\n" + "\n".join(out)
            continue
        event_claims = claims[event.id]
        out += ["", "### Claim matrix", ""]
        out.append(
            "Contradictions first, then the claims most sources leave out. "
            "Cells: asserted, partial (part of the claim, or more), contradicted, hedged, not mentioned."
        )
        out.append("")
        out.append(
            _table(
                [
                    [claim.number, md_escape(_shorten(claim.text, 120))]
                    + [CELL_MARKS[cell] for _, cell in claim.cells]
                    for claim in event_claims
                ],
                ["#", "claim", *[md_escape(index.label(s)) for s in event.sources]],
            )
        )
        contradictions = [f for claim in event_claims for f in claim.contradictions]
        out += ["", f"### Contradictions ({len(contradictions)})", ""]
        if not contradictions:
            out.append("None found.")
        for n, f in enumerate(contradictions, start=1):
            own = sentences.get((f.source, f.sentence_id))
            other = sentences.get((f.other_source, f.other_sentence_id))
            out.append(f"{n}. **{md_escape(index.label(f.source))}** sentence {f.sentence_id} ({_span(own)}):")
            out.append(f"   > {md_escape(own.text if own else '')}")
            out.append("")
            out.append(f"   **{md_escape(index.label(f.other_source))}** sentence {f.other_sentence_id} ({_span(other)}):")
            out.append(f"   > {md_escape(other.text if other else '')}")
            out.append("")
            out.append(f"   *Why:* {md_escape(f.reason)}")
            out.append("")
        out += ["### Reported by one source only", ""]
        singles = [claim for claim in event_claims if claim.kind == Kind.SINGLE]
        if not singles:
            out.append("Every claim is reported by at least two sources.")
        for source_id in event.sources:
            mine = [claim for claim in singles if claim.sentences[0][0] == source_id]
            if not mine:
                continue
            out += [f"**{md_escape(index.label(source_id))}** ({len(mine)}):", ""]
            for claim in mine:
                sentence = sentences[claim.sentences[0]]
                out.append(f"- {md_escape(sentence.text)} *(sentence {sentence.id}, {_span(sentence)})*")
            out.append("")
        while out and out[-1] == "":
            out.pop()
        yield "\n" + "\n".join(out)
    yield "\n"


def _fact_sheet(index: ResultIndex, event) -> list[str]:
    """The event's fact sheet as lines: a table of what / each source's facts as written / status, conflicts
    first; nothing when no source states a fact."""
    rows = fact_sheet_table(index, event)
    if not rows:
        return []
    lines = ["", "### Fact sheet", ""]
    lines.append(
        "The facts each source states about the meeting, whatever sentence carries them: conflict (they cannot "
        "all be true), differ (they differ but can all be true), agree, single (one source only)."
    )
    lines.append("")
    lines.append(
        _table(
            [
                [md_escape(row["what"]), *["; ".join(md_escape(text) for text in cell) for _, cell in row["cells"]],
                 row["status"]]
                for row in rows
            ],
            ["what", *[md_escape(index.label(s)) for s in event.sources], "status"],
        )
    )
    return lines


def _span(sentence) -> str:
    return f"chars {sentence.start}–{sentence.end}" if sentence else "chars ?"


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
