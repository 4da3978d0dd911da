import threading
from pathlib import Path

from textual.widgets import Checkbox, DataTable, Input, Static, TabbedContent, TextArea

from tests.history_records import checkin, flare, session
from tests.packaged import CONTENT


def table_rows(app) -> list[list[str]]:
    table = app.screen.query_one("#history-table", DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def open_history(app, pilot):
    await pilot.pause()
    await pilot.press("h")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "HistoryScreen"


async def test_empty_history_explains_how_to_start(make_app):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        empty = app.screen.query_one("#history-empty", Static)
        assert empty.display and "check-in" in str(empty.content)
        assert not app.screen.query_one("#history-table").display


async def test_table_newest_first_and_filters(make_app, store):
    store.add_many(
        [
            session(0, hour=9),
            checkin(1, pain=7, level="urgent", flags=["fluid"]),
            flare(3, note="stairs again"),
            flare(45),
        ]
    )
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        rows = table_rows(app)
        assert [r[0] for r in rows] == ["today 09:00", "yesterday 09:00", "Mon 23 Nov"]  # 45 days back is outside 30
        assert rows[1][3] == "Check-in - pain 7 - urgent: fluid leaking (your waters)"
        await pilot.press("k")  # check-ins only
        await pilot.pause()
        assert [r[2] for r in table_rows(app)] == ["Check-in"]
        await pilot.press("k", "k", "p", "p", "p")  # flares; period 7 days -> pregnancy -> all
        await pilot.pause()
        assert len(table_rows(app)) == 2
        assert "flares, all time" in str(app.screen.query_one("#history-filters", Static).content)
        await pilot.press("slash")
        await pilot.press(*"STAIRS", "enter")
        await pilot.pause()
        assert [r[3] for r in table_rows(app)] == ["Flare - pain 7 [note]"]
        await pilot.press("escape")  # clears the search, stays on the screen
        await pilot.pause()
        assert len(table_rows(app)) == 2 and app.screen.__class__.__name__ == "HistoryScreen"


async def test_detail_note_delete_and_undo(make_app, store):
    first = session(0, before=6, after=3)
    store.add_many([first, flare(1)])
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RecordDetailScreen"
        assert "6 out of 10" in str(app.screen.query_one("#detail-lines", Static).content)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("#note-text", TextArea).insert("felt looser after")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get(first.id).note == "felt looser after"
        assert "felt looser after" in str(app.screen.query_one("#detail-lines", Static).content)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert store.get(first.id) is not None
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert store.get(first.id) is None
        assert app.screen.__class__.__name__ == "HistoryScreen"
        assert len(table_rows(app)) == 1
        await pilot.press("u")
        await pilot.pause()
        assert store.get(first.id).note == "felt looser after"
        assert len(table_rows(app)) == 2


async def test_trends_and_what_helps(make_app, store):
    store.add_many([session(i, before=6, after=4) for i in range(3)] + [checkin(0, answers={"worse": ["one-leg"]})])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        assert "3 days in a row" in str(app.screen.query_one("#trend-streak", Static).content)
        assert "3 routines" in str(app.screen.query_one("#trend-weeks", Static).content)
        assert "30 days" in str(app.screen.query_one("#trend-title", Static).content)
        await pilot.press("c")
        await pilot.pause()
        assert "26 weeks" in str(app.screen.query_one("#trend-title", Static).content)
        assert "weekly average" in str(app.screen.query_one("#trend-legend", Static).content)
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        helps = str(app.screen.query_one("#helps-body", Static).content)
        assert "Quick buttock relief lowered your pain by 2.0 points on average" in helps
        assert "Standing on one leg, stairs, getting dressed: 1 check-in" in helps  # wording from the questionnaire


async def test_what_helps_is_worked_out_while_the_screen_stays_usable(make_app, store, monkeypatch):
    from coach.history import month_sums

    store.add_many([session(i, before=6, after=4) for i in range(3)])
    release = threading.Event()
    helps_sums = month_sums.helps_sums

    def slow_helps_sums(store):  # as with years of history: the answer comes when the test says so
        release.wait(timeout=30)
        return helps_sums(store)

    monkeypatch.setattr(month_sums, "helps_sums", slow_helps_sums)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        body = app.screen.query_one("#helps-body", Static)
        try:
            assert str(body.content) == CONTENT.text("helps.working")
            await pilot.press("t")  # the screen still answers keys meanwhile
            await pilot.pause()
            assert app.screen.query_one("#history-tabs", TabbedContent).active == "trends"
        finally:
            release.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Quick buttock relief lowered your pain by 2.0 points on average" in str(body.content)


async def test_what_helps_reads_with_the_apps_own_store(make_app, store, monkeypatch):
    from coach.history.store import Store

    store.add_many([session(i, before=6, after=4) for i in range(3)])
    app = make_app()
    made: list[Store] = []
    real = Store.__init__

    def init(self, *args, **kwargs):
        made.append(self)
        real(self, *args, **kwargs)

    monkeypatch.setattr(Store, "__init__", init)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("w")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "lowered your pain by 2.0" in str(app.screen.query_one("#helps-body", Static).content)
    assert made == []  # no second store: no second cache of the history


async def test_export_from_the_screen(make_app, store, tmp_path):
    store.add_many([session(0), checkin(1)])
    target = tmp_path / "report.md"
    target.write_text("old")
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        path = app.screen.query_one("#export-path", Input)
        assert path.value == "~/pain-coach-report-2026-11-26.md"
        path.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "already exists" in str(app.screen.query_one("#export-error", Static).content)
        assert target.read_text() == "old"
        app.screen.query_one("#export-replace", Checkbox).value = True
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "HistoryScreen"
        report = target.read_text()
        assert report.startswith("# pain-coach report") and "## Routines and their effect" in report


async def test_export_format_changes_the_default_name(make_app, store):
    store.add(session(0))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        from textual.widgets import Select

        app.screen.query_one("#export-format", Select).value = "csv"
        await pilot.pause()
        assert Path(app.screen.query_one("#export-path", Input).value).suffix == ".csv"


async def test_long_history_adds_rows_as_the_cursor_moves_down(make_app, store):
    store.add_many([flare(i / 10, pain=i % 11) for i in range(250)])  # ten a day for 25 days
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await open_history(app, pilot)
        table = app.screen.query_one("#history-table", DataTable)
        assert table.row_count == 40
        assert "250 records" in str(app.screen.query_one("#history-count", Static).content)
        await pilot.press("pagedown")
        await pilot.pause()
        assert table.row_count == 240  # 200 more once the cursor is within 20 rows of the end
        for _ in range(10):
            await pilot.press("pagedown")
        await pilot.pause()
        assert table.row_count == 250
        # the rows added later are in order: the last row is the oldest record
        assert str(table.get_row_at(249)[0]) == "01 Nov"


async def test_escape_cancels_a_note_edit(make_app, store):
    record = flare(0, note="as it was")
    store.add(record)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("x", "y", "escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RecordDetailScreen"
        assert store.get(record.id).note == "as it was"
