"""The assessment: how urgent, the pattern the answers fit (never a diagnosis), the relief plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coach.checkin.triage import Assessment
from coach.content.content import Content
from coach.history.records import CheckIn
from coach.tui.screens.base import CoachScreen


def routine_label(content: Content, routine_id: str) -> str:
    return content.routines.name_of(routine_id)


def _sources(content: Content, sources: list[str]) -> Static:
    return Static(content.text("assessment.sources", sources="; ".join(dict.fromkeys(sources))), classes="sources")


class AssessmentScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="assessment.back"),
    ]

    def __init__(self, checkin: CheckIn, result: Assessment, saved: bool = True) -> None:
        super().__init__()
        self.checkin = checkin
        self.result = result
        self.saved = saved

    def compose(self) -> ComposeResult:
        content = self.content
        triage, advice = content.triage, content.advice
        result = self.result
        level = triage.level(result.level)
        yield Header()
        with VerticalScroll(id="assessment"):
            yield Static(level.title, id="level", classes=f"level-{result.level}")
            yield Static(level.action, id="level-action")
            if result.soon:
                yield Static(self.content.text("assessment.soon_heading"), classes="heading")
                rules = [triage.soon_rule(r) for r in result.soon]
                yield Static("\n".join(f"• {r.text}" for r in rules), id="soon")
                yield _sources(self.content, [s for r in rules for s in r.sources])
            yield Static(self.content.text("assessment.pattern_heading"), classes="heading")
            if result.pattern:
                pattern = triage.pattern(result.pattern)
                yield Static(self.content.text("assessment.pattern_fit", name=pattern.name), id="pattern")
                yield Static(pattern.why, id="why")
                yield _sources(self.content, pattern.sources)
            else:
                yield Static(self.content.text("assessment.pattern_none"), id="pattern")
            yield Static(self.content.text("assessment.plan_heading"), classes="heading")
            items = [advice.item(a) for a in result.advice if advice.item(a)]
            yield Static("\n".join(f"• [b]{a.title}[/b]: {a.text}" for a in items), id="plan")
            yield _sources(self.content, [s for a in items for s in a.sources])
            if result.routines:
                yield Static(self.content.text("assessment.routines_heading"), classes="heading")
                yield Static("\n".join(f"• {routine_label(self.content, r)}" for r in result.routines), id="routines")
            yield Static(self.content.text("assessment.calcium_heading"), classes="heading")
            yield Static(advice.calcium.text, id="calcium")
            yield _sources(self.content, advice.calcium.sources)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("assessment.title")
        self.query_one("#assessment").focus()
        if not self.saved:
            self.coach_app.notify(self.content.text("assessment.not_saved"), severity="warning", timeout=10)
