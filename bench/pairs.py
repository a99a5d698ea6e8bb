"""How well does `crosscheck diff` tell a contradiction, and an agreement, between two short texts?

    python bench/pairs.py [--data bench/data] [--mrpc /path/to/mrpc] [--per-class 150] [--seed 13] [--json]
                          [--matcher lexical|semantic|hybrid]

Each sentence pair of public data is written to two files and compared with `compare.api.diff`, the call behind
`crosscheck diff a.txt b.txt`, in this process. A pair is predicted a contradiction when any finding is
`contradict`, and an agreement when any finding links the two texts as `agree` or `partial` (how many of them
as `agree` alone is printed too).

Data (kept out of git in bench/data/; docs/benchmarks-data.md says where each file comes from):
- SICK (test part), entailment labels CONTRADICTION / ENTAILMENT / NEUTRAL;
- an SNLI development-set sample (all of it: it is small);
- STS-B test, its news-headline part: headlines scored 0-5 for sameness of meaning;
- MRPC test, news paraphrase pairs (read from --mrpc, never copied into the repository).

From each set, up to --per-class pairs of the positive class and as many others are drawn with a fixed seed
(entailment sets: contradictions against entailment and neutral pairs; STS-B: score >= 4 against score < 4;
MRPC: paraphrases against the rest). Printed per set: contradiction precision / recall / F1 (entailment sets;
precision on this balanced sample, where half the pairs are contradictions), agreement recall on the
entailment (or paraphrase, or score >= 4) pairs, contradictions flagged among pairs labelled otherwise, and how
many pairs gave no finding linking the two texts at all. Entailment-set sentences lacking a final stop get one
(they are sentences, not titles); headlines are written as they are, one line without a stop, as a user's
headline file would be. The last line is one summary line.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from scoring import balanced_sample, prf, ratio, show  # noqa: E402

DATA = HERE / "data"
MRPC = Path("/work/shared/data/mrpc")
SICK_FILE = "SICK.txt"
SNLI_FILE = "snli_dev_sample.txt"
STSB_FILE = "sts-test.csv"
MRPC_FILE = "msr_paraphrase_test.txt"
SAME_CLAIM_STS = 4.0  # STS-B: 4 = "mostly equivalent", 5 = "completely equivalent"
ENDS = (".", "!", "?", '"', "'", "\u201d")


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    label: str  # contradiction, entailment, neutral, same, different


def sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith(ENDS) else text + "."


def read_sick(path: Path) -> list[Pair]:
    """SICK.txt: tab-separated, pair_ID, sentence_A, sentence_B, entailment_label, ..., SemEval_set; TEST only."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [
        Pair(sentence(r["sentence_A"]), sentence(r["sentence_B"]), r["entailment_label"].strip().lower())
        for r in rows if r["SemEval_set"].strip() == "TEST"
    ]


def read_snli(path: Path) -> list[Pair]:
    """SNLI's text format: gold_label, parses, sentence1 (column 6), sentence2 (column 7); '-' has no gold."""
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cells) >= 7 and cells[0] in ("contradiction", "entailment", "neutral"):
                pairs.append(Pair(sentence(cells[5]), sentence(cells[6]), cells[0]))
    return pairs


def read_stsb_headlines(path: Path) -> list[Pair]:
    """STS-B's CSV: genre, file, year, id, score, sentence 1, sentence 2 (tab-separated); headlines only."""
    pairs = []
    with path.open(encoding="utf-8", newline="") as handle:
        for cells in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(cells) >= 7 and cells[1] == "headlines":
                label = "same" if float(cells[4]) >= SAME_CLAIM_STS else "different"
                pairs.append(Pair(cells[5].strip(), cells[6].strip(), label))
    return pairs


def read_mrpc(path: Path) -> list[Pair]:
    sys.path.insert(0, str(HERE))
    from mrpc import read_pairs

    return [Pair(p.a, p.b, "same" if p.label == 1 else "different") for p in read_pairs(path)]


@dataclass(frozen=True)
class Dataset:
    name: str
    file: Callable[[Path, Path], Path]
    read: Callable[[Path], list[Pair]]
    positive: str  # the label sampled against the rest
    agreeing: tuple[str, ...]  # labels whose pairs should come out agree / partial


DATASETS = (
    Dataset("SICK test", lambda data, _m: data / SICK_FILE, read_sick, "contradiction", ("entailment",)),
    Dataset("SNLI dev sample", lambda data, _m: data / SNLI_FILE, read_snli, "contradiction", ("entailment",)),
    Dataset("STS-B headlines", lambda data, _m: data / STSB_FILE, read_stsb_headlines, "same", ("same",)),
    Dataset("MRPC test", lambda _d, mrpc: mrpc / MRPC_FILE, read_mrpc, "same", ("same",)),
)


@dataclass(frozen=True)
class Outcome:
    contradict: bool
    agree: bool  # agree or partial
    linked: bool  # some finding names a counterpart at all
    agree_alone: bool = False  # agree, not weakened to partial


def diff_pair(pair: Pair, folder: Path, matcher: str = "lexical") -> Outcome:
    """`crosscheck diff --matcher MATCHER` of the pair, in this process."""
    from compare.api import diff
    from compare.models import Settings

    a, b = folder / "a.txt", folder / "b.txt"
    a.write_text(pair.a + "\n", encoding="utf-8")
    b.write_text(pair.b + "\n", encoding="utf-8")
    comparison, _ids = diff(a, b, Settings(matcher=matcher))
    relations = {str(f.relation) for f in comparison.finding_records if f.other_sentence_id is not None}
    return Outcome("contradict" in relations, bool(relations & {"agree", "partial"}), bool(relations),
                   "agree" in relations)


def score_set(dataset: Dataset, pairs: Sequence[Pair], matcher: str = "lexical") -> dict:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="crosscheck-pairs-") as tmp:
        outcomes = [diff_pair(p, Path(tmp), matcher) for p in pairs]
    seconds = time.perf_counter() - started
    contradictions = [o for p, o in zip(pairs, outcomes) if p.label == "contradiction"]
    others = [o for p, o in zip(pairs, outcomes) if p.label != "contradiction"]
    agreeing = [o for p, o in zip(pairs, outcomes) if p.label in dataset.agreeing]
    tp = sum(o.contradict for o in contradictions)
    fp = sum(o.contradict for o in others)
    figures = {
        "pairs": len(pairs),
        "contradictions": len(contradictions),
        "agreeing": len(agreeing),
        "agree_found": sum(o.agree for o in agreeing),
        "agree_recall": ratio(sum(o.agree for o in agreeing), len(agreeing)),
        "agree_alone": sum(o.agree_alone for o in agreeing),
        "contradict_flagged_on_others": fp,
        "others": len(others),
        "unlinked": sum(not o.linked for o in outcomes),
        "seconds": round(seconds, 1),
    }
    if contradictions:
        figures.update(prf(tp, fp, len(contradictions) - tp), contradict_found=tp)
    return figures


def report(name: str, f: dict) -> str:
    parts = [f"{name}: {f['pairs']} pairs"]
    if f["contradictions"]:
        parts.append(
            f"contradict P {f['precision']:.2f} R {f['recall']:.2f} F1 {f['f1']:.2f} "
            f"({f['contradict_found']}/{f['contradictions']} found, {f['contradict_flagged_on_others']} of "
            f"{f['others']} others flagged)"
        )
    else:
        parts.append(f"contradict flagged on {f['contradict_flagged_on_others']} of {f['others']} (none labelled so)")
    parts.append(f"agree recall {show(f['agree_recall'])} ({f['agree_found']}/{f['agreeing']}; "
                 f"{f['agree_alone']} as agree alone)")
    parts.append(f"no counterpart found in {f['unlinked']}")
    parts.append(f"{f['seconds']} s")
    return " | ".join(parts)


def summary(results: dict) -> str:
    parts = []
    for name, f in results.items():
        if "f1" in f:
            parts.append(f"{name} contradict P/R/F1 {f['precision']:.2f}/{f['recall']:.2f}/{f['f1']:.2f}")
        parts.append(f"{name} agree recall {show(f['agree_recall'])}")
    return " | ".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the fetched data files")
    parser.add_argument("--mrpc", type=Path, default=MRPC, help="folder holding msr_paraphrase_test.txt")
    parser.add_argument("--per-class", type=int, default=150, help="pairs drawn of each class per set")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--matcher", choices=("lexical", "semantic", "hybrid"), default="lexical",
                        help="the matcher to run (semantic and hybrid need crosscheck[semantic])")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    args = parser.parse_args(argv)
    results = {}
    for dataset in DATASETS:
        path = dataset.file(args.data, args.mrpc)
        if not path.is_file():
            print(f"skipped {dataset.name}: {path} not found (docs/benchmarks-data.md says how to get it)")
            continue
        pairs = balanced_sample(dataset.read(path), lambda p: p.label == dataset.positive, args.per_class, args.seed)
        results[dataset.name] = score_set(dataset, pairs, args.matcher)
        print(report(dataset.name, results[dataset.name]), flush=True)
    if not results:
        print("Error: no data set found; fetch them as docs/benchmarks-data.md says", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(results, indent=1))
    print(summary(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
