"""Line breaks for Chinese text on screen.

Rich (and so Textual's Static and Markdown) breaks lines only at spaces: an unspaced run of Chinese is one
"word", so a bullet's whole text jumps to the next line, leaving "• 侧卧睡:" alone, and a line can begin with
"，" or "。". Here each Chinese character is a word of its own, with the closing punctuation that follows it
(which never begins a line) and the opening punctuation before it (which never ends one). Text without
Chinese characters or fullwidth punctuation is divided exactly as before.
"""

from __future__ import annotations

import re

import rich._wrap

_CJK = "\u2e80-\u2fff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_OPENING = "\uff08\u300a\u3008\u300c\u300e\u3010\u3014\uff3b\uff5b"  # （《〈「『【〔［｛
_CLOSING = (
    "\u3001\u3002\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff09\u300b\u3009\u300d\u300f\u3011\u3015\uff3d\uff5d\u2026\uff05"
)
_WIDE = _CJK + _OPENING + _CLOSING

WORD = re.compile(
    rf"\s*(?:[{_OPENING}]*[{_CJK}][{_CLOSING}]*|[{_CLOSING}]+|[{_OPENING}]+|[^\s{_WIDE}]+[{_CLOSING}]*)\s*"
)


def install() -> None:
    """Divide every line the app draws this way (rich looks the pattern up each time it wraps)."""
    rich._wrap.re_word = WORD
