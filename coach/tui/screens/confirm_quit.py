"""ctrl+q in the middle of a routine: quit, or keep going? What was done so far is saved either way."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.tui.screens.base import CoachModal


class ConfirmQuitScreen(CoachModal[bool]):
    """Dismisses with True to quit. ctrl+q again quits too (PainCoachApp.action_quit; its footer says "^q Quit")."""

    AUTO_FOCUS: ClassVar[str | None] = "#keep-going"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "keep_going", id="confirm_quit.keep_going"),
    ]

    def __init__(self, routine: str = "") -> None:
        super().__init__()
        self.routine = routine

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-quit", classes="dialog"):
            yield Static(self.content.text("quit.title"), classes="heading", markup=False)
            yield Static(
                self.content.text("quit.saved", name=self.routine or self.content.text("quit.this_routine")),
                markup=False,
            )
            with Horizontal(classes="buttons"):
                yield Button(self.content.text("quit.keep_going"), id="keep-going", variant="primary")
                yield Button(self.content.text("quit.quit"), id="quit", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "quit")

    def action_keep_going(self) -> None:
        self.dismiss(False)
