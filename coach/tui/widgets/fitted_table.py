"""A DataTable whose last column takes the width that is left, so a row never scrolls sideways, and that keeps
its drawn cells when it is hidden and shown again.

The other columns size to their content; the last one (the longest text) is cut with an ellipsis to the
space left over, at any window width, and grows back when the window does.

Textual's DataTable draws every cell again after any resize and any change of style, focus included: coming
back to the records tab (hidden, so resized to nothing and blurred, then shown and focused) drew the whole
table twice. Its cached cells and lines are keyed by focus and hover already, and their widths here change only
with the last column's (fit_last_column draws them again then), so this one keeps them unless its colours
change (a new theme).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import PseudoClasses, Widget
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from coach.tui.widgets.hidden_blur import RestyledWhenShown
from coach.tui.widgets.steady_scrollbar import SteadyScrollbars

MIN_LAST = 12  # below this, scrolling sideways beats a stub of a column


class FittedTable(DataTable[object], RestyledWhenShown, SteadyScrollbars):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._drawn_in: dict[PseudoClasses, tuple[Style, ...]] = {}  # the colours its cells were drawn in, by state
        self._unchecked: set[PseudoClasses] = set()  # states whose colours may have changed since they were drawn

    def add_rows(self, rows: Iterable[Iterable[object]]) -> list[RowKey]:
        keys = super().add_rows(
            [*cells[:-1], _cut(cells[-1])] for cells in (list(row) for row in rows)
        )  # fmt: skip
        self.fit_last_column()
        return keys

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        # Fitted as it is laid out, before it is drawn: on its Resize, a frame later, the first frame showed the
        # last column at its full width and every cell was drawn again at the fitted one.
        self.fit_last_column()
        return resized

    def _on_resize(self, event: events.Resize) -> None:
        event.prevent_default()  # DataTable's own handler marks every cached cell stale; fitted already

    def render_lines(self, crop: Region) -> list[Strip]:
        # Checked here, once after each change of style (not when told of it: the component classes' styles are
        # updated after that), and only for the state being drawn.
        state = self.get_pseudo_class_state()
        if state in self._unchecked or state not in self._drawn_in:
            self._unchecked.discard(state)
            colours = self._colours()
            if self._drawn_in.setdefault(state, colours) != colours:  # new colours (a theme): all drawn again
                self._drawn_in, self._unchecked = {state: colours}, set()
                self._clear_caches()
        return super().render_lines(crop)

    def notify_style_update(self) -> None:
        if not self._drawn_in:  # nothing drawn yet
            super().notify_style_update()
            return
        self._unchecked = set(self._drawn_in)
        Widget.notify_style_update(self)  # the cells are kept: render_lines sees whether their colours changed
        self._get_styles_to_render_cell.cache_clear()  # its key leaves out focus
        self._styles_cache.clear()
        self.refresh()

    def _colours(self) -> tuple[Style, ...]:
        return (self.rich_style, *(self.get_component_rich_style(name) for name in sorted(self.COMPONENT_CLASSES)))

    def fit_last_column(self) -> None:
        if not self.columns or not self.size.width:
            return
        *others, last = self.columns.values()
        used = sum(column.get_render_width(self) for column in others) + 2 * self.cell_padding
        # Keep room for the vertical scrollbar even while it is hidden: rows arrive in batches.
        room = self.size.width - self.styles.scrollbar_size_vertical - used
        width = max(MIN_LAST, room, cell_len(str(last.label)))
        if last.auto_width or last.width != width:
            last.auto_width = False
            last.width = width
            self._require_update_dimensions = True
            self._update_count += 1  # the cells are cached by this count: draw them again at the new width
            self.refresh()


def _cut(cell: object) -> object:
    if isinstance(cell, Text):
        cell.no_wrap, cell.overflow = True, "ellipsis"
    return cell
