"""Choose, for every sentence of one source, its counterpart in another source of the same event.

The matcher (compare.similarity) scores whole blocks of sentences at once; this module only reads the matrix.
A sentence's counterpart is the other source's sentence it scores highest with, when that score reaches the
matcher's threshold; several sentences may share one counterpart (a short sentence can be covered by a longer
one that states more).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from compare.models import Sentence
from compare.similarity import Matcher


@dataclass(frozen=True, slots=True)
class Counterpart:
    """The best sentence of the other source for one sentence, and whether it is close enough to be a match."""

    sentence_id: int
    best_id: int | None
    score: float
    matched: bool


def score_block(
    a: Sequence[Sentence], b: Sequence[Sentence], matcher: Matcher, acronyms: Mapping[str, str] | None
) -> np.ndarray:
    """len(a) x len(b) same-claim probabilities."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=float)
    return np.asarray(matcher.same_claim([s.text for s in a], [s.text for s in b], acronyms=acronyms), dtype=float)


def counterparts(
    a: Sequence[Sentence], b: Sequence[Sentence], scores: np.ndarray, threshold: float
) -> tuple[Counterpart, ...]:
    """Best counterpart in b of every sentence of a; ties go to the earlier sentence of b (stable)."""
    out = []
    for i, sentence in enumerate(a):
        if scores.shape[1] == 0:
            out.append(Counterpart(sentence.id, None, 0.0, False))
            continue
        j = int(np.argmax(scores[i]))
        score = float(scores[i, j])
        out.append(Counterpart(sentence.id, b[j].id, score, score >= threshold))
    return tuple(out)
