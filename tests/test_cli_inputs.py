"""Bad input through the real command: exit 2, one `Error:` line naming the file, no traceback, nothing written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "inputs"
ARTICLE = "Ministers met in Lisbon on Tuesday. They agreed to meet again in the spring.\n"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args],
        cwd=cwd, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL,
    )


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# name -> (files to create under tmp/in, the path argument, extra options, what the message must say)
CASES = {
    "missing path": ({}, "in/gone.txt", [], "in/gone.txt does not exist"),
    "folder without sources": ({"notes.docx.bak": "x", "photo.png": b"\x89PNG\r\n\x1a\n"}, "in", [],
                               "in has no readable source"),
    "empty file": ({"blank.txt": ""}, "in/blank.txt", [], "in/blank.txt is empty"),
    "white space only": ({"blank.md": " \n\t\n"}, "in/blank.md", [], "in/blank.md is empty"),
    "image": ({"scan.txt": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00"}, "in/scan.txt", [], "in/scan.txt is a JPEG image"),
    "pdf": ({"story.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"}, "in/story.pdf", [], "in/story.pdf is a PDF file"),
    "nul bytes": ({"a.txt": b"Minis\x00ters"}, "in", [], "in/a.txt is binary data (it contains NUL bytes)"),
    "too large": ({"big.txt": ARTICLE * 10}, "in", ["--max-bytes", "100"], "in/big.txt is over the 100-byte limit"),
    "undecodable under --encoding": ({"sjis.txt": "会談は十月に行われた。".encode("shift_jis")}, "in",
                                     ["--encoding", "utf-8"], "in/sjis.txt is not valid utf-8"),
    "malformed json": ({"a.json": '{"text": "x",\n "title": }'}, "in", [], "in/a.json line 2 is not valid JSON"),
    "malformed jsonl": ({"f.jsonl": '{"id": "a", "text": "x"}\n{"id": "b", "text": \n'}, "in", [],
                        "in/f.jsonl line 2 is not valid JSON"),
    "malformed csv": ({"f.csv": 'id,text\na,"fine"\nb,"open\n'}, "in", [], "in/f.csv line 3 is not valid CSV"),
    "corpus row without text": ({"f.jsonl": '{"id": "a", "text": "x"}\n{"id": "b", "title": "t"}\n'}, "in", [],
                                "in/f.jsonl line 2 has no text"),
    "csv row without text": ({"f.csv": "id,text\na,One.\nb,\n"}, "in", [], "in/f.csv line 3 has no text"),
    "duplicate ids": ({"x/story.txt": ARTICLE, "y/story.txt": ARTICLE}, "in", [],
                      "in/y/story.txt has the id 'story', as in/x/story.txt does"),
    "html without article text": ({"app.html": "<html><head><title>App</title></head><body><div id=app></div>"
                                                "<script>start()</script></body></html>"}, "in", [],
                                  "in/app.html has no article text that could be extracted"),
    "unknown encoding": ({"a.txt": ARTICLE}, "in", ["--encoding", "klingon"], "--encoding klingon is not"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_error_line_exit_2_and_no_report(tmp_path, case):
    files, target, options, expected = CASES[case]
    (tmp_path / "in").mkdir()
    for name, data in files.items():
        write(tmp_path / "in" / name, data)
    result = run("report", target, "--out", "out", *options, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert not (tmp_path / "out").exists()


def test_skip_invalid_reports_the_good_files_and_warns_about_the_bad(tmp_path):
    for name in ("lisbon_ministers.txt", "lisbon_ministers_cp1252.txt", "aps_wire.json"):
        write(tmp_path / "in" / name, (FIXTURES / name).read_bytes())
    write(tmp_path / "in" / "blank.txt", "")
    result = run("report", "in", "--out", "out", "--skip-invalid", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning:")]
    assert len(warnings) == 1 and "in/blank.txt is empty" in warnings[0]
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert sorted(s["id"] for s in report["sources"]) == ["aps_wire", "lisbon_ministers", "lisbon_ministers_cp1252"]


def test_fixture_folder_runs_end_to_end_with_exact_offsets(tmp_path):
    result = run("report", str(FIXTURES), "--out", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    sources = {s["id"]: s for s in report["sources"]}
    assert len(sources) == 16
    texts = {}
    for source_id, entry in sources.items():
        if entry.get("text") is not None:
            texts[source_id] = entry["text"]
        else:  # read from a plain UTF-8 file: the file itself is the text
            texts[source_id] = Path(entry["path"]).read_bytes().decode("utf-8")
    # every source not read from a plain UTF-8 file carries its text
    for source_id in ("harbour_gazette", "kohoku_shimpo_sjis", "civic_post", "yokohama_sjis", "rotterdam_utf16", "aps_wire",
                      "gazette-archive-118", "busan_ferry_bom"):
        assert sources[source_id].get("text"), source_id
    assert report["sentences"]
    for sentence in report["sentences"]:
        span = texts[sentence["source"]][sentence["start"] : sentence["end"]]
        assert " ".join(span.split()) == " ".join(sentence["text"].split())
