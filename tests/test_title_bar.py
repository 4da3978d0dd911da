"""The bar at the top of every screen (coach.tui.widgets.title_bar, one widget in place of Textual's Header):
the app's title and the screen's, centred as the Header centred them, and the icon that opens the palette."""

from __future__ import annotations

from textual.command import CommandPalette

from coach.tui.widgets.title_bar import CLOCK_CELLS, ICON, ICON_CELLS
from tests.screen_cells import lines
from tests.test_footer_contract import State, fresh_app, go

HOME = State("home", "HomeScreen", ())
CHECKIN = State("the check-in", "CheckInScreen", ("c",))


def centred(width: int, title: str) -> str:
    """The top row as Textual's Header drew it: the icon, then the title centred between its cell and the clock's."""
    room = width - ICON_CELLS - CLOCK_CELLS
    left = (room - len(title)) // 2
    return (f" {ICON}".ljust(ICON_CELLS) + " " * left + title).ljust(width)


async def test_the_top_row_names_the_app_and_then_the_screen(tmp_path):
    app = fresh_app(tmp_path, HOME)
    words = app.content.text
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, HOME)
        home = words("app.header", title=words("app.title"), sub_title=words("app.subtitle"))
        assert lines(app)[0] == centred(80, home)
        await pilot.press("c")
        await pilot.pause()
        checkin = words("app.header", title=words("app.title"), sub_title=words("checkin.title"))
        assert lines(app)[0] == centred(80, checkin), "the screen's own name, once it is shown"


async def test_a_long_title_ends_in_an_ellipsis_before_the_clock_room(tmp_path):
    app = fresh_app(tmp_path, HOME)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, HOME)
        app.screen.sub_title = "A custom routine with a very long name " * 3  # as the player names a routine
        await pilot.pause()
        top = lines(app)[0]
        assert top[:ICON_CELLS] == f" {ICON}".ljust(ICON_CELLS) and top[ICON_CELLS:].startswith("pain-coach")
        assert top[80 - CLOCK_CELLS - 1] == "…" and top[80 - CLOCK_CELLS :] == " " * CLOCK_CELLS


async def test_clicking_the_icon_opens_the_palette_and_the_title_does_nothing(tmp_path):
    app = fresh_app(tmp_path, HOME)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, HOME)
        await pilot.click(offset=(40, 0))
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.hover(offset=(1, 0))
        await pilot.pause()
        bar = app.screen.query_one("TitleBar")
        assert bar.tooltip == app.content.text("app.palette_tip")
        await pilot.click(offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


def icon_style(strip):
    return next(iter(strip)).style


async def test_the_icon_lights_up_under_the_pointer(tmp_path):
    app = fresh_app(tmp_path, HOME)
    async with app.run_test(size=(80, 24)) as pilot:
        await go(pilot, HOME)
        bar = app.screen.query_one("TitleBar")
        away = bar.render_line(0)
        await pilot.hover(offset=(1, 0))
        await pilot.pause()
        over = bar.render_line(0)
        assert over.text == away.text and icon_style(over) != icon_style(away)
        await pilot.hover(offset=(40, 5))
        await pilot.pause()
        assert bar.tooltip is None and icon_style(bar.render_line(0)) == icon_style(away)
