"""The assessment: how urgent, the pattern the answers fit (never a diagnosis), the relief plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from coach.checkin.assessment_text import assessment_words
from coach.checkin.triage import Assessment
from coach.content.content import Content
from coach.history.records import CheckIn
from coach.tui.screens.base import CoachScreen


def _sources(content: Content, sources: list[str]) -> Static:
    return Static(content.text("assessment.sources", sources="; ".join(sources)), classes="sources")


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
        words = assessment_words(self.result, self.content)
        yield Header()
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
                yield Static("\n".join(f"• {name}" for _, name in words.routines), id="routines")
            yield Static(self.content.text("assessment.calcium_heading"), classes="heading")
            yield Static(words.calcium, id="calcium")
            yield _sources(self.content, words.calcium_sources)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("assessment.title")
        self.query_one("#assessment").focus()
        if not self.saved:
            self.coach_app.notify(self.content.text("assessment.not_saved"), severity="warning", timeout=10)
