import numpy as np

from compare.align import EventRarity, all_counterparts, counterparts, matcher_for_event, score_block
from compare.models import Sentence
from compare.similarity import default_rarity, sentence_terms


def sentences(source: str, texts: list[str]) -> list[Sentence]:
    return [Sentence(source, i, 0, len(t), t) for i, t in enumerate(texts)]


A = sentences("a", ["x0", "x1", "x2"])
B = sentences("b", ["y0", "y1"])


def test_above_threshold_matches_even_when_not_mutual():
    scores = np.array([[0.9, 0.1], [0.8, 0.2], [0.0, 0.05]])
    found = counterparts(A, B, scores, threshold=0.5)
    assert [(c.best_id, c.matched) for c in found] == [(0, True), (0, True), (1, False)]


def test_mutual_best_matches_below_threshold_but_above_the_floor():
    scores = np.array([[0.3, 0.1], [0.2, 0.25], [0.01, 0.02]])
    found = counterparts(A, B, scores, threshold=0.5, mutual_floor=0.1)
    assert [c.matched for c in found] == [True, True, False]
    assert found[1].best_id == 1


def test_no_sentences_on_the_other_side():
    found = counterparts(A, [], np.zeros((3, 0)), threshold=0.5)
    assert all(c.best_id is None and not c.matched for c in found)


def test_event_rarity_discounts_words_every_sentence_shares():
    texts = ["Oslo talks on fishing quotas", "Oslo talks on ferry links", "Oslo talks on energy prices"]
    rarity = EventRarity.of([sentence_terms(t) for t in texts])
    base = default_rarity()
    assert rarity.weight("oslo") == 0.0
    assert 0 < rarity.weight("ferri") <= base.weight("ferri")
    assert rarity.weight("ferri") > rarity.weight("talk")


def test_event_matcher_pairs_the_right_sentences():
    a = sentences("a", ["The ministers agreed to open a ferry line between the two ports.", "Both sides criticised the fishing quotas."])
    b = sentences("b", ["Fishing quotas drew criticism from both sides.", "A new ferry line will link the two ports, the ministers agreed."])
    matcher = matcher_for_event("lexical", [sentence_terms(s.text) for s in a + b])
    scores = score_block(a, b, matcher, None)
    assert scores.shape == (2, 2)
    assert [c.best_id for c in counterparts(a, b, scores, matcher.threshold)] == [1, 0]


def test_the_hybrid_matcher_gets_the_event_word_weights_too(monkeypatch):
    """Like the lexical matcher, the hybrid's lexical part discounts the words every sentence of the event shares."""
    from compare import similarity
    from compare.align import EventRarity, matcher_for_event

    class Model:
        def encode(self, texts, **_):
            import numpy as np

            return np.ones((len(texts), 3), dtype=np.float32) / np.sqrt(3)

    monkeypatch.setattr(similarity, "_sentence_model", lambda: Model())
    texts = ["Austin met Kihara in Naples.", "Austin and Kihara agreed in Naples.", "Kihara left Naples."]
    hybrid = matcher_for_event("hybrid", [similarity.sentence_terms(t) for t in texts])
    assert isinstance(hybrid, similarity.HybridMatcher)
    assert isinstance(hybrid.lexical.rarity, EventRarity)
    (naples,), (agreed,) = similarity.content_tokens("Naples"), similarity.content_tokens("agreed")
    assert hybrid.lexical.rarity.weight(naples) < hybrid.lexical.rarity.weight(agreed)
    assert hybrid.threshold == similarity.HYBRID_THRESHOLD


def test_a_repeated_sentence_is_read_once_in_the_document_frequencies():
    once = EventRarity.of([sentence_terms(t) for t in ["Oslo talks", "ferry links"]])
    twice = EventRarity.of([sentence_terms(t) for t in ["Oslo talks", "Oslo talks", "ferry links"]])
    assert once.df["oslo"] == 1 and twice.df["oslo"] == 2 and twice.sentences == 3


def test_event_rarity_weights_as_an_array_equal_the_weights_one_by_one():
    rarity = EventRarity.of([sentence_terms(t) for t in ["Oslo talks on fishing", "Oslo talks on ferries", "energy"]])
    tokens = ["oslo", "talk", "fish", "energi", "never-seen"]
    assert np.allclose(rarity.weights(tokens), [rarity.weight(t) for t in tokens], rtol=0, atol=1e-12)


def test_repeated_texts_are_scored_once_and_give_the_same_block():
    class Counting:
        name, threshold, calls = "counting", 0.5, []

        def same_claim(self, a, b, *, acronyms=None, terms=None):
            self.calls.append((len(a), len(b)))
            return np.array([[float(len(x) + len(y)) for y in b] for x in a])

    a = sentences("a", ["one", "two two", "one", "three"])
    matcher = Counting()
    scores = score_block(a, a, matcher, None)
    assert matcher.calls == [(3, 3)]
    assert scores.shape == (4, 4)
    assert scores[0, 3] == scores[2, 3] == len("one") + len("three")


def _loop_counterparts(groups, scores, threshold, floor):
    """Reference: one group pair at a time, argmax by argmax (ties to the earlier sentence)."""
    offsets = np.cumsum([0] + [len(g) for g in groups])
    out = {}
    for i, a in enumerate(groups):
        for j, b in enumerate(groups):
            if i == j:
                continue
            block = scores[offsets[i] : offsets[i + 1], offsets[j] : offsets[j + 1]]
            rows = []
            for r, sentence in enumerate(a):
                if not b:
                    rows.append((sentence.id, None, 0.0, False, False))
                    continue
                c = int(np.argmax(block[r]))
                mutual = int(np.argmax(block[:, c])) == r
                score = float(block[r, c])
                rows.append((sentence.id, b[c].id, score, score >= threshold or (mutual and score >= min(floor, threshold)), mutual))
            out[i, j] = rows
    return out


def test_all_counterparts_agree_with_a_pair_by_pair_reference():
    rng = np.random.default_rng(7)
    for trial in range(200):
        sizes = rng.integers(0, 5, size=rng.integers(2, 5))
        groups = [sentences(f"s{k}", [f"t{k}{n}" for n in range(size)]) for k, size in enumerate(sizes)]
        total = int(sizes.sum())
        # few distinct values, so that ties are common
        scores = rng.integers(0, 4, size=(total, total)) / 4.0
        found = all_counterparts(groups, scores, 0.6, mutual_floor=0.3)
        expected = _loop_counterparts(groups, scores, 0.6, 0.3)
        assert {k: [tuple(c) for c in v] for k, v in found.items()} == expected, trial


def test_only_the_sentences_beyond_one_per_source_count_against_a_word():
    """A claim each source states once puts its words in one sentence per source: that alone costs no weight."""
    one_each = [sentence_terms(t) for t in ["The summit lasted four hours.", "The summit went on for four hours."]]
    rarity = EventRarity.of(one_each, sources=2)
    base = default_rarity()
    for token in ("summit", "hour"):
        assert rarity.weight(token) == base.weight(token)
    # ... while a word in every sentence of sources that say more still weighs nothing
    texts = ["Oslo talks on fishing quotas", "Oslo talks on ferry links", "Oslo talks on energy prices",
             "Oslo talks on grain"]
    spread = EventRarity.of([sentence_terms(t) for t in texts], sources=2)
    assert spread.weight("oslo") == 0.0 and spread.weight("ferri") > 0.0
    assert np.allclose(spread.weights(["oslo", "ferri", "grain"]), [spread.weight(t) for t in ("oslo", "ferri", "grain")])


def _diff_relations(tmp_path, a: str, b: str) -> set[str]:
    from compare.api import diff

    (tmp_path / "a.txt").write_text(a + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(b + "\n", encoding="utf-8")
    comparison, _ids = diff(tmp_path / "a.txt", tmp_path / "b.txt")
    return {str(f.relation) for f in comparison.finding_records if f.other_sentence_id is not None}


def test_two_one_sentence_sources_stating_one_claim_are_matched(tmp_path):
    relations = _diff_relations(tmp_path, "The summit between the two leaders lasted about four hours.",
                                "The two leaders talked for about four hours at the summit.")
    assert relations and relations <= {"agree", "partial"}


def test_two_one_sentence_sources_giving_different_durations_contradict(tmp_path):
    relations = _diff_relations(tmp_path, "The summit between the two leaders lasted about four hours.",
                                "The two leaders talked for about two hours at the summit.")
    assert "contradict" in relations


# One meeting as three sources tell it: every source names its people and its city; the paraphrase of the row
# over fares shares "devolved" and "fares", which the third source never uses.
_SOURCES = [
    ["Prime Minister Anna Borg met Governor Piotr Kowal in Valletta on Friday.",
     "The talks devolved into a shouting match over ferry fares, officials said.",
     "Kowal arrived in Valletta on Thursday evening."],
    ["Borg and Kowal held talks in Valletta for two hours.",
     "Their meeting quickly devolved into a row about fares.",
     "Borg said Valletta would host the next round."],
    ["Borg welcomed Kowal to Valletta for talks on Friday.",
     "Kowal and Borg spoke for two hours in Valletta."],
]


def _meeting():
    from compare.align import EventRarity

    texts = [t for source in _SOURCES for t in source]
    terms = {t: sentence_terms(t) for t in texts}
    groups = [[Sentence(str(i), k, 0, 1, t) for k, t in enumerate(source)] for i, source in enumerate(_SOURCES)]
    return groups, terms, EventRarity.of([terms[t] for t in texts], sources=len(_SOURCES))


def _spread(groups, terms):
    from collections import Counter

    from compare.similarity import terms_tokens

    return Counter(t for g in groups for t in {t for s in g for t in terms_tokens(terms[s.text])})


def test_a_weak_match_must_share_a_word_of_the_claim_not_only_the_meetings():
    from compare.align import shares_claim_word

    groups, terms, rarity = _meeting()
    spread = _spread(groups, terms)
    # a paraphrase of one claim shares "devolved" and "fares", which the third source never uses
    assert shares_claim_word(_SOURCES[0][1], _SOURCES[1][1], terms, None, rarity, 1.0, spread, 3)
    # two sentences that share only the meeting's people and city, which every source names, are not one claim
    assert not shares_claim_word(_SOURCES[0][2], _SOURCES[1][2], terms, None, rarity, 1.0, spread, 3)
    # with no other source to tell, any word of weight counts (a two-source comparison)
    assert shares_claim_word(_SOURCES[0][2], _SOURCES[1][2], terms, None, rarity, 1.0, spread, 2)


def test_confirm_weak_matches_undoes_only_weak_matches_without_a_claim_word():
    from compare.align import Counterpart, LexicalMatcher, confirm_weak_matches

    groups, terms, rarity = _meeting()
    matcher = LexicalMatcher(rarity=rarity)
    empty = (Counterpart(0, None, 0.0, False, False),) * 3
    found = {
        (0, 1): (Counterpart(0, 0, 0.50, True, True), Counterpart(1, 1, 0.15, True, True),
                 Counterpart(2, 2, 0.12, True, True)),
        (1, 0): (Counterpart(0, 0, 0.50, True, True), Counterpart(1, 1, 0.15, True, True),
                 Counterpart(2, 2, 0.12, True, True)),
        (0, 2): empty, (2, 0): empty[:2], (1, 2): empty, (2, 1): empty[:2],
    }
    out = confirm_weak_matches(groups, found, matcher, terms, None, 0.23, 1.0)
    # at or above the threshold a match stands; below it, only with a word of the claim
    assert [cp.matched for cp in out[0, 1]] == [True, True, False]
    assert [cp.matched for cp in out[1, 0]] == [True, True, False]
    # 0 turns the check off
    assert confirm_weak_matches(groups, found, matcher, terms, None, 0.23, 0) == found


def test_the_hybrids_weak_matches_are_left_to_its_embedding():
    from compare.align import Counterpart, HybridMatcher, confirm_weak_matches

    groups, terms, _ = _meeting()
    hybrid = HybridMatcher.__new__(HybridMatcher)  # no model needed: the check never asks it
    found = {(0, 1): (Counterpart(2, 2, 0.12, True, True),)}
    assert confirm_weak_matches(groups, found, hybrid, terms, None, 0.23, 3.5) == found


# Two outlets word one claim differently around a phrase they share; each story's other sentences are its own.
_PHRASE_SOURCES = [
    ["Officials on both sides also agreed to set up a joint working group on fishing quotas, the ministry's "
     "statement said, without giving a date for its first session.",
     "Foreign Minister Elena Sorin arrived in Tallinn shortly before noon.",
     "The ministers agreed to meet again."],
    ["According to a readout released late on Friday, the delegations agreed to set up a joint working group on "
     "fishing quotas and would report back to their governments in the spring.",
     "The communique was read out by Foreign Minister Elena Sorin after the talks.",
     "Ministers agreed to meet again in the spring."],
]


def _phrase_event():
    texts = [t for source in _PHRASE_SOURCES for t in source]
    terms = {t: sentence_terms(t) for t in texts}
    groups = [[Sentence(str(i), k, 0, 1, t) for k, t in enumerate(source)] for i, source in enumerate(_PHRASE_SOURCES)]
    rarity = EventRarity.of([terms[t] for t in texts], sources=len(groups))
    return groups, terms, rarity


def _nothing_matched(groups):
    from compare.align import Counterpart

    return {
        (i, j): tuple(Counterpart(s.id, 0, 0.05, False, False) for s in groups[i])
        for i in range(len(groups)) for j in range(len(groups)) if i != j
    }


def test_sentences_repeating_a_phrase_of_the_claim_are_linked_with_their_own_score():
    from compare.align import LexicalMatcher, link_shared_phrases

    groups, terms, rarity = _phrase_event()
    matcher = LexicalMatcher(rarity=rarity)
    out = link_shared_phrases(groups, _nothing_matched(groups), matcher, terms, None, 4, 3.5)
    first, second = out[0, 1][0], out[1, 0][0]
    assert (first.best_id, first.matched, first.mutual) == (0, True, True)
    assert (second.best_id, second.matched, second.mutual) == (0, True, True)
    own = float(matcher.same_claim([_PHRASE_SOURCES[0][0]], [_PHRASE_SOURCES[1][0]], terms=terms)[0, 0])
    assert first.score == own  # the pair keeps the matcher's own score for it
    # a shared name ("Foreign Minister Elena Sorin") is no phrase of a claim, and three words are too few at 4
    assert not out[0, 1][1].matched and not out[0, 1][2].matched
    assert not out[1, 0][1].matched and not out[1, 0][2].matched


def test_a_sentence_already_matched_in_the_other_source_is_left_as_it_is():
    from compare.align import Counterpart, LexicalMatcher, link_shared_phrases

    groups, terms, rarity = _phrase_event()
    found = _nothing_matched(groups)
    found[0, 1] = (Counterpart(0, 2, 0.40, True, False),) + found[0, 1][1:]
    out = link_shared_phrases(groups, found, LexicalMatcher(rarity=rarity), terms, None, 4, 3.5)
    assert out[0, 1][0] == found[0, 1][0]
    assert not out[1, 0][0].matched  # the link takes both sides open, or neither


def test_shorter_phrases_link_when_asked_and_zero_turns_the_pass_off():
    from compare.align import LexicalMatcher, link_shared_phrases

    groups, terms, rarity = _phrase_event()
    matcher = LexicalMatcher(rarity=rarity)
    found = _nothing_matched(groups)
    assert link_shared_phrases(groups, found, matcher, terms, None, 0, 3.5) == found
    # "agreed to meet again" is three content words: a phrase at 3, too short at 4
    assert link_shared_phrases(groups, found, matcher, terms, None, 3, 0.5)[0, 1][2].best_id == 2
    # too light a phrase does not link, however long
    assert not link_shared_phrases(groups, found, matcher, terms, None, 4, 100.0)[0, 1][0].matched


def test_the_heaviest_shared_run_skips_names_and_stops_at_a_different_word():
    from compare.align import _heaviest_shared_run

    weight = {"agre": 1.0, "set": 1.0, "joint": 2.0, "group": 2.0, "fish": 3.0, "quota": 3.0}
    a = ["agre", "set", "joint", "group", None, "fish", "quota"]
    b = ["agre", "set", "joint", "group", None, "fish", "quota"]
    assert _heaviest_shared_run(a, b, weight) == (4, 6.0)  # a name (None) breaks the run, even a shared one
    assert _heaviest_shared_run(["fish", "quota"], ["quota", "fish"], weight) == (1, 3.0)
    assert _heaviest_shared_run([None, None], [None, None], weight) == (0, 0.0)
