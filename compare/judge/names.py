"""Named people and places in the same slot of two alike sentences: a different name is a different claim."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from compare.judge.text import SENTENCE_CACHE, tokens
from compare.judge.verdict import Clash
from compare.lang.en.judging import ATTRIBUTION_CUES, ATTRIBUTION_REACH, BRACKETED_NOTE, CAPITALISED, PUNCT
from compare.lang.en.names import ROMANISED_VOWELS
from compare.lang import LEXICON
from compare.metadata import _fold, country_of_capital, fold_letters, normalise_place
from compare.similarity import normalise

# A given name's consonants must run to at least this many for two romanisations of it to be read as one name by
# them alone: short names share their consonants by chance ("Dan" / "Dean", "Mary" / "Mario").
ROMANISED_MIN_CONSONANTS = 3


def _name_key(words: list[str], acronyms) -> str:
    """What a name in a slot stands for: place variants folded, and a capital read as its country."""
    phrase = " ".join(words)
    place = normalise_place(phrase)
    return normalise(country_of_capital(place) or place, acronyms) or phrase.casefold()


@lru_cache(maxsize=SENTENCE_CACHE)
def _name_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words with surrounding punctuation stripped, and the same lower-cased without accents (once per
    sentence: "Türkiye" and "Turkiye", "Öztürk" and "Ozturk" are one word); short bracketed notes ("(AP)", a
    photo's "(R)") are not words of the sentence."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)  # an accent written as a mark after its letter joins the letter
    words = tuple(w.strip(PUNCT) for w in BRACKETED_NOTE.sub(" ", text).split())
    return words, tuple(_folded_case(w) for w in words)


def _attributed(lower: Sequence[str], at: int) -> bool:
    """Whether the name at `at` (in the lower-cased words) follows an attribution cue within ATTRIBUTION_REACH
    words ("according to Russia's", "told"): a source of the statement."""
    before = " " + " ".join(lower[max(0, at - ATTRIBUTION_REACH - 1) : at]) + " "
    return any(f" {cue} " in before for cue in ATTRIBUTION_CUES)


def _folded_case(word: str) -> str:
    """A word lower-cased without its accents ("Türkiye" -> "turkiye"); most words are plain ASCII: lower-cased only."""
    return word.lower() if word.isascii() else _fold(word)


@lru_cache(maxsize=SENTENCE_CACHE)
def _capitalised_after_first(text: str) -> frozenset[str]:
    words, lower = _name_words(text)
    return frozenset(low for w, low in zip(words[1:], lower[1:]) if CAPITALISED.match(w))


def name_conflict(a: str, b: str, acronyms) -> Clash | None:
    """A capitalised name in one sentence where the other has a different one, the wording around them alike.

    Not a conflict: a change of title or honorific alone ("Adviser" / "Aide", "Mr" / "President"), a given name's
    short form ("Mike" / "Michael"), one name transliterated two ways ("Sergei" / "Sergey", "Zelenskiy" /
    "Zelenskyy"), the same names in another order, a pair of countries in another order or form ("Russian-American"
    / "US-Russian", "Finland's" / "Finnish"). A surname spelled otherwise but close ("Whitkoff" / "Witkoff") stays
    a conflict: a garbled name is worth a reader's look.
    """
    ca, la = _name_words(a)
    cb, lb = _name_words(b)
    if la == lb:
        return None  # the same words: nothing is replaced (wire copy run verbatim by several outlets)
    names_a, names_b = _capitalised_after_first(a), _capitalised_after_first(b)
    if names_a <= names_b or names_b <= names_a:
        return None  # one side names nobody the other does not: no name can stand in for another
    matcher = difflib.SequenceMatcher(a=la, b=lb, autojunk=False)
    text_a, text_b = normalise(a, acronyms), normalise(b, acronyms)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "replace" or i1 == 0 or j1 == 0:
            continue
        left, right = ca[i1:i2], cb[j1:j2]
        if not left or not right or len(left) > 3 or len(right) > 3:
            continue
        if not all(CAPITALISED.match(w) for w in left + right):
            continue
        if _calendar(left) and _calendar(right):
            continue  # a day or month in both ("on Tuesday" / "on July.9"): the date rules compare those
        if _attributed(la, i1) and _attributed(lb, j1):
            continue  # who reported it ("according to TASS" / "according to RIA Novosti"), not what was said
        left, right = _without_titles(left), _without_titles(right)
        if not left or not right or _same_countries(left, right):
            continue
        if _named_in(left, lb, _countries_named(b)) or _named_in(right, la, _countries_named(a)):
            continue  # the same names in another order ("Macron, Merz" / "Merz, Macron"), a country in any form
        key_left, key_right = _name_key(left, acronyms), _name_key(right, acronyms)
        surname_follows = i2 < len(la) and j2 < len(lb) and la[i2] == lb[j2] and bool(CAPITALISED.match(ca[i2]))
        if key_left == key_right or key_left in text_b or key_right in text_a \
                or _one_name(left, right, surname_follows):
            continue
        return Clash((" ".join(left),), (" ".join(right),))
    return None


# A month or weekday word, with the day a date may write straight after a month's point ("July.9", "Sept.4").
_CALENDAR_WORD = re.compile(r"(?P<word>[A-Za-z]+)\.?\d{0,2}")


def _calendar(words: Sequence[str]) -> bool:
    """Whether every word of a run is a month or a weekday ("Tuesday", "July.9", "Sept"). Only both runs so read
    are set aside: one side's "May" against another's "Johnson" is a surname ("Prime Minister May")."""
    for word in words:
        match = _CALENDAR_WORD.fullmatch(word)
        if match is None:
            return False
        name = match.group("word").lower()
        if name not in LEXICON.months and name not in LEXICON.weekdays:
            return False
    return True


def _without_titles(words: Sequence[str]) -> list[str]:
    """Name words without titles, honorifics and single letters ("President", "Mr", a photo's "R")."""
    return [w for w in words if len(w) > 1 and w.lower().rstrip(".") not in LEXICON.title_words]


def _named_in(words: Sequence[str], other_lower: Sequence[str], other_countries: frozenset[str] = frozenset()) -> bool:
    """Whether the other sentence names each of `words` somewhere, a country in any of its forms: a list of names
    is compared as a set ("French President Roux, British Prime Minister Ash" / "UK Prime Minister Ash, French
    President Roux" name the same people, however the word-by-word alignment pairs the two runs)."""
    present = set(other_lower)
    return all(_folded_case(w) in present or (_countries((w,)) or {None}) <= other_countries for w in words)


def unnamed_in(words: Sequence[str], other: str) -> tuple[str, ...]:
    """Those of `words` (names) that the sentence `other` never names, a country in any of its forms counting as
    named."""
    lower, countries = _name_words(other)[1] + tokens(other), _countries_named(other)  # split either way
    return tuple(w for w in words if not _named_in((w,), lower, countries))


@lru_cache(maxsize=SENTENCE_CACHE)
def _countries_named(text: str) -> frozenset[str]:
    """The countries a sentence names in any form ("UK", "British", "Finland's")."""
    words, _lower = _name_words(text)
    return frozenset().union(*(_countries((w,)) or () for w in words if CAPITALISED.match(w)))


def _one_name(left: Sequence[str], right: Sequence[str], surname_follows: bool = False) -> bool:
    """Whether two runs of name words name one person: word for word the same name once short forms and
    transliterations are folded, given names also when spelled or romanised two ways (`_given_names_alike`), or,
    one run longer, the same surname (a surname that differs otherwise is not folded). The last word of a run is
    the surname unless the same surname follows the two runs (`surname_follows`)."""
    if len(left) != len(right):
        return _folded(left[-1]) == _folded(right[-1])
    given = len(left) if surname_follows else len(left) - 1  # the words before the surname
    return all(_folded(x) == _folded(y) or _nickname(x, y) or (k < given and _given_names_alike(x, y))
               for k, (x, y) in enumerate(zip(left, right)))


def _given_names_alike(x: str, y: str) -> bool:
    """Two given names of one person before the same surname: spelled alike once the spellings English copy
    writes one given name with are folded ("Antony" / "Anthony", "Phillip" / "Philip"), or romanised two ways:
    only vowels differ, with enough consonants left to tell ("Vladimir" / "Volodymyr"). Only given names are read
    so: a surname spelled otherwise ("Markoff" / "Marckoff", "Borgi" / "Borg") is a garbled name."""
    x_spelled, y_spelled = _given_spelling(x), _given_spelling(y)
    if x_spelled == y_spelled:
        return True
    x_consonants, y_consonants = (w.translate(_NO_VOWELS) for w in (x_spelled, y_spelled))
    return x_consonants == y_consonants and len(x_consonants) >= ROMANISED_MIN_CONSONANTS


_NO_VOWELS = str.maketrans("", "", ROMANISED_VOWELS)
_GIVEN_NAME_SPELLINGS = tuple((re.compile(pattern), plain) for pattern, plain in LEXICON.given_name_spellings)


@lru_cache(maxsize=SENTENCE_CACHE)
def _given_spelling(word: str) -> str:
    """A given name with its transliterations and spelling variants folded: "Anthony" and "Antony" -> "antoni"."""
    spelled = _folded(word)
    for pattern, plain in _GIVEN_NAME_SPELLINGS:
        spelled = pattern.sub(plain, spelled)
    return spelled


@lru_cache(maxsize=SENTENCE_CACHE)
def _folded(word: str) -> str:
    """A name with its transliteration variants folded: "Zelenskyy" and "Zelenskiy" -> "zelensky"."""
    folded = fold_letters(word).lower()
    for variant, plain in LEXICON.transliterations:
        folded = folded.replace(variant, plain)
    return folded


def _nickname(x: str, y: str) -> bool:
    x, y = x.lower(), y.lower()
    return any(x in group and y in group for group in LEXICON.nicknames)


_COUNTRY_PART = re.compile(r"[-–/ ]")


def _countries(words: Sequence[str]) -> frozenset[str] | None:
    """The countries a run of words names, as nouns, adjectives or possessives ("US-Russian", "China's"); None
    when any part is not a country."""
    found = set()
    for part in _COUNTRY_PART.split(" ".join(words)):
        part = part.removesuffix("'s").removesuffix("’s")
        if not part:
            continue
        key = _folded_case(normalise_place(part)).rstrip(".")  # "Türkiye" is listed as "turkiye"
        key = key if key in LEXICON.demonym_country or key in _country_by_name() else key.replace(".", "")  # "U.S."
        country = LEXICON.demonym_country.get(key) or _country_by_name().get(key) or country_of_capital(part)
        if country is None:
            return None
        found.add(country)
    return frozenset(found) or None


def _same_countries(left: Sequence[str], right: Sequence[str]) -> bool:
    """Two runs that name the same countries, in any order and form ("Russian-American" / "US-Russian")."""
    countries = _countries(left)
    return countries is not None and countries == _countries(right)


@lru_cache(maxsize=1)
def _country_by_name() -> dict[str, str]:
    return {name: country.name for country in LEXICON.countries for name in country.names}
