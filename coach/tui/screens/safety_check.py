"""Before the first routine of the day: the "stop and seek advice" list, and any condition to clear."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button

from coach.content.content import Content
from coach.tui.screens.base import CoachModal
from coach.tui.widgets.prose import Prose


def conditions_words(content: Content, conditions: list[str]) -> str:
    """The profile's conditions as their labels in content/profile.toml, lower-cased for a sentence."""
    labels = {c.id: c.label for c in content.profile.conditions}
    return ", ".join(labels.get(c, c.replace("-", " ")).lower() for c in conditions)


class SafetyCheckScreen(CoachModal[str | None]):
    """Dismisses with "fine", "unwell", or None (not now)."""

    AUTO_FOCUS: ClassVar[str | None] = "#fine"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", id="safety_check.not_now"),
    ]

    def __init__(self, conditions: list[str]) -> None:
        super().__init__()
        self.conditions = conditions

    def compose(self) -> ComposeResult:
        safety = self.content.routines.safety
        body = safety.body
        if self.conditions:
            body += "\n" + safety.conditions.format(conditions=conditions_words(self.content, self.conditions))
        with VerticalScroll(id="safety-check"):
            yield Prose(body, title=safety.title)
            with Horizontal(classes="buttons"):
                yield Button(self.content.text("safety_check.fine"), id="fine", variant="success")
                yield Button(self.content.text("safety_check.unwell"), id="unwell", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_fine(self) -> None:
        self.dismiss("fine")

    def action_unwell(self) -> None:
        self.dismiss("unwell")

    def action_cancel(self) -> None:
        self.dismiss(None)
