"""Shown over everything while the window is smaller than pain-coach can lay out."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.widgets import Static

from coach.tui.screens.base import CoachModal

MIN_WIDTH, MIN_HEIGHT = 80, 24


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(CoachModal[None]):
    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._show(self.coach_app.size.width, self.coach_app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        if not too_small(event.size.width, event.size.height):
            if self.is_current:  # Resize can arrive twice; dismiss only once
                self.dismiss()
        else:
            self._show(event.size.width, event.size.height)

    def _show(self, width: int, height: int) -> None:
        self.query_one("#too-small", Static).update(
            self.content.text("app.too_small", width=MIN_WIDTH, height=MIN_HEIGHT, have_width=width, have_height=height)
        )
