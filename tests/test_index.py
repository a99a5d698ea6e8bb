"""One index per write: the lookups and the claim matrix are computed once and shared by every report."""

from compare import claims as claims_module
from compare.index import ResultIndex, display_events, findings_by_event
from compare.report.csv_report import render_claims_csv, render_findings_csv
from compare.report.html import render_html
from compare.report.json_report import render_json
from compare.report.markdown import render_markdown
from compare.report.writer import write_reports
from report_fixture import index_and_claims, make_comparison, shuffled


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


def test_renderers_give_the_same_text_from_a_shared_index_as_from_a_fresh_one():
    c = make_comparison()
    shared, claims = index_and_claims(c)
    for render in (render_json, render_findings_csv):
        assert render(shared) == render(ResultIndex(c))
    for render in (render_claims_csv, render_markdown, render_html):
        assert render(shared, claims) == render(*index_and_claims(c))


def test_lookups_match_the_order_functions_whatever_the_record_order():
    for seed in range(3):
        c = shuffled(make_comparison(), seed)
        index = ResultIndex(c)
        assert index.findings_by_event == findings_by_event(c)
        assert index.display_events == display_events(c)
        assert [key[1] for key in index.keys_by_source["charlie"]] == [0, 1, 2, 3]
        assert index.sentence_counts == {"alpha": 3, "bravo": 3, "charlie": 4, "delta": 1}
        starts = [d.start for d in index.dropped_by_source["alpha"]]
        assert starts == sorted(starts)
