"""Scrollbars drawn again only when what they show changes.

Textual asks a widget's scrollbars to be drawn again on every restyle of the widget (each scrollbar colour is
set anew, changed or not, and each rule the bar's own restyle clears asks for a layout) and after every layout
of a scrolling widget with more lines than fit (it is handed the size it shows as its "virtual" size, which is
then never its real one). The request reaches the screen after the frame it came from, so a history tab switch
drew its frame and then, 20-40 ms later, a frame of its own for a scrollbar that looked the same.
"""

from __future__ import annotations

from typing import Self

from rich.console import RenderableType
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.widget import Widget

Look = tuple[bool, int, float, int, float, bool, bool, Style, bool]


class SteadyScrollBar(ScrollBar):
    _drawn: Look | None = None

    def _look(self) -> Look:
        """Everything ScrollBar.render draws from but its size (a new size is drawn again as it is laid out)."""
        assert self.parent is not None
        styles = self.parent.styles
        if self.grabbed:
            background, color = styles.scrollbar_background_active, styles.scrollbar_color_active
        elif self.mouse_over:
            background, color = styles.scrollbar_background_hover, styles.scrollbar_color_hover
        else:
            background, color = styles.scrollbar_background, styles.scrollbar_color
        if background.a < 1:
            background = self.parent.background_colors[0] + background
        style = Style.from_color((background + color).rich_color, background.rich_color)
        bare = self.screen.styles.scrollbar_color.a == 0
        return (self.display, self.window_virtual_size, self.window_size, self.thickness, self.position,
                bool(self.grabbed), self.mouse_over, style, bare)  # fmt: skip

    def render(self) -> RenderableType:
        self._drawn = self._look()
        return super().render()

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        # A layout too: a restyle clears each rule it does not set, and a cleared rule asks for a layout, but nothing
        # is laid out inside a bar; where it goes and whether it shows are its widget's (show_vertical_scrollbar).
        only_drawn = not (regions or recompose)
        if only_drawn and self._drawn is not None and self.is_attached and self._look() == self._drawn:
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class SteadyScrollbars(Widget):
    """Mixed in after a scrolling widget's own class: its scrollbars are SteadyScrollBars."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = self._start_bar(vertical=True, thickness=self.scrollbar_size_vertical)
        return self._vertical_scrollbar

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        if self._horizontal_scrollbar is None:
            self._horizontal_scrollbar = self._start_bar(vertical=False, thickness=self.scrollbar_size_horizontal)
        return self._horizontal_scrollbar

    def _start_bar(self, vertical: bool, thickness: int) -> ScrollBar:
        # As Widget.vertical_scrollbar makes its own (Textual has no hook for the class of a widget's scrollbars).
        bar = SteadyScrollBar(vertical=vertical, name="vertical" if vertical else "horizontal", thickness=thickness)
        bar.display = False
        self.app._start_widget(self, bar)
        return bar
