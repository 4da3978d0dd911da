"""Terminal compatibility: window sizes, resizing mid-routine, NO_COLOR, 16 colours, light and dark themes.

Readability is measured, not eyeballed: every main screen (the shots of tests/shots.py, as the snapshot tests reach them) is
rendered in the app and each text cell's foreground is held against its background with the WCAG
contrast formula. Dialog backdrops (the dimmed screen underneath) and drawing characters (borders,
scrollbars, bars) are not text; the trend chart's bars are checked on their own.
"""

from __future__ import annotations

import pytest
from rich.color import ColorSystem
from textual.clock import MockClock
from textual.theme import BUILTIN_THEMES
from textual.widgets import SelectionList, Static
from textual.widgets._toggle_button import ToggleButton

from coach.tui.screens.too_small import TooSmallScreen
from tests.screen_cells import Cell, cells, contrast, on_top, text_of
from tests.shots import SHOTS, TO_RELAX, at_30_weeks_with_pgp, play

THEMES = ["textual-dark", "textual-light"]
# WCAG's 3:1 (large text, UI parts). In 16 colours the pairs are the terminal's own palette (rich's VGA
# palette here, the darkest common one): white on its cyan is 2.86 and bright black on black 2.82 there.
MINIMUM = {ColorSystem.TRUECOLOR: 3.0, ColorSystem.STANDARD: 2.8}
SHOT = {shot.name: shot for shot in SHOTS if shot.locale == "en"}
ROUTINE_KEYS = [*TO_RELAX, "4", "enter"]  # the routine of the player shots, pain before 4


def drawing(char: str) -> bool:
    return 0x2500 <= ord(char) <= 0x259F  # box drawing and block elements


def toggle_glyph(app, cell: Cell) -> bool:
    """The on/off mark of a radio button or list check box: "off" is drawn faint on purpose."""
    widget, region = app.screen.get_widget_at(cell.x, cell.y)
    if isinstance(widget, ToggleButton):
        return cell.x - region.x < 3
    return isinstance(widget, SelectionList) and cell.x - widget.content_region.x < 3


def seen(cell: Cell) -> tuple:
    """Colours as the eye gets them: dim text is about half way to its background."""
    if not cell.dim:
        return cell.fg, cell.bg
    return tuple((f + b) // 2 for f, b in zip(cell.fg, cell.bg, strict=True)), cell.bg


def hard_to_read(app, system: ColorSystem) -> list[str]:
    problems: dict[tuple, list[str]] = {}
    for cell in cells(app, system):
        if cell.char.isspace() or drawing(cell.char) or cell.fg is None or cell.bg is None:
            continue
        if not on_top(app, cell) or toggle_glyph(app, cell):
            continue
        fg, bg = seen(cell)
        ratio = contrast(fg, bg)
        if ratio < MINIMUM[system]:
            problems.setdefault((cell.y, ratio, tuple(fg), tuple(bg)), []).append(cell.char)
    return [
        f"row {y}: {''.join(chars)!r} {ratio:.2f}:1 ({fg} on {bg})" for (y, ratio, fg, bg), chars in problems.items()
    ]


async def show(app, pilot, keys) -> None:
    await pilot.pause()
    for key in keys:
        await pilot.press(key)
        await pilot.pause()
    await pilot.pause()


def routine_app(make_app, store):
    """An app at 30 weeks on a mock clock; ROUTINE_KEYS take it into the player shots' routine."""
    at_30_weeks_with_pgp(store)
    clock = MockClock()
    return make_app(clock=clock), clock


def app_for(shot, make_app, store, theme: str | None = None):
    if shot.setup:
        shot.setup(store)
    if theme:
        store.save_settings(store.load_settings().model_copy(update={"theme": theme}))
    return make_app(first_run_done=not shot.first_run)


# --- too small ---------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(79, 24), (80, 23), (60, 15)])
async def test_just_below_80x24_asks_for_more_and_80x24_goes_back(make_app, size):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert not isinstance(home, TooSmallScreen)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        shown = " ".join(text_of(app).split())
        assert "at least 80 x 24" in shown and f"This one is {size[0]} x {size[1]}" in shown
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is home


async def test_too_small_mid_routine_pauses_and_returns_to_the_same_moment(make_app, store):
    app, clock = routine_app(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, ROUTINE_KEYS)
        player = app.screen
        assert player.__class__.__name__ == "PlayerScreen"
        clock.set_time(3.0)
        player.tick()
        step, countdown = player.player.index, player.query_one("#countdown").value
        await pilot.resize_terminal(79, 24)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        clock.set_time(33.0)  # half a minute with a window too small to follow the routine
        player.tick()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is player
        assert (player.player.index, player.query_one("#countdown").value) == (step, countdown)
        clock.set_time(34.0)  # and it runs on from there
        player.tick()
        assert player.query_one("#countdown").value != countdown


async def test_resizing_mid_routine_keeps_time_and_redraws(make_app, store):
    app, clock = routine_app(make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, ROUTINE_KEYS)
        player = app.screen
        clock.set_time(7.4)
        player.tick()
        countdown = player.query_one("#countdown").value
        progress = str(player.query_one("#routine-progress", Static).content)
        title = str(player.query_one("#step-title", Static).content)
        for size in [(120, 40), (200, 60), (80, 24), (70, 20), (200, 60), (80, 24)]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            player.tick()  # the clock has not moved: nor may the countdown
            await pilot.pause()
            shown = text_of(app)
            if size < (80, 24):
                assert isinstance(app.screen, TooSmallScreen) and "please make it larger" in shown
                continue
            assert app.screen is player
            assert player.query_one("#countdown").value == countdown
            assert str(player.query_one("#routine-progress", Static).content) == progress
            assert title in shown and progress in shown, size  # drawn, not only stored
            screen = app.screen.region
            for widget in ("#countdown", "#routine-progress", "#step-title"):
                assert screen.contains_region(player.query_one(widget).region), (widget, size)


# --- readable in dark and light themes, in true colour and 16 colours ------------------------------


async def readable_in(themes, app, pilot, systems=(ColorSystem.TRUECOLOR, ColorSystem.STANDARD)) -> None:
    """Switch the running app through `themes` (as the palette does) and measure the screen in each."""
    for theme in themes:
        app.theme = theme
        await pilot.pause()
        assert app.theme == theme
        for system in systems:
            assert hard_to_read(app, system) == [], (theme, system.name)


@pytest.mark.parametrize("name", list(SHOT))
async def test_every_main_screen_is_readable(name, make_app, store):
    shot = SHOT[name]
    app = app_for(shot, make_app, store)
    async with app.run_test(size=shot.sizes[0]) as pilot:
        await play(shot, pilot)
        await readable_in(THEMES, app, pilot)


@pytest.mark.parametrize("name", ["home", "checkin-question", "red-flag", "routines", "player", "history", "trends"])
async def test_main_screens_are_readable_with_no_color(name, make_app, store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(SHOT[name], make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(SHOT[name], pilot)
        assert app.no_color
        colours = {c.fg for c in cells(app) if c.fg} | {c.bg for c in cells(app) if c.bg}
        assert all(r == g == b for r, g, b in colours)  # Textual's monochrome filter is on: greys only
        await readable_in(THEMES, app, pilot, systems=[ColorSystem.TRUECOLOR])


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("no_color", [True, False], ids=["NO_COLOR", "colour"])
async def test_the_trend_chart_speaks_in_shapes_that_stand_out(no_color, theme, make_app, store, monkeypatch):
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(SHOT["trends"], make_app, store, theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(SHOT["trends"], pilot)
        chart = app.screen.query_one("#trend-chart").region
        for system in (ColorSystem.TRUECOLOR, ColorSystem.STANDARD):
            marks = [c for c in cells(app, system) if chart.contains(c.x, c.y) and c.char in "█▄●"]
            assert {c.char for c in marks} >= {"●"} and {c.char for c in marks} & {"█", "▄"}
            assert min(contrast(c.fg, c.bg) for c in marks) >= MINIMUM[system], system.name
        legend = str(app.screen.query_one("#trend-legend", Static).content)
        assert "█" in legend and "●" in legend  # the legend names the shapes, not colours


@pytest.mark.parametrize("theme", THEMES)
async def test_the_selected_item_is_visible_without_colour(theme, make_app, store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(SHOT["routines"], make_app, store, theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(SHOT["routines"], pilot)
        menu = app.screen.query_one("#routine-list")
        rows = {}
        for cell in cells(app):
            if menu.content_region.contains(cell.x, cell.y) and not cell.char.isspace():
                rows.setdefault(cell.y, cell.bg)
        highlighted = menu.content_region.y + menu.highlighted
        others = {bg for y, bg in rows.items() if y != highlighted}
        assert len(others) == 1  # every other row on one background
        assert contrast(rows[highlighted], others.pop()) >= 1.5  # the cursor row is a visibly different band


@pytest.mark.parametrize("theme", THEMES)
async def test_a_ticked_box_differs_from_an_unticked_one_without_colour(theme, make_app, store, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    store.save_settings(store.load_settings().model_copy(update={"theme": theme}))
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, ["f", "6", "tab", "space", "down"])  # the flare log: tick the first area, move on
        areas = app.screen.query_one(SelectionList)
        assert len(areas.selected) == 1
        area = areas.content_region
        glyphs = {}
        for cell in cells(app):
            if area.contains(cell.x, cell.y) and cell.x - area.x < 3 and cell.char == "X":
                glyphs.setdefault(cell.y - area.y, cell)
        ticked, unticked = glyphs[0], glyphs[1]
        assert contrast(ticked.fg, ticked.bg) >= 3.0
        assert contrast(ticked.fg, unticked.fg) >= 1.5


async def test_the_red_flag_screen_says_it_is_urgent_without_colour(make_app, store, monkeypatch, content):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(SHOT["red-flag"], make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(SHOT["red-flag"], pilot)
        assert app.screen.__class__.__name__ == "RedFlagScreen"
        level = content.triage.level("urgent")
        title = app.screen.query_one("#redflag-title").region
        shown = " ".join(text_of(app).split())
        assert level.title in shown and "Do not do any exercises" in shown
        words = [c for c in cells(app) if title.contains(c.x, c.y) and not c.char.isspace()]
        assert "".join(c.char for c in words).startswith(level.title.replace(" ", ""))
        assert all(c.bold for c in words)  # the urgency is in the words and their weight, not a red


# --- the themes the app offers -------------------------------------------------------------------


async def test_a_light_and_a_dark_theme_are_offered_and_remembered(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert {"textual-dark", "textual-light"} <= set(app.available_themes)
        app.theme = "textual-light"
        await pilot.pause()
        assert not app.current_theme.dark
    assert store.load_settings().theme == "textual-light"


async def test_sixteen_colours_are_what_the_terminal_receives(make_app, store):
    """The 16-colour check above downgrades colours itself; here the bytes Textual would write with
    TEXTUAL_COLOR_SYSTEM=standard (its console's colour system) carry only those 16 colours."""
    import io
    import re

    from rich.console import Console

    app = app_for(SHOT["trends"], make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(SHOT["trends"], pilot)
        console = Console(color_system="standard", force_terminal=True, file=io.StringIO())
        update = app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
        written = update.render_segments(console)
        codes = {int(c) for sgr in re.findall(r"\x1b\[([\d;]+)m", written) for c in sgr.split(";")}
        colours = {c for c in codes if 30 <= c <= 49 or 90 <= c <= 107}
        assert colours and 38 not in codes and 48 not in codes  # no 256-colour or true-colour sequences
        expected = set()
        for line in update.strips:
            for strip in line:
                for segment in strip:
                    style = segment.style
                    if style and style.color and not style.color.is_default:
                        expected.add(style.color.downgrade(ColorSystem.STANDARD).get_ansi_codes()[0])
        assert {str(c) for c in colours} >= expected


async def test_every_offered_theme_keeps_header_tabs_chart_and_footer_readable(make_app, store):
    """The palette offers all of Textual's themes: the history's trends tab (header, tabs, chart, legend,
    footer) is held to the same measure in each. (gruvbox's own highlighted-row colours, 2.4:1, are not
    on this screen and not the app's.)"""
    app = app_for(SHOT["trends"], make_app, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await play(SHOT["trends"], pilot)
        await readable_in(sorted(BUILTIN_THEMES), app, pilot)
