"""The `crosscheck` command: parses options, calls the library (tuned for a long run: compare.runtime), prints.
Nothing else lives here."""

from __future__ import annotations

import os
import shutil
import signal
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from compare import runtime
from compare.models import DEFAULT_MAX_BYTES, DEFAULT_MAX_SENTENCES, CompareError, Settings
from compare.printable import printable

class PlainArgument(TyperArgument):
    """An argument shown by its metavar alone (`PATHS...`), without a Python type name beside it."""

    def display_type_rich(self, ctx):
        return None

    def get_usage_pieces(self, ctx) -> list[str]:
        name = self.metavar or self.name.upper()
        return [name if self.nargs == 1 or name.endswith("...") else name + "..."]


class PlainOption(TyperOption):
    """An option shown with a plain metavar (`FLOAT`, `[lexical|semantic]`); a flag with none."""

    def display_type_rich(self, ctx):
        if self.is_flag or self.count:
            return None
        if self.metavar is not None:
            return self.metavar
        described = self.type_descriptor
        if described.is_choice and described.choices:
            return "[" + "|".join(str(choice) for choice in described.choices) + "]"
        return {"int": "INTEGER", "float": "FLOAT", "str": "TEXT"}.get(self.bare_type(), self.bare_type().upper())


def _plain(params):
    for param in params:
        if type(param) is TyperArgument:
            param.__class__ = PlainArgument
        elif type(param) is TyperOption:
            param.__class__ = PlainOption
    return params


class PlainHelpCommand(TyperCommand):
    """Help that names values as a reader expects (PATHS..., FLOAT, FILE) instead of by their Python types."""

    def get_params(self, ctx):
        return _plain(super().get_params(ctx))


class PlainHelpGroup(TyperGroup):
    def get_params(self, ctx):
        return _plain(super().get_params(ctx))


app = typer.Typer(
    name="crosscheck",
    cls=PlainHelpGroup,
    help="Compare several outlets' stories about the same meeting: what they agree on, omit and contradict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

# Exit codes, as diff(1) uses them.
EXIT_SAME = 0
EXIT_CONTRADICTION = 1
EXIT_TROUBLE = 2
# An interrupted run exits as the shell reports a signal's death: 128 + the signal's number (130 Ctrl-C, 143 TERM).
EXIT_SIGNAL_BASE = 128


class MatcherName(StrEnum):
    lexical = "lexical"
    semantic = "semantic"
    hybrid = "hybrid"


class Engine(StrEnum):
    local = "local"
    dask = "dask"


class DiffFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    md = "md"


PathsArg = Annotated[list[str], typer.Argument(metavar="PATHS...", help="Article files or folders (.txt .md .html .json .jsonl .csv .parquet), or - for standard input; e.g. seeds/ or a.txt b.html.")]
MatcherOpt = Annotated[MatcherName, typer.Option(help="How sentences are matched across sources: lexical (word overlap), or semantic and hybrid (sentence embeddings; need the semantic extra).")]
ThresholdOpt = Annotated[Optional[float], typer.Option("--threshold", metavar="FLOAT", min=0.0, max=1.0, help="Match threshold from 0 to 1; default: the matcher's calibrated one. E.g. --threshold 0.5 matches more loosely.")]
EncodingOpt = Annotated[Optional[list[str]], typer.Option(metavar="CODEC", help="Read files in this encoding instead of detecting it: CODEC for every file, FILE=CODEC for one (repeatable). E.g. --encoding shift_jis, or --encoding old.txt=cp1252.")]
MaxBytesOpt = Annotated[int, typer.Option(metavar="INTEGER", help="Refuse files larger than this many bytes, on disk or once decoded. E.g. --max-bytes 200000000.")]
FollowOpt = Annotated[bool, typer.Option("--follow-symlinks", help="Read links in an input folder that lead outside it (skipped with a warning by default).")]
MaxSentencesOpt = Annotated[int, typer.Option(metavar="INTEGER", min=1, help="Refuse sources of more sentences than this (comparing two costs time with the product of their sentences). E.g. --max-sentences 20000.")]
SkipOpt = Annotated[bool, typer.Option("--skip-invalid", help="Skip unreadable files with a warning instead of stopping.")]
OneEventOpt = Annotated[bool, typer.Option("--one-event", help="Every input reports one meeting: skip grouping.")]
ManifestOpt = Annotated[Optional[Path], typer.Option(metavar="FILE", help="CSV of path or id, and title, outlet, url, published (a day, 2025-04 or 2025), encoding: metadata the texts lack. E.g. --manifest sources.csv.")]


def settings_from_options(
    *,
    matcher: MatcherName = MatcherName.lexical,
    threshold: float | None = None,
    encoding: list[str] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_sentences: int = DEFAULT_MAX_SENTENCES,
    skip_invalid: bool = False,
    manifest: Path | None = None,
    engine: Engine = Engine.local,
    scheduler: str | None = None,
    workers: int = 1,
    one_event: bool = False,
    follow_symlinks: bool = False,
) -> Settings:
    """The one place command-line flags become a Settings object."""
    # FILE=CODEC names one file (split at the last "=": codec names have none, file names may); CODEC alone, all.
    per_file = tuple(tuple(given.rsplit("=", 1)) for given in encoding or () if "=" in given)
    every_file = [given for given in encoding or () if "=" not in given]
    if len(every_file) > 1:
        raise typer.BadParameter(
            f"{len(every_file)} encodings for every file ({', '.join(every_file)}); give one, and FILE=CODEC for others",
            param_hint="--encoding",
        )
    return Settings(
        match_threshold=threshold,
        matcher=str(matcher),
        encoding=every_file[0] if every_file else None,
        file_encodings=per_file,
        follow_symlinks=follow_symlinks,
        max_bytes=max_bytes,
        max_sentences=max_sentences,
        skip_invalid=skip_invalid,
        manifest=str(manifest) if manifest else None,
        engine=str(engine),
        scheduler=scheduler,
        workers=workers,
        one_event=one_event,
    )


def fail(error: Exception) -> typer.Exit:
    typer.echo(f"Error: {printable(error)}", err=True)
    return typer.Exit(EXIT_TROUBLE)


def warn_all(warnings) -> None:
    for warning in warnings:
        typer.echo(f"Warning: {printable(warning)}", err=True)


class StdoutClosed(CompareError):
    """Standard output was closed before everything was printed (`crosscheck ... | head`)."""


def emit(text: str) -> None:
    """Print to standard output; a reader that went away is one Error line, not a traceback."""
    try:
        typer.echo(text, nl=False)
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at nothing, so the interpreter's last flush at exit finds nothing left to write.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise fail(StdoutClosed("standard output was closed before everything was printed; read the whole output, "
                                "or send it to a file")) from None


def terminal_progress():
    """A progress bar on stderr, for runs long enough to want one."""
    from tqdm import tqdm

    return lambda items, label: tqdm(items, desc=label, file=sys.stderr, leave=False, disable=len(items) < 50)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@app.command(cls=PlainHelpCommand)
def report(
    paths: PathsArg,
    out: Annotated[str, typer.Option(metavar="DIR", help="Folder the reports are written to (atomically; other files already in it are kept). E.g. --out /tmp/run1.")] = "reports",
    matcher: MatcherOpt = MatcherName.lexical,
    threshold: ThresholdOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_sentences: MaxSentencesOpt = DEFAULT_MAX_SENTENCES,
    skip_invalid: SkipOpt = False,
    manifest: ManifestOpt = None,
    engine: Annotated[Engine, typer.Option(help="local: this machine; dask: a Dask cluster (needs the dask extra).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(metavar="ADDRESS", help="Dask scheduler address (default: a local cluster). E.g. --scheduler tcp://10.0.0.5:8786.")] = None,
    workers: Annotated[int, typer.Option(metavar="INTEGER", help="Processes for the local engine (default 0: one per core). E.g. --workers 2.")] = 0,
    one_event: OneEventOpt = False,
    follow_symlinks: FollowOpt = False,
) -> None:
    """Compare every event found in PATHS; write report.json, findings.csv, claims.csv, facts.csv, report.md and report.html."""
    from compare.api import compare
    from compare.engine import report_writers
    from compare.index import ResultIndex
    from compare.report.terminal import render_summary
    from compare.report.writer import check_output, write_reports

    settings = settings_from_options(
        matcher=matcher, threshold=threshold, encoding=encoding, max_bytes=max_bytes, max_sentences=max_sentences,
        skip_invalid=skip_invalid, manifest=manifest, engine=engine, scheduler=scheduler, workers=workers,
        follow_symlinks=follow_symlinks, one_event=one_event,
    )
    try:
        check_output(out, paths)  # before the work, not after it
        with runtime.tuned():
            comparison = compare(paths, settings, progress=terminal_progress() if sys.stderr.isatty() else None)
            written = write_reports(comparison, out, workers=report_writers(settings))
    except CompareError as error:
        raise fail(error) from None
    warn_all(comparison.warnings)
    emit(render_summary(ResultIndex(comparison), color=stdout_is_terminal()))
    emit(f"Wrote {len(written)} files to {printable(out)}/\n")


@app.command(cls=PlainHelpCommand)
def diff(
    a: Annotated[str, typer.Argument(metavar="A", help="First article: a file, or - for standard input. E.g. seeds/000_c2b2ebef24f7c9bd.txt.")],
    b: Annotated[str, typer.Argument(metavar="B", help="Second article: a file, or - for standard input.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", help="Output format: table for reading, csv or json for programs, md for Markdown.")] = DiffFormat.table,
    csv: Annotated[Optional[Path], typer.Option("--csv", metavar="FILE", help="Also write the findings to this CSV file. E.g. --csv findings.csv.")] = None,
    full: Annotated[bool, typer.Option("--full", help="Show every row's sentences and reason whole (contradictions always are).")] = False,
    matcher: MatcherOpt = MatcherName.lexical,
    threshold: ThresholdOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    max_sentences: MaxSentencesOpt = DEFAULT_MAX_SENTENCES,
) -> None:
    """Compare two articles directly. Exit 0: no contradiction; 1: a contradiction found; 2: trouble."""
    from compare.api import diff as diff_sources
    from compare.index import ResultIndex
    from compare.report.csv_report import render_findings_csv
    from compare.report.terminal import DEFAULT_WIDTH, render_diff
    from compare.report.writer import check_file_output, write_text

    settings = settings_from_options(
        matcher=matcher, threshold=threshold, encoding=encoding, max_bytes=max_bytes, max_sentences=max_sentences
    )
    try:
        if csv is not None:
            check_file_output(csv, [a, b])  # before the work, not after it
        with runtime.tuned():
            comparison, (id_a, id_b) = diff_sources(a, b, settings)
            index = ResultIndex(comparison)
            if csv is not None:
                write_text(csv, render_findings_csv(index))
    except CompareError as error:
        raise fail(error) from None
    warn_all(comparison.warnings)
    on_terminal = stdout_is_terminal()
    width = shutil.get_terminal_size().columns if on_terminal else DEFAULT_WIDTH  # piped: the same layout everywhere
    emit(render_diff(index, id_a, id_b, fmt=str(fmt), color=on_terminal and fmt == DiffFormat.table, width=width,
                     full=full))
    contradicted = any(f.relation == "contradict" for f in comparison.finding_records)
    raise typer.Exit(EXIT_CONTRADICTION if contradicted else EXIT_SAME)


@app.command(cls=PlainHelpCommand)
def events(
    paths: PathsArg,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    skip_invalid: SkipOpt = False,
    manifest: ManifestOpt = None,
    one_event: OneEventOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help="Also say why each source joined its event and what kept the closest events apart.")] = False,
    follow_symlinks: FollowOpt = False,
) -> None:
    """Print how the sources group into events (same meeting), without comparing them."""
    from compare.api import explain as explain_grouping
    from compare.api import group
    from compare.report.terminal import render_events, render_explanations

    settings = settings_from_options(
        encoding=encoding, max_bytes=max_bytes, skip_invalid=skip_invalid, manifest=manifest,
        follow_symlinks=follow_symlinks, one_event=one_event,
    )
    try:
        with runtime.tuned():
            if explain:
                sources, found, members, separations, warnings = explain_grouping(paths, settings)
            else:
                (sources, found, warnings), members, separations = group(paths, settings), (), ()
    except CompareError as error:
        raise fail(error) from None
    warn_all(warnings)
    emit(render_events(sources, found) + render_explanations(members, separations))


class Interrupted(BaseException):
    """SIGINT or SIGTERM arrived: unwinds like KeyboardInterrupt, so every `finally` removes its temp output."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


_received: list[int] = []


def _interrupt(signum, _frame) -> None:
    _received.append(signum)  # kept too, in case the exception lands where Python swallows it (an at-fork hook)
    raise Interrupted(signum)


def _stopped(signum: int) -> None:
    signal.signal(signum, signal.SIG_IGN)  # a second press while stopping does not cut the clean-up short
    typer.echo(f"Error: interrupted by {signal.Signals(signum).name}; no temporary output was left", err=True)
    sys.exit(EXIT_SIGNAL_BASE + signum)


def main() -> None:
    """Run the app; whatever goes wrong ends as one `Error:` line and an exit code, never a traceback."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _interrupt)
    try:
        app()
    except SystemExit:
        if _received:
            _stopped(_received[0])
        raise
    except Interrupted as stop:
        _stopped(stop.signum)
    except RecursionError:
        typer.echo("Error: the input is nested too deeply to read; simplify or split the file", err=True)
        sys.exit(EXIT_TROUBLE)
    except MemoryError:
        typer.echo("Error: out of memory; pass fewer or smaller files (see --max-bytes)", err=True)
        sys.exit(EXIT_TROUBLE)
    except Exception as error:  # a bug: still one line, and exit 2 (exit 1 from diff means a contradiction)
        typer.echo(f"Error: crosscheck failed ({type(error).__name__}: {printable(error)}); please report it with "
                   f"the command that caused it", err=True)
        sys.exit(EXIT_TROUBLE)
