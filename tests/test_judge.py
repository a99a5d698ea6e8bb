import pytest

from compare.judge import (
    Clash,
    Side,
    extra_words,
    judge_pair,
    name_conflict,
    number_conflict,
    omitted_reason,
    quantities,
    soft_hedge,
    uncertain_whether,
)
from compare.models import Relation, Sentence


def side(source: str, text: str, published: str | None = None) -> Side:
    return Side(source, Sentence(source, 0, 0, len(text), text), published)


def test_certainty_conflict_is_a_contradiction_naming_the_phrase():
    a = side("a", "It was not made clear whether the ministers discussed a review of the fishing treaty.")
    b = side("b", "The ministers also discussed a possible review of the fishing treaty.")
    verdict = judge_pair(a, b, 0.8)
    assert verdict.relation == Relation.CONTRADICT
    assert verdict.reason.startswith("certainty:")
    assert "not made clear whether" in verdict.reason


def test_uncertainty_cues():
    assert uncertain_whether("It is unclear whether the deal covers gas.")
    assert uncertain_whether("The spokesman did not say whether sanctions came up.")
    assert uncertain_whether("Officials declined to confirm whether the visit happened.")
    assert uncertain_whether("The talks addressed the possibility of a review.") is None
    assert soft_hedge("The plant will reportedly close in May.") == "reportedly"
    assert soft_hedge("The possibility of a review was raised.") is None


def test_negation_of_a_shared_predicate_contradicts():
    a = side("a", "The two leaders did not discuss the pipeline project.")
    b = side("b", "The two leaders discussed the pipeline project at length.")
    verdict = judge_pair(a, b, 0.8)
    assert verdict.relation == Relation.CONTRADICT
    assert verdict.reason.startswith("polarity:")


def test_unrelated_negation_is_not_a_contradiction():
    a = side("a", "The ministers agreed to expand joint drills, which have not been held since 2019 near the islands.")
    b = side("b", "The ministers agreed to expand joint drills.")
    assert judge_pair(a, b, 0.8).relation != Relation.CONTRADICT


def test_numbers_with_the_same_unit_conflict():
    found = quantities("They talked for 35 minutes and signed 2 deals in 2024.")
    assert len(found) == 2 and sorted(v for values in found.values() for v in values) == ["2", "35"]
    assert number_conflict("The talks lasted 35 minutes.", "The talks lasted 50 minutes.")
    assert number_conflict("The talks lasted 35 minutes.", "The talks lasted 35 minutes in all.") is None
    assert number_conflict("In 2024 the talks lasted an hour.", "In 2023 the talks lasted an hour.") is None
    verdict = judge_pair(side("a", "The talks lasted 35 minutes."), side("b", "The talks lasted 50 minutes."), 0.9)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("numbers:")


def test_different_names_in_the_same_slot_conflict_but_variants_do_not():
    assert name_conflict("The ministers met in Geneva on Monday.", "The ministers met in Vienna on Monday.", {})
    assert name_conflict("The ministers met in Napoli on Monday.", "The ministers met in Naples on Monday.", {}) is None
    assert name_conflict("The ministers of the US met.", "The ministers of the United States met.", {}) is None


def test_paraphrase_without_conflict_agrees_or_partly_agrees():
    a = side("a", "The two shared a strong sense of crisis about recent moves around the country.")
    b = side("b", "They shared a strong sense of urgency about the recent development around the country.")
    assert judge_pair(a, b, 0.7).relation in {Relation.AGREE, Relation.PARTIAL}


def test_added_detail_is_partial_and_named():
    a = side("a", "The leaders agreed to deepen trade ties.")
    b = side("b", "The leaders agreed to deepen trade ties, citing record grain harvests and falling freight costs in the region.")
    verdict = judge_pair(a, b, 0.7)
    assert verdict.relation == Relation.PARTIAL
    assert "b adds" in verdict.reason
    assert extra_words("citing record grain harvests", {"leader"}, {})[0].startswith("citing record")


def test_omitted_reason_quotes_the_closest_sentence():
    a = side("a", "The leaders visited a school.")
    best = Sentence("b", 3, 0, 10, "The leaders ate lunch.")
    reason = omitted_reason(a, "b", best, 0.21, 0.5)
    assert "0.21" in reason and "The leaders ate lunch." in reason and reason.startswith("omitted:")


def test_negation_stops_at_the_end_of_its_clause():
    a = side("a", "Fishing quotas were not discussed, the Portuguese ministry said.")
    b = side("b", "The talks lasted about 90 minutes, according to the Portuguese trade ministry.")
    assert judge_pair(a, b, 0.3).relation != Relation.CONTRADICT
    c = side("c", "The Portuguese ministry said fishing quotas were discussed.")
    assert judge_pair(a, c, 0.5).relation == Relation.CONTRADICT


def test_a_negation_about_something_else_is_not_a_polarity_conflict():
    a = side("a", "Fishing quotas were not talked about, the ministry stated.")
    b = side("b", "The talks lasted about 90 minutes, according to the trade ministry.")
    assert judge_pair(a, b, 0.3).relation != Relation.CONTRADICT


def test_two_denials_in_different_words_agree():
    a = side("a", "They did not discuss fishing quotas, a ministry spokesperson stated.")
    b = side("b", "Fishing quotas were not talked about, the ministry stated.")
    assert judge_pair(a, b, 0.5).relation != Relation.CONTRADICT


def test_spelling_variants_are_not_name_conflicts():
    a = "Australian Defence Minister Richard Marles met his counterpart in Jakarta."
    b = "Australian Defense Minister Richard Marles met his counterpart in Jakarta."
    assert name_conflict(a, b, None) is None


def test_a_capital_standing_for_its_country_is_not_a_name_conflict():
    a = "Marles said Australia would provide 12 patrol boats to Indonesia."
    b = "Marles said Canberra would provide 12 patrol boats to Indonesia."
    assert name_conflict(a, b, None) is None
    c = "The ministers met in Canberra on Monday to discuss patrols."
    d = "The ministers met in Sydney on Monday to discuss patrols."
    assert name_conflict(c, d, None) == Clash(("Canberra",), ("Sydney",))


def test_months_after_the_same_preposition_conflict_like_numbers():
    from compare.judge import month_conflict

    a = "Muto said the deal would take effect in January."
    b = "Muto said the agreement would enter into force in April."
    assert month_conflict(a, b) == Clash(("January",), ("April",))
    assert month_conflict("In January, the deal takes effect.", "The deal takes effect in January 2026.") is None
    assert month_conflict("Talks may resume soon.", "Talks resume in May.") is None  # "may" is not a month here
    assert month_conflict("They met on June 3.", "They met on June 4.") is None  # full dates: date_conflict's job
    verdict = judge_pair(Side("x", Sentence("x", 0, 0, len(a), a)), Side("y", Sentence("y", 0, 0, len(b), b)), 0.45)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("dates: x gives January")


def test_the_month_may_is_not_a_hedge():
    assert soft_hedge("Washington and Seoul on May 8 reached a deal worth 1.2 billion dollars.") is None
    assert soft_hedge("Talks resume in May.") is None
    assert soft_hedge("The deal may be signed in June.") == "may"


def test_months_are_not_compared_between_loosely_matched_sentences():
    a = "The governments plan to hold a security meeting of their ministers in Osvika in July."
    b = "A military plane entered the country's airspace for the first time in August, the ministry said."
    loose = judge_pair(Side("x", Sentence("x", 0, 0, len(a), a)), Side("y", Sentence("y", 0, 0, len(b), b)), 0.16)
    assert loose.relation != Relation.CONTRADICT


@pytest.mark.parametrize("a, b, relation", [
    # a negated negation affirms: "denied that ... had rejected" says it was not rejected
    ("Norway rejected a Canadian proposal to cap cod catches.",
     "Norway's minister denied that Norway had rejected the Canadian proposal to cap cod catches.", "contradict"),
    ("The ministers failed to reject the plan.", "The ministers rejected the plan.", "contradict"),
    ("The ministers did not reject the plan.", "The ministers accepted the plan.", "agree"),
    ("Norway did not refuse to sign the deal.", "Norway signed the deal.", "agree"),
    # two separate negations are not a double negative
    ("The ministers did not discuss quotas and did not discuss tariffs.",
     "The ministers did not discuss quotas or tariffs.", "agree"),
])
def test_a_negated_negation_cancels(a, b, relation):
    verdict = judge_pair(Side("x", Sentence("x", 0, 0, len(a), a)), Side("y", Sentence("y", 0, 0, len(b), b)), 0.7)
    assert verdict.relation == relation, verdict.reason


@pytest.mark.parametrize("a_published, b_published", [(None, None), ("2025-05-08", None), (None, "2025-05-08")])
def test_month_days_conflict_even_when_the_year_cannot_be_told(a_published, b_published):
    a = side("a", "The ministers met in Oslo on May 6 to discuss fishing quotas.", a_published)
    b = side("b", "The ministers met in Oslo on May 9 to discuss fishing quotas.", b_published)
    verdict = judge_pair(a, b, 0.9)
    assert verdict.relation == Relation.CONTRADICT
    assert verdict.reason.startswith("dates:") and "May 6" in verdict.reason and "May 9" in verdict.reason


@pytest.mark.parametrize("other", [
    "The ministers met in Oslo on 6 May to discuss fishing quotas.",  # the same day, written the other way
    "The ministers met in Oslo on May 6, 2025 to discuss fishing quotas.",  # with its year
    "The ministers met in Oslo on Saturday to discuss fishing quotas.",  # a weekday names no day without a date
    "The ministers, who took office on May 1, met in Oslo to discuss fishing quotas.",  # a date of something else
])
def test_month_days_that_do_not_conflict(other):
    a = side("a", "The ministers met in Oslo on May 6 to discuss fishing quotas.")
    assert judge_pair(a, side("b", other), 0.9).relation != Relation.CONTRADICT


@pytest.mark.parametrize("text, phrase", [
    ("It was not immediately clear when Japan's parliament would ratify the pact.", "It was not immediately clear when"),
    ("It isn't clear how much the radars will cost.", "It isn't clear how much"),
    ("It remains unclear why the talks stalled.", "It remains unclear why"),
    ("Officials declined to say where the troops would train.", "declined to say where"),
    ("It is clear how the deal will work.", None),  # nothing is left open
    ("It was not immediately clear whether parliament would ratify it.", None),  # the event itself: certainty
])
def test_unclear_detail_finds_what_is_left_open(text, phrase):
    from compare.judge import unclear_detail

    assert unclear_detail(text) == phrase


def test_a_detail_left_open_is_partial_and_no_negation():
    a = side("a", "It was not immediately clear when Japan's parliament would ratify the agreement.")
    b = side("b", "The agreement will take effect after ratification by Japan's parliament.")
    for left, right in ((a, b), (b, a)):
        verdict = judge_pair(left, right, 0.5)
        assert verdict.relation == Relation.PARTIAL and verdict.reason.startswith("open detail: a says")
    denied = side("c", "Japan's parliament did not ratify the agreement.")
    assert judge_pair(denied, side("d", "Japan's parliament ratified the agreement."), 0.8).relation == Relation.CONTRADICT


def test_a_sum_with_its_currency_sign_is_a_number():
    from compare.judge import names_and_numbers

    assert "1.2" in names_and_numbers("Japan will provide $1.2 billion in radar equipment.")
    assert "40" in names_and_numbers("The fund grew by €40 million.")


@pytest.mark.parametrize("a, b", [
    ("\"We will not accept any unilateral change to the status quo,\" Hegseth said.",
     "Hegseth said the US would oppose unilateral changes to the status quo."),
    ("The government will not allow foreign warships in the bay.", "The government will ban foreign warships from the bay."),
    ("Kenya rejected a Tanzanian proposal to scrap the levy.", "Kenya opposed a Tanzanian proposal to scrap the levy."),
])
def test_a_negation_that_says_what_the_other_affirms_in_other_words_agrees(a, b):
    for left, right in ((a, b), (b, a)):
        assert judge_pair(side("x", left), side("y", right), 0.6).relation != Relation.CONTRADICT


def test_a_denial_reaches_the_claim_in_its_that_clause():
    a = side("a", "Officials denied media reports that the government had asked Washington for more warships.")
    b = side("b", "The government asked Washington for more warships, officials said.")
    verdict = judge_pair(a, b, 0.5)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("polarity:")


@pytest.mark.parametrize("a, b, conflict", [
    ("It was the second trilateral ministerial meeting this year.",
     "The meeting was the first trilateral ministerial meeting since 2023.", True),
    ("It was the 2nd round of talks.", "It was the third round of talks.", True),
    # one ordinal in common for a thing they share: they can agree
    ("The first phase starts in May and the second phase in June.", "The second phase starts in June.", False),
    # ordinals of different things
    ("Japan was the first country to sign the deal.", "It was the first meeting of the two ministers.", False),
])
def test_ordinals_of_the_same_thing(a, b, conflict):
    from compare.judge import ordinal_conflict

    assert bool(ordinal_conflict(a, b)) is conflict


@pytest.mark.parametrize("a, b, conflict", [
    ("Japan will provide $1.5 million in aid.", "Japan will provide $1,500,000 in aid.", False),  # a scale word
    ("About 200 people attended the ceremony.", "Some 210 people attended the ceremony.", False),  # rounding
    ("About 200 people attended the ceremony.", "Some 300 people attended the ceremony.", True),
    ("More than 200 people attended the ceremony.", "250 people attended the ceremony.", False),  # a bound
    ("More than 200 people attended the ceremony.", "150 people attended the ceremony.", True),
    ("Up to 500 troops will take part.", "About 450 troops will take part.", False),
    ("200 people attended the ceremony.", "210 people attended the ceremony.", True),  # exact figures differ
    ("Australia will hand over 10 patrol vessels.", "Australia will provide 12 patrol vessels.", True),  # a verb's "over"
])
def test_approximate_figures_and_bounds_admit_nearby_numbers(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict


@pytest.mark.parametrize("a, b, conflict", [
    ("The talks lasted an hour and a half.", "The talks lasted 90 minutes.", False),
    ("The talks lasted about two hours.", "The talks lasted 120 minutes.", False),
    ("The talks lasted two hours.", "The talks lasted 90 minutes.", True),
    ("The talks lasted about 45 minutes.", "The talks lasted an hour.", True),
    ("An hour later the ministers left.", "The talks lasted 90 minutes.", False),  # not a duration of the talks
])
def test_durations_compare_in_minutes(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict


@pytest.mark.parametrize("a, a_published, b, b_published", [
    ("Austin and Nakatani met in Washington on Saturday.", "2025-03-30", "Austin and Nakatani met in Washington on Sunday.", "2025-03-31"),
    ("The ministers met in Oslo on December 31.", None, "The ministers met in Oslo on January 1.", None),
])
def test_dates_a_day_apart_are_partial_not_a_contradiction(a, a_published, b, b_published):
    verdict = judge_pair(side("a", a, a_published), side("b", b, b_published), 0.9)
    assert verdict.relation == Relation.PARTIAL and verdict.reason.startswith("dates a day apart:")
