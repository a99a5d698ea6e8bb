"""Named people and places in the same slot of two alike sentences: a different name is a different claim."""

from __future__ import annotations

import difflib
from functools import lru_cache

from compare.judge.text import SENTENCE_CACHE
from compare.judge.verdict import Clash
from compare.judge.words import CAPITALISED, PUNCT
from compare.metadata import country_of_capital, normalise_place
from compare.similarity import normalise


def _name_key(words: list[str], acronyms) -> str:
    """What a name in a slot stands for: place variants folded, and a capital read as its country."""
    phrase = " ".join(words)
    place = normalise_place(phrase)
    return normalise(country_of_capital(place) or place, acronyms) or phrase.casefold()


@lru_cache(maxsize=SENTENCE_CACHE)
def _name_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words with surrounding punctuation stripped, and the same lower-cased (once per sentence)."""
    words = tuple(w.strip(PUNCT) for w in text.split())
    return words, tuple(w.lower() for w in words)


@lru_cache(maxsize=SENTENCE_CACHE)
def _capitalised_after_first(text: str) -> frozenset[str]:
    words, lower = _name_words(text)
    return frozenset(low for w, low in zip(words[1:], lower[1:]) if CAPITALISED.match(w))


def name_conflict(a: str, b: str, acronyms) -> Clash | None:
    """A capitalised name in one sentence where the other has a different one, the wording around them alike."""
    ca, la = _name_words(a)
    cb, lb = _name_words(b)
    if la == lb:
        return None  # the same words: nothing is replaced (wire copy run verbatim by several outlets)
    names_a, names_b = _capitalised_after_first(a), _capitalised_after_first(b)
    if names_a <= names_b or names_b <= names_a:
        return None  # one side names nobody the other does not: no name can stand in for another
    matcher = difflib.SequenceMatcher(a=la, b=lb, autojunk=False)
    text_a, text_b = normalise(a, acronyms), normalise(b, acronyms)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i1 == 0 or j1 == 0:
            continue
        left, right = ca[i1:i2], cb[j1:j2]
        if not left or not right or len(left) > 3 or len(right) > 3:
            continue
        if not all(CAPITALISED.match(w) for w in left + right):
            continue
        key_left, key_right = _name_key(left, acronyms), _name_key(right, acronyms)
        if key_left == key_right or key_left in text_b or key_right in text_a:
            continue
        return Clash((" ".join(left),), (" ".join(right),))
    return None
