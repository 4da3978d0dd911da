"""The assessment: how urgent, the pattern the answers fit (never a diagnosis), the relief plan."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

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
        title, action = triage.level(result.level).words(result.postnatal)
        yield Header()
        with VerticalScroll(id="assessment"):
            yield Static(title, id="level", classes=f"level-{result.level}")
            yield Static(action, id="level-action")
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
                yield Static("\n".join(f"• {routine_label(r)}" for r in result.routines), id="routines")
            yield Static(text("assessment.calcium_heading"), classes="heading")
            yield Static(advice.calcium.text, id="calcium")
            yield _sources(advice.calcium.sources)
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = text("assessment.title")
        self.query_one("#assessment").focus()
        if not self.saved:
            self.app.notify(text("assessment.not_saved"), severity="warning", timeout=10)
