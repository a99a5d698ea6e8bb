"""Hostile and faulty input through the real command.

Each case runs `python -m compare` in a subprocess and checks what a script depends on: the exit code, one
`Error:` (or `Warning:`) line per problem with nothing a terminal would act on, no traceback, the previous
report left as it was, and no temporary file or folder left behind. The everyday bad inputs (empty, binary,
PDF, bad JSON/CSV, bad manifests) are in test_cli_inputs.py.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
A = "Ministers of Norway and Sweden met in Oslo on Monday, 3 June 2024, and agreed to expand ferry links.\n"
B = "The ministers agreed in Oslo on Monday, 3 June 2024, to expand ferry links between the two countries.\n"


def run(*args: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "compare", *args], cwd=cwd, env=ENV, capture_output=True, text=True,
        timeout=timeout, stdin=subprocess.DEVNULL, errors="backslashreplace",
    )


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) -> its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def assert_one_error(done: subprocess.CompletedProcess, *, says: str, code: int = 2) -> None:
    lines = done.stderr.splitlines()
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    assert [line for line in lines if line.startswith("Error:")] == lines[-1:] and len(lines[-1:]) == 1, lines
    assert says in lines[-1], lines[-1]
    assert all(line.startswith(("Error:", "Warning:")) for line in lines), lines
    assert not any(ch in done.stderr for ch in "\x1b\r\x07\x9b\u202e")


@pytest.fixture(scope="module")
def good_run(tmp_path_factory) -> Path:
    """A folder holding `good` (two articles) and `out`, the report of a good run on them: made once."""
    folder = tmp_path_factory.mktemp("good_run")
    write(folder / "good" / "a.txt", A)
    write(folder / "good" / "b.txt", B)
    done = run("report", "good", "--out", "out", cwd=folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture
def previous(tmp_path, good_run) -> Path:
    """A folder `out` holding the report of an earlier good run (tmp_path/good has its two articles)."""
    for name in ("good", "out"):
        shutil.copytree(good_run / name, tmp_path / name)
    return tmp_path / "out"


def assert_untouched(out: Path, before: dict[str, bytes]) -> None:
    assert snapshot(out) == before
    assert hidden(out.parent) == [] and hidden(out) == []


# --- every failure is one Error line with exit 2 -------------------------------------------------------------------


FAILURES = {
    # name: (files under in/, extra options, what the message says)
    "deeply nested JSON": ({"deep.json": "[" * 100_000 + "]" * 100_000}, [], "nested too deeply"),
    "deeply nested JSON line": ({"deep.jsonl": "[" * 100_000 + "]" * 100_000 + "\n"}, [], "line 1 is JSON nested too deeply"),
    "a date of year 1": ({"c.jsonl": json.dumps({"id": "a", "text": A, "published": "0001-01-01"}) + "\n"}, [],
                         "published '0001-01-01' is out of range"),
    "a date of year 9999": ({"c.csv": f'id,text,published\na,"{A.strip()}",9999-12-31\n'}, [], "is out of range"),
    "a text-transform codec": ({"a.txt": A}, ["--encoding", "rot13"], "--encoding rot13 is not a text encoding"),
    "an unknown codec for one file": ({"a.txt": A}, ["--encoding", "in/a.txt=klingon"],
                                      "--encoding in/a.txt=klingon is not a text encoding"),
}


@pytest.mark.parametrize("case", FAILURES, ids=list(FAILURES))
def test_failures_are_one_error_line_with_exit_2_and_the_previous_report_stays(case, tmp_path, previous):
    files, options, says = FAILURES[case]
    for name, data in files.items():
        write(tmp_path / "in" / name, data)
    before = snapshot(previous)
    done = run("report", "in", "--out", "out", *options, cwd=tmp_path)
    assert_one_error(done, says=says)
    assert_untouched(previous, before)


def test_diff_exits_2_for_trouble_and_1_only_for_a_contradiction(tmp_path):
    write(tmp_path / "deep.json", "[" * 100_000 + "]" * 100_000)
    write(tmp_path / "a.txt", A)
    assert_one_error(run("diff", "deep.json", "a.txt", cwd=tmp_path), says="nested too deeply")
    write(tmp_path / "b.txt", B)
    assert run("diff", "a.txt", "b.txt", cwd=tmp_path).returncode == 0
    seeds = ROOT / "seeds"  # two seed reports of one meeting that contradict each other
    assert run("diff", str(seeds / "000_c2b2ebef24f7c9bd.txt"), str(seeds / "001_127977346a318ce7.txt"), cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_one_error_line_before_any_byte_is_read(device, tmp_path, previous):
    write(tmp_path / "a.txt", A)
    started = time.monotonic()
    assert_one_error(run("diff", "a.txt", device, "--max-bytes", str(10**12), cwd=tmp_path),
                     says=f"{device} is a device, not a file: it holds no article to read; save the article to a file")
    before = snapshot(previous)
    assert_one_error(run("report", "good", device, "--out", "out", cwd=tmp_path), says=f"{device} is a device")
    assert_untouched(previous, before)
    with open(device, "rb") as endless:
        done = subprocess.run([sys.executable, "-m", "compare", "diff", "a.txt", "-"], cwd=tmp_path, env=ENV,
                              capture_output=True, text=True, timeout=60, stdin=endless)
    assert_one_error(done, says="standard input is a device, not an article")
    assert time.monotonic() - started < 60  # reading 10**12 bytes would take far longer


def test_a_closed_standard_output_is_one_error_line(tmp_path):
    write(tmp_path / "in" / "a.txt", A)
    write(tmp_path / "in" / "b.txt", B)
    process = subprocess.Popen(
        [sys.executable, "-m", "compare", "events", "in"], cwd=tmp_path, env=ENV,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )
    process.stdout.close()  # what `| head -0` does
    stderr = process.stderr.read().decode("utf-8")
    process.wait(timeout=300)
    done = subprocess.CompletedProcess(process.args, process.returncode, "", stderr)
    assert_one_error(done, says="standard output was closed")


def test_a_file_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path):
    folder = tmp_path / "in"
    write(folder / "b.txt", B)
    with open(os.path.join(os.fsencode(folder), b"a\xff\x1b[31m.txt"), "wb") as handle:
        handle.write(A.encode("utf-8"))
    done = run("report", "in", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "\x1b" not in done.stderr + done.stdout
    assert "a\\xff\\x1b[31m" in done.stderr  # the file named with its odd bytes escaped
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert "a\\xff\x1b[31m" in {s["id"] for s in report["sources"]}


def test_lone_surrogates_in_a_json_corpus_do_not_stop_the_reports(tmp_path):
    rows = [{"id": "a", "text": A.strip() + " \ud800"}, {"id": "b", "text": B}]
    write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    done = run("report", "c.jsonl", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "\ufffd" in (tmp_path / "out" / "report.json").read_text(encoding="utf-8")


def test_letters_that_only_case_fold_to_ascii_are_read_like_ascii(tmp_path):
    # Case-blind patterns match the long s and the Kelvin sign as "s" and "k"; every table lookup must fold alike.
    odd = {"s": "\u017f", "k": "\u212a"}
    for name, text in (("a.txt", A), ("b.txt", B + "The talks lasted two hours and were attended by 40 delegates.\n")):
        write(tmp_path / "in" / name, "".join(odd.get(ch, ch) for ch in text))
    done = run("report", "in", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))["sources"]


# --- limits on what is read, not what is stored --------------------------------------------------------------------


def test_a_tiny_parquet_file_of_dictionary_encoded_text_is_refused_up_front(tmp_path, previous):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    article = "Ministers met in Oslo. " * 40_000  # 920 KB, stored once in the dictionary
    pq.write_table(pa.table({"id": [f"r{i}" for i in range(200)], "text": [article] * 200}),
                   tmp_path / "bomb.parquet", compression="zstd")
    assert (tmp_path / "bomb.parquet").stat().st_size < 10_000
    before = snapshot(previous)
    done = run("report", "bomb.parquet", "--out", "out", "--max-bytes", "50000000", cwd=tmp_path)
    assert_one_error(done, says="bomb.parquet decodes to over 50,000,000 bytes of text")
    assert_untouched(previous, before)


def test_the_limit_holds_for_decoded_text_larger_than_the_file(tmp_path):
    data = ("\ufeff" + "会谈在奥斯陆结束。" * 50).encode("utf-16-le")  # 2 bytes a character on disk, 3 once decoded
    write(tmp_path / "talks.txt", data)
    done = run("events", "talks.txt", "--max-bytes", str(len(data) + 10), cwd=tmp_path)
    assert_one_error(done, says="talks.txt decodes to over")


def test_a_parquet_value_larger_than_the_limit_is_refused_from_the_metadata(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"id": ["a"], "text": ["x" * 2_000_000]}), tmp_path / "one.parquet", compression="zstd")
    done = run("report", "one.parquet", "--out", "out", "--max-bytes", "1000000", cwd=tmp_path)
    assert_one_error(done, says="one.parquet decodes to over 1,000,000 bytes of text (by its metadata)")


# --- honest decoding -------------------------------------------------------------------------------------------------


def test_utf8_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning_counting_them(tmp_path):
    text = "Ministers met in Zürich and Kraków on Monday; the café owners of Genève and Málaga cheered.\n"
    data = text.encode("utf-8").replace(b"Monday", b"Mon\xffday").replace(b"cheered", b"che\xfeered")
    write(tmp_path / "in" / "a.txt", data)
    write(tmp_path / "in" / "b.txt", B)
    done = run("events", "in", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Warning: in/a.txt is UTF-8 but for 2 invalid byte sequences, read as U+FFFD" in done.stderr
    from compare.models import Settings
    from compare.sources import load_sources

    (source,) = load_sources([tmp_path / "in" / "a.txt"], Settings())
    assert source.encoding == "utf-8" and "Zürich and Kraków" in source.text and source.text.count("\ufffd") == 2


def test_utf8_pasted_into_a_latin1_file_is_read_with_a_warning_that_names_it(tmp_path):
    # As many UTF-8 letters as Latin-1 ones: read as a code page, the UTF-8 half became "JĂ¶rg" without a word.
    utf8_part = "The talks lasted two hours, said Jörg Müller of the ministry.\n".encode("utf-8")
    latin1_part = "Café owners in Malmö cheered the ferry deal on Monday.\n".encode("latin-1")
    write(tmp_path / "in" / "mixed.txt", A.encode("utf-8") + utf8_part + latin1_part)
    write(tmp_path / "in" / "latin1.txt", (B + "Café owners in Malmö cheered.\n").encode("latin-1"))
    done = run("events", "in", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "mixes" in line]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: in/mixed.txt mixes UTF-8 with another encoding: read as ")
    assert "its 2 UTF-8 characters show as wrong letters; save the file in one encoding" in warnings[0]


def test_an_encoding_given_for_one_file_leaves_the_others_detected(tmp_path):
    write(tmp_path / "in" / "export.txt", "Ministers met in Zürich on Monday.".encode("utf-16-le"))
    write(tmp_path / "in" / "other.txt", "The ministers met in Genève on Monday.")
    done = run("events", "in", cwd=tmp_path)
    assert_one_error(done, says="pass --encoding in/export.txt=utf-16-le")
    from compare.models import Settings
    from compare.sources import load_sources

    sources = load_sources([tmp_path / "in"], Settings(file_encodings=((str(tmp_path / "in" / "export.txt"), "utf-16-le"),)))
    assert {s.id: s.text for s in sources} == {
        "export": "Ministers met in Zürich on Monday.", "other": "The ministers met in Genève on Monday.",
    }
    assert run("events", "in", "--encoding", "in/export.txt=utf-16-le", cwd=tmp_path).returncode == 0


def test_a_manifest_encoding_column_applies_to_its_file(tmp_path):
    write(tmp_path / "in" / "export.txt", "Ministers met in Zürich on Monday.".encode("utf-16-le"))
    write(tmp_path / "in" / "other.txt", "The ministers met in Genève on Monday.")
    write(tmp_path / "manifest.csv", "path,encoding\nin/export.txt,utf-16-le\n")
    from compare.models import Settings
    from compare.sources import load_sources

    sources = load_sources([tmp_path / "in"], Settings(manifest=str(tmp_path / "manifest.csv")))
    assert [s.text for s in sources] == ["Ministers met in Zürich on Monday.", "The ministers met in Genève on Monday."]


# --- the manifest ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("manifest, says", [
    ("id,outlet\na,Daily\nb,Weekly\na,Herald\n", "manifest.csv lines 2 and 4 both describe the id 'a'"),
    ("path,outlet\ngood/a.txt,Daily\n./good/a.txt,Herald\n", "manifest.csv lines 2 and 3 both describe the path './good/a.txt'"),
    ("id,published\na,0001-01-01\n", "manifest.csv line 2: published '0001-01-01' is out of range"),
])
def test_manifest_duplicates_and_dates_out_of_range_are_errors(manifest, says, tmp_path, previous):
    write(tmp_path / "manifest.csv", manifest)
    before = snapshot(previous)
    done = run("report", "good", "--manifest", "manifest.csv", "--out", "out", cwd=tmp_path)
    assert_one_error(done, says=says)
    assert_untouched(previous, before)


# --- inputs stay inside what was named ---------------------------------------------------------------------------------


def test_links_out_of_an_input_folder_are_skipped_with_a_warning(tmp_path):
    write(tmp_path / "in" / "a.txt", A)
    write(tmp_path / "in" / "b.txt", B)
    secret = write(tmp_path / "elsewhere" / "secret.txt", "The secret password is swordfish, said the minister.\n")
    os.symlink(secret, tmp_path / "in" / "c.txt")
    os.symlink(tmp_path / "elsewhere", tmp_path / "in" / "more")
    done = run("report", "in", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "outside in" in line]
    assert len(warnings) == 2 and all(w.startswith("Warning: skipped: in/") for w in warnings)
    assert "--follow-symlinks" in warnings[0]
    assert "swordfish" not in (tmp_path / "out" / "report.json").read_text(encoding="utf-8")
    followed = run("report", "in", "--out", "out", "--follow-symlinks", cwd=tmp_path)
    assert followed.returncode == 0, followed.stderr
    assert "swordfish" in (tmp_path / "out" / "report.json").read_text(encoding="utf-8")


# --- terminal-safe messages ----------------------------------------------------------------------------------------


def test_ids_and_text_cannot_drive_the_terminal_or_forge_lines(tmp_path):
    forged = "x\x1b]0;owned\x07\r\nError: forged\u202e\x9b31m"
    rows = [{"id": forged, "text": A}, {"id": forged, "text": B}]
    write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    done = run("report", "c.jsonl", "--out", "out", cwd=tmp_path)
    assert_one_error(done, says="has the id 'x\\x1b]0;owned\\x07\\r\\nError: forged\\u202e\\x9b31m'")
    rows = [{"id": forged, "text": A}, {"id": "b", "text": B, "title": forged}]
    write(tmp_path / "c.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    done = run("events", "c.jsonl", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert not any(ch in done.stdout + done.stderr for ch in "\x1b\r\x07\x9b\u202e")
    assert all(not line.startswith("Error") for line in done.stdout.splitlines())


# --- --out checked before the work ---------------------------------------------------------------------------------


def test_a_read_only_output_folder_is_an_error_and_is_not_replaced(tmp_path, previous):
    before = snapshot(previous)
    previous.chmod(0o555)
    try:
        done = run("report", "good", "--out", "out", cwd=tmp_path)
    finally:
        previous.chmod(0o755)
    assert_one_error(done, says="out/: cannot write here (a read-only folder)")
    assert_untouched(previous, before)


@pytest.mark.parametrize("out, says", [
    ("", "--out is empty"),
    ("good", "--out good is inside the input folder good"),
    ("good/reports", "--out good/reports is inside the input folder good"),
    ("good/a.txt/reports", "good/a.txt/reports/: cannot write here (not a directory)"),
])
def test_bad_output_folders_are_refused_before_any_work(out, says, tmp_path, previous):
    write(tmp_path / "good" / "deep.json", "[" * 100_000 + "]" * 100_000)  # an input error, found only later
    before = snapshot(tmp_path / "good")
    done = run("report", "good", "--out", out, cwd=tmp_path)
    assert_one_error(done, says=says)
    assert snapshot(tmp_path / "good") == before and hidden(tmp_path) == []


# --- interrupted runs ---------------------------------------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_temp_output_of_a_killed_run_is_removed_by_the_next_run_and_a_live_one_kept(tmp_path, previous):
    dead, alive = _dead_pid(), os.getpid()
    stale = tmp_path / f".out.crosscheck-{dead}-k1x2.tmp"
    write(stale / "report.html", "<html>half")
    old = tmp_path / f".out.crosscheck-{dead}-k1x3.old"
    write(old / "report.md", "old")
    running = tmp_path / f".out.crosscheck-{alive}-z9.tmp"
    write(running / "report.md", "being written")
    other = tmp_path / f".notes.crosscheck-{dead}-k1x4.tmp"  # not this output's
    write(other / "x", "x")
    done = run("report", "good", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(hidden(tmp_path)) == sorted([running.name, other.name])


def _start_writing(tmp_path: Path) -> subprocess.Popen:
    """A run into tmp_path/out, returned once it has begun writing report bytes into its temporary folder."""
    # Many small events: comparing is quick, and the reports take long enough to write to be caught at it.
    cities = ["Oslo", "Lima", "Quito", "Accra", "Dakar", "Hanoi", "Riga", "Sofia", "Tunis", "Bern"]
    rows = [
        {"id": f"s{k}", "published": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}",
         "text": f"Ministers met in {cities[k % 10]} on Monday to talk about ferry line {k}. " * 3
                 + " ".join(f"Minister {i} said line {k} would carry {i * 7 + k} cars a day." for i in range(30))}
        for k in range(400)
    ]
    write(tmp_path / "corpus.jsonl", "".join(json.dumps(r) + "\n" for r in rows))
    process = subprocess.Popen(
        [sys.executable, "-m", "compare", "report", "corpus.jsonl", "--out", "out", "--workers", "2"],
        cwd=tmp_path, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
    )

    def writing() -> bool:
        try:
            temps = [tmp_path / n for n in hidden(tmp_path) if n.startswith(".out.crosscheck-")]
            return any(f.stat().st_size > 0 for t in temps for f in t.iterdir())
        except FileNotFoundError:  # removed as we looked
            return False

    deadline = time.monotonic() + 240
    while not writing():
        assert process.poll() is None, "the run ended before it began writing"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    return process


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_signal_while_writing_leaves_the_previous_report_and_no_temp_output(signum, tmp_path, previous):
    before = snapshot(previous)
    process = _start_writing(tmp_path)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    done = subprocess.CompletedProcess(process.args, process.returncode, "", stderr.decode("utf-8"))
    name = signal.Signals(signum).name
    assert_one_error(done, says=f"interrupted by {name}; no temporary output was left", code=128 + signum)
    assert_untouched(previous, before)


def _running(pid: int) -> bool:
    """Whether the process exists and has not ended (a zombie waiting to be reaped has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state not in ("Z", "X")


def test_a_killed_run_takes_its_writers_with_it_and_the_next_run_removes_its_temp_output(tmp_path, previous):
    if not sys.platform.startswith("linux"):
        pytest.skip("parent-death signals and /proc are Linux features")
    before = snapshot(previous)
    process = _start_writing(tmp_path)
    children = [int(pid) for task in Path(f"/proc/{process.pid}/task").iterdir()
                for pid in (task / "children").read_text().split()]
    assert children  # the forked report writer
    process.kill()
    process.communicate(timeout=120)
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in children)
    assert snapshot(previous) == before  # the previous report is whole; the killed run's debris is beside it
    assert [n for n in hidden(tmp_path) if n.startswith(f".out.crosscheck-{process.pid}-")]
    done = run("report", "good", "--out", "out", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert hidden(tmp_path) == []


def test_workers_are_set_to_die_with_their_parent():
    if not sys.platform.startswith("linux"):
        pytest.skip("parent-death signals are a Linux feature")
    code = (
        "import ctypes, signal\n"
        "from compare.subprocesses import die_with_parent\n"
        "die_with_parent()\n"
        "value = ctypes.c_int()\n"
        "ctypes.CDLL(None).prctl(2, ctypes.byref(value), 0, 0, 0)  # PR_GET_PDEATHSIG\n"
        "print(value.value == signal.SIGKILL, signal.getsignal(signal.SIGINT) is signal.SIG_IGN)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], env=ENV, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["True", "True"], done.stderr


# --- no silent loss ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Ministers of Norway and Sweden met in Oslo on Monday and agreed to add 12 ferries",
    "Ministers of Norway and Sweden met in Oslo on Monday and agreed to add 12 ferries. “The deal is done,” the Norwegian minister said",
    "Ministers of Norway and Sweden met in Oslo on Monday and agreed to add 12 ferries\n\nReporting by Jane Doe; Editing by John Roe",
])
def test_an_article_without_its_final_full_stop_keeps_its_sentences_and_its_contradiction(text, tmp_path):
    write(tmp_path / "a.txt", text)
    write(tmp_path / "b.txt", "Ministers of Norway and Sweden met in Oslo on Monday and agreed to add 30 ferries.\n")
    done = run("diff", "a.txt", "b.txt", cwd=tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "contradict" in done.stdout and done.stderr == ""


def test_a_one_line_headline_file_is_one_sentence():
    from compare.models import Source
    from compare.pipeline import prepare

    prepared = prepare(Source(id="h", path="h.txt", text="Oslo Talks End With Ferry Deal\n"))
    assert [s.text for s in prepared.sentences] == ["Oslo Talks End With Ferry Deal"]
    titled = prepare(Source(id="t", path="t.txt", text="Oslo talks end with ferry deal\n\nMinisters met in Oslo.\n"))
    assert titled.source.title == "Oslo talks end with ferry deal" and len(titled.sentences) == 1


def test_a_source_left_without_sentences_is_named_in_a_warning(tmp_path):
    write(tmp_path / "in" / "a.txt", A)
    write(tmp_path / "in" / "b.txt", B)
    write(tmp_path / "in" / "menu.txt", "Home | World | Business\n\nSubscribe to our newsletter\n")
    done = run("events", "in", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    (warning,) = [line for line in done.stderr.splitlines() if line.startswith("Warning: menu ")]
    assert warning == (
        "Warning: menu has no sentence to compare: every line was set aside (2 boilerplate); see its dropped lines "
        "in report.json, or save its article text as .txt"
    )


# --- a folder where a file is expected --------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["in", "in/a.txt"], ["in/a.txt", "in"], ["in", "in"]])
def test_diff_of_a_folder_is_one_error_line_not_two_of_its_files(args, tmp_path):
    # A folder of two articles was read as A and B whatever the order given: `diff in in/a.txt` reported a as A.
    write(tmp_path / "in" / "a.txt", A)
    write(tmp_path / "in" / "b.txt", B)
    done = run("diff", *args, cwd=tmp_path)
    assert_one_error(done, says="in is a folder; diff compares two articles: pass two files")
    assert done.stdout == ""
