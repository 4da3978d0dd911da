"""What walking every journey in tmux at 80x24 and 120x40 found (issue 11 point 11), each as a person meets it."""

from __future__ import annotations

import pytest

from tests.screen_cells import lines
from tests.shots import CALM, NO_FLAGS
from tests.test_footer_contract import PLAYING, State, footer_keys, fresh_app, go

SMALL = (80, 24)


@pytest.mark.parametrize(
    ("state", "title"),
    [
        (State("player", "PlayerScreen", PLAYING), "Quick buttock relief"),
        (
            State("stop advice", "StopAdviceScreen", (*PLAYING, "s", "tab", "tab", "enter")),
            "Stop exercising and seek advice",
        ),
        (State("about", "AboutScreen", ("a",)), "About pain-coach"),
    ],
    ids=["player", "stop advice", "about"],
)
async def test_the_header_names_the_screen_not_the_home_screen(tmp_path, state, title):
    app = fresh_app(tmp_path, state)
    async with app.run_test(size=SMALL) as pilot:
        await go(pilot, state)
        header = lines(app)[0]
        assert title.lower() in header.lower(), header
        assert "gentle self-care" not in header


async def test_the_pain_rating_footer_says_what_escape_does_and_fits_80_columns(tmp_path):
    before = State("before", "PainRatingScreen", ("r", "enter"))
    app = fresh_app(tmp_path / "before", before)
    async with app.run_test(size=SMALL) as pilot:
        await go(pilot, before)
        assert ("escape", "Don't start") in footer_keys(app)
        assert "Skip" not in dict(footer_keys(app)).values()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "RoutinesScreen"

    after = State("after, chosen", "PainRatingScreen", (*PLAYING, "s", "enter", "1", "0", "enter"))
    app = fresh_app(tmp_path / "after", after)
    async with app.run_test(size=SMALL) as pilot:
        await go(pilot, after)
        shown = dict(footer_keys(app))
        assert shown["escape"] == "Skip"
        assert {"Better", "Same", "Worse"} <= set(shown.values())
        footer = lines(app)[-1]
        assert "w Worse" in footer, f"cut at 80 columns: {footer!r}"


async def test_enter_starts_the_routine_picked_in_routines_to_try_and_the_footer_says_so(tmp_path):
    state = State("assessment", "AssessmentScreen", ("c", *CALM, *NO_FLAGS))
    app = fresh_app(tmp_path, state)
    async with app.run_test(size=SMALL) as pilot:
        await go(pilot, state)
        await pilot.press("tab", "down")  # into the list, the second routine
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "routines-to-try"
        assert ("enter", "Start routine") in footer_keys(app)
        picked = app.focused.get_option_at_index(app.focused.highlighted).id
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert type(app.screen).__name__ in ("PainRatingScreen", "SafetyCheckScreen")
        routines = next(s for s in app.screen_stack if type(s).__name__ == "RoutinesScreen")
        assert routines.start_with == picked
