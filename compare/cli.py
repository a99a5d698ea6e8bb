"""The `crosscheck` command: parses options, calls the library, prints. Nothing else lives here."""

from __future__ import annotations

import shutil
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from compare.models import DEFAULT_MAX_BYTES, CompareError, Settings

app = typer.Typer(
    name="crosscheck",
    help="Compare several outlets' stories about the same meeting: what they agree on, omit and contradict.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)

# Exit codes, as diff(1) uses them.
EXIT_SAME = 0
EXIT_CONTRADICTION = 1
EXIT_TROUBLE = 2


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


PathsArg = Annotated[list[str], typer.Argument(help="Article files or folders (.txt .md .html .json .jsonl .csv), or - for standard input.")]
MatcherOpt = Annotated[MatcherName, typer.Option(help="How sentences are matched across sources.")]
ThresholdOpt = Annotated[Optional[float], typer.Option("--threshold", min=0.0, max=1.0, help="Match threshold (0-1); default: the matcher's calibrated one.")]
EncodingOpt = Annotated[Optional[str], typer.Option(help="Read every file in this encoding instead of detecting it (e.g. shift_jis).")]
MaxBytesOpt = Annotated[int, typer.Option(help="Refuse files larger than this many bytes.")]
SkipOpt = Annotated[bool, typer.Option("--skip-invalid", help="Skip unreadable files with a warning instead of stopping.")]
OneEventOpt = Annotated[bool, typer.Option("--one-event", help="Every input reports one meeting: skip grouping.")]
ManifestOpt = Annotated[Optional[Path], typer.Option(help="CSV of path or id, outlet, url, published: metadata the texts lack.")]


def settings_from_options(
    *,
    matcher: MatcherName = MatcherName.lexical,
    threshold: float | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skip_invalid: bool = False,
    manifest: Path | None = None,
    engine: Engine = Engine.local,
    scheduler: str | None = None,
    workers: int = 1,
    one_event: bool = False,
) -> Settings:
    """The one place command-line flags become a Settings object."""
    return Settings(
        match_threshold=threshold,
        matcher=str(matcher),
        encoding=encoding,
        max_bytes=max_bytes,
        skip_invalid=skip_invalid,
        manifest=str(manifest) if manifest else None,
        engine=str(engine),
        scheduler=scheduler,
        workers=workers,
        one_event=one_event,
    )


def fail(error: Exception) -> typer.Exit:
    typer.echo(f"Error: {error}", err=True)
    return typer.Exit(EXIT_TROUBLE)


def warn_all(warnings) -> None:
    for warning in warnings:
        typer.echo(f"Warning: {warning}", err=True)


def terminal_progress():
    """A progress bar on stderr, for runs long enough to want one."""
    from tqdm import tqdm

    return lambda items, label: tqdm(items, desc=label, file=sys.stderr, leave=False, disable=len(items) < 50)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


@app.command()
def report(
    paths: PathsArg,
    out: Annotated[Path, typer.Option(help="Folder the reports are written to (atomically; other files already in it are kept).")] = Path("reports"),
    matcher: MatcherOpt = MatcherName.lexical,
    threshold: ThresholdOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    skip_invalid: SkipOpt = False,
    manifest: ManifestOpt = None,
    engine: Annotated[Engine, typer.Option(help="local: this machine; dask: a Dask cluster (crosscheck[dask]).")] = Engine.local,
    scheduler: Annotated[Optional[str], typer.Option(help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster).")] = None,
    workers: Annotated[int, typer.Option(help="Processes for the local engine (default 0: one per core).")] = 0,
    one_event: OneEventOpt = False,
) -> None:
    """Compare every event found in PATHS; write report.json, findings.csv, claims.csv, report.md and report.html."""
    from compare.api import compare
    from compare.engine import report_writers
    from compare.report.terminal import render_summary
    from compare.report.writer import write_reports

    settings = settings_from_options(
        matcher=matcher, threshold=threshold, encoding=encoding, max_bytes=max_bytes, skip_invalid=skip_invalid,
        manifest=manifest, engine=engine, scheduler=scheduler, workers=workers, one_event=one_event,
    )
    try:
        comparison = compare(paths, settings, progress=terminal_progress() if sys.stderr.isatty() else None)
        written = write_reports(comparison, out, workers=report_writers(settings))
    except CompareError as error:
        raise fail(error) from None
    warn_all(comparison.warnings)
    typer.echo(render_summary(comparison, color=stdout_is_terminal()), nl=False)
    typer.echo(f"Wrote {len(written)} files to {out}/")


@app.command()
def diff(
    a: Annotated[str, typer.Argument(help="First article (a file, or - for standard input).")],
    b: Annotated[str, typer.Argument(help="Second article.")],
    fmt: Annotated[DiffFormat, typer.Option("--format", help="Output format.")] = DiffFormat.table,
    csv: Annotated[Optional[Path], typer.Option("--csv", help="Also write the findings to this CSV file.")] = None,
    matcher: MatcherOpt = MatcherName.lexical,
    threshold: ThresholdOpt = None,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
) -> None:
    """Compare two articles directly. Exit 0: no contradiction; 1: a contradiction found; 2: trouble."""
    from compare.api import diff as diff_sources
    from compare.report.csv_report import render_findings_csv
    from compare.report.terminal import render_diff
    from compare.report.writer import write_text

    settings = settings_from_options(matcher=matcher, threshold=threshold, encoding=encoding, max_bytes=max_bytes)
    try:
        comparison, (id_a, id_b) = diff_sources(a, b, settings)
        if csv is not None:
            write_text(csv, render_findings_csv(comparison))
    except CompareError as error:
        raise fail(error) from None
    warn_all(comparison.warnings)
    on_terminal = stdout_is_terminal()
    width = shutil.get_terminal_size().columns if on_terminal else None  # piped: the same layout everywhere
    typer.echo(render_diff(comparison, id_a, id_b, fmt=str(fmt), color=on_terminal and fmt == DiffFormat.table, width=width), nl=False)
    contradicted = any(f.relation == "contradict" for f in comparison.finding_records)
    raise typer.Exit(EXIT_CONTRADICTION if contradicted else EXIT_SAME)


@app.command()
def events(
    paths: PathsArg,
    encoding: EncodingOpt = None,
    max_bytes: MaxBytesOpt = DEFAULT_MAX_BYTES,
    skip_invalid: SkipOpt = False,
    manifest: ManifestOpt = None,
    one_event: OneEventOpt = False,
    explain: Annotated[bool, typer.Option("--explain", help="Also say why each source joined its event and what kept the closest events apart.")] = False,
) -> None:
    """Print how the sources group into events (same meeting), without comparing them."""
    from compare.api import explain as explain_grouping
    from compare.api import group
    from compare.report.terminal import render_events

    settings = settings_from_options(encoding=encoding, max_bytes=max_bytes, skip_invalid=skip_invalid,
                                     manifest=manifest, one_event=one_event)
    try:
        if explain:
            sources, found, members, separations, warnings = explain_grouping(paths, settings)
        else:
            (sources, found, warnings), members, separations = group(paths, settings), (), ()
    except CompareError as error:
        raise fail(error) from None
    warn_all(warnings)
    typer.echo(render_events(sources, found), nl=False)
    for member in members:
        typer.echo(f"{member.event}  {member.source}: " + (
            f"strongest link {member.linked_to} ({member.score:.2f}); names {', '.join(member.shared_names) or '-'}; "
            f"terms {', '.join(member.shared_terms) or '-'}; {member.date}; {member.place}"
            if member.linked_to else "alone: no other source matches it"))
    for apart in separations:
        typer.echo(f"{apart.event} vs {apart.other} (linkage {apart.linkage:.2f}): {'; '.join(apart.reasons) or '-'}")


def main() -> None:
    app()
