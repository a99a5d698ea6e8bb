"""Phrases by which a sentence leaves its claim open or only reports it: read by the judge's certainty, open
detail and hedged rules, and by the claim matrix (one detector for both)."""

from __future__ import annotations

import re
from functools import lru_cache

from compare.judge.text import SENTENCE_CACHE
from compare.lang import LEXICON
from compare.similarity import content_tokens
from compare.lang.en.judging import (
    CAPITALISED, CLAUSE_ENDS, CONTRAST_TURNS, HEDGE_SCOPE_OPENERS, INTENT_VERBS, PUNCT, QUESTION_OPENERS,
    SOFT_HEDGES, TOKEN, UNCERTAIN_WHETHER, UNCLEAR_DETAIL, UNSETTLED,
)

# Where what a sentence leaves open ends: its clause (a point ends none within one sentence: "the U.S. forces").
CLAUSE_END = re.compile("[" + re.escape("".join(sorted(CLAUSE_ENDS - {"."}))) + "]")


@lru_cache(maxsize=SENTENCE_CACHE)
def uncertain_whether(text: str) -> str | None:
    """The phrase that leaves the claim's occurrence open ("it was not made clear whether"), or None."""
    m = UNCERTAIN_WHETHER.search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=SENTENCE_CACHE)
def names_left_open(text: str) -> tuple[str, ...]:
    """The names in what `text` leaves open, up to the end of its clause: "it remains to be seen whether Rossi,
    whose party ..." -> ("Rossi",); empty when nothing is left open or it names nobody. A people's adjective
    describes someone without naming him ("whether he trusted the Chinese leader")."""
    m = UNCERTAIN_WHETHER.search(text)
    if m is None or not _asks_ahead(m.group(0)):
        return ()
    clause = CLAUSE_END.split(text[m.end():], maxsplit=1)[0]
    return tuple(w for w in (w.strip(PUNCT) for w in clause.split())
                 if CAPITALISED.match(w) and w.lower() not in LEXICON.demonym_country)


@lru_cache(maxsize=SENTENCE_CACHE)
def claim_left_open(text: str) -> str:
    """The words of the claim `text` leaves open: after a phrase that asks ahead ("it is unclear whether ..."), the
    rest of the sentence; before one that refers back ("..., though the ministry has not confirmed this"), what
    comes before it. Empty when nothing is left open."""
    m = UNCERTAIN_WHETHER.search(text)
    if m is None:
        return ""
    if _asks_ahead(m.group(0)):
        return text[m.end():]
    before = text[: m.start()].split()  # the claim ends where the sentence turns to its doubt ("..., though")
    turn = max((i for i, w in enumerate(before) if w.strip(PUNCT).lower() in CONTRAST_TURNS), default=len(before))
    return " ".join(before[:turn])


def _asks_ahead(phrase: str) -> bool:
    """Whether a phrase of doubt asks about what follows it ("whether", "if"), not what came before ("this")."""
    return phrase.split()[-1].lower() in {"whether", "if"}


@lru_cache(maxsize=SENTENCE_CACHE)
def unclear_detail(text: str) -> str | None:
    """The phrase that leaves a detail of the claim open ("it was not immediately clear when"), or None."""
    m = UNCLEAR_DETAIL.search(text) or UNSETTLED.search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=SENTENCE_CACHE)
def soft_hedge(text: str) -> str | None:
    """The word or phrase that only reports the claim as likely or said ("reportedly", "is expected to"), or None.

    A hedge inside a question the sentence reports ("launched a probe into whether dumping may have occurred",
    "asked if the talks might resume") is the question's, not the sentence's: the probe and the asking are stated
    as fact."""
    for m in SOFT_HEDGES.finditer(text):
        if not _inside_question(text, m.start()):
            return m.group(0)
    return None


@lru_cache(maxsize=SENTENCE_CACHE)
def soft_hedge_scope(text: str) -> str:
    """The words a soft hedge of `text` governs: its clause, cut before it at a clause mark or a word that opens
    another clause ("... accepted the invitation, and that he might also meet ...": only the meeting is hedged),
    and after it at a clause mark; a hedge set off by commas governs the whole sentence. Empty when `text` has no
    soft hedge."""
    for m in SOFT_HEDGES.finditer(text):
        if _inside_question(text, m.start()):
            continue
        before = CLAUSE_END.split(text[: m.start()])[-1].split()
        opened = max((i + 1 for i, w in enumerate(before) if w.strip(PUNCT).lower() in HEDGE_SCOPE_OPENERS), default=0)
        after = CLAUSE_END.split(text[m.end():], maxsplit=1)[0]
        scope = " ".join(before[opened:]) + " " + after
        # A hedge set off by commas ("Reportedly, ...", "..., reportedly.") governs the whole sentence.
        return scope if scope.strip(PUNCT + " ") else text
    return ""


def hedged_predicate(text: str, acronyms) -> str | None:
    """The stem of the first word a soft hedge of `text` governs, in its clause: "may meet Kim" -> "meet",
    "reportedly lasted two hours" -> "last"; None without a soft hedge or a word after it."""
    for m in SOFT_HEDGES.finditer(text):
        if _inside_question(text, m.start()):
            continue
        for word in CLAUSE_END.split(text[m.end():], maxsplit=1)[0].split():
            stems = content_tokens(word.strip(PUNCT), acronyms)
            if stems and not word.strip(PUNCT).lower().endswith("ly"):
                return stems[0]
        return None
    return None


def only_intended(text: str, stem: str, acronyms) -> bool:
    """Whether `text` says `stem` only as an intention or a readiness, each time within a few words after one
    ("wanted to meet", "is willing to meet", "plans to sign"), and at least once."""
    words = TOKEN.findall(text.lower().replace("’", "'"))
    seen = False
    for k, word in enumerate(words):
        if tuple(content_tokens(word, acronyms))[:1] != (stem,):
            continue
        before = words[max(0, k - 3) : k]
        if "to" not in before or INTENT_VERBS.isdisjoint(before):
            return False
        seen = True
    return seen


def _inside_question(text: str, at: int) -> bool:
    """Whether position `at` follows "whether" or "if" within its clause."""
    clause = CLAUSE_END.split(text[:at])[-1]
    return not QUESTION_OPENERS.isdisjoint(w.strip(PUNCT).lower() for w in clause.split())


def hedge(text: str) -> str | None:
    """Any phrase by which `text` leaves its claim open or only reports it, or None: what makes a sentence
    "hedged" in the claim matrix, and what the certainty, open detail and hedged rules weigh."""
    return uncertain_whether(text) or unclear_detail(text) or soft_hedge(text)
