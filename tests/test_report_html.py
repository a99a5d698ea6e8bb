import base64
import dataclasses
import hashlib
import re

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.report.html import render_html, word_diff
from report_fixture import MINUTES_REASON, SOFA_REASON, index_and_claims, make_comparison

NS = {"h": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def page():
    return render_html(*index_and_claims(make_comparison()))


@pytest.fixture(scope="module")
def tree(page):
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


def text_of(element) -> str:
    return " ".join("".join(element.itertext()).split())


def test_strict_html5_parse_has_no_errors(page):
    parser = html5lib.HTMLParser(strict=True)
    parser.parse(page)  # raises ParseError on the first error
    assert parser.errors == []
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"en\">")


def test_hostile_text_and_metadata_are_escaped(page, tree):
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; appeared in the page as text." in page
    assert "Charlie &amp; Sons &lt;b&gt;News&lt;/b&gt;" in page
    assert len(tree.findall(".//h:script", NS)) == 1
    assert all("News" not in text_of(b) for b in tree.findall(".//h:b", NS))
    assert "javascript:alert(1)" not in " ".join(a.get("href", "") for a in tree.iter(f"{{{NS['h']}}}a"))


def test_nothing_is_loaded_from_anywhere(tree):
    for element in tree.iter():
        for attribute in ("src", "srcset", "data", "action", "poster"):
            assert element.get(attribute) is None, (element.tag, attribute)
    assert tree.findall(".//h:link", NS) == []
    for anchor in tree.iter(f"{{{NS['h']}}}a"):
        assert anchor.get("href", "").startswith("#")


def test_content_security_policy_allows_only_the_inline_blocks(page, tree):
    meta = [m for m in tree.iter(f"{{{NS['h']}}}meta") if m.get("http-equiv") == "Content-Security-Policy"]
    policy = meta[0].get("content")
    assert "default-src 'none'" in policy
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    style = re.search(r"<style>(.*?)</style>", page, re.S).group(1)
    for block in (script, style):
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy


def test_every_link_points_at_an_element_of_the_page(tree):
    ids = {element.get("id") for element in tree.iter() if element.get("id")}
    hrefs = [a.get("href")[1:] for a in tree.iter(f"{{{NS['h']}}}a")]
    assert hrefs and all(href in ids for href in hrefs)


def test_every_sentence_shows_its_offsets():
    c = make_comparison()
    page = render_html(*index_and_claims(c))
    for s in c.sentence_records:
        assert f"chars {s.start}–{s.end}" in page


def test_contradictions_side_by_side_with_reason(tree):
    articles = [a for a in tree.iter(f"{{{NS['h']}}}article") if "contradiction" in a.get("class", "")]
    assert len(articles) == 2
    sofa = text_of(articles[0])
    assert "It was not made clear whether the talks touched on the status of forces agreement." in sofa
    assert "The talks addressed the status of forces agreement." in sofa
    assert SOFA_REASON in sofa
    assert MINUTES_REASON in text_of(articles[1])
    marks = [text_of(m) for m in articles[1].iter(f"{{{NS['h']}}}mark")]
    assert marks == ["90", "60"]


def test_claim_matrix_grid_shows_every_source_of_the_event(tree):
    matrix = [t for t in tree.iter(f"{{{NS['h']}}}table") if "matrix" in t.get("class", "")]
    assert len(matrix) == 1  # the single-source event has none
    header = [text_of(th) for th in matrix[0].find("h:thead", NS).iter(f"{{{NS['h']}}}th")]
    assert header == ["#", "claim", "Alpha Daily (alpha)", "bravo", "Charlie & Sons <b>News</b> (charlie)"]
    first_row = matrix[0].find("h:tbody/h:tr", NS)
    cells = [td.get("class") for td in first_row.findall("h:td", NS)[2:]]
    assert cells == ["cell cell-hedged", "cell cell-asserted", "cell cell-not_mentioned"]


def test_index_of_events_and_counts(tree, page):
    nav = tree.find(".//h:nav", NS)
    assert [a.get("href") for a in nav.iter(f"{{{NS['h']}}}a")] == ["#event-1", "#event-2"]
    assert 'class="rel rel-contradict">contradict <b>2</b>' in page


def test_single_event_has_no_index():
    c = make_comparison()
    one = dataclasses.replace(c, events=c.events[:1])
    assert "<nav" not in render_html(*index_and_claims(one))


def test_word_diff_marks_only_changed_words():
    a, b = word_diff("The meeting lasted 90 minutes.", "The meeting lasted 60 minutes.")
    assert a == [("The meeting lasted", False), ("90", True), ("minutes.", False)]
    assert b == [("The meeting lasted", False), ("60", True), ("minutes.", False)]
    a, b = word_diff("Held on Saturday, in Naples", "held on saturday in Naples")
    assert not any(changed for _, changed in a + b)


def test_deterministic(page):
    assert render_html(*index_and_claims(make_comparison())) == page


# Text an HTML document can carry at all: no NUL, no surrogates, no C0/C1 controls or noncharacters (the
# reader turns those into errors or spaces before the report exists).
printable = st.text(
    st.characters(blacklist_categories=("Cs", "Cc", "Co", "Cn"), blacklist_characters="\ufffe\uffff"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None)
@given(title=printable, sentence=printable)
def test_any_title_or_sentence_stays_text_in_valid_html(title, sentence):
    c = make_comparison()
    folded = " ".join(sentence.split())
    sources = tuple(dataclasses.replace(s, title=title) if s.id == "bravo" else s for s in c.sources)
    sentences = tuple(
        dataclasses.replace(s, text=folded) if (s.source, s.id) == ("bravo", 2) else s for s in c.sentence_records
    )
    page = render_html(*index_and_claims(dataclasses.replace(c, sources=sources, sentence_records=sentences)))
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    tree = parser.parse(page)
    assert len(tree.findall(".//script")) == 1
    cells = [" ".join("".join(td.itertext()).split()) for td in tree.iter("td")]
    assert " ".join(title.split()) in cells
    assert any(folded in cell for cell in cells)


def test_dropped_spans_and_urls_are_shown_as_text(tree, page):
    details = [d for d in tree.iter(f"{{{NS['h']}}}details") if "dropped" in d.get("class", "")]
    assert len(details) == 2  # one per event that has dropped spans
    naples = text_of(details[0])
    assert "Left out of the comparison: 4 spans" in naples
    assert "boilerplate Share this article chars" in naples
    assert "title <script>alert(1)</script> Naples talks" in naples
    assert '<span class="url">javascript:alert(1)</span>' in page


def test_syndicated_copies_are_marked():
    c = make_comparison()
    with_copies = dataclasses.replace(c, copies=(("charlie", "alpha"),))
    tree = html5lib.parse(render_html(*index_and_claims(with_copies)))
    rows = [text_of(tr) for tr in tree.iter(f"{{{NS['h']}}}tr") if text_of(tr).startswith("charlie")]
    assert rows and "copy of alpha" in rows[0]


def test_copies_listed_and_sources_outside_every_event_named():
    c = make_comparison()
    # "bravo" is a copy of "alpha" and (as a pipeline may do) left out of the event; "delta" is in no event.
    events = (dataclasses.replace(c.events[0], sources=("alpha", "charlie")),)
    copied = dataclasses.replace(c, copies=(("bravo", "alpha"),))
    page = render_html(*index_and_claims(dataclasses.replace(copied, events=events)))
    html5lib.HTMLParser(strict=True).parse(page)
    assert "<li><code>bravo</code> is a copy of <code>alpha</code></li>" in page
    assert "Not in any event: <code>delta</code></p>" in page
    assert "Syndicated copies" not in render_html(*index_and_claims(c)) and "Not in any event" not in render_html(*index_and_claims(c))


@pytest.mark.parametrize(
    "value", ["plain", "<script>alert('x')</script>", 'a "quoted" & <b>', "&amp; already", "", 0, 42, None, 1.5]
)
def test_fast_escape_writes_what_autoescaping_writes(value):
    """The rows built in Python escape with html._h; it must give markupsafe.escape's text for every value."""
    from markupsafe import escape

    from compare.report.html import _h

    assert _h(value) == str(escape(value))


def test_alignment_and_matrix_rows_escape_hostile_text(page):
    """charlie's sentence '<script>alert(1)</script> appeared ...' is in the alignment rows built in Python."""
    row = re.search(r'<tr id="s3-1"[^\n]*</tr>', page).group()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; appeared in the page as text." in row
    assert "<script>" not in row
    tree = html5lib.parse(page)
    assert not [s for s in tree.iter("{http://www.w3.org/1999/xhtml}script") if "alert" in "".join(s.itertext())]


def test_page_streams_event_by_event():
    """html_chunks yields the page in pieces (what the writer writes as it goes), and they join to render_html."""
    from compare.report.html import html_chunks

    c = make_comparison()
    pieces = list(html_chunks(*index_and_claims(c)))
    assert len(pieces) > 10
    assert "".join(pieces) == render_html(*index_and_claims(c))



@given(st.text())
def test_fast_escape_agrees_with_markupsafe_on_any_text(text):
    from markupsafe import escape

    from compare.report.html import _h

    assert _h(text) == str(escape(text))


def fact_sheet_rows(tree, event_id: str) -> list[list[str]]:
    section = next(s for s in tree.iter(f"{{{NS['h']}}}section")
                   if "event" in s.get("class", "") and f"Event {event_id}" in text_of(s.find("h:h2", NS)))
    table = next(t for t in section.iter(f"{{{NS['h']}}}table") if "fact-sheet" in t.get("class", ""))
    return [[text_of(cell) for cell in tr if cell.tag.endswith(("td", "th"))] for tr in table.iter(f"{{{NS['h']}}}tr")]


def test_each_event_opens_with_its_fact_sheet_conflicts_first(page, tree):
    header, *rows = fact_sheet_rows(tree, "naples")
    assert header == ["what", "Alpha Daily (alpha)", "bravo", "Charlie & Sons <b>News</b> (charlie)", "status"]
    assert rows[0] == ["duration", "lasted 90 minutes", "", "lasted 60 minutes", "conflict"]
    assert ["weekday", "", "Saturday", "", "single"] in rows
    assert fact_sheet_rows(tree, "singapore")[1:] == [["weekday", "Sunday", "single"]]
    naples = page.split('id="event-1"', 1)[1]
    assert naples.index("<h3>Fact sheet</h3>") < naples.index("<h3>Sources</h3>")


def test_a_fact_s_text_is_escaped(page, tree):
    place = next(row for row in fact_sheet_rows(tree, "naples") if row[0] == "place")
    assert place[3] == "<script>alert(1)</script>"  # shown as text: the parser read no element
    assert '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>' in page


def test_sources_are_named_by_outlet_with_their_id_escaped():
    page = render_html(*index_and_claims(make_comparison()))
    labelled = "Charlie &amp; Sons &lt;b&gt;News&lt;/b&gt; (<code>charlie</code>)"
    assert page.count(labelled) >= 3  # the contradiction's side, what it alone reports, its alignment
    assert "Alpha Daily (alpha)" in page  # the summary table's list of sources
    assert "<b>News</b>" not in page
