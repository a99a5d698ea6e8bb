import numpy as np

from compare.align import EventRarity, counterparts, matcher_for_event, score_block
from compare.models import Sentence
from compare.similarity import default_rarity


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
    rarity = EventRarity.of(texts)
    base = default_rarity()
    assert rarity.weight("oslo") == 0.0
    assert 0 < rarity.weight("ferri") <= base.weight("ferri")
    assert rarity.weight("ferri") > rarity.weight("talk")


def test_event_matcher_pairs_the_right_sentences():
    a = sentences("a", ["The ministers agreed to open a ferry line between the two ports.", "Both sides criticised the fishing quotas."])
    b = sentences("b", ["Fishing quotas drew criticism from both sides.", "A new ferry line will link the two ports, the ministers agreed."])
    matcher = matcher_for_event("lexical", [s.text for s in a + b])
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
    hybrid = matcher_for_event("hybrid", texts)
    assert isinstance(hybrid, similarity.HybridMatcher)
    assert isinstance(hybrid.lexical.rarity, EventRarity)
    (naples,), (agreed,) = similarity.content_tokens("Naples"), similarity.content_tokens("agreed")
    assert hybrid.lexical.rarity.weight(naples) < hybrid.lexical.rarity.weight(agreed)
    assert hybrid.threshold == similarity.HYBRID_THRESHOLD
