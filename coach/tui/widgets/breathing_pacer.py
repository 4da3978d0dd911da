"""A bar that fills on the in-breath and empties on the out-breath, with the words to follow.

With reduced motion it shows only the words and a seconds count.
"""

from __future__ import annotations

from textual.widgets import Static

BAR_WIDTH = 40


def pacer_line(phase: str, seconds_left: int, fullness: float, reduced_motion: bool, cues: tuple[str, str]) -> str:
    """`cues`: the words for breathing in and out."""
    words = cues[0] if phase == "in" else cues[1]
    if reduced_motion:
        return f"{words}  {seconds_left}"
    filled = round(fullness * BAR_WIDTH)
    bar = "█" * filled + "░" * (BAR_WIDTH - filled)
    return f"{bar}\n{words}  {seconds_left}"


class BreathingPacer(Static):
    DEFAULT_CSS = """
    BreathingPacer { height: 2; text-align: center; width: 1fr; }
    """

    def __init__(self, cues: tuple[str, str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cues = cues  # "Breathe in", "Breathe out"

    def show(self, phase: str, seconds_left: int, fullness: float, reduced_motion: bool) -> None:
        self.update(pacer_line(phase, seconds_left, fullness, reduced_motion, self.cues))
