"""A large m:ss countdown."""

from __future__ import annotations

from textual.widgets import Digits


def clock_face(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


class Countdown(Digits):
    DEFAULT_CSS = """
    Countdown { width: auto; }
    """

    def show(self, seconds: int) -> None:
        face = clock_face(seconds)
        if face != self.value:
            self.update(face)
