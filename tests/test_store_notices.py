"""The store's warnings in the app (issue 13: "an existing folder that others can read gets a warning"): told once
at start, below the home menu (hiding none of its text), in content words, until the person dismisses them."""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

import pytest
from textual.clock import MockClock

from coach.history.store import Store
from coach.tui.app import PainCoachApp
from tests import screen_cells
from tests.conftest import FIXED_NOW
from tests.history_records import flare

MENU = ["Check in: how is the pain?", "Guided routines", "History & trends", "Log a flare", "About & safety"]


def words_on_screen(app) -> str:
    """The screen's text with the notice's wrapped lines and its border joined up."""
    return " ".join(screen_cells.text_of(app).replace("█", " ").split())


def footer_labels(app) -> list[str]:
    return [k.description for k in screen_cells.footer_keys(app.screen) if k.enabled]


@pytest.fixture
def home_folder(content):
    """A store in a folder with a path as short as a person's (~/.local/share/pain-coach), not pytest's long one."""
    folder = Path(tempfile.mkdtemp(prefix="pc-"))
    yield Store(folder / "data", content)
    shutil.rmtree(folder)


def opened_to_others(store) -> PainCoachApp:
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    os.chmod(store.root, 0o755)
    return PainCoachApp(store, store.content, clock=MockClock(), now=lambda: FIXED_NOW)


async def test_a_data_folder_others_can_read_is_told_at_start_and_dismissed_with_d(home_folder):
    store = home_folder
    app = opened_to_others(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        shown = words_on_screen(app)
        assert "can be read by other users (mode 755)" in shown
        assert f"To keep your history private, run: chmod 700 {store.root}" in shown
        assert all(item in shown for item in MENU)  # the first screen's text is all still there
        assert "Dismiss notice" in footer_labels(app)
        await pilot.press("d")
        await pilot.pause()
        assert "other users" not in screen_cells.text_of(app)
        assert "Dismiss notice" not in footer_labels(app)
        app.save_record(flare(0))  # a write checks the folder again: it was said once
        await pilot.pause()
        assert "other users" not in screen_cells.text_of(app) and not app._notifications
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o755  # the person's folder is left as it was


async def test_a_click_on_the_notice_dismisses_it(home_folder):
    app = opened_to_others(home_folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.click("#notices")
        await pilot.pause()
        assert "other users" not in screen_cells.text_of(app)


async def test_help_lists_dismiss_only_while_there_is_a_notice(make_app, store):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Dismiss notice" not in footer_labels(app)
        await pilot.press("d")  # nothing to dismiss: nothing happens
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Close the notice" not in screen_cells.text_of(app)
        await pilot.press("escape")
        await pilot.pause()
        os.chmod(store.root, 0o755)
        app.store._folder_told = False  # as at the next start
        app.store.check_folder()
        app.report_store_problems()
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Close the notice below the menu" in screen_cells.text_of(app)


async def test_a_profile_entry_left_out_is_told_on_the_home_screen(home_folder):
    store = home_folder
    app = opened_to_others(store)
    os.chmod(store.root, 0o700)
    (store.root / "profile.json").write_text('{"schema": 1, "due_date": "2027-03-01", "colour": "blue"}')
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        shown = words_on_screen(app)
        assert "entries pain-coach does not know or cannot use (colour)" in shown
        assert "The file is unchanged until you next save your profile." in shown
        assert "Dismiss notice" in footer_labels(app)
