"""The language data cross-checked: tables that must agree with each other, read from compare/lang/en."""

from __future__ import annotations

import re

import pytest

from compare.lang import LEXICON, Lexicon, english, read_gazetteer

OTHER_DATE_CUE_WORDS = frozenset(re.findall(r"[a-z]+", LEXICON.other_date_cues.split(r")\W")[0]))


def test_loaded_once_and_frozen():
    assert english() is LEXICON
    with pytest.raises(AttributeError):
        LEXICON.months = {}  # type: ignore[misc]
    with pytest.raises(TypeError):
        LEXICON.months["smarch"] = 13  # type: ignore[index]


def test_twelve_months_and_seven_weekdays_each_named_once():
    assert LEXICON.month_names == ("January", "February", "March", "April", "May", "June", "July", "August",
                                   "September", "October", "November", "December")
    assert sorted(set(LEXICON.months.values())) == list(range(1, 13))
    assert sorted(set(LEXICON.weekdays.values())) == list(range(7))
    for name, number in LEXICON.months.items():  # every abbreviation starts its month's name
        assert LEXICON.month_names[number - 1].lower().startswith(name), name


def test_number_and_ordinal_words_count_up():
    small = LEXICON.small_number_words(20)
    assert list(small.values()) == [str(i) for i in range(21)]
    assert LEXICON.number_words["ninety"] == "90"
    assert list(LEXICON.ordinal_words.values()) == [str(i) for i in range(1, 11)]


def test_every_capital_and_demonym_belongs_to_a_country_that_is_named():
    names = LEXICON.country_names
    for country in LEXICON.countries:
        assert country.names, country.name  # a country the meeting can be "in"
        assert country.name.lower() in names or country.names, country.name
    for capital, country in LEXICON.capital_country.items():
        assert any(c.name == country for c in LEXICON.countries), capital
    assert LEXICON.capital_country["canberra"] == "Australia"
    assert LEXICON.demonym_country["kenyan"] == "Kenya"


def test_no_name_belongs_to_two_countries_and_no_capital_is_a_country():
    seen: dict[str, str] = {}
    for country in LEXICON.countries:
        for name in (*country.names, *country.capitals, *country.demonyms):
            assert seen.setdefault(name, country.name) == country.name, name
    assert not set(LEXICON.capital_country) & LEXICON.country_names


def test_a_country_with_two_capitals_has_no_demonym():
    # "the Israeli capital" names no one city, so the demonym would place a meeting nowhere
    for country in LEXICON.countries:
        if len(country.capitals) > 1 and len({c for c in country.capitals if c not in ("kiev",)}) > 1:
            assert not country.demonyms, country.name


def test_place_variants_point_at_canonical_names_that_are_not_variants_themselves():
    canonical = set(LEXICON.place_variants.values())
    for variant, name in LEXICON.place_variants.items():
        assert variant == variant.lower(), variant
        assert LEXICON.place_variants.get(name.lower(), name) == name, variant


def test_labels_and_not_place_words_are_not_places():
    assert not LEXICON.not_places & LEXICON.country_names
    assert not LEXICON.not_place_words & set(LEXICON.place_variants)


def test_no_word_is_both_a_meeting_cue_and_an_other_date_cue():
    assert OTHER_DATE_CUE_WORDS >= {"office", "since", "elected", "born"}
    assert not LEXICON.meeting_words & OTHER_DATE_CUE_WORDS


def test_meeting_cues_and_future_cues_do_not_overlap_beyond_the_shared_verb():
    # "held" and "agreed" say a meeting took place; as future cues they only count inside "to be held" and
    # "agreed to meet in"
    assert LEXICON.meeting_words & LEXICON.future_words == {"held", "agreed"}


def test_stop_words_never_hide_a_month_a_number_or_a_meeting_word():
    assert not LEXICON.stop_words & (set(LEXICON.months) - {"may"})  # "may" the verb is a stop word
    assert not LEXICON.stop_words & set(LEXICON.number_words)
    assert not LEXICON.stop_words & LEXICON.meeting_words


def test_name_variants_each_fold_to_one_token():
    for pattern, token in LEXICON.name_variants:
        re.compile(pattern)
        assert token.strip() and " " not in token.strip(), token


def test_folding_tables_fold_to_ascii():
    for table in (LEXICON.quote_folds, LEXICON.apostrophe_folds, LEXICON.latin_letters):
        assert all(v.isascii() for v in table.values())


def test_the_gazetteer_reader_reads_lists_and_skips_comments():
    rows = read_gazetteer("# comment\nKenya\tnairobi\tkenyan\tkenya\nNowhere\t\t\tnowhere\n")
    assert [(r.name, r.capitals, r.demonyms, r.names) for r in rows] == [
        ("Kenya", ("nairobi",), ("kenyan",), ("kenya",)), ("Nowhere", (), (), ("nowhere",))]
    assert isinstance(LEXICON, Lexicon)


def test_judging_words_that_only_count_in_a_frame_are_not_plain_negations_or_clause_ends():
    from compare.judge.negation import _negations
    from compare.lang.en.judging import (
        BOUND_WORDS, CLAUSE_ENDS, COMPARISON_STANDARD, FORECAST_ENDS, NEGATIONS, POSSIBLE, PREDICATIVE_DENIALS,
        REFERENCE_POINT,
    )

    # "off" denies only after a form of "be": "the deal is off", never "the talks kicked off"
    assert not PREDICATIVE_DENIALS & NEGATIONS
    assert _negations("The deal is off.")[1] and not _negations("The talks kicked off in Oslo.")[1]
    # a modal's forecast reaches over the commas of a list, and ends where a clause of another kind does
    assert "," in CLAUSE_ENDS and "," not in FORECAST_ENDS and FORECAST_ENDS < CLAUSE_ENDS
    # "than" right before a figure is a bound ("more than three"), never a word a figure is said of
    assert COMPARISON_STANDARD <= BOUND_WORDS
    assert {"hinted", "floated", "potential"} <= POSSIBLE
    # a date after "since" goes with the phrase; the year left after a date's comma names no day
    assert REFERENCE_POINT.sub(" ", "the first talks since the war began on March 3, 2021.") == (
        "the first talks  , 2021.")
    assert REFERENCE_POINT.sub(" ", "They met on June 2 in Lima.") == "They met on June 2 in Lima."


@pytest.mark.parametrize(
    ("phrase", "surrounding"),
    [
        ("met on the sidelines of the G7 summit in", True),
        ("spoke at the margins of the climate conference in", True),
        ("talked while attending the forum in", True),
        ("met in", False),
        ("held talks at the presidential palace in", False),
    ],
)
def test_surrounding_event_cues_name_a_larger_gathering_only(phrase, surrounding):
    from compare.lang.en.facts import SURROUNDING_EVENT_CUES

    assert bool(re.search(SURROUNDING_EVENT_CUES, phrase, re.IGNORECASE)) is surrounding


@pytest.mark.parametrize(
    ("sentence", "first_person"),
    [
        ("We see the president's wish to end the war.", True),
        ("Our relations have reached a low point.", True),
        ("He told us the talks went well.", True),
        ("US President X met Chinese President Y.", False),
        ("The talks, the minister said, went well.", False),
    ],
)
def test_first_person_words_mark_a_speakers_own_words(sentence, first_person):
    from compare.lang.en.facts import FIRST_PERSON

    assert bool(re.search(FIRST_PERSON, sentence)) is first_person



def test_given_name_spellings_are_lower_case_patterns():
    # they are read over lower-cased, transliteration-folded names: an upper-case letter in one would never match
    for pattern, plain in LEXICON.given_name_spellings:
        re.compile(pattern)
        assert pattern == pattern.lower() and plain == plain.lower(), pattern
