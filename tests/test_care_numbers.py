"""Care screens show the number to call: an urgent sign the maternity unit's (from the profile), an emergency
the emergency number; the defaults when the profile has none, as before."""

from __future__ import annotations

import pytest
from textual.widgets import Markdown

from tests.test_checkin_flow import CALM, DUE, SIZE, press, screen_name, shown

URGENT = ("c", *CALM, "n", "n", "n", "d", "enter", "n")  # baby moving less
EMERGENCY = ("c", *CALM, "d", "enter")  # losing control of the bladder or bowel
DEFAULTS = "Emergency numbers:\n999  UK\n112  EU and many other countries\n911  US and Canada"
HINT = "Your maternity unit's number is in your maternity notes (add it to your profile to see it here)."


@pytest.mark.parametrize(
    "keys, emergency, maternity, numbers",
    [
        (URGENT, "112", "0114 226 8000", "Your maternity unit or midwife: 0114 226 8000\n"
         "If it gets worse, or you feel very unwell: 112"),
        (URGENT, None, "0114 226 8000", "Your maternity unit or midwife: 0114 226 8000\n"
         "If it gets worse, or you feel very unwell: 999 / 112 / 911"),
        (URGENT, "112", None, f"Your emergency number: 112\n{HINT}"),
        (URGENT, None, None, f"{DEFAULTS}\n{HINT}"),
        (EMERGENCY, "112", "0114 226 8000", "Your emergency number: 112"),
        (EMERGENCY, None, "0114 226 8000", DEFAULTS),
    ],
    ids=["urgent, both", "urgent, unit only", "urgent, emergency only", "urgent, none", "emergency, both",
         "emergency, unit only"],
)  # fmt: skip
async def test_urgent_screens_show_the_maternity_number_and_emergency_screens_the_emergency_number(
    make_app, store, keys, emergency, maternity, numbers
):
    store.save_profile(DUE.model_copy(update={"emergency_number": emergency, "maternity_number": maternity}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *keys)
        assert screen_name(app) == "RedFlagScreen"
        assert shown(app, "#numbers") == numbers


async def test_the_care_screen_shows_a_number_from_the_file_literally(make_app, store):
    """A hand-edited profile cannot style the screen: the number is shown as it is written."""
    store.save_profile(DUE.model_copy(update={"maternity_number": "[b]0114[/b]"}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, *URGENT)
        numbers = app.screen.query_one("#numbers")
        assert "Your maternity unit or midwife: [b]0114[/b]" in str(numbers.render())


async def test_stop_and_seek_advice_shows_the_maternity_number(make_app, store):
    from tests.shots import at_30_weeks_not_checked_today

    at_30_weeks_not_checked_today(store)
    store.save_profile(store.load_profile().model_copy(update={"maternity_number": "0114 226 8000"}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "r", "enter", "tab", "enter")  # start, then "I have one of these" on the safety list
        assert screen_name(app) == "StopAdviceScreen"
        words = app.screen.query_one(Markdown).source
        assert "**Your maternity unit or midwife: 0114 226 8000**" in words
