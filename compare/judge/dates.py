"""Dates of the meeting and months named without a day: the two sides' cannot both be right."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from compare.judge.text import SENTENCE_CACHE
from compare.judge.verdict import Clash, Side
from compare.lang.en.judging import MONTH_ONLY, REFERENCE_POINT
from compare.lang import LEXICON
from compare.metadata import meeting_dates, meeting_month_days, planned_month_days


@lru_cache(maxsize=SENTENCE_CACHE)
def _sentence_dates(text: str, published: str | None) -> tuple[str, ...]:
    return meeting_dates([_without_reference_points(text)], published)


@lru_cache(maxsize=SENTENCE_CACHE)
def _without_reference_points(text: str) -> str:
    """`text` without its phrases of a past point of reference ("since the invasion on February 24, 2022"): the date
    there is another event's."""
    return REFERENCE_POINT.sub(" ", text)


def date_conflict(a: Side, b: Side) -> Clash | None:
    """The two sides' different dates for the meeting ("2024-10-19" / "2024-10-20") and how many days apart they
    come at the closest, or None if they agree or either gives none."""
    da = set(_sentence_dates(a.sentence.text, a.published))
    db = set(_sentence_dates(b.sentence.text, b.published))
    if da and db:
        if da & db:
            return None
        apart = min(abs((date.fromisoformat(x) - date.fromisoformat(y)).days) for x in da for y in db)
        return Clash(tuple(sorted(da)), tuple(sorted(db)), days_apart=apart)
    # A side whose year cannot be told (no year written, no publication date) still names a month and a day.
    ma = set(meeting_month_days(_without_reference_points(a.sentence.text)))
    mb = set(meeting_month_days(_without_reference_points(b.sentence.text)))
    if not (ma and mb):
        # Two previews announcing one meeting for two different days cannot both be right either.
        ma = set(planned_month_days(_without_reference_points(a.sentence.text)))
        mb = set(planned_month_days(_without_reference_points(b.sentence.text)))
    if ma and mb and not (ma & mb):
        apart = min(_days_apart(x, y) for x in ma for y in mb)
        return Clash(tuple(_month_day(d) for d in sorted(ma)), tuple(_month_day(d) for d in sorted(mb)), days_apart=apart)
    return None


def _days_apart(month_day_a: str, month_day_b: str) -> int:
    """Days between two month-days, the shorter way round the year ('12-31' and '01-01' are one apart)."""
    days = abs((date.fromisoformat(f"2000-{month_day_a}") - date.fromisoformat(f"2000-{month_day_b}")).days)
    return min(days, 366 - days)


def _month_day(month_day: str) -> str:
    """'05-06' -> 'May 6'."""
    return f"{LEXICON.month_names[int(month_day[:2]) - 1]} {int(month_day[3:])}"


@lru_cache(maxsize=SENTENCE_CACHE)
def months_named(text: str) -> dict[str, set[str]]:
    """Months named without a day, by the word before them: {"in": {"January"}} for "take effect in January";
    "June 3" is a date (see date_conflict), and "May" with no preposition before it is the verb."""
    found: dict[str, set[str]] = {}
    for m in MONTH_ONLY.finditer(text):
        month = m.group(2) + (f" {m.group(3)}" if m.group(3) else "")
        found.setdefault(m.group(1).lower(), set()).add(month)
    return found


def month_conflict(a: str, b: str) -> Clash | None:
    """Different months after the same preposition ("in January" / "in April"), like numbers of one unit."""
    ma, mb = months_named(a), months_named(b)
    for preposition in sorted(ma.keys() & mb.keys()):
        left, right = ma[preposition], mb[preposition]
        if not (left & right):
            # A month with its year and the same month without one agree ("in January 2026" / "in January").
            if {m.split()[0] for m in left} & {m.split()[0] for m in right}:
                continue
            return Clash(tuple(sorted(left)), tuple(sorted(right)))
    return None

