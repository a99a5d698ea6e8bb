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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from compare.models import Sentence
from compare.similarity import HybridMatcher, LexicalMatcher, Matcher, Rarity, document_frequencies, default_rarity, get_matcher, terms_tokens

# Below the matcher's threshold, a mutual-best pair still matches from this probability up. Tuned on the seed
# gold (Naples event, lexical matcher with event-local word weights: the weakest true mutual-best pair,
# "upgrading command and control frameworks", scores 0.113, the SOFA pair 0.155, while the strongest mutual-best
# partner of a gold omission scores 0.087) and checked on tests/fixtures/articles. The margin is thin: re-tune
# with compare.similarity.LEXICAL_THRESHOLD on a larger annotated set.
MUTUAL_BEST_FLOOR = 0.10


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
