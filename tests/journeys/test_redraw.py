"""What a key draws is what a whole redraw draws: the installed app in tmux, its screen captured with colours
(`capture-pane -e`) after keys that draw only what changed (a history tab switch, the focus moving), and again
after the window is resized away and back, which makes the app draw every cell anew.

The app leaves out work a key does not need: the full repaint Textual asks for on each move of the focus
(coach/tui/screens/base.py), a scrollbar drawn again when it looks the same (coach/tui/widgets/
steady_scrollbar.py). If any of that left a cell stale, the two captures differ."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from coach.history.records import Profile
from coach.history.store import Store
from tests.journeys.terminal import Terminal
from tests.make_history import make_records

pytestmark = [pytest.mark.journey, pytest.mark.slow]


def coloured(t: Terminal) -> str:
    t.settled()
    return t.coloured_screen()


def redrawn(t: Terminal) -> str:
    """The screen after the window is made two rows taller and back: every cell drawn again."""
    before = t.screen()
    t.resize(t.width, t.height + 2).wait_change(before)
    t.resize(t.width, t.height).wait_for(*(row.rstrip() for row in before.splitlines()))
    return coloured(t)


@pytest.fixture
def with_history(system_tool, tmp_path, content):
    """A person at 30 weeks with a year of records (more than the table shows at once: it has a scrollbar)."""
    t = Terminal(system_tool("tmux"), tmp_path)
    store = Store(tmp_path / "data", content)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    store.save_profile(Profile(due_date=datetime.now().date() + timedelta(weeks=10), date_basis="due"))
    store.add_many(make_records(300, end=datetime.now(UTC) - timedelta(days=1), days=365))
    yield t
    t.close()


def test_a_history_tab_switch_and_the_focus_moving_leave_no_cell_stale(with_history):
    t = with_history.start()
    t.wait_for("What would you like to do?")
    t.press("h").wait_for("Records", "When")
    t.press("t").wait_for("Pain, last 30 days")
    t.press("r").wait_for("When")
    t.press("Down", "PageDown")  # the cursor row moves, the rows scroll and the scrollbar with them
    shown = coloured(t)
    assert shown == redrawn(t)
    t.press("t").wait_for("Pain, last 30 days")
    t.press("r").wait_for("When")
    shown = coloured(t)
    assert shown == redrawn(t)
    t.press("Tab", "Tab")  # the focus to the tab bar and back (the table blurred, then focused)
    shown = coloured(t)
    assert shown == redrawn(t)
    t.press("Escape").wait_for("What would you like to do?")
    t.press("p").wait_for("Which date do you know?")
    for keys in (("Tab",), ("Tab", "Tab"), ("BTab",)):  # the profile's fields, choices and buttons in turn
        t.press(*keys)
        shown = coloured(t)
        assert shown == redrawn(t)
