"""The fact reader skips a sentence for a kind of fact when none of the words that kind's pattern needs is in
it (compare.facts._letter_runs): checked against reading every sentence with the patterns alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import compare.facts as facts
from compare.facts import source_facts
from compare.models import Source
from compare.pipeline import prepare

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "fixtures" / "articles").glob("*.txt")])

# Each states a fact through a word of the hint sets in an unusual spelling: upper case, a hyphen, letters that
# case-blind matching reads as ASCII ones (dotted and dotless i, long s, the Kelvin sign).
ODD_SPELLINGS = (
    "The two leaders met on Tuesday for a 90-MINUTE meeting in Vienna.",
    "The talks lasted about three hours and the leaders signed 12 agreements.",
    "Defence Mınister Anna Berg attended the talks, which lasted two hours.",
    "PRİME MİNİSTER Karl Jensen held a two-hour meeting with \u212aing Olav.",
    "Their three-day state visit ended on Friday; 20 leaders took part in the summit.",
    "Vice-President Maria Lopez and Press Secretary John Smith met for two hours.",
    "The leaders met on Tuesday EVENING and again at Midday, when 3 accords were signed.",
    "The two leaders met in Oslo for their SECOND MEETİNG.",
)
# Read by the patterns only: the readers look the matched words up as written, which a long s is not.
PATTERN_ONLY = ("The leaders \u017figned 4 agreements after talks that lasted two hour\u017f.",)


HINTS = (facts._DURATION_HINTS | facts._COUNT_HINTS | facts._PERSON_HINTS | facts._PARTS_OF_DAY_HINTS
         | facts._ORDINAL_HINTS)


def _unhinted(monkeypatch):
    """Every sentence holds every hint word: the patterns alone decide (and no text read before is remembered)."""
    monkeypatch.setattr(facts, "_letter_runs", lambda _text: HINTS)
    for reader in vars(facts).values():
        if hasattr(reader, "cache_clear") and hasattr(reader, "__wrapped__"):
            reader.cache_clear()


def _facts(text: str, source_id: str):
    prepared = prepare(Source(id=source_id, path=f"{source_id}.txt", text=text, published="2025-03-04"))
    return source_facts(prepared.source, prepared.sentences, prepared.source.published)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_hints_change_no_fact_of_an_article(path, monkeypatch):
    text = path.read_text(encoding="utf-8")
    hinted = _facts(text, path.stem)
    _unhinted(monkeypatch)
    assert hinted == _facts(text, path.stem)


def test_hints_change_no_fact_of_odd_spellings(monkeypatch):
    text = " ".join(ODD_SPELLINGS)
    hinted = _facts(text, "odd")
    assert {f.kind for f in hinted} >= {"duration", "count", "person", "time_of_day", "ordinal"}
    _unhinted(monkeypatch)
    assert hinted == _facts(text, "odd")


@pytest.mark.parametrize("sentence", ODD_SPELLINGS + PATTERN_ONLY)
def test_a_sentence_the_patterns_match_is_never_skipped(sentence):
    runs = facts._letter_runs(sentence)
    for pattern, hints in ((facts._DURATION, facts._DURATION_HINTS), (facts._PERSON, facts._PERSON_HINTS),
                           (facts._COUNT_VERB_FIRST, facts._COUNT_HINTS), (facts._COUNT_VERB_AFTER, facts._COUNT_HINTS),
                           (facts._PARTS_OF_DAY, facts._PARTS_OF_DAY_HINTS), (facts._ORDINAL, facts._ORDINAL_HINTS)):
        if pattern.search(sentence):
            assert not runs.isdisjoint(hints), (pattern.pattern[:40], sentence)


def test_a_sentence_without_hint_words_is_skipped():
    assert facts._letter_runs("The ministers discussed trade in Vienna.").isdisjoint(HINTS)
