"""Text from outside (an LRS's answer, a scenario's name, a player's name) made safe to print
in a terminal: control characters are shown as escapes instead of being obeyed, so a hostile
server or file cannot set the terminal's title, move the cursor or hide what follows.

    shown("Dana \x1b]0;pwned\x07")  ->  'Dana \\x1b]0;pwned\\x07'

Letters of every language (ñ, á, ł, ü…) and ordinary punctuation pass unchanged.
"""
from __future__ import annotations

import re

# C0 controls (but tab, newline and CR LF, which `shown` keeps when asked), DEL, C1 controls
# (0x9b is a one-byte CSI in some terminals), and the invisible marks that reorder or hide
# text (the joiners U+200C/U+200D stay: emoji and some scripts need them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e"
                      "\u2066-\u2069\ufeff]|\r(?!\n)")
_CONTROL_ALL = re.compile("[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\ufeff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def shown(text: str, *, lines: bool = False) -> str:
    """`text` with control characters written as `\\xNN` / `\\uNNNN`; with `lines`, tabs and
    newlines (and CR LF line ends) are kept (a multi-line report), else they are escaped too
    (one line)."""
    return (_CONTROL if lines else _CONTROL_ALL).sub(_escape, text)
