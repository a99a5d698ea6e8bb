"""The claim matrix: what each source of an event says about each claim.

A claim is a set of sentences from the sources of one event: the sentences joined by `agree` or `partial`
findings (transitively) form a *position*; positions joined by `contradict` findings form one claim. In each
claim the leading position is the one stated without hedging by the most sources; every source then gets one
cell per claim:

- `asserted`      its sentence states the leading position (agreed by another source, or said by it alone);
- `partial`       its sentence states part of the leading position, or more of it (linked only by `partial`);
- `contradicted`  its sentence contradicts the leading position;
- `hedged`        its sentence speaks of the claim with uncertainty ("it was not made clear whether ...");
- `not mentioned` no sentence of the source belongs to the claim.

Detail that one source adds to an agreed claim without changing it ("in Naples", "on Saturday", as the judge names
it in an `agree` reason), or the more of the claim a `partial` finding names, is a claim of its own, of kind
`added detail`, right after the claim it adds to: asserted by the sources that add it or state it in any sentence,
not mentioned by the rest (a detail every source states is left out: it is wording of the claim).

Claims are sorted: contradictions first, then the claims most sources leave out, then by where the claim first
appears (source order, sentence id), so the order is stable from run to run; each claim's added details follow it
in the order they first appear.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from compare.index import ResultIndex, relation_value
from compare.judge import hedge
from compare.models import Event, Finding
from compare.similarity import content_tokens


class Cell(StrEnum):
    """What a source says about a claim."""

    ASSERTED = "asserted"
    PARTIAL = "partial"
    CONTRADICTED = "contradicted"
    HEDGED = "hedged"
    NOT_MENTIONED = "not mentioned"


class Kind(StrEnum):
    """What kind of claim it is, for sorting and colouring."""

    CONTRADICTION = "contradiction"
    SHARED = "shared"
    SINGLE = "single source"
    DETAIL = "added detail"


# When a source has several sentences in one claim, the cell shows the most telling state.
_CELL_PRIORITY = (Cell.CONTRADICTED, Cell.HEDGED, Cell.ASSERTED, Cell.PARTIAL)


def is_hedged(text: str) -> bool:
    """True when a sentence leaves its claim open or only reports it: the judge's hedge detector, so a sentence is
    hedged here exactly when the judge weighs it as uncertain."""
    return hedge(text) is not None


@dataclass(frozen=True, slots=True)
class Claim:
    """One row of the claim matrix, with the evidence the HTML and Markdown reports link to."""

    event: str
    number: int  # 1, 2, ... within the event, in sorted order
    kind: Kind
    text: str  # the leading position's first sentence
    cells: tuple[tuple[str, Cell], ...]  # (source id, cell) for every source of the event, in event order
    sentences: tuple[tuple[str, int], ...]  # (source id, sentence id) of every sentence in the claim
    contradictions: tuple[Finding, ...]  # the contradict findings inside the claim (one per unordered pair)
    detail_of: int | None = None  # added detail: the number of the claim it adds to

    def cell(self, source_id: str) -> Cell:
        return dict(self.cells)[source_id]

    @property
    def mentioned_by(self) -> int:
        return sum(1 for _, cell in self.cells if cell != Cell.NOT_MENTIONED)

    def sentence_refs(self) -> str:
        """'source#id source#id ...' for tables and CSV."""
        return " ".join(f"{source}#{sid}" for source, sid in self.sentences)


def _against(leading: int, opposed: dict[int, set[int]]) -> set[int]:
    """The positions on the other side from `leading`: those that contradict it, or contradict a position on its
    side. A position that only contradicts what contradicts the leading one is on its side: when one source
    misnames a minister, the sources that name him rightly are not against each other, even unlinked. A
    position found on both sides counts as against."""
    side = {leading: 0}
    queue = [leading]
    against: set[int] = set()
    while queue:
        position = queue.pop()
        for other in sorted(opposed.get(position, ())):
            wanted = 1 - side[position]
            if other not in side:
                side[other] = wanted
                queue.append(other)
            elif side[other] != wanted:
                against.add(other)
    return ({p for p, s in side.items() if s == 1} | against) - {leading}


def _root(parent: list[int], i: int) -> int:
    """The root of i's set (path halving). Every union makes the smaller index the root, so a set's root is
    always its earliest node, whatever order the unions came in: groups are named the same way on every run."""
    while parent[i] != i:
        parent[i] = i = parent[parent[i]]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _root(parent, a), _root(parent, b)
    if ra < rb:
        parent[rb] = ra
    elif rb < ra:
        parent[ra] = rb


def _groups(parent: list[int]) -> dict[int, list[int]]:
    """Root -> the indexes of its set in order; roots in order of their set's earliest node."""
    out: dict[int, list[int]] = {}
    for i in range(len(parent)):
        out.setdefault(_root(parent, i), []).append(i)
    return out


def event_claims(index: ResultIndex, event: Event) -> list[Claim]:
    """The claims of one event, sorted (contradictions, then most often left out, then first appearance)."""
    return claims_by_event(index, events=(event,))[event.id]


def claims_by_event(index: ResultIndex, events: Iterable[Event] | None = None) -> dict[str, list[Claim]]:
    """Event id -> its claims, for every event of the indexed result (or the `events` given)."""
    sentences, keys_by_source, grouped = index.sentences, index.keys_by_source, index.findings_by_event
    return {
        event.id: _event_claims(event, sentences, keys_by_source, grouped.get(event.id, []))
        for event in (index.result.events if events is None else events)
    }


def all_claims(index: ResultIndex) -> list[Claim]:
    """Claims of every event, events in the result's order."""
    return [claim for claims in claims_by_event(index).values() for claim in claims]


def _event_claims(event: Event, sentences, keys_by_source, findings) -> list[Claim]:
    # Sentences are numbered in event order (source order, then sentence id); that number is also what ties
    # are broken on, so the claims come out the same whatever order the findings were produced in.
    members = list(event.sources)
    nodes = [key for source in dict.fromkeys(members) for key in keys_by_source.get(source, [])]
    node_rank = {node: i for i, node in enumerate(nodes)}
    size = len(nodes)
    positions = list(range(size))  # union-find parents: agree / partial links
    claims = list(range(size))  # agree / partial / contradict links
    agreed = [False] * size  # linked by an `agree` finding
    linked = [False] * size  # linked by `agree` or `partial`
    contradictions: dict[tuple[int, int], Finding] = {}
    for f in findings:  # report order: the first direction of a pair is the one shown
        if f.other_sentence_id is None:
            continue
        a = node_rank.get((f.source, f.sentence_id))
        b = node_rank.get((f.other_source, f.other_sentence_id))
        if a is None or b is None:
            continue
        relation = relation_value(f.relation)
        if relation in ("agree", "partial"):
            _union(positions, a, b)
            _union(claims, a, b)
            linked[a] = linked[b] = True
            if relation == "agree":
                agreed[a] = agreed[b] = True
        elif relation == "contradict":
            _union(claims, a, b)
            contradictions.setdefault((a, b) if a <= b else (b, a), f)

    hedged = [is_hedged(sentences[node].text) for node in nodes]
    positions_of: dict[int, list[list[int]]] = {}
    for position in _groups(positions).values():
        positions_of.setdefault(_root(claims, position[0]), []).append(position)
    contradictions_of: dict[int, list[Finding]] = {}
    for pair, f in sorted(contradictions.items(), key=lambda kv: kv[0][0]):
        contradictions_of.setdefault(_root(claims, pair[0]), []).append(f)

    def leading_key(position):
        plain = any(not hedged[n] for n in position)
        return (0 if plain else 1, -len({nodes[n][0] for n in position}), position[0])

    opposed: dict[int, set[int]] = {}  # position (its root) -> the positions it contradicts
    for a, b in contradictions:
        pa, pb = _root(positions, a), _root(positions, b)
        opposed.setdefault(pa, set()).add(pb)
        opposed.setdefault(pb, set()).add(pa)

    built = []
    for root, group in _groups(claims).items():
        leading = min(positions_of[root], key=leading_key)
        against = _against(_root(positions, leading[0]), opposed)
        states: dict[str, set[Cell]] = {}
        for n in group:
            if hedged[n]:
                state = Cell.HEDGED
            elif _root(positions, n) in against:
                state = Cell.CONTRADICTED
            elif agreed[n] or not linked[n]:
                state = Cell.ASSERTED
            else:
                state = Cell.PARTIAL
            states.setdefault(nodes[n][0], set()).add(state)
        cells = tuple(
            (source, next((s for s in _CELL_PRIORITY if s in states[source]), Cell.NOT_MENTIONED))
            if source in states
            else (source, Cell.NOT_MENTIONED)
            for source in members
        )
        inner = tuple(contradictions_of.get(root, ()))
        mentioned = len(states)
        kind = Kind.CONTRADICTION if inner else (Kind.SHARED if mentioned > 1 else Kind.SINGLE)
        representative = next((n for n in leading if not hedged[n]), leading[0])
        built.append(
            (
                (0 if inner else 1, -(len(members) - mentioned), group[0], -1),
                kind,
                sentences[nodes[representative]].text,
                cells,
                tuple(nodes[n] for n in group),
                inner,
            )
        )
    order = {item[4][0]: item[0] for item in built}  # a claim's first sentence -> its sort key
    for parent_first, rank, text, cells, refs in _added_details(nodes, node_rank, members, sentences, findings,
                                                                  claims):
        built.append(((*order[parent_first][:3], rank), Kind.DETAIL, text, cells, refs, (), parent_first))
    built.sort(key=lambda item: item[0])
    number_of = {item[4][0]: number for number, item in enumerate(built, start=1) if item[1] is not Kind.DETAIL}
    return [
        Claim(event.id, number, kind, text, cells, group, inner, number_of[rest[0]] if rest else None)
        for number, (_, kind, text, cells, group, inner, *rest) in enumerate(built, start=1)
    ]


def _added_details(nodes, node_rank, members, sentences, findings, claims):
    """(the first sentence of the claim it adds to, its rank there, text, cells, sentence refs) of each detail the
    `agree` and `partial` findings name, once per claim and content: a detail several sources add is one claim."""
    details: dict[tuple[int, frozenset[str]], list] = {}
    for f in findings:
        if not f.additions or relation_value(f.relation) not in ("agree", "partial"):
            continue
        for source, words in f.additions:
            sid = f.sentence_id if source == f.source else f.other_sentence_id
            node = node_rank.get((source, sid))
            stems = frozenset(content_tokens(words))
            if node is None or not stems:
                continue
            key = (_root(claims, node), stems)
            if key not in details:
                details[key] = [words, {}]
            details[key][1].setdefault(source, (source, sid))
    # A detail inside a longer one the same claim names (the same phrase read against two sources) is that one.
    for root, stems in list(details):
        if any(r == root and stems < other for r, other in details):
            del details[(root, stems)]
    if not details:
        return []
    first_of: dict[int, int] = {}
    for n in range(len(nodes)):
        first_of.setdefault(_root(claims, n), n)
    by_source: dict[str, list] = {}
    for node in nodes:
        by_source.setdefault(node[0], []).append(node)
    tokens_of: dict[tuple[str, int], frozenset[str]] = {}
    out = []
    for rank, ((root, stems), (words, adding)) in enumerate(details.items()):
        refs = dict(adding)
        for source in members:  # a source that states the detail anywhere states it too
            if source in refs:
                continue
            for key in by_source.get(source, ()):
                if key not in tokens_of:
                    tokens_of[key] = frozenset(content_tokens(sentences[key].text))
                if stems <= tokens_of[key]:
                    refs[source] = key
                    break
        if len(refs) == len(set(members)):
            continue  # every source states it: wording of the claim, not a detail one of them adds
        cells = tuple((source, Cell.ASSERTED if source in refs else Cell.NOT_MENTIONED) for source in members)
        ordered = tuple(sorted(refs.values(), key=node_rank.__getitem__))
        out.append((nodes[first_of[root]], rank, words, cells, ordered))
    return out
