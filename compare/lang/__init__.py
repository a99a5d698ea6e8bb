"""Language data, in one place: the words and phrases crosscheck's rules read, apart from the rules themselves.

Every stage reads the one frozen `LEXICON` (English, loaded once from compare/lang/en/); no module types its
own month, number, stop-word or place list. To see what a rule knows of a language, read compare/lang/en/:

    calendar.py    month and weekday names, words of a date stamp
    numbers.py     number and ordinal words, units of a length of time
    stop_words.py  function words (matching), headline small words, words an acronym skips
    places.py      city variants and exonyms, place-name particles, labels that are not places
    gazetteer.tsv  one row per country: capitals, demonyms, the names it goes by
    cues.py        meeting and date cues, page-furniture phrases
    spelling.py    name variants (U.S. / United States), British and American spelling, quote folding
    outlets.py     news agencies and their credits, official mastheads, domain labels (who published a story)
    names.py       given-name short forms and spellings, transliteration variants, titles written before names
    verbs.py       irregular verb forms and nouns of a predicate, so that a predicate meets its other forms
    judging.py     the judge's cues: hedges, negations, opposites, bounds and scales of figures
    facts.py       the fact sheet's words: durations, segments of a meeting, offices, ordinals
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Mapping

from compare.lang.en import calendar, cues, names, numbers, outlets, places, spelling, stop_words, verbs
from compare.lang.en import facts as fact_words


@dataclass(frozen=True, slots=True)
class Country:
    """One row of the gazetteer."""

    name: str
    capitals: tuple[str, ...]  # folded, as news copy lets them stand for the country
    demonyms: tuple[str, ...]  # folded
    names: tuple[str, ...]  # folded names the country goes by


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything a language contributes to the rules (see the module docstring for where each part lives)."""

    months: Mapping[str, int]  # "january" and "jan" -> 1
    weekdays: Mapping[str, int]  # "monday" and "mon" -> 0
    stamp_words: frozenset[str]
    number_words: Mapping[str, str]  # "two" -> "2"
    ordinal_words: Mapping[str, str]  # "second" -> "2"
    stop_words: frozenset[str]
    headline_small_words: frozenset[str]
    acronym_skippable: frozenset[str]
    place_variants: Mapping[str, str]
    place_particles: frozenset[str]
    regions: frozenset[str]
    settlement_nouns: frozenset[str]
    settlement_adjectives: frozenset[str]
    not_places: frozenset[str]
    not_place_words: frozenset[str]
    person_titles: frozenset[str]
    not_place_tail: frozenset[str]
    language_names: frozenset[str]
    countries: tuple[Country, ...]
    meeting_words: frozenset[str]
    future_words: frozenset[str]
    future_cues: str
    wished_meeting_cues: str
    not_meeting_context: frozenset[str]
    not_meeting_state: frozenset[str]
    past_meeting_cues: str
    earlier_day_cues: str
    other_date_cues: str
    call_to_action: str
    promotion_label: str
    section_label: str
    attribution: str  # a sentence that is only an attribution ("He added.")
    quotation_introduction: str  # a line introducing a quotation ("Trump said:")
    site_notice: str
    credit_line: str
    caption_line: str
    picture_credit_line: str
    picture_credit: str
    social_embed_signature: str  # "— Jane Doe (@janedoe) April 17, 2025"
    social_embed_link: str  # "pic.twitter.com/AbC123"
    leading_picture_credit: str  # "(Jane Doe/Agency via Getty Images) · " opening a story line
    byline_words: frozenset[str]  # "and", "staff", "correspondent": a byline's words besides names
    time_stamp: str  # "11:30 a.m.", "10:42 ET", "2 min ago"
    name_variants: tuple[tuple[str, str], ...]
    british_spelling: str
    british_words: Mapping[str, str]
    quote_folds: Mapping[str, str]
    apostrophe_folds: Mapping[str, str]
    latin_letters: Mapping[str, str]
    news_agencies: Mapping[str, str]  # folded spelling -> the agency's name
    credit_in_parentheses: str
    credit_after_dash: str
    credit_openers: str
    masthead_line: str
    second_level_labels: frozenset[str]
    nicknames: tuple[frozenset[str], ...]
    transliterations: tuple[tuple[str, str], ...]
    given_name_spellings: tuple[tuple[str, str], ...]  # (pattern, replacement): one given name's spellings
    title_words: frozenset[str]
    title_abbreviations: frozenset[str]  # "mr", "sen": written "Mr." before a name
    verb_forms: Mapping[str, str]  # "held" -> "hold"
    nominalizations: Mapping[str, str]  # "agreement" -> "agree"
    time_units: Mapping[str, tuple[str, int]]  # "hours" -> ("min", 60)
    figure_bounds: frozenset[str]  # "nearly", "more than": words before a figure that make it approximate
    fraction_words: Mapping[str, float]  # "half an" -> 0.5, "an" -> 1.0

    @property
    def month_names(self) -> tuple[str, ...]:
        """"January" ... "December"."""
        first: dict[int, str] = {}
        for name, number in self.months.items():  # each month's full name is listed before its abbreviations
            first.setdefault(number, name)
        return tuple(first[n].capitalize() for n in range(1, 13))

    def small_number_words(self, largest: int) -> dict[str, str]:
        """Number words up to `largest`, in order: "zero" -> "0", ..."""
        return {w: n for w, n in self.number_words.items() if int(n) <= largest}

    @property
    def country_names(self) -> frozenset[str]:
        """Every folded name of a country, and the regions: a meeting "in" one is weaker evidence than a city."""
        return frozenset(n for c in self.countries for n in c.names) | self.regions

    @property
    def capital_country(self) -> dict[str, str]:
        """Folded national capital -> the country it stands for in news copy ("canberra" -> "Australia")."""
        return {capital: c.name for c in self.countries for capital in c.capitals}

    @property
    def demonym_country(self) -> dict[str, str]:
        """Folded demonym -> country ("kenyan" -> "Kenya")."""
        return {demonym: c.name for c in self.countries for demonym in c.demonyms}


def read_gazetteer(text: str) -> tuple[Country, ...]:
    """The rows of a gazetteer TSV (country, capitals, demonyms, names; lists separated by ';')."""
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, capitals, demonyms, names = (line.split("\t") + ["", "", ""])[:4]
        rows.append(Country(name, _listed(capitals), _listed(demonyms), _listed(names)))
    return tuple(rows)


def _listed(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(";") if item.strip())


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@cache
def english() -> Lexicon:
    """The English lexicon, read once per process."""
    gazetteer = (resources.files("compare.lang.en") / "gazetteer.tsv").read_text(encoding="utf-8")
    return Lexicon(
        months=_frozen(calendar.MONTHS),
        weekdays=_frozen(calendar.WEEKDAYS),
        stamp_words=calendar.STAMP_WORDS,
        number_words=_frozen(numbers.NUMBER_WORDS),
        ordinal_words=_frozen(numbers.ORDINAL_WORDS),
        stop_words=stop_words.STOP_WORDS,
        headline_small_words=stop_words.HEADLINE_SMALL_WORDS,
        acronym_skippable=stop_words.ACRONYM_SKIPPABLE,
        place_variants=_frozen(places.PLACE_VARIANTS),
        place_particles=places.PLACE_PARTICLES,
        regions=places.REGIONS,
        settlement_nouns=places.SETTLEMENT_NOUNS,
        settlement_adjectives=places.SETTLEMENT_ADJECTIVES,
        not_places=places.NOT_PLACES,
        not_place_words=places.NOT_PLACE_WORDS,
        person_titles=places.PERSON_TITLES,
        not_place_tail=places.NOT_PLACE_TAIL,
        language_names=places.LANGUAGE_NAMES,
        countries=read_gazetteer(gazetteer),
        meeting_words=cues.MEETING_WORDS,
        future_words=cues.FUTURE_WORDS,
        future_cues=cues.FUTURE_CUES,
        wished_meeting_cues=cues.WISHED_MEETING_CUES,
        not_meeting_context=cues.NOT_MEETING_CONTEXT,
        not_meeting_state=cues.NOT_MEETING_STATE,
        past_meeting_cues=cues.PAST_MEETING_CUES,
        earlier_day_cues=cues.EARLIER_DAY_CUES,
        other_date_cues=cues.OTHER_DATE_CUES,
        call_to_action=cues.CALL_TO_ACTION,
        promotion_label=cues.PROMOTION_LABEL,
        section_label=cues.SECTION_LABEL,
        attribution=cues.ATTRIBUTION.format(verbs="|".join(sorted(cues.ATTRIBUTION_VERBS))),
        quotation_introduction=cues.QUOTATION_INTRODUCTION.format(verbs="|".join(sorted(cues.ATTRIBUTION_VERBS))),
        site_notice=cues.SITE_NOTICE,
        credit_line=cues.CREDIT_LINE,
        caption_line=cues.CAPTION_LINE,
        picture_credit_line=cues.PICTURE_CREDIT_LINE,
        picture_credit=cues.PICTURE_CREDIT,
        social_embed_signature=cues.SOCIAL_EMBED_SIGNATURE,
        social_embed_link=cues.SOCIAL_EMBED_LINK,
        time_stamp=cues.TIME_STAMP,
        byline_words=cues.BYLINE_WORDS,
        leading_picture_credit=cues.LEADING_PICTURE_CREDIT,
        name_variants=spelling.NAME_VARIANTS,
        british_spelling=spelling.BRITISH_SPELLING,
        british_words=_frozen(spelling.BRITISH_WORDS),
        quote_folds=_frozen(spelling.QUOTE_FOLDS),
        apostrophe_folds=_frozen(spelling.APOSTROPHE_FOLDS),
        latin_letters=_frozen(spelling.LATIN_LETTERS),
        news_agencies=_frozen(outlets.NEWS_AGENCIES),
        credit_in_parentheses=outlets.CREDIT_IN_PARENTHESES,
        credit_after_dash=outlets.CREDIT_AFTER_DASH,
        credit_openers=outlets.CREDIT_OPENERS,
        masthead_line=outlets.MASTHEAD_LINE,
        second_level_labels=outlets.SECOND_LEVEL_LABELS,
        nicknames=tuple(frozenset(group.split()) for group in names.NICKNAMES),
        transliterations=names.TRANSLITERATIONS,
        given_name_spellings=names.GIVEN_NAME_SPELLINGS,
        title_words=names.TITLE_WORDS,
        title_abbreviations=names.TITLE_ABBREVIATIONS,
        verb_forms=_frozen(dict(pair.split(":") for pair in verbs.IRREGULAR_FORMS)),
        nominalizations=_frozen(dict(pair.split(":") for pair in verbs.NOMINALIZATIONS)),
        time_units=_frozen(numbers.TIME_UNITS),
        figure_bounds=frozenset(fact_words.BOUND_WORDS),
        fraction_words=_frozen(fact_words.FRACTION_WORDS),
    )


LEXICON = english()
