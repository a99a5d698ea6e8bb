import pytest
from hypothesis import given, settings, strategies as st

from compare.clean import clean
from compare.lang.en.cues import ATTRIBUTION_VERBS
from compare.models import Source
from compare.sentences import boundaries, fold, sentence_key, spans_of, split


def sentences_of(text: str):
    source = Source("s", "s.txt", text)
    return split(source, clean(source))


def test_abbreviations_and_initials_do_not_split():
    text = "Gen. Nakamura met the U.S. envoy on Oct. 19 in Room No. 4 of the U. S. embassy. They talked for an hour."
    sentences, _ = sentences_of(text)
    assert [s.text for s in sentences] == [
        "Gen. Nakamura met the U.S. envoy on Oct. 19 in Room No. 4 of the U. S. embassy.",
        "They talked for an hour.",
    ]


def test_quotes_stay_with_their_sentence():
    text = "“We will act together,” the minister said. The envoy agreed."
    sentences, _ = sentences_of(text)
    assert sentences[0].text == "“We will act together,” the minister said."


def test_sentence_across_blank_line_has_exact_offsets():
    text = "The ministers agreed on the return\n\nof the airfield as early as practicable. Work starts soon."
    sentences, _ = sentences_of(text)
    first = sentences[0]
    assert first.text == "The ministers agreed on the return of the airfield as early as practicable."
    assert fold(text[first.start:first.end]) == first.text


def test_repeated_sentence_is_dropped_once_as_duplicate():
    text = "Prices rose sharply in May, the agency said. Exports fell.\nPrices rose sharply in May, the agency said."
    sentences, dropped = sentences_of(text)
    assert [s.text for s in sentences].count("Prices rose sharply in May, the agency said.") == 1
    assert any(d.reason == "duplicate" for d in dropped)
    assert sentence_key("A “b” c") == sentence_key("a \"B\"  c")


def test_spans_tile_the_block():
    text = "One two three. Four five six! Seven?"
    spans = spans_of(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ["One two three.", "Four five six!", "Seven?"]


line = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=150, deadline=None)
@given(st.lists(line, max_size=12), st.lists(st.sampled_from(["\n", "\n\n", "  \n", "\t\n"]), min_size=12, max_size=12))
def test_random_text_offsets_exact_and_coverage_complete(lines, seps):
    text = "".join(l + s for l, s in zip(lines, seps))
    sentences, dropped = sentences_of(text)
    mark = bytearray(len(text))
    for span in (*sentences, *dropped):
        assert fold(text[span.start:span.end]) == span.text
        mark[span.start:span.end] = b"\x01" * (span.end - span.start)
    assert all(mark[i] for i, ch in enumerate(text) if not ch.isspace())
    again, again_dropped = sentences_of(text)
    assert again == sentences and again_dropped == dropped


def _wrapper_starts(block: str):
    """blingfire's own wrapper: the starts it gives, or the error it raises."""
    import blingfire

    try:
        return [start for start, _end in blingfire.text_to_sentences_and_offsets(block)[1]]
    except AssertionError:
        return AssertionError


def _own_starts(block: str):
    from compare.sentences import _sentence_starts

    try:
        return _sentence_starts(block)
    except AssertionError:
        return AssertionError


MIXED = [
    "Gen. Nakamura met the U.S. envoy on Oct. 19. They talked for an hour.",
    "“We will act together,” the minister said — in Zürich. The envoy agreed… Then café talks began.",
    "Die Minister trafen sich in Köln. 会谈持续了两个小时。 Встреча прошла в Москве. Дальше?",
    "Emoji 😀 first. Combining e\u0301 next! Zero\u200bwidth? Tab\tend.",
    "A NUL \x00 inside. And after it.",
    "x",
    ". . .",
]


def test_sentence_starts_are_blingfire_wrappers_on_mixed_scripts():
    # the kept buffers shrink and grow between calls: a long block, then short ones, then long again
    long_block = " ".join(MIXED * 400)  # past the size of buffers kept between calls
    for block in (*MIXED, long_block, *reversed(MIXED), MIXED[1] * 30):
        assert _own_starts(block) == _wrapper_starts(block), block[:60]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab .!?\n\"“”—é€😀\u0301\x00") + ["Mr. ", "U.S. ", "No. 4"]), min_size=1,
                max_size=60))
def test_sentence_starts_are_blingfire_wrappers_on_random_text(pieces):
    block = "".join(pieces)
    assert _own_starts(block) == _wrapper_starts(block)


def test_an_ordinal_dot_before_a_month_and_year_ends_no_sentence():
    block = "Statement after the negotiations (8. May 2025.) The talks went well. He came at 8. May he stay?"
    starts = [block[s:s + 12] for s in boundaries(block)]
    assert "May 2025.) T" not in starts
    assert "May he stay?" in starts  # without a year after it, the dot still ends the sentence


@pytest.mark.parametrize("text, expected", [
    # the segmenter ends a sentence at the title's stop before some names
    ("It rained. Mr. Kim claimed victory.", ["It rained.", "Mr. Kim claimed victory."]),
    ('"Mr. President, with respect, you are wrong," he said.', ['"Mr. President, with respect, you are wrong," he said.']),
    # ... and runs two sentences together when the second opens with a title
    ("Mr. Lee said no. Mr. Biden said yes.", ["Mr. Lee said no.", "Mr. Biden said yes."]),
    ("Dr. Who left. Sen. Smith voted.", ["Dr. Who left.", "Sen. Smith voted."]),
    # a title after an abbreviation of its own is no sentence opening
    ("The U.S. Sen. Ed Markey agreed.", ["The U.S. Sen. Ed Markey agreed."]),
    # a full stop run into the next sentence without a space, as pasted copy has it
    ("Putin arrived in Pyongyang.This is his first visit.", ["Putin arrived in Pyongyang.", "This is his first visit."]),
    ('He said: "We agree."Then he left.', ['He said: "We agree."', "Then he left."]),
    ("It is a \u201csmall minority party\u201d.Trump doubled down.",
     ["It is a \u201csmall minority party\u201d.", "Trump doubled down."]),
    ('He said, "Maybe in Washington, DC."Trump then left.', ['He said, "Maybe in Washington, DC."', "Trump then left."]),
    # ... but not after a short abbreviation or inside a name, nor before a quotation the stop's mark opens
    ('He left Washington, DC."We agree," she said.', ['He left Washington, DC."We agree," she said.']),
    ("He visited St.Petersburg today.", ["He visited St.Petersburg today."]),
])
def test_titles_and_run_together_sentences_are_split_where_a_reader_would(text, expected):
    assert [text[a:b] for a, b in spans_of(text, 0, len(text))] == expected


@pytest.mark.parametrize("text, expected", [
    ("‘The ferry route has taken the right path.’ He added. Fares will stay the same.",
     ["‘The ferry route has taken the right path.’ He added.", "Fares will stay the same."]),
    ("“We are ready.” She said. Fares will stay the same.", ["“We are ready.” She said.", "Fares will stay the same."]),
    ("“We are ready.” Borg said.", ["“We are ready.” Borg said."]),
    ("“We are ready.” Prime Minister Joe Borg added.", ["“We are ready.” Prime Minister Joe Borg added."]),
    ("“We are ready.” The minister told reporters.", ["“We are ready.” The minister told reporters."]),
    ("“We are ready.” The envoy told the Harbour Times.", ["“We are ready.” The envoy told the Harbour Times."]),
    ("“We are ready.” A spokesman for the ministry said in a statement.",
     ["“We are ready.” A spokesman for the ministry said in a statement."]),
    ("“We are ready.” They insisted!", ["“We are ready.” They insisted!"]),
    # a sentence with a statement of its own stands alone, and so does one opening the paragraph
    ("“We are ready.” He said fares would stay the same.", ["“We are ready.”", "He said fares would stay the same."]),
    ("“We are ready.” Fares rose, he said.", ["“We are ready.”", "Fares rose, he said."]),
    ("“We are ready.” The talks ended and he added.", ["“We are ready.”", "The talks ended and he added."]),
    ("“We are ready.” Borg agreed.", ["“We are ready.”", "Borg agreed."]),
    ("He added.", ["He added."]),
])
def test_a_sentence_that_only_attributes_a_quotation_stays_with_it(text, expected):
    assert [text[a:b] for a, b in spans_of(text, 0, len(text))] == expected


@pytest.mark.parametrize("verb", sorted(ATTRIBUTION_VERBS))
def test_every_verb_of_an_attribution_keeps_it_with_its_quotation(verb):
    text = f"“We are ready.” The envoy {verb}. Fares will stay the same."
    assert [text[a:b] for a, b in spans_of(text, 0, len(text))] == [
        f"“We are ready.” The envoy {verb}.", "Fares will stay the same."]


@pytest.mark.parametrize("text, expected", [
    ("Asked if the ferry would run again, the envoy said, “Yes, it can. It will.” Fares will stay the same.",
     ["Asked if the ferry would run again, the envoy said, “Yes, it can. It will.”", "Fares will stay the same."]),
    ('The envoy said, "Yes, it can. It will soon." Fares will stay the same.',
     ['The envoy said, "Yes, it can. It will soon."', "Fares will stay the same."]),
    ("“We are ready. Absolutely,” he said. Fares will stay the same.",
     ["“We are ready. Absolutely,” he said.", "Fares will stay the same."]),
    # a long quotation's sentences stand alone, and so does a sentence opening a quotation of its own
    ("“We are ready. We have been ready for a long time. We will sign when the time comes,” he said.",
     ["“We are ready.", "We have been ready for a long time.", "We will sign when the time comes,” he said."]),
    ("“We are ready.” It will run.” Fares will stay the same.",  # a stray closing mark after a closed quotation
     ["“We are ready.”", "It will run.”", "Fares will stay the same."]),
    ("He said “yes”. It will run.", ["He said “yes”.", "It will run."]),
    ('The envoy said, "Yes." It will run.', ['The envoy said, "Yes."', "It will run."]),
])
def test_a_few_words_closing_a_quotation_stay_with_its_opening(text, expected):
    assert [text[a:b] for a, b in spans_of(text, 0, len(text))] == expected


def test_a_lead_repeated_under_its_dateline_is_a_duplicate():
    text = (
        "VALLETTA — The envoys of Malta and Tunisia signed a ferry accord on Friday. The ferry sails in June.\n"
        "A harbour official showed the new timetable.\n"
        "VALLETTA — The envoys of Malta and Tunisia signed a ferry accord on Friday.\n"
    )
    sentences, dropped = sentences_of(text)
    assert [s.text for s in sentences] == ["The envoys of Malta and Tunisia signed a ferry accord on Friday.",
                                           "The ferry sails in June.", "A harbour official showed the new timetable."]
    assert [(d.text, d.reason) for d in dropped] == [
        ("VALLETTA —", "dateline"),
        ("VALLETTA — The envoys of Malta and Tunisia signed a ferry accord on Friday.", "duplicate")]


def test_a_dateline_on_a_different_sentence_is_no_repeat():
    text = (
        "VALLETTA — The envoys of Malta and Tunisia signed a ferry accord on Friday.\n"
        "TUNIS — The envoys of Malta and Tunisia will meet again in June.\n"
    )
    sentences, dropped = sentences_of(text)
    assert [s.text for s in sentences] == ["The envoys of Malta and Tunisia signed a ferry accord on Friday.",
                                           "TUNIS — The envoys of Malta and Tunisia will meet again in June."]
    assert [d.reason for d in dropped] == ["dateline"]


@pytest.mark.parametrize("text, expected", [
    # a pause inside an open quotation: an ellipsis, a nested single quotation not closed yet
    ("“I would not say it was the best ferry... I am not a fan,” the envoy added.",
     ["“I would not say it was the best ferry... I am not a fan,” the envoy added."]),
    ('"The ferry was late… We will sail anyway," she said.', ['"The ferry was late… We will sail anyway," she said.']),
    ("“Everyone asks, ‘Why, why? Why are the ferries late?’ They are not late today at all,” the envoy said.",
     ["“Everyone asks, ‘Why, why? Why are the ferries late?’", "They are not late today at all,” the envoy said."]),
    # an ellipsis outside a quotation, a quotation closed before it, a question with no nested quotation
    ("The talks went on... Then the envoys left.", ["The talks went on...", "Then the envoys left."]),
    ("“We sail,” she said... Then the envoys left.", ["“We sail,” she said...", "Then the envoys left."]),
    ("“Are you going to sail? We don’t have to sail today,” the envoy said.",
     ["“Are you going to sail?", "We don’t have to sail today,” the envoy said."]),
    # apostrophes are no opening quote: "‘" alone opens one
    ("“The harbour’s ferries don’t sail... The envoys’ boats do,” she said.",
     ["“The harbour’s ferries don’t sail... The envoys’ boats do,” she said."]),
])
def test_a_pause_inside_an_open_quotation_ends_no_sentence(text, expected):
    assert [s.text for s in sentences_of(text)[0]] == expected


def test_a_long_quotation_with_pauses_is_no_giant_sentence():
    clause = "the ferry will sail to the harbour on time and the envoys will be on board with their staff"
    text = f"“{clause.capitalize()}... {clause.capitalize()}... {clause.capitalize()},” she said."
    pieces = [s.text for s in sentences_of(text)[0]]
    assert len(pieces) >= 2 and all(len(p.split()) <= 40 for p in pieces[:-1])


@pytest.mark.parametrize("text, fragment", [
    ("The envoys signed the ferry accord on Friday. However,", "However,"),
    ("The envoys signed the ferry accord on Friday. But th", "But th"),
    ("The envoys signed the ferry accord on Friday.\nWhile the meeting took place\n", "While the meeting took place"),
    # a sentence end, a closed quotation, a longer cut-off sentence, furniture after the fragment
    ("The envoys signed the ferry accord on Friday. They left.", None),
    ("The envoys signed the ferry accord on Friday. “Never say never”", None),
    ("The envoys signed the ferry accord on Friday. “We will sail together, maybe,” the envoy s", None),
    ("The envoys signed the ferry accord on Friday. However,\nShare this article\n", None),
])
def test_the_few_word_fragment_a_cut_off_text_ends_in_is_dropped_as_truncated(text, fragment):
    sentences, dropped = sentences_of(text)
    truncated = [d.text for d in dropped if d.reason == "truncated"]
    assert truncated == ([fragment] if fragment else [])
    assert sentences[0].text == "The envoys signed the ferry accord on Friday."
    assert (fragment is None) == (len(sentences) == 2)


def test_a_text_of_one_fragment_keeps_it():
    sentences, dropped = sentences_of("Envoys sign ferry accord")
    assert [s.text for s in sentences] == ["Envoys sign ferry accord"] and dropped == ()




@pytest.mark.parametrize("joiner", [" ", "\u3000", "\t", ""])
def test_a_text_without_sentence_ends_is_cut_into_pieces_that_tile_it(joiner):
    # Scoring a pair of sentences takes time in the product of their lengths: one enormous line was one sentence.
    from compare.sentences import MAX_SENTENCE_CHARS

    text = "Ministers met in Oslo on Monday and agreed on ferry line 3, " + joiner.join(f"w{i}" for i in range(5_000))
    sentences, dropped = sentences_of(text)
    spans = sorted([(s.start, s.end, s.text) for s in sentences] + [(d.start, d.end, d.text) for d in dropped])
    assert len(sentences) > 1 and all(end - start <= MAX_SENTENCE_CHARS for start, end, _ in spans)
    assert all(fold(text[start:end]) == piece for start, end, piece in spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    covered = set().union(*(range(start, end) for start, end, _ in spans))
    assert all(k in covered for k, ch in enumerate(text) if not ch.isspace())
    if joiner:  # cut at white space: no word is broken
        assert [w for _, _, piece in spans for w in piece.split()] == text.split()


def test_a_sentence_under_the_length_limit_is_not_cut():
    from compare.sentences import MAX_SENTENCE_CHARS

    text = "Ministers met in Oslo and agreed " + ", ".join(["on ferry lines"] * 60) + "."
    assert 800 < len(text) < MAX_SENTENCE_CHARS
    assert [s.text for s in sentences_of(text)[0]] == [text]
