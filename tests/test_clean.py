import pytest

from compare.clean import (
    bullet_item,
    classify_lines,
    clean,
    continues,
    is_headline_like,
    is_labelled_teaser,
    is_list_marker,
    is_menu,
    is_site_message,
    is_short_label,
    lines_of,
    paragraph_key,
    reads_as_paragraph,
)
from compare.models import Source

ARTICLE = """Ministers Pledge Closer Work on Grain Exports After Talks in Lisbon
10:30 GMT, March 3, 2025
LISBON, Portugal — The agriculture ministers of Spain and Portugal agreed on Monday to pool storage for grain exports.
Officials said the first shared silo would open in June.
Officials said the first shared silo would open in June.
The plan, welcomed by farmers, still needs approval from parliament in both
countries before work can begin.
Most Read
- Storm Floods Coastal Towns Again
- Central Bank Holds Rates Steady
• facebook
Share this article
"""


def test_lines_keep_exact_offsets():
    text = "  first line  \n\n second\n"
    lines = lines_of(text)
    assert [(text[ln.start:ln.end]) for ln in lines] == ["first line", "second"]


def test_line_shape_signals():
    assert is_list_marker("-") and is_list_marker("<") and not is_list_marker("a")
    assert bullet_item("- Storm Floods Coastal Towns") == "Storm Floods Coastal Towns"
    assert bullet_item("-5 degrees were recorded overnight.") is None
    assert is_headline_like("Central Bank Holds Rates Steady")
    assert not is_headline_like("The central bank held rates steady on Tuesday.")
    assert is_short_label("Share this article") and is_short_label("Short Url:")
    assert not is_short_label("The bank held its main rate at 4 percent")


def test_article_furniture_is_dropped_with_reasons():
    source = Source("lisbon", "lisbon.txt", ARTICLE)
    cleaned = clean(source)
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons["Ministers Pledge Closer Work on Grain Exports After Talks in Lisbon"] == "title"
    assert reasons["10:30 GMT, March 3, 2025"] == "date"
    assert reasons["LISBON, Portugal —"] == "dateline"
    assert reasons["Most Read"] == "boilerplate"
    assert reasons["- Storm Floods Coastal Towns Again"] == "boilerplate"
    assert reasons["• facebook"] == "boilerplate"
    assert reasons["Share this article"] == "boilerplate"
    assert reasons["Officials said the first shared silo would open in June."] == "duplicate"
    assert cleaned.title.startswith("Ministers Pledge")
    assert cleaned.published == "2025-03-03"
    assert cleaned.dateline_place == "Lisbon"


def test_broken_sentence_is_one_block():
    source = Source("lisbon", "lisbon.txt", ARTICLE)
    bodies = [ARTICLE[b.start:b.end] for b in clean(source).blocks]
    assert any("in both\ncountries before" in b for b in bodies)
    assert continues("approval from parliament in both", "countries before work")
    assert not continues("It ended.", "countries before work")


def test_caption_gives_way_to_the_uncredited_body_copy():
    text = (
        "Leaders Meet in Oslo\n"
        "The two leaders shook hands outside the palace on Friday. (Photo: Reuters)\n"
        "The two leaders shook hands outside the palace on Friday.\n"
        "They then spoke for an hour about fishing rights and energy prices.\n"
    )
    cleaned = clean(Source("oslo", "oslo.txt", text))
    reasons = [d.reason for d in cleaned.dropped]
    assert "caption" in reasons
    kept = [text[b.start:b.end] for b in cleaned.blocks]
    assert "The two leaders shook hands outside the palace on Friday." in kept
    assert paragraph_key("A ‘quote’ here. (Photo: X)") == paragraph_key("A 'quote' here.")


def test_every_non_space_character_is_kept_or_dropped():
    cleaned = clean(Source("lisbon", "lisbon.txt", ARTICLE))
    mark = [False] * len(ARTICLE)
    for span in [*cleaned.blocks, *cleaned.dropped]:
        for i in range(span.start, span.end):
            mark[i] = True
    assert all(mark[i] for i, ch in enumerate(ARTICLE) if not ch.isspace())


def test_sentence_first_article_has_no_title():
    text = "Officials met in Rome on Tuesday and agreed to cut tariffs.\nThey will meet again in May.\n"
    reasons = classify_lines(lines_of(text))
    assert reasons == [None, None]


def test_a_numeric_date_stamp_is_a_date_not_a_list_marker():
    text = "Harbour Council Approves New Ferry Route\n2021-01-05\nThe council approved the route on Monday after a long debate.\n"
    cleaned = clean(Source("ferry", "ferry.txt", text))
    assert [d.reason for d in cleaned.dropped] == ["title", "date"]
    assert cleaned.published == "2021-01-05"


def test_the_date_stamp_nearest_the_story_is_its_publication_date():
    # A site header's own date (stale, or the day the page was built) stands above the article's title and stamp.
    text = ("Tuesday, 02 January 2024 12:17 GMT\nHarbour Council Approves New Ferry Route\n2021-01-05 09:12:00\n"
            "The council approved the route on Monday after a long debate.\n")
    cleaned = clean(Source("ferry", "ferry.txt", text))
    assert [d.reason for d in cleaned.dropped] == ["date", "title", "date"]
    assert cleaned.published == "2021-01-05"
    # With no stamp above the story, the first one below it is read.
    below = "Harbour Council Approves New Ferry Route\nThe council approved the route on Monday after a long debate.\n" \
            "Posted: 2021-01-06\n"
    assert clean(Source("ferry", "ferry.txt", below)).published == "2021-01-06"


def test_menus_and_breadcrumbs_are_furniture():
    assert is_menu("Home | World | Asia-Pacific | Business | Sport")
    assert is_menu("News / Politics / Defence")
    assert not is_menu("Prices rose | analysts said the deal was a turning point for the region")
    assert not is_menu("The ministers met in Jakarta on Tuesday.")


def test_numbered_items_are_list_items():
    assert bullet_item("1. Markets slide as oil jumps") == "Markets slide as oil jumps"
    assert bullet_item("(2) Storm warning") == "Storm warning"
    assert bullet_item("2025 was a year of talks.") is None


def test_a_numbered_sentence_stays_while_a_numbered_headline_goes():
    text = ("Ministers Agree on Patrols After Jakarta Talks\n\nThe ministers agreed on three steps on Tuesday.\n"
            "1. Australia will provide twelve patrol boats to Indonesia over five years.\n"
            "Most Read\n1. Markets slide as oil jumps\n")
    lines = lines_of(text)
    reasons = dict(zip((ln.text for ln in lines), classify_lines(lines)))
    assert reasons["1. Australia will provide twelve patrol boats to Indonesia over five years."] is None
    assert reasons["1. Markets slide as oil jumps"] is not None


def test_a_labelled_teaser_is_furniture_but_a_labelled_sentence_is_not():
    assert is_labelled_teaser("Related: Indonesia buys French fighter jets")
    assert is_labelled_teaser("Read more: Talks to resume in May")
    assert not is_labelled_teaser("Update: The talks ended on Monday.")
    assert not is_labelled_teaser("The ministers agreed on three points: patrols, training and exercises")


def test_calls_to_action_are_furniture_even_where_a_title_could_stand():
    for line in ("Subscribe to our newsletter", "Sign up for breaking news alerts", "Follow us on Facebook",
                 "Read more: talks resume", "Skip to main content"):
        assert is_site_message(line), line
    assert not is_site_message("Subscribers to the service rose by 5 percent in May.")
    assert not is_site_message("The ministers signed up to a new framework for patrols in the Arafura Sea.")
    lines = lines_of("Subscribe to our newsletter\nEU, Japan seal chip deal in Brussels\nThe two sides met.\n")
    reasons = classify_lines(lines)
    assert reasons[0] == "boilerplate" and reasons[1] == "title"


def test_site_notices_are_furniture():
    for line in ("Copyright 2025 Daily Two. All rights reserved.", "All rights reserved.", "© 2025 The Globe",
                 "Editor's note: This story has been updated.", "This article was produced with the help of AP.",
                 "Correction: An earlier version misstated the date."):
        assert is_site_message(line), line
    assert not is_site_message("This agreement was produced after three rounds of talks in Warsaw and Berlin.")
    assert not is_site_message("The article of the treaty covers rail links.")


@pytest.mark.parametrize("line, credit", [
    ("Reporting by Maria Santos; Editing by John Reed", True),
    ("(Reporting by Kiyoshi Takenaka; Writing by Tim Kelly; Editing by Lincoln Feast)", True),
    ("Additional reporting by Ann Wang in Taipei.", True),
    ("Associated Press writer Jim Gomez contributed to this report.", True),
    ("Reporting by phone, the minister said the talks went well and both sides agreed to meet again.", False),
    ("Editing by hand is slow.", False),
    ("The ministers said reporting by the press had been accurate.", False),
])
def test_credit_lines_are_told_from_sentences(line, credit):
    from compare.clean import is_credit_line

    assert is_credit_line(line) is credit


def test_after_the_credit_line_the_page_is_the_sites():
    lines = lines_of(
        "Ministers met in Oslo on Monday and agreed to extend the fishing accord by two years.\n"
        "Reporting by Ann Lee; Editing by Tom Cole\n"
        "Our standards are set out in full on our website.\n"
        "Ministers also discussed ferry links between the two ports, officials said.\n"
    )
    assert classify_lines(lines) == [None, "boilerplate", "boilerplate", "boilerplate"]


def test_a_credit_line_before_the_story_does_not_end_it():
    lines = lines_of(
        "Reporting by Ann Lee in Oslo\n"
        "Ministers met in Oslo on Monday and agreed to extend the fishing accord by two years.\n"
    )
    assert classify_lines(lines)[1] is None


@pytest.mark.parametrize("line, expected", [
    ("Tags: trade, Kenya, Tanzania", True),
    ("Topics: Defence, Asia-Pacific, Japan", True),
    ("Related: Indonesia buys French fighter jets", False),  # one entry: a teaser, dropped by its own rule
    ("Update: The talks ended, officials said.", False),
])
def test_labelled_lists_of_index_terms(line, expected):
    from compare.clean import is_labelled_list

    assert is_labelled_list(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("FILE PHOTO: Trucks wait at the border post. Photo: Lakeside Herald", True),
    ("Photo: Reuters", True),
    ("Teodoro and Kamikawa shake hands after the signing. Photo: Island Times", True),
    ("The minister holds up a map of the site. (Image: AFP)", True),
    ("The ministers discussed the photo: it showed a damaged ship.", False),
    # a picture credit closing the line makes a caption of any length: captions crowded with names run long
    ("The prime minister, left, shakes hands with the governor before their meeting at the harbour office in "
     "Valletta, Malta, Friday, May 2, 2025. The two met for the first time since the ferry dispute began in "
     "March and agreed to meet again within a month. (Jane Doe/Pool Photo via Wire)", True),
    ("The two envoys at the harbour office in Valletta on May 2, 2025. (Harbour Times/John Borg)", True),
    ("The envoys met at the harbour office. REUTERS/Jane Doe/Pool", True),
    # so does a labelled credit or where someone stands in the picture, anywhere in the line
    ("The envoys at the harbour office, May 2, 2025. Jane Doe/Pool Image Credit: Wire Agency", True),
    ("The prime minister (right) is welcomed by the governor (Wire)", True),
    ("Follow us on Image Source : WIRE The two envoys during a tour of the harbour", True),
    # brackets that credit no picture
    ("The envoys met in Valletta (the capital) and agreed to meet again (in June).", False),
    ("The talks ended without a deal, officials said (1931-45).", False),
])
def test_photo_captions_by_their_label_or_credit(line, expected):
    from compare.clean import is_caption

    assert is_caption(line) is expected


def test_a_bracketed_note_above_the_story_is_furniture_and_the_dateline_is_still_found():
    source = Source("w", "w.txt", "(Adds details in paragraph 4)\n"
                    "NAIROBI, Feb 14 (Wire) - Kenya and Tanzania agreed on Friday to cut tariffs by 10 percent.\n")
    cleaned = clean(source)
    assert [(d.text, d.reason) for d in cleaned.dropped] == [
        ("(Adds details in paragraph 4)", "boilerplate"), ("NAIROBI, Feb 14 (Wire) -", "dateline")]
    assert cleaned.dateline_place == "Nairobi"


def test_a_story_opening_with_a_date_of_its_own_keeps_it():
    text = "2021-01-05 was the day Kenya and Tanzania agreed to cut tariffs.\n"
    cleaned = clean(Source("w", "w.txt", text))
    assert cleaned.dropped == () and cleaned.published is None


def test_a_kept_list_item_loses_its_bullet_and_keeps_its_offsets():
    text = "Key points:\n• Japan will supply five submarines to Australia under the new agreement.\n"
    cleaned = clean(Source("k", "k.txt", text))
    (block,) = cleaned.blocks
    assert text[block.start : block.end] == "Japan will supply five submarines to Australia under the new agreement."
    assert ("•", "boilerplate") in [(d.text, d.reason) for d in cleaned.dropped]


def _kept(text: str) -> list[str]:
    cleaned = clean(Source("s", "s.txt", text))
    return [text[b.start : b.end] for b in cleaned.blocks]


def test_key_points_between_the_title_and_the_story_are_kept_without_full_stops():
    text = (
        "Envoys end two days of harbour talks in Valletta\n"
        "- The envoys agree to meet again within a month\n"
        "- The ferry dispute stays open\n"
        "The envoys of the two islands ended their talks on Friday.\n"
        "- Envoys to meet again next month\n"
    )
    kept = _kept(text)
    assert "The envoys agree to meet again within a month" in kept
    assert "The ferry dispute stays open" in kept
    # further down, an item that is not a sentence is a link to another story
    assert "Envoys to meet again next month" not in kept


def test_a_numbered_paragraph_of_several_sentences_is_kept_even_when_the_page_cuts_it_off():
    text = (
        "Statement on the harbour talks\n"
        "The two envoys met in Valletta on Friday.\n"
        "2. Since their last meeting in March, both envoys have welcomed the progress on ferry routes. They "
        "agreed that their differences should not become disputes and that the islands were partners rather than "
        "rivals. For the two islands to grow and\n"
        "3. Contact us\n"
    )
    kept = _kept(text)
    assert any(k.startswith("Since their last meeting in March") for k in kept)
    assert not any("Contact us" in k for k in kept)


def test_a_cut_off_lead_paragraph_is_not_taken_for_a_title():
    lead = (
        "In her first year in office, the prime minister met the island's governor four times but one meeting "
        "stood out. It happened in the old harbour in 2019, when the two argued in front of the cameras. Now the "
        "prime minister is set to hold her first talks with the new governor in the port city, and the meeting will "
        "spotlight their"
    )
    text = lead + "\nThe talks are due to start at noon.\n"
    assert _kept(text)[0] == lead
    assert reads_as_paragraph(lead)
    assert not reads_as_paragraph("Envoys end two days of harbour talks in Valletta")
    # "Mr. Borg" ends no sentence, and a short line is a title whatever its abbreviations
    assert not reads_as_paragraph("Mr. Borg and Ms. Vella meet in Valletta")


def test_a_sign_up_form_run_together_is_the_sites_whatever_its_length():
    form = (
        "Sign up for the daily harbour email for exclusive coverage and analysis sent to your inbox Get our free "
        "email Email I would like to be emailed about offers, events and updates from the Harbour Times. Read our "
        "Privacy notice"
    )
    assert is_site_message(form)
    # a sentence that happens to open so ends with its full stop, and stays the story's
    assert not is_site_message("Sign up for the new ferry route opened in March, when the two envoys agreed to meet again.")


def _cleaned(text: str):
    cleaned = clean(Source("w", "w.txt", text))
    return cleaned, {d.text: d.reason for d in cleaned.dropped}


def test_a_dateline_set_on_lines_of_its_own_gives_the_place_and_the_date():
    cleaned, reasons = _cleaned(
        "Leaders of Kenya and Tanzania Sign Tariff Accord at Border Talks\n"
        "March 4, 2025\n"
        "Nairobi\n"
        "The presidents of Kenya and Tanzania signed an accord cutting tariffs on farm goods by a tenth.\n"
        "Officials said the cuts would apply from July.\n")
    assert (cleaned.dateline_place, cleaned.dateline_date, cleaned.published) == ("Nairobi", "2025-03-04",
                                                                                 "2025-03-04")
    assert reasons["Nairobi"] == "dateline" and reasons["March 4, 2025"] == "date"


def test_a_place_line_below_a_caption_and_above_its_stamp_is_the_dateline():
    cleaned, reasons = _cleaned(
        "Border talks.\n"  # a photo's caption, read as the first paragraph
        "NAIROBI\n"
        "4 March 2025\n"
        "The presidents of Kenya and Tanzania signed an accord cutting tariffs on farm goods by a tenth.\n")
    assert (cleaned.dateline_place, cleaned.dateline_date) == ("Nairobi", "2025-03-04")
    assert reasons["NAIROBI"] == "dateline"


def test_a_place_line_right_above_the_story_is_its_dateline_without_a_date():
    cleaned, _ = _cleaned(
        "Leaders of Kenya and Tanzania Sign Tariff Accord at Border Talks\n"
        "WASHINGTON\n"
        "The presidents of Kenya and Tanzania signed an accord cutting tariffs on farm goods by a tenth.\n")
    assert (cleaned.dateline_place, cleaned.dateline_date) == ("Washington", None)


@pytest.mark.parametrize("text", [
    # a byline in capitals beside the stamp is no place
    "Leaders of Kenya and Tanzania Sign Tariff Accord at Border Talks\nMarch 4, 2025\nAMINA ODHIAMBO\n"
    "The presidents of Kenya and Tanzania signed an accord cutting tariffs on farm goods by a tenth.\n",
    # a place line below the story's second paragraph is not at its top
    "The presidents of Kenya and Tanzania signed an accord cutting tariffs on farm goods by a tenth.\n"
    "Officials said the cuts would apply from July.\nMarch 4, 2025\nNairobi\nTraders welcomed the accord.\n",
    # a place line neither beside a stamp nor right above the story: a menu's entry
    "Nairobi\nMost Read Stories\nThe presidents of Kenya and Tanzania signed an accord cutting tariffs.\n",
])
def test_a_place_line_away_from_the_story_or_a_byline_is_no_dateline(text):
    cleaned, _ = _cleaned(text)
    assert (cleaned.dateline_place, cleaned.dateline_date) == (None, None)


def test_a_dateline_in_the_first_paragraph_outranks_a_place_line_above_it():
    cleaned, reasons = _cleaned(
        "March 4, 2025\nNairobi\n"
        "ARUSHA, Tanzania — The presidents of Kenya and Tanzania signed an accord cutting tariffs by a tenth.\n")
    assert (cleaned.dateline_place, cleaned.dateline_date) == ("Arusha", None)
    assert reasons["Nairobi"] == "boilerplate"

def test_a_section_heading_inside_the_story_is_dropped():
    text = (
        "The envoys of the two islands ended their talks in Valletta on Friday.\n"
        "Ferry routes and fishing rights\n"
        "The envoys agreed to reopen two ferry routes before the summer.\n"
        "The ministers said the talks\n"
        "went well.\n"
    )
    kept = _kept(text)
    assert "Ferry routes and fishing rights" not in kept
    # a sentence broken across lines goes on in lower case: no heading
    assert any(k.startswith("The ministers said the talks") for k in kept)


@pytest.mark.parametrize("line, expected", [
    ("![[The two envoys at the harbour office (Jane Doe/Wire)]](https://cdn.example.org/2025/05/02/envoys.jpg)", True),
    ("![The two envoys](https://cdn.example.org/envoys_(1).jpg)", True),
    ('![The two envoys](https://cdn.example.org/envoys.jpg "Harbour office")', True),
    ("[![Map of the harbour](https://cdn.example.org/map.png)](https://example.org/harbour-story)", True),
    ('<img src="https://cdn.example.org/envoys.jpg" alt="The two envoys at the harbour office">', True),
    ('<IMG SRC="envoys.jpg"> <img src="harbour.jpg">', True),
    # a sentence around a picture is the story's; a link or brackets alone are no picture
    ("The envoys met in Valletta. ![The envoys](https://cdn.example.org/envoys.jpg)", False),
    ("[The envoys met in Valletta](https://example.org/harbour-story)", False),
    ("The envoys agreed [in principle] to meet again (in June)!", False),
    ("Exports rose by more than 3% < 5% expected.", False),
])
def test_a_line_of_pictures_embedded_in_markup(line, expected):
    from compare.clean import is_image_only

    assert is_image_only(line) is expected


def test_pictures_embedded_in_markup_are_dropped_as_captions_and_the_story_around_them_kept():
    picture = "![The envoys (Jane Doe/Wire)](https://cdn.example.org/envoys_(1).jpg)"
    text = (
        "The envoys of Malta and Tunisia met in Valletta on Friday to settle the ferry dispute.\n"
        f"![[The two envoys at the harbour office (Jane Doe/Wire)]](https://cdn.example.org/envoys.jpg)\n"
        f"They agreed to meet again in June. {picture} The talks lasted an hour.\n"
    )
    source = Source("w", "w.txt", text)
    cleaned = clean(source)
    assert [(d.text, d.reason) for d in cleaned.dropped] == [
        ("![[The two envoys at the harbour office (Jane Doe/Wire)]](https://cdn.example.org/envoys.jpg)", "caption"),
        (picture, "caption"),
    ]
    assert [text[b.start:b.end] for b in cleaned.blocks] == [
        "The envoys of Malta and Tunisia met in Valletta on Friday to settle the ferry dispute.",
        "They agreed to meet again in June.", "The talks lasted an hour."]
    dropped = cleaned.dropped[1]
    assert text[dropped.start:dropped.end] == picture


@pytest.mark.parametrize("line, expected", [
    # a labelled credit, with a colon or a slash
    ("Photo / Harbour Images", True),
    ("PHOTO: WIRE", True),
    ("Picture: Jane Doe", True),
    ("Photo: harbourtimes.example.org by Jane Doe is licensed under CC BY 4.0", True),
    # a bracketed credit
    ("(Harbour Images)", True),
    ("(Jane Doe/Wire)", True),
    # a photographer and an agency joined by a slash
    ("Jane Doe/WIRE", True),
    ("Jane Doe/Reuters", True),
    ("AFP/Jane Doe", True),
    ("Reuters/Jane Doe/Pool", True),
    # a picture desk's name
    ("Harbour Images", True),
    ("Pool Photo", True),
    # a caption with its label, a sentence about photos, words joined by a slash, brackets crediting no picture
    ("Photo: The two envoys shook hands at the harbour office before the talks began. They agreed to meet again.",
     False),
    ("Photos of the meeting were released on Friday.", False),
    ("Trade/Investment", False),
    ("EU/US", False),
    ("(in June)", False),
    ("the photo/Video gallery", False),
])
def test_a_line_that_is_only_a_pictures_credit(line, expected):
    from compare.clean import is_picture_credit

    assert is_picture_credit(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("The prime minister praised the governor for the deal. Photo / Harbour Images", True),
    ("The prime minister praised the governor for the deal. Photo: Jane Doe", True),
    ("The ministers looked at the photo / Video footage was shown later.", False),
])
def test_a_caption_closed_by_a_credit_after_a_slash(line, expected):
    from compare.clean import is_caption

    assert is_caption(line) is expected


def _reasons(text: str) -> dict[str, str | None]:
    source = Source("w", "w.txt", text)
    cleaned = clean(source)
    reasons: dict[str, str | None] = {text[b.start:b.end]: None for b in cleaned.blocks}
    reasons.update({d.text: d.reason for d in cleaned.dropped})
    return reasons


STORY_OPENING = "The envoys of Malta and Tunisia met in Valletta on Friday to settle the ferry dispute.\n"
STORY_CLOSING = "Both sides said the talks had been useful and agreed to meet again in June.\n"


@pytest.mark.parametrize("credit", ["Photo / Harbour Images", "Picture: Jane Doe", "(Harbour Images)",
                                    "Jane Doe/WIRE", "REUTERS", "AFP"])
def test_a_short_line_above_a_pictures_credit_is_its_caption(credit):
    caption = "The governor welcomes the envoy at the harbour office."
    reasons = _reasons(STORY_OPENING + caption + "\n" + credit + "\n" + STORY_CLOSING)
    assert reasons[caption] == "caption" and reasons[credit] == "caption"
    assert reasons[STORY_OPENING.strip()] is None and reasons[STORY_CLOSING.strip()] is None


def test_a_paragraph_of_several_sentences_above_a_credit_is_story():
    paragraph = "The governor welcomed the envoy at the harbour office. They talked for an hour."
    reasons = _reasons(STORY_OPENING + paragraph + "\nPhoto: Jane Doe\n" + STORY_CLOSING)
    assert reasons[paragraph] is None and reasons["Photo: Jane Doe"] == "caption"


def test_an_agency_name_after_the_last_paragraph_credits_the_story_not_a_caption():
    last = "Both sides said the talks had been useful."
    for closing in (f"{last}\nREUTERS\n", f"{last}\nAFP\nShare this article\n"):
        reasons = _reasons(STORY_OPENING + closing)
        assert reasons[last] is None
        assert reasons[closing.split("\n")[1]] == "boilerplate"


def test_an_agency_name_closing_a_paragraph_is_the_story_credit_with_exact_offsets():
    text = STORY_OPENING + "Both sides said the talks had been “useful”. REUTERS\n"
    cleaned = clean(Source("w", "w.txt", text))
    assert [text[b.start:b.end] for b in cleaned.blocks][-1] == "Both sides said the talks had been “useful”."
    credit = cleaned.dropped[-1]
    assert (credit.text, credit.reason, text[credit.start:credit.end]) == ("REUTERS", "boilerplate", "REUTERS")
    # a sentence naming an agency, or a name that is no agency's, stays
    for line in ("The talks were first reported by Reuters.", "The talks went well. Jane Doe"):
        kept = clean(Source("w", "w.txt", STORY_OPENING + line + "\n"))
        assert kept.dropped == () and kept.blocks[-1].end == len(STORY_OPENING) + len(line)


def test_a_credit_set_above_its_caption_leaves_the_paragraph_above_it_alone():
    story = "The governor then asked the press to leave the room."
    caption = "The governor (L) welcomes the envoy at the harbour office. (Jane Doe/Wire)"
    reasons = _reasons(STORY_OPENING + story + "\nHarbour Photo\n" + caption + "\n" + STORY_CLOSING)
    assert reasons[story] is None
    assert reasons["Harbour Photo"] == "caption" and reasons[caption] == "caption"


@pytest.mark.parametrize("line, expected", [
    ("May Be Interested In:I don’t need a laptop anymore. One small tablet changed how I work", True),
    ("You may also like: Ferry fares to rise in June", True),
    ("You might like: Ten harbour walks", True),
    ("You may enjoy: The island's best bakeries", True),
    ("Also read: Malta and Tunisia settle the ferry dispute.", True),
    ("Must Read: Harbour strike ends", True),
    ("Read also: The envoys meet again", True),
    ("Recommended for you: Ferry timetable changes", True),
    ("Recommended: Ferry timetable changes", True),
    ("See also: The ferry dispute explained", True),
    ("Don't miss: The harbour festival", True),
    ("Related stories: Ferry dispute; Harbour strike", True),
    ("Suggested reading: The ferry dispute", True),
    ("Trending now: Harbour festival", True),
    ("Most read: Harbour festival", True),
    ("Editor's picks: Harbour festival", True),
    # the same words in the story's sentences, without the label's colon
    ("You may also like the new ferry timetable, the minister told passengers.", False),
    ("Officials said they might be interested in a second route.", False),
    ("The envoys read also the draft: it was short.", False),
    ("Most read the statement as a rebuke.", False),
])
def test_a_promotion_of_other_stories_is_told_by_its_label(line, expected):
    from compare.clean import is_promotion

    assert is_promotion(line) is expected


def test_a_promotion_is_furniture_even_where_it_reads_as_sentences():
    promotion = "May Be Interested In:I don’t need a laptop anymore. One small tablet changed how I work"
    reasons = _reasons("Ferry talks in Valletta – follow live\n\n" + promotion + "\n" + STORY_OPENING)
    assert reasons[promotion] == "boilerplate" and reasons[STORY_OPENING.strip()] is None


@pytest.mark.parametrize("line, label", [
    ("Key Points The two envoys agreed to reopen the ferry route.", "Key Points"),
    ("Key points: The two envoys agreed to reopen the ferry route.", "Key points:"),
    ("KEY TAKEAWAYS The two envoys agreed to reopen the ferry route.", "KEY TAKEAWAYS"),
    ("Key facts Malta and Tunisia signed two accords.", "Key facts"),
    ("Takeaways: Malta and Tunisia signed two accords.", "Takeaways:"),
    ("Highlights “We will reopen the route,” the envoy said.", "Highlights"),
    ("Story highlights The envoys met for an hour.", "Story highlights"),
    ("In brief The envoys met for an hour.", "In brief"),
    ("At a glance The envoys met for an hour.", "At a glance"),
    ("Summary The envoys met for an hour.", "Summary"),
    ("Quick read The envoys met for an hour.", "Quick read"),
    ("TL;DR The envoys met for an hour.", "TL;DR"),
    # the same words opening a sentence of the story
    ("Key points of the accord were agreed on Friday.", None),
    ("Highlights of the visit included a harbour tour.", None),
    ("In brief remarks, the envoy thanked his hosts.", None),
    ("Summary executions were condemned by both envoys.", None),
    ("In short, the talks went well.", None),
])
def test_a_summary_sections_label_run_into_its_first_point(line, label):
    from compare.clean import section_label

    assert section_label(line) == label


def test_a_summary_label_is_dropped_and_its_first_point_kept_with_exact_offsets():
    text = "Key Points The two envoys agreed to reopen the ferry route.\n- Fares will stay the same for a year\n"
    cleaned = clean(Source("w", "w.txt", text))
    label = cleaned.dropped[0]
    assert (label.text, label.reason, text[label.start:label.end]) == ("Key Points", "boilerplate", "Key Points")
    first = cleaned.blocks[0]
    assert text[first.start:first.end] == "The two envoys agreed to reopen the ferry route."


@pytest.mark.parametrize("line, following, expected", [
    ("Asked about the ferry, the envoy said:", "We will reopen the route before the summer.", True),
    ("The minister told reporters:", "We will reopen the route before the summer.", True),
    ("He added on Friday:", "We will reopen the route.", True),
    ("The statement read:", "“We will reopen the route before the summer.”", True),
    # a heading, a label, or a sentence without its colon
    ("Ferry routes and fishing rights", "The envoys agreed to reopen two routes.", False),
    ("The envoy at the harbour office:", "The envoys agreed to reopen two routes.", False),
    ("Asked about the ferry, the envoy said", "We will reopen the route.", False),
])
def test_a_line_that_introduces_a_quotation(line, following, expected):
    from compare.clean import introduces_quotation

    assert introduces_quotation(line, following) is expected


def test_a_line_introducing_a_quotation_is_story_where_a_heading_would_be_dropped():
    text = (
        "The envoys of the two islands ended their talks in Valletta on Friday.\n\n"
        "Asked about the ferry, the envoy said:\n\n"
        "We will reopen the route before the summer, and fares will stay the same.\n\n"
        "The envoy at the harbour office:\n\n"
        "The envoys agreed to reopen two ferry routes before the summer.\n"
    )
    kept = _kept(text)
    assert "Asked about the ferry, the envoy said:" in kept
    assert "The envoy at the harbour office:" not in kept  # a picture's label, dropped as a heading


@pytest.mark.parametrize("line, expected", [
    ("Home > News", True),
    ("Home>World>Europe", True),
    ("Top Stories Location: 首页>Top Stories", True),
    ("You are here: Home » Politics › Malta", True),
    # comparisons, arrows in a sentence, a headline with one
    ("Growth > 5% is what the ministry expects", False),
    ("Exports > imports for the first time since 2019, the ministry said.", False),
    ("Ferry fares rose > 10 percent on the route between the two islands", False),
    ("The Harbour Route", False),
])
def test_a_breadcrumb_is_told_by_its_path(line, expected):
    from compare.clean import is_breadcrumb

    assert is_breadcrumb(line) is expected


def test_a_breadcrumb_above_the_headline_leaves_it_the_title():
    text = (
        "Top Stories Location: Home>Top Stories\n\n"
        "Malta and Tunisia Sign Ferry Accord in Valletta\n\n"
        "size: A A A\n\n"
        "The envoys of Malta and Tunisia signed a ferry accord in Valletta on Friday.\n"
    )
    cleaned = clean(Source("w", "w.txt", text))
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert cleaned.title == "Malta and Tunisia Sign Ferry Accord in Valletta"
    assert reasons["Top Stories Location: Home>Top Stories"] == "boilerplate"
    assert reasons["size: A A A"] == "boilerplate"


def test_a_line_going_on_in_lower_case_still_continues_a_first_line():
    text = "The envoys of Malta and Tunisia agreed on\nfriday to reopen the ferry route.\n"
    cleaned = clean(Source("w", "w.txt", text))
    assert cleaned.title is None and cleaned.dropped == ()


@pytest.mark.parametrize("line, expected", [
    ("— Harbour Desk (@harbourdesk) April 17, 2025", True),
    ("- Port Authority (@port_auth) 3 March 2024", True),
    ("pic.twitter.com/AbC123xyz", True),
    ('The ferry sails at dawn, the envoy wrote. pic.twitter.com/AbC123xyz', False),  # the post's words: story
    ("Ferries resume today https://t.co/Xy12AbC — Harbour Desk (@harbourdesk) May 6, 2025", True),
    # a handle or a date in a sentence of the story, a contact address
    ("The envoy (@envoy_mt on X) posted a photo of the ferry on April 17, 2025.", False),
    ("Write to the desk at news@harbour.example for the timetable.", False),
    ("The ministry said on Twitter that the route reopens on May 6, 2025.", False),
])
def test_an_embedded_post_is_told_by_its_signature_or_its_link(line, expected):
    from compare.clean import is_embedded_post

    assert is_embedded_post(line) is expected


def test_an_embedded_posts_signature_is_dropped_as_embed_and_its_words_kept():
    text = (
        "The envoys of Malta and Tunisia signed a ferry accord in Valletta on Friday.\n"
        "Envoy Borg: \"A great day for both harbours. We sail together!\"\n"
        "— Harbour Desk (@harbourdesk) April 17, 2025\n"
        "The first ferry will sail in June, the ministry said.\n"
    )
    cleaned = clean(Source("w", "w.txt", text))
    assert [(d.text, d.reason) for d in cleaned.dropped] == [("— Harbour Desk (@harbourdesk) April 17, 2025", "embed")]
    kept = [text[b.start:b.end] for b in cleaned.blocks]
    assert kept == ["The envoys of Malta and Tunisia signed a ferry accord in Valletta on Friday.",
                    'Envoy Borg: "A great day for both harbours. We sail together!"',
                    "The first ferry will sail in June, the ministry said."]


def test_a_long_paragraph_above_a_signature_is_no_post():
    long_line = "The envoys of Malta and Tunisia signed a ferry accord in Valletta on Friday. " * 6
    text = long_line + "\n— Harbour Desk (@harbourdesk) April 17, 2025\nThe first ferry sails in June.\n"
    cleaned = clean(Source("w", "w.txt", text))
    assert [d.reason for d in cleaned.dropped] == ["embed"]
    assert text[cleaned.blocks[0].start:cleaned.blocks[0].end] == long_line.strip()


@pytest.mark.parametrize("line, expected", [
    ("11:30 a.m.", True),
    ("2:14 p.m.", True),
    ("10:42 ET", True),
    ("14:05 GMT", True),
    ("2 PM", True),
    ("2 min ago", True),
    ("Updated 10:42 ET", True),
    # a sentence with a time, a score, a plain number
    ("The ferry leaves at 11:30 a.m.", False),
    ("11:30 a.m. is when the ferry leaves.", False),
    ("Malta won 2:1", False),
    ("2025", False),
])
def test_a_line_that_is_only_a_time_stamp_is_told(line, expected):
    from compare.clean import is_time_stamp

    assert is_time_stamp(line) is expected


def test_time_stamps_of_a_live_blog_and_an_itinerary_are_dropped_and_their_entries_kept():
    text = (
        "The envoys of Malta and Tunisia met in Valletta on Friday to sign a ferry accord.\n"
        "All times local.\n"
        "2:14 p.m.\n"
        "The envoys left the harbour office after the signing.\n"
        "11:30 a.m. The envoy will arrive at the harbour office.\n"
        "10:42 ET “We sail together,” the envoy said.\n"
        "11:30 a.m. is when the first ferry leaves, the ministry said.\n"
    )
    source = Source("w", "w.txt", text)
    cleaned = clean(source)
    reasons = {d.text: d.reason for d in cleaned.dropped}
    assert reasons == {"All times local.": "boilerplate", "2:14 p.m.": "timestamp", "11:30 a.m.": "timestamp",
                       "10:42 ET": "timestamp"}
    kept = [text[b.start:b.end] for b in cleaned.blocks]
    assert kept[1:] == ["The envoys left the harbour office after the signing.",
                        "The envoy will arrive at the harbour office.",
                        "“We sail together,” the envoy said.",
                        "11:30 a.m. is when the first ferry leaves, the ministry said."]
    assert all(text[d.start:d.end] == d.text for d in cleaned.dropped)


@pytest.mark.parametrize("line, credit", [
    ("(JANE DOE/WIRE via Getty Images) · JANE DOE via Getty Images The ferry talks ran late.",
     "(JANE DOE/WIRE via Getty Images) · JANE DOE via Getty Images"),
    ("(Pool Photo) The ferry talks ran late.", "(Pool Photo)"),
    ("(Jane Doe/Wire) | AP Photo “We sail together,” the envoy said.", "(Jane Doe/Wire) | AP Photo"),
    # brackets that open a story line and credit no picture
    ("(Reuters) The ferry talks ran late.", None),
    ("(Jane Doe/Wire) The ferry talks ran late.", None),
    ("(The talks ran late, images show.) The ferry sails today.", None),
    ("(Updated) The ferry talks ran late.", None),
])
def test_a_picture_credit_opening_a_story_line_is_told(line, credit):
    from compare.clean import leading_picture_credit

    assert leading_picture_credit(line) == credit


def test_a_picture_credit_run_into_a_story_line_is_dropped_and_the_story_kept_with_exact_offsets():
    text = (
        "The envoys of Malta and Tunisia met in Valletta on Friday to sign a ferry accord.\n"
        "(JANE DOE/WIRE via Getty Images) · JANE DOE via Getty Images The main issue is fares.\n"
    )
    source = Source("w", "w.txt", text)
    cleaned = clean(source)
    assert [(d.text, d.reason) for d in cleaned.dropped] == [
        ("(JANE DOE/WIRE via Getty Images) · JANE DOE via Getty Images", "caption")]
    assert all(text[d.start:d.end] == d.text for d in cleaned.dropped)
    assert text[cleaned.blocks[1].start:cleaned.blocks[1].end] == "The main issue is fares."


@pytest.mark.parametrize("paragraph, prefix", [
    ("Washington DC - US President Jane Doe met the envoy on Friday.", "Washington DC -"),
    ("Washington D.C. — The envoys met on Friday.", "Washington D.C. —"),
    ("Canberra, ACT – The envoys met on Friday.", "Canberra, ACT –"),
    ("Harbour Wire/ On Tuesday, the envoys met in Valletta.", "Harbour Wire/"),
    # a title-case name before a dash, a hyphenated compound, a pair joined by a slash
    ("Moscow - Kyiv talks resumed on Friday.", None),
    ("Washington DC-based groups welcomed the accord.", None),
    ("Malta/Tunisia ferry talks resumed on Friday.", None),
    ("Valletta EU - The envoys met on Friday.", None),  # no city the lexicon knows before the abbreviation
])
def test_a_title_case_dateline_with_a_region_and_an_outlet_s_slash_prefix_are_dropped(paragraph, prefix):
    text = "The Envoys Sign a Ferry Accord\n" + paragraph + " The ferry sails in June.\n"
    cleaned = clean(Source("w", "w.txt", text))
    datelines = [d.text for d in cleaned.dropped if d.reason == "dateline"]
    assert datelines == ([prefix] if prefix else [])
    first = text[cleaned.blocks[0].start:cleaned.blocks[0].end]
    assert first == (paragraph[len(prefix):].lstrip() if prefix else paragraph) + " The ferry sails in June."


def test_a_region_dateline_gives_the_city_as_the_place():
    cleaned = clean(Source("w", "w.txt", "Washington DC - The envoys met on Friday. They signed the accord.\n"))
    assert cleaned.dateline_place == "Washington"


def test_two_copies_of_a_paragraph_one_under_its_dateline_share_a_key():
    assert paragraph_key("OTTAWA — The envoys met on Friday.") == paragraph_key("The envoys met on Friday.")
    assert paragraph_key("OTTAWA — The envoys met on Friday.") != paragraph_key("The envoys met on Monday.")
    assert paragraph_key("Ottawa: a city of envoys.") != paragraph_key("a city of envoys.")  # no dateline


@pytest.mark.parametrize("line, expected", [
    ("By JANE DOE Harbour News Service", True),
    ("By Jane Doe and John Roe", True),
    ("By J. Doe", True),
    ("By News Room", True),
    ("By Jane Doe | Harbour Wire", True),
    # a headline or a sentence opened by "By"
    ("By The Numbers Ferry Fares Since 2019", False),
    ("By Tuesday the envoys had signed", False),
    ("By April Both Harbours Will Open", False),
    ("By Sea: The Ferry Route Reopens", False),
    ("By the end of the talks the envoys agreed", False),
    ("By Friday. The envoys had signed.", False),
    ("Byron Doe said the ferry sails in June", False),
])
def test_a_byline_is_told_from_a_line_opened_by_by(line, expected):
    from compare.clean import is_byline

    assert is_byline(line) is expected


@pytest.mark.parametrize("word", sorted(__import__("compare.lang", fromlist=["LEXICON"]).LEXICON.byline_words))
def test_every_byline_word_joins_or_describes_the_writers(word):
    from compare.clean import is_byline

    assert is_byline(f"By Jane Doe {word} Harbour")
    assert not is_byline(f"By Jane Doe {word} harbour")  # a lower-case word no byline holds


def test_a_byline_or_a_player_notice_is_never_the_title():
    for furniture, reason in [("By JANE DOE Harbour News Service", "byline"),
                              ("This audio is created with AI tools", "boilerplate")]:
        text = f"{furniture}\nMalta and Tunisia Sign a Ferry Accord\nThe envoys signed the accord on Friday.\n"
        cleaned = clean(Source("w", "w.txt", text))
        assert cleaned.title == "Malta and Tunisia Sign a Ferry Accord"
        assert {d.text: d.reason for d in cleaned.dropped}[furniture] == reason


@pytest.mark.parametrize("line", [
    "This audio is created with AI tools",
    "This video was produced by the harbour desk",
    "This podcast is narrated by an automated voice",
    "This summary was generated by AI",
    "This story was read by a synthetic voice",
    "Your browser does not support the audio element.",
    "Listen to article",
    "Listen to the story",
])
def test_a_player_s_notice_is_the_site_s(line):
    assert is_site_message(line)


def test_a_sentence_about_audio_is_no_player_notice():
    assert not is_site_message("The audio of the call was released by the ministry on Friday.")
    assert not is_site_message("Listeners to the harbour radio heard the envoy.")


def test_a_question_set_first_above_the_story_is_the_title():
    text = "Malta met Tunisia: How did it go?\nThe envoys signed the accord on Friday. The ferry sails in June.\n"
    cleaned = clean(Source("w", "w.txt", text))
    assert cleaned.title == "Malta met Tunisia: How did it go?"
    # below the title or the story's first paragraph, a question is a heading or a sentence, never the title
    text = ("Malta and Tunisia Sign a Ferry Accord\nWhat did the envoys agree?\n"
            "The envoys signed the accord on Friday. The ferry sails in June.\n")
    assert clean(Source("w", "w.txt", text)).title == "Malta and Tunisia Sign a Ferry Accord"
    text = "The envoys signed the accord on Friday.\nWhat did they agree?\nThe ferry sails in June.\n"
    cleaned = clean(Source("w", "w.txt", text))
    assert cleaned.title is None and cleaned.dropped == ()


@pytest.mark.parametrize("headline", ["Putin meets Kim", "Talks collapse", "Leaders meet in Oslo"])
def test_a_file_of_one_short_headline_is_its_claim(headline):
    cleaned = clean(Source("h", "h.txt", headline + "\n"))
    assert cleaned.dropped == () and [headline[b.start:b.end] for b in cleaned.blocks] == [headline]


@pytest.mark.parametrize("furniture", ["Advertisement", "Read more", "Share this article"])
def test_a_file_of_one_site_line_is_still_furniture(furniture):
    cleaned = clean(Source("h", "h.txt", furniture + "\n"))
    assert cleaned.blocks == () and [d.reason for d in cleaned.dropped] == ["boilerplate"]
