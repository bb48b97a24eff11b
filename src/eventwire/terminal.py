"""Terminal safety: scraped text never reaches a terminal raw.

Titles, quotes and sentences come from the open web and may hold escape sequences (clear the
screen, recolour, OSC 8 links, set the window title), other control characters and
bidirectional overrides that reorder what is shown.  Every command prints through ``console()``,
a rich Console that makes such characters visible and inert before rendering: C0 controls
become their Unicode "control picture" (ESC -> ␛), DEL and C1 controls and bidi controls
become U+FFFD.  The replacement keeps the text's length, so the styles rich attaches to spans
stay where they were.  Newlines and tabs pass.  ``safe()`` is the escaped form (``\\x1b``)
for one-line messages.
"""
from __future__ import annotations

import re

from rich.console import Console
from rich.table import Table
from rich.text import Text

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe(value) -> str:
    """Text from an input with each control character written as an escape (``\\x1b``)."""
    if value is None:
        return ""
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                       else f"\\u{ord(m.group()):04x}", str(value))


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    return chr(0x2400 + code) if code < 0x20 else "\ufffd"


def inert(text: str) -> str:
    """``text`` with every control character replaced by one visible character (same length)."""
    return CONTROL.sub(_picture, text) if CONTROL.search(text) else text


def _clean(obj):
    if isinstance(obj, Text):
        if CONTROL.search(obj.plain):
            obj = obj.copy()
            obj.plain = inert(obj.plain)
        return obj
    if isinstance(obj, str):
        return inert(obj)
    if isinstance(obj, Table):
        for column in obj.columns:
            column._cells[:] = [_clean(cell) for cell in column._cells]
        return obj
    return obj


class SafeConsole(Console):
    """A rich Console whose ``print`` makes control characters inert first (see the module)."""

    def print(self, *objects, **kwargs) -> None:  # type: ignore[override]
        super().print(*(_clean(o) for o in objects), **kwargs)


def console(stderr: bool = False) -> SafeConsole:
    """The console every command prints through."""
    return SafeConsole(stderr=stderr, highlight=False, soft_wrap=True)
