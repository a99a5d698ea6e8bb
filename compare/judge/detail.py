"""Detail one sentence adds to the other: what makes a pair partial rather than agreeing."""

from __future__ import annotations

from functools import lru_cache

from compare.config import JudgingConfig
from compare.judge.text import SENTENCE_CACHE
from compare.lang.en.judging import PUNCT
from compare.similarity import AcronymKey, acronym_key, content_tokens

# How much one side must add for a pair to be "partial": JudgingConfig's partial_extra_share, min_extra_words and
# contained_share (compare/config.py).


def extra_words(text: str, other_tokens: set[str], acronyms) -> list[str]:
    """Runs of words of `text` whose content the other sentence lacks, longest first."""
    runs: list[list[str]] = [[]]
    for word, stems in _word_stems(text, acronym_key(acronyms)):
        if stems and stems.isdisjoint(other_tokens):
            runs[-1].append(word)
        elif stems:
            runs.append([])
        elif runs[-1]:
            runs[-1].append(word)
    cleaned = [" ".join(r).strip(",.;:") for r in runs if r]
    return sorted((r for r in cleaned if r), key=lambda r: (-len(r.split()), r))


@lru_cache(maxsize=SENTENCE_CACHE)
def _word_stems(text: str, acronyms: AcronymKey) -> tuple[tuple[str, frozenset[str]], ...]:
    """Each word of `text` with its content stems, read once per sentence: a sentence is compared with many."""
    return tuple((word, frozenset(content_tokens(word, acronyms))) for word in text.split())


def added_detail(text: str, own: set[str], other: set[str], acronyms, config: JudgingConfig = JudgingConfig()) -> list[str]:
    """Runs of words that `text` adds to the other sentence, when they amount to a detail of the claim.

    A side adds detail when much of its content is missing from the other side and either the other side is
    (nearly) contained in it or what it adds names someone, something or a number. Two sentences that each
    word the claim their own way ("take effect" / "enter into force") add nothing: they agree.
    """
    extra, lacking = own - other, other - own
    if len(extra) < config.min_extra_words or len(extra) / max(len(own), 1) < config.partial_extra_share:
        return []
    runs = extra_words(text, other, acronyms)
    contained = len(lacking) / max(len(other), 1) <= config.contained_share
    names = names_and_numbers(text)
    named = any(word.strip(PUNCT) in names for run in runs for word in run.split())
    return runs if runs and (contained or named) else []


@lru_cache(maxsize=SENTENCE_CACHE)
def names_and_numbers(text: str) -> frozenset[str]:
    """Capitalised words past the first word, and numbers: what makes an added phrase a detail (cached: a
    sentence is compared with many)."""
    words = [w.strip(PUNCT) for w in text.split()]
    return frozenset({w for i, w in enumerate(words) if w and (w[0].isdigit() or (i > 0 and w[0].isupper()))})
