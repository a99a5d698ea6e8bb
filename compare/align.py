"""Choose, for every sentence of one source, its counterpart in another source of the same event.

The matcher (compare.similarity) scores whole blocks of sentences at once; this module only reads the matrix.
A sentence's counterpart is the other source's sentence it scores highest with. It counts as a match when
the score reaches the matcher's threshold, or, for a weaker score, when the two sentences are each other's best
choice (mutual best): outlets paraphrase freely, and a pair that both sides single out is rarely chance.
Several sentences may share one counterpart (a short sentence can be covered by a longer one that states more).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from compare.config import AlignmentConfig
from compare.models import Sentence
from compare.numeric import first_of_runs
from compare.similarity import (
    HybridMatcher,
    LexicalMatcher,
    Matcher,
    Rarity,
    block_scorer,
    content_tokens,
    default_rarity,
    document_frequencies,
    get_matcher,
    terms_tokens,
)
from compare.similarity import QUANTITY_MARK

# Below the matcher's threshold, a mutual-best pair still matches from this probability up: the default of
# AlignmentConfig.mutual_best_floor (compare/config.py says where it was tuned).
MUTUAL_BEST_FLOOR = AlignmentConfig().mutual_best_floor
# A name that more than this share of an event's other sources use names the meeting, not a claim.
EVENT_WORD_SHARE = 0.5


@dataclass(frozen=True, eq=False)
class EventRarity:
    """A word's rarity in the language, discounted by how common it is among the event's own sentences.

    Every outlet covering a meeting names the same principals, countries and city in most sentences; those words
    say which meeting, not which claim. A word found in every sentence of the event weighs nothing; a word
    found in one keeps (nearly) its full weight. A claim that every source states once puts its words in as
    many sentences as there are sources, so only the sentences beyond that count against a word: two sources
    of one sentence each share words because they state one claim, and keep their full weight.
    """

    base: Rarity
    sentences: int
    df: Mapping[str, int]
    sources: int = 1

    @property
    def _extra(self) -> int:
        """Sentences beyond one per source: what a word's spread is measured against."""
        return self.sentences - self.sources

    def weight(self, token: str) -> float:
        if self._extra < 1:
            return self.base.weight(token)
        beyond = max(self.df.get(token, 0) - self.sources, 0)
        local = math.log((self._extra + 1) / (beyond + 1)) / math.log(self._extra + 1)
        return self.base.weight(token) * local

    def weights(self, tokens: Sequence[str]) -> np.ndarray:
        """`weight` of each token, as one array (the same arithmetic, element-wise)."""
        base = self.base.weights(tokens)
        if self._extra < 1:
            return base
        beyond = np.maximum(document_frequencies(self.df, tokens) - self.sources, 0.0)
        local = np.log((self._extra + 1) / (beyond + 1.0)) / math.log(self._extra + 1)
        return base * local

    @classmethod
    def of(cls, terms: Sequence[str], sources: int = 1) -> EventRarity:
        """From the event's sentences, each as its `sentence_terms`, and the number of sources they come from."""
        df: dict[str, int] = {}
        for sentence, repeats in Counter(terms).items():  # a sentence repeated word for word is read once
            for token in set(terms_tokens(sentence)):
                df[token] = df.get(token, 0) + repeats
        return cls(default_rarity(), len(terms), df, sources)


def matcher_for_event(name: str, terms: Sequence[str], sources: int = 1) -> Matcher:
    """The named matcher, its word weights (the lexical matcher's, alone or inside the hybrid) discounted by the
    event's own wording (`terms`: the `sentence_terms` of every sentence of the event's `sources` sources)."""
    matcher = get_matcher(name)
    if isinstance(matcher, LexicalMatcher):
        return LexicalMatcher(rarity=EventRarity.of(terms, sources), threshold=matcher.threshold)
    if isinstance(matcher, HybridMatcher):
        lexical = LexicalMatcher(rarity=EventRarity.of(terms, sources), threshold=matcher.lexical.threshold)
        return HybridMatcher(matcher.coef, matcher.intercept, semantic=matcher.semantic, lexical=lexical)
    return matcher


def confirm_weak_matches(
    groups: Sequence[Sequence[Sentence]],
    found: Mapping[tuple[int, int], tuple[Counterpart, ...]],
    matcher: Matcher,
    terms: Mapping[str, str],
    acronyms: Mapping[str, str] | None,
    threshold: float,
    min_weight: float,
) -> dict[tuple[int, int], tuple[Counterpart, ...]]:
    """`found` with every match below `threshold` (a mutual best) undone unless its two sentences share a word of
    the claim (`shares_claim_word`). Sentences of one meeting are often each other's best match only because both
    name its leaders and its city; a paraphrase of one claim shares a word besides ("devolved", "map", "100
    minutes"). Only the lexical matcher: its weak matches rest on shared words alone, while the hybrid's rest on
    the embedding too, which finds paraphrases that share no word (that is what it is for)."""
    rarity = matcher.rarity if isinstance(matcher, LexicalMatcher) else None
    if rarity is None or min_weight <= 0:
        return dict(found)
    spread = Counter(token for group in groups for token in {t for s in group for t in terms_tokens(terms[s.text])})
    texts = {(i, s.id): s.text for i, group in enumerate(groups) for s in group}
    decided: dict[tuple[str, str], bool] = {}
    out = {}
    for (i, j), counterparts in found.items():
        kept = []
        for cp in counterparts:
            if cp.matched and cp.score < threshold:
                pair = (texts[i, cp.sentence_id], texts[j, cp.best_id])
                if pair not in decided:
                    decided[pair] = shares_claim_word(*pair, terms, acronyms, rarity, min_weight, spread, len(groups))
                if not decided[pair]:
                    cp = cp._replace(matched=False)
            kept.append(cp)
        out[i, j] = tuple(kept)
    return out


def shares_claim_word(a: str, b: str, terms: Mapping[str, str], acronyms: Mapping[str, str] | None, rarity: Rarity,
                      min_weight: float, spread: Mapping[str, int], sources: int) -> bool:
    """Whether `a` and `b` share a word of some weight in the event (at least `min_weight`) that is not one of the
    meeting's names: a name (capitalised in either text) that more than half of the event's other sources use
    (`spread`: per token, how many of the event's `sources` sources use it; the pair's own two always do) says
    which meeting, its people and its city, not which claim. A plain word ("lasted", "devolved") counts however
    many sources use it, as a claim every outlet reports is written with it everywhere."""
    others = sources - 2
    shared = set(terms_tokens(terms[a])) & set(terms_tokens(terms[b]))
    names = _capitalised_tokens(a, acronyms) | _capitalised_tokens(b, acronyms)
    return any(
        rarity.weight(token) >= min_weight
        and (token not in names or others <= 0 or spread.get(token, 2) - 2 <= others * EVENT_WORD_SHARE)
        for token in shared
    )


def link_shared_phrases(
    groups: Sequence[Sequence[Sentence]],
    found: Mapping[tuple[int, int], tuple[Counterpart, ...]],
    matcher: Matcher,
    terms: Mapping[str, str],
    acronyms: Mapping[str, str] | None,
    min_words: int,
    min_word_weight: float,
) -> dict[tuple[int, int], tuple[Counterpart, ...]]:
    """`found` with sentences left without a counterpart in each other's source matched when they repeat one
    phrase: at least `min_words` consecutive content words (stop words between them skipped), none of them a
    name, weighing at least `min_word_weight` each on average in the event (`EventRarity`). Outlets that word a
    claim differently around a shared phrase ("agreed to establish a consultation mechanism to address ...")
    score low as whole sentences when both are long; several plain words in a row, rare in the event, are
    seldom chance. Each sentence takes at most one such link per other source, the heaviest phrases first; the
    pair keeps the matcher's own score, so the judge's rules that ask for alike sentences still see how unalike
    the rest is."""
    rarity = _lexical_rarity(matcher)
    if rarity is None or min_words <= 0:
        return dict(found)
    open_in = {key: {cp.sentence_id for cp in cps if not cp.matched} for key, cps in found.items()}
    candidates = _phrase_candidates(groups, open_in, terms, acronyms, _WordWeights(rarity), min_words,
                                    min_words * min_word_weight)
    links = _heaviest_first(candidates)
    out = dict(found)
    for (gi, gj), linked in links.items():
        rows = sorted(linked)
        scores = matcher.same_claim([groups[gi][k].text for k in rows], [groups[gj][linked[k]].text for k in rows],
                                    acronyms=acronyms, terms=terms)
        score_of = {k: float(scores[n, n]) for n, k in enumerate(rows)}
        out[gi, gj] = tuple(
            Counterpart(cp.sentence_id, groups[gj][linked[k]].id, score_of[k], True, True) if k in linked else cp
            for k, cp in enumerate(found[gi, gj])
        )
    return out


def _phrase_candidates(
    groups: Sequence[Sequence[Sentence]],
    open_in: Mapping[tuple[int, int], set[int]],
    terms: Mapping[str, str],
    acronyms: Mapping[str, str] | None,
    weight: Mapping[str, float],
    min_words: int,
    min_weight: float,
) -> dict[tuple[int, int, int, int], float]:
    """{(source, sentence, other source, sentence): the weight of their heaviest shared phrase} for every two
    sentences, each open in the other's source (`open_in`: per pair of sources, the ids of the first's sentences
    without a counterpart in the second), that share a phrase of `min_words` words weighing `min_weight`."""
    open_anywhere = [set().union(*(open_in.get((g, j), ()) for j in range(len(groups)) if j != g))
                     for g in range(len(groups))]
    # Only a sentence still without a counterpart somewhere is indexed (most of an event's sentences are
    # matched), by its plain words: a phrase without a name is among them; names are read for candidates only.
    postings: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for g, group in enumerate(groups):
        for k, sentence in enumerate(group):
            if sentence.id not in open_anywhere[g]:
                continue
            words = _plain_words(sentence.text, terms)
            for gram in {tuple(words[n : n + min_words]) for n in range(len(words) - min_words + 1)}:
                postings.setdefault(gram, []).append((g, k))
    phrases: dict[tuple[int, int], list[str | None]] = {}
    candidates: dict[tuple[int, int, int, int], float] = {}
    seen: set[tuple[int, int, int, int]] = set()
    for holders in postings.values():
        if len(holders) > len(groups):  # a claim is stated once a source: a phrase said more often is the event's
            continue
        for (gi, ki), (gj, kj) in _cross_pairs(holders):
            key = (gi, ki, gj, kj)
            if key in seen:
                continue
            seen.add(key)
            if groups[gi][ki].id not in open_in.get((gi, gj), ()) or groups[gj][kj].id not in open_in.get((gj, gi), ()):
                continue
            for g, k in ((gi, ki), (gj, kj)):
                if (g, k) not in phrases:
                    phrases[g, k] = _phrase_words(groups[g][k].text, terms, acronyms)
            words, heaviest = _heaviest_shared_run(phrases[gi, ki], phrases[gj, kj], weight)
            if words >= min_words and heaviest >= min_weight:
                candidates[key] = heaviest
    return candidates


def _heaviest_first(candidates: Mapping[tuple[int, int, int, int], float]) -> dict[tuple[int, int], dict[int, int]]:
    """{(source, other source): {sentence: its linked sentence}} from the candidates, heaviest first, each
    sentence linked at most once per other source; both directions are given."""
    links: dict[tuple[int, int], dict[int, int]] = {}
    for (gi, ki, gj, kj), _ in sorted(candidates.items(), key=lambda item: (-item[1], item[0])):
        taken_i, taken_j = links.setdefault((gi, gj), {}), links.setdefault((gj, gi), {})
        if ki not in taken_i and kj not in taken_j:
            taken_i[ki], taken_j[kj] = kj, ki
    return {key: linked for key, linked in links.items() if linked}


def _lexical_rarity(matcher: Matcher) -> Rarity | None:
    if isinstance(matcher, LexicalMatcher):
        return matcher.rarity
    if isinstance(matcher, HybridMatcher):
        return matcher.lexical.rarity
    return None


class _WordWeights(dict):
    """A word's weight in the event, looked up once."""

    def __init__(self, rarity: Rarity) -> None:
        super().__init__()
        self.rarity = rarity

    def __missing__(self, token: str) -> float:
        value = self[token] = float(self.rarity.weight(token))
        return value


def _plain_words(text: str, terms: Mapping[str, str]) -> list[str]:
    """The sentence's content stems in order, without the values read_quantities writes beside a figure (the
    figure's own words already stand for it)."""
    return [token for token in terms_tokens(terms[text]) if token[0] != QUANTITY_MARK]


def _phrase_words(text: str, terms: Mapping[str, str], acronyms: Mapping[str, str] | None) -> list[str | None]:
    """`_plain_words`, a name's as None: a name breaks a phrase ("Foreign Minister Sergei Lavrov" is said in many
    claims). The first word is capitalised whatever it is, so it is not taken for a name unless it is written
    so again further on."""
    _first, _, rest = text.strip().partition(" ")
    names = _capitalised_tokens(rest, acronyms)
    return [None if token in names else token for token in _plain_words(text, terms)]


def _cross_pairs(holders: Sequence[tuple[int, int]]) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
    """Every two holders from two different sources, the lower source first."""
    for n, first in enumerate(holders):
        for second in holders[n + 1 :]:
            if first[0] != second[0]:
                yield (first, second) if first[0] < second[0] else (second, first)


def _heaviest_shared_run(a: Sequence[str | None], b: Sequence[str | None], weight: Mapping[str, float]
                         ) -> tuple[int, float]:
    """(words, weight) of the heaviest run of consecutive words the two share (a name never part of one)."""
    best = (0, 0.0)
    previous = [(0, 0.0)] * (len(b) + 1)
    for word in a:
        current = [(0, 0.0)]
        for j, other in enumerate(b):
            if word is not None and word == other:
                words, total = previous[j]
                run = (words + 1, total + weight[word])
                best = max(best, run, key=lambda item: item[1])
                current.append(run)
            else:
                current.append((0, 0.0))
        previous = current
    return best


def _capitalised_tokens(text: str, acronyms: Mapping[str, str] | None) -> set[str]:
    return set(content_tokens(" ".join(w for w in text.split() if w[:1].isupper()), acronyms))


class Counterpart(NamedTuple):
    """The best sentence of the other source for one sentence, and whether it is close enough to be a match.

    A named tuple rather than a frozen dataclass: an event makes one per sentence and other source (a million
    at 10,000 articles), and a tuple is built several times faster; it is as immutable and as picklable.
    """

    sentence_id: int
    best_id: int | None
    score: float
    matched: bool
    mutual: bool = False  # the best sentence's own best in this source is this sentence


def score_block(
    a: Sequence[Sentence],
    b: Sequence[Sentence],
    matcher: Matcher,
    acronyms: Mapping[str, str] | None,
    terms: Mapping[str, str] | None = None,
) -> np.ndarray:
    """len(a) x len(b) same-claim probabilities.

    A pair's score depends on its two texts alone, so each distinct text is scored once and the block expanded:
    outlets that run the same agency copy repeat sentences word for word, and a block of an event's sentences
    against themselves shrinks by the square of the repeat rate.
    """
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=float)
    texts_a, at_a = _distinct(s.text for s in a)
    texts_b, at_b = (texts_a, at_a) if b is a else _distinct(s.text for s in b)  # one list: the matcher works once
    scores = np.asarray(matcher.same_claim(texts_a, texts_b, acronyms=acronyms, terms=terms), dtype=float)
    if len(texts_a) == len(a) and len(texts_b) == len(b):
        return scores
    return scores[np.ix_(at_a, at_b)]


def _distinct(texts: Iterable[str]) -> tuple[list[str], np.ndarray]:
    """The distinct texts in first-seen order, and where each input text is among them."""
    position: dict[str, int] = {}
    at = [position.setdefault(text, len(position)) for text in texts]
    return list(position), np.asarray(at, dtype=np.intp)


def counterparts(
    a: Sequence[Sentence],
    b: Sequence[Sentence],
    scores: np.ndarray,
    threshold: float,
    *,
    mutual_floor: float = MUTUAL_BEST_FLOOR,
) -> tuple[Counterpart, ...]:
    """Best counterpart in b of every sentence of a; ties go to the earlier sentence (stable)."""
    both = np.zeros((len(a) + len(b), len(a) + len(b)))
    both[: len(a), len(a) :] = scores
    both[len(a) :, : len(a)] = scores.T
    return all_counterparts([a, b], both, threshold, mutual_floor=mutual_floor)[0, 1]


def all_counterparts(
    groups: Sequence[Sequence[Sentence]],
    scores: np.ndarray,
    threshold: float,
    *,
    mutual_floor: float = MUTUAL_BEST_FLOOR,
) -> dict[tuple[int, int], tuple[Counterpart, ...]]:
    """{(i, j): the counterpart in group j of every sentence of group i}, for every two groups i != j, from one
    score block over the sentences of all groups in order (rows and columns alike). One pass over the block
    rather than one per pair of groups: an event of ten sources has ninety pairs."""
    sizes = [len(g) for g in groups]
    offsets = np.cumsum([0, *sizes])
    total = int(offsets[-1])
    present = [k for k, size in enumerate(sizes) if size]  # reduceat cannot take an empty group
    out: dict[tuple[int, int], tuple[Counterpart, ...]] = {}
    if total == 0 or len(present) < 2:
        for i, group in enumerate(groups):
            for j in range(len(groups)):
                if i != j:
                    out[i, j] = tuple(Counterpart(s.id, None, 0.0, False, False) for s in group)
        return out
    starts = offsets[present]
    widths = [sizes[k] for k in present]
    index = np.arange(total)
    # Per row and group: the first column reaching the row's highest score in that group; per column likewise.
    row_top = np.repeat(np.maximum.reduceat(scores, starts, axis=1), widths, axis=1)
    best = np.minimum.reduceat(np.where(scores >= row_top, index[None, :], total), starts, axis=1)
    column_top = np.repeat(np.maximum.reduceat(scores, starts, axis=0), widths, axis=0)
    best_row = np.minimum.reduceat(np.where(scores >= column_top, index[:, None], total), starts, axis=0)
    best_score = np.take_along_axis(scores, best, axis=1)
    own = np.repeat(np.arange(len(present)), widths)  # each row's group, as a position in `present`
    mutual = best_row[own[:, None], best] == index[:, None]
    matched = (best_score >= threshold) | (mutual & (best_score >= min(mutual_floor, threshold)))
    ids = np.array([s.id for g in groups for s in g])
    # Plain Python values from here, one list per group of the other side: one conversion per array rather
    # than one per element.
    best_ids, best_score = ids[best].T.tolist(), best_score.T.tolist()
    mutual, matched = mutual.T.tolist(), matched.T.tolist()
    for i, group in enumerate(groups):
        first, last = int(offsets[i]), int(offsets[i + 1])
        own_ids = [s.id for s in group]
        for j in range(len(groups)):
            if i == j:
                continue
            if not sizes[j]:
                out[i, j] = tuple(Counterpart(s.id, None, 0.0, False, False) for s in group)
                continue
            k = present.index(j)
            out[i, j] = tuple(
                map(
                    Counterpart,
                    own_ids,
                    best_ids[k][first:last],
                    best_score[k][first:last],
                    matched[k][first:last],
                    mutual[k][first:last],
                )
            )
    return out


# Memory. An event's pairs are scored in blocks, each holding at most SCORE_BUDGET_BYTES of arrays. The lexical
# matcher reads a sentence as units (the whole sentence, its clauses, pairs of neighbouring clauses: two to three
# in news text), and a block's largest arrays are units of one side by units of the other: the shared key weight
# of every kind of key at once (compare.similarity.LexicalReading: one sparse product a block, made dense), then
# each feature's coverage shares and the clause model's running sum, UNIT_PAIR_BYTES a unit pair at the peak.
# The sentence-by-sentence arrays (the sentence model's sum, two rapidfuzz ratios, the probabilities and the
# best-counterpart reduction) add SENTENCE_PAIR_BYTES a sentence pair. Both measured with tracemalloc and rounded
# up: a block of 596 x 805 generated sentences (2.0 million unit pairs) planned at 227 MB peaked at 212 MB.
# 256 MB thus holds about 2.5 million unit pairs, some 500 x 500 sentences: an event of ordinary articles is one
# block per source, two long ones are cut into many, and the memory of a run no longer grows with the product of
# two sources' sentences.
SCORE_BUDGET_BYTES = 256 * 2**20
UNIT_PAIR_BYTES = 96
SENTENCE_PAIR_BYTES = 64


@dataclass(frozen=True)
class _Memberships:
    """Which sources hold each distinct text: one row per (text, source), sorted by text, with the first
    sentence (its index over the event) of that source with that text."""

    item: np.ndarray
    group: np.ndarray
    first: np.ndarray
    start: np.ndarray  # per text, its first row (and the number of rows at the end)


def cross_counterparts(
    groups: Sequence[Sequence[Sentence]],
    matcher: Matcher,
    acronyms: Mapping[str, str] | None,
    terms: Mapping[str, str] | None,
    threshold: float,
    *,
    mutual_floor: float = MUTUAL_BEST_FLOOR,
    budget: int = SCORE_BUDGET_BYTES,
) -> dict[tuple[int, int], tuple[Counterpart, ...]]:
    """What all_counterparts gives from one block over the event's sentences (one group per source), scoring
    only pairs of sentences from two different sources, each distinct pair of texts once, in blocks of at most
    `budget` bytes.

    Distinct texts are ordered by the one source that has them, those found in several sources last, so that the
    pairs to score form a staircase: each source's own texts against those of the sources after it and the
    shared ones, and the shared ones against each other. Scores are symmetric, so a block also gives the pairs
    the other way round. A block keeps, per text and source, only the best score and the earliest sentence
    reaching it; the matcher scores a pair alike in any block (compare.similarity.BlockScorer), so the
    counterparts are those of one block, whatever the budget.
    """
    sizes = [len(g) for g in groups]
    if sum(1 for size in sizes if size) < 2:  # nothing to compare: every counterpart empty
        return all_counterparts(groups, np.zeros((sum(sizes), sum(sizes))), threshold, mutual_floor=mutual_floor)
    sources = len(groups)
    sentences = [s for g in groups for s in g]
    group_of = np.repeat(np.arange(sources, dtype=np.int64), sizes)
    seen: dict[str, int] = {}
    item = np.fromiter((seen.setdefault(s.text, len(seen)) for s in sentences), dtype=np.int64, count=len(sentences))
    distinct = len(seen)
    # One row per (text, source), sorted by text then source; np.unique keeps each pair's first sentence.
    pairs, first = np.unique(item * sources + group_of, return_index=True)
    pair_item, pair_group = pairs // sources, pairs % sources
    holders = np.bincount(pair_item, minlength=distinct)
    home = np.where(holders == 1, pair_group[np.searchsorted(pair_item, np.arange(distinct))], sources)
    order = np.argsort(home, kind="stable")  # by home source, the shared texts last; first seen first
    rank = np.empty(distinct, dtype=np.int64)
    rank[order] = np.arange(distinct)
    texts = list(seen)
    scorer = block_scorer(matcher, [texts[i] for i in order], acronyms=acronyms, terms=terms)
    resorted = np.lexsort((pair_group, rank[pair_item]))
    members_item = rank[pair_item][resorted]
    members = _Memberships(
        members_item, pair_group[resorted], first[resorted].astype(np.int64),
        np.searchsorted(members_item, np.arange(distinct + 1)),
    )
    best_score = np.full((distinct, sources), -np.inf)
    best_first = np.full((distinct, sources), len(sentences), dtype=np.int64)
    bounds = np.searchsorted(home[order], np.arange(sources + 1))  # where each source's own texts start; shared last
    for rows, cols in _one_block(scorer.units, budget) or _staircase(scorer.units, bounds, budget):
        scores = scorer.score(rows, cols)
        _keep_best(best_score, best_first, scores, rows, cols, members)
        if rows != cols:
            _keep_best(best_score, best_first, scores.T, cols, rows, members)
    return _read_counterparts(groups, rank[item], best_score, best_first, threshold, mutual_floor)


def _one_block(units: np.ndarray, budget: int) -> list[tuple[slice, slice]]:
    """Every text against every text in one block, when that fits `budget`. It scores each source's own pairs
    too (whose scores go unread), but an event of a few hundred sentences costs less as one block than as the
    staircase's dozen: each block pays for slicing the reading and folding the best."""
    texts, unit_count = len(units), int(units.sum())
    if UNIT_PAIR_BYTES * unit_count**2 + SENTENCE_PAIR_BYTES * texts**2 > budget:
        return []
    return [(slice(0, texts), slice(0, texts))]


def _staircase(units: np.ndarray, bounds: np.ndarray, budget: int) -> Iterator[tuple[slice, slice]]:
    """The blocks (rows, cols) covering every pair of distinct texts held by two different sources, each once:
    a source's own texts [bounds[i], bounds[i + 1]) against every later text, and the shared texts
    [bounds[-1], end) against themselves; each tile under `budget` bytes."""
    total = len(units)
    cumulative = np.concatenate([[0], np.cumsum(units)])
    for i in range(len(bounds) - 1):
        if bounds[i] < bounds[i + 1] < total:
            yield from _tiles(cumulative, (int(bounds[i]), int(bounds[i + 1])), (int(bounds[i + 1]), total), budget)
    shared = int(bounds[-1])
    for first, last in _runs(cumulative, shared, total, _square_side(budget)):
        yield slice(first, last), slice(first, last)
        if last < total:
            yield from _tiles(cumulative, (first, last), (last, total), budget)


def _square_side(budget: int) -> int:
    """Units a side of a square block may hold (sentence pairs counted as unit pairs: there are fewer)."""
    return max(1, math.isqrt(budget // (UNIT_PAIR_BYTES + SENTENCE_PAIR_BYTES)))


def _runs(cumulative: np.ndarray, first: int, last: int, cap: int) -> Iterator[tuple[int, int]]:
    """Consecutive texts [first, last) cut into runs of at most `cap` units (at least one text a run)."""
    while first < last:
        end = int(np.searchsorted(cumulative, cumulative[first] + cap, side="right")) - 1
        end = min(max(end, first + 1), last)
        yield first, end
        first = end


def _tiles(
    cumulative: np.ndarray, rows: tuple[int, int], cols: tuple[int, int], budget: int
) -> Iterator[tuple[slice, slice]]:
    """rows x cols cut into blocks under `budget`: the columns into runs as wide as the rows let them be (at
    least a square's side), then each run's rows into runs as tall as the budget allows."""
    row_units = int(cumulative[rows[1]] - cumulative[rows[0]])
    per_pair = UNIT_PAIR_BYTES + SENTENCE_PAIR_BYTES
    width = max(_square_side(budget), budget // (per_pair * max(1, row_units)))
    for c0, c1 in _runs(cumulative, cols[0], cols[1], width):
        col_units, col_count = int(cumulative[c1] - cumulative[c0]), c1 - c0
        # rows: each text adds its units times the columns' units, and one sentence pair per column
        costs = UNIT_PAIR_BYTES * col_units * (cumulative[rows[0] : rows[1] + 1] - cumulative[rows[0]])
        costs = costs + SENTENCE_PAIR_BYTES * col_count * np.arange(rows[1] - rows[0] + 1)
        r0 = rows[0]
        while r0 < rows[1]:
            fits = int(np.searchsorted(costs - costs[r0 - rows[0]], budget, side="right")) - 1 + rows[0]
            r1 = min(max(fits, r0 + 1), rows[1])
            yield slice(r0, r1), slice(c0, c1)
            r0 = r1


def _keep_best(
    best_score: np.ndarray, best_first: np.ndarray, scores: np.ndarray, rows: slice, cols: slice, members: _Memberships
) -> None:
    """Fold a block into the running best, per row text and source: the highest score among that source's texts
    in the block, and the earliest sentence of the source reaching it (the earlier sentence wins a tie across
    blocks too)."""
    span = slice(int(members.start[cols.start]), int(members.start[cols.stop]))
    by_source = np.argsort(members.group[span], kind="stable")
    group = members.group[span][by_source]
    column = members.item[span][by_source] - cols.start
    first = members.first[span][by_source]
    if len(column) == 0:
        return
    starts = np.flatnonzero(first_of_runs(group))
    widths = np.diff(np.append(starts, len(column)))
    # A text held by several sources stands once for each; most columns are one source's own texts.
    as_scored = len(column) == scores.shape[1] and (column == np.arange(len(column))).all()
    spread = scores if as_scored else scores[:, column]
    top = np.maximum.reduceat(spread, starts, axis=1)
    reaching = np.where(spread >= np.repeat(top, widths, axis=1), first[None, :], np.iinfo(np.int64).max)
    earliest = np.minimum.reduceat(reaching, starts, axis=1)
    sources = group[starts]
    held, held_first = best_score[rows, sources], best_first[rows, sources]
    better = (top > held) | ((top == held) & (earliest < held_first))
    best_score[rows, sources] = np.where(better, top, held)
    best_first[rows, sources] = np.where(better, earliest, held_first)


def _read_counterparts(
    groups: Sequence[Sequence[Sentence]],
    item: np.ndarray,
    best_score: np.ndarray,
    best_first: np.ndarray,
    threshold: float,
    mutual_floor: float,
) -> dict[tuple[int, int], tuple[Counterpart, ...]]:
    """Counterparts from the best per distinct text and source: a sentence's best in another source is its
    text's; the pair is mutual when that sentence's own best in this source is this sentence."""
    offsets = np.cumsum([0, *(len(g) for g in groups)])
    ids = np.array([s.id for g in groups for s in g], dtype=np.int64)
    floor = min(mutual_floor, threshold)
    out: dict[tuple[int, int], tuple[Counterpart, ...]] = {}
    for i, group in enumerate(groups):
        own = np.arange(offsets[i], offsets[i + 1])
        own_ids = [s.id for s in group]
        # every other source at once: a column per source
        best = best_first[item[own]]
        score = best_score[item[own]]
        mutual = best_first[item[np.minimum(best, len(item) - 1)], i] == own[:, None]
        matched = (score >= threshold) | (mutual & (score >= floor))
        best_ids, scores = ids[np.minimum(best, len(item) - 1)].T.tolist(), score.T.tolist()
        mutual, matched = mutual.T.tolist(), matched.T.tolist()
        for j, other in enumerate(groups):
            if i == j:
                continue
            if not other:
                out[i, j] = tuple(Counterpart(s.id, None, 0.0, False, False) for s in group)
                continue
            out[i, j] = tuple(map(Counterpart, own_ids, best_ids[j], scores[j], matched[j], mutual[j]))
    return out
