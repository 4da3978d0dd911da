"""The red-flag screen: what was flagged, what to do, the number to call. Never a stretch."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Footer, Header, Static

from coach.content.content import Content
from coach.history.records import CheckIn
from coach.routines.block import blocking_checkin
from coach.tui.screens.base import CoachScreen


def emergency_lines(content: Content, own_number: str | None) -> list[str]:
    if own_number:
        return [content.text("redflag.number_own", number=own_number)]
    numbers = content.profile.emergency_numbers
    return [content.text("redflag.numbers_default")] + [
        content.text("redflag.number_line", number=n.number, where=n.where) for n in numbers
    ]


class RedFlagScreen(CoachScreen):
    """Shows `checkin`, or else the check-in that currently blocks routines."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="redflag.back"),
    ]

    def __init__(self, checkin: CheckIn | None = None) -> None:
        super().__init__()
        self.checkin = checkin

    def compose(self) -> ComposeResult:
        checkin = self.checkin or blocking_checkin(self.coach_app.store, self.coach_app.settings)
        triage = self.content.triage
        yield Header()
        with VerticalScroll(id="redflag"):
            if checkin is None:
                yield Static(self.content.text("redflag.none"))
            else:
                level = triage.level(checkin.level)
                yield Static(level.title, id="redflag-title", classes=f"level-{checkin.level}")
                yield Static(level.action, id="redflag-action")
                yield Static(self.content.text("redflag.told_us"), classes="heading")
                labels = [flag.label if (flag := triage.flag(f)) else f for f in checkin.flags]
                yield Static("\n".join(f"• {label}" for label in labels), id="redflag-flags")
                yield Static(
                    "\n".join(emergency_lines(self.content, self.coach_app.store.load_profile().emergency_number)),
                    id="numbers",
                )
                yield Static(self.content.text("redflag.no_routines"), id="redflag-routines")
        with Horizontal(id="redflag-buttons"):
            yield Button(self.content.text("redflag.home"), id="go-home", variant="primary")
            if checkin is not None:
                yield Button(self.content.text("redflag.checked"), id="checked", variant="warning")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("redflag.title")
        self.query_one("#redflag").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "checked" and self.coach_app.update_settings(cleared_after=self.coach_app.now()):
            self.coach_app.notify(self.content.text("redflag.cleared"), timeout=8)
        self.coach_app.pop_screen()
