"""Fit and check the finding scores (compare.confidence) on generated corpora with known relations.

    python bench/calibrate.py [--events 100] [--outlets 10] [--fit-seed 1] [--check-seed 2] [--corpora DIR]

Generates two corpora (bench/generate.py) with different seeds, runs the pipeline's own per-event step on each
(compare.pipeline.event_evidence: the findings before scoring, with the evidence their score is read from),
labels every finding right or wrong against the ground truth (the relation the truth expects, and for a pair
the right counterpart sentence), fits one logistic model for contradictions on the first corpus (see
FITTED_KINDS for why only those), and checks every kind on the second: per kind, the mean score against the share of findings that are right, the expected
calibration error (ECE, 10 bins) and the Brier score, for the matcher's own probability and for the fitted
score. It prints the table and writes the fitted models to compare/data/confidence.json, which
compare/confidence.py loads.

The corpora are generated, so the scores are calibrated to their difficulty: synonym swaps and reordered
clauses are easier paraphrase than real outlets write. Refit on annotated real coverage when there is some.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np
from tabulate import tabulate

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from compare.confidence import Evidence, confidence, model_of, uncalibrated  # noqa: E402
from compare.judge import CONFLICT_KINDS  # noqa: E402

# Only contradictions are fitted here. The generator injects them the way outlets differ (a negation, a hedge,
# a changed number, date or name in a real sentence), but its paraphrases are synonym swaps and reordered
# clauses, far easier than real outlets' wording, and it never adds detail or soft hedges: fitted on it, agree
# would learn that a pair under 0.9 is a wrong pair, and partial that it is always wrong. Those kinds, and
# omitted, keep the matcher's probability, which is calibrated on real news (MRPC; bench/mrpc.py prints its
# calibration error).
FITTED_KINDS = CONFLICT_KINDS  # fitted as one model, "contradict" (compare.confidence.model_of)
# A kind is fitted only with at least this many findings, of which at least MIN_CLASS right and MIN_CLASS
# wrong: a logistic fit on fewer says more about the sample than about the kind.
MIN_FINDINGS = 40
MIN_CLASS = 5
BINS = 10


def labelled_evidence(corpus: Path) -> list[tuple[Evidence, bool]]:
    """(evidence, right?) for every finding of the corpus, from the pipeline's own per-event step."""
    from compare.engine import run_one
    from compare.events import group_events
    from compare.models import Settings
    from compare.pipeline import event_doc, event_evidence, event_works, prepare
    from compare.sources import load_sources
    from compare.syndication import find_copies
    from run import expected_relation

    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    settings = Settings()
    prepared = [prepare(s) for s in load_sources([str(corpus / "articles")], settings)]
    copies = find_copies([p.source for p in prepared])
    originals = [p for p in prepared if p.source.id not in copies]
    events = run_one(group_events, [event_doc(p) for p in originals], settings)
    base = _story_sentences(prepared, truth)
    out = []
    for work in event_works(events, originals, settings):
        for finding, evidence in event_evidence(work):
            i = base.get((finding.source, finding.sentence_id))
            want = expected_relation(truth, finding.source, i, finding.other_source)
            kind = "agree" if finding.relation in ("agree", "partial") else str(finding.relation)
            same = kind == "omitted" or base.get((finding.other_source, finding.other_sentence_id)) == i
            out.append((evidence, want == kind and same))
    return out


def _story_sentences(prepared, truth) -> dict[tuple[str, int], int | None]:
    """(source, sentence id) -> the story sentence it renders (most overlap with the recorded spans)."""
    out: dict[tuple[str, int], int | None] = {}
    for p in prepared:
        spans = truth["articles"].get(p.source.id, {}).get("sentences", ())
        for s in p.sentences:
            best, overlap = None, 0
            for span in spans:
                shared = min(s.end, span["end"]) - max(s.start, span["start"])
                if shared > overlap:
                    best, overlap = span["base"], shared
            out[(p.source.id, s.id)] = best
    return out


def fit(rows: list[tuple[Evidence, bool]]) -> dict[str, tuple[float, float, float]]:
    """model -> (log-odds coefficient, mutual coefficient, intercept) of a logistic regression, for the models of
    FITTED_KINDS that have enough findings of both outcomes."""
    from sklearn.linear_model import LogisticRegression

    by_model: dict[str, list[tuple[Evidence, bool]]] = defaultdict(list)
    for evidence, right in rows:
        if evidence.kind in FITTED_KINDS:
            by_model[model_of(evidence.kind)].append((evidence, right))
    out = {}
    for model_name in sorted(by_model):
        group = by_model[model_name]
        labels = np.array([right for _, right in group], dtype=int)
        if len(group) < MIN_FINDINGS or min(labels.sum(), len(labels) - labels.sum()) < MIN_CLASS:
            continue
        x = np.array([e.features() for e, _ in group])
        model = LogisticRegression(C=1.0).fit(x, labels)
        out[model_name] = (round(float(model.coef_[0][0]), 4), round(float(model.coef_[0][1]), 4),
                           round(float(model.intercept_[0]), 4))
    return out


def reliability(scores: np.ndarray, right: np.ndarray) -> tuple[float, float]:
    """Expected calibration error over BINS equal-width bins, and the Brier score."""
    bins = np.minimum((scores * BINS).astype(int), BINS - 1)
    ece = sum(abs(scores[bins == b].mean() - right[bins == b].mean()) * (bins == b).sum()
              for b in range(BINS) if (bins == b).any()) / len(scores)
    return float(ece), float(np.mean((scores - right) ** 2))


def check(rows: list[tuple[Evidence, bool]], calibration: dict) -> list[list]:
    """Per kind (and all together): findings, share right, and for the matcher's probability and the fitted
    score their mean, ECE and Brier score."""
    import compare.confidence as module

    saved = dict(module.CALIBRATION)
    module.CALIBRATION.clear()
    module.CALIBRATION.update(calibration)
    try:
        by_kind: dict[str, list[tuple[Evidence, bool]]] = defaultdict(list)
        for evidence, right in rows:
            by_kind[evidence.kind].append((evidence, right))
        table = []
        conflicts = [row for row in rows if row[0].kind in CONFLICT_KINDS]
        for kind, group in [*sorted(by_kind.items()), ("contradict (all kinds)", conflicts), ("all", rows)]:
            if not group:
                continue
            right = np.array([r for _, r in group], dtype=float)
            raw = np.array([uncalibrated(e) for e, _ in group])
            fitted = np.array([confidence(e) for e, _ in group])
            table.append([kind, len(group), right.mean(), raw.mean(), *reliability(raw, right),
                          fitted.mean(), *reliability(fitted, right)])
        return table
    finally:
        module.CALIBRATION.clear()
        module.CALIBRATION.update(saved)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--fit-seed", type=int, default=1)
    parser.add_argument("--check-seed", type=int, default=2)
    parser.add_argument("--corpora", type=Path, help="keep the generated corpora here (default: a temporary folder)")
    args = parser.parse_args(argv)

    import compare.confidence as confidence_module
    from generate import generate

    with tempfile.TemporaryDirectory() as scratch:
        root = args.corpora or Path(scratch)
        rows = {}
        for role, seed in (("fit", args.fit_seed), ("check", args.check_seed)):
            corpus = root / f"corpus-{args.events}x{args.outlets}-seed{seed}"
            if not (corpus / "truth.json").exists():
                generate(corpus, args.events, args.outlets, seed)
            rows[role] = labelled_evidence(corpus)
    calibration = fit(rows["fit"])
    table = check(rows["check"], calibration)
    print(f"Fitted on {len(rows['fit']):,} findings (seed {args.fit_seed}), checked on {len(rows['check']):,} "
          f"(seed {args.check_seed}); {args.events} events x {args.outlets} outlets each.")
    print()
    print(tabulate(table, headers=["kind", "findings", "right", "matcher mean", "matcher ECE", "matcher Brier",
                                   "score mean", "score ECE", "score Brier"], floatfmt=".3f", tablefmt="github"))
    print()
    path = Path(confidence_module.__file__).parent / "data" / confidence_module.CONFIDENCE_FILE
    path.write_text(json.dumps({
        "about": "Logistic models of how sure a finding is: per model, (log-odds coefficient, mutual-best "
                 "coefficient, intercept). Written by `python bench/calibrate.py` (do not edit by hand).",
        "fitted_on": f"generated corpora of {args.events * args.outlets:,} articles (bench/generate.py): seed "
                     f"{args.fit_seed} to fit, seed {args.check_seed} to check. Only contradictions: the generated "
                     "corpora paraphrase too easily to calibrate agreement.",
        "models": {name: list(coefs) for name, coefs in sorted(calibration.items())},
    }, indent=2) + "\n", encoding="utf-8")
    print(f"models -> {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
