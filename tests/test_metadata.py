"""Metadata read from article text: stamps, datelines, place names, the meeting's place and dates."""

import random

import pytest

from compare.metadata import (
    country_of_capital,
    date_span,
    finer_date,
    find_dateline,
    meeting_dates,
    meeting_place,
    news_weekday,
    normalise_place,
    parse_date_line,
    place_line,
)


@pytest.mark.parametrize(("value", "first", "last"), [
    ("2025-04-12", "2025-04-12", "2025-04-12"),
    ("2025-04", "2025-04-01", "2025-04-30"),
    ("2024-02", "2024-02-01", "2024-02-29"),  # a leap year's February
    ("2025-12", "2025-12-01", "2025-12-31"),
    ("2025", "2025-01-01", "2025-12-31"),
])
def test_date_span_covers_the_precision_given(value, first, last):
    span = date_span(value)
    assert (span[0].isoformat(), span[1].isoformat()) == (first, last)


@pytest.mark.parametrize("value", [None, "", "someday", "2025-13", "2025-02-30"])
def test_date_span_of_no_date_is_none(value):
    assert date_span(value) is None


def test_fold_letters_folds_accented_letters_and_leaves_the_rest():
    from compare.metadata import fold_letters

    assert fold_letters("“Władysław Kosiniak” — Malacañang’s ß, 東京") == "“Wladyslaw Kosiniak” — Malacanang’s ss, 東京"
    plain = "The minister’s “talks” — and nothing to fold"
    assert fold_letters(plain) is plain


def test_fold_letters_is_str_translate_with_its_table():
    # the slow, plainly right reading: translate every character
    from compare.metadata import _LATIN_FOLDS, beyond_ascii, fold_letters

    pieces = ["Ab ", "é", "Łó", "ß", "’", "“", "—", "東京", "\U0001f600", "\ud800", "\n", "ǅ", "ø"]
    draw = random.Random(7)
    for _ in range(2000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randrange(12)))
        assert fold_letters(text) == text.translate(_LATIN_FOLDS)
        assert beyond_ascii(text) == "".join(c for c in text if not c.isascii())


def test_finer_date_narrows_a_month_only_to_a_day_inside_it():
    assert finer_date("2025-04", "2025-04-12") == "2025-04-12"
    assert finer_date("2025", "2025-04") == "2025-04"
    assert finer_date("2025-04", "2025-05-01") == "2025-04"  # the user's date stands against a stamp outside it
    assert finer_date("2025-04-11", "2025-04-12") == "2025-04-11"
    assert finer_date(None, "2025-04-12") == "2025-04-12"
    assert finer_date("2025-04", None) == "2025-04"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("15:09 JST, October 20, 2024", "2024-10-20"),
        ("02 Jun 2024 08:06:19 GMT9", "2024-06-02"),
        ("October 19, 2024", "2024-10-19"),
        ("2024-10-19", "2024-10-19"),
        ("Oct. 20, 2024 10:00 a.m. ET", "2024-10-20"),
        ("Sunday, 2 June 2024", "2024-06-02"),
        ("7:00 JST, July 29, 2024", "2024-07-29"),
        ("  March 3rd, 2023  ", "2023-03-03"),
        ("Published: 19/10/2024", "2024-10-19"),
        ("10/19/2024", "2024-10-19"),
        ("Updated 2024-10-19T10:00:00Z", "2024-10-19"),
        ("Mon 21 Oct 2024 06.00 BST", "2024-10-21"),
        ("20 October 2024 GMT+9", "2024-10-20"),
        ("19 Oct 2024, 14:30 UTC+02:00", "2024-10-19"),
        ("October 19, 2024 at 3:00 pm EDT", "2024-10-19"),
        ("Last updated: 2025/08/18 at 3:55 PM", "2025-08-18"),
        ("19.10.2024 10:00", "2024-10-19"),
        # a link to the page in Hindi run into the stamp
        ("Saturday, December 06, 2025 | 12:10 AM IST\u0939\u093f\u0902\u0926\u0940 \u092e\u0947\u0902", "2025-12-06"),
    ],
)
def test_parse_date_line_reads_stamps(line, expected):
    assert parse_date_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "The meeting was held on October 19, 2024.",
        "Ministry of Defense",
        "October 2024",  # no day
        "19 October",  # no year
        "Since 1975",
        "2024",
        "Japan, U.S. Defense Chiefs Confirm Strengthening Alliance",
        "NATO 2024 Summit Oct 3",
        "",
        "February 30, 2024",  # not a real day
        "Version 1.2.3 at 10:00",  # a number with dots is no date
        "Putin arrived on December 5, 2025 in Delhi \u0939\u093f\u0902\u0926\u0940",  # a sentence, whatever ends it
    ],
)
def test_parse_date_line_rejects_non_stamps(line):
    assert parse_date_line(line) is None


@pytest.mark.parametrize(
    ("paragraph", "prefix", "place"),
    [
        ("NAPLES, Italy — Japan and the United States agreed.", "NAPLES, Italy — ", "Naples"),
        ("SINGAPORE: Japanese Defense Minister met.", "SINGAPORE: ", "Singapore"),
        ("WASHINGTON (Reuters) - The talks ended.", "WASHINGTON (Reuters) - ", "Washington"),
        ("NEW DELHI, Oct 3 (AP) — Leaders met.", "NEW DELHI, Oct 3 (AP) — ", "New Delhi"),
        ("TOKYO -- The ministers met.", "TOKYO -- ", "Tokyo"),
        ("NAPOLI – I ministri si sono incontrati.", "NAPOLI – ", "Naples"),
        ("KYIV, Ukraine – Talks opened.", "KYIV, Ukraine – ", "Kyiv"),
        ("BEIJING, Oct. 19 (Xinhua) -- China said.", "BEIJING, Oct. 19 (Xinhua) -- ", "Beijing"),
        ("SAN JOSÉ, Costa Rica — Leaders met.", "SAN JOSÉ, Costa Rica — ", "San José"),
        ("SÃO PAULO (Reuters) - Talks ended.", "SÃO PAULO (Reuters) - ", "Sao Paulo"),
        ("TOKYO—The ministers met.", "TOKYO—", "Tokyo"),
        # the agency's dash run into the story, and a title-case city the lexicon knows before a colon
        ("MOSCOW (Reuters) -Russian President Vladimir Putin met.", "MOSCOW (Reuters) -", "Moscow"),
        ("Moscow: Russian President Vladimir Putin met.", "Moscow: ", "Moscow"),
        # a known city of two words before a colon, in either case
        ("New Delhi: Prime Minister Narendra Modi met.", "New Delhi: ", "New Delhi"),
        ("NEW DELHI: Prime Minister Narendra Modi met.", "NEW DELHI: ", "New Delhi"),
    ],
)
def test_find_dateline(paragraph, prefix, place):
    assert find_dateline(paragraph) == (len(prefix), place)


@pytest.mark.parametrize(
    "paragraph",
    [
        "In light of tensions: the two agreed.",
        "UPDATE: the talks were postponed.",
        "Japan and the US agreed to act.",
        "U.S. and Japan agree on plan.",
        "JIJI Press",
        "SINGAPORE:",  # a heading with nothing after it
        "CEO: we will grow.",  # a label, not a place
        "LIVE UPDATES: talks begin",
        "Analysis: The talks ended.",  # a title-case label, not a place the lexicon knows
        "Moscow: a city of contrasts",  # a known city, but the line goes on in lower case
        "White House: The talks ended.",  # two capitalised words that name no city
        "Key Points: The talks ended.",
        "Trade-offs -Many said no.",  # a dash run into the text without an agency's bracket
    ],
)
def test_find_dateline_rejects(paragraph):
    assert find_dateline(paragraph) is None


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("Beijing", "Beijing"),  # a national capital
        ("WASHINGTON", "Washington"),  # written as wire datelines are
        ("Peking", "Beijing"),  # an exonym the lexicon knows
        ("Napoli", "Naples"),
        ("Tianjin, China", "Tianjin"),  # any city, followed by a country the gazetteer knows
        ("  Kyiv  ", "Kyiv"),
    ],
)
def test_place_line_reads_a_line_that_is_only_a_place(line, place):
    assert place_line(line) == place


@pytest.mark.parametrize(
    "line",
    [
        "SHIN MIN-HEE",  # a byline in capitals
        "Maria Lopez",  # a byline
        "Tianjin",  # a city the lexicon does not know, alone: as likely a byline or a label
        "China",  # a country alone: a section label as often as a dateline
        "World",
        "UPDATE",
        "President Lee",  # a title opens a person's name
        "Beijing talks",  # a place and more
        "Talks in Beijing.",
        "Tianjin, Shipping",  # no country after the comma
    ],
)
def test_place_line_rejects_bylines_labels_and_sentences(line):
    assert place_line(line) is None


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Napoli", "Naples"), ("NAPLES", "Naples"), ("naples", "Naples"), ("Roma", "Rome"),
        ("München", "Munich"), ("Kiev", "Kyiv"), ("Den Haag", "The Hague"), ("NEW YORK", "New York"),
        ("the city of Lyon", "Lyon"), ("Ho Chi Minh City", "Ho Chi Minh City"), ("Geneve", "Geneva"),
    ],
)
def test_normalise_place(name, canonical):
    assert normalise_place(name) == canonical


@pytest.mark.parametrize(
    ("sentences", "place"),
    [
        (["During the meeting, held in the Italian city of Naples, they agreed."], "Naples"),
        (["The two ministers held discussions for 35 minutes in Napoli."], "Naples"),
        (["Leaders agreed at talks attended by both sides in Tokyo on Sunday."], "Tokyo"),
        (["The foreign ministers met in Singapore and agreed to cooperate."], "Singapore"),
        (["On the sidelines of the summit in Lima, the two leaders spoke."], "Lima"),
        (["In Tokyo on Sunday, the two ministers held talks."], "Tokyo"),
        (["In April, the leaders held talks on trade."], None),
        # a city beats the country it is in
        (["The ministers met in Japan.", "The talks, held in Osaka on Monday, ended late."], "Osaka"),
        # the place of a planned meeting is not this meeting's place
        (["The two met in Lisbon on Friday.",
          "They are planning to hold a meeting in Madrid in July."], "Lisbon"),
        (["He proposed that their next meeting be held in Madrid.", "The two met in Lisbon on Friday."], "Lisbon"),
        (["When he proposed hosting the next summit in Madrid, she laughed."], None),
        # a region named with a possessive is not a venue
        (["They agreed to boost their presence in Japan's southwestern region."], None),
        (["In light of tensions, they agreed to act."], None),
        # what a place is called before its name
        (["The president arrived on Monday in the Black Sea resort of Varna for talks."], "Varna"),
        (["The two held talks in Bulgaria’s Black Sea resort of Varna on Monday."], "Varna"),
        (["The envoys met in the seaside resort of Varna."], "Varna"),
        (["Talks were held in the port city of Durres on Thursday."], "Durres"),
        # a place opening a list of places is where something matters, not where they met
        (["The deal they discussed on Monday is vital for food supplies, especially in Africa, the Middle East and "
          "Asia."], None),
        (["At the talks they spoke of their investments in Kenya, Ghana and Nigeria."], None),
        (["The two met in Varna, Bulgaria, on Monday and agreed to meet again."], "Varna"),
        (["The president last visited the country in 2017, meeting the king at his estate in Varna."], None),
        # a visit planned is still to come
        (["He said the meeting was a success and that there were plans for the governor to visit the capital in "
          "April, either in Durres or Tirana."], None),
        # a meeting agreed on is still to come
        (["On a phone call on Friday the two sides agreed to meet in Durres.", "The two met in Varna on Monday."],
         "Varna"),
        # the place of an earlier meeting is not this one's
        (["The last time the two leaders met was in June 2019 at the summit in Varna.",
          "They will meet at the summit in Durres at the end of next month."], None),
        # a region is weaker evidence than a city, like a country
        (["The leaders met in the Middle East.", "Their talks in Doha on Monday ran late."], "Doha"),
        ([], None),
    ],
)
def test_meeting_place(sentences, place):
    assert meeting_place(sentences) == place


def test_meeting_dates_explicit_with_year_from_publication():
    sentences = ["On October 19, the ministers held discussions for 35 minutes."]
    assert meeting_dates(sentences, "2024-10-19") == ("2024-10-19",)
    assert meeting_dates(["The talks were held on Oct. 19, 2023 in Rome."], "2024-10-20") == ("2023-10-19",)
    assert meeting_dates(["The ministers met on 19 October."], "2024-10-21") == ("2024-10-19",)


def test_meeting_dates_year_puts_date_before_publication():
    # Published in early January, a meeting on "December 30" was in the year before.
    assert meeting_dates(["The leaders met on December 30."], "2025-01-02") == ("2024-12-30",)


def test_meeting_dates_weekday_resolved_against_publication():
    # 2024-10-20 is a Sunday: "on Saturday" is the day before, "on Sunday" the same day.
    assert meeting_dates(["The two met in Naples on Saturday."], "2024-10-20") == ("2024-10-19",)
    assert meeting_dates(["They had talks in Singapore on Sunday."], "2024-06-02") == ("2024-06-02",)
    assert meeting_dates(["The talks in Tokyo on Sunday ended."], "2024-07-29") == ("2024-07-28",)


def test_meeting_dates_without_publication_keeps_only_full_dates():
    assert meeting_dates(["The two met on Saturday."], None) == ()
    assert meeting_dates(["The two met on October 19, 2024."], None) == ("2024-10-19",)


@pytest.mark.parametrize(
    "sentence",
    [
        "They held their first talks since the prime minister took office on Oct. 1.",
        "The governments have discussed deterrence at working-level meetings since 2010.",
        "In April, the leaders agreed to realize a better framework.",
        "The budget was approved on October 2.",  # not about a meeting
        "They are planning to hold a meeting in Tokyo on July 28.",  # a future meeting
    ],
)
def test_meeting_dates_ignores_other_dates(sentence):
    assert meeting_dates([sentence], "2024-10-20") == ()


def test_meeting_dates_prefers_the_meeting_over_other_dates():
    sentences = [
        "The ministers met on Saturday, their first talks since the cabinet took office on Oct. 1.",
        "A vote was held in parliament.",
    ]
    assert meeting_dates(sentences, "2024-10-20") == ("2024-10-19",)


# --- properties -------------------------------------------------------------------------------------------------



def test_a_capital_names_its_country():
    assert country_of_capital("Canberra") == "Australia"
    assert country_of_capital("KYIV") == "Ukraine"
    assert country_of_capital("Kiev") == "Ukraine"  # through the place variants
    assert country_of_capital("Sydney") is None


from datetime import date, timedelta  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

STAMP_FORMATS = ["%H:%M JST, %B %d, %Y", "%d %b %Y %H:%M:%S GMT9", "%B %d, %Y", "%Y-%m-%d", "%A, %d %B %Y",
                 "%b. %d, %Y %I:%M p.m. ET", "%d %B %Y", "Updated %Y-%m-%dT%H:%M:%SZ"]


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), st.sampled_from(STAMP_FORMATS),
       st.times())
def test_any_date_written_as_a_stamp_reads_back(day, fmt, clock):
    from datetime import datetime

    line = datetime.combine(day, clock).strftime(fmt)
    assert parse_date_line(line) == day.isoformat(), line


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_parsers_never_raise_and_return_well_formed_values(text):
    parsed = parse_date_line(text)
    assert parsed is None or date.fromisoformat(parsed)
    found = find_dateline(text)
    if found is not None:
        length, place = found
        assert 0 < length <= len(text) and (text[length - 1].isspace() or text[length - 1] in "—–") and place
    for when in meeting_dates([text], "2024-10-20"):
        assert date.fromisoformat(when)


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 8), max_value=date(2050, 12, 31)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]))
def test_weekday_resolves_to_the_latest_such_day_on_or_before_publication(published, weekday):
    (when,) = meeting_dates([f"The leaders met on {weekday}."], published.isoformat())
    resolved = date.fromisoformat(when)
    assert resolved.strftime("%A") == weekday
    assert published - timedelta(days=6) <= resolved <= published


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)), st.integers(0, 300))
def test_yearless_date_is_the_latest_on_or_before_publication(meeting, lag):
    published = meeting + timedelta(days=lag)
    (when,) = meeting_dates([f"The ministers met on {meeting:%B} {meeting.day}."], published.isoformat())
    if not (meeting.month == 2 and meeting.day == 29):
        assert when == meeting.isoformat()


def test_a_welcome_dates_the_meeting():
    sentence = "On April 17, 2025, the president welcomed the Italian prime minister to Washington."
    assert meeting_dates([sentence], "2025-04-18") == ("2025-04-17",)


def test_the_first_dated_meeting_sentence_sets_the_date():
    sentences = [
        "The two ministers held talks in Lisbon on Friday.",
        "They last met on March 19, when talks stalled.",  # an earlier meeting
        "The talks continued on Saturday morning.",  # the next day: the same meeting
    ]
    assert meeting_dates(sentences, "2024-06-09") == ("2024-06-07", "2024-06-08")


def test_place_needs_a_sentence_about_the_meeting():
    sentences = ["The ministers held talks on Friday.", "Sales of cars rose in Ohio last year."]
    assert meeting_place(sentences) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders met in the White House with an agenda ranging from lasting peace in Ukraine to tariffs.",
        "The ministers met on Friday and stressed the need for stability in Libya.",
        # the state's noun and a word that is no meeting's before the place
        "At the talks he reiterated his desire to build lasting peace, particularly in Norland.",
        "The summit focused on trade, defence and peace efforts in Norland.",
    ],
)
def test_a_state_of_affairs_in_a_place_is_no_meeting_place(sentence):
    assert meeting_place([sentence]) is None


def test_a_peace_meeting_still_has_its_place():
    assert meeting_place(["Delegates met at a peace summit in Geneva on Monday."]) == "Geneva"
    assert meeting_place(["The envoys held peace talks in Doha on Monday."]) == "Doha"


def test_place_names_with_lower_case_particles():
    assert normalise_place("RIO DE JANEIRO") == normalise_place("Rio de Janeiro") == "Rio de Janeiro"
    assert meeting_place(["The leaders held talks in Rio de Janeiro on Tuesday."]) == "Rio de Janeiro"
    assert meeting_place(["They met in Port of Spain on Monday."]) == "Port of Spain"
    assert meeting_place(["The ministers met in Washington on Tuesday."]) == "Washington"


def test_meeting_month_days_need_no_year_and_skip_other_dates_and_future_meetings():
    from compare.metadata import meeting_month_days

    assert meeting_month_days("The ministers met in Oslo on May 6 and again on 7 May.") == ("05-06", "05-07")
    assert meeting_month_days("The talks were held on 2024-10-19 in Naples.") == ("10-19",)
    assert meeting_month_days("Kihara, who took office on Oct. 1, met Austin.") == ()
    assert meeting_month_days("The ministers will meet on May 6.") == ()
    assert meeting_month_days("Fishing quotas rose on May 6.") == ()  # not about a meeting
    assert meeting_month_days("The ministers met on February 30.") == ()  # no such day


def test_planned_month_days_are_the_dates_of_a_meeting_still_to_come():
    from compare.metadata import planned_month_days

    assert planned_month_days("The ministers will meet in Oslo on 4 October.") == ("10-04",)
    assert planned_month_days("The ministers are expected to hold talks on May 6-7.") == ("05-06", "05-07")
    assert planned_month_days("The ministers met in Oslo on 4 October.") == ()  # a report's date, not a plan's
    assert planned_month_days("The ministers will meet in Oslo on Monday.") == ()  # a weekday names no date here
    assert planned_month_days("Fishing quotas will rise on 4 October.") == ()  # not about a meeting


@pytest.mark.parametrize("sentence, place", [
    ("Kenya and Tanzania agreed to cut tariffs on Friday after talks in the Kenyan capital.", "Nairobi"),
    ("The ministers met in the Kenyan capital, Nairobi, on Friday.", "Nairobi"),
    ("The talks in the Japanese capital on Sunday ended early.", "Tokyo"),
    ("The ministers met in the South Korean capital on Monday.", "Seoul"),
    ("The ministers met in the Israeli capital on Friday.", None),  # two capitals in news use: none is assumed
])
def test_a_capital_named_by_its_country(sentence, place):
    from compare.metadata import meeting_place

    assert meeting_place([sentence]) == place


def test_a_visit_to_a_capital_named_by_its_country():
    from compare.metadata import meeting_place

    assert meeting_place(["The leaders signed the agreement during a visit to the Australian capital on Wednesday."]) == "Canberra"


def test_accented_latin_letters_fold_to_plain_ones_and_other_scripts_stay():
    from compare.metadata import fold_letters

    assert fold_letters("Władysław Kosiniak-Kamysz in Kraków") == "Wladyslaw Kosiniak-Kamysz in Krakow"
    assert fold_letters("Malacañang, São Paulo, Øresund, Straße") == "Malacanang, Sao Paulo, Oresund, Strasse"
    assert fold_letters("東京で会談が行われた") == "東京で会談が行われた"
    assert fold_letters("plain text") == "plain text"


# -- the outlet a text names ------------------------------------------------------------------------------------

from compare.metadata import credited_outlet  # noqa: E402


@pytest.mark.parametrize(("text", "outlet"), [
    ("TOKYO (Reuters) - Ministers met on Monday.\nThey agreed.", "Reuters"),
    ("Ministers met, the news agency (Kyodo) reported.\nThey agreed.", "Kyodo News"),
    ("Ministers met.\nThey agreed on a plan. — AFP", "AFP"),
    ("Ministers met.\nThey agreed.\nJIJI Press\nMost Popular", "Jiji Press"),
    ("Ministers met.\nSource: Associated Press", "Associated Press"),
    ("Joint statement\nMinistry of Foreign Affairs\nThe ministers met in Rome.", "Ministry of Foreign Affairs"),
    ("U.S. Department of State\nThe Secretary met the minister.", "U.S. Department of State"),
])
def test_credited_outlet_reads_credits_and_mastheads(text, outlet):
    assert credited_outlet(text) == outlet


@pytest.mark.parametrize("text", [
    "Ministers met.\nThe photo shows the talks. (Japan's Ministry of Defense)",  # a photo's credit, mid-text
    "Ministers met.\nHarris widens lead, Reuters/Ipsos poll finds",  # an agency named in a headline
    "Ministers met in Asia.\nTalks - Asia",  # a dash before a word that is no agency
    "Ministers met.\n" * 8 + "TOKYO (Reuters) - a later story",  # a dateline credit far below the top
    "Ministers met, Reuters reported.\nThey agreed.",  # a citation in a sentence
])
def test_credited_outlet_leaves_other_mentions_alone(text):
    assert credited_outlet(text) is None
# --- what is a meeting place, and what is not ------------------------------------------------------------------

@pytest.mark.parametrize("sentence, place", [
    # the place of the meeting, beside places of other things
    ("Prime Minister Dora Vantelli met President Arvo Kessling in Salburg on Friday to discuss the war in Ukraine.",
     "Salburg"),
    # a headline in title case goes on in capitals after the place
    ("Leaders Hold Talks In Salburg On Friday", "Salburg"),
])
def test_meeting_place_is_the_meetings_own(sentence, place):
    assert meeting_place([sentence]) == place


@pytest.mark.parametrize("sentence", [
    "The talks focused on ending the war in Ukraine and on grain exports.",  # the place of something else
    "The two leaders last met in Kazan, where they agreed to resume border patrols.",  # an earlier meeting
    "Kessling addressed the meeting in English before the talks turned to trade.",  # a language
    "The US-Russia talks lasted more than four hours, officials said.",  # a pairing of countries
    "Talks were held in President Lee Jae Myung’s first month in office.",  # a person, title first
    "The meeting between the two presidents will take place on Friday in Salburg.",  # still to come
])
def test_meeting_place_is_not_a_person_language_pairing_or_other_event(sentence):
    assert meeting_place([sentence]) is None


def test_a_meeting_that_will_take_place_gives_no_date():
    sentence = "The meeting between Kessling and Vantelli will take place on Friday at 11:00 local time."
    assert meeting_dates([sentence], "2025-08-14") == ()
    assert meeting_dates(["The meeting between Kessling and Vantelli took place on Friday."],
                         "2025-08-16") == ("2025-08-15",)


@pytest.mark.parametrize(("lines", "weekday"), [
    (["Talks in Lima", "Ministers met in Lima on Tuesday.", "They meet again on Friday."], 1),
    (["Ministers will meet next Monday in Lima.", "They spoke on Sunday."], 6),  # "next Monday" points ahead
    (["The minister, who took office on Monday, met his counterpart."], None),  # a day of something else
    (["Ministers met in Lima.", "No day is given."], None),
])
def test_news_weekday_is_the_first_weekday_the_opening_dates_its_news_to(lines, weekday):
    assert news_weekday(lines) == weekday


@pytest.mark.parametrize(("lines", "weekday"), [
    (["Ministers met in Lima on Tuesday."], 1),
    (["On Tuesday, the ministers met in Lima."], 1),
    (["During talks in Lima on Tuesday, March 4, the ministers agreed."], 1),
    (["He wants to announce the deal in his address to Congress Tuesday evening."], None),  # a day to come
    (["Ministers met in Lima Tuesday.", "They spoke on Sunday."], 6),  # the first day said to be one's own
])
def test_news_weekday_said_on_counts_only_a_day_something_happened_on(lines, weekday):
    assert news_weekday(lines, said_on=True) == weekday


def test_news_weekdays_lists_every_day_an_opening_names_for_its_news_in_order():
    from compare.metadata import news_weekday, news_weekdays

    lines = ["Trump, after meeting Putin in Alaska on Friday, prepared the talks at the White House.",
             "European leaders joined the talks on Monday, and will meet again next Tuesday.",
             "The talks on Monday lasted three hours."]
    assert news_weekdays(lines) == (4, 0)
    assert news_weekday(lines) == 4
    assert news_weekdays(["He took office on Friday and met them on Monday."]) == (0,)
    assert news_weekdays(["No day is named here."]) == ()


def test_meeting_dates_read_the_ordinal_dot_only_with_a_year():
    statement = "Statement for the press after the Russian-Chinese negotiations (8. May 2025.)"
    assert meeting_dates([statement], "2025-05-19") == ("2025-05-08",)
    # a day's number ending one sentence and "May" opening the next is no date
    assert meeting_dates(["The talks ran until 12. May the two sides meet again."], "2025-05-19") == ()


def test_a_weekday_made_the_possessive_of_an_earlier_event_is_not_the_news_day():
    from compare.metadata import news_weekdays

    recall = "The meeting, which included European leaders, followed last Friday’s historic summit in Alaska."
    assert news_weekdays([recall]) == ()
    assert meeting_dates([recall.replace("’", "'")], "2025-08-19") == ()
    # the news's own day stays, in the possessive too and after "last" without it
    assert news_weekdays(["Friday's summit ended without a deal."]) == (4,)
    assert news_weekdays(["The two leaders met last Friday in Anchorage."]) == (4,)


@pytest.mark.parametrize("sentence, month_days", [
    # a month's point run straight into the day, as some copy writes it
    ("The president welcomed the prime minister late on July.8 ahead of talks in the Kremlin on July.9.",
     ("07-08", "07-09")),
    ("The foreign ministers met in Sochi on Sept.4 to discuss the grain corridor.", ("09-04",)),
    # an abbreviated month without its point, in brackets after the weekday
    ("The secretary of state met his counterpart in Beijing on Friday (Apr 26) to discuss trade.", ("04-26",)),
    # a span of days names each of them, written either way round
    ("The two presidents held talks in Paris on May 6-7 during a state visit.", ("05-06", "05-07")),
    ("The two presidents held talks in Paris on 6–8 May during a state visit.", ("05-06", "05-07", "05-08")),
    # a second number that is no later day is no span
    ("The two presidents held talks in Paris on May 6-2 during a state visit.", ("05-06",)),
])
def test_dates_written_tight_abbreviated_or_as_a_span_of_days(sentence, month_days):
    from compare.metadata import meeting_month_days

    assert meeting_month_days(sentence) == month_days


def test_a_span_of_days_gives_the_meeting_each_of_its_days():
    assert meeting_dates(["The presidents held talks in Paris on May 6-7."], "2024-05-08") == ("2024-05-06", "2024-05-07")
    # a month's point before a year is no day
    assert meeting_dates(["The leaders met in Paris in July.2024 was a busy year."], "2024-08-08") == ()


@pytest.mark.parametrize("sentence, expected", [
    # copy dated the day before abroad: the meeting's own day, not the same weekday a week back
    ("Putin landed in Pyongyang for talks in the early hours of Wednesday local time.", ("2024-06-19",)),
    ("The leaders met on Wednesday morning, local time.", ("2024-06-19",)),
    # without the cue, a weekday is the latest one on or before publication
    ("Putin landed in Pyongyang for talks on Wednesday.", ("2024-06-12",)),
    # with it, other weekdays are read as before
    ("The leaders met on Monday local time.", ("2024-06-17",)),
])
def test_a_weekday_in_local_time_may_fall_the_day_after_publication(sentence, expected):
    from compare.metadata import meeting_dates

    assert meeting_dates([sentence], "2024-06-18") == expected


def test_a_weekday_given_in_local_time_once_names_that_day_throughout_the_text():
    from compare.metadata import meeting_dates

    sentences = ["Crowds lined the boulevards on Wednesday as the leaders began their talks.",
                 "Putin landed in Pyongyang for the talks in the early hours of Wednesday local time."]
    assert meeting_dates(sentences, "2024-06-18") == ("2024-06-19",)
    assert meeting_dates(sentences[:1], "2024-06-18") == ("2024-06-12",)


# --- a place in someone's words, or of a meeting only wished for ------------------------------------------------

@pytest.mark.parametrize("sentence", [
    # a hope in the guest's own words: the place belongs to the tower and to a meeting not held
    '"I look forward to your meeting with Chairman Arvo Kessling and construction of a Vantelli Tower in Norland '
    'and playing golf" there, the president told him.',
    # a quotation run on from the sentence before: the sentence opens inside it
    'so that you can meet with Kessling and build a resort in Norland," the president said.',
    "“We will rebuild the harbour in Salburg,” Kessling said after the talks.",
    # reported, not quoted: a meeting hoped for, offered or thought possible
    "Vantelli said at the talks that he hoped Kessling would meet the rebel leaders in Salburg this year.",
    "After the meeting Kessling said he may meet the king in Salburg as soon as next month.",
    "Vantelli invited Kessling to visit Salburg during the talks.",
])
def test_a_place_in_quoted_words_or_of_a_wished_meeting_is_no_meeting_place(sentence):
    assert meeting_place([sentence]) is None


@pytest.mark.parametrize("sentence, place", [
    # the reporter's words place the meeting; the quotation after them does not take it away
    ("Vantelli met Kessling in Salburg on Monday and said he hoped to meet the king in Norland.", "Salburg"),
    ('"It was a very good meeting," Kessling told reporters in Salburg on Monday.', "Salburg"),
    ("The talks in Salburg, which Kessling called “long overdue”, ended on Friday.", "Salburg"),
    # a month named May is no cue of a possible meeting
    ("The two met in May in Salburg and held talks on trade.", "Salburg"),
])
def test_a_place_outside_quotations_and_wishes_still_counts(sentence, place):
    assert meeting_place([sentence]) == place


@pytest.mark.parametrize("sentence, spans", [
    ('He said: "We met in Salburg." Then he left.', [(9, 29)]),
    ('it went well," he said.', [(0, 14)]),  # the quotation opened in an earlier sentence
    ("“It went well,” he said, “and we agreed.”", [(0, 15), (25, 41)]),
    ("No quotation here.", []),
])
def test_sentence_quotations(sentence, spans):
    from compare.metadata import sentence_quotations

    assert sentence_quotations(sentence) == spans


@pytest.mark.parametrize("sentence", [
    # what is alleged or done in a country the meeting was about, not where it was held
    "The visit took a jarring turn on Wednesday when Kessling confronted Vantelli with claims of “white "
    "genocide” in Norland.",
    "The leaders discussed the killings in Norland during their meeting on Monday.",
    "At the talks Vantelli raised the persecution in Norland and the unrest in Salburg.",
])
def test_violence_or_unrest_in_a_place_is_no_meeting_place(sentence):
    assert meeting_place([sentence]) is None


def test_a_meeting_about_violence_elsewhere_keeps_its_own_place():
    assert meeting_place(["The leaders met in Salburg on Monday to discuss the violence in Norland."]) == "Salburg"
    assert meeting_place(["Talks on the famine were held in Salburg on Friday."]) == "Salburg"



@pytest.mark.parametrize("sentence, place", [
    # a first meeting is as often the one reported
    ("Kessling on Monday held his first summit with Vantelli at the White House in Washington.", "Washington"),
    ("Vantelli held his first official meeting with Kessling in Salburg on Tuesday.", "Salburg"),
])
def test_a_first_meeting_is_this_one(sentence, place):
    assert meeting_place([sentence]) == place


@pytest.mark.parametrize("sentence", [
    "The two leaders first met in Salburg, where they agreed to resume border patrols.",
    "Since their first meeting in 2019 in Salburg, the two have spoken often.",
    "The first time they met was at a summit in Salburg.",
])
def test_a_first_meeting_said_to_be_earlier_is_not_this_one(sentence):
    assert meeting_place([sentence]) is None
