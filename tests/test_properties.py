"""Property tests of the whole pipeline on random articles: random text, white space and page furniture."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from compare.models import Source
from compare.pipeline import compare_sources
from compare.sentences import fold

WORDS = ["ministers", "agreed", "talks", "harbour", "Oslo", "Geneva", "not", "3", "percent", "U.S.", "Gen.", "river", "deal"]

sentence = st.lists(st.sampled_from(WORDS), min_size=3, max_size=12).map(lambda ws: " ".join(ws).capitalize() + ".")
noise = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
furniture = st.sampled_from(
    ["-", "• Home", "- Storm Floods Coastal Towns Again", "Most Popular", "Share this article", "Short Url:",
     "10:30 GMT, March 3, 2025", "Source link", "return to top", "<", "JN ACCESS RANKING"]
)
line = st.one_of(sentence, sentence, noise, furniture)
gap = st.sampled_from(["\n", "\n\n", " \n", "\t\n", "\r\n", "\n   \n"])


@st.composite
def article(draw) -> str:
    lines = draw(st.lists(line, min_size=1, max_size=14))
    if lines and draw(st.booleans()):
        lines += lines[: draw(st.integers(0, len(lines)))]  # a repeated body, as some pages carry
    return "".join(l + draw(gap) for l in lines)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(article(), min_size=1, max_size=3))
def test_random_articles_offsets_coverage_and_determinism(texts):
    sources = [Source(f"s{i}", f"s{i}.txt", t) for i, t in enumerate(texts)]
    result = compare_sources(sources)
    for source in sources:
        mark = bytearray(len(source.text))
        spans = [s for s in result.sentence_records if s.source == source.id]
        spans += [d for d in result.dropped_records if d.source == source.id]
        for span in spans:
            assert fold(source.text[span.start:span.end]) == span.text
            mark[span.start:span.end] = b"\x01" * (span.end - span.start)
        assert all(mark[i] for i, ch in enumerate(source.text) if not ch.isspace())
    members = {sid: e for e in result.events for sid in e.sources}
    keys = {(f.source, f.sentence_id, f.other_source) for f in result.finding_records}
    expected = {
        (s.source, s.id, other)
        for s in result.sentence_records
        if s.source in members
        for other in members[s.source].sources
        if other != s.source
    }
    assert keys == expected
    assert compare_sources(sources) == result
