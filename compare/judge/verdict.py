"""What the judge decides about a sentence (a typed Verdict), and the one function that words it as a reason."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from compare.facts import FactKind
from compare.models import Relation, Sentence


@dataclass(frozen=True, slots=True)
class Side:
    """One sentence with what judging needs to know about its source."""

    source: str
    sentence: Sentence
    published: str | None = None


class Kind(StrEnum):
    """What decided a verdict; every reason starts with it."""

    CERTAINTY = "certainty"
    POLARITY = "polarity"
    NUMBERS = "numbers"
    DATES = "dates"
    NAMES = "names"
    DATES_A_DAY_APART = "dates a day apart"
    HEDGED = "hedged"
    OPEN_DETAIL = "open detail"
    PARTIAL = "partial"
    AGREE = "agree"
    OMITTED = "omitted"
    # Conflicts of the event fact sheet (compare.facts): typed facts of two sources that cannot both be true,
    # whatever sentences carry them. Their names are the fact sheet's own kinds.
    DATE = FactKind.DATE.value
    WEEKDAY = FactKind.WEEKDAY.value
    TIME_OF_DAY = FactKind.TIME_OF_DAY.value
    DURATION = FactKind.DURATION.value
    PLACE = FactKind.PLACE.value
    PERSON = FactKind.PERSON.value
    COUNT = FactKind.COUNT.value
    ORDINAL = FactKind.ORDINAL.value

    @property
    def relation(self) -> Relation:
        """The relation a verdict of this kind gives: each kind belongs to exactly one."""
        return _RELATION_OF[self]

    @property
    def is_conflict(self) -> bool:
        """Whether this kind is a conflict between the two sentences (its verdict is a contradiction)."""
        return _RELATION_OF[self] is Relation.CONTRADICT


_RELATION_OF = {
    **dict.fromkeys((Kind.CERTAINTY, Kind.POLARITY, Kind.NUMBERS, Kind.DATES, Kind.NAMES), Relation.CONTRADICT),
    **dict.fromkeys((Kind.DATE, Kind.WEEKDAY, Kind.TIME_OF_DAY, Kind.DURATION, Kind.PLACE, Kind.PERSON, Kind.COUNT,
                     Kind.ORDINAL), Relation.CONTRADICT),
    **dict.fromkeys((Kind.DATES_A_DAY_APART, Kind.HEDGED, Kind.OPEN_DETAIL, Kind.PARTIAL), Relation.PARTIAL),
    Kind.AGREE: Relation.AGREE,
    Kind.OMITTED: Relation.OMITTED,
}
CONFLICT_KINDS = tuple(kind for kind in Kind if kind.is_conflict)


@dataclass(frozen=True, slots=True)
class Clash:
    """What the two sentences give for one thing, where the two cannot both be right."""

    values: tuple[str, ...]  # as the first sentence writes them
    other_values: tuple[str, ...]  # as the second writes them
    unit: str = ""  # numbers: the unit's stem, or the stem of what an ordinal counts
    days_apart: int = 0  # dates: how far apart the two come at the closest


@dataclass(frozen=True, slots=True)
class Verdict:
    """A sentence's relation to its counterpart, with what decided it; `reason` words it for a reader.

    Which fields a kind fills:
      certainty    source says `phrase` (the doubt); other reports it as fact in `quoted`
      polarity     source negates `phrase` (the word), which other affirms
      numbers      source gives `values`, other gives `other_values`, of `unit` (a unit, or the thing ordered)
      dates, dates a day apart, names   source gives `values`, other gives `other_values`
      hedged       source only says it `phrase` be so
      open detail  source says `phrase` (what it leaves open); other leaves nothing open
      partial      source states more of the claim than other, which states only part of it; `additions`:
                   (source, words it adds)
      agree        `shared`: the longest content words the two share; `additions`: (source, detail it adds
                   without changing the claim), either side
      omitted      nothing in other states it; `quoted` is other's closest sentence (scoring `score`, a match
                   needs `threshold`), or empty when other has no sentence
    """

    kind: Kind
    source: str = ""
    other: str = ""
    phrase: str = ""
    values: tuple[str, ...] = ()
    other_values: tuple[str, ...] = ()
    unit: str = ""
    quoted: str = ""
    additions: tuple[tuple[str, str], ...] = ()
    shared: tuple[str, ...] = ()
    score: float = 0.0
    threshold: float = 0.0

    @property
    def relation(self) -> Relation:
        return self.kind.relation

    @property
    def reason(self) -> str:
        return describe(self)

    def renamed(self, names: Mapping[str, str]) -> Verdict:
        """The same verdict with its sources renamed by `names` (`source`, `other` and the sources of
        `additions` are the fields that name one): the rules read the two sentences' texts and publication dates,
        never whose they are."""
        # Built field by field, not with dataclasses.replace: an event renames tens of thousands of verdicts.
        additions = tuple((names.get(source, source), words) for source, words in self.additions) if self.additions else ()
        return Verdict(self.kind, names.get(self.source, self.source), names.get(self.other, self.other), self.phrase,
                       self.values, self.other_values, self.unit, self.quoted, additions, self.shared, self.score,
                       self.threshold)


def quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return f"“{text if len(text) <= limit else text[: limit - 1] + '…'}”"


def _added(additions: tuple[tuple[str, str], ...]) -> str:
    """'b adds “in Naples”, “on Saturday”; a adds “…”': each source's additions together, in order."""
    by_source: dict[str, list[str]] = {}
    for source, words in additions:
        by_source.setdefault(source, []).append(f"“{words}”")
    return "; ".join(f"{source} adds {', '.join(words)}" for source, words in by_source.items())


def describe(v: Verdict) -> str:
    """The reason a person reads: the kind, then what decided it, naming the sources."""
    values, other_values = ", ".join(v.values), ", ".join(v.other_values)
    match v.kind:
        case Kind.CERTAINTY:
            said = f"{v.source} says “{v.phrase}” it happened, while {v.other} reports it as fact: {quote(v.quoted)}"
        case Kind.POLARITY:
            said = f"{v.source} negates “{v.phrase}”, which {v.other} affirms"
        case Kind.NUMBERS:
            said = f"{v.source} says {values}, {v.other} says {other_values} ({v.unit})"
        case Kind.DATES:
            said = f"{v.source} gives {values}, {v.other} gives {other_values}"
        case Kind.DATES_A_DAY_APART:
            said = f"{v.source} gives {values}, {v.other} gives {other_values}; time zones can put one meeting on two dates"
        case Kind.NAMES:
            said = f"{v.source} names {values} where {v.other} names {other_values}"
        case Kind.HEDGED:
            said = f"{v.source} only says it “{v.phrase}” be so; the other states it"
        case Kind.OPEN_DETAIL:
            said = f"{v.source} says “{v.phrase}”; {v.other} leaves nothing open"
        case Kind.PARTIAL:
            said = f"{v.other} states only part of the claim; " + _added(v.additions)
        case Kind.AGREE:
            said = "same claim" + (f" ({', '.join(v.shared)})" if v.shared else "")
            if v.additions:
                said += "; " + _added(v.additions)
        case Kind.OMITTED:
            if not v.quoted:
                said = f"{v.other} has no sentence to compare"
            else:
                said = (f"nothing in {v.other} states this; its closest sentence scores {v.score:.2f} "
                        f"(a match needs {v.threshold:.2f}): {quote(v.quoted)}")
    return f"{v.kind}: {said}"
