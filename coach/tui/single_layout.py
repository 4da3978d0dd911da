"""Fewer layouts for a new screen: a widget that does not scroll asks for none when it is told its size.

Textual tells each widget its size as it lays the screen out, and a widget whose size is new (every widget of
a screen just opened, every line of a tab shown for the first time) then asks for the screen to be laid out
again and drawn again, whole. The second layout changes nothing: the first placed every widget by the size it
was given. It cost each new screen, and the history's trends the first time they are shown, a full layout
and a frame of its own, 20-40 ms after the first: the idle time of every key that opens one.

Only widgets that can scroll keep it (their scrollbars depend on how much they hold); the others are told their
size without it. Written against Textual 8.2.8's `Widget._size_updated` (pinned in pyproject.toml);
tests/test_single_layout.py checks that opening a dialog and resizing the window lay out less, and that what
scrolls still gets its scrollbar and text still wraps to its width.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

_told_size = Widget._size_updated


def _size_updated(self: Widget, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
    styles = self.styles
    scrolls = self.is_scrollable and (styles.overflow_x != "hidden" or styles.overflow_y != "hidden")
    return _told_size(self, size, virtual_size, container_size, layout and scrolls)


def install() -> None:
    Widget._size_updated = _size_updated  # type: ignore[method-assign]
