"""THE FOOTER CONTRACT: on every screen and dialog, in each state its footer can be in, every key the footer
shows does something a person can see (the screen changes, or what is on it, or the app ends), and help opens.

Each state is reached from a fresh app by the keys a person presses (tests/test_footer.py checks the footers
fit 80 columns; this checks that what they offer works). A key is tried on a fresh app reaching the state, or on
the same app once what the previous key opened is closed and the screen is exactly as it was (the cost of the
test is reaching states: it was one fresh app per key, and one more for help). A new screen or dialog in coach/tui/screens/__init__.py
without a state here fails test_every_screen_and_dialog_has_a_state.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from textual.clock import MockClock

from coach.history.records import CheckIn, FlareLog, RoutineSession
from coach.history.store import Store
from coach.tui.app import PainCoachApp, screen_class
from coach.tui.screens import SCREENS
from coach.tui.widgets.key_footer import KeyFooter
from tests import screen_cells
from tests.conftest import FIXED_NOW
from tests.packaged import CONTENT
from tests.screen_cells import _segments
from tests.shots import CALM, NO_FLAGS, at_30_weeks_not_checked_today, at_30_weeks_with_pgp

SMALL = (80, 24)
PLAYING = ("r", "enter", "4", "enter")


def with_records(store: Store) -> None:
    at_30_weeks_with_pgp(store)
    store.add(FlareLog(at=FIXED_NOW - timedelta(hours=3), pain=6, note="after stairs"))
    store.add(
        RoutineSession(
            at=FIXED_NOW - timedelta(hours=2), routine_id="desk-break", content_version="1", steps_done=3,
            steps_total=9, active_seconds=60, pain_before=5, pain_after=3,
        )
    )  # fmt: skip


def blocked(store: Store) -> None:
    at_30_weeks_with_pgp(store)
    store.add(CheckIn(answers={}, pain_now=8, level="urgent", at=FIXED_NOW - timedelta(hours=1)))


def open_to_others(store: Store) -> None:
    """A data folder the person made that others can read: the home screen shows a notice (Dismiss)."""
    at_30_weeks_with_pgp(store)
    os.chmod(store.root, 0o755)


@dataclass(frozen=True)
class State:
    name: str
    screen: str  # the class the keys lead to
    keys: tuple[str, ...] = ()
    setup: Callable[[Store], None] = at_30_weeks_with_pgp
    first_run: bool = False
    size: tuple[int, int] = SMALL


STATES = [
    State("home", "HomeScreen"),
    State("home, with a notice", "HomeScreen", setup=open_to_others),
    State("first run notice", "FirstRunScreen", first_run=True),
    State("help", "HelpScreen", ("question_mark",)),
    State("about", "AboutScreen", ("a",)),
    State("window too small", "TooSmallScreen", size=(70, 20)),
    State("history, records", "HistoryScreen", ("h",), with_records),
    State("history, empty", "HistoryScreen", ("h",)),
    State("history, trends", "HistoryScreen", ("h", "t"), with_records),
    State("history, what helps", "HistoryScreen", ("h", "w"), with_records),
    State("history, after a delete", "HistoryScreen", ("h", "d", "y"), with_records),
    State("record detail", "RecordDetailScreen", ("h", "enter"), with_records),
    State("note editor", "NoteEditor", ("h", "enter", "n"), with_records),
    State("confirm delete", "ConfirmDelete", ("h", "enter", "d"), with_records),
    State("export dialog", "ExportDialog", ("h", "e"), with_records),
    State("routines", "RoutinesScreen", ("r",)),
    State("routines, paused by a red flag", "RoutinesScreen", ("r",), blocked),
    State("before you start", "SafetyCheckScreen", ("r", "enter"), at_30_weeks_not_checked_today),
    State("stop and seek advice", "StopAdviceScreen", ("r", "enter", "tab", "enter"), at_30_weeks_not_checked_today),
    State("pain before", "PainRatingScreen", ("r", "enter")),
    State("player, running", "PlayerScreen", PLAYING),
    State("player, paused", "PlayerScreen", (*PLAYING, "space")),
    State("why stop", "StopReasonScreen", (*PLAYING, "s")),
    State("pain after", "PainRatingScreen", (*PLAYING, "s", "enter")),
    State("pain after, chosen", "PainRatingScreen", (*PLAYING, "s", "enter", "3", "enter")),
    State("quit mid-routine", "ConfirmQuitScreen", (*PLAYING, "ctrl+q")),
    State("check-in, tick list", "CheckInScreen", ("c",)),
    State("check-in, one choice", "CheckInScreen", ("c", "b", "enter")),
    State("check-in, 0-10", "CheckInScreen", ("c", "b", "enter", "a", "a", "enter")),
    State("check-in, red flags", "CheckInScreen", ("c", *CALM)),
    State("assessment", "AssessmentScreen", ("c", *CALM, *NO_FLAGS)),
    State("red flag", "RedFlagScreen", ("c", *CALM, "a", "enter", "n", "n", "n")),
    State("care screen from the paused routines", "RedFlagScreen", ("r", "c"), blocked),
    State("I have been checked?", "ConfirmCheckedScreen", ("r", "c", "c"), blocked),
    State("profile", "ProfileScreen", ("p",)),
    State("flare log", "FlareLogModal", ("f",)),
]


def test_every_screen_and_dialog_has_a_state():
    reached = {state.screen for state in STATES}
    registered = {screen_class(name).__name__ for name in SCREENS}
    dialogs = {"NoteEditor", "ConfirmDelete", "ExportDialog"}  # opened by their screens, not by name
    assert registered | dialogs <= reached


def seen(app) -> tuple[object, ...]:
    """What a person can see: which screens are open, every character on screen and its colours (a ticked box
    differs from an empty one only by colour), and whether the app ended."""
    cells = tuple((segment.text, str(segment.style)) for line in _segments(app) for segment in line)
    return tuple(type(s).__name__ for s in app.screen_stack), cells, app.return_code


def fresh_app(folder: Path, state: State) -> PainCoachApp:
    """An app on a data folder of its own, set up for the state, on a mock clock and a fixed day."""
    store = Store(folder, CONTENT)
    state.setup(store)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": not state.first_run}))
    return PainCoachApp(store, CONTENT, clock=MockClock(), now=lambda: FIXED_NOW)


async def go(pilot, state: State) -> None:
    await pilot.pause()
    for key in state.keys:
        await pilot.press(key)
        await pilot.pause()
    assert type(pilot.app.screen).__name__ == state.screen, f"{state.keys} did not lead to {state.screen}"


def footer_keys(app) -> list[tuple[str, str]]:
    if not app.screen.query(KeyFooter):  # no footer of its own: a dialog without one would show the keys beneath
        pytest.fail(f"{type(app.screen).__name__} has no footer")
    return [(key.key, key.description) for key in screen_cells.footer_keys(app.screen) if key.enabled]


def stack(app) -> list[str]:
    return [type(s).__name__ for s in app.screen_stack]


async def back_to(pilot, before: tuple[object, ...], depth: int) -> bool:
    """Undo a key that opened a screen over the state (help, a dialog) by closing what it opened, and say whether
    the person would now see exactly what they saw before the key: then the next key can be tried from here."""
    app = pilot.app
    if app.return_code is not None or len(app.screen_stack) <= depth:
        return False
    while len(app.screen_stack) > depth:
        app.pop_screen()
        await pilot.pause()
    await pilot.pause()
    return seen(app) == before


@pytest.mark.parametrize("state", STATES, ids=[s.name for s in STATES])
async def test_every_key_the_footer_shows_does_something_and_help_opens(tmp_path, state):
    """Each key is pressed on the state as the keys reached it in a fresh app, or on the same app once what the
    key opened is closed again and the screen is exactly as before (every cell and colour, the screens open):
    so a key that changes the state never hides the next one, without a fresh app for every key."""
    keys: list[tuple[str, str]] | None = None
    dead: list[str] = []
    help_checked = state.screen == "HelpScreen"
    number = 0
    while keys is None or keys:
        app = fresh_app(tmp_path / f"app-{number}", state)
        number += 1
        async with app.run_test(size=state.size) as pilot:
            await go(pilot, state)
            await pilot.pause()
            depth = len(app.screen_stack)
            before = seen(app)
            if keys is None:
                keys = footer_keys(app)
                assert keys, f"the footer of {state.name} shows no keys"
            if not help_checked:  # help opens in every state, and closes back to where the person was
                help_checked = True
                await pilot.press("f1")
                await pilot.pause()
                assert type(app.screen).__name__ == "HelpScreen"
                await pilot.press("escape")
                await pilot.pause()
                assert type(app.screen).__name__ == state.screen
                if seen(app) != before:
                    continue
            while keys:
                key, label = keys.pop(0)
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
                if seen(app) == before:
                    dead.append(f"{key} {label}")
                if keys and not await back_to(pilot, before, depth):
                    break
    assert dead == [], f"on {state.name}, the footer offers keys that do nothing"
