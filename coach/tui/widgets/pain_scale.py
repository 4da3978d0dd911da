"""A 0-10 pain scale on one row: type the number, or move with the arrows, then Enter; or click a number.

Digits build the number as a person types it ("1" then "0" is 10) and the row shows it; a digit that
cannot extend the number starts a new one ("4" then "5" is 5). Nothing is chosen until Enter or a
click, so there is no time window to race and no clock to inject. The line under the row says what is
chosen and what Enter will do, in content/ui.toml's words.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content as Markup
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from coach.content.content import Content
from coach.tui.bindings import LabelledKeys

TOP = 10
CELL = 5  # cells per number: "[10 ]" when chosen, "  4  " when not


def typed_value(typed: str, digit: str) -> str:
    """The digits after typing `digit`: appended while the number stays 0-10, else a new number."""
    longer = typed + digit
    if typed and typed != "0" and int(longer) <= TOP:
        return longer
    return digit


def cell_text(n: int, chosen: bool) -> str:
    number = str(n).rjust(2)
    return f"[{number} ]" if chosen else f" {number}  "


class PainScale(LabelledKeys, Widget, can_focus=True):
    """0-10: posts PainScale.Chosen on Enter or a click. `value` is what the row shows as chosen."""

    # Digits are read by the widget itself ("1" then "0" is 10, shown as typed), so they are not listed here.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "choose", id="pain_scale.choose", show=False),  # the line under the scale says it
        Binding("left", "less", id="pain_scale.less", show=False),
        Binding("right", "more", id="pain_scale.more", show=False),
        Binding("home", "least", id="pain_scale.least", show=False),
        Binding("end", "most", id="pain_scale.most", show=False),
        Binding("backspace", "rub_out", id="pain_scale.rub_out", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"pain-scale--number", "pain-scale--chosen", "pain-scale--status"}
    DEFAULT_CSS = """
    PainScale { height: auto; width: 100%; }
    PainScale > .pain-scale--chosen { background: $accent; color: $text; text-style: bold; }
    PainScale:focus > .pain-scale--chosen { background: $accent; text-style: bold reverse; }
    PainScale > .pain-scale--status { color: $text-muted; }
    """

    value: reactive[int | None] = reactive(None)

    class Chosen(Message):
        def __init__(self, scale: PainScale, value: int) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> PainScale:
            return self.scale

    def __init__(self, value: int | None = None, *, content: Content, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.content = content  # the words of the status line
        self.set_reactive(PainScale.value, value)
        self._typed = ""

    # --- drawing ------------------------------------------------------------------------------------

    def status(self) -> str:
        if self.value is None:
            return self.content.text("pain.scale_empty")
        if self._typed and typed_value(self._typed, "0") != "0":  # "1": a 0 would still make 10
            return self.content.text("pain.scale_typing", value=self.value, more=typed_value(self._typed, "0"))
        return self.content.text("pain.scale_chosen", value=self.value)

    def render(self) -> Markup:
        number = self.get_visual_style("pain-scale--number")
        chosen = self.get_visual_style("pain-scale--chosen")
        parts: list[tuple[str, Any] | str] = []
        for n in range(TOP + 1):
            parts.append((cell_text(n, n == self.value), chosen if n == self.value else number))
        parts.append("\n")
        parts.append((self.status(), self.get_visual_style("pain-scale--status")))
        return Markup.assemble(*parts)

    def get_content_width(self, container: Any, viewport: Any) -> int:
        return max(CELL * (TOP + 1), cell_len(self.status()))

    def show_value(self, value: int | None) -> None:
        """Start again with `value` shown as chosen (another question's answer), nothing typed."""
        self._typed = ""
        self.value = value
        self.refresh(layout=True)

    # --- choosing -----------------------------------------------------------------------------------

    def _set(self, value: int, typed: str = "") -> None:
        self._typed = typed
        self.value = value
        self.refresh(layout=True)

    def on_key(self, event: events.Key) -> None:
        char = event.character
        if char and len(char) == 1 and char.isascii() and char.isdigit():
            event.stop()
            typed = typed_value(self._typed, char)
            self._set(int(typed), typed)

    def action_less(self) -> None:
        self._set(0 if self.value is None else max(0, self.value - 1))

    def action_more(self) -> None:
        self._set(0 if self.value is None else min(TOP, self.value + 1))

    def action_least(self) -> None:
        self._set(0)

    def action_most(self) -> None:
        self._set(TOP)

    def action_rub_out(self) -> None:
        typed = self._typed[:-1]
        if typed:
            self._set(int(typed), typed)
        else:
            self._typed = ""
            self.value = None
            self.refresh(layout=True)

    def action_choose(self) -> None:
        if self.value is None:
            self.app.bell()
            return
        self._typed = ""
        self.post_message(self.Chosen(self, self.value))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y != 0 or not 0 <= offset.x < CELL * (TOP + 1):
            return
        event.stop()
        self._set(offset.x // CELL)
        self.action_choose()
