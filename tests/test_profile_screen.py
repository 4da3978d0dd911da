"""The profile at 80x24 and 120x40, typed as a person types it: every label whole, an error that goes once
the date is fixed, and an impossible day named as such ("February has 28 days in 2027")."""

from __future__ import annotations

from datetime import date

import pytest
from textual.widgets import Label, Static

from tests.screen_cells import lines
from tests.test_checkin_flow import press, type_text

SIZES = [(80, 24), (120, 40)]
by_size = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
FEB_31 = "February has 28 days in 2027: please check the day."


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def drawn(app, widget) -> str:
    """The words the widget's area of the screen shows, lines joined."""
    region = widget.content_region
    rows = lines(app)[region.y : region.bottom]
    return " ".join(" ".join(row[region.x : region.right].split()) for row in rows)


@by_size
async def test_every_label_is_whole_on_screen(make_app, size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await press(pilot, "p")
        labels = list(app.screen.query(Label))
        assert len(labels) >= 5
        for label in labels:
            label.scroll_visible(animate=False, immediate=True)
            await pilot.pause()
            assert label.region.y >= 1 and label.region.bottom <= size[1] - 1  # between header and footer
            assert drawn(app, label) == " ".join(str(label.content).split())


async def open_due_date(pilot) -> None:
    await press(pilot, "p", "enter", "tab")  # "My due date", then the date field


async def test_an_impossible_day_is_named_and_the_error_goes_once_the_date_is_fixed(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_due_date(pilot)
        await type_text(pilot, "31/02/2027")
        assert shown(app, "#date-echo") == FEB_31  # said as it is typed
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "ProfileScreen"
        assert shown(app, "#profile-problem") == FEB_31
        await press(pilot, "backspace")
        assert shown(app, "#profile-problem") == ""  # no stale error under the form once the date is edited
        await press(pilot, *["backspace"] * 9)
        await type_text(pilot, "14/02/2027")
        assert shown(app, "#profile-problem") == ""
        assert shown(app, "#date-echo").startswith("14 February 2027: you are")
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.load_profile().due_date == date(2027, 2, 14)


async def test_a_bad_number_error_goes_once_the_number_is_edited_but_a_date_error_stays(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_due_date(pilot)
        await type_text(pilot, "31/02/2027")
        await press(pilot, "ctrl+s")
        assert shown(app, "#profile-problem") == FEB_31
        app.screen.query_one("#emergency").focus()
        await type_text(pilot, "99")  # not what the problem is about
        assert shown(app, "#profile-problem") == FEB_31
        app.screen.query_one("#date").focus()
        await press(pilot, "end", *["backspace"] * 10)
        await type_text(pilot, "14/02/2027")
        app.screen.query_one("#emergency").focus()  # which selects what is there: typing replaces it
        await type_text(pilot, "99x")
        await press(pilot, "ctrl+s")
        assert "digits" in shown(app, "#profile-problem")
        await press(pilot, "backspace")
        assert shown(app, "#profile-problem") == ""
        await press(pilot, "ctrl+s")
        assert type(app.screen).__name__ == "HomeScreen"
    assert store.load_profile().emergency_number == "99"
