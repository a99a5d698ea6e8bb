"""The event fact sheet: typed facts read from news sentences, lined up across sources, conflicts as findings.

Sentences are written in the style of wire and national-press copy; none is taken from an article.
"""

from __future__ import annotations

import pytest

from compare.facts import (
    Fact, FactConflict, FactKind, FactStatus, fact_conflicts, lineup, source_facts, with_fact_conflicts,
)
from compare.models import Finding, Relation, Source
from compare.pipeline import prepare


def facts_of(text: str, published: str | None = None, source_id: str = "a") -> tuple[Fact, ...]:
    prepared = prepare(Source(id=source_id, path=f"{source_id}.txt", text=text, published=published))
    return source_facts(prepared.source, prepared.sentences)


def of_kind(facts, kind: FactKind) -> list[tuple[str, str, str | None, str]]:
    return [(f.subject, f.value, f.bound, f.shown) for f in facts if f.kind == kind]


def sheet(*texts: str, published: str | None = None):
    ids = [chr(ord("a") + i) for i in range(len(texts))]
    facts = {sid: facts_of(text, published, sid) for sid, text in zip(ids, texts)}
    return lineup(facts, texts=dict(zip(ids, texts)))


def row(rows, kind: FactKind, subject: str | None = None):
    found = [r for r in rows if r.kind == kind and (subject is None or r.subject == subject)]
    assert len(found) == 1, found
    return found[0]


# --- durations ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject", "value", "bound", "shown"),
    [
        ("The talks lasted about three hours, officials said.", "talks", "3 h", "about", "about three hours"),
        ("The two presidents met for 2 hours and 45 minutes.", "talks", "2 h 45 min", None, "2 hours and 45 minutes"),
        ("Putin and Kim held one-on-one talks for about two hours.", "one-on-one", "2 h", "about", "about two hours"),
        ("The ministers held lengthy talks for three hours.", "talks", "3 h", None, "three hours"),
        ("Modi held a 90-minute meeting with the Chinese leader.", "talks", "1 h 30 min", None, "90-minute"),
        ("The one-on-one lasted an hour and a half.", "one-on-one", "1 h 30 min", None, "an hour and a half"),
        ("After nearly four hours of talks, the ministers emerged smiling.", "talks", "4 h", "below", "nearly four hours"),
        ("The summit, held at a seaside resort, lasted more than two hours.", "talks", "2 h", "above", "more than two hours"),
        ("The working lunch lasted two hours.", "meal", "2 h", None, "two hours"),
        ("The press conference lasted a little over 12 minutes.", "press conference", "12 min", "above",
         "a little over 12 minutes"),
        ("The leaders held a 40-minute restricted format meeting before the delegations joined.", "restricted",
         "40 min", None, "40-minute"),
        ("Discussions concluded after more than two-and-a-half hours, the Kremlin said.", "talks", "2 h 30 min",
         "above", "more than two-and-a-half hours"),
        ("The prime minister met with the Danish president in the Great Hall on Monday evening for more than an "
         "hour.", "talks", "1 h", "above", "more than an hour"),
        ("The two ministers met in Oslo for about two hours.", "talks", "2 h", "about", "about two hours"),
    ],
)
def test_duration_found_with_its_segment(text, subject, value, bound, shown):
    assert of_kind(facts_of(text), FactKind.DURATION) == [(subject, value, bound, shown)]


@pytest.mark.parametrize(
    "text",
    [
        "The talks could last six to seven hours, a Kremlin aide said.",  # a forecast
        "The meeting was expected to last 90 minutes.",
        "The last 10 minutes of the meeting turned into a shouting match.",  # a stretch of it
        "Trump spoke for 3 minutes of that time.",
        "He has served as foreign minister for 12 years.",  # no part of the meeting
        "The war is now entering its fourth year after three years of fighting.",
        "The approximately hour and 40-minute talks ended at noon.",  # half a figure is not read
        "The minister met activists who had been jailed for two years.",  # someone else's length
        "She met him in Oslo after he had been detained for three days.",
        "The minister met the troops, stationed there for six months.",
    ],
)
def test_no_duration_where_none_is_the_meetings(text):
    assert of_kind(facts_of(text), FactKind.DURATION) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the length of one speaker's own words is his
        ("US President Donald Trump made a brief four-minute statement, praising the delegation.",
         [("remarks: donald trump", "4 min", None, "four-minute")]),
        ("Surprisingly, Trump only spoke for 3.3 minutes of that time, which is unprecedented.",
         [("remarks: trump", "3.3 min", None, "3.3 minutes")]),
        # two or more speaking are the talks; a speaker left unnamed is nobody's
        ("They spoke for nearly three hours.", [("talks", "3 h", "below", "nearly three hours")]),
        ("At the venue, Putin and Trump spoke for three hours.", [("talks", "3 h", None, "three hours")]),
        ("He made a brief four-minute statement.", []),
        ("The joint statement ran to 12 pages and took two days to agree.", []),
    ],
)
def test_a_speakers_own_length(text, expected):
    assert of_kind(facts_of(text), FactKind.DURATION) == expected


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("US President Donald Trump made a brief four-minute statement.",
         "Surprisingly, President Trump only spoke for 3.3 minutes.", True),
        ("US President Donald Trump made a brief four-minute statement.",
         "In the end, President Putin spoke for eight minutes.", False),  # two speakers
        ("US President Donald Trump made a four-minute statement.",
         "The talks lasted 4 hours, and President Trump only spoke for 3.9 minutes.", False),  # rounding
    ],
)
def test_speakers_lengths_apart(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second))) is conflict


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a length in brackets after another is the same thing's; it is what happened when the brackets say so
        ("The joint press conference was to last an hour (in fact, only 11 minutes).",
         [("press conference", "11 min", None, "11 minutes")]),
        ("The summit was expected to last two hours (in the end, more than three hours).",
         [("talks", "3 h", "above", "more than three hours")]),
        ("The talks lasted 90 minutes (an hour and a half), the Kremlin said.",
         [("talks", "1 h 30 min", None, "90 minutes"), ("talks", "1 h 30 min", None, "an hour and a half")]),
        # planned, and the brackets only add to the plan
        ("The meeting was supposed to last 40 minutes (almost three hours in total).", []),
        ("The talks could last two hours (or three hours).", []),
        # "last" as a verb is no stretch of the meeting; "the last 10 minutes" is
        ("The talks, which began at noon, went on to last two hours.", [("talks", "2 h", None, "two hours")]),
        ("In the last 10 minutes of the meeting the two sides argued.", []),
    ],
)
def test_a_length_in_brackets_after_another(text, expected):
    assert of_kind(facts_of(text), FactKind.DURATION) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Friday's talks ran longer than a 2018 summit in Helsinki that lasted roughly two hours.",
        "He landed in Tianjin after wrapping up a two-day visit to Japan.",
        "This meeting followed a two-day summit in the port city.",
    ],
)
def test_no_duration_of_another_meeting(text):
    assert of_kind(facts_of(text, published="2025-08-31"), FactKind.DURATION) == []


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("The two signed a joint statement following talks which lasted about four hours.", "about four hours"),
        ("The 40-minute discussion built on their October 2024 meeting in Kazan.", "40-minute"),
    ],
)
def test_duration_of_this_meeting_beside_another(text, shown):
    assert [f for _, _, _, f in of_kind(facts_of(text, published="2025-08-31"), FactKind.DURATION)] == [shown]


def test_a_visit_belongs_to_its_visitor():
    facts = facts_of("Chinese President Xi Jinping arrived in Moscow on Wednesday for a four-day state visit.")
    assert of_kind(facts, FactKind.DURATION) == [("visit (days): xi jinping", "4 days", None, "four-day")]


def test_a_visitor_named_with_accents_is_the_visitor_named_without_them():
    for name in ("Erdoğan", "Erdogan"):
        facts = facts_of(f"Turkey's {name} arrived in Sochi Monday for a one-day working visit.", "2023-09-05")
        assert [subject for subject, *_ in of_kind(facts, FactKind.DURATION)] == ["visit (days): erdogan"]


def test_offsets_index_the_source_text_through_folded_white_space():
    text = "Leaders met in Oslo.\n\nThe talks   lasted about  three\thours,  and Foreign Minister  Anne Holt spoke."
    prepared = prepare(Source(id="a", path="a.txt", text=text))
    facts = source_facts(prepared.source, prepared.sentences)
    assert facts
    for fact in facts:
        assert " ".join(text[fact.start:fact.end].split()) == fact.shown
    duration = next(f for f in facts if f.kind == FactKind.DURATION)
    assert text[duration.start:duration.end] == "about  three\thours"


# --- counts --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject", "value", "bound"),
    [
        ("The two sides signed 12 agreements on trade and energy at the meeting.", "sign: agreement", "12", None),
        ("More than 20 documents were signed during the visit.", "sign: document", "20", "above"),
        ("Ministers signed dozens of cooperation agreements after the talks.", "sign: agreement", "24", "above"),
        # who took part, or was expected to, counts whatever the sentence calls the occasion
        ("Around 20 foreign leaders are expected in the capital on Friday.", "expect: leader", "20", "about"),
        ("The president was among 29 world leaders expected to attend the parade.", "expect: leader", "29", None),
        ("About 15 foreign delegations attended the commemorations.", "attend: delegation", "15", "about"),
    ],
)
def test_count_found_by_noun_and_verb(text, subject, value, bound):
    assert [(s, v, b) for s, v, b, _ in of_kind(facts_of(text), FactKind.COUNT)] == [(subject, value, bound)]


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders attended a state banquet after the talks.",  # a reference, not a count
        "The treaty was signed two years ago, before the meeting.",
        "Officials said the meeting would be held in two weeks.",
        "More than 20 foreign leaders are in the capital for the parade.",  # no verb of taking part
        "Officials said 12 resolutions were adopted by parliament last year.",  # no meeting, not who took part
    ],
)
def test_no_count_where_nothing_is_counted(text):
    assert of_kind(facts_of(text), FactKind.COUNT) == []


# --- people, ordinals, days, places --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "subject", "value"),
    [
        ("Russian Defense Minister Andrei Belousov joined the talks.", "andrei belousov", "minister: defence minister"),
        ("U.S. Vice President JD Vance attended the meeting.", "jd vance", "state: vice president"),
        ("Secretary of State Marco Rubio led the delegation.", "marco rubio", "minister: foreign affairs minister"),
        ("PM Modi met the Chinese leader.", "modi", "government: prime minister"),
        ("Former President Joe Biden was not invited to the meeting.", "joe biden", "state: former president"),
        ("Vice President J.D. Vance sat beside him.", "j.d. vance", "state: vice president"),
        ("Prime Minister Shri Narendra Modi arrived.", "narendra modi", "government: prime minister"),
        ("North Korean leader Kim Jong Un welcomed the guests.", "kim jong un", "leader: leader"),
        ("Leaders met in Alaska. Coverage of the President Vladimir Putin Summit ran all day.", "vladimir putin",
         "state: president"),
        # words for whoever leads, and an editor's words in brackets inside a quotation
        ("Trump said he is willing to meet with North Korean dictator Kim Jong-un.", "kim jong-un", "leader: leader"),
        ("Belarusian strongman Alexander Lukashenko hosted the talks.", "alexander lukashenko", "leader: leader"),
        ("Lee said Trump should meet with [North Korean leader] Kim Jong-un soon.", "kim jong-un", "leader: leader"),
    ],
)
def test_title_of_a_named_person(text, subject, value):
    assert [(s, v) for s, v, _, _ in of_kind(facts_of(text), FactKind.PERSON)] == [(subject, value)]


@pytest.mark.parametrize(
    "text",
    [
        "He called Zelensky a dictator, Trump said on Tuesday.",  # what one calls someone, no apposition
        "Kyiv is not ruled by a strongman, Zelensky said.",
        "Xi is a great leader, Putin told reporters.",
        "He has been a president, Trump said, who keeps his word.",
        "He described the dictator's regime as brutal.",
        "Trump said that [the leader] was a friend.",
    ],
)
def test_no_title_read_where_no_title_names_someone(text):
    assert of_kind(facts_of(text), FactKind.PERSON) == []


def test_a_title_of_another_time_is_left_out():
    assert of_kind(facts_of("Lavrov met then-Secretary of State Antony Blinken in 2023."), FactKind.PERSON) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It was their second meeting this year.", []),  # framed by "this year"
        ("This was their first meeting since 2019.", []),
        ("They greeted each other for their first face-to-face encounter of the president's second term.", []),
        ("This is the second meeting between the two leaders in the space of less than a year.", []),
        ("The first talks between officials of Russia, the United States and Ukraine since 2022 ended.", []),
        ("Trump raised the possibility of a second meeting with Putin.", []),  # not this meeting
        ("The talks were their first in-person meeting.", [("in-person meeting", "1")]),
        ("Friday's summit was their third meeting.", [("meeting", "3")]),
    ],
)
def test_ordinal_of_the_meeting_only_without_a_frame(text, expected):
    assert [(s, v) for s, v, _, _ in of_kind(facts_of(text), FactKind.ORDINAL)] == expected


def test_weekday_and_date_of_the_meeting():
    facts = facts_of("The two leaders met in Tianjin on Sunday. Talks resumed later.", published="2025-08-31")
    assert of_kind(facts, FactKind.WEEKDAY) == [("meeting", "Sunday", None, "Sunday")]
    assert of_kind(facts, FactKind.DATE) == [("meeting", "2025-08-31", "about", "Sunday")]  # worked out
    assert of_kind(facts, FactKind.PLACE) == [("meeting", "Tianjin", None, "Tianjin")]


@pytest.mark.parametrize(
    "text",
    [
        "The Kremlin said on Tuesday that the talks had gone well.",  # the day of a statement
        "The meeting followed last Friday's summit in Alaska.",  # an earlier meeting's day
    ],
)
def test_weekday_not_the_meetings(text):
    assert of_kind(facts_of(text, published="2025-08-19"), FactKind.WEEKDAY) == []


@pytest.mark.parametrize(
    ("text", "weekday"),
    [
        ("The summit between the two presidents took place in Busan, South Korea, on Thursday.", "Thursday"),
        ("The talks were held in the Saudi capital, Riyadh, on Tuesday.", "Tuesday"),
        ("The summit was a success, aides said, and on Friday both sides went home.", None),  # no tie to the day
    ],
)
def test_a_weekday_after_took_place_dates_the_meeting(text, weekday):
    found = of_kind(facts_of(text, published="2025-10-30"), FactKind.WEEKDAY)
    assert [value for _, value, _, _ in found] == ([weekday] if weekday else [])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("On the morning of May 8, President Vladimir Putin received President Xi Jinping in Moscow.", "2025-05-08"),
        ("On May 8, President Vladimir Putin will receive President Xi Jinping in Moscow.", None),  # ahead
        ("On May 8, President Vladimir Putin thanked the veterans.", None),  # one person: no meeting
    ],
)
def test_a_lead_naming_two_titled_people_dates_their_meeting(text, date):
    found = of_kind(facts_of(text, published="2025-05-08"), FactKind.DATE)
    assert [value for _, value, _, _ in found] == ([date] if date else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two presidents are scheduled to meet at 11.30 am local time (1930GMT) in Anchorage.",
         [("scheduled start", "19:30 UTC", None, "11.30 am local time (1930GMT)")]),
        ("The summit in Anchorage is scheduled for 3 p.m. ET.",  # US Eastern summer time: UTC-4
         [("scheduled start", "19:00 UTC", None, "3 p.m. ET")]),
        ("The meeting will take place on Friday at 11:00 local time (22:00 Moscow time).",
         [("scheduled start", "19:00 UTC", None, "11:00 local time (22:00 Moscow time)")]),
        ("The leaders met on Friday, and the talks started around 3:30 p.m. EST.",
         [("start: talks", "19:30 UTC", "about", "3:30 p.m. EST")]),
        ("The welcoming ceremony began at 11:10 a.m. local time (7:10 p.m. GMT).", []),  # not the meeting's
        ("The leaders convened around 11 a.m. at the venue for talks.", []),  # whose 11 a.m.?
        ("The president's plane landed at 10:54 a.m. local time (6:54 p.m. GMT) before the talks.", []),
    ],
)
def test_clock_time_of_the_meeting_in_utc(text, expected):
    assert of_kind(facts_of(text, published="2025-08-15"), FactKind.TIME_OF_DAY) == expected


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The summit is scheduled for 3 p.m. ET.", "The leaders are scheduled to meet at 11.30 am local time (1930GMT).",
         True),
        ("The summit is scheduled for 3 p.m. ET.", "The meeting will take place at 11:00 local time (22:00 Moscow time).",
         False),  # one moment in two zones
        ("The summit is scheduled for 3 p.m. ET.", "The talks started around 3:30 p.m. EST.", False),  # a slip
        ("The talks began at 11:26 a.m. (7:26 p.m. GMT).", "The talks started around 3:30 p.m. EST.", False),
        ("The talks began at 7:26 p.m. GMT.", "The talks started around 5 p.m. EST.", True),
    ],
)
def test_clock_times_apart(first, second, conflict):
    conflicts = fact_conflicts(sheet(first, second, published="2025-08-15"))
    assert [c.kind for c in conflicts] == ([FactKind.TIME_OF_DAY] if conflict else [])


def test_a_clock_time_without_a_date_is_placed_on_the_events_date():
    facts = {"a": facts_of("The summit is scheduled for 3 p.m. ET.", published=None, source_id="a"),
             "b": facts_of("The leaders met on August 15. They were scheduled to meet at 1900GMT.",
                           published="2025-08-16", source_id="b")}
    assert [f.value for f in facts["a"] if f.kind == FactKind.TIME_OF_DAY] == ["15:00 America/New_York"]
    rows = lineup(facts)
    start = row(rows, FactKind.TIME_OF_DAY, "scheduled start")  # US Eastern summer time on 15 August: UTC-4
    assert start.status == FactStatus.AGREE and {f.value for f in start.facts} == {"19:00 UTC"}


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # no date written out: compared with summer time and without it, apart only when apart both ways
        ("The summit is scheduled for 3 p.m. ET.", "The leaders are scheduled to meet at 11.30 am local time (1930GMT).",
         True),
        ("The summit is scheduled for 3 p.m. ET.", "The meeting will take place at 11:00 local time (22:00 Moscow time).",
         False),  # one moment in summer
        ("The summit is scheduled for 3 p.m. ET.", "The leaders are scheduled to meet at 2000GMT.", False),  # winter
        ("The talks began at 11:26 a.m. (7:26 p.m. GMT).", "The talks started around 3:30 p.m. EST.", False),
    ],
)
def test_clock_times_on_a_day_no_source_writes_out(first, second, conflict):
    facts = {"a": facts_of(first, published=None, source_id="a"),
             "b": facts_of(f"The leaders met on Friday. {second}", published=None, source_id="b")}
    assert [c.kind for c in fact_conflicts(lineup(facts))] == ([FactKind.TIME_OF_DAY] if conflict else [])


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Their sit-down at the air base is scheduled for 3 p.m. ET, the White House said.", True),
        ("The encounter is set for 11:30 a.m. local time (1930GMT).", True),
        ("The president's plane is scheduled to land at 10:54 a.m. local time (6:54 p.m. GMT).", False),
    ],
)
def test_a_clock_time_of_the_talks_by_another_noun(text, read):
    assert bool(of_kind(facts_of(text, published="2025-08-15"), FactKind.TIME_OF_DAY)) is read


def test_every_sentence_that_states_a_conflicting_figure_is_paired():
    rows = sheet("The summit is scheduled for 3 p.m. ET. Their sit-down is scheduled for 3 p.m. ET, aides said.",
                 "The leaders are scheduled to meet at 11.30 am local time (1930GMT).", published="2025-08-15")
    assert {(c.a.sentence_id, c.b.sentence_id) for c in fact_conflicts(rows)} == {(0, 0), (1, 0)}


def test_a_place_span_covers_the_name_only():
    facts = facts_of("Xi Jinping arrived in Moscow Wednesday and held talks with Putin.", published="2025-05-08")
    assert of_kind(facts, FactKind.PLACE) == [("meeting", "Moscow", None, "Moscow")]


def test_place_of_an_earlier_meeting_is_not_stated():
    facts = facts_of("The last time the two leaders met was in June 2019 in Osaka.", published="2025-10-30")
    assert [f for f in facts if f.kind == FactKind.PLACE and f.bound is None] == []


@pytest.mark.parametrize(
    "text",
    [
        "The two prime ministers met on the sidelines of the G20 summit in Rio de Janeiro on Monday.",
        "Both leaders held talks on the margins of the Shanghai Cooperation Organisation meeting in Astana.",
        "The ministers sat down for talks while attending the ASEAN forum in Vientiane.",
    ],
)
def test_the_host_city_of_a_surrounding_gathering_is_not_the_meetings_place(text):
    assert [f for f in facts_of(text, published="2025-07-07") if f.kind == FactKind.PLACE] == []


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("On the sidelines of the G20 summit, the two prime ministers met in Niteroi on Monday.", "Niteroi"),
        ("The two leaders met in Kuala Lumpur on the sidelines of the ASEAN summit.", "Kuala Lumpur"),
    ],
)
def test_a_meeting_place_beside_a_surrounding_gathering_is_stated(text, place):
    facts = facts_of(text, published="2025-07-07")
    assert [(f.value, f.bound) for f in facts if f.kind == FactKind.PLACE] == [(place, None)]


def test_a_side_meeting_in_another_city_than_the_summits_host_is_no_conflict():
    rows = sheet("The presidents met on the sidelines of the regional summit in Gyeongsan on Thursday.",
                 "The presidents met in Daegu on Thursday for talks on trade.")
    assert [c for c in fact_conflicts(rows) if c.kind == FactKind.PLACE] == []


# --- the fact sheet and its conflicts ------------------------------------------------------------------------------


def test_about_three_hours_and_two_hours_45_are_one_length():
    rows = sheet("The talks lasted about three hours.", "The leaders met for 2 hours and 45 minutes.")
    talks = row(rows, FactKind.DURATION, "talks")
    assert talks.status == FactStatus.DIFFER and talks.conflicts == ()


def test_nearly_and_more_than_one_figure_conflict():
    rows = sheet("They spoke for nearly three hours.", "The talks lasted more than three hours.")
    assert row(rows, FactKind.DURATION, "talks").status == FactStatus.CONFLICT


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("The talks ended after about three hours.", "The talks lasted more than three hours."),
        ("Discussions concluded after more than two-and-a-half hours.", "The talks lasted more than three hours."),
        ("The talks lasted more than four hours.", "The talks lasted about 4.5 hours."),
    ],
)
def test_bounds_admit_the_right_side(first, second):
    assert fact_conflicts(sheet(first, second)) == ()


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The talks, lasting three hours, ended without a deal.", "After about 2.5 hours of talks, both sides left.",
         False),  # a round figure and a hedged one meet near 2 h 45 min
        ("The ministers met for two hours.", "The meeting ended after about two and a half hours.", False),
        ("The talks, lasting three hours, ended without a deal.", "The talks lasted 90 minutes.", True),
        ("They met for one hour.", "The 40-minute discussion was cordial.", True),
        ("After about 2.5 hours of talks, both sides left.", "The talks lasted more than three hours.", True),
        ("The summit lasted four hours.", "The summit lasted three hours.", True),
    ],
)
def test_a_length_in_whole_hours_is_rounded(first, second, conflict):
    found = [c for c in fact_conflicts(sheet(first, second)) if c.kind == FactKind.DURATION]
    assert bool(found) is conflict


def test_a_duration_conflict_quotes_both_spans():
    rows = sheet("Modi held a five-hour meeting with Xi in Tianjin.", "The 40-minute discussion was cordial.")
    (conflict,) = fact_conflicts(rows)
    assert conflict.reason == "duration (talks): a says “five-hour”, b says “40-minute”"
    assert (conflict.a.source, conflict.b.source) == ("a", "b")


def test_short_and_long_forms_of_a_name_are_one_person():
    rows = sheet("President Xi said the talks were candid.", "Chinese President Xi Jinping met Modi.")
    person = row(rows, FactKind.PERSON)
    assert person.subject == "xi jinping" and person.status == FactStatus.AGREE


@pytest.mark.parametrize(
    ("texts", "subjects"),
    [
        # a romanised given name written with and without its hyphen, and a surname alone after a title
        (("South Korean President Lee Jae Myung arrived.", "The new president, Lee Jae-myung, arrived.",
          "President Lee said the talks went well."), ["lee jae myung"]),
        (("North Korean leader Kim Jong-un did not attend.", "North Korean leader Kim Jong Un did not attend."),
         ["kim jong un"]),
        (("President Lee said the talks went well.", "The new president, Lee Jae-myung, arrived."),
         ["lee jae-myung"]),
        # two people of one surname: a surname alone joins neither, and a hyphen joins no other name
        (("President Lee said so.", "President Lee Jae-myung met Prime Minister Lee Hsien Loong."),
         ["lee", "lee hsien loong", "lee jae-myung"]),
        (("North Korean leader Kim Jong-un spoke.", "North Korean leader Kim Jong Il spoke."),
         ["kim jong il", "kim jong-un"]),
    ],
)
def test_hyphen_and_space_variants_and_a_surname_alone_are_one_person(texts, subjects):
    rows = [r for r in sheet(*texts) if r.kind == FactKind.PERSON]
    assert sorted(r.subject for r in rows) == subjects
    assert fact_conflicts(rows) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body's name after an office, or an office's own list of portfolios, is no person
        ("Julius Malema, the firebrand leader of the Economic Freedom Fighters, was shown in the video.", []),
        ("The delegation included Mr Tau, Minister of Trade, Industry and Competition.", []),
        ("Ramaphosa was joined by the Minister of Trade, Industry Competition and two golfers.", []),
        ("He met the leader of the African National Congress on Friday.", []),
        # the holder named after the body, or after a single portfolio, is still read
        ("Also present was the leader of the Democratic Alliance John Steenhuisen.",
         [("john steenhuisen", "leader: leader")]),
        ("Minister of Trade, Parks Tau, joined the talks.", [("parks tau", "minister: trade minister")]),
        ("Agriculture Minister John Steenhuisen joined the talks.",
         [("john steenhuisen", "minister: agriculture minister")]),
    ],
)
def test_a_body_or_an_office_named_after_a_title_is_no_person(text, expected):
    assert [(f.subject, f.value) for f in facts_of(text) if f.kind == FactKind.PERSON] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a role noun before a name, every name of a list after a plural one
        ("Ramaphosa brought golfers Ernie Els and Retief Goosen, and billionaire Johann Rupert.",
         ["ernie els", "retief goosen", "johann rupert"]),
        ("The video showed South African opposition politician Julius Malema singing.", ["julius malema"]),
        ("China released the Australian journalist Cheng Lei before the visit.", ["cheng lei"]),
        ("Ramaphosa thanked businessman Johann Rupert's foundation.", ["johann rupert"]),
        ("The clips featured Julius Malema, an opposition politician who founded a party.", ["julius malema"]),
        ("China released Cheng Lei, an Australian journalist, last month.", ["cheng lei"]),
        ("But Yang Hengjun, an Australian democracy activist, is still held.", ["yang hengjun"]),
        ("But Yang, a democracy activist, is still held.", []),
        # a place, a country, a team, a single word, a title already read: no person by role
        ("Trump praised golfers in South Africa and Scotland.", []),
        ("The billionaire South Africa's richest man was there.", []),
        ("Fans of champions Real Madrid watched.", []),
        ("The golfer Els joined the talks.", []),
        ("He flew to Cape Town, a city of golfers, on Monday.", []),
        ("He spoke to South Africa, a nation of journalists.", []),
        ("The talks in Cape Town, a haven for golfers, ended.", []),
        ("He met Jan Smit, a friend of activists, on Monday.", []),
    ],
)
def test_a_person_named_by_a_role(text, expected):
    people = [f for f in facts_of(text) if f.kind == FactKind.PERSON]
    assert [f.subject for f in people] == expected
    assert {f.value for f in people} <= {"named: by role"}


def test_a_name_after_a_countrys_possessive_joins_the_person_named_otherwise():
    rows = sheet("Trump hoped to meet again with North Korea's Kim Jong Un.",
                 "North Korean leader Kim Jong Un was not invited.",
                 "Japan's Nikkei Asia and Russia's Black Sea Fleet were not discussed.")
    person = row(rows, FactKind.PERSON)  # the possessive alone names no one: no row for a paper or a fleet
    assert person.subject == "kim jong un" and person.status == FactStatus.AGREE
    assert {f.source for f in person.facts} == {"a", "b"}
    assert [f.country for f in person.facts if f.source == "a"] == ["North Korea"]


def test_a_title_after_a_countrys_possessive_is_read_once():
    people = [(f.subject, f.value) for f in facts_of("China's Foreign Minister Wang Yi attended.")
              if f.kind == FactKind.PERSON]
    assert people == [("wang yi", "minister: foreign affairs minister")]


@pytest.mark.parametrize(
    ("texts", "conflict"),
    [
        # a name without a title states no title: it fits any
        (("Former President Donald Trump met Putin.", "Billionaire Donald Trump met Putin."), False),
        # one surname, two given names: without an office as likely two relatives as a garble
        (("Businessman Eric Trump spoke.", "Businessman Donald Trump spoke."), False),
        # a surname one letter off under one given name is still a garble
        (("Golfer Retief Goosen came.", "Golfer Retief Gooson came.", "Golfers Retief Goosen and Ernie Els came."),
         True),
    ],
)
def test_a_person_named_without_a_title_in_conflicts(texts, conflict):
    assert bool(fact_conflicts(sheet(*texts))) is conflict


def test_transliterations_are_one_person():
    rows = sheet("Defense Minister Andrei Belousov attended.", "Defense Minister Andrey Belousov attended.")
    assert fact_conflicts(rows) == ()


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("Premier Xi Jinping met Modi.", "President Xi Jinping met Modi.", True),
        ("Foreign Minister Sergei Lavrov spoke.", "Defense Minister Sergei Lavrov spoke.", True),
        ("Former President Donald Trump met Putin.", "President Donald Trump met Putin.", True),
        ("Foreign Minister Ishaq Dar spoke.", "Deputy Prime Minister Ishaq Dar spoke.", False),  # both held at once
        ("Kremlin aide Yuri Ushakov spoke.", "Presidential adviser Yuri Ushakov spoke.", False),
        ("State Secretary Marco Rubio spoke.", "Secretary of State Marco Rubio spoke.", False),
        ("President Shehbaz Sharif spoke.", "Former Prime Minister Nawaz Sharif spoke.", False),  # two people
        ("Chinese leader Xi Jinping met Modi.", "President Xi Jinping met Modi.", False),  # a leader holds some office
    ],
)
def test_offices_of_one_person(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second))) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # a surname one letter off under one office and given name: a garble
        ("Treasury Secretary Scott Bessant flew in.", "Treasury Secretary Scott Bessent flew in.", True),
        ("Italian Prime Minister Georgia Melon arrived.", "Italian Prime Minister Giorgia Meloni arrived.", True),
        ("German Chancellor Friedrich Mertz spoke.", "German Chancellor Friedrich Merz spoke.", True),
        ("National security adviser Musaed al Alban sat in.",
         "National Security Adviser Mosaad bin Mohammed Al-Aiban sat in.", True),
        # the same surname under another given name
        ("Commerce Secretary Scott Lutnick joined.", "Commerce Secretary Howard Lutnick joined.", True),
        # one name written two ways, or two people
        ("President Volodymyr Zelenskiy spoke.", "President Volodymyr Zelenskyy spoke.", False),
        ("President Volodymyr Zelensky spoke.", "President Vladimir Zelenski spoke.", False),
        ("Defense Minister Andrei Belousov spoke.", "Defense Minister Andrey Belousov spoke.", False),
        ("Adviser Michael Waltz spoke.", "Adviser Mike Waltz spoke.", False),
        ("Vice President JD Vance spoke.", "Vice President James David Vance spoke.", False),
        ("President Ukhnaagiin Khurelsukh spoke.", "President Ukhnaa Khurelsukh spoke.", False),
        ("President Moon spoke.", "President Yoon spoke.", False),  # one word each: nothing to tell them by
        ("Envoy Steve Witkoff spoke.", "Minister Steve Whitkoff spoke.", False),  # another office: maybe another man
    ],
)
def test_a_name_garbled_by_one_source(first, second, conflict):
    conflicts = fact_conflicts(sheet(first, second))
    assert bool(conflicts) is conflict
    if conflict:
        assert {c.kind for c in conflicts} == {FactKind.PERSON}


def test_a_garbled_name_is_shown_in_the_row_of_the_name_most_sources_write():
    rows = sheet("Treasury Secretary Scott Bessent flew in.", "Treasury Secretary Scott Bessant flew in.",
                 "Treasury Secretary Scott Bessent said so.")
    person = row(rows, FactKind.PERSON)
    assert person.subject == "scott bessent" and person.status == FactStatus.CONFLICT
    assert {(c.a.source, c.b.source) for c in person.conflicts} == {("b", "a"), ("b", "c")}
    assert person.conflicts[0].reason == ("person (scott bessent): b says “Treasury Secretary Scott Bessant”, "
                                          "a says “Treasury Secretary Scott Bessent”")


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("US Secretary of State Mike Vance said so.", "US Secretary of State Marco Rubio said so.", True),
        ("Russian President Vladimir Putin spoke.", "Russian President Boris Yeltsin spoke.", True),
        ("US Secretary of State Mike Vance said so.", "Secretary of State Marco Rubio said so.", False),  # whose?
        ("Russian Foreign Minister Sergei Lavrov spoke.", "Chinese Foreign Minister Wang Yi spoke.", False),
        ("Russian spokesman Dmitry Peskov spoke.", "Russian spokeswoman Maria Zakharova spoke.", False),  # staff
        ("Chinese Vice Premier He Lifeng spoke.", "Chinese Vice Premier Ding Xuexiang spoke.", False),  # several
        ("US President Donald Trump met Putin. In 2021 US President Joe Biden met him in Geneva.",
         "US President Donald Trump met Putin.", False),  # a sentence of another year names another holder
        ("Former US President Joe Biden was not there.", "US President Donald Trump was there.", False),
        ("US President Donald Trump and US President Joe Biden differ.", "US President Joe Biden spoke.", False),
    ],
)
def test_two_people_named_to_one_office(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second, published="2025-08-18"))) is conflict


@pytest.mark.parametrize("country", ["Türkiye", "Turkiye", "Turkey", "Turkish"])
def test_a_titles_country_is_read_with_or_without_its_accents(country):
    facts = facts_of(f"{country} Foreign Minister Hakan Fidan met the envoy in Ankara on Monday.", "2023-09-05")
    assert [(f.subject, f.country) for f in facts if f.kind == FactKind.PERSON] == [("hakan fidan", "Turkey")]
    rows = sheet(f"{country} Foreign Minister Hakan Fidan met the envoy in Ankara on Monday.",
                 "Turkish Foreign Minister Mevlut Cavusoglu met the envoy in Ankara on Monday.", published="2023-09-05")
    assert {c.kind for c in fact_conflicts(rows)} == {FactKind.PERSON}  # one office, two holders


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title with its remit between office and name, or set after the name between commas
        ("The team included Trump's special envoy for the Middle East Steve Whitkoff.",
         [("steve whitkoff", "staff: envoy", None)]),
        ("The delegation included Steve Witkoff, Washington's special envoy for the Middle East.",
         [("steve witkoff", "staff: envoy", None)]),
        ("Marco Rubio, the US Secretary of State, on Monday arrived in Saudi Arabia.",
         [("marco rubio", "minister: foreign affairs minister", "United States")]),
        ("Prime Minister of India Narendra Modi met the Chinese leader.",
         [("narendra modi", "government: prime minister", "India")]),
        # the tail of a longer title, a list the title introduces the next item of, a day, another time's title
        ("Assistant to the President for National Security Mike Waltz sat in.", []),
        ("Guests included Aleksandr Lukashenko, the president of Brazil, Luiz Lula and others.", []),
        ("On Thursday, the president said the talks went well.", []),
        ("Donald Trump, the former president, was not there.", []),
    ],
)
def test_a_title_set_apart_from_the_name(text, expected):
    people = [(f.subject, f.value, f.country) for f in facts_of(text, published="2025-02-18")
              if f.kind == FactKind.PERSON]
    assert people == expected


def test_a_name_garbled_where_no_title_precedes_it():
    rows = sheet("The team included Trump's special envoy for the Middle East Steve Whitkoff.",
                 "The delegation included Steve Witkoff, Washington's special envoy for the Middle East.",
                 "Special Envoy Steve Witkoff joined the talks.", published="2025-02-18")
    assert {(c.a.source, c.b.source) for c in fact_conflicts(rows)} == {("a", "b"), ("a", "c")}


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # a country has one national security adviser at a time
        ("US national security adviser Mike Waltz sat in.", "US National Security Advisor Jake Sullivan sat in.",
         True),
        ("Saudi national security adviser Musaed al Aiban sat in.", "US national security adviser Mike Waltz sat in.",
         False),
        # a title without a country takes that of the person listed just before it, when the sentence names no other
        ("The US side sent US Foreign Minister Marco Rubio and National Security Advisor Jake Sullivan.",
         "Rubio was joined by US national security adviser Mike Waltz.", True),
        ("Saudi Foreign Minister Faisal bin Farhan and national security adviser Musaed al Alban joined them.",
         "Rubio was joined by US national security adviser Mike Waltz.", False),
        ("Russian Foreign Minister Sergei Lavrov and national security adviser Jake Sullivan met in Riyadh.",
         "Rubio was joined by US national security adviser Mike Waltz, the US said.", False),
        ("Indian Prime Minister Narendra Modi met national security adviser Jake Sullivan.",
         "US national security adviser Mike Waltz was there.", False),  # no list: the title's country is unsaid
        ("US Foreign Minister Marco Rubio and national security adviser Jake Sullivan met Russian officials.",
         "US national security adviser Mike Waltz was there.", False),  # another country named: whose?
        ("Russian Foreign Minister Sergei Lavrov and Foreign Minister Marco Rubio met.",
         "Russian Foreign Minister Sergei Lavrov spoke.", False),  # one office, one holder each: two countries
    ],
)
def test_one_holder_offices_and_listed_countries(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second, published="2025-02-18"))) is conflict


@pytest.mark.parametrize(
    ("first", "second", "pairs"),
    [
        # an office given to another holder, under the surname of someone the others title otherwise
        ("US Secretary of State Mike Vance said so.",
         "US Secretary of State Marco Rubio said so. Vice President JD Vance agreed.", {(0, 0), (0, 1)}),
        # without the first conflict a namesake is another person
        ("Secretary of State Hillary Clinton said so.", "Former President Bill Clinton said so.", set()),
        ("US Secretary of State Hillary Clinton said so.", "President Bill Clinton agreed.", set()),
    ],
)
def test_an_odd_holder_under_a_known_surname(first, second, pairs):
    conflicts = fact_conflicts(sheet(first, second, published="2025-02-18"))
    assert {(c.a.sentence_id, c.b.sentence_id) for c in conflicts} == pairs


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # a weekday off the date its own sentence writes out is no time zone: the calendar is one
        ("The leaders met in Busan on Wednesday (Oct. 30).", "The summit took place in Busan on Thursday.", True),
        ("The leaders met in Busan on Thursday (Oct. 30).", "The summit took place in Busan on Thursday.", False),
        ("The leaders met in Busan on Wednesday.", "The summit took place in Busan on Thursday.", False),
        ("The leaders met in Busan on Wednesday (Oct. 30).", "The summit took place in Busan on Sunday.", True),
    ],
)
def test_a_weekday_off_its_own_date(first, second, conflict):
    conflicts = fact_conflicts(sheet(first, second, published="2025-10-30"))
    assert [c.kind for c in conflicts if c.kind == FactKind.WEEKDAY] == ([FactKind.WEEKDAY] if conflict else [])


def test_a_weekday_and_the_date_it_stands_for_agree():
    rows = sheet("The leaders met in Tianjin on Sunday.", "The leaders met in Tianjin on August 31.",
                 published="2025-08-31")
    assert fact_conflicts(rows) == ()
    assert row(rows, FactKind.DATE).status == FactStatus.AGREE


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The leaders met on Thursday.", "The leaders met on Friday.", False),  # a time zone apart
        ("The leaders met on Tuesday.", "The leaders met on Friday.", True),
        ("The leaders met on May 8.", "The leaders held talks on May 16.", True),
        ("The leaders met on May 8.", "The leaders held talks on May 9.", False),
    ],
)
def test_days_apart(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second, published="2025-05-20"))) is conflict


@pytest.mark.parametrize("published", [None, "2024-05-10"])
@pytest.mark.parametrize(
    ("second", "conflict"),
    [
        ("The presidents held talks at the Elysee Palace on May 7.", False),  # a day of the span
        ("The presidents held talks at the Elysee Palace on May 8.", False),  # a day past its last: a time zone
        ("The presidents held talks at the Elysee Palace on May 9.", True),
        ("The presidents held talks at the Elysee Palace on May 4.", True),
    ],
)
def test_a_span_of_days_is_as_far_from_a_date_as_its_nearest_day(second, conflict, published):
    rows = sheet("The presidents held talks at the Elysee Palace on May 6-7.", second, published=published)
    assert bool([c for c in fact_conflicts(rows) if c.kind == FactKind.DATE]) is conflict


@pytest.mark.parametrize(
    ("text", "held"),
    [
        ("The meeting, the first in years, ended without a joint press conference.", "0"),
        ("The talks wrapped up with no joint news conference, and the leaders left.", "0"),
        ("Addressing a joint press conference after three hours of talks, the president spoke first.", "1"),
        ("The joint press conference lasted barely 12 minutes.", "1"),
        # a plan either way, a called-off one, another meeting's, or one side's own briefing: not read
        ("The two leaders were to hold a joint press conference after the talks.", None),
        ("The leaders will not hold a joint press conference, an aide said.", None),
        ("No joint press conference is planned after the summit.", None),
        ("The joint press conference was cancelled after the shouting match.", None),
        ("At their joint press conference in Helsinki in 2018, the two leaders stood side by side.", None),
        ("Afterwards the president held a press conference of his own.", None),
    ],
)
def test_whether_a_joint_appearance_was_held(text, held):
    found = [v for s, v, _, _ in of_kind(facts_of(text, published="2025-08-16"), FactKind.COUNT)
             if s == "held: joint press conference"]
    assert found == ([held] if held else [])


def test_a_joint_appearance_held_and_not_held_conflict():
    rows = sheet("The summit ended without a joint press conference.",
                 "Addressing a joint press conference after the talks, the president spoke first.",
                 "The president later held a press conference of his own.", published="2025-08-16")
    assert [(c.kind, c.a.source, c.b.source) for c in fact_conflicts(rows)] == [(FactKind.COUNT, "a", "b")]


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        # no publication date: a date without its year is kept as month and day, and compares as such
        ("Xi Jinping held talks with President Vladimir Putin in Beijing on Thursday, May 16.",
         "On the morning of May 8, President Vladimir Putin had talks with President Xi Jinping in Moscow.", True),
        ("The leaders met on May 8.", "The leaders held talks on May 9.", False),  # a time zone apart
        ("The leaders met on December 31.", "The leaders held talks on January 1.", False),  # across the new year
        ("The leaders met on May 8.", "The leaders held talks on May 8, 2025.", False),
        ("The leaders met on September 1.", "The leaders held talks on August 31, 2025.", False),  # a month apart
        ("The leaders held talks on August 31, 2025.", "The leaders met on September 1.", False),
        # a statement's day, and a span's bounds, are not the meeting's
        ("Foreign Minister Sergei Lavrov stated on March 13 that the two sides had agreed to swap diplomats.",
         "The delegations met in Riyadh on February 18.", False),
        ("The two sides agreed on a visa-free policy from Sept 15 this year to Sept 14, 2026.",
         "The delegations met in Beijing on September 2.", False),
    ],
)
def test_dates_without_a_publication_date(first, second, conflict):
    conflicts = fact_conflicts(sheet(first, second, published=None))
    assert [c.kind for c in conflicts if c.kind == FactKind.DATE] == ([FactKind.DATE] if conflict else [])


@pytest.mark.parametrize(
    ("first", "conflict"),
    [
        # the weekday of a date written without its year, in the year the other sources write
        ("The summit was held on Wednesday (Oct. 30) at the airport.", True),
        ("The summit was held on Thursday (Oct. 30) at the airport.", False),
        ("The summit was held on Wednesday at the airport.", False),  # a time zone apart, no date of its own
    ],
)
def test_a_weekday_off_its_own_date_without_a_year(first, conflict):
    rows = sheet(first, "The summit took place in Busan on Thursday.", "The leaders met in Busan on October 30, 2025.",
                 published=None)
    assert [c.kind for c in fact_conflicts(rows) if c.kind == FactKind.WEEKDAY] == (
        [FactKind.WEEKDAY] if conflict else [])


def test_a_date_without_its_year_is_shown_as_month_and_day():
    facts = facts_of("The leaders met on May 16 in Beijing.", published=None)
    assert of_kind(facts, FactKind.DATE) == [("meeting", "--05-16", None, "May 16")]


def test_counts_of_different_things_do_not_conflict():
    rows = sheet("The two sides signed 12 agreements at the talks.", "They signed 20 memorandums at the talks.")
    assert fact_conflicts(rows) == ()
    assert {r.subject for r in rows if r.kind == FactKind.COUNT} == {"sign: agreement", "sign: memorandum"}


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The two sides signed 12 agreements at the talks.", "The two sides signed 15 agreements at the talks.", True),
        ("They signed dozens of agreements at the talks.", "They signed more than 20 agreements at the talks.", False),
    ],
)
def test_counts_of_one_thing(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second))) is conflict


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The leaders met in Busan on Thursday.", "The leaders met in Gyeongju on Thursday.", True),
        ("The leaders met in Busan on Thursday.",
         "The leaders met in Gyeongju on Thursday. Busan was the first stop of the tour.", False),  # mentioned
        ("The leaders met in Busan on Thursday.", "The leaders met in South Korea on Thursday.", False),  # a country
    ],
)
def test_places(first, second, conflict):
    assert bool([c for c in fact_conflicts(sheet(first, second)) if c.kind == FactKind.PLACE]) is conflict


def test_a_city_inside_another_place_named_elsewhere_in_the_event():
    facts = {
        "a": facts_of("The talks were held in Diriyah on Tuesday.", source_id="a"),
        "b": facts_of("The talks were held in Riyadh on Tuesday.", source_id="b"),
    }
    texts = {"a": "The talks were held in Diriyah on Tuesday.", "b": "The talks were held in Riyadh on Tuesday.",
             "c": "Officials gathered at a palace in Diriyah, Riyadh."}
    assert fact_conflicts(lineup(facts, texts=texts)) == ()
    assert fact_conflicts(lineup(facts, texts={k: v for k, v in texts.items() if k != "c"}))


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ("The talks were their first meeting.", "The talks were their second meeting.", True),
        ("The talks were their first in-person meeting.", "The talks were their second meeting.", False),
    ],
)
def test_ordinals_compare_like_with_like(first, second, conflict):
    assert bool(fact_conflicts(sheet(first, second))) is conflict


def test_a_fact_only_one_source_gives_is_single():
    rows = sheet("The talks lasted two hours.", "The leaders met in Oslo.")
    assert row(rows, FactKind.DURATION, "talks").status == FactStatus.SINGLE


# --- conflicts as findings -----------------------------------------------------------------------------------------


def _fact(source: str, sentence_id: int, shown: str) -> Fact:
    return Fact(source, sentence_id, FactKind.DURATION, "talks", shown, shown, 0, len(shown))


CONFLICT = FactConflict(FactKind.DURATION, "talks", _fact("a", 2, "five-hour"), _fact("b", 0, "40-minute"),
                        "duration (talks): a says “five-hour”, b says “40-minute”")


def _finding(source, sentence_id, other, other_id, relation):
    return Finding("e1", source, sentence_id, other, other_id, relation, 0.5, str(relation), str(relation))


def test_an_omitted_sentence_becomes_the_contradiction():
    findings = (_finding("a", 2, "b", None, Relation.OMITTED), _finding("b", 0, "a", 5, Relation.AGREE))
    out = with_fact_conflicts(findings, [CONFLICT])
    assert out[0].relation == Relation.CONTRADICT and out[0].other_sentence_id == 0
    assert out[0].reason == CONFLICT.reason
    assert out[1] == findings[1]


def test_an_agreement_is_kept_when_the_other_side_was_omitted():
    findings = (_finding("a", 2, "b", 3, Relation.AGREE), _finding("b", 0, "a", None, Relation.OMITTED))
    out = with_fact_conflicts(findings, [CONFLICT])
    assert out[0] == findings[0]
    assert out[1].relation == Relation.CONTRADICT and out[1].other_sentence_id == 2
    assert out[1].reason == "duration (talks): b says “40-minute”, a says “five-hour”"  # its own source first


def test_an_existing_contradiction_stays():
    findings = (_finding("a", 2, "b", 1, Relation.CONTRADICT), _finding("b", 0, "a", None, Relation.OMITTED))
    assert with_fact_conflicts(findings, [CONFLICT]) == findings


def test_one_finding_per_sentence_and_other_source_after_overrides():
    findings = (_finding("a", 2, "b", 3, Relation.PARTIAL), _finding("b", 0, "a", 4, Relation.AGREE),
                _finding("a", 1, "b", None, Relation.OMITTED))
    out = with_fact_conflicts(findings, [CONFLICT, CONFLICT])
    assert [(f.source, f.sentence_id, f.other_source) for f in out] == \
        [(f.source, f.sentence_id, f.other_source) for f in findings]
    assert [f.relation for f in out] == [Relation.CONTRADICT, Relation.AGREE, Relation.OMITTED]


@pytest.mark.parametrize("texts, place_status", [
    (("Defence ministers met in Lisbon on Monday for three hours.",
      "The ministers met in Lisbon on Monday, talking for about three hours."), FactStatus.AGREE),
    (("The two leaders met in Lisbon on Monday.", "The two leaders met in Porto on Monday."), FactStatus.CONFLICT),
    (("The two leaders met in Lisbon on Monday.", "The two leaders met in Porto on Monday, a day after Lisbon."),
     FactStatus.DIFFER),  # the second names the first's place: the texts are read
])
def test_an_event_s_sheet_reads_the_texts_only_where_places_could_conflict_and_is_the_same(texts, place_status):
    from compare.facts import event_sheet

    ids = [chr(ord("a") + i) for i in range(len(texts))]
    prepared = {sid: prepare(Source(id=sid, path=f"{sid}.txt", text=text, published="2025-03-03"))
                for sid, text in zip(ids, texts)}
    facts = {sid: source_facts(p.source, p.sentences) for sid, p in prepared.items()}
    sentences = {sid: [s.text for s in p.sentences] for sid, p in prepared.items()}
    full = lineup(facts, texts={sid: " ".join(parts) for sid, parts in sentences.items()})
    assert event_sheet(facts, sentences) == full
    assert row(full, FactKind.PLACE).status == place_status


# --- titles in someone's words -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "speech",
    [
        "We value President Lindqvist's wish to settle the dispute, the minister said.",
        "“We value the efforts of President Lindqvist,” the minister told reporters.",
        "The minister spoke at length. “Talks went well. President Lindqvist was generous with his time.”",
    ],
)
def test_a_title_in_someones_words_is_no_conflict(speech):
    rows = sheet("Former President Lindqvist met the minister in Oslo on Monday.", speech)
    assert [c for c in fact_conflicts(rows) if c.kind == FactKind.PERSON] == []


@pytest.mark.parametrize(
    "reported",
    [
        "President Lindqvist said “we value the talks” after the meeting.",
        "The minister said the talks went well. President Lindqvist left for Bergen.",
        "President Lindqvist met the minister, telling US officials the talks would go on.",
    ],
)
def test_the_outlets_own_title_still_conflicts(reported):
    rows = sheet("Former President Lindqvist met the minister in Oslo on Monday.", reported)
    assert [c for c in fact_conflicts(rows) if c.kind == FactKind.PERSON]


def test_a_quoted_title_does_not_excuse_the_outlets_own():
    rows = sheet("Former President Lindqvist met the minister. “President Lindqvist was kind,” she said.",
                 "President Lindqvist met the minister. “President Lindqvist was generous,” an aide said.")
    (conflict,) = [c for c in fact_conflicts(rows) if c.kind == FactKind.PERSON]
    assert (conflict.a.start, conflict.b.start) == (0, 0)



# --- titles of another time ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "then",
    [
        "This year marks the 50th anniversary of Prime Minister Lindqvist's visit to Beijing, the minister noted.",
        "Prime Minister Lindqvist was the first leader to visit Beijing, 50 years ago.",
        "The visit recalled Prime Minister Lindqvist's trip to Beijing in the 1970s.",
        "The visit recalled Prime Minister Lindqvist's trip to Beijing in the seventies.",
        "Prime Minister Lindqvist had visited Beijing in 1973.",
    ],
)
def test_a_title_of_another_time_is_no_conflict(then):
    rows = sheet("The minister praised former prime minister Lindqvist in Oslo on Monday.", then, published="2025-03-03")
    assert [c for c in fact_conflicts(rows) if c.kind == FactKind.PERSON] == []
    assert any(f.bound == "of another time" for r in rows for f in r.facts if r.kind == FactKind.PERSON)


def test_a_title_in_the_countries_is_of_now():
    rows = sheet("The minister praised former prime minister Lindqvist in Oslo on Monday.",
                 "Prime Minister Lindqvist met the ministers in the countries of the region on Monday.",
                 published="2025-03-03")
    assert [c for c in fact_conflicts(rows) if c.kind == FactKind.PERSON]


def test_a_title_of_now_still_conflicts_with_former():
    rows = sheet("The minister praised former prime minister Lindqvist in Oslo on Monday.",
                 "Prime Minister Lindqvist met the minister in Oslo on Monday.", published="2025-03-03")
    assert [c for c in fact_conflicts(rows) if c.kind == FactKind.PERSON]


def test_a_name_with_two_particles_is_read_whole_and_a_pronoun_ends_a_name():
    from compare.facts import FactKind

    text = ("Commission President Anna von der Berg met Prime Minister Piotr Kowal He said the talks went well. "
            "Kowal thanked her.")
    facts = facts_of(text)
    names = {f.subject for f in facts if f.kind == FactKind.PERSON}
    assert names == {"anna von der berg", "piotr kowal"}


@pytest.mark.parametrize("second, status", [
    ("Lee met Trump at the White House on August 25 for talks on trade.", FactStatus.AGREE),  # the year left out
    ("Lee met Trump at the White House on August 26 for talks on trade.", FactStatus.DIFFER),  # a day apart
    ("Lee met Trump at the White House on August 29 for talks on trade.", FactStatus.CONFLICT),
])
def test_a_date_without_its_year_agrees_with_the_same_day_given_in_full(second, status):
    rows = sheet("President Lee met President Trump at the White House on August 25, 2025.", second)
    assert row(rows, FactKind.DATE, "meeting").status == status


def test_a_title_written_twice_before_a_name_is_one_title():
    rows = sheet("Trump expects a meeting with Ukraine's President Ukrainian President Volodymyr Zelensky this week.",
                 "Macron said he had spoken with Ukrainian President Volodymyr Zelensky on Sunday.")
    person = row(rows, FactKind.PERSON, "volodymyr zelensky")
    assert person.status == FactStatus.AGREE and person.conflicts == ()


@pytest.mark.parametrize("first, second, status", [
    ("Modi and Putin held talks today during the 23rd India-Russia Annual Summit.",
     "Modi and Putin held talks during the 22nd India-Russia Annual Summit at Hyderabad House.", FactStatus.CONFLICT),
    ("Modi and Putin held talks today during the 23rd India-Russia Annual Summit.",
     "India and Russia on Friday used their 23rd Annual Summit to put an edge on ties.", FactStatus.AGREE),
])
def test_which_meeting_reads_past_the_names_of_whose_meeting_it_is(first, second, status):
    assert row(sheet(first, second), FactKind.ORDINAL, "annual summit").status == status


def test_a_person_is_named_as_most_sources_write_him():
    rows = sheet("President Emmanuel Macron met Trump on Monday.", "French President Emmanuel Macron spoke first.",
                 "President Emmanual Macron arrived at noon.")
    person = row(rows, FactKind.PERSON)
    assert person.subject == "emmanuel macron" and {f.source for f in person.facts} == {"a", "b", "c"}
