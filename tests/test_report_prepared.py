"""One Prepared per write: the indexes and the claim matrix are computed once and shared by every report."""

import dataclasses

from compare.report import claims as claims_module
from compare.report.csv_report import render_claims_csv, render_findings_csv
from compare.report.html import render_html
from compare.report.json_report import render_json
from compare.report.markdown import render_markdown
from compare.report.prepared import Prepared, prepare
from compare.report.tables import display_events, findings_by_event, summary_rows
from compare.report.writer import write_reports
from report_fixture import make_comparison
from test_report_tables import shuffled


def test_write_reports_computes_the_claims_of_each_event_once(tmp_path, monkeypatch):
    c = make_comparison()
    calls = []
    real = claims_module._event_claims

    def counted(event, *args):
        calls.append(event.id)
        return real(event, *args)

    monkeypatch.setattr(claims_module, "_event_claims", counted)
    write_reports(c, tmp_path / "reports")
    assert sorted(calls) == sorted(e.id for e in c.events)  # html, md and claims.csv share them


def test_renderers_give_the_same_text_with_a_shared_prepared_or_their_own():
    c = make_comparison()
    shared = Prepared(c)
    for render in (render_json, render_findings_csv, render_claims_csv, render_markdown, render_html):
        assert render(c, shared) == render(c)


def test_a_prepared_of_another_comparison_is_not_used():
    c = make_comparison()
    other = dataclasses.replace(c, events=c.events[:1])
    stale = Prepared(other)
    assert prepare(c, stale) is not stale and prepare(c, stale).c is c
    assert render_html(c, stale) == render_html(c)


def test_views_match_the_table_functions_whatever_the_record_order():
    for seed in range(3):
        c = shuffled(make_comparison(), seed)
        p = Prepared(c)
        assert p.findings_by_event == findings_by_event(c)
        assert p.display_events == display_events(c)
        assert summary_rows(c, p) == summary_rows(c)
        assert [key[1] for key in p.keys_by_source["charlie"]] == [0, 1, 2, 3]
        assert p.sentence_counts == {"alpha": 3, "bravo": 3, "charlie": 4, "delta": 1}
        assert [d.start for d in p.dropped_by_source["alpha"]] == sorted(d.start for d in p.dropped_by_source["alpha"])
