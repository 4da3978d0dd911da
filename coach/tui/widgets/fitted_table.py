"""A DataTable whose last column takes the width that is left, so a row never scrolls sideways.

The other columns size to their content; the last one (the longest text) is cut with an ellipsis to the
space left over, at any window width, and grows back when the window does.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

MIN_LAST = 12  # below this, scrolling sideways beats a stub of a column


class FittedTable(DataTable[object]):
    def add_rows(self, rows: Iterable[Iterable[object]]) -> list[RowKey]:
        keys = super().add_rows(
            [*cells[:-1], _cut(cells[-1])] for cells in (list(row) for row in rows)
        )  # fmt: skip
        self.fit_last_column()
        return keys

    def _on_resize(self, event: events.Resize) -> None:
        super()._on_resize(event)
        self.fit_last_column()

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
