"""The notice shown once, at the first start: what pain-coach is and is not."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Markdown

from coach.tui.screens.base import CoachModal


class FirstRunScreen(CoachModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "dismiss", id="first_run.understood"),
    ]

    def compose(self) -> ComposeResult:
        notice = self.content.about.first_run
        with Vertical(id="first-run"):
            yield Markdown(f"# {notice.title}\n{notice.body}")
            yield Button(self.content.text("first_run.accept"), id="accept", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#accept").focus()

    def on_button_pressed(self) -> None:
        self.dismiss()
