"""How sure a finding is: `score`, the calibrated probability that its relation is right.

The matcher gives the probability that two sentences state the same claim, calibrated on MRPC (real news
paraphrase pairs). For agreements and omissions that is the score: for a matched pair the same-claim
probability, for an omitted sentence one minus that of its closest sentence.

It is not how sure a contradiction is. A contradiction between two sentences matched at 0.15 is likelier right
than 0.15 says when the two are each other's best match, and a conflict check rarely fires on two sentences that
state different claims. So contradictions, whatever the kind of conflict, are scored by one logistic model of
the log-odds of the pair's same-claim probability and of whether the pair is mutual best, fitted by
bench/calibrate.py on a generated corpus with known relations and checked on another (README, "What the score
means").
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources
from dataclasses import dataclass

from compare.judge.verdict import Kind

# Same-claim probabilities are clipped here before taking log-odds: the matcher's extremes carry no more
# information than this, and the clip keeps a 0.0 or 1.0 from becoming an infinite feature.
_CLIP = 1e-4
# model -> (log-odds coefficient, mutual-best coefficient, intercept), fitted by `python bench/calibrate.py`,
# which writes compare/data/confidence.json with its provenance. Only contradictions: the generated corpora
# paraphrase too easily to calibrate agreement (see FITTED_KINDS there). Refit when the matcher or the judge
# changes.
CONFIDENCE_FILE = "confidence.json"


def read_calibration(text: str) -> dict[str, tuple[float, float, float]]:
    """The models of a confidence.json."""
    return {name: tuple(float(x) for x in coefs) for name, coefs in json.loads(text)["models"].items()}


CALIBRATION = read_calibration((resources.files("compare") / "data" / CONFIDENCE_FILE).read_text(encoding="utf-8"))


@lru_cache(maxsize=None)  # a handful of kinds, asked once per finding
def model_of(kind: str) -> str:
    """Which fitted model scores a kind of finding: every kind of conflict shares one, "contradict" (each alone has
    too few mistakes to fit)."""
    kind = Kind(kind)
    return "contradict" if kind.is_conflict else kind.value


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a finding's score is computed from (plain values: picklable, and the fit reads them too)."""

    kind: Kind  # the finding's Verdict.kind
    probability: float  # same-claim probability of the pair, or of the omitted sentence's closest sentence
    mutual: bool  # the two sentences are each other's best match

    def features(self) -> tuple[float, float]:
        p = min(max(self.probability, _CLIP), 1.0 - _CLIP)
        return math.log(p / (1.0 - p)), 1.0 if self.mutual else 0.0


def uncalibrated(evidence: Evidence) -> float:
    """The matcher's own probability, read for the finding: same claim, or for an omitted sentence, not (4
    decimals)."""
    return round(1.0 - evidence.probability if evidence.kind == Kind.OMITTED else evidence.probability, 4)


def confidence(evidence: Evidence) -> float:
    """The probability that the finding's relation is right (4 decimals, so reports are stable)."""
    model = CALIBRATION.get(model_of(evidence.kind))
    if model is None:
        return uncalibrated(evidence)
    log_odds, mutual = evidence.features()
    z = model[0] * log_odds + model[1] * mutual + model[2]
    return round(1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0, 4)
