"""The quick flare log: `f` on the home screen, type the pain, Enter. Same record as `pain-coach log`."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from coach.history.records import FlareLog
from coach.tui.screens.base import CoachModal


class FlareLogModal(CoachModal[FlareLog | None]):
    AUTO_FOCUS: ClassVar[str | None] = "#flare-pain"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", id="flare_log.cancel"),
        Binding("ctrl+s", "save", id="flare_log.save"),
    ]

    def compose(self) -> ComposeResult:
        content = self.content
        # Compact widgets (no borders), pain and note on one row each: the whole form fits 80x24.
        with VerticalScroll(id="flare-log"):
            yield Static(self.content.text("flare.title"), classes="title")
            with Horizontal(classes="row"):
                yield Label(self.content.text("flare.pain_label"))
                yield Input(
                    restrict=r"[0-9]*", max_length=2, placeholder=self.content.text("flare.pain_placeholder"),
                    id="flare-pain",
                    compact=True,
                )  # fmt: skip
            yield Static(id="flare-problem")
            # Side by side: both lists whole at 80x24 (one under the other, each scrolled and hid some).
            with Horizontal(id="flare-lists"):
                with Vertical(classes="column"):
                    yield Label(self.content.text("flare.where_label"))
                    yield SelectionList[str](
                        *((a.label, a.id) for a in content.body.areas), id="flare-where", compact=True
                    )
                with Vertical(classes="column"):
                    yield Label(self.content.text("flare.activity_label"), id="flare-activity-label")
                    yield OptionList(
                        *(Option(a.label, id=a.id) for a in content.questionnaire.flare_activities),
                        id="flare-activity", compact=True,
                    )  # fmt: skip
            with Horizontal(classes="row"):
                yield Label(self.content.text("flare.note_label"))
                yield Input(id="flare-note", compact=True)
            with Horizontal(id="flare-buttons"):
                yield Button(self.content.text("flare.save"), id="save", variant="primary", compact=True)
                yield Button(self.content.text("flare.cancel"), id="cancel", compact=True)

    def on_mount(self) -> None:
        activities = self.query_one("#flare-activity", OptionList)
        activities.highlighted = None
        self.query_one("#flare-problem").display = False  # a row only when there is something to say

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # The pick stays in words when the focus moves on (the highlight alone is easy to miss).
        picked = self.content.text("flare.activity_picked", activity=event.option.prompt)
        self.query_one("#flare-activity-label", Label).update(picked)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.dismiss(None)

    def action_save(self) -> None:
        raw = self.query_one("#flare-pain", Input).value.strip()
        if not raw.isdigit() or int(raw) > 10:
            problem = self.query_one("#flare-problem", Static)
            problem.update(self.content.text("flare.bad_pain"))
            problem.display = True
            self.query_one("#flare-pain").focus()
            return
        activities = self.query_one("#flare-activity", OptionList)
        activity = (
            activities.get_option_at_index(activities.highlighted).id if activities.highlighted is not None else None
        )
        record = FlareLog(
            at=self.coach_app.now(),
            pain=int(raw),
            where=list(self.query_one("#flare-where", SelectionList).selected),
            activity=activity,
            note=self.query_one("#flare-note", Input).value.strip(),
        )
        if self.coach_app.save_record(record):
            self.coach_app.notify(
                self.content.text("flare.saved", pain=record.pain, time=f"{record.at:%H:%M}"), timeout=4
            )
            self.dismiss(record)
