"""The records that cross pipeline stages, the settings object, and the named errors.

The bottom of the package: it imports no other module of it. The result of a run, which gathers these
records, is compare.comparison.Comparison.

Every record is a frozen, slotted dataclass of plain values (str, int, float, tuples), so any of them can be
pickled and shipped to another process or a cluster worker unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from compare.config import AlignmentConfig, GroupingConfig, JudgingConfig


class Relation(StrEnum):
    """How one source's sentence stands against another source of the same event."""

    AGREE = "agree"
    PARTIAL = "partial"
    CONTRADICT = "contradict"
    OMITTED = "omitted"


class DropReason(StrEnum):
    """Why a span of a source is not part of any sentence."""

    TITLE = "title"
    DATE = "date"
    DATELINE = "dateline"
    BOILERPLATE = "boilerplate"
    DUPLICATE = "duplicate"
    CAPTION = "caption"
    EMBED = "embed"
    TIMESTAMP = "timestamp"
    BYLINE = "byline"
    TRUNCATED = "truncated"


@dataclass(frozen=True, slots=True)
class Source:
    """One article as read: its text (Python str, offsets index into it) and what is known about it.

    `text_is_file` is True when `text` is exactly the decoded contents of `path`; otherwise (HTML extraction,
    corpus rows, standard input) reports carry `text` so that offsets can still be checked.
    """

    id: str
    path: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date at its precision: YYYY-MM-DD, or YYYY-MM / YYYY for a month / year
    place: str | None = None
    outlet: str | None = None
    # where `outlet` came from: "manifest", "metadata" (a page's site name, a corpus field), "url" (the host),
    # "credit line" (an agency credit or masthead in the text); None when no outlet is known
    outlet_from: str | None = None
    url: str | None = None
    encoding: str | None = None
    text_is_file: bool = True
    # the analyst's event label (the manifest's `event` column): sources sharing one are one event, whatever
    # grouping would say
    event_label: str | None = None


@dataclass(frozen=True, slots=True)
class Dropped:
    """A span of a source left out of the sentences, with the reason."""

    source: str
    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a source; `text` is source.text[start:end] with white space folded."""

    source: str
    id: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """Sources that report the same meeting."""

    id: str
    date: str | None
    place: str | None
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One sentence of `source` judged against the other source of the same event."""

    event: str
    source: str
    sentence_id: int
    other_source: str
    other_sentence_id: int | None
    relation: Relation
    score: float
    reason: str
    kind: str  # what decided it: compare.judge.Kind ("polarity", "agree", "omitted", ...)
    # (source, words) of what one side adds to the other: detail of an agreed claim, or more of a partial one; the
    # claim matrix keeps each as a claim of its own (compare.claims).
    additions: tuple[tuple[str, str], ...] = ()


# Files over this size are refused unless --max-bytes says otherwise: larger than any article, small enough
# that a mistaken path to a video or a database dump fails at once.
DEFAULT_MAX_BYTES = 50_000_000
# Sources of more sentences than this are refused unless --max-sentences says otherwise: a long feature runs to a
# few hundred sentences, while comparing two sources costs time with the product of their sentences (two sources
# at the limit take minutes; see README, "Memory").
DEFAULT_MAX_SENTENCES = 5_000

# Years a publication date may have. Later stages reckon a year either side of it (a weekday named in the text,
# a date written without its year), which must stay inside the calendar Python's dates cover (1 to 9999); four
# digits from 1000 is also what every accepted date form writes.
PUBLISHED_YEARS = range(1000, 9999)


@dataclass(frozen=True, slots=True)
class Settings:
    """Every option of a run, built once from the command line (or by the API caller) and passed to stages."""

    match_threshold: float | None = None  # None: the matcher's calibrated default
    matcher: str = "lexical"
    encoding: str | None = None
    file_encodings: tuple[tuple[str, str], ...] = ()  # (file, codec): --encoding FILE=CODEC, over `encoding`
    max_bytes: int = DEFAULT_MAX_BYTES  # on each file's bytes and on the text decoded from it
    max_sentences: int = DEFAULT_MAX_SENTENCES
    follow_symlinks: bool = False  # read links in a folder that lead outside it
    skip_invalid: bool = False
    manifest: str | None = None
    engine: str = "local"
    scheduler: str | None = None
    workers: int = 1
    one_event: bool = False  # every source reports one meeting: grouping is skipped
    grouping: GroupingConfig = GroupingConfig()  # the tuning numbers of each stage (compare/config.py)
    alignment: AlignmentConfig = AlignmentConfig()
    judging: JudgingConfig = JudgingConfig()


class CompareError(Exception):
    """Base of every error crosscheck reports to a user; the message names the file and the fix."""


class SourceNotFound(CompareError):
    """A path given does not exist."""


class NoSources(CompareError):
    """No readable source in the paths given."""


class EmptySource(CompareError):
    """A source has no text."""


class BinarySource(CompareError):
    """A source is not text (image, PDF, NUL bytes)."""

    def __init__(self, message: str, kind: str = "binary data") -> None:
        super().__init__(message)
        self.kind = kind  # what the file is instead, as a message says it: "a PDF file"


class SourceTooLarge(CompareError):
    """A source is over --max-bytes."""


class NotARegularFile(CompareError):
    """A path is a device or socket (/dev/zero gives bytes without end), or a pipe nothing writes to."""


class TooManySentences(CompareError):
    """A source has more sentences than --max-sentences."""


class UndecodableSource(CompareError):
    """A source's bytes cannot be decoded with the encoding asked for or detected."""


class MalformedCorpus(CompareError):
    """A JSON, JSONL or CSV corpus cannot be parsed or lacks a field."""


class DuplicateSourceId(CompareError):
    """Two sources have the same id."""


class OutputNotWritable(CompareError):
    """The report folder cannot be written."""
