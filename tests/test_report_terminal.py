import csv
import dataclasses
import io
import json

import pytest

from compare.index import ResultIndex
from compare.models import SourceNotFound
from compare.report.terminal import render_diff, render_summary, safe_text
from report_fixture import MINUTES_REASON, make_comparison

ESC = "\x1b"


def test_summary_plain_has_one_row_per_event_and_no_colour():
    text = render_summary(ResultIndex(make_comparison()), color=False)
    assert ESC not in text
    lines = text.splitlines()
    assert lines[0].split() == [
        "event", "date", "place", "sources", "sentences", "agree", "partial", "contradict", "omitted",
    ]
    naples = next(line for line in lines if line.startswith("naples"))
    assert naples.split()[-5:] == ["10", "1", "2", "2", "10"]
    assert any(line.startswith("singapore") for line in lines)


def test_summary_says_how_many_syndicated_copies_were_set_aside():
    plain = make_comparison()
    assert "syndicated" not in render_summary(ResultIndex(plain), color=False)
    with_copies = dataclasses.replace(plain, copies=(("alpha-copy", "alpha"), ("beta-copy", "alpha")))
    text = render_summary(ResultIndex(with_copies), color=False)
    assert "2 syndicated copies of another source set aside, not compared" in text.splitlines()[-1]


def test_summary_coloured_only_when_asked():
    text = render_summary(ResultIndex(make_comparison()), color=True)
    assert f"{ESC}[1;31m2{ESC}[0m" in text  # the contradiction count stands out
    plain = render_summary(ResultIndex(make_comparison()), color=False)
    assert text != plain


def test_diff_table_pairs_a_with_b_and_adds_what_only_b_says():
    text = render_diff(ResultIndex(make_comparison()), "alpha", "charlie", fmt="table", color=False)
    assert ESC not in text
    assert text.splitlines()[0] == "A = Alpha Daily (alpha)   B = Charlie & Sons <b>News</b> (charlie)"  # outlet (id)
    assert "A: The meeting lasted 90 minutes." in text and "B: The meeting lasted 60 minutes." in text  # the evidence
    assert "contradict" in text
    assert "HYPERLINK" in text  # only in charlie
    assert text.splitlines()[1] == "1 agree, 1 contradict, 3 omitted"  # the tally first


def test_diff_colours_relations_when_asked():
    text = render_diff(ResultIndex(make_comparison()), "alpha", "charlie", fmt="table", color=True)
    assert f"{ESC}[1;31mcontradict{ESC}[0m" in text
    assert f"{ESC}[32magree{ESC}[0m" in text


def test_diff_csv_json_md():
    c = make_comparison()
    rows = list(csv.reader(io.StringIO(render_diff(ResultIndex(c), "alpha", "charlie", fmt="csv", color=True))))
    assert rows[0][:4] == ["event", "source", "sentence_id", "sentence"]
    assert len(rows) == 1 + 5
    assert ESC not in "".join(cell for row in rows for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)
    records = json.loads(render_diff(ResultIndex(c), "alpha", "charlie", fmt="json", color=True))
    assert [r["relation"] for r in records] == ["agree", "omitted", "contradict", "omitted", "omitted"]
    assert records[2]["reason"] == MINUTES_REASON
    md = render_diff(ResultIndex(c), "alpha", "charlie", fmt="md", color=True)
    assert md.startswith("**A** = Alpha Daily (alpha), **B** = Charlie \\& Sons \\<b\\>News\\</b\\> (charlie)")
    assert "| A #" in md and ESC not in md and "<script>" not in md


def test_diff_of_sources_in_different_events_says_so():
    text = render_diff(ResultIndex(make_comparison()), "alpha", "delta", fmt="table", color=False)
    assert "A and B are in different events: nothing was compared." in text
    assert text.splitlines()[2] == "no findings"


def test_unknown_source_and_format():
    with pytest.raises(SourceNotFound, match=r"^zulu: not a source of this comparison; pass one of: alpha, "):
        render_diff(ResultIndex(make_comparison()), "alpha", "zulu", fmt="table", color=False)
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render_diff(ResultIndex(make_comparison()), "alpha", "bravo", fmt="xml", color=False)


def test_control_characters_from_sources_never_reach_the_terminal():
    assert safe_text("red \x1b[31m text\x07") == "red \\x1b[31m text\\x07"
    c = make_comparison()
    hostile = tuple(
        dataclasses.replace(s, text="Evil \x1b]0;pwned\x07 title.") if (s.source, s.id) == ("alpha", 0) else s
        for s in c.sentence_records
    )
    text = render_diff(ResultIndex(dataclasses.replace(c, sentence_records=hostile)), "alpha", "bravo", fmt="table", color=False)
    assert ESC not in text and "\x07" not in text
    assert "\\x1b]0;pwned\\x07" in text


@pytest.mark.parametrize("fmt", ["table", "csv", "json", "md"])
def test_no_diff_format_prints_control_characters_and_json_still_holds_the_exact_text(fmt):
    # C0 but tab and line feed, DEL, C1 (0x9b is CSI on some terminals), bidi overrides and isolates
    evil = "Evil \x00\x1b]0;pwned\x07\x7f\x85\x9b31m \u202ereversed\u2066 title."
    c = make_comparison()
    hostile = tuple(dataclasses.replace(s, text=evil) if (s.source, s.id) == ("alpha", 0) else s
                    for s in c.sentence_records)
    text = render_diff(ResultIndex(dataclasses.replace(c, sentence_records=hostile)), "alpha", "bravo", fmt=fmt,
                       color=False)
    unsafe = set(map(chr, [*range(0x00, 0x09), *range(0x0b, 0x0d), *range(0x0e, 0x20), *range(0x7f, 0xa0)]))
    unsafe |= set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    if fmt == "csv":
        text = text.replace("\r\n", "\n")  # the record terminator RFC 4180 asks for
    assert not unsafe & set(text)
    if fmt == "json":
        assert json.loads(text)[0]["sentence"] == evil


def test_events_lists_each_source_under_its_event():
    from compare.report.terminal import render_events

    c = make_comparison()
    text = render_events(c.sources, c.events)
    lines = text.splitlines()
    assert lines[0].split() == ["event", "date", "place", "source", "published", "title"]
    naples = next(i for i, line in enumerate(lines) if line.startswith("naples"))
    assert "alpha" in lines[naples] and "Ministers Meet in Naples" in lines[naples]
    assert lines[naples + 1].split() == ["bravo"]  # no date, no title: only its id
    assert lines[naples + 2].split()[0] == "charlie"
    assert any(line.startswith("singapore") and "delta" in line for line in lines)
    assert lines[-1] == "4 sources in 2 events"


def test_diff_table_shortens_long_texts_but_never_a_contradiction_and_machine_formats_keep_them():
    c = make_comparison()
    long_reason = "numbers differ: " + "ninety minutes against sixty minutes, " * 5
    findings = tuple(dataclasses.replace(f, reason=long_reason) for f in c.finding_records)
    c = dataclasses.replace(c, finding_records=findings)
    table = render_diff(ResultIndex(c), "alpha", "charlie", fmt="table", color=False)
    assert "…" in table  # the agreeing and omitted rows are cut at three lines
    contradiction = [f for f in findings if f.relation == "contradict"][0]
    evidence = table[table.index("contradiction: A#"):]
    folded = " ".join(table.split())
    assert long_reason.strip() in " ".join(evidence.split())  # the contradiction's reason whole, under the table
    whole = render_diff(ResultIndex(c), "alpha", "charlie", fmt="table", color=False, full=True)
    assert whole.count("…") < table.count("…")  # nothing cut but what the texts themselves hold
    records = json.loads(render_diff(ResultIndex(c), "alpha", "charlie", fmt="json", color=False))
    assert all(r["reason"] == long_reason for r in records) and contradiction.reason == long_reason


def test_diff_table_fits_100_columns_when_not_on_a_terminal():
    text = render_diff(ResultIndex(make_comparison()), "alpha", "charlie", fmt="table", color=False)
    assert max(len(line) for line in text.splitlines()) <= 100


@pytest.mark.parametrize("width", [60, 100, 180])
def test_the_diff_table_fits_the_terminal_it_is_given(width):
    text = render_diff(ResultIndex(make_comparison()), "alpha", "charlie", fmt="table", color=False, width=width)
    table_lines = [line for line in text.splitlines()[2:-2] if line.strip()]
    assert table_lines
    widest = max(len(line) for line in table_lines)
    assert widest <= max(width, 38 + 3 * 12)
    if width >= 100:
        assert widest > width * 0.6  # the room is used, not left empty


def test_without_a_width_the_diff_layout_is_fixed():
    fixed = render_diff(ResultIndex(make_comparison()), "alpha", "charlie", fmt="table", color=False)
    assert fixed == render_diff(ResultIndex(make_comparison()), "alpha", "charlie", fmt="table", color=False, width=None)
    assert max(len(line) for line in fixed.splitlines()) <= 140


def test_a_contradiction_standing_on_bs_side_is_shown(tmp_path):
    from compare.api import diff

    a, b = tmp_path / "second.txt", tmp_path / "first.txt"  # B sorts first: the conflict is B's finding
    a.write_text("Lindqvist and Rossi met on Thursday in the prime minister's office.\n", encoding="utf-8")
    b.write_text("Lindqvist and Rossi met on Tuesday in the prime minister's office.\n", encoding="utf-8")
    comparison, (id_a, id_b) = diff(a, b)
    assert any(f.relation == "contradict" for f in comparison.finding_records)
    text = render_diff(ResultIndex(comparison), id_a, id_b, fmt="table", color=False)
    assert "contradiction: A#0 against B#0" in text
    assert "contradict" in text.splitlines()[1]  # the tally counts it
    rows = json.loads(render_diff(ResultIndex(comparison), id_a, id_b, fmt="json", color=False))
    assert [r["kind"] for r in rows if r["relation"] == "contradict"] == ["weekday"]


def test_events_explained_line_by_line_with_ids_and_names_escaped():
    from compare.events import MemberReason, Separation
    from compare.report.terminal import render_explanations

    forged = "x\x1b]0;owned\x07\nError: forged\u202e"
    members = [
        MemberReason("oslo", forged, "b", 0.5, ("Oslo\x9b31m",), ("ferry",), "same date 2024-06-03", "same place"),
        MemberReason("oslo", "b", None, 0.0, (), (), "", "", fixed_by="talks\r"),
        MemberReason("bergen", "c", None, 0.0, (), (), "", ""),
    ]
    apart = [Separation("oslo", "bergen", 0.1234, ("places differ",), ())]
    text = render_explanations(members, apart)
    assert text.splitlines() == [
        "oslo  x\\x1b]0;owned\\x07\\x0aError: forged\\u202e: strongest link b (0.50); names Oslo\\x9b31m; "
        "terms ferry; same date 2024-06-03; same place",
        "oslo  b: event fixed by the manifest (talks\\x0d); no other member matches its wording",
        "bergen  c: alone: no other source matches it",
        "oslo vs bergen (linkage 0.123): places differ",
    ]
