"""Per-sentence caching shared by the judge's checks, and its tokenizer."""

from __future__ import annotations

from functools import lru_cache

from compare.lang.en.judging import TOKEN

# Entries of each per-sentence cache of the judge: it asks about the same sentences (and words) many times
# within an event, never across events, so a few thousand keep every hit while a worker's memory stays flat over
# a long run (at 50,000 entries each, a worker held a few hundred MB of them on the 10,000-article corpus).
SENTENCE_CACHE = 8192


@lru_cache(maxsize=SENTENCE_CACHE)
def tokens(text: str) -> tuple[str, ...]:
    """Words, numbers, "n't" and single punctuation marks of `text`, lower-cased."""
    return tuple(t.lower() for t in TOKEN.findall(text.replace("’", "'")))
