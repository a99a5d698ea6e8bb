import csv
import dataclasses
import io

import pytest

from compare.models import Finding, Relation
from compare.report.csv_report import neutralise, render_claims_csv, render_findings_csv
from report_fixture import make_comparison

HEADER = [
    "event", "source", "sentence_id", "sentence", "start", "end",
    "other_source", "other_sentence_id", "other_sentence", "relation", "score", "reason",
]


def parse(text):
    return list(csv.reader(io.StringIO(text)))


def test_findings_csv_header_and_rows():
    c = make_comparison()
    rows = parse(render_findings_csv(c))
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
    findings = render_findings_csv(c)
    cells = [cell for row in parse(findings) for cell in row]
    assert "'=HYPERLINK(\"http://example.invalid/x\",\"click here\") was quoted by a reader." in cells
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    claim_cells = [cell for row in parse(render_claims_csv(c)) for cell in row]
    assert any(cell.startswith("'=HYPERLINK(") for cell in claim_cells)
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in claim_cells)


@pytest.mark.parametrize("text", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "  =cmd|' /C calc'!A0"])
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
    negative = Finding("naples", "alpha", 0, "bravo", 0, Relation.PARTIAL, -0.5, "-tuned score")
    rows = parse(render_findings_csv(dataclasses.replace(c, finding_records=(negative,))))
    assert rows[1][10] == "-0.5"  # numeric score left as a number
    assert rows[1][11] == "'-tuned score"  # text starting with '-' neutralised


def test_claims_csv_is_the_claim_matrix():
    rows = parse(render_claims_csv(make_comparison()))
    assert rows[0] == ["event", "claim", "kind", "text", "sentences", "alpha", "bravo", "charlie", "delta"]
    first = dict(zip(rows[0], rows[1]))
    assert first["kind"] == "contradiction"
    assert (first["alpha"], first["bravo"], first["charlie"], first["delta"]) == (
        "hedged", "asserted", "not mentioned", "",
    )
    assert first["sentences"] == "alpha#1 bravo#1"
    assert len(rows) == 1 + 7


def test_csv_is_deterministic_and_uses_newlines():
    c = make_comparison()
    text = render_findings_csv(c)
    assert text == render_findings_csv(c)
    assert "\r\n" not in text and text.endswith("\n")
