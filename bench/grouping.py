"""Does crosscheck put the articles of one event together, and only those? Scored beside a plain baseline.

    python bench/grouping.py [--data bench/data] [--real bench/real/articles] [--json]

Grouping is `compare.api.group` (what `crosscheck events` runs), scored against gold events by pairwise
precision / recall / F1 and the adjusted Rand index (bench/scoring.py). Beside it, in the same run, a plain
baseline: TF-IDF of each article's words (scikit-learn, English stop words removed, sublinear counts) and
average-linkage agglomerative clustering of cosine distances, cut at one distance threshold. The threshold is
the one with the best pairwise F1 on the tuning split, NewsWCL50 topics 0-4, over a grid of 0.01 steps; every
other corpus is scored with that threshold, so its held-out figures are the ones to compare
(NewsWCL50 topics 5-9, the seeds, the real development corpus, the mixes). A third line per corpus gives the
baseline at the cut that is best on that corpus itself: a ceiling for the baseline, not a fair comparison.

Corpora:
- NewsWCL50 (Hamborg et al.; the CoNLL file of anastasia-zhukova/Diverse_CDCR_datasets, CC BY-SA 4.0): 10
  events of 2018, 5 US outlets each (left to right), articles rebuilt from the tokens. Several topics look
  alike: two are about North Korea, three about Trump and Russia, two about the Iran deal.
- the seeds: three meetings of the same two defence ministers within five months (look-alike events);
- the real development corpus (bench/real, texts checked against its manifest), when its texts are at hand,
  grouped from the texts only and again with the manifest's publication dates;
- mixes: NewsWCL50 with the seeds, and with the real corpus too when present.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from scoring import GroupingScore, grouping_score  # noqa: E402

DATA = HERE / "data"
NEWSWCL50_FILE = "NewsWCL50.conll"
TUNING_TOPICS = frozenset("01234")
THRESHOLDS = np.round(np.arange(0.05, 1.0, 0.01), 2)


@dataclass
class Corpus:
    name: str
    texts: dict[str, str]  # id -> article text
    gold: dict[str, str]  # id -> gold event
    published: dict[str, str] = field(default_factory=dict)  # id -> ISO date, where a manifest gives one


# --- NewsWCL50 from its CoNLL tokens --------------------------------------------------------------------------

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m",
                   "’s", "'", "’", "”", "-", "…"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "‘", "“", "-", "#"}


def detokenize(tokens: Sequence[str]) -> str:
    """Tokens back to running text: the CoNLL file keeps no white space, so it is put back by rule ("\\n" is a
    paragraph break; straight double quotes alternate between opening and closing)."""
    out: list[str] = []
    glue, open_quote = True, False
    for token in tokens:
        if token == "\\n":
            out.append("\n")
            glue = True
            continue
        if token == '"':
            open_quote = not open_quote
            if open_quote:
                out.append(token if glue else " " + token)
                glue = True
            else:
                out.append(token)
            continue
        out.append(token if glue or token in NO_SPACE_BEFORE else " " + token)
        glue = token in NO_SPACE_AFTER
    return "".join(out).replace(" \n", "\n").strip() + "\n"


def read_newswcl50(path: Path) -> Corpus:
    """Documents of the CoNLL file (first column topic/-/doc, fourth the token) as articles; gold = topic."""
    tokens: dict[str, list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            tokens.setdefault(cells[0], []).append(cells[3])
    texts, gold = {}, {}
    for doc, words in tokens.items():
        topic, _, name = doc.split("/")
        sid = f"newswcl50-{name}"
        texts[sid], gold[sid] = detokenize(words), f"newswcl50-topic-{topic}"
    return Corpus("NewsWCL50", texts, gold)


def seeds_corpus() -> Corpus:
    gold_file = HERE.parent / "tests" / "gold_seeds.json"
    events = json.loads(gold_file.read_text(encoding="utf-8"))["events"]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted((HERE.parent / "seeds").glob("*.txt"))}
    return Corpus("seeds", texts, {m: f"seeds-{name}" for name, ms in events.items() for m in ms})


def real_corpus(folder: Path, gold_dir: Path) -> Corpus | None:
    from real import GOLD, MANIFEST, load_manifest, load_texts

    if not (gold_dir / MANIFEST).is_file() or not folder.is_dir():
        return None
    manifest = load_manifest(gold_dir / MANIFEST)
    texts, _problems = load_texts(folder, manifest)
    events = json.loads((gold_dir / GOLD).read_text(encoding="utf-8"))["events"]
    gold = {m: f"real-{name}" for name, ms in events.items() for m in ms if m in texts}
    if not gold:
        return None
    published = {r["id"]: r["published"] for r in manifest if r["id"] in texts and r.get("published")}
    return Corpus("real", {sid: texts[sid] for sid in gold}, gold, published)


def subset(corpus: Corpus, name: str, keep) -> Corpus:
    ids = [sid for sid in corpus.texts if keep(sid)]
    return Corpus(name, {i: corpus.texts[i] for i in ids}, {i: corpus.gold[i] for i in ids},
                  {i: corpus.published[i] for i in ids if i in corpus.published})


def mix(name: str, parts: Sequence[Corpus]) -> Corpus:
    out = Corpus(name, {}, {})
    for part in parts:
        out.texts.update(part.texts)
        out.gold.update(part.gold)
        out.published.update(part.published)
    return out


# --- the two groupers -----------------------------------------------------------------------------------------


def crosscheck_groups(corpus: Corpus, *, dated: bool = False) -> dict[str, str]:
    """compare.api.group on the corpus written out as <id>.txt files (with a manifest of dates if `dated`)."""
    from compare.api import group
    from compare.models import Settings

    with tempfile.TemporaryDirectory(prefix="crosscheck-grouping-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        for sid, text in corpus.texts.items():
            (folder / f"{sid}.txt").write_text(text, encoding="utf-8")
        settings = Settings()
        if dated:
            manifest = Path(tmp) / "manifest.csv"
            with manifest.open("w", encoding="utf-8", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(["id", "published"])
                writer.writerows(sorted(corpus.published.items()))
            settings = Settings(manifest=str(manifest))
        _sources, events, _warnings = group([folder], settings)
    return {sid: event.id for event in events for sid in event.sources}


def tfidf_distances(corpus: Corpus) -> tuple[list[str], np.ndarray]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    ids = sorted(corpus.texts)
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([corpus.texts[i] for i in ids])
    return ids, cosine_distances(vectors)


def baseline_groups(ids: Sequence[str], distances: np.ndarray, threshold: float) -> dict[str, str]:
    from sklearn.cluster import AgglomerativeClustering

    if len(ids) < 2:
        return {i: "0" for i in ids}
    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=threshold)
    return {sid: str(label) for sid, label in zip(ids, model.fit_predict(distances))}


def tune_threshold(corpus: Corpus) -> tuple[float, float]:
    """The baseline's distance threshold with the best pairwise F1 on `corpus` (the lowest, on a tie), and that
    F1."""
    ids, distances = tfidf_distances(corpus)
    scores = [grouping_score(corpus.gold, baseline_groups(ids, distances, t)).f1 for t in THRESHOLDS]
    best = int(np.argmax(scores))
    return float(THRESHOLDS[best]), scores[best]


def evaluate(corpus: Corpus, threshold: float) -> dict[str, GroupingScore]:
    ids, distances = tfidf_distances(corpus)
    own, _f1 = tune_threshold(corpus)
    result = {
        "crosscheck": grouping_score(corpus.gold, crosscheck_groups(corpus)),
        "baseline": grouping_score(corpus.gold, baseline_groups(ids, distances, threshold)),
        f"baseline cut {own:.2f}": grouping_score(corpus.gold, baseline_groups(ids, distances, own)),
    }
    if corpus.published:
        result["crosscheck, dated"] = grouping_score(corpus.gold, crosscheck_groups(corpus, dated=True))
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder holding NewsWCL50.conll")
    parser.add_argument("--real", type=Path, default=HERE / "real" / "articles", help="the real corpus's texts")
    parser.add_argument("--gold", type=Path, default=HERE / "real", help="the real corpus's manifest and gold")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON as well")
    args = parser.parse_args(argv)
    conll = args.data / NEWSWCL50_FILE
    if not conll.is_file():
        print(f"Error: {conll} not found; fetch it as docs/benchmarks-data.md says", file=sys.stderr)
        return 2
    newswcl = read_newswcl50(conll)
    tuning = subset(newswcl, "NewsWCL50 topics 0-4", lambda sid: sid.split("-")[1][0] in TUNING_TOPICS)
    threshold, tuned_f1 = tune_threshold(tuning)
    print(f"baseline threshold {threshold:.2f} (cosine distance), chosen on {tuning.name}: F1 {tuned_f1:.3f}")
    seeds = seeds_corpus()
    real = real_corpus(args.real, args.gold)
    corpora = [
        subset(newswcl, "NewsWCL50 topics 5-9", lambda sid: sid.split("-")[1][0] not in TUNING_TOPICS),
        newswcl,
        seeds,
        *([real] if real else []),
        mix("NewsWCL50 + seeds", [newswcl, seeds]),
        *([mix("NewsWCL50 + seeds + real", [newswcl, seeds, real])] if real else []),
    ]
    if real is None:
        print(f"real corpus not scored: no texts matching {args.gold / 'manifest.csv'} in {args.real}")
    figures = {}
    for corpus in corpora:
        figures[corpus.name] = evaluate(corpus, threshold)
        for grouper, score in figures[corpus.name].items():
            print(f"{corpus.name:26} {grouper:18} {score.line()}")
    if args.json:
        print(json.dumps({c: {g: vars(s) for g, s in r.items()} for c, r in figures.items()}, indent=1))
    last = corpora[-1].name
    print(f"{last}: crosscheck F1 {figures[last]['crosscheck'].f1:.3f} ARI {figures[last]['crosscheck'].ari:.3f} | "
          f"baseline F1 {figures[last]['baseline'].f1:.3f} ARI {figures[last]['baseline'].ari:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
