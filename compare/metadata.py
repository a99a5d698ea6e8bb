"""Metadata read from an article's own text: publication stamps, datelines, the meeting's place and dates.

Everything here is a small pure function of strings. The words it reads (month and weekday names, place-name
variants, countries and capitals, cue words) come from compare.lang; nothing is specific to any article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil import parser as date_parser

from compare.lang import LEXICON
from compare.models import PUBLISHED_YEARS

# --- general vocabulary (compare/lang/en) ----------------------------------------------------------------------

MONTHS = LEXICON.months
MONTH_NAMES = LEXICON.month_names  # "January" ... "December"
WEEKDAYS = LEXICON.weekdays
# Time-zone abbreviations are two to five capitals, possibly with an offset ("GMT9", "GMT+9", "UTC+09:00").
_TZ = re.compile(r"^(?:[A-Z]{2,5}(?:[+-]?\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2})$")

CAPITAL_COUNTRY = LEXICON.capital_country  # capitals as news copy lets them stand for their country
DEMONYM_COUNTRY = LEXICON.demonym_country


# A published date at its precision: a day (2025-04-12), a month (2025-04) or a year (2025).
_PUBLISHED = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_span(value: str | None) -> tuple[date, date] | None:
    """(first day, last day) a published date covers: a day is itself, "2025-04" is April 2025, "2025" the year
    2025. None when there is no date or it is not one of those forms, so a caller treats it as unknown."""
    match = _PUBLISHED.match(value or "")
    if match is None:
        return None
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if day is not None:
            first = last = date(year, month, day)
        elif month is not None:
            first = date(year, month, 1)
            last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
        else:
            first, last = date(year, 1, 1), date(year, 12, 31)
    except ValueError:  # month 13, day 31 of a short month, year 0
        return None
    return first, last


def finer_date(given: str | None, found: str | None) -> str | None:
    """The more precise of two published dates when they agree: a day read from the text inside the month or
    year the metadata gives is that day; otherwise the metadata's date stands (the user gave it)."""
    given_span, found_span = date_span(given), date_span(found)
    if given_span is None:
        return found if given is None else given
    if found_span is None:
        return given
    inside = given_span[0] <= found_span[0] and found_span[1] <= given_span[1]
    narrower = found_span[1] - found_span[0] < given_span[1] - given_span[0]
    return found if inside and narrower else given


# --- the outlet a text names (agency credits, official mastheads) --------------------------------------------

NEWS_AGENCIES = LEXICON.news_agencies
_CREDIT_IN_PARENTHESES = re.compile(LEXICON.credit_in_parentheses)
_CREDIT_AFTER_DASH = re.compile(LEXICON.credit_after_dash)
_CREDIT_OPENERS = re.compile(LEXICON.credit_openers, re.IGNORECASE)
_MASTHEAD = re.compile(LEXICON.masthead_line)
# A masthead or a dateline credit sits at the top of a story: in its first few lines.
_TOP_LINES = 5


def credited_outlet(text: str) -> str | None:
    """The publisher a story's text names, or None: an official masthead on a line of its own at the top
    ("Ministry of Defense"), a news agency credited in parentheses at the top ("TOKYO (Reuters) -", "the news
    agency (Kyodo) reported"), a line that is only an agency's name ("JIJI Press", "Source: AFP"), or an agency
    after a dash closing a line ("... — Reuters"). Agencies are known by name (compare/lang/en/outlets.py);
    a credit in the middle of a sentence, such as a photo's, is not the story's."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    top = lines[:_TOP_LINES]
    for line in top:
        if len(line) <= 80 and _MASTHEAD.match(line):
            return line
    for line in top:
        for match in _CREDIT_IN_PARENTHESES.finditer(line):
            agency = _agency(match.group("name"))
            if agency:
                return agency
    for line in lines:
        agency = _agency(_CREDIT_OPENERS.sub("", line, count=1)) if len(line) <= 60 else None
        if agency:
            return agency
    for line in lines:
        match = _CREDIT_AFTER_DASH.search(line)
        agency = _agency(match.group("name")) if match else None
        if agency:
            return agency
    return None


def _agency(name: str) -> str | None:
    return NEWS_AGENCIES.get(" ".join(name.replace("’", "'").strip(" .").split()).lower())


def capital_of(country: str) -> str | None:
    """The one capital CAPITAL_COUNTRY gives a country ("Kenya" -> "Nairobi"), or None if none or several."""
    capitals = {normalise_place(city) for city, of in CAPITAL_COUNTRY.items() if of == country}
    return capitals.pop() if len(capitals) == 1 else None


def country_of_capital(name: str) -> str | None:
    """The country a national capital stands for in news copy ("Canberra" -> "Australia"), or None."""
    return CAPITAL_COUNTRY.get(_fold(normalise_place(name)))


# A meeting "in Japan" is weaker evidence of where it was than a city, and countries follow a city in datelines
# ("NAPLES, Italy").
COUNTRIES = LEXICON.country_names
MEETING_WORDS = LEXICON.meeting_words
# The meeting a sentence speaks of is still to come, so its date or place is not this one's.
FUTURE_CUES = re.compile(LEXICON.future_cues)
# A sentence about an earlier meeting ("they last met in Kazan"): its place is not this meeting's.
PAST_MEETING = re.compile(LEXICON.past_meeting_cues, re.IGNORECASE)
_LANGUAGES = LEXICON.language_names  # "in English", "in Mandarin": no place
# A meeting only wished for or thought possible ("hopes to meet Kim"): a place after the cue is not this one's.
WISHED_MEETING = re.compile(LEXICON.wished_meeting_cues)
# Words just before a date that tie it to something other than the meeting ("took office on Oct. 1").
OTHER_DATE_CUES = re.compile(LEXICON.other_date_cues, re.IGNORECASE)
_CUE_LOOKBACK = 48  # characters before a date searched for OTHER_DATE_CUES (the cue is at most three words back)
_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def _sentence_kind(sentence: str) -> tuple[bool, bool]:
    """(speaks of a meeting, speaks of a meeting still to come); cached, as several readers ask of one sentence."""
    lower = sentence.lower()
    words = set(_WORDS.findall(lower))
    about_meeting = not words.isdisjoint(MEETING_WORDS)
    future = not words.isdisjoint(LEXICON.future_words) and FUTURE_CUES.search(lower) is not None
    return about_meeting, future


# "last Friday's summit": a weekday made the possessive of an event that lies before the report's news names that
# earlier event by its day, not the day of the news.
_EARLIER_EVENTS_DAY = re.compile(LEXICON.earlier_day_cues, re.IGNORECASE)
_POSSESSIVE = re.compile(r"[’']s\b")


def _earlier_events_day(line: str, match: re.Match[str]) -> bool:
    """Whether a weekday word is the possessive of an earlier event ("last Friday's summit")."""
    return (_POSSESSIVE.match(line, match.end("day")) is not None
            and _EARLIER_EVENTS_DAY.search(line, max(0, match.start("day") - 12), match.start("day")) is not None)


def _tied_elsewhere(prefix: str) -> bool:
    """Does the text just before a date tie it to something other than the meeting?"""
    return OTHER_DATE_CUES.search(prefix[-_CUE_LOOKBACK:]) is not None


def _latin_folds() -> dict[int, str]:
    # Letters that do not decompose into a base letter and a mark ("ł", "ø"), then every accented Latin letter.
    table = {ord(k): v for k, v in LEXICON.latin_letters.items()}
    for code in range(0xC0, 0x250):
        if code in table:
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", chr(code)) if not unicodedata.combining(c))
        if base.isascii() and base.isalpha():
            table[code] = base
    return table


_LATIN_FOLDS = _latin_folds()
# What fold_letters reads. Most text that is not ASCII owes it to quotes and dashes alone, and str.translate
# with a dict looks every character up: the letters to fold are looked for among the text's other characters
# first (beyond_ascii), and only their runs translated.
_FOLDABLE_LETTERS = frozenset(map(chr, _LATIN_FOLDS))
_FOLDABLE_RUN = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_LATIN_FOLDS)) + "]+")
_ASCII_BYTES = bytes(range(128))


def _fold_run(match: re.Match[str]) -> str:
    return match.group().translate(_LATIN_FOLDS)


def fold_letters(text: str) -> str:
    """Accented Latin letters as their plain ones, case kept: 'Władysław Kosiniak' -> 'Wladyslaw Kosiniak',
    'Malacañang' -> 'Malacanang'. Outlets spell names with and without their accents; nothing else changes
    (other scripts and punctuation stay as they are; "ß" becomes "ss", so lengths may change)."""
    if text.isascii() or _FOLDABLE_LETTERS.isdisjoint(beyond_ascii(text)):
        return text
    return _FOLDABLE_RUN.sub(_fold_run, text)


def beyond_ascii(text: str) -> str:
    """The characters of a text that are not ASCII, in order: a short string to look for letters of one kind or
    another in, where a pattern run over the whole text would cost a step per character. (Its UTF-8 bytes
    without the ASCII ones: every other character's bytes are all 128 or more, so whole characters remain.)"""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


def _fold(text: str) -> str:
    """Lower case without accents: 'München' -> 'munchen', 'Łódź' -> 'lodz'."""
    decomposed = unicodedata.normalize("NFKD", fold_letters(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


# --- publication stamps ---------------------------------------------------------------------------------------

_STAMP_TOKEN = re.compile(r"[ap]\.\s?m\.?|[A-Z]{2,5}[+-]?\d{1,2}(?::?\d{2})?\b|[A-Za-z]+\.?|\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|"
                          r"\d{1,4}[/.]\d{1,2}[/.]\d{1,4}\b|"
                          r"\d{1,2}[:.]\d{2}(?::\d{2})?|\d{1,4}(?:st|nd|rd|th)?|[+-]\d{1,2}(?::?\d{2})?|[,/|:()\-–—.]")
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_NUMERIC = re.compile(r"^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})$")
_FOUR_DIGITS = re.compile(r"\d{4}")


# Labels a stamp opens with ("Published: 2024-10-19", "date 2025-08-19", "Updated on ...").
_STAMP_LABEL = r"(?:published|updated|posted|date|last modified)\s*(?:on|at)?\s*:?\s*"
_LAST_LATIN = 0x024F  # the end of Latin Extended-B


def _without_other_script_tail(text: str) -> str:
    """`text` without the words in another script than the Latin that end it: a page's link to its edition in
    another language, run into its date stamp ("Saturday, December 06, 2025 | 12:10 AM IST" and "Read in Hindi"
    written in Devanagari)."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1])[0] == "M"
                   or (text[end - 1].isalpha() and ord(text[end - 1]) > _LAST_LATIN)):
        end -= 1
    return text[:end] if end < len(text) and any(
        c.isalpha() and ord(c) > _LAST_LATIN for c in text[end:]) else text


def parse_date_line(line: str) -> str | None:
    """The ISO date of a line that is only a date/time stamp, else None.

    "15:09 JST, October 20, 2024", "02 Jun 2024 08:06:19 GMT9", "Oct. 20, 2024 10:00 a.m. ET", "2024-10-19",
    "Sunday, 2 June 2024" are stamps; a sentence that merely contains a date is not. A stamp must state a year.
    """
    text = _without_other_script_tail(line.strip())
    if not text or len(text) > 80 or not _FOUR_DIGITS.search(text):  # every year, ISO or numeric date has them
        return None
    text = re.sub(rf"^{_STAMP_LABEL}", "", text, flags=re.IGNORECASE)
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric_date(*numeric.groups())
    tokens = _STAMP_TOKEN.findall(text)
    # Every non-space character must belong to a token, else the line has other material (words, symbols).
    if sum(len(t) for t in tokens) != len(re.sub(r"\s+", "", text)):
        return None
    has_month = has_year = has_day = False
    kept: list[str] = []
    iso: str | None = None  # an ISO date is the stamp's date once every other token is a stamp's too
    for token in tokens:
        bare = token.rstrip(".").lower()
        if _ISO.match(token):
            y, m, d = map(int, _ISO.match(token).groups())
            iso = iso or _safe_iso(y, m, d) or ""
            continue
        if numeric := _NUMERIC.match(token):  # "2025/08/18 at 3:55 PM": the date, then its time
            iso = iso or _numeric_date(*numeric.groups()) or ""
            continue
        if bare in MONTHS:
            has_month = True
            kept.append(bare)
        elif bare in WEEKDAYS or bare in LEXICON.stamp_words or re.fullmatch(r"[ap]\.\s?m\.?", token):
            continue
        elif re.fullmatch(r"\d{4}", token):
            has_year = True
            kept.append(token)
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", token):
            has_day = True
            kept.append(re.sub(r"\D", "", token))
        elif re.fullmatch(r"\d{1,2}[:.]\d{2}(?::\d{2})?", token):
            continue  # a clock time
        elif _TZ.match(token):
            continue  # a time zone
        elif token in ",/|:()-–—.":
            continue
        else:
            return None
    if iso is not None:
        return iso or None
    if not (has_month and has_year and has_day):
        return None
    try:
        parsed = date_parser.parse(" ".join(kept), default=datetime(2000, 1, 1))
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


def _safe_iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _numeric_date(a: str, b: str, c: str) -> str | None:
    """'2024/10/19' or '19.10.2024'; a day-month order is assumed when the year comes last (most of the world)."""
    if len(a) == 4:
        return _safe_iso(int(a), int(b), int(c))
    if len(c) == 4:
        day, month = int(a), int(b)
        if month > 12 >= day:  # only month-first can be right: "10/19/2024"
            day, month = month, day
        return _safe_iso(int(c), month, day)
    return None


# --- datelines and places -------------------------------------------------------------------------------------

# A dateline: upper-case place words, optionally ", Country" (any case) and an agency in brackets, then a dash or
# colon and white space. "NAPLES, Italy — ", "SINGAPORE: ", "WASHINGTON (Reuters) - ", "NEW DELHI, Oct 3 (AP) —".
_CAP_WORD = r"[^\W\d_][^\W\d_.'’\-]*(?:[.'’\-][^\W\d_]*)*\.?"  # a word of letters (case checked after)
_DATELINE = re.compile(
    rf"^(?P<place>{_CAP_WORD}(?: {_CAP_WORD}){{0,3}})"
    rf"(?:,\s+(?P<country>{_CAP_WORD}(?: {_CAP_WORD}){{0,2}}))?"
    r"(?:,?\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?))?"
    r"(?:\s*\([^()\n]{1,40}\))?"
    r"\s*(?P<mark>—|–|--|-|:)(?P<space>\s+|(?<=[—–])(?=\w)|(?<=\)\s-)(?=[A-Z])|(?<=\)-)(?=[A-Z]))")


def find_dateline(paragraph: str) -> tuple[int, str] | None:
    """(length of the dateline prefix including the white space after its dash or colon, normalised place).

    None when the paragraph does not open with one: the place must be written in capitals ("In light of X:" is
    not a dateline) and must not be a label such as "UPDATE:".
    """
    match = _DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    country = match.group("country") or ""
    letters = re.sub(r"[\W\d_]", "", place)
    city = _known_place_before_region(match, paragraph)
    if city is not None:
        return match.end(), normalise_place(city)
    if not place.isupper() and not _known_place_before_colon(match, paragraph):
        return None
    if len(letters) < 3 or _fold(place) in LEXICON.not_places:
        return None
    if country and not (country[0].isupper() and (country.isupper() or country.istitle() or "." in country)):
        return None
    if match.group("mark") == ":" and (len(letters) < 4 or " " in place.strip(".")) and place_line(place) is None:
        return None  # "CEO: ...", "LIVE UPDATES: ..." are labels; colon datelines name a known city ("NEW DELHI:")
    if match.end() >= len(paragraph.rstrip()):
        return None  # nothing follows: a heading, not a dateline
    return match.end(), normalise_place(place)


# A line that is only a place: one to three capitalised words, optionally ", Country" ("Beijing", "WASHINGTON",
# "Tianjin, China").
_PLACE_LINE = re.compile(rf"^(?P<place>{_CAP_WORD}(?: {_CAP_WORD}){{0,2}})"
                         rf"(?:,\s+(?P<country>{_CAP_WORD}(?: {_CAP_WORD}){{0,2}}))?$")
_KNOWN_CITIES = frozenset(_fold(city) for city in LEXICON.place_variants.values())


def place_line(line: str) -> str | None:
    """The normalised place of a line that is only a place name, as pages set a dateline on a line of its own
    ("Beijing", "WASHINGTON", "Tianjin, China"); None for any other line. The place must be known as one: a
    national capital or a city the lexicon knows by name, or any name followed by a country the gazetteer knows.
    A standalone line of capitalised words is as often a byline ("SHIN MIN-HEE") or a section label ("World",
    "Politics", a country), so a name alone that the lexicon does not know is not taken for a place."""
    match = _PLACE_LINE.match(line.strip())
    if match is None:
        return None
    place, country = match.group("place"), match.group("country")
    if any(not word[:1].isupper() for word in place.split()) or not _may_be_place(place):
        return None
    folded = _fold(place.rstrip("."))
    if folded in LEXICON.not_places or folded in COUNTRIES:
        return None
    if country is not None:
        return normalise_place(place) if _fold(country.rstrip(".")) in COUNTRIES else None
    canonical = normalise_place(place)
    known = folded in CAPITAL_COUNTRY or folded in LEXICON.place_variants or _fold(canonical) in _KNOWN_CITIES
    return canonical if known else None


# A state's or region's abbreviation after a city's name ("DC", "D.C.", "NY", "N.S.W.").
_REGION_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}")


def _known_place_before_region(match: re.Match[str], paragraph: str) -> str | None:
    """The city of a dateline in title case with a region's abbreviation and a spaced dash ("Washington DC - ",
    "Sydney, NSW – "): a city the lexicon knows (place_line), then the abbreviation, then white space on both
    sides of the dash. None for any other opening: a title-case name before a dash alone is as likely a
    heading's or a list's ("Moscow - Kyiv talks")."""
    if match.group("mark") not in ("-", "–", "—") or not paragraph[match.start("mark") - 1 : match.start("mark")].isspace():
        return None
    place, country = match.group("place").strip(), match.group("country")
    if country:
        city, region = place, country.strip()
    else:
        *city_words, region = place.split()
        city = " ".join(city_words)
    if not city or _REGION_ABBREVIATION.fullmatch(region) is None:
        return None
    return city if place_line(city) is not None else None


# An outlet's name and a slash opening a story ("Harbour Wire/ On Tuesday, ..."): a credit some sites print in
# place of a dateline. The space after the slash tells it from a pair joined by one ("Reuters/Ipsos poll").
_OUTLET_PREFIX = re.compile(r"[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,3}/\s+(?=[\"“‘]?[A-Z])")


def outlet_prefix(paragraph: str) -> int | None:
    """The length of an outlet's name and slash opening a paragraph ("Harbour Wire/ "), white space included, or
    None."""
    found = _OUTLET_PREFIX.match(paragraph)
    return found.end() if found else None


def _known_place_before_colon(match: re.Match[str], paragraph: str) -> bool:
    """"Moscow: Russian President ...", "New Delhi: PM Modi ...": a dateline in title case, which only a place the
    lexicon knows, alone before a colon and a capital, can be (a title-case label is as likely: "Analysis: ...", "Watch: ...")."""
    return (
        match.group("mark") == ":" and not match.group("country")
        and paragraph[match.end():match.end() + 1].isupper() and place_line(match.group("place")) is not None
    )


def normalise_place(name: str) -> str:
    """Canonical English name: known variants and exonyms mapped ("Napoli" -> "Naples"), others title-cased."""
    cleaned = re.sub(r"\s+", " ", name.strip().strip(",.;:")).strip()
    cleaned = re.sub(r"^(?:the )?(?:city|town|capital) of ", "", cleaned, flags=re.IGNORECASE)
    folded = _fold(cleaned)
    if folded in LEXICON.place_variants:
        return LEXICON.place_variants[folded]
    parts = cleaned.split(" ")
    return " ".join(
        part.lower() if 0 < i < len(parts) - 1 and part.lower() in PLACE_PARTICLES else _title_word(part)
        for i, part in enumerate(parts)
    )


def _title_word(word: str) -> str:
    if word.isupper() or word.islower():
        return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))
    return word  # already mixed case ("McAllen", "Al-Quds")


# --- quotations -------------------------------------------------------------------------------------------------

OPENING_QUOTES, CLOSING_QUOTES, EITHER_QUOTE = "“«„", "”»", '"'
QUOTE_MARK = re.compile(f"[{re.escape(OPENING_QUOTES + CLOSING_QUOTES + EITHER_QUOTE)}]")
_BEFORE_CLOSING_MARK = ",.!?…"  # a straight mark after these closes a quotation: 'went well," he said'


def quoted_spans(text: str, open_at_start: bool) -> list[tuple[int, int]]:
    """Spans of `text` inside quotation marks; one left open runs to the end."""
    spans, start = [], 0 if open_at_start else None
    for mark in QUOTE_MARK.finditer(text):  # only the marks: a loop over every character cost more
        index, char = mark.start(), mark.group()
        if start is None and (char in OPENING_QUOTES or char == EITHER_QUOTE):
            start = index
        elif start is not None and (char in CLOSING_QUOTES or char == EITHER_QUOTE):
            spans.append((start, index + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans


def sentence_quotations(sentence: str) -> list[tuple[int, int]]:
    """Spans of a sentence read alone that are someone's quoted words: a sentence whose first mark closes a
    quotation (a curly closing mark, or a straight one after a comma or a stop: 'it went well," he said')
    opened in a sentence before it, and its words up to that mark are quoted too."""
    first = QUOTE_MARK.search(sentence)
    if first is None:
        return []
    mark, at = first.group(), first.start()
    open_at_start = mark in CLOSING_QUOTES or (mark == EITHER_QUOTE and 0 < at and
                                               sentence[at - 1] in _BEFORE_CLOSING_MARK)
    return quoted_spans(sentence, open_at_start)


# --- the meeting's place --------------------------------------------------------------------------------------

PLACE_PARTICLES = LEXICON.place_particles  # "Rio de Janeiro", "Dar es Salaam"
_PARTICLE = "|".join(sorted(PLACE_PARTICLES))
_NAME = (r"[A-Z][a-zA-Z\u00C0-\u024F\-]+"
         rf"(?:\s+(?:(?:{_PARTICLE})\s+)?[A-Z][a-zA-Z\u00C0-\u024F\-]+){{0,2}}")
# "in Naples", "in the Italian city of Naples", "in Bulgaria's Black Sea resort of Varna", "in the capital, Tokyo";
# "at Camp David" is left out: venues vary.
_SETTLEMENT = (
    "(?:(?:" + "|".join(sorted(LEXICON.settlement_adjectives)) + r")\s+)?(?:" + "|".join(sorted(LEXICON.settlement_nouns)) + ")"
)
_PLACE_AFTER_IN = re.compile(
    r"\b[Ii]n\s+(?:(?:the\s+|[A-Z][a-z]+(?:’s|'s)\s+)(?:[A-Z][a-z]+\s+){0,2}"
    rf"(?:{_SETTLEMENT})\s+of\s+|the\s+capital,?\s+)?"
    rf"(?P<place>{_NAME})(?P<after>’s|'s)?")
# A place that opens a list of places ("in Africa, the Middle East and Asia"): where something matters, not a
# venue. "in Naples, Italy, on Saturday" is no list: no "and" closes it.
_LIST_OF_PLACES = re.compile(rf"\s*,\s+(?:the\s+)?{_NAME}(?:\s*,\s+(?:the\s+)?{_NAME})*,?\s+(?:and|or)\s+(?:the\s+)?[A-Z]")
_NOT_PLACE_WORDS = set(MONTHS) | set(WEEKDAYS) | LEXICON.not_place_words


# "in the Kenyan capital" (the capital the demonym's country has), "in the Kenyan capital, Nairobi" (the name),
# "a visit to the Kenyan capital".
_DEMONYM_CAPITAL = re.compile(
    r"\b(?:[Ii]n|to)\s+the\s+(?P<demonym>(?:(?:South|North|Sri)\s+)?[A-Z][a-z]+)\s+capital\b"
    rf"(?:,?\s+(?P<place>{_NAME}))?")
# "in Tokyo on Sunday", "in Naples, Italy, on Oct. 19": a place followed by the day of the event.
_DATED_AFTER = re.compile(r"\s*(?:,\s*[A-Z][a-z]+,?\s*)?on\s+(?:" + "|".join(sorted(WEEKDAYS, key=len, reverse=True))
                          + "|" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)


def meeting_place(sentences: Sequence[str]) -> str | None:
    """Where the meeting was held, read from phrases such as "met in X", "talks in X on Sunday", "held in the
    Italian city of X"; normalised. Only sentences about a meeting count, earlier ones and those that go on to
    give the day weigh more; a city beats a country; a planned future meeting's place is ignored."""
    return _meeting_place(tuple(sentences))


@lru_cache(maxsize=256)
def _meeting_place(sentences: tuple[str, ...]) -> str | None:
    # Cached: a source's place and its fact sheet's place are read from the same sentences.
    scores: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    for index, sentence in enumerate(sentences):
        cue, future = _sentence_kind(sentence)
        if future or not cue or PAST_MEETING.search(sentence):
            continue  # background sentences name many places ("sales rose in Ohio"); only this meeting's count
        for match, place in _places_named(sentence):
            weight = 1.0 + 1.0 / (1 + index)
            following = sentence[match.end():match.end() + 40]
            if _DATED_AFTER.match(following):
                weight += 1.5  # "in Tokyo on Sunday": the place of a dated event
            if _fold(place) in COUNTRIES:
                weight *= 0.3
            scores[place] = scores.get(place, 0.0) + weight
            first_seen.setdefault(place, index)
    if not scores:
        return None
    return min(scores, key=lambda p: (-scores[p], first_seen[p], p))


@lru_cache(maxsize=4096)
def _places_named(sentence: str) -> tuple[tuple[re.Match[str], str], ...]:
    """Each place the sentence says something happened in, with its match, normalised; cached, as the source's
    place and its fact sheet both read every sentence."""
    found = []
    for match in _DEMONYM_CAPITAL.finditer(sentence):
        country = DEMONYM_COUNTRY.get(match.group("demonym").lower())
        raw = _trim_place(match.group("place")) if match.group("place") else None
        place = normalise_place(raw) if raw else (capital_of(country) if country else None)
        if place:
            found.append((match, place))
    taken = [m.span() for m, _ in found]
    for match in _PLACE_AFTER_IN.finditer(sentence):
        if match.group("after") or any(s <= match.start() < e for s, e in taken):
            continue  # "in Japan's southwestern region" names a region, not a venue
        if _LIST_OF_PLACES.match(sentence, match.end()):
            continue
        before = _WORDS.findall(sentence[max(0, match.start() - 24):match.start()].lower())[-2:]
        if not set(before).isdisjoint(LEXICON.not_meeting_context) or _state_of_affairs(before):
            continue  # "the war in Ukraine", "lasting peace in Ukraine": the place of something else
        raw = _trim_place(match.group("place"))
        if raw is not None and _may_be_place(raw):
            found.append((match, normalise_place(raw)))
    if found and (QUOTE_MARK.search(sentence) or WISHED_MEETING.search(sentence)):
        found = [hit for hit in found if not _said_or_wished(sentence, hit[0].start())]
    return tuple(sorted(found, key=lambda hit: hit[0].start()))


def _said_or_wished(sentence: str, start: int) -> bool:
    """Is the place at `start` inside someone's quoted words ("“... a Trump Tower in North Korea,” Lee said"),
    or after a meeting only wished for or thought possible ("he hopes to meet Kim in Pyongyang")? A speaker's
    words name the places of their hopes, jokes and grievances; the reporter's own words place the meeting."""
    if any(s <= start < e for s, e in sentence_quotations(sentence)):
        return True
    wish = WISHED_MEETING.search(sentence)
    return wish is not None and wish.start() < start


def _state_of_affairs(before: list[str]) -> bool:
    """Do the (up to two) words before "in X" name a state of affairs that X is the place of: the state's noun
    right before it ("lasting peace in Ukraine"), or the noun and a word that is no meeting's ("peace efforts in
    Ukraine", "peace, particularly in Ukraine")? "A peace summit in Geneva", "peace talks in Doha" are
    meetings."""
    state = LEXICON.not_meeting_state
    return bool(before) and (before[-1] in state or len(before) == 2 and before[0] in state
                             and before[1] not in MEETING_WORDS)


def _may_be_place(name: str) -> bool:
    """Whether a capitalised run can name a place: not a person (a title first: "President Lee"), not a
    language or people ("in English", "Chinese"), not a pairing of countries ("US-Russia talks")."""
    words = [_fold(w.rstrip(".")) for w in name.split()]
    if words[0] in LEXICON.person_titles or " ".join(words) in DEMONYM_COUNTRY or words[0] in _LANGUAGES:
        return False
    parts = [_fold(p) for p in name.split("-")]
    return not (len(parts) > 1 and all(p in COUNTRIES or p in DEMONYM_COUNTRY or p in _LANGUAGES for p in parts))


def _trim_place(raw: str) -> str | None:
    """Cut a captured capitalised run to the place name: drop leading non-place words and trailing words that
    are not part of a name ("Tokyo On" cannot happen: names are capitalised)."""
    words = raw.split()
    while words and _fold(words[0]) in _NOT_PLACE_WORDS:
        words = words[1:]
    # stop at the first word that is a month/weekday ("Tokyo Sunday" cannot be a place)
    kept: list[str] = []
    for word in words:
        if _fold(word.rstrip(".")) in _NOT_PLACE_WORDS:
            break
        kept.append(word)
    while kept and _fold(kept[-1]) in LEXICON.not_place_tail:
        kept.pop()  # "in Alaska On Friday": the sentence goes on in capitals
    if not kept:
        return None
    return " ".join(kept)


# --- the meeting's dates --------------------------------------------------------------------------------------

# Month names as dates write them, capitalised, full names before abbreviations ("Oct." and "October").
_MONTH_NAMES = "(?:" + "|".join(name.capitalize() for name in MONTHS) + r")\.?"
# A day, or the first and last days of a span of them ("May 6-7", "6–7 May").
_DAYS = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s?[-–]\s?(?P<last>\d{1,2})(?:st|nd|rd|th)?)?"
# A month's abbreviation point may run straight into the day ("July.9", "Sept.4"), as some copy writes it.
_DATE_MDY = re.compile(rf"\b(?P<month>{_MONTH_NAMES})(?:\s+|(?<=\.)){_DAYS}\b(?:,?\s+(?P<year>\d{{4}}))?")
_DATE_DMY = re.compile(rf"\b{_DAYS}\s+(?:of\s+)?(?P<month>{_MONTH_NAMES})(?:,?\s+(?P<year>\d{{4}}))?\b")
_DATE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
# The ordinal dot of German and Slavic usage, carried into translations ("8. May 2025"); only with a year, as a
# day's number ending one sentence and "May" opening the next would read alike.
_DATE_DOTTED = re.compile(rf"\b(?P<day>\d{{1,2}})\.\s+(?P<month>{_MONTH_NAMES})\s+(?P<year>\d{{4}})\b")
_WEEKDAY_NAMES = "|".join(name.capitalize() for name in list(WEEKDAYS)[:7])  # full names come first
_WEEKDAY = re.compile(rf"\b(?P<pre>(?:on|last|this|past|late|early)\s+)?(?P<day>{_WEEKDAY_NAMES})\b"
                      r"(?P<post>\s+(?:next|week|evening|morning|night|afternoon)\b)?")
# A weekday given in the meeting's own time zone ("Wednesday local time", "Wednesday morning, local time"): copy
# published abroad may be dated the day before it, as explicit dates already allow (_resolve_year).
_LOCAL_TIME = re.compile(r"[\s,]+(?:(?:morning|afternoon|evening|night)[\s,]+)?\(?local\s+time\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?P<word>yesterday|today|earlier today|this (?:morning|afternoon|evening))\b",
                       re.IGNORECASE)


def meeting_dates(sentences: Sequence[str], published: str | None) -> tuple[str, ...]:
    """ISO dates of the meeting stated in the sentences, in order of first mention.

    Explicit dates ("October 19", "Oct. 19, 2024", "19 October") take their year from `published` when it is
    missing (the year that puts the date on or just before publication); weekday words ("on Saturday") resolve to
    the latest such day on or before `published`. Only sentences that speak of the meeting count, and dates tied
    to something else ("took office on Oct. 1", "since 2010", "in April") are left out. The first such sentence
    that states a date sets it (news states the meeting's date first; later dates tend to be of earlier
    meetings: "they last met on March 19"); later dates are kept only within a day of it (talks over two days).
    """
    pub = _to_date(published)
    local = _local_weekdays(sentences) if pub is not None else frozenset()
    found: list[str] = []
    for sentence in sentences:
        about_meeting, future = _sentence_kind(sentence)
        if not about_meeting or future:
            continue
        dates = _dates_in(sentence, pub, local)
        if not found:
            found.extend(dict.fromkeys(dates))
            continue
        anchors = [date.fromisoformat(d) for d in found]
        for when in dates:
            day = date.fromisoformat(when)
            if when not in found and any(abs((day - a).days) <= 1 for a in anchors):
                found.append(when)
    return tuple(found)


_DIGIT = re.compile(r"\d")


def _explicit_dates(sentence: str) -> list[tuple[tuple[int, int], int | None, int, int]]:
    """(span, year or None, month, day) of every date the sentence writes out. A date tied to something other
    than the meeting ("took office on Oct. 1") comes with month 0: set aside, its span still read."""
    out: list[tuple[tuple[int, int], int | None, int, int]] = []
    taken: list[tuple[int, int]] = []
    if _DIGIT.search(sentence) is None:  # cheap test first: most sentences state no date
        return out
    for pattern in (_DATE_ISO, _DATE_MDY, _DATE_DMY, _DATE_DOTTED):
        for match in pattern.finditer(sentence):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            if _tied_elsewhere(sentence[:match.start()]):
                out.append((match.span(), None, 0, 0))  # read, and set aside
                continue
            month_text = match.group("month")
            month = int(month_text) if month_text.isdigit() else MONTHS[month_text.rstrip(".").lower()]
            year = int(match.group("year")) if match.group("year") else None
            out.extend((match.span(), year, month, day) for day in _days_of(match))
    return out


def _days_of(match: re.Match[str]) -> range:
    """The day a date names, or each day of the span it names ("May 6-7": 6 and 7); a second number that is no later
    day of the month ("May 6-2") is not a span's end."""
    first = int(match.group("day"))
    last = int(match.groupdict().get("last") or 0)
    return range(first, last + 1) if first < last <= 31 else range(first, first + 1)


@lru_cache(maxsize=65536)  # the judge asks it of one sentence against every other source's counterpart
def meeting_month_days(sentence: str) -> tuple[str, ...]:
    """Month and day ("10-19") of each meeting date the sentence writes out, with or without its year: what two
    reports of one meeting can still be compared on when a year cannot be told (no year written, no publication
    date). Weekday words are left out: without a publication date they name no day."""
    about_meeting, future = _sentence_kind(sentence)
    if not about_meeting or future:
        return ()
    return _month_days(sentence)


@lru_cache(maxsize=65536)
def planned_month_days(sentence: str) -> tuple[str, ...]:
    """Month and day of each date the sentence writes out for a meeting still to come ("will meet in Sochi on
    September 4"): what two previews of one meeting announce. Weekday words are left out: "on Monday" in a
    preview names the next Monday, not the last one before publication as in a report."""
    about_meeting, future = _sentence_kind(sentence)
    if not (about_meeting and future):
        return ()
    return _month_days(sentence)


def _month_days(sentence: str) -> tuple[str, ...]:
    found = (f"{month:02d}-{day:02d}" for _span, _year, month, day in _explicit_dates(sentence) if month)
    return tuple(dict.fromkeys(d for d in found if _safe_iso(2000, int(d[:2]), int(d[3:]))))  # 2000: a leap year


def day_mentions(sentence: str, published: str | None) -> list[tuple[int, int, str | None, int | None]]:
    """(start, end, ISO date or None, weekday 0-6 or None) of each day a sentence about the meeting names for it,
    in order: explicit dates (ISO when the year is written or can be taken from `published`, weekday when the
    ISO date is known), weekday words (their weekday, and the ISO date they stand for when `published` is known),
    "yesterday"/"today" (ISO with `published`). Empty for a sentence not about the meeting or about one to come."""
    about_meeting, future = _sentence_kind(sentence)
    if not about_meeting or future:
        return []
    pub = _to_date(published)
    out = []
    for start, end, when, weekday in _day_hits(sentence, pub):
        if when is not None:
            weekday = date.fromisoformat(when).weekday()
        out.append((start, end, when, weekday))
    return out


def news_weekday(lines: Sequence[str], *, said_on: bool = False) -> int | None:
    """The first of news_weekdays(lines): the weekday a report's opening dates its news to, or None."""
    return next(iter(news_weekdays(lines, said_on=said_on)), None)


def news_weekdays(lines: Sequence[str], *, said_on: bool = False) -> tuple[int, ...]:
    """The weekdays (0 Monday .. 6 Sunday) a report's opening names for its news, in order of mention, each once:
    the weekday words of the lines that do not point ahead ("next Monday", "Monday next week") or to something
    else ("took office on Monday"). Reports of one event name its day in their first sentences; other days come
    later, if at all, or in a clause about an earlier event ("after meeting him in Alaska on Friday"). With
    `said_on`, only a day the report says something happened on ("met on Monday") counts: a bare weekday may be a
    day still to come ("his address to Congress Tuesday evening")."""
    found: list[int] = []
    for line in lines:
        if "day" not in line:
            continue
        for match in _WEEKDAY.finditer(line):
            before = line[:match.start()]
            if (match.group("post") and "next" in match.group("post") or before.rstrip().lower().endswith("next")
                    or _tied_elsewhere(before) or said_on and not _said_on(match, before)
                    or _earlier_events_day(line, match)):
                continue
            day = WEEKDAYS[match.group("day").lower()]
            if day not in found:
                found.append(day)
    return tuple(found)


def _said_on(match: re.Match[str], before: str) -> bool:
    """Whether a weekday word is written as the day something happened on: "on Monday", "On Monday"."""
    return (match.group("pre") or "").startswith("on") or re.search(r"\b[Oo]n\s+$", before) is not None


def _dates_in(sentence: str, pub: date | None, local: frozenset[int] = frozenset()) -> list[str]:
    return [when for _start, _end, when, _weekday in _day_hits(sentence, pub, local) if when is not None]


def _local_weekdays(sentences: Sequence[str]) -> frozenset[int]:
    """The weekdays a text gives in the meeting's own time zone somewhere ("Wednesday local time"): its other
    mentions of that weekday name the same day."""
    return frozenset(WEEKDAYS[match.group("day").lower()] for sentence in sentences if "local" in sentence
                     for match in _WEEKDAY.finditer(sentence) if _LOCAL_TIME.match(sentence, match.end("day")))


def _day_hits(sentence: str, pub: date | None, local: frozenset[int] = frozenset()
              ) -> list[tuple[int, int, str | None, int | None]]:
    """Every day a sentence names (see day_mentions); a weekday word without a publication date has no ISO date.
    `local`: weekdays the text gives in the meeting's time zone elsewhere (_local_weekdays)."""
    hits: list[tuple[int, int, str | None, int | None]] = []
    explicit = _explicit_dates(sentence)
    taken = [span for span, _year, _month, _day in explicit]
    for span, year, month, day in explicit:
        resolved = _resolve_year(year, month, day, pub) if month else None
        if resolved:
            hits.append((span[0], span[1], resolved, None))
    if "day" in sentence:
        for match in _WEEKDAY.finditer(sentence):
            if (match.group("post") and "next" in match.group("post") or _tied_elsewhere(sentence[:match.start()])
                    or _earlier_events_day(sentence, match)):
                continue
            if any(s <= match.start() < e for s, e in taken):
                continue  # "Sunday, October 20" already read as a date
            weekday = WEEKDAYS[match.group("day").lower()]
            when = None
            if pub is not None:
                back = (pub.weekday() - weekday) % 7
                if back == 6 and (weekday in local or _LOCAL_TIME.match(sentence, match.end("day"))):
                    back = -1  # "early on Wednesday local time" in copy dated Tuesday abroad: the next day, not last week's
                when = (pub - timedelta(days=back)).isoformat()
            hits.append((match.start("day"), match.end("day"), when, weekday))
    if pub is not None and ("day" in sentence or "this" in sentence.lower()):
        for match in _RELATIVE.finditer(sentence):
            back = 1 if match.group("word").lower() == "yesterday" else 0
            hits.append((match.start(), match.end(), (pub - timedelta(days=back)).isoformat(), None))
    return sorted(hits, key=lambda hit: hit[:2])


def _resolve_year(year: int | None, month: int, day: int, pub: date | None) -> str | None:
    if year is not None:
        return _safe_iso(year, month, day)
    if pub is None:
        return None
    # The candidate year that puts the date on or before publication (one day of slack for time zones), latest.
    for candidate in (pub.year + 1, pub.year, pub.year - 1):
        iso = _safe_iso(candidate, month, day)
        if iso and date.fromisoformat(iso) <= pub + timedelta(days=1):
            return iso
    return None


def _to_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    return day if day.year in PUBLISHED_YEARS else None  # a stamp of year 1 read from the text: no reckoning
