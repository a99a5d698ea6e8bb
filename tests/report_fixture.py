"""A small, realistic Comparison built by hand for the report tests (no pipeline involved).

Event "naples" has three sources; every sentence has exactly one finding against each other source, and all
four relations occur. One source is hostile: its title and text carry a <script> element and one of its
sentences starts like a spreadsheet formula. Event "singapore" has a single source.
"""

from __future__ import annotations

import dataclasses
import random

from compare.claims import Claim, claims_by_event
from compare.comparison import Comparison
from compare.index import ResultIndex
from compare.models import Dropped, Event, Finding, Relation, Sentence, Source

ALPHA_TEXT = (
    "Ministers Meet in Naples\n"
    "NAPLES, Italy — The defense ministers agreed to strengthen the alliance. "
    "It was not made clear whether the talks touched on the status of forces agreement. "
    "The meeting lasted 90 minutes.\n"
    "Share this article\n"
)
BRAVO_TEXT = (
    "The two defense ministers agreed on Saturday to strengthen the alliance and its deterrence. "
    "The talks addressed the status of forces agreement. "
    "Both sides will hold a follow-up meeting in December.\n"
)
CHARLIE_TEXT = (
    "<script>alert(1)</script> Naples talks\n"
    "The defense ministers agreed to strengthen the alliance. "
    "<script>alert(1)</script> appeared in the page as text. "
    "The meeting lasted 60 minutes. "
    '=HYPERLINK("http://example.invalid/x","click here") was quoted by a reader.\n'
)
DELTA_TEXT = "SINGAPORE: The ministers met at the Shangri-La Dialogue on Sunday.\n"

ALPHA_SENTENCES = (
    "The defense ministers agreed to strengthen the alliance.",
    "It was not made clear whether the talks touched on the status of forces agreement.",
    "The meeting lasted 90 minutes.",
)
BRAVO_SENTENCES = (
    "The two defense ministers agreed on Saturday to strengthen the alliance and its deterrence.",
    "The talks addressed the status of forces agreement.",
    "Both sides will hold a follow-up meeting in December.",
)
CHARLIE_SENTENCES = (
    "The defense ministers agreed to strengthen the alliance.",
    "<script>alert(1)</script> appeared in the page as text.",
    "The meeting lasted 60 minutes.",
    '=HYPERLINK("http://example.invalid/x","click here") was quoted by a reader.',
)
DELTA_SENTENCES = ("The ministers met at the Shangri-La Dialogue on Sunday.",)

SOFA_REASON = "certainty: one says it was not made clear whether the talks touched on it, the other that they did"
MINUTES_REASON = "numbers differ: 90 minutes vs 60 minutes"


def _sentences(source: str, text: str, parts: tuple[str, ...]) -> tuple[Sentence, ...]:
    out, cursor = [], 0
    for i, part in enumerate(parts):
        start = text.index(part, cursor)
        out.append(Sentence(source, i, start, start + len(part), part))
        cursor = start + len(part)
    return tuple(out)


def _dropped(source: str, text: str, part: str, reason: str) -> Dropped:
    start = text.index(part)
    return Dropped(source, start, start + len(part), part, reason)


def _pair(event, a, ai, b, bi, relation, score, reason, kind):
    """Both directions of one judged sentence pair."""
    return [
        Finding(event, a, ai, b, bi, relation, score, reason, kind),
        Finding(event, b, bi, a, ai, relation, score, reason, kind),
    ]


def _omitted(event, a, ai, b, reason="no counterpart"):
    return Finding(event, a, ai, b, None, Relation.OMITTED, 0.0, f"{reason} in {b}", "omitted")


def make_comparison() -> Comparison:
    sources = (
        Source("alpha", "in/alpha.txt", ALPHA_TEXT, title="Ministers Meet in Naples", published="2024-10-20",
               place="Naples", outlet="Alpha Daily", encoding="utf-8"),
        Source("bravo", "in/bravo.txt", BRAVO_TEXT, title=None, published=None, place=None, encoding="utf-8"),
        Source("charlie", "in/charlie.html", CHARLIE_TEXT, title="<script>alert(1)</script> Naples talks",
               published="2024-10-19", place="Napoli", outlet="Charlie & Sons <b>News</b>",
               url="javascript:alert(1)", encoding="windows-1252", text_is_file=False),
        Source("delta", "in/delta.txt", DELTA_TEXT, published="2024-06-02", place="Singapore", encoding="utf-8"),
    )
    sentences = (
        _sentences("alpha", ALPHA_TEXT, ALPHA_SENTENCES)
        + _sentences("bravo", BRAVO_TEXT, BRAVO_SENTENCES)
        + _sentences("charlie", CHARLIE_TEXT, CHARLIE_SENTENCES)
        + _sentences("delta", DELTA_TEXT, DELTA_SENTENCES)
    )
    dropped = (
        _dropped("alpha", ALPHA_TEXT, "Ministers Meet in Naples", "title"),
        _dropped("alpha", ALPHA_TEXT, "NAPLES, Italy —", "dateline"),
        _dropped("alpha", ALPHA_TEXT, "Share this article", "boilerplate"),
        _dropped("charlie", CHARLIE_TEXT, "<script>alert(1)</script> Naples talks", "title"),
        _dropped("delta", DELTA_TEXT, "SINGAPORE:", "dateline"),
    )
    ev = "naples"
    findings = [
        *_pair(ev, "alpha", 0, "bravo", 0, Relation.PARTIAL, 81.5, "same claim; bravo adds: Saturday, deterrence", "partial"),
        *_pair(ev, "alpha", 0, "charlie", 0, Relation.AGREE, 100.0, "same claim", "agree"),
        *_pair(ev, "bravo", 0, "charlie", 0, Relation.PARTIAL, 80.2, "same claim; bravo adds: Saturday, deterrence", "partial"),
        *_pair(ev, "alpha", 1, "bravo", 1, Relation.CONTRADICT, 77.0, SOFA_REASON, "certainty"),
        *_pair(ev, "alpha", 2, "charlie", 2, Relation.CONTRADICT, 93.3, MINUTES_REASON, "numbers"),
        _omitted(ev, "alpha", 1, "charlie"),
        _omitted(ev, "bravo", 1, "charlie"),
        _omitted(ev, "alpha", 2, "bravo"),
        _omitted(ev, "charlie", 2, "bravo"),
        _omitted(ev, "bravo", 2, "alpha"),
        _omitted(ev, "bravo", 2, "charlie"),
        _omitted(ev, "charlie", 1, "alpha"),
        _omitted(ev, "charlie", 1, "bravo"),
        _omitted(ev, "charlie", 3, "alpha"),
        _omitted(ev, "charlie", 3, "bravo"),
    ]
    events = (
        Event("naples", "2024-10-19", "Naples", ("alpha", "bravo", "charlie")),
        Event("singapore", "2024-06-02", "Singapore", ("delta",)),
    )
    # Shuffle the record order the way a parallel pipeline might: reports must not depend on it.
    return Comparison(
        sources=sources,
        events=events,
        sentence_records=tuple(reversed(sentences)),
        dropped_records=tuple(reversed(dropped)),
        finding_records=tuple(reversed(findings)),
        warnings=("delta: only one source reports this event; nothing to compare it with",),
    )


def index_and_claims(c: Comparison) -> tuple[ResultIndex, dict[str, list[Claim]]]:
    """What a renderer that shows claims is handed: the result's index and its claims by event."""
    index = ResultIndex(c)
    return index, claims_by_event(index)


def shuffled(c: Comparison, seed: int) -> Comparison:
    rng = random.Random(seed)

    def mix(records):
        records = list(records)
        rng.shuffle(records)
        return tuple(records)

    return dataclasses.replace(
        c,
        sentence_records=mix(c.sentence_records),
        dropped_records=mix(c.dropped_records),
        finding_records=mix(c.finding_records),
    )
