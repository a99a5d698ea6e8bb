"""findings.csv and claims.csv, safe to open in a spreadsheet.

CSV injection (OWASP): a text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return (also after
leading spaces, which some spreadsheets skip) would be read as a formula, so it is prefixed with a single
quote. Only text is neutralised: offsets, ids and scores are written from Python numbers and stay numbers
(a score of -0.5 is data, not a formula, and quoting it would break sums). Every cell is written by the csv
module, which quotes separators, quotes and line breaks. Lines end with CRLF as RFC 4180 says (with a bare
"\n" terminator the csv module would leave a lone "\r" inside a cell unquoted, splitting the row for most
readers); the file is UTF-8.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence

from compare.models import Comparison
from compare.report.tables import FINDINGS_COLUMNS, finding_rows

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value made safe for spreadsheets: text that could start a formula gets a leading `'`.

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
    text = str(value)
    if text.startswith(_FORMULA_STARTS) or text.lstrip(" ").startswith(_FORMULA_STARTS):
        return "'" + text
    return text


def render_rows(header: Sequence[str], rows: Iterable[Sequence]) -> str:
    """A CSV document (header + rows) with every cell neutralised, header included."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue()


def render_findings_csv(c: Comparison) -> str:
    """findings.csv: event, source, sentence_id, sentence, start, end, other_source, other_sentence_id,
    other_sentence, relation, score, reason — one row per finding, in report order."""
    return render_rows(FINDINGS_COLUMNS, ([row[col] for col in FINDINGS_COLUMNS] for row in finding_rows(c)))


def render_claims_csv(c: Comparison) -> str:
    """claims.csv: event, claim, kind, text, then one column per source (the claim matrix, every event).

    A source outside the claim's event has an empty cell.
    """
    from compare.report.claims import claim_rows

    header, rows = claim_rows(c)
    return render_rows(header, rows)
