"""Pain 0-10 before a routine; after it, the same plus better / same / worse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.tui.screens.base import CoachModal
from coach.tui.widgets.pain_scale import PainScale

FEELINGS = ("better", "same", "worse")


@dataclass(frozen=True)
class PainAnswer:
    pain: int | None
    feeling: str | None = None


class PainRatingScreen(CoachModal[PainAnswer | None]):
    """Before: dismisses with the pain, or None to cancel. After: pain then feeling; Escape skips."""

    AUTO_FOCUS: ClassVar[str | None] = "#pain-scale"

    BINDINGS: ClassVar[list[BindingType]] = [
        # Before a routine Escape does not start it; after one it skips the question. The footer says which.
        Binding("escape", "cancel", id="pain_rating.cancel"),
        Binding("escape", "skip", id="pain_rating.skip"),
        Binding("b", "feel('better')", id="pain_rating.better"),
        Binding("s", "feel('same')", id="pain_rating.same"),
        Binding("w", "feel('worse')", id="pain_rating.worse"),
    ]

    def __init__(self, after: bool) -> None:
        super().__init__()
        self.after = after
        self.pain: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="pain-rating"):
            yield Static(self.content.text("pain.after_title" if self.after else "pain.before_title"), classes="title")
            yield Static(self.content.text("pain.question"))
            yield PainScale(content=self.content, id="pain-scale")
            if self.after:
                yield Static(self.content.text("pain.feeling_question"), id="feeling-question")
                with Horizontal(id="feelings"):
                    for feeling in FEELINGS:
                        yield Button(self.content.text(f"pain.{feeling}"), id=feeling, disabled=True)
            yield Static(self.content.text("pain.after_hint" if self.after else "pain.before_hint"), classes="hint")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "feel":  # once the pain after is chosen
            return self.after and self.pain is not None
        if action == "cancel":
            return not self.after
        if action == "skip":
            return self.after
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id in FEELINGS:
            self.dismiss(PainAnswer(self.pain, event.button.id))

    def on_pain_scale_chosen(self, event: PainScale.Chosen) -> None:
        event.stop()
        self.action_rate(event.value)

    def action_rate(self, pain: int) -> None:
        self.pain = pain
        if not self.after:
            self.dismiss(PainAnswer(pain))
            return
        for feeling in FEELINGS:
            self.query_one(f"#{feeling}", Button).disabled = False
        self.query_one(f"#{FEELINGS[0]}", Button).focus()
        self.refresh_bindings()

    def action_feel(self, feeling: str) -> None:
        if self.after and self.pain is not None:
            self.dismiss(PainAnswer(self.pain, feeling))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_skip(self) -> None:
        self.dismiss(PainAnswer(None))
