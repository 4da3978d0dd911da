"""Pain 0-10 before a routine; after it, the same plus better / same / worse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.content.models import text
from coach.tui.screens.base import CoachModal

FEELINGS = ("better", "same", "worse")


@dataclass(frozen=True)
class PainAnswer:
    pain: int | None
    feeling: str | None = None


class PainRatingScreen(CoachModal[PainAnswer | None]):
    """Before: dismisses with the pain, or None to cancel. After: pain then feeling; Escape skips."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", id="pain_rating.cancel"),
        Binding("0", "rate(0)", id="pain_rating.rate_0", show=False),
        Binding("1", "rate(1)", id="pain_rating.rate_1", show=False),
        Binding("2", "rate(2)", id="pain_rating.rate_2", show=False),
        Binding("3", "rate(3)", id="pain_rating.rate_3", show=False),
        Binding("4", "rate(4)", id="pain_rating.rate_4", show=False),
        Binding("5", "rate(5)", id="pain_rating.rate_5", show=False),
        Binding("6", "rate(6)", id="pain_rating.rate_6", show=False),
        Binding("7", "rate(7)", id="pain_rating.rate_7", show=False),
        Binding("8", "rate(8)", id="pain_rating.rate_8", show=False),
        Binding("9", "rate(9)", id="pain_rating.rate_9", show=False),
        Binding("b", "feel('better')", id="pain_rating.better", show=False),
        Binding("s", "feel('same')", id="pain_rating.same", show=False),
        Binding("w", "feel('worse')", id="pain_rating.worse", show=False),
    ]

    def __init__(self, after: bool) -> None:
        super().__init__()
        self.after = after
        self.pain: int | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="pain-rating"):
            yield Static(text("pain.after_title" if self.after else "pain.before_title"), classes="title")
            yield Static(text("pain.question"))
            with Horizontal(id="pain-scale"):
                for n in range(11):
                    yield Button(str(n), id=f"pain-{n}", classes="pain")
            yield Static(text("pain.anchors"), classes="hint")
            if self.after:
                yield Static(text("pain.feeling_question"), id="feeling-question")
                with Horizontal(id="feelings"):
                    for feeling in FEELINGS:
                        yield Button(text(f"pain.{feeling}"), id=feeling, disabled=True)
            yield Static(text("pain.after_hint" if self.after else "pain.before_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#pain-0").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button_id = event.button.id or ""
        if button_id.startswith("pain-"):
            self.action_rate(int(button_id.removeprefix("pain-")))
        elif button_id in FEELINGS:
            self.dismiss(PainAnswer(self.pain, button_id))

    def action_rate(self, pain: int) -> None:
        self.pain = pain
        if not self.after:
            self.dismiss(PainAnswer(pain))
            return
        for button in self.query(".pain").results(Button):
            button.variant = "primary" if button.id == f"pain-{pain}" else "default"
        for feeling in FEELINGS:
            self.query_one(f"#{feeling}", Button).disabled = False
        self.query_one(f"#{FEELINGS[0]}", Button).focus()

    def action_feel(self, feeling: str) -> None:
        if self.after and self.pain is not None:
            self.dismiss(PainAnswer(self.pain, feeling))

    def action_cancel(self) -> None:
        self.dismiss(PainAnswer(None) if self.after else None)
