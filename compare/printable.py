"""Text safe to print on a terminal: what an article, an id or a file name could use to drive it, escaped.

Escaped as \\xNN / \\uNNNN: C0 controls (line breaks and tabs too, so a message stays one line and cannot forge
another `Error:` line), DEL, C1 controls, the bidirectional overrides and isolates that reorder what is shown,
and the lone surrogates Python uses for a file name's bytes that are not UTF-8 (shown as the byte). A CSV cell
keeps its tabs and line feeds (`keep_layout`): the csv module quotes them, and they are the cell's text.
"""

from __future__ import annotations

import re

_CONTROLS = "\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNPRINTABLE = re.compile(f"[\x00-\x1f{_CONTROLS}]")
_UNPRINTABLE_BUT_LAYOUT = re.compile(f"[\x00-\x08\x0b-\x1f{_CONTROLS}]")  # all but tab and line feed


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object, *, keep_layout: bool = False) -> str:
    """`text` as str with every character that could drive a terminal escaped (see the module docstring);
    with `keep_layout`, tabs and line feeds are kept as they are."""
    return (_UNPRINTABLE_BUT_LAYOUT if keep_layout else _UNPRINTABLE).sub(_escape, str(text))


def json_printable(document: str) -> str:
    """A JSON document with the characters printable escapes written as JSON escapes (\\uNNNN) instead, so what
    is printed cannot drive a terminal and still decodes to the exact text. json.dumps escapes C0 controls in
    strings itself but leaves DEL, C1 controls, bidi controls and lone surrogates raw; outside strings JSON holds
    only ASCII punctuation and white space, which are left as they are."""
    return _UNPRINTABLE_BUT_LAYOUT.sub(lambda match: f"\\u{ord(match.group()):04x}", document)


# Characters that show nothing and only format text: the soft hyphen, zero-width space, non-joiner and joiner, the
# word joiner and invisible operators, the bidirectional marks, embeddings, overrides and isolates, and a byte-order
# mark inside the text. They stay in a source's text (offsets index the file as given), but inside a word they split
# it for every reader: "tw\u200bo hours" is no number. Readers of words see the text without them.
INVISIBLE_DELETED = {code: None for code in (0xAD, 0x61C, 0x180E, *range(0x200B, 0x2010), *range(0x202A, 0x202F),
                                             *range(0x2060, 0x2065), *range(0x2066, 0x2070), 0xFEFF)}
_INVISIBLE = re.compile("[" + "".join(map(chr, INVISIBLE_DELETED)) + "]")


def as_read(text: str) -> str:
    """`text` without its invisible formatting characters: what a reader of words sees."""
    return text.translate(INVISIBLE_DELETED) if _INVISIBLE.search(text) else text

