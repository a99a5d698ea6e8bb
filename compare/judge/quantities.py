"""Numbers by unit, and ordinals by what they count: the two sides' figures of one thing cannot both be right."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from compare.judge.text import SENTENCE_CACHE
from compare.judge.verdict import Clash
from compare.lang.en.judging import (
    BOUND, BOUND_KIND, BOUND_WORDS, COMPARISON_STANDARD, COMPOUND_DURATION, CONTEXT_WORD, DURATION_MINUTES, DURATION_PHRASE, IN_MINUTES, INTENT_VERBS, MODALS,
    MODIFIER_OPENERS, NUMBER, NUMBER_CLAUSE_END, NUMBER_WORD_UNITS_SKIP, NUMBER_WORDS, ORDINAL, POSSIBLE, SCALES, SPELLED_NUMBER,
    UNIT_AFTER_SCALE,
)
from compare.lang import LEXICON
from compare.metadata import _fold
from compare.similarity import content_tokens

# An approximate number admits another within this share of it, or within half the unit it is written to
# ("about two hours" admits 90 minutes to two and a half hours; "about 210" admits 205 to 215): outlets round
# ("about 200" / "some 210"), and a changed figure in the generated benchmark corpora moves by 2 to 9, so on small
# numbers a real change still shows (checked there: the contradiction recall is unchanged).
APPROXIMATE_SHARE = 0.1
# What a figure is said of: the stems of up to this many content words before it in its clause ("the talks
# lasted" in "the talks lasted about three hours"). Unless two sentences are alike as a whole, two figures are
# compared only when these overlap: "a 25% tariff on steel" and "a 10% levy on rice imports" are two figures.
NUMBER_CONTEXT_WORDS = 5
# The words before a figure in its clause kept to find the noun phrase it belongs to (`_modifiers`): enough to
# reach back over a head noun and its prepositional phrase ("fentanyl tariffs on China from 20 percent").
PHRASE_WORDS = 10


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as a sentence gives it: its value (scale words applied), as written, and how exact it is."""

    value: float
    written: str
    bound: str | None  # "about" (give or take APPROXIMATE_SHARE), "above" (more than), "below" (less than), None
    step: float = 0.0  # the unit the figure is written to ("two hours": an hour; "210": ten), in its unit
    said_of: frozenset[str] = frozenset()  # stems of the content words before it in its clause
    tentative: bool = False  # said as a plan or a possibility ("expected to last up to seven hours")
    compared: bool = False  # the measure of what something is compared with ("longer than a summit that lasted two hours")
    phrase: tuple[str, ...] = ()  # the last PHRASE_WORDS words before it in its clause, lower-cased, as written

    def admits(self, other: Quantity) -> bool:
        """Whether the two can be the same quantity: equal, or one of them only approximate or a bound."""
        if math.isclose(self.value, other.value, rel_tol=1e-9):
            return True
        for loose, exact in ((self, other), (other, self)):
            tolerance = max(APPROXIMATE_SHARE * max(loose.value, exact.value), loose.step / 2)
            if loose.bound == "about" and abs(loose.value - exact.value) <= tolerance:
                return True
            if loose.bound == "above" and exact.value >= loose.value and exact.bound != "below":
                return True
            if loose.bound == "below" and exact.value <= loose.value and exact.bound != "above":
                return True
        return False


@lru_cache(maxsize=SENTENCE_CACHE)
def quantities(text: str) -> dict[str, set[str]]:
    """Numbers by unit: {"minute": {"35"}, "percent": {"4.5"}}; bare numbers, times and years are left out."""
    return {unit: {q.written for q in found} for unit, found in _quantities(text).items()}


@lru_cache(maxsize=SENTENCE_CACHE)
def _quantities(text: str) -> dict[str, tuple[Quantity, ...]]:
    found: dict[str, list[Quantity]] = {}
    text = SPELLED_NUMBER.sub(lambda m: NUMBER_WORDS[m.group(1).lower()], DURATION_PHRASE.sub(_minutes, text))
    text = COMPOUND_DURATION.sub(lambda m: f"{60 * int(m.group(1)) + int(m.group(2))} minutes", text)
    context = _Context(text)
    for m in NUMBER.finditer(text):
        currency, whole, frac, unit = m.groups()
        value = whole.replace(",", "") + (f".{frac}" if frac else "")
        scale = 1.0
        unit_word = (unit or "").lower()
        if unit_word in SCALES:  # "$1.5 million": the amount is 1,500,000 dollars; the unit comes after
            scale = SCALES[unit_word]
            after = UNIT_AFTER_SCALE.match(text, m.end())
            unit = after.group(1) if after else None
        if currency:
            unit_key = currency
        elif unit:
            unit_key = "percent" if unit.replace(" ", "").lower() in {"%", "percent", "percent"} else unit.lower()
        else:
            continue
        if unit_key in NUMBER_WORD_UNITS_SKIP or (len(whole) == 4 and not frac and 1800 <= int(whole) <= 2100):
            continue
        stems = content_tokens(unit_key) if unit_key.isalpha() else (unit_key,)
        if stems:
            bound = _bound_before(text[max(0, m.start() - 30) : m.start()])
            written = f"{value} {unit_word}" if scale != 1.0 else value
            unit_stem, per = IN_MINUTES.get(stems[0], (stems[0], 1.0))  # "two hours" / "120 minutes"
            if per != 1.0:
                written = f"{written} {unit}"
            said_of, tentative = context.before(m.start())
            found.setdefault(unit_stem, []).append(Quantity(
                float(value) * scale * per, written, bound, _written_step(whole, frac) * scale * per, said_of,
                tentative, context.compared, context.phrase,
            ))
    return {unit: tuple(qs) for unit, qs in found.items()}


def _written_step(whole: str, frac: str | None) -> float:
    """The unit a figure is rounded to as written: "200" -> 100, "210" -> 10, "2" -> 1, "1.5" -> 0.1."""
    if frac:
        return 10.0 ** -len(frac)
    digits = whole.replace(",", "")
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, len(digits) - 1)


class _Context:
    """What each figure of a text is said of, read left to right in one pass as the figures come (a sentence
    costs time in proportion to its length, however many figures it holds)."""

    def __init__(self, text: str) -> None:
        marks = [(m.start(), "") for m in NUMBER_CLAUSE_END.finditer(text)]
        # the second part of a hyphenated word keeps its hyphen ("fentanyl-related" -> "fentanyl", "-related"): it
        # is no verb of its own (_verb_like)
        words = [(m.start(), ("-" if text[m.start() - 1 : m.start()] == "-" else "") + m.group().lower())
                 for m in CONTEXT_WORD.finditer(text)]
        self._items = sorted(marks + words)
        self._next = 0
        self._stems: list[str] = []  # the clause's content-word stems so far, bound words left out
        self._words: list[str] = []  # the clause's last PHRASE_WORDS words, stop words included
        self._tentative = False
        self._intended = False  # an intention verb so far in the clause: with "to" after it, what follows is planned
        self._standard: int | None = None  # content words since the clause's "than", None before any

    def before(self, at: int) -> tuple[frozenset[str], bool]:
        """(the last NUMBER_CONTEXT_WORDS stems before `at` in its clause, whether the clause so far makes what
        follows a plan or a possibility: "could", "a potential", an intention verb and "to" after it ("planned to
        send"))."""
        while self._next < len(self._items) and self._items[self._next][0] < at:
            word = self._items[self._next][1]
            self._next += 1
            if not word:  # a clause ends
                self._stems, self._tentative, self._intended, self._standard = [], False, False, None
                self._words = []
                continue
            self._words.append(word)
            del self._words[:-PHRASE_WORDS]
            word = word.lstrip("-")  # the hyphen marks the phrase's words only
            if word in COMPARISON_STANDARD:
                self._standard = 0
            elif self._standard is not None and word not in BOUND_WORDS and content_tokens(word):
                self._standard += 1
            self._tentative = (self._tentative or word in MODALS or word in POSSIBLE
                               or (word == "to" and self._intended))  # "planned to send", not "arrived for"
            self._intended = self._intended or word in INTENT_VERBS
            if word not in BOUND_WORDS:
                self._stems.extend(content_tokens(word))
                del self._stems[:-NUMBER_CONTEXT_WORDS]
        return frozenset(self._stems), self._tentative

    @property
    def phrase(self) -> tuple[str, ...]:
        """The words before the figure last read, in its clause (at most PHRASE_WORDS)."""
        return tuple(self._words)

    @property
    def compared(self) -> bool:
        """Whether the figure last read stands in the standard of a comparison, past "than" and a word of its own
        ("longer than a 2018 summit that lasted two hours"), not right after it as a bound ("more than two")."""
        return bool(self._standard)


def _minutes(match: re.Match[str]) -> str:
    return f"{match.group(1)}{DURATION_MINUTES[match.group(2).lower()]} minutes"


def _bound_before(prefix: str) -> str | None:
    m = BOUND.search(prefix)
    return BOUND_KIND[m.group(1).lower()] if m else None


def number_conflict(a: str, b: str, alike: bool = True) -> Clash | None:
    """Numbers of one unit that cannot be the same: none of one side's admits any of the other's ("about 200"
    admits 210, "more than 200" admits 250, "200" does not admit 210).

    Only figures stated as fact of what the sentence is about count ("expected to last up to seven hours" is a
    plan; "longer than a summit that lasted two hours" measures the other summit). Unless the two sentences
    are `alike` (the rest of their wording agrees), the figures must also be said of the same thing: a word before
    them in common ("lasted two hours" / "lasted three hours"), not two tariffs or two pipelines."""
    qa, qb = _quantities(a), _quantities(b)
    for unit in sorted(qa.keys() & qb.keys()):
        xs = [q for q in qa[unit] if not (q.tentative or q.compared)]
        ys = [q for q in qb[unit] if not (q.tentative or q.compared)]
        if not xs or not ys or any(x.admits(y) for x in xs for y in ys):
            continue
        if not alike and not any(x.said_of & y.said_of for x in xs for y in ys):
            continue
        if not any(_one_thing(x, y, unit) for x in xs for y in ys):
            continue  # "fentanyl tariffs on China" / "the tariffs on Chinese goods": two tariffs, two figures
        return Clash(tuple(sorted({q.written for q in xs})), tuple(sorted({q.written for q in ys})), unit)
    return None


def _one_thing(x: Quantity, y: Quantity, unit: str) -> bool:
    """Whether two figures can be of one thing: a figure belongs to the noun phrase it is said of, so two figures
    of one head noun are of different things when each side's phrase has a modifier the other's lacks ("fentanyl
    tariffs on China" / "the tariffs on Chinese goods"). One side more specific than the other ("the aid package" /
    "the military aid package"), a head that is a verb ("the talks lasted"), or no head in common can be one."""
    shared = x.said_of & y.said_of
    head = next((stem for word in reversed(x.phrase) for stem in content_tokens(word)[:1] if stem in shared), None)
    if head is None:
        return True
    mine, theirs = _modifiers(x.phrase, head, unit), _modifiers(y.phrase, head, unit)
    return mine is None or theirs is None or not (mine - theirs and theirs - mine)


def _modifiers(phrase: tuple[str, ...], head: str, unit: str) -> frozenset[str] | None:
    """What the head noun `head` is modified by in the words before a figure: the content word just before it
    ("fentanyl tariffs") and the phrase between it and the figure ("tariffs on China from"), a country in any form
    as the country and the figures' own unit left out. None when the head reads as a verb (LEXICON.verb_forms, or
    "-ed"), or what follows it opens no phrase of its own (MODIFIER_OPENERS): then it is a verb's subject or
    object, not what the figure measures."""
    at = next((i for i in range(len(phrase) - 1, -1, -1) if content_tokens(phrase[i])[:1] == (head,)), None)
    if at is None or _verb_like(phrase[at]):
        return None
    words = list(phrase[at + 1:])
    if words and words[0] not in MODIFIER_OPENERS:
        return None  # a verb follows ("Australia will hand over 10"): the head is its subject, not what is counted
    if at > 0 and content_tokens(phrase[at - 1]) and not _verb_like(phrase[at - 1]):
        words.append(phrase[at - 1])
    found = set()
    for word in words:
        folded = _fold(word)  # "türkiye" is listed as "turkiye"
        country = LEXICON.demonym_country.get(folded) or _country_named(folded)
        stems = content_tokens(word)
        if country:
            found.add(country)
        elif stems and stems[0] != unit and word not in BOUND_WORDS:
            found.add(stems[0])
    return frozenset(found)


def _verb_like(word: str) -> bool:
    """A verb's form; the second part of a hyphenated word ("-related" of "fentanyl-related tariffs", "-owned"
    of "state-owned firms") is a compound adjective's, which modifies the noun after it."""
    if word.startswith("-"):
        return False
    return word.endswith("ed") or word in LEXICON.verb_forms or word in LEXICON.verb_forms.values()


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    return {name: country.name for country in LEXICON.countries for name in country.names}


def _country_named(word: str) -> str | None:
    return _country_names().get(word)


@lru_cache(maxsize=SENTENCE_CACHE)
def _ordinals(text: str, acronyms) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """(value, as written, stems of the next three words) of each ordinal: "the second trilateral meeting"."""
    out = []
    for m in ORDINAL.finditer(text):
        written = m.group("ordinal").lower()
        value = int(LEXICON.ordinal_words.get(written) or written[:-2])
        out.append((value, m.group("ordinal"), frozenset(content_tokens(m.group("what"), acronyms))))
    return tuple(out)


def ordinal_conflict(a: str, b: str, acronyms=None) -> Clash | None:
    """Different ordinals of the same thing ("the second trilateral meeting" / "the first trilateral meeting"),
    like numbers of one unit (the thing's stem as the unit)."""
    def by_thing(text: str) -> dict[str, dict[int, str]]:
        found: dict[str, dict[int, str]] = {}
        for value, written, what in _ordinals(text, acronyms):
            for stem in what:
                found.setdefault(stem, {}).setdefault(value, written)
        return found

    ordinals_a, ordinals_b = by_thing(a), by_thing(b)
    things = sorted(ordinals_a.keys() & ordinals_b.keys())
    # One ordinal in common for any of the things they share and the two can agree ("the first phase starts in
    # May and the second phase in June" / "the second phase starts in June").
    if not things or any(ordinals_a[t].keys() & ordinals_b[t].keys() for t in things):
        return None
    left, right = ordinals_a[things[0]], ordinals_b[things[0]]
    return Clash(tuple(left[v] for v in sorted(left)), tuple(right[v] for v in sorted(right)), things[0])

