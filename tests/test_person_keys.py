"""Issue 11, as a person meets it: help on every dialog, footers that offer what works in the state the screen is
in, the routines screen that says how to start one, and a routine started straight from the assessment."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList, Static

from coach.history.records import CheckIn, FlareLog, Profile
from tests import screen_cells
from tests.conftest import FIXED_NOW
from tests.shots import CALM, NO_FLAGS, at_30_weeks_not_checked_today, at_30_weeks_with_pgp

SMALL = (80, 24)


def screen_name(app) -> str:
    return type(app.screen).__name__


async def press(pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


def footer_labels(app) -> list[str]:
    """The words the footer shows now, as a person reads them."""
    return [key.description for key in screen_cells.footer_keys(app.screen)]


def help_text(app) -> str:
    return "\n".join(str(s.content) for s in app.screen.query(Static))


def screen_text(app) -> str:
    from tests.screen_cells import _segments

    return "\n".join("".join(s.text for s in line) for line in _segments(app))


# --- point 3: help on every dialog -----------------------------------------------------------------


async def help_opens_over(pilot, dialog: str, key: str) -> None:
    app = pilot.app
    assert screen_name(app) == dialog
    await press(pilot, key)
    assert screen_name(app) == "HelpScreen", f"{key} on {dialog}"
    await press(pilot, "escape")
    assert screen_name(app) == dialog


async def test_help_opens_on_the_first_run_notice(make_app):
    app = make_app(first_run_done=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert "Help" in footer_labels(app)
        await help_opens_over(pilot, "FirstRunScreen", "question_mark")
        await help_opens_over(pilot, "FirstRunScreen", "f1")
        await press(pilot, "f1")
        assert "I understand" in help_text(app)  # the dialog's own keys
        assert "Commands" not in help_text(app)  # ctrl+p does not reach past a dialog: not offered


async def test_help_opens_on_before_you_start_and_the_pain_rating(make_app, store):
    at_30_weeks_not_checked_today(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "r", "enter")
        await help_opens_over(pilot, "SafetyCheckScreen", "question_mark")
        await press(pilot, "enter")  # "I feel fine, start"
        await help_opens_over(pilot, "PainRatingScreen", "question_mark")
        await help_opens_over(pilot, "PainRatingScreen", "f1")


async def test_help_opens_on_the_flare_log_by_f1_while_the_pain_field_takes_typed_text(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "f")
        await help_opens_over(pilot, "FlareLogModal", "f1")
        assert "f1" in [key.key for key in screen_cells.footer_keys(app.screen)]


async def test_help_is_not_offered_on_help_itself(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "question_mark")
        assert screen_name(app) == "HelpScreen"
        assert "Help" not in footer_labels(app) and "Close" in footer_labels(app)


# --- point 4: the footer offers what works here, and only that ---------------------------------------


async def test_none_of_these_is_offered_on_red_flag_questions_only(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "c")
        assert "None of these" not in footer_labels(app)  # "Where does it hurt?": required
        await press(pilot, "n")
        assert "Question 1 of" in str(app.screen.query_one("#progress", Static).content)  # and n did nothing
        await press(pilot, *CALM)
        assert "None of these" in footer_labels(app)  # the first red-flag question
        await press(pilot, "n")
        assert "Question 13 of" in str(app.screen.query_one("#progress", Static).content)


async def test_history_filters_are_offered_on_the_records_tab_and_undo_once_there_is_one(make_app, store):
    at_30_weeks_with_pgp(store)
    store.add(FlareLog(at=FIXED_NOW - timedelta(hours=2), pain=6, note="after stairs"))
    store.add(FlareLog(at=FIXED_NOW - timedelta(hours=1), pain=3))
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "h")
        labels = footer_labels(app)
        assert {"Kind", "Period", "Search"} <= set(labels) and "Undo" not in labels
        await press(pilot, "t")
        assert not {"Kind", "Period", "Search"} & set(footer_labels(app))
        await press(pilot, "w")
        assert not {"Kind", "Period", "Search"} & set(footer_labels(app))
        await press(pilot, "r", "d")  # delete from the list, not only from the detail
        assert screen_name(app) == "ConfirmDelete"
        await press(pilot, "y")
        assert [r.pain for r in store.query()] == [6]
        assert "Undo" in footer_labels(app)
        await press(pilot, "u")
        assert sorted(r.pain for r in store.query()) == [3, 6]
        assert "Undo" not in footer_labels(app)


async def test_a_note_is_written_from_the_history_list(make_app, store):
    at_30_weeks_with_pgp(store)
    store.add(FlareLog(at=FIXED_NOW - timedelta(hours=1), pain=3))
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "h", "n")
        assert screen_name(app) == "NoteEditor"
        await press(pilot, *"sofa", "ctrl+s")
        assert screen_name(app) == "HistoryScreen"
        assert [r.note for r in store.query()] == ["sofa"]


async def test_the_after_rating_offers_better_same_worse_once_the_pain_is_chosen(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "r", "enter", "4", "enter")
        assert screen_name(app) == "PlayerScreen"
        await press(pilot, "s", "enter")  # stop: "done for now" is the first reason
        assert screen_name(app) == "PainRatingScreen"
        assert not {"Better", "Same", "Worse"} & set(footer_labels(app))
        await press(pilot, "1", "0", "enter")
        assert {"Better", "Same", "Worse"} <= set(footer_labels(app))
        await press(pilot, "w")
        assert screen_name(app) == "RoutinesScreen"
    [session] = store.query(kind="routine")
    assert (session.pain_after, session.feeling) == (10, "worse")


async def test_the_player_footer_says_pause_or_resume_and_the_voice_and_the_time_keys_still_work(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "r", "enter", "4", "enter")
        labels = footer_labels(app)
        assert "Pause" in labels and "Resume" not in labels
        assert not app._notifications  # Pause and Resume share Space: no "key taken" warning
        # Voice's state took the time keys' room in the footer (issue 16); they still work, and help lists them.
        assert "Voice: off" in labels
        await press(pilot, "plus")
        assert app.screen.player.deadline == 5 + 10
        await press(pilot, "space")
        labels = footer_labels(app)
        assert "Resume" in labels and "Pause" not in labels
        assert app.screen.player.paused
        await press(pilot, "space")
        assert "Pause" in footer_labels(app) and not app.screen.player.paused


# --- point 6: the routines screen says how to start; start from the assessment ------------------------


async def test_the_routines_screen_has_its_title_says_how_to_start_and_offers_enter(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "r")
        shown = screen_text(app)
        assert "Guided routines" in shown.splitlines()[0]
        assert "then press Enter (or click it) to start" in shown
        assert "Start" in footer_labels(app)


async def test_a_suggested_routine_starts_straight_from_the_assessment(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "c", *CALM, *NO_FLAGS)
        assert screen_name(app) == "AssessmentScreen"
        assert "Start routine" in footer_labels(app)
        menu = app.screen.query_one("#routines-to-try", OptionList)
        second = menu.get_option_at_index(1).id
        await press(pilot, "enter")  # the first suggestion
        assert screen_name(app) == "PainRatingScreen"
        await press(pilot, "escape", "escape")  # not now; back to the assessment
        assert screen_name(app) == "AssessmentScreen"
        await press(pilot, "tab", "down", "enter")  # the second, picked in the list
        assert screen_name(app) == "PainRatingScreen"
        await press(pilot, "3", "enter")
        assert screen_name(app) == "PlayerScreen"
        assert app.screen.plan.routine.id == second


# --- point 7: the routines-paused banner stays in sight ------------------------------------------------


async def test_the_paused_banner_is_on_screen_at_80x24_for_a_pgp_and_a_postnatal_profile(make_app, store):
    blocked = CheckIn(answers={}, pain_now=8, level="urgent", at=FIXED_NOW - timedelta(hours=1))
    store.add(blocked)
    for profile in (
        Profile(due_date=(FIXED_NOW + timedelta(weeks=10)).date(), date_basis="due", pgp_diagnosed="yes"),
        Profile(date_basis="born", birth_date=(FIXED_NOW - timedelta(weeks=3)).date(), pgp_diagnosed="unsure"),
    ):
        store.save_profile(profile)
        app = make_app()
        async with app.run_test(size=SMALL) as pilot:
            await press(pilot, "r")
            assert "Routines are" in screen_text(app) and "paused" in screen_text(app)
            assert "Start" not in footer_labels(app)  # Enter would only refuse


# --- point 10: the palette, and ctrl+q in the middle of a routine ---------------------------------------


async def test_the_palette_lists_keys_once_and_not_textuals_maximize(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        titles = [str(command.title) for command in app.get_system_commands(app.screen)]
    assert titles.count("Keys") == 1
    assert "Maximize" not in titles
    assert "Theme" in titles and "Quit" in titles


async def test_ctrl_q_in_a_routine_asks_and_says_what_is_saved(make_app, store):
    at_30_weeks_with_pgp(store)
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "r", "enter", "4", "enter")
        assert screen_name(app) == "PlayerScreen"
        player = app.screen
        await press(pilot, "ctrl+q")
        assert screen_name(app) == "ConfirmQuitScreen" and app.return_code is None
        assert "so far is saved" in screen_text(app) and "stopped early" in screen_text(app)
        assert player.player.paused  # the routine waits while the person decides
        await press(pilot, "escape")
        assert app.screen is player and not player.player.paused
        await press(pilot, "ctrl+q", "ctrl+q")  # asked, then quit
        assert app.return_code == 0
    [session] = store.query(kind="routine")
    assert session.stopped_early


async def test_ctrl_q_quits_at_once_outside_a_routine(make_app):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "h", "ctrl+q")
        assert app.return_code == 0


# --- point 9: no toast over what a person reads; the flare log whole at 80x24 ------------------------------


async def test_a_broken_routine_file_is_said_on_the_routines_screen_not_in_a_toast(make_app, store):
    from coach.routines.custom import routines_dir

    at_30_weeks_with_pgp(store)
    routines_dir().mkdir(parents=True)
    (routines_dir() / "broken.toml").write_text("[[routines]\n")
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "r")
        assert "broken.toml" in str(app.screen.query_one("#custom-problems", Static).content)
        assert "broken.toml" in screen_text(app)
        assert not app._notifications  # nothing covering the list


async def test_the_flare_log_shows_every_area_and_activity_and_says_which_activity_is_picked(make_app, store):
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await press(pilot, "f")
        shown = screen_text(app)
        content = app.content
        for label in [a.label for a in content.body.areas] + [a.label for a in content.questionnaire.flare_activities]:
            assert label in shown, f"{label} is not on screen at 80x24"
        await press(pilot, "tab", "tab", "down", "down")  # to the activities: the second one
        second = content.questionnaire.flare_activities[1]
        assert f"Doing: {second.label}" in screen_text(app)
        await press(pilot, "shift+tab", "shift+tab")
        assert f"Doing: {second.label}" in screen_text(app)  # still said with the focus elsewhere
        await press(pilot, *"6", "enter")
    [flare] = store.query(kind="flare")
    assert (flare.pain, flare.activity) == (6, second.id)
