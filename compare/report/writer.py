"""The one place that writes reports to disk, atomically.

Every report is written into a fresh temporary folder beside the output folder as it is rendered (piece by
piece, so a large report is never held whole in memory), and only when all of them are written is that folder
swapped into place in one step (Linux `renameat2(RENAME_EXCHANGE)`, or two renames elsewhere). An interrupted or
failed run leaves the previous report as it was; a reader never sees a half-written report folder.

When the output folder already holds files that are not reports (say `--out .`), the folder is not swapped
(that would delete them): each report file is written beside its final name, and once all of them are
written each is renamed over its final name, so every file is still whole, and nothing else in the folder is
touched.

File names are fixed (REPORT_FILES); nothing derived from a source id or title becomes a path, so no input
can make the writer write outside the output folder.

Temporary folders and files carry the writing process's id (`.NAME.crosscheck-PID-XXXX.tmp`): an interrupted
run removes its own on the way out, and a run killed outright (SIGKILL, a power cut) leaves them for the next
run into the same folder, which removes every one whose process is gone. Forked writers die with their parent.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import functools
import multiprocessing
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

from compare.claims import Claim, claims_by_event
from compare.comparison import Comparison
from compare.index import ResultIndex
from compare.models import CompareError, OutputNotWritable
from compare.subprocesses import die_with_parent

REPORT_FILES = ("report.json", "findings.csv", "claims.csv", "facts.csv", "report.md", "report.html")

# Bytes gathered before one write: few system calls, little memory.
_WRITE_BUFFER = 1 << 20
# Relative cost of rendering each report once the shared indexes are built, to share them out among writer
# processes. Measured on the 1,000-article benchmark corpus (seconds: html 0.58, findings.csv 0.37, json 0.30,
# md 0.19, claims.csv 0.04); facts.csv writes a few rows per source from fact sheets built once, before forking.
_RENDER_COST = {
    "report.html": 6, "findings.csv": 4, "report.json": 3, "report.md": 2, "claims.csv": 1, "facts.csv": 1,
}
# Above this many findings the reports are written by one process. A forked writer shares the Comparison's
# pages only until it reads them: CPython updates reference counts as it goes, so each page it reads is copied.
# On the 10,000-article benchmark corpus (1.27M findings) a second writer saved 3 s of 80 and added 290 MB to a
# 1.87 GB peak; at 1,000 articles (127,000 findings) it saves 0.7 s of 8 for about 40 MB.
PARALLEL_WRITE_MAX_FINDINGS = 400_000


class OutputInsideInput(CompareError):
    """The report folder is (inside) a folder of articles being read."""


def check_output(out_dir, inputs: Sequence[str] = ()) -> Path:
    """Refuse, before any work, an output folder the reports could not be written to or should not be.

    Refused: an empty name; a path through a file; an existing folder without write permission (read-only by
    its mode bits too, so that a folder protected with chmod a-w is not replaced even when running as root);
    a missing folder whose nearest existing parent is not writable; a folder that is, or is inside, an input
    folder (the next run would read the reports as articles). Returns the folder as an absolute path.
    """
    name = os.fspath(out_dir)
    if not name.strip():
        raise OutputNotWritable("--out is empty; pass the folder to write the reports to, e.g. --out reports")
    out = Path(os.path.abspath(name))
    shown = name.rstrip("/\\") or name
    existing = next(folder for folder in (out, *out.parents) if folder.exists())
    if not existing.is_dir():
        raise OutputNotWritable(f"{shown}/: cannot write here (not a directory); pass --out to a writable folder")
    if existing == out and not _writable(out):
        raise OutputNotWritable(
            f"{shown}/: cannot write here (a read-only folder); make it writable (chmod u+w) or pass --out to a "
            f"writable folder"
        )
    if existing == out and not _keep_folder(out) and not _writable(out.parent):
        raise OutputNotWritable(
            f"{shown}/: cannot write here (its parent folder is read-only); pass --out to a writable folder"
        )
    if existing != out and not _writable(existing):
        raise OutputNotWritable(
            f"{shown}/: cannot write here ({existing} is read-only); pass --out to a writable folder"
        )
    real = os.path.realpath(out)
    for given in inputs:
        if given == "-" or not os.path.isdir(given):
            continue
        folder = os.path.realpath(given)
        if real == folder or real.startswith(folder.rstrip(os.sep) + os.sep):
            raise OutputInsideInput(
                f"--out {shown} is inside the input folder {given}, so the next run would read the reports as "
                f"articles; pass --out to a folder outside {given}"
            )
    return out


def check_file_output(path, inputs: Sequence[str] = ()) -> Path:
    """Refuse, before any work, a file `diff --csv` could not write or should not: a folder, a path through a
    file, one of the inputs (writing it would replace the article) or a file inside an input folder (the next run
    would read it as an article). Returns the path as given."""
    target = Path(path)
    name = os.fspath(path)
    try:
        _check_file_path(target)
    except OSError as error:
        reason = error.strerror.lower()
        raise OutputNotWritable(f"{name}: cannot write here ({reason}); pass a writable file path") from None
    real = os.path.realpath(target)
    for given in inputs:
        if given == "-":
            continue
        source = os.path.realpath(given)
        if real == source:
            raise OutputInsideInput(
                f"--csv {name} is the input {given}; writing it would replace the article: pass --csv a new file name"
            )
        if os.path.isdir(given) and real.startswith(source.rstrip(os.sep) + os.sep):
            raise OutputInsideInput(
                f"--csv {name} is inside the input folder {given}, so the next run would read it as an article; "
                f"pass --csv a file outside {given}"
            )
    return target


def _check_file_path(target: Path) -> None:
    """Raise the OSError writing `target` would meet: a folder in its way that is a file, or `target` a folder."""
    for folder in target.parents:
        if folder.exists():
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
            break
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))


def _writable(folder: Path) -> bool:
    mode = folder.stat().st_mode
    return os.access(folder, os.W_OK | os.X_OK) and bool(mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


# The mark of this writer's temporary names, with the writing process's id: .NAME.crosscheck-PID-XXXX.tmp|.old
_TMP_MARK = "crosscheck-"
_STALE = re.compile(rf"^\.(?P<name>.+)\.{_TMP_MARK}(?P<pid>\d+)-[^.]*\.(?:tmp|old)$")


def _tmp_prefix(name: str) -> str:
    return f".{name}.{_TMP_MARK}{os.getpid()}-"


def _process_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # another user's process
        return False
    return False


def remove_stale(folder: Path, names: Iterable[str]) -> list[Path]:
    """Remove the temporary folders and files in `folder` left for `names` by writers whose process is gone."""
    wanted = set(names)
    removed = []
    try:
        entries = os.listdir(folder)
    except OSError:
        return removed
    for entry in entries:
        match = _STALE.match(entry)
        if match is None or match.group("name") not in wanted or not _process_gone(int(match.group("pid"))):
            continue
        path = folder / entry
        if path.is_dir() and not path.is_symlink():
            for sub in (path, *path.rglob("*")):
                if sub.is_dir():
                    os.chmod(sub, stat.S_IRWXU)  # a swapped-out copy of a read-only folder
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        removed.append(path)
    return removed


def report_chunks(
    index: ResultIndex, claims: Callable[[], dict[str, list[Claim]]]
) -> dict[str, Callable[[], Iterator[str]]]:
    """File name -> a function giving that report's text in pieces, in REPORT_FILES order.

    The reports share the index and the claim matrix (`claims` gives the same dict at every call: see
    shared_claims), so each lookup, and the claims, are worked out once for all of them.
    """
    from compare.report import csv_report, html, json_report, markdown

    # Looked up at call time, so each renderer can be replaced (tests make one fail).
    renderers = {
        "report.json": lambda: json_report.json_chunks(index),
        "findings.csv": lambda: csv_report.findings_csv_chunks(index),
        "claims.csv": lambda: csv_report.claims_csv_chunks(index, claims()),
        "facts.csv": lambda: csv_report.facts_csv_chunks(index),
        "report.md": lambda: markdown.markdown_chunks(index, claims()),
        "report.html": lambda: html.html_chunks(index, claims()),
    }
    return {name: renderers[name] for name in REPORT_FILES}


def shared_claims(index: ResultIndex) -> Callable[[], dict[str, list[Claim]]]:
    """The claims of the indexed result by event, worked out at the first call (by the first report that needs
    them) and the same dict after."""
    return functools.cache(functools.partial(claims_by_event, index))


def render_reports(c: Comparison) -> dict[str, str]:
    """File name -> contents of every report, in REPORT_FILES order (whole strings: for tests and small runs)."""
    index = ResultIndex(c)
    return {name: "".join(chunks()) for name, chunks in report_chunks(index, shared_claims(index)).items()}


def write_reports(c: Comparison, out_dir, workers: int = 1) -> list[Path]:
    """Render every report of `c` and write them into `out_dir` atomically; return the written paths.

    With `workers` > 1 (on Linux), the reports are rendered by that many processes at once: this one and
    forked copies of it, which share the Comparison's memory instead of receiving a copy.
    Raises OutputNotWritable when the folder (or its parent) cannot be created or written.
    """
    check_output(out_dir)
    index = ResultIndex(c)
    claims = shared_claims(index)
    contents = report_chunks(index, claims)
    if len(c.finding_records) > PARALLEL_WRITE_MAX_FINDINGS:
        workers = 1
    if workers > 1 and _can_fork():
        _ = index.findings_by_event, index.counts, index.fact_sheets, claims()  # shared by several reports: built once
    out = Path(out_dir)
    try:
        _write_all(out, contents, workers)
    except OSError as error:
        shown = os.fspath(out_dir).rstrip("/\\") or os.fspath(out_dir)
        reason = (error.strerror or type(error).__name__).lower()
        raise OutputNotWritable(
            f"{shown}/: cannot write here ({reason}); pass --out to a writable folder"
        ) from error
    return [out / name for name in contents]


def _write_all(out: Path, contents: dict[str, Callable[[], Iterable[str]]], workers: int = 1) -> None:
    for folder in (out, *out.parents):
        if folder.exists():
            if not folder.is_dir():  # the folder, or one of its parents, is a file
                raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
            break
    out = Path(os.path.abspath(out))  # "." has no name and no parent of its own
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    remove_stale(parent, [out.name])
    if _keep_folder(out):
        remove_stale(out, contents)
        _replace_files(out, contents, workers)
        return
    tmp = Path(tempfile.mkdtemp(prefix=_tmp_prefix(out.name), suffix=".tmp", dir=parent))
    try:
        _write_files([(name, tmp / name, chunks) for name, chunks in contents.items()], workers)
        os.chmod(tmp, out.stat().st_mode & 0o7777 if out.is_dir() else _default_dir_mode())
        _fsync_dir(tmp)
        if out.is_dir():
            try:
                _swap(tmp, out)  # tmp now holds the previous report
            except OSError as error:
                if error.errno not in (errno.EBUSY, errno.EXDEV):
                    raise
                # A mount point cannot be renamed: copy the written reports in, file by file.
                _replace_files(out, {name: _reader(tmp / name) for name in contents})
        else:
            os.rename(tmp, out)
        _fsync_dir(parent)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


# --- Rendering in several processes --------------------------------------------------------------------------

Job = tuple[str, Path, Callable[[], Iterable[str]]]  # report name, file written, its text in pieces


def _can_fork() -> bool:
    # Forked writers share the parent's memory; where fork is unavailable or unsafe (Windows, macOS) one
    # process writes everything.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _write_files(jobs: list[Job], workers: int) -> None:
    """Write each (path, chunks) job. With workers > 1, jobs are shared out (costliest first, each to the least
    loaded) between this process and forked children; any failure is raised here once all have finished."""
    if workers <= 1 or len(jobs) < 2 or not _can_fork():
        for _name, path, chunks in jobs:
            _write_file(path, chunks())
        return
    groups = share_out(jobs, workers)
    context = multiprocessing.get_context("fork")
    children = []
    for group in groups[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_write_group, args=(group, send), daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    error: BaseException | None = None
    try:
        for _name, path, chunks in groups[0]:
            _write_file(path, chunks())
    except BaseException as failure:  # re-raised below, once the children have finished
        error = failure
        for child, _receive in children:  # their files are about to be removed: stop them
            child.kill()
    for child, receive in children:
        try:
            outcome = receive.recv()
        except EOFError:
            outcome = OSError(errno.EIO, "a report writer process ended unexpectedly")
        child.join()
        error = error or outcome
    if error is not None:
        raise error


def share_out(jobs: list[Job], workers: int) -> list[list[Job]]:
    """Jobs in at most `workers` groups of near-equal estimated cost (longest processing time first)."""
    groups: list[list[Job]] = [[] for _ in range(min(workers, len(jobs)))]
    loads = [0] * len(groups)
    for job in sorted(jobs, key=lambda j: (-_RENDER_COST.get(j[0], 1), j[0])):
        least = loads.index(min(loads))
        groups[least].append(job)
        loads[least] += _RENDER_COST.get(job[0], 1)
    return groups


def _write_group(jobs: list[Job], send) -> None:
    """In a forked writer: write its jobs, then send back None or the exception that stopped it."""
    die_with_parent()
    try:
        for _name, path, chunks in jobs:
            _write_file(path, chunks())
    except BaseException as failure:
        try:
            send.send(failure)
        except Exception:  # an exception that cannot be pickled: send what it said
            send.send(OSError(errno.EIO, f"{type(failure).__name__}: {failure}"))
    else:
        send.send(None)
    finally:
        send.close()


def _reader(path: Path) -> Callable[[], Iterator[str]]:
    def chunks() -> Iterator[str]:
        with open(path, encoding="utf-8", newline="") as handle:
            while piece := handle.read(_WRITE_BUFFER):
                yield piece

    return chunks


def _keep_folder(out: Path) -> bool:
    """True when the folder itself must stay: it holds other files, is a link, or is (inside) the working folder."""
    if not out.exists():
        return False
    if out.is_symlink() or set(os.listdir(out)) - set(REPORT_FILES):
        return True
    cwd = Path(os.getcwd())
    return cwd == out or out in cwd.parents


def _replace_files(out: Path, contents: dict[str, Callable[[], Iterable[str]]], workers: int = 1) -> None:
    """Write every file beside its final name, then rename each over it: a failure while rendering or writing
    leaves every previous file as it was."""
    written: list[tuple[str, str]] = []
    try:
        for name in contents:
            fd, tmp_name = tempfile.mkstemp(prefix=_tmp_prefix(name), suffix=".tmp", dir=out)
            os.close(fd)
            written.append((tmp_name, name))
        _write_files([(name, Path(tmp_name), contents[name]) for tmp_name, name in written], workers)
        for tmp_name, _ in written:
            os.chmod(tmp_name, _default_file_mode())
        for tmp_name, name in written:
            os.replace(tmp_name, out / name)
    finally:
        for tmp_name, _ in written:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)


def _write_file(path: Path, text: str | Iterable[str]) -> None:
    """Write text (a string, or its pieces in order) as UTF-8, and flush it to the disk."""
    pieces = (text,) if isinstance(text, str) else text
    with open(path, "wb") as handle:
        gathered: list[str] = []
        size = 0
        for piece in pieces:
            gathered.append(piece)
            size += len(piece)
            if size >= _WRITE_BUFFER:
                handle.write("".join(gathered).encode("utf-8"))
                gathered, size = [], 0
        handle.write("".join(gathered).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return  # some platforms cannot open a folder; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _default_dir_mode() -> int:
    return 0o777 & ~_umask()


def _default_file_mode() -> int:
    return 0o666 & ~_umask()


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _swap(new: Path, current: Path) -> None:
    """Exchange two folders: in one step where the OS allows it, else with a rename back on failure."""
    libc_name = ctypes.util.find_library("c")
    renameat2 = getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None) if libc_name else None
    if renameat2 is not None:
        result = renameat2(
            _AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(current), ctypes.c_uint(_RENAME_EXCHANGE)
        )
        if result == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(current))
    # No atomic exchange here: move the old folder aside, move the new one in, and undo on failure.
    aside = Path(tempfile.mkdtemp(prefix=_tmp_prefix(current.name), suffix=".old", dir=current.parent))
    aside.rmdir()
    os.rename(current, aside)
    try:
        os.rename(new, current)
    except OSError:
        os.rename(aside, current)
        raise
    os.rename(aside, new)


def write_text(path, text: str) -> Path:
    """Write one file atomically (a temporary file beside it, renamed over it); used for `diff --csv FILE`.

    Parent folders are created. Raises OutputNotWritable when the file cannot be written.
    """
    target = Path(path)
    try:
        if target.exists() and not (target.is_file() or target.is_dir()):
            _write_into(target, text)
            return target
        _check_file_path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        remove_stale(target.parent, [target.name])
        fd, tmp_name = tempfile.mkstemp(prefix=_tmp_prefix(target.name), suffix=".tmp", dir=target.parent)
        os.close(fd)
        try:
            _write_file(Path(tmp_name), text)
            os.chmod(tmp_name, _default_file_mode())
            os.replace(tmp_name, target)
        finally:
            if os.path.exists(tmp_name):
                os.unlink(tmp_name)
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        if error.errno == errno.ENXIO:
            reason = "a pipe that nothing reads"
        raise OutputNotWritable(
            f"{os.fspath(path)}: cannot write here ({reason}); pass a writable file path"
        ) from error
    return target


def _write_into(target: Path, text: str) -> None:
    """Write into a device or a pipe (/dev/null, /dev/stdout, a named pipe) as a shell redirection does: renamed
    over, the device itself would be replaced by a file (by anyone allowed to write its folder, root in /dev).
    Opened without blocking, so a named pipe that nothing reads is an error (ENXIO), not a wait for ever."""
    fd = os.open(target, os.O_WRONLY | os.O_NONBLOCK)
    os.set_blocking(fd, True)
    with open(fd, "wb") as handle:
        handle.write(text.encode("utf-8"))
