"""Syndicated copies: near-identical texts found without comparing every pair, origin chosen by date then id."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from compare.models import Settings, Source
from compare.sources import load_sources
from compare import syndication
from compare.syndication import _join_copies, _shingles, copy_groups, find_copies, is_copy, tokens

ROOT = Path(__file__).parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "inputs"

WIRE = (
    "Portugal and Japan signed a memorandum on port cooperation on Tuesday, covering customs data exchange, "
    "shore power for ships and training for port workers. Portuguese Trade Minister Ana Ferreira and the Japanese "
    "minister signed the document after talks that lasted about an hour and a half in Lisbon. The first joint "
    "training course for port staff is planned for September in Sines, Ferreira told reporters. A delegation of "
    "12 Japanese port operators would visit Portugal before the end of the year, the Japanese side said. Fishing "
    "quotas were not discussed, the Portuguese ministry said. Officials from both countries will meet again in "
    "Tokyo in the spring to review the first results of the agreement and to set targets for shore power use."
)
OWN_REPORT = (
    "Portugal's trade minister and her Japanese counterpart agreed in Lisbon on Tuesday to build a green shipping "
    "corridor between their ports. Under the memorandum, customs will share data on cargo, and ships will be able "
    "to plug into shore power in Sines. Training for port staff will begin in September. The ministers met for "
    "roughly an hour and a half, and fishing was not on the agenda, a spokesperson said."
)


def src(source_id: str, text: str, published: str | None = None) -> Source:
    return Source(id=source_id, path=f"{source_id}.txt", text=text, published=published)


def test_fixture_wire_copy_points_to_the_earlier_wire_story():
    sources = load_sources([FIXTURES], Settings())
    assert find_copies(sources) == {"coastal-daily-0305": "aps_wire"}


def test_seeds_have_no_copies_although_some_report_one_meeting():
    assert find_copies(load_sources([ROOT / "seeds"], Settings())) == {}


def test_identical_up_to_case_quotes_white_space_and_width():
    folded = WIRE.upper().replace(" ", "  \n").replace("'", "’").replace("12", "１２")
    assert tokens(folded) == tokens(WIRE)
    assert find_copies([src("a", WIRE), src("b", folded)]) == {"b": "a"}


def test_copy_inside_a_sites_page_furniture():
    page = (
        "Home | World | Business\nShare this article\n" + WIRE + "\nMost read: Ferry fares rise again\n© Coastal Daily"
    )
    assert find_copies([src("site", page, "2025-03-05"), src("wire", WIRE, "2025-03-04")]) == {"site": "wire"}


def test_copy_trimmed_from_the_bottom():
    trimmed = WIRE[: WIRE.index("Fishing quotas")]
    assert find_copies([src("wire", WIRE, "2025-03-04"), src("short", trimmed, "2025-03-05")]) == {"short": "wire"}


def test_copy_with_a_sentence_edited():
    edited = WIRE.replace("Fishing quotas were not discussed, the Portuguese ministry said.",
                          "The ministry said the talks had not touched on fishing.")
    assert find_copies([src("wire", WIRE, "2025-03-04"), src("edited", edited)]) == {"edited": "wire"}


def test_independent_report_of_the_same_meeting_is_not_a_copy():
    assert find_copies([src("wire", WIRE), src("own", OWN_REPORT)]) == {}


def test_quoting_one_paragraph_does_not_make_a_copy():
    paragraph = WIRE[: WIRE.index(" Portuguese Trade")]
    assert not is_copy(_shingles(paragraph), _shingles(WIRE))
    assert find_copies([src("wire", WIRE), src("quote", paragraph)]) == {}


def test_origin_is_earliest_published_then_smallest_id_and_undated_last():
    sources = [src("a-undated", WIRE), src("b-late", WIRE, "2025-03-06"), src("c-early", WIRE, "2025-03-04"),
               src("d-early", WIRE, "2025-03-04")]
    assert find_copies(sources) == {"a-undated": "c-early", "b-late": "c-early", "d-early": "c-early"}
    assert find_copies([src("z", WIRE), src("y", WIRE)]) == {"z": "y"}


def test_copy_groups_turn_the_answer_round():
    assert copy_groups({"d": "a", "b": "a", "z": "c"}) == {"a": ("b", "d"), "c": ("z",)}
    assert copy_groups({}) == {}


def test_empty_and_one_word_texts():
    assert find_copies([]) == {}
    assert find_copies([src("a", "...")]) == {}
    assert find_copies([src("a", "Talks."), src("b", "talks")]) == {"b": "a"}
    assert find_copies([src("a", "..."), src("b", "!!!")]) == {}


def test_japanese_copies_are_found_character_by_character():
    text = ("日米両政府は十二日、横浜市で防衛相会談を行い、南西地域における共同訓練を拡大する方針で一致した。"
            "会談は約四十分間。両氏はまた、宇宙やサイバーといった新たな分野での協力を進めることも確認した。")
    other = "関係者によると、次回の会談は来年春に東京で開かれる見通しだという。会談後、共同記者会見は開かれなかった。"
    assert find_copies([src("a", text), src("b", "【横浜】" + text)]) == {"b": "a"}
    assert find_copies([src("a", text), src("c", other)]) == {}


# Against an obviously correct reference, at a size where comparing all pairs is still possible ------------


def synthetic_corpus(seed: int, originals: int = 300) -> list[Source]:
    """Articles of random words, and for some of them copies of every degree: exact, edited, trimmed, padded."""
    rng = random.Random(seed)
    vocabulary = ["".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(2, 9))) for _ in range(3000)]
    sources = []
    for n in range(originals):
        words = rng.choices(vocabulary, k=rng.randint(80, 400))
        sources.append(src(f"o{n:04d}", " ".join(words), f"2025-01-{rng.randint(1, 28):02d}"))
        if n % 3 == 0:
            copy = list(words)
            kind = n % 4
            if kind == 1:  # a share of words replaced, from 0 to 30 %
                for i in rng.sample(range(len(copy)), k=int(len(copy) * rng.uniform(0, 0.3))):
                    copy[i] = rng.choice(vocabulary)
            elif kind == 2:  # trimmed to 30-100 %
                copy = copy[: max(1, int(len(copy) * rng.uniform(0.3, 1.0)))]
            elif kind == 3:  # padded with 0-120 % of other words
                copy += rng.choices(vocabulary, k=int(len(copy) * rng.uniform(0, 1.2)))
            sources.append(src(f"c{n:04d}", " ".join(copy), None))
    return sources


def reference_copies(sources: list[Source]) -> dict[str, str]:
    """All pairs, then connected groups, then the origin rule: slow and plainly right."""
    shingles = [_shingles(s.text) for s in sources]
    groups = [{i} for i in range(len(sources))]
    for i, j in itertools.combinations(range(len(sources)), 2):
        if is_copy(shingles[i], shingles[j]):
            gi = next(g for g in groups if i in g)
            gj = next(g for g in groups if j in g)
            if gi is not gj:
                gi |= gj
                groups.remove(gj)
    result = {}
    for group in groups:
        origin = min(group, key=lambda i: (sources[i].published is None, sources[i].published or "", sources[i].id))
        result.update({sources[i].id: sources[origin].id for i in group if i != origin})
    return dict(sorted(result.items()))


def test_matches_the_all_pairs_reference():
    sources = synthetic_corpus(seed=7)
    expected = reference_copies(sources)
    assert len(expected) > 50  # the corpus does hold copies of every kind
    assert find_copies(sources) == expected


def test_does_not_compare_all_pairs_at_scale():
    sources = synthetic_corpus(seed=11, originals=3000)
    shingles = [_shingles(s.text) for s in sources]
    all_pairs = len(sources) * (len(sources) - 1) // 2
    assert _join_copies(shingles, list(range(len(sources)))) < all_pairs / 1000
    copies = find_copies(sources)
    assert all(copy.startswith("c") and origin == "o" + copy[1:] for copy, origin in copies.items())


def test_same_answer_on_a_rerun_and_in_any_order():
    sources = synthetic_corpus(seed=3, originals=60)
    assert find_copies(sources) == find_copies(list(reversed(sources)))


# Many near-identical short texts (templated briefs, a crawl's error pages) -----------------------------------------


def briefs(groups: int, each: int, seed: int = 5) -> list[Source]:
    """`groups` templates of a few random words, each sent out `each` times with one number changed."""
    rng = random.Random(seed)
    templates = [" ".join("".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=6)) for _ in range(8))
                 for _ in range(groups)]
    return [src(f"s{n:05d}", f"{templates[n % groups]} item {n}.") for n in range(groups * each)]


def test_many_copies_of_a_few_templates_take_checks_in_proportion_to_their_number():
    # Every brief is a copy of every other of its template. Checking each pair of a template's briefs that share
    # a MinHash band took 10 x 45,000 exact checks here (at 10,000 briefs, 2.5 minutes and 5 GB of candidate
    # pairs); a pair already joined through others needs no check.
    sources = briefs(groups=10, each=300)
    assert find_copies(sources) == {s.id: f"s{int(s.id[1:]) % 10:05d}" for s in sources[10:]}
    shingles = [_shingles(s.text) for s in sources]
    assert _join_copies(shingles, list(range(len(sources)))) < 3 * len(sources)


def test_identical_texts_are_copies_without_an_exact_check_each():
    sources = [src(f"p{n:04d}", "Page not found. The page you asked for does not exist or has moved.")
               for n in range(2000)] + [src("z", WIRE), src("y", OWN_REPORT)]
    assert find_copies(sources) == {f"p{n:04d}": "p0000" for n in range(1, 2000)}
    shingles = [_shingles(s.text) for s in sources]
    assert _join_copies(shingles, list(range(len(sources)))) < 10


def test_templates_sharing_phrases_match_the_all_pairs_reference():
    # Briefs of ten places share two of their seven shingles with every other place's: pairs across places meet
    # in MinHash bands and must be checked, and are not copies.
    places = ["Oslo", "Lima", "Quito", "Accra", "Dakar", "Hanoi", "Riga", "Sofia", "Tunis", "Bern"]
    sources = [src(f"s{n:04d}", f"Ministers met in {places[n % 10]} on Monday. They agreed on item {n}.")
               for n in range(400)]
    expected = reference_copies(sources)
    assert len(set(expected.values())) == 10
    assert find_copies(sources) == expected


def test_any_split_between_pairs_read_at_once_and_the_loop_gives_the_reference_groups(monkeypatch):
    # Buckets with fewest pairs are read as pairs at once, up to PAIRS_AT_ONCE pairs in all, in steps of
    # PAIRS_PER_STEP; the rest go through the loop. Every split, and steps of a few pairs, find the same groups.
    places = ["Oslo", "Lima", "Quito", "Accra", "Dakar"]
    sources = synthetic_corpus(seed=13, originals=45) + [
        src(f"s{n:04d}", f"Ministers met in {places[n % 5]} on Monday. They agreed on item {n}.") for n in range(150)
    ]
    expected = reference_copies(sources)
    assert len(set(expected.values())) > 10  # copies of articles, and of each place's brief
    for at_once, per_step in ((0, 10_000), (40, 10_000), (2_000, 7), (10**9, 10_000)):
        monkeypatch.setattr(syndication, "PAIRS_AT_ONCE", at_once)
        monkeypatch.setattr(syndication, "PAIRS_PER_STEP", per_step)
        assert find_copies(sources) == expected, (at_once, per_step)


def test_a_long_text_is_signed_in_runs_with_the_signature_of_all_its_shingles_at_once():
    import tracemalloc

    import numpy as np

    rng = random.Random(7)
    long_text = " ".join(f"w{rng.randrange(10**9)}" for _ in range(200_000))  # 200,000 shingles
    shingles = _shingles(long_text)
    rng_np = np.random.default_rng(syndication._SEED)
    count = syndication.BANDS * syndication.ROWS
    a = rng_np.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    b = rng_np.integers(0, 2**63, size=count, dtype=np.uint64)
    at_once = (np.multiply.outer(a, shingles[:50_000]) + b[:, None]).min(axis=1)
    assert (syndication._signatures([shingles[:50_000]])[0] == at_once).all()
    tracemalloc.start()
    try:
        signed = syndication._signatures([shingles])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert signed.shape == (1, count)
    assert peak < 100 * 2**20, f"{peak / 2**20:.0f} MB"  # all shingles at once: 600 MB
