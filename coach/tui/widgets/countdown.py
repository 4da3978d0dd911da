"""A large m:ss countdown."""

from __future__ import annotations

from textual.widgets import Digits

from coach.routines.player import clock_face


class Countdown(Digits):
    DEFAULT_CSS = """
    Countdown { width: auto; }
    """

    def show(self, seconds: int) -> None:
        face = clock_face(seconds)
        if face != self.value:
            self.update(face)
