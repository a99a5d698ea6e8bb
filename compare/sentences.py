"""Body blocks -> sentences with exact character offsets into the source text.

Boundaries come from blingfire's rule-based segmenter (abbreviations such as U.S., Gen., Oct., No. and
initials "U. S." are handled there). Each sentence runs from its boundary to the next one, so no character of a
block is lost between sentences. A sentence repeated in the same source, or one with no letter in it, is
dropped with its reason instead.
"""

from __future__ import annotations

import re
import unicodedata

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
    _, offsets = blingfire.text_to_sentences_and_offsets(block)
    starts = sorted({start for start, _end in offsets})
    first = len(block) - len(block.lstrip())
    if not starts or starts[0] > first:
        starts.insert(0, first)
    return [s for s in starts if s >= first and not (_MONTH_YEAR_START.match(block, s)
                                                     and _ORDINAL_DAY_END.search(block, max(0, s - 8), s))]


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
