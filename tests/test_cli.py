"""The command line: help for every command, exit codes, and what is printed."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter

import pytest
from typer.testing import CliRunner

from compare.cli import app

from conftest import SEEDS

runner = CliRunner()
COMMANDS = ["report", "diff", "events"]
NAPLES_A = SEEDS / "000_c2b2ebef24f7c9bd.txt"
NAPLES_B = SEEDS / "001_127977346a318ce7.txt"
SINGAPORE = SEEDS / "002_6980897c48a3b8f4.txt"


def test_top_level_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output and len(result.output.splitlines()) > 5


def test_python_dash_m_runs_the_same_app():
    done = subprocess.run([sys.executable, "-m", "compare", "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "report" in done.stdout


def test_report_writes_every_file_and_prints_a_summary(tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(app, ["report", str(SEEDS), "--out", str(out)])
    assert result.exit_code == 0, result.output
    for name in ["report.json", "findings.csv", "claims.csv", "report.md", "report.html"]:
        assert (out / name).is_file()
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert set(data) >= {"sources", "events", "sentences", "dropped", "findings"}
    assert "contradict" in result.output


def test_two_runs_are_byte_identical(tmp_path):
    for name in ("one", "two"):
        assert runner.invoke(app, ["report", str(SEEDS), "--out", str(tmp_path / name)]).exit_code == 0
    for file in (tmp_path / "one").iterdir():
        assert file.read_bytes() == (tmp_path / "two" / file.name).read_bytes(), file.name


def test_diff_exits_1_on_a_contradiction_and_prints_it():
    result = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B)])
    assert result.exit_code == 1, result.output
    assert "contradict" in result.output


def test_diff_warns_when_the_sources_look_like_different_events():
    result = runner.invoke(app, ["diff", str(NAPLES_A), str(SINGAPORE)])
    assert result.exit_code in (0, 1)
    assert "different events" in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "table"])
def test_diff_formats(fmt):
    result = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B), "--format", fmt])
    assert result.exit_code == 1
    if fmt == "json":
        json.loads(result.stdout)
    if fmt == "csv":
        assert result.stdout.splitlines()[0].startswith("event,source,sentence_id")


def test_diff_writes_csv(tmp_path):
    target = tmp_path / "pair.csv"
    result = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B), "--csv", str(target)])
    assert result.exit_code == 1
    assert target.read_text(encoding="utf-8").startswith("event,source,sentence_id,sentence,start,end")


def test_diff_exits_0_without_a_contradiction(tmp_path):
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text("The ministers met in Oslo on Monday and agreed to expand ferry links.\n", encoding="utf-8")
    b.write_text("The ministers agreed on Monday in Oslo to expand ferry links between the two countries.\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(a), str(b)])
    assert result.exit_code == 0, result.output


def test_events_prints_the_grouping():
    result = runner.invoke(app, ["events", str(SEEDS)])
    assert result.exit_code == 0
    assert "000_c2b2ebef24f7c9bd" in result.output and result.output.count("\n") >= 5


def test_missing_path_is_a_one_line_error_with_exit_2(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "compare", "report", str(tmp_path / "nope"), "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("Error:") and len(done.stderr.strip().splitlines()) == 1
    assert "nope" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


def test_diff_csv_naming_an_input_leaves_the_article_whole(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The ministers met in Oslo on Monday and agreed to expand ferry links.\n", encoding="utf-8")
    b.write_text("The ministers agreed on Monday in Oslo to expand ferry links.\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(a), str(b), "--csv", str(a)])
    assert result.exit_code == 2
    assert "is the input" in result.output and "pass --csv a new file name" in result.output
    assert a.read_text(encoding="utf-8") == "The ministers met in Oslo on Monday and agreed to expand ferry links.\n"


def test_diff_of_a_file_with_itself_is_trouble():
    result = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_A)])
    assert result.exit_code == 2
    assert "same article" in result.output


@pytest.mark.parametrize("first, second, ids", [
    ("monday/story.txt", "tuesday/story.txt", ["monday/story", "tuesday/story"]),
    ("desk/story.txt", "desk/story.html", ["story.html", "story.txt"]),
])
def test_diff_of_two_files_of_one_name_names_them_by_the_paths_that_differ(tmp_path, first, second, ids):
    (tmp_path / first).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / second).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / first).write_text("Ministers met in Oslo on Monday and agreed to add 12 ferries.\n", encoding="utf-8")
    other = "Ministers met in Oslo on Monday and agreed to add 30 ferries."
    if second.endswith(".html"):
        other = f"<html><body><article><p>{other}</p></article></body></html>"
    (tmp_path / second).write_text(other + "\n", encoding="utf-8")
    result = runner.invoke(app, ["diff", str(tmp_path / first), str(tmp_path / second), "--format", "json"])
    assert result.exit_code == 1, result.output  # the contradiction, found
    rows = json.loads(result.stdout)
    assert sorted({row["source"] for row in rows} | {row["other_source"] for row in rows}) == ids


def _words(text: str) -> Counter:
    """The words of a text; source ids, which a narrow column may break anywhere, left out."""
    return Counter(word for word in re.findall(r"\w+", text) if not re.search(r"\d", word))


def test_diff_off_a_terminal_keeps_the_evidence_within_100_columns():
    result = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B)])  # the runner's stdout is not a terminal
    assert result.exit_code == 1
    assert "Status of Forces Agreement" in result.stdout  # the contradiction's sentence, never cut
    assert max(len(line) for line in result.stdout.splitlines()) <= 100


def test_diff_full_shows_every_row_whole():
    rows = json.loads(runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B), "--format", "json"]).stdout)
    every_word = _words(" ".join(r[key] or "" for r in rows for key in ("sentence", "other_sentence", "reason")))
    full = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B), "--full"]).stdout
    short = runner.invoke(app, ["diff", str(NAPLES_A), str(NAPLES_B)]).stdout
    assert not every_word - _words(full)  # every word of every row is there, however the table wraps it
    assert every_word - _words(short)  # without --full, long rows are cut to a few lines
    assert max(len(line) for line in full.splitlines()) <= 100


CLI_REFERENCE = (SEEDS.parent / "docs" / "cli.md").read_text(encoding="utf-8")


def reference_section(command: str) -> str:
    """The help of one command as docs/cli.md records it (docs/generate.py writes it from the app)."""
    return CLI_REFERENCE.split(f"## `crosscheck {command}`", 1)[1].split("```text", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_values_plainly_as_the_reference_records(command):
    shown = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output  # one line per option
    assert not re.search(r"<[a-z]|\{", shown), shown  # no <bool>, <list[str]>, <float range>, {paths}
    section = reference_section(command)
    usage = re.search(rf"Usage: crosscheck {command} (.*)", section).group(1)
    assert re.search(rf"Usage: \S+ {command} {re.escape(usage)}\s*$", shown, re.M), usage
    options = re.findall(r"^  (--[\w-]+)(?: (\S+))?", section, re.M)
    assert options and ("--help", "") in options
    for option, metavar in options:
        if metavar:  # the option shows the same plain metavar (FLOAT, FILE, [table|csv|...]) in the terminal
            assert re.search(rf"{re.escape(option)}\s+{re.escape(metavar)}", shown), (option, metavar)
        else:
            assert option in shown


def test_events_follow_the_manifest_event_column_and_explain_says_so(tmp_path):
    manifest = tmp_path / "sources.csv"
    manifest.write_text("id,event\n002_6980897c48a3b8f4,Defence talks\n003_1418f6826f52c5a5,Defence talks\n",
                        encoding="utf-8")
    result = runner.invoke(app, ["events", str(SEEDS), "--manifest", str(manifest), "--explain"])
    assert result.exit_code == 0, result.output
    assert "5 sources in 2 events" in result.output
    fixed = [line for line in result.output.splitlines() if "event fixed by the manifest (Defence talks)" in line]
    assert [line.split()[1].rstrip(":") for line in fixed] == ["002_6980897c48a3b8f4", "003_1418f6826f52c5a5"]
    assert all(line.startswith("defence-talks ") for line in fixed)
    # the report follows the same events
    out = tmp_path / "out"
    assert runner.invoke(app, ["report", str(SEEDS), "--manifest", str(manifest), "--out", str(out)]).exit_code == 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert sorted(len(e["sources"]) for e in report["events"]) == [2, 3]
