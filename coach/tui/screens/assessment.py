"""The assessment: how urgent, the pattern the answers fit (never a diagnosis), the relief plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from coach.checkin.triage import Assessment
from coach.content.models import get_content, text
from coach.history.records import CheckIn
from coach.tui.screens.base import CoachScreen


def routine_label(routine_id: str) -> str:
    return get_content().routines.name_of(routine_id)


def _sources(sources: list[str]) -> Static:
    return Static(text("assessment.sources", sources="; ".join(dict.fromkeys(sources))), classes="sources")


class AssessmentScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="assessment.back"),
        Binding("enter", "start_suggested", id="assessment.start"),
    ]

    def __init__(self, checkin: CheckIn, result: Assessment, saved: bool = True) -> None:
        super().__init__()
        self.checkin = checkin
        self.result = result
        self.saved = saved

    def compose(self) -> ComposeResult:
        content = get_content()
        triage, advice = content.triage, content.advice
        result = self.result
        level = triage.level(result.level)
        yield Header()
        with VerticalScroll(id="assessment"):
            yield Static(level.title, id="level", classes=f"level-{result.level}")
            yield Static(level.action, id="level-action")
            if result.soon:
                yield Static(text("assessment.soon_heading"), classes="heading")
                rules = [triage.soon_rule(r) for r in result.soon]
                yield Static("\n".join(f"• {r.text}" for r in rules), id="soon")
                yield _sources([s for r in rules for s in r.sources])
            yield Static(text("assessment.pattern_heading"), classes="heading")
            if result.pattern:
                pattern = triage.pattern(result.pattern)
                yield Static(text("assessment.pattern_fit", name=pattern.name), id="pattern")
                yield Static(pattern.why, id="why")
                yield _sources(pattern.sources)
            else:
                yield Static(text("assessment.pattern_none"), id="pattern")
            yield Static(text("assessment.plan_heading"), classes="heading")
            items = [advice.item(a) for a in result.advice if advice.item(a)]
            yield Static("\n".join(f"• [b]{a.title}[/b]: {a.text}" for a in items), id="plan")
            yield _sources([s for a in items for s in a.sources])
            if result.routines:
                yield Static(text("assessment.routines_heading"), classes="heading")
                yield Static(text("assessment.routines_hint"), classes="hint")
                yield OptionList(
                    *(Option(text("assessment.routine_item", name=routine_label(r)), id=r) for r in result.routines),
                    id="routines-to-try",
                )
            yield Static(text("assessment.calcium_heading"), classes="heading")
            yield Static(advice.calcium.text, id="calcium")
            yield _sources(advice.calcium.sources)
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_suggested":
            return bool(self.result.routines)
        return True

    def action_start_suggested(self) -> None:
        """Enter: the routine highlighted in "Routines to try" (the first one until another is picked)."""
        menu = self.query_one("#routines-to-try", OptionList)
        index = menu.highlighted if menu.highlighted is not None else 0
        self.start_routine(menu.get_option_at_index(index).id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.start_routine(event.option.id)

    def start_routine(self, routine_id: str | None) -> None:
        from coach.tui.screens.routines import RoutinesScreen

        self.app.load_screen_styles()
        self.app.push_screen(RoutinesScreen(start_with=routine_id))

    def on_mount(self) -> None:
        self.sub_title = text("assessment.title")
        self.query_one("#assessment").focus()
        if not self.saved:
            self.app.notify(text("assessment.not_saved"), severity="warning", timeout=10)
