"""Page furniture and repeated paragraphs -> body blocks to split into sentences, plus dropped spans with reasons.

Furniture is recognised by general signals of the line, not by its words: list markers and bulleted items,
headline-like lines (title case, no closing full stop), short lines that are not sentences, stamps that are only
a date, a dateline prefix. A paragraph repeated in the same source is kept once; a repeated paragraph that
carries a trailing credit "(...)" is a photo caption and the uncredited copy is the one kept.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from compare.lang import LEXICON
from compare.metadata import find_dateline, outlet_prefix, parse_date_line, place_line
from compare.models import Dropped, DropReason, Source

# A line with fewer words than this and no closing punctuation is a label ("Most Popular", "Short Url:").
SHORT_LINE_WORDS = 5
# A bulleted line is kept as body only when it is a real sentence at least this long.
MIN_BULLET_SENTENCE_WORDS = 8
# Share of capitalised words (small words aside) from which a line reads as a headline.
HEADLINE_CAPITALISED_SHARE = 0.75
# A title has at least this many words (a shorter first line is a masthead or label).
MIN_TITLE_WORDS = 4
# A line inside the story without closing punctuation and at most this many words, between two paragraphs, is a
# section heading ("Trade imbalance and recruitment concerns"); a sentence that lost its full stop is longer.
MAX_SUBHEADING_WORDS = 8
# A line longer than this that ends a sentence inside it is a paragraph, not a title or a list entry, even without
# a closing full stop: a title is one statement, while a lead paragraph the page cut off mid-sentence, or a
# statement's numbered paragraph, is several.
MAX_HEADLINE_WORDS = 25

_BULLETS = "-–—•*·▪►▸◦‣○●|>»"
_NUMBERED = re.compile(r"^\(?\d{1,2}[.)]\s+")
# A menu has at least this many entries, none longer than this many words.
MIN_MENU_ENTRIES = 3
MAX_MENU_ENTRY_WORDS = 4
_MENU_SEPARATOR = re.compile(r"\s+[|•·/»>]\s+|\s*\|\s*")
_MENU_MARKS = "|•·/»>"  # every separator holds one
_BREADCRUMB_MARKS = ">»›"
_BREADCRUMB_SEPARATOR = re.compile(r"\s*[>»›]\s*")
# Calls to action of web pages, by their opening words (compare/lang/en/cues.py).
_CALL_TO_ACTION = re.compile(LEXICON.call_to_action, re.IGNORECASE)
# A promotion of other stories, by its label and colon (compare/lang/en/cues.py).
_PROMOTION_LABEL = re.compile(LEXICON.promotion_label, re.IGNORECASE)
# The label of a summary section run into its first point ("Key Points The two leaders discussed ...").
_SECTION_LABEL = re.compile(LEXICON.section_label, re.IGNORECASE)
# A line that introduces the quotation below it ("Asked about the topic, Trump said:").
_QUOTATION_INTRODUCTION = re.compile(LEXICON.quotation_introduction, re.IGNORECASE)
_OPENING_QUOTES = "\"'“‘«„"
# Notes of the site about the page itself (general web and wire language).
MAX_SITE_MESSAGE_WORDS = 12  # longer lines that open so are sentences of the story
_SITE_NOTICE = re.compile(LEXICON.site_notice, re.IGNORECASE)
# Credit lines, captions and editors' notes are at most this many words; longer lines that look so are story.
MAX_NOTE_WORDS = 30
# The credit line that closes an agency story ("Reporting by X; Editing by Y", "(Writing by Z)", "AP writer W
# contributed to this report."): general wire language. What follows it on the page is the site's, not the story's.
_CREDIT_LINE = re.compile(LEXICON.credit_line, re.IGNORECASE)
# A photo caption: opened by a picture label ("FILE PHOTO:", "Photo:") or closed by a picture credit
# ("... Photo: Jane Doe/Agency", "... (Image: X)"); general web and wire language.
_CAPTION_LINE = re.compile(LEXICON.caption_line, re.IGNORECASE)
# A picture credit closing a line ("... 2025. (Photographer/Pool Photo via AP)", "... REUTERS/Photographer/Pool"),
# or anywhere in it a labelled credit ("Image Credit:") or where someone in the picture stands ("(right)"): a
# caption of any length, as a caption crowded with names and places runs long.
_PICTURE_CREDIT = re.compile(LEXICON.picture_credit)
# A line that is only a picture's credit ("Photo / Agency", "(Getty Images)", "REUTERS/Jane Doe"), at most this many
# words and one statement at most: the credit of the caption right above it.
_PICTURE_CREDIT_LINE = re.compile(LEXICON.picture_credit_line, re.IGNORECASE)
MAX_PICTURE_CREDIT_WORDS = 12
# A news agency's name closing a paragraph after its last sentence ("... where differences arise. REUTERS"): the
# story's credit, as some sites print it, and no sentence of the story.
_TRAILING_NAME = re.compile(r"(?<=[.!?…])[\"'”’»)]*\s+(?P<name>[^\W\d_][\w .&'’/-]{0,40}?)\s*\.?\s*$")
# A teaser's label ("Related", "Read more", "See also") has at most this many words.
MAX_LABEL_WORDS = 3
_LABEL = re.compile(r"^([^\W\d_][\w' ]{0,30}):\s+\S")
_SENTENCE_END = ".!?。！？…"
# A sentence ending inside a line: closing punctuation (and closing quotes) before white space and a capital or an
# opening quote. "Mr. Borg" and "U.S. President" match too, which is why a paragraph also needs MAX_HEADLINE_WORDS.
_INNER_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*\s+[\"'“‘«(]?[A-Z]")
_CLOSERS = "\"'”’»)]」』"
_SMALL_WORDS = LEXICON.headline_small_words
_WORD = re.compile(r"[^\W_][\w'’.-]*", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_QUOTES = str.maketrans(dict(LEXICON.quote_folds))
_TRAILING_CREDIT = re.compile(r"\s*\([^()]{2,80}\)\s*$")
# An embedded social-media post: its signature ("— Jane Doe (@janedoe) April 17, 2025") and its picture or short
# link ("pic.twitter.com/AbC123"), general web language (compare/lang/en/cues.py). A line of those and at most
# MAX_EMBED_REST_WORDS other words (a "pic" or "Watch:" left over) is the post's furniture.
_EMBED_SIGNATURE = re.compile(LEXICON.social_embed_signature)
_EMBED_LINK = re.compile(LEXICON.social_embed_link, re.IGNORECASE)
MAX_EMBED_REST_WORDS = 3
# A picture's credit run into the start of a story line ("(Jane Doe/Agency via Getty Images) · Jane Doe via Getty
# Images The talks ..."; compare/lang/en/cues.py): the credit of the picture above, dropped up to the story.
_LEADING_PICTURE_CREDIT = re.compile(LEXICON.leading_picture_credit, re.IGNORECASE)
# A live blog's or an itinerary's time stamp ("11:30 a.m.", "10:42 ET", "2 min ago"; compare/lang/en/cues.py): a
# line of its own, or the opening of the entry it stamps ("11:30 a.m. The envoy will arrive ...").
_TIME_STAMP_LINE = re.compile(rf"(?:{LEXICON.time_stamp})\s*", re.IGNORECASE)
_TIME_STAMP_OPENING = re.compile(rf"(?:{LEXICON.time_stamp})\s+(?=[\"“]?(?-i:[A-Z]))", re.IGNORECASE)
# A picture embedded in markup, as pages converted to text keep it: markdown "![alt](url)" (the alt text may hold
# brackets of its own, "![[caption]](url)"), a linked picture "[![alt](picture)](link)", or an HTML <img> tag. Its
# alt text is the picture's caption, its address no text at all.
_MARKDOWN_IMAGE = r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\s*\)"
_IMAGE_EMBED = re.compile(rf"\[{_MARKDOWN_IMAGE}\]\([^()\s]*\)|{_MARKDOWN_IMAGE}|<img\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """A run of body text, source.text[start:end], to be split into sentences."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Body blocks and dropped spans of one source, with the metadata the furniture itself revealed."""

    source: str
    blocks: tuple[Block, ...]
    dropped: tuple[Dropped, ...]
    title: str | None = None
    published: str | None = None
    dateline_place: str | None = None
    # the date of a dateline set on lines of its own ("September 2, 2025" above "Beijing"): the news's date at
    # its place, read as the meeting's when the text states none (compare.pipeline)
    dateline_date: str | None = None


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with the offsets of their stripped text."""
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        stripped = raw.strip()
        if stripped:
            start = pos + (len(raw) - len(raw.lstrip()))
            lines.append(Line(start, start + len(stripped), stripped))
        pos += len(raw)
    return lines


def words(text: str) -> tuple[str, ...]:
    # The tests below ask one line after another how many words it has: the last few lines' words are kept,
    # unless a line is so long that keeping its words would hold memory (a page that is one long line).
    return _recent_words(text) if len(text) <= _KEPT_WORDS_CHARS else tuple(_WORD.findall(text))


@lru_cache(maxsize=16)
def _recent_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text))


_KEPT_WORDS_CHARS = 10_000


def is_embedded_post(text: str) -> bool:
    """The furniture of a social-media post embedded in the page: a line that is only its signature ("— Jane Doe
    (@janedoe) April 17, 2025") or its picture or short link ("pic.twitter.com/AbC123"). The post's own words are
    what someone said, often the news itself ("Today, important negotiations took place ..."), and stay story
    text, also on the line that closes with the signature."""
    lowered = text.lower()
    if "@" not in text and "t.co/" not in lowered and "twitter.com/" not in lowered:
        return False  # most lines, told without a search
    rest = _EMBED_LINK.sub(" ", _EMBED_SIGNATURE.sub(" ", text))
    return rest != text and len(words(rest)) <= MAX_EMBED_REST_WORDS


# A byline has at most this many words ("By Jane Doe and John Roe, Staff Writers").
MAX_BYLINE_WORDS = 12
_BYLINE_TOKEN = re.compile(r"[^\s,|·/–—-]+")
_INITIAL = re.compile(r"[A-Z][a-z]?\.")


def is_byline(text: str) -> bool:
    """The writers' credit: "By" and names in capitals, joined by "and", commas or bars, with a role or a desk
    ("By Jane Doe and John Roe", "By JANE DOE Harbour News Service", "By News Room"). A phrase opened by "by" is
    none: a small word, a weekday or a month after it ("By The Numbers", "By Tuesday ..."), a word in lower case
    that is no byline's, or a sentence."""
    if text[:3].lower() != "by " or len(words(text)) > MAX_BYLINE_WORDS or ":" in text:
        return False
    tokens = _BYLINE_TOKEN.findall(text[3:])
    ends = [token for token in tokens if token[-1] in "!?" or token.endswith(".") and not _INITIAL.fullmatch(token)]
    if not tokens or ends:
        return False  # a sentence's end: an initial ("E.", "Jr.") is none
    first = tokens[0].rstrip(".").lower()
    if first in _SMALL_WORDS or first in LEXICON.weekdays or first in LEXICON.months:
        return False
    return tokens[0][:1].isupper() and all(
        token[:1].isupper() or token.lower() in LEXICON.byline_words for token in tokens)


def is_time_stamp(text: str) -> bool:
    """A line that is only a time stamp: "11:30 a.m.", "10:42 ET", "2 min ago", "Updated 14:05 GMT"."""
    return len(text) <= 40 and _TIME_STAMP_LINE.fullmatch(text) is not None


def is_list_marker(text: str) -> bool:
    """Only bullet characters or punctuation: a list marker or a stray symbol."""
    return not _LETTER.search(text)


def bullet_item(text: str) -> str | None:
    """The text after a leading bullet ("- Item", "• Item") or list number ("1. Item", "2) Item"), or None."""
    if len(text) >= 2 and text[0] in _BULLETS and text[1].isspace():
        return text[2:].strip()
    numbered = _NUMBERED.match(text)
    return text[numbered.end() :].strip() if numbered else None


def is_menu(text: str) -> bool:
    """Short entries between separators ("Home | World | Business"): a navigation bar or a breadcrumb."""
    if not any(mark in text for mark in _MENU_MARKS):
        return False  # no separator, one entry: most lines, told without splitting them
    entries = [e for e in _MENU_SEPARATOR.split(text) if e.strip()]
    return len(entries) >= MIN_MENU_ENTRIES and all(len(words(e)) <= MAX_MENU_ENTRY_WORDS for e in entries)


def is_breadcrumb(text: str) -> bool:
    """A path through the site's sections ("Home > News", "Location: Home>Top Stories"): two or more short
    entries, each opening with a letter, joined by an arrow-like mark with or without spaces, and no sentence."""
    if not any(mark in text for mark in _BREADCRUMB_MARKS) or ends_sentence(text):
        return False
    entries = [e.strip() for e in _BREADCRUMB_SEPARATOR.split(text)]
    return len(entries) >= 2 and all(
        _LETTER.match(e) and len(words(e)) <= MAX_MENU_ENTRY_WORDS for e in entries)


def is_site_message(text: str) -> bool:
    """The site speaking, not the story: a call to action ("Subscribe to our newsletter", "Follow us on X") or a
    note about the page ("Copyright 2025 ...", "Editor's note: this story has been updated.")."""
    if _CALL_TO_ACTION.match(text) and not ends_sentence(text):
        return True  # a sign-up form's text run together, whatever its length: a sentence would end
    return len(words(text)) <= MAX_SITE_MESSAGE_WORDS and any(p.match(text) for p in (_CALL_TO_ACTION, _SITE_NOTICE))


def is_promotion(text: str) -> bool:
    """A promotion of other stories opened by its label ("You may also like: ...", "May Be Interested In:I don't
    need ..."): the label and the promoted titles after it, sentences or not."""
    return _PROMOTION_LABEL.match(text) is not None


def is_credit_line(text: str) -> bool:
    """The reporters' and editors' credit that ends an agency story ("Reporting by X; Editing by Y")."""
    return len(words(text)) <= MAX_NOTE_WORDS and _CREDIT_LINE.search(text) is not None


def is_caption(text: str) -> bool:
    """A photo caption, by its picture label or its picture credit."""
    if _PICTURE_CREDIT.search(text) is not None:
        return True
    return len(words(text)) <= MAX_NOTE_WORDS and _CAPTION_LINE.search(text) is not None


def image_embeds(text: str) -> list[tuple[int, int]]:
    """Spans of the pictures embedded in markup in a line ("![caption](https://.../photo.jpg)", "<img src=...>")."""
    if "](" not in text and "<" not in text:
        return []  # most lines, told without a search
    return [m.span() for m in _IMAGE_EMBED.finditer(text)]


def is_image_only(text: str) -> bool:
    """A line of nothing but embedded pictures: their captions and addresses, none of it the story's."""
    embeds = image_embeds(text)
    if not embeds:
        return False
    rest = "".join(text[a:b] for a, b in zip([0] + [e for _s, e in embeds], [s for s, _e in embeds] + [len(text)]))
    return not rest.strip()


def is_picture_credit(text: str) -> bool:
    """A line that is only a picture's credit: "Photo / Agency", "PHOTO: AFP", "(Getty Images)",
    "REUTERS/Jane Doe"."""
    if len(words(text)) > MAX_PICTURE_CREDIT_WORDS or _INNER_SENTENCE_END.search(text) is not None:
        return False
    return _PICTURE_CREDIT_LINE.match(text) is not None or _is_slash_credit(text)


def _is_slash_credit(text: str) -> bool:
    """A photographer and an agency joined by a slash ("Jane Doe/Wire", "REUTERS/Jane Doe", "Wire/Jane Doe/Pool"):
    short capitalised parts, one of them a name of some words, and one an agency's name or in capitals (a pair of
    words such as "Trade/Investment" or "EU/US" is no credit)."""
    parts = [part.strip() for part in text.split("/")]
    if not 2 <= len(parts) <= 3 or not all(part[:1].isupper() and len(words(part)) <= 4 for part in parts):
        return False
    return any(len(words(part)) >= 2 for part in parts) and any(
        agency_named(part) is not None or (part.isupper() and len(part) >= 2) for part in parts)


def agency_named(text: str) -> str | None:
    """The news agency that `text` is only the name of ("REUTERS", "AFP.", "Reuters/Jane Doe"), or None."""
    name = text.split("/")[0] if "/" in text else text
    if len(name) > 40:
        return None
    return LEXICON.news_agencies.get(" ".join(name.replace("’", "'").strip(" .").split()).lower())


def mark_credited_captions(lines: list[Line], reasons: list[str | None]) -> list[str | None]:
    """A picture's credit on a line of its own ("Photo / Agency", "REUTERS") and the caption right above it.

    The caption is a body line of one sentence at most MAX_NOTE_WORDS long directly above a picture's credit,
    unless a caption follows the credit (some pages set the credit above the caption). A news agency's name
    alone also credits a picture when the story goes on below it; after the story's last paragraph it is the
    story's own credit, and that paragraph stays.
    """
    out = list(reasons)
    for i in range(1, len(lines)):
        text = lines[i].text
        picture = is_picture_credit(text)
        if not picture and agency_named(text) is None:
            continue
        above = lines[i - 1].text
        captioned = (
            out[i - 1] is None and len(words(above)) <= MAX_NOTE_WORDS and _INNER_SENTENCE_END.search(above) is None
            and (picture or any(r is None for r in out[i + 1 :]))
            and not (i + 1 < len(lines) and out[i + 1] == DropReason.CAPTION)  # a credit set above its caption
        )
        if captioned:
            out[i - 1] = DropReason.CAPTION
        if captioned or picture or out[i - 1] == DropReason.CAPTION:
            out[i] = DropReason.CAPTION
        elif out[i] is None:
            out[i] = DropReason.BOILERPLATE
    return out


def is_labelled_list(text: str) -> bool:
    """A label and a colon before a comma-separated list of short entries ("Tags: trade, Kenya, Tanzania",
    "Topics: Defence, Asia"): the page's index terms, not a sentence."""
    labelled = _LABEL.match(text)
    if not labelled or ends_sentence(text) or len(words(labelled.group(1))) > MAX_LABEL_WORDS:
        return False
    entries = [e for e in text[text.index(":") + 1 :].split(",") if e.strip()]
    return len(entries) >= 2 and all(len(words(e)) <= MAX_MENU_ENTRY_WORDS for e in entries)


def is_editorial_note(text: str) -> bool:
    """A line wholly in brackets ("(Adds details in paragraph 4)", "[Updated at 10:00]"): above the story, an
    agency's or editor's note about the version, not part of the report."""
    stripped = text.strip()
    return (
        len(stripped) > 2 and stripped[0] in "([" and stripped.rstrip(".")[-1:] in ")]"
        and len(words(stripped)) <= MAX_NOTE_WORDS
    )


def is_labelled_teaser(text: str) -> bool:
    """A label and a colon before a line that is not a sentence ("Related: Indonesia buys jets", "Read more:
    ..."): a link to another story. A labelled sentence ("Update: The talks ended.") stays body text."""
    labelled = _LABEL.match(text)
    return bool(labelled) and not ends_sentence(text) and len(words(labelled.group(1))) <= MAX_LABEL_WORDS


def ends_sentence(text: str) -> bool:
    trimmed = text.rstrip(_CLOSERS)
    return bool(trimmed) and trimmed[-1] in _SENTENCE_END


def reads_as_paragraph(text: str) -> bool:
    """Longer than a headline and ending a sentence inside: several statements, so story text."""
    return len(words(text)) > MAX_HEADLINE_WORDS and _INNER_SENTENCE_END.search(text) is not None


def is_headline_like(text: str) -> bool:
    """Title case without a closing full stop: a headline, a menu entry or a section label."""
    if text.rstrip(_CLOSERS).endswith("."):
        return False
    content = [w for w in words(text) if _LETTER.match(w) and w.lower() not in _SMALL_WORDS]
    if len(content) < 2:
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= HEADLINE_CAPITALISED_SHARE


def is_short_label(text: str) -> bool:
    return len(words(text)) < SHORT_LINE_WORDS and not ends_sentence(text)


def paragraph_key(text: str) -> str:
    """What two copies of one paragraph share: case, quotes, white space and a trailing credit folded, and a
    dateline it opens with left out (a lead printed twice, once under its dateline)."""
    dateline = find_dateline(text)
    text = unicodedata.normalize("NFKC", text[dateline[0] :] if dateline else text)
    text = text.translate(_QUOTES)
    text = _TRAILING_CREDIT.sub("", text)
    return " ".join(text.casefold().split())


def has_trailing_credit(text: str) -> bool:
    return bool(_TRAILING_CREDIT.search(text))


def classify_lines(lines: list[Line]) -> list[str | None]:
    """Reason to drop each line, or None for body text.

    A title needs a body under it: when nothing after the line taken as the title is kept as body (a one-line
    file, a one-paragraph article without its final full stop, or one that ends in `"...," he said` or a
    credit line), the lines are read again with that line as body text, so that the article keeps its sentences.
    A file of one short headline is read so too.
    """
    reasons = _classify(lines)
    if DropReason.TITLE in reasons:
        title_at = reasons.index(DropReason.TITLE)
        if all(reason is not None for reason in reasons[title_at + 1 :]):
            return _classify(lines, body_at=title_at)
    if len(lines) == 1 and reasons[0] == DropReason.BOILERPLATE and _a_headline_alone(lines[0].text):
        return _classify(lines, body_at=0)  # a file of one short headline ("Leaders meet in Oslo") is its claim
    return reasons


def _a_headline_alone(text: str) -> bool:
    """Whether the one line of a file, set aside by the shape of a short label or a headline, is a headline to
    compare: two words or more, and none of the site's own lines (is_site_line) nor a credit line."""
    return len(words(text)) >= 2 and not (is_site_line(text) or is_credit_line(text))


def is_site_line(text: str) -> bool:
    """One of the site's own lines, whatever the page around it: a list marker, a menu, a breadcrumb, a call to
    action or notice, a labelled list of index terms, a promotion of other stories."""
    return (is_list_marker(text) or is_menu(text) or is_breadcrumb(text) or is_site_message(text)
            or is_labelled_list(text) or is_promotion(text))


def _classify(lines: list[Line], *, body_at: int | None = None) -> list[str | None]:
    """classify_lines' reading, with the line at `body_at` (if any) taken as body text whatever it looks like."""
    reasons: list[str | None] = []
    seen_body = False
    seen_statement = False  # a body line that states something in full: the story has begun
    previous_kept = ""
    title_found = False
    after_marker = False
    story_ended = False  # a credit line has closed the story: the rest of the page is the site's
    for i, line in enumerate(lines):
        text = line.text
        following = lines[i + 1].text if i + 1 < len(lines) else ""
        reason: str | None = None
        item = bullet_item(text)
        if i == body_at:
            pass
        elif story_ended or (seen_body and is_credit_line(text)):
            reason = DropReason.BOILERPLATE
            story_ended = True
        elif parse_date_line(text) is not None:
            reason = DropReason.DATE
        elif is_embedded_post(text):
            reason = DropReason.EMBED
        elif is_time_stamp(text):
            reason = DropReason.TIMESTAMP
        elif is_byline(text):
            reason = DropReason.BYLINE
        elif is_caption(text) or is_image_only(text):
            reason = DropReason.CAPTION
        elif is_site_line(text):
            reason = DropReason.BOILERPLATE
        elif not seen_body and is_editorial_note(text):
            reason = DropReason.BOILERPLATE
        elif seen_body and is_labelled_teaser(text):
            reason = DropReason.BOILERPLATE
        elif item is not None:
            if not _is_story_item(item, before_body=title_found and not seen_statement):
                reason = DropReason.BOILERPLATE
        elif after_marker and is_headline_like(text):
            reason = DropReason.BOILERPLATE
        elif not seen_body and not title_found and _reads_as_title(text, following):
            reason = DropReason.TITLE
            title_found = True
        elif is_short_label(text):
            reason = DropReason.BOILERPLATE
        elif is_headline_like(text):
            reason = DropReason.BOILERPLATE
        elif seen_statement and _is_subheading(text, following, previous_kept):
            reason = DropReason.BOILERPLATE
        if reason is None:
            seen_body = True
            seen_statement = seen_statement or ends_sentence(text) or reads_as_paragraph(text)
            previous_kept = text
        after_marker = is_list_marker(text) or (after_marker and reason is not None and item is None)
        reasons.append(reason)
    return reasons


def _is_subheading(text: str, following: str, previous: str) -> bool:
    """A section heading inside the story ("Economic focus and the war"): a short line in sentence case without
    closing punctuation between two paragraphs that end their sentences. A sentence broken across lines goes on
    in lower case and is no heading, and one that introduces a quotation below it is none either."""
    return (
        len(words(text)) <= MAX_SUBHEADING_WORDS and not ends_sentence(text) and ends_sentence(previous)
        and (ends_sentence(following) or reads_as_paragraph(following)) and not continues(text, following)
        and not introduces_quotation(text, following)
    )


def introduces_quotation(text: str, following: str) -> bool:
    """A line ending in a colon that introduces the quotation below it: by a verb of saying ("Asked about the
    topic, Trump said:") or with the next line opening a quotation ("The statement read:" above “We ...)."""
    if not text.endswith(":"):
        return False
    return _QUOTATION_INTRODUCTION.search(text) is not None or following[:1] in _OPENING_QUOTES


def _reads_as_title(text: str, following: str) -> bool:
    """A first standalone line of some length, not a sentence (a question asked as a headline aside), and not
    continued by the next line. A line below it that opens with a one-word label and its colon ("size: A A A", a
    page's font-size control) carries on no sentence of it, even in lower case."""
    return (
        (not ends_sentence(text) or is_question_headline(text)) and len(words(text)) >= MIN_TITLE_WORDS
        and not (continues(text, following) and not _WORD_LABEL.match(following)) and not reads_as_paragraph(text)
    )


def is_question_headline(text: str) -> bool:
    """One question, no other sentence before it ("Malta met Tunisia: What did they agree?"): set first on the page,
    above the story, a headline asked as a question."""
    return text.rstrip(_CLOSERS).endswith("?") and _INNER_SENTENCE_END.search(text) is None


_WORD_LABEL = re.compile(r"[^\W\d_]+:\s")


def _is_story_item(item: str, *, before_body: bool) -> bool:
    """A list item that belongs to the story rather than to the page's lists of links.

    A sentence of some length is story anywhere, and so is a numbered paragraph of several sentences (a
    statement's "2. Since their last meeting ...") even when the page cuts its last one off. Between the title and
    the first paragraph, an item in sentence case (not title case) is one of the story's key points ("- The call
    lasted 40 minutes"), which sites print without a full stop; further down, such an item is a link to another
    story.
    """
    if is_headline_like(item):
        return False
    if reads_as_paragraph(item):
        return True
    if ends_sentence(item) and len(words(item)) >= MIN_BULLET_SENTENCE_WORDS:
        return True
    return before_body and len(words(item)) >= SHORT_LINE_WORDS


def mark_repeats(lines: list[Line], reasons: list[str | None]) -> list[str | None]:
    """Keep one copy of each repeated body paragraph; credited copies (captions) give way to the plain one."""
    groups: dict[str, list[int]] = {}
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if reason is None:
            groups.setdefault(paragraph_key(line.text), []).append(i)
    out = list(reasons)
    for indices in groups.values():
        if len(indices) < 2:
            continue
        plain = [i for i in indices if not has_trailing_credit(lines[i].text)]
        keep = plain[0] if plain else indices[0]
        for i in indices:
            if i != keep:
                credited = has_trailing_credit(lines[i].text) and bool(plain)
                out[i] = DropReason.CAPTION if credited else DropReason.DUPLICATE
    return out


def continues(previous: str, following: str) -> bool:
    """A sentence broken across a line or blank line: no closing punctuation, next starts in lower case."""
    return not ends_sentence(previous) and following[:1].islower()


def clean(source: Source) -> Cleaned:
    """Split a source into body blocks and dropped spans; together they cover every non-space character."""
    text = source.text
    lines = lines_of(text)
    reasons = mark_repeats(lines, mark_credited_captions(lines, classify_lines(lines)))
    own_lines = standalone_dateline(lines, reasons)
    if own_lines is not None:
        reasons[own_lines.line] = DropReason.DATELINE
    dropped: list[Dropped] = []
    blocks: list[Block] = []
    previous_body: int | None = None
    for i, (line, reason) in enumerate(zip(lines, reasons)):
        if reason is not None:
            dropped.append(Dropped(source.id, line.start, line.end, " ".join(line.text.split()), str(reason)))
            continue
        start = _drop_bullet(source, line, dropped)
        if start == line.start:
            start = _drop_opening(source, line, section_label(line.text), DropReason.BOILERPLATE, dropped)
        if start == line.start:
            start = _drop_opening(source, line, opening_time_stamp(line.text), DropReason.TIMESTAMP, dropped)
        if start == line.start:
            start = _drop_opening(source, line, leading_picture_credit(line.text), DropReason.CAPTION, dropped)
        if not blocks and start == line.start:
            start = _drop_dateline(source, line, dropped)
        for k, (piece_start, piece_end) in enumerate(_drop_inner_furniture(source, line, start, dropped)):
            joined = (
                k == 0 and previous_body == i - 1 and blocks and continues(lines[previous_body].text, line.text)
            )
            if joined:
                blocks[-1] = Block(blocks[-1].start, piece_end)
            elif piece_start < piece_end:
                blocks.append(Block(piece_start, piece_end))
        previous_body = i
    dropped.sort(key=lambda d: (d.start, d.end))
    title, published, place = _revealed_metadata(lines, reasons, own_lines)
    return Cleaned(source.id, tuple(blocks), tuple(dropped), title, published, place,
                   own_lines.date if own_lines is not None else None)


@dataclass(frozen=True, slots=True)
class OwnLineDateline:
    """A dateline set on lines of its own: the line of its place, the place, and the date of a stamp beside it."""

    line: int
    place: str
    date: str | None  # ISO, when a date stamp stands right above or below the place line


def standalone_dateline(lines: list[Line], reasons: list[str | None]) -> OwnLineDateline | None:
    """A line that is only a place (metadata.place_line) at the top of the story, right above a paragraph of it
    or beside a date stamp ("September 2, 2025" / "Beijing"): a dateline set on lines of its own, as many pages
    print it. The top of the story is what comes before its second paragraph (the first is often a standfirst
    or a photo's caption). None when the first paragraph opens with a dateline itself, or no such line is
    there. A place line far from the story, or one beside neither a stamp nor the story, is a menu's or a
    byline's."""
    body = [i for i, r in enumerate(reasons) if r is None]
    if not body or find_dateline(lines[body[0]].text):
        return None
    top = body[1] if len(body) > 1 else len(lines)
    for i in range(top):
        if reasons[i] is None or reasons[i] == DropReason.TITLE:
            continue
        place = place_line(lines[i].text)
        if place is None:
            continue
        beside = [k for k in (i - 1, i + 1) if 0 <= k < len(lines) and reasons[k] == DropReason.DATE]
        if beside or i + 1 < len(lines) and reasons[i + 1] is None:
            return OwnLineDateline(i, place, parse_date_line(lines[beside[0]].text) if beside else None)
    return None


def _revealed_metadata(lines: list[Line], reasons: list[str | None], own_lines: OwnLineDateline | None = None
                       ) -> tuple[str | None, str | None, str | None]:
    """Title, publication date and dateline place, from the first title line, the date stamp nearest the story
    and the first body line, or a dateline on lines of its own above it (standalone_dateline).

    The stamp nearest the story is the last one above its first body line (else the first one below it): a
    page's header may carry a date of the site's own (the day the page was built, or a stale one left in a
    cached header) above the article's title and stamp."""
    title = next((ln.text for ln, r in zip(lines, reasons) if r == DropReason.TITLE), None)
    body_at = next((i for i, r in enumerate(reasons) if r is None), len(lines))
    stamps = [i for i, r in enumerate(reasons) if r == DropReason.DATE]
    above = [i for i in stamps if i < body_at]
    nearest = above[-1] if above else (stamps[0] if stamps else None)
    published = parse_date_line(lines[nearest].text) if nearest is not None else None
    first_body = lines[body_at].text if body_at < len(lines) else None
    if first_body:
        first_body = first_body[outlet_prefix(first_body) or 0 :]
    found = find_dateline(first_body) if first_body else None
    if found:
        return title, published, found[1]
    return title, published, (own_lines.place if own_lines is not None else None)


def _drop_bullet(source: Source, line: Line, dropped: list[Dropped]) -> int:
    """Where a kept list item's sentence starts: its bullet or number ("• ", "2. ") is dropped, so that the
    sentence reads as written."""
    item = bullet_item(line.text)
    if item is None:
        return line.start
    marker = line.text[: line.text.index(item)].rstrip()
    dropped.append(Dropped(source.id, line.start, line.start + len(marker), marker, str(DropReason.BOILERPLATE)))
    return line.start + line.text.index(item)


def section_label(text: str) -> str | None:
    """The label of a summary section that opens a line and runs into its first point ("Key Points The two
    leaders discussed ..." -> "Key Points"), or None."""
    found = _SECTION_LABEL.match(text)
    return text[: found.end()].rstrip() if found else None


def _drop_opening(source: Source, line: Line, opening: str | None, reason: DropReason, dropped: list[Dropped]) -> int:
    """Where a kept line's story starts after `opening`, furniture run into its start (a summary section's label,
    a time stamp, a picture's credit), dropped with `reason`."""
    if opening is None:
        return line.start
    dropped.append(Dropped(source.id, line.start, line.start + len(opening), opening, str(reason)))
    return line.start + len(line.text) - len(line.text[len(opening):].lstrip())


def opening_time_stamp(text: str) -> str | None:
    """The time stamp that opens an entry ("11:30 a.m." before "The envoy will arrive ..."), or None."""
    stamp = _TIME_STAMP_OPENING.match(text)
    return text[: stamp.end()].rstrip() if stamp else None


def leading_picture_credit(text: str) -> str | None:
    """The picture's credit that opens a story line ("(Jane Doe/Agency via Getty Images) · Jane Doe via Getty
    Images" before "The talks ..."), or None."""
    if not text.startswith("("):
        return None  # most lines, told without a search
    credit = _LEADING_PICTURE_CREDIT.match(text)
    return text[: credit.end()].rstrip() if credit else None


def _drop_inner_furniture(source: Source, line: Line, start: int, dropped: list[Dropped]) -> list[tuple[int, int]]:
    """The spans of a kept line from `start` on that are story text: pictures embedded in it are dropped as
    captions, and the text on either side of one is kept as pieces of its own; a news agency's name after the
    line's last sentence ("... where differences arise. REUTERS") is dropped as the story's credit."""
    pieces: list[tuple[int, int]] = []
    at = start
    for embed_start, embed_end in image_embeds(line.text):
        a, b = line.start + embed_start, line.start + embed_end
        if a < at:
            continue
        dropped.append(Dropped(source.id, a, b, " ".join(line.text[embed_start:embed_end].split()),
                               str(DropReason.CAPTION)))
        if source.text[at:a].strip():
            pieces.append(_trimmed(source.text, at, a))
        at = b
    end = line.end
    credit = _TRAILING_NAME.search(line.text)
    if credit and agency_named(credit.group("name")) and line.start + credit.start("name") >= at:
        end = line.start + credit.start("name")
        dropped.append(Dropped(source.id, end, line.end, line.text[credit.start("name"):].strip(),
                               str(DropReason.BOILERPLATE)))
    if at < end and source.text[at:end].strip():
        pieces.append(_trimmed(source.text, at, end))
    return pieces or [(start, start)]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    return start + len(piece) - len(piece.lstrip()), end - len(piece) + len(piece.rstrip())


def _drop_dateline(source: Source, line: Line, dropped: list[Dropped]) -> int:
    """Where the first paragraph's story starts after a dateline ("NAPLES, Italy — "), or after an outlet's name
    and slash printed in its place ("Harbour Wire/ ") and any dateline after that."""
    start = line.start
    credit = outlet_prefix(line.text)
    if credit:
        start = _drop_prefix(source, start, credit, dropped)
    found = find_dateline(source.text[start : line.end])
    if found:
        start = _drop_prefix(source, start, found[0], dropped)
    return start


def _drop_prefix(source: Source, start: int, length: int, dropped: list[Dropped]) -> int:
    prefix = source.text[start : start + length].rstrip()
    if prefix:
        dropped.append(Dropped(source.id, start, start + len(prefix), prefix, str(DropReason.DATELINE)))
    return start + length
