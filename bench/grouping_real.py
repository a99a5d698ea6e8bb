"""Score the grouping of articles into events against hand-made gold events, beside a TF-IDF baseline.

    python bench/grouping_real.py ARTICLES_DIR GOLD.json [GOLD.json ...] [--manifest M.csv ...]

Each gold file holds {"events": {label: [source ids]}}; the events of all gold files are scored together (all
articles in one run, as an analyst would point crosscheck at the folder). Two conditions:

(a) texts only: no publication date other than what the texts themselves print;
(b) with the manifests' `published` dates (only the id and published columns are passed on, as `--manifest`).

For each it prints pairwise precision / recall / F1 (over pairs of articles put in one event) and the adjusted
Rand index, for crosscheck's grouping and for a plain baseline: TF-IDF (scikit-learn, English stop words,
sublinear TF) and average-linkage agglomerative clustering on cosine distance, cut at a fixed distance fixed
before looking at any gold (BASELINE_CUT), plus the baseline's best cut over a grid (an oracle: the gold chooses
it), so that crosscheck is compared with the baseline at its best. Then crosscheck's events: id, size, and the
gold labels of its members, so that a split or a stray singleton is plain to see.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

BASELINE_CUT = 0.9  # cosine distance at which average linkage stops merging: a usual default for news TF-IDF
ORACLE_CUTS = [round(0.50 + 0.02 * k, 2) for k in range(25)]  # 0.50 .. 0.98


def pairwise(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """Precision, recall and F1 over the pairs of sources put in one cluster."""
    ids = sorted(gold)
    true_pairs = {(a, b) for a, b in combinations(ids, 2) if gold[a] == gold[b]}
    found_pairs = {(a, b) for a, b in combinations(ids, 2) if predicted[a] == predicted[b]}
    hit = len(true_pairs & found_pairs)
    precision = hit / len(found_pairs) if found_pairs else 1.0
    recall = hit / len(true_pairs) if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def ari(predicted: dict[str, str], gold: dict[str, str]) -> float:
    from sklearn.metrics import adjusted_rand_score

    ids = sorted(gold)
    return adjusted_rand_score([gold[i] for i in ids], [predicted[i] for i in ids])


def crosscheck_grouping(folder: str, manifest: str | None):
    from compare.events import group_events
    from compare.models import Settings
    from compare.pipeline import event_doc, prepare
    from compare.sources import load_sources_with_warnings

    settings = Settings(manifest=manifest)
    sources, _warnings = load_sources_with_warnings([folder], settings)
    prepared = [prepare(s) for s in sources]
    started = time.perf_counter()
    events = group_events([event_doc(p) for p in prepared], settings.grouping)
    seconds = time.perf_counter() - started
    texts = {p.source.id: p.source.text for p in prepared}
    return {sid: e.id for e in events for sid in e.sources}, events, texts, seconds


def baseline(texts: dict[str, str], cut: float) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    ids = sorted(texts)
    matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([texts[i] for i in ids])
    labels = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                     distance_threshold=cut).fit_predict(matrix.toarray())
    return {i: str(label) for i, label in zip(ids, labels)}


def id_published_manifest(manifests: list[str]) -> str:
    """One manifest of every given one's id and published columns (nothing else reaches crosscheck)."""
    out = tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False, newline="", encoding="utf-8")
    writer = csv.writer(out)
    writer.writerow(["id", "published"])
    for name in manifests:
        with open(name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                writer.writerow([row["id"], row.get("published", "")])
    out.close()
    return out.name


def line(label: str, predicted: dict[str, str], gold: dict[str, str]) -> str:
    p, r, f = pairwise(predicted, gold)
    return f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} | {ari(predicted, gold):.3f} | {len(set(predicted.values()))} |"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("gold", nargs="+")
    parser.add_argument("--manifest", action="append", default=[], help="CSV with id and published (repeatable)")
    parser.add_argument("--events", action="store_true", help="list crosscheck's events with their gold labels")
    args = parser.parse_args(argv)
    gold: dict[str, str] = {}
    for name in args.gold:
        for label, ids in json.loads(Path(name).read_text(encoding="utf-8"))["events"].items():
            gold.update({i: label for i in ids})
    conditions = [("texts only", None)]
    if args.manifest:
        conditions.append(("with manifest dates", id_published_manifest(args.manifest)))
    for title, manifest in conditions:
        predicted, events, texts, seconds = crosscheck_grouping(args.folder, manifest)
        missing = sorted(set(gold) - set(predicted))
        if missing:
            print(f"gold ids not read: {', '.join(missing[:5])}", file=sys.stderr)
            return 2
        predicted = {i: predicted[i] for i in gold}
        scored = {i: texts[i] for i in gold}
        print(f"\n## {title}: {len(gold)} articles, {len(set(gold.values()))} gold events "
              f"(grouping {seconds:.2f} s)\n")
        print("| grouping | precision | recall | F1 | ARI | events |\n|---|---|---|---|---|---|")
        print(line("crosscheck", predicted, gold))
        print(line(f"TF-IDF + average linkage, cut {BASELINE_CUT}", baseline(scored, BASELINE_CUT), gold))
        best = max(ORACLE_CUTS, key=lambda cut: pairwise(baseline(scored, cut), gold)[2])
        print(line(f"TF-IDF + average linkage, best cut {best} (oracle)", baseline(scored, best), gold))
        if args.events:
            print()
            for event in events:
                labels = Counter(gold.get(s, "?") for s in event.sources)
                print(f"  {event.id:45s} {len(event.sources):3d}  {dict(labels)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
