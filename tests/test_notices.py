"""Notices (toasts) at 80x24 never hide what they refer to: they sit over the header's title and the blank row
under it, one at a time, as wide as the window, for as long as they take to read (issue 11 point 9: at the
bottom right they covered a routine's details, the stop-advice list and the help box)."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from coach.reading import reading_seconds
from coach.tui.widgets.title_bar import TitleBar
from tests.screen_cells import lines
from tests.test_footer_contract import PLAYING, State, fresh_app, go, with_records

SITUATIONS = [
    # (what the person just did, the state it leaves them in, words of the notice)
    State("profile saved, back home", "HomeScreen", ("p", "ctrl+s")),
    State("help opened while the notice is up", "HelpScreen", ("p", "ctrl+s", "question_mark")),
    State("a routine stopped and rated: its details", "RoutinesScreen", (*PLAYING, "s", "enter", "3", "enter", "b")),
    State("stopped as unwell: the stop-advice list", "StopAdviceScreen", (*PLAYING, "s", "tab", "tab", "enter")),
    State("a record deleted", "HistoryScreen", ("h", "d", "y"), with_records),
]
NOTICES = {
    "profile saved, back home": "Profile saved.",
    "help opened while the notice is up": "Profile saved.",
    "a routine stopped and rated: its details": "stopped early",
    "stopped as unwell: the stop-advice list": "stopped early",
    "a record deleted": "Record deleted.",
}


def header_rows(app) -> set[int]:
    """Rows that hold a header's title (the name of the screen, not needed while a notice says what happened)."""
    return {h.region.y for screen in app.screen_stack for h in screen.query(TitleBar) if h.region.height}


@pytest.mark.parametrize("state", SITUATIONS, ids=lambda s: s.name)
async def test_a_notice_covers_nothing_the_person_needs(tmp_path, state):
    app = fresh_app(tmp_path, state)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await go(pilot, state)
        await pilot.pause(0.2)
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1, "one notice at a time"
        region = toasts[0].region
        with_notice = lines(app)
        told = " ".join(row[region.x : region.right] for row in with_notice[region.y : region.bottom])
        assert NOTICES[state.name] in " ".join(told.split()), f"the notice is not whole: {told!r}"

        app.clear_notifications()
        for screen in app.screen_stack:  # a dialog shows the screen beneath it, and that screen's notices
            for holder in screen.query("ToastHolder"):
                holder.remove()
        await pilot.pause(0.2)
        beneath = lines(app)
        assert beneath != with_notice
        skip = header_rows(app)
        covered = [beneath[y][region.x : region.right] for y in range(region.y, region.bottom) if y not in skip]
        assert not any(ch.isalnum() for row in covered for ch in row), f"the notice covered {covered!r}\n" + "\n".join(
            beneath
        )


@pytest.mark.parametrize(
    ("message", "seconds"),
    [("Note saved.", 3.0), ("Quick buttock relief done and saved to your history.", 5.0), ("word " * 200, 20.0)],
)
def test_a_notice_stays_as_long_as_it_takes_to_read(message, seconds):
    assert reading_seconds(message) == pytest.approx(seconds)


async def test_a_newer_notice_replaces_the_older_and_a_click_dismisses_it(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        app.notify("First thing.")
        await pilot.pause(0.1)
        app.notify("Second thing.", severity="warning")
        await pilot.pause(0.1)
        shown = [str(t.render()) for t in app.screen.query(Toast)]
        assert shown == ["Second thing."]
        toast = app.screen.query_one(Toast)
        assert toast.region.y == 0, "over the header, not a row lower"
        await pilot.click(Toast)
        await pilot.pause(0.1)
        assert not app.screen.query(Toast)


async def test_pain_worse_after_a_routine_is_said_on_the_routines_screen_and_stays(tmp_path):
    state = State("rated worse", "RoutinesScreen", (*PLAYING, "s", "enter", "6", "enter", "w"))
    app = fresh_app(tmp_path, state)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await go(pilot, state)
        await pilot.pause(0.2)
        advice = app.screen.query_one("#routines-advice")
        assert advice.display and "Sorry it hurt more" in str(advice.content)
        assert advice.region.bottom <= 24 and advice.region.y > 0, "in sight as the screen comes back"
        assert all("Sorry" not in str(t.render()) for t in app.screen.query(Toast))
