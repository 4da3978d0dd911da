"""Switching the history's tabs: one frame's work. The underline, the footer and the focus change with the pane;
the footer's keys are hidden and shown again, not made anew; the records' cells are not drawn again unless the
colours change. Driven by the keys (t, r) and the mouse, as a person switches them."""

from __future__ import annotations

from textual.widgets import DataTable, TabbedContent
from textual.widgets._tabbed_content import ContentTab
from textual.widgets._tabs import Underline

from coach.tui.widgets.key_footer import KeyFooter
from tests import screen_cells
from tests.history_records import flare, session
from tests.screen_cells import cells
from tests.shots import at_30_weeks_with_pgp


def footer_keys(app) -> list[tuple[str, str, bool]]:
    return [(key.key, key.description, not key.enabled) for key in screen_cells.footer_keys(app.screen)]


def tab_span(app, pane: str) -> tuple[int, int]:
    tab = app.screen.query_one(f"#{ContentTab.add_prefix(pane)}", ContentTab)
    return tab.virtual_region.shrink(tab.styles.gutter).column_span


def underline_span(app) -> tuple[int, int]:
    underline = app.screen.query_one(Underline)
    return underline.highlight_start, underline.highlight_end


def drawn_cells(table: DataTable) -> dict[object, int]:
    """Each cell's drawn lines (their identity), by row, column, focus, ...: the table's cache of them."""
    cells = table._cell_render_cache
    return {key: id(cells.get(key)) for key in cells.keys()}  # noqa: SIM118 (Textual's LRUCache has no __iter__)


async def opened(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    assert type(app.screen).__name__ == "HistoryScreen"


async def test_the_underline_is_under_the_new_tab_as_soon_as_it_is_chosen(make_app, store):
    store.add_many([session(0), flare(1)])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        assert underline_span(app) == tab_span(app, "records")
        app.screen.action_show_tab("trends")  # no frame in between: what the next frame draws
        assert underline_span(app) == tab_span(app, "trends")
        await pilot.click(f"#{ContentTab.add_prefix('helps')}")  # the mouse, on the tab's label
        await pilot.pause()
        assert app.screen.query_one("#history-tabs", TabbedContent).active == "helps"
        assert underline_span(app) == tab_span(app, "helps")


async def test_the_footer_keys_go_and_come_back_with_the_records_tab(make_app, store):
    store.add_many([session(0), flare(1)])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        on_records = footer_keys(app)
        footer = app.screen.query_one(KeyFooter)
        await pilot.press("t")
        await pilot.pause()
        on_trends = footer_keys(app)
        assert {"k", "p", "slash"} <= {key for key, _, _ in on_records} - {key for key, _, _ in on_trends}
        assert ("e", app.content.key_words("history.export").label, False) in on_trends
        await pilot.press("r")
        await pilot.pause()
        assert footer_keys(app) == on_records
        assert app.screen.query_one(KeyFooter) is footer and not footer.children  # one line, drawn again


def trends_taller_than_80x24(store) -> None:
    at_30_weeks_with_pgp(store)
    store.add_many([session(day, before=5, after=3) for day in range(20)])


async def test_the_focus_goes_with_the_tab_so_arrows_scroll_the_trends(make_app, store):
    trends_taller_than_80x24(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        trends = app.screen.query_one("#trends-scroll")
        assert app.focused is trends
        assert trends.max_scroll_y > 0, "the trends fit 80x24: nothing to scroll"
        await pilot.press("down", "down")
        await pilot.pause()
        assert trends.scroll_y > 0
        await pilot.press("r")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#history-table")
        await pilot.press("down")  # the table's cursor, as before the switch
        await pilot.pause()
        assert app.screen.query_one("#history-table", DataTable).cursor_row == 1


async def test_the_records_are_not_drawn_again_on_return_but_are_in_a_new_theme(make_app, store):
    store.add_many([session(0), flare(1), flare(2)])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        table = app.screen.query_one("#history-table", DataTable)
        drawn = drawn_cells(table)
        header = table.get_component_rich_style("datatable--header")
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert drawn_cells(table) == drawn  # every cell as it was: none drawn again
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        await pilot.pause()
        new_header = table.get_component_rich_style("datatable--header")
        assert new_header.bgcolor != header.bgcolor
        first_line = table.render_line(0)  # the header row, in the new colours
        assert {segment.style.bgcolor for segment in first_line if segment.text.strip()} == {new_header.bgcolor}


async def test_a_tab_clicked_takes_the_focus_into_its_pane_as_its_key_does(make_app, store):
    trends_taller_than_80x24(store)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        await pilot.click(f"#{ContentTab.add_prefix('trends')}")
        await pilot.pause()
        await pilot.pause()
        trends = app.screen.query_one("#trends-scroll")
        assert app.focused is trends
        await pilot.press("down", "down")  # the arrows scroll the trends
        await pilot.pause()
        assert trends.scroll_y > 0
        await pilot.click(f"#{ContentTab.add_prefix('records')}")
        await pilot.pause()
        await pilot.pause()
        table = app.screen.query_one("#history-table", DataTable)
        assert app.focused is table
        await pilot.press("down")
        await pilot.pause()
        assert table.cursor_row == 1
        await pilot.press("shift+tab")  # to the tab bar: Left and Right there switch the tabs and keep the focus
        await pilot.pause()
        bar = app.focused
        await pilot.press("right")
        await pilot.pause()
        assert app.screen.query_one("#history-tabs", TabbedContent).active == "trends"
        assert app.focused is bar


async def test_a_pane_hidden_with_the_focus_is_restyled_when_shown_not_when_hidden():
    from textual.app import App
    from textual.color import Color
    from textual.containers import VerticalScroll
    from textual.widgets import ContentSwitcher, Static

    from coach.tui.widgets.hidden_blur import RestyledWhenShown

    class Pane(VerticalScroll, RestyledWhenShown):
        pass

    class Panes(App[None]):
        CSS = "Pane { background: blue; } Pane:focus { background: red; }"

        def compose(self):
            with ContentSwitcher(initial="a"):
                with Pane(id="a"):
                    yield Static("\n".join("line" for _ in range(60)))
                with Pane(id="b"):
                    yield Static("b")

    red, blue = Color.parse("red"), Color.parse("blue")
    app = Panes()
    async with app.run_test(size=(40, 10)) as pilot:
        a, b = app.query_one("#a", Pane), app.query_one("#b", Pane)
        a.focus()
        await pilot.pause()
        assert a.styles.background == red
        app.query_one(ContentSwitcher).current = "b"  # as a tab switch: hide the pane, focus the new one
        b.focus()
        await pilot.pause()
        assert not a.has_focus and a.styles.background == red  # hidden: nothing of it drawn, no restyle yet
        assert b.styles.background == red
        app.set_focus(None)
        app.query_one(ContentSwitcher).current = "a"  # shown again, but not focused: drawn as blurred
        await pilot.pause()
        await pilot.pause()
        assert a.styles.background == blue
        a.focus()
        await pilot.pause()
        assert a.styles.background == red


async def test_the_trends_and_what_helps_look_the_same_with_the_focus_or_without(make_app, store):
    # PaneScroll is not restyled on a change of focus: a :focus style for it or within it would not show.
    store.add_many([session(0), flare(1), flare(2, pain=3)])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        for key, pane in (("t", "#trends-scroll"), ("w", "#helps-scroll")):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            scroll = app.screen.query_one(pane)
            assert app.focused is scroll
            focused = cells(app)
            app.set_focus(None)
            scroll.update_node_styles()  # as Textual would restyle it on the blur
            await pilot.pause()
            assert cells(app) == focused


def cells_drawn_anew(app):
    """The screen's cells with every widget's drawn lines thrown away first: what a whole redraw shows."""
    for widget in app.screen.walk_children(with_self=True):
        widget._styles_cache.clear()
    return cells(app)


async def test_the_tables_scrollbar_is_drawn_again_when_it_would_look_different_and_only_then(make_app, store):
    store.add_many([flare(day / 2) for day in range(40)])  # more rows than fit: the table has a scrollbar
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await opened(app, pilot)
        table = app.screen.query_one("#history-table", DataTable)
        bar = table.vertical_scrollbar
        assert bar.display
        await pilot.press("t", "r")  # once hidden and shown again at its size: drawn anew (Textual's own doing)
        await pilot.pause()
        draws = []
        drawn = bar.render
        bar.render = lambda: draws.append(1) or drawn()
        for key in ("t", "r", "t", "r", "tab", "shift+tab"):  # blurred, restyled, laid out again, focused
            await pilot.press(key)
            await pilot.pause()
        assert app.focused is table
        assert draws == []  # it looks the same each time
        assert cells(app) == cells_drawn_anew(app)
        changes = [
            pilot.press("pagedown"),  # the rows scroll, the thumb moves
            pilot.hover("#history-table", offset=(table.region.width - 1, 5)),  # on the bar: its hover colour
            pilot.hover("#history-filters"),  # and off it
        ]
        for change in changes:
            before = len(draws)
            await change
            await pilot.pause()
            assert len(draws) > before
            assert cells(app) == cells_drawn_anew(app)
        before = len(draws)
        table.styles.scrollbar_color = "red"  # a restyle that changes its colour
        await pilot.pause()
        assert len(draws) > before
        assert cells(app) == cells_drawn_anew(app)
