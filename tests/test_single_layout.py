"""A screen opened, or the window resized, is laid out fewer times; a screen opens on its own widget, focused in its first
frame, scrolled to its top. coach/tui/single_layout.py (widgets that do not scroll ask no second layout when told
their size), CoachScreen/CoachModal's `_on_resize` (a screen's own size echoed back to it is not laid out again)
and AUTO_FOCUS (coach/tui/screens/base.py); its footer's keys are there in that first frame (KeyFooter)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tests import screen_cells
from tests.history_records import flare, session


def footer_keys(screen) -> list[str]:
    return [key.key for key in screen_cells.footer_keys(screen)]


def first_frame(app, monkeypatch, screen: str, look) -> list:
    """[look(the screen)] as its first frame is written to the terminal; empty until then."""
    seen: list = []
    display = type(app)._display

    def shown(app_, drawn, update) -> None:
        display(app_, drawn, update)
        if type(drawn).__name__ == screen and not seen:
            seen.append(look(drawn))

    monkeypatch.setattr(type(app), "_display", shown)
    return seen


class Layouts:
    """How often each screen is laid out, from when counting starts."""

    def __init__(self, monkeypatch) -> None:
        self.counts: dict[str, int] = {}
        lay_out = Screen._refresh_layout

        def counted(screen, *args, **kwargs):
            self.counts[type(screen).__name__] = self.counts.get(type(screen).__name__, 0) + 1
            return lay_out(screen, *args, **kwargs)

        monkeypatch.setattr(Screen, "_refresh_layout", counted)


async def test_a_dialog_opened_or_the_window_resized_is_not_laid_out_again_for_nothing(make_app, monkeypatch):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        layouts = Layouts(monkeypatch)
        await pilot.press("f")  # the flare log
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ == "FlareLogModal"
        # Was 4: the dialog's own size echoed back to it, and each widget told its first size asked for another.
        assert layouts.counts["FlareLogModal"] <= 2
        dialog = app.screen.query_one("#flare-pain")
        before = dialog.region
        layouts.counts.clear()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert dialog.region != before  # laid out at the new size: the dialog is centred in the bigger window
        # Was 10 (4 of the dialog, 6 of home beneath it): each screen's new size echoed back and laid out again.
        assert sum(layouts.counts.values()) <= 6


class Growing(App[None]):
    CSS = "#narrow { width: 20; } #scroll { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Static("short", id="narrow")
        with VerticalScroll(id="scroll"):
            yield Static("\n".join(f"line {n}" for n in range(8)))


async def test_what_scrolls_still_gets_its_scrollbar_and_text_still_wraps_to_its_width():
    import coach.tui.app  # noqa: F401 (installs single_layout, as the app does)

    app = Growing()
    async with app.run_test(size=(40, 12)) as pilot:
        scroll = app.query_one("#scroll", VerticalScroll)
        assert not scroll.show_vertical_scrollbar  # 8 lines in 11 rows
        app.query_one("#narrow", Static).update("a few words that take three lines at twenty")
        await pilot.resize_terminal(40, 8)  # now 8 lines in 5 rows: the window alone makes it scroll
        await pilot.pause()
        await pilot.pause()
        assert scroll.show_vertical_scrollbar
        assert scroll.vertical_scrollbar.region.height == scroll.region.height  # laid out and drawn beside them
        assert app.query_one("#narrow").region.height == 3


@pytest.mark.parametrize(
    ("key", "screen", "focused"),
    [("h", "HistoryScreen", "history-table"), ("r", "RoutinesScreen", "routine-list"), ("p", "ProfileScreen", "basis")],
)
async def test_a_screen_opens_on_its_widget_focused_with_its_keys_in_its_first_frame_at_its_top(
    make_app, store, monkeypatch, key, screen, focused
):
    from tests.shots import at_30_weeks_with_pgp

    at_30_weeks_with_pgp(store)
    store.add_many([flare(day) for day in range(30)])
    app = make_app()

    def look(drawn) -> tuple:  # focused, drawn focused, scrolled, its footer's keys
        focused_now = [w.id or type(w).__name__ for w in drawn.query("*") if w.has_focus]
        return getattr(drawn.focused, "id", None), focused_now, drawn.scroll_y, footer_keys(drawn)

    first = first_frame(app, monkeypatch, screen, look)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        # The one widget drawn focused, and the footer's keys as they stay.
        assert first == [(focused, [focused], 0, footer_keys(app.screen))]
        assert "escape" in first[0][3]
        assert app.focused is app.screen.query_one(f"#{focused}")
        scrolled = [w.id for w in (app.screen, *app.screen.query("*")) if w.scroll_y]
        assert scrolled == []  # its title and first lines in view, not scrolled to the focused widget


async def test_the_records_first_frame_is_the_one_they_settle_on_but_the_tabs_underline(make_app, store, monkeypatch):
    from tests.screen_cells import cells

    # Fewer rows than fit: a table with more gets its scrollbar a frame later (Textual lays scrollbars out anew).
    store.add_many([session(day, routine="gentle-pelvic-girdle", note="n") for day in range(10)])  # long last column
    app = make_app()
    first = first_frame(app, monkeypatch, "HistoryScreen", lambda drawn: cells(app))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        await pilot.pause()
        settled = cells(app)
        # Row 2 is the tabs' underline, which Textual places once the tabs are laid out: a frame later.
        changed = {a.y for a, b in zip(first[0], settled, strict=True) if a != b}
        assert changed <= {2}  # the table's last column fitted in the first frame, not redrawn a frame later
