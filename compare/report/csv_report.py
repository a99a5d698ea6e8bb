"""findings.csv, claims.csv and facts.csv, safe to open in a spreadsheet.

CSV injection (OWASP): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (also after
leading spaces, which some spreadsheets skip) would be read as a formula, so it is prefixed with a single
quote. Only text is neutralised: offsets, ids and scores are written from Python numbers and stay numbers
(a score of -0.5 is data, not a formula, and quoting it would break sums). Every cell is written by the csv
module, which quotes separators, quotes and line breaks. Lines end with CRLF as RFC 4180 says (with a bare
"\n" terminator the csv module would leave a lone "\r" inside a cell unquoted, splitting the row for most
readers); the file is UTF-8.

Two things a spreadsheet or a terminal would act on are changed in text cells (report.json keeps the text
exact): control characters and bidirectional overrides are written as \\xNN / \\uNNNN (compare.printable; tabs
and line feeds stay), and a cell over Excel's limit of 32,767 characters, which Excel would split across rows,
is cut to fit and ends in CUT_MARK, which says how long the whole text is. The sentence and fact cells' offsets
still point at the whole text in the source.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain

from compare.claims import Claim
from compare.index import ResultIndex, clean_score, relation_value
from compare.printable import printable
from compare.views import CLAIM_META_COLUMNS, FACTS_COLUMNS, FINDINGS_COLUMNS, fact_rows

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value made safe for spreadsheets: control characters escaped, text that could start a formula
    given a leading `'`, and a text too long for a cell cut (fit_cell).

    None becomes an empty cell; ints and finite floats are returned unchanged (they are numbers, not formulas).
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else ""
    text = printable(value, keep_layout=True)
    if text.startswith(_FORMULA_STARTS) or text.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + fit_cell(text, CELL_LIMIT - 1)
    return fit_cell(text)


# The most characters an Excel cell holds (UTF-16 code units, as Excel counts them); a longer cell is split across
# rows when the file is opened.
CELL_LIMIT = 32_767
CUT_MARK = " …[cut at {kept:,} of {total:,} characters; the JSON output holds the whole text]"


def fit_cell(text: str, limit: int = CELL_LIMIT) -> str:
    """`text`, or, when it is over `limit` characters, its start followed by CUT_MARK, `limit` in all."""
    if len(text) <= limit // 2:  # at most two code units a character: fits, whatever the characters
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    total = len(units) // 2
    if total <= limit:
        return text
    kept = limit - len(CUT_MARK.format(kept=limit, total=total))  # no shorter than the mark it gets
    # a character cut in half (the second half of a surrogate pair missing) is left out whole
    start = units[: 2 * kept].decode("utf-16-le", "ignore")
    return start + CUT_MARK.format(kept=len(start.encode("utf-16-le")) // 2, total=total)


def render_rows(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """A CSV document (header + rows) with every cell neutralised, header included."""
    return "".join(rows_chunks(header, rows))


_BATCH = 5000  # rows per piece written
_PIECE_CHARS = 1 << 20  # claims.csv: characters per piece written


def _csv_batches(rows: Iterable[Sequence]) -> Iterator[str]:
    """Rows (cells already neutralised) as CSV text, a batch of rows per piece."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            writer.writerows(batch)
            batch = []
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    writer.writerows(batch)
    yield buffer.getvalue()


def rows_chunks(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """render_rows in pieces, for writing as it goes."""
    yield from _csv_batches(
        chain(([neutralise(h) for h in header],), ([neutralise(v) for v in row] for row in rows))
    )


def findings_csv_chunks(index: ResultIndex) -> Iterator[str]:
    """findings.csv in pieces, in order (see render_findings_csv).

    The file is what csv.writer writes for the neutralised rows, built faster: ids, relations, reasons and
    sentences repeat from row to row (a sentence is in a row per other source, as its own and as the other
    sentence), so each distinct text cell is neutralised and CSV-encoded once, by the csv module itself, and a
    row is its encoded cells joined. Numbers are written as the csv module writes them (str of the number).
    """
    field = _EncodedCells()
    sentences = {key: (field[s.text], _number(s.start), _number(s.end)) for key, s in index.sentences.items()}
    missing = ("", "", "")
    yield "".join(_csv_batches(([neutralise(h) for h in FINDINGS_COLUMNS],)))
    rows: list[str] = []
    # Findings come grouped by sentence (report order), so a row's first six cells are those of the row before
    # it most of the time; the other sentence's three cells are kept per sentence.
    last_key = None
    head = ""
    others: dict = {}
    for f in index.findings:
        key = (f.event, f.source, f.sentence_id)
        if key != last_key:
            last_key = key
            own = sentences.get((f.source, f.sentence_id), missing)
            sentence_id = f.sentence_id
            head = ",".join(
                (
                    field[f.event],
                    field[f.source],
                    str(sentence_id) if type(sentence_id) is int else _number(sentence_id),
                    *own,
                    "",
                )
            )
        other_key = (f.other_source, f.other_sentence_id)
        middle = others.get(other_key)
        if middle is None:
            other_id = f.other_sentence_id
            other = missing if other_id is None else sentences.get(other_key, missing)
            middle = others[other_key] = ",".join(
                (
                    field[f.other_source],
                    str(other_id) if type(other_id) is int else _number(other_id),
                    other[0],
                    "",
                )
            )
        score = clean_score(f.score)
        rows.append(
            head
            + middle
            + field[relation_value(f.relation)]
            + ","
            + field[f.kind]
            + (",," if score is None else "," + repr(score) + ",")  # a float as csv.writer writes it
            + field[f.reason]
        )
        if len(rows) == _BATCH:
            rows.append("")
            yield "\r\n".join(rows)
            rows = []
    if rows:
        rows.append("")
        yield "\r\n".join(rows)


def _encode_cell(value) -> str:
    """A cell's text in the file: neutralised, then written by csv.writer (one row of the cell and an empty
    one, with the "," and the line end cut off)."""
    return "".join(_csv_batches(([neutralise(value), ""],)))[:-3]


def _number(value) -> str:
    """An id or offset cell (an int, or None: empty); csv.writer writes an int as str() gives it."""
    return str(value) if type(value) is int else _encode_cell(value)


class _EncodedCells(dict):
    """A text cell's value -> its text in the file, encoded on first use.

    Only str values are kept (the text fields of the model; a str enum, such as a finding's kind, under its
    plain text, which is what it writes). A value of another type is encoded each time and not kept (none of
    them equals a kept str).
    """

    def __missing__(self, value):
        text = _encode_cell(value)
        if isinstance(value, str):  # a str enum (a finding's kind) is kept as its plain text
            self[str.__str__(value)] = text
        return text


def render_findings_csv(index: ResultIndex) -> str:
    """findings.csv: event, source, sentence_id, sentence, start, end, other_source, other_sentence_id,
    other_sentence, relation, kind, score, reason — one row per finding, in report order."""
    return "".join(findings_csv_chunks(index))


def facts_csv_chunks(index: ResultIndex) -> Iterator[str]:
    """facts.csv in pieces: one row per fact a source states (compare.views.fact_rows), with its event, kind,
    subject, the status of its fact-sheet row, sentence id and offsets, the fact as written and its value."""
    yield "".join(_csv_batches(([neutralise(h) for h in FACTS_COLUMNS],)))
    yield from _csv_batches([neutralise(row[col]) for col in FACTS_COLUMNS] for row in fact_rows(index))


def render_facts_csv(index: ResultIndex) -> str:
    return "".join(facts_csv_chunks(index))


def claims_csv_chunks(index: ResultIndex, claims: dict[str, list[Claim]]) -> Iterator[str]:
    """claims.csv in pieces, in order (see render_claims_csv); `claims` are the result's, by event
    (compare.claims.claims_by_event).

    A row has a column per source of the whole comparison but cells only for its event's sources, so a row is
    written as its meta cells, then each event cell after the run of empty cells before it: the cost follows
    the event, not the comparison. The result is what csv.writer gives for the full row.
    """
    source_ids = [s.id for s in index.result.sources]
    labels = [index.label(s) for s in source_ids]  # "Outlet (id)", as every report names a source
    yield "".join(_csv_batches(([neutralise(h) for h in (*CLAIM_META_COLUMNS, *labels)],)))
    column = {}
    for i, source_id in enumerate(source_ids):
        column.setdefault(source_id, i)  # as dict(claim.cells) lookups do: the first column of an id gets it
    repeats = len(column) != len(source_ids)
    encoded: dict = {}  # a cell's value -> its CSV text, ready to join (the cells are the few Cell values)

    def one_cell(value) -> str:
        text = encoded.get(value)
        if text is None:
            text = encoded[value] = "".join(_csv_batches(([neutralise(value), ""],)))[:-3]  # drop ',\r\n'
        return text

    buffer: list[str] = []
    size = 0
    meta = io.StringIO()
    # The same terminator as the file's: the csv module quotes a cell that contains a terminator character.
    meta_writer = csv.writer(meta, lineterminator="\r\n")
    width = len(source_ids)
    for claim in chain.from_iterable(claims.values()):
        meta.seek(0)
        meta.truncate()
        meta_writer.writerow(
            [neutralise(v) for v in (claim.event, claim.number, str(claim.kind), claim.text, claim.sentence_refs())]
        )
        cells = dict(claim.cells)
        if repeats:  # an id listed twice in the comparison: every column of it carries the cell
            placed = sorted((i, str(cells[s])) for i, s in enumerate(source_ids) if s in cells)
        else:
            placed = sorted((column[s], str(v)) for s, v in cells.items() if s in column)
        parts = [meta.getvalue()[:-2]]
        previous = -1
        for i, value in placed:
            parts.append("," * (i - previous))
            parts.append(one_cell(value))
            previous = i
        parts.append("," * (width - 1 - previous))
        parts.append("\r\n")
        row = "".join(parts)
        buffer.append(row)
        size += len(row)
        # A row is as wide as the comparison has sources (10,000 sources: 10 kB of commas), so pieces are cut
        # by size, not by a count of rows.
        if size >= _PIECE_CHARS:
            yield "".join(buffer)
            buffer, size = [], 0
    yield "".join(buffer)


def render_claims_csv(index: ResultIndex, claims: dict[str, list[Claim]]) -> str:
    """claims.csv: event, claim, kind, text, then one column per source (the claim matrix, every event), headed
    by the source's label ("Outlet (id)" when its outlet is known, else the id: ResultIndex.label).

    A source outside the claim's event has an empty cell.
    """
    return "".join(claims_csv_chunks(index, claims))
