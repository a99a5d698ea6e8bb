"""Group sources into events: the articles that report the same meeting.

Content first, metadata as evidence. How, in order:
1. Each source becomes two TF-IDF vectors over its *rare* terms, one of all its words and one of its names
   (capitalised words never written in lower case in the corpus: people, places, bodies). Terms in more than a
   small share of a large corpus are left out: they say "defence ministers met", not which meeting.
2. Each source has a window of days the meeting can lie in: its stated meeting dates, else a few days up to its
   publication date (coverage appears the same day or a day or two later), else no limit. A window is *firm*
   when the source has a publication date (its stated dates were checked against it); a date read from the
   text alone may be an earlier meeting's or an anniversary's. Only two firm windows a week or more apart
   (conflict_days) rule a pair out: the same two people meet again in near identical words, and then only the
   dates tell the meetings apart; a day apart is one meeting under two time zones, a few days apart follow-up
   coverage.
3. Candidate pairs: sources with a firm narrow window are put in date buckets and each bucket's sparse matrix
   is multiplied with its own and the next bucket's, which scores only pairs that share a rare term (an
   inverted index in matrix form) and whose dates may be one meeting; the other sources are scored against
   all. Never every source with every other once dates are known.
4. A pair's score: its cosine (words and names), raised when both name the same meeting place or date (in
   full only if they share names too), lowered when their windows lie apart or their openings date the news
   to weekdays more than a day apart ("met on Monday" against "on Friday"), or when they name places that
   rule each other out (neither a country, and neither report naming the other's place).
5. Agglomerative linkage on the sparse graph of candidate pairs (the cosine of the groups' summed vectors),
   best pair of groups first, over dated and undated sources alike, never merging groups whose firm windows
   conflict, that name different parties (each names in every lead someone the other never names) or that
   date their news to different weekdays, and merging two groups of several sources only when their coverage
   is about as close across as within;
   stopping below a threshold: the number of events is not fixed in advance. Then small groups left over
   (most often one source) join the larger event they clearly match, and passes of moves put a source that
   joined an event early into another it matches clearly better; then linkage runs again from the events as
   they stand, with the same checks, and moves again, until no two events merge (a neighbouring story's
   reports that held one half of a meeting's coverage apart from the other have moved away by then). Sources
   the analyst labelled (the manifest's `event` column) start as one group per label, and two labels never
   merge.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
import scipy.sparse as sp

from compare.metadata import (COUNTRIES, MONTHS, WEEKDAYS, beyond_ascii, date_span, fold_letters, news_weekday,
                              news_weekdays)
from compare.config import GroupingConfig
from compare.lang import LEXICON
from compare.models import Event

DEFAULT = GroupingConfig()

# The tuning numbers are GroupingConfig's (compare/config.py), passed to every step as `config`.
_UNBOUNDED = (-(10**9), 10**9)
_NOT_NAME_PARTS = LEXICON.place_particles | {"the"}
_WIDE_PLACES = frozenset(c.lower() for c in COUNTRIES) | frozenset(r.lower() for r in LEXICON.regions)


@dataclass(frozen=True, slots=True)
class EventDoc:
    """What grouping needs to know about one source (plain values, picklable)."""

    source: str  # source id
    published: str | None  # ISO date (a day, month or year) or None
    place: str | None  # normalised meeting place or None
    dates: tuple[str, ...]  # meeting dates stated in the text (ISO)
    text: str  # the source's kept sentences joined by "\n"
    label: str | None = None  # the analyst's event label (the manifest's `event` column), which fixes its event


def group_events(docs: Sequence[EventDoc], config: GroupingConfig = DEFAULT) -> tuple[Event, ...]:
    """Group sources into events; every source is in exactly one. Deterministic, events sorted by (date, id)."""
    ordered = sorted(docs, key=lambda d: d.source)
    if not ordered:
        return ()
    graph = _graph(ordered, config)
    # 5.
    labels = _link(graph, config)
    return _events(ordered, labels, config)


def one_event(docs: Sequence[EventDoc], config: GroupingConfig = DEFAULT) -> tuple[Event, ...]:
    """Every source as one event, named as grouping would name it: the analyst's word that all the inputs report
    one meeting (`--one-event`)."""
    ordered = sorted(docs, key=lambda d: d.source)
    return _events(ordered, [0] * len(ordered), config) if ordered else ()


@dataclass(frozen=True, slots=True)
class _Graph:
    """The scored candidate pairs of a corpus and what the linkage reads beside them."""

    docs: list[EventDoc]
    matrix: sp.csr_matrix  # per source, its rare-term vector (words and names)
    rows: np.ndarray
    cols: np.ndarray
    cosine: np.ndarray  # content alone: words and names
    scores: np.ndarray  # content with the date and place evidence
    shared_names: np.ndarray
    windows: np.ndarray  # per source, the days its meeting can lie in
    firm: np.ndarray  # per source, whether its window is firm enough to rule a merge out
    parties: list
    # per source, the number of its analyst's event label (sources sharing one are one event), -1 for none
    fixed: np.ndarray | None = None
    weekdays: np.ndarray | None = None  # per source, the weekday its opening dates its news to, -1 for none
    # per source, the weekday its opening says its news happened on ("met on Monday"), -1 for none
    said_on: np.ndarray | None = None
    # per source, every weekday its opening names for its news (bit d for weekday d), 0 for none
    named_days: np.ndarray | None = None
    # per source, the days its meeting must lie in or be a different one (_veto_window)
    vetoes: np.ndarray | None = None


def _graph(ordered: list[EventDoc], config: GroupingConfig) -> _Graph:
    # 1.
    texts = [fold_letters(d.text) for d in ordered]  # "Władysław" and "Wladyslaw" are one name
    capitalised = [_CAPITALISED.findall(text) for text in texts]  # read once: names and parties both use them
    words, names, written_lower = _rare_term_vectors(texts, config, capitalised)
    matrix = _joined(words, names, config)
    # 2. and 3.
    windows = np.array([_window(d, config) for d in ordered], dtype=np.int64)
    firm = np.array([_firm(d, config) for d in ordered], dtype=bool)
    vetoes = np.array([_veto_window(d, config) for d in ordered], dtype=np.int64)
    rows, cols, cosine = _candidate_pairs(matrix, windows, config, firm, vetoes)
    # 4.
    shared_names = np.asarray(names[rows].multiply(names[cols]).sum(axis=1)).ravel()
    parties = [_parties(text, written_lower, config, words) for text, words in zip(texts, capitalised)]
    named = [_named_weekdays(d, config) for d in ordered]
    weekdays = np.array([days[0] if days else -1 for days in named], dtype=np.int64)
    said_on = np.array([_weekday(d, config, said_on=True) if day >= 0 else -1 for d, day in zip(ordered, weekdays)],
                       dtype=np.int64)
    scores = cosine + _evidence_adjustment(ordered, rows, cols, shared_names, windows, parties, config, weekdays)
    named_days = np.array([sum(1 << day for day in days) for days in named], dtype=np.int64)
    return _Graph(ordered, matrix, rows, cols, cosine, scores, shared_names, windows, firm, parties,
                  _fixed_labels(ordered), weekdays, said_on, named_days, vetoes)


def _weekday(doc: EventDoc, config: GroupingConfig, *, said_on: bool = False) -> int:
    """The weekday the source's opening dates its news to (metadata.news_weekday), -1 for none."""
    found = news_weekday(doc.text.split("\n", config.weekday_lines)[:config.weekday_lines], said_on=said_on)
    return -1 if found is None else found


def _named_weekdays(doc: EventDoc, config: GroupingConfig) -> tuple[int, ...]:
    """Every weekday the source's opening names for its news (metadata.news_weekdays)."""
    return news_weekdays(doc.text.split("\n", config.weekday_lines)[:config.weekday_lines])


def _names_a_main_day(named: int, other: np.ndarray, config: GroupingConfig) -> bool:
    """Whether a weekday of `named` (a bit mask) lies within day_slack of a weekday another group names most."""
    if not named or not other.any():
        return False
    for y in _main_days(other):
        for shift in range(-config.day_slack, config.day_slack + 1):
            if named >> ((y + shift) % 7) & 1:
                return True
    return False


def _weekdays_apart(a: np.ndarray, b: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """Element-wise: both name a weekday and the two lie more than day_slack apart around the week."""
    apart = np.abs(a - b) % 7
    return (a >= 0) & (b >= 0) & (np.minimum(apart, 7 - apart) > config.day_slack)


def _fixed_labels(ordered: list[EventDoc]) -> np.ndarray | None:
    """Per source, the number of its analyst's event label (-1 for none); None when no source has one."""
    if not any(d.label for d in ordered):
        return None
    numbers: dict[str, int] = {}
    return np.array([numbers.setdefault(d.label, len(numbers)) if d.label else -1 for d in ordered], dtype=np.int64)


def preload() -> None:
    """Import scikit-learn's text module now: it takes about a second, which a caller can spend while other
    work runs (compare.pipeline does it while worker processes read the sources)."""
    _sklearn_text()


def _sklearn_text():
    # Imported on first use, not with this module: `crosscheck diff` and the API's import stay quick.
    from sklearn.feature_extraction import text

    return text


def _rare_term_vectors(texts: list[str], config: GroupingConfig, capitalised: list[list[str]] | None = None
                       ) -> tuple[sp.csr_matrix, sp.csr_matrix, frozenset[str]]:
    """Two L2-normalised views of the rare terms of each text: all its words, and its names.

    Words are counted once with their case kept, then folded to lower case. A name is a capitalised word that
    does not open a sentence and whose lower-case form never occurs in the corpus: "Defense" and "Minister" do
    occur in lower case, "Nakatani" and "USFJ" do not. Names are counted in lower case ("KIHARA" is "Kihara").
    `capitalised`: each text's capitalised words (_CAPITALISED), when the caller has them.
    """
    sklearn_text = _sklearn_text()
    counter = sklearn_text.CountVectorizer(lowercase=False, analyzer=_terms, dtype=np.float32)
    try:
        counts = counter.fit_transform(texts).tocsr()
    except ValueError:  # no words at all in any text
        empty = sp.csr_matrix((len(texts), 1), dtype=np.float32)
        return empty, empty, frozenset()
    vocabulary = counter.get_feature_names_out().tolist()
    lower_forms, column = np.unique([t.lower() for t in vocabulary], return_inverse=True)
    to_lower = sp.csr_matrix((np.ones(len(vocabulary), dtype=np.float32), (np.arange(len(vocabulary)), column)),
                             shape=(len(vocabulary), len(lower_forms)))
    stop = sklearn_text.ENGLISH_STOP_WORDS
    word_columns = np.array([t not in stop and not t.isdigit() for t in lower_forms.tolist()])
    words = _rare_tfidf((counts @ to_lower)[:, word_columns].tocsr(), config)
    written_lower = frozenset(t for t in vocabulary if t.islower())
    if capitalised is None:
        capitalised = [_CAPITALISED.findall(text) for text in texts]
    return words, _name_vectors(capitalised, written_lower, config), written_lower


def _name_vectors(capitalised: list[list[str]], written_lower: set[str], config: GroupingConfig) -> sp.csr_matrix:
    """Rare-term vectors of the capitalised words that open no sentence and never occur in lower case, from each
    text's capitalised words."""
    found = [" ".join(words) for words in capitalised]
    sklearn_text = _sklearn_text()
    counter = sklearn_text.CountVectorizer(lowercase=False, token_pattern=r"\S+", dtype=np.float32)
    try:
        counts = counter.fit_transform(found).tocsr()
    except ValueError:  # no names anywhere
        return sp.csr_matrix((len(capitalised), 1), dtype=np.float32)
    vocabulary = counter.get_feature_names_out().tolist()
    keep = [k for k, t in enumerate(vocabulary)
            if (low := t.lower()) not in written_lower and low not in _NOT_NAMES
            and low not in sklearn_text.ENGLISH_STOP_WORDS]
    lower_forms, column = np.unique([vocabulary[k].lower() for k in keep], return_inverse=True)
    to_lower = sp.csr_matrix((np.ones(len(keep), dtype=np.float32), (np.arange(len(keep)), column)),
                             shape=(len(keep), len(lower_forms)))
    return _rare_tfidf((counts[:, keep] @ to_lower).tocsr(), config)


def _joined(words: sp.csr_matrix, names: sp.csr_matrix, config: GroupingConfig) -> sp.csr_matrix:
    """One row per text whose dot products are (1 - name_weight) x word cosine + name_weight x name cosine, so
    that who met counts more than which topics came up. Rows without names fall back on their words alone."""
    has_names = np.diff(names.indptr) > 0
    word_share = np.where(has_names, np.sqrt(1 - config.name_weight), 1.0).astype(np.float32)
    joined = sp.hstack([sp.diags(word_share) @ words, names * np.float32(np.sqrt(config.name_weight))])
    return sp.csr_matrix(joined)


def _rare_tfidf(counts: sp.csr_matrix, config: GroupingConfig) -> sp.csr_matrix:
    """Rows of sublinear TF times IDF = ln((1 + n) / (1 + df)) + idf_floor over the terms in at most the rare cap
    of the texts, L2-normalised, n counted as at least idf_min_sources. The usual IDF adds 1, which in a handful of
    articles on one topic lets the shared vocabulary make them all look alike; a small floor keeps two articles
    alone comparable. Counting a small corpus as a larger one keeps what all its articles share, the meeting's
    people and city when they are one meeting's coverage, from weighing next to nothing against each article's
    own words."""
    n = counts.shape[0]
    document_frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    cap = max(config.rare_floor, int(config.rare_share * n))
    rare = np.flatnonzero((document_frequency <= cap) & (document_frequency > 0))
    counts = counts[:, rare].tocsr()
    reckoned = max(n, config.idf_min_sources)
    idf = (np.log((1.0 + reckoned) / (1.0 + document_frequency[rare])) + config.idf_floor).astype(np.float32)
    counts.data = (1.0 + np.log(counts.data)).astype(np.float32)
    return _normalise_rows(sp.csr_matrix(counts @ sp.diags(idf)))


def _normalise_rows(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ matrix)


# Runs of two or more word characters: the simplest pattern is the fastest, and it is the one cost that grows
# with the length of the articles. Bare numbers are dropped from the vocabulary afterwards.
_TOKEN = re.compile(r"\w\w+")
# Scripts written without spaces between words (Chinese, Japanese, Korean): a run of them is one "word" to the
# pattern above, so such runs are read as overlapping character pairs instead, the usual unit for matching them.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+")


def _terms(text: str) -> list[str]:
    """Words of two or more characters; unspaced CJK runs as character bigrams."""
    if text.isascii() or _UNSPACED.search(beyond_ascii(text)) is None:  # most texts: one pass instead of three
        return _TOKEN.findall(text)
    terms = _TOKEN.findall(_UNSPACED.sub(" ", text))
    for run in _UNSPACED.findall(text):
        terms.extend(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return terms
_NOT_NAMES = frozenset((*MONTHS, *WEEKDAYS))
# A capitalised word that does not open its line (each line is a sentence; openers are capitalised anyway).
# Hyphens part names ("Berlin-Warsaw rail link" names Berlin and Warsaw); an apostrophe does not ("O'Brien").
# The capital comes first and the character before it is looked at after: a pattern opening on a character
# class lets the engine skip to the next capital instead of trying the look-behind at every character.
_CAPITALISED = re.compile(r"[A-Z](?<=[ \t“\"'(\-][A-Z])\w*(?:[’'](?!s\b)\w+)*")


def _stated(doc: EventDoc, config: GroupingConfig) -> tuple[str, ...]:
    """The stated meeting dates that fit the publication date: not after it (a day's slack) and not more than
    stale_days before it. Coverage of a meeting appears within days; a date far earlier in an article is more
    likely an earlier meeting's ("they last met on March 19") than this one's."""
    return _fitting_dates(doc.dates, doc.published, config.stale_days, config.published_lead)


@lru_cache(maxsize=4096)
def _fitting_dates(dates: tuple[str, ...], published: str | None, stale_days: int, published_lead: int
                   ) -> tuple[str, ...]:
    """_stated's reading, cached: grouping asks it of each source several times, and a corpus has few
    different dates."""
    days = _publication_days(published)
    kept = []
    for value in dates:
        day = _ordinal(value)
        if day is None:
            continue
        if days is None or days[0] - stale_days <= day <= days[1] + published_lead:
            kept.append(value)
    return tuple(kept)


def _window(doc: EventDoc, config: GroupingConfig) -> tuple[int, int]:
    """Days (proleptic ordinals) the meeting can lie in, from the evidence this source gives."""
    stated = [_ordinal(x) for x in _stated(doc, config)]
    if stated:
        return min(stated), max(stated)
    published = _published_days(doc)
    if published is not None and (first := _first_stated(doc)) < published[0] - config.stale_days:
        return int(first), int(first)  # a statement or analysis published long after the meeting it dates
    if published is not None:
        return published[0] - config.published_lag, published[1] + config.published_lead
    return _UNBOUNDED


def _first_stated(doc: EventDoc) -> float:
    """The first meeting date the text states (metadata.meeting_dates keeps the lead's date first) when the text
    writes its year, NaN otherwise: any comparison with NaN is False. A year taken from the publication date
    puts "on May 8" in a preview published on May 6 a year back."""
    day = _ordinal(doc.dates[0]) if doc.dates else None
    return float("nan") if day is None or doc.dates[0][:4] not in doc.text else day


def _published_days(doc: EventDoc) -> tuple[int, int] | None:
    """(first, last) day ordinals of the publication date: one day, or every day of a month or year."""
    return _publication_days(doc.published)


@lru_cache(maxsize=4096)
def _publication_days(published: str | None) -> tuple[int, int] | None:
    span = date_span(published)
    return (span[0].toordinal(), span[1].toordinal()) if span else None


def _firm(doc: EventDoc, config: GroupingConfig) -> bool:
    """Whether the source's window can rule a merge out: the text states a meeting date ("on October 19", "on
    Tuesday") that fits its publication date. A publication date alone is no meeting date: previews appear
    weeks before a meeting, a press statement or an analysis days after it. A date read from a text with no
    publication date may be an earlier meeting's or an anniversary's. Those are evidence, never a veto."""
    return _published_days(doc) is not None and bool(_stated(doc, config))


def _veto_window(doc: EventDoc, config: GroupingConfig) -> tuple[int, int]:
    """The days outside which the source's meeting cannot lie: its firm window; for a source with a publication
    date but no meeting date that fits it, every day up to its publication (an article cannot report a meeting
    held a week after it appeared: a piece published that early is a preview, of an announcement or an earlier
    call, not coverage of the meeting), with no bound before (statements and analyses appear weeks after the
    meeting); else no bound."""
    if _firm(doc, config):
        return _window(doc, config)
    published = _published_days(doc)
    return _UNBOUNDED if published is None else (_UNBOUNDED[0], published[1] + config.published_lead)


def _bounded(vetoes: np.ndarray) -> np.ndarray:
    return (vetoes[:, 0] != _UNBOUNDED[0]) | (vetoes[:, 1] != _UNBOUNDED[1])


def _veto_view(graph: _Graph) -> tuple[np.ndarray, np.ndarray]:
    """Per source, its veto window and whether it has one (a graph built without them: its firm windows)."""
    if graph.vetoes is None:
        return graph.windows, graph.firm
    return graph.vetoes, _bounded(graph.vetoes)


def _gap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Element-wise: days between windows a and b (0 or less when they overlap)."""
    return np.maximum(a[..., 0], b[..., 0]) - np.minimum(a[..., 1], b[..., 1])


def _may_be_one_meeting(windows_a: np.ndarray, windows_b: np.ndarray, firm_a: np.ndarray, firm_b: np.ndarray,
                        config: GroupingConfig) -> np.ndarray:
    """Element-wise: False only where both windows are firm and lie conflict_days or more apart (the same
    people meeting again); a day or a few apart is the same meeting under two time zones or follow-up coverage."""
    return ~(firm_a & firm_b & (_gap(windows_a, windows_b) >= config.conflict_days))


def _ordinal(value: str | None) -> int | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).toordinal()
    except ValueError:
        return None


def _candidate_pairs(matrix: sp.csr_matrix, windows: np.ndarray, config: GroupingConfig,
                     firm: np.ndarray | None = None,
                     vetoes: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) that share rare terms, score at least min_pair, and may be one meeting by their dates.

    Sources with a firm narrow window are put in buckets of bucket_days by the window's first day; two such
    windows less than conflict_days apart lie in the same or in neighbouring buckets, so each bucket is
    multiplied only with itself and the next one. Sources with a wide or soft window, or none, are multiplied
    with every source. Within a block the sparse product is the inverted index: only sources sharing a term get
    a score.
    """
    n = matrix.shape[0]
    firm = np.ones(n, dtype=bool) if firm is None else firm
    narrow = firm & ((windows[:, 1] - windows[:, 0]) <= config.bucket_days - config.conflict_days)
    bucket = np.where(narrow, windows[:, 0] // config.bucket_days, -1)
    blocks: list[tuple[np.ndarray, np.ndarray]] = []
    wide = np.flatnonzero(~narrow)
    if len(wide):
        blocks.append((wide, np.arange(n)))
    order = np.flatnonzero(narrow)
    order = order[np.argsort(bucket[order], kind="stable")]
    keys, starts = np.unique(bucket[order], return_index=True)
    groups = dict(zip(keys.tolist(), np.split(order, starts[1:]))) if len(order) else {}
    for key, members in groups.items():
        following = groups.get(key + 1)
        blocks.append((members, members if following is None else np.concatenate([members, following])))
    found_rows, found_cols, found_scores = [], [], []
    for left, right in blocks:
        product = (matrix[left] @ matrix[right].T).tocoo()
        i, j = left[product.row], right[product.col]
        # Keep each pair once: a pair inside one bucket (or between two wide sources) in its lower-index
        # orientation; a pair across neighbouring buckets, or from a wide to a narrow source, as found.
        once = (bucket[i] != bucket[j]) | (i < j)
        keep = (product.data >= config.min_pair) & once
        i, j, data = i[keep], j[keep], product.data[keep]
        found_rows.append(np.minimum(i, j))
        found_cols.append(np.maximum(i, j))
        found_scores.append(data.astype(np.float64))
    if not found_rows:
        return np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.float64)
    rows, cols, cosine = np.concatenate(found_rows), np.concatenate(found_cols), np.concatenate(found_scores)
    if vetoes is None:
        compatible = _may_be_one_meeting(windows[rows], windows[cols], firm[rows], firm[cols], config)
    else:
        bounded = _bounded(vetoes)
        compatible = _may_be_one_meeting(vetoes[rows], vetoes[cols], bounded[rows], bounded[cols], config)
    rows, cols, cosine = rows[compatible], cols[compatible], cosine[compatible]
    order = np.lexsort((cols, rows))  # a stable order whatever the blocks were
    return rows[order], cols[order], cosine[order]


def _evidence_adjustment(docs: list[EventDoc], rows: np.ndarray, cols: np.ndarray, shared_names: np.ndarray,
                         windows: np.ndarray, parties: Sequence[Parties], config: GroupingConfig,
                         weekdays: np.ndarray | None = None) -> np.ndarray:
    """Place and date agreement between the two sources of each candidate pair, as a score adjustment.

    Agreement on date and place counts in full only when the two also share names (cosine of their name views
    at least name_gate): at a summit, many meetings share the day and the city but not the people. Windows more
    than day_slack apart weigh against a pair without ruling it out (that is left to firm windows a week apart),
    unless one is follow-up coverage (_follows_up): a report dated by its publication alone that appeared after
    the meeting date the other states (written out, or a weekday resolved), by less than conflict_days. Two
    publication dates alone say nothing of which report follows up on which, and still count.
    """
    adjust = np.zeros(len(rows), dtype=np.float64)
    gate = np.minimum(1.0, shared_names / config.name_gate)
    stated = [frozenset(_stated(d, config)) for d in docs]
    bounded = (windows[:, 0] != _UNBOUNDED[0]) | (windows[:, 1] != _UNBOUNDED[1])
    published = np.array([_published_alone(d, config) for d in docs], dtype=np.int64)
    has_stated = np.array([bool(s) for s in stated])
    follow_up = (has_stated[cols] & _follows_up(published[rows], windows[cols], config)
                 | has_stated[rows] & _follows_up(published[cols], windows[rows], config))
    apart = bounded[rows] & bounded[cols] & (_gap(windows[rows], windows[cols]) > config.day_slack) & ~follow_up
    if weekdays is not None:
        apart |= _weekdays_apart(weekdays[rows], weekdays[cols], config)
    adjust[apart] -= config.date_penalty
    # a week or more apart without two written dates to make it a veto: still evidence, twice as strong
    adjust[bounded[rows] & bounded[cols] & (_gap(windows[rows], windows[cols]) >= config.conflict_days)] -= config.date_penalty
    for k, (i, j) in enumerate(zip(rows.tolist(), cols.tolist())):
        a, b = docs[i], docs[j]
        if a.place and b.place:
            if a.place == b.place:
                adjust[k] += config.place_bonus * gate[k]
            elif _places_conflict(a.place, b.place, parties[i], parties[j]):
                adjust[k] -= config.place_penalty
        if not stated[i].isdisjoint(stated[j]):
            adjust[k] += config.date_bonus * gate[k]
    return adjust


def _published_alone(doc: EventDoc, config: GroupingConfig) -> int:
    """The first day of the source's publication date when its window comes from that date alone (the text
    states no meeting date that fits it), else _UNBOUNDED[0]."""
    published = _published_days(doc)
    if published is None or _stated(doc, config) or _window(doc, config) != (
            published[0] - config.published_lag, published[1] + config.published_lead):
        return _UNBOUNDED[0]
    return published[0]


def _follows_up(published: np.ndarray, windows: np.ndarray, config: GroupingConfig) -> np.ndarray:
    """Element-wise: a report dated by its publication alone (`published`, its first day) appeared after the
    other report's meeting window, by less than conflict_days: follow-up coverage (statements, analyses,
    reactions come out days after a meeting), which its publication date does not set apart from the meeting.
    A week or more after, the dates still weigh against the pair; a report published before the meeting (a
    preview) is not covered."""
    after = published - windows[..., 1]
    return (published != _UNBOUNDED[0]) & (after > 0) & (after < config.conflict_days)


def _places_conflict(a: str, b: str, names_a: Parties, names_b: Parties) -> bool:
    """Whether two different meeting places rule each other out. Not when one is a country or region (it may
    hold the other), nor when either report names the other's place too: coverage that names both a venue's
    town and its state ("Anchorage, Alaska"), or the trip's stops, tells of one meeting placed at two scales."""
    if {a.lower(), b.lower()} & _WIDE_PLACES:
        return False
    return not (_names_place(names_a, b) or _names_place(names_b, a))


def _names_place(names: Parties, place: str) -> bool:
    words = _place_words(place)
    return bool(words) and all(w in names.anywhere for w in words)


@lru_cache(maxsize=4096)
def _place_words(place: str) -> tuple[str, ...]:
    """The words of a place's name (cached: a corpus has few places, asked about once per candidate pair)."""
    return tuple(w for w in re.findall(r"\w+", fold_letters(place).lower()) if w not in _NOT_NAME_PARTS)


def _link(graph: _Graph, config: GroupingConfig = DEFAULT) -> list[int]:
    """Cluster label of each source: linkage over every source, dated or not; then each small group (at most
    attach_size sources, most often one left alone) joins the larger event whose coverage it matches clearly:
    the best match (the cosine of the two groups' summed vectors) at least attach_floor and attach_margin times
    the next best. Linkage keeps two groups of several sources apart unless their coverage is about as close
    across as within, which a pair of near copies never is to the rest of its meeting's coverage."""
    n = len(graph.docs)
    vetoes, bounded = _veto_view(graph)
    labels = _linkage(n, graph.rows, graph.cols, graph.scores, vetoes, graph.parties, config, bounded,
                      graph.fixed, graph.weekdays, graph.said_on)
    fixed_groups = set() if graph.fixed is None else {labels[i] for i in np.flatnonzero(graph.fixed >= 0).tolist()}
    mass = _group_mass(n, graph.rows, graph.cols, graph.scores, labels)
    size = Counter(labels)
    totals: dict[int, dict[int, float]] = {}
    for i, j, score in zip(graph.rows.tolist(), graph.cols.tolist(), graph.scores.tolist()):
        for u, other in ((labels[i], labels[j]), (labels[j], labels[i])):
            # A larger group weighs its best match against every other group, whatever its size: one of its
            # own size as close to it as an event makes it no leftover of that event.
            if u != other and (size[u] > config.attach_size or _may_join(u, other, size, config)):
                by_group = totals.setdefault(u, {})
                by_group[other] = by_group.get(other, 0.0) + score
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    days = _weekday_counts(graph.weekdays, n, labels)
    named = _named_masks(graph, labels)
    spans = _date_spans(graph, labels)
    joined = []
    for small, by_group in sorted(totals.items()):
        # a group whose reports date the news to other weekdays is no candidate, not even a runner-up
        ranked = sorted(((t / math.sqrt(mass[g] * mass[small]), g) for g, t in by_group.items()
                         if not _lone_days_differ(days[small], named[small], days[g], config)),
                        key=lambda x: (-x[0], x[1]))
        if not ranked:
            continue
        best, group = ranked[0]
        # an event whose reports all date the news a week or more from this group's dates is no rival
        runner_up = next((value for value, g in ranked[1:]
                          if not _dated_apart(spans.get(small), spans.get(g), config)), 0.0)
        if best < config.attach_floor or best < _attach_margin(size[small], config) * runner_up:
            continue
        if not _may_join(small, group, size, config):
            continue
        if small in fixed_groups and group in fixed_groups:
            continue  # two events the analyst named apart
        if len(members[small]) > 1 and _groups_name_different_parties(graph, members[small], members[group]):
            continue  # as in the linkage: two bilaterals at one summit, each covered in one template
        left, right = [u for u in members[small] for _ in members[group]], members[group] * len(members[small])
        if _may_be_one_meeting(vetoes[left], vetoes[right], bounded[left], bounded[right],
                               config).all():
            joined.append((small, group))
    # A group that took others in may itself join a larger event: they follow it there.
    destination = dict(joined)
    for small in destination:
        group = destination[small]
        while group in destination:
            group = destination[group]
        for u in members[small]:
            labels[u] = group
    return _relink(graph, _settle(graph, labels, config), config)


def _relink(graph: _Graph, labels: list[int], config: GroupingConfig) -> list[int]:
    """Linkage again, from the events as they stand, then moves again, until no two events merge. Linkage merges
    greedily, best pair first: a few reports of a neighbouring story can join one half of a meeting's coverage
    early, make that half date its news to their weekday or read less like the other half, and so keep the two
    halves apart; once the moves have taken them to their own story, the halves pass the same checks and
    merge. Only merges, with every check of the first linkage; each pass leaves fewer events, so it ends."""
    vetoes, bounded = _veto_view(graph)
    while True:
        merged = _linkage(len(graph.docs), graph.rows, graph.cols, graph.scores, vetoes, graph.parties, config,
                          bounded, graph.fixed, graph.weekdays, graph.said_on, np.asarray(labels, dtype=np.int64))
        if len(set(merged)) == len(set(labels)):
            return labels
        labels = _settle(graph, merged, config)


def _settle(graph: _Graph, labels: list[int], config: GroupingConfig) -> list[int]:
    """Passes of _refine until no source moves, at most refine_passes: moves change the events they leave and
    join, so a source can find its better event only once others have moved."""
    for _ in range(config.refine_passes):
        moved = _refine(graph, labels, config)
        if moved == labels:
            break
        labels = moved
    return labels


def _date_spans(graph: _Graph, labels: list[int]) -> dict[int, tuple[int, int]]:
    """Per group with a dated source, the first and last day of its sources' windows, firm or read from the
    text alone."""
    spans: dict[int, tuple[int, int]] = {}
    for i, label in enumerate(labels):
        low, high = graph.windows[i].tolist()
        if (low, high) == _UNBOUNDED:
            continue
        if label in spans:
            low, high = min(low, spans[label][0]), max(high, spans[label][1])
        spans[label] = (low, high)
    return spans


def _dated_apart(a: tuple[int, int] | None, b: tuple[int, int] | None, config: GroupingConfig) -> bool:
    """Whether every date of one group lies conflict_days or more from every date of the other. Evidence, not a
    veto (dates read from a text may be an earlier meeting's): it only takes a rival out of the attach step's
    comparison."""
    return a is not None and b is not None and max(a[0], b[0]) - min(a[1], b[1]) >= config.conflict_days


def _may_join(small: int, group: int, size: Counter, config: GroupingConfig) -> bool:
    """Whether a group left over after linkage may join another: a small one (attach_size sources at most) a
    larger group, or one of several of its own size with a lower label (never both ways; two lone sources had
    their chance in the linkage); a larger one only an event attach_share times its size."""
    if size[small] > config.attach_size:
        return size[group] >= config.attach_share * size[small]
    return size[group] > size[small] or size[group] == size[small] > 1 and group < small


def _attach_margin(size: int, config: GroupingConfig) -> float:
    """How many times its next best event's linkage a leftover group's best must be to join it: attach_margin up
    to attach_size sources, then growing in proportion to the group's size. A group of several sources that the
    linkage kept apart is more likely a meeting of its own than a stray report, so it joins only an event it
    matches far better than any other."""
    return config.attach_margin * max(1.0, size / config.attach_size)


def _groups_name_different_parties(graph: _Graph, a: list[int], b: list[int]) -> bool:
    leads_a, leads_b = Counter(), Counter()
    for k in a:
        leads_a.update(graph.parties[k].lead)
    for k in b:
        leads_b.update(graph.parties[k].lead)
    named_a = set().union(*(graph.parties[k].anywhere for k in a))
    named_b = set().union(*(graph.parties[k].anywhere for k in b))
    return _different_parties(leads_a, len(a), named_b) and _different_parties(leads_b, len(b), named_a)


def _refine(graph: _Graph, labels: list[int], config: GroupingConfig) -> list[int]:
    """One pass of moves: a source whose linkage with another event (the cosine of its vector with that event's
    summed vector, were scores plain dot products) is at least refine_margin times its linkage with the rest of
    its own event moves there. Linkage merges greedily, best pair first: a source can join an event while that
    is small and close to it, then find the event grown away from it and another one closer. All moves are
    decided on one snapshot, so the order of the sources does not matter; one pass over the candidate pairs,
    returning new labels (`labels` is left as it was)."""
    labels = list(labels)
    size = Counter(labels)
    mass = _group_mass(len(labels), graph.rows, graph.cols, graph.scores, labels)
    totals: dict[int, dict[int, float]] = {}
    for i, j, score in zip(graph.rows.tolist(), graph.cols.tolist(), graph.scores.tolist()):
        for u, other in ((i, j), (j, i)):
            by_group = totals.setdefault(u, {})
            by_group[labels[other]] = by_group.get(labels[other], 0.0) + score
    members: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        members.setdefault(label, []).append(i)
    moves = []
    days = _weekday_counts(graph.weekdays, len(labels), labels)
    own_days = _weekday_counts(graph.weekdays, len(labels), range(len(labels)))
    spans = _date_spans(graph, labels)
    vetoes, bounded = _veto_view(graph)
    for u, by_group in sorted(totals.items()):
        own_group = labels[u]
        if size[own_group] == 1:
            continue  # left alone: attaching it was the step before
        if graph.fixed is not None and graph.fixed[u] >= 0:
            continue  # the analyst's label holds it where it is
        own_total = by_group.get(own_group, 0.0)
        own = own_total / math.sqrt(max(mass[own_group] - 1 - 2 * own_total, 1e-9))
        # as in the attach step, dates are evidence without a veto: a source does not leave an event its dates
        # fit for one whose every date lies a week or more from them (the same people's earlier meeting, which
        # follow-up coverage recalls)
        window = None if tuple(graph.windows[u].tolist()) == _UNBOUNDED else tuple(graph.windows[u].tolist())
        others = [(t / math.sqrt(mass[g]), g) for g, t in by_group.items() if g != own_group and size[g] > 1
                  and not _lone_days_differ(own_days[u], _mask(graph, u), days[g], config)
                  and not (_dated_apart(window, spans.get(g), config)
                           and not _dated_apart(window, spans.get(own_group), config))]
        if not others:
            continue
        best, group = min(others, key=lambda x: (-x[0], x[1]))
        if best < config.attach_floor or best < config.refine_margin * max(own, 0.0):
            continue
        target = members[group]
        if _may_be_one_meeting(vetoes[[u] * len(target)], vetoes[target],
                               bounded[[u] * len(target)], bounded[target], config).all():
            moves.append((u, group))
    for u, group in moves:
        labels[u] = group
    return labels


def _group_mass(n: int, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray, labels: list[int]) -> Counter:
    """_mass of every group of `labels`, from the pairs inside it."""
    mass: Counter = Counter(labels)
    inner: Counter = Counter()
    for i, j, score in zip(rows.tolist(), cols.tolist(), scores.tolist()):
        if labels[i] == labels[j]:
            inner[labels[i]] += score
    for group, total in inner.items():
        mass[group] += 2 * max(total, 0.0)
    return mass


def _linkage(n: int, rows: np.ndarray, cols: np.ndarray, scores: np.ndarray,
             windows: np.ndarray, parties: Sequence[Parties] | None = None,
             config: GroupingConfig = DEFAULT, firm: np.ndarray | None = None,
             fixed: np.ndarray | None = None, weekdays: np.ndarray | None = None,
             said_on: np.ndarray | None = None, start: np.ndarray | None = None) -> list[int]:
    """Cluster label of each source: agglomerative linkage on the sparse graph of candidate pairs, with
    date-window constraints.

    The linkage of clusters A and B is the summed score of their pairs over the square root of the product of
    each cluster's own summed score (all ordered pairs, each source with itself counting 1); were scores plain
    dot products this is the cosine of the two clusters' summed vectors. Pairs that are not candidates count
    as 0, so a chain of look-alikes does not pull two meetings together, while a short article is judged
    against the shared core of a large event's coverage rather than against each article of it (a plain mean
    over dozens of articles splits large events). Best pair first, stopping below link_threshold.

    Two clusters of several sources each merge only if their pairs across score, on average, at least
    cohesion_share of what pairs inside each score (the geometric mean of the two): halves of one meeting's
    coverage are about as close across as within, while the same people's next meeting shares names and
    vocabulary yet each one's coverage is far closer to itself than to the other's. Unlike the cosine of the
    summed vectors, that ratio does not grow with the size of the clusters. Clusters whose firm windows lie
    conflict_days apart, or whose leads name different parties, never merge.

    Sources that share an analyst's label (`fixed`, -1 for none) start as one cluster, whatever their scores
    and dates; two clusters holding different labels never merge. An unlabelled source joins a labelled cluster
    only as it would join any other: by the same linkage and the same checks.

    `start` (a group number per source) starts the linkage from groups already formed instead (_relink): each
    group is one cluster, holding the analyst's label of its sources if any.
    """
    size = [1] * n
    inner = [0.0] * n  # summed scores of the pairs inside each cluster
    # per cluster: how many of its sources name each name in their lead, and every name any of them uses
    leads: list[Counter] = [Counter(parties[i].lead) if parties is not None else Counter() for i in range(n)]
    named: list[set[str]] = [set(parties[i].anywhere) if parties is not None else set() for i in range(n)]
    # per cluster: how many of its sources date their news to each weekday
    days = _weekday_counts(weekdays, n, range(n))
    said = _weekday_counts(said_on, n, range(n))  # ... and how many say their news happened on it
    # their row sums, kept as each merge adds rows: most clusters name too few weekdays for the weekday checks
    # to apply, and these tell so without summing a row for every pair the heap offers
    days_named, days_said = days.sum(axis=1).tolist(), said.sum(axis=1).tolist()
    firm = np.ones(n, dtype=bool) if firm is None else firm
    window = [tuple(w) if f else _UNBOUNDED for w, f in zip(windows.tolist(), firm.tolist())]
    parent = list(range(n))
    alive = [True] * n
    label = [-1] * n if fixed is None else fixed.tolist()
    grouped = start if start is not None else fixed
    first: dict[int, int] = {}
    for i, number in enumerate([-1] * n if grouped is None else grouped.tolist()):
        root = first.setdefault(number, i) if number >= 0 else i  # the group's first source holds the cluster
        if root != i:
            parent[i], alive[i] = root, False
            label[root] = max(label[root], label[i])
            size[root] += 1
            _add_counts(leads[root], leads[i])
            named[root] |= named[i]
            days[root] += days[i]
            said[root] += said[i]
            days_named[root] += days_named[i]
            days_said[root] += days_said[i]
            # the analyst's word outranks the dates: sources dated apart still share one event
            window[root] = _merge_window(window[root], window[i], config.conflict_days - 1) or (
                min(window[root][0], window[i][0]), max(window[root][1], window[i][1]))
    links: list[dict[int, float]] = [{} for _ in range(n)]  # cluster -> neighbour cluster -> summed score
    for i, j, s in zip(rows.tolist(), cols.tolist(), scores.tolist()):
        i, j = parent[i], parent[j]
        if i == j:
            inner[i] += s
            continue
        links[i][j] = links[i].get(j, 0.0) + s
        links[j][i] = links[j].get(i, 0.0) + s
    version = [0] * n
    if grouped is None:
        heap = [(-s, i, j, 0, 0) for i, j, s in zip(rows.tolist(), cols.tolist(), scores.tolist())
                if s >= config.link_threshold]
    else:
        heap = [(-linkage, a, b, 0, 0) for a in range(n) if alive[a] for b, total in links[a].items()
                if a < b and (linkage := total / math.sqrt(_mass(inner, size, a) * _mass(inner, size, b)))
                >= config.link_threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue  # stale entry: one side has merged since
        merged = _merge_window(window[a], window[b], config.conflict_days - 1)
        if merged is None:
            continue
        # (_different_days and _cohesion_needed read the weekdays only of two clusters that each have
        # weekday_quorum sources naming one, _lone_day_differs only of one with a single source naming one)
        both_name_days = min(days_named[a], days_named[b]) >= config.weekday_quorum
        if size[a] > 1 and size[b] > 1 and (
            _cohesion(links[a].get(b, 0.0), inner, size, a, b)
            < (_cohesion_needed(days[a], days[b], config) if both_name_days else config.cohesion_share)
            or _different_parties(leads[a], size[a], named[b]) and _different_parties(leads[b], size[b], named[a])
        ):
            continue
        if (both_name_days and _different_days(days[a], days[b], config)
                or days_named[a] == days_said[a] == 1 and _lone_day_differs(days[a], said[a], days[b], config)
                or days_named[b] == days_said[b] == 1 and _lone_day_differs(days[b], said[b], days[a], config)):
            continue
        if label[a] >= 0 and label[b] >= 0:
            continue  # two different labels: the analyst's word that these are two meetings
        # Merge the smaller neighbour map into the larger one (cheap merges; the choice is deterministic).
        keep, gone = (a, b) if len(links[a]) >= len(links[b]) else (b, a)
        parent[gone] = keep
        alive[gone] = False
        inner[keep] += inner[gone] + links[keep].get(gone, 0.0)
        size[keep] += size[gone]
        label[keep] = max(label[keep], label[gone])
        _add_counts(leads[keep], leads[gone])
        named[keep] |= named[gone]
        days[keep] += days[gone]
        said[keep] += said[gone]
        days_named[keep] += days_named[gone]
        days_said[keep] += days_said[gone]
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
        keep_mass = _mass(inner, size, keep)
        for other, total in links[keep].items():
            linkage = total / math.sqrt(keep_mass * _mass(inner, size, other))
            if linkage >= config.link_threshold:
                first, second = (keep, other) if keep < other else (other, keep)
                heapq.heappush(heap, (-linkage, first, second, version[first], version[second]))
    return [_root(parent, i) for i in range(n)]


@dataclass(frozen=True, slots=True)
class Parties:
    """The names (capitalised words never written in lower case in the corpus) of one source: those of its lead,
    where reports name who met, and all of them."""

    lead: frozenset[str]
    anywhere: frozenset[str]


def _parties(text: str, written_lower: frozenset[str], config: GroupingConfig,
             capitalised: list[str] | None = None) -> Parties:
    """`capitalised`: the text's capitalised words (_CAPITALISED), when the caller has them."""
    def names_in(words: list[str]) -> frozenset[str]:
        return frozenset(low for word in words if (low := word.lower()) not in written_lower and low not in _NOT_NAMES)

    if capitalised is None:
        capitalised = _CAPITALISED.findall(text)
    lead_end = -1
    for _ in range(config.lead_lines):
        lead_end = text.find("\n", lead_end + 1)
        if lead_end < 0:
            lead_end = len(text)
            break
    # The lead is the text up to the break after its lead_lines-th line; a capitalised word never runs over a
    # line break, so these are its words as the whole text has them.
    return Parties(names_in(_CAPITALISED.findall(text, 0, max(lead_end, 0))), names_in(capitalised))


def _different_parties(leads: Counter, size: int, others: set[str]) -> bool:
    """Whether every source of a group names, in its lead, someone whom no source of another group names at
    all ("Modi" in every report of one, "Lula" in none). Asked both ways: two bilaterals at one summit share
    the host, the city, the day and a leader, and outlets cover both in one template; only the other party
    tells them apart."""
    return any(count == size and name not in others for name, count in leads.items())


def _weekday_counts(weekdays: np.ndarray | None, n: int, groups) -> np.ndarray:
    """Per group (row), how many of its sources date their news to each weekday (column); `groups` gives each
    source's group. One array, not an object per group: the linkage adds a row to another on each merge."""
    counts = np.zeros((n, 7), dtype=np.int32)
    if weekdays is not None:
        named = weekdays >= 0
        np.add.at(counts, (np.asarray(groups)[named], weekdays[named]), 1)
    return counts


def _different_days(a: np.ndarray, b: np.ndarray, config: GroupingConfig, *, lone: bool = False) -> bool:
    """Whether two groups date their news to different weekdays: at least weekday_quorum sources of each name one
    (of `a`, one source will do when it is a small group left over, `lone`, weighed against an event), and none of
    the weekdays one group names most lies within day_slack of those the other names most. Look-alike stories
    (the same people in the news again days or weeks later) read alike; the day each group's reports give their
    news does not. One story's reports name its day, or the next one abroad (time zones); a stray report naming
    another day does not make the group's day. In the linkage a lone source's weekday is not enough: a report
    may date a reaction, not the news."""
    named_a, named_b = int(a.sum()), int(b.sum())
    if named_b < config.weekday_quorum or named_a < (1 if lone else config.weekday_quorum):
        return False
    for x in _main_days(a):
        for y in _main_days(b):
            apart = abs(x - y) % 7
            if min(apart, 7 - apart) <= config.day_slack:
                return False
    return True


def _cohesion_needed(a: np.ndarray, b: np.ndarray, config: GroupingConfig) -> float:
    """The cohesion two groups of several sources need to merge, by the weekdays they date their news to (when
    weekday_quorum sources of each name one): cohesion_same_day when a weekday one names most the other names
    most too, cohesion_next_day when their main weekdays differ (by day_slack at most: further apart they never
    merge), else cohesion_share. Two halves of one meeting's coverage name its day; the same people's stories
    days or weeks apart name the same day only by chance, and neighbouring days often."""
    if int(a.sum()) < config.weekday_quorum or int(b.sum()) < config.weekday_quorum:
        return config.cohesion_share
    if not set(_main_days(a)).isdisjoint(_main_days(b)):
        return config.cohesion_same_day
    return config.cohesion_next_day


def _lone_days_differ(days: np.ndarray, named: int, other: np.ndarray, config: GroupingConfig) -> bool:
    """Whether a small group (most often one source) dates its news to another weekday than a group it might
    join (_different_days, one source naming a day enough) and none of its sources names, anywhere in its
    opening, a day that group names most: a report's first weekday may be an earlier event's ("after meeting
    him in Alaska on Friday, he prepared Monday's talks"), the day of its own news named after it."""
    return _different_days(days, other, config, lone=True) and not _names_a_main_day(named, other, config)


def _named_masks(graph: _Graph, labels: list[int]) -> dict[int, int]:
    """Per group, the weekdays any of its sources names in its opening (a bit mask)."""
    masks: dict[int, int] = {}
    for i, label in enumerate(labels):
        masks[label] = masks.get(label, 0) | _mask(graph, i)
    return masks


def _mask(graph: _Graph, i: int) -> int:
    return 0 if graph.named_days is None else int(graph.named_days[i])


def _lone_day_differs(days: np.ndarray, said: np.ndarray, other: np.ndarray, config: GroupingConfig) -> bool:
    """Whether a cluster whose one source naming a weekday says its news happened on it ("met on Monday") meets a
    group none of whose main weekdays lies within day_slack of that day. Said so, a day is the report's own; a
    bare weekday may date a reaction or a day still to come, and is weighed only in a group (_different_days)."""
    return int(days.sum()) == 1 and int(said.sum()) == 1 and _different_days(said, other, config, lone=True)


def _main_days(days: np.ndarray) -> list[int]:
    """The weekdays a group names most: each named by at least half as many sources as the commonest."""
    return np.flatnonzero(2 * days >= days.max()).tolist()


def _cohesion(across: float, inner: list[float], size: list[int], a: int, b: int) -> float:
    """Mean score of the pairs across clusters a and b over the geometric mean of the mean score of the pairs
    inside each (both have two sources or more)."""
    mean_across = across / (size[a] * size[b])
    within = [max(inner[c], 1e-9) / (size[c] * (size[c] - 1) / 2) for c in (a, b)]
    return mean_across / math.sqrt(within[0] * within[1])


def _mass(inner: list[float], size: list[int], cluster: int) -> float:
    """Summed score over the ordered pairs of a cluster, itself with itself counting 1: the squared length of
    the cluster's summed vector, were scores plain dot products."""
    return size[cluster] + 2 * max(inner[cluster], 0.0)


def _merge_window(a: tuple[int, int], b: tuple[int, int], slack: int) -> tuple[int, int] | None:
    """The window of a merged cluster, or None when the two cannot be the same meeting."""
    low, high = max(a[0], b[0]), min(a[1], b[1])
    if low - high > slack:
        return None
    return (low, high)


def _add_counts(counts: Counter, more: Counter) -> None:
    """counts += more for counts that are all positive, without Counter's own pass over the sum for any that
    are not: the linkage adds one cluster's lead names to another's on every merge."""
    for key, count in more.items():
        counts[key] = counts.get(key, 0) + count


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _events(docs: list[EventDoc], labels: list[int], config: GroupingConfig) -> tuple[Event, ...]:
    members: dict[int, list[EventDoc]] = {}
    for doc, label in zip(docs, labels):
        members.setdefault(label, []).append(doc)
    drafts = []
    for group in members.values():
        sources = tuple(sorted(d.source for d in group))
        places = [d.place for d in group if d.place]
        # One source's place names an event of several only if no other source gives any: a place read
        # from one report among many may be a place it merely mentions.
        place = _majority(places)
        if place is not None and len(group) > 2 and places.count(place) == 1 and len(places) > 1:
            place = None
        label = _majority(d.label for d in group if d.label)
        drafts.append((_meeting_date((x for d in group for x in _stated(d, config)), config), place, sources, label))
    drafts.sort(key=lambda x: (x[0] or "", _slug(x[1]), x[2]))
    used: Counter[str] = Counter()
    events = []
    for when, place, sources, label in drafts:
        # an event the analyst labelled goes by that label
        base = _slug(label) if label else f"{when or 'undated'}-{_slug(place)}"
        used[base] += 1
        event_id = base if used[base] == 1 else f"{base}-{used[base]}"
        events.append(Event(id=event_id, date=when, place=place, sources=sources))
    return tuple(sorted(events, key=lambda e: (e.date or "", e.id)))


def _meeting_date(dates, config: GroupingConfig) -> str | None:
    """The date most of an event's reports state. A tie goes to the latest of the tied dates (reports recall
    earlier ones: the previous meeting, an anniversary, the summit before), or to the earliest tied date within
    day_slack of it (a day later is the same meeting under another time zone)."""
    counts = Counter(dates)
    if not counts:
        return None
    top = max(counts.values())
    tied = sorted(v for v, count in counts.items() if count == top)
    latest = _ordinal(tied[-1])
    return next(v for v in tied
                if latest is None or (day := _ordinal(v)) is not None and latest - day <= config.day_slack)


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


# --- why the sources group as they do (crosscheck events --explain) --------------------------------------------


@dataclass(frozen=True, slots=True)
class MemberReason:
    """Why one source is in its event: its strongest link inside the event and the evidence of that link."""

    event: str
    source: str
    linked_to: str | None  # the member it scores highest with; None for an event of one source
    score: float  # that pair's score (content with date and place evidence)
    shared_names: tuple[str, ...]  # the rarest names both use
    shared_terms: tuple[str, ...]  # the rarest other words both use
    date: str  # what their dates say: "same date 2025-02-18", "1 day apart", "one undated", ...
    place: str  # what their places say
    fixed_by: str | None = None  # the analyst's event label (the manifest's `event` column) that put it there


@dataclass(frozen=True, slots=True)
class Separation:
    """Why two close events were kept apart: their linkage and the evidence against merging them."""

    event: str
    other: str
    linkage: float  # cosine of the two events' summed vectors, from their candidate pairs
    reasons: tuple[str, ...]  # the evidence that kept them apart, strongest first
    shared_names: tuple[str, ...]


def explain_events(docs: Sequence[EventDoc], events: Sequence[Event], config: GroupingConfig = DEFAULT,
                   *, closest: int = 1, shown: int = 5) -> tuple[tuple[MemberReason, ...], tuple[Separation, ...]]:
    """For each member of each event, why it joined (its strongest link); for each event, the `closest` other
    events and what kept them apart. Pure: reads the same evidence grouping reads, prints nothing."""
    ordered = sorted(docs, key=lambda d: d.source)
    if not ordered:
        return (), ()
    graph = _graph(ordered, config)
    index = {d.source: k for k, d in enumerate(ordered)}
    event_of = {index[s]: e.id for e in events for s in e.sources if s in index}
    words = [frozenset(w.lower() for w in _TOKEN.findall(fold_letters(d.text))) for d in ordered]
    frequency = Counter(w for found in words for w in found)
    frequency.update(n for party in graph.parties for n in party.anywhere if n not in frequency)
    stop = _sklearn_text().ENGLISH_STOP_WORDS

    def rarest(terms) -> tuple[str, ...]:
        return tuple(sorted(terms, key=lambda t: (frequency[t], t))[:shown])

    def names_of(i: int, j: int) -> tuple[str, ...]:
        return rarest(n for n in graph.parties[i].anywhere & graph.parties[j].anywhere if len(n) > 1)

    best: dict[int, tuple[float, int]] = {}
    for i, j, score in zip(graph.rows.tolist(), graph.cols.tolist(), graph.scores.tolist()):
        if event_of.get(i) is not None and event_of.get(i) == event_of.get(j):
            for u, v in ((i, j), (j, i)):
                if u not in best or (score, -v) > (best[u][0], -best[u][1]):
                    best[u] = (score, v)
    members = []
    for event in events:
        for source in event.sources:
            u = index[source]
            if u not in best:
                members.append(MemberReason(event.id, source, None, 0.0, (), (), "", "", ordered[u].label))
                continue
            score, v = best[u]
            terms = {w for w in words[u] & words[v] if w not in stop and not w.isdigit()} - graph.parties[u].anywhere
            members.append(MemberReason(event.id, source, ordered[v].source, round(score, 3), names_of(u, v),
                                        rarest(terms), _date_note(graph, u, v), _place_note(ordered[u], ordered[v]),
                                        ordered[u].label))
    # Events' summed vectors compared in full, whether or not their dates let any pair be a candidate: this
    # step runs on request, on events, not on every pair of sources.
    ids = [e.id for e in events]
    membership = sp.csr_matrix((np.ones(len(event_of), dtype=np.float32),
                                (list(event_of), [ids.index(event_of[k]) for k in event_of])),
                               shape=(len(ordered), len(ids)))
    summed = _normalise_rows(sp.csr_matrix(membership.T @ graph.matrix))
    cosines = (summed @ summed.T).toarray()
    linkage = {(a, b): float(cosines[x, y]) for x, a in enumerate(ids) for y, b in enumerate(ids)
               if a < b and cosines[x, y] > 0}
    chosen: set[tuple[str, str]] = set()
    for event in events:
        near = sorted(((v, k) for k, v in linkage.items() if event.id in k), key=lambda x: (-x[0], x[1]))
        chosen.update(k for _, k in near[:closest])
    by_id = {e.id: e for e in events}
    separations = [_separation(graph, index, by_id[a], by_id[b], linkage[(a, b)], config, names_of)
                   for a, b in sorted(chosen, key=lambda k: (-linkage[k], k))]
    return tuple(members), tuple(separations)


def _date_note(graph: _Graph, u: int, v: int) -> str:
    bounded = [tuple(graph.windows[k]) != _UNBOUNDED for k in (u, v)]
    if not all(bounded):
        return "both undated" if not any(bounded) else "one undated"
    gap = int(_gap(graph.windows[u], graph.windows[v]))
    stated = set(graph.docs[u].dates) & set(graph.docs[v].dates)
    if stated:
        return f"same date {min(stated)}"
    return "dates overlap" if gap <= 0 else f"dates {gap} day{'s' * (gap != 1)} apart"


def _place_note(a: EventDoc, b: EventDoc) -> str:
    if not (a.place and b.place):
        return "one without a place" if a.place or b.place else "no place"
    return f"same place {a.place}" if a.place == b.place else f"places {a.place} and {b.place}"


def _separation(graph: _Graph, index: dict[str, int], a: Event, b: Event, linkage: float, config: GroupingConfig,
                names_of) -> Separation:
    """The evidence that two events are different meetings, as grouping weighs it."""
    left = [index[s] for s in a.sources]
    right = [index[s] for s in b.sources]
    reasons = []
    labels_a = {graph.docs[k].label for k in left} - {None}
    labels_b = {graph.docs[k].label for k in right} - {None}
    if labels_a and labels_b and labels_a != labels_b:
        reasons.append(f"events fixed by the manifest: {', '.join(sorted(labels_a))} and {', '.join(sorted(labels_b))}")
    firm_left = [k for k in left if graph.firm[k]]
    firm_right = [k for k in right if graph.firm[k]]
    if firm_left and firm_right:
        low_a, high_a = max(graph.windows[k][0] for k in firm_left), min(graph.windows[k][1] for k in firm_left)
        low_b, high_b = max(graph.windows[k][0] for k in firm_right), min(graph.windows[k][1] for k in firm_right)
        gap = int(max(low_a, low_b) - min(high_a, high_b))
        if gap >= config.conflict_days:
            reasons.append(f"dates {a.date or '?'} and {b.date or '?'}: {gap} days apart (a week or more: "
                           "the same people meeting again)")
    bounded_left = [k for k in left if tuple(graph.windows[k]) != _UNBOUNDED]
    bounded_right = [k for k in right if tuple(graph.windows[k]) != _UNBOUNDED]
    if bounded_left and bounded_right and not any(r.startswith("dates ") for r in reasons):
        gap = int(min(_gap(graph.windows[i], graph.windows[j]) for i in bounded_left for j in bounded_right))
        if gap >= config.conflict_days:
            reasons.append(f"publication dates {gap} days apart or more (no meeting date written in both: "
                           "evidence, not a veto)")
    leads_a, leads_b = Counter(), Counter()
    for k in left:
        leads_a.update(graph.parties[k].lead)
    for k in right:
        leads_b.update(graph.parties[k].lead)
    named_a = set().union(*(graph.parties[k].anywhere for k in left))
    named_b = set().union(*(graph.parties[k].anywhere for k in right))
    only_a = sorted(n for n, c in leads_a.items() if c == len(left) and n not in named_b)
    only_b = sorted(n for n, c in leads_b.items() if c == len(right) and n not in named_a)
    if only_a and only_b:
        reasons.append(f"different parties: {', '.join(only_a[:3])} in every lead of {a.id}, never in {b.id}; "
                       f"{', '.join(only_b[:3])} in every lead of {b.id}, never in {a.id}")
    if a.place and b.place and a.place != b.place:
        reasons.append(f"places {a.place} and {b.place}")
    if linkage < config.link_threshold:
        reasons.append(f"wording too far apart: {linkage:.3f} below {config.link_threshold:.3f}")
    elif len(left) > 1 and len(right) > 1:
        reasons.append(f"each event's coverage is closer to itself than to the other's ({linkage:.3f})")
    pairs = [(i, j) for i in left for j in right]
    top = max(pairs, key=lambda p: len(graph.parties[p[0]].anywhere & graph.parties[p[1]].anywhere))
    return Separation(a.id, b.id, round(float(linkage), 3), tuple(reasons), names_of(*top))
