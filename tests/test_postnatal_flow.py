"""After the birth, as a person goes through it: an emergency sign ends the check-in at once; after a
caesarean the routines hold strenuous moves back and say why, until the postnatal check is in the profile."""

from __future__ import annotations

from datetime import timedelta

from coach.history.records import Profile
from tests.conftest import FIXED_NOW
from tests.test_checkin_flow import CALM, SIZE, press, screen_name, shown, type_text

BORN = FIXED_NOW.date() - timedelta(days=20)


async def test_a_postnatal_emergency_sign_ends_the_checkin_at_once(make_app, store):
    store.save_profile(Profile(date_basis="born", birth_date=BORN, emergency_number="112"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n", "n")  # nerves, urine
        assert shown(app, "#progress") == "Question 14 of 16"
        await press(pilot, "a", "enter")  # very heavy bleeding: two groups still to come
        assert screen_name(app) == "RedFlagScreen"
        assert shown(app, "#redflag-title") == "Get help now"
        assert shown(app, "#numbers") == "Your emergency number: 112"
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.flags, checkin.routines) == ("emergency", ["postnatal-bleeding"], [])
    assert not {"flags_postnatal", "flags_other"} & set(checkin.answers)


async def test_after_a_caesarean_routines_hold_strenuous_moves_until_the_check_is_in_the_profile(make_app, store):
    store.save_profile(Profile(date_basis="born", birth_date=BORN, birth_kind="caesarean", pgp_diagnosed="no"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "r")
        assert screen_name(app) == "RoutinesScreen"
        assert "After a caesarean, strenuous moves" in shown(app, "#plan-notes")
        menu = app.screen.query_one("OptionList")
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert app.focused is menu  # the list has the focus as the screen opens
        await press(pilot, *["down"] * ids.index("back-of-thigh-ease"))
        detail = shown(app, "#routine-detail")
        assert "Glute bridge" not in detail.split("Changed for you:")[0]  # not among the steps
        assert "Glute bridge → Buttock squeeze: strenuous: held back until your postnatal check" in detail
        await press(pilot, "escape", "p")
        assert screen_name(app) == "ProfileScreen"
        app.screen.query_one("#postnatal-check").focus()
        await type_text(pilot, "25/11/2026")
        await press(pilot, "enter", "r")
        assert "strenuous moves are offered again" in shown(app, "#plan-notes")
        await press(pilot, *["down"] * ids.index("back-of-thigh-ease"))
        assert "• Glute bridge: 8 x 5 s" in shown(app, "#routine-detail")
    assert store.load_profile().postnatal_check == FIXED_NOW.date() - timedelta(days=1)
