"""Pilot: profile -> check-in -> assessment or red-flag screen, back-navigation, the flare log."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input, OptionList, Static

from coach.history.records import Profile
from coach.routines.block import blocking_checkin
from coach.tui.widgets.pain_scale import PainScale
from tests import screen_cells

SIZE = (100, 32)
DUE = Profile(due_date=date(2027, 2, 14), date_basis="due")  # 28 weeks + 4 days on the fixed test day


def screen_name(app) -> str:
    return type(app.screen).__name__


def shown(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def type_text(pilot, value: str) -> None:
    for ch in value:
        await pilot.press(ch)
    await pilot.pause()


# The calm check-in and one "none of these" per red-flag group at 30 weeks, as the snapshots answer them.
from tests.shots import CALM, NO_FLAGS  # noqa: E402


async def test_first_checkin_asks_the_profile_then_saves_and_assesses(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c")
        assert screen_name(app) == "ProfileScreen"
        await press(pilot, "enter")  # "my due date"
        app.screen.query_one("#date", Input).focus()
        await type_text(pilot, "14/02/2027")
        assert shown(app, "#date-echo") == "14 February 2027: you are 28 weeks + 4 days today (third trimester)."
        await press(pilot, "ctrl+s")
        assert screen_name(app) == "CheckInScreen"
        assert store.load_profile().due_date == date(2027, 2, 14)
        assert shown(app, "#progress") == "Question 1 of 16"
        await press(pilot, *CALM)
        assert shown(app, "#progress") == "Question 12 of 16"
        await press(pilot, *NO_FLAGS)
        assert screen_name(app) == "AssessmentScreen"
        assert "pelvic girdle pain" in shown(app, "#pattern") and "a midwife or physio can confirm" in shown(
            app, "#pattern"
        )
        menu = app.screen.query_one("#routines-to-try", OptionList)
        assert "Quick buttock relief" in str(menu.get_option_at_index(0).prompt)
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.pain_now, checkin.pain_worst, checkin.pattern) == (
        "self-care",
        4,
        5,
        "pelvic-girdle",
    )
    assert checkin.answers["where"] == ["buttock"] and checkin.answers["flags_other"] == []
    assert checkin.gestation_days == 28 * 7 + 4
    assert "quick-buttock-relief" in checkin.routines


async def test_an_impossible_due_date_is_refused_and_nothing_saved(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "p")
        await press(pilot, "enter")
        app.screen.query_one("#date", Input).focus()
        await type_text(pilot, "31/02/2027")
        await press(pilot, "ctrl+s")
        assert screen_name(app) == "ProfileScreen"
        assert shown(app, "#profile-problem") == "February has 28 days in 2027: please check the day."
        app.screen.query_one("#date", Input).value = "2026-09-01"
        await press(pilot, "ctrl+s")
        assert "If your baby has been born" in shown(app, "#profile-problem")
    assert store.load_profile() == Profile()


async def test_a_red_flag_goes_to_the_red_flag_screen_and_blocks_routines(make_app, store):
    store.save_profile(DUE.model_copy(update={"emergency_number": "112"}))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n", "n", "n", "d", "enter", "n")  # baby moving less
        assert screen_name(app) == "RedFlagScreen"
        assert "maternity unit" in shown(app, "#redflag-title")
        assert "Baby moving less" in shown(app, "#redflag-flags")
        assert "112" in shown(app, "#numbers")
        assert blocking_checkin(store, app.settings) is not None
        await pilot.click("#checked")
        await pilot.pause()
        assert screen_name(app) == "ConfirmCheckedScreen"
        await press(pilot, "y")
        assert screen_name(app) == "HomeScreen"
        assert blocking_checkin(store, app.settings) is None
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.flags, checkin.routines) == ("urgent", ["baby-movements"], [])


async def test_red_flag_screen_lists_default_numbers_without_ones_own(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "d", "enter")  # bladder or bowel: an emergency ends the check-in at once
        assert screen_name(app) == "RedFlagScreen"
        assert shown(app, "#redflag-title") == "Get help now"
        numbers = shown(app, "#numbers")
        assert "999" in numbers and "112" in numbers and "911" in numbers
        await press(pilot, "escape")
        assert screen_name(app) == "HomeScreen"
    assert blocking_checkin(store, app.settings).flags == ["bladder-bowel"]


async def test_back_changes_an_answer(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "b", "enter", "a", "a", "enter", "4", "enter")
        assert shown(app, "#progress") == "Question 5 of 16"
        await press(pilot, "escape")  # back to "pain now", which shows the earlier answer
        assert app.screen.query_one("#scale", PainScale).value == 4
        await press(pilot, "left", "left", "enter", "5", "enter", "c", "enter", "a", "a", "a", "a", "b", *NO_FLAGS)
        assert screen_name(app) == "AssessmentScreen"
    assert store.query(kind="checkin")[0].pain_now == 2


async def test_scale_needs_a_number_before_enter(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "b", "enter", "a", "a", "enter")
        await press(pilot, "enter")  # nothing chosen yet
        assert shown(app, "#progress") == "Question 4 of 16"
        await pilot.click("#next")
        await pilot.pause()
        assert shown(app, "#progress") == "Question 4 of 16"
        assert shown(app, "#problem") == "Choose a number from 0 to 10: type it, or use ← and →."


async def test_where_needs_an_answer(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "enter")
        assert shown(app, "#progress") == "Question 1 of 16"
        assert shown(app, "#problem") == "Choose at least one."


async def test_the_flare_log_in_three_keys(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f", "6", "enter")
        assert screen_name(app) == "HomeScreen"
    [flare] = store.query(kind="flare")
    assert (flare.pain, flare.where, flare.gestation_days) == (6, [], 28 * 7 + 4)


async def test_the_flare_log_with_where_and_activity_and_refusal(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f")
        await type_text(pilot, "12")
        await press(pilot, "enter")
        assert "0 to 10" in shown(app, "#flare-problem")
        app.screen.query_one("#flare-pain", Input).value = "7"
        await press(pilot, "tab", "down", "space", "tab", "down", "tab")  # buttock; second activity
        await type_text(pilot, "stairs at work")
        await press(pilot, "enter")
        assert screen_name(app) == "HomeScreen"
    [flare] = store.query(kind="flare")
    assert (flare.pain, flare.where, flare.note) == (7, ["buttock"], "stairs at work")
    assert flare.activity is not None


async def test_home_shows_the_week(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert shown(app, "#status") == "28 weeks + 4 days pregnant · third trimester"


async def test_profile_saves_lmp_pgp_conditions_and_number(make_app, store):
    from textual.widgets import SelectionList

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "p", "down", "enter")  # "the first day of my last period"
        app.screen.query_one("#date", Input).focus()
        await type_text(pilot, "1 May 2026")
        assert "your due date is 5 February 2027" in shown(app, "#date-echo")
        app.screen.query_one("#conditions", SelectionList).select("pre-eclampsia")
        app.screen.query_one("#emergency", Input).value = "+44 999"
        app.screen.query_one("#pgp").focus()
        await press(pilot, "enter")  # yes
        await press(pilot, "ctrl+s")
        assert screen_name(app) == "HomeScreen"
        assert "29 weeks + 6 days pregnant" in shown(app, "#status")
    profile = store.load_profile()
    assert (profile.date_basis, profile.lmp, profile.due_date) == ("lmp", date(2026, 5, 1), date(2027, 2, 5))
    assert (profile.pgp_diagnosed, profile.conditions, profile.emergency_number) == (
        "yes",
        ["pre-eclampsia"],
        "+44 999",
    )


async def test_a_bad_emergency_number_is_refused(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "p")
        app.screen.query_one("#emergency", Input).value = "call 999"
        await press(pilot, "ctrl+s")
        assert screen_name(app) == "ProfileScreen"
        assert "digits" in shown(app, "#profile-problem")
    assert store.load_profile() == Profile()


async def test_skipping_the_profile_still_allows_a_checkin(make_app, store):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "escape")
        assert screen_name(app) == "CheckInScreen"
        await press(pilot, *CALM, *NO_FLAGS)
        assert screen_name(app) == "AssessmentScreen"
    assert store.query(kind="checkin")[0].gestation_days is None


async def test_escape_on_the_first_question_leaves_without_saving(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "escape")
        assert screen_name(app) == "HomeScreen"
    assert store.query(kind="checkin") == []


async def test_command_palette_offers_checkin_profile_and_flare_log(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
    assert {"Check in: how is the pain?", "Log a flare", "Profile: due date and more"} <= set(titles)


async def test_red_flag_screen_fits_the_smallest_window(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c", *CALM, "n", "n", "n", "n", "d", "enter")  # a fall or blow to the bump
        assert screen_name(app) == "RedFlagScreen"
        for button in ("#go-home", "#checked"):
            region = app.screen.query_one(button).region
            assert region.height == 3 and region.y >= 0 and region.bottom <= 24


async def test_an_emergency_answer_ends_the_checkin_at_once(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n")  # no nerve signs
        assert shown(app, "#progress") == "Question 13 of 16"
        await press(pilot, "a", "enter")  # cannot pass urine: three red-flag groups still to come
        assert screen_name(app) == "RedFlagScreen"
        assert shown(app, "#redflag-title") == "Get help now"
        assert "Cannot start passing urine" in shown(app, "#redflag-flags")
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.flags, checkin.routines, checkin.advice) == (
        "emergency",
        ["urine-retention"],
        [],
        [],
    )
    assert "flags_other" not in checkin.answers


async def test_an_urgent_answer_finishes_the_red_flag_groups_then_goes_to_care(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n", "b", "enter")  # pain or burning passing urine: urgent
        assert screen_name(app) == "CheckInScreen"
        assert shown(app, "#progress") == "Question 14 of 16"  # the remaining groups are still asked
        await press(pilot, "a", "enter")  # ... and heavy bleeding there ends it at once
        assert screen_name(app) == "RedFlagScreen"
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.flags) == ("emergency", ["heavy-bleeding", "painful-urination"])


async def test_urgent_answers_never_reach_a_relief_plan(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n", "b", "enter", "n", "n", "n")
        assert screen_name(app) == "RedFlagScreen"
        assert "Contact your maternity unit" in shown(app, "#redflag-title")
    [checkin] = store.query(kind="checkin")
    assert (checkin.level, checkin.flags, checkin.advice, checkin.routines) == ("urgent", ["painful-urination"], [], [])


async def test_after_the_birth_the_checkin_asks_postnatal_signs(make_app, store):
    from datetime import timedelta

    from tests.conftest import FIXED_NOW

    store.save_profile(Profile(date_basis="born", birth_date=FIXED_NOW.date() - timedelta(days=1)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n", "n")  # nerves, urine
        assert shown(app, "#progress") == "Question 14 of 16"
        assert "Since the birth" in shown(app, "#question")
        await press(pilot, "n", "b", "enter")  # a wound that is red or oozing
        assert "Since the birth" not in shown(app, "#question")
        await press(pilot, "n")
        assert screen_name(app) == "RedFlagScreen"
        assert shown(app, "#redflag-title") == "Contact your midwife or GP today"
    [checkin] = store.query(kind="checkin")
    assert checkin.flags == ["wound-problem"]
    assert not {"flags_pregnancy", "flags_bleeding"} & set(checkin.answers)


async def test_i_have_been_checked_has_its_key_asks_first_and_is_kept_in_the_history(make_app, store):
    from coach.history.export import to_markdown
    from coach.history.records import Clearance
    from tests.conftest import FIXED_NOW

    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", *CALM, "n", "b", "enter", "n", "n", "n")  # burning urine: urgent
        assert screen_name(app) == "RedFlagScreen"
        footer = [(k.key_display, k.description) for k in screen_cells.footer_keys(app.screen)]
        assert ("c", "I've been checked") in footer
        await press(pilot, "question_mark")
        assert screen_name(app) == "HelpScreen"
        help_text = "\n".join(str(s.content) for s in app.screen.query(".keys"))
        assert "A midwife or doctor has checked me" in help_text
        await press(pilot, "escape")
        await press(pilot, "c")
        assert screen_name(app) == "ConfirmCheckedScreen"
        await press(pilot, "n")  # not yet: nothing changes
        assert screen_name(app) == "RedFlagScreen"
        assert store.query(kind="clearance") == []
        assert blocking_checkin(store, app.settings) is not None
        await press(pilot, "c", "y")
        assert screen_name(app) == "HomeScreen"
        assert blocking_checkin(store, app.settings) is None
    [cleared] = store.query(kind="clearance")
    [checkin] = store.query(kind="checkin")
    assert isinstance(cleared, Clearance)
    assert (cleared.checkin_id, cleared.level, cleared.flags, cleared.at) == (
        checkin.id,
        "urgent",
        ["painful-urination"],
        FIXED_NOW,
    )
    report = to_markdown(app.content, store.query(), FIXED_NOW)
    assert "Marked as checked by a midwife or doctor:" in report
    local = FIXED_NOW.astimezone()
    assert f"- {local:%Y-%m-%d} {local:%H:%M}: after pain or burning when passing urine" in report


async def test_worst_pain_below_pain_now_is_refused_on_the_screen(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "c", "b", "enter", "a", "a", "enter", "6", "enter", "4", "enter")
        assert "How bad was it at its worst" in shown(app, "#question")
        assert "cannot be lower than the pain right now (6)" in shown(app, "#problem")
        await press(pilot, "backspace", "7", "enter")
        assert "What makes it worse" in shown(app, "#question")
