"""What a running app shows, cell by cell, and how readable each text cell is (WCAG contrast ratio).

The cells come from the screen's compositor after Textual's line filters (so NO_COLOR's monochrome
filter is applied), the same update `App.export_screenshot` prints. Textual writes true colour and lets
the terminal's colour system be applied last (`Strip.render` -> `Color.downgrade`): `colours` does the
same downgrade for the 16-colour system, against the VGA palette rich matches to.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich._palettes import STANDARD_PALETTE
from rich.color import Color, ColorSystem
from rich.color_triplet import ColorTriplet
from rich.segment import Segment


@dataclass(frozen=True)
class Cell:
    x: int
    y: int
    char: str
    fg: ColorTriplet | None
    bg: ColorTriplet | None
    dim: bool
    bold: bool = False


def _segments(app) -> list[list[Segment]]:
    update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    return [[segment for strip in line for segment in strip] for line in update.strips]


def _triplet(color: Color | None, system: ColorSystem) -> ColorTriplet | None:
    if color is None or color.is_default:
        return None
    if system == ColorSystem.STANDARD:
        color = color.downgrade(ColorSystem.STANDARD)
        if color.number is not None and color.number < 16:
            return ColorTriplet(*STANDARD_PALETTE[color.number])
    return color.get_truecolor()


def cells(app, system: ColorSystem = ColorSystem.TRUECOLOR) -> list[Cell]:
    found = []
    for y, line in enumerate(_segments(app)):
        x = 0
        for segment in line:
            if segment.control:
                continue
            style = segment.style
            fg = _triplet(style.color if style else None, system)
            bg = _triplet(style.bgcolor if style else None, system)
            if style and style.reverse:
                fg, bg = bg, fg
            for char in segment.text:
                found.append(Cell(x, y, char, fg, bg, bool(style and style.dim), bool(style and style.bold)))
                x += 1
    return found


def lines(app) -> list[str]:
    return ["".join(segment.text for segment in line if not segment.control) for line in _segments(app)]


def text_of(app) -> str:
    return "\n".join(lines(app))


def luminance(rgb: ColorTriplet) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: ColorTriplet, b: ColorTriplet) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def on_top(app, cell: Cell) -> bool:
    """Is the cell drawn by a widget of the active screen (not a dimmed screen showing through a dialog)?"""
    from textual.errors import NoWidget

    try:
        widget, _ = app.screen.get_widget_at(cell.x, cell.y)
    except NoWidget:
        return False
    return widget is not app.screen


def footer_keys(screen) -> list:
    """The keys `screen`'s footer draws now (coach.tui.widgets.key_footer.ShownKey), left to right."""
    from coach.tui.widgets.key_footer import KeyFooter

    return [drawn.shown for drawn in screen.query_one(KeyFooter).drawn_keys()]
