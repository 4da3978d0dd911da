"""Notices from the start-up (a data folder others can read, a profile entry left out), shown on the home screen
until the person dismisses them: below the menu, so they hide none of the screen's text, and shown literally."""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from coach.shown import visible


class Notices(VerticalScroll, can_focus=False):
    DEFAULT_CSS = """
    Notices {
        display: none;
        height: auto;
        max-height: 6;
        margin-top: 1;
        padding: 0 1;
        border-left: thick $warning;
    }
    Notices.-shown { display: block; }
    Notices > Static { margin-bottom: 1; }
    Notices > Static:last-of-type { margin-bottom: 0; }
    """

    class Dismissed(Message):
        """The person clicked the notices away."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.told: list[str] = []

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

    def add(self, notices: list[str]) -> None:
        """Show each notice not shown already, as written (markup off, control characters made visible)."""
        new = [n for n in notices if n not in self.told]
        if not new:
            return
        self.told += new
        self.mount_all(Static(visible(n), markup=False) for n in new)
        self.add_class("-shown")

    def dismiss(self) -> None:
        self.remove_class("-shown")
        self.remove_children()

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.post_message(self.Dismissed())
