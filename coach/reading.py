"""How long a short message stays up: long enough to read, short enough not to sit over the screen.

A tired reader takes in about three words a second; a notice also needs a moment to be noticed. Pure: no
textual, no content.
"""

from __future__ import annotations

NOTICE_SECONDS = 2.0  # to notice that something appeared
WORDS_PER_SECOND = 3.0
SHORTEST, LONGEST = 3.0, 20.0


def reading_seconds(message: str) -> float:
    """Seconds to show `message`: 2 s to notice it plus 1/3 s a word, from 3 s to 20 s."""
    words = len(message.split())
    return min(LONGEST, max(SHORTEST, NOTICE_SECONDS + words / WORDS_PER_SECOND))
