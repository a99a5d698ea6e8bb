"""Grouping sources into events: seeds, small synthetic meetings, and a corpus of thousands."""

from __future__ import annotations

import dataclasses
import json
import pickle
import random
import re
from datetime import date, timedelta
from pathlib import Path


from compare.events import EventDoc, group_events
from compare.metadata import meeting_dates, meeting_place, parse_date_line

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
if not SEEDS.is_dir():
    SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
GOLD = Path(__file__).resolve().parent / "gold_seeds.json"


def crude_doc(source: str, text: str) -> EventDoc:
    """An EventDoc from raw text with a crude split: prose lines only, sentences at end punctuation, repeats once."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    published = next((d for d in map(parse_date_line, lines) if d), None)
    prose = [line for line in lines if len(line.split()) >= 8 and line[-1] in ".”\"')n"]
    sentences = list(dict.fromkeys(s for line in prose for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", line)))
    return EventDoc(source, published, meeting_place(sentences), meeting_dates(sentences, published),
                    "\n".join(sentences))


def seed_docs() -> list[EventDoc]:
    return [crude_doc(p.stem, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]


def test_seeds_group_as_in_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    events = group_events(seed_docs())
    assert sorted(sorted(e.sources) for e in events) == sorted(sorted(v) for v in gold["events"].values())
    by_sources = {e.sources: e for e in events}
    for sources in gold["events"].values():
        event = by_sources[tuple(sorted(sources))]
        expected = gold["metadata"][sources[0]]
        assert event.date == expected["event_date"]
        assert event.place == expected["place"]
        assert event.id == f"{expected['event_date']}-{expected['place'].lower()}"


def test_seed_metadata_matches_gold():
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["metadata"]
    for doc in seed_docs():
        assert doc.published == gold[doc.source]["published"], doc.source
        assert doc.place == gold[doc.source]["place"], doc.source
        if doc.dates:
            assert doc.dates == (gold[doc.source]["event_date"],), doc.source


def test_empty_input_gives_no_events():
    assert group_events([]) == ()


def test_event_doc_is_picklable():
    doc = EventDoc("a", "2024-01-02", "Rome", ("2024-01-01",), "text")
    assert pickle.loads(pickle.dumps(doc)) == doc


# --- synthetic meetings ----------------------------------------------------------------------------------------

CITIES = ["Lisbon", "Oslo", "Nairobi", "Lima", "Hanoi", "Manila", "Warsaw", "Ottawa", "Canberra", "Dakar",
          "Quito", "Riga", "Tunis", "Accra", "Bogota", "Vilnius", "Doha", "Muscat", "Tbilisi", "Yerevan",
          "Helsinki", "Dublin", "Prague", "Vienna", "Madrid", "Athens", "Sofia", "Zagreb", "Tallinn", "Baku"]
ROLES = ["Foreign Minister", "Defense Minister", "Trade Minister", "Energy Minister", "Finance Minister"]
TOPICS = ["maritime security", "supply chains", "energy transition", "export controls", "cyber defense",
          "fisheries", "vaccine production", "rare earths", "port infrastructure", "satellite navigation",
          "grain shipments", "border monitoring", "student exchanges", "water management", "nuclear safety"]
VERBS = ["agreed to expand", "pledged to deepen", "confirmed plans to strengthen", "promised to accelerate",
         "decided to review", "vowed to broaden"]
FILLER = ["Officials described the atmosphere as constructive and businesslike.",
          "The ministry released a brief statement after the session.",
          "Analysts said the outcome was broadly in line with expectations.",
          "Both delegations included senior officials and advisers.",
          "The two governments have maintained close ties for decades."]
SYLLABLES = ["ka", "ri", "to", "mel", "an", "so", "vik", "dra", "lu", "ne", "bor", "ish", "tam", "ze", "gor",
             "pha", "wen", "dal", "oro", "quin", "ty", "ber", "mak", "sil"]


def _word(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def _person(rng: random.Random) -> str:
    return f"{_word(rng, 2).capitalize()} {_word(rng, 3).capitalize()}"


def _meeting(rng, people, when, city, topics, facts):
    return {"people": people, "date": when, "city": city, "topics": topics, "facts": facts}


def _facts(rng: random.Random, people, topics, n=6):
    """Facts of one meeting: (topic, project name) pairs that each outlet words its own way, and a quote."""
    facts: list = [(rng.choice(topics), _word(rng, 3).capitalize()) for _ in range(n)]
    facts.append(f"{people[0].split()[1]} told reporters that the talks on {topics[0]} had been frank.")
    return facts


FACT_TEMPLATES = [
    "The two sides {verb} cooperation on {topic} under the {term} framework, officials said.",
    "Under the new {term} framework, the ministers {verb} work on {topic}.",
    "{term}, a plan for {topic}, was also on the table, according to a statement.",
    "According to one official, the {term} initiative on {topic} drew the most attention.",
]
# Background prose: words shared at random across the corpus, as topical vocabulary is in real coverage.
BACKGROUND = [_word(random.Random(k), 3) for k in range(1500)]


def _render(rng: random.Random, fact) -> str:
    if isinstance(fact, str):
        return fact
    topic, term = fact
    return rng.choice(FACT_TEMPLATES).format(verb=rng.choice(VERBS), topic=topic, term=term)


def _background(rng: random.Random) -> str:
    return "Observers noted " + " ".join(rng.choice(BACKGROUND) for _ in range(10)) + "."


def synthetic_corpus(rng: random.Random, meetings: int, per_meeting: int, undated_share: float = 0.05,
                     start: date = date(2024, 1, 8)):
    """Articles and the meeting each reports. A third of the meetings are series of the same two people,
    weeks apart, in the same city and with mostly the same wording; some share a summit day and city."""
    plan = []
    while len(plan) < meetings:
        people = (_person(rng), _person(rng))
        roles = rng.sample(ROLES, 1) * 2
        topics = rng.sample(TOPICS, 3)
        city = rng.choice(CITIES)
        when = start + timedelta(days=rng.randrange(0, 300))
        kind = rng.random()
        if kind < 0.35:  # a series: the same people meet again 2-8 weeks later, much the same wording
            base = _facts(rng, people, topics)
            for k in range(rng.randint(2, 4)):
                fresh = _facts(rng, people, topics, n=2)
                plan.append(_meeting(rng, (people, roles), when, city, topics, base[:5] + fresh))
                when += timedelta(days=rng.randint(14, 56))
        elif kind < 0.5:  # a summit day: several pairs meet in one city on one day
            summit = f"{_word(rng, 2).capitalize()} Forum"
            for _ in range(rng.randint(2, 4)):
                pair = (_person(rng), _person(rng))
                facts = _facts(rng, pair, topics) + [f"The meeting took place on the sidelines of the {summit}."]
                plan.append(_meeting(rng, (pair, roles), when, city, topics, facts))
        else:
            plan.append(_meeting(rng, (people, roles), when, city, topics, _facts(rng, people, topics)))
    plan = plan[:meetings]
    docs, truth = [], []
    for m_index, meeting in enumerate(plan):
        for k in range(per_meeting):
            source = f"m{m_index:04d}-{k:02d}"
            docs.append(_article(rng, source, meeting, undated=rng.random() < undated_share))
            truth.append(m_index)
    return docs, truth


def _article(rng: random.Random, source: str, meeting, undated: bool) -> EventDoc:
    (a, b), (role_a, role_b) = meeting["people"]
    when: date = meeting["date"]
    published = when + timedelta(days=rng.choice([0, 0, 1, 1, 2]))
    style = rng.random()
    if undated:
        said_when = ""
    elif style < 0.4:
        said_when = f" on {when.strftime('%A')}"
    elif style < 0.8:
        said_when = f" on {when.strftime('%B')} {when.day}"
    else:
        said_when = ""
    said_where = f" in {meeting['city']}" if rng.random() < 0.8 else ""
    lead = f"{role_a} {a} and {role_b} {b} held talks{said_where}{said_when}."
    facts = rng.sample(meeting["facts"], rng.randint(3, len(meeting["facts"])))
    if undated:
        # Without a date only what was said tells a series' meetings apart: an undated article reports the
        # facts particular to its meeting (an article that reports none of them cannot be placed by anyone).
        facts = list(dict.fromkeys(facts + meeting["facts"][-3:]))
    filler = rng.sample(FILLER, 2) + [_background(rng) for _ in range(rng.randint(1, 4))]
    sentences = [lead, *(_render(rng, f) for f in facts), *filler]
    pub = None if undated else published.isoformat()
    return EventDoc(source, pub, meeting_place(sentences), meeting_dates(sentences, pub), "\n".join(sentences))


def pair_scores(events, docs, truth):
    """Pairwise precision and recall of 'same event' over all pairs of sources."""
    label_of = {d.source: t for d, t in zip(docs, truth)}
    found = {}
    for index, event in enumerate(events):
        for source in event.sources:
            found[source] = index
    from collections import Counter
    both = Counter((found[s], label_of[s]) for s in label_of)
    pairs = lambda counts: sum(c * (c - 1) // 2 for c in counts.values())  # noqa: E731
    true_positive = pairs(both)
    predicted = pairs(Counter(found.values()))
    actual = pairs(Counter(label_of.values()))
    return true_positive / max(predicted, 1), true_positive / max(actual, 1)


def test_same_people_weeks_apart_are_different_events():
    rng = random.Random(7)
    people = ("Talu Kemrivo", "Anso Bordeki")
    topics = ["fisheries", "port infrastructure", "cyber defense"]
    facts = _facts(rng, people, topics)
    docs = []
    for m, when in enumerate([date(2024, 3, 2), date(2024, 3, 23), date(2024, 4, 20)]):
        meeting = _meeting(rng, (people, ("Trade Minister",) * 2), when, "Riga", topics, facts)
        docs += [_article(rng, f"{m}-{k}", meeting, undated=False) for k in range(4)]
    events = group_events(docs)
    assert sorted(e.sources for e in events) == [tuple(f"{m}-{k}" for k in range(4)) for m in range(3)]
    assert [e.date for e in events] == ["2024-03-02", "2024-03-23", "2024-04-20"]
    assert {e.place for e in events} == {"Riga"}


def test_undated_article_joins_its_meeting_by_wording():
    rng = random.Random(11)
    docs = []
    plans = []
    for m, (city, when) in enumerate([("Oslo", date(2024, 5, 4)), ("Lima", date(2024, 5, 4)),
                                      ("Quito", date(2024, 6, 1))]):
        people = (_person(rng), _person(rng))
        topics = rng.sample(TOPICS, 3)
        plans.append(_meeting(rng, (people, ("Energy Minister",) * 2), when, city, topics,
                              _facts(rng, people, topics)))
        docs += [_article(rng, f"{m}-{k}", plans[-1], undated=False) for k in range(3)]
    undated = _article(rng, "1-undated", plans[1], undated=True)
    assert undated.published is None and undated.dates == ()
    docs.append(undated)
    events = group_events(docs)
    assert ("1-0", "1-1", "1-2", "1-undated") in [e.sources for e in events]
    assert len(events) == 3


def test_one_article_events_and_unrelated_undated_article_stay_alone():
    rng = random.Random(3)
    docs = []
    for m in range(3):
        people = (_person(rng), _person(rng))
        topics = rng.sample(TOPICS, 3)
        meeting = _meeting(rng, (people, ("Finance Minister",) * 2), date(2024, 2, 1) + timedelta(days=9 * m),
                           CITIES[m], topics, _facts(rng, people, topics))
        docs.append(_article(rng, f"solo-{m}", meeting, undated=False))
    docs.append(EventDoc("stray", None, None, (), "A recipe for bread with flour, water and salt.\nBake it."))
    events = group_events(docs)
    assert sorted(e.sources for e in events) == [("solo-0",), ("solo-1",), ("solo-2",), ("stray",)]
    stray = next(e for e in events if e.sources == ("stray",))
    assert stray.id == "undated-unknown" and stray.date is None and stray.place is None
    assert [e.id for e in events] == sorted([e.id for e in events], key=lambda i: (i[:10] if i[0].isdigit() else "", i))


def test_summit_day_bilaterals_are_separate_events():
    rng = random.Random(5)
    when, city = date(2024, 9, 14), "Vienna"
    docs, truth = [], []
    for m in range(4):
        pair = (_person(rng), _person(rng))
        topics = ["energy transition", "supply chains", "rare earths"]
        facts = _facts(rng, pair, topics) + ["The meeting took place on the sidelines of the Danube Forum."]
        meeting = _meeting(rng, (pair, ("Foreign Minister",) * 2), when, city, topics, facts)
        for k in range(4):
            docs.append(_article(rng, f"{m}-{k}", meeting, undated=False))
            truth.append(m)
    events = group_events(docs)
    assert sorted(e.sources for e in events) == [tuple(f"{m}-{k}" for k in range(4)) for m in range(4)]
    ids = [e.id for e in events]
    assert ids == ["2024-09-14-vienna", "2024-09-14-vienna-2", "2024-09-14-vienna-3", "2024-09-14-vienna-4"]


def test_grouping_is_deterministic_and_ignores_input_order():
    rng = random.Random(19)
    docs, _ = synthetic_corpus(rng, meetings=20, per_meeting=5)
    first = group_events(docs)
    shuffled = list(docs)
    random.Random(1).shuffle(shuffled)
    assert group_events(shuffled) == first
    assert sorted(s for e in first for s in e.sources) == sorted(d.source for d in docs)


def test_medium_corpus_is_pure():
    rng = random.Random(23)
    docs, truth = synthetic_corpus(rng, meetings=60, per_meeting=6)
    precision, recall = pair_scores(group_events(docs), docs, truth)
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)


def test_thousands_of_articles_group_purely():
    # Speed is measured by bench/run.py, not here: test machines are shared.
    rng = random.Random(29)
    docs, truth = synthetic_corpus(rng, meetings=300, per_meeting=10)
    events = group_events(docs)
    precision, recall = pair_scores(events, docs, truth)
    assert len(docs) == 3000
    assert precision >= 0.98 and recall >= 0.95, (precision, recall)
    # every source in exactly one event
    assert sorted(s for e in events for s in e.sources) == sorted(d.source for d in docs)


def _one_meeting(rng: random.Random, articles: int, undated: bool, city: str = "Oslo"):
    people = (_person(rng), _person(rng))
    topics = rng.sample(TOPICS, 3)
    meeting = _meeting(rng, (people, ("Foreign Minister",) * 2), date(2024, 4, 6), city, topics,
                       _facts(rng, people, topics))
    return [_article(rng, f"a{k}", meeting, undated=undated) for k in range(articles)]


def test_two_undated_articles_of_one_meeting_are_one_event():
    docs = _one_meeting(random.Random(31), 2, undated=True)
    assert [e.sources for e in group_events(docs)] == [("a0", "a1")]


def test_a_corpus_of_one_meeting_is_one_event():
    docs = _one_meeting(random.Random(37), 40, undated=False)
    events = group_events(docs)
    assert len(events) == 1 and len(events[0].sources) == 40
    assert events[0].date == "2024-04-06" and events[0].place == "Oslo"


def test_two_unrelated_undated_articles_stay_apart():
    rng = random.Random(41)
    first = _one_meeting(rng, 1, undated=True)[0]
    second = _one_meeting(rng, 1, undated=True, city="Lima")[0]
    second = EventDoc("b0", second.published, second.place, second.dates, second.text)
    assert sorted(e.sources for e in group_events([first, second])) == [("a0",), ("b0",)]


def test_date_blocks_find_exactly_the_pairs_of_a_full_comparison():
    """The blocked candidate search against the obvious reference: every pair scored, then filtered."""
    import numpy as np

    from compare import events as ev

    rng = random.Random(43)
    docs, _ = synthetic_corpus(rng, meetings=40, per_meeting=4, undated_share=0.2)
    # Some sources with wide windows (dates far apart) and some with only a publication date.
    docs[0] = EventDoc(docs[0].source, docs[0].published, None, ("2024-01-10", "2024-03-01"), docs[0].text)
    docs[1] = EventDoc(docs[1].source, "2024-05-05", None, (), docs[1].text)
    docs.sort(key=lambda d: d.source)
    config = ev.DEFAULT
    words, names, _ = ev._rare_term_vectors([d.text for d in docs], config)
    matrix = ev._joined(words, names, config)
    windows = np.array([ev._window(d, config) for d in docs], dtype=np.int64)
    firm = np.array([ev._firm(d, config) for d in docs])
    rows, cols, scores = ev._candidate_pairs(matrix, windows, config, firm)
    full = (matrix @ matrix.T).toarray()

    def may_be_one_meeting(i: int, j: int) -> bool:  # firm windows a week or more apart rule a pair out
        gap = max(windows[i][0], windows[j][0]) - min(windows[i][1], windows[j][1])
        return not (firm[i] and firm[j] and gap >= config.conflict_days)

    expected = {(i, j) for i in range(len(docs)) for j in range(i + 1, len(docs))
                if full[i, j] >= config.min_pair and may_be_one_meeting(i, j)}
    assert set(zip(rows.tolist(), cols.tolist())) == expected
    assert len(rows) == len(expected)  # no pair twice
    assert np.allclose(scores, full[rows, cols], atol=1e-6)


def test_identical_wording_with_dates_far_apart_is_two_events():
    text = "The two ministers held talks in Lima.\nThey agreed to expand cooperation on fisheries."
    docs = [EventDoc("a", "2024-03-03", "Lima", ("2024-03-02",), text),
            EventDoc("b", "2024-03-03", "Lima", ("2024-03-02",), text),
            EventDoc("c", "2024-03-13", "Lima", ("2024-03-12",), text)]
    events = group_events(docs)
    assert [(e.id, e.sources) for e in events] == [("2024-03-02-lima", ("a", "b")), ("2024-03-12-lima", ("c",))]


def test_dates_a_day_apart_can_be_one_meeting():
    # Late-night talks reported under two time zones' dates.
    text = "The two ministers held talks in Lima.\nThey agreed to expand cooperation on fisheries under Pelagos."
    docs = [EventDoc("a", "2024-03-03", "Lima", ("2024-03-02",), text),
            EventDoc("b", "2024-03-04", "Lima", ("2024-03-03",), text)]
    (event,) = group_events(docs)
    assert event.sources == ("a", "b") and event.date == "2024-03-02"  # a tie goes to the earlier date


def test_publication_date_alone_is_evidence_on_the_meeting_not_a_veto():
    text = "The two ministers held talks.\nThey agreed to expand cooperation on fisheries under Pelagos."
    near = [EventDoc("a", "2024-03-03", None, (), text), EventDoc("b", "2024-03-05", None, (), text)]
    assert len(group_events(near)) == 1
    # the same text seventeen days later: a late copy of the report, not a second meeting
    far = [EventDoc("a", "2024-03-03", None, (), text), EventDoc("b", "2024-03-20", None, (), text)]
    assert len(group_events(far)) == 1


def test_a_month_or_year_of_publication_bounds_the_meeting_at_its_precision():
    text = "The two ministers held talks.\nThey agreed to expand cooperation on fisheries under Pelagos."
    # A month is every day of it: a source dated 2024-03 may report a meeting of March 28. Dates the texts write
    # out, checked against those publication dates, tell two meetings apart.
    def pair(a: str, stated_a: str, b: str, stated_b: str) -> int:
        return len(group_events([EventDoc("a", a, None, (stated_a,), text), EventDoc("b", b, None, (stated_b,), text)]))

    assert pair("2024-03-28", "2024-03-28", "2024-03", "2024-03-28") == 1
    assert pair("2024-05-20", "2024-05-20", "2024-03", "2024-03-10") == 2
    assert pair("2024-11-02", "2024-11-02", "2024", "2024-11-02") == 1
    assert pair("2025-02-02", "2025-02-02", "2024", "2024-12-01") == 2
    # a report published in March covers no meeting of May 20, whatever date it states (a preview at most)
    assert pair("2024-05-20", "2024-05-20", "2024-03", "2024-05-20") == 2
    # nor is a report published long after a meeting barred from it: statements and analyses appear weeks later
    assert pair("2024-03-10", "2024-03-10", "2024-05", "2024-03-10") == 1


def test_a_stated_date_inside_the_month_of_publication_is_kept():
    text = "The two ministers held talks in Lima on March 20.\nThey agreed to expand cooperation on fisheries."
    docs = [EventDoc("a", "2024-03", "Lima", ("2024-03-20",), text),
            EventDoc("b", "2024-03-21", "Lima", ("2024-03-20",), text)]
    (event,) = group_events(docs)
    assert event.date == "2024-03-20"


def test_a_place_conflict_weighs_against_a_match():
    a = ("The trade ministers held talks on Saturday.\nThey agreed to expand cooperation on fisheries and ports.\n"
         "Officials praised the Pelagos accord, said Rosa Quispe.\nNew rules for trawlers were outlined.")
    # b shares little of a's wording (the accord's name, "ministers"): a match the place decides
    b = ("Ministers met to discuss commerce.\nThe Pelagos accord was praised.\n"
         "Harbour dues will be cut next spring, said Juan Vera.\nA joint patrol is to start.")
    same = [EventDoc("a", "2024-03-03", "Lima", ("2024-03-02",), a),
            EventDoc("b", "2024-03-03", "Lima", ("2024-03-02",), b)]
    apart = [EventDoc("a", "2024-03-03", "Lima", ("2024-03-02",), a),
             EventDoc("b", "2024-03-03", "Quito", ("2024-03-02",), b)]
    assert len(group_events(same)) == 1
    assert len(group_events(apart)) == 2


def test_a_stated_date_long_before_publication_is_not_the_meeting_date():
    # A date three months before publication is an earlier meeting's; the publication date bounds this one.
    text = "The two ministers held talks.\nThey agreed to expand cooperation on fisheries under Pelagos."
    docs = [EventDoc("a", "2024-06-09", None, ("2024-06-08",), text),
            EventDoc("b", "2024-06-10", None, ("2024-03-19",), text)]
    (event,) = group_events(docs)
    assert event.sources == ("a", "b") and event.date == "2024-06-08"


def test_sources_without_words_are_events_of_their_own():
    docs = [EventDoc("a", None, None, (), ""), EventDoc("b", None, None, (), "12 34"),
            EventDoc("c", "2024-01-02", "Oslo", ("2024-01-01",), "")]
    events = group_events(docs)
    assert [(e.id, e.sources) for e in events] == [
        ("undated-unknown", ("a",)), ("undated-unknown-2", ("b",)), ("2024-01-01-oslo", ("c",))]


def test_meetings_covered_by_dozens_of_outlets_stay_whole():
    # Many articles a meeting, series of the same people among them: a short article must still join its
    # meeting's large group, and the people's names (in more than 50 articles) must still count.
    rng = random.Random(47)
    docs, truth = synthetic_corpus(rng, meetings=15, per_meeting=30, undated_share=0.1)
    precision, recall = pair_scores(group_events(docs), docs, truth)
    assert precision >= 0.98 and recall >= 0.97, (precision, recall)


def test_articles_in_an_unspaced_script_group_by_their_wording():
    docs = [
        EventDoc("a", None, None, (), "日米両政府は横浜市で防衛相会談を行い、南西地域における共同訓練を拡大する方針で一致した。\n"
                 "会談は約四十分間。両氏は宇宙やサイバーといった新たな分野での協力を進めることも確認した。"),
        EventDoc("b", None, None, (), "横浜市で開かれた日米防衛相会談で、両氏は南西地域での共同訓練の拡大を確認した。\n"
                 "会談は約四十分。宇宙・サイバー分野の協力も議題となった。"),
        EventDoc("c", None, None, (), "大阪市で開かれた港湾会議では、貨物船の入港手続きを簡素化する案が示された。\n"
                 "会議には近隣の自治体や海運会社の代表が出席し、来年度からの試行が決まった。"),
    ]
    groups = sorted(e.sources for e in group_events(docs))
    assert groups == [("a", "b"), ("c",)]


def test_hyphenated_names_count_as_each_name():
    from compare.events import _CAPITALISED

    assert _CAPITALISED.findall(" a Berlin-Warsaw rail link and O'Brien's plan") == ["Berlin", "Warsaw", "O'Brien"]


def test_parties_are_the_names_of_the_lead_and_of_the_whole_report():
    from compare import events as ev

    text = ("Japanese Prime Minister Shigeru Ishiba and Indian Prime Minister Narendra Modi met in Rio.\n"
            "They agreed to expand defence ties.\n"
            "Officials said Lula would host a dinner.")
    parties = ev._parties(text, frozenset({"prime", "minister", "officials"}), ev.DEFAULT)
    assert {"ishiba", "modi", "narendra", "shigeru"} <= parties.lead and "lula" not in parties.lead
    assert "lula" in parties.anywhere and "prime" not in parties.anywhere


def test_groups_that_each_name_someone_the_other_never_names_are_different_parties():
    from collections import Counter

    from compare import events as ev

    modi = Counter({"ishiba": 2, "modi": 2})
    lula = Counter({"ishiba": 2, "lula": 2})
    assert ev._different_parties(modi, 2, {"ishiba", "lula", "rio"})
    assert ev._different_parties(lula, 2, {"ishiba", "modi", "narendra"})
    assert not ev._different_parties(modi, 2, {"ishiba", "modi", "rio"})  # the other group names Modi too
    assert not ev._different_parties(Counter({"ishiba": 2, "modi": 1}), 2, {"ishiba"})  # not in every lead


# --- dates as evidence, lone sources, the analyst's override, explanations ---------------------------------------

SUMMIT_A = ("President Arvo Kessling and Prime Minister Dora Vantelli held talks in Salburg on Friday.\n"
            "The two leaders agreed to set up a joint fund for the Brenner rail tunnel, Kessling told reporters.\n"
            "Vantelli said the tunnel would open to freight by 2031 and called the meeting warm.\n"
            "Officials from both sides signed a memorandum on customs checks at the border.")
SUMMIT_B = ("Dora Vantelli and Arvo Kessling met in Salburg, where they agreed a joint fund for the Brenner tunnel.\n"
            "Kessling said the freight line would open by 2031.\n"
            "Vantelli described the talks as warm and productive.\n"
            "A memorandum on border customs checks was also signed.")


def test_stated_dates_a_day_apart_under_two_time_zones_are_one_meeting():
    docs = [EventDoc("home", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
            EventDoc("abroad", "2025-03-15", "Salburg", ("2025-03-15",), SUMMIT_B)]
    assert [e.sources for e in group_events(docs)] == [("abroad", "home")]


def test_follow_up_published_days_later_joins_the_meeting():
    follow_up = ("Three days after the Salburg talks, Kessling defended the Brenner tunnel fund before parliament.\n"
                 "Vantelli's office said the memorandum on customs checks would take effect next month.")
    docs = [EventDoc("a", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
            EventDoc("b", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_B),
            EventDoc("later", "2025-03-19", "Salburg", (), follow_up)]
    assert [e.sources for e in group_events(docs)] == [("a", "b", "later")]


def test_firm_dates_a_week_apart_are_two_meetings_whatever_the_wording():
    docs = [EventDoc("a", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
            EventDoc("b", "2025-03-22", "Salburg", ("2025-03-21",), SUMMIT_A)]
    assert sorted(e.sources for e in group_events(docs)) == [("a",), ("b",)]


def test_a_date_read_without_a_publication_date_is_evidence_not_a_veto():
    # Without a publication date an anniversary ("since 2014") can pass for the meeting's date.
    docs = [EventDoc("a", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
            EventDoc("b", None, "Salburg", ("2014-09-11",), SUMMIT_B)]
    assert [e.sources for e in group_events(docs)] == [("a", "b")]


def test_a_venue_and_its_town_named_by_both_reports_are_no_conflict():
    a = SUMMIT_A.replace("in Salburg", "at Schloss Kleinhof near Salburg")
    docs = [EventDoc("a", "2025-03-14", "Kleinhof", ("2025-03-14",), a + "\nKleinhof lies outside Salburg."),
            EventDoc("b", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_B + "\nThe talks were at Kleinhof.")]
    assert len(group_events(docs)) == 1
    from compare import events as ev

    names = ev._parties(SUMMIT_B, frozenset(), ev.DEFAULT)
    with_venue = ev._parties(SUMMIT_B + "\nThe talks were at Kleinhof.", frozenset(), ev.DEFAULT)
    assert not ev._places_conflict("Kleinhof", "Salburg", names, with_venue)
    assert ev._places_conflict("Lima", "Quito", names, names)
    assert not ev._places_conflict("Lima", "Peru", names, names)  # a country may hold the city


def test_a_lone_undated_article_joins_the_event_it_clearly_matches():
    rng = random.Random(53)
    docs = _one_meeting(rng, 6, undated=False)
    other = _one_meeting(rng, 6, undated=False, city="Lima")
    docs += [EventDoc(f"b{k}", d.published, d.place, d.dates, d.text) for k, d in enumerate(other)]
    # A short undated report of the first meeting: its lead and one fact, no date, no place.
    lone = "\n".join(docs[0].text.split("\n")[:3]).replace(" in Oslo", "")
    docs.append(EventDoc("lone", None, None, (), lone))
    events = group_events(docs)
    assert len(events) == 2
    assert "lone" in next(e for e in events if "a0" in e.sources).sources


def test_one_event_puts_every_source_in_one_event():
    from compare.events import one_event

    rng = random.Random(59)
    docs = _one_meeting(rng, 2, undated=False)
    docs.append(EventDoc("b0", None, None, (), "A recipe for bread with flour, water and salt.\nBake it."))
    assert len(group_events(docs)) == 2
    (event,) = one_event(docs)
    assert event.sources == ("a0", "a1", "b0") and event.place == "Oslo" and event.date == "2024-04-06"
    assert one_event([]) == ()


def test_one_event_setting_is_honoured_by_the_api(tmp_path):
    from compare.api import group
    from compare.models import Settings

    (tmp_path / "a.txt").write_text(SUMMIT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text("A recipe for bread with flour, water and salt. Bake it for an hour.",
                                    encoding="utf-8")
    _, apart, _ = group([tmp_path], Settings())
    _, together, _ = group([tmp_path], Settings(one_event=True))
    assert len(apart) == 2
    assert [e.sources for e in together] == [("a", "b")]


def test_explain_says_why_each_member_joined_and_what_kept_events_apart():
    from compare.events import explain_events

    docs = [EventDoc("a", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
            EventDoc("b", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_B),
            EventDoc("c", "2025-05-02", "Salburg", ("2025-05-02",), SUMMIT_A),
            EventDoc("d", "2025-05-02", "Salburg", ("2025-05-02",), SUMMIT_B)]
    events = group_events(docs)
    assert [e.sources for e in events] == [("a", "b"), ("c", "d")]
    members, separations = explain_events(docs, events)
    assert [(m.source, m.linked_to) for m in members] == [("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")]
    first = members[0]
    assert {"kessling", "vantelli", "brenner"} & set(first.shared_names) and first.date == "same date 2025-03-14"
    assert first.place == "same place Salburg"
    (apart,) = separations
    assert (apart.event, apart.other) == (events[0].id, events[1].id)
    assert any("days apart" in reason for reason in apart.reasons)


def _hand_graph(pairs: dict[tuple[int, int], float], n: int):
    """A grouping graph of n sources with the given pair scores, no dates, no places (for the steps after
    linkage)."""
    import numpy as np

    from compare import events as ev

    rows = np.array([i for i, _ in pairs], dtype=np.int64)
    cols = np.array([j for _, j in pairs], dtype=np.int64)
    scores = np.array(list(pairs.values()), dtype=np.float64)
    docs = [EventDoc(f"s{k}", None, None, (), "") for k in range(n)]
    windows = np.array([ev._UNBOUNDED] * n, dtype=np.int64)
    parties = [ev.Parties(frozenset(), frozenset())] * n
    return ev._Graph(docs, None, rows, cols, scores, scores, np.zeros(len(rows)), windows,
                     np.zeros(n, dtype=bool), parties)


def test_a_source_that_joined_an_event_early_moves_to_the_one_it_matches_clearly_better():
    from compare import events as ev

    # Source 2 sits in event {0, 1, 2}, but matches 3 and 4 far better than 0 and 1.
    pairs = {(0, 1): 0.6, (0, 2): 0.15, (1, 2): 0.15, (2, 3): 0.5, (2, 4): 0.5, (3, 4): 0.6}
    assert ev._refine(_hand_graph(pairs, 5), [0, 0, 0, 3, 3], ev.DEFAULT) == [0, 0, 3, 3, 3]
    # A near tie stays where linkage put it.
    pairs.update({(0, 2): 0.45, (1, 2): 0.45})
    assert ev._refine(_hand_graph(pairs, 5), [0, 0, 0, 3, 3], ev.DEFAULT) == [0, 0, 0, 3, 3]


def test_a_source_moves_once_the_near_copy_it_was_held_by_has_moved():
    from compare import events as ev

    # 2 and 3 sit in event {0, 1, 2, 3}; 2 matches {4, 5} clearly better, 3 only once 2 is there.
    pairs = {(0, 1): 0.6, (2, 3): 0.6, (0, 2): 0.15, (1, 2): 0.15, (0, 3): 0.25, (1, 3): 0.25, (4, 5): 0.6,
             (2, 4): 0.5, (2, 5): 0.5, (3, 4): 0.3, (3, 5): 0.3}
    graph = _hand_graph(pairs, 6)
    start = [0, 0, 0, 0, 4, 4]
    assert ev._refine(graph, start, ev.DEFAULT) == [0, 0, 4, 0, 4, 4]
    assert start == [0, 0, 0, 0, 4, 4]
    assert ev._settle(graph, start, ev.DEFAULT) == [0, 0, 4, 4, 4, 4]


def test_a_small_group_joins_the_event_it_clearly_matches_and_not_one_it_half_matches():
    from compare import events as ev

    # {0, 1, 2, 3} one event; {4, 5} a pair of near copies of it that linkage kept apart (too close to
    # each other to be as close to the rest); {6, 7, 8} another meeting.
    big = {(i, j): 0.5 for i in range(4) for j in range(i + 1, 4)}
    other = {(6, 7): 0.5, (6, 8): 0.5, (7, 8): 0.5}
    pairs = {**big, **other, (4, 5): 0.95, (0, 4): 0.3, (1, 5): 0.3, (2, 4): 0.2}
    graph = _hand_graph(pairs, 9)
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[4] == labels[5] == labels[0] and labels[6] != labels[0]
    # Matching both events about as well, it stays apart.
    pairs.update({(6, 4): 0.3, (7, 5): 0.3, (8, 4): 0.2})
    labels = ev._link(_hand_graph(pairs, 9), ev.DEFAULT)
    assert labels[4] == labels[5] and labels[4] not in (labels[0], labels[6])


def _event_with_a_leftover_group(runner_up: float, event_size: int = 14):
    """An event of `event_size` sources, a group of 4 near copies of one side of it (linkage keeps them apart:
    far closer to each other than to the rest), and another meeting of 14 sources that the group matches at
    `runner_up` per pair."""
    event = range(event_size)
    group = range(event_size, event_size + 4)
    other = range(event_size + 4, event_size + 18)
    pairs = {(i, j): 0.5 for block in (event, other) for i in block for j in block if i < j}
    pairs.update({(i, j): 0.95 for i in group for j in group if i < j})
    pairs.update({(i, g): 0.4 for g in group for i in list(event)[:6]})
    pairs.update({(g, o): runner_up for g in group for o in list(other)[:6]})
    return _hand_graph(pairs, event_size + 18), event_size


def test_a_larger_leftover_group_joins_an_event_only_with_a_margin_grown_with_its_size():
    from compare import events as ev

    graph, first = _event_with_a_leftover_group(runner_up=0.05)
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[first] == labels[first + 3] == labels[0] and labels[first + 4] != labels[0]
    # Matched 1.7 times as well as the next meeting: enough for a stray report or two, not for four sources
    # that the linkage kept together.
    graph, first = _event_with_a_leftover_group(runner_up=0.4 / 1.7)
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[first] == labels[first + 3] and labels[first] not in (labels[0], labels[first + 4])
    assert ev._attach_margin(3, ev.DEFAULT) < 1.7 < ev._attach_margin(4, ev.DEFAULT)


def test_a_larger_leftover_group_does_not_join_an_event_not_much_larger_than_itself():
    from compare import events as ev

    graph, first = _event_with_a_leftover_group(runner_up=0.05, event_size=8)
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[first] == labels[first + 3] and labels[first] != labels[0]


def test_the_cohesion_two_groups_need_follows_the_weekdays_they_date_their_news_to():
    import dataclasses

    import numpy as np

    from compare import events as ev

    # Two groups of 4 near copies, across 0.38 against 0.9 within: a cohesion of 0.42, below cohesion_share.
    pairs = {(i, j): 0.9 for block in (range(4), range(4, 8)) for i in block for j in block if i < j}
    pairs.update({(i, j): 0.38 for i in range(4) for j in range(4, 8)})
    graph = _hand_graph(pairs, 8)
    assert ev.DEFAULT.cohesion_same_day < 0.38 / 0.9 < ev.DEFAULT.cohesion_share
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[0] == labels[3] and labels[4] == labels[7] and labels[0] != labels[4]
    # Both date their news to a Monday (one report to the Tuesday): one meeting.
    monday = dataclasses.replace(graph, weekdays=np.array([0, 0, 1, -1, 0, 0, -1, -1], dtype=np.int64))
    assert len(set(ev._link(monday, ev.DEFAULT))) == 1
    # One to a Monday, the other to a Thursday: still apart.
    apart = dataclasses.replace(graph, weekdays=np.array([0, 0, 0, -1, 3, 3, -1, -1], dtype=np.int64))
    assert len(set(ev._link(apart, ev.DEFAULT))) == 2
    # Closer (0.43 across: a cohesion of 0.48, above cohesion_share), yet one dates its news to the Monday and the
    # other to the Tuesday: the same people's next story more often than one meeting's two halves.
    pairs.update({(i, j): 0.43 for i in range(4) for j in range(4, 8)})
    assert ev.DEFAULT.cohesion_share < 0.43 / 0.9 < ev.DEFAULT.cohesion_next_day
    weekdays = np.array([0, 0, 0, -1, 1, 1, 1, -1], dtype=np.int64)
    assert len(set(ev._link(dataclasses.replace(_hand_graph(pairs, 8), weekdays=weekdays), ev.DEFAULT))) == 2
    assert len(set(ev._link(_hand_graph(pairs, 8), ev.DEFAULT))) == 1


def test_a_lone_report_naming_the_events_day_after_an_earlier_ones_joins_the_event():
    import dataclasses

    import numpy as np

    from compare import events as ev

    # {0, 1, 2, 3} date their news to a Monday; 4 matches them, but its opening first says what happened on the
    # Friday before ("after meeting him in Alaska on Friday") and only then names the Monday.
    pairs = {(i, j): 0.5 for i in range(4) for j in range(i + 1, 4)}
    pairs.update({(i, 4): 0.3 for i in range(4)})
    weekdays = np.array([0, 0, 0, 0, 4], dtype=np.int64)
    graph = dataclasses.replace(_hand_graph(pairs, 5), weekdays=weekdays, said_on=weekdays,
                                named_days=np.array([1, 1, 1, 1, 1 << 4], dtype=np.int64))
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[4] != labels[0]
    also_monday = dataclasses.replace(graph, named_days=np.array([1, 1, 1, 1, 1 << 4 | 1], dtype=np.int64))
    labels = ev._link(also_monday, ev.DEFAULT)
    assert labels[4] == labels[0]


def test_an_event_dated_a_week_or_more_from_a_small_group_is_no_rival_for_it():
    import dataclasses

    import numpy as np

    from compare import events as ev

    # As in the test above: the pair {4, 5} matches {0, 1, 2, 3} best, yet not clearly better than {6, 7, 8}, and
    # stays apart...
    big = {(i, j): 0.5 for i in range(4) for j in range(i + 1, 4)}
    other = {(6, 7): 0.5, (6, 8): 0.5, (7, 8): 0.5}
    pairs = {**big, **other, (4, 5): 0.95, (0, 4): 0.35, (1, 5): 0.35, (2, 4): 0.25, (6, 4): 0.25, (7, 5): 0.2,
             (8, 4): 0.15}
    graph = _hand_graph(pairs, 9)
    # ... until the texts date it and the first event to one week, the other to months before (dates read from
    # the texts alone: evidence, no veto).
    day = 739_500
    windows = np.array([[day, day]] * 6 + [[day - 200, day - 200]] * 3, dtype=np.int64)
    labels = ev._link(dataclasses.replace(graph, windows=windows), ev.DEFAULT)
    assert labels[4] == labels[5] == labels[0] and labels[6] != labels[0]
    # Dated alike, the two stay rivals.
    alike = np.array([[day, day]] * 9, dtype=np.int64)
    labels = ev._link(dataclasses.replace(graph, windows=alike), ev.DEFAULT)
    assert labels[4] == labels[5] and labels[4] not in (labels[0], labels[6])


def test_an_events_date_is_the_one_most_reports_state_and_a_tie_goes_to_the_later_meeting():
    from compare import events as ev

    assert ev._meeting_date(["2025-08-18", "2025-08-15", "2025-08-18"], ev.DEFAULT) == "2025-08-18"
    # One report recalls the summit three days before, another dates the meeting: the later one.
    assert ev._meeting_date(["2025-08-15", "2025-08-18"], ev.DEFAULT) == "2025-08-18"
    assert ev._meeting_date(["2022-02-24", "2025-02-18"], ev.DEFAULT) == "2025-02-18"
    # A day apart is one meeting under two time zones: the day it was held, the earlier.
    assert ev._meeting_date(["2025-08-16", "2025-08-15"], ev.DEFAULT) == "2025-08-15"
    assert ev._meeting_date([], ev.DEFAULT) is None


def test_events_command_explains_and_takes_one_event():
    from typer.testing import CliRunner

    from compare.cli import app

    runner = CliRunner()
    explained = runner.invoke(app, ["events", str(SEEDS), "--explain"])
    assert explained.exit_code == 0, explained.output
    lines = explained.output.splitlines()
    # every source says why it is where it is; the Naples sources name their strongest link
    assert sum("strongest link" in line or "alone:" in line for line in lines) == 5
    assert any(line.startswith("2024-10-19-naples") and "same place Naples" in line for line in lines)
    assert any(" vs " in line and "days apart" in line for line in lines)  # firm or from publication
    one = runner.invoke(app, ["events", str(SEEDS), "--one-event"])
    assert one.exit_code == 0 and "5 sources in 1 event" in one.output


def test_a_place_only_one_report_of_several_gives_does_not_name_the_event():
    texts = [SUMMIT_A, SUMMIT_B, SUMMIT_A.replace("warm", "cordial"), SUMMIT_B.replace("productive", "useful")]
    # "Brenner" (the tunnel, mistaken for the place) is named by every report, so it is no place conflict.
    mixed = [EventDoc(f"s{k}", "2025-03-14", place, ("2025-03-14",), text)
             for k, (place, text) in enumerate(zip(["Salburg", "Brenner", None, None], texts))]
    (event,) = group_events(mixed)
    assert event.place is None and event.id == "2025-03-14-unknown"
    alone = [EventDoc(d.source, d.published, "Salburg" if d.source == "s0" else None, d.dates, d.text) for d in mixed]
    (event,) = group_events(alone)
    assert event.place == "Salburg"


def _labelled(docs: list[EventDoc], labels: dict[str, str]) -> list[EventDoc]:
    return [EventDoc(d.source, d.published, d.place, d.dates, d.text, labels.get(d.source)) for d in docs]


def test_sources_sharing_an_analysts_label_are_one_event_whatever_their_dates():
    docs = seed_docs()
    singapore, tokyo = "002_6980897c48a3b8f4", "003_1418f6826f52c5a5"
    events = group_events(_labelled(docs, {singapore: "Defence talks", tokyo: "Defence talks"}))
    by_id = {e.id: e.sources for e in events}
    # 56 days apart by their firm dates, which grouping alone never merges; the label names the event
    assert by_id["defence-talks"] == (singapore, tokyo)
    assert sorted(len(e.sources) for e in events) == [2, 3]


def test_two_labels_never_merge_and_an_unlabelled_source_joins_the_event_it_matches():
    docs = seed_docs()
    naples = [d.source for d in docs if d.place == "Naples"]
    # Two labels over one meeting's coverage: the analyst's word that they are two meetings.
    events = group_events(_labelled(docs, {naples[0]: "first", naples[1]: "second"}))
    by_source = {s: e.id for e in events for s in e.sources}
    assert by_source[naples[0]] == "first" and by_source[naples[1]] == "second"
    # The third Naples report carries no label: it joins one of them by its coverage, as grouping would.
    assert by_source[naples[2]] in ("first", "second")
    # Unlabelled sources of other meetings stay out of the labelled events.
    assert all(by_source[d.source] not in ("first", "second") for d in docs if d.source not in naples)


def test_an_unlabelled_source_stays_out_of_a_labelled_event_it_does_not_match():
    text = "Kestrel and Ombudsvik signed the harbour accord in Lindqvist on Tuesday.\nThe accord covers dredging."
    other = "A recipe for bread with flour, water and salt.\nBake it for forty minutes."
    docs = [EventDoc("a", "2024-03-05", None, (), text, "harbour"), EventDoc("b", "2024-03-05", None, (), text, "harbour"),
            EventDoc("c", "2024-03-05", None, (), text), EventDoc("d", None, None, (), other)]
    assert sorted((e.id, e.sources) for e in group_events(docs)) == [
        ("harbour", ("a", "b", "c")), ("undated-unknown", ("d",))]


def test_explain_says_a_labelled_member_was_fixed_by_the_manifest():
    from compare.events import explain_events

    docs = _labelled(seed_docs(), {"002_6980897c48a3b8f4": "talks", "003_1418f6826f52c5a5": "talks"})
    events = group_events(docs)
    members, separations = explain_events(docs, events)
    fixed = {m.source: m.fixed_by for m in members}
    assert fixed["002_6980897c48a3b8f4"] == fixed["003_1418f6826f52c5a5"] == "talks"
    assert sum(v is not None for v in fixed.values()) == 2


def test_look_alike_stories_that_date_their_news_to_different_weekdays_stay_apart():
    """The same people in the news twice, worded alike, without publication dates: the weekday each group's
    reports give keeps the two apart, where wording alone would merge them."""
    def story(source: str, day: str, detail: str) -> EventDoc:
        return EventDoc(source, None, None, (), "\n".join([
            f"Ministers Kestrel and Ombudsvik met in Lindqvist on {day} to discuss the harbour accord.",
            f"Kestrel said the talks with Ombudsvik on the accord were frank, and {detail}.",
            "Both sides called the harbour accord a step forward for dredging and shipping.",
        ]))

    first = [story(f"a{k}", "Tuesday", f"the dredging fund{' grows' * k}") for k in range(4)]
    second = [story(f"b{k}", "Friday", f"the shipping lanes{' widen' * k}") for k in range(4)]
    groups = sorted(e.sources for e in group_events(first + second))
    assert groups == [tuple(d.source for d in first), tuple(d.source for d in second)]
    # The same texts with one weekday are one story.
    same = [EventDoc(d.source, None, None, (), d.text.replace("Friday", "Tuesday")) for d in second]
    assert len(group_events(first + same)) == 1


def test_a_report_that_says_its_news_happened_on_another_weekday_does_not_join_a_look_alike_story():
    """A later meeting of the same people, told by comparing it with the first one: its words are closest to
    the first story's, but it says its meeting was on a Monday ("met on Monday"), where that story's reports say
    Friday. Said so, the day is the report's own and keeps it out; a bare weekday may be a day still to come."""
    import numpy as np

    from compare import events as ev

    pairs = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.6, (3, 4): 0.6, (3, 5): 0.6, (4, 5): 0.6,
             (0, 6): 0.45, (1, 6): 0.45, (2, 6): 0.45, (3, 6): 0.25, (4, 6): 0.25, (5, 6): 0.25}
    weekdays = np.array([4, 4, 4, 0, 0, -1, 0], dtype=np.int64)
    graph = dataclasses.replace(_hand_graph(pairs, 7), weekdays=weekdays)
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[6] == labels[0] != labels[3]  # a bare "Monday": its words decide
    said_on = np.array([4, 4, 4, 0, 0, -1, 0], dtype=np.int64)
    labels = ev._link(dataclasses.replace(graph, said_on=said_on), ev.DEFAULT)
    assert labels[6] == labels[3] != labels[0]


def test_a_lone_source_does_not_join_an_event_whose_reports_date_the_news_to_another_weekday():
    import dataclasses

    import numpy as np

    from compare import events as ev

    # {0, 1, 2} and {3, 4, 5} two stories; source 6 reads about as close to both, a little closer to the first.
    pairs = {(0, 1): 0.6, (0, 2): 0.6, (1, 2): 0.6, (3, 4): 0.6, (3, 5): 0.6, (4, 5): 0.6,
             (0, 6): 0.15, (1, 6): 0.15, (2, 6): 0.1, (3, 6): 0.15, (4, 6): 0.15, (5, 6): 0.05}
    graph = _hand_graph(pairs, 7)
    labels = ev._link(graph, ev.DEFAULT)
    assert labels[6] not in (labels[0], labels[3])  # too close a call: it stays alone
    # Its opening dates the news to a Monday, as the second story's reports do; the first's say Friday.
    weekdays = np.array([4, 4, 4, 0, 0, -1, 0], dtype=np.int64)
    labels = ev._link(dataclasses.replace(graph, weekdays=weekdays), ev.DEFAULT)
    assert labels[6] == labels[3] != labels[0]


def test_publication_dates_a_week_apart_are_no_veto_when_the_texts_state_no_meeting_date():
    # A press statement published eleven days after the talks, or a preview weeks before them: a publication date
    # is no meeting date, so near identical coverage stays one event.
    docs = [EventDoc("a", "2025-03-14", "Salburg", (), SUMMIT_A), EventDoc("b", "2025-03-25", "Salburg", (), SUMMIT_B)]
    assert [e.sources for e in group_events(docs)] == [("a", "b")]
    # a stated date that does not fit the publication date (stale, or after it) is none either
    stale = [EventDoc("a", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
             EventDoc("b", "2025-03-27", "Salburg", ("2025-03-14",), SUMMIT_B)]
    assert [e.sources for e in group_events(stale)] == [("a", "b")]


def test_meeting_dates_the_texts_state_a_week_apart_stay_a_veto():
    stated = [EventDoc("a", "2025-03-14", "Salburg", ("2025-03-14",), SUMMIT_A),
              EventDoc("b", "2025-03-22", "Salburg", ("2025-03-21",), SUMMIT_A)]
    assert sorted(e.sources for e in group_events(stated)) == [("a",), ("b",)]


def test_publication_dates_a_week_apart_weigh_more_against_a_pair_than_a_few_days():
    from compare.events import DEFAULT, _graph
    a, b = SUMMIT_A, SUMMIT_B
    days_apart = _graph([EventDoc("a", "2025-03-14", None, (), a), EventDoc("b", "2025-03-20", None, (), b)], DEFAULT)
    week_apart = _graph([EventDoc("a", "2025-03-14", None, (), a), EventDoc("b", "2025-03-28", None, (), b)], DEFAULT)
    same_day = _graph([EventDoc("a", "2025-03-14", None, (), a), EventDoc("b", "2025-03-14", None, (), b)], DEFAULT)
    assert same_day.scores[0] > days_apart.scores[0] > week_apart.scores[0]
    assert not week_apart.firm.any()


def test_a_dated_source_does_not_move_to_an_event_dated_a_week_or_more_from_it():
    # Follow-up coverage recalls the same people's earlier meeting in its words; its publication date, though no
    # veto, keeps it from moving there out of an event its dates fit. Without a date it would move.
    from compare.events import DEFAULT, _graph, _refine

    earlier = ("Kessling and Vantelli quarrelled in Salburg over the Brenner tunnel fund.\n"
               "Vantelli walked out of the talks on the Brenner tunnel.")
    later = ("Kessling and Vantelli met again in Salburg and signed the customs memorandum.\n"
             "The customs memorandum covers border checks.")
    recalls = ("Kessling and Vantelli met in Salburg, months after they quarrelled over the Brenner tunnel fund.\n"
               "Vantelli walked out of the Brenner tunnel talks back then.")

    def moved(published: str | None) -> bool:
        docs = [*(EventDoc(f"a{k}", "2025-02-28", None, ("2025-02-28",), earlier) for k in range(3)),
                *(EventDoc(f"b{k}", "2025-08-18", None, ("2025-08-18",), later) for k in range(3)),
                EventDoc("x", published, None, (), recalls)]
        labels = [0, 0, 0, 1, 1, 1, 1]
        return _refine(_graph(docs, DEFAULT), labels, DEFAULT)[6] == 0

    assert moved(None)
    assert not moved("2025-08-19")


def test_a_report_published_long_after_its_meeting_is_dated_by_the_date_it_writes_out():
    # A press statement republished eleven days after the talks, its date written with its year: the window is
    # that date (evidence, no veto), not the days around publication.
    from compare.events import DEFAULT, _firm, _window

    statement = EventDoc("b", "2025-05-19", None, ("2025-05-08",), SUMMIT_B + "\nIssued on 8 May 2025.")
    day = date(2025, 5, 8).toordinal()
    assert _window(statement, DEFAULT) == (day, day) and not _firm(statement, DEFAULT)
    # a year the text never writes was taken from the publication date: "on May 8" in a preview of May 6
    # resolved a year back dates nothing
    preview = EventDoc("p", "2025-05-06", None, ("2024-05-08",), SUMMIT_B)
    published = date(2025, 5, 6).toordinal()
    assert _window(preview, DEFAULT) == (published - DEFAULT.published_lag, published + DEFAULT.published_lead)


def test_a_report_published_a_week_or_more_before_a_stated_meeting_date_is_another_event():
    # an earlier call, or the announcement of the meeting: its publication date bounds what it can report
    early = [EventDoc("a", "2025-09-10", "Salburg", ("2025-09-10",), SUMMIT_A),
             EventDoc("b", "2025-08-06", "Salburg", (), SUMMIT_B)]
    assert sorted(e.sources for e in group_events(early)) == [("a",), ("b",)]
    late = [EventDoc("a", "2025-09-10", "Salburg", ("2025-09-10",), SUMMIT_A),
            EventDoc("b", "2025-10-06", "Salburg", (), SUMMIT_B)]
    assert [e.sources for e in group_events(late)] == [("a", "b")]


def test_a_report_published_days_after_a_stated_meeting_date_is_follow_up_and_not_set_apart_by_it():
    from compare.events import DEFAULT, _graph

    def score(published: str, dates: tuple[str, ...], other_published: str | None = "2025-03-14",
              other_dates: tuple[str, ...] = ("2025-03-14",)) -> float:
        docs = [EventDoc("a", other_published, None, other_dates, SUMMIT_A), EventDoc("b", published, None, dates, SUMMIT_B)]
        return float(_graph(docs, DEFAULT).scores[0])

    same_day = score("2025-03-14", ())
    assert score("2025-03-20", ()) == same_day  # six days after the talks the other report dates: follow-up
    assert score("2025-03-22", ()) < same_day  # eight days after: the dates weigh against the pair again
    # a meeting date the later report states itself, five days from the other's, still counts against the pair
    assert score("2025-03-20", ("2025-03-19",)) < same_day
    # two publication dates alone do not say which report follows up on which
    assert score("2025-03-20", (), other_dates=()) < score("2025-03-14", (), other_dates=())
    # and a report published before the meeting date the other states is no follow-up
    assert score("2025-03-10", (), other_published="2025-03-15", other_dates=("2025-03-15",)) < same_day


def test_events_left_apart_by_the_first_linkage_merge_once_they_pass_its_checks():
    import dataclasses

    import numpy as np

    from compare import events as ev

    # Two halves of one meeting's coverage, as close across as within: the greedy first linkage can leave them
    # apart (a neighbouring story's reports held one half until the moves took them away); linkage again from the
    # events as they stand merges them.
    pairs = {(i, j): 0.6 if (i < 3) == (j < 3) else 0.5 for i in range(6) for j in range(i + 1, 6)}
    graph = _hand_graph(pairs, 6)
    merged = ev._relink(graph, [0, 0, 0, 3, 3, 3], ev.DEFAULT)
    assert len(set(merged)) == 1
    # with every check of the first linkage: halves that date their news to different weekdays stay apart...
    days = np.array([0, 0, 0, 3, 3, 3], dtype=np.int64)
    by_day = dataclasses.replace(graph, weekdays=days, said_on=days)
    assert ev._relink(by_day, [0, 0, 0, 3, 3, 3], ev.DEFAULT) == [0, 0, 0, 3, 3, 3]
    # ... as do two events the analyst labelled apart, and halves far less close across than within
    labelled = dataclasses.replace(graph, fixed=np.array([0, 0, 0, 1, 1, 1], dtype=np.int64))
    assert len(set(ev._relink(labelled, [0, 0, 0, 3, 3, 3], ev.DEFAULT))) == 2
    apart = _hand_graph({k: (0.6 if v == 0.6 else 0.2) for k, v in pairs.items()}, 6)
    assert ev._relink(apart, [0, 0, 0, 3, 3, 3], ev.DEFAULT) == [0, 0, 0, 3, 3, 3]


def test_capitalised_words_are_those_the_look_behind_first_pattern_finds():
    # the capital is matched before the character ahead of it is looked at (faster): the same words, whatever
    # the text and wherever a search starts or stops
    from compare.events import _CAPITALISED

    reference = re.compile(r"(?<=[ \t“\"'(\-])[A-Z]\w*(?:[’'](?!s\b)\w+)*")
    pieces = [" ", "\t", "\n", "“", '"', "'", "’", "(", "-", "s", "A", "Oslo", "a", "é", "1", "_", "O'Brien"]
    draw = random.Random(3)
    for _ in range(3000):
        text = "".join(draw.choice(pieces) for _ in range(draw.randrange(16)))
        start, end = draw.randrange(4), draw.randrange(40)
        assert _CAPITALISED.findall(text, start, end) == reference.findall(text, start, end)


def test_unspaced_script_is_read_as_character_pairs_beside_quotes_and_dashes():
    from compare.events import _terms

    assert _terms("The “talks” — 東京会談 held") == ["The", "talks", "held", "東京", "京会", "会談"]
    assert _terms("The “talks” — held") == ["The", "talks", "held"]
