"""The pipeline on articles written for the tests: a meeting the seeds do not cover, with known differences."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from compare.api import compare, diff
from compare.models import Relation, Settings, Source
from compare.pipeline import EventWork, compare_event, event_doc, event_works, prepare
from compare.events import group_events

ARTICLES = Path(__file__).resolve().parent / "fixtures" / "articles"


@pytest.fixture(scope="module")
def result():
    return compare([ARTICLES])


def text_of(result, source: str, sentence_id: int) -> str:
    return next(s.text for s in result.sentence_records if s.source == source and s.id == sentence_id)


def finding(result, source: str, words: str, other: str):
    sentence = next(s for s in result.sentence_records if s.source == source and words in s.text)
    return next(
        f for f in result.finding_records
        if f.source == source and f.sentence_id == sentence.id and f.other_source == other
    )


def test_meetings_weeks_apart_are_different_events(result):
    groups = sorted(sorted(e.sources) for e in result.events)
    assert groups == [["iberia_daily", "lisbon_herald", "ministry_readout"], ["madrid_courier"]]
    lisbon = next(e for e in result.events if "lisbon_herald" in e.sources)
    assert lisbon.date == "2025-03-03" and lisbon.place == "Lisbon"


def test_number_conflict_is_a_contradiction(result):
    f = finding(result, "lisbon_herald", "lasted 3 hours", "iberia_daily")
    assert f.relation == Relation.CONTRADICT
    assert "numbers" in f.reason and "3" in f.reason and "5" in f.reason
    assert "5 hours" in text_of(result, "iberia_daily", f.other_sentence_id)


def test_certainty_conflict_is_a_contradiction(result):
    f = finding(result, "lisbon_herald", "not immediately clear whether", "iberia_daily")
    assert f.relation == Relation.CONTRADICT and f.reason.startswith("certainty")
    assert "Douro" in text_of(result, "iberia_daily", f.other_sentence_id)


def test_claims_one_outlet_alone_reports_are_omitted(result):
    for source, words in [("lisbon_herald", "Farmers' groups"), ("ministry_readout", "wildfire"), ("iberia_daily", "Environmental groups")]:
        for other in {"iberia_daily", "lisbon_herald", "ministry_readout"} - {source}:
            f = finding(result, source, words, other)
            assert f.relation == Relation.OMITTED and f.other_sentence_id is None
            assert f.reason.startswith("omitted:")


def test_shared_claim_agrees_across_all_three(result):
    for source, other in [("lisbon_herald", "iberia_daily"), ("lisbon_herald", "ministry_readout"), ("iberia_daily", "ministry_readout")]:
        f = finding(result, source, "June", other)
        assert f.relation in (Relation.AGREE, Relation.PARTIAL)
        assert "June" in text_of(result, other, f.other_sentence_id)


def test_place_variant_and_weekday_are_not_contradictions(result):
    contradicting = {(f.source, f.other_source) for f in result.finding_records if f.relation == Relation.CONTRADICT}
    assert ("ministry_readout", "lisbon_herald") not in contradicting
    assert ("lisbon_herald", "ministry_readout") not in contradicting


def test_single_source_event_still_has_its_sentences(result):
    assert any(s.source == "madrid_courier" for s in result.sentence_records)
    assert not any(f.source == "madrid_courier" for f in result.finding_records)


def test_per_event_step_is_pure_and_picklable(result):
    prepared = [prepare(s) for s in result.sources]
    events = group_events([event_doc(p) for p in prepared])
    works = event_works(events, prepared, Settings())
    for work in works:
        assert isinstance(work, EventWork)
        shipped = pickle.loads(pickle.dumps(work))
        assert compare_event(shipped) == compare_event(work)
    assert {f for w in works for f in compare_event(w)} == set(result.finding_records)


def test_diff_compares_two_files_in_argument_order():
    comparison, (a, b) = diff(ARTICLES / "lisbon_herald.txt", ARTICLES / "iberia_daily.txt")
    assert (a, b) == ("lisbon_herald", "iberia_daily")
    assert any(f.relation == Relation.CONTRADICT for f in comparison.finding_records)
    assert not comparison.warnings


def test_diff_of_different_meetings_warns():
    comparison, _ = diff(ARTICLES / "lisbon_herald.txt", ARTICLES / "madrid_courier.txt")
    assert any("different events" in w for w in comparison.warnings)


def test_a_reprint_is_a_copy_of_its_origin_not_a_second_outlet(tmp_path):
    original = (ARTICLES / "lisbon_herald.txt").read_text(encoding="utf-8")
    (tmp_path / "lisbon_herald.txt").write_text(original, encoding="utf-8")
    (tmp_path / "reprint.txt").write_text(original.replace("Share this article", "Reprinted with permission"), encoding="utf-8")
    (tmp_path / "iberia_daily.txt").write_text((ARTICLES / "iberia_daily.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = compare([tmp_path])
    assert dict(result.copies) == {"reprint": "lisbon_herald"}
    assert all("reprint" not in e.sources for e in result.events)
    assert not any("reprint" in (f.source, f.other_source) for f in result.finding_records)
    assert any(s.source == "reprint" for s in result.sentence_records)
    assert result.fact_records and {f.source for f in result.fact_records} <= {"lisbon_herald", "iberia_daily"}


def test_the_result_s_fact_sheet_is_the_one_the_findings_were_judged_on(result):
    """Each fact conflict on an event's sheet is a contradict finding of the fact's kind between its sentences."""
    from compare.index import ResultIndex

    sheets = ResultIndex(result).fact_sheets
    assert list(sheets) == [e.id for e in result.events]
    conflicts = [c for sheet in sheets.values() for row in sheet for c in row.conflicts]
    contradictions = {(f.source, f.sentence_id, f.other_source, f.other_sentence_id, f.kind)
                      for f in result.finding_records if f.relation == Relation.CONTRADICT}
    for c in conflicts:
        pairs = {(c.a.source, c.a.sentence_id, c.b.source, c.b.sentence_id, str(c.kind)),
                 (c.b.source, c.b.sentence_id, c.a.source, c.a.sentence_id, str(c.kind))}
        assert pairs & contradictions or any(
            (c.a.source, c.a.sentence_id) == f[:2] or (c.b.source, c.b.sentence_id) == f[:2] for f in contradictions
        ), c
    facts = {(f.source, f.sentence_id, f.start) for f in result.fact_records}
    assert facts == {(f.source, f.sentence_id, f.start) for sheet in sheets.values() for row in sheet
                     for f in row.facts}


def test_a_lone_source_is_said_to_have_nothing_to_compare_with(result):
    assert any("madrid_courier" in w and "nothing to compare" in w for w in result.warnings)


def _member(source_id: str, text: str):
    from compare.models import Source
    from compare.pipeline import Member

    p = prepare(Source(source_id, f"{source_id}.txt", text, published="2024-10-19"))
    return Member.of(p)


def test_terms_are_read_once_per_source_and_again_only_where_another_outlet_defines_an_acronym():
    from compare.pipeline import event_acronyms, event_terms
    from compare.similarity import sentence_terms, terms_tokens

    defines = _member("a", "Officials said the Status of Forces Agreement (SOFA) would be reviewed next year by both sides.")
    uses = _member("b", "Both sides will review the SOFA next year, officials said. The talks in Naples lasted two hours.")
    acronyms = event_acronyms([defines, uses])
    terms = event_terms([defines, uses], acronyms)
    review, talks = uses.sentences
    assert "sofa" in terms_tokens(uses.terms[0])  # its own source does not say what SOFA stands for
    assert terms[review.text] == sentence_terms(review.text, acronyms)  # the event does
    assert "forc" in terms_tokens(terms[review.text])
    assert terms[talks.text] is uses.terms[1]  # nothing to re-read: the stored terms serve
    # every sentence of the event, read afresh with the event's acronyms, gives the same terms
    for member in (defines, uses):
        for sentence in member.sentences:
            assert terms[sentence.text] == sentence_terms(sentence.text, acronyms)


def test_alignment_with_stored_terms_equals_reading_every_sentence_afresh():
    import numpy as np

    from compare.align import matcher_for_event, score_block
    from compare.pipeline import align_members, event_acronyms
    from compare.similarity import sentence_terms

    members = [
        _member("a", "Officials said the Status of Forces Agreement (SOFA) would be reviewed. The ministers met in Naples."),
        _member("b", "The SOFA will be reviewed, officials said. Ministers met in Naples on Saturday for two hours."),
        _member("c", "Japan and the US met in Naples. Nothing was said about the SOFA."),
    ]
    acronyms = event_acronyms(members)
    alignment = align_members(members, "lexical", None, acronyms)
    everything = [s for m in members for s in m.sentences]
    fresh = matcher_for_event("lexical", [sentence_terms(s.text, acronyms) for s in everything], len(members))
    scores = score_block(everything, everything, fresh, acronyms)  # no terms given: every text read here
    at = {s.text: i for i, s in enumerate(everything)}
    for a, b, found in alignment.pairs:
        for sentence, counterpart in zip(a.sentences, found):
            row = scores[at[sentence.text], [at[t.text] for t in b.sentences]]
            assert counterpart.best_id == b.sentences[int(np.argmax(row))].id
            assert counterpart.score == pytest.approx(float(row.max()), abs=1e-12)


def test_seed_outlets_are_named_by_the_credits_and_mastheads_in_their_texts():
    from conftest import SEEDS

    named = {s.id: (s.outlet, s.outlet_from) for s in compare([SEEDS]).sources}
    assert named["001_127977346a318ce7"] == ("Kyodo News", "credit line")  # "... News Agency (Kyodo) reported"
    assert named["002_6980897c48a3b8f4"] == ("Jiji Press", "credit line")  # "JIJI Press" closing the story
    assert named["004_f9c4e7949189dbfb"] == ("Ministry of Defense", "credit line")  # the masthead line
    # the other two name no publisher in their text (nor carry a URL): left unnamed rather than guessed
    assert named["000_c2b2ebef24f7c9bd"] == named["003_1418f6826f52c5a5"] == (None, None)


def test_a_credit_does_not_override_an_outlet_given_explicitly():
    source = Source("wire", "wire.txt", "TOKYO (Reuters) - The ministers met on Monday in Tokyo.\n",
                    outlet="The Daily", outlet_from="manifest")
    assert (prepare(source).source.outlet, prepare(source).source.outlet_from) == ("The Daily", "manifest")


def test_each_stage_reads_its_config_from_the_settings():
    """GroupingConfig and AlignmentConfig reach their stages through Settings: a link threshold no pair reaches
    leaves every source alone, and a mutual-best floor of 1.0 leaves only pairs above the match threshold."""
    from compare.api import compare, group
    from compare.config import AlignmentConfig, GroupingConfig

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    _, events, _ = group([seeds], Settings(grouping=GroupingConfig(link_threshold=2.0)))
    assert len(events) == 5
    default = compare([seeds], Settings(workers=1))
    strict = compare([seeds], Settings(workers=1, alignment=AlignmentConfig(mutual_best_floor=1.0)))
    matched = lambda c: sum(f.other_sentence_id is not None and f.relation != "contradict" for f in c.finding_records)
    assert matched(strict) < matched(default)


def test_the_judge_reads_its_config_from_the_settings():
    """JudgingConfig reaches the rules: with every side counted as contained in the other, a seed sentence that
    joins more to a claim makes its pair partial, as rule part_of_claim says."""
    from compare.api import compare
    from compare.config import JudgingConfig

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    default = compare([seeds], Settings(workers=1))
    loose = compare([seeds], Settings(workers=1, judging=JudgingConfig(contained_share=1.0)))
    partial = lambda c: sum(f.kind == "partial" for f in c.finding_records)  # noqa: E731
    assert partial(default) == 0 and partial(loose) > 0


def test_a_dateline_on_lines_of_its_own_dates_the_meeting_only_when_the_text_states_no_date():
    from compare.models import Source

    top = "Leaders of Kenya and Tanzania Sign Tariff Accord at Border Talks\nMarch 4, 2025\nNairobi\n"
    undated = prepare(Source("a", "a.txt", top + "The presidents of Kenya and Tanzania signed an accord at their "
                             "talks, cutting tariffs on farm goods by a tenth.\n"))
    assert (undated.source.place, undated.source.published, undated.dates) == ("Nairobi", "2025-03-04",
                                                                               ("2025-03-04",))
    stated = prepare(Source("b", "b.txt", top + "The presidents of Kenya and Tanzania met on March 2 and signed "
                            "an accord cutting tariffs on farm goods by a tenth.\n"))
    assert stated.dates == ("2025-03-02",)  # the text's own date of the meeting stands


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u2060", "\u200d"])
def test_an_invisible_character_inside_a_word_hides_no_contradiction_and_moves_no_offset(tmp_path, invisible):
    text = f"The talks lasted tw{invisible}o hours, officials said.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The talks lasted three hours, officials said.\n", encoding="utf-8")
    comparison, _ = diff(tmp_path / "a.txt", tmp_path / "b.txt")
    assert {f.kind for f in comparison.finding_records if f.relation == Relation.CONTRADICT} == {"numbers"}
    (sentence,) = [s for s in comparison.sentence_records if s.source == "a"]
    assert text[sentence.start:sentence.end] == sentence.text == text.strip()  # the file's own characters
