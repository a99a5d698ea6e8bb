"""Body blocks -> sentences with exact character offsets into the source text.

Boundaries come from blingfire's rule-based segmenter (abbreviations such as U.S., Gen., Oct., No. and
initials "U. S." are handled there), mended where it errs around an abbreviated title: "Mr. | Kim" is one
sentence, "said no. | Mr. Biden said yes." two; and sentences pasted together without a space ("in
Pyongyang.This is") are split. Each sentence runs from its boundary to the next one, so no character of a
block is lost between sentences. A sentence repeated in the same source, or one with no letter in it, is
dropped with its reason instead (a repeat is told without a dateline it opens with), and so is the few-word
fragment without a sentence end that a text cut off mid-way ends in (MAX_TRUNCATED_WORDS).
"""

from __future__ import annotations

import re
import unicodedata
import threading
from ctypes import Array, byref, c_char, c_char_p, c_int, c_int32, memset, sizeof

import blingfire

from compare.clean import Cleaned, ends_sentence
from compare.lang import LEXICON
from compare.metadata import find_dateline
from compare.models import Dropped, DropReason, Sentence, Source

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
# "8. May 2025": the ordinal dot of German and Slavic usage, carried into translations, is no sentence end when
# a month and a year follow it.
_ORDINAL_DAY_END = re.compile(r"\b\d{1,2}\.\s*$")
_MONTH_YEAR_START = re.compile(r"(?:" + "|".join(m.capitalize() for m in LEXICON.months)
                               + r")\s+\d{4}\b")
_QUOTES = str.maketrans(dict(LEXICON.quote_folds))
# Abbreviated titles as written before a name ("Mr", "Sen"), without their stop.
_TITLES = "|".join(sorted(w.capitalize() for w in LEXICON.title_abbreviations))
# An abbreviated title just before a boundary ("Mr. | Kim claimed victory"): the segmenter takes the title's
# stop for a sentence end before some names.
_TITLE_BEFORE = re.compile(rf"(?<![\w.])(?:{_TITLES})\.\s+$")
# ... and one opening a sentence after a plain word's full stop ("said no. Mr. Biden said yes."), where the
# segmenter runs the two sentences together.
_TITLE_OPENS = re.compile(rf"(?<![.\w])[a-z]{{2,}}[.!?][\"\u201d\u2019')]?\s+(?=(?:{_TITLES})\.\s+[A-Z])")
# A full stop run into the next sentence without a space ("in Pyongyang.This is"), as copy pasted from some pages
# has it: a boundary after a lower-case word of three letters or more (not "St.Petersburg") and its closing quote,
# which may also stand before the stop ("our constitution”.Trump doubled down").
# The stop (or quote) is matched first and the word before it looked back on: a pattern that begins with the
# characters it can start with is searched for several times faster than one that begins by looking back.
_RUN_TOGETHER = re.compile(r"[.!?\"\u201d\u2019](?:(?<=[a-z]{3}[.!?])|(?<=[a-z]{3}[.!?][\"\u201d\u2019])"
                           r"|(?<=[a-z]{3}[\"\u201d\u2019][.!?]))(?=[A-Z][a-z])")

# ... and, whatever word stands before the stop, a straight quotation mark after it that closes a quotation (the
# text before holds an odd number of them), run into the next sentence: '... Palm Beach or Washington, DC."Trump said'.
_QUOTATION_RUN_TOGETHER = re.compile(r'[.!?]"(?=[A-Z][a-z])')


# A sentence that is only an attribution ("He added.", "the minister told reporters."), which the segmenter splits
# off the quotation it belongs to: it stays with the sentence before it.
_ATTRIBUTION = re.compile(LEXICON.attribution, re.IGNORECASE)
# A sentence that closes a quotation the sentence before it opened, in at most this many words (“Yes, we can. | We
# will.”), goes on the quotation's sentence; a longer one is a sentence of a long quotation and stands alone.
MAX_QUOTE_TAIL_WORDS = 4
# A text cut off mid-way (a page excerpt, a feed's preview) ends in a fragment: "... and fares. However,", "But th".
# The text's last sentence, with nothing after it, without a sentence end and at most this many words, states no
# claim to compare and is dropped as truncated; a longer cut-off sentence ("“We will sail together, maybe,” the
# envoy s") still states one and is kept.
MAX_TRUNCATED_WORDS = 5
# A boundary inside a quotation that is still open, after an ellipsis (“... not the best ferry... | I am not a
# fan,” she added) or inside a single quotation nested in it and opened in the same sentence (“Everyone asks, ‘Why,
# why? | Why are the ferries late?’”), is a pause in one utterance: the pieces stay one sentence while it
# is at most this many words, so that a long quotation is not run into one giant sentence.
MAX_QUOTED_PAUSE_WORDS = 40
_ELLIPSIS_END = re.compile(r"(?:\.{3,}|…)\.?\s*$")
# A closing single quote: one that no letter or digit follows (the apostrophe of "don’t" is inside a word).
_CLOSING_SINGLE = re.compile(r"(?<=\S)’(?![^\W_])")


def fold(text: str) -> str:
    """White space folded to single spaces: the form of Sentence.text."""
    return " ".join(text.split())


def sentence_key(text: str) -> str:
    """What two copies of one sentence share once case, quotes and white space are folded."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def repeat_key(text: str) -> str:
    """sentence_key of a sentence without a dateline it opens with: a lead paragraph printed twice, once with its
    dateline ("VALLETTA — The envoys ...") and once with it dropped, is one sentence repeated."""
    found = find_dateline(text)
    return sentence_key(text[found[0] :] if found else text)


def boundaries(block: str) -> list[int]:
    """Start offsets (within block) of the sentences of a block."""
    if not block.strip():
        return []
    starts = sorted({*_sentence_starts(block), *(m.end() for m in _TITLE_OPENS.finditer(block)),
                     *(m.end() for m in _RUN_TOGETHER.finditer(block)),
                     *(m.end() for m in _QUOTATION_RUN_TOGETHER.finditer(block)
                       if block.count('"', 0, m.start()) % 2 == 1)})
    first = len(block) - len(block.lstrip())
    if not starts or starts[0] > first:
        starts.insert(0, first)
    starts = [s for s in starts if s >= first and not (_MONTH_YEAR_START.match(block, s)
                                                       and _ORDINAL_DAY_END.search(block, max(0, s - 8), s))
              and not (block[s:s + 1].isupper() and _TITLE_BEFORE.search(block, max(0, s - 12), s))]
    return _joined_to_their_quotation(block, starts)


def _joined_to_their_quotation(block: str, starts: list[int]) -> list[int]:
    """The starts without those of a sentence that only attributes the one before it ("He added.") or only closes
    the quotation it opened (“Yes, we can. | We will.”)."""
    kept = starts[:1]
    for k in range(1, len(starts)):
        sentence = block[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(block)].strip()
        joined = len(sentence) <= _MAX_JOINED_CHARS and (
            _ATTRIBUTION.match(sentence) or _closes_quotation(block[kept[-1] : starts[k]], sentence))
        if not joined and not _pause_in_quotation(block, kept[-1], starts[k], sentence):
            kept.append(starts[k])
    return kept


def _pause_in_quotation(block: str, start: int, boundary: int, sentence: str) -> bool:
    """The boundary at `boundary` (the sentence before it opened at `start`) is a pause inside a quotation
    (MAX_QUOTED_PAUSE_WORDS): after an ellipsis with a double quotation open, or with a single quotation that
    the sentence opened still open."""
    before = block[start:boundary]
    if len(before.split()) + len(sentence.split()) > MAX_QUOTED_PAUSE_WORDS:
        return False
    if before.count("‘") > len(_CLOSING_SINGLE.findall(before)):
        return True
    return _ELLIPSIS_END.search(before) is not None and _double_quotation_open(block[:boundary])


def _double_quotation_open(text: str) -> bool:
    """A double quotation opened in `text` and not closed: curly marks counted apart, straight ones by parity."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


_MAX_JOINED_CHARS = 80  # longer than any attribution or quotation's tail: told without a pattern


def _closes_quotation(before: str, sentence: str) -> bool:
    """`sentence` closes, within MAX_QUOTE_TAIL_WORDS words, a double quotation that `before` opened and left
    open (curly marks counted apart, straight ones by their parity)."""
    if before.count("“") > before.count("”"):
        closing = sentence.find("”")
        if closing < 0 or "“" in sentence[:closing]:
            return False
    elif before.count('"') % 2 == 1:
        closing = sentence.find('"')
        if closing < 0:
            return False
    else:
        return False
    return len(sentence[:closing].split()) <= MAX_QUOTE_TAIL_WORDS


def _sentence_starts(block: str) -> list[int]:
    """The start offsets blingfire.text_to_sentences_and_offsets gives, unsorted; one call of its segmenter.

    Its own wrapper spent more than the segmenting on two things: a new ctypes array type for each size of
    buffer, and mapping the segmenter's UTF-8 byte offsets back to characters in a Python loop over every byte.
    Here the buffers are kept (zeroed as far as the segmenter is told it may write, as new ones are), and the
    bytes between two offsets are decoded at once. Offsets that the wrapper's loop would not map in order (none
    that the segmenter gives; they would make it fail) go to the wrapper itself, so the result is always its."""
    encoded = block.encode("utf-8")
    capacity = len(encoded) * 2
    text_out, start_out, end_out = _buffers(capacity)
    memset(text_out, 0, capacity + 1)  # one byte more: `value` stops where the wrapper's own buffer ends
    memset(start_out, 0, capacity * sizeof(c_int32))
    memset(end_out, 0, capacity * sizeof(c_int32))
    written = _SEGMENTER(c_char_p(encoded), c_int(len(encoded)), byref(text_out), byref(start_out), byref(end_out),
                         c_int(capacity))
    if written == -1 or written > capacity:
        return []
    count = text_out.value.count(b"\n") + 1
    starts: list[int] = []
    at_byte = at_char = 0
    for token in range(count):
        # A start is the byte where the sentence begins, an end the last byte of its last character: the wrapper
        # maps each (an end one byte on) to a character only where one begins and in order, and gives the last
        # end the block's length whatever it is. Only the starts are needed; the ends keep the order checked.
        for index, byte in ((0, start_out[token]), (1, end_out[token] + 1)):
            if index == 1 and token == count - 1:
                break
            if byte < at_byte or byte >= len(encoded) or encoded[byte] & 0xC0 == 0x80:
                return [start for start, _end in blingfire.text_to_sentences_and_offsets(block)[1]]
            at_char += len(encoded[at_byte:byte].decode("utf-8"))
            at_byte = byte
            if index == 0:
                starts.append(at_char)
    return starts


_SEGMENTER = blingfire.blingfire.TextToSentencesWithOffsets
_KEPT = threading.local()


def _buffers(capacity: int) -> tuple[Array[c_char], Array[c_int32], Array[c_int32]]:
    """The segmenter's output buffers, at least `capacity` long (the text's one byte longer): kept and grown by
    doubling, or new ones for a very long block."""
    if capacity > _KEPT_CAPACITY:  # a block this long is rare, and its buffers are not worth holding on to
        return (c_char * (capacity + 1))(), (c_int32 * capacity)(), (c_int32 * capacity)()
    kept = getattr(_KEPT, "buffers", None)
    if kept is None or len(kept[1]) < capacity:
        size = max(1024, 1 << capacity.bit_length())
        kept = _KEPT.buffers = ((c_char * (size + 1))(), (c_int32 * size)(), (c_int32 * size)())
    return kept


_KEPT_CAPACITY = 1 << 17  # bytes of segmenter output (two per byte of text): at most 1.2 MB of buffers kept


def rough_count(text: str) -> int:
    """Distinct sentences of `text` split whole, before any cleaning: in seconds for megabytes, about as many as
    `split` gives (which drops furniture and repeats, so rarely gives more)."""
    return len({fold(line).casefold() for line in blingfire.text_to_sentences(text).split("\n") if line.strip()})


def spans_of(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (absolute offsets, white space trimmed) that tile text[start:end]; a sentence longer than
    MAX_SENTENCE_CHARS is cut into pieces of at most that length."""
    block = text[start:end]
    starts = boundaries(block)
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(block)
        piece = block[s:e]
        lead = len(piece) - len(piece.lstrip())
        trimmed = piece.strip()
        if trimmed:
            spans.extend(_within_length(text, start + s + lead, start + s + lead + len(trimmed)))
    return spans


# Scoring a pair of sentences takes time that grows with the product of their lengths: a text without sentence
# ends (one enormous line, a table run together) would be one sentence scored for hours. The longest sentence of
# the real development corpus is 1,140 characters; one longer than this is cut, at the last white space that
# keeps a piece within it (or at the length itself where there is none), into pieces compared as sentences.
MAX_SENTENCE_CHARS = 2_000


def _within_length(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """text[start:end] (trimmed) as one span, or cut into trimmed spans of at most MAX_SENTENCE_CHARS characters."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = next((k for k in range(limit, start, -1) if text[k].isspace()), limit)
        piece_end = cut
        while text[piece_end - 1].isspace():
            piece_end -= 1
        spans.append((start, piece_end))
        start = cut
        while text[start].isspace():
            start += 1
    spans.append((start, end))
    return spans


def is_cut_off(text: str, sentence: Sentence) -> bool:
    """`sentence` is the fragment a cut-off text ends in (MAX_TRUNCATED_WORDS): nothing follows it, it has no
    sentence end and closes no quotation (“Never say never” is a claim), and it is a few words long."""
    return (
        not text[sentence.end :].strip() and not ends_sentence(sentence.text)
        and sentence.text[-1] not in "\"'”’»)]" and len(sentence.text.split()) <= MAX_TRUNCATED_WORDS
    )


def split(source: Source, cleaned: Cleaned) -> tuple[tuple[Sentence, ...], tuple[Dropped, ...]]:
    """Sentences of the kept blocks, numbered from 0, and the sentence-level drops (repeats, no letters, the
    fragment a cut-off text ends in)."""
    text = source.text
    sentences: list[Sentence] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    for block in cleaned.blocks:
        for start, end in spans_of(text, block.start, block.end):
            raw = text[start:end]
            key = repeat_key(raw)
            if not _LETTER.search(raw):
                dropped.append(Dropped(source.id, start, end, fold(raw), str(DropReason.BOILERPLATE)))
            elif key in seen:
                dropped.append(Dropped(source.id, start, end, fold(raw), str(DropReason.DUPLICATE)))
            else:
                seen.add(key)
                sentences.append(Sentence(source.id, len(sentences), start, end, fold(raw)))
    if len(sentences) > 1 and is_cut_off(text, sentences[-1]):
        last = sentences.pop()
        dropped.append(Dropped(source.id, last.start, last.end, last.text, str(DropReason.TRUNCATED)))
    all_dropped = sorted((*cleaned.dropped, *dropped), key=lambda d: (d.start, d.end))
    return tuple(sentences), tuple(all_dropped)
