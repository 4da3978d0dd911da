"""Line breaks for Chinese text on screen.

Rich (and so Textual's Static and Markdown) breaks lines only at spaces: an unspaced run of Chinese is one
"word", so a bullet's whole text jumps to the next line, leaving "• 侧卧睡:" alone, and a line can begin with
"，" or "。". Here each Chinese character is a word of its own, with the closing punctuation that follows it
(which never begins a line) and the opening punctuation before it (which never ends one). Text without
Chinese characters or fullwidth punctuation is divided exactly as before.
"""

from __future__ import annotations

import functools
import re

import rich._wrap

_CJK_RANGES = ((0x2E80, 0x2FFF), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_CJK = "".join(f"{chr(low)}-{chr(high)}" for low, high in _CJK_RANGES)
_OPENING = "\uff08\u300a\u3008\u300c\u300e\u3010\u3014\uff3b\uff5b"  # （《〈「『【〔［｛
_CLOSING = (
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\u300b\u3009\u300d\u300f\u3011\u3015\uff3d\uff5d\u2026\uff05"
)
_WIDE = _CJK + _OPENING + _CLOSING

# A line with one of these (or a Chinese character) is divided by wide_words. "…" is no mark of Chinese: English
# uses it too, and rich's division of an English line is kept.
_MARKS = frozenset(_OPENING + _CLOSING) - {"\u2026"}
_FIRST_WIDE = min(*_MARKS, _CJK[0])
_RICH_WORD = re.compile(r"\s*\S+\s*")  # rich's own


@functools.cache
def wide_words() -> re.Pattern[str]:
    """The words of a line with Chinese in it (compiled when first needed: its character classes take 3 ms)."""
    return re.compile(
        rf"\s*(?:[{_OPENING}]*[{_CJK}][{_CLOSING}]*|[{_CLOSING}]+|[{_OPENING}]+|[^\s{_WIDE}]+[{_CLOSING}]*)\s*"
    )


class Words:
    """rich._wrap.re_word: rich's own pattern for a line with nothing wide in it, where both divide alike, and
    `wide_words` for the rest. rich matches one word at a time along one line, so the choice is made once a line."""

    def __init__(self) -> None:
        self._line = ""  # kept, so that no other string can take its place (`is` below)
        self._pattern = _RICH_WORD

    def match(self, line: str, pos: int = 0) -> re.Match[str] | None:
        if line is not self._line:
            self._line = line
            self._pattern = wide_words() if _has_wide(line) else _RICH_WORD
        return self._pattern.match(line, pos)


def _has_wide(line: str) -> bool:
    return not line.isascii() and any(
        char in _MARKS or any(low <= ord(char) <= high for low, high in _CJK_RANGES)
        for char in line
        if char >= _FIRST_WIDE
    )


WORD = Words()


def install() -> None:
    """Divide every line the app draws this way (rich looks the pattern up each time it wraps)."""
    rich._wrap.re_word = WORD  # type: ignore[assignment]  # rich calls only its match()
