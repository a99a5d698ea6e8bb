"""Benchmark the whole pipeline on generated corpora of growing size, against the ground truth they carry.

    python bench/run.py [--articles 100,1000,10000] [--outlets 10] [--workers 2]

For each size it generates a corpus (bench/generate.py: events of `--outlets` articles with injected
omissions, paraphrases, contradictions, furniture and duplicates), then, each in a fresh process so that peak
memory is that run's own:

1. runs crosscheck end to end on the article files (read, clean, split, group, align, judge, and write the
   reports when the report writers are installed) with the local engine and `--workers` processes, and scores
   the findings against the ground truth: precision / recall of omissions, contradictions and agreements
   (agree or partial, and agree alone), of the furniture removed, and the share of events recovered exactly;
2. with one worker as well (sizes up to --speedup-max), for the speed-up of the workers over one;
3. on the same sentence pairs of a sample of events, times the alignment stage, a naive aligner
   (difflib.SequenceMatcher(...).ratio() over every pair) and a bare rapidfuzz.process.cdist call, as ratios;
   also the alignment stage with the per-sentence reading it relies on (done in the per-source stage), and on
   the same events with every repeated sentence dropped.

It prints a Markdown table (one row per size) and the machine it ran on.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

# Sentence pairs the three aligners are timed on (whole events are taken until at least this many).
SAMPLE_PAIRS = 40_000


# --- Scoring against the ground truth ---------------------------------------------------------------------------


def _base_of(comparison, truth) -> dict[tuple[str, int], int | None]:
    """(source, sentence id) -> the story sentence it renders, by overlap with the recorded spans."""
    spans = {sid: a["sentences"] for sid, a in truth["articles"].items()}
    out: dict[tuple[str, int], int | None] = {}
    for s in comparison.sentence_records:
        best, overlap = None, 0
        for span in spans.get(s.source, ()):
            shared = min(s.end, span["end"]) - max(s.start, span["start"])
            if shared > overlap:
                best, overlap = span["base"], shared
        out[(s.source, s.id)] = best
    return out


def expected_relation(truth, source: str, base: int | None, other: str) -> str | None:
    """What a finding of `source`'s story sentence `base` against `other` should say: omitted, contradict, agree."""
    if base is None:
        return None  # not a story sentence at all (furniture that reached the sentences)
    a, b = truth["articles"][source], truth["articles"][other]
    if a["event"] != b["event"] or base in b["omitted"]:
        return "omitted"
    changed = truth["events"][a["event"]]["contradictions"].get(str(base))
    if changed and changed[0] in (source, other):
        return "contradict"
    return "agree"


def score(comparison, truth) -> dict[str, float]:
    """Precision and recall per injected kind of difference, furniture removal, and events recovered exactly."""
    base = _base_of(comparison, truth)
    predicted: dict[str, int] = defaultdict(int)
    hits: dict[str, set] = defaultdict(set)
    for f in comparison.finding_records:
        kind = "agree" if f.relation in ("agree", "partial") else str(f.relation)
        predicted[kind] += 1
        i = base.get((f.source, f.sentence_id))
        want = expected_relation(truth, f.source, i, f.other_source)
        same_claim = kind == "omitted" or base.get((f.other_source, f.other_sentence_id)) == i
        if want == kind and same_claim:
            hits[kind].add((f.source, i, f.other_source))
        if f.relation == "agree":  # agree alone: the same claim not weakened to partial
            predicted["agree_alone"] += 1
            if want == "agree" and same_claim:
                hits["agree_alone"].add((f.source, i, f.other_source))
    expected: dict[str, int] = defaultdict(int)
    for event in truth["events"]:
        for source in event["sources"]:
            rendered = {s["base"] for s in truth["articles"][source]["sentences"]}
            for other in event["sources"]:
                if other != source:
                    for i in rendered:
                        expected[expected_relation(truth, source, i, other)] += 1
    expected["agree_alone"] = expected["agree"]
    out = {}
    for kind in ("omitted", "contradict", "agree", "agree_alone"):
        tp = len(hits[kind])
        out[f"{kind}_precision"] = tp / predicted[kind] if predicted[kind] else 0.0
        out[f"{kind}_recall"] = tp / expected[kind] if expected[kind] else 0.0
    out.update(_furniture_score(comparison, truth))
    truth_sets = {tuple(sorted(e["sources"])) for e in truth["events"]}
    found = sum(1 for e in comparison.events if tuple(sorted(e.sources)) in truth_sets)
    out["events_exact"] = found / len(truth_sets) if truth_sets else 0.0
    return out


def _furniture_score(comparison, truth) -> dict[str, float]:
    """Characters of injected furniture (and duplicates) that were dropped, and dropped characters that were."""
    dropped: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for d in comparison.dropped_records:
        dropped[d.source].append((d.start, d.end))
    furniture_chars = caught = dropped_chars = 0
    for source, article in truth["articles"].items():
        spans = [(a, b) for a, b, _kind in article["furniture"]]
        furniture_chars += sum(b - a for a, b in spans)
        for a, b in spans:
            caught += sum(max(0, min(b, y) - max(a, x)) for x, y in dropped[source])
        dropped_chars += sum(y - x for x, y in dropped[source])
    return {
        "furniture_recall": caught / furniture_chars if furniture_chars else 0.0,
        "furniture_precision": caught / dropped_chars if dropped_chars else 0.0,
    }


def pairs_scored(comparison) -> int:
    """Sentence pairs the aligner scores: every sentence against every sentence of the other sources."""
    count: dict[str, int] = defaultdict(int)
    for s in comparison.sentence_records:
        count[s.source] += 1
    total = 0
    for event in comparison.events:
        sizes = [count[s] for s in event.sources]
        total += sum(sizes) ** 2 - sum(n * n for n in sizes)
    return total


# --- One measured run (in its own process) ---------------------------------------------------------------------


def peak_mb(workers: int) -> float:
    """Peak resident memory of this process plus `workers` times the largest child's: an upper bound (forked
    children count the pages they share with this process again). Used where /proc is not available."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + (workers * child if workers > 1 else 0)) / 1024


class MemorySampler:
    """Peak proportional set size (PSS) of this process and all its descendants, sampled every `interval` s.

    PSS splits each page shared by several processes (a forked worker's copy-on-write pages) among them, so the
    sum over the process tree is the memory the run really holds, which is what a 2 GB machine must have.
    """

    def __init__(self, interval: float = 0.05) -> None:
        import threading

        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def available() -> bool:
        return os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")

    def __enter__(self) -> "MemorySampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.sample()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _process_tree(os.getpid())))


def _process_tree(root: int) -> list[int]:
    pids, queue = [], [root]
    while queue:
        pid = queue.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:
            continue  # the process ended meanwhile
    return pids


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as handle:
            for line in handle:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure_pipeline(corpus: Path, workers: int, engine: str = "local") -> dict:
    load_before = os.getloadavg()[0]
    sampler = MemorySampler() if MemorySampler.available() else None
    start = time.perf_counter()  # from the imports on, as a command-line run pays for them
    with sampler or contextlib.nullcontext():
        from compare import runtime
        from compare.api import compare
        from compare.models import Settings

        settings = Settings(workers=workers, engine=engine)
        with runtime.tuned():  # as the command line runs
            comparison = compare([str(corpus / "articles")], settings)
            pipeline_wall = time.perf_counter() - start
            try:
                from compare.report.writer import write_reports
            except ImportError:  # report writers not installed: the figures cover reading to findings
                wrote = False
            else:
                with tempfile.TemporaryDirectory() as out:
                    write_reports(comparison, Path(out) / "reports", workers=workers)
                wrote = True
        wall = time.perf_counter() - start
    cpu = sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
              for field in ("ru_utime", "ru_stime"))
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    return {"wall": wall, "pipeline_wall": pipeline_wall, "reports_wall": wall - pipeline_wall, "cpu": cpu,
            "load": max(load_before, os.getloadavg()[0]), "articles": len(comparison.sources), "events": len(comparison.events),
            "pairs": pairs_scored(comparison), "findings": len(comparison.finding_records), "reports": wrote,
            "peak_mb": sampler.peak_kb / 1024 if sampler else peak_mb(workers),
            "peak_kind": "PSS" if sampler else "bound", **score(comparison, truth)}


def sample_events(corpus: Path, pairs: int):
    """The first events of the ground truth, prepared, until they hold at least `pairs` sentence pairs."""
    from compare.models import Settings
    from compare.pipeline import Member, prepare
    from compare.sources import load_sources

    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    events, total = [], 0
    for event in truth["events"]:
        paths = [str(corpus / "articles" / f"{sid}.txt") for sid in event["sources"]]
        members = []
        for source in load_sources(paths, Settings()):
            p = prepare(source)
            members.append(Member.of(p))
        sizes = [len(m.sentences) for m in members]
        events.append(members)
        total += sum(sizes) ** 2 - sum(n * n for n in sizes)
        if total >= pairs:
            break
    return events, total


def align_event(members):
    """The alignment stage exactly as the pipeline runs it (compare.pipeline.align_members): the event's
    acronyms and word weights, its cross-source pairs scored in blocks, and every sentence's counterpart in every
    other source. Sentences come with the terms the per-source stage worked out (timed apart: see normalise_event)."""
    from compare.pipeline import align_members, event_acronyms

    return align_members(members, "lexical", None, event_acronyms(members))


def normalise_event(members):
    """The per-sentence reading the per-source stage does for the aligner (compare.similarity.sentence_terms),
    cache cleared first, so that the two stages together can be set against the bare calls too."""
    from compare.similarity import _sentence_terms, acronyms_in, sentence_terms

    _sentence_terms.cache_clear()
    out = []
    for m in members:
        texts = [s.text for s in m.sentences]
        own = acronyms_in(" ".join(texts))  # as compare.pipeline.prepare reads them
        out.extend(sentence_terms(text, own) for text in texts)
    return out


def difflib_event(members) -> list:
    """A naive aligner: SequenceMatcher ratio over every pair, best counterpart per sentence."""
    import difflib

    out = []
    for a in members:
        for b in members:
            if a.source == b.source:
                continue
            for s in a.sentences:
                scores = [difflib.SequenceMatcher(None, s.text, t.text).ratio() for t in b.sentences]
                out.append(max(range(len(scores)), key=scores.__getitem__) if scores else None)
    return out


def cdist_event(members):
    """A bare rapidfuzz.process.cdist call (its defaults: scorer ratio, one thread) over the event's sentences;
    one thread, as the alignment stage itself runs one event per process."""
    from rapidfuzz import process

    texts = [s.text for m in members for s in m.sentences]
    return process.cdist(texts, texts)


def cdist_token_set_event(members):
    """The same call with token_set_ratio, the costliest scorer the lexical matcher itself uses."""
    from rapidfuzz import fuzz, process

    texts = [s.text for m in members for s in m.sentences]
    return process.cdist(texts, texts, scorer=fuzz.token_set_ratio)


# Each fast aligner is timed this many times on every event of the sample, after one untimed warm-up pass
# (imports, the word rarity table, compiled patterns: costs a run pays once, not per event); per event its best
# time is kept, and the bests are summed. The aligners take turns event by event: the shared machine has slow
# spells of a few seconds, and turns a few milliseconds long make such a spell fall on all of them alike.
# difflib, a hundred times slower, runs once.
ALIGN_REPEATS = 7


def _time(fn, events) -> float:
    start = time.perf_counter()
    for members in events:
        fn(members)
    return time.perf_counter() - start


def best_times(aligners: dict, events, repeats: int) -> dict[str, float]:
    for fn in aligners.values():
        fn(events[0])
    total = dict.fromkeys(aligners, 0.0)
    for members in events:
        best = dict.fromkeys(aligners, float("inf"))
        for _ in range(repeats):
            for name, fn in aligners.items():
                start = time.perf_counter()
                fn(members)
                best[name] = min(best[name], time.perf_counter() - start)
        for name in aligners:
            total[name] += best[name]
    return total


def without_repeats(events):
    """The same events with every sentence text kept once per event (the first outlet that has it keeps it): the
    aligner scores each distinct text once, so this is its cost when no outlet repeats another word for word."""
    from dataclasses import replace

    out = []
    for members in events:
        seen, kept = set(), []
        for m in members:
            pairs = [(s, t) for s, t in zip(m.sentences, m.terms) if not (s.text in seen or seen.add(s.text))]
            kept.append(replace(m, sentences=tuple(s for s, _ in pairs), terms=tuple(t for _, t in pairs)))
        out.append(kept)
    return out


def measure_alignment(corpus: Path, pairs: int) -> dict:
    from compare.runtime import keep_heap_slack

    keep_heap_slack()  # as in the pipeline's processes on the command line, which all do
    events, total = sample_events(corpus, pairs)
    distinct = without_repeats(events)
    fast = {"align": align_event, "normalise": normalise_event, "cdist": cdist_event,
            "cdist_token_set": cdist_token_set_event}
    timings = best_times(fast, events, ALIGN_REPEATS)
    timings |= {f"distinct_{k}": v for k, v in best_times(fast, distinct, ALIGN_REPEATS).items()}
    timings["difflib"] = _time(difflib_event, events)
    sizes = [[len(m.sentences) for m in members] for members in distinct]
    distinct_pairs = sum(sum(n) ** 2 - sum(k * k for k in n) for n in sizes)
    return {"sample_pairs": total, "distinct_pairs": distinct_pairs, **{f"{k}_s": v for k, v in timings.items()},
            "difflib_over_align": timings["difflib"] / timings["align"],
            "align_over_cdist": timings["align"] / timings["cdist"],
            "align_over_cdist_token_set": timings["align"] / timings["cdist_token_set"],
            "align_and_normalise_over_cdist": (timings["align"] + timings["normalise"]) / timings["cdist"],
            "distinct_align_over_cdist": timings["distinct_align"] / timings["distinct_cdist"]}


def _child(args: list[str]) -> dict:
    """Run one measurement in a fresh interpreter (own peak memory, cold caches) and read its JSON line."""
    done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"measurement {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- The table ----------------------------------------------------------------------------------------------------


def _pr(row: dict, kind: str) -> str:
    return f"{row[kind + '_precision']:.2f} / {row[kind + '_recall']:.2f}"


def table(rows: list[dict], workers: int) -> str:
    head = ("| articles | events | wall s (reports) | CPU s | load | articles/s | pairs scored/s | peak MB | "
            "omitted P/R | contradict P/R | "
            f"agree P/R | agree alone P/R | furniture P/R | events exact | align vs difflib | align / cdist | "
            f"align + terms / cdist | align / cdist, no repeats | align / cdist(token_set) | {workers} workers vs 1 |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        speedup = f"{r['speedup']:.2f}x" if r.get("speedup") else "n/a"
        lines.append(
            f"| {r['articles']:,} | {r['events']:,} | {r['wall']:.1f} ({r['reports_wall']:.1f}) | {r['cpu']:.1f} | "
            f"{r['load']:.1f} | {r['articles'] / r['wall']:,.0f} | "
            f"{r['pairs'] / r['wall']:,.0f} | {r['peak_mb']:,.0f} | {_pr(r, 'omitted')} | {_pr(r, 'contradict')} | "
            f"{_pr(r, 'agree')} | {_pr(r, 'agree_alone')} | {_pr(r, 'furniture')} | {r['events_exact']:.2f} | "
            f"{r['difflib_over_align']:,.0f}x faster | {r['align_over_cdist']:.2f} | "
            f"{r['align_and_normalise_over_cdist']:.2f} | {r['distinct_align_over_cdist']:.2f} | "
            f"{r['align_over_cdist_token_set']:.2f} | {speedup} |"
        )
    return "\n".join(lines)


def machine() -> str:
    return (f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--outlets", type=int, default=10, help="articles per event")
    parser.add_argument("--workers", type=int, default=2, help="local engine processes for the main run")
    parser.add_argument("--speedup-max", type=int, default=1000,
                        help="largest size also run with one worker for the speed-up")
    parser.add_argument("--sample-pairs", type=int, default=SAMPLE_PAIRS)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpora", type=Path, help="keep the generated corpora here (default: a temporary folder)")
    parser.add_argument("--json", action="store_true", help="also print each row as JSON")
    parser.add_argument("--docs", type=Path, nargs="?", const=HERE.parent / "docs" / "benchmarks.md",
                        help="also write the table into this page between its table markers "
                             "(default docs/benchmarks.md)")
    # Internal: one measurement in this process.
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--measure-alignment", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure:
        print(json.dumps(measure_pipeline(args.measure, args.workers)))
        return 0
    if args.measure_alignment:
        print(json.dumps(measure_alignment(args.measure_alignment, args.sample_pairs)))
        return 0

    from generate import generate

    sizes = [int(x) for x in args.articles.split(",") if x.strip()]
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        root = args.corpora or Path(scratch)
        for size in sizes:
            events = max(1, size // args.outlets)
            corpus = root / f"corpus-{events}x{args.outlets}-seed{args.seed}"
            if not (corpus / "truth.json").exists():
                generate(corpus, events, args.outlets, args.seed)
            row = _child(["--measure", str(corpus), "--workers", str(args.workers)])
            if args.workers > 1 and size <= args.speedup_max:
                one = _child(["--measure", str(corpus), "--workers", "1"])
                row["speedup"] = one["wall"] / row["wall"]
                row["wall_1_worker"] = one["wall"]
            row.update(_child(["--measure-alignment", str(corpus), "--sample-pairs", str(args.sample_pairs)]))
            rows.append(row)
            if args.json:
                print(json.dumps(row, sort_keys=True), flush=True)
    print(f"Machine: {machine()}. Local engine, {args.workers} worker processes; {args.outlets} outlets per event.")
    print("CPU s: user + system time of the run and its worker processes; load: the machine's 1-minute load "
          "average during the run (above the core count, other work competed for the cores).")
    print("Wall time covers reading, cleaning, grouping, alignment, judging"
          + (" and writing every report." if all(r["reports"] for r in rows) else " (report writers not installed)."))
    print(f"Aligners timed on the same sentence pairs (at least {args.sample_pairs:,} per corpus, whole events): "
          "the alignment stage, difflib.SequenceMatcher.ratio over every pair, and one rapidfuzz.process.cdist "
          "call per event (its defaults: scorer ratio, one thread; and with token_set_ratio); per event the best "
          f"of {ALIGN_REPEATS} runs, the aligners taking turns. 'align + terms' adds the per-sentence reading the per-source "
          "stage does for the aligner; 'no repeats' times the same events with each sentence text kept once "
          "(outlets repeating each other word for word are scored once, so repeats make the stage cheaper).")
    print()
    print(table(rows, args.workers))
    if args.docs:
        write_table(args.docs, table(rows, args.workers), f"Measured {time.strftime('%Y-%m-%d')} "
                    f"(`python bench/run.py --articles {args.articles}`) on {machine()}.")
    return 0


TABLE_START = "<!-- bench/run.py table: start -->"
TABLE_END = "<!-- bench/run.py table: end -->"


def write_table(page: Path, markdown: str, measured: str) -> None:
    """Put a freshly measured table (and the line saying when and where) between the page's markers."""
    text = page.read_text(encoding="utf-8")
    if TABLE_START not in text or TABLE_END not in text:
        raise SystemExit(f"{page} has no '{TABLE_START}' ... '{TABLE_END}' markers; add them where the table goes")
    before, rest = text.split(TABLE_START, 1)
    _old, after = rest.split(TABLE_END, 1)
    page.write_text(f"{before}{TABLE_START}\n{measured}\n\n{markdown.rstrip()}\n{TABLE_END}{after}", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
