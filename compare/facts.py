"""The event fact sheet: typed facts each source states about the meeting, lined up across sources whatever
sentence carries them.

Sentence alignment compares a sentence with its counterpart; real discrepancies between outlets often sit in
sentences that are not each other's counterpart (one gives the talks' length in its third sentence, another in a
clause of its lead). So each source's sentences are read for typed facts:

  date, weekday, time_of_day   the meeting's day (compare.metadata.day_mentions), and part of day
  duration                     how long the meeting or a part of it lasted ("the talks lasted about three hours")
  place                        where it was held (compare.metadata.meeting_place)
  person                       the office a named person holds ("Defense Minister X")
  count                        how many things the meeting produced or who took part ("signed 12 agreements")
  ordinal                      which meeting of a series it was ("their second meeting")

`lineup` puts the facts of one event side by side per (kind, subject) and marks each row agree / differ /
conflict / single; `with_fact_conflicts` turns the conflicts into `contradict` findings, both sentences as
evidence. Everything here is a pure function of plain records; the words it reads are in
compare/lang/en/facts.py.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo
from enum import StrEnum
from functools import lru_cache, wraps
from typing import TypeVar, cast

from compare.lang import LEXICON
from compare.lang.en import facts as words
from compare.metadata import (
    COUNTRIES, _day_hits, _explicit_dates, _fold, _places_named, _sentence_kind, _to_date, _trim_place, country_of_capital, day_mentions,
    fold_letters, meeting_place, normalise_place, OPENING_QUOTES, EITHER_QUOTE, QUOTE_MARK, quoted_spans,
)
from compare.models import Finding, Relation, Sentence, Source

# How far a stated figure may be from the truth, as a share of it: a figure written plainly is rounded, one
# marked "about" more so (news rounds a 2 h 45 min meeting to "about three hours"). A figure marked "more than N"
# is taken to lie in (N, ABOVE_REACH * N], one marked "nearly N" or "less than N" in [N / ABOVE_REACH, N): nobody
# writes "more than an hour" of five hours. Tuned as a set, on general reasoning, before any measurement.
EXACT_SLACK = 0.05
ABOUT_SLACK = 0.10
ABOVE_REACH = 2.0
# A length written in whole hours, plainly or with "about", is rounded to the hour or the half hour: "three hours"
# is told of a 2 h 45 min meeting as often as "about 2.5 hours" is, so such a figure is given at least a quarter
# of an hour either side, whatever its share.
WHOLE_HOUR_SLACK_MINUTES = 15.0
# Dates this many days apart or more conflict: one day apart is a time zone ("Friday in Washington" is Saturday
# in Tokyo), as compare.judge.DATE_SLACK_DAYS allows.
DATE_CONFLICT_DAYS = 2
# The first sentences of a story, where it states the meeting's day and place (the lead of an inverted pyramid).
LEAD_SENTENCES = 3
# How far a clock time may be from the truth, in minutes: one written plainly is the schedule's own ("11:30"), give
# or take a slip in the copy; one marked "around" is rounded to the half hour. Two times conflict when further
# apart than their slacks together. Set on general reasoning, before any measurement.
CLOCK_EXACT_MINUTES = 10
CLOCK_ABOUT_MINUTES = 30
# A fact conflict found outside sentence alignment: the finding's score (not calibrated).
FACT_CONFLICT_SCORE = 0.9
# A surname read as garbled when one letter off another of the same office and given name: shorter names one
# letter apart are as often two people ("Moon"/"Yoon").
MISSPELT_SURNAME_LENGTH = 5


class FactKind(StrEnum):
    DATE = "date"
    WEEKDAY = "weekday"
    TIME_OF_DAY = "time_of_day"
    DURATION = "duration"
    PLACE = "place"
    PERSON = "person"
    COUNT = "count"
    ORDINAL = "ordinal"


class FactStatus(StrEnum):
    """How the sources stand on one (kind, subject) of the fact sheet."""

    AGREE = "agree"  # every source states the same value
    DIFFER = "differ"  # values differ but can all be true (rounding, time zones, a venue and its city)
    CONFLICT = "conflict"  # two sources' values cannot both be true
    SINGLE = "single"  # one source only


@dataclass(frozen=True, slots=True)
class Fact:
    """One typed fact a source states: `start`/`end` are offsets into the source's text (`shown` is that span,
    white space folded); `value` is normalised so that two sources' values compare; `number` is the figure of a
    duration (minutes), count or ordinal, of a weekday the weekday (0 = Monday) of the date its sentence writes
    out when the two disagree, and of a date that opens a span of days ("May 6-7") the days the span runs past it; `bound` says an approximate figure's side ("about", "above", "below"), or that a title was
    read inside someone's reported words ("quoted") or in a sentence about another time ("of another time");
    `country` is the country a person's title names ("US Secretary of State X": United States), when the sentence
    is about the meeting at hand and not an earlier one."""

    source: str
    sentence_id: int
    kind: FactKind
    subject: str
    value: str
    shown: str
    start: int
    end: int
    bound: str | None = None
    number: float | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class FactConflict:
    """Two sources' facts of one (kind, subject) that cannot both be true, with a readable reason quoting both."""

    kind: FactKind
    subject: str
    a: Fact
    b: Fact
    reason: str


@dataclass(frozen=True, slots=True)
class FactRow:
    """One line of an event's fact sheet: every source's facts of one (kind, subject)."""

    kind: FactKind
    subject: str
    facts: tuple[Fact, ...]
    status: FactStatus
    conflicts: tuple[FactConflict, ...] = ()

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(f.source for f in self.facts))


# --- reading -------------------------------------------------------------------------------------------------------


def _raw_positions(raw: str) -> list[int]:
    """For each character of the folded sentence (white space runs as one space, ends trimmed), its index in
    `raw`, and one past the end."""
    positions: list[int] = []
    in_space = False
    for index, char in enumerate(raw):
        if char.isspace():
            if positions and not in_space:
                positions.append(index)
            in_space = True
        else:
            positions.append(index)
            in_space = False
    if in_space and positions:
        positions.pop()
    positions.append(positions[-1] + 1 if positions else 0)
    return positions


class _Reader:
    """Builds the facts of one sentence with exact offsets into the source text."""

    def __init__(self, source: Source, sentence: Sentence):
        self.source = source
        self.sentence = sentence
        raw = source.text[sentence.start:sentence.end]
        self.positions = _raw_positions(raw) if raw != sentence.text else None

    def fact(self, kind: FactKind, subject: str, value: str, start: int, end: int, *,
             bound: str | None = None, number: float | None = None, country: str | None = None) -> Fact:
        if self.positions is not None and len(self.positions) == len(self.sentence.text) + 1:
            raw_start, raw_end = self.positions[start], self.positions[end - 1] + 1
        else:
            raw_start, raw_end = start, end
        return Fact(self.source.id, self.sentence.id, kind, subject, value, self.sentence.text[start:end],
                    self.sentence.start + raw_start, self.sentence.start + raw_end, bound, number, country)

    def placed(self, fact: Fact) -> Fact:
        """A fact read from this sentence's text alone (offsets into the text), as this sentence states it."""
        return self.fact(fact.kind, fact.subject, fact.value, fact.start, fact.end, bound=fact.bound,
                         number=fact.number, country=fact.country)


class _TextReader:
    """Stands in for a _Reader where the facts depend on the sentence's text only: offsets into the text."""

    def __init__(self, text: str):
        self.text = text

    def fact(self, kind: FactKind, subject: str, value: str, start: int, end: int, *,
             bound: str | None = None, number: float | None = None, country: str | None = None) -> Fact:
        return Fact("", -1, kind, subject, value, self.text[start:end], start, end, bound, number, country)


_Reading = TypeVar("_Reading", bound=Callable[..., list[Fact]])


def _read_once(read: _Reading) -> _Reading:
    """For a sentence reader `read(reader, text, *args)` whose facts depend only on the text and the hashable
    arguments after it: each distinct (text, *args) is read once (agency copy repeats sentences across sources,
    and outlets repeat their own), and its facts placed in every sentence that has that text."""

    @lru_cache(maxsize=16_384)
    def read_text(text: str, *args: Hashable) -> tuple[Fact, ...]:
        return tuple(read(_TextReader(text), text, *args))

    @wraps(read)  # the reader itself stays at hand as `__wrapped__`
    def reading(reader: _Reader, text: str, *args: Hashable) -> list[Fact]:
        return [reader.placed(fact) for fact in read_text(text, *args)]

    reading.cache_clear = read_text.cache_clear  # type: ignore[attr-defined]
    return cast(_Reading, reading)


# A pattern that matches one of a set of phrases as whole words (case aside) puts the last run of letters of that
# phrase in the text as a whole run of letters too. So a sentence holding none of those runs cannot match, and the
# costly patterns below (long alternations tried at every position) are not run on it. Python's case-blind
# matching also reads these four letters as ASCII ones; they are folded first so that the test never misses.
_ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_LETTER_RUN = re.compile(r"[a-z]+")
# A letter of a capitalised word after its first: lower case, accented or not ("Türkiye", "Erdoğan"), so that a name
# written with its accents is read whole and looked up folded, as the same name without them is.
_LOWER = r"[^\W\d_A-Z]"


def _last_letter_runs(phrases: Iterable[str]) -> frozenset[str]:
    return frozenset(_LETTER_RUN.findall(phrase.translate(_ASCII_FOLD).lower())[-1] for phrase in phrases)


@lru_cache(maxsize=4096)
def _letter_runs(text: str) -> frozenset[str]:
    """Every run of letters of the text, lower-cased, as the case-blind patterns read them."""
    return frozenset(_LETTER_RUN.findall(text.translate(_ASCII_FOLD).lower()))


def source_facts(source: Source, sentences: Sequence[Sentence], published: str | None = None) -> tuple[Fact, ...]:
    """Every typed fact one source states about its meeting, in order of the sentences."""
    published = published or source.published
    out: list[Fact] = []
    out.extend(_day_facts(source, sentences, published))
    out.extend(_place_facts(source, sentences))
    readers = [_Reader(source, sentence) for sentence in sentences]
    people = [fact for reader in readers for fact in _persons(reader, reader.sentence.text, published)]
    out.extend(people)
    names = _name_words(people)
    out.extend(fact for reader in readers for fact in _untitled_people(reader, reader.sentence.text, people))
    for reader in readers:
        text = reader.sentence.text
        about_meeting, future = _sentence_kind(text)
        out.extend(_durations(reader, text, names, published))
        if about_meeting and not future:
            out.extend(_counts(reader, text))
            out.extend(_ordinals(reader, text))
        elif _ANY_FIGURE.search(text):  # who takes part is the event's, whatever the sentence calls it
            out.extend(f for f in _counts(reader, text) if f.subject.startswith(_TAKING_PART))
        if about_meeting and not future:
            out.extend(_parts_of_day(reader, text))
        if about_meeting or _names_the_talks(text):  # the time a meeting is set for is said before it happens
            out.extend(_clock_times(reader, text, published))
        out.extend(_joint_appearances(reader, text, published))
    return tuple(sorted(out, key=lambda f: (f.start, f.kind)))


_ANY_FIGURE = re.compile(r"\d")
_TALKS_NOUNS = [noun for noun, segment in words.SEGMENTS.items() if segment == "talks"]
_TALKS_NOUN = re.compile(rf"\b(?:{'|'.join(re.escape(n) for n in sorted(_TALKS_NOUNS, key=len, reverse=True))})\b",
                         re.IGNORECASE)
_TALKS_HINTS = frozenset(re.findall(r"[a-z]+", " ".join(_TALKS_NOUNS)))


def _names_the_talks(text: str) -> bool:
    """Does the sentence name the talks by a noun the meeting words do not hold ("their sit-down", "the
    encounter")?"""
    return not _letter_runs(text).isdisjoint(_TALKS_HINTS) and _TALKS_NOUN.search(text) is not None
_TAKING_PART = ("attend:", "expect:")  # counts of who took part, or was expected to


# --- when ----------------------------------------------------------------------------------------------------------

_WEEKDAY_NAMES = tuple(name.capitalize() for name in list(LEXICON.weekdays)[:7])
_OTHER_MEETING = re.compile(words.OTHER_MEETING_CUES, re.IGNORECASE)
_PRIOR_MEETING = re.compile(words.PRIOR_MEETING_CUES, re.IGNORECASE)
_PRIOR_LENGTH = re.compile(words.PRIOR_LENGTH_CUES, re.IGNORECASE)
_OTHER_TIME = re.compile(words.OTHER_TIME_CUES, re.IGNORECASE)
_ANY_YEAR = re.compile(r"(?<![Ss]ince )\b(?:19|20)\d\d\b")  # "since 2021" counts from then, about now


def _of_another_meeting(text: str, start: int, end: int, published: str | None) -> bool:
    """Does the sentence, up to a few words after the mention at start:end, speak of an earlier or a side
    meeting ("followed last Friday's summit", "after meeting Putin in Alaska"), or name a year other than the
    publication's ("a 2018 summit in Helsinki")?"""
    window = text[:end] + " ".join(text[end:].split(" ")[:_CUE_REACH])
    if _OTHER_MEETING.search(window) or _PRIOR_MEETING.search(window):
        return True
    return _other_year(window, published)


def _other_year(text: str, published: str | None) -> bool:
    """Does the text name a year other than the publication's (the sentence's meeting is another)?"""
    year = published[:4] if published else None
    return year is not None and any(y != year for y in _ANY_YEAR.findall(text))


_CUE_REACH = 5  # words after a day or place searched for what ties it to an earlier meeting
# A day just after a verb of speaking is a statement's ("Lavrov stated on March 13 that"), and one after "from" or
# "until" bounds a span ("from Sept 15 this year to Sept 14, 2026"): neither is the meeting's.
_DAY_OF_SOMETHING_ELSE = re.compile(
    rf"(?:\b(?:{'|'.join(sorted(words.SPEECH_WORDS))})\s+(?:\w+\s+)?(?:on\s+)?|\b(?:from|until|till|through|to)\s+)$",
    re.IGNORECASE)
_NO_YEAR = "--"  # a date's value without its year: "--05-16" (ISO 8601's month and day)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_WRITTEN_DATE = re.compile(r"\d")  # a date written out has its day in digits; a weekday word or "today" has none


def _day_facts(source: Source, sentences: Sequence[Sentence], published: str | None) -> list[Fact]:
    """The meeting's date and weekday: read from the first sentence about the meeting that names a day, as
    compare.metadata.meeting_dates reads it (later dates tend to be of earlier meetings), within the lead: news
    states the meeting's day in its first sentences, and a day named further down is most often another event's.

    Only a date written out (month and day) is stated; one worked out from a weekday word or "yesterday" and the
    publication date is shown with bound "about" and never conflicts (publication dates are often a day or more
    off). An ISO date in running text is a page stamp, not a date prose gives a meeting."""
    for sentence in sentences[:LEAD_SENTENCES]:
        mentions = [m for m in _lead_day_mentions(sentence.text, published)
                    if not _ISO_DATE.fullmatch(sentence.text[m[0]:m[1]])
                    and not _of_another_meeting(sentence.text, m[0], m[1], published)
                    and not _DAY_OF_SOMETHING_ELSE.search(sentence.text, 0, m[0])]
        if not mentions:
            continue
        reader = _Reader(source, sentence)
        out = []
        dated = [(_WRITTEN_DATE.search(sentence.text[m[0]:m[1]]) is None, m) for m in mentions if m[2] is not None]
        if dated:  # a date written out before one worked out from a weekday word
            worked_out, (start, end, when, _weekday) = min(dated, key=lambda d: d[0])
            span = [m[2] for m in mentions if m[:2] == (start, end) and m[2] is not None]  # "May 6-7": each day
            runs = (_day_of(span[-1]) - _day_of(when)).days if len(span) > 1 else 0
            out.append(reader.fact(FactKind.DATE, "meeting", when, start, end, bound="about" if worked_out else None,
                                   number=float(runs) if runs else None))
        dated_weekdays = {date.fromisoformat(m[2]).weekday() for m in mentions
                          if m[2] is not None and not m[2].startswith(_NO_YEAR)
                          and _WRITTEN_DATE.search(sentence.text[m[0]:m[1]])}
        for start, end, when, weekday in mentions:
            written = sentence.text[start:end]
            if weekday is not None and written.capitalize() in _WEEKDAY_NAMES and _near_meeting_word(sentence.text, start, end):
                # "Wednesday (Oct. 30)" when 30 October is a Thursday: the source's weekday is off its own date
                off_its_date = float(dated_weekdays.pop()) if len(dated_weekdays) == 1 and weekday not in dated_weekdays else None
                out.append(reader.fact(FactKind.WEEKDAY, "meeting", _WEEKDAY_NAMES[weekday], start, end, number=off_its_date))
                break
        return out
    return []


def _lead_day_mentions(text: str, published: str | None) -> list[tuple[int, int, str | None, int | None]]:
    """The days a lead sentence names for the meeting (compare.metadata.day_mentions); a lead sentence that
    names no meeting word but two titled people ("On May 8 President X received President Y in Moscow") tells
    of their meeting too, unless it looks ahead."""
    mentions = day_mentions(text, published)
    about_meeting, future = _sentence_kind(text)
    if not mentions and not _letter_runs(text).isdisjoint(_PERSON_HINTS) \
            and set(re.findall(r"[a-z]+", text.lower())).isdisjoint(LEXICON.future_words) \
            and len(list(itertools.islice(_PERSON.finditer(text), 2))) == 2:  # the costly test last
        about_meeting, future = True, False
        mentions = [(start, end, when, date.fromisoformat(when).weekday() if when is not None else weekday)
                    for start, end, when, weekday in _day_hits(text, _to_date(published))]
    if published is None and about_meeting and not future:
        # Without a publication date a date written without its year ("May 16") has no year to take: it is
        # kept as month and day ("--05-16"), which compares with another source's month and day.
        mentions = sorted(mentions + [(span[0], span[1], f"--{month:02d}-{day:02d}", None)
                                      for span, year, month, day in _explicit_dates(text) if year is None and month],
                          key=lambda m: m[:2])
    return mentions


_TOOK_PLACE = re.compile(words.TOOK_PLACE, re.IGNORECASE)
_MEETING_NOT_SPEECH = frozenset(LEXICON.meeting_words - words.SPEECH_WORDS)


def _near_meeting_word(text: str, start: int, end: int) -> bool:
    """Does a weekday stand near a word of meeting (not of speaking) in its clause? "met on Tuesday", "Friday's
    talks" date the meeting; "the Kremlin said on Tuesday" dates a statement."""
    before = _CLAUSE_BREAK.split(re.split(r"[,;]", text[:start])[-1])[-1].lower().split()[-words.WEEKDAY_REACH:]
    if any(re.sub(r"\W", "", w) in words.SPEECH_WORDS for w in before[-3:]):
        return False  # "the Kremlin said on Tuesday", "told reporters on Monday": the day of a statement
    clause = " ".join(_CLAUSE_BREAK.split(text[:start])[-1].split()[-words.WEEKDAY_REACH:])
    if _TOOK_PLACE.search(clause):
        return True
    after = re.split(r"[,;]", text[end:], maxsplit=1)[0].lower().split()[:words.WEEKDAY_REACH]
    return any(re.sub(r"\W", "", w) in _MEETING_NOT_SPEECH for w in before + after)


_PARTS_OF_DAY = re.compile(
    r"\b(?:on\s+\w+\s+|this\s+|in\s+the\s+|that\s+|early\s+|late\s+)(?P<part>morning|afternoon|evening|night)\b"
    r"|\b(?P<noon>noon|midday|midnight)\b", re.IGNORECASE)


_PARTS_OF_DAY_HINTS = _last_letter_runs(["morning", "afternoon", "evening", "night", "noon", "midday", "midnight"])


@_read_once
def _parts_of_day(reader: _Reader, text: str) -> list[Fact]:
    if _letter_runs(text).isdisjoint(_PARTS_OF_DAY_HINTS):
        return []
    match = _PARTS_OF_DAY.search(text)
    if not match:
        return []
    group = "part" if match.group("part") else "noon"
    value = match.group(group).lower()
    return [reader.fact(FactKind.TIME_OF_DAY, "meeting", "noon" if value == "midday" else value,
                        match.start(group), match.end(group))]


_ZONE = "|".join(re.escape(z) for z in sorted(words.TIME_ZONES, key=len, reverse=True)).replace(r"\ ", r"\s+")
_CLOCK = re.compile(
    rf"(?<![\w:.])(?P<hour>[012]?\d)(?:(?P<sep>[:.])(?P<minute>[0-5]\d)|(?P<packed>[0-5]\d)(?=\s?(?i:{_ZONE})\b))?"
    rf"\s?(?P<half>(?i:a\.?m\.?|p\.?m\.?)(?!\w))?"
    rf"(?:\s*(?P<zone>(?i:{_ZONE}))(?:\s+time)?\b|\s*(?P<local>local\s+time))?"
    rf"(?:\s*\((?P<inner>[^()]{{3,30}})\))?")
_SCHEDULED = re.compile(words.SCHEDULE_CUES, re.IGNORECASE)
_STARTED = re.compile(words.START_VERBS, re.IGNORECASE)
_ABOUT_TIME = re.compile(words.ABOUT_TIME, re.IGNORECASE)


@_read_once
def _clock_times(reader: _Reader, text: str, published: str | None) -> list[Fact]:
    """When the meeting was set to begin ("scheduled for 3 p.m. ET"), or a part of it began ("the talks began at
    11:26 a.m. (7:26 p.m. GMT)"), as a time of day in UTC: only a time whose zone the sentence names (directly or
    in brackets after "local time") on a day the publication date gives, so that two outlets writing in two zones
    compare. A time of something else (a plane landing, a ceremony, a call) is not read. Without a publication
    date the time keeps its zone ("11:30 America/Anchorage") until `lineup` places it on the event's date."""
    if not _ANY_FIGURE.search(text):  # every clock time has its hour in digits
        return []
    day = _to_date(published)
    for match in _CLOCK.finditer(text):
        reading = _clock_reading(match)
        if reading is None:
            continue
        clause = _CLAUSE_BREAK.split(text[:match.start()])[-1]
        if _SCHEDULED.search(clause):
            subject = "scheduled start"
        else:
            verb = list(_STARTED.finditer(clause))
            named = list(_SEGMENTS_IN.finditer(clause[:verb[-1].start()])) if verb else []
            if not named:
                continue
            subject = f"start: {_segment_of(named[-1].group('seg'))}"
        bound = "about" if _ABOUT_TIME.search(text[:match.start()]) else None
        hour, minute, zone = reading
        value, number = f"{hour:02d}:{minute:02d} {zone}", None
        if day is not None or zone == "UTC":  # UTC needs no day
            number = _utc_minutes(hour, minute, zone, day)
            value = f"{int(number) // 60:02d}:{int(number) % 60:02d} UTC"
        return [reader.fact(FactKind.TIME_OF_DAY, subject, value, match.start(), match.end(), bound=bound,
                            number=number)]
    return []


def _clock_reading(match: re.Match[str]) -> tuple[int, int, str] | None:
    """(hour 0-23, minute, zone database name) of a clock time; None without a zone or a clock time's shape."""
    zone, hour, minute, half = match.group("zone"), int(match.group("hour")), match.group("minute") or match.group("packed"), match.group("half")
    if zone is None and match.group("inner"):  # "11:00 local time (22:00 Moscow time)": the bracketed time has a zone
        inner = _CLOCK.match(match.group("inner").strip())
        return _clock_reading(inner) if inner and inner.group("zone") else None
    if zone is None or (minute is None and half is None) or hour > 24 or (half and not 1 <= hour <= 12):
        return None
    if half:
        hour = hour % 12 + (12 if half.lower().startswith("p") else 0)
    return hour % 24, int(minute or 0), words.TIME_ZONES[_key(zone)]


def _utc_minutes(hour: int, minute: int, zone: str, day: date) -> float:
    """A zone's clock time on a day as minutes after midnight UTC (the zone's summer time that day counted)."""
    if zone == "UTC":
        return float(hour * 60 + minute)
    local = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))
    utc = local.astimezone(timezone.utc)
    return float(utc.hour * 60 + utc.minute)


_ZONED = re.compile(r"(?P<hour>\d\d):(?P<minute>\d\d) (?P<zone>\w+/[\w/]+)")


def _clock_times_placed(facts: Sequence[Fact]) -> list[Fact]:
    """Clock times read without a date, put in UTC on the meeting's date most sources of the event state (a
    written date before one worked out); when that date is only worked out (from a weekday word and a date that
    may be a year off), they stay as read and are compared on a winter and a summer day (`_utc_readings`)."""
    dates = Counter((f.bound is None, f.value) for f in facts
                    if f.kind == FactKind.DATE and not f.value.startswith(_NO_YEAR))
    if not dates:
        return list(facts)
    written, best = max(dates, key=lambda d: (dates[d], d[0]))
    if not written:
        return list(facts)
    day = date.fromisoformat(best)
    out = []
    for fact in facts:
        zoned = _ZONED.fullmatch(fact.value) if fact.kind == FactKind.TIME_OF_DAY and fact.number is None else None
        if zoned:
            number = _utc_minutes(int(zoned["hour"]), int(zoned["minute"]), zoned["zone"], day)
            fact = replace(fact, value=f"{int(number) // 60:02d}:{int(number) % 60:02d} UTC", number=number)
        out.append(fact)
    return out


def _weekdays_off_yearless_dates(facts: Sequence[Fact]) -> list[Fact]:
    """A weekday whose sentence writes out a date without its year ("on Wednesday (Oct. 30)", read without a
    publication date) is checked against that date in the year the event's sources write most: when the two
    disagree, the weekday is off its own date, as when the year is known (`_day_facts`)."""
    years = Counter(f.value[:4] for f in facts if f.kind == FactKind.DATE and f.bound is None
                    and not f.value.startswith(_NO_YEAR))
    yearless = {(f.source, f.sentence_id): f.value for f in facts
                if f.kind == FactKind.DATE and f.value.startswith(_NO_YEAR)}
    if not years or not yearless:
        return list(facts)
    year = max(years, key=lambda y: (years[y], y))
    out = []
    for fact in facts:
        written = yearless.get((fact.source, fact.sentence_id)) if fact.kind == FactKind.WEEKDAY else None
        if written is not None and fact.number is None:
            try:
                weekday = date.fromisoformat(f"{year}{written[1:]}").weekday()
            except ValueError:  # 29 February of a common year
                weekday = None
            if weekday is not None and _WEEKDAY_NAMES[weekday] != fact.value:
                fact = replace(fact, number=float(weekday))
        out.append(fact)
    return out


# --- where ---------------------------------------------------------------------------------------------------------


def _place_facts(source: Source, sentences: Sequence[Sentence]) -> list[Fact]:
    """Where the meeting was held, as compare.metadata.meeting_place reads it, at the first sentence about the
    meeting that names that place. Named in the lead, the place is stated; named only further down, it may be
    an earlier meeting's ("they last met in Osaka"), so it is shown with bound "about" and never conflicts."""
    place = meeting_place([s.text for s in sentences])
    if not place:
        return []
    for index, sentence in enumerate(sentences):
        about_meeting, future = _sentence_kind(sentence.text)
        if not about_meeting or future:
            continue
        for match, named in _places_named(sentence.text):
            if named == place and not _modifies_noun(sentence.text, match.end()) \
                    and not _of_another_meeting(sentence.text, match.start(), match.end(), source.published) \
                    and not _in_surrounding_event(sentence.text, match.start()):
                group = "place" if match.group("place") else 0
                start, end = match.span(group)
                if group == "place":  # the words read as the name ("Moscow", not "Moscow Wednesday")
                    kept = _trim_place(match.group("place")) or ""
                    at = match.group("place").find(kept) if kept else -1
                    if at >= 0:
                        start, end = start + at, start + at + len(kept)
                bound = None if index < LEAD_SENTENCES else "about"
                return [_Reader(source, sentence).fact(FactKind.PLACE, "meeting", place, start, end, bound=bound)]
    return []


_SURROUNDING_EVENT = re.compile(words.SURROUNDING_EVENT_CUES, re.IGNORECASE)


def _in_surrounding_event(text: str, start: int) -> bool:
    """Is the place at `start` named as the host of a larger gathering the meeting was held beside ("met on the
    sidelines of the G20 summit in X")? The gathering's city is not always the meeting's: side meetings are often
    held in another city nearby. A cue in an earlier clause ("On the margins of the forum, they met in X") does
    not reach the place."""
    clause = re.split(r"[,;]", _CLAUSE_BREAK.split(text[:start])[-1])[-1]
    return _SURROUNDING_EVENT.search(clause) is not None


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def _modifies_noun(text: str, end: int) -> bool:
    """Is the name just read a modifier of the noun after it ("growth in China-Russia relations")? A place
    after "in" is followed by punctuation, a function word or another name."""
    following = _NEXT_WORD.match(text, end)
    return following is not None and following.group(1) not in LEXICON.stop_words


# --- how long ------------------------------------------------------------------------------------------------------


def _alternation(options: Iterable[str]) -> str:
    return "|".join(re.escape(o) for o in sorted(options, key=len, reverse=True))


_NUMBER_WORDS = dict(LEXICON.number_words)
_TENS = {w: int(n) for w, n in _NUMBER_WORDS.items() if int(n) >= 20}
_UNITS = {w: int(n) for w, n in _NUMBER_WORDS.items() if 0 < int(n) < 10}
_COMPOUND_NUMBER = rf"(?:{_alternation(_TENS)})[- ](?:{_alternation(_UNITS)})"
_FIGURE = (rf"(?:\d+(?:[.,]\d+)?|{_COMPOUND_NUMBER}|{_alternation(_NUMBER_WORDS)}|"
           rf"{_alternation(words.FRACTION_WORDS)})")
_HALF = r"(?:[- ]and[- ]a[- ]half)"
def _bound(name: str = "bound") -> str:
    return rf"(?:(?P<{name}>{_alternation(words.BOUND_WORDS)})\s+)"


_BOUND = _bound()
_RANGE = rf"(?:(?P<low>{_FIGURE})\s*(?:to|-|–|or)\s*)"
_UNIT = _alternation(words.DURATION_UNITS)
_DURATION = re.compile(
    rf"(?<![\w-]){_BOUND}?{_RANGE}?(?P<num>{_FIGURE}){_HALF}?(?P<joint>[\s-]+)(?P<unit>{_UNIT})\b(?P<half>{_HALF})?"
    rf"(?:,?\s+(?:and\s+)?(?P<num2>{_FIGURE})\s+(?P<unit2>minutes?|mins?)\b)?"
    rf"|(?<![\w-]){_bound('lone_bound')}?(?P<lone>hour|day)-long\b",
    re.IGNORECASE)
_DURATION_HINTS = _last_letter_runs(words.DURATION_UNITS)  # every match of _DURATION ends in a unit
_SEGMENT = _alternation(words.SEGMENTS)
_SEGMENT_AFTER = re.compile(rf"^(?:-long)?\s+(?:[a-z-]+\s+){{0,2}}?(?P<seg>{_SEGMENT})\b", re.IGNORECASE)
_OF_SEGMENT = re.compile(rf"^\s+of\s+(?:(?:the|their|[a-z-]+)\s+){{0,2}}?(?P<seg>{_SEGMENT})\b", re.IGNORECASE)
_OF_OTHER = re.compile(r"^\s+of\b", re.IGNORECASE)
_VERB_BEFORE = re.compile(rf"\b(?:{words.DURATION_VERBS})\s+(?:(?:for|just|only|to)\s+)*$", re.IGNORECASE)
_MEETING_FOR = re.compile(rf"\b(?:{words.MEETING_FOR_VERBS})\s+(?:(?:for|just|only)\s+)+$", re.IGNORECASE)
# "met with the Chinese president in the Great Hall on Monday evening for more than an hour": who, where and when
# between "met" and the length, within the clause, and no word that opens another clause or another time.
_MET_THEN_FOR = re.compile(r"\bmet\s+(?P<between>(?:[\w'’.-]+\s+){1,14}?)(?:(?:for|just|only)\s+)+$", re.IGNORECASE)
# "held one-on-one talks for two hours", "held bilateral talks for": the part of the meeting held, with up to two
# words before its noun.
_HELD_FOR = re.compile(rf"\bheld\s+(?P<what>(?:[\w-]+\s+){{0,2}}?(?:{_SEGMENT}))\s+(?:(?:for|just|only)\s+)+$",
                       re.IGNORECASE)
REMARKS = "remarks"  # the segment of one speaker's own words, a length of which is his
_REMARKS_AFTER = re.compile(rf"^(?:-long)?\s+(?:[a-z-]+\s+)?(?:{_alternation(words.REMARKS_NOUNS)})\b", re.IGNORECASE)
# One named speaker before the verb, not a pair ("Trump only spoke for", not "Putin and Trump spoke for")
_ONE_SPEAKER_FOR = re.compile(
    r"(?<!\band\s)\b(?!(?:They|We|Both|All)\b)[A-Z][\w'’-]+\s+"
    r"(?:(?:only|just|also|then|briefly)\s+)?(?:spoke|talked)\s+"
    r"(?:(?:for|just|only)\s+)+$")
_VISIT_FOR = re.compile(r"\b(?:stay(?:ed|s|ing)?|visit(?:ed|s|ing)?|remain(?:ed|s)?)\s+(?:in\s+\w+\s+)?for\s+$",
                        re.IGNORECASE)
_ENDED_AFTER = re.compile(rf"\b(?:{words.ENDING_VERBS})\s+(?:[\w,]+\s+){{0,4}}?after\s+$", re.IGNORECASE)
_SEGMENTS_IN = re.compile(rf"\b(?P<seg>{_SEGMENT})\b", re.IGNORECASE)
_FORECAST = re.compile(rf"\b(?:{words.FORECAST_WORDS})\b", re.IGNORECASE)
_FIGURE_CONTINUES = re.compile(rf"\b(?:{_UNIT})\s+and\s+$", re.IGNORECASE)  # "hour and 40-minute": half a figure
# "the last 10 minutes", not the verb of "was to last an hour"
_PART_OF_LENGTH = re.compile(r"\b(?:first|final|next|opening|closing|remaining|few)\s+$"
                             r"|\b(?:the|its|their|his|her|this|that)\s+last\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|\s[—–]\s|\bbut\b")
_BRACKETED_LENGTH = re.compile(
    rf"\s*\(\s*(?:(?P<fact>{words.WHAT_HAPPENED})\s*,?\s*)?(?:(?:only|just|some|or)\s+)?$", re.IGNORECASE)


def _key(matched: str) -> str:
    """A matched word or phrase as the language tables spell their keys. Case-folded, not lower-cased: the
    case-blind patterns also match letters that only fold to ASCII ("ſigned", the Kelvin sign's "K")."""
    return " ".join(matched.casefold().split())


def _figure(text: str) -> float | None:
    word = _key(text.replace("-", " "))
    if word in words.FRACTION_WORDS:
        return words.FRACTION_WORDS[word]
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    parts = word.split()
    if len(parts) == 2 and parts[0] in _TENS and parts[1] in _UNITS:
        return float(_TENS[parts[0]] + _UNITS[parts[1]])
    # "1,500" groups thousands; "2,5" is a decimal comma
    digits = text.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) else text.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def _segment_of(text: str) -> str:
    return words.SEGMENTS[_key(text)]


_UNNAMED = "unnamed"


def _name_words(people: Sequence[Fact]) -> dict[str, str]:
    """Each word of the names of titled people -> the fullest name it belongs to (one source)."""
    out: dict[str, str] = {}
    for fact in sorted(people, key=lambda f: -len(f.subject.split())):
        for word in fact.subject.split():
            if len(word) > 1:
                out.setdefault(word, fact.subject)
    return out


_CAPITALISED_RUN = re.compile(rf"(?<![\w'’])(?P<run>[A-Z]{_LOWER}+(?:\s+[A-Z]{_LOWER}+)*)(?!['’]s)\b")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|of|the|on)\s+$", re.IGNORECASE)


def _visitor(before: str, names: Mapping[str, str]) -> str | None:
    """The titled person named last before a visit's length: whose visit it is ("Xi will continue his
    three-day state visit")."""
    for word in reversed(re.findall(r"[^\W\d_][\w'’-]*", before)):
        found = names.get(_fold(fold_letters(word)))
        if found:
            return found
    # No titled person named: the last run of capitalised words that is not a place ("in Moscow", "the Kremlin")
    # nor a day names the visitor ("China's Xi Jinping arrived in Moscow Wednesday for a four-day state visit").
    for match in reversed(list(_CAPITALISED_RUN.finditer(before))):
        run = [w for w in match.group("run").split() if _fold(w) not in _NOT_NAME]
        if run and not _PLACE_BEFORE.search(before, 0, match.start()) and match.start() > 0:
            return _fold(fold_letters(" ".join(run)))
    return None


def _durations(reader: _Reader, text: str, names: Mapping[str, str], published: str | None) -> list[Fact]:
    if _letter_runs(text).isdisjoint(_DURATION_HINTS):
        return []
    out = []
    previous: tuple[int, str | None, bool] | None = None  # (end, segment, a forecast) of the length read before
    for match in _DURATION.finditer(text):
        minutes = _duration_minutes(match)
        if minutes is None or minutes <= 0:
            continue
        before, after = text[:match.start()], text[match.end():]
        if _PART_OF_LENGTH.search(before) or _FIGURE_CONTINUES.search(before):
            continue  # "the last 10 minutes of the meeting": a stretch of it, not its length
        clause = _CLAUSE_BREAK.split(before)[-1]
        bracketed = _BRACKETED_LENGTH.search(before)
        if bracketed and previous is not None and previous[0] == bracketed.start():
            # "was to last an hour (in fact, only 11 minutes)": a length in brackets after another is the same
            # thing's, planned as the first was unless the brackets say what happened
            segment, forecast = previous[1], previous[2] and not bracketed.group("fact")
        else:
            segment = _duration_segment(match, before, after)
            forecast = _FORECAST.search(" ".join(clause.split()[-8:])) is not None
        previous = (match.end(), segment, forecast)
        if segment is None:
            continue
        if forecast:
            continue  # "the talks could last six hours": a forecast, not what happened
        if _OTHER_MEETING.search(before) or _PRIOR_LENGTH.search(clause) or _other_year(before, published):
            continue  # "a 2018 summit that lasted two hours", "after wrapping up a two-day visit to Japan"
        unit_is_days = (match.group("unit") or match.group("lone") or "").lower().startswith("day")
        subject = f"{segment} (days)" if unit_is_days else segment  # a span of days is not a sitting's length
        if segment == "visit":  # at a summit several people visit: a visit's length is its visitor's
            subject = f"{subject}: {_visitor(before, names) or _UNNAMED}"
        elif segment == REMARKS:  # each speaker's own: a length of remarks whose speaker is unnamed is not read
            speaker = _visitor(before, names)
            if speaker is None:
                continue
            subject = f"{subject}: {speaker}"
        bound_word = (match.group("bound") or match.group("lone_bound") or "").lower()
        bound = words.BOUND_WORDS.get(bound_word) if bound_word else ("about" if match.group("lone") else None)
        value = _minutes_text(minutes)
        if match.group("low") and match.group("num"):  # "two to three hours": at most the larger figure
            low = _figure(match.group("low"))
            scale = minutes / (_figure(match.group("num")) or 1.0)
            value = f"{_minutes_text(low * scale)}–{value}" if low is not None else value
            bound = "below"
        fact = reader.fact(FactKind.DURATION, subject, value, match.start(), match.end(), bound=bound,
                           number=minutes)
        out.append(fact)
    return out


def _duration_minutes(match: re.Match[str]) -> float | None:
    if match.group("lone"):
        return float(words.DURATION_UNITS[_key(match.group("lone"))])
    figure = _figure(match.group("num"))
    if figure is None:
        return None
    whole = match.group(0).lower()
    if re.search(_HALF, whole, re.IGNORECASE):
        figure += 0.5
    minutes = figure * words.DURATION_UNITS[_key(match.group("unit"))]
    if match.group("num2"):
        extra = _figure(match.group("num2"))
        if extra is None:
            return None
        minutes += extra
    return minutes


def _duration_segment(match: re.Match[str], before: str, after: str) -> str | None:
    """The part of the meeting a length belongs to, or None when the sentence does not say it is the meeting's."""
    attributive = match.group("lone") or (match.group("joint") or "").startswith("-")
    if attributive:  # "a 90-minute meeting", "an hour-long bilateral meeting", "a three-day state visit"
        found = _SEGMENT_AFTER.match(after)
        if found is None:
            return REMARKS if _REMARKS_AFTER.match(after) else None  # "a brief four-minute statement"
        return _segment_of(found.group("seg"))
    found = _OF_SEGMENT.match(after)
    if found:  # "after nearly four hours of talks"
        return _segment_of(found.group("seg"))
    clause = _CLAUSE_BREAK.split(before)[-1]
    if _ONE_SPEAKER_FOR.search(clause):  # "Trump spoke for 3.3 minutes (of that time)": his share of it
        return REMARKS
    if _OF_OTHER.match(after):
        return None  # "3.3 minutes of that time": a part of something else
    if _VERB_BEFORE.search(clause) or _ENDED_AFTER.search(clause):
        named = list(_SEGMENTS_IN.finditer(clause))  # "The talks, held in X, lasted"; "a meeting, which lasted"
        return _segment_of(named[-1].group("seg")) if named else None
    held = _HELD_FOR.search(clause)
    if held:  # "they held one-on-one talks for two hours": the first part of the meeting named
        return _segment_of(next(_SEGMENTS_IN.finditer(held.group("what"))).group("seg"))
    if _MEETING_FOR.search(clause):  # "they met for two hours"
        return "talks"
    met = _MET_THEN_FOR.search(clause)
    if met and words.CLAUSE_OPENERS.isdisjoint(met.group("between").lower().split()):
        return "talks"
    if _VISIT_FOR.search(clause):  # "Xi will stay for four days"
        return "visit"
    return None


def _minutes_text(minutes: float) -> str:
    if minutes >= 1440 and minutes % 1440 == 0:
        days = minutes / 1440
        return f"{days:g} day" + ("s" if days != 1 else "")
    if minutes >= 60:
        hours, rest = divmod(minutes, 60)
        return f"{hours:g} h" + (f" {rest:g} min" if rest else "")
    return f"{minutes:g} min"


# --- how many ------------------------------------------------------------------------------------------------------

_COUNT_FIGURE = rf"(?:\d{{1,3}}(?:,\d{{3}})*|{_COMPOUND_NUMBER}|{_alternation(_NUMBER_WORDS)}|{_alternation(words.COUNT_WORDS)})"
_NOUN_PHRASE = r"(?P<np>(?:[a-z][a-z-]*\s+){0,3}?)(?P<noun>[a-z][a-z-]*s)\b"
_COUNT_VERB_FIRST = re.compile(
    rf"\b(?P<verb>{_alternation(words.COUNT_VERBS)})\s+(?:(?:a\s+total\s+of|a\s+package\s+of|a\s+series\s+of)\s+)?"
    rf"{_BOUND}?(?P<num>{_COUNT_FIGURE})\s+(?:of\s+)?{_NOUN_PHRASE}(?!\s*[a-z]+s\b)",
    re.IGNORECASE)
_COUNT_VERB_AFTER = re.compile(
    rf"(?<![\w-]){_BOUND}?(?P<num>{_COUNT_FIGURE})\s+(?:of\s+)?{_NOUN_PHRASE}\s+(?:(?:are|were|have|had|is)\s+)?"
    rf"(?P<verb>{_alternation(words.COUNT_VERBS_AFTER)}|expected)\b",
    re.IGNORECASE)
_COUNT_HINTS = _last_letter_runs([*words.COUNT_VERBS, *words.COUNT_VERBS_AFTER, "expected"])  # every match's verb
_DEFINITE = re.compile(r"\b(?:the|both|their|these|those|its|his|her|our|all)\s+$|['’]s\s+$", re.IGNORECASE)


def _stem(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ses", "xes", "ches", "shes")):
        return noun[:-2]
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


@_read_once
def _counts(reader: _Reader, text: str) -> list[Fact]:
    if _letter_runs(text).isdisjoint(_COUNT_HINTS):
        return []
    out = []
    for pattern, verbs in ((_COUNT_VERB_FIRST, words.COUNT_VERBS), (_COUNT_VERB_AFTER, words.COUNT_VERBS_AFTER)):
        for match in pattern.finditer(text):
            noun = match.group("noun").lower()
            if noun in words.NOT_COUNTED or noun.endswith("ss") or noun in LEXICON.stop_words:
                continue
            if any(w in LEXICON.stop_words or w in words.NOT_COUNTED for w in match.group("np").split()):
                continue  # "signed two years ago", "attended by the two ministers"
            if pattern is _COUNT_VERB_AFTER and _DEFINITE.search(text[:match.start()]):
                continue  # "the two leaders attended": a reference to people already named, not a count
            raw = _key(match.group("num"))
            value, bound = words.COUNT_WORDS.get(raw, (None, None))
            if value is None:
                figure = _figure(raw)
                if figure is None:
                    continue
                value = figure
            bound = words.BOUND_WORDS.get(_key(match.group("bound") or ""), bound)
            verb_text = _key(match.group("verb"))
            verb = "expect" if verb_text == "expected" else verbs[verb_text]
            subject = f"{verb}: {_stem(noun)}"
            out.append(reader.fact(FactKind.COUNT, subject, f"{value:g}", match.start("num") if not match.group("bound")
                                   else match.start("bound"), match.end("noun"), bound=bound, number=float(value)))
    return out


_JOINT_PARTS = _alternation(k for k, v in words.SEGMENTS.items() if v == "press conference")
_NOT_HELD = re.compile(rf"\b(?:{words.NOT_HELD})\s+joint\s+(?P<seg>{_JOINT_PARTS})\b", re.IGNORECASE)
_HELD = re.compile(rf"\b(?:{words.HELD_AT})\s+joint\s+(?P<seg>{_JOINT_PARTS})\b"
                   rf"|\b(?:the|their)\s+joint\s+(?P<seg2>{_JOINT_PARTS})\s+(?:{words.HELD_AFTER})\b", re.IGNORECASE)
_JOINT_HINTS = _last_letter_runs(k for k, v in words.SEGMENTS.items() if v == "press conference")
_CALLED_OFF = re.compile(rf"^\W*(?:\w+\W+){{0,4}}?(?:{words.CALLED_OFF})\b", re.IGNORECASE)
_PLANNED = re.compile(rf"\b(?:{words.FORECAST_WORDS}|will|plan(?:s|ned)?)\b", re.IGNORECASE)
JOINT_HELD = "held: joint press conference"  # the count subject: whether the sides appeared together (1) or not (0)


def _joint_appearances(reader: _Reader, text: str, published: str | None) -> list[Fact]:
    """Whether the meeting had a joint press conference, as a count of one ("addressing a joint press conference",
    "the joint news conference lasted 12 minutes") or none ("ended without a joint press conference"). A joint
    appearance is one event of the meeting, unlike each side's own briefing, so only "joint" ones are read. Not
    read: a plan or a forecast either way ("were to hold a joint press conference", "will not hold"), nor one of
    another meeting."""
    if _letter_runs(text).isdisjoint(_JOINT_HINTS) or "joint" not in _letter_runs(text):
        return []
    for pattern, held in ((_NOT_HELD, 0), (_HELD, 1)):
        match = pattern.search(text)
        if match is None:
            continue
        group = "seg" if match.group("seg") else "seg2"
        clause = _CLAUSE_BREAK.split(text[:match.start()])[-1]
        after = re.split(r"[,;.]", text[match.end():], maxsplit=1)[0]
        if _PLANNED.search(" ".join(clause.split()[-6:])) or _PLANNED.search(" ".join(after.split()[:3])):
            return []  # "no joint press conference is planned", "were to hold a joint press conference"
        if held and _CALLED_OFF.search(after):
            return []  # "the joint press conference was cancelled"
        if _OTHER_MEETING.search(text) or _other_year(text, published):
            return []  # "their joint press conference in Helsinki in 2018" ("after the talks" is this meeting's)
        return [reader.fact(FactKind.COUNT, JOINT_HELD, str(held), match.start(), match.end(group), number=float(held))]
    return []


# --- who -----------------------------------------------------------------------------------------------------------

_PORTFOLIO = _alternation(words.PORTFOLIOS)
_OFFICE = _alternation(words.OFFICES)
_NAME_WORD = r"[A-Z](?:[\w'’-]*\w|(?:\.[A-Z])*\.)"  # "Vance", "O'Neill", "J.D."
_PERSON = re.compile(
    rf"(?<![\w-])(?P<mods>(?i:(?:former|ex-?|outgoing|then-?|late|acting)[\s-]+))?"
    rf"(?:(?P<country>U\.S\.|U\.K\.|US|UK|[A-Z]{_LOWER}+)\s+)??"
    rf"(?P<office>(?i:(?P<deputy>(?:first\s+)?deputy\s+)?(?P<pf1>{_PORTFOLIO})\s+(?:minister|secretary)"
    rf"|(?:minister|secretary)\s+(?:of|for)\s+(?:the\s+)?(?P<pf2>{_PORTFOLIO})"
    rf"|(?P<office_word>{_OFFICE})))"
    # "]" after the office: an editor's words inside a quotation ("meet with [North Korean leader] Kim Jong-un")
    rf"\]?,?\s+(?P<name>{_NAME_WORD}(?:\s+(?:(?:{_alternation(words.NAME_PARTICLES)})\s+){{0,2}}{_NAME_WORD}){{0,3}})")
_PERSON_HINTS = _last_letter_runs([*words.OFFICES, "minister", "secretary"])  # every match's office
_OFFICE_CONTINUES = re.compile(r"\b(?:vice|deputy|first|assistant)[\s-]*$", re.IGNORECASE)
_NOT_NAME = (words.NOT_NAME_WORDS | set(LEXICON.months) | set(LEXICON.weekdays) | set(words.SEGMENTS)
             | words.ORDINAL_NOUNS)  # "President Vladimir Putin Summit" in a headline
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
_INDEFINITE_BEFORE = re.compile(r"\b[Aa]n?\s+(?:[a-z]+\s+)?$")  # "a leader", "a great leader"
_PORTFOLIO_WORDS = frozenset(word for portfolio in words.PORTFOLIOS for word in portfolio.split())


def _names_no_person(tokens: Sequence[str]) -> bool:
    """Capitalised words after an office that name a body, not its holder: they end in an organisation's noun
    ("leader of the Economic Freedom Fighters")."""
    return _fold(tokens[-1]) in words.ORGANISATION_WORDS


def _persons(reader: _Reader, text: str, published: str | None = None) -> list[Fact]:
    if _letter_runs(text).isdisjoint(_PERSON_HINTS):
        return []
    out = []
    of_now = not (_OTHER_MEETING.search(text) or _PRIOR_MEETING.search(text) or _other_year(text, published))
    titled_then = _other_year(text, published) or _OTHER_TIME.search(text) is not None
    quoted = quoted_spans(text, _open_quote_before(reader))
    first_person = _FIRST_PERSON.search(_unquoted(text, quoted)) is not None
    listed: tuple[int, str, str | None] | None = None  # (end, office, country) of the person named just before
    for match in _PERSON.finditer(text):
        if _OFFICE_CONTINUES.search(text, 0, match.start()):
            continue  # "ago-Vice President X": the office read is the tail of a longer one
        mods = (match.group("mods") or "").lower().strip(" -")
        if mods in words.THEN_WORDS:
            continue  # "then-Secretary of State X": the title of another time
        office = _office(match)
        if office is None:
            continue
        if "," in text[match.end("office"):match.start("name")] and _INDEFINITE_BEFORE.search(text, 0, match.start()):
            continue  # "Zelensky is a dictator, Trump said": what one calls someone, not an apposition's title
        tokens = []
        for token in match.group("name").split():
            if token in words.NAME_PARTICLES:
                tokens.append(token)
                continue
            bare = re.sub(r"['’]s$", "", token)
            possessive = bare != token
            if not _INITIALS.fullmatch(bare):
                bare = bare.rstrip(".,")  # "J.D." keeps its stops; "Trump." at a sentence's end does not
            if _fold(bare) in _NOT_NAME or not bare[:1].isupper():
                break
            if _fold(bare) in words.OFFICES:
                tokens = []  # "President Ukrainian President X": the title written twice; the name follows the last
                continue
            if tokens or _fold(bare.rstrip(".")) not in words.HONORIFICS:
                tokens.append(bare)
            if possessive:
                break  # "President Trump's": the name ends at the possessive
        while tokens and tokens[-1] in words.NAME_PARTICLES:
            tokens.pop()
        if not tokens or _fold(" ".join(tokens)) in COUNTRIES or _names_no_person(tokens):
            continue
        if (match.group("pf1") or match.group("pf2")) and _fold(tokens[0]) in _PORTFOLIO_WORDS:
            continue  # "Minister of Trade, Industry and Competition": the office's list of portfolios runs on
        value = f"former {office[1]}" if mods in words.FORMER_WORDS else office[1]
        group = office[0]
        name = " ".join(tokens)
        end = match.start("name") + text[match.start("name"):].index(tokens[-1]) + len(tokens[-1])
        country = _country_named(match.group("country")) if of_now else None
        if country is None and of_now and listed is not None:
            country = _listed_country(text, listed, match.start(), office[1])
        listed = (end, office[1], country)
        # A title in someone's words ("We see President X's resolve", a quotation) is the speaker's, which the
        # outlet only reports: shown, but no evidence of what the outlet calls the person.
        said = first_person or any(q_start <= match.start() < q_end for q_start, q_end in quoted)
        out.append(reader.fact(FactKind.PERSON, _fold(fold_letters(name)), f"{group}: {value}",
                               match.start("office") if not mods else match.start(), end, country=country,
                               bound=QUOTED if said else OF_ANOTHER_TIME if titled_then else None))
    return out + _titles_set_apart(reader, text, out, of_now, titled_then, quoted, first_person)


_OFFICE_PATTERN = (
    rf"(?P<office>(?i:(?P<deputy>(?:first\s+)?deputy\s+)?(?P<pf1>{_PORTFOLIO})\s+(?:minister|secretary)"
    rf"|(?:minister|secretary)\s+(?:of|for)\s+(?:the\s+)?(?P<pf2>{_PORTFOLIO})"
    rf"|(?P<office_word>{_OFFICE})))")
_PLAIN_NAME_WORD = r"[A-Z][\w'’-]+"
_REMIT = rf"\s+(?:for|to|of)\s+(?:the\s+)?(?P<remit>{_PLAIN_NAME_WORD}(?:\s+{_PLAIN_NAME_WORD}){{0,2}})"
# "special envoy for the Middle East Steve X": an office, what it is for, then a name of exactly two words (where the
# remit ends and the name begins is not written; a name of two words followed by no capitalised word is read)
_TITLE_WITH_REMIT = re.compile(
    rf"(?<![\w-]){_OFFICE_PATTERN}{_REMIT}\s+(?P<name>{_PLAIN_NAME_WORD}\s+{_PLAIN_NAME_WORD})\b(?!\s+[A-Z])")
# "Steve X, Washington's special envoy for the Middle East," / "Marco Rubio, the US Secretary of State, ...": a
# title set after the name between commas (or before the sentence's end)
_TITLE_AFTER = re.compile(
    rf",\s+(?:(?:the|an?)\s+)?(?:(?P<owner>U\.S\.|U\.K\.|[A-Z][\w-]*?)(?:['’]s)?\s+)?{_OFFICE_PATTERN}"
    rf"(?:{_REMIT})?(?=\s*(?:[,;)]|\.(?:\s|$)|$))")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])(?P<name>{_PLAIN_NAME_WORD}(?:\s+{_PLAIN_NAME_WORD}){{1,2}})$")
_NAME_REACH = 60  # characters before a comma searched for the name a title after it belongs to


_TITLE_TAIL = re.compile(r"(?:\b(?:former|ex|outgoing|then|late|acting)[\s-]+|\b(?:to|of|for)\s+(?:the\s+)?)$",
                         re.IGNORECASE)
_NAME_NEXT = re.compile(r",\s+[A-Z]")
_OFFICE_REACH = 40  # characters an office may run before its last word ("first deputy foreign minister")
_REMIT_REACH = 120  # characters from an office's last word to the end of its remit and name
_AFTER_COMMA_REACH = 60  # characters after a comma that hold an owner and an office ("the US Secretary of State")


def _titles_set_apart(reader: _Reader, text: str, read: Sequence[Fact], of_now: bool, titled_then: bool,
                      quoted: Sequence[tuple[int, int]], first_person: bool) -> list[Fact]:
    """Titles the title-before-name pattern misses: one with its remit between office and name ("special envoy for
    the Middle East Steve X") and one set after the name between commas ("Steve X, Washington's special envoy,").
    Only a name of two or three capitalised words, none a month, weekday or function word, and not one already
    read; the country is the remit's or the owner's when it names one ("the US Secretary of State")."""
    out = []
    taken = [(f.start - reader.sentence.start, f.end - reader.sentence.start) for f in read]
    offices = _letter_runs(text) & _PERSON_HINTS
    lower = text.lower()
    # The patterns try an office at every position; first the cheap tests that one could match at all: an
    # office word followed by a remit's preposition, or an office word within a few words after a comma.
    found = []
    for at in sorted({lower.find(f"{w} {p} ") for w in offices for p in ("for", "to", "of")} - {-1}):
        # the office ends at `at` + its last word: the pattern is tried from a few words before it only
        match = _TITLE_WITH_REMIT.search(text, max(0, at - _OFFICE_REACH), at + _REMIT_REACH)
        if match and all(match.span() != m.span() for m, _ in found):
            found.append((match, match.span("name")))
    comma = lower.find(", ")
    while comma >= 0:  # a title after a comma, and the name just before it
        if not offices.isdisjoint(_LETTER_RUN.findall(lower, comma, comma + _AFTER_COMMA_REACH)):
            match = _TITLE_AFTER.match(text, comma)
            name = _NAME_BEFORE.search(text, max(0, comma - _NAME_REACH), comma) if match else None
            if name and not _NAME_NEXT.match(text, match.end()):  # not "X, the president of Brazil, Luiz Y"
                found.append((match, name.span("name")))
        comma = lower.find(", ", comma + 1)
    for match, (name_start, name_end) in found:
        tokens = text[name_start:name_end].split()
        if any(_fold(t) in _NOT_NAME or _fold(t) in COUNTRIES for t in tokens) or _names_no_person(tokens):
            continue
        office_at = match.start("office")
        if _OFFICE_CONTINUES.search(text, 0, office_at) or _TITLE_TAIL.search(text, 0, office_at):
            continue  # another time's title, or the tail of a longer one ("Assistant to the President for X")
        office = _office(match)
        if office is None or any(start < name_end and name_start < end for start, end in taken):
            continue
        owner = match.groupdict().get("owner") or match.group("remit")
        country = _country_named(owner) if of_now and owner else None
        start, end = min(name_start, match.start()), max(name_end, match.end())
        said = first_person or any(q_start <= start < q_end for q_start, q_end in quoted)
        out.append(reader.fact(FactKind.PERSON, _fold(fold_letters(" ".join(tokens))), f"{office[0]}: {office[1]}",
                               start, end, country=country,
                               bound=QUOTED if said else OF_ANOTHER_TIME if titled_then else None))
        taken.append((start, end))
    return out


# People named without an office: by what they do ("golfers Ernie Els and Retief Goosen") or by their country
# ("North Korea's Kim Jong Un"). Their facts say who is named, never what he is called, so they exclude no title.
NAMED = "named"
BY_ROLE, BY_COUNTRY = f"{NAMED}: by role", f"{NAMED}: by country"
_FULL_NAME = (rf"{_PLAIN_NAME_WORD}(?:\s+(?:(?:{_alternation(words.NAME_PARTICLES)})\s+){{0,2}}{_PLAIN_NAME_WORD})"
              rf"{{1,2}}(?![\w'’-])")  # two or three words: one word after a role is as often a place or a team
_ROLE_NAMES = re.compile(
    rf"(?<![\w-])(?P<role>(?i:{_alternation(words.ROLE_NOUNS)}))\s+(?P<names>{_FULL_NAME}"
    rf"(?:(?:,\s+|,?\s+and\s+){_FULL_NAME})*)")
# "Julius Malema, an opposition politician who ...": the role set after the name, with "a"/"an" and up to two
# words before it ("an Australian journalist") (the name read back from the comma: its first word may open the sentence)
_NAME_THEN_ROLE = re.compile(
    rf"(?<![\w'’-])(?P<name>{_FULL_NAME}),\s+an?\s+(?:(?!(?:of|in|for|with|from|and|or|to|at|by)\s)[\w-]+\s+){{0,2}}"
    rf"(?i:{_alternation(words.ROLE_NOUNS)})\b")
_PLACE_AHEAD = re.compile(r"\b(?:in|at|to|from|near)\s+$", re.IGNORECASE)
_ROLE_HINTS = _last_letter_runs(words.ROLE_NOUNS)
_ONE_FULL_NAME = re.compile(_FULL_NAME)
_POSSESSIVE = re.compile(r"['’]s$")
_COUNTRYS_NAME = re.compile(
    rf"(?<![\w-])(?P<country>(?:[A-Z][\w.]*\s+){{0,2}}[A-Z][\w.]*)['’]s\s+(?P<name>{_FULL_NAME})")


def _untitled_people(reader: _Reader, text: str, titled: Sequence[Fact]) -> list[Fact]:
    """People named by a role noun before the name, each name of a list after a plural one ("golfers Ernie Els and
    Retief Goosen"), or after the name ("Cheng Lei, an Australian journalist"), and by their country's possessive
    ("Ukraine's Volodymyr Zelensky"), where no title is read (`titled`: the source's titled people). A name is two
    or three capitalised words, none a function word, month, weekday, country, title word or organisation's noun."""
    found: list[tuple[int, int, str, str | None]] = []  # (start, end, value, country)
    if not _letter_runs(text).isdisjoint(_ROLE_HINTS):
        for match in _ROLE_NAMES.finditer(text):
            plural = match.group("role").lower().endswith("s") and not match.group("role").lower().endswith("ss")
            for name in itertools.islice(_ONE_FULL_NAME.finditer(text, match.start("names"), match.end("names")),
                                         None if plural else 1):
                found.append((name.start(), name.end(), BY_ROLE, None))
        if ", a" in text:
            for match in _NAME_THEN_ROLE.finditer(text):
                if _PLACE_AHEAD.search(text, 0, match.start()):
                    continue  # "flew to Cape Town, a city of golfers"
                found.append((match.start("name"), match.end("name"), BY_ROLE, None))
    if "'s " in text or "’s " in text:
        for match in _COUNTRYS_NAME.finditer(text):
            owner = match.group("country").split()
            country = next((c for c in (_country_named(" ".join(owner[i:])) for i in range(len(owner))) if c), None)
            if country is not None:
                found.append((match.start("name"), match.end("name"), BY_COUNTRY, country))
    taken = [(f.start - reader.sentence.start, f.end - reader.sentence.start) for f in titled
             if f.sentence_id == reader.sentence.id and f.source == reader.source.id] if found else []
    out = []
    for start, end, value, country in found:
        tokens = text[start:end].split()
        while len(tokens) > 2 and _fold(tokens[0]) in LEXICON.stop_words:  # "But Lee Jae-myung, a ..." opens a sentence
            start = text.index(tokens[1], start + len(tokens[0]))
            tokens = tokens[1:]
        if len(tokens) < 2 or _fold(tokens[0]) in LEXICON.stop_words:
            continue
        if _POSSESSIVE.search(tokens[-1]):  # "businessman Elon Musk's company", "and South Africa's richest man"
            tokens[-1] = _POSSESSIVE.sub("", tokens[-1])
            end -= 2
        if any(_fold(t) in _NOT_NAME or _fold(t) in COUNTRIES or _fold(t) in LEXICON.title_words for t in tokens) \
                or _fold(" ".join(tokens)) in COUNTRIES or _names_no_person(tokens) \
                or any(s < end and start < e for s, e in taken):
            continue
        out.append(reader.fact(FactKind.PERSON, _fold(fold_letters(" ".join(tokens))), value, start, end,
                               country=country))
        taken.append((start, end))
    return out


_LIST_JOIN = re.compile(r",?\s+and\s+|,\s+")
_COUNTRY_WORD = re.compile(rf"\b[A-Z](?:{_LOWER}|[A-Z.])*")


def _listed_country(text: str, listed: tuple[int, str, str | None], start: int, office: str) -> str | None:
    """The country of a title that names none, when it follows another person's title in a list ("U.S. Foreign
    Minister X and National Security Adviser Y", "Saudi Foreign Minister X and national security adviser Y"): a
    writer names the country again when the list changes sides. Not when the two hold one office (one holder
    each: two countries), nor when the sentence names another country anywhere ("Russian Foreign Minister X and
    Secretary of State Y of the United States")."""
    end, listed_office, listed_country = listed
    if listed_country is None or listed_office == office or not _LIST_JOIN.fullmatch(text, end, start):
        return None
    named = {_country_named(w) for w in _COUNTRY_WORD.findall(text)} - {None}
    return listed_country if named == {listed_country} else None


QUOTED = "quoted"  # the bound of a fact read inside someone's reported words
# The bound of a title read in a sentence about another time than the news (an earlier meeting, another year, an
# anniversary): the title of that time, shown, but no evidence of what the person is called now.
OF_ANOTHER_TIME = "of another time"
_NOT_TITLE_EVIDENCE = frozenset({QUOTED, OF_ANOTHER_TIME})
_FIRST_PERSON = re.compile(words.FIRST_PERSON)


def _open_quote_before(reader: _Reader) -> bool:
    """Does a quotation opened earlier in the sentence's paragraph run on into it (a speech quoted over several
    sentences)?"""
    text = reader.source.text
    paragraph = text[text.rfind("\n", 0, reader.sentence.start) + 1:reader.sentence.start]
    return _quotation_left_open(paragraph, False)


def _quotation_left_open(text: str, open_at_start: bool) -> bool:
    marks = QUOTE_MARK.findall(text)
    is_open = open_at_start
    for mark in marks:
        is_open = (not is_open) if mark == EITHER_QUOTE else mark in OPENING_QUOTES
    return is_open


def _unquoted(text: str, quoted: Sequence[tuple[int, int]]) -> str:
    kept, at = [], 0
    for start, end in quoted:
        kept.append(text[at:start])
        at = end
    return " ".join(kept + [text[at:]])


def _country_named(word: str | None) -> str | None:
    """The country a word before a title names: a demonym ("Russian") or a country's name ("US", "U.S.")."""
    if not word:
        return None
    key = _fold(word).rstrip(".")
    return LEXICON.demonym_country.get(key) or _COUNTRY_BY_NAME.get(key) or _COUNTRY_BY_NAME.get(_fold(word))


_COUNTRY_BY_NAME = {name: country.name for country in LEXICON.countries for name in country.names}


def _office(match: re.Match[str]) -> tuple[str, str] | None:
    """(group, office) of a title: "state" (president, vice president), "government" (prime minister, deputy),
    "minister" (a portfolio), "staff" (adviser, aide, envoy, spokesperson)."""
    portfolio = match.group("pf1") or match.group("pf2")
    if portfolio:
        name = words.PORTFOLIOS[_key(portfolio)]
        deputy = "deputy " if match.group("deputy") else ""
        return "minister", f"{deputy}{name} minister"
    word = " ".join(match.group("office_word").lower().split())
    if word in words.ABBREVIATED_OFFICES and not match.group("office_word").isupper():
        return None  # "pm" in lower case is a time of day
    return words.OFFICES.get(word)


# --- which meeting -------------------------------------------------------------------------------------------------

_ORDINAL_WORDS = dict(LEXICON.ordinal_words)
# "the 23rd India-Russia Annual Summit", "the first US-China summit": whose meeting it is, not which kind (left out of
# the row's subject, so that "their 23rd annual summit" lines up with it)
_PAIR_OF_NAMES = r"(?-i:(?:[A-Z][A-Za-z.]*[-\u2013]){1,2}[A-Z][A-Za-z.]*)"
_ORDINAL = re.compile(
    rf"\b(?:their|the|its)\s+(?P<ord>{_alternation(_ORDINAL_WORDS)}|\d+(?:st|nd|rd|th))\s+"
    rf"(?P<quals>(?:(?:{_alternation(words.ORDINAL_QUALIFIERS)}|{_PAIR_OF_NAMES})\s+){{0,3}})"
    rf"(?P<noun>{_alternation(words.ORDINAL_NOUNS)})\b",
    re.IGNORECASE)
_ORDINAL_HINTS = _last_letter_runs(words.ORDINAL_NOUNS)  # every match ends in its noun
_ORDINAL_FRAME = re.compile(words.ORDINAL_FRAMES)
_ORDINAL_PLACE_FRAME = re.compile(words.ORDINAL_PLACE_FRAME)
_FRAME_REACH = 12  # words after the noun searched for a frame ("the first talks between A and B since 2021")


@_read_once
def _ordinals(reader: _Reader, text: str) -> list[Fact]:
    if _letter_runs(text).isdisjoint(_ORDINAL_HINTS):
        return []
    out = []
    for match in _ORDINAL.finditer(text):
        rest = _CLAUSE_BREAK.split(text[match.end():])[0]  # a frame may follow a comma: "of A, B and C in three years"
        rest = " ".join(rest.split()[:_FRAME_REACH])
        if _ORDINAL_FRAME.search(rest) or _ORDINAL_PLACE_FRAME.match(rest):
            continue  # "the first meeting since 2019" counts from somewhere else
        ordinal = match.group("ord").lower()
        number = int(_ORDINAL_WORDS.get(ordinal) or re.sub(r"\D", "", ordinal))
        quals = " ".join(sorted({q for q in match.group("quals").lower().split() if q in words.ORDINAL_QUALIFIERS}))
        noun = _stem(match.group("noun")) if match.group("noun").lower() not in ("talks", "negotiations", "discussions") else match.group("noun").lower()
        subject = f"{quals} {noun}".strip()
        out.append(reader.fact(FactKind.ORDINAL, subject, str(number), match.start("ord"), match.end(),
                               number=float(number)))
    return out


# --- lining up -----------------------------------------------------------------------------------------------------


def lineup(facts_by_source: Mapping[str, Sequence[Fact]], *, texts: Mapping[str, str] | None = None) -> tuple[FactRow, ...]:
    """The fact sheet of one event: per (kind, subject), each source's facts, with the row's status and its
    conflicts. `texts` (source -> its text) lets two places conflict only when neither source mentions the
    other's place at all; without it places never conflict."""
    facts = [f for source in sorted(facts_by_source) for f in facts_by_source[source]]
    facts = _clock_times_placed(_weekdays_off_yearless_dates(facts))
    misnamed, name_pairs = _misnamed_people(facts)
    facts = _same_people([replace(f, subject=misnamed[f.subject]) if f.kind == FactKind.PERSON and f.subject in misnamed
                          else f for f in facts])
    facts = _known_by_country(facts)
    renamed = {(f.source, f.kind, f.start, f.end): f for f in facts}
    name_pairs = [(renamed[a.source, a.kind, a.start, a.end], renamed[b.source, b.kind, b.start, b.end])
                  for a, b in name_pairs] + _two_holders(facts)
    named_conflicts: dict[tuple[FactKind, str], list[FactConflict]] = defaultdict(list)
    for a, b in name_pairs:  # a conflict of names sits in the row of the odd name
        named_conflicts[a.kind, a.subject].append(FactConflict(a.kind, a.subject, a, b, _reason(a.kind, a.subject, a, b)))
    rows: dict[tuple[FactKind, str], list[Fact]] = defaultdict(list)
    for fact in facts:
        rows[fact.kind, fact.subject].append(fact)
    folded = {s: _fold(t) for s, t in (texts or {}).items()}
    out = []
    for (kind, subject), group in sorted(rows.items(), key=lambda kv: (list(FactKind).index(kv[0][0]), kv[0][1])):
        conflicts = tuple(_row_conflicts(kind, subject, group, folded if texts is not None else None)
                          + named_conflicts.get((kind, subject), []))
        sources = {f.source for f in group}
        if conflicts:
            status = FactStatus.CONFLICT
        elif len(sources) == 1:
            status = FactStatus.SINGLE
        elif _values_agree(kind, {f.value for f in group}):
            status = FactStatus.AGREE
        else:
            status = FactStatus.DIFFER
        out.append(FactRow(kind, subject, tuple(group), status, conflicts))
    return tuple(out)


def _values_agree(kind: FactKind, values: set[str]) -> bool:
    """Whether a row's values say one thing: one value, or one date given with its year by some sources and
    without it by others ("August 25, 2025" / "August 25": "2025-08-25" / "--08-25"); for a person, one title (a
    name without one states none)."""
    if kind == FactKind.PERSON:
        values = {v for v in values if not v.startswith(f"{NAMED}: ")} or {NAMED}
    if len(values) == 1:
        return True
    if kind != FactKind.DATE:
        return False
    with_year = {v for v in values if not v.startswith(_NO_YEAR)}
    return len(with_year) <= 1 and len({v[-len("-MM-DD"):] for v in values}) == 1


def _known_by_country(facts: list[Fact]) -> list[Fact]:
    """A name after a country's possessive ("North Korea's Kim Jong Un") is a person's only when the event names
    him otherwise too: "Russia's Black Sea Fleet" and "Japan's Nikkei Asia" are written the same way."""
    known = {f.subject for f in facts if f.kind == FactKind.PERSON and f.value != BY_COUNTRY}
    return [f for f in facts if f.kind != FactKind.PERSON or f.value != BY_COUNTRY or f.subject in known]


def fact_conflicts(rows: Sequence[FactRow]) -> tuple[FactConflict, ...]:
    return tuple(c for row in rows for c in row.conflicts)


def _misnamed_people(facts: Sequence[Fact]) -> tuple[dict[str, str], list[tuple[Fact, Fact]]]:
    """People one office names two ways that are not the same name written otherwise: the same surname under
    another given name ("Commerce Secretary Scott X" / "Commerce Secretary Howard X"), or a surname one letter
    off with the same given name ("Treasury Secretary Scott Bessant" / "... Scott Bessent"). A short form,
    an initial or a transliteration ("Sergei"/"Sergey", "Zelenskiy"/"Zelenskyy") is the same name, not this.

    Returns each odd name -> the name more sources write (its row), and the pairs of facts (odd, usual) of two
    sources that conflict."""
    spellers: dict[tuple[str, str], set[str]] = defaultdict(set)  # (office, name) -> sources
    for fact in facts:
        if fact.kind == FactKind.PERSON and len(fact.subject.split()) > 1:
            spellers[_office_named(fact.value), fact.subject].add(fact.source)
    odd: dict[str, str] = {}
    for (office, one), (other_office, two) in itertools.combinations(sorted(spellers), 2):
        # named without an office, two given names of one surname are as often two relatives as a garble
        if office != other_office or one in odd or two in odd or not _misnamed(one, two, kin=office == NAMED):
            continue
        rank = lambda name: (len(spellers[office, name]), name)  # noqa: E731 - the name more sources write
        usual, unusual = (one, two) if rank(one) >= rank(two) else (two, one)
        odd[unusual] = usual
    pairs = []
    for unusual, usual in odd.items():
        theirs = [f for f in facts if f.kind == FactKind.PERSON and f.subject == usual]
        for fact in (f for f in facts if f.kind == FactKind.PERSON and f.subject == unusual):
            for source in dict.fromkeys(f.source for f in theirs if f.source != fact.source
                                        and _office_named(f.value) == _office_named(fact.value)):
                pairs.append((fact, next(f for f in theirs if f.source == source)))
    return odd, pairs


def _office_named(value: str) -> str:
    """A person fact's office, every way of naming someone without one as one."""
    return NAMED if value.startswith(f"{NAMED}: ") else value


def _misnamed(one: str, two: str, *, kin: bool = False) -> bool:
    """Two names of one office that are one person's written wrong; `kin`: the same surname may be a relative's."""
    given_one, surname_one = _name_parts(one)
    given_two, surname_two = _name_parts(two)
    same_given = _same_given_name(given_one, given_two)
    if surname_one == surname_two:
        return not kin and not same_given and len(given_one) > 1 and len(given_two) > 1
    return same_given and max(len(surname_one), len(surname_two)) >= MISSPELT_SURNAME_LENGTH \
        and _one_edit_apart(surname_one, surname_two)


def _name_parts(name: str) -> tuple[str, str]:
    """(given name, surname) of a folded name of two words or more, transliteration variants folded; a particle
    before a hyphen is not part of the surname ("al-aiban": "aiban")."""
    words_ = name.split()
    surname = words_[-1]
    head, _, rest = surname.partition("-")
    if rest and head in words.NAME_PARTICLES:
        surname = rest
    return _transliterated(words_[0].replace(".", "")), _transliterated(surname)


def _transliterated(word: str) -> str:
    for variant, plain in LEXICON.transliterations:
        word = word.replace(variant, plain)
    return word.replace("y", "i")  # a final "-y" or "-i" ("Zelensky", "Zelenski")


def _same_given_name(one: str, two: str) -> bool:
    """Given names of one person: the same first letter ("Sergei"/"Sergey", "JD"/"James"), or a short form
    ("Bill"/"William")."""
    return one[:1] == two[:1] or any(one in group and two in group for group in LEXICON.nicknames)


def _one_edit_apart(one: str, two: str) -> bool:
    """One letter changed, added or dropped ("Bessent"/"Bessant", "Witkoff"/"Whitkoff")."""
    if abs(len(one) - len(two)) > 1 or one == two:
        return False
    if len(one) == len(two):
        return sum(x != y for x, y in zip(one, two)) == 1
    short, long_ = sorted((one, two), key=len)
    at = next((i for i, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[at:] == long_[at + 1:]


def _two_holders(facts: Sequence[Fact]) -> list[tuple[Fact, Fact]]:
    """Two people named to one office of one country that one person holds at a time (compare.lang.en.facts.
    SINGLE_HOLDER_GROUPS), by two sources: the name fewer sources give, against each source giving the other. A
    source that itself names two holders is left out (it speaks of two times)."""
    holders: dict[tuple[str, str], dict[str, dict[str, Fact]]] = defaultdict(lambda: defaultdict(dict))
    for fact in facts:
        group, office = fact.value.split(": ", 1) if ": " in fact.value else ("", "")
        if fact.kind != FactKind.PERSON or fact.country is None or office.startswith(("former ", "deputy ")) \
                or (group not in words.SINGLE_HOLDER_GROUPS and office not in words.SINGLE_HOLDER_OFFICES):
            continue
        holders[fact.country, fact.value][fact.subject].setdefault(fact.source, fact)
    pairs = []
    for named in holders.values():
        sources: dict[str, set[str]] = defaultdict(set)
        for subject, by_source in named.items():
            for source in by_source:
                sources[source].add(subject)
        named = {subject: {s: f for s, f in by_source.items() if len(sources[s]) == 1}
                 for subject, by_source in named.items()}
        ranked = sorted((subject for subject in named if named[subject]), key=lambda n: (-len(named[n]), n))
        for i, usual in enumerate(ranked):
            for unusual in ranked[i + 1:]:
                if _may_be_one_person(usual, unusual):
                    continue
                for fact in named[unusual].values():
                    pairs.extend((fact, other) for other in named[usual].values())
    return pairs + _namesakes_of_odd_holders([a for a, _ in pairs], facts)


def _namesakes_of_odd_holders(odd: Sequence[Fact], facts: Sequence[Fact]) -> list[tuple[Fact, Fact]]:
    """A name given to an office another person holds, whose surname is that of someone the other sources title
    otherwise ("US Secretary of State Mike X" where the others write "Secretary of State Y" and "Vice President JD
    X"): the source has put one person's surname under another's office, so its fact conflicts with each other
    source's title for that person too. Without the first conflict a namesake is as often a relative ("President
    Bill X" / "Secretary of State Hillary X")."""
    pairs = []
    for fact in dict.fromkeys(odd):
        given, surname = _name_parts(fact.subject)
        seen: set[str] = set()
        for other in facts:
            if other.kind != FactKind.PERSON or other.source == fact.source or other.source in seen \
                    or other.bound in _NOT_TITLE_EVIDENCE or len(other.subject.split()) < 2 or other.subject == fact.subject:
                continue
            other_given, other_surname = _name_parts(other.subject)
            if other_surname == surname and not _same_given_name(given, other_given) \
                    and _offices_exclusive(fact.value, other.value):
                pairs.append((fact, other))
                seen.add(other.source)
    return pairs


def _may_be_one_person(one: str, two: str) -> bool:
    """Two folded names that share a word once transliterations are folded ("Volodymyr Zelensky" / "Vladimir
    Zelenskyy"), or where one name's last word begins the other's (a name cut short: "Emmanuel Mac")."""
    words_one, words_two = ({_transliterated(w) for w in name.split()} for name in (one, two))
    if words_one & words_two:
        return True
    last_one, last_two = _name_parts(one)[1], _name_parts(two)[1]
    return last_one.startswith(last_two) or last_two.startswith(last_one)


def _same_people(facts: list[Fact]) -> list[Fact]:
    canonical = _canonical_people(facts)
    canonical.update(_visitors_named(facts, canonical))

    def renamed(fact: Fact) -> Fact:
        if fact.kind == FactKind.PERSON:
            return replace(fact, subject=canonical[fact.subject])
        if fact.kind == FactKind.DURATION and ": " in fact.subject:
            what, who = fact.subject.split(": ", 1)
            return replace(fact, subject=f"{what}: {canonical.get(who, who)}")
        return fact

    return [renamed(f) for f in facts]


def _visitors_named(facts: list[Fact], canonical: Mapping[str, str]) -> dict[str, str]:
    """A visit whose visitor the source does not name is the one named visitor's when the event's sources name
    only one (one side travelled); with several visitors named, it stays apart."""
    named = {canonical.get(f.subject.split(": ", 1)[1], f.subject.split(": ", 1)[1])
             for f in facts if f.kind == FactKind.DURATION and f.subject.startswith("visit") and ": " in f.subject}
    named.discard(_UNNAMED)
    return {_UNNAMED: named.pop()} if len(named) == 1 else {}


def _canonical_people(facts: list[Fact]) -> dict[str, str]:
    """Person facts of one person under one subject: the fullest form of the name, the most written of forms as
    full. Two names are one person
    when their last words agree and their first words start alike ("Sergei"/"Sergey", "Mike"/"Michael"), when
    they differ only in where hyphens and spaces fall ("Lee Jae-myung"/"Lee Jae Myung", "Kim Jong-un"/"Kim Jong
    Un"), or when one is a single word of the other ("Xi" and "Xi Jinping", "Lee" and "Lee Jae-myung"), when that
    word belongs to one fuller name only."""
    writers = Counter(f.subject for f in facts if f.kind == FactKind.PERSON)
    # the fullest form first and, of forms as full, the one written most often: "Emmanual Macron" in one source
    # joins "Emmanuel Macron" in five, not the other way round
    names = sorted(writers, key=lambda n: (-len(n.split()), -writers[n], n))
    canonical: dict[str, str] = {}
    for name in names:
        parts = name.split()
        matches = []
        for full in dict.fromkeys(canonical.values()):
            other = full.split()
            if len(parts) == 1:
                if parts[0] in full.replace("-", " ").split():  # "lee" of "lee jae-myung" too
                    matches.append(full)
            elif _transliterated(other[-1]) == _transliterated(parts[-1]) and other[0][:1] == parts[0][:1] \
                    or _run_together(full) == _run_together(name):
                matches.append(full)
        canonical[name] = matches[0] if len(matches) == 1 else name
    return canonical


def _run_together(name: str) -> str:
    """A folded name with its words run together, transliterations folded: one name for each way of hyphenating or
    spacing a romanised given name ("jae-myung", "jae myung", "jaemyung")."""
    return _transliterated("".join(name.split()))


def _row_conflicts(kind: FactKind, subject: str, group: list[Fact], texts: Mapping[str, str] | None) -> list[FactConflict]:
    by_source: dict[str, list[Fact]] = defaultdict(list)
    for fact in group:
        by_source[fact.source].append(fact)
    sources = sorted(by_source)
    out = []
    for i, a_source in enumerate(sources):
        for b_source in sources[i + 1:]:
            pair = _conflicting_pair(kind, by_source[a_source], by_source[b_source], texts)
            if pair is None:
                continue
            a, b = pair
            out.append(FactConflict(kind, subject, a, b, _reason(kind, subject, a, b)))
            if kind != FactKind.PERSON:  # every sentence that states a figure the other source excludes
                seconds = [(x, b) for x in by_source[a_source] if x.sentence_id != a.sentence_id] \
                    + [(a, y) for y in by_source[b_source] if y.sentence_id != b.sentence_id]
                out.extend(FactConflict(kind, subject, x, y, _reason(kind, subject, x, y)) for x, y in seconds)
    return out


def _conflicting_pair(kind: FactKind, a_facts: list[Fact], b_facts: list[Fact],
                      texts: Mapping[str, str] | None) -> tuple[Fact, Fact] | None:
    """Two facts of two sources that cannot both be true. A figure conflicts only when nothing one source states
    of the subject fits anything the other states (a source may give the talks' length twice, once for a part);
    a title conflicts when one of a source's titles for a person fits none the other source gives him."""
    if kind == FactKind.PERSON:  # a title in someone's words is his, not the outlet's: neither side's evidence
        a_facts, b_facts = ([f for f in facts if f.bound not in _NOT_TITLE_EVIDENCE] for facts in (a_facts, b_facts))
        if not a_facts or not b_facts:
            return None
        for ours, theirs in ((a_facts, b_facts), (b_facts, a_facts)):
            for fact in ours:
                if all(_incompatible(kind, fact, other, texts) for other in theirs):
                    pair = (fact, theirs[0])
                    return pair if ours is a_facts else (pair[1], pair[0])
        return None
    if any(not _incompatible(kind, a, b, texts) for a in a_facts for b in b_facts):
        return None
    return a_facts[0], b_facts[0]


def _reason(kind: FactKind, subject: str, a: Fact, b: Fact) -> str:
    about = "" if subject == "meeting" else f" ({subject})"
    return f"{kind}{about}: {a.source} says “{a.shown}”, {b.source} says “{b.shown}”"


def _incompatible(kind: FactKind, a: Fact, b: Fact, texts: Mapping[str, str] | None) -> bool:
    if kind in (FactKind.DURATION, FactKind.COUNT):
        return _interval_apart(a, b)  # "nearly three hours" and "more than three hours": one figure, two sides
    if kind == FactKind.TIME_OF_DAY and (a_times := _utc_readings(a)) and (b_times := _utc_readings(b)):
        if len(a_times) < len(b_times):
            a_times = a_times * len(b_times)
        elif len(b_times) < len(a_times):
            b_times = b_times * len(a_times)
        reach = _clock_slack(a) + _clock_slack(b)
        return all(min(abs(x - y) % 1440, 1440 - abs(x - y) % 1440) > reach for x, y in zip(a_times, b_times))
    if a.value == b.value:
        return False
    if a.bound is not None or b.bound is not None:
        return False  # a date worked out, a place read from background: shown, never a conflict
    if kind == FactKind.DATE:
        if a.value.startswith(_NO_YEAR) or b.value.startswith(_NO_YEAR):  # month and day only: in one year
            a_day, b_day = (date.fromisoformat(f"{_ANY_LEAP_YEAR}{v[-6:]}") for v in (a.value, b.value))
            apart = _days_between(a_day, a.number, b_day, b.number)
            return min(apart, 366 - apart) >= DATE_CONFLICT_DAYS  # 31 December and 1 January are a day apart
        a_day, b_day = date.fromisoformat(a.value), date.fromisoformat(b.value)
        if not (_YEAR.search(a.shown) and _YEAR.search(b.shown)):
            b_day = _same_year(b_day, a_day.year)  # a year taken from the publication date can be a year off
            if b_day is None:
                return False
        return _days_between(a_day, a.number, b_day, b.number) >= DATE_CONFLICT_DAYS
    if kind == FactKind.WEEKDAY:
        if any(one.number is not None and _WEEKDAY_NAMES[int(one.number)] == other.value
               for one, other in ((a, b), (b, a))):
            return True  # one source's weekday is off its own date, and the other's is the date's: no time zone
        apart = abs(_WEEKDAY_NAMES.index(a.value) - _WEEKDAY_NAMES.index(b.value)) % 7
        return min(apart, 7 - apart) >= DATE_CONFLICT_DAYS
    if kind == FactKind.PLACE:
        return texts is not None and _places_apart(a, b, texts)
    if kind == FactKind.PERSON:
        return _offices_exclusive(a.value, b.value)
    if kind == FactKind.ORDINAL:
        return True  # same noun and qualifiers, no frame: "first" and "second" cannot both be true
    return False  # a part of day depends on the reader's time zone


_YEAR = re.compile(r"\b\d{4}\b")
_ANY_LEAP_YEAR = 2024  # where a date without its year is put to count days (29 February included)


# Two days of one year, one in each half, on which a clock time of unknown date is put in UTC: a zone keeps summer
# time on one of them (north or south of the equator), so the two readings are the time's with and without it.
_SEASON_DAYS = (date(2025, 1, 15), date(2025, 7, 15))


def _utc_readings(fact: Fact) -> tuple[float, ...]:
    """A clock time in minutes after midnight UTC: one reading when its day is known, else one on each of
    `_SEASON_DAYS` (two times of one day conflict only when they do with summer time and without it); none when
    it is no clock time."""
    if fact.number is not None:
        return (fact.number,)
    zoned = _ZONED.fullmatch(fact.value)
    if zoned is None:
        return ()
    return tuple(_utc_minutes(int(zoned["hour"]), int(zoned["minute"]), zoned["zone"], day) for day in _SEASON_DAYS)


def _clock_slack(fact: Fact) -> float:
    return CLOCK_ABOUT_MINUTES if fact.bound == "about" else CLOCK_EXACT_MINUTES


def _day_of(value: str) -> date:
    """A date fact's day; one without its year ("--05-06") put in a leap year to count days."""
    return date.fromisoformat(f"{_ANY_LEAP_YEAR}{value[-6:]}" if value.startswith(_NO_YEAR) else value)


def _days_between(a_day: date, a_runs: float | None, b_day: date, b_runs: float | None) -> int:
    """Days between two dates, each of which may open a span of days ("May 6-7" runs one day past May 6): none
    when the spans share a day."""
    a_last, b_last = a_day + timedelta(days=int(a_runs or 0)), b_day + timedelta(days=int(b_runs or 0))
    return max((b_day - a_last).days, (a_day - b_last).days, 0)


def _same_year(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def _interval(fact: Fact) -> tuple[float, float]:
    n = fact.number or 0.0
    if fact.bound == "above":
        return n * (1 + 1e-9), n * ABOVE_REACH
    if fact.bound == "below":
        return n / ABOVE_REACH, n * (1 - 1e-9)
    slack = ABOUT_SLACK if fact.bound == "about" else EXACT_SLACK
    if fact.kind == FactKind.COUNT and fact.bound is None:
        slack = 0.0  # a count written plainly is exact
    reach = n * slack
    if fact.kind == FactKind.DURATION and n >= 60 and n % 60 == 0 and n < 1440:
        reach = max(reach, WHOLE_HOUR_SLACK_MINUTES)
    return n - reach, n + reach


def _interval_apart(a: Fact, b: Fact) -> bool:
    a_low, a_high = _interval(a)
    b_low, b_high = _interval(b)
    return a_high < b_low or b_high < a_low


def _places_apart(a: Fact, b: Fact, texts: Mapping[str, str]) -> bool:
    """Two places conflict only when neither is a country or region (a city is in one), neither source mentions
    the other's place at all (a venue and its city: each outlet names both somewhere), and no text of the event
    puts one inside the other ("Anchorage, Alaska", "the Kremlin in Moscow")."""
    if _fold(a.value) in COUNTRIES or _fold(b.value) in COUNTRIES:
        return False
    if country_of_capital(a.value) and country_of_capital(a.value) == country_of_capital(b.value):
        return False
    a_text, b_text = texts.get(a.source, ""), texts.get(b.source, "")
    if _mentions(b_text, a.value) or _mentions(a_text, b.value):
        return False
    return not any(_contains(text, a.value, b.value) for text in texts.values())


def _contains(folded_text: str, first: str, second: str) -> bool:
    one, two = (re.escape(_fold(normalise_place(p))) for p in (first, second))
    link = r"(?:,\s*|\s+in\s+(?:the\s+)?)"
    return re.search(rf"\b(?:{one}{link}{two}|{two}{link}{one})\b", folded_text) is not None


def _mentions(folded_text: str, place: str) -> bool:
    name = _fold(normalise_place(place))
    return re.search(rf"\b{re.escape(name)}\b", folded_text) is not None


def _offices_exclusive(a: str, b: str) -> bool:
    """Can one person hold both titles at once? Staff titles overlap; a head of government may hold a
    portfolio; a former office-holder may hold another office now."""
    a_group, a_office = a.split(": ", 1)
    b_group, b_office = b.split(": ", 1)
    a_former, b_former = a_office.startswith("former "), b_office.startswith("former ")
    if a_former or b_former:
        return a_former != b_former and a_office.removeprefix("former ") == b_office.removeprefix("former ")
    if a_group == b_group == "staff" or "leader" in (a_group, b_group) or NAMED in (a_group, b_group):
        return False
    if {a_group, b_group} == {"government", "minister"}:
        return False
    return True


# --- conflicts as findings -----------------------------------------------------------------------------------------


def with_fact_conflicts(findings: Sequence[Finding], conflicts: Sequence[FactConflict], *,
                        score: float = FACT_CONFLICT_SCORE) -> tuple[Finding, ...]:
    """One event's findings with each fact conflict shown as a `contradict` finding, keeping exactly one finding
    per (sentence, other source).

    For a conflict between A's sentence sa and B's sentence sb, the finding (A, sa, B) becomes `contradict` with
    sb as its other sentence and the conflict's reason, unless it already is a contradiction. When (A, sa, B)
    agrees with (or partly agrees with) a counterpart and (B, sb, A) is omitted, (B, sb, A) changes instead, so
    that no agreement is lost.
    """
    out = list(findings)
    at = {(f.source, f.sentence_id, f.other_source): i for i, f in enumerate(out)}
    changed: set[int] = set()
    for conflict in conflicts:
        for a, b in ((conflict.a, conflict.b), (conflict.b, conflict.a)):
            forward = at.get((a.source, a.sentence_id, b.source))
            backward = at.get((b.source, b.sentence_id, a.source))
            if forward is not None:
                break
        else:
            continue
        if forward in changed or out[forward].relation == Relation.CONTRADICT:
            continue
        if backward is not None and backward in changed:
            continue
        target, other = forward, b.sentence_id
        if out[forward].relation in (Relation.AGREE, Relation.PARTIAL) and backward is not None:
            if out[backward].relation == Relation.CONTRADICT:
                continue
            if out[backward].relation == Relation.OMITTED:
                target, other = backward, a.sentence_id
        own, theirs = (a, b) if out[target].source == a.source else (b, a)
        reason = _reason(conflict.kind, conflict.subject, own, theirs)  # the finding's own source speaks first
        out[target] = replace(out[target], relation=Relation.CONTRADICT, other_sentence_id=other, score=score,
                              reason=reason, kind=str(conflict.kind))
        changed.add(target)
    return tuple(out)


def event_sheet(facts_by_source: Mapping[str, Sequence[Fact]],
                sentences_by_source: Mapping[str, Sequence[str]]) -> tuple[FactRow, ...]:
    """The fact sheet of one event as a run judges it: a place counts as mentioned by a source when any of its
    sentences (texts in order) names it. The pipeline turns its conflicts into findings; the reports show it.

    Reading the texts (folding each source's whole text) is most of the cost, and only two different places
    stated as such can conflict: without them the texts are not read, and the sheet is the same."""
    places = {f.value for facts in facts_by_source.values() for f in facts
              if f.kind == FactKind.PLACE and f.bound is None}
    if len(places) < 2:
        return lineup(facts_by_source)
    texts = {source: " ".join(sentences) for source, sentences in sentences_by_source.items()}
    return lineup(facts_by_source, texts=texts)
