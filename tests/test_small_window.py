"""At 80x24, the smallest supported window, the screens that used to overflow show everything that matters."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import DataTable, Input

SMALL = (80, 24)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def on_screen(app, selector: str) -> bool:
    region = app.screen.query_one(selector).region
    return region.height > 0 and region.y >= 0 and region.bottom <= app.size.height and region.right <= app.size.width


async def test_the_whole_flare_log_fits_without_scrolling(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "f")
        form = app.screen.query_one("#flare-log", VerticalScroll)
        assert form.max_scroll_y == 0
        for field in ("#flare-pain", "#flare-where", "#flare-activity", "#flare-note", "#save", "#cancel"):
            assert on_screen(app, field), field


async def test_the_flare_log_still_fits_with_its_error_message(make_app, store):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "f", "1", "2", "enter")
        assert on_screen(app, "#flare-problem")
        assert app.screen.query_one("#flare-log", VerticalScroll).max_scroll_y == 0
        assert on_screen(app, "#save")
        app.screen.query_one("#flare-pain", Input).value = "5"
        await press(pilot, "enter")
    assert [f.pain for f in store.query(kind="flare")] == [5]


async def history_table(make_app, store, size):
    from tests.conftest import FIXED_NOW
    from tests.make_history import make_records

    store.add_many(make_records(130, end=FIXED_NOW, days=42))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "h")
        table = app.screen.query_one("#history-table", DataTable)
        summaries = [str(table.get_row_at(i)[-1]) for i in range(table.row_count)]
        last = list(table.columns.values())[-1]
        return table.max_scroll_x, last.width, max(map(len, summaries))


async def test_history_rows_fit_80_columns_with_the_summary_cut_short(make_app, store):
    sideways, shown, longest = await history_table(make_app, store, SMALL)
    assert sideways == 0
    assert 30 <= shown < longest  # cut with an ellipsis, but still most of a summary


async def test_history_summaries_are_whole_at_120_columns(make_app, store):
    sideways, shown, longest = await history_table(make_app, store, (120, 40))
    assert sideways == 0
    assert shown >= longest
