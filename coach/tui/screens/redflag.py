"""The red-flag screen: what was flagged, what to do, the number to call. Never a stretch."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from coach.checkin.assessment_text import care_numbers
from coach.checkin.pregnancy import stage
from coach.history.records import CheckIn
from coach.routines.block import blocking_checkin, clearance_for
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.key_footer import KeyFooter


class RedFlagScreen(CoachScreen):
    """Shows `checkin`, or else the check-in that currently blocks routines."""

    AUTO_FOCUS: ClassVar[str | None] = "#redflag"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="redflag.back"),
        Binding("c", "checked", id="redflag.checked"),
    ]

    def __init__(self, checkin: CheckIn | None = None) -> None:
        super().__init__()
        self.checkin = checkin
        self.shown: CheckIn | None = None  # the check-in on screen (set in compose)

    def compose(self) -> ComposeResult:
        checkin = self.shown = self.checkin or blocking_checkin(self.coach_app.store, self.coach_app.settings)
        triage = self.content.triage
        yield self.title_bar()
        with VerticalScroll(id="redflag"):
            if checkin is None:
                yield Static(self.content.text("redflag.none"))
            else:
                profile = self.coach_app.store.load_profile()
                postnatal = stage(profile, checkin.at.date()).postnatal
                title, action = triage.level(checkin.level).words(postnatal)
                yield Static(title, id="redflag-title", classes=f"level-{checkin.level}")
                yield Static(action, id="redflag-action")
                yield Static(self.content.text("redflag.told_us"), classes="heading")
                labels = [flag.label if (flag := triage.flag(f)) else f for f in checkin.flags]
                yield Static("\n".join(f"• {label}" for label in labels), id="redflag-flags")
                numbers = care_numbers(self.content, checkin.level, profile.emergency_number, profile.maternity_number)
                yield Static("\n".join(numbers), id="numbers", markup=False)  # numbers from the profile file
                yield Static(self.content.text("redflag.no_routines"), id="redflag-routines")
        with Horizontal(id="redflag-buttons"):
            yield Button(self.content.text("redflag.home"), id="go-home", variant="primary")
            if checkin is not None:
                yield Button(self.content.text("redflag.checked"), id="checked", variant="warning")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("redflag.title")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ "I have been checked" only while there is a check-in to clear (hidden from footer and help otherwise)."""
        if action == "checked":
            return self.shown is not None
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "checked":
            self.action_checked()
        else:
            self.coach_app.pop_screen()

    def action_checked(self) -> None:
        """Ask first; on yes, keep a Clearance record in the history and go home."""
        from coach.tui.screens.confirm_checked import ConfirmCheckedScreen

        checkin = self.shown
        if checkin is None:
            return

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            if self.coach_app.save_record(clearance_for(checkin, self.coach_app.now())):
                self.coach_app.notify(self.content.text("redflag.cleared"), timeout=8)
                self.coach_app.pop_screen()

        self.coach_app.push_screen(ConfirmCheckedScreen(), answered)
