"""Saved HTML pages -> the article they hold, with the metadata the page gives (trafilatura, offline)."""

from __future__ import annotations

import re
from pathlib import Path

from compare.models import EmptySource, MalformedCorpus, Settings, Source
from compare.sources.naming import shown
from compare.sources.reading import read_text
from compare.sources.rows import clean_value, iso_date


def read_html(name: str, settings: Settings, warnings: list[str]) -> list[Source]:
    text, encoding, _exact = read_text(name, settings, warnings, html=True)
    return [html_source(name, Path(name).stem, text, encoding)]


def html_source(name: str, source_id: str, page: str, encoding: str) -> Source:
    """The article of a saved page, with the metadata the page gives, extracted offline by trafilatura."""
    import trafilatura  # imported here: it is slow to import and only pages need it

    label = shown(name)
    if _nested_past_the_parser(page):
        raise MalformedCorpus(
            f"{label} nests its elements deeper than the HTML parser reads (256 levels), so what follows would be "
            "lost; save the article's text as .txt instead"
        )
    # A str (not bytes) so trafilatura does not guess the encoding again; no URL, so nothing is fetched.
    try:
        document = trafilatura.bare_extraction(
            _xml_safe_references(page),
            with_metadata=True,
            include_comments=False,  # readers' comments are not the outlet's report
            include_tables=True,
            deduplicate=False,  # repeated paragraphs are the cleaning stage's to drop, with provenance
        )
    except RecursionError:  # the extractor walks the element tree recursively
        raise MalformedCorpus(
            f"{label} nests its elements too deeply to be an article page; save the article's text as .txt instead"
        ) from None
    text = (document.text if document is not None else "") or ""
    if not text.strip():
        raise EmptySource(
            f"{label} has no article text that could be extracted; save the article's text as .txt instead"
        )
    return Source(
        id=source_id,
        path=name,
        text=text,
        title=clean_value(document.title),
        published=_page_date(document.date),
        outlet=clean_value(document.sitename),
        outlet_from="metadata" if clean_value(document.sitename) else None,
        url=clean_value(document.url),
        encoding=encoding,
        text_is_file=False,
    )


def _nested_past_the_parser(page: str) -> bool:
    """Whether libxml2, which parses the page for the extractor, stops at its depth limit: it then drops the rest
    of the page without an error, so the paragraphs after a deep nest of elements would vanish without a word."""
    from lxml import etree

    parser = etree.HTMLParser(encoding="utf-8")
    try:
        etree.fromstring(page.encode("utf-8", "surrogatepass"), parser)  # bytes: a declared encoding is no error
    except (etree.LxmlError, ValueError):  # a page the parser refuses outright: the extractor says so itself
        return False
    return any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT and "depth" in e.message for e in parser.error_log)


# Character references to what XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE and
# U+FFFF): the extractor's XML tree cannot hold them, and a single one made it find no text in the whole page.
_REFERENCE = re.compile(r"&#(?:[xX]0*([0-9a-fA-F]{1,8})|0*([0-9]{1,10}));?")
_SPACING_CONTROLS = (0x0B, 0x0C)  # vertical tab, form feed: white space in the text


def _xml_safe_references(page: str) -> str:
    """`page` with each reference XML forbids replaced: a spacing control by a space, the rest by U+FFFD."""
    if "&#" not in page:
        return page

    def safe(match: re.Match) -> str:
        code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
        if code in _SPACING_CONTROLS:
            return " "
        if (code < 0x20 and code not in (0x09, 0x0A, 0x0D)) or code in (0xFFFE, 0xFFFF):
            return "\ufffd"
        return match.group(0)

    return _REFERENCE.sub(safe, page)


def _page_date(value: str | None) -> str | None:
    """The extractor's date as YYYY-MM-DD; one it got wrong is dropped, since the user cannot fix it."""
    try:
        return iso_date(value, "", "date")
    except MalformedCorpus:
        return None
