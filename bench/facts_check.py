"""How right are the event fact sheet's conflicts on real coverage? Checks compare.facts against hand-marked gold.

    python bench/facts_check.py ARTICLES_DIR GOLD.json [GOLD.json ...] [--manifest M.csv ...] [--quiet]

GOLD files are quote-based annotations (the seeds' gold schema: "events", "pairs" with relation "contradict" and
a "kind", "not_contradictions" with "looks_like"); quotes are exact substrings of the article texts
ARTICLES_DIR/<id>.txt. The articles are third-party text and stay outside the repository. A manifest CSV
(id, published, ...) supplies publication dates the texts do not state.

Per gold event, every member's facts are read (compare.facts.source_facts) and lined up (compare.facts.lineup).
Each conflict is then:
- found: its two facts' sentences overlap the two quotes of a gold contradiction pair (either order);
- trap: they overlap the two quotes of a gold not-contradiction;
- related: one of its two sentences is a side of a gold contradiction of the same kind, and the other is another
  outlet's statement of that fact (the annotation marks one pair per discrepancy, not every outlet it splits);
- other: none of these (printed, to be read: a false alarm, or a discrepancy the annotation lacks).
Strict precision counts found against all conflicts; precision with related counts found + related. Recall counts
gold contradictions found, overall and per kind.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare.facts import FactConflict, fact_conflicts, lineup, source_facts  # noqa: E402
from compare.models import Settings  # noqa: E402
from compare.pipeline import prepare  # noqa: E402
from compare.sources import load_sources  # noqa: E402


def quote_span(text: str, quote: str) -> tuple[int, int] | None:
    at = text.find(quote)
    return (at, at + len(quote)) if at >= 0 else None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=Path)
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--manifest", type=Path, action="append", default=[])
    parser.add_argument("--quiet", action="store_true", help="figures only, no conflicts printed")
    args = parser.parse_args(argv)

    published: dict[str, str] = {}
    for manifest in args.manifest:
        with manifest.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                if row.get("published"):
                    published[row["id"]] = row["published"]

    found = trap = other = related = 0
    found_pairs: set[tuple] = set()
    gold_kinds: Counter = Counter()
    by_fact_kind: Counter = Counter()
    found_kinds: Counter = Counter()
    lines: list[str] = []
    for gold_path in args.gold:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        for event, members in gold["events"].items():
            paths = [args.articles / f"{m}.txt" for m in members if (args.articles / f"{m}.txt").exists()]
            if not paths:
                continue
            sources = load_sources([str(p) for p in paths], Settings())
            prepared = {}
            for source in sources:
                p = prepare(source)
                prepared[source.id] = p
            facts = {sid: source_facts(p.source, p.sentences, published.get(sid)) for sid, p in prepared.items()}
            texts = {sid: p.source.text for sid, p in prepared.items()}
            conflicts = fact_conflicts(lineup(facts, texts=texts))
            contradictions = [g for g in gold["pairs"] if g["relation"] == "contradict" and g["a"] in texts and g["b"] in texts]
            traps = [g for g in gold.get("not_contradictions", []) if g["a"] in texts and g["b"] in texts]
            for g in contradictions:
                gold_kinds[g.get("kind", "?")] += 1
            for conflict in conflicts:
                by_fact_kind[str(conflict.kind)] += 1
                spans = {}
                for fact in (conflict.a, conflict.b):
                    sentence = prepared[fact.source].sentences[fact.sentence_id]
                    spans[fact.source] = (sentence.start, sentence.end)
                hit = _matching(conflict, spans, contradictions, texts)
                if hit is not None:
                    found += 1
                    key = (hit["a"], hit["a_text"], hit["b"], hit["b_text"])
                    if key not in found_pairs:
                        found_pairs.add(key)
                        found_kinds[hit.get("kind", "?")] += 1
                    lines.append(f"FOUND [{event}] {conflict.reason}")
                elif _matching(conflict, spans, traps, texts) is not None:
                    trap += 1
                    lines.append(f"TRAP  [{event}] {conflict.reason}")
                elif _touching(conflict, spans, contradictions, texts):
                    related += 1
                    lines.append(f"REL.  [{event}] {conflict.reason}")
                else:
                    other += 1
                    a_sentence = prepared[conflict.a.source].sentences[conflict.a.sentence_id].text
                    b_sentence = prepared[conflict.b.source].sentences[conflict.b.sentence_id].text
                    lines.append(f"OTHER [{event}] {conflict.reason}\n      A: {a_sentence[:220]}\n      B: {b_sentence[:220]}")
    if not args.quiet:
        print("\n".join(lines))
    flagged = found + trap + other + related
    total_gold = sum(gold_kinds.values())
    print(f"conflicts: {flagged}  matching a gold contradiction: {found}  related to one: {related}  "
          f"on a trap: {trap}  other: {other}")
    if flagged:
        print(f"precision strict (found / all): {found / flagged:.2f}   with related: {(found + related) / flagged:.2f}")
    print("conflicts by fact kind: " + ", ".join(f"{k} {n}" for k, n in sorted(by_fact_kind.items())))
    print(f"gold contradictions found: {len(found_pairs)} of {total_gold}")
    for kind, count in sorted(gold_kinds.items()):
        print(f"  {kind:12} {found_kinds.get(kind, 0)} of {count}")
    return 0


# Fact kinds against the kinds the annotation gives contradictions.
GOLD_KINDS = {"duration": {"duration"}, "person": {"title", "name"}, "date": {"date"}, "weekday": {"weekday", "date"},
              "place": {"place"}, "count": {"quantity"}, "ordinal": {"ordinal", "quantity"},
              "time_of_day": {"time_of_day"}}


def _touching(conflict: FactConflict, spans: dict, gold_pairs: list[dict], texts: dict) -> bool:
    kinds = GOLD_KINDS.get(str(conflict.kind), set())
    for g in gold_pairs:
        if g.get("kind") not in kinds:
            continue
        for fact in (conflict.a, conflict.b):
            for side in ("a", "b"):
                quote = quote_span(texts[g[side]], g[side + "_text"]) if g[side] == fact.source else None
                if quote and overlaps(spans[fact.source], quote):
                    return True
    return False


def _matching(conflict: FactConflict, spans: dict, gold_pairs: list[dict], texts: dict) -> dict | None:
    for g in gold_pairs:
        for a, b in ((conflict.a, conflict.b), (conflict.b, conflict.a)):
            if (a.source, b.source) != (g["a"], g["b"]):
                continue
            a_quote, b_quote = quote_span(texts[g["a"]], g["a_text"]), quote_span(texts[g["b"]], g["b_text"])
            if a_quote and b_quote and overlaps(spans[a.source], a_quote) and overlaps(spans[b.source], b_quote):
                return g
    return None


if __name__ == "__main__":
    raise SystemExit(main())
