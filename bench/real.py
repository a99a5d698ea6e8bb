"""How right is crosscheck on real coverage? Scores a whole run on the hand-annotated development corpus.

    python bench/real.py [DIR] [--gold bench/real] [--json] [--matcher lexical|semantic|hybrid]
    python bench/real.py --freeze SRC --out bench/real

The corpus is third-party text, so the repository holds only its description: `bench/real/manifest.csv` (id,
url, outlet, published, sha256 of the article file) and `bench/real/gold.json`, the hand annotation with every
sentence given as character spans of its article plus the SHA-1 of the span's white-space-folded text, never
the text. The articles themselves live in a git-ignored folder (default bench/real/articles/, one <id>.txt
each; docs/benchmarks-data.md says how to rebuild it). An article whose SHA-256 differs from the manifest's, or
that is missing, is reported and left out, as is every gold item that refers to it.

Scoring runs crosscheck in this process (`compare.api.compare`, with the matcher --matcher names) twice on the
same files: once on the texts alone, and once with a manifest of each article's outlet and publication date
(never the gold event). For each run it prints:

- grouping: pairwise precision / recall / F1 and adjusted Rand index of crosscheck's events against the gold
  events (a syndicated copy counts in the event of the story it copies);
- contradictions (and agreements below): how many gold pairs crosscheck never compared because it put their two
  articles in different events, which separates grouping failures from judging ones;
- contradictions: a gold discrepancy is found when a `contradict` finding links its two sentences in either
  direction; recall overall and per annotated kind, over the first annotation's discrepancies only;
- contradiction precision by pooled judgments: the first annotation gives one or two sentence pairs per
  discrepancy, while crosscheck flags a conflicting fact against every outlet that states it, so every
  sentence pair crosscheck flagged was later judged by hand and added to the gold with `"origin":
  "adjudicated"` (a discrepancy, or a trap when the flag is false; docs/benchmarks-data.md gives the policy).
  Precision = flagged sentence pairs that belong to any gold discrepancy, original or adjudicated / distinct
  sentence pairs flagged `contradict`, overall and per kind crosscheck gave. A flagged pair in neither the
  discrepancies nor the traps is "unjudged" and counts as not right. Recall is never computed over the
  adjudicated items, so judging a version's flags cannot raise its recall. The bias of the method: the pool
  is what the versions judged so far flagged; a later version's new flags are unjudged until someone judges
  them, and until then they lower its precision. Precision against the original discrepancies alone is
  printed beside it, for comparison with figures taken before the adjudication;
- agree recall: gold agreeing pairs linked by `agree` or `partial` in either direction, and how many of them by
  `agree` alone;
- traps flagged: gold pairs that look like conflicts and are not (by what they look like), flagged `contradict`;
  the first annotation's traps and the adjudicated ones (false flags of an earlier version) apart;
- omission recall, when the gold marks omissions; counts of findings by relation;
- with --details, each missed discrepancy, each flagged sentence pair judged false (with the trap it belongs
  to), each unjudged flagged pair, and each of the first annotation's traps that sprang.

The last line is one summary line. `--freeze` turns quote-based gold files (gold-*.json, with manifest-*.csv,
in the schema of the seeds' gold plus `kind`, `why`, `looks_like`, `lookalikes` and `origin`) into the committed form;
it fails, naming the quote, when a quote is not found exactly once in its article (a quote found only inside
copies of one paragraph that the article prints twice stands for every copy).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from compare.similarity import MatcherUnavailable  # noqa: E402
from scoring import FindingIndex, Ref, event_labels, file_hash, fold, grouping_score, ratio, show, span_hash  # noqa: E402

GOLD_DIR = HERE / "real"
DEFAULT_ARTICLES = GOLD_DIR / "articles"
MANIFEST = "manifest.csv"
GOLD = "gold.json"
MANIFEST_FIELDS = ("id", "url", "outlet", "published", "sha256")
AGREEING = ("agree", "partial")
ADJUDICATED = "adjudicated"


class GoldError(Exception):
    """The gold cannot be frozen or read: the message names the item and the fix."""


# --- freezing quote-based gold into spans and hashes ----------------------------------------------------------


def merge_gold(docs: Sequence[Mapping]) -> dict:
    """Several annotators' quote-based gold files as one: events unioned by name, lists concatenated."""
    merged: dict = {"events": {}, "lookalikes": [], "pairs": [], "not_contradictions": [], "omissions": []}
    for doc in docs:
        for name, members in doc.get("events", {}).items():
            merged["events"].setdefault(name, [])
            merged["events"][name] += [m for m in members if m not in merged["events"][name]]
        lookalikes = doc.get("lookalikes", [])
        merged["lookalikes"] += lookalikes if isinstance(lookalikes, list) else [lookalikes]
        for key in ("pairs", "not_contradictions", "omissions"):
            merged[key] += doc.get(key, [])
    return merged


def _occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    found, at = [], text.find(quote)
    while at >= 0:
        found.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return found


def _paragraph(text: str, start: int, end: int) -> str:
    return text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]


def locate(texts: Mapping[str, str], source: str, quote: str) -> dict:
    """The frozen reference of `quote` in `source`: its span(s) and the hash of its folded text.

    A quote must occur once, or only inside copies of one repeated paragraph (an article that prints a
    paragraph twice): then it stands for every copy, as crosscheck keeps one of them.
    """
    if source not in texts:
        raise GoldError(f"gold refers to article {source!r}, which is not among the texts; add {source}.txt")
    text = texts[source]
    spans = _occurrences(text, quote)
    if not spans:
        raise GoldError(f"quote not found in {source}: {quote[:80]!r}; copy it exactly from the article text")
    if len({_paragraph(text, start, end) for start, end in spans}) > 1:
        raise GoldError(
            f"quote occurs {len(spans)} times in {source}: {quote[:80]!r}; quote more of the sentence so that "
            f"it occurs once"
        )
    return {"source": source, "spans": [list(span) for span in spans], "sha1": span_hash(quote)}


def freeze_gold(gold: Mapping, texts: Mapping[str, str]) -> dict:
    """Quote-based gold -> the committed form: spans and hashes, no article text (the annotators' notes quote the
    articles, so they stay with the annotation)."""
    def ref(source: str, quote: str) -> dict:
        return locate(texts, source, quote)

    def with_origin(item: dict, annotated: Mapping) -> dict:
        """An item judged from a flagged pair keeps saying so; the first annotation's items carry no origin."""
        if annotated.get("origin"):
            item["origin"] = annotated["origin"]
        return item

    pairs = []
    for p in gold.get("pairs", []):
        item = {"a": ref(p["a"], p["a_text"]), "b": ref(p["b"], p["b_text"]), "relation": p["relation"]}
        if p["relation"] == "contradict":
            item["kind"] = p.get("kind") or p.get("why", "").split(":", 1)[0].strip() or "unspecified"
        pairs.append(with_origin(item, p))
    traps = [
        with_origin({"a": ref(t["a"], t["a_text"]), "b": ref(t["b"], t["b_text"]),
                     "looks_like": t.get("looks_like", "unspecified")}, t)
        for t in gold.get("not_contradictions", [])
    ]
    omissions = [
        {"ref": ref(o["source"], o["text"]), "missing_from": list(o["missing_from"])} for o in gold.get("omissions", [])
    ]
    return {
        "about": "Hand annotation of the real development corpus. Sentences are referred to by character spans of "
        "<id>.txt and the SHA-1 of the span's white-space-folded text; the texts are not in the repository "
        "(docs/benchmarks-data.md).",
        "events": {name: sorted(members) for name, members in sorted(gold.get("events", {}).items())},
        "lookalikes": gold.get("lookalikes", []),
        "pairs": pairs,
        "not_contradictions": traps,
        "omissions": omissions,
    }


def dump_gold(gold: Mapping) -> str:
    """JSON with one line per gold item, so that a change of the annotation reads as a change of lines."""
    parts = []
    for key, value in gold.items():
        if isinstance(value, list):
            items = ",\n".join(f"  {json.dumps(item, ensure_ascii=False)}" for item in value)
            parts.append(f" {json.dumps(key)}: [\n{items}\n ]" if value else f" {json.dumps(key)}: []")
        elif isinstance(value, dict) and value:
            items = ",\n".join(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in value.items())
            parts.append(f" {json.dumps(key)}: {{\n{items}\n }}")
        else:
            parts.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def read_manifests(paths: Sequence[Path]) -> dict[str, dict]:
    """id -> row, over several manifest CSVs (a later file fills cells an earlier one left empty)."""
    rows: dict[str, dict] = {}
    for path in paths:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if not row.get("id"):
                    raise GoldError(f"{path}: a row has no id; fill it in or delete the row")
                kept = rows.setdefault(row["id"], {})
                for key, value in row.items():
                    if key and value and not kept.get(key):
                        kept[key] = value.strip()
    return rows


def freeze(src: Path, out: Path) -> tuple[int, int]:
    """Write out/manifest.csv and out/gold.json from src/{articles/*.txt, manifest-*.csv, gold-*.json}."""
    articles = src / "articles" if (src / "articles").is_dir() else src
    manifests = sorted(src.glob("manifest*.csv"))
    golds = sorted(src.glob("gold*.json"))
    if not manifests or not golds:
        raise GoldError(f"{src} needs manifest*.csv and gold*.json files beside its articles/ folder")
    rows = read_manifests(manifests)
    texts, digests = {}, {}
    for sid in rows:
        path = articles / f"{sid}.txt"
        if not path.is_file():
            raise GoldError(f"the manifest lists {sid} but {path} does not exist; add the text or drop the row")
        data = path.read_bytes()
        texts[sid], digests[sid] = data.decode("utf-8"), file_hash(data)
    gold = freeze_gold(merge_gold([json.loads(p.read_text(encoding="utf-8")) for p in golds]), texts)
    out.mkdir(parents=True, exist_ok=True)
    with (out / MANIFEST).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(MANIFEST_FIELDS)
        for sid in sorted(rows):
            row = rows[sid]
            writer.writerow([sid, row.get("url", ""), row.get("outlet", ""), row.get("published", ""), digests[sid]])
    (out / GOLD).write_text(dump_gold(gold), encoding="utf-8")
    return len(rows), len(gold["pairs"]) + len(gold["not_contradictions"]) + len(gold["omissions"])


# --- loading the committed form against the texts at hand ----------------------------------------------------


def load_manifest(path: Path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_texts(folder: Path, manifest: Sequence[Mapping]) -> tuple[dict[str, str], list[str]]:
    """The manifest's texts found in `folder` with the right SHA-256, and a line for each one left out."""
    texts, problems = {}, []
    for row in manifest:
        path = folder / f"{row['id']}.txt"
        if not path.is_file():
            problems.append(f"missing: {path}")
            continue
        data = path.read_bytes()
        if row.get("sha256") and file_hash(data) != row["sha256"]:
            problems.append(f"changed: {path} (SHA-256 differs from the manifest; rebuild it or re-freeze the gold)")
            continue
        texts[row["id"]] = data.decode("utf-8")
    return texts, problems


def as_ref(item: Mapping) -> Ref:
    return Ref(item["source"], tuple((int(s), int(e)) for s, e in item["spans"]))


def check_refs(gold: Mapping, texts: Mapping[str, str]) -> list[str]:
    """A line for each gold reference whose span no longer reads as the annotated text."""
    problems = []
    refs = [p[k] for p in gold["pairs"] + gold["not_contradictions"] for k in ("a", "b")]
    refs += [o["ref"] for o in gold["omissions"]]
    for r in refs:
        text = texts.get(r["source"])
        if text is None:
            continue
        for start, end in r["spans"]:
            if span_hash(text[start:end]) != r["sha1"]:
                problems.append(f"span {start}-{end} of {r['source']} does not hash to the gold's text")
    return problems


def usable(gold: Mapping, texts: Mapping[str, str]) -> dict:
    """The gold restricted to items whose every article is at hand."""

    def ok(*sources: str) -> bool:
        return all(s in texts for s in sources)

    return {
        "events": {n: [m for m in ms if m in texts] for n, ms in gold["events"].items()},
        "pairs": [p for p in gold["pairs"] if ok(p["a"]["source"], p["b"]["source"])],
        "not_contradictions": [t for t in gold["not_contradictions"] if ok(t["a"]["source"], t["b"]["source"])],
        "omissions": [
            {"ref": o["ref"], "missing_from": [m for m in o["missing_from"] if m in texts]}
            for o in gold["omissions"] if ok(o["ref"]["source"])
        ],
    }


# --- running and scoring --------------------------------------------------------------------------------------


def run(folder: Path, ids: Sequence[str], manifest: Sequence[Mapping] | None = None, matcher: str = "lexical"):
    """crosscheck on the files <id>.txt of `folder`; with `manifest`, each one's outlet and publication date."""
    from compare.api import compare
    from compare.models import Settings

    paths = [str(folder / f"{sid}.txt") for sid in sorted(ids)]
    if manifest is None:
        return compare(paths, Settings(matcher=matcher))
    with tempfile.TemporaryDirectory(prefix="crosscheck-bench-") as tmp:
        path = Path(tmp) / "manifest.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "outlet", "published"])
            for row in manifest:
                if row["id"] in ids:
                    writer.writerow([row["id"], row.get("outlet", ""), row.get("published", "")])
        return compare(paths, Settings(manifest=str(path), matcher=matcher))


def adjudicated(item: Mapping) -> bool:
    """Judged from a pair some version of crosscheck flagged, not part of the first annotation."""
    return item.get("origin") == ADJUDICATED


def _trap_figures(index: FindingIndex, traps: Sequence[Mapping]) -> dict:
    by_look: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sprung = []
    for t in traps:
        hit = index.related(as_ref(t["a"]), as_ref(t["b"]), {"contradict"})
        if hit:
            sprung.append(f"{t.get('looks_like', 'unspecified')}: {t['a']['source']} / {t['b']['source']}")
        by_look[t.get("looks_like", "unspecified")][0] += hit
        by_look[t.get("looks_like", "unspecified")][1] += 1
    return {"gold": len(traps), "flagged": sum(h for h, _ in by_look.values()),
            "by_look": {k: {"flagged": h, "of": n} for k, (h, n) in sorted(by_look.items())}, "sprung": sprung}


def judge_flags(index: FindingIndex, discrepancies: Sequence[Mapping], traps: Sequence[Mapping]) -> dict:
    """Each distinct sentence pair flagged `contradict` -> (crosscheck's kind, verdict): "right" when the pair
    belongs to a gold discrepancy, "false" when it belongs to a trap (and to no discrepancy), else "unjudged"."""
    def pairs_of(items: Sequence[Mapping]) -> dict[frozenset, Mapping]:
        return {pair: item for item in items for pair in index.sentence_pairs(as_ref(item["a"]), as_ref(item["b"]))}

    real, false = pairs_of(discrepancies), pairs_of(traps)
    verdicts = {}
    for pair, kind in index.flagged("contradict").items():
        verdict = "right" if pair in real else "false" if pair in false else "unjudged"
        verdicts[pair] = (kind, verdict, real.get(pair) or false.get(pair))
    return verdicts


def _pair_name(pair: frozenset) -> str:
    return " / ".join(f"{source}#{sid}" for source, sid in sorted(pair))


def score(comparison, gold: Mapping) -> dict:
    """Every figure of one run against the gold (already restricted to the texts at hand).

    Recall counts only the first annotation's discrepancies; precision judges each flagged pair against every
    discrepancy and trap, adjudicated ones included (pooled judgments: see the module's docstring).
    """
    index = FindingIndex(comparison)
    gold_events = {m: name for name, members in gold["events"].items() for m in members}
    found_events = event_labels(comparison)
    grouping = grouping_score(gold_events, found_events)

    def apart(pairs) -> int:
        """Gold pairs whose two articles crosscheck put in different events: never compared at all."""
        return sum(found_events.get(p["a"]["source"]) != found_events.get(p["b"]["source"]) for p in pairs)

    discrepancies = [p for p in gold["pairs"] if p["relation"] == "contradict"]
    contradictions = [p for p in discrepancies if not adjudicated(p)]
    agreements = [p for p in gold["pairs"] if p["relation"] != "contradict"]
    found_by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    original_pairs: set = set()
    missed = []
    for p in contradictions:
        a, b = as_ref(p["a"]), as_ref(p["b"])
        hit = index.related(a, b, {"contradict"})
        if not hit:
            missed.append(f"{p.get('kind', 'unspecified')}: {a.source} / {b.source}")
        found_by_kind[p.get("kind", "unspecified")][0] += hit
        found_by_kind[p.get("kind", "unspecified")][1] += 1
        original_pairs |= index.sentence_pairs(a, b)
    verdicts = judge_flags(index, discrepancies, gold["not_contradictions"])
    by_kind: dict[str, Counter] = defaultdict(Counter)
    wrong, unjudged = [], []
    for pair, (kind, verdict, item) in sorted(verdicts.items(), key=lambda v: _pair_name(v[0])):
        by_kind[kind][verdict] += 1
        if verdict == "false":
            origin = "adjudicated" if adjudicated(item) else "original"
            wrong.append(f"{kind}: {_pair_name(pair)} (a trap that looks like {item.get('looks_like')}; {origin})")
        elif verdict == "unjudged":
            unjudged.append(f"{kind}: {_pair_name(pair)}")
    flagged = len(verdicts)
    count = Counter(verdict for _, verdict, _ in verdicts.values())
    right_original = sum(pair in original_pairs for pair in verdicts)
    found = sum(h for h, _ in found_by_kind.values())
    adjudicated_discrepancies = [p for p in discrepancies if adjudicated(p)]
    still_flagged = sum(
        index.related(as_ref(p["a"]), as_ref(p["b"]), {"contradict"}) for p in adjudicated_discrepancies
    )

    agreed = sum(index.related(as_ref(p["a"]), as_ref(p["b"]), AGREEING) for p in agreements)
    agreed_alone = sum(index.related(as_ref(p["a"]), as_ref(p["b"]), ("agree",)) for p in agreements)
    omitted = total_omissions = 0
    for o in gold["omissions"]:
        ref = as_ref(o["ref"])
        for other in o["missing_from"]:
            total_omissions += 1
            omitted += any(
                (f := index.relation.get((ref.source, sid, other))) is not None and f.relation == "omitted"
                for sid in index.sentence_ids(ref)
            )
    return {
        "grouping": vars(grouping),
        "contradict": {
            "gold": len(contradictions), "found": found, "recall": ratio(found, len(contradictions)),
            "apart": apart(contradictions),
            "flagged": flagged, "right": count["right"], "false": count["false"], "unjudged": count["unjudged"],
            "precision": ratio(count["right"], flagged),
            "right_original": right_original, "precision_original": ratio(right_original, flagged),
            "adjudicated": {"gold": len(adjudicated_discrepancies), "flagged": still_flagged},
            "recall_by_kind": {k: {"found": h, "of": n} for k, (h, n) in sorted(found_by_kind.items())},
            "precision_by_kind": {
                k: {"right": c["right"], "false": c["false"], "unjudged": c["unjudged"], "of": sum(c.values())}
                for k, c in sorted(by_kind.items())
            },
            "missed": missed, "wrongly_flagged": wrong, "unjudged_pairs": unjudged,
        },
        "agree": {"gold": len(agreements), "found": agreed, "recall": ratio(agreed, len(agreements)),
                  "apart": apart(agreements), "alone": agreed_alone},
        "traps": _trap_figures(index, [t for t in gold["not_contradictions"] if not adjudicated(t)]),
        "adjudicated_traps": _trap_figures(index, [t for t in gold["not_contradictions"] if adjudicated(t)]),
        "omissions": {"gold": total_omissions, "found": omitted, "recall": ratio(omitted, total_omissions)},
        "findings": dict(sorted(index.relation_counts().items())),
        "events_found": len(comparison.events),
    }


def details(figures: Mapping) -> list[str]:
    """Missed discrepancies, flags judged false, flags nobody has judged yet, and the first annotation's traps
    that sprang."""
    c, t = figures["contradict"], figures["traps"]
    return ([f"  missed {line}" for line in c["missed"]] + [f"  wrongly flagged {line}" for line in c["wrongly_flagged"]]
            + [f"  unjudged {line}" for line in c["unjudged_pairs"]]
            + [f"  trap flagged {line}" for line in t["sprung"]])


def report(name: str, figures: Mapping) -> list[str]:
    c, a, t, o = figures["contradict"], figures["agree"], figures["traps"], figures["omissions"]
    g, at = figures["grouping"], figures["adjudicated_traps"]
    lines = [
        f"== {name}",
        f"grouping: P {g['precision']:.3f} R {g['recall']:.3f} F1 {g['f1']:.3f} ARI {g['ari']:.3f} "
        f"({g['items']} articles, {g['gold_groups']} gold events, {g['predicted_groups']} found)",
        f"contradict: recall {show(c['recall'])} ({c['found']}/{c['gold']} original discrepancies; {c['apart']} of "
        f"them in different events)",
        f"  precision {show(c['precision'])} ({c['right']}/{c['flagged']} flagged sentence pairs real; {c['false']} "
        f"judged false, {c['unjudged']} unjudged, counted as not real)",
        f"  precision against the original discrepancies alone {show(c['precision_original'])} "
        f"({c['right_original']}/{c['flagged']}); adjudicated discrepancies flagged {c['adjudicated']['flagged']}/"
        f"{c['adjudicated']['gold']}",
    ]
    lines += [f"  gold kind {k}: found {v['found']}/{v['of']}" for k, v in c["recall_by_kind"].items()]
    lines += [f"  flagged as {k}: right {v['right']}/{v['of']} ({v['false']} false, {v['unjudged']} unjudged)"
              for k, v in c["precision_by_kind"].items()]
    lines.append(f"agree recall: {show(a['recall'])} ({a['found']}/{a['gold']}; {a['apart']} in different events; "
                 f"{a['alone']} as agree alone)")
    lines.append(f"traps flagged: {t['flagged']}/{t['gold']} original, {at['flagged']}/{at['gold']} adjudicated")
    lines += [f"  looks like {k}: {v['flagged']}/{v['of']}" for k, v in t["by_look"].items()]
    lines += [f"  adjudicated, looks like {k}: {v['flagged']}/{v['of']}" for k, v in at["by_look"].items()]
    if o["gold"]:
        lines.append(f"omission recall: {show(o['recall'])} ({o['found']}/{o['gold']})")
    lines.append("findings: " + ", ".join(f"{k} {v}" for k, v in figures["findings"].items()))
    return lines


def summary(undated: Mapping, dated: Mapping) -> str:
    def part(f: Mapping) -> str:
        c = f["contradict"]
        return f"{show(c['precision'])}/{show(c['recall'])}"

    def traps(f: Mapping) -> str:
        return f"{f['traps']['flagged']}/{f['traps']['gold']} + {f['adjudicated_traps']['flagged']}/" \
               f"{f['adjudicated_traps']['gold']} adjudicated"

    return (
        f"grouping F1 {undated['grouping']['f1']:.3f} (dated {dated['grouping']['f1']:.3f}) | "
        f"contradict P/R {part(undated)} (dated {part(dated)}; unjudged {undated['contradict']['unjudged']}, "
        f"dated {dated['contradict']['unjudged']}) | "
        f"agree recall {show(undated['agree']['recall'])} (dated {show(dated['agree']['recall'])}) | "
        f"traps flagged {traps(undated)} (dated {traps(dated)})"
    )


def evaluate(folder: Path, gold_dir: Path, matcher: str = "lexical") -> tuple[dict, list[str]]:
    """Both runs on the texts of `folder` that match the manifest of `gold_dir`: (figures, problems)."""
    manifest = load_manifest(gold_dir / MANIFEST)
    gold = json.loads((gold_dir / GOLD).read_text(encoding="utf-8"))
    texts, problems = load_texts(folder, manifest)
    problems += check_refs(gold, texts)
    if not texts:
        raise GoldError(f"none of the {len(manifest)} articles of {gold_dir / MANIFEST} is in {folder}")
    at_hand = usable(gold, texts)
    figures = {"articles": len(texts), "left_out": len(manifest) - len(texts), "matcher": matcher}
    for name, rows in (("undated", None), ("dated", manifest)):
        started = time.perf_counter()
        figures[name] = score(run(folder, list(texts), rows, matcher), at_hand)
        figures[name]["seconds"] = round(time.perf_counter() - started, 2)
    return figures, problems


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="?", type=Path, default=DEFAULT_ARTICLES, help="folder of <id>.txt articles")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of manifest.csv and gold.json")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    parser.add_argument("--details", action="store_true", help="list missed discrepancies, wrong flags, traps hit")
    parser.add_argument("--matcher", choices=("lexical", "semantic", "hybrid"), default="lexical",
                        help="the matcher to run (semantic and hybrid need crosscheck[semantic])")
    parser.add_argument("--freeze", type=Path, metavar="SRC", help="freeze SRC's quote-based gold into --out")
    parser.add_argument("--out", type=Path, default=GOLD_DIR, help="where --freeze writes")
    args = parser.parse_args(argv)
    try:
        if args.freeze:
            articles, items = freeze(args.freeze, args.out)
            print(f"froze {articles} articles and {items} gold items into {args.out / MANIFEST} and {args.out / GOLD}")
            return 0
        if not (args.gold / MANIFEST).is_file():
            raise GoldError(f"{args.gold / MANIFEST} does not exist; freeze the gold first (--freeze SRC --out DIR)")
        figures, problems = evaluate(args.dir, args.gold, args.matcher)
    except (GoldError, MatcherUnavailable) as error:
        print(f"Error: {error}", file=sys.stderr)
        return 2
    for line in problems:
        print(f"left out: {line}")
    print(f"{figures['articles']} articles scored, {figures['left_out']} left out; matcher {figures['matcher']}")
    for name, label in (("undated", "texts only"), ("dated", "with the manifest's outlets and dates")):
        print("\n".join(report(f"{label} ({figures[name]['seconds']} s)", figures[name])))
        if args.details and details(figures[name]):
            print("\n".join(details(figures[name])))
    if args.json:
        print(json.dumps(figures, indent=1))
    print(summary(figures["undated"], figures["dated"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
