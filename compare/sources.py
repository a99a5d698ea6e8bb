"""Paths, folders, corpora and standard input -> Source records.

Stages of `load_sources_with_warnings`:
  1. expand the paths given into files (folders recursively, known extensions only, sorted);
  2. read each file's bytes, refusing what is missing, too large, binary or empty;
  3. decode the bytes (forced encoding, byte-order mark, UTF-8, then detection);
  4. turn the text into sources by format (plain text, saved HTML page, JSON / JSONL / CSV corpus);
  5. apply the manifest's metadata, refuse duplicate ids, sort by id.

Only metadata given explicitly (HTML metadata, corpus fields, the manifest) is set here; what can be inferred
from a plain text is left to the metadata stage. Every refusal is a CompareError subclass whose one-line
message names the file and the fix; with `Settings.skip_invalid` the file is skipped and the message kept as a
warning instead.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from compare.models import (
    BinarySource,
    CompareError,
    DuplicateSourceId,
    EmptySource,
    NoSources,
    Settings,
    Source,
    SourceNotFound,
    SourceTooLarge,
    UndecodableSource,
)

TEXT_SUFFIXES = frozenset({".txt", ".md"})
KNOWN_SUFFIXES = TEXT_SUFFIXES

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
    # 1. paths -> files
    files: list[str] = []
    for given in paths:
        try:
            files.extend(_expand(given, settings))
        except CompareError as error:
            if not settings.skip_invalid or isinstance(error, NoSources):
                raise
            warnings.append(f"skipped: {error}")
    # 2.-4. files -> sources
    sources: list[Source] = []
    for name in files:
        try:
            sources.extend(_read_file(name, settings))
        except CompareError as error:
            if not settings.skip_invalid:
                raise
            warnings.append(f"skipped: {error}")
    if not sources:
        shown = ", ".join(str(p) for p in paths) or "(no paths)"
        raise NoSources(f"{shown}: no readable source; pass .txt, .md, .html, .json, .jsonl or .csv files")
    # 5. ids unique, sorted
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
    found = sorted(
        str(p)
        for p in path.rglob("*")
        if p.suffix.lower() in KNOWN_SUFFIXES
        and p.is_file()
        # hidden files and folders (.git, editor back-ups) are not articles
        and not any(part.startswith(".") for part in p.relative_to(path).parts)
    )
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
        raise EmptySource(f"{_shown(name)} is empty; remove it or put the article's text in it")
    kind = _binary_kind(data, settings)
    if kind:
        raise BinarySource(f"{_shown(name)} is {kind}, not text; pass the article's text as a .txt file instead")
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
        return "binary data (it contains NUL bytes)"
    return None


# 3. bytes -> text -------------------------------------------------------------------------------------------


def _check_encoding_name(encoding: str) -> None:
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise UndecodableSource(
            f"--encoding {encoding} is not an encoding Python knows; pass one such as utf-8, shift_jis, "
            f"euc-jp, cp1252 or latin-1"
        ) from None


def decode(data: bytes, name: str, settings: Settings) -> tuple[str, str, bool]:
    """(text, encoding, exact): `exact` is True when text is the file's UTF-8 bytes decoded unchanged.

    Order: a forced encoding; a byte-order mark; strict UTF-8; charset-normalizer's best guess.
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
        return text, encoding, encoding == "utf-8"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, False
            except UnicodeDecodeError:
                raise UndecodableSource(
                    f"{shown} starts with a {encoding} byte-order mark but is not valid {encoding}; "
                    f"pass --encoding NAME to read it"
                ) from None
    try:
        return data.decode("utf-8"), "utf-8", True
    except UnicodeDecodeError:
        pass
    return _detect(data, shown)


def _detect(data: bytes, shown: str) -> tuple[str, str, bool]:
    """Decode non-UTF-8 bytes with the encoding charset-normalizer finds most plausible."""
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UndecodableSource(
            f"{shown} is not UTF-8 and no other encoding fits; pass --encoding shift_jis (or euc-jp, cp1252, "
            f"latin-1) to read it"
        )
    encoding = codecs.lookup(best.encoding).name
    return data.decode(encoding), encoding, False


# 4. text -> sources -------------------------------------------------------------------------------------------


def _read_file(name: str, settings: Settings) -> list[Source]:
    data = _read_bytes(name, settings)
    text, encoding, exact = decode(data, name, settings)
    if not text.strip():
        raise EmptySource(f"{_shown(name)} is empty; remove it or put the article's text in it")
    if name == STDIN:
        return [Source(id="stdin", path=STDIN, text=text, encoding=encoding, text_is_file=False)]
    return [Source(id=Path(name).stem, path=name, text=text, encoding=encoding, text_is_file=exact)]


# 5. duplicate ids -------------------------------------------------------------------------------------------


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
