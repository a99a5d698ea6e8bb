"""Negations and their clauses: the one-pass clause reading against a direct reference, and its cost."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.judge import Side, judge_pair
from compare.judge.negation import (
    DENIAL_REACH, NEGATED_CLAUSE_SHARED, NEGATION_WINDOW, _negations, _verb, _written_tokens, negated_words,
    negates_shared_clause,
)
from compare.lang.en.judging import BE_FORMS, CLAUSE_ENDS, DENIALS, NEGATING_VERBS
from compare.models import Relation, Sentence
from compare.similarity import content_tokens


def _clause_share(toks, at, shared, acronyms) -> float:
    """Share of the content words of the clause around toks[at] that `shared` holds, read afresh each time."""
    start = at
    while start > 0 and toks[start - 1] not in CLAUSE_ENDS:
        start -= 1
    end = at
    while end < len(toks) and toks[end] not in CLAUSE_ENDS:
        end += 1
    words = {_verb(w) for w in content_tokens(" ".join(toks[start:end]), acronyms)}
    shared = {_verb(s) for s in shared}
    return len(words & shared) / len(words) if words else 0.0


def reference_negated_words(text, shared, acronyms=None):
    """Each negation's predicate, read directly: the first content word after the cue in its clause that is not
    a name, a number or an adverb in -ly (a denial reads on to the first shared one), when shared (irregular verb
    forms read as their verb)."""
    toks, positions = _negations(text)
    written = _written_tokens(text)
    hits = []
    for i in positions:
        if _clause_share(toks, i, shared, acronyms) < NEGATED_CLAUSE_SHARED:
            continue
        if toks[i] in NEGATING_VERBS and i > 0 and toks[i - 1] in BE_FORMS:
            continue
        reach = DENIAL_REACH if toks[i] in DENIALS else NEGATION_WINDOW
        for k in range(i + 1, min(len(toks), i + 1 + reach)):
            if toks[k] in CLAUSE_ENDS:
                break
            if not written[k][0].isalpha() or written[k][0].isupper():
                continue
            stems = content_tokens(toks[k], acronyms)
            if stems and _verb(stems[0]) in {_verb(s) for s in shared}:
                hits.append(toks[k])
                break
            if stems and not toks[k].endswith("ly") and toks[i] not in DENIALS:
                break
    return hits


def reference_negates_shared_clause(text, shared, acronyms=None):
    toks, positions = _negations(text)
    return any(_clause_share(toks, i, shared, acronyms) >= NEGATED_CLAUSE_SHARED for i in positions)


WORDS = ["not", "no", "never", "denied", "failed", "rejected", "did", "ministers", "discuss", "quotas", "talks",
         "the", "agreed", "plan", "reports", "that", "troops", "moved", ",", ";", ".", "(", ")", "—", "only",
         "was", "canceled", "rather", "than", "instead", "of", "immediately", "Oslo", "12", "held", "hold"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40), st.sets(st.sampled_from(WORDS), max_size=8))
def test_one_pass_clauses_find_what_reading_each_clause_afresh_finds(words, shared_words):
    text = " ".join(words)
    shared = {stem for word in shared_words for stem in content_tokens(word)}
    assert negated_words(text, shared, None) == reference_negated_words(text, shared)
    assert negates_shared_clause(text, shared, None) == reference_negates_shared_clause(text, shared)


def test_a_long_sentence_full_of_negations_is_judged_in_time_linear_in_its_length():
    """A 200 KB clause with thousands of negations, against a short sentence: each negation once, not its whole
    clause again for each (that took over a minute)."""
    unit = "the ministers did not discuss fishing quotas and officials would not confirm the plan and "
    text = unit * (200_000 // len(unit)) + "end."
    short = "The ministers discussed fishing quotas and officials confirmed the plan."
    long_side = Side("a", Sentence("a", 0, 0, len(text), text))
    short_side = Side("b", Sentence("b", 0, 0, len(short), short))
    started = time.perf_counter()
    verdicts = [judge_pair(long_side, short_side, 0.7), judge_pair(short_side, long_side, 0.7)]
    elapsed = time.perf_counter() - started
    assert [v.relation for v in verdicts] == [Relation.CONTRADICT, Relation.CONTRADICT]
    assert elapsed < 5.0, f"{elapsed:.1f} s"
