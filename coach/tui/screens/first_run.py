"""The notice shown once, at the first start: what pain-coach is and is not. It is the first screen itself
(home is made when it is accepted), drawn from the parsed words without the content models or Markdown."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.widgets import Button, Header, Static

from coach.tui.paragraphs import paragraphs
from coach.tui.screens.base import CoachModal


class FirstRunScreen(CoachModal[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "accept", id="first_run.understood"),
    ]

    def compose(self) -> ComposeResult:
        notice = self.content.raw("about")["first_run"]
        with Center(id="first-run-window"), Vertical(id="first-run"):
            with Vertical(id="first-run-text"):
                yield Static(notice["title"], id="first-run-title", markup=False)
                for paragraph in paragraphs(notice["body"]):
                    yield Static(paragraph, classes="paragraph")
            yield Button(self.content.text("first_run.accept"), id="accept", variant="primary")
        yield Header()  # over the window's top row, above the box (app.tcss)

    def on_mount(self) -> None:
        self.query_one("#accept").focus()

    def on_button_pressed(self) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        self.coach_app.first_run_accepted()
