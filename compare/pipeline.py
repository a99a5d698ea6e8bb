"""The whole run, stage by stage, and the pure per-event step that an engine maps over events.

compare(paths) runs:
  1. read the sources (compare.sources)
  2. strip furniture and repeats, keeping what was dropped and why (compare.clean)
  3. split the body into sentences with exact offsets (compare.sentences)
  4. fill in metadata the text reveals: title, publication date, place (compare.metadata)
  5. set syndicated copies aside (compare.syndication) and group the other sources into events (compare.events)
  6. per event: align every source against every other and judge each sentence (compare_event)
  7. gather the records into a Comparison

Step 6 is a pure function of plain, picklable records (EventWork -> tuple of Finding), so it can run in this
process, in a process pool, or on a Dask cluster without change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from compare.align import (
    SCORE_BUDGET_BYTES,
    Counterpart,
    confirm_weak_matches,
    cross_counterparts,
    link_shared_phrases,
    matcher_for_event,
)
from compare.clean import clean
from compare.comparison import Comparison
from compare.config import AlignmentConfig, JudgingConfig
from compare.confidence import Evidence, confidence, uncalibrated
from compare.engine import map_ordered, run_one
from compare.events import EventDoc, group_events, one_event
from compare.events import preload as preload_grouping
from compare.facts import Fact, event_sheet, fact_conflicts, source_facts, with_fact_conflicts
from compare.judge import Side, judge_pair, omitted_verdict
from compare.metadata import credited_outlet, finer_date, meeting_dates, meeting_place, normalise_place
from compare.models import Dropped, Event, Finding, Sentence, Settings, Source, TooManySentences
from compare.printable import as_read
from compare.sentences import rough_count, split
from compare.syndication import find_copies
from compare.similarity import AcronymKey, acronym_key, acronyms_in, sentence_terms, uses_acronym


Progress = Callable[[Sequence, str], Iterable]


def _no_progress(items: Sequence, _label: str) -> Sequence:
    return items


@dataclass(frozen=True, slots=True)
class Prepared:
    """A source after stages 2-4: metadata filled in, its sentences and its dropped spans."""

    source: Source
    sentences: tuple[Sentence, ...]
    dropped: tuple[Dropped, ...]
    dates: tuple[str, ...]
    terms: tuple[str, ...]  # per sentence, compare.similarity.sentence_terms with the source's own acronyms
    acronyms: AcronymKey  # the acronyms the source itself defines, read once here
    facts: tuple[Fact, ...] = ()  # the typed facts it states (compare.facts)


@dataclass(frozen=True, slots=True)
class Member:
    """What the per-event step needs of one source."""

    source: str
    published: str | None
    sentences: tuple[Sentence, ...]
    terms: tuple[str, ...]  # as in Prepared
    acronyms: AcronymKey  # as in Prepared
    facts: tuple[Fact, ...] = ()  # as in Prepared

    @classmethod
    def of(cls, p: Prepared) -> Member:
        return cls(p.source.id, p.source.published, p.sentences, p.terms, p.acronyms, p.facts)


@dataclass(frozen=True, slots=True)
class EventWork:
    """Everything the per-event step needs: plain records only, safe to pickle and ship to a worker."""

    event: Event
    members: tuple[Member, ...]
    matcher: str
    threshold: float | None
    alignment: AlignmentConfig = AlignmentConfig()
    judging: JudgingConfig = JudgingConfig()


# A source far over the sentence limit is refused before it is cleaned and split (minutes for a 20 MB page): a
# text longer than ROUGH_COUNT_CHARS characters a sentence allowed has its sentences counted roughly first
# (compare.sentences.rough_count), and is refused when that count is over ROUGH_COUNT_MARGIN times the limit
# (cleaning drops furniture, so the rough count may run somewhat high). The exact count is checked after splitting.
ROUGH_COUNT_CHARS = 40
ROUGH_COUNT_MARGIN = 2


def prepare(source: Source, max_sentences: int | None = None) -> Prepared:
    """Stages 2-4 for one source; a source of more than `max_sentences` sentences stops the run here, before
    any of it is compared."""
    if max_sentences is not None and len(source.text) > ROUGH_COUNT_CHARS * max_sentences:
        rough = rough_count(source.text)
        if rough > ROUGH_COUNT_MARGIN * max_sentences:
            raise _too_many_sentences(source, f"about {rough:,}", rough, max_sentences)
    cleaned = clean(source)
    sentences, dropped = split(source, cleaned)
    if max_sentences is not None and len(sentences) > max_sentences:
        raise _too_many_sentences(source, f"{len(sentences):,}", len(sentences), max_sentences)
    texts = [s.text for s in sentences]
    published = finer_date(source.published, cleaned.published)  # a stamp in the text can narrow a month
    place = source.place or cleaned.dateline_place or meeting_place(texts)
    credited = None if source.outlet else credited_outlet(source.text)  # the raw text: cleaning drops credits
    source = replace(
        source,
        title=source.title or cleaned.title,
        published=published,
        place=normalise_place(place) if place else None,
        outlet=source.outlet or credited,
        outlet_from="credit line" if credited else source.outlet_from,
    )
    own = acronym_key(acronyms_in(" ".join(texts)))
    terms = tuple(sentence_terms(text, own) for text in texts)  # read once here, where sources run in parallel
    facts = source_facts(source, sentences, published)
    # A dateline's date dates the news at its place: the meeting's date when the text states none itself.
    dates = meeting_dates(texts, published) or ((cleaned.dateline_date,) if cleaned.dateline_date else ())
    return Prepared(source, sentences, dropped, tuple(dates), terms, own, facts)


def _too_many_sentences(source: Source, shown: str, count: int, limit: int) -> TooManySentences:
    return TooManySentences(
        f"{source.id} has {shown} sentences, over the limit of {limit:,} per source; pass --max-sentences {count} "
        "to compare it anyway (time grows with the product of two sources' sentences), or split it"
    )


def event_doc(p: Prepared) -> EventDoc:
    return EventDoc(
        source=p.source.id,
        published=p.source.published,
        place=p.source.place,
        dates=p.dates,
        # The headline names who met, often in fewer words than any sentence: it counts as the first line.
        text="\n".join([p.source.title, *(s.text for s in p.sentences)] if p.source.title else
                       [s.text for s in p.sentences]),
        label=p.source.event_label,
    )


def event_acronyms(members: Sequence[Member]) -> dict[str, str]:
    """Acronyms defined anywhere in the event; a definition in one outlet helps read the others."""
    found: dict[str, str] = {}
    for member in members:
        for key, expansion in member.acronyms:  # sorted by key
            found.setdefault(key, expansion)
    return found


def event_terms(members: Sequence[Member], acronyms: Mapping[str, str]) -> dict[str, str]:
    """Text -> sentence_terms of every sentence of the event, as read with the event's acronyms.

    A member's terms were worked out with its own acronyms; they stand unless the sentence uses an acronym that
    the event reads otherwise (one another outlet defined), and only such sentences are read again.
    """
    out: dict[str, str] = {}
    for member in members:
        own = dict(member.acronyms)
        differ = {key: long for key, long in acronyms.items() if own.get(key) != long}
        for sentence, terms in zip(member.sentences, member.terms):
            if differ and uses_acronym(sentence.text, differ):
                terms = sentence_terms(sentence.text, acronyms)
            out.setdefault(sentence.text, terms)
    return out


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every member of an event against every other: per ordered pair of members, each sentence's counterpart."""

    threshold: float
    pairs: tuple[tuple[Member, Member, tuple[Counterpart, ...]], ...]


def align_members(
    members: Sequence[Member],
    matcher_name: str,
    threshold: float | None,
    acronyms: Mapping[str, str],
    *,
    budget: int = SCORE_BUDGET_BYTES,
    config: AlignmentConfig = AlignmentConfig(),
) -> Alignment:
    """The alignment stage of one event: every sentence against the sentences of the other members, in blocks
    of at most `budget` bytes (compare.align.cross_counterparts); a member is never scored against itself."""
    terms = event_terms(members, acronyms)
    matcher = matcher_for_event(matcher_name, [terms[s.text] for m in members for s in m.sentences], len(members))
    threshold = matcher.threshold if threshold is None else threshold
    groups = [m.sentences for m in members]
    found = cross_counterparts(groups, matcher, acronyms, terms, threshold, budget=budget,
                               mutual_floor=config.mutual_best_floor)
    found = confirm_weak_matches(groups, found, matcher, terms, acronyms, threshold, config.weak_match_word_weight)
    found = link_shared_phrases(groups, found, matcher, terms, acronyms, config.shared_phrase_words,
                                config.weak_match_word_weight)
    pairs = tuple(
        (a, b, found[i, j]) for i, a in enumerate(members) for j, b in enumerate(members) if a.source != b.source
    )
    return Alignment(threshold, pairs)


def _as_read(sentence: Sentence) -> Sentence:
    """The sentence as the judge reads it: without invisible formatting characters (compare.printable.as_read);
    its id and offsets, which findings carry, are the sentence's own."""
    text = as_read(sentence.text)
    return sentence if text is sentence.text else replace(sentence, text=text)


def compare_event(work: EventWork) -> tuple[Finding, ...]:
    """Every sentence of every member judged against every other member: exactly one Finding each, scored by
    how sure it is (compare.confidence); two members' facts that cannot both be true make a contradiction
    whatever sentences carry them (compare.facts)."""
    findings = tuple(finding for finding, _evidence in event_evidence(work, confidence))
    return with_fact_conflicts(findings, event_fact_conflicts(work.members))


def event_fact_conflicts(members: Sequence[Member]):
    """The conflicts of one event's fact sheet; a place counts as mentioned when any sentence names it."""
    sentences = {m.source: [s.text for s in m.sentences] for m in members}
    return fact_conflicts(event_sheet({m.source: m.facts for m in members}, sentences))


def event_evidence(
    work: EventWork, score: Callable[[Evidence], float] = uncalibrated
) -> list[tuple[Finding, Evidence]]:
    """The findings of one event, each with the evidence its score is computed from by `score` (the matcher's
    own probability unless told otherwise; bench/calibrate.py fits compare.confidence on exactly these)."""
    acronyms = event_acronyms(work.members)
    alignment = align_members(work.members, work.matcher, work.threshold, acronyms, config=work.alignment)
    threshold = alignment.threshold
    frozen = acronym_key(acronyms)  # the judge asks about many words: convert once
    judged: dict = {}  # the event's verdicts by pair of texts (compare.judge.judge_pair)
    out: list[tuple[Finding, Evidence]] = []
    for a, b, found in alignment.pairs:
        by_id = {s.id: s for s in b.sentences}
        for sentence, cp in zip(a.sentences, found):
            side = Side(a.source, _as_read(sentence), a.published)
            best = by_id.get(cp.best_id) if cp.best_id is not None else None
            if cp.matched and best is not None:
                verdict = judge_pair(side, Side(b.source, _as_read(best), b.published), cp.score, frozen, work.judging,
                                     judged=judged)
                other_id = best.id
            else:
                verdict = omitted_verdict(side, b.source, best, cp.score, threshold)
                other_id = None
            evidence = Evidence(verdict.kind, cp.score, cp.mutual)
            finding = Finding(work.event.id, a.source, sentence.id, b.source, other_id, verdict.relation,
                              score(evidence), verdict.reason, verdict.kind, verdict.additions)
            out.append((finding, evidence))
    return out


def event_works(events: Iterable[Event], prepared: Sequence[Prepared], settings: Settings) -> list[EventWork]:
    by_id = {p.source.id: p for p in prepared}
    works = []
    for event in events:
        members = tuple(
            Member.of(by_id[sid]) for sid in event.sources
        )
        works.append(EventWork(event, members, settings.matcher, settings.match_threshold, settings.alignment,
                               settings.judging))
    return works


def assemble(
    prepared: Sequence[Prepared],
    events: Sequence[Event],
    results: Iterable[tuple[Finding, ...]],
    warnings=(),
    copies: dict[str, str] | None = None,
) -> Comparison:
    """Stage 7: one Comparison with records in a stable order. The facts are those of the events' sources
    (a syndicated copy is in no event: it is compared, and its facts lined up, as its origin)."""
    ordered = sorted(prepared, key=lambda p: p.source.id)
    placed = {source_id for event in events for source_id in event.sources}
    findings = sorted(
        (f for group in results for f in group),
        key=lambda f: (f.event, f.source, f.sentence_id, f.other_source),
    )
    return Comparison(
        sources=tuple(p.source for p in ordered),
        events=tuple(events),
        sentence_records=tuple(s for p in ordered for s in p.sentences),
        dropped_records=tuple(d for p in ordered for d in p.dropped),
        finding_records=tuple(findings),
        fact_records=tuple(f for p in ordered if p.source.id in placed for f in p.facts),
        warnings=tuple(warnings),
        copies=tuple(sorted((copies or {}).items())),
    )


def compare_sources(
    sources: Sequence[Source],
    settings: Settings | None = None,
    *,
    warnings: Sequence[str] = (),
    progress: Progress | None = None,
) -> Comparison:
    """Stages 2-7 on sources already read (stage 1 is compare.sources.load_sources).

    `progress`, when given, wraps the stage loops (e.g. a tqdm bar); the library itself never prints.
    """
    settings = settings or Settings()
    progress = progress or _no_progress
    # 2.-4. clean, split, fill metadata
    # Grouping needs scikit-learn, about a second to import: done while the workers read the sources.
    read = partial(prepare, max_sentences=settings.max_sentences)
    prepared = map_ordered(read, progress(sources, "reading"), settings, meanwhile=preload_grouping)
    # 5. copies aside, events from the rest: a reprint is one outlet's story, not a second outlet agreeing
    copies = find_copies([p.source for p in prepared])
    originals = [p for p in prepared if p.source.id not in copies]
    # the analyst's --one-event skips grouping; partial() keeps the step picklable for a cluster
    grouping = partial(one_event if settings.one_event else group_events, config=settings.grouping)
    events = run_one(grouping, [event_doc(p) for p in originals], settings)
    # 6. per-event comparison
    works = event_works(events, originals, settings)
    results = map_ordered(compare_event, works, settings)
    # 7. assemble
    lone = [f"{e.sources[0]} is the only source of event {e.id}: nothing to compare it with" for e in events if len(e.sources) == 1]
    return assemble(prepared, events, results, [*warnings, *without_sentences(prepared), *lone], copies)


def without_sentences(prepared: Iterable[Prepared]) -> list[str]:
    """A warning for each source left with no sentence, saying what its lines were dropped as."""
    notes = []
    for p in prepared:
        if p.sentences:
            continue
        reasons: dict[str, int] = {}
        for dropped in p.dropped:
            reasons[dropped.reason] = reasons.get(dropped.reason, 0) + 1
        why = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items())) or "no text"
        notes.append(
            f"{p.source.id} has no sentence to compare: every line was set aside ({why}); see its dropped lines "
            f"in report.json, or save its article text as .txt"
        )
    return notes


def compare_pair(a: Source, b: Source, settings: Settings | None = None, *, warnings: Sequence[str] = ()) -> Comparison:
    """Two sources compared as one event, whatever the grouping says; a warning says when they look apart."""
    settings = settings or Settings()
    prepared = [prepare(a, settings.max_sentences), prepare(b, settings.max_sentences)]
    grouped = group_events([event_doc(p) for p in prepared], settings.grouping)
    notes = [*warnings, *without_sentences(prepared)]
    if len(grouped) == 1:
        event = grouped[0]
    else:
        notes.append(
            f"{a.id} and {b.id} look like reports of different events ({', '.join(e.id for e in grouped)}); "
            "most of their sentences will show as omitted"
        )
        first = grouped[0]
        event = Event(f"{a.id}-vs-{b.id}", first.date, first.place, tuple(sorted((a.id, b.id))))
    works = event_works([event], prepared, settings)
    return assemble(prepared, [event], map_ordered(compare_event, works, settings), notes)
