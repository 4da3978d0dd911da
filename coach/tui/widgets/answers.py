"""The widgets a check-in question is answered with: keyboard first, a letter picks an option.

Each option is drawn as a gutter (its tick box, then its key) and its label, wrapped to the width left
over, so a long label wraps under its own first word and the box and key sit on its first line only.
Textual's SelectionList draws one box per screen line and takes the line number for the option number,
which put boxes beside wrapped lines and ticked the wrong option once one label wrapped.

Options are keyed by letters (content/ui.toml `checkin.option_keys`), never digits: digits are numbers
everywhere in the app (a 0-10 scale, "1 or 2 nights"), so "2  1 or 2 nights" cannot be misread.
Widths are in cells (rich.cells.cell_len), so a wide script lays out as English does.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widgets import OptionList, SelectionList
from textual.widgets._toggle_button import ToggleButton
from textual.widgets.option_list import Option

from coach.tui.bindings import LabelledKeys

KEY_GAP = 2  # blank cells between an option's key and its label
BOX = ToggleButton.BUTTON_LEFT + ToggleButton.BUTTON_INNER + ToggleButton.BUTTON_RIGHT + " "


def key_column(keys: str, count: int) -> int:
    """Cells taken by the key column for `count` options (0 when no option has a key)."""
    used = keys[:count]
    return max((cell_len(k) for k in used), default=0) + KEY_GAP if used else 0


def option_for_key(event: events.Key, keys: str, count: int) -> int | None:
    """The 0-based option index of a printable key in `keys`, else None."""
    char = event.character
    if not char or len(char) != 1 or not char.isprintable():
        return None
    index = keys[:count].find(char.lower())
    return index if index >= 0 else None


class _Gutter:
    """Draws the key (and, for a tick list, the box) on the first line of each option."""

    option_keys: str = ""

    def _key_width(self) -> int:
        return key_column(self.option_keys, self.option_count)  # type: ignore[attr-defined]

    def _box_width(self) -> int:
        return 0

    def _get_left_gutter_width(self) -> int:
        return self._box_width() + self._key_width()

    def _where(self, y: int) -> tuple[int, int] | None:
        """(option index, line within the option) of widget line y, or None below the last option."""
        try:
            return self._lines[self.scroll_offset.y + y]  # type: ignore[attr-defined,no-any-return]
        except IndexError:
            return None

    def _box(self, index: int, base: Style) -> list[Segment]:
        return []

    def _gutter(self, y: int, line: Strip) -> Strip:
        where = self._where(y)
        if where is None:
            return line
        index, offset = where
        base = next(iter(line)).style or Style()
        meta = Style(meta={"option": index})
        width = self._key_width()
        if offset:  # a wrapped line: blank gutter, so the label continues under its first word
            return Strip([Segment(" " * (self._box_width() + width), base + meta), *line])
        key = self.option_keys[index] if index < len(self.option_keys) else ""
        key_text = key + " " * (width - cell_len(key))
        return Strip([*self._box(index, base), Segment(key_text, base + Style(bold=True) + meta), *line])


class PickOne(_Gutter, OptionList):
    """One answer: Enter, a click or its letter picks it (OptionList.OptionSelected)."""

    def __init__(
        self, options: list[tuple[str, str]], chosen: str | None = None, *, keys: str = "", **kwargs: Any
    ) -> None:
        self.option_keys = keys
        super().__init__(*(Option(Content(label), id=oid) for oid, label in options), **kwargs)
        ids = [oid for oid, _ in options]
        self._chosen = ids.index(chosen) if chosen in ids else 0

    def on_mount(self) -> None:
        super().on_mount()
        self.highlighted = self._chosen

    def show_options(self, options: list[tuple[str, str]], chosen: str | None = None) -> None:
        """Another question's options in this same list (cheaper than a new list: no mount, no focus change)."""
        self.set_options(Option(Content(label), id=oid) for oid, label in options)
        ids = [oid for oid, _ in options]
        self.highlighted = ids.index(chosen) if chosen in ids else 0

    def render_line(self, y: int) -> Strip:
        return self._gutter(y, super().render_line(y))

    def on_key(self, event: events.Key) -> None:
        index = option_for_key(event, self.option_keys, self.option_count)
        if index is not None:
            event.stop()
            self.highlighted = index
            self.action_select()


class TickList(_Gutter, SelectionList[str]):
    """Any number of answers, each with its tick box on its first line; a letter (if given) ticks."""

    def __init__(
        self, options: list[tuple[str, str]], chosen: list[str] | None = None, *, keys: str = "", **kwargs: Any
    ) -> None:
        self.option_keys = keys
        ticked = chosen or []
        super().__init__(*((Content(label), oid, oid in ticked) for oid, label in options), **kwargs)

    def show_options(self, options: list[tuple[str, str]], chosen: list[str] | None = None) -> None:
        """Another question's options in this same list, the first highlighted (as a new list would be)."""
        ticked = chosen or []
        self.clear_options()
        self.add_options((Content(label), oid, oid in ticked) for oid, label in options)
        self.highlighted = 0 if options else None

    def _box_width(self) -> int:
        return cell_len(BOX)

    def _box(self, index: int, base: Style) -> list[Segment]:
        # Textual's own box, styled as SelectionList styles it, but for the option this line belongs to.
        selection = self.get_option_at_index(index)
        component = "selection-list--button"
        if selection.value in self._selected:
            component += "-selected"
        if self.highlighted == index:
            component += "-highlighted"
        button = self.get_component_rich_style(component)
        meta = Style(meta={"option": index})
        side = Style.from_color(button.bgcolor, base.bgcolor) + meta
        left, inner, right, gap = BOX[0], BOX[1], BOX[2], BOX[3:]
        return [Segment(left, side), Segment(inner, button + meta), Segment(right, side), Segment(gap, base + meta)]

    def render_line(self, y: int) -> Strip:
        return self._gutter(y, OptionList.render_line(self, y))  # not SelectionList's: see the module note

    def on_key(self, event: events.Key) -> None:
        index = option_for_key(event, self.option_keys, self.option_count)
        if index is not None:
            event.stop()
            self.highlighted = index
            self.toggle(self.get_option_at_index(index).value)


class PickSome(LabelledKeys, TickList):
    """Any number of answers: Space, a click or its letter ticks, Enter asks for the next question."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", id="checkin_list.next"),
        Binding("space", "select", id="checkin_list.tick"),
    ]

    class Submitted(Message):
        pass

    def on_mount(self) -> None:
        # The first answer is highlighted, so that Space (offered in the footer) ticks it at once.
        if self.highlighted is None and self.option_count:
            self.highlighted = 0

    def action_submit(self) -> None:
        self.post_message(self.Submitted())
