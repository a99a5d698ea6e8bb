"""Bytes -> text: a forced encoding, a byte-order mark, UTF-8, a page's declared charset, then detection."""

from __future__ import annotations

import codecs
import os
import re

from compare.models import Settings, UndecodableSource
from compare.sources.naming import STDIN, shown

# An HTML page may declare its encoding in the first bytes; WHATWG reads Latin-1 and ASCII labels as
# Windows-1252, and so do we.
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_AS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})  # codecs.lookup(...).name of every alias

BOMS = (
    # UTF-32 first: its little-endian mark starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_encoding_name(encoding: str, where: str = "--encoding") -> None:
    """Refuse a name Python does not know as a text encoding (rot13 and base64 are codecs, not encodings)."""
    try:
        is_text = codecs.lookup(encoding)._is_text_encoding
    except LookupError:
        is_text = False
    if not is_text:
        given = f"{where}{encoding}" if where.endswith("=") else f"{where} {encoding}"
        raise UndecodableSource(
            f"{given} is not a text encoding Python knows; pass one such as utf-8, shift_jis, euc-jp, cp1252 or "
            f"latin-1"
        )


def forced_encoding(name: str, settings: Settings) -> str | None:
    """The encoding the user gave for this file (--encoding FILE=CODEC, a manifest's column), else --encoding."""
    if settings.file_encodings and name != STDIN:
        real = os.path.realpath(name)
        for file, encoding in settings.file_encodings:
            if os.path.realpath(file) == real:
                return encoding
    return settings.encoding


def decode(data: bytes, name: str, settings: Settings, *, html: bool = False) -> tuple[str, str, bool, int]:
    """(text, encoding, exact, replaced): `exact` is True when text is the file's UTF-8 bytes decoded unchanged;
    `replaced` counts the invalid byte sequences of a mostly-UTF-8 file that were replaced by U+FFFD.

    Order: a forced encoding; a byte-order mark; strict UTF-8; UTF-8 with a few bad bytes; for HTML, the
    charset the page declares; then charset-normalizer's best guess.
    """
    label = shown(name)
    forced = forced_encoding(name, settings)
    if forced is not None:
        encoding = codecs.lookup(forced).name
        if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
            encoding = "utf-8-sig"  # a forced UTF-8 still drops the mark rather than keep U+FEFF as text
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise UndecodableSource(
                f"{label} is not valid {forced} (byte {data[error.start]:#04x} at offset "
                f"{error.start}); pass the right --encoding {'' if name == STDIN else f'{name}='}NAME, or leave "
                f"it out to detect one"
            ) from None
        return text, encoding, _same_as_utf8(data, text), 0
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding, False, 0
            except UnicodeDecodeError:
                raise UndecodableSource(
                    f"{label} starts with a {encoding} byte-order mark but is not valid {encoding}; "
                    f"pass --encoding NAME to read it"
                ) from None
    # Valid UTF-8 wins even over a page's declared charset: pages saved as UTF-8 often keep an old
    # "iso-8859-1" declaration, while text in another encoding is almost never valid UTF-8 by chance.
    try:
        return data.decode("utf-8"), "utf-8", True, 0
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        text, replaced = damaged
        return text, "utf-8", False, replaced
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return data.decode(declared), declared, False, 0
            except UnicodeDecodeError:
                pass  # pages often declare one encoding and use another: detect instead
    return (*_detect(data, label), 0)


def utf8_characters_misread(data: bytes, encoding: str) -> int:
    """How many valid UTF-8 multi-byte characters bytes read in the single-byte code page `encoding` hold.

    Text in a single-byte code page almost never forms them by chance (Windows-1252 would show "é" as "Ã©"): a
    file with some is UTF-8 pasted together with another encoding, and whichever it is read as, the other part
    comes out wrong. Multi-byte encodings (EUC-JP, UTF-16 ...) form such sequences as a matter of course."""
    from charset_normalizer.utils import is_multi_byte_encoding

    if encoding.startswith("utf") or is_multi_byte_encoding(encoding):
        return 0
    return len(_UTF8_CHARACTER.findall(data.decode("utf-8", errors="replace")))


_UTF8_CHARACTER = re.compile("[^\x00-\x7f\ufffd]")


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """(text, invalid sequences replaced) when the bytes are UTF-8 but for a few bad ones, else None.

    Text in a single-byte code page almost never forms valid UTF-8 multi-byte sequences, while a UTF-8 file
    cut or patched in a few places keeps most of its own: the bytes count as UTF-8 when the valid non-ASCII
    characters outnumber the invalid sequences. A mostly-ASCII file with one bad byte and no valid non-ASCII
    character could be either, and is left to detection.
    """
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    valid_non_ascii = sum(1 for c in text if c > "\x7f") - replaced
    return (text, replaced) if 0 < replaced < valid_non_ascii else None


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


def _detect(data: bytes, label: str) -> tuple[str, str, bool]:
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
            f"{label} is not UTF-8 and no other encoding fits; pass --encoding shift_jis (or euc-jp, cp1252, "
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
