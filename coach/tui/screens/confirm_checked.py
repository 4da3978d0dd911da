"""Asks once more before "I have been checked" lets routines start again after a warning sign."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.tui.screens.base import CoachModal


class ConfirmCheckedScreen(CoachModal[bool]):
    """Dismisses with True when the person confirms a midwife or doctor has checked them."""

    AUTO_FOCUS: ClassVar[str | None] = "#no"  # the safe answer is the one Enter gives

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", id="confirm_checked.yes"),
        Binding("escape,n", "answer(False)", id="confirm_checked.no"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-checked"):
            yield Static(self.content.text("redflag.confirm_title"), classes="title")
            yield Static(self.content.text("redflag.confirm_body"), id="confirm-body")
            with Horizontal(id="confirm-buttons"):
                yield Button(self.content.text("redflag.confirm_yes"), id="yes", variant="warning")
                yield Button(self.content.text("redflag.confirm_no"), id="no", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, confirmed: bool) -> None:
        self.dismiss(confirmed)
