"""A text chart of daily pain: days along the bottom, 0-10 up the side.

Each day takes two columns: a bar for the day's average and a dot for its worst, so the meaning is in the
shapes, never only in colour. A day with no entry shows a small dot on the axis.
"""

from __future__ import annotations

from datetime import date, timedelta

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from coach.content.dates import format_time
from coach.content.loader import BASE_LOCALE
from coach.history.insights import DayPain

BAR, HALF, WORST, NONE = "█", "▄", "●", "·"
LABEL_EVERY = 7  # days between date labels


def chart_lines(
    days: list[DayPain],
    first: date,
    last: date,
    *,
    date_format: str,
    rows: int = 10,
    step: int = 1,
    locale: str = BASE_LOCALE,
) -> list[str]:
    """The chart as plain lines (rows of pain from 10 down, then the axis, then the dates, in `date_format`).
    With `step` 7 each column pair is a week (from `bucket_pain`), dated by its first day."""
    count = (last - first).days // step + 1
    by_day = {d.day: d for d in days}
    unit = 10 / rows  # pain points per row
    lines = []
    for row in range(rows, 0, -1):
        top = row * unit  # the pain value this row stands for
        label = f"{top:>3.0f} ┤" if row in (rows, rows // 2) else "    │"
        cells = []
        for i in range(count):
            day = by_day.get(first + timedelta(days=i * step))
            if day is None:
                cells.append("  ")
                continue
            bar = BAR if day.average >= top - unit / 4 else HALF if day.average >= top - unit * 3 / 4 else " "
            worst = WORST if top - unit < day.worst <= top else " "
            cells.append(bar + worst)
        lines.append(label + "".join(cells))
    axis = []
    for i in range(count):
        day = by_day.get(first + timedelta(days=i * step))
        axis.append(("─" if day else NONE) + (WORST if day is not None and day.worst == 0 else "─"))
    lines.append("  0 └" + "".join(axis))
    lines.append("     " + _date_labels(first, count, step, date_format, locale))
    return lines


def _date_labels(first: date, count: int, step: int, date_format: str, locale: str) -> str:
    line = [" "] * (count * 2 + 8)  # one entry per terminal cell; a double-width character fills two ("" after it)
    every = LABEL_EVERY if step == 1 else 4  # a label a week, or every four weeks
    for i in range(count - 1, -1, -every):  # anchored on the last column, so today is always labelled
        label = format_time(first + timedelta(days=i * step), date_format, locale)
        cells = [part for char in label for part in ((char, "") if cell_len(char) == 2 else (char,))]
        start = min(i * 2, len(line) - len(cells))
        if start > 0 and line[start] == "":  # do not land on the second half of a wide character
            line[start - 1] = " "
        line[start : start + len(cells)] = cells
        after = start + len(cells)
        if after < len(line) and line[after] == "":
            line[after] = " "
    return "".join(line).rstrip()


class TrendChart(Static):
    """Shows `chart_lines` for the days given to `show`."""

    DEFAULT_CSS = "TrendChart { height: auto; width: auto; }"

    def __init__(self, date_format: str, *, locale: str = BASE_LOCALE, id: str | None = None) -> None:
        super().__init__(id=id)
        self.date_format = date_format  # strftime, as ui.toml [when] this_year
        self.locale = locale  # the language of the day and month names in it

    def show(self, days: list[DayPain], first: date, last: date, step: int = 1) -> None:
        lines = chart_lines(days, first, last, date_format=self.date_format, step=step, locale=self.locale)
        self.update(Text("\n".join(lines)))
