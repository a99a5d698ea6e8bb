"""Grouping of small corpora: a few reports of one meeting, or of two, drawn from the real development corpus.

    python bench/grouping_draws.py [--draws 6] [--seeds 1,2]

A folder of one meeting's coverage is the commonest input, and a small corpus weighs words differently from a
large one (compare.config.GroupingConfig.idf_min_sources). For each of four pairs of events of bench/real/gold.json
(its two look-alike pairs, then two pairs of different people), each draw takes 2-6 reports of each event; the
two-event corpus is grouped from the texts alone and scored by pairwise F1, and the first event's reports alone
count as kept whole when they form one event. The articles are bench/real/articles (see bench/real.py).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from compare.events import group_events  # noqa: E402
from compare.pipeline import event_doc, prepare  # noqa: E402
from compare.sources import load_sources  # noqa: E402
from compare.models import Settings  # noqa: E402

OTHER_PAIRS = [("putin-xi-2025-05-08", "modi-xi-2025-08-31"), ("trump-zelensky-2025-02-28", "putin-xi-2025-09-02")]


def pairwise_f1(labels: list[str], truth: list[int]) -> float:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(labels)), 2):
        same, gold_same = labels[i] == labels[j], truth[i] == truth[j]
        tp += same and gold_same
        fp += same and not gold_same
        fn += gold_same and not same
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--draws", type=int, default=6, help="draws per pair of events and seed")
    parser.add_argument("--seeds", default="1,2", help="random seeds, comma-separated")
    parser.add_argument("--articles", type=Path, default=HERE / "real" / "articles")
    args = parser.parse_args()
    gold = json.loads((HERE / "real" / "gold.json").read_text(encoding="utf-8"))
    events = gold["events"]
    pairs = [tuple(p) for p in gold["lookalikes"]] + OTHER_PAIRS
    docs = {}

    def doc(source_id: str):
        if source_id not in docs:
            (source,) = load_sources([str(args.articles / f"{source_id}.txt")], Settings())
            docs[source_id] = event_doc(prepare(source))
        return docs[source_id]

    f1s: dict[tuple[str, str], list[float]] = {}
    whole = total = 0
    for seed in (int(s) for s in args.seeds.split(",")):
        rng = random.Random(seed)
        for a, b in pairs:
            for _ in range(args.draws):
                k1, k2 = rng.randint(2, 6), rng.randint(2, 6)
                ids = rng.sample(events[a], k1) + rng.sample(events[b], k2)
                label = {m: e.id for e in group_events([doc(i) for i in ids]) for m in e.sources}
                f1s.setdefault((a, b), []).append(pairwise_f1([label[i] for i in ids], [0] * k1 + [1] * k2))
                whole += len(group_events([doc(i) for i in ids[:k1]])) == 1
                total += 1
    every = [v for values in f1s.values() for v in values]
    print(f"one meeting kept whole: {whole}/{total}; two meetings pairwise F1 {sum(every) / len(every):.3f}")
    for (a, b), values in f1s.items():
        print(f"  {a} + {b}: F1 {sum(values) / len(values):.3f} over {len(values)} draws")


if __name__ == "__main__":
    main()
