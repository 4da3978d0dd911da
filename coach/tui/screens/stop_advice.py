"""Stop exercising and seek advice: the list, and the number to call."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown

from coach.tui.screens.base import CoachScreen


class StopAdviceScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="stop_advice.back"),
    ]

    def compose(self) -> ComposeResult:
        safety = self.content.routines.safety
        number = self.coach_app.store.load_profile().emergency_number or safety.emergency_default
        yield Header()
        with VerticalScroll(id="stop-advice"):
            yield Markdown(f"# {safety.unwell_title}\n{safety.unwell.format(number=number)}\n{safety.body}")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.routines.safety.unwell_title  # the header said the home screen's words
