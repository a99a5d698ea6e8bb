from compare.report.markdown import md_escape, render_markdown
from report_fixture import MINUTES_REASON, SOFA_REASON, index_and_claims, make_comparison

# The fixture's sources as the tables head their columns: outlet (id) when the outlet is known, escaped.
MD_LABELS = [md_escape("Alpha Daily (alpha)"), "bravo", md_escape("Charlie & Sons <b>News</b> (charlie)")]


def test_summary_table_lists_every_event_with_counts():
    md = render_markdown(*index_and_claims(make_comparison()))
    assert md.startswith("# crosscheck report\n")
    summary = md.split("## Summary", 1)[1].split("## Event", 1)[0]
    naples_row = next(line for line in summary.splitlines() if "naples" in line)
    cells = [cell.strip() for cell in naples_row.strip("|").split("|")]
    assert cells[4:] == ["10", "1", "2", "2", "10"]


def test_claim_matrix_has_a_column_per_source_and_contradictions_first():
    md = render_markdown(*index_and_claims(make_comparison()))
    matrix = md.split("### Claim matrix", 1)[1].split("### Contradictions", 1)[0]
    header = next(line for line in matrix.splitlines() if line.startswith("| #"))
    assert [cell.strip() for cell in header.strip("|").split("|")] == ["#", "claim", *MD_LABELS]
    rows = [line for line in matrix.splitlines() if line.startswith("| ") and not line.startswith("| #")]
    assert "status of forces" in rows[0] and "hedged" in rows[0] and "asserted" in rows[0]
    assert "contradicted" in rows[1]


def test_contradictions_show_both_sentences_and_the_reason():
    md = render_markdown(*index_and_claims(make_comparison()))
    section = md.split("### Contradictions (2)", 1)[1].split("### Reported by one source only", 1)[0]
    assert "> It was not made clear whether the talks touched on the status of forces agreement." in section
    assert "> The talks addressed the status of forces agreement." in section
    assert SOFA_REASON in section and MINUTES_REASON in section
    assert "chars 98–180" in section


def test_omissions_list_what_each_source_alone_reports():
    md = render_markdown(*index_and_claims(make_comparison()))
    section = md.split("### Reported by one source only", 1)[1].split("## Event singapore", 1)[0]
    assert "**bravo** (1):" in section
    assert "- Both sides will hold a follow-up meeting in December." in section
    assert "**Charlie \\& Sons \\<b\\>News\\</b\\> (charlie)** (2):" in section  # outlet (id), escaped
    assert "(alpha)**" not in section


def test_single_source_event_says_there_is_nothing_to_compare():
    md = render_markdown(*index_and_claims(make_comparison()))
    assert "## Event singapore" in md
    assert "Only one source reports this event: there is nothing to compare it with." in md


def test_source_text_cannot_become_markup():
    md = render_markdown(*index_and_claims(make_comparison()))
    assert "<script>" not in md and "<b>" not in md
    assert r"\<script\>alert(1)\</script\>" in md
    assert md_escape("a | b") == r"a \| b"
    assert md_escape("line\nbreak") == "line break"
    assert md_escape("- not a list") == r"\- not a list"
    assert md_escape("1. not a list") == r"\1. not a list"
    assert md_escape("[link](javascript:x)") == r"\[link\](javascript:x)"


def test_control_characters_in_source_text_are_shown_not_sent_to_the_terminal():
    # `crosscheck diff --format md` prints these cells to a terminal, where ESC ] 0 ; ... BEL sets the window
    # title and ESC [ ... m colours everything after it; a bidi override reorders what the reader sees.
    shown = md_escape("12 ferries \x1b]0;owned\x07 \x1b[31mred\x1b[0m \u202eevil\u200b ok")
    assert not any(ch in shown for ch in "\x1b\x07\u202e")
    assert shown == r"12 ferries \\x1b\]0;owned\\x07 \\x1b\[31mred\\x1b\[0m \\u202eevil" + "\u200b ok"


def test_deterministic():
    c = make_comparison()
    assert render_markdown(*index_and_claims(c)) == render_markdown(*index_and_claims(c))
    assert render_markdown(*index_and_claims(c)).endswith("\n")


def rendered(md: str):
    """The Markdown rendered the way a code-hosting site does (CommonMark + GFM tables), parsed as HTML."""
    import html5lib
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    return html, html5lib.parse(html, namespaceHTMLElements=False)


def test_renders_as_tables_and_quotes_on_a_code_hosting_site():
    html, tree = rendered(render_markdown(*index_and_claims(make_comparison())))
    tables = tree.findall(".//table")
    assert len(tables) == 6  # summary, per event a fact sheet and a source table, one claim matrix
    fact_sheet = tables[1]
    # Outlet names render as text, whatever markup they hold.
    shown = ["Alpha Daily (alpha)", "bravo", "Charlie & Sons <b>News</b> (charlie)"]
    assert ["".join(th.itertext()) for th in fact_sheet.iter("th")] == ["what", *shown, "status"]
    assert any("".join(td.itertext()) == "<script>alert(1)</script>" for td in fact_sheet.iter("td"))
    matrix = tables[3]
    assert ["".join(th.itertext()) for th in matrix.iter("th")] == ["#", "claim", *shown]
    assert len(matrix.findall(".//tbody/tr")) == 6
    quotes = ["".join(q.itertext()).strip() for q in tree.iter("blockquote")]
    assert "The meeting lasted 60 minutes." in quotes
    # Even with raw HTML allowed, source text stays text.
    assert tree.findall(".//script") == []
    assert any("<script>alert(1)</script> appeared" in "".join(td.itertext()) for td in matrix.iter("td"))
    assert [a.get("href") for a in tables[0].iter("a")] == ["#event-1", "#event-2"]


def test_syndicated_copies_are_marked():
    import dataclasses

    c = make_comparison()
    with_copies = dataclasses.replace(c, copies=(("charlie", "alpha"),))
    assert "| charlie (copy of alpha) |" in render_markdown(*index_and_claims(with_copies)).replace("  ", " ")


def test_copies_section():
    import dataclasses

    c = make_comparison()
    with_copies = dataclasses.replace(c, copies=(("charlie", "alpha"),))
    md = render_markdown(*index_and_claims(with_copies))
    assert "## Syndicated copies" in md and "- charlie is a copy of alpha" in md
    assert "## Syndicated copies" not in render_markdown(*index_and_claims(c))


def fact_sheet(md: str, event: str) -> list[list[str]]:
    section = md.split(f"## Event {event}", 1)[1].split("### Fact sheet", 1)[1].split("###", 1)[0]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in section.splitlines()
            if line.startswith("| ") and not line.startswith("|--")]


def test_each_event_opens_with_its_fact_sheet_conflicts_first():
    md = render_markdown(*index_and_claims(make_comparison()))
    naples = md.split("## Event naples", 1)[1]
    assert naples.index("### Fact sheet") < naples.index("### Sources")
    header, *rows = fact_sheet(md, "naples")
    assert header == ["what", *MD_LABELS, "status"]
    assert rows[0] == ["duration", "lasted 90 minutes", "", "lasted 60 minutes", "conflict"]
    assert ["weekday", "", "Saturday", "", "single"] in rows
    assert fact_sheet(md, "singapore")[1:] == [["weekday", "Sunday", "single"]]


def test_a_fact_s_text_cannot_become_markup():
    md = render_markdown(*index_and_claims(make_comparison()))
    place = next(row for row in fact_sheet(md, "naples") if row[0] == "place")
    assert place[3] == md_escape("<script>alert(1)</script>") and "<script>" not in md
