"""Files -> bytes -> text: refusing what is missing, too large, binary or empty, then decoding."""

from __future__ import annotations

import codecs
import os
import select
import stat
import sys

from compare.models import BinarySource, EmptySource, NotARegularFile, Settings, SourceNotFound, SourceTooLarge
from compare.sources.decoding import BOMS, decode, forced_encoding, utf8_characters_misread
from compare.sources.naming import STDIN, shown

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

_NUL_BYTES = "binary data (it contains NUL bytes)"


def read_text(name: str, settings: Settings, warnings: list[str], *, html: bool = False) -> tuple[str, str, bool]:
    """(text, encoding, exact) of one file: its bytes read and checked, then decoded (see decoding.decode).

    Bytes replaced while decoding are counted in a warning. The decoded text is held to --max-bytes too (as
    UTF-8): a file in a two-byte encoding decodes to more than its size on disk would suggest.
    """
    data = read_bytes(name, settings)
    text, encoding, exact, replaced = decode(data, name, settings, html=html)
    option = f"--encoding {'' if name == STDIN else f'{name}='}"
    if replaced:
        warnings.append(
            f"{shown(name)} is UTF-8 but for {replaced} invalid byte sequence{'s' if replaced != 1 else ''}, "
            f"read as U+FFFD; pass {option}NAME if it is in another encoding"
        )
    elif forced_encoding(name, settings) is None and (misread := utf8_characters_misread(data, encoding)):
        warnings.append(
            f"{shown(name)} mixes UTF-8 with another encoding: read as {encoding}, its {misread} UTF-8 "
            f"character{'s' if misread != 1 else ''} show as wrong letters; save the file in one encoding, or pass "
            f"{option}NAME if {encoding} is not its main one"
        )
    check_decoded_size(len(text.encode("utf-8", "surrogatepass")), name, settings)
    return text, encoding, exact


def check_decoded_size(size: int, name: str, settings: Settings, counted: str = "") -> None:
    """Refuse a file whose decoded text is over --max-bytes (`counted` says how much of it was measured)."""
    if size > settings.max_bytes:
        raise SourceTooLarge(
            f"{shown(name)} decodes to over {settings.max_bytes:,} bytes of text{counted}; pass --max-bytes "
            f"{size * 2} to read it anyway, or split it"
        )


def refuse_empty(text: str, name: str) -> None:
    if not text.strip():
        raise EmptySource(f"{shown(name)} is empty; remove it or put the article's text in it")


def read_bytes(name: str, settings: Settings) -> bytes:
    """The file's bytes (standard input for "-"), refusing what is over the size limit, binary or empty."""
    limit = settings.max_bytes
    if name == STDIN:
        _refuse_device_on_stdin()
        data = read_at_most(sys.stdin.buffer, limit + 1)
        size = len(data)
    else:
        try:
            if is_pipe(name):
                data = read_pipe(name, limit)
                size = len(data)
            else:
                size = os.path.getsize(name)
                data = b""
                if size <= limit:
                    # read no further than the limit: a file in /proc has no size on disk to check first
                    with open(name, "rb") as handle:
                        data = read_at_most(handle, limit + 1, expected=size)
                    size = max(size, len(data))
        except OSError as error:
            raise SourceNotFound(f"{name} cannot be read ({error.strerror}); check its permissions") from None
    if size > limit:
        raise SourceTooLarge(
            f"{shown(name)} is over the {limit:,}-byte limit; pass --max-bytes {max(size, limit + 1) * 2} "
            f"to read it anyway, or split it"
        )
    if not data.strip():
        if name == STDIN:
            raise EmptySource("standard input is empty; pipe an article's text into it, or pass files instead of -")
        raise EmptySource(f"{name} is empty; remove it or put the article's text in it")
    kind = _binary_kind(data, name, settings)
    if kind:
        fix = "pass the article's text as a .txt file instead"
        if kind == _NUL_BYTES and _looks_like_utf16(data):
            given = "" if name == STDIN else f"{name}="
            fix = f"if it is UTF-16 text without a byte-order mark, pass --encoding {given}utf-16-le (or utf-16-be)"
        raise BinarySource(f"{shown(name)} is {kind}, not text; {fix}", kind)
    return data


def is_pipe(name: str) -> bool:
    """Whether `name` is a pipe (a named one, or the shell's <(command)); refuse a device or a socket.

    A device is no article: /dev/zero and /dev/urandom give bytes without end, a disk its whole contents.
    """
    mode = os.stat(name).st_mode
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISSOCK(mode):
        kind = "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise NotARegularFile(
            f"{shown(name)} is {kind}, not a file: it holds no article to read; save the article to a file and "
            "pass that (or - to read standard input)"
        )
    return stat.S_ISFIFO(mode)


# Bytes asked of a file at a time when its size is not known: read(n) sets aside n bytes before reading, so a
# --max-bytes of 10**12 read at once would fail for want of a terabyte whatever the file holds.
_READ_PIECE = 1 << 20


def read_at_most(handle, most: int, expected: int = 0) -> bytes:
    """Up to `most` bytes of `handle`, read in pieces: at once when `expected` (its size on disk) is right."""
    chunks: list[bytes] = []
    size = 0
    piece = expected + 1  # one byte more finds the end, or a file grown since its size was read
    while size < most:
        chunk = handle.read(min(max(piece, _READ_PIECE), most - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
        piece = _READ_PIECE
    return b"".join(chunks)


def _refuse_device_on_stdin() -> None:
    """Refuse standard input redirected from a device (< /dev/zero); a terminal is read as typed."""
    try:
        fd = sys.stdin.fileno()
        mode = os.fstat(fd).st_mode
    except (AttributeError, OSError, ValueError):  # replaced by an object with no file behind it
        return
    if (stat.S_ISCHR(mode) or stat.S_ISBLK(mode)) and not os.isatty(fd):
        raise NotARegularFile(
            "standard input is a device, not an article (redirected from /dev/zero or the like); pipe an article's "
            "text into it, or pass files instead of -"
        )


# How long a pipe may stay silent before reading it fails: a named pipe that nothing writes to, or whose writer
# never writes, would otherwise be waited on for ever.
PIPE_SILENCE_SECONDS = 30.0


def read_pipe(name: str, limit: int) -> bytes:
    """A pipe's bytes, up to limit + 1 of them, until every writer has closed it; NotARegularFile when nothing
    arrives for PIPE_SILENCE_SECONDS. Opened without blocking: opening a named pipe waits for a writer."""
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK)
    try:
        ready = select.poll()
        ready.register(fd, select.POLLIN)  # POLLHUP, every writer gone, is reported whether asked for or not
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            if not ready.poll(PIPE_SILENCE_SECONDS * 1000):
                raise NotARegularFile(
                    f"nothing was written to the pipe {shown(name)} for {PIPE_SILENCE_SECONDS:g} s; start the "
                    "program that writes it first, or save the article to a file and pass that"
                )
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except BlockingIOError:  # woken with nothing to read after all
                continue
            if not chunk:
                break  # every writer has closed it
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _binary_kind(data: bytes, name: str, settings: Settings) -> str | None:
    """What kind of non-text file `data` is, or None for text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if kind is None:  # "BM": a Windows bitmap only if the header's size field matches
                if len(data) >= 6 and int.from_bytes(data[2:6], "little") == len(data):
                    return "a BMP image"
                continue
            return kind
    if any(data.startswith(bom) for bom, _ in BOMS):
        return None  # UTF-16/32 text has NUL bytes
    forced = forced_encoding(name, settings)
    if forced and codecs.lookup(forced).name.startswith(("utf-16", "utf-32")):
        return None
    if b"\x00" in data:
        return _NUL_BYTES
    return None


def _looks_like_utf16(data: bytes) -> bool:
    """Mostly-ASCII UTF-16 has a NUL in every other byte."""
    half = len(data) // 2
    return half >= 2 and max(data[0::2].count(0), data[1::2].count(0)) >= 0.4 * half
