"""Scoring helpers shared by the benchmark scripts: grouping agreement, and which findings link which sentences.

Grouping is scored as pairwise precision / recall / F1 over the pairs of items put in one group (the usual
measure for clustering of documents into events) and as the adjusted Rand index (chance-corrected agreement of
two partitions: 1 identical, about 0 random).

Sentence-level scoring follows the hand annotation's convention: a gold reference is a span of a source's text;
the sentences it stands for are the sentences of that source that overlap the span, and a gold pair is found
when a finding of one of the first side's sentences names one of the second side's sentences as its
counterpart with a wanted relation, in either direction.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations


def fold(text: str) -> str:
    """White space folded to single spaces, trimmed: the form a gold span's hash is taken of."""
    return re.sub(r"\s+", " ", text).strip()


def span_hash(text: str) -> str:
    return hashlib.sha1(fold(text).encode("utf-8")).hexdigest()


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- grouping -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupingScore:
    items: int
    gold_groups: int
    predicted_groups: int
    precision: float
    recall: float
    f1: float
    ari: float

    def line(self) -> str:
        return (f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} ARI {self.ari:.3f} "
                f"({self.items} articles, {self.gold_groups} gold events, {self.predicted_groups} found)")


def _pairs(labels: Mapping[str, str]) -> set[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for item, label in labels.items():
        members[label].append(item)
    return {pair for group in members.values() for pair in combinations(sorted(group), 2)}


def grouping_score(gold: Mapping[str, str], predicted: Mapping[str, str]) -> GroupingScore:
    """Pairwise P/R/F1 and ARI of `predicted` (item -> group) against `gold`, over the items gold labels.

    An item gold labels but the prediction leaves out counts as a group of its own.
    """
    from sklearn.metrics import adjusted_rand_score

    items = sorted(gold)
    got = {item: predicted.get(item, f"\0alone:{item}") for item in items}
    gold_pairs, got_pairs = _pairs({i: gold[i] for i in items}), _pairs(got)
    hits = len(gold_pairs & got_pairs)
    precision = hits / len(got_pairs) if got_pairs else 1.0
    recall = hits / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    ari = adjusted_rand_score([gold[i] for i in items], [got[i] for i in items]) if items else 1.0
    return GroupingScore(len(items), len(set(gold.values())), len(set(got.values())), precision, recall, f1, ari)


def event_labels(comparison) -> dict[str, str]:
    """Source id -> crosscheck's event id; a syndicated copy takes the event of the story it copies."""
    labels = {sid: event.id for event in comparison.events for sid in event.sources}
    for copy, origin in comparison.copies:
        labels.setdefault(copy, labels.get(origin, f"\0copy:{origin}"))
    return labels


# --- sentences and findings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A gold reference: spans of one source's text (more than one only for a declared repeated paragraph)."""

    source: str
    spans: tuple[tuple[int, int], ...]


class FindingIndex:
    """A Comparison's sentences and findings, indexed for the gold's questions."""

    def __init__(self, comparison) -> None:
        self.sentences: dict[str, list] = defaultdict(list)
        for s in comparison.sentence_records:
            self.sentences[s.source].append(s)
        self.relation = {(f.source, f.sentence_id, f.other_source): f for f in comparison.finding_records}
        self.findings = comparison.finding_records

    def sentence_ids(self, ref: Ref) -> set[int]:
        return {
            s.id for s in self.sentences.get(ref.source, ()) for start, end in ref.spans if s.start < end and s.end > start
        }

    def linked(self, a: Ref, b: Ref, wanted: Iterable[str]) -> bool:
        """A finding of a sentence of `a` names a sentence of `b` with a wanted relation (one direction)."""
        wanted, targets = set(wanted), self.sentence_ids(b)
        for sid in self.sentence_ids(a):
            finding = self.relation.get((a.source, sid, b.source))
            if finding is not None and finding.relation in wanted and finding.other_sentence_id in targets:
                return True
        return False

    def related(self, a: Ref, b: Ref, wanted: Iterable[str]) -> bool:
        """Linked in either direction."""
        wanted = set(wanted)
        return self.linked(a, b, wanted) or self.linked(b, a, wanted)

    def sentence_pairs(self, a: Ref, b: Ref) -> set[frozenset]:
        return {
            frozenset([(a.source, x), (b.source, y)]) for x in self.sentence_ids(a) for y in self.sentence_ids(b)
        }

    def flagged(self, relation: str = "contradict") -> dict[frozenset, str]:
        """Distinct sentence pairs with a finding of `relation` -> the kind the reason names ("numbers", ...)."""
        out: dict[frozenset, str] = {}
        for f in self.findings:
            if f.relation == relation and f.other_sentence_id is not None:
                key = frozenset([(f.source, f.sentence_id), (f.other_source, f.other_sentence_id)])
                out.setdefault(key, reason_kind(f.reason))
        return out

    def relation_counts(self) -> Counter:
        return Counter(str(f.relation) for f in self.findings)


def reason_kind(reason: str) -> str:
    """The kind a finding's reason starts with: 'numbers: ...' -> 'numbers'; a fact-sheet reason names its fact in
    brackets after the kind, 'person (donald trump): ...' -> 'person'."""
    head = reason.split(":", 1)[0].split(" (", 1)[0].strip()
    return head if head and " " not in head else "other"


def ratio(hits: int, total: int) -> float | None:
    return hits / total if total else None


def show(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def balanced_sample(rows: Sequence, positive, n_each: int, seed: int) -> list:
    """Up to n_each rows where `positive(row)` and n_each where not, drawn with a fixed seed, in a fixed order."""
    import random

    rng = random.Random(seed)
    yes = [r for r in rows if positive(r)]
    no = [r for r in rows if not positive(r)]
    picked = rng.sample(yes, min(n_each, len(yes))) + rng.sample(no, min(n_each, len(no)))
    return picked
