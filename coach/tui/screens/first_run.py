"""The notice shown once, at the first start: what pain-coach is and is not. It is the first screen itself
(home is made when it is accepted), drawn from the parsed words without the content models or Markdown."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.widgets import Button, Static

from coach.tui.screens.base import CoachModal
from coach.tui.widgets.prose import paragraphs


class FirstRunScreen(CoachModal[None]):
    AUTO_FOCUS: ClassVar[str | None] = "#accept"
    # Here rather than in app.tcss: parsed only at a first start, when this is the first screen.
    # As Textual's Markdown drew it (coach.tui.widgets.prose). The header over the top row, out of the way of the
    # box, which is centred in the whole window as when the notice was a dialog over home; in full colour: it is
    # the notice's own now (tests/test_terminal.py).
    DEFAULT_CSS = """
    FirstRunScreen TitleBar { dock: none; position: absolute; }
    #first-run-window { height: 1fr; align: center middle; }
    #first-run {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $accent;
        background: $surface;
        padding: 0 1;
    }
    #first-run-text { height: auto; padding: 0 2; }
    #first-run-title {
        width: 1fr;
        margin: 2 0 1 0;
        content-align: center middle;
        color: $markdown-h1-color;
        text-style: $markdown-h1-text-style;
    }
    #first-run .paragraph { margin: 0 0 1 0; }
    #first-run Button { margin: 1 0 0 1; }
    """
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
        yield self.title_bar()  # after the box: drawn over the window's top row

    def on_button_pressed(self) -> None:
        self.action_accept()

    def action_accept(self) -> None:
        self.coach_app.first_run_accepted()
