"""The widgets a check-in question is answered with: keyboard first, numbers pick options."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList, SelectionList
from textual.widgets.option_list import Option

from coach.tui.screens.base import LabelledKeys


def _number(event: events.Key) -> int | None:
    """The 0-based option index of a number key 1-9, else None."""
    if event.character and len(event.character) == 1 and event.character in "123456789":
        return int(event.character) - 1
    return None


def numbered(index: int, label: str) -> str:
    return f"[b]{index + 1}[/b]  {label}" if index < 9 else f"   {label}"


class PickOne(OptionList):
    """One answer: Enter, a click or a number key picks it (OptionList.OptionSelected)."""

    def __init__(self, options: list[tuple[str, str]], chosen: str | None = None, **kwargs) -> None:
        super().__init__(*(Option(numbered(i, label), id=oid) for i, (oid, label) in enumerate(options)), **kwargs)
        ids = [oid for oid, _ in options]
        self._chosen = ids.index(chosen) if chosen in ids else 0

    def on_mount(self) -> None:
        self.highlighted = self._chosen

    def on_key(self, event: events.Key) -> None:
        index = _number(event)
        if index is not None and index < self.option_count:
            event.stop()
            self.highlighted = index
            self.action_select()


class PickSome(LabelledKeys, SelectionList[str]):
    """Any number of answers: Space or a number ticks, Enter asks for the next question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", id="checkin_list.next"),
        Binding("space", "select", id="checkin_list.tick"),
    ]

    class Submitted(Message):
        pass

    def __init__(self, options: list[tuple[str, str]], chosen: list[str] | None = None, **kwargs) -> None:
        chosen = chosen or []
        super().__init__(
            *((numbered(i, label), oid, oid in chosen) for i, (oid, label) in enumerate(options)), **kwargs
        )

    def on_key(self, event: events.Key) -> None:
        index = _number(event)
        if index is not None and index < self.option_count:
            event.stop()
            self.highlighted = index
            self.toggle(self.get_option_at_index(index).value)

    def action_submit(self) -> None:
        self.post_message(self.Submitted())
