"""The checks every corpus row shares (JSON, JSONL, CSV, Parquet, and the manifest): fields, ids, dates, CSV."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import datetime

from compare.models import PUBLISHED_YEARS, MalformedCorpus, Settings, Source

# The metadata a JSON article, a corpus row or a manifest row may carry besides its text.
METADATA_FIELDS = ("title", "outlet", "url", "published")

# Date forms accepted for `published` besides ISO 8601 (which may carry a time and zone): the common ways
# news exports write a day. Anything else is refused rather than guessed.
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y")
# A month or a year is a real date too (an archive's listing, a print issue): kept at that precision.
_MONTH_FORMATS = ("%Y-%m", "%Y/%m", "%B %Y", "%b %Y", "%b. %Y")
_YEAR_FORMATS = ("%Y",)

# JSON may spell lone UTF-16 surrogates ("\ud800"), which are no text and cannot be written out as UTF-8.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def row_source(row: object, path: str, where: str, encoding: str, source_id: str | None) -> Source:
    """One article from a JSON object or CSV row; `source_id` None means the row must give its own `id`."""
    if not isinstance(row, dict):
        raise MalformedCorpus(f"{where} is not an object with a \"text\" field; write each article as one")
    text = row.get("text")
    if text is not None and not isinstance(text, str):
        fix = "join its parts into one string" if isinstance(text, (list, dict)) else "quote it"
        raise MalformedCorpus(f"{where}: \"text\" must be text, not {type(text).__name__}; {fix}")
    if text is None or not text.strip():
        raise MalformedCorpus(f"{where} has no text; put the article's text in its \"text\" field")
    text = _text_only(text)
    if source_id is None:
        raw_id = row.get("id")
        if isinstance(raw_id, int) and not isinstance(raw_id, bool):
            raw_id = str(raw_id)
        if raw_id is not None and not isinstance(raw_id, str):
            raise MalformedCorpus(
                f"{where}: \"id\" must be text or a whole number, not {type(raw_id).__name__}; quote it"
            )
        if raw_id is None or not raw_id.strip():
            raise MalformedCorpus(f"{where} has no id; give every row a unique \"id\"")
        source_id = _text_only(raw_id.strip())
    fields = {}
    for key in METADATA_FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedCorpus(f"{where}: \"{key}\" must be text, not {type(value).__name__}; quote it")
        fields[key] = clean_value(_text_only(value) if value is not None else None)
    return Source(
        id=source_id,
        path=path,
        text=text,
        title=fields["title"],
        published=iso_date(fields["published"], where, "published"),
        outlet=fields["outlet"],
        outlet_from="metadata" if fields["outlet"] else None,
        url=fields["url"],
        encoding=encoding,
        text_is_file=False,
    )


def _text_only(value: str) -> str:
    """Lone surrogates replaced by U+FFFD, one for one, so offsets into the text hold."""
    return _LONE_SURROGATE.sub("\ufffd", value)


def clean_value(value: str | None) -> str | None:
    """A metadata value with white space folded, or None when there is none."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def iso_date(value: str | None, where: str, key: str) -> str | None:
    """`value` as an ISO date at the precision it states: YYYY-MM-DD for a day, YYYY-MM for a month ("April
    2025"), YYYY for a year. An explicit date that cannot be read is an error, not a silent None."""
    if value is None:
        return None
    when, precision = None, "day"
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        for forms, precision in ((_DATE_FORMATS, "day"), (_MONTH_FORMATS, "month"), (_YEAR_FORMATS, "year")):
            when = _first_reading(value.strip(), forms)
            if when is not None:
                break
    if when is None:
        raise MalformedCorpus(f"{where}: {key} {value!r} is not a date; write it as YYYY-MM-DD (or YYYY-MM, YYYY "
                              f"for a month or a year)")
    if when.year not in PUBLISHED_YEARS:
        raise MalformedCorpus(
            f"{where}: {key} {value!r} is out of range; write a date in the years {PUBLISHED_YEARS.start} to "
            f"{PUBLISHED_YEARS.stop - 1}"
        )
    day = when.date().isoformat()
    return {"day": day, "month": day[:7], "year": day[:4]}[precision]


def _first_reading(value: str, forms: Sequence[str]) -> datetime | None:
    for form in forms:
        try:
            return datetime.strptime(value, form)
        except ValueError:
            continue
    return None


def csv_table(text: str, label: str, settings: Settings) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(header folded to lower case, [(line the row starts on, cells)]) with blank rows left out.

    The header is the first row that is not blank. The csv module is strict here (an unclosed quote is an error,
    not a field that swallows the file), and a row with more cells than the header is refused: its text was almost
    certainly split on an unquoted comma. A header naming one column twice is refused too: only one of the two
    could be read, and the other would be lost without a word.
    """
    # Article texts exceed the csv module's default 128 KB field limit; the file size limit bounds them instead.
    csv.field_size_limit(max(csv.field_size_limit(), settings.max_bytes))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    line = 1  # the line the next row starts on
    try:
        for cells in reader:
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = [" ".join(cell.split()).lower() for cell in cells]
                _refuse_repeated_names(header, label)
                continue
            if len(cells) > len(header):
                raise MalformedCorpus(
                    f"{label} line {row_line} has {len(cells)} fields but the header has {len(header)}; quote "
                    f"fields that contain commas"
                )
            rows.append((row_line, cells))
    except csv.Error as error:
        raise MalformedCorpus(
            f"{label} line {line} is not valid CSV ({error}); check the quotes on that line"
        ) from None
    return header or [], rows


def _refuse_repeated_names(header: Sequence[str], label: str) -> None:
    first: dict[str, int] = {}
    for number, name in enumerate(header, 1):
        if name and name in first:
            raise MalformedCorpus(
                f"{label} names {name!r} twice in its header (fields {first[name]} and {number}); rename or "
                f"remove one"
            )
        first.setdefault(name, number)


def _delimiter(text: str) -> str:
    """The header line's separator: a comma, or the semicolon or tab that spreadsheets in many locales write."""
    first = next((line for line in io.StringIO(text, newline="") if line.strip()), "")
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def listed(cells: Sequence[str], limit: int = 8) -> str:
    """Header cells for a one-line message: white space folded, long headers cut."""
    shown = [" ".join(cell.split()) or "(blank)" for cell in cells[:limit]]
    return ", ".join(shown) + (", ..." if len(cells) > limit else "")
