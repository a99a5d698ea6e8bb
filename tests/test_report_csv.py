import csv
import dataclasses
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.models import Finding, Relation
from compare.printable import printable
from compare.index import ResultIndex
from compare.report.csv_report import neutralise, render_claims_csv, render_findings_csv
from compare.views import CLAIM_META_COLUMNS
from report_fixture import index_and_claims, make_comparison

HEADER = [
    "event", "source", "sentence_id", "sentence", "start", "end",
    "other_source", "other_sentence_id", "other_sentence", "relation", "kind", "score", "reason",
]


def parse(text):
    return list(csv.reader(io.StringIO(text, newline="")))


def test_findings_csv_header_and_rows():
    c = make_comparison()
    rows = parse(render_findings_csv(ResultIndex(c)))
    assert rows[0] == HEADER
    assert len(rows) == 1 + len(c.finding_records)
    first = dict(zip(HEADER, rows[1]))
    assert first["source"] == "alpha" and first["other_source"] == "bravo"
    assert first["sentence"] == "The defense ministers agreed to strengthen the alliance."
    assert (first["start"], first["end"], first["score"]) == ("41", "97", "81.5")
    omitted = [dict(zip(HEADER, r)) for r in rows[1:] if r[9] == "omitted"]
    assert omitted and all(r["other_sentence_id"] == "" and r["other_sentence"] == "" for r in omitted)


def test_formula_sentence_is_neutralised_in_both_csvs():
    c = make_comparison()
    findings = render_findings_csv(ResultIndex(c))
    cells = [cell for row in parse(findings) for cell in row]
    assert "'=HYPERLINK(\"http://example.invalid/x\",\"click here\") was quoted by a reader." in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    claim_cells = [cell for row in parse(render_claims_csv(*index_and_claims(c))) for cell in row]
    assert any(cell.startswith("'=HYPERLINK(") for cell in claim_cells)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in claim_cells)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "  =cmd|' /C calc'!A0"])
def test_text_that_could_start_a_formula_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["plain", "", "3 ministers", "'quoted", "a=b"])
def test_other_text_is_unchanged(value):
    assert neutralise(value) == value


def test_numbers_stay_numbers():
    assert neutralise(-0.5) == -0.5
    assert neutralise(-3) == -3
    assert neutralise(None) == ""
    assert neutralise(float("nan")) == ""
    c = make_comparison()
    negative = Finding("naples", "alpha", 0, "bravo", 0, Relation.PARTIAL, -0.5, "-tuned score", "partial")
    rows = parse(render_findings_csv(ResultIndex(dataclasses.replace(c, finding_records=(negative,)))))
    assert rows[1][11] == "-0.5"  # numeric score left as a number
    assert rows[1][12] == "'-tuned score"  # text starting with '-' neutralised


def test_claims_csv_is_the_claim_matrix():
    rows = parse(render_claims_csv(*index_and_claims(make_comparison())))
    # Each source's column is headed by its label, the outlet with the id kept for exactness (as every report).
    assert rows[0] == ["event", "claim", "kind", "text", "sentences", "Alpha Daily (alpha)", "bravo", "Charlie & Sons <b>News</b> (charlie)", "delta"]
    first = dict(zip(["event", "claim", "kind", "text", "sentences", "alpha", "bravo", "charlie", "delta"], rows[1]))
    assert first["kind"] == "contradiction"
    assert (first["alpha"], first["bravo"], first["charlie"], first["delta"]) == (
        "hedged", "asserted", "not mentioned", "",
    )
    assert first["sentences"] == "alpha#1 bravo#1"
    assert len(rows) == 1 + 7


def test_csv_is_deterministic_with_rfc4180_line_ends():
    c = make_comparison()
    text = render_findings_csv(ResultIndex(c))
    assert text == render_findings_csv(ResultIndex(c))
    assert text.endswith("\r\n")
    assert text.count("\n") == text.count("\r\n") == 1 + len(c.finding_records)


def test_a_carriage_return_inside_a_cell_is_shown_and_does_not_split_the_row():
    from compare.report.csv_report import render_rows

    rows = list(csv.reader(io.StringIO(render_rows(["a", "b"], [["x\ry", "z\n"]]), newline="")))
    assert rows == [["a", "b"], ["x\\x0dy", "z\n"]]  # a lone CR would overwrite the line on a terminal


def test_control_characters_are_shown_as_escapes_and_tabs_and_line_feeds_kept():
    # `diff --format csv` prints these cells to a terminal: ESC ] 0 ; ... BEL sets the window title, ESC [ 31 m
    # colours what follows, CSI (0x9b) does the same on some terminals, U+202E reverses what is read.
    shown = neutralise("a\x00b\x1b]0;owned\x07 \x1b[31mred \x7f\x85\x9b \u202eevil\u2066 \tcol\nline")
    assert shown == "a\\x00b\\x1b]0;owned\\x07 \\x1b[31mred \\x7f\\x85\\x9b \\u202eevil\\u2066 \tcol\nline"
    assert neutralise("\x1b=1+1") == "\\x1b=1+1"  # a cell that starts with an escape no longer starts a formula
    c = make_comparison()
    sneaky = tuple(dataclasses.replace(s, text="\x1b[2J" + s.text) for s in c.sentence_records)
    text = render_findings_csv(ResultIndex(dataclasses.replace(c, sentence_records=sneaky)))
    assert "\x1b" not in text and "\\x1b[2J" in text


def test_a_cell_over_the_spreadsheet_limit_is_cut_with_a_mark_saying_so():
    from compare.report.csv_report import CELL_LIMIT, fit_cell

    assert fit_cell("x" * CELL_LIMIT) == "x" * CELL_LIMIT
    cut = fit_cell("word " * 10_000)
    assert len(cut) == CELL_LIMIT
    kept = cut.index(" …[cut at ")
    assert cut == ("word " * 10_000)[:kept] + f" …[cut at {kept:,} of 50,000 characters; the JSON output holds the whole text]"
    # Excel counts UTF-16 code units: a character outside the BMP takes two, and is never cut in half.
    wide = fit_cell("\U0001f600" * 20_000)
    assert len(wide.encode("utf-16-le")) // 2 <= CELL_LIMIT and "of 40,000 characters" in wide
    kept = wide.count("\U0001f600")  # encoding it above would have failed on half a character left over
    assert wide == "\U0001f600" * kept + f" …[cut at {2 * kept:,} of 40,000 characters; the JSON output holds the whole text]"


def test_a_long_sentence_is_cut_in_findings_csv_and_its_offsets_still_give_the_whole():
    from compare.report.csv_report import CELL_LIMIT

    c = make_comparison()
    finding = c.finding_records[0]
    first = next(s for s in c.sentence_records if (s.source, s.id) == (finding.source, finding.sentence_id))
    long_text = first.text + " and" * 20_000
    longer = tuple(dataclasses.replace(s, text=long_text) if s == first else s for s in c.sentence_records)
    rows = parse(render_findings_csv(ResultIndex(dataclasses.replace(c, sentence_records=longer))))
    cells = [dict(zip(HEADER, r)) for r in rows[1:]
             if (r[1], r[2]) == (first.source, str(first.id))]
    assert cells and all(len(r["sentence"]) == CELL_LIMIT for r in cells)
    for r in cells:
        assert r["sentence"].endswith(f"of {len(long_text):,} characters; the JSON output holds the whole text]"), r["sentence"][-100:]
    assert all((r["start"], r["end"]) == (str(first.start), str(first.end)) for r in cells)
    assert max(len(cell) for row in rows for cell in row) <= CELL_LIMIT



@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_any_text_round_trips_and_never_starts_a_formula(cells):
    from compare.report.csv_report import render_rows

    text = render_rows(["a"] * len(cells), [cells])
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2
    for original, written in zip(cells, rows[1]):
        shown = printable(original, keep_layout=True)
        assert not written.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert written in (shown, "'" + shown)
        if written != shown:
            assert shown.lstrip(" ").startswith(("=", "+", "-", "@", "\t"))


def reference_csv(header, rows) -> str:
    """What the csv module writes for the neutralised cells, row by row (the format findings.csv promises)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in [header, *rows]:
        writer.writerow([neutralise(v) for v in row])
    return buffer.getvalue()


def hostile(c):
    """Cells that need quoting (separators, quotes, line breaks) or neutralising (formulas), and odd scores."""
    odd = ['a,b', 'say "hi"', "line\nbreak", "cr\ronly", "=1+1", "  -2", "@x", "\ttab", "é 中文", ""]
    sentences = tuple(dataclasses.replace(s, text=odd[i % len(odd)] + s.text)
                      for i, s in enumerate(c.sentence_records))
    findings = tuple(
        dataclasses.replace(f, reason=odd[i % len(odd)], score=[float("nan"), -0.5, 1e-20, 3, None, float("inf")][i % 6])
        for i, f in enumerate(c.finding_records)
    )
    return dataclasses.replace(c, sentence_records=sentences, finding_records=findings)


@pytest.mark.parametrize("batch", [1, 3, 5000])
def test_findings_csv_is_exactly_what_the_csv_module_writes(monkeypatch, batch):
    """findings.csv is built from cells encoded once each; it must equal csv.writer over the neutralised rows."""
    from compare.report import csv_report
    from compare.views import FINDINGS_COLUMNS, finding_rows

    monkeypatch.setattr(csv_report, "_BATCH", batch)
    for c in (make_comparison(), hostile(make_comparison())):
        rows = [[row[col] for col in FINDINGS_COLUMNS] for row in finding_rows(ResultIndex(c))]
        expected = reference_csv(FINDINGS_COLUMNS, rows)
        assert render_findings_csv(ResultIndex(c)) == expected
        assert "".join(csv_report.findings_csv_chunks(ResultIndex(c))) == expected


def test_claims_csv_is_exactly_what_the_csv_module_writes(monkeypatch):
    """claims.csv writes only the event's cells and the runs of empty cells between them; the bytes must be
    csv.writer's for the full row, also when a source outside every event or a repeated id adds columns."""
    from compare.models import Source
    from compare.report import csv_report
    from compare.views import claim_rows

    monkeypatch.setattr(csv_report, "_BATCH", 2)
    monkeypatch.setattr(csv_report, "_PIECE_CHARS", 100)  # a few rows per piece
    c = make_comparison()
    lone = Source("zulu", "in/zulu.txt", "Nothing here.")
    cases = [
        c,
        hostile(c),
        dataclasses.replace(c, sources=(lone, *reversed(c.sources), lone)),  # order changed, ids first and last
        dataclasses.replace(c, sources=(*c.sources, c.sources[0])),  # one id listed twice
        dataclasses.replace(c, events=()),
    ]
    for case in cases:
        index = ResultIndex(case)
        header, rows = claim_rows(index)
        labelled = [*header[:len(CLAIM_META_COLUMNS)], *(index.label(s) for s in header[len(CLAIM_META_COLUMNS):])]
        assert render_claims_csv(*index_and_claims(case)) == reference_csv(labelled, rows)



@given(st.one_of(st.text(), st.integers(), st.none(), st.floats()))
def test_a_cell_encoded_alone_is_what_the_csv_module_writes_in_a_row(value):
    from compare.report.csv_report import _encode_cell

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(["x", neutralise(value), "y"])
    assert buffer.getvalue() == f"x,{_encode_cell(value)},y\r\n"


FACTS_HEADER = ["event", "kind", "subject", "status", "source", "sentence_id", "start", "end", "text", "value",
                "bound"]


def test_facts_csv_has_a_row_per_fact_with_its_row_s_status_and_offsets():
    from compare.report.csv_report import render_facts_csv
    from report_fixture import CHARLIE_TEXT

    rows = parse(render_facts_csv(ResultIndex(make_comparison())))
    assert rows[0] == FACTS_HEADER and len(rows) == 1 + 5
    records = [dict(zip(FACTS_HEADER, r)) for r in rows[1:]]
    conflict = [r for r in records if r["status"] == "conflict"]
    assert [(r["source"], r["text"], r["value"]) for r in conflict] == [
        ("alpha", "lasted 90 minutes", "1 h 30 min"), ("charlie", "lasted 60 minutes", "1 h"),
    ]
    charlie = conflict[1]
    assert CHARLIE_TEXT[int(charlie["start"]):int(charlie["end"])] == "lasted 60 minutes"
    assert charlie["sentence_id"] == "2" and charlie["bound"] == ""
    single = next(r for r in records if r["event"] == "singapore")
    assert (single["kind"], single["source"], single["text"], single["status"]) == ("weekday", "delta", "Sunday", "single")


def test_facts_csv_neutralises_a_fact_that_starts_like_a_formula():
    from compare.report.csv_report import render_facts_csv

    c = make_comparison()
    hostile = tuple(dataclasses.replace(f, shown="=1+1", value="@SUM(A1)") if f.source == "delta" else f
                    for f in c.fact_records)
    rows = parse(render_facts_csv(ResultIndex(dataclasses.replace(c, fact_records=hostile))))
    assert rows[-1][8:10] == ["'=1+1", "'@SUM(A1)"]


def test_findings_csv_carries_each_finding_s_kind():
    rows = parse(render_findings_csv(ResultIndex(make_comparison())))
    kinds = {(r[9], r[10]) for r in rows[1:]}
    assert kinds == {("agree", "agree"), ("partial", "partial"), ("contradict", "certainty"),
                     ("contradict", "numbers"), ("omitted", "omitted")}


def test_an_outlet_that_looks_like_a_formula_is_neutralised_in_the_claims_header():
    c = make_comparison()
    sneaky = dataclasses.replace(c.sources[0], outlet="=HYPERLINK(\"http://x\")")
    c = dataclasses.replace(c, sources=(sneaky, *c.sources[1:]))
    header = parse(render_claims_csv(*index_and_claims(c)))[0]
    assert header[5] == "'=HYPERLINK(\"http://x\") (alpha)"
