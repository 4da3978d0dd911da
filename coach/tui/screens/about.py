"""About & safety: what pain-coach is, what it is not, and when to get help."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.key_footer import KeyFooter


def sources_markdown(sources: list[str]) -> str:
    return "\n".join(f"- {s}" for s in sources)


class AboutScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", id="about.back"),
    ]

    def compose(self) -> ComposeResult:
        about = self.content.about
        yield self.title_bar()
        with VerticalScroll(id="about"):
            for doc in (about.about, about.safety):
                yield Markdown(f"# {doc.title}\n{doc.body}\n{sources_markdown(doc.sources)}")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.content.about.about.title  # the header said the home screen's words
