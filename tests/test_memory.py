"""Bounded memory: an event is scored in blocks under a budget, only across sources, and a source too long to
compare stops the run up front."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import compare.align as align
from compare.align import all_counterparts, confirm_weak_matches, cross_counterparts, matcher_for_event, score_block
from compare.config import AlignmentConfig
from compare.models import Sentence, Source, TooManySentences
from compare.pipeline import Member, align_members, event_acronyms, event_terms, prepare
from compare.similarity import BlockScorer

SEEDS = Path(__file__).parent.parent / "seeds"


def _seed_members(count: int = 3) -> list[Member]:
    """The first seed articles, with one sentence repeated word for word in another source (a shared text) and
    one repeated within its own source."""
    members = []
    for path in sorted(SEEDS.glob("*.txt"))[:count]:
        text = path.read_text(encoding="utf-8")
        members.append(Member.of(prepare(Source(path.stem, str(path), text))))
    first, second = members[0], members[1]
    borrowed = first.sentences[2]
    extra = (
        Sentence(second.source, len(second.sentences), 0, len(borrowed.text), borrowed.text),
        Sentence(second.source, len(second.sentences) + 1, 0, len(second.sentences[0].text), second.sentences[0].text),
    )
    members[1] = Member(second.source, second.published, second.sentences + extra,
                        second.terms + (first.terms[2], second.terms[0]), second.acronyms)
    return members


class _CountingScorer:
    """Wraps compare.align.block_scorer, counting the blocks scored."""

    def __init__(self) -> None:
        self.blocks = 0
        self.real = align.block_scorer

    def __call__(self, *args, **kwargs):
        scorer = self.real(*args, **kwargs)

        def score(rows, cols):
            self.blocks += 1
            return scorer.score(rows, cols)

        return BlockScorer(scorer.units, score)


def test_blocks_of_any_size_give_exactly_the_counterparts_of_one_block(monkeypatch):
    members = _seed_members()
    acronyms = event_acronyms(members)
    counting = _CountingScorer()
    monkeypatch.setattr(align, "block_scorer", counting)
    whole = align_members(members, "lexical", None, acronyms)
    in_one = counting.blocks
    counting.blocks = 0
    tiny = align_members(members, "lexical", None, acronyms, budget=2_000)
    assert counting.blocks > 10 * in_one  # the small budget did cut the event into many blocks
    assert tiny.pairs == whole.pairs  # to the last bit of every score

    # ... and they are the counterparts one block over the whole event gives (the earlier way, own pairs included),
    # weak matches checked alike
    terms = event_terms(members, acronyms)
    everything = [s for m in members for s in m.sentences]
    matcher = matcher_for_event("lexical", [terms[s.text] for s in everything], len(members))
    full = score_block(everything, everything, matcher, acronyms, terms)
    groups = [m.sentences for m in members]
    reference = confirm_weak_matches(groups, all_counterparts(groups, full, matcher.threshold), matcher, terms,
                                     acronyms, matcher.threshold, AlignmentConfig().weak_match_word_weight)
    pairs = [(i, j) for i in range(len(members)) for j in range(len(members)) if i != j]
    for (i, j), (_, _, found) in zip(pairs, whole.pairs):
        assert [c.best_id for c in found] == [c.best_id for c in reference[i, j]]
        assert [c.mutual for c in found] == [c.mutual for c in reference[i, j]]
        assert [c.matched for c in found] == [c.matched for c in reference[i, j]]
        assert np.allclose([c.score for c in found], [c.score for c in reference[i, j]], rtol=0, atol=1e-12)


class _RecordingMatcher:
    """Scores a pair by the words its two texts share, and records every block it is asked for."""

    name = "recording"
    threshold = 0.5

    def __init__(self) -> None:
        self.blocks: list[tuple[list[str], list[str]]] = []

    def same_claim(self, a, b, *, acronyms=None, terms=None) -> np.ndarray:
        self.blocks.append((list(a), list(b)))
        words_a, words_b = [set(t.split()) for t in a], [set(t.split()) for t in b]
        return np.array([[len(x & y) / max(1, len(x | y)) for y in words_b] for x in words_a])


def _group(source: str, texts: list[str]) -> tuple[Sentence, ...]:
    return tuple(Sentence(source, i, 0, len(t), t) for i, t in enumerate(texts))


_GROUPS = [
    _group("a", ["a one fish", "a two fish", "shared red boat", "a one fish"]),
    _group("b", ["b one boat", "shared red boat", "b two fish", "b red"]),
    _group("c", ["c one", "c fish two", "shared red boat"]),
    _group("d", []),
]


@pytest.mark.parametrize("budget", [3_000, 600])
def test_an_event_cut_into_blocks_never_scores_a_source_against_itself(budget):
    groups = _GROUPS
    holders: dict[str, set[str]] = {}
    for group in groups:
        for s in group:
            holders.setdefault(s.text, set()).add(s.source)
    matcher = _RecordingMatcher()
    found = cross_counterparts(groups, matcher, None, None, matcher.threshold, budget=budget)
    asked = [(x, y) for a, b in matcher.blocks for x in a for y in b]
    assert asked
    for x, y in asked:
        # the pair stands for sentences of two different sources
        assert len(holders[x] | holders[y]) > 1, (x, y)
    # every pair of texts is scored once, either way round
    assert len({frozenset((x, y)) if x != y else (x,) for x, y in asked}) == len(asked)
    # and the counterparts are those of one block over everything
    everything = [s for g in groups for s in g]
    texts = [s.text for s in everything]
    full = _RecordingMatcher().same_claim(texts, texts)
    assert found == all_counterparts(groups, full, matcher.threshold)


def test_an_event_within_the_budget_is_one_block_of_every_distinct_text():
    matcher = _RecordingMatcher()
    found = cross_counterparts(_GROUPS, matcher, None, None, matcher.threshold, budget=10**9)
    distinct = list(dict.fromkeys(s.text for g in _GROUPS for s in g))
    assert len(matcher.blocks) == 1
    assert sorted(matcher.blocks[0][0]) == sorted(matcher.blocks[0][1]) == sorted(distinct)
    everything = [s.text for g in _GROUPS for s in g]
    assert found == all_counterparts(_GROUPS, _RecordingMatcher().same_claim(everything, everything), matcher.threshold)


def test_a_source_over_the_sentence_limit_is_refused_before_comparing():
    text = " ".join(f"Sentence number {i} is here." for i in range(12))
    with pytest.raises(TooManySentences, match=r"long has 12 sentences, over the limit of 10 per source; pass --max-sentences 12"):
        prepare(Source("long", "long.txt", text), max_sentences=10)
    assert len(prepare(Source("long", "long.txt", text), max_sentences=12).sentences) == 12


def test_a_text_far_over_the_limit_is_refused_before_it_is_cleaned(monkeypatch):
    import compare.pipeline as pipeline

    def no_cleaning(source):
        raise AssertionError("cleaned a source that was to be refused up front")

    long = " ".join(f"Ministers met in room {i} today and talked at length." for i in range(40))
    monkeypatch.setattr(pipeline, "clean", no_cleaning)
    with pytest.raises(TooManySentences, match=r"^long has about 40 sentences, over the limit of 10 per source"):
        prepare(Source("long", "long.txt", long), max_sentences=10)
    # a text long for its limit but repeating a few sentences is cleaned and split as any other
    monkeypatch.undo()
    repeated = "Ministers met in room one today and talked at length. " * 40
    assert len(prepare(Source("rep", "rep.txt", repeated), max_sentences=10).sentences) == 1


def test_the_sentence_limit_is_one_error_line_and_exit_2(tmp_path):
    (tmp_path / "long.txt").write_text(" ".join(f"Ministers met in room {i} today." for i in range(30)), encoding="utf-8")
    (tmp_path / "short.txt").write_text("Ministers met in room 1 today. They agreed.", encoding="utf-8")
    for command in (["diff", "long.txt", "short.txt"], ["report", "long.txt", "short.txt", "--out", "out"]):
        result = subprocess.run([sys.executable, "-m", "compare", *command, "--max-sentences", "20"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
        assert result.returncode == 2, result.stderr
        assert result.stderr.splitlines() == [
            "Error: long has 30 sentences, over the limit of 20 per source; pass --max-sentences 30 to compare it "
            "anyway (time grows with the product of two sources' sentences), or split it"
        ]
        assert "Traceback" not in result.stdout
    assert not (tmp_path / "out").exists()
