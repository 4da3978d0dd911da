"""The base classes of every screen and dialog: their key words (coach.tui.bindings), the typed app
(`coach_app`) and the app's `Content` (`content`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual import events, on
from textual.screen import ModalScreen, Screen, ScreenResultType

from coach.content.content import Content
from coach.tui.bindings import LabelledKeys

if TYPE_CHECKING:
    from coach.tui.app import PainCoachApp


class CoachScreen(LabelledKeys, Screen[Any]):
    @property
    def coach_app(self) -> PainCoachApp:
        return cast("PainCoachApp", self.app)

    @property
    def content(self) -> Content:
        return self.coach_app.content

    @on(events.Mount)
    def _tell_taken_keys(self) -> None:  # beside a screen's own on_mount
        self.coach_app.tell_taken_keys(self.BINDINGS)


class CoachModal(LabelledKeys, ModalScreen[ScreenResultType]):
    @property
    def coach_app(self) -> PainCoachApp:
        return cast("PainCoachApp", self.app)

    @property
    def content(self) -> Content:
        return self.coach_app.content

    @on(events.Mount)
    def _tell_taken_keys(self) -> None:  # beside a screen's own on_mount
        self.coach_app.tell_taken_keys(self.BINDINGS)
