"""Processor time of two checkouts of crosscheck on one corpus, stage by stage, and the ratio between them.

    python bench/speed.py CORPUS --base OTHER_CHECKOUT [--head .] [--runs 3]

CORPUS is a folder of articles (or a corpus of bench/generate.py, whose articles/ folder is read). Each run is
a fresh interpreter that imports `compare` from one checkout and takes the corpus through the pipeline's stages
in that one process (one worker, so that every stage's processor time is its own): read, prepare (clean,
split, metadata, facts), copies, grouping (its import of scikit-learn apart: the pipeline does that while its
workers read the sources), compare (align and judge every event), reports. The checkouts take
turns, base head base head ..., so that a slow spell of a shared machine falls on both alike; the table gives
the median of each, and head / base.

Per stage: processor seconds (user + system) of the child, measured inside it. Total: the child's user +
system time and its peak resident memory, as the operating system counts them (imports included).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STAGES = ("read", "prepare", "copies", "grouping_import", "grouping", "compare", "reports")


def run_stages(articles: Path) -> dict[str, float]:
    """In the child: the pipeline's stages one after the other, as compare.pipeline.compare_sources runs them
    (tuned as the command line tunes them), timed apart."""
    from compare.models import Settings
    from compare.pipeline import assemble, compare_event, event_doc, event_works, prepare
    from compare.sources import load_sources
    from compare.syndication import find_copies
    from compare.events import group_events, preload
    from compare.report.writer import write_reports

    settings = Settings(workers=1)
    seconds: dict[str, float] = {}

    def timed(stage, fn, *args):
        start = time.process_time()
        out = fn(*args)
        seconds[stage] = time.process_time() - start
        return out

    with _tuned():
        sources = timed("read", load_sources, [str(articles)], settings)
        prepared = timed("prepare", lambda: [prepare(s) for s in sources])
        copies = timed("copies", find_copies, [p.source for p in prepared])
        originals = [p for p in prepared if p.source.id not in copies]
        timed("grouping_import", preload)  # scikit-learn: the pipeline imports it while its workers read
        events = timed("grouping", group_events, [event_doc(p) for p in originals])
        results = timed("compare", lambda: [compare_event(w) for w in event_works(events, originals, settings)])
        comparison = assemble(prepared, events, results, (), copies)
        with tempfile.TemporaryDirectory() as out:
            timed("reports", write_reports, comparison, Path(out) / "reports")
    seconds["findings"] = len(comparison.finding_records)
    return seconds


def _tuned():
    """The garbage-collector and allocator settings the command line runs with (compare.runtime.tuned); older
    checkouts applied them inside the pipeline itself."""
    try:
        from compare.runtime import tuned
    except ImportError:
        from compare.engine import collector_paused, keep_heap_slack

        keep_heap_slack()
        return collector_paused()
    return tuned()


def child(checkout: Path, articles: Path) -> dict[str, float]:
    """One measured run in a fresh interpreter; its stage times, and its whole user + system time and peak
    resident memory from the operating system."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    code = (f"import sys, json; sys.path.insert(0, {str(checkout)!r}); sys.path.insert(1, {str(Path(__file__).parent)!r});"
            f"from speed import run_stages; print(json.dumps(run_stages(__import__('pathlib').Path({str(articles)!r}))))")
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-c", code], cwd=checkout, env=env, stdout=out, stderr=err)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        if proc.returncode != 0:
            raise SystemExit(f"run of {checkout} failed:\n{err.read()[-3000:]}")
        row = json.loads(out.read().strip().splitlines()[-1])
    row["total"] = usage.ru_utime + usage.ru_stime
    row["peak_mb"] = usage.ru_maxrss / 1024
    return row


def table(base: list[dict], head: list[dict]) -> str:
    lines = ["| measure | base (median) | head (median) | head / base |", "|---|---|---|---|"]
    for key in (*STAGES, "total", "peak_mb"):
        b = statistics.median(r[key] for r in base)
        h = statistics.median(r[key] for r in head)
        unit = " MB" if key == "peak_mb" else " s"
        lines.append(f"| {key} | {b:.2f}{unit} | {h:.2f}{unit} | {h / b:.3f} |" if b else f"| {key} | 0 | {h:.2f} | n/a |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a folder of articles, or a bench/generate.py corpus")
    parser.add_argument("--base", type=Path, required=True, help="the checkout to compare against")
    parser.add_argument("--head", type=Path, default=Path(__file__).resolve().parents[1], help="default: this one")
    parser.add_argument("--runs", type=int, default=3, help="runs of each checkout, taking turns")
    parser.add_argument("--json", action="store_true", help="also print every run as JSON")
    args = parser.parse_args(argv)
    articles = args.corpus / "articles" if (args.corpus / "articles").is_dir() else args.corpus
    runs: dict[str, list[dict]] = {"base": [], "head": []}
    for i in range(args.runs):
        for name in ("base", "head"):
            row = child(getattr(args, name).resolve(), articles.resolve())
            runs[name].append(row)
            print(f"run {i + 1} {name}: total {row['total']:.2f} s, grouping {row['grouping']:.2f} s, "
                  f"compare {row['compare']:.2f} s, peak {row['peak_mb']:.0f} MB", file=sys.stderr)
            if args.json:
                print(json.dumps({"checkout": name, **row}))
    if runs["base"][0]["findings"] != runs["head"][0]["findings"]:
        print(f"note: the findings differ in number: base {runs['base'][0]['findings']}, "
              f"head {runs['head'][0]['findings']}", file=sys.stderr)
    print(f"{articles} ({len(os.listdir(articles)):,} files), {args.runs} runs each, load {os.getloadavg()[0]:.1f}\n")
    print(table(runs["base"], runs["head"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
