import dataclasses
import json
import os
import time

import pytest

from compare.models import OutputNotWritable
from compare.report import writer
from compare.report.writer import REPORT_FILES, render_reports, write_reports
from report_fixture import make_comparison


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_writes_every_report_and_returns_their_paths(tmp_path):
    c = make_comparison()
    out = tmp_path / "reports"
    paths = write_reports(c, out)
    assert [p.name for p in paths] == ["report.json", "findings.csv", "claims.csv", "facts.csv", "report.md", "report.html"]
    assert all(p.parent == out for p in paths)
    rendered = render_reports(c)
    for path in paths:
        assert path.read_bytes() == rendered[path.name].encode("utf-8")
    assert listing(tmp_path) == ["reports"]  # no temporary folder left beside it


def test_creates_missing_parents_and_accepts_strings(tmp_path):
    out = tmp_path / "a" / "b" / "reports"
    write_reports(make_comparison(), str(out))
    assert listing(out) == sorted(REPORT_FILES)


def test_replaces_a_previous_report_whole(tmp_path):
    out = tmp_path / "reports"
    c = make_comparison()
    write_reports(dataclasses.replace(c, events=c.events[:1]), out)
    before = (out / "report.json").read_text(encoding="utf-8")
    write_reports(c, out)
    after = (out / "report.json").read_text(encoding="utf-8")
    assert before != after
    assert len(json.loads(after)["events"]) == 2
    assert listing(tmp_path) == ["reports"]


def test_failure_while_rendering_leaves_the_previous_report_intact(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    write_reports(make_comparison(), out)
    before = {name: (out / name).read_bytes() for name in REPORT_FILES}

    def broken(index, claims):
        yield "<!DOCTYPE html>\n"  # part of the page is already written when the renderer fails
        raise RuntimeError("renderer failed")

    monkeypatch.setattr("compare.report.html.html_chunks", broken)
    with pytest.raises(RuntimeError):
        write_reports(make_comparison(), out)
    assert {name: (out / name).read_bytes() for name in REPORT_FILES} == before
    assert listing(tmp_path) == ["reports"]


def test_interrupted_write_leaves_the_previous_report_intact(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    write_reports(make_comparison(), out)
    before = {name: (out / name).read_bytes() for name in REPORT_FILES}
    real_write = writer._write_file
    calls = []

    def write_then_die(path, text):
        calls.append(path.name)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the user pressed Ctrl-C half way through
        real_write(path, text)

    monkeypatch.setattr(writer, "_write_file", write_then_die)
    c = make_comparison()
    with pytest.raises(KeyboardInterrupt):
        write_reports(dataclasses.replace(c, events=c.events[:1]), out)
    assert {name: (out / name).read_bytes() for name in REPORT_FILES} == before
    assert listing(tmp_path) == ["reports"]


def test_swap_without_an_atomic_exchange_call(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    write_reports(make_comparison(), out)
    monkeypatch.setattr(writer.ctypes.util, "find_library", lambda name: None)
    c = make_comparison()
    write_reports(dataclasses.replace(c, events=c.events[:1]), out)
    assert len(json.loads((out / "report.json").read_text(encoding="utf-8"))["events"]) == 1
    assert listing(tmp_path) == ["reports"]


def test_folder_with_other_files_keeps_them(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    (out / "report.md").write_text("old", encoding="utf-8")
    write_reports(make_comparison(), out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert (out / "report.md").read_text(encoding="utf-8").startswith("# crosscheck report")
    assert listing(out) == sorted([*REPORT_FILES, "notes.txt"])


def test_output_under_a_file_is_not_writable(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputNotWritable) as error:
        write_reports(make_comparison(), blocker / "reports")
    assert str(error.value) == (
        f"{blocker / 'reports'}/: cannot write here (not a directory); pass --out to a writable folder"
    )
    with pytest.raises(OutputNotWritable, match=r"file\.txt/: cannot write here \(not a directory\); pass --out"):
        write_reports(make_comparison(), blocker)
    assert listing(tmp_path) == ["file.txt"]


def test_message_names_the_folder_as_given(tmp_path, monkeypatch):
    blocker = tmp_path / "reports"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(OutputNotWritable) as error:
        write_reports(make_comparison(), "reports/")
    assert str(error.value) == "reports/: cannot write here (not a directory); pass --out to a writable folder"


def test_permission_denied_is_not_writable(tmp_path, monkeypatch):
    # Tests may run as root, who can write into a read-only folder: refuse the way the OS would.
    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writer.tempfile, "mkdtemp", denied)
    with pytest.raises(OutputNotWritable) as error:
        write_reports(make_comparison(), tmp_path / "reports")
    assert str(error.value).endswith("reports/: cannot write here (permission denied); pass --out to a writable folder")
    assert listing(tmp_path) == []


def test_source_ids_never_become_paths(tmp_path):
    c = make_comparison()
    hostile = dataclasses.replace(c.sources[0], id="../../escaped", title="../../../etc/passwd")
    c = dataclasses.replace(c, sources=(hostile, *c.sources[1:]))
    out = tmp_path / "deep" / "reports"
    write_reports(c, out)
    assert listing(tmp_path) == ["deep"]
    assert listing(tmp_path / "deep") == ["reports"]
    assert listing(out) == sorted(REPORT_FILES)


def test_folder_permissions_follow_the_umask(tmp_path):
    out = tmp_path / "reports"
    old = os.umask(0o022)
    try:
        write_reports(make_comparison(), out)
    finally:
        os.umask(old)
    assert out.stat().st_mode & 0o777 == 0o755


def test_write_text_writes_one_file_whole(tmp_path):
    target = tmp_path / "sub" / "pair.csv"
    assert writer.write_text(target, "event,source\n") == target
    assert target.read_text(encoding="utf-8") == "event,source\n"
    writer.write_text(target, "replaced\n")
    assert target.read_text(encoding="utf-8") == "replaced\n"
    assert listing(target.parent) == ["pair.csv"]


def test_write_text_refuses_a_folder_or_a_path_under_a_file(tmp_path):
    with pytest.raises(OutputNotWritable, match=r": cannot write here \(is a directory\); pass a writable file path$"):
        writer.write_text(tmp_path, "x")
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(OutputNotWritable, match=r"pair\.csv: cannot write here \(not a directory\)"):
        writer.write_text(blocker / "pair.csv", "x")
    assert blocker.read_text(encoding="utf-8") == "x"


def test_write_text_writes_into_a_pipe_and_leaves_it_a_pipe(tmp_path):
    # /dev/null, /dev/stdout and a named pipe are written into: renaming a file over /dev/null (root may) would
    # replace the device for every program on the machine
    import stat
    import threading

    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    # the reader opens the pipe when its thread runs; the writer refuses a pipe nothing reads
    for _ in range(100):
        try:
            writer.write_text(pipe, "event,source\r\n")
            break
        except OutputNotWritable:
            time.sleep(0.05)
    reader.join(timeout=10)
    assert received == [b"event,source\r\n"]
    assert stat.S_ISFIFO(pipe.stat().st_mode) and listing(tmp_path) == ["pipe.csv"]


def test_write_text_refuses_a_pipe_nothing_reads_instead_of_waiting(tmp_path):
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    with pytest.raises(OutputNotWritable, match=r"pipe\.csv: cannot write here \(a pipe that nothing reads\)"):
        writer.write_text(pipe, "x")


def test_a_file_output_that_is_an_input_or_inside_an_input_folder_is_refused_before_the_work(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Ministers met.\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    with pytest.raises(writer.OutputInsideInput, match=r"--csv .*a\.txt is the input .*a\.txt; writing it would "
                                                       r"replace the article: pass --csv a new file name"):
        writer.check_file_output(tmp_path / "." / "a.txt", [str(article), str(tmp_path / "b.txt")])
    with pytest.raises(writer.OutputInsideInput, match=r"--csv .*pair\.csv is inside the input folder .*in, so the "
                                                       r"next run would read it as an article"):
        writer.check_file_output(tmp_path / "in" / "pair.csv", [str(tmp_path / "in")])
    with pytest.raises(OutputNotWritable, match=r"cannot write here \(is a directory\)"):
        writer.check_file_output(tmp_path / "in", [str(article)])
    with pytest.raises(OutputNotWritable, match=r"cannot write here \(not a directory\)"):
        writer.check_file_output(article / "pair.csv", [])
    assert writer.check_file_output(tmp_path / "new" / "pair.csv", [str(article)]) == tmp_path / "new" / "pair.csv"
    assert article.read_text(encoding="utf-8") == "Ministers met.\n" and not (tmp_path / "new").exists()


def test_out_dot_writes_into_the_working_folder_without_replacing_it(tmp_path, monkeypatch):
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    before = here.stat().st_ino
    paths = write_reports(make_comparison(), ".")
    assert [str(p) for p in paths] == [name for name in REPORT_FILES]
    assert listing(here) == sorted(REPORT_FILES)
    assert here.stat().st_ino == before and os.getcwd() == str(here)
    write_reports(make_comparison(), ".")  # again, now that the folder holds a report
    assert listing(here) == sorted(REPORT_FILES) and listing(tmp_path) == ["here"]


def test_a_folder_that_cannot_be_renamed_is_filled_file_by_file(tmp_path, monkeypatch):
    out = tmp_path / "reports"
    c = make_comparison()
    write_reports(dataclasses.replace(c, events=c.events[:1]), out)

    def busy(new, current):
        raise OSError(16, "Device or resource busy")  # e.g. a mount point

    monkeypatch.setattr(writer, "_swap", busy)
    write_reports(c, out)
    assert len(json.loads((out / "report.json").read_text(encoding="utf-8"))["events"]) == 2
    assert listing(out) == sorted(REPORT_FILES) and listing(tmp_path) == ["reports"]


def test_failure_while_rendering_into_a_kept_folder_replaces_no_file(tmp_path, monkeypatch):
    """With other files in the folder, reports are written beside their names and renamed only when all six
    are written: a renderer failing half way leaves every previous report, and no temporary file."""
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("keep me", encoding="utf-8")
    write_reports(make_comparison(), out)
    before = {name: (out / name).read_bytes() for name in REPORT_FILES}

    def broken(index, claims):
        yield "# crosscheck report\n"
        raise RuntimeError("renderer failed")

    monkeypatch.setattr("compare.report.markdown.markdown_chunks", broken)
    c = make_comparison()
    with pytest.raises(RuntimeError):
        write_reports(dataclasses.replace(c, events=c.events[:1]), out)
    assert {name: (out / name).read_bytes() for name in REPORT_FILES} == before
    assert listing(out) == sorted([*REPORT_FILES, "notes.txt"])


def test_reports_are_written_in_pieces(tmp_path, monkeypatch):
    """The writer takes each report as pieces and writes them as they come (never the six reports at once)."""
    seen = {}
    real_write = writer._write_file

    def spy(path, text):
        pieces = list(text)
        seen[path.name] = len(pieces)
        real_write(path, iter(pieces))

    monkeypatch.setattr(writer, "_write_file", spy)
    c = make_comparison()
    paths = write_reports(c, tmp_path / "reports")
    assert set(seen) == set(REPORT_FILES) and all(n > 1 for n in seen.values())
    rendered = render_reports(c)
    assert all(p.read_bytes() == rendered[p.name].encode("utf-8") for p in paths)


def test_write_file_buffers_pieces_into_one_file(tmp_path, monkeypatch):
    monkeypatch.setattr(writer, "_WRITE_BUFFER", 4)
    target = tmp_path / "x.txt"
    writer._write_file(target, iter(["ab", "cdé", "", "\r\nf", "g" * 10]))
    assert target.read_bytes() == ("abcdé\r\nf" + "g" * 10).encode("utf-8")
    writer._write_file(target, "whole string")
    assert target.read_bytes() == b"whole string"


@pytest.mark.parametrize("workers", [2, 3, 8])
def test_several_writer_processes_write_the_same_bytes(tmp_path, workers):
    c = make_comparison()
    one = write_reports(c, tmp_path / "one")
    many = write_reports(c, tmp_path / "many", workers=workers)
    assert [p.read_bytes() for p in many] == [p.read_bytes() for p in one]
    assert listing(tmp_path) == ["many", "one"]


@pytest.mark.parametrize("broken_module", ["html", "markdown"])
def test_failure_in_a_writer_process_leaves_the_previous_report_intact(tmp_path, monkeypatch, broken_module):
    """Whichever process renders the broken report (this one or a forked writer), the error reaches the caller
    and nothing is replaced."""
    out = tmp_path / "reports"
    write_reports(make_comparison(), out)
    before = {name: (out / name).read_bytes() for name in REPORT_FILES}

    def broken(index, claims):
        yield "partial"
        raise RuntimeError("renderer failed")

    name = {"html": "html_chunks", "markdown": "markdown_chunks"}[broken_module]
    monkeypatch.setattr(f"compare.report.{broken_module}.{name}", broken)
    with pytest.raises(RuntimeError, match="renderer failed"):
        write_reports(make_comparison(), out, workers=2)
    assert {name: (out / name).read_bytes() for name in REPORT_FILES} == before
    assert listing(tmp_path) == ["reports"]


def test_reports_are_shared_out_by_cost():
    jobs = [(name, None, None) for name in REPORT_FILES]
    groups = writer.share_out(jobs, 2)
    loads = [sum(writer._RENDER_COST[name] for name, _, _ in group) for group in groups]
    assert sorted(name for group in groups for name, _, _ in group) == sorted(REPORT_FILES)
    assert max(loads) - min(loads) <= min(writer._RENDER_COST.values())
    assert groups[0][0][0] == "report.html"  # the costliest report is rendered by the calling process
    assert len(writer.share_out(jobs, 9)) == len(REPORT_FILES)


def test_a_large_comparison_is_written_by_one_process(tmp_path, monkeypatch):
    forked = []
    monkeypatch.setattr(writer, "share_out", lambda jobs, workers: forked.append(workers) or [jobs])
    c = make_comparison()
    write_reports(c, tmp_path / "small", workers=2)
    assert forked == [2]
    monkeypatch.setattr(writer, "PARALLEL_WRITE_MAX_FINDINGS", len(c.finding_records) - 1)
    write_reports(c, tmp_path / "large", workers=2)
    assert forked == [2]  # not shared out again
    assert (tmp_path / "large" / "report.json").read_bytes() == (tmp_path / "small" / "report.json").read_bytes()
