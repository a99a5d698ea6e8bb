"""The documents that the code can check: the CLI reference is current, report.json follows its JSON Schema."""

from __future__ import annotations

import copy
import importlib.util
import json
import re

import pytest
import typer
from jsonschema import Draft202012Validator

from compare.cli import app
from compare.models import DropReason, Relation
from compare.index import ResultIndex
from compare.report.json_report import render_json
from compare.report.writer import REPORT_FILES, write_reports
from conftest import ROOT

DOCS = ROOT / "docs"
SCHEMA = json.loads((DOCS / "report.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def load_generator():
    spec = importlib.util.spec_from_file_location("docs_generate", DOCS / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def errors_of(report: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(report)]


# -- docs/cli.md ----------------------------------------------------------------------------------------------------


def test_the_cli_reference_is_current():
    committed = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert load_generator().render_cli_reference() == committed, "run `python docs/generate.py` and commit docs/cli.md"


def test_the_rules_page_is_current_and_lists_every_rule_in_order():
    from compare.judge import RULES

    committed = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert load_generator().render_rules() == committed, "run `python docs/generate.py` and commit docs/rules.md"
    positions = [committed.index(f"`{rule.name}`") for rule in RULES]
    assert positions == sorted(positions) and len(RULES) >= 10


def test_the_cli_reference_has_every_command_and_option():
    page = (DOCS / "cli.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"## `crosscheck {name}`" in page
        section = page.split(f"## `crosscheck {name}`", 1)[1].split("\n## ", 1)[0]
        for parameter in command.params:
            for flag in parameter.opts if parameter.param_type_name == "option" else []:
                assert flag in section, (name, flag)
            if parameter.help:
                assert parameter.help.split()[0] in section, (name, parameter.name)


def test_the_cli_reference_does_not_depend_on_the_terminal(monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.setenv("TERMINAL_WIDTH", "40")
    assert load_generator().render_cli_reference() == (DOCS / "cli.md").read_text(encoding="utf-8")


# -- docs/report.schema.json ----------------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema():
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(SCHEMA)


def test_a_fresh_seed_report_follows_the_schema(seed_comparison, tmp_path):
    write_reports(seed_comparison, tmp_path)
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert report["findings"] and report["dropped"]
    assert errors_of(report) == []


def test_a_corpus_with_a_copy_and_an_undated_event_follows_the_schema():
    """Source text, a syndicated copy (no event), an undated event: the parts of the contract the seeds lack."""
    from compare.api import compare

    report = json.loads(render_json(ResultIndex(compare([ROOT / "tests" / "cases" / "canberra"]))))
    assert report["copies"] and any(e["date"] is None for e in report["events"])
    assert any("text" in s for s in report["sources"]) and any(s["event"] is None for s in report["sources"])
    assert errors_of(report) == []


def test_the_schema_names_every_relation_and_drop_reason_the_code_has():
    defs = SCHEMA["$defs"]
    assert defs["finding"]["properties"]["relation"]["enum"] == [r.value for r in Relation]
    assert defs["dropped"]["properties"]["reason"]["enum"] == [r.value for r in DropReason]


def test_the_schema_names_every_finding_kind_and_each_finding_s_kind_fits_its_relation(seed_comparison):
    from compare.judge import Kind

    assert SCHEMA["$defs"]["finding"]["properties"]["kind"]["enum"] == [k.value for k in Kind]
    findings = json.loads(render_json(ResultIndex(seed_comparison)))["findings"]
    assert {f["kind"] for f in findings} >= {"agree", "omitted", "certainty"}
    assert all(Kind(f["kind"]).relation == f["relation"] for f in findings)
    assert all(f["reason"].startswith(f["kind"]) for f in findings)


def paired(report: dict) -> dict:
    """The first finding that has a counterpart sentence."""
    return next(f for f in report["findings"] if f["relation"] != Relation.OMITTED)


@pytest.mark.parametrize("break_it, part", [
    (lambda r: r["findings"][0].update(relation="disagree"), "relation"),
    (lambda r: paired(r).update(other_sentence_id=None), "other_sentence_id"),
    (lambda r: r["findings"][0].update(score=1.5), "score"),
    (lambda r: r["findings"][0].update(kind="disagree"), "kind"),
    (lambda r: r["findings"][0].pop("kind"), "kind"),
    (lambda r: r["sentences"][0].pop("end"), "end"),
    (lambda r: r["dropped"][0].update(reason="advert"), "reason"),
    (lambda r: r["sources"][0].update(published="20 October 2024"), "published"),
    (lambda r: r["events"][0].update(sources=[]), "sources"),
    (lambda r: r.update(extra=[]), "extra"),
])
def test_a_report_that_breaks_the_contract_is_refused(seed_comparison, break_it, part):
    report = json.loads(render_json(ResultIndex(seed_comparison)))
    assert errors_of(report) == []
    broken = copy.deepcopy(report)
    break_it(broken)
    errors = errors_of(broken)
    assert errors and any(part in e for e in errors), errors


# -- README and docs/*.md -------------------------------------------------------------------------------------------

PAGES = [ROOT / "README.md", ROOT / "tests" / "cases" / "README.md", *sorted(DOCS.glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def anchors(page) -> set[str]:
    """The fragments a Markdown page's headings get on a code-hosting site: lower case, punctuation dropped."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), flags=re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", h.lower()).replace(" ", "-") for h in headings}


def test_the_readme_is_a_front_page():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 200
    for name in ("usage.md", "api.md", "reports.md", "cli.md", "benchmarks.md", "how-it-works.md", "rules.md"):
        assert f"](docs/{name})" in text, name


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_points_at_a_file_and_heading(page):
    broken = []
    for target in LINK.findall(page.read_text(encoding="utf-8")):
        if "://" in target:
            continue
        path, _, fragment = target.partition("#")
        linked = page.parent / path if path else page
        if not linked.exists() or (fragment and fragment not in anchors(linked)):
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("page", [ROOT / "README.md", DOCS / "api.md"], ids=["README", "api"])
def test_the_first_python_example_runs(page, tmp_path, monkeypatch):
    code = page.read_text(encoding="utf-8").split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "seeds").symlink_to(ROOT / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(code, str(page), "exec"), {})
    assert sorted(p.name for p in (tmp_path / "reports").iterdir()) == sorted(REPORT_FILES)
