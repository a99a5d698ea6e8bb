"""Body blocks -> sentences with exact character offsets into the source text.

Boundaries come from blingfire's rule-based segmenter (abbreviations such as U.S., Gen., Oct., No. and
initials "U. S." are handled there), mended where it errs around an abbreviated title: "Mr. | Kim" is one
sentence, "said no. | Mr. Biden said yes." two; and sentences pasted together without a space ("in
Pyongyang.This is") are split. Each sentence runs from its boundary to the next one, so no character of a
block is lost between sentences. A sentence repeated in the same source, or one with no letter in it, is
dropped with its reason instead.
"""

from __future__ import annotations

import re
import unicodedata
import threading
from ctypes import Array, byref, c_char, c_char_p, c_int, c_int32, memset, sizeof

import blingfire

from compare.clean import Cleaned
from compare.lang import LEXICON
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
# has it: a boundary after a lower-case word of three letters or more (not "St.Petersburg") and its closing quote.
# The stop (or quote) is matched first and the word before it looked back on: a pattern that begins with the
# characters it can start with is searched for several times faster than one that begins by looking back.
_RUN_TOGETHER = re.compile(r"[.!?\"\u201d\u2019](?:(?<=[a-z]{3}[.!?])|(?<=[a-z]{3}[.!?][\"\u201d\u2019]))(?=[A-Z][a-z])")


def fold(text: str) -> str:
    """White space folded to single spaces: the form of Sentence.text."""
    return " ".join(text.split())


def sentence_key(text: str) -> str:
    """What two copies of one sentence share once case, quotes and white space are folded."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def boundaries(block: str) -> list[int]:
    """Start offsets (within block) of the sentences of a block."""
    if not block.strip():
        return []
    starts = sorted({*_sentence_starts(block), *(m.end() for m in _TITLE_OPENS.finditer(block)),
                     *(m.end() for m in _RUN_TOGETHER.finditer(block))})
    first = len(block) - len(block.lstrip())
    if not starts or starts[0] > first:
        starts.insert(0, first)
    return [s for s in starts if s >= first and not (_MONTH_YEAR_START.match(block, s)
                                                     and _ORDINAL_DAY_END.search(block, max(0, s - 8), s))
            and not (block[s:s + 1].isupper() and _TITLE_BEFORE.search(block, max(0, s - 12), s))]


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
    """Sentence spans (absolute offsets, white space trimmed) that tile text[start:end]."""
    block = text[start:end]
    starts = boundaries(block)
    spans = []
    for i, s in enumerate(starts):
        e = starts[i + 1] if i + 1 < len(starts) else len(block)
        piece = block[s:e]
        lead = len(piece) - len(piece.lstrip())
        trimmed = piece.strip()
        if trimmed:
            spans.append((start + s + lead, start + s + lead + len(trimmed)))
    return spans


def split(source: Source, cleaned: Cleaned) -> tuple[tuple[Sentence, ...], tuple[Dropped, ...]]:
    """Sentences of the kept blocks, numbered from 0, and the sentence-level drops (repeats, no letters)."""
    text = source.text
    sentences: list[Sentence] = []
    dropped: list[Dropped] = []
    seen: set[str] = set()
    for block in cleaned.blocks:
        for start, end in spans_of(text, block.start, block.end):
            raw = text[start:end]
            key = sentence_key(raw)
            if not _LETTER.search(raw):
                dropped.append(Dropped(source.id, start, end, fold(raw), str(DropReason.BOILERPLATE)))
            elif key in seen:
                dropped.append(Dropped(source.id, start, end, fold(raw), str(DropReason.DUPLICATE)))
            else:
                seen.add(key)
                sentences.append(Sentence(source.id, len(sentences), start, end, fold(raw)))
    all_dropped = sorted((*cleaned.dropped, *dropped), key=lambda d: (d.start, d.end))
    return tuple(sentences), tuple(all_dropped)
