"""The report's pain chart: an inline SVG of each day's average and worst pain, 0-10, against the date and the
week of pregnancy (or the days since birth). Readable in black and white: the average is a solid line with round
markers, the worst a dashed line with square ones; grey only for the grid. Pure: no textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape

from coach.history.report_sums import DaySum

WIDTH, HEIGHT = 700, 228
LEFT, RIGHT, TOP, BOTTOM = 34, 10, 8, 50
PLOT_W, PLOT_H = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
MARKERS_UP_TO = 120  # days: with more, the markers would merge into a thick line
GAP_DAYS = 3  # days without an entry that break the line (it does not draw what was not noted)
TICKS = 8


def _x(day: date, first: date, span: int) -> float:
    return LEFT + (day - first).days / span * PLOT_W


def _y(value: float) -> float:
    return TOP + (1 - value / 10) * PLOT_H


def _runs(days: list[date], gap_days: int) -> list[list[date]]:
    runs: list[list[date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days <= gap_days:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def tick_days(first: date, last: date) -> list[date]:
    """At most about TICKS dates along the axis: every day, or whole weeks from a Monday."""
    span = (last - first).days
    if span <= TICKS:
        return [first + timedelta(days=i) for i in range(span + 1)]
    step = max(1, -(-span // TICKS))
    if step > 3:
        step = -(-step // 7) * 7
        start = first + timedelta(days=(7 - first.weekday()) % 7)
    else:
        start = first
    ticks = []
    day = start
    while day <= last:
        ticks.append(day)
        day += timedelta(days=step)
    return ticks


def pain_chart(
    days: dict[date, DaySum],
    first: date,
    last: date,
    *,
    title: str,
    average_label: str,
    worst_label: str,
    stage_of: Callable[[date], str],
    gap_days: int = GAP_DAYS,
) -> str:
    """The SVG element: one point per key of `days` (a day, or a week at its Monday). `stage_of(day)` is the
    second line under a date ("w24", "d+12"), or ""; `gap_days` without a point break the line."""
    span = max(1, (last - first).days)
    shown = sorted(d for d in days if first <= d <= last)
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}">',
        f"<title>{escape(title)}</title>",
    ]
    for value in range(0, 11, 2):
        y = _y(value)
        parts.append(f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>')
        parts.append(f'<text class="ylab" x="{LEFT - 4}" y="{y + 3:.1f}">{value}</text>')
    for day in tick_days(first, last):
        x = _x(day, first, span)
        parts.append(f'<line class="tick" x1="{x:.1f}" y1="{TOP + PLOT_H}" x2="{x:.1f}" y2="{TOP + PLOT_H + 4}"/>')
        parts.append(f'<text class="xlab" x="{x:.1f}" y="{TOP + PLOT_H + 15}">{day:%m-%d}</text>')
        stage = stage_of(day)
        if stage:
            parts.append(f'<text class="xlab stage" x="{x:.1f}" y="{TOP + PLOT_H + 27}">{escape(stage)}</text>')
    markers = len(shown) <= MARKERS_UP_TO

    def worst(d: date) -> float:
        return float(days[d].worst)

    def average(d: date) -> float:
        return days[d].average

    lines: tuple[tuple[str, Callable[[date], float]], ...] = (("worst", worst), ("average", average))
    for name, value_of in lines:
        for run in _runs(shown, gap_days):
            points = " ".join(f"{_x(d, first, span):.1f},{_y(value_of(d)):.1f}" for d in run)
            if len(run) > 1:
                parts.append(f'<polyline class="{name}" points="{points}"/>')
            if markers or len(run) == 1:
                for d in run:
                    x, y = _x(d, first, span), _y(value_of(d))
                    if name == "average":
                        parts.append(f'<circle class="average-mark" cx="{x:.1f}" cy="{y:.1f}" r="2.2"/>')
                    else:
                        parts.append(
                            f'<rect class="worst-mark" x="{x - 2.2:.1f}" y="{y - 2.2:.1f}" width="4.4" height="4.4"/>'
                        )
    legend_y = HEIGHT - 4
    parts += [
        f'<line class="average" x1="{LEFT}" y1="{legend_y - 3}" x2="{LEFT + 22}" y2="{legend_y - 3}"/>',
        f'<circle class="average-mark" cx="{LEFT + 11}" cy="{legend_y - 3}" r="2.2"/>',
        f'<text class="legend" x="{LEFT + 27}" y="{legend_y}">{escape(average_label)}</text>',
        f'<line class="worst" x1="{LEFT + 260}" y1="{legend_y - 3}" x2="{LEFT + 282}" y2="{legend_y - 3}"/>',
        f'<rect class="worst-mark" x="{LEFT + 268.8}" y="{legend_y - 5.2}" width="4.4" height="4.4"/>',
        f'<text class="legend" x="{LEFT + 287}" y="{legend_y}">{escape(worst_label)}</text>',
        "</svg>",
    ]
    return "\n".join(parts)
