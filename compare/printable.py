"""Text safe to print on a terminal: what an article, an id or a file name could use to drive it, escaped.

Escaped as \\xNN / \\uNNNN: C0 controls (line breaks and tabs too, so a message stays one line and cannot forge
another `Error:` line), DEL, C1 controls, the bidirectional overrides and isolates that reorder what is shown,
and the lone surrogates Python uses for a file name's bytes that are not UTF-8 (shown as the byte).
"""

from __future__ import annotations

import re

_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: object) -> str:
    """`text` as str with every character that could drive a terminal escaped (see the module docstring)."""
    return _UNPRINTABLE.sub(_escape, str(text))
