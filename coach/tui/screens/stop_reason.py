"""Why stop? Done for now, pain got worse, or felt unwell (which leads to the safety advice)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Static

from coach.routines.session import STOP_REASONS
from coach.tui.screens.base import CoachModal


class StopReasonScreen(CoachModal[str | None]):
    """Dismisses with one of STOP_REASONS, or None to keep going."""

    AUTO_FOCUS: ClassVar[str | None] = "Button"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep_going", id="stop_reason.keep_going"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="stop-reason"):
            yield Static(self.content.text("stop.title"), classes="title")
            for reason in STOP_REASONS:
                yield Button(self.content.text(f"stop.{reason.replace('-', '_')}"), id=reason)
            yield Static(self.content.text("stop.hint"), classes="hint")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_keep_going(self) -> None:
        self.dismiss(None)
