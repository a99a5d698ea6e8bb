"""What `crosscheck report` and `crosscheck diff` print: compact tables, coloured only when asked.

Colour is ANSI and only when `color=True` (the CLI passes True when stdout is a terminal). Machine formats
(csv, json) never carry colour. Control characters from source text are shown as escapes, so an article cannot
drive the terminal.
"""

from __future__ import annotations

import json
import textwrap

from tabulate import tabulate

from compare.index import ResultIndex
from compare.models import SourceNotFound
from compare.printable import json_printable, printable
from compare.report.csv_report import render_rows
from compare.report.markdown import md_escape
from compare.views import FINDINGS_COLUMNS, finding_rows, summary_rows

DIFF_FORMATS = ("table", "csv", "json", "md")

_ANSI = {
    "agree": "\x1b[32m",
    "partial": "\x1b[36m",
    "contradict": "\x1b[1;31m",
    "omitted": "\x1b[2m",
    "bold": "\x1b[1m",
}
_RESET = "\x1b[0m"

# Column widths for wrapped text when no terminal width is given (output piped to a file): fixed, so that output
# is the same everywhere; the diff table then fits in about 140 columns.
_SENTENCE_WIDTH = 36
_REASON_WIDTH = 30
# What the diff table's other columns and gaps take (numbers, relation, score; two spaces between columns), and
# the narrowest a wrapped column may get on a small terminal.
_FIXED_COLUMNS = 42
_MIN_TEXT_WIDTH = 12
# The table shows at most three wrapped lines of a sentence or a reason, so a row stays short; csv, json and md
# carry them whole.


def safe_text(text) -> str:
    """Text with control characters (ANSI escapes, line breaks, bidi overrides) escaped, never sent to the terminal."""
    return "" if text is None else printable(text)


def _paint(text: str, style: str, color: bool) -> str:
    return f"{_ANSI[style]}{text}{_RESET}" if color and style in _ANSI else text


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_summary(index: ResultIndex, *, color: bool) -> str:
    """One row per event: id, date, place, sources, sentences, and counts by relation."""
    rows = []
    for r in summary_rows(index):
        counts = [
            _paint(str(r[rel]), rel, color) if r[rel] and rel == "contradict" else str(r[rel])
            for rel in ("agree", "partial", "contradict", "omitted")
        ]
        rows.append(
            [
                safe_text(r["event"]),
                safe_text(r["date"] or "?"),
                safe_text(r["place"] or "?"),
                safe_text(", ".join(index.label(sid) for sid in r["sources"])),
                str(r["sentences"]),
                *counts,
            ]
        )
    headers = ["event", "date", "place", "sources", "sentences", "agree", "partial", "contradict", "omitted"]
    if color:
        headers = [_paint(h, "bold", True) for h in headers]
    table = tabulate(
        rows,
        headers=headers,
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=[None, None, 16, 44, None, None, None, None, None],
    )
    copies = index.copies
    if copies:  # set aside before comparing: said here too, not only in the reports
        noun = "copy" if len(copies) == 1 else "copies"
        table += (f"\n{len(copies)} syndicated {noun} of another source set aside, not compared "
                  "(report.md and report.json list them)")
    return table + "\n"


def render_events(sources, events) -> str:
    """How sources group into events: one row per source, grouped by event, with what dated and placed it."""
    by_id = {s.id: s for s in sources}
    rows = []
    for event in events:
        for i, source_id in enumerate(event.sources):
            source = by_id.get(source_id)
            rows.append(
                [
                    safe_text(event.id) if i == 0 else "",
                    safe_text(event.date or "?") if i == 0 else "",
                    safe_text(event.place or "?") if i == 0 else "",
                    safe_text(source_id),
                    safe_text(source.published if source and source.published else ""),
                    safe_text(source.title if source and source.title else ""),
                ]
            )
    table = tabulate(
        rows,
        headers=["event", "date", "place", "source", "published", "title"],
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=[None, None, 16, None, None, 60],
    )
    grouped = sum(len(e.sources) for e in events)
    summary = f"{grouped} source{'s' if grouped != 1 else ''} in {len(events)} event{'s' if len(events) != 1 else ''}"
    return table + "\n\n" + summary + "\n"


def render_explanations(members, separations) -> str:
    """`events --explain`: a line per source saying why it is in its event (compare.events.MemberReason), then a
    line per pair of close events saying what kept them apart (Separation); ids, names and terms escaped."""
    lines = [f"{member.event}  {member.source}: " + (
        f"event fixed by the manifest ({member.fixed_by}); " if member.fixed_by else "") + (
        f"strongest link {member.linked_to} ({member.score:.2f}); names {', '.join(member.shared_names) or '-'}; "
        f"terms {', '.join(member.shared_terms) or '-'}; {member.date}; {member.place}"
        if member.linked_to else "no other member matches its wording" if member.fixed_by
        else "alone: no other source matches it") for member in members]
    lines += [f"{apart.event} vs {apart.other} (linkage {apart.linkage:.3f}): {'; '.join(apart.reasons) or '-'}"
              for apart in separations]
    return "".join(f"{safe_text(line)}\n" for line in lines)


def _diff_rows(index: ResultIndex, a_id: str, b_id: str) -> list[dict]:
    """A's findings against B, then B's sentences that A omits (what only B says) and B's contradictions of A that
    A's own findings do not show (a fact-sheet conflict is one finding, which may stand on B's side)."""
    rows = finding_rows(index)
    forward = [r for r in rows if r["source"] == a_id and r["other_source"] == b_id]
    shown = {(r["sentence_id"], r["other_sentence_id"]) for r in forward if r["relation"] == "contradict"}
    from_b = [
        r for r in rows if r["source"] == b_id and r["other_source"] == a_id
        and (r["relation"] == "omitted"
             or r["relation"] == "contradict" and (r["other_sentence_id"], r["sentence_id"]) not in shown)
    ]
    return forward + from_b


# The table's width when the output is not a terminal (a pipe, a file): the same layout everywhere.
DEFAULT_WIDTH = 100
# Rows other than contradictions show at most this many lines of each text unless the whole is asked for.
SHORT_LINES = 3


def text_widths(width: int | None) -> tuple[int, int]:
    """(sentence, reason) column widths for a table `width` columns wide (DEFAULT_WIDTH when None)."""
    if width is None:
        width = DEFAULT_WIDTH
    room = max(width - _FIXED_COLUMNS, 3 * _MIN_TEXT_WIDTH)
    total = 2 * _SENTENCE_WIDTH + _REASON_WIDTH
    sentence = max(_MIN_TEXT_WIDTH, room * _SENTENCE_WIDTH // total)
    return sentence, max(_MIN_TEXT_WIDTH, room - 2 * sentence)


def render_diff(index: ResultIndex, a_id: str, b_id: str, *, fmt: str, color: bool, width: int | None = None,
                full: bool = False) -> str:
    """The findings of source A against source B (and B's sentences that A lacks) as table, csv, json or md.

    The table opens with the tally, then wraps its text columns to `width` (the terminal's; DEFAULT_WIDTH when
    None). A contradiction's two sentences and its reason are always shown whole: they are the evidence. Other
    rows show SHORT_LINES lines of each text, or everything with `full`."""
    sources = index.sources
    for sid in (a_id, b_id):
        if sid not in sources:
            known = ", ".join(sorted(sources)) or "none"
            raise SourceNotFound(f"{sid}: not a source of this comparison; pass one of: {known}")
    if fmt not in DIFF_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of: {', '.join(DIFF_FORMATS)}")
    rows = _diff_rows(index, a_id, b_id)
    if fmt == "csv":
        return render_rows(FINDINGS_COLUMNS, ([r[col] for col in FINDINGS_COLUMNS] for r in rows))
    if fmt == "json":
        return json_printable(json.dumps(rows, indent=2, ensure_ascii=False, allow_nan=False)) + "\n"

    events = index.event_of
    same_event = events.get(a_id) is not None and events.get(a_id) == events.get(b_id)
    view = []
    for r in rows:
        forward = r["source"] == a_id
        if forward:
            a_side = (r["sentence_id"], r["sentence"])
        else:  # B's row: the A sentence it contradicts, if any
            a_side = (r["other_sentence_id"], r["other_sentence"])
        if forward:
            b_side = (r["other_sentence_id"], r["other_sentence"])
        else:
            b_side = (r["sentence_id"], r["sentence"])
        view.append((a_side, r["relation"], b_side, r["score"], r["reason"]))

    def num(value) -> str:
        return "" if value is None else str(value)

    def score(value) -> str:
        return "" if value is None else f"{value:.2f}"

    if fmt == "md":
        lines = [f"**A** = {md_escape(index.label(a_id))}, **B** = {md_escape(index.label(b_id))}", ""]
        if not same_event:
            lines += ["A and B are in different events: nothing was compared.", ""]
        lines.append(
            tabulate(
                [
                    [num(a[0]), md_escape(a[1]), rel, num(b[0]), md_escape(b[1]), score(s), md_escape(why)]
                    for a, rel, b, s, why in view
                ],
                headers=["A #", "A sentence", "relation", "B #", "B sentence", "score", "reason"],
                tablefmt="github",
                disable_numparse=True,
            )
        )
        return "\n".join(lines) + "\n"

    sentence_width, reason_width = text_widths(width)
    title = f"A = {safe_text(index.label(a_id))}   B = {safe_text(index.label(b_id))}"
    head = [_paint(title, "bold", color)]
    if not same_event:
        head.append("A and B are in different events: nothing was compared.")
    counts = {}
    for _, rel, _, _, _ in view:
        counts[rel] = counts.get(rel, 0) + 1
    tally = ", ".join(f"{counts[r]} {r}" for r in ("agree", "partial", "contradict", "omitted") if r in counts)

    def cell(text, column_width: int, relation: str) -> str:
        text = safe_text(text)
        whole = full or relation == "contradict"
        return text if whole else _shorten(text, SHORT_LINES * column_width)

    table = tabulate(
        [
            [
                num(a[0]),
                cell(a[1], sentence_width, rel),
                _paint(rel, rel, color),
                num(b[0]),
                cell(b[1], sentence_width, rel),
                score(s),
                cell(why, reason_width, rel),
            ]
            for a, rel, b, s, why in view
        ],
        headers=["A#", "A sentence", "relation", "B#", "B sentence", "score", "reason"],
        tablefmt="simple",
        disable_numparse=True,
        maxcolwidths=[None, sentence_width, None, None, sentence_width, None, reason_width],
    )
    evidence = _contradiction_blocks(view, width or DEFAULT_WIDTH)
    return "\n".join([*head, tally or "no findings", "", table, *evidence]) + "\n"


def _contradiction_blocks(view, width: int) -> list[str]:
    """Each contradiction again under the table, its sentences and reason whole and wrapped to the full width:
    the evidence, readable (and searchable) line by line."""
    lines: list[str] = []
    for a, relation, b, _score, why in view:
        if relation != "contradict":
            continue
        lines += ["", f"contradiction: A#{a[0]} against B#{b[0]}"]
        for label, text in (("A", a[1]), ("B", b[1]), ("why", why)):
            lines += textwrap.wrap(safe_text(text or ""), width=width, initial_indent=f"  {label}: ",
                                   subsequent_indent=" " * (len(label) + 4), break_on_hyphens=False)
    return lines
