"""The assessment: how urgent, the pattern the answers fit (never a diagnosis), the relief plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.checkin.assessment_text import assessment_words
from coach.checkin.triage import Assessment
from coach.content.content import Content
from coach.history.records import CheckIn
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.key_footer import KeyFooter


def _sources(content: Content, sources: list[str]) -> Static:
    return Static(content.text("assessment.sources", sources="; ".join(sources)), classes="sources")


class AssessmentScreen(CoachScreen):
    AUTO_FOCUS: ClassVar[str | None] = "#assessment"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="assessment.back"),
        # priority: with "Routines to try" focused, the list's own Enter hid this one from the footer
        Binding("enter", "start_suggested", id="assessment.start", priority=True),
    ]

    def __init__(self, checkin: CheckIn, result: Assessment, saved: bool = True) -> None:
        super().__init__()
        self.checkin = checkin
        self.result = result
        self.saved = saved

    def compose(self) -> ComposeResult:
        words = assessment_words(self.result, self.content)
        yield self.title_bar()
        with VerticalScroll(id="assessment"):
            yield Static(words.level_title, id="level", classes=f"level-{self.result.level}")
            yield Static(words.level_action, id="level-action")
            if words.soon:
                yield Static(self.content.text("assessment.soon_heading"), classes="heading")
                yield Static("\n".join(f"• {r}" for r in words.soon), id="soon")
                yield _sources(self.content, words.soon_sources)
            yield Static(self.content.text("assessment.pattern_heading"), classes="heading")
            if words.pattern:
                yield Static(words.pattern, id="pattern")
                yield Static(words.pattern_why, id="why")
                yield _sources(self.content, words.pattern_sources)
            else:
                yield Static(words.no_pattern, id="pattern")
            yield Static(self.content.text("assessment.plan_heading"), classes="heading")
            yield Static("\n".join(f"• [b]{a.title}[/b]: {a.text}" for a in words.plan), id="plan")
            yield _sources(self.content, words.plan_sources)
            if words.routines:
                yield Static(self.content.text("assessment.routines_heading"), classes="heading")
                yield Static(self.content.text("assessment.routines_hint"), classes="hint")
                yield OptionList(
                    *(
                        Option(self.content.text("assessment.routine_item", name=name), id=r)
                        for r, name in words.routines
                    ),
                    id="routines-to-try",
                )
            yield Static(self.content.text("assessment.calcium_heading"), classes="heading")
            yield Static(words.calcium, id="calcium")
            yield _sources(self.content, words.calcium_sources)
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start_suggested":
            return bool(self.query("#routines-to-try"))
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

        self.coach_app.load_screen_styles()
        self.app.push_screen(RoutinesScreen(start_with=routine_id))

    def on_mount(self) -> None:
        self.sub_title = self.content.text("assessment.title")
        if not self.saved:
            self.coach_app.notify(self.content.text("assessment.not_saved"), severity="warning", timeout=10)
