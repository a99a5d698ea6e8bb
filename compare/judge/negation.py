"""Negations and what they reach: which shared words a sentence denies, and whether it denies in other words."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from compare.judge.hedges import unclear_detail, uncertain_whether
from compare.judge.text import SENTENCE_CACHE, tokens
from compare.judge.words import (
    CLAUSE_ENDS, DENIALS, DENYING_CUES, DENYING_VERBS, NEGATIONS, OPPOSITES, UNCERTAIN_WHETHER, UNCLEAR_DETAIL,
)
from compare.similarity import AcronymKey, acronym_key, content_tokens

# A negation only counts when a word the two sentences share follows it within this many words, in its clause.
NEGATION_WINDOW = 4
# A denial reaches the claim it denies, which follows in a that-clause: "denied reports that Manila had asked
# for warships" denies the asking. Its reach is the rest of its clause, up to this many words.
DENIAL_REACH = 12
# ... and only when the other sentence shares at least this share of the negated clause's content words: the
# two must be saying something about the same thing for one to deny what the other affirms. Tuned with the
# tests in tests/rules/test_polarity.py and on the benchmark corpus (bench/generate.py), where without it 62 pairs such
# as "quotas were not talked about" / "the talks lasted 90 minutes" came out as polarity conflicts.
NEGATED_CLAUSE_SHARED = 0.5


@lru_cache(maxsize=SENTENCE_CACHE)
def _negations(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The tokens of `text` with any "not clear whether" phrase taken out, and where its negations stand (once
    per sentence: a sentence is judged against a counterpart in every other source of its event)."""
    if uncertain_whether(text):
        text = UNCERTAIN_WHETHER.sub(" ", text)
    if unclear_detail(text):
        text = UNCLEAR_DETAIL.sub(" ", text)  # "not clear when" denies nothing
    toks = tokens(text)
    found = [
        i for i, tok in enumerate(toks)
        if tok in NEGATIONS and not (tok == "not" and i + 1 < len(toks) and toks[i + 1] == "only")
    ]
    return toks, _uncancelled(toks, found)


def _uncancelled(toks: Sequence[str], found: list[int]) -> tuple[int, ...]:
    """Negations left once each one that another negation follows closely, in its clause, is cancelled with
    it: "denied that Oslo had rejected the proposal" says Oslo did not reject it, "failed to reject" likewise."""
    kept: list[int] = []
    k = 0
    while k < len(found):
        i = found[k]
        following = found[k + 1] if k + 1 < len(found) else None
        if (following is not None and following - i <= NEGATION_WINDOW
                and not any(t in CLAUSE_ENDS for t in toks[i + 1 : following])):
            k += 2  # a negated negation
            continue
        kept.append(i)
        k += 1
    return tuple(kept)


def negated_words(text: str, shared: set[str], acronyms) -> list[str]:
    """Shared content words that stand within a negation's reach, e.g. "did not discuss X" -> ["discuss"]."""
    toks, positions = _negations(text)
    about_shared = _negated_clauses_about(text, shared, acronyms)
    hits = []
    for i, negated in zip(positions, about_shared):
        if not negated:
            continue  # "Fishing quotas were not talked about" says nothing of "the talks lasted 90 minutes"
        reach = DENIAL_REACH if toks[i] in DENIALS else NEGATION_WINDOW
        for follower in toks[i + 1 : i + 1 + reach]:
            if follower in CLAUSE_ENDS:
                break  # "were not discussed, the ministry said": the negation does not reach past the clause
            stems = content_tokens(follower, acronyms)
            if stems and stems[0] in shared:
                hits.append(follower)
                break
    return hits


@lru_cache(maxsize=1)
def _opposite_stems() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """As stems: each verb's opposites (both ways, from OPPOSITES), the denying cues, the denying verbs."""
    out: dict[str, set[str]] = {}
    for word, opposites in OPPOSITES:
        (stem,) = content_tokens(word)
        for other in opposites.split():
            (other_stem,) = content_tokens(other)
            out.setdefault(stem, set()).add(other_stem)
            out.setdefault(other_stem, set()).add(stem)
    cues = frozenset(content_tokens(v)[0] for v in DENYING_CUES)
    denying = frozenset(content_tokens(v)[0] for v in DENYING_VERBS)
    return {stem: frozenset(others) for stem, others in out.items()}, cues, denying


def denies_alike(text: str, other_tokens: set[str], acronyms) -> bool:
    """Whether a negation of `text` says what the other sentence affirms in other words: "will not accept" against
    "would oppose", or a denying verb ("rejected") against another ("opposed")."""
    toks, positions = _negations(text)
    opposites, cues, denying = _opposite_stems()
    for i in positions:
        cue = content_tokens(toks[i], acronyms)
        if cue and cue[0] in cues and other_tokens & denying:
            return True
        for follower in toks[i + 1 : i + 1 + NEGATION_WINDOW]:
            if follower in CLAUSE_ENDS:
                break
            stems = content_tokens(follower, acronyms)
            if stems and opposites.get(stems[0], frozenset()) & other_tokens:
                return True
    return False


def negates_shared_clause(text: str, shared: set[str], acronyms) -> bool:
    """Whether a clause about what the two sentences share is negated ("X were not talked about")."""
    return any(_negated_clauses_about(text, shared, acronyms))


def _negated_clauses_about(text: str, shared: set[str], acronyms) -> list[bool]:
    """For each negation of `text`, whether the other sentence shares at least NEGATED_CLAUSE_SHARED of the
    content words of its clause. Each clause is weighed once, however many negations it holds, so a sentence
    costs time in proportion to its length."""
    clause_of, clause_words = _negated_clauses(text, acronym_key(acronyms))
    about: dict[int, bool] = {}
    out = []
    for clause in clause_of:
        if clause not in about:
            words = clause_words[clause]
            about[clause] = bool(words) and len(words & shared) / len(words) >= NEGATED_CLAUSE_SHARED
        out.append(about[clause])
    return out


@lru_cache(maxsize=SENTENCE_CACHE)
def _negated_clauses(text: str, acronyms: AcronymKey) -> tuple[tuple[int, ...], tuple[frozenset[str], ...]]:
    """Which clause each negation of `text` stands in (by number), and the content words of each such clause; a
    clause runs between clause-ending marks. Found in one pass over the tokens (once per sentence)."""
    toks, positions = _negations(text)
    clause_of: list[int] = []
    clause_words: list[frozenset[str]] = []
    start = end = -1  # the clause of the previous negation: toks[start:end]
    for at in positions:
        if not start <= at < end:
            start = at
            while start > 0 and toks[start - 1] not in CLAUSE_ENDS:
                start -= 1
            end = at
            while end < len(toks) and toks[end] not in CLAUSE_ENDS:
                end += 1
            clause_words.append(frozenset(content_tokens(" ".join(toks[start:end]), acronyms)))
        clause_of.append(len(clause_words) - 1)
    return tuple(clause_of), tuple(clause_words)
