"""Stop exercising and seek advice: the list, and the number to call."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from coach.history.profile_form import PHONE
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.key_footer import KeyFooter


class StopAdviceScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="stop_advice.back"),
    ]

    def compose(self) -> ComposeResult:
        safety = self.content.routines.safety
        profile = self.coach_app.store.load_profile()
        number = profile.emergency_number or safety.emergency_default
        unit = self.content.text("redflag.maternity_own", number=profile.maternity_number)
        # Markdown: only a number as the profile screen accepts it (a hand-edited file could hold anything).
        shown = profile.maternity_number and PHONE.match(profile.maternity_number)
        maternity = f"**{unit}**\n\n" if shown else ""
        yield self.title_bar()
        with VerticalScroll(id="stop-advice"):
            yield Markdown(f"# {safety.unwell_title}\n{safety.unwell.format(number=number)}\n{maternity}{safety.body}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.content.routines.safety.unwell_title  # the header said the home screen's words
