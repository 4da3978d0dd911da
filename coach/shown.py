"""User text made safe to show: the one place that decides how a note, a routine name or a file name reaches a
terminal, a report or an error line. Stored text stays as typed; only what is shown is changed.

- Control characters (C0 except tab and newline, DEL, C1) would reach the terminal as commands: an ESC
  sequence can set the window title, clear the screen or write the clipboard. Each is shown as its symbol
  from the Control Pictures block (ESC -> U+241B) or, for C1, as a visible `\\x9b`; so the person sees that
  something odd is there instead of the terminal obeying it.
- A lone surrogate (bytes that were not UTF-8, from argv or a file) cannot be written as UTF-8 at all: shown
  as U+FFFD.
- `clip` bounds what an error line repeats of someone's input (a 50 MB value is not echoed back), in terminal
  cells: a Chinese character takes two, and is never cut in half.

Pure: no textual, no content.
"""

from __future__ import annotations

import unicodedata

_CONTROL_PICTURES = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_CONTROL_PICTURES[0x7F] = "\u2421"  # DEL
_C1 = {c: f"\\x{c:02x}" for c in range(0x80, 0xA0)}
_SURROGATES = {c: "\ufffd" for c in range(0xD800, 0xE000)}
_TABLE: dict[int, str] = {**_CONTROL_PICTURES, **_C1}
_ONE_LINE: dict[int, str] = {**_TABLE, 0x0A: "\u2424", 0x09: " "}  # newline shown as U+2424 on one line

CLIP = 80  # terminal cells of someone's input an error line repeats


def visible(value: str, *, one_line: bool = False) -> str:
    """`value` with every control character shown as a visible symbol (tab and newline kept unless
    `one_line`); lone surrogates as U+FFFD."""
    if value.isascii() and value.isprintable():  # the usual case, cheaply
        return value
    table = _ONE_LINE if one_line else _TABLE
    out = value.translate(table)
    if any("\ud800" <= ch <= "\udfff" for ch in out):
        out = out.translate(_SURROGATES)
    return out


def cell_width(char: str) -> int:
    """The terminal cells a character takes, as rich.cells counts them (rich is kept out of the CLI): two for
    a wide East Asian one, none for a combining mark or a zero-width one, else one."""
    if char.isascii():
        return 1
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cells(text: str) -> int:
    """The terminal cells `text` takes on one line."""
    return len(text) if text.isascii() else sum(cell_width(char) for char in text)


def clip(value: object, limit: int = CLIP) -> str:
    """Someone's input for an error line: one line, visible, at most `limit` cells (then "…"), a wide
    character never split."""
    try:
        shown = value if isinstance(value, str) else repr(value)
    except ValueError:  # an int too long to print (over 4300 digits)
        shown = f"<{type(value).__name__}>"
    if len(shown) > limit * 4:
        shown = shown[: limit * 4]  # translate only what can be shown
    shown = visible(shown, one_line=True)
    if cells(shown) <= limit:
        return shown
    kept, used = [], 0
    for char in shown:
        width = cell_width(char)
        if used + width > limit - 1:  # one cell is left for the "…"
            break
        kept.append(char)
        used += width
    return "".join(kept) + "\u2026"


__all__ = ["CLIP", "cell_width", "cells", "clip", "visible"]
