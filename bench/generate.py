"""Build a corpus of N events x M outlets from real sentences, with known differences, and its ground truth.

    python bench/generate.py OUT_DIR [--events 100] [--outlets 10] [--seed 0] [--pool PATH ...]

Each event is a story of real sentences drawn from the pool (the five seed articles and the test articles by
default, plus any files or folders crosscheck can read), with the names in them replaced by names made up for
that event and the dates by the event's date, so that events differ the way real meetings do: by who met,
where and when. Every outlet then writes its own article of the story with injected, recorded differences:

- omissions: a shared sentence left out, and a few sentences each outlet alone carries (which the others
  therefore omit);
- agreements: a sentence kept, or paraphrased by a synonym swap or by moving an opening clause to the end;
- contradictions (at most one outlet per sentence): negation, hedging ("it was not made clear whether ..."),
  a changed number, date or name;
- page furniture (a title, a date stamp, "Most Popular" lists, share buttons) and a duplicated paragraph.

OUT_DIR/articles/*.txt holds the articles (one file per outlet and event, read as plain text; --formats
jsonl,parquet also writes them as OUT_DIR/corpus.jsonl and as a folder of Parquet files) and
OUT_DIR/truth.json the ground truth: per article the span of every body sentence with the story sentence it
renders and what was done to it, the spans of furniture and of the duplicate, and the events.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_POOL = (ROOT / "seeds", ROOT / "tests" / "fixtures")

# Shape of the corpus; the rates are per sentence of an outlet's article (contradictions: per story sentence).
STORY_SENTENCES = 12  # sentences every outlet of the event may report
# Sentences only one outlet reports (background, a detail of its own): independent reports share a story, not
# their wording, and without these the articles would read as syndicated copies of one another.
EXCLUSIVE_PER_OUTLET = 3
OMIT_RATE = 0.08
PARAPHRASE_RATE = 0.35
CONTRADICT_RATE = 0.12
FURNITURE_RATE = 0.5  # share of articles with a "Most Popular" block and share buttons
DUPLICATE_RATE = 0.3  # share of articles that repeat one body paragraph
FIRST_DAY = date(2021, 1, 4)
SHARD_ROWS = 1000  # rows per Parquet file: a big corpus comes as a folder of many files

CONTRADICTIONS = ("negation", "hedge", "number", "date", "name")
AGREEMENTS = ("keep", "synonym", "reorder")

MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
_FUNCTION_WORDS = frozenset("The A An In On At It This That He She They We I But For As With During After Before "
                            "According Moreover Specifically Also When While Both Each".split())

# General English synonyms (both directions are used); nothing here is specific to any article.
SYNONYMS = {
    "agreed": "concurred", "confirmed": "affirmed", "strengthen": "reinforce", "strengthening": "reinforcing",
    "boost": "increase", "accelerate": "speed up", "said": "stated", "talks": "discussions",
    "plans": "intends", "planning": "intending", "important": "crucial", "closely": "tightly",
    "further": "additionally", "discussed": "talked about", "cooperation": "collaboration", "first": "initial",
    "regularly": "routinely", "set up": "establish", "help": "assist", "work together": "cooperate",
    "reviewing": "examining", "commitment": "pledge", "issue": "release", "consider": "weigh",
}
SYNONYMS |= {v: k for k, v in list(SYNONYMS.items())}
_OPENING_CLAUSE = re.compile(r"^((?:In|During|On|As part of|For|According to|With|After|Amid)\b[^,]{2,60}|"
                             r"In addition|Moreover|Specifically|Meanwhile), (.+?)([.!?])$")
_AUXILIARY = re.compile(r"\b(will|would|should|can|could|is|are|was|were|has|have|had)\b(?! not\b)")
_PAST_VERBS = {
    "agreed": "did not agree", "confirmed": "did not confirm", "affirmed": "did not affirm",
    "reached": "did not reach", "discussed": "did not discuss", "shared": "did not share",
    "reiterated": "did not reiterate", "concurred": "did not concur", "held": "did not hold",
    "said": "did not say", "addressed": "did not address", "assured": "did not assure",
    "plans": "does not plan", "remains": "does not remain", "reaffirmed": "did not reaffirm",
}
_PAST_VERB = re.compile(r"\b(" + "|".join(_PAST_VERBS) + r")\b")
_NUMBER_WITH_UNIT = re.compile(r"\b(\d{1,3})(\s+[a-z]{3,})")
_SPELLED = ("two three four five six seven eight nine ten").split()
_SPELLED_WITH_UNIT = re.compile(r"\b(" + "|".join(_SPELLED) + r")(\s+[a-z]{3,})")
_MONTH_DAY = re.compile(r"\b(" + "|".join(MONTHS) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
                        r"\s+(\d{1,2})\b(?:,\s+\d{4})?")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")
_NAME = re.compile(r"(?<![\w.’'-])[A-Z][a-z]{2,}(?![\w-])")
_SYLLABLES = ("ka ri to mo na se lu vi ra den mar tel os an bel cor dra fen gal hov is jor kel lim nor "
              "pel quin ros sar tun val wen yor zel").split()


@dataclass
class Rendered:
    """One sentence of an outlet's article: the story sentence it renders and what was done to it."""

    base: int
    op: str
    text: str


@dataclass
class Article:
    id: str
    event: int
    outlet: int
    text: str = ""
    sentences: list[dict] = field(default_factory=list)
    furniture: list[list] = field(default_factory=list)
    omitted: list[int] = field(default_factory=list)


def load_pool(paths) -> list[str]:
    """Body sentences of every article under `paths`, as crosscheck itself cleans and splits them."""
    from compare.models import Settings
    from compare.pipeline import prepare
    from compare.sources import load_sources

    pool: list[str] = []
    for source in load_sources([str(p) for p in paths], Settings(skip_invalid=True)):
        for sentence in prepare(source).sentences:
            text = sentence.text
            if 8 <= len(text.split()) <= 45 and text[-1] in ".!?" and text[0].isupper() and text not in pool:
                pool.append(text)
    pool = distinct_facts(pool)
    if len(pool) < STORY_SENTENCES + 1:
        raise SystemExit(f"the pool holds {len(pool)} usable sentences; pass --pool with more articles")
    return pool


# A pool sentence that shares at least this share of its content words (of the shorter sentence's) with one kept
# before it restates that fact and is left out. The test articles tell some facts in several versions on purpose
# ("the talks lasted 3 hours" / "5 hours"; "agreed to share" / "reviewed how they share"); put into one story as
# two unrelated sentences, the truth would call their conflict "omitted" and count crosscheck wrong for seeing it.
RESTATED_SHARE = 0.5
_POOL_STOP = frozenset("the and for with from that this was were are been has have had its their his her after "
                       "before said says say which who will would".split())


def _content_words(sentence: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", sentence.lower()) if len(w) > 2 and w not in _POOL_STOP}


# A sentence that gives how long something lasted: a story tells the length of the talks once, and two such
# sentences from different meetings of the pool ("talks for 3 hours" / "discussions for 35 minutes") are two
# versions of one fact.
_DURATION = re.compile(r"\b(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|half)\s+(?:hours?|minutes?)\b",
                       re.IGNORECASE)


def distinct_facts(pool: list[str]) -> list[str]:
    """The pool with sentences that restate an earlier one (see RESTATED_SHARE, and _DURATION) left out, order
    kept."""
    kept: list[tuple[str, set[str]]] = []
    told_length = False
    for sentence in pool:
        words = _content_words(sentence)
        length = _DURATION.search(sentence) is not None
        if length and told_length:
            continue
        if all(len(words & other) < RESTATED_SHARE * max(1, min(len(words), len(other))) for _, other in kept):
            kept.append((sentence, words))
            told_length = told_length or length
    return [sentence for sentence, _ in kept]


def pool_names(pool: list[str]) -> list[str]:
    """Capitalised words that never occur in lower case in the pool: the names to replace per event."""
    lower = {w for s in pool for w in re.findall(r"[a-z][a-z]+", s)}
    names = set()
    for sentence in pool:
        for m in _NAME.finditer(sentence):
            word = m.group(0)
            # "Minister" is a title when "ministers" occurs in lower case: a shared stem, not a name.
            stem = word.lower()[: max(4, len(word) - 2)]
            common = any(w.startswith(stem) for w in lower)
            if not common and word not in _FUNCTION_WORDS and word not in MONTHS + WEEKDAYS:
                names.add(word)
    return sorted(names)


class NameMaker:
    """Made-up names, unique over the whole corpus."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def __call__(self) -> str:
        while True:
            name = "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.choice((3, 3, 4)))).capitalize()
            if name not in self.used:
                self.used.add(name)
                return name


def _long_date(day: date) -> str:
    return f"{MONTHS[day.month - 1]} {day.day}"


def localise(sentence: str, names: dict[str, str], day: date) -> str:
    """A pool sentence told of this event: its names and dates replaced."""
    sentence = _NAME.sub(lambda m: names.get(m.group(0), m.group(0)), sentence)
    sentence = _MONTH_DAY.sub(lambda m: _long_date(day), sentence)
    return _WEEKDAY.sub(WEEKDAYS[day.weekday()], sentence)


def _lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text if first.isupper() or (first[:1].isupper() and first not in _FUNCTION_WORDS) else text[0].lower() + text[1:]


def paraphrase(text: str, rng: random.Random) -> tuple[str, str] | None:
    """(op, text) for a meaning-preserving rewrite, or None when no rewrite applies."""
    options = []
    m = _OPENING_CLAUSE.match(text)
    if m:
        clause, rest, end = m.groups()
        options.append(("reorder", f"{rest[0].upper()}{rest[1:]}, {_lower_first(clause)}{end}"))
    hits = [k for k in SYNONYMS if re.search(rf"\b{re.escape(k)}\b", text)]
    if hits:
        out = text
        for key in rng.sample(sorted(hits), min(2, len(hits))):
            out = re.sub(rf"\b{re.escape(key)}\b", SYNONYMS[key], out, count=1)
        options.append(("synonym", out))
    return rng.choice(options) if options else None


def contradict(text: str, kind: str, rng: random.Random, day: date, new_name) -> str | None:
    """`text` changed so that it contradicts itself in the way `kind` names, or None when that cannot apply."""
    if kind == "negation":
        if _AUXILIARY.search(text):
            return _AUXILIARY.sub(lambda m: f"{m.group(1)} not", text, count=1)
        if _PAST_VERB.search(text):
            return _PAST_VERB.sub(lambda m: _PAST_VERBS[m.group(1)], text, count=1)
        return None
    if kind == "hedge":
        return f"It was not made clear whether {_lower_first(text[:-1])}."
    if kind == "number":
        m = _NUMBER_WITH_UNIT.search(text)
        if m:
            value = int(m.group(1))
            return text[: m.start()] + f"{value + rng.randint(2, 9)}{m.group(2)}" + text[m.end():]
        m = _SPELLED_WITH_UNIT.search(text)
        if m:
            others = [w for w in _SPELLED if w != m.group(1)]
            return text[: m.start()] + rng.choice(others) + m.group(2) + text[m.end():]
        return None
    if kind == "date":
        shift = timedelta(days=rng.choice((-3, -2, 2, 3, 5)))
        if _MONTH_DAY.search(text):
            return _MONTH_DAY.sub(lambda m: _long_date(day + shift), text, count=1)
        if _WEEKDAY.search(text):
            return _WEEKDAY.sub(WEEKDAYS[(day + shift).weekday()], text, count=1)
        return None
    if kind == "name":
        found = [m for m in _NAME.finditer(text) if m.start() > 0 and m.group(0) not in _FUNCTION_WORDS]
        if not found:
            return None
        m = rng.choice(found)
        return text[: m.start()] + new_name() + text[m.end():]
    raise ValueError(kind)


def _furniture(rng: random.Random, new_name) -> list[str]:
    """A "Most Popular" block of made-up headlines and share buttons: page furniture, never body text."""
    heads = [f"{new_name()} {rng.choice(('Unveils', 'Rejects', 'Plans', 'Backs', 'Delays'))} "
             f"{rng.choice(('New', 'Revised', 'Joint', 'Regional'))} "
             f"{rng.choice(('Budget', 'Trade Deal', 'Rail Link', 'Energy Plan', 'Port Project'))}"
             for _ in range(rng.randint(3, 5))]
    return ["Most Popular", *(f"- {h}" for h in heads), "Share this article", "Advertisement"]


def build_event(e: int, pool: list[str], names_in_pool: list[str], outlets: int, rng: random.Random,
                new_name) -> tuple[dict, list[Article]]:
    day = FIRST_DAY + timedelta(days=e * 3 // 2)
    names = {n: new_name() for n in names_in_pool}
    place = new_name()
    exclusive = min(EXCLUSIVE_PER_OUTLET, (len(pool) - STORY_SENTENCES) // outlets)
    story = [localise(s, names, day) for s in rng.sample(pool, STORY_SENTENCES + exclusive * outlets)]
    owner = {STORY_SENTENCES + o * exclusive + k: o for o in range(outlets) for k in range(exclusive)}
    # Which outlet contradicts which shared story sentence, and how (at most one outlet per sentence).
    contradictions: dict[int, tuple[int, str, str]] = {}
    for i, text in enumerate(story[:STORY_SENTENCES]):
        if rng.random() < CONTRADICT_RATE:
            for kind in rng.sample(CONTRADICTIONS, len(CONTRADICTIONS)):
                changed = contradict(text, kind, rng, day, new_name)
                if changed and changed != text:
                    contradictions[i] = (rng.randrange(outlets), kind, changed)
                    break
    articles = []
    for o in range(outlets):
        article = Article(id=f"e{e:05d}-o{o:02d}", event=e, outlet=o)
        rendered: list[Rendered] = []
        own = [i for i, who in owner.items() if who == o]
        # The outlet's own sentences go between the shared ones, at places of its choosing.
        slots = {rng.randrange(STORY_SENTENCES + 1): i for i in own}
        order = [i for k in range(STORY_SENTENCES + 1) for i in ([slots[k]] if k in slots else [])
                 + ([k] if k < STORY_SENTENCES else [])]
        order += [i for i in own if i not in order]
        for i in order:
            text = story[i]
            if i in contradictions and contradictions[i][0] == o:
                rendered.append(Rendered(i, contradictions[i][1], contradictions[i][2]))
            elif i < STORY_SENTENCES and rng.random() < OMIT_RATE and i not in contradictions:
                article.omitted.append(i)
            elif rng.random() < PARAPHRASE_RATE and (p := paraphrase(text, rng)):
                rendered.append(Rendered(i, p[0], p[1]))
            else:
                rendered.append(Rendered(i, "keep", text))
        article.omitted = sorted(article.omitted + [i for i, who in owner.items() if who != o])
        published = day + timedelta(days=o % 2)
        write_article(article, rendered, names, place, published, rng, new_name)
        articles.append(article)
    event = {"index": e, "date": day.isoformat(), "place": place, "sources": [a.id for a in articles],
             "story": story, "exclusive": {str(i): f"e{e:05d}-o{o:02d}" for i, o in sorted(owner.items())},
             "contradictions": {str(i): [f"e{e:05d}-o{o:02d}", kind]
                                                for i, (o, kind, _t) in sorted(contradictions.items())}}
    return event, articles


def write_article(article: Article, rendered: list[Rendered], names: dict[str, str], place: str,
                  published: date, rng: random.Random, new_name) -> None:
    """Lay the article out as a web page's text, recording every span."""
    parts: list[str] = []
    pos = 0

    def add(line: str, kind: str | None = None) -> int:
        nonlocal pos
        start = pos
        parts.append(line + "\n")
        pos += len(line) + 1
        if kind:
            article.furniture.append([start, start + len(line), kind])
        return start

    people = [n for n in names.values()][:2]
    add(f"{people[0]} and {people[-1]} Hold Talks in {place}", "title")
    add(rng.choice((f"{MONTHS[published.month - 1]} {published.day}, {published.year}", published.isoformat())),
        "date")
    # Paragraphs of one or two sentences; the first may open with a dateline.
    paragraphs: list[list[Rendered]] = []
    for r in rendered:
        if paragraphs and len(paragraphs[-1]) == 1 and rng.random() < 0.3:
            paragraphs[-1].append(r)
        else:
            paragraphs.append([r])
    duplicate = rng.randrange(len(paragraphs)) if paragraphs and rng.random() < DUPLICATE_RATE else None
    furniture_at = rng.randrange(1, len(paragraphs) + 1) if paragraphs and rng.random() < FURNITURE_RATE else None
    dateline = f"{place.upper()} — " if rng.random() < 0.5 else ""
    for k, paragraph in enumerate(paragraphs):
        if k == furniture_at:
            for line in _furniture(rng, new_name):
                add(line, "furniture")
        prefix = dateline if k == 0 else ""
        start = add(prefix + " ".join(r.text for r in paragraph))
        if prefix:
            article.furniture.append([start, start + len(prefix.rstrip()), "dateline"])
        offset = start + len(prefix)
        for r in paragraph:
            article.sentences.append({"base": r.base, "op": r.op, "start": offset, "end": offset + len(r.text)})
            offset += len(r.text) + 1
    if furniture_at == len(paragraphs):
        for line in _furniture(rng, new_name):
            add(line, "furniture")
    if duplicate is not None:
        start = add(" ".join(r.text for r in paragraphs[duplicate]))
        article.furniture.append([start, start + len(parts[-1]) - 1, "duplicate"])
        offset = start
        for r in paragraphs[duplicate]:
            # The copy renders the same story sentences: whichever copy is kept maps back to them.
            article.sentences.append({"base": r.base, "op": r.op, "start": offset, "end": offset + len(r.text),
                                      "copy": True})
            offset += len(r.text) + 1
    article.text = "".join(parts)


def generate(out: Path, events: int, outlets: int, seed: int = 0, pool_paths=DEFAULT_POOL,
             formats: tuple[str, ...] = ("txt",)) -> dict:
    """Write the corpus and its ground truth under `out`; return the ground truth.

    `formats`: "txt" (articles/*.txt), "jsonl" (corpus.jsonl), "parquet" (parquet/part-*.parquet, a folder of
    many files of at most SHARD_ROWS rows); the same articles, with the same ids, in each.
    """
    rng = random.Random(seed)
    pool = load_pool(pool_paths)
    names_in_pool = pool_names(pool)
    new_name = NameMaker(rng)
    folder = out / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    truth = {"events": [], "articles": {}, "outlets": outlets, "seed": seed}
    rows = []
    for e in range(events):
        event, articles = build_event(e, pool, names_in_pool, outlets, rng, new_name)
        truth["events"].append(event)
        for a in articles:
            if "txt" in formats:
                (folder / f"{a.id}.txt").write_text(a.text, encoding="utf-8")
            rows.append({"id": a.id, "text": a.text})
            truth["articles"][a.id] = {"event": e, "outlet": a.outlet, "sentences": a.sentences,
                                       "furniture": a.furniture, "omitted": a.omitted}
    if "jsonl" in formats:
        with open(out / "corpus.jsonl", "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    if "parquet" in formats:
        import pyarrow as pa
        import pyarrow.parquet as pq

        (out / "parquet").mkdir(exist_ok=True)
        for k in range(0, len(rows), SHARD_ROWS):
            shard = rows[k : k + SHARD_ROWS]
            table = pa.table({"id": [r["id"] for r in shard], "text": [r["text"] for r in shard]})
            pq.write_table(table, out / "parquet" / f"part-{k // SHARD_ROWS:04d}.parquet")
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, sort_keys=True), encoding="utf-8")
    return truth


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--outlets", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pool", type=Path, nargs="*", help="articles whose sentences stories are drawn from")
    parser.add_argument("--formats", default="txt", help="comma-separated: txt, jsonl, parquet")
    args = parser.parse_args(argv)
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    truth = generate(args.out, args.events, args.outlets, args.seed, tuple(args.pool or DEFAULT_POOL), formats)
    print(f"wrote {len(truth['articles'])} articles in {len(truth['events'])} events to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
