"""Aligned sentence pairs -> agree / partial / contradict, unmatched sentences -> omitted, each with a reason.

A high match score means the two sentences are about the same thing, not that they say the same thing. So a
matched pair is checked, in this order, for a conflict of certainty ("it was not made clear whether X" against
"the talks addressed X"), of polarity (one side negates what the other affirms), of numbers with the same unit,
of months after the same preposition ("take effect in January" / "in April"), of dates (weekday words
resolved against the publication date), and of named people or places in the same slot
(place-name variants folded). With no conflict the pair agrees, or partly agrees when one side carries detail
the other lacks.
"""

from __future__ import annotations

import difflib
import math
import re
from functools import lru_cache
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from compare.metadata import MONTH_NAMES, country_of_capital, meeting_dates, meeting_month_days, normalise_place
from compare.models import Relation, Sentence
from compare.similarity import ORDINAL_WORDS, content_tokens, normalise

# Share of a sentence's content words the other side lacks from which the pair is "partial", not "agree".
# Tuned on the seed gold pairs and the synthetic tests in tests/test_judge.py as a set with MIN_EXTRA_WORDS.
PARTIAL_EXTRA_SHARE = 0.45
MIN_EXTRA_WORDS = 3
# The other side counts as contained when at most this share of its content words is missing from this side.
CONTAINED_SHARE = 0.25
# A negation only counts when a word the two sentences share follows it within this many words, in its clause.
NEGATION_WINDOW = 4
# A denial reaches the claim it denies, which follows in a that-clause: "denied reports that Manila had asked
# for warships" denies the asking. Its reach is the rest of its clause, up to this many words.
DENIAL_REACH = 12
_DENIALS = frozenset({"denied", "deny", "denies"})
# ... and only when the other sentence shares at least this share of the negated clause's content words: the
# two must be saying something about the same thing for one to deny what the other affirms. Tuned with the
# tests in tests/test_judge.py and on the benchmark corpus (bench/generate.py), where without it 62 pairs such
# as "quotas were not talked about" / "the talks lasted 90 minutes" came out as polarity conflicts.
NEGATED_CLAUSE_SHARED = 0.5
# Entries of each per-sentence cache below: the judge asks about the same sentences (and words) many times
# within an event, never across events, so a few thousand keep every hit while a worker's memory stays flat over
# a long run (at 50,000 entries each, a worker held a few hundred MB of them on the 10,000-article corpus).
SENTENCE_CACHE = 8192
# Months named without a day are compared only between sentences at least this alike: two unrelated sentences
# that each mention a month ("a meeting in Osvika in July" / "an intrusion into its airspace in August") can still
# be each other's best match at 0.1-0.2. Tuned on the generated benchmark corpora (every false month conflict
# there scored under 0.17) and tests/coverage_brussels (the real one, "take effect in January" / "enter into force
# in April", scores 0.46).
MONTH_CONFLICT_MIN_SCORE = 0.3
# Name and date conflicts are only trusted between sentences this alike (the rest of the wording agrees).
SLOT_CONFLICT_MIN_SCORE = 0.6
# Dates at most this many days apart are told as partial, not a contradiction: outlets in different time zones
# date one meeting a day apart ("Friday in Washington" is Saturday in Tokyo), as event grouping allows too
# (compare.events.DAY_SLACK). The benchmark's injected date changes move by 2 days or more.
DATE_SLACK_DAYS = 1

# Someone declining to answer ("did not say", "declined to confirm"): before "whether" it leaves the event open,
# before "when" or "how much" only a detail of it.
_WITHHELD = (
    r"(?:did|does|do|would|could|will)\s+not\s+(?:say|specify|disclose|confirm|reveal|elaborate\s+on|comment\s+on)\s+"
    r"|(?:declined|refused)\s+to\s+(?:say|confirm|specify|disclose|comment\s+on)\s+"
)
_UNCERTAIN_WHETHER = re.compile(
    r"\b(?:"
    r"(?:it\s+)?(?:is|was|remains|remained|has\s+not\s+been|had\s+not\s+been)\s+(?:not\s+|un)?(?:yet\s+|immediately\s+)?"
    r"(?:made\s+)?(?:clear|known|confirmed|certain|disclosed)\s+(?:whether|if)"
    r"|unclear\s+(?:whether|if)"
    rf"|(?:{_WITHHELD})(?:whether|if)"
    r"|no\s+(?:word|indication|details?|confirmation)\s+(?:on|of|about|as\s+to)\s+whether"
    r"|uncertain\s+(?:whether|if)"
    r")\b",
    re.IGNORECASE,
)
# The same phrases about a detail rather than the event ("it was not immediately clear when parliament would
# ratify it"): the event is not in doubt, only when, how or how much, so it is neither a certainty conflict nor a
# negation of what the other side says, but a detail one side lacks.
_UNCLEAR_DETAIL = re.compile(
    r"\b(?:"
    r"(?:it\s+)?(?:(?:is|was|remains|remained)(?:\s+not\s+|n't\s+|\s+un)|(?:has|had)\s+not\s+(?:yet\s+)?been\s+)"
    r"(?:yet\s+|immediately\s+)?(?:made\s+)?(?:clear|known|confirmed|certain|disclosed)\s+"
    r"|unclear\s+|uncertain\s+"
    rf"|{_WITHHELD}"
    r")(?:exactly\s+)?(?:when|how\s+(?:much|many|long|soon)|how|why|where|what|which|who)\b",
    re.IGNORECASE,
)
_SOFT_HEDGES = re.compile(
    r"\b(?:reportedly|allegedly|apparently|possibly|perhaps|presumably|(?-i:may|might)(?!\s+\d)|rumou?red|unconfirmed|"
    r"is\s+(?:said|believed|thought|expected)\s+to|are\s+(?:said|believed|thought|expected)\s+to|"
    r"appears?\s+to|according\s+to\s+unconfirmed)\b",
    re.IGNORECASE,
)
_NEGATIONS = frozenset(
    "not no never neither nor none nobody nothing without cannot n't denied deny denies rejected rejects "
    "refused refuses failed fails reject refuse fail".split()
)
# Verbs whose negation says what another verb affirms ("will not accept" / "would oppose"), both ways; general
# language. Negation cues that are verbs themselves ("rejected") deny as the verbs listed for "accept" do.
_OPPOSITES = (
    ("accept", "reject oppose refuse decline"), ("agree", "disagree reject refuse oppose"),
    ("support", "oppose reject"), ("allow", "ban block prohibit forbid bar"), ("approve", "reject veto block oppose"),
    ("confirm", "deny"), ("include", "exclude"), ("attend", "skip miss boycott"), ("join", "boycott leave quit"),
    ("continue", "stop halt end suspend"), ("increase", "decrease cut reduce lower"), ("raise", "cut lower reduce"),
    ("succeed", "fail"), ("win", "lose"), ("rise", "fall drop"),
)
# A denying cue ("rejected") says what these verbs say; they are not negation cues themselves, so a sentence
# with one of them affirms nothing the cue denies ("rejected the proposal" / "opposed the proposal").
_DENYING_CUES = "reject refuse deny".split()
_DENYING_VERBS = "oppose decline dismiss veto block".split()
_TOKEN = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|n't|\d[\d,.]*|\S", re.UNICODE)
_NUMBER = re.compile(
    r"(?<![\w.:/-])(\$|€|£|¥)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(%|percent|per\s+cent|[^\W\d_]+)?",
    re.UNICODE,
)
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
_SPELLED_NUMBER = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?=\s+[^\W\d_])", re.IGNORECASE)
_NUMBER_WORD_UNITS_SKIP = frozenset("am pm st nd rd th".split())
# Durations compare in minutes ("two hours" / "120 minutes"), and the usual spelled-out durations of talks read
# as numbers after a word that makes them a duration ("lasted an hour and a half"; "an hour later" stays out).
_IN_MINUTES = {"hour": ("minut", 60.0)}
_DURATION_MINUTES = {"an hour and a half": 90, "one and a half hours": 90, "half an hour": 30, "an hour": 60}
_DURATION_PHRASE = re.compile(
    r"\b((?:lasted|lasting|last|for|took|met for|talked for)\s+(?:(?:about|around|roughly|nearly|almost|some|more than|"
    r"over|less than|just over|just under)\s+)?)(an hour and a half|one and a half hours|half an hour|an hour)\b",
    re.IGNORECASE)
# Scale words after a number ("$1.5 million", "$2bn"): they multiply it, and the unit, if any, follows them.
_SCALES = {"thousand": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12, "tn": 1e12}
_UNIT_AFTER_SCALE = re.compile(r"\s*(?:of\s+)?([^\W\d_]+)")
# A number given as approximate or as a bound; general language. An approximate number admits another within
# APPROXIMATE_SHARE of it: outlets round ("about 200" / "some 210"), and a changed figure in the generated
# benchmark corpora moves by 2 to 9, so on small numbers a real change still shows (checked there: the
# contradiction recall is unchanged).
APPROXIMATE_SHARE = 0.1
_BOUND = re.compile(
    r"\b(about|around|roughly|approximately|nearly|almost|some|an estimated|close to|more than|at least|"
    r"(?<!hand )(?<!hands )(?<!handed )(?<!handing )(?<!took )(?<!take )(?<!taken )(?<!turn )(?<!turned )over|"
    r"upwards of|in excess of|less than|under|fewer than|up to|at most)\s+(?:\$|€|£|¥)?$", re.IGNORECASE)
_BOUND_KIND = {**dict.fromkeys(("about", "around", "roughly", "approximately", "nearly", "almost", "some",
                                "an estimated", "close to"), "about"),
               **dict.fromkeys(("more than", "over", "at least", "upwards of", "in excess of"), "above"),
               **dict.fromkeys(("less than", "under", "fewer than", "up to", "at most"), "below")}
_MONTH_ONLY = re.compile(
    r"\b((?i:in|by|from|until|till|before|after|since|during|early|late|mid|end\s+of))[\s-]+(?:(?:early|late|mid)[\s-]+)?"
    r"(" + "|".join(MONTH_NAMES) + r")\b(?!\s+\d{1,2}\b)(?:,?\s+(\d{4}))?"
)
_CLAUSE_ENDS = frozenset(",;:.!?()—–")
_PUNCT = ",.;:!?\"“”‘’()$€£¥"  # currency signs too: "$1.2" is the number 1.2
_CAPITALISED = re.compile(r"^[A-Z][\w'’.-]*$")


@dataclass(frozen=True, slots=True)
class Side:
    """One sentence with what judging needs to know about its source."""

    source: str
    sentence: Sentence
    published: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    relation: Relation
    reason: str

    @property
    def kind(self) -> str:
        """What decided it: "agree", "partial", "hedged", or the conflict ("certainty", "polarity", "numbers",
        "dates", "names"); every reason starts with it."""
        return self.reason.split(":", 1)[0]


def quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


@lru_cache(maxsize=SENTENCE_CACHE)
def uncertain_whether(text: str) -> str | None:
    """The phrase that leaves the claim's occurrence open ("it was not made clear whether"), or None."""
    m = _UNCERTAIN_WHETHER.search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=SENTENCE_CACHE)
def unclear_detail(text: str) -> str | None:
    """The phrase that leaves a detail of the claim open ("it was not immediately clear when"), or None."""
    m = _UNCLEAR_DETAIL.search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=SENTENCE_CACHE)
def soft_hedge(text: str) -> str | None:
    m = _SOFT_HEDGES.search(text)
    return m.group(0) if m else None


@lru_cache(maxsize=SENTENCE_CACHE)
def tokens(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(text.replace("’", "'")))


@lru_cache(maxsize=SENTENCE_CACHE)
def _negations(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """The tokens of `text` with any "not clear whether" phrase taken out, and where its negations stand (once
    per sentence: a sentence is judged against a counterpart in every other source of its event)."""
    if uncertain_whether(text):
        text = _UNCERTAIN_WHETHER.sub(" ", text)
    if unclear_detail(text):
        text = _UNCLEAR_DETAIL.sub(" ", text)  # "not clear when" denies nothing
    toks = tokens(text)
    found = [
        i for i, tok in enumerate(toks)
        if tok in _NEGATIONS and not (tok == "not" and i + 1 < len(toks) and toks[i + 1] == "only")
    ]
    return toks, _uncancelled(toks, found)


def _uncancelled(toks: Sequence[str], found: list[int]) -> tuple[int, ...]:
    """Negations left once each one that another negation follows closely, in its clause, is cancelled with
    it: "denied that Oslo had rejected the proposal" says Oslo did not reject it, "failed to reject" likewise."""
    kept: list[int] = []
    k = 0
    while k < len(found):
        i = found[k]
        following = found[k + 1] if k + 1 < len(found) else None
        if (following is not None and following - i <= NEGATION_WINDOW
                and not any(t in _CLAUSE_ENDS for t in toks[i + 1 : following])):
            k += 2  # a negated negation
            continue
        kept.append(i)
        k += 1
    return tuple(kept)


def negated_words(text: str, shared: set[str], acronyms) -> list[str]:
    """Shared content words that stand within a negation's reach, e.g. "did not discuss X" -> ["discuss"]."""
    toks, positions = _negations(text)
    hits = []
    for i in positions:
        if _clause_shared(toks, i, shared, acronyms) < NEGATED_CLAUSE_SHARED:
            continue  # "Fishing quotas were not talked about" says nothing of "the talks lasted 90 minutes"
        reach = DENIAL_REACH if toks[i] in _DENIALS else NEGATION_WINDOW
        for follower in toks[i + 1 : i + 1 + reach]:
            if follower in _CLAUSE_ENDS:
                break  # "were not discussed, the ministry said": the negation does not reach past the clause
            stems = content_tokens(follower, acronyms)
            if stems and stems[0] in shared:
                hits.append(follower)
                break
    return hits


@lru_cache(maxsize=1)
def _opposite_stems() -> tuple[dict[str, frozenset[str]], frozenset[str], frozenset[str]]:
    """As stems: each verb's opposites (both ways, from _OPPOSITES), the denying cues, the denying verbs."""
    out: dict[str, set[str]] = {}
    for word, opposites in _OPPOSITES:
        (stem,) = content_tokens(word)
        for other in opposites.split():
            (other_stem,) = content_tokens(other)
            out.setdefault(stem, set()).add(other_stem)
            out.setdefault(other_stem, set()).add(stem)
    cues = frozenset(content_tokens(v)[0] for v in _DENYING_CUES)
    denying = frozenset(content_tokens(v)[0] for v in _DENYING_VERBS)
    return {stem: frozenset(others) for stem, others in out.items()}, cues, denying


def denies_alike(text: str, other_tokens: set[str], acronyms) -> bool:
    """Whether a negation of `text` says what the other sentence affirms in other words: "will not accept" against
    "would oppose", or a denying verb ("rejected") against another ("opposed")."""
    toks, positions = _negations(text)
    opposites, cues, denying = _opposite_stems()
    for i in positions:
        cue = content_tokens(toks[i], acronyms)
        if cue and cue[0] in cues and other_tokens & denying:
            return True
        for follower in toks[i + 1 : i + 1 + NEGATION_WINDOW]:
            if follower in _CLAUSE_ENDS:
                break
            stems = content_tokens(follower, acronyms)
            if stems and opposites.get(stems[0], frozenset()) & other_tokens:
                return True
    return False


def negates_shared_clause(text: str, shared: set[str], acronyms) -> bool:
    """Whether a clause about what the two sentences share is negated ("X were not talked about")."""
    toks, positions = _negations(text)
    return any(_clause_shared(toks, i, shared, acronyms) >= NEGATED_CLAUSE_SHARED for i in positions)


def _clause_shared(toks: Sequence[str], at: int, shared: set[str], acronyms) -> float:
    """Share of the content words of the clause around toks[at] that the other sentence has too."""
    start = at
    while start > 0 and toks[start - 1] not in _CLAUSE_ENDS:
        start -= 1
    end = at
    while end < len(toks) and toks[end] not in _CLAUSE_ENDS:
        end += 1
    words = set(content_tokens(" ".join(toks[start:end]), acronyms))
    return len(words & shared) / len(words) if words else 0.0


@lru_cache(maxsize=SENTENCE_CACHE)
def quantities(text: str) -> dict[str, set[str]]:
    """Numbers by unit: {"minute": {"35"}, "percent": {"4.5"}}; bare numbers, times and years are left out."""
    return {unit: {q.written for q in found} for unit, found in _quantities(text).items()}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number as a sentence gives it: its value (scale words applied), as written, and how exact it is."""

    value: float
    written: str
    bound: str | None  # "about" (give or take APPROXIMATE_SHARE), "above" (more than), "below" (less than), None

    def admits(self, other: Quantity) -> bool:
        """Whether the two can be the same quantity: equal, or one of them only approximate or a bound."""
        if math.isclose(self.value, other.value, rel_tol=1e-9):
            return True
        for loose, exact in ((self, other), (other, self)):
            if loose.bound == "about" and abs(loose.value - exact.value) <= APPROXIMATE_SHARE * max(loose.value, exact.value):
                return True
            if loose.bound == "above" and exact.value >= loose.value and exact.bound != "below":
                return True
            if loose.bound == "below" and exact.value <= loose.value and exact.bound != "above":
                return True
        return False


@lru_cache(maxsize=SENTENCE_CACHE)
def _quantities(text: str) -> dict[str, tuple[Quantity, ...]]:
    found: dict[str, list[Quantity]] = {}
    text = _SPELLED_NUMBER.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], _DURATION_PHRASE.sub(_minutes, text))
    for m in _NUMBER.finditer(text):
        currency, whole, frac, unit = m.groups()
        value = whole.replace(",", "") + (f".{frac}" if frac else "")
        scale = 1.0
        unit_word = (unit or "").lower()
        if unit_word in _SCALES:  # "$1.5 million": the amount is 1,500,000 dollars; the unit comes after
            scale = _SCALES[unit_word]
            after = _UNIT_AFTER_SCALE.match(text, m.end())
            unit = after.group(1) if after else None
        if currency:
            unit_key = currency
        elif unit:
            unit_key = "percent" if unit.replace(" ", "").lower() in {"%", "percent", "percent"} else unit.lower()
        else:
            continue
        if unit_key in _NUMBER_WORD_UNITS_SKIP or (len(whole) == 4 and not frac and 1800 <= int(whole) <= 2100):
            continue
        stems = content_tokens(unit_key) if unit_key.isalpha() else (unit_key,)
        if stems:
            bound = _bound_before(text[max(0, m.start() - 30) : m.start()])
            written = f"{value} {unit_word}" if scale != 1.0 else value
            unit_stem, per = _IN_MINUTES.get(stems[0], (stems[0], 1.0))  # "two hours" / "120 minutes"
            if per != 1.0:
                written = f"{written} {unit}"
            found.setdefault(unit_stem, []).append(Quantity(float(value) * scale * per, written, bound))
    return {unit: tuple(qs) for unit, qs in found.items()}


def _minutes(match: re.Match[str]) -> str:
    return f"{match.group(1)}{_DURATION_MINUTES[match.group(2).lower()]} minutes"


def _bound_before(prefix: str) -> str | None:
    m = _BOUND.search(prefix)
    return _BOUND_KIND[m.group(1).lower()] if m else None


def number_conflict(a: str, b: str) -> str | None:
    """Numbers of one unit that cannot be the same: none of one side's admits any of the other's ("about 200"
    admits 210, "more than 200" admits 250, "200" does not admit 210)."""
    qa, qb = _quantities(a), _quantities(b)
    for unit in sorted(qa.keys() & qb.keys()):
        if not any(x.admits(y) for x in qa[unit] for y in qb[unit]):
            left, right = sorted({q.written for q in qa[unit]}), sorted({q.written for q in qb[unit]})
            return f"{', '.join(left)} against {', '.join(right)} ({unit})"
    return None


@lru_cache(maxsize=SENTENCE_CACHE)
def _sentence_dates(text: str, published: str | None) -> tuple[str, ...]:
    return meeting_dates([text], published)


def date_conflict(a: Side, b: Side) -> tuple[str, int] | None:
    """The two sides' different dates for the meeting ("2024-10-19 against 2024-10-20"), and how many days
    apart they come at the closest, or None if they agree or either gives none."""
    da = set(_sentence_dates(a.sentence.text, a.published))
    db = set(_sentence_dates(b.sentence.text, b.published))
    if da and db:
        if da & db:
            return None
        apart = min(abs((date.fromisoformat(x) - date.fromisoformat(y)).days) for x in da for y in db)
        return f"{', '.join(sorted(da))} against {', '.join(sorted(db))}", apart
    # A side whose year cannot be told (no year written, no publication date) still names a month and a day.
    ma, mb = set(meeting_month_days(a.sentence.text)), set(meeting_month_days(b.sentence.text))
    if ma and mb and not (ma & mb):
        apart = min(_days_apart(x, y) for x in ma for y in mb)
        return f"{', '.join(_month_day(d) for d in sorted(ma))} against {', '.join(_month_day(d) for d in sorted(mb))}", apart
    return None


def _days_apart(month_day_a: str, month_day_b: str) -> int:
    """Days between two month-days, the shorter way round the year ('12-31' and '01-01' are one apart)."""
    days = abs((date.fromisoformat(f"2000-{month_day_a}") - date.fromisoformat(f"2000-{month_day_b}")).days)
    return min(days, 366 - days)


def _month_day(month_day: str) -> str:
    """'05-06' -> 'May 6'."""
    return f"{MONTH_NAMES[int(month_day[:2]) - 1]} {int(month_day[3:])}"


@lru_cache(maxsize=SENTENCE_CACHE)
def months_named(text: str) -> dict[str, set[str]]:
    """Months named without a day, by the word before them: {"in": {"January"}} for "take effect in January";
    "June 3" is a date (see date_conflict), and "May" with no preposition before it is the verb."""
    found: dict[str, set[str]] = {}
    for m in _MONTH_ONLY.finditer(text):
        month = m.group(2) + (f" {m.group(3)}" if m.group(3) else "")
        found.setdefault(m.group(1).lower(), set()).add(month)
    return found


_ORDINAL = re.compile(r"\b(?P<ordinal>" + "|".join(ORDINAL_WORDS) + r"|\d{1,3}(?:st|nd|rd|th))\s+"
                      r"(?P<what>[A-Za-z-]+(?:\s+[A-Za-z-]+){0,2})", re.IGNORECASE)


@lru_cache(maxsize=SENTENCE_CACHE)
def _ordinals(text: str, acronyms) -> tuple[tuple[int, str, frozenset[str]], ...]:
    """(value, as written, stems of the next three words) of each ordinal: "the second trilateral meeting"."""
    out = []
    for m in _ORDINAL.finditer(text):
        written = m.group("ordinal").lower()
        value = int(ORDINAL_WORDS.get(written) or written[:-2])
        out.append((value, m.group("ordinal"), frozenset(content_tokens(m.group("what"), acronyms))))
    return tuple(out)


def ordinal_conflict(a: str, b: str, acronyms=None) -> str | None:
    """Different ordinals of the same thing ("the second trilateral meeting" / "the first trilateral meeting"),
    like numbers of one unit."""
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
    return f"{', '.join(left[v] for v in sorted(left))} against {', '.join(right[v] for v in sorted(right))} ({things[0]})"


def month_conflict(a: str, b: str) -> str | None:
    """Different months after the same preposition ("in January" / "in April"), like numbers of one unit."""
    ma, mb = months_named(a), months_named(b)
    for preposition in sorted(ma.keys() & mb.keys()):
        left, right = ma[preposition], mb[preposition]
        if not (left & right):
            # A month with its year and the same month without one agree ("in January 2026" / "in January").
            if {m.split()[0] for m in left} & {m.split()[0] for m in right}:
                continue
            return f"{', '.join(sorted(left))} against {', '.join(sorted(right))}"
    return None


def _name_key(words: list[str], acronyms) -> str:
    """What a name in a slot stands for: place variants folded, and a capital read as its country."""
    phrase = " ".join(words)
    place = normalise_place(phrase)
    return normalise(country_of_capital(place) or place, acronyms) or phrase.casefold()


@lru_cache(maxsize=SENTENCE_CACHE)
def _name_words(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words with surrounding punctuation stripped, and the same lower-cased (once per sentence)."""
    words = tuple(w.strip(_PUNCT) for w in text.split())
    return words, tuple(w.lower() for w in words)


@lru_cache(maxsize=SENTENCE_CACHE)
def _capitalised_after_first(text: str) -> frozenset[str]:
    words, lower = _name_words(text)
    return frozenset(low for w, low in zip(words[1:], lower[1:]) if _CAPITALISED.match(w))


def name_conflict(a: str, b: str, acronyms) -> str | None:
    """A capitalised name in one sentence where the other has a different one, the wording around them alike."""
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
        if not all(_CAPITALISED.match(w) for w in left + right):
            continue
        key_left, key_right = _name_key(left, acronyms), _name_key(right, acronyms)
        if key_left == key_right or key_left in text_b or key_right in text_a:
            continue
        return f"{' '.join(left)} against {' '.join(right)}"
    return None


def extra_words(text: str, other_tokens: set[str], acronyms) -> list[str]:
    """Runs of words of `text` whose content the other sentence lacks, longest first."""
    runs: list[list[str]] = [[]]
    for word in text.split():
        stems = content_tokens(word, acronyms)
        if stems and not (set(stems) & other_tokens):
            runs[-1].append(word)
        elif stems:
            runs.append([])
        elif runs[-1]:
            runs[-1].append(word)
    cleaned = [" ".join(r).strip(",.;:") for r in runs if r]
    return sorted((r for r in cleaned if r), key=lambda r: (-len(r.split()), r))


def added_detail(text: str, own: set[str], other: set[str], acronyms) -> list[str]:
    """Runs of words that `text` adds to the other sentence, when they amount to a detail of the claim.

    A side adds detail when much of its content is missing from the other side and either the other side is
    (nearly) contained in it or what it adds names someone, something or a number. Two sentences that each
    word the claim their own way ("take effect" / "enter into force") add nothing: they agree.
    """
    extra, lacking = own - other, other - own
    if len(extra) < MIN_EXTRA_WORDS or len(extra) / max(len(own), 1) < PARTIAL_EXTRA_SHARE:
        return []
    runs = extra_words(text, other, acronyms)
    contained = len(lacking) / max(len(other), 1) <= CONTAINED_SHARE
    names = names_and_numbers(text)
    named = any(word.strip(_PUNCT) in names for run in runs for word in run.split())
    return runs if runs and (contained or named) else []


def names_and_numbers(text: str) -> set[str]:
    """Capitalised words past the first word, and numbers: what makes an added phrase a detail."""
    words = [w.strip(_PUNCT) for w in text.split()]
    return {w for i, w in enumerate(words) if w and (w[0].isdigit() or (i > 0 and w[0].isupper()))}


def judge_pair(a: Side, b: Side, score: float, acronyms=None) -> Verdict:
    """Relation of a's sentence to b's matched sentence, with a reason a person can read."""
    ta, tb = a.sentence.text, b.sentence.text
    ua, ub = uncertain_whether(ta), uncertain_whether(tb)
    if bool(ua) != bool(ub):
        unsure, sure = (a, b) if ua else (b, a)
        phrase = ua or ub
        return Verdict(
            Relation.CONTRADICT,
            f"certainty: {unsure.source} says “{phrase}” it happened, while {sure.source} reports it as fact: "
            f"{quote(sure.sentence.text)}",
        )
    tok_a, tok_b = set(content_tokens(ta, acronyms)), set(content_tokens(tb, acronyms))
    shared = tok_a & tok_b
    neg_a, neg_b = negated_words(ta, shared, acronyms), negated_words(tb, shared, acronyms)
    if bool(neg_a) != bool(neg_b):
        negating, affirming = (a, b) if neg_a else (b, a)
        # Both denying it ("did not discuss quotas" / "quotas were not talked about", "will not accept" / "would
        # oppose") is agreement.
        other_tokens = tok_b if negating is a else tok_a
        if not (negates_shared_clause(affirming.sentence.text, shared, acronyms)
                or denies_alike(negating.sentence.text, other_tokens, acronyms)):
            word = (neg_a or neg_b)[0]
            return Verdict(
                Relation.CONTRADICT,
                f"polarity: {negating.source} negates “{word}”, which {affirming.source} affirms",
            )
    numbers = number_conflict(ta, tb)
    if numbers:
        return Verdict(Relation.CONTRADICT, f"numbers: {a.source} says {numbers.replace(' against ', f', {b.source} says ', 1)}")
    months = month_conflict(ta, tb) if score >= MONTH_CONFLICT_MIN_SCORE else None
    if months:
        return Verdict(Relation.CONTRADICT, f"dates: {a.source} gives {months.replace(' against ', f', {b.source} gives ', 1)}")
    if score >= SLOT_CONFLICT_MIN_SCORE:
        dates = date_conflict(a, b)
        if dates:
            given, apart = dates
            given = given.replace(" against ", f", {b.source} gives ", 1)
            if apart <= DATE_SLACK_DAYS:  # "Friday in Washington" is Saturday in Tokyo
                return Verdict(Relation.PARTIAL, f"dates a day apart: {a.source} gives {given}; time zones can put one meeting on two dates")
            return Verdict(Relation.CONTRADICT, f"dates: {a.source} gives {given}")
        names = name_conflict(ta, tb, acronyms)
        if names:
            return Verdict(Relation.CONTRADICT, f"names: {a.source} names {names.replace(' against ', f' where {b.source} names ', 1)}")
        ordinal = ordinal_conflict(ta, tb, acronyms)
        if ordinal:
            return Verdict(Relation.CONTRADICT, f"numbers: {a.source} says {ordinal.replace(' against ', f', {b.source} says ', 1)}")
    ha, hb = soft_hedge(ta), soft_hedge(tb)
    if bool(ha) != bool(hb):
        hedging = a if ha else b
        return Verdict(Relation.PARTIAL, f"hedged: {hedging.source} only says it “{ha or hb}” be so; the other states it")
    oa, ob = unclear_detail(ta), unclear_detail(tb)
    if bool(oa) != bool(ob):
        open_side, other = (a, b) if oa else (b, a)
        return Verdict(
            Relation.PARTIAL, f"open detail: {open_side.source} says “{oa or ob}”; {other.source} leaves nothing open"
        )
    detail = [
        f"{side.source} adds “{runs[0]}”"
        for side, runs in ((a, added_detail(ta, tok_a, tok_b, acronyms)), (b, added_detail(tb, tok_b, tok_a, acronyms)))
        if runs
    ]
    if detail:
        return Verdict(Relation.PARTIAL, "partial: same claim; " + "; ".join(detail))
    common = sorted(sorted(shared), key=len, reverse=True)[:4]  # longest first, then alphabetical (sort is stable)
    return Verdict(Relation.AGREE, "agree: same claim" + (f" ({', '.join(common)})" if common else ""))


def omitted_reason(a: Side, other_source: str, best: Sentence | None, best_score: float, threshold: float) -> str:
    if best is None:
        return f"omitted: {other_source} has no sentence to compare"
    return (
        f"omitted: nothing in {other_source} states this; its closest sentence scores {best_score:.2f} "
        f"(a match needs {threshold:.2f}): {quote(best.text)}"
    )
