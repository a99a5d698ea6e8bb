"""Paths, folders, corpora and standard input -> Source records.

Stages of `load_sources_with_warnings`:
  1. expand the paths given into files (folders recursively, known extensions only, sorted);
  2. read each file's bytes, refusing what is missing, too large, binary or empty;
  3. decode the bytes (forced encoding, byte-order mark, UTF-8, a page's declared charset, then detection);
  4. turn the text into sources by format (plain text, saved HTML page, JSON / JSONL / CSV corpus);
  5. apply the manifest's metadata, refuse duplicate ids, sort by id.

Only metadata given explicitly (HTML metadata, corpus fields, the manifest) is set here; what can be inferred
from a plain text is left to the metadata stage. Every refusal is a CompareError subclass whose one-line
message names the file and the fix; with `Settings.skip_invalid` the file is skipped and the message kept as a
warning instead.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from compare.models import (
    BinarySource,
    CompareError,
    DuplicateSourceId,
    EmptySource,
    MalformedCorpus,
    NoSources,
    Settings,
    Source,
    SourceNotFound,
    SourceTooLarge,
    UndecodableSource,
)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
CORPUS_SUFFIXES = frozenset({".json", ".jsonl", ".csv"})
PARQUET_SUFFIXES = frozenset({".parquet", ".pq"})  # read by compare.corpus (pyarrow, the dask extra)
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | CORPUS_SUFFIXES | PARQUET_SUFFIXES

# The metadata a JSON article, a corpus row or a manifest row may carry besides its text.
METADATA_FIELDS = ("title", "outlet", "url", "published")

# Date forms accepted for `published` besides ISO 8601 (which may carry a time and zone): the common ways
# news exports write a day. Anything else is refused rather than guessed.
_DATE_FORMATS = ("%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y")

# An HTML page may declare its encoding in the first bytes; WHATWG reads Latin-1 and ASCII labels as
# Windows-1252, and so do we.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})  # codecs.lookup(...).name of every alias
_HTML_START = re.compile(r"\s*(<!doctype html|<html)", re.IGNORECASE)

STDIN = "-"

# Leading bytes of common non-text files people drop into an article folder by mistake, with a name the error
# message can use. Checked before decoding, since some of these decode "successfully" as Windows-1252.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", None),  # too short to be sure on its own: see _binary_kind
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"),
)

_BOMS = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def load_sources(paths: Sequence[str | os.PathLike], settings: Settings) -> tuple[Source, ...]:
    """Read every source under `paths`, sorted by id. See load_sources_with_warnings."""
    sources, _warnings = load_sources_with_warnings(paths, settings)
    return sources


def load_sources_with_warnings(
    paths: Sequence[str | os.PathLike], settings: Settings
) -> tuple[tuple[Source, ...], tuple[str, ...]]:
    """Read every source under `paths`; return the sources sorted by id and the warnings, in reading order.

    Raises the CompareError subclass of the first bad input unless `settings.skip_invalid`, in which case the
    bad file is skipped and its message becomes a warning. NoSources is raised either way when nothing is left.
    """
    warnings: list[str] = []
    if settings.encoding is not None:
        _check_encoding_name(settings.encoding)
    # 1. paths -> files (a file given twice, or given and inside a folder given, is read once)
    files: dict[str, str] = {}
    for given in paths:
        try:
            for name in _expand(given, settings):
                files.setdefault(name if name == STDIN else os.path.realpath(name), name)
        except CompareError as error:
            if not settings.skip_invalid:
                raise
            warnings.append(f"skipped: {error}")
    # 2.-4. files -> sources
    sources: list[Source] = []
    for name in files.values():
        try:
            sources.extend(_read_file(name, settings))
        except CompareError as error:
            if not settings.skip_invalid:
                raise
            warnings.append(f"skipped: {error}")
    if not sources:
        shown = ", ".join(os.fspath(p) for p in paths) or "(no paths)"
        skipped = f" ({len(warnings)} skipped as invalid)" if warnings else ""
        raise NoSources(
            f"{shown}: no readable source{skipped}; pass .txt, .md, .html, .json, .jsonl or .csv files"
        )
    # 5. manifest metadata, ids unique, sorted
    if settings.manifest is not None:
        sources = _apply_manifest(sources, settings, warnings)
    sources = _drop_duplicates(sources, settings, warnings)
    return tuple(sorted(sources, key=lambda s: s.id)), tuple(warnings)


# 1. paths -> files ------------------------------------------------------------------------------------------


def _expand(given: str | os.PathLike, settings: Settings) -> list[str]:
    """Files to read for one path given: the file itself, or a folder's known files, recursively and sorted."""
    name = os.fspath(given)
    if name == STDIN:
        return [STDIN]
    path = Path(name)
    if not path.exists():
        raise SourceNotFound(f"{name} does not exist; check the path")
    if path.is_file():
        return [name]
    manifest = os.path.realpath(settings.manifest) if settings.manifest else None
    found = []
    # os.walk without following links: a link back to a parent folder cannot loop
    for folder, subfolders, files in os.walk(name):
        # hidden files and folders (.git, editor back-ups) are not articles
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        for file in files:
            full = os.path.join(folder, file)
            if (
                not file.startswith(".")
                and os.path.splitext(file)[1].lower() in KNOWN_SUFFIXES
                and os.path.isfile(full)
                # a manifest kept beside the articles describes them; it is not a corpus
                and os.path.realpath(full) != manifest
            ):
                found.append(full)
    found.sort()
    if not found:
        raise NoSources(
            f"{name} has no readable source; put .txt, .md, .html, .json, .jsonl or .csv files in it"
        )
    return found


# 2. files -> bytes --------------------------------------------------------------------------------------------


def _read_bytes(name: str, settings: Settings) -> bytes:
    """The file's bytes (standard input for "-"), refusing what is over the size limit, binary or empty."""
    limit = settings.max_bytes
    if name == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        size = len(data)
    else:
        try:
            size = os.path.getsize(name)
            data = b"" if size > limit else Path(name).read_bytes()
        except OSError as error:
            raise SourceNotFound(f"{name} cannot be read ({error.strerror}); check its permissions") from None
    if size > limit:
        shown = "standard input" if name == STDIN else name
        raise SourceTooLarge(
            f"{shown} is over the {limit:,}-byte limit; pass --max-bytes {max(size, limit + 1) * 2} "
            f"to read it anyway, or split it"
        )
    if not data.strip():
        if name == STDIN:
            raise EmptySource("standard input is empty; pipe an article's text into it, or pass files instead of -")
        raise EmptySource(f"{name} is empty; remove it or put the article's text in it")
    kind = _binary_kind(data, settings)
    if kind:
        fix = "pass the article's text as a .txt file instead"
        if kind == _NUL_BYTES and _looks_like_utf16(data):
            fix = "if it is UTF-16 text without a byte-order mark, pass --encoding utf-16-le (or utf-16-be)"
        raise BinarySource(f"{_shown(name)} is {kind}, not text; {fix}")
    return data


def _binary_kind(data: bytes, settings: Settings) -> str | None:
    """What kind of non-text file `data` is, or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind is None:  # "BM": a Windows bitmap only if the header's size field matches
                if len(data) >= 6 and int.from_bytes(data[2:6], "little") == len(data):
                    return "a BMP image"
                continue
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return None  # UTF-16/32 text has NUL bytes
    if settings.encoding and codecs.lookup(settings.encoding).name.startswith(("utf-16", "utf-32")):
        return None
    if b"\x00" in data:
        return _NUL_BYTES
    return None


_NUL_BYTES = "binary data (it contains NUL bytes)"


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 has a NUL in every other byte."""
    half = len(data) // 2
    return half >= 2 and max(data[0::2].count(0), data[1::2].count(0)) >= 0.4 * half


# 3. bytes -> text -------------------------------------------------------------------------------------------


def _check_encoding_name(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UndecodableSource(
            f"--encoding {encoding} is not an encoding Python knows; pass one such as utf-8, shift_jis, "
            f"euc-jp, cp1252 or latin-1"
        ) from None


def decode(data: bytes, name: str, settings: Settings, *, html: bool = False) -> tuple[str, str, bool]:
    """(text, encoding, exact): `exact` is True when text is the file's UTF-8 bytes decoded unchanged.

    Order: a forced encoding; a byte-order mark; strict UTF-8; for HTML, the charset the page declares;
    then charset-normalizer's best guess.
    """
    shown = _shown(name)
    if settings.encoding is not None:
        encoding = codecs.lookup(settings.encoding).name
        if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"  # a forced UTF-8 still drops the mark rather than keep U+FEFF as text
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UndecodableSource(
                f"{shown} is not valid {settings.encoding} (byte {data[error.start]:#04x} at offset "
                f"{error.start}); pass the right --encoding, or leave it out to detect one"
            ) from None
        return text, encoding, _same_as_utf8(data, text)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, False
            except UnicodeDecodeError:
                raise UndecodableSource(
                    f"{shown} starts with a {encoding} byte-order mark but is not valid {encoding}; "
                    f"pass --encoding NAME to read it"
                ) from None
    # Valid UTF-8 wins even over a page's declared charset: pages saved as UTF-8 often keep an old
    # "iso-8859-1" declaration, while text in another encoding is almost never valid UTF-8 by chance.
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared), declared, False
            except UnicodeDecodeError:
                pass  # pages often declare one encoding and use another: detect instead
    return _detect(data, shown)


def _same_as_utf8(data: bytes, text: str) -> bool:
    """Whether `text` is also what the bytes say read as UTF-8 (an ASCII file read as Latin-1, say)."""
    if data.startswith(codecs.BOM_UTF8):
        return False
    try:
        return data.decode("utf-8") == text
    except UnicodeDecodeError:
        return False


def _declared_charset(data: bytes) -> str | None:
    """The Python codec name of the charset an HTML page declares in its first 4 KB, if any and known."""
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        encoding = codecs.lookup(match.group(1).decode("ascii")).name
    except LookupError:
        return None
    return "cp1252" if encoding in _AS_WINDOWS_1252 else encoding


def _detect(data: bytes, shown: str) -> tuple[str, str, bool]:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds most plausible, ties broken by us.

    On short texts the detector often ranks several encodings equal ("chaos" 0): a few Japanese words in EUC-JP
    decode as Korean CP949 too, and English with curly quotes as CP1250, CP775 or CP850. Among the decodings
    within TIE_CHAOS of the best we take the one with the smallest share of characters typical of a wrong
    decoding (_MISREAD), then Windows-1252, by far the most common single-byte code page in saved articles
    (WHATWG reads even Latin-1 labels as it), then the detector's order. The detector may not list CP1252 at
    all when another code page decodes the bytes as well, so for single-byte guesses it is scored here too.
    """
    from charset_normalizer import from_bytes
    from charset_normalizer.md import mess_ratio
    from charset_normalizer.utils import is_multi_byte_encoding

    matches = list(from_bytes(data))
    if not matches:
        raise UndecodableSource(
            f"{shown} is not UTF-8 and no other encoding fits; pass --encoding shift_jis (or euc-jp, cp1252, "
            f"latin-1) to read it"
        )
    best_chaos = min(m.chaos for m in matches)
    # decoded only when tied: each decoding of a large file costs its size again in memory
    tied = [(m.encoding, str(m)) for m in matches if m.chaos <= best_chaos + TIE_CHAOS]
    if not is_multi_byte_encoding(matches[0].encoding) and all(e != "cp1252" for e, _ in tied):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            if mess_ratio(text, 1.0) <= best_chaos + TIE_CHAOS:
                tied.append(("cp1252", text))
    rank = {encoding: n for n, (encoding, _) in enumerate(tied)}
    encoding, text = min(tied, key=lambda c: (_misread_share(c[1]), c[0] != "cp1252", rank[c[0]]))
    return text, codecs.lookup(encoding).name, False


# Detector scores ("chaos", 0 to 1) this close count as a tie.
TIE_CHAOS = 0.01

# Blocks that turn up when bytes are decoded with the wrong East Asian code page and rarely in real text:
# Hangul compatibility jamo (real Korean uses composed syllables), CJK extension A, private use, and the
# half-width Hangul and symbol forms.
_MISREAD = re.compile("[\u3130-\u318f\u3400-\u4dbf\ue000-\uf8ff\uffa0-\uffdc\uffe8-\uffee]")


def _misread_share(text: str) -> float:
    wide = sum(1 for c in text if ord(c) > 0x7F)
    return len(_MISREAD.findall(text)) / wide if wide else 0.0


# 4. text -> sources -------------------------------------------------------------------------------------------


def _read_file(name: str, settings: Settings) -> list[Source]:
    """The sources in one file (one, or one per corpus row)."""
    if name != STDIN and Path(name).suffix.lower() in PARQUET_SUFFIXES:
        from compare.corpus import parquet_sources  # binary and columnar: read by pyarrow, not decoded

        return parquet_sources(name, settings)
    data = _read_bytes(name, settings)
    suffix = "" if name == STDIN else Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        text, encoding, _exact = decode(data, name, settings, html=True)
        return [_html_source(name, Path(name).stem, text, encoding)]
    text, encoding, exact = decode(data, name, settings)
    if not text.strip():
        raise EmptySource(f"{_shown(name)} is empty; remove it or put the article's text in it")
    if name == STDIN:
        if _HTML_START.match(text):
            return [_html_source(name, "stdin", text, encoding)]
        return [Source(id="stdin", path=STDIN, text=text, encoding=encoding, text_is_file=False)]
    if suffix == ".json":
        return _json_sources(name, text, encoding)
    if suffix == ".jsonl":
        return _jsonl_sources(name, text, encoding)
    if suffix == ".csv":
        return _csv_sources(name, text, encoding, settings)
    # .txt, .md, and any other file named explicitly: plain text
    return [Source(id=Path(name).stem, path=name, text=text, encoding=encoding, text_is_file=exact)]


def _html_source(name: str, source_id: str, page: str, encoding: str) -> Source:
    """The article of a saved page, with the metadata the page gives, extracted offline by trafilatura."""
    shown = _shown(name)
    try:
        import trafilatura
    except ImportError:
        raise CompareError(
            f"{shown} is an HTML page and reading HTML needs the html extra; run "
            f"pip install 'crosscheck[html]' (or save the page's text as .txt)"
        ) from None
    # A str (not bytes) so trafilatura does not guess the encoding again; no URL, so nothing is fetched.
    document = trafilatura.bare_extraction(
        page,
        with_metadata=True,
        include_comments=False,  # readers' comments are not the outlet's report
        include_tables=True,
        deduplicate=False,  # repeated paragraphs are the cleaning stage's to drop, with provenance
    )
    text = (document.text if document is not None else "") or ""
    if not text.strip():
        raise EmptySource(
            f"{shown} has no article text that could be extracted; save the article's text as .txt instead"
        )
    return Source(
        id=source_id,
        path=name,
        text=text,
        title=_clean(document.title),
        published=_page_date(document.date),
        outlet=_clean(document.sitename),
        url=_clean(document.url),
        encoding=encoding,
        text_is_file=False,
    )


def _page_date(value: str | None) -> str | None:
    """The extractor's date as YYYY-MM-DD; one it got wrong is dropped, since the user cannot fix it."""
    try:
        return _iso_date(value, "", "date")
    except MalformedCorpus:
        return None


def _json_sources(name: str, text: str, encoding: str) -> list[Source]:
    """A .json file: one article object (its id is the file name), or a list of rows like a .jsonl corpus."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedCorpus(
            f"{name} line {error.lineno} is not valid JSON ({error.msg}); fix the file or save the article "
            f"as .txt"
        ) from None
    if isinstance(value, list):
        return [row_source(row, name, f"{name} item {i}", encoding, None) for i, row in enumerate(value, 1)]
    return [row_source(value, name, name, encoding, Path(name).stem)]


def _jsonl_sources(name: str, text: str, encoding: str) -> list[Source]:
    """A .jsonl corpus: one JSON article object per line; blank lines are allowed."""
    sources = []
    # split on "\n" only: str.splitlines would also split inside a JSON string holding U+2028 or U+0085
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{name} line {number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise MalformedCorpus(
                f"{where} is not valid JSON ({error.msg}); put one article object on each line"
            ) from None
        sources.append(row_source(row, f"{name}:{number}", where, encoding, None))
    if not sources:
        raise EmptySource(f"{name} is empty; remove it or put the article's text in it")
    return sources


def _csv_sources(name: str, text: str, encoding: str, settings: Settings) -> list[Source]:
    """A .csv corpus: a header row naming at least `text`, then one article per row."""
    header, rows = _csv_table(text, name, settings)
    if "text" not in header:
        raise MalformedCorpus(
            f"{name} has no 'text' column (its header is: {_listed(header)}); name the column with the article's "
            f"text 'text'"
        )
    if not rows:
        raise EmptySource(f"{name} has a header but no rows; add articles or remove the file")
    return [
        row_source(dict(zip(header, cells)), f"{name}:{line}", f"{name} line {line}", encoding, None)
        for line, cells in rows
    ]


def _csv_table(text: str, label: str, settings: Settings) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(header folded to lower case, [(line the row starts on, cells)]) with blank rows left out.

    The csv module is strict here (an unclosed quote is an error, not a field that swallows the file), and a row
    with more cells than the header is refused: its text was almost certainly split on an unquoted comma.
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
            if header is None:
                header = [" ".join(cell.split()).lower() for cell in cells]
                continue
            if not any(cell.strip() for cell in cells):
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


def _delimiter(text: str) -> str:
    """The header line's separator: a comma, or the semicolon or tab that spreadsheets in many locales write."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: (counts[sep], sep == ","))
    return best if counts[best] else ","


def row_source(row: object, path: str, where: str, encoding: str, source_id: str | None) -> Source:
    """One article from a JSON object or CSV row; `source_id` None means the row must give its own `id`."""
    if not isinstance(row, dict):
        raise MalformedCorpus(f"{where} is not an object with a \"text\" field; write each article as one")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedCorpus(f"{where} has no text; put the article's text in its \"text\" field")
    if source_id is None:
        raw_id = row.get("id")
        if isinstance(raw_id, int) and not isinstance(raw_id, bool):
            raw_id = str(raw_id)
        if not isinstance(raw_id, str) or not raw_id.strip():
            raise MalformedCorpus(f"{where} has no id; give every row a unique \"id\"")
        source_id = raw_id.strip()
    fields = {}
    for key in METADATA_FIELDS:
        value = row.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedCorpus(f"{where}: \"{key}\" must be text, not {type(value).__name__}; quote it")
        fields[key] = _clean(value)
    return Source(
        id=source_id,
        path=path,
        text=text,
        title=fields["title"],
        published=_iso_date(fields["published"], where, "published"),
        outlet=fields["outlet"],
        url=fields["url"],
        encoding=encoding,
        text_is_file=False,
    )


def _listed(cells: Sequence[str], limit: int = 8) -> str:
    """Header cells for a one-line message: white space folded, long headers cut."""
    shown = [" ".join(cell.split()) or "(blank)" for cell in cells[:limit]]
    return ", ".join(shown) + (", ..." if len(cells) > limit else "")


def _clean(value: str | None) -> str | None:
    """A metadata value with white space folded, or None when there is none."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _iso_date(value: str | None, where: str, key: str) -> str | None:
    """`value` as YYYY-MM-DD; an explicit date that cannot be read is an error, not a silent None."""
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    for form in _DATE_FORMATS:
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    raise MalformedCorpus(f"{where}: {key} {value!r} is not a date; write it as YYYY-MM-DD")


# 5. manifest and duplicate ids -------------------------------------------------------------------------------


def _apply_manifest(sources: list[Source], settings: Settings, warnings: list[str]) -> list[Source]:
    """Set the metadata a manifest CSV gives (columns: path or id, and any of title, outlet, url, published).

    A manifest is the analyst's own word, so its non-empty cells override what a page or corpus said. A row
    that matches no source read is a warning (the file may have been skipped), not an error.
    """
    name = str(settings.manifest)
    if not os.path.isfile(name):
        raise SourceNotFound(f"manifest {name} does not exist; check the path given to --manifest")
    # --encoding is about the articles; the manifest's own encoding is detected
    detect = replace(settings, encoding=None)
    text, _encoding, _exact = decode(_read_bytes(name, detect), name, detect)
    header, rows = _csv_table(text, f"manifest {name}", settings)
    if "path" not in header and "id" not in header:
        raise MalformedCorpus(
            f"manifest {name} has neither a 'path' nor an 'id' column (its header is: {_listed(header)}); "
            f"add one to say which source each row describes"
        )
    base = os.path.dirname(os.path.abspath(name))
    by_id = {source.id: i for i, source in enumerate(sources)}
    by_path = {os.path.realpath(source.path): i for i, source in enumerate(sources) if source.path != STDIN}
    result = list(sources)
    for number, cells in rows:
        row = {key: cell.strip() for key, cell in zip(header, cells)}
        where = f"manifest {name} line {number}"
        changes = {key: _clean(row.get(key)) for key in METADATA_FIELDS if _clean(row.get(key))}
        if "published" in changes:  # checked on every row, matched or not: a bad date is a bad manifest
            changes["published"] = _iso_date(changes["published"], where, "published")
        index = None
        if row.get("id"):
            index = by_id.get(row["id"])
            named = f"id {row['id']!r}"
        elif row.get("path"):
            named = f"path {row['path']!r}"
            for candidate in (os.path.join(base, row["path"]), row["path"]):
                index = by_path.get(os.path.realpath(candidate))
                if index is not None:
                    break
        else:
            raise MalformedCorpus(f"{where} has neither a path nor an id; fill one in or delete the row")
        if index is None:
            warnings.append(f"{where}: no source read has the {named}; check it against the files given")
            continue
        result[index] = replace(result[index], **changes)
    return result


def _drop_duplicates(sources: list[Source], settings: Settings, warnings: list[str]) -> list[Source]:
    """Refuse (or, skipping invalid input, drop the later of) two sources with one id."""
    seen: dict[str, Source] = {}
    kept: list[Source] = []
    for source in sources:
        first = seen.get(source.id)
        if first is None:
            seen[source.id] = source
            kept.append(source)
            continue
        message = (
            f"{source.path} has the id {source.id!r}, as {first.path} does; rename one of them "
            f"(a file's id is its name without the extension; a corpus row's is its id field)"
        )
        if not settings.skip_invalid:
            raise DuplicateSourceId(message)
        warnings.append(f"skipped: {message}")
    return kept


def _shown(name: str) -> str:
    return "standard input" if name == STDIN else name
