"""Group sources into events: the articles that report the same meeting.

How, in order:
1. Each source becomes a TF-IDF vector over its *rare* terms (terms in more than a small share of the corpus
   are left out: they say "defence ministers met", not which meeting), normalised, so a dot product is a cosine.
2. Candidate pairs come from that sparse matrix times its transpose: only sources that share a rare term are
   ever compared (an inverted index in matrix form), never every source with every other.
3. Each source has a window of days the meeting can lie in: its stated meeting dates, else a few days up to its
   publication date (coverage appears the same day or a day or two later), else no limit. Pairs whose windows
   do not meet (one day of slack) are dropped: the same two ministers meet several times a year in near
   identical words, and only the dates tell those meetings apart.
4. A pair's score is its rare-term cosine, raised when both name the same place or the same meeting date and
   lowered when they name different places.
5. Average linkage on the sparse graph of candidate pairs (a pair that is not a candidate counts as 0), merging
   the best pair of clusters first and never merging clusters whose windows conflict; merging stops below a
   threshold, so the number of events is not fixed in advance. A source with no date joins the event whose
   wording matches it best, if the match is strong enough.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

from compare.metadata import MONTHS, WEEKDAYS
from compare.models import Event

# Tuning constants, calibrated together on the five seed articles and on the synthetic corpora of
# tests/test_events.py (meetings of the same people weeks apart, several meetings at one summit on one day).
NAME_WEIGHT = 0.5  # share of the similarity that comes from capitalised names
RARE_SHARE = 0.02  # a term in more than this share of the sources is not rare...
RARE_FLOOR = 50  # ...unless it is in at most this many (small corpora keep all their terms)
MIN_PAIR = 0.05  # rare-term cosine below which a pair is not a candidate at all
LINK_THRESHOLD = 0.2  # average linkage stops when the best pair of clusters scores below this
PLACE_BONUS = 0.10  # both sources name the same meeting place
PLACE_PENALTY = 0.25  # both name a meeting place and the places differ
DATE_BONUS = 0.10  # both state the same meeting date
DAY_SLACK = 1  # dates at most this many days apart may be the same meeting (time zones, late-night talks)
PUBLISHED_LAG = 3  # coverage is published on the meeting day or up to this many days later...
PUBLISHED_LEAD = 1  # ...and a publication date may read a day early against the meeting's time zone

_UNBOUNDED = (-(10**9), 10**9)


@dataclass(frozen=True, slots=True)
class EventDoc:
    """What grouping needs to know about one source (plain values, picklable)."""

    source: str  # source id
    published: str | None  # ISO date or None
    place: str | None  # normalised meeting place or None
    dates: tuple[str, ...]  # meeting dates stated in the text (ISO)
    text: str  # the source's kept sentences joined by "\n"


def group_events(docs: Sequence[EventDoc]) -> tuple[Event, ...]:
    """Group sources into events; every source is in exactly one. Deterministic, events sorted by (date, id)."""
    ordered = sorted(docs, key=lambda d: d.source)
    if not ordered:
        return ()
    # 1.
    matrix = _rare_term_vectors([d.text for d in ordered])
    # 2. and 3.
    windows = np.array([_window(d) for d in ordered], dtype=np.int64)
    rows, cols, cosine = _candidate_pairs(matrix, windows)
    # 4.
    scores = cosine + _evidence_adjustment(ordered, rows, cols)
    # 5.
    labels = _average_linkage(len(ordered), rows, cols, scores, windows)
    return _events(ordered, labels)


def _rare_term_vectors(texts: list[str]) -> sp.csr_matrix:
    """L2-normalised rows joining two views of the rare terms: all words, and capitalised names (people,
    places, bodies) weighted by NAME_WEIGHT, so that who met counts more than which topics came up."""
    words = _rare_tfidf(texts, _WORD_PATTERN)
    common = set()
    for text in texts:
        common.update(_LOWER_WORD.findall(text))
    names = _rare_tfidf([_names(t, common) for t in texts], r"\S+")
    joined = sp.hstack([words * np.float32(np.sqrt(1 - NAME_WEIGHT)), names * np.float32(np.sqrt(NAME_WEIGHT))])
    return _normalise_rows(sp.csr_matrix(joined))


def _rare_tfidf(texts: list[str], pattern: str) -> sp.csr_matrix:
    vectorizer = TfidfVectorizer(lowercase=True, stop_words="english", token_pattern=pattern, sublinear_tf=True,
                                 norm=None, dtype=np.float32)
    try:
        weights = vectorizer.fit_transform(texts).tocsc()
    except ValueError:  # no terms at all in any text
        return sp.csr_matrix((len(texts), 1), dtype=np.float32)
    document_frequency = np.diff(weights.indptr)
    cap = max(RARE_FLOOR, int(RARE_SHARE * len(texts)))
    return _normalise_rows(weights[:, np.flatnonzero(document_frequency <= cap)].tocsr())


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ matrix)


_WORD_PATTERN = r"(?u)\b[^\W\d_][\w\-’']*[^\W_]\b|\b\d+[^\W\d_]\w*\b"  # words and "g7", not bare numbers
# A capitalised word or acronym that does not open its sentence (sentence openers are capitalised anyway).
_CAPITALISED = re.compile(r"(?<=[\s“\"'(])[A-Z][\w’'\-]*[\w]")
_NOT_NAMES = {w.capitalize() for w in (*MONTHS, *WEEKDAYS)} | {"The", "A", "An", "In", "On", "At", "It", "This",
                                                              "That", "He", "She", "They", "We", "I", "But"}


_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z][a-z\-]*[a-z]")


def _names(text: str, common: set[str]) -> str:
    """The names in a text, space-separated: capitalised words that do not open a sentence and never occur in
    lower case in the corpus ("Defense" and "Minister" do, "Nakatani" does not), months and weekdays aside."""
    found = []
    for line in text.split("\n"):
        for word in _CAPITALISED.findall(line):
            word = re.sub(r"[’']s$", "", word)
            if word not in _NOT_NAMES and word.lower() not in common:
                found.append(word)
    return " ".join(found)


def _window(doc: EventDoc) -> tuple[int, int]:
    """Days (proleptic ordinals) the meeting can lie in, from the evidence this source gives."""
    stated = [d for d in (_ordinal(x) for x in doc.dates) if d is not None]
    if stated:
        return min(stated), max(stated)
    published = _ordinal(doc.published)
    if published is not None:
        return published - PUBLISHED_LAG, published + PUBLISHED_LEAD
    return _UNBOUNDED


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _candidate_pairs(matrix: sp.csr_matrix, windows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) that share rare terms, score at least MIN_PAIR, and whose date windows meet."""
    product = sp.triu(matrix @ matrix.T, k=1).tocoo()
    keep = product.data >= MIN_PAIR
    rows, cols, cosine = product.row[keep], product.col[keep], product.data[keep].astype(np.float64)
    compatible = _windows_meet(windows[rows], windows[cols])
    return rows[compatible], cols[compatible], cosine[compatible]


def _windows_meet(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Element-wise: do windows a and b overlap, allowing DAY_SLACK days between them?"""
    low = np.maximum(a[..., 0], b[..., 0])
    high = np.minimum(a[..., 1], b[..., 1])
    return low - high <= DAY_SLACK


def _evidence_adjustment(docs: list[EventDoc], rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Place and date agreement between the two sources of each candidate pair, as a score adjustment."""
    adjust = np.zeros(len(rows), dtype=np.float64)
    for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist())):
        a, b = docs[i], docs[j]
        if a.place and b.place:
            adjust[k] += PLACE_BONUS if a.place == b.place else -PLACE_PENALTY
        if a.dates and b.dates and set(a.dates) & set(b.dates):
            adjust[k] += DATE_BONUS
    return adjust


def _average_linkage(n: int, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray,
                     windows: np.ndarray) -> list[int]:
    """Cluster label of each source: sparse average linkage with date-window constraints.

    The linkage of clusters A and B is the sum of their pairs' scores over |A|·|B| (pairs that are not
    candidates count as 0), so a chain of look-alikes does not pull two different meetings together.
    """
    size = [1] * n
    window = [tuple(w) for w in windows.tolist()]
    links: list[dict[int, float]] = [{} for _ in range(n)]  # cluster -> neighbour cluster -> summed score
    for i, j, s in zip(rows.tolist(), cols.tolist(), scores.tolist()):
        links[i][j] = links[i].get(j, 0.0) + s
        links[j][i] = links[j].get(i, 0.0) + s
    alive = [True] * n
    version = [0] * n
    heap = [(-s, i, j, 0, 0) for i, j, s in zip(rows.tolist(), cols.tolist(), scores.tolist())
            if s >= LINK_THRESHOLD]
    heapq.heapify(heap)
    parent = list(range(n))
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue  # stale entry: one side has merged since
        merged = _merge_window(window[a], window[b])
        if merged is None:
            continue
        # Merge the smaller neighbour map into the larger one (cheap merges; the choice is deterministic).
        keep, gone = (a, b) if len(links[a]) >= len(links[b]) else (b, a)
        parent[gone] = keep
        alive[gone] = False
        size[keep] += size[gone]
        window[keep] = merged
        version[keep] += 1
        links[keep].pop(gone, None)
        for other, total in links[gone].items():
            if other == keep:
                continue
            links[keep][other] = links[keep].get(other, 0.0) + total
            del links[other][gone]
            links[other][keep] = links[keep][other]
        links[gone] = {}
        for other, total in links[keep].items():
            linkage = total / (size[keep] * size[other])
            if linkage >= LINK_THRESHOLD:
                first, second = (keep, other) if keep < other else (other, keep)
                heapq.heappush(heap, (-linkage, first, second, version[first], version[second]))
    return [_root(parent, i) for i in range(n)]


def _merge_window(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int] | None:
    """The window of a merged cluster, or None when the two cannot be the same meeting."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    if low - high > DAY_SLACK:
        return None
    return (low, high)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _events(docs: list[EventDoc], labels: list[int]) -> tuple[Event, ...]:
    members: dict[int, list[EventDoc]] = {}
    for doc, label in zip(docs, labels):
        members.setdefault(label, []).append(doc)
    drafts = []
    for group in members.values():
        sources = tuple(sorted(d.source for d in group))
        drafts.append((_majority(x for d in group for x in set(d.dates)),
                       _majority(d.place for d in group if d.place), sources))
    drafts.sort(key=lambda x: (x[0] or "", _slug(x[1]), x[2]))
    used: Counter[str] = Counter()
    events = []
    for when, place, sources in drafts:
        base = f"{when or 'undated'}-{_slug(place)}"
        used[base] += 1
        event_id = base if used[base] == 1 else f"{base}-{used[base]}"
        events.append(Event(id=event_id, date=when, place=place, sources=sources))
    return tuple(sorted(events, key=lambda e: (e.date or "", e.id)))


def _majority(values) -> str | None:
    """The most frequent value; ties go to the smallest, so the choice does not depend on input order."""
    counts = Counter(values)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def _slug(place: str | None) -> str:
    if not place:
        return "unknown"
    slug = re.sub(r"[^a-z0-9]+", "-", place.lower()).strip("-")
    return slug or "unknown"
