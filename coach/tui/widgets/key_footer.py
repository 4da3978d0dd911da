"""The footer every screen shows: the keys Textual's Footer would show, drawn as it draws them, in one widget.

Textual's Footer is a scrolling container with a widget per key: on a screen's first frame it cost about 6 ms
of a start of about 200 (styling, arranging and drawing five widgets, one of them docked), and it remade every
key each time the focus or a binding changed. This one picks the keys exactly as Textual's does (the screen's
active bindings, the first of each action, the command palette's key on the right), draws them on its one line,
and when the bindings change draws itself again only if the keys it shows changed: a line of a fixed size, so
nothing is laid out again. A click on a key presses it (a disabled key rings the bell), a key under the mouse
is highlighted and its tooltip shown, as on Textual's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.strip import Strip
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.screen import Screen

BAR = "\u258f"  # before the palette's key, as Textual draws its border


class ShownKey(NamedTuple):  # not a dataclass: making one takes half a millisecond of the start
    key: str
    key_display: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class DrawnKey(NamedTuple):
    """A key as drawn: its first column and width on the footer's line."""

    shown: ShownKey
    x: int
    width: int
    palette: bool


class KeyFooter(Widget):
    """The keys of the screen's bindings, on one line at the bottom."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "key-footer--key",
        "key-footer--description",
        "key-footer--hover",
        "key-footer--bar",
    }
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        .key-footer--key { color: $footer-key-foreground; background: $footer-key-background; text-style: bold; }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--hover { color: $footer-key-foreground; background: $block-hover-background; }
        .key-footer--bar { color: $foreground 20%; }
    }
    """

    def __init__(self, show_command_palette: bool = True) -> None:
        super().__init__()
        self.show_command_palette = show_command_palette
        self._keys: tuple[list[ShownKey], ShownKey | None] | None = None  # worked out at the first frame
        self._update_pending = False
        self._hover: ShownKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if not screen.app.app_focus:
            return  # as Textual's footer: what it shows stays while the terminal is not focused
        if self.is_attached and screen is self.screen and not self._update_pending:
            self._update_pending = True  # one update for every change made before it runs
            self.call_later(self.update_keys)

    def wanted_keys(self) -> tuple[list[ShownKey], ShownKey | None]:
        """The keys to show, as Textual's Footer.compose picks them, and the command palette's (or None)."""
        active = self.screen.active_bindings
        first: dict[str, ShownKey] = {}
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in first:
                display = self.app.get_key_display(binding)
                first[binding.action] = ShownKey(binding.key, display, binding.description, binding.action,
                                                 enabled, tooltip)  # fmt: skip
        palette = None
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            held = active.get(self.app.COMMAND_PALETTE_BINDING)
            if held is not None:
                _node, binding, enabled, _tooltip = held
                palette = ShownKey(binding.key, self.app.get_key_display(binding), binding.description,
                                   binding.action, enabled, binding.tooltip or binding.description)  # fmt: skip
        return list(first.values()), palette

    def update_keys(self) -> None:
        """Show the keys wanted now, drawn again only if they changed."""
        self._update_pending = False
        if not self.is_attached:
            return
        keys = self.wanted_keys()
        if keys != self._keys:
            self._keys = keys
            self.refresh()

    def drawn_keys(self) -> list[DrawnKey]:
        """The keys on the line, where they are drawn (the palette's last)."""
        if self._keys is None:
            self._keys = self.wanted_keys()
        keys, palette = self._keys
        drawn, x = [], 0
        for shown in keys:
            width = sum(cell_len(text) for text, _part in _parts(shown, palette=False))
            drawn.append(DrawnKey(shown, x, width, palette=False))
            x += width
        if palette is not None:
            width = sum(cell_len(text) for text, _part in _parts(palette, palette=True))
            drawn.append(DrawnKey(palette, self.size.width - width, width, palette=True))
        return drawn

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        blank = Style(bgcolor=base.bgcolor)  # as Textual draws the room between the keys
        if y != 0:
            return Strip.blank(width, blank)
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        description_style = self.get_component_rich_style("key-footer--description", partial=True)
        bar_colour = Style(color=self._blended("key-footer--bar").color)
        left: list[Segment] = []
        right: list[Segment] = []
        for drawn in self.drawn_keys():
            hovered = drawn.shown == self._hover
            under = base + self._blended("key-footer--hover") if hovered else base
            if not drawn.shown.enabled:
                under += Style(dim=True)
            styles = {"bar": under + bar_colour, "key": under + key_style, "description": under + description_style,
                      "padding": under if hovered else blank}  # fmt: skip
            parts = _parts(drawn.shown, drawn.palette)
            (right if drawn.palette else left).extend(Segment(text, styles[part]) for text, part in parts)
        palette = Strip(right)
        room = max(0, width - palette.cell_length)  # the palette's key is docked over the others
        keys = Strip(left).crop(0, room).extend_cell_length(room, blank)
        return Strip.join([keys, palette]).crop(0, width)

    def _blended(self, component: str) -> Style:
        """A component's colours as they look over the footer (its partial style leaves them unblended)."""
        style = self.get_component_rich_style(component)
        return Style(color=style.color, bgcolor=style.bgcolor)

    def _key_at(self, x: int) -> ShownKey | None:
        drawn = self.drawn_keys()
        for key in reversed(drawn):  # the palette's first: it is drawn over the others
            if key.x <= x < key.x + key.width:
                return key.shown
        return None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(self._key_at(event.x))

    def on_leave(self) -> None:
        self._set_hover(None)

    def _set_hover(self, shown: ShownKey | None) -> None:
        if shown != self._hover:
            self._hover = shown
            self.tooltip = (shown.tooltip or None) if shown is not None else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        shown = self._key_at(event.x)
        if shown is None:
            return
        if shown.enabled:
            self.app.simulate_key(shown.key)
        else:
            self.app.bell()


def _parts(shown: ShownKey, palette: bool) -> list[tuple[str, str]]:
    """A key's texts as drawn, each with the part of the key it is (its width is theirs). As Textual's footer: " key "
    and "description "; the palette's, docked right, compactly after a thin bar and before one space."""
    if palette:
        return [(BAR, "bar"), (shown.key_display, "key"), (f" {shown.description}", "description"), (" ", "padding")]
    if shown.description:
        return [(f" {shown.key_display} ", "key"), (f"{shown.description} ", "description")]
    return [(shown.key_display, "key")]
