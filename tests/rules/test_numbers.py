"""The numbers rule: the cases that pin where it fires and where not (its own examples run in test_examples.py)."""

import pytest

from compare.judge import judge_pair, number_conflict, quantities
from compare.models import Relation
from rule_checks import side


def test_numbers_with_the_same_unit_conflict():
    found = quantities("They talked for 35 minutes and signed 2 deals in 2024.")
    assert len(found) == 2 and sorted(v for values in found.values() for v in values) == ["2", "35"]
    assert number_conflict("The talks lasted 35 minutes.", "The talks lasted 50 minutes.")
    assert number_conflict("The talks lasted 35 minutes.", "The talks lasted 35 minutes in all.") is None
    assert number_conflict("In 2024 the talks lasted an hour.", "In 2023 the talks lasted an hour.") is None
    verdict = judge_pair(side("a", "The talks lasted 35 minutes."), side("b", "The talks lasted 50 minutes."), 0.9)
    assert verdict.relation == Relation.CONTRADICT and verdict.reason.startswith("numbers:")


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
    ("The talks lasted one hour and forty minutes.", "The talks lasted just over 100 minutes.", False),  # tens spelled out
    ("The talks lasted forty minutes.", "The talks lasted fifty minutes.", True),
])
def test_durations_compare_in_minutes(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict


@pytest.mark.parametrize("a, b", [
    ("The talks were expected to last up to seven hours.", "The talks lasted three hours."),
    ("The two sides could agree a 15% cut in tariffs.", "The two sides agreed a 10% cut in tariffs."),
    ("Officials discussed a potential 500 troops for the mission.", "The mission will have 300 troops."),
    ("The minister planned to announce 40 new projects.", "The minister announced 25 new projects."),
])
def test_a_figure_given_as_a_plan_or_possibility_is_not_compared(a, b):
    assert number_conflict(a, b) is None and number_conflict(b, a) is None


def test_unless_the_sentences_are_alike_only_figures_of_one_thing_are_compared():
    steel = "Washington kept a 25% tariff on steel from the bloc."
    rice = "The bloc cut its levy on rice imports to 10%."
    assert number_conflict(steel, rice, alike=False) is None
    assert number_conflict(steel, rice, alike=True) is not None  # alike as a whole: the figures stand in one slot
    lasted = "The talks in the capital lasted two hours."
    other = "The talks lasted three hours, officials said."
    assert number_conflict(lasted, other, alike=False) is not None  # "talks lasted" before both
    for a, b in ((steel, rice), (rice, steel)):  # through the judge: a loose match of unrelated figures
        assert judge_pair(side("a", a), side("b", b), 0.3).relation != Relation.CONTRADICT


@pytest.mark.parametrize("a, b, conflict", [
    ("The meeting lasted about two hours.", "The meeting lasted 2.5 hours.", False),  # within half an hour
    ("The meeting lasted about two hours.", "The meeting lasted 150 minutes.", False),
    ("The meeting lasted about two hours.", "The meeting lasted four hours.", True),
    ("About 210 delegates attended the forum.", "215 delegates attended the forum.", False),  # "210": to ten
    ("About 210 delegates attended the forum.", "240 delegates attended the forum.", True),
    ("The meeting lasted two hours.", "The meeting lasted 2.5 hours.", True),  # exact: no give
])
def test_an_approximate_figure_admits_half_the_unit_it_is_written_to(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict and bool(number_conflict(b, a)) is conflict


def test_what_each_figure_is_said_of_is_read_in_one_pass():
    """A 200 KB clause holding thousands of figures: each figure's context is read as the pass reaches it, not
    the clause again for each."""
    import time

    unit = "the talks lasted 45 minutes and the ministers met for 30 minutes and "
    text = unit * (200_000 // len(unit)) + "end."
    started = time.perf_counter()
    clash = number_conflict(text, "The talks lasted 90 minutes.", alike=False)
    assert clash is not None and clash.unit == "minut"
    assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize("a, b, conflict", [
    # a figure hyphened to its unit, in digits or words
    ("The leaders held a five-hour meeting in the capital.", "The leaders met for two hours in the capital.", True),
    ("The leaders held a 40-minute meeting in the capital.", "The leaders met for 40 minutes in the capital.", False),
    ("The president arrived for a three-day visit.", "The president arrived for a four-day state visit.", True),
    # hours and minutes given together are one duration
    ("The summit lasted one hour and 40 minutes.", "The summit lasted 100 minutes.", False),
    ("The summit lasted one hour and 40 minutes.", "The summit lasted two hours.", True),
    # words joined by a hyphen are not a figure and its unit
    ("The two held a one-on-one meeting for 30 minutes.", "The two met one-on-one for 30 minutes.", False),
])
def test_hyphened_figures_and_compound_durations(a, b, conflict):
    assert bool(number_conflict(a, b)) is conflict and bool(number_conflict(b, a)) is conflict


def test_a_verb_of_travel_without_to_is_no_intention():
    """"Arrived for a three-day visit" states the visit's length; "traveled there to sign 40 deals" plans them."""
    assert number_conflict("The president arrived in Oslo for a three-day visit.",
                           "The president arrived in Oslo for a four-day visit.", alike=False)
    assert number_conflict("The minister traveled to Oslo to sign 40 deals.", "The minister signed 25 deals.") is None


def test_a_figure_in_the_standard_of_a_comparison_is_not_the_subjects():
    standard = "The talks ran longer than a summit in Vienna that lasted two hours."
    assert number_conflict(standard, "The talks lasted three hours.") is None
    # right after "than" the figure is a bound of the subject's own measure, and still compared
    assert number_conflict("The talks lasted more than three hours.", "The talks lasted two hours.")
    assert number_conflict("The talks lasted longer than three hours.", "The talks lasted two hours.")


def test_a_hinted_figure_is_not_stated_as_fact():
    assert number_conflict("The minister hinted at a 20 percent cut.", "The minister announced a 30 percent cut.") is None
    assert number_conflict("The minister announced a 20 percent cut.", "The minister announced a 30 percent cut.")


@pytest.mark.parametrize("a, b", [
    # the head noun modified otherwise on each side: two tariffs, two figures
    ("The government agreed to cut steel tariffs on Vietnam from 20 percent to 10 percent.",
     "The government lowered the tariffs on Vietnamese goods from 57% to 47%."),
    ("The ministry raised the export duty on rice to 15%.", "The ministry raised the import duty on wheat to 25%."),
])
def test_figures_of_one_noun_modified_otherwise_do_not_conflict(a, b):
    assert number_conflict(a, b) is None


@pytest.mark.parametrize("a, b", [
    # one side more specific than the other: the same tariffs
    ("The government cut tariffs on Vietnamese imports from 20 percent to 10 percent.",
     "The government cut the steel tariffs on imports from Vietnam from 25% to 15%."),
    # a country named with its accents is the country its demonym names
    ("The government cut tariffs on Turkish imports from 20 percent to 10 percent.",
     "The government cut the steel tariffs on imports from Türkiye from 25% to 15%."),
    # a verb is no noun to modify: the subjects differ, the talks are one
    ("The Oslo talks lasted 45 minutes.", "The closed-door talks lasted 90 minutes."),
    ("The ministry raised the export duty on rice to 15%.", "The ministry raised the export duty on rice to 25%."),
])
def test_figures_of_one_thing_still_conflict(a, b):
    assert number_conflict(a, b) is not None
