"""Pilot: pick a routine, pass the safety check, rate pain, pause, skip, finish, rate again; saved."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.clock import MockClock
from textual.widgets import OptionList, Static

from coach.history.records import CheckIn, Profile
from tests.conftest import FIXED_NOW


def routine_sessions(store):
    return store.query(kind="routine")


@pytest.fixture
def checked_today(store):
    """The day's "stop and seek advice" list already confirmed, so Start goes straight to the pain rating."""
    store.save_settings(store.load_settings().model_copy(update={"safety_check_date": FIXED_NOW.date()}))


async def open_routines(pilot):
    await pilot.press("r")
    await pilot.pause()
    return pilot.app.screen


async def start_first(pilot, routine_id: str = "desk-break"):
    screen = await open_routines(pilot)
    menu = screen.query_one(OptionList)
    ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
    menu.highlighted = ids.index(routine_id)
    await pilot.press("enter")
    await pilot.pause()


async def test_full_routine_with_pause_and_skip_is_saved_with_pain_before_and_after(make_app, store):
    store.save_profile(Profile(due_date=(FIXED_NOW + timedelta(weeks=10)).date(), pgp_diagnosed="no"))
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        assert app.screen.__class__.__name__ == "SafetyCheckScreen"
        await pilot.click("#fine")
        await pilot.pause()
        assert app.settings.safety_check_date == FIXED_NOW.date()
        await pilot.press("6", "enter")  # pain before
        await pilot.pause()
        player = app.screen
        assert player.__class__.__name__ == "PlayerScreen"
        assert "Get ready: Deep tummy draw-in" in str(player.query_one("#step-title", Static).content)
        total = player.player.planned_length
        assert f"Step 1 of {len(player.player.steps)} · {total // 60}:{total % 60:02d} left" in str(
            player.query_one("#routine-progress", Static).content
        )
        # the record is there from the start, as stopped early, in case the terminal closes
        assert routine_sessions(store)[0].stop_reason == "interrupted"

        clock.set_time(3.2)
        player.tick()
        assert player.query_one("#countdown").value == "0:02"
        await pilot.press("space")  # pause
        clock.set_time(63.2)  # a minute's pause changes nothing
        player.tick()
        assert player.query_one("#countdown").value == "0:02"
        assert "Paused" in str(player.query_one("#paused", Static).content)
        await pilot.press("space")
        await pilot.press("n")  # skip the rest of get-ready
        assert "Hold: Deep tummy draw-in (1 of 3)" in str(player.query_one("#step-title", Static).content)
        assert player.query_one("#countdown").value == "0:10"

        clock.set_time(10_000)  # run to the end
        player.tick()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PainRatingScreen"
        await pilot.press("2", "enter", "b")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RoutinesScreen"

    [session] = routine_sessions(store)
    assert session.routine_id == "desk-break"
    assert (session.pain_before, session.pain_after, session.feeling) == (6, 2, "better")
    assert not session.stopped_early and session.stop_reason is None
    assert session.steps_done == session.steps_total
    assert abs(session.paused_seconds - 60.0) < 1e-6
    assert abs(session.active_seconds - (total - 1.8)) < 1e-6  # the planned length less the 1.8 s skipped
    assert session.gestation_days == 30 * 7


async def test_safety_check_is_asked_once_a_day(make_app, store, checked_today):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        assert app.screen.__class__.__name__ == "PainRatingScreen"


async def test_condition_needing_clearance_is_acknowledged_every_time(make_app, store, checked_today):
    store.save_profile(Profile(conditions=["placenta-praevia"]))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        assert app.screen.__class__.__name__ == "SafetyCheckScreen"
        prose = app.screen.query_one("Prose")
        shown = " ".join(line.plain.strip() for line in prose.lines(prose.content_region.width))
        assert "low-lying placenta (placenta praevia) after 26 weeks" in shown


async def test_i_have_one_of_these_shows_the_advice_and_the_emergency_number(make_app, store):
    store.save_profile(Profile(emergency_number="000"))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.click("#unwell")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "StopAdviceScreen"
        assert "Call 000 at once" in app.screen.query_one("Markdown").source
    assert routine_sessions(store) == []
    assert store.load_settings().safety_check_date is None


async def test_red_flag_checkin_blocks_starting(make_app, store):
    store.add(CheckIn(answers={}, pain_now=8, level="urgent", at=FIXED_NOW - timedelta(hours=1)))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_routines(pilot)
        banner = screen.query_one("#routines-blocked", Static)
        assert banner.display and "needs care first" in str(banner.content)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen  # nothing started
        await pilot.press("c")  # the care screen again, without a new check-in
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RedFlagScreen"
        await pilot.press("c", "y")
        await pilot.pause()
        assert app.screen is screen
        assert not banner.display  # cleared: routines are offered again


async def test_unknown_profile_is_said_and_hidden_routines_are_explained(make_app, tmp_path):
    from coach.routines.custom import routines_dir

    routines_dir().mkdir(parents=True)
    (routines_dir() / "mine.toml").write_text(
        '[[routines]]\nid = "hips"\nname = "My hip routine"\nsteps = [{ exercise = "half-kneeling-hip-flexor" }]\n'
    )
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        screen = await open_routines(pilot)
        assert "don't know how far along" in str(screen.query_one("#plan-notes", Static).content)
        hidden = str(screen.query_one("#routines-hidden", Static).content)
        assert "My hip routine: every step was left out" in hidden
        detail = str(screen.query_one("#routine-detail", Static).content)
        assert "Changed for you:" in detail and "Standing buttock stretch" in detail


async def test_stop_felt_unwell_saves_and_shows_advice(make_app, store, checked_today):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("5", "enter")
        await pilot.pause()
        clock.set_time(20.0)
        app.screen.tick()
        await pilot.press("s")
        await pilot.pause()
        await pilot.click("#unwell")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.__class__.__name__ == "StopAdviceScreen"
    [session] = routine_sessions(store)
    assert session.stopped_early and session.stop_reason == "unwell"
    assert 0 < session.steps_done < session.steps_total
    assert abs(session.active_seconds - 20.0) < 1e-6


async def test_each_step_done_is_in_the_history_once_the_next_step_is_shown(make_app, store, checked_today):
    """A crash or a power cut mid-routine keeps the steps done: saved at each step change, just after the redraw."""
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await start_first(pilot)
        await pilot.press("5", "enter")
        await pilot.pause()
        [session] = routine_sessions(store)
        assert session.steps_done == 0
        clock.set_time(5.1)  # past the get-ready step
        app.screen.tick()
        await pilot.pause()
        assert "Hold: Deep tummy draw-in (1 of 3)" in str(app.screen.query_one("#step-title", Static).content)
        [session] = routine_sessions(store)
        assert session.steps_done == 1  # and marked "interrupted" until the routine ends


async def test_quitting_mid_routine_saves_it_as_stopped_early(make_app, store, checked_today):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("5", "enter")
        await pilot.pause()
        clock.set_time(50.0)
        app.screen.tick()
        await pilot.press("ctrl+q")
    [session] = routine_sessions(store)
    assert session.stopped_early and session.stop_reason == "interrupted"
    assert session.steps_done > 0 and abs(session.active_seconds - 50.0) < 1e-6


async def test_plus_minus_and_back_keys(make_app, store, checked_today):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("0", "enter")
        await pilot.pause()
        countdown = app.screen.query_one("#countdown")
        await pilot.press("plus")
        assert countdown.value == "0:15"
        await pilot.press("minus", "minus")
        assert "Hold" in str(app.screen.query_one("#step-title", Static).content)
        await pilot.press("left")
        assert "Get ready" in str(app.screen.query_one("#step-title", Static).content)
        assert countdown.value == "0:05"


async def test_breathing_pacer_and_reduced_motion(make_app, store, monkeypatch, content):
    from coach.tui.screens.player import reduced_motion
    from coach.tui.widgets.breathing_pacer import pacer_line

    cues = (content.text("player.breathe_in"), content.text("player.breathe_out"))
    assert pacer_line("in", 3, 0.25, reduced_motion=True, cues=cues) == "breathe in  3"
    assert "█" * 10 + "░" * 30 in pacer_line("in", 3, 0.25, reduced_motion=False, cues=cues)
    monkeypatch.delenv("TEXTUAL_ANIMATIONS")
    assert not reduced_motion(False) and reduced_motion(True)
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    assert reduced_motion(False)


async def test_player_says_what_was_changed_when_the_swapped_exercise_comes_up(make_app, store, checked_today):
    store.save_profile(Profile(due_date=(FIXED_NOW + timedelta(weeks=16)).date(), pgp_diagnosed="no"))  # 24 weeks
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot, "back-of-thigh-ease")
        await pilot.press("4", "enter")
        await pilot.pause()
        player = app.screen
        while "Buttock squeeze" not in str(player.query_one("#step-title", Static).content):
            await pilot.press("n")
        assert "Get ready: Buttock squeeze" in str(player.query_one("#step-title", Static).content)
        position = str(player.query_one("#step-position", Static).content)
        assert "Changed for you: Glute bridge → Buttock squeeze" in position


async def test_one_bell_per_step_change_unless_turned_off(make_app, store, checked_today):
    clock = MockClock()
    app = make_app(clock=clock)
    rings = []
    app.bell = lambda: rings.append(clock.time)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        player = app.screen
        clock.set_time(4.0)
        player.tick()
        assert rings == []
        clock.set_time(5.0)  # get-ready ends
        player.tick()
        player.tick()
        assert rings == [5.0]
        clock.set_time(30.0)  # several steps passed at once (a busy machine): still one bell
        player.tick()
        assert rings == [5.0, 30.0]
        app.update_settings(bell=False)
        await pilot.press("n")
        assert len(rings) == 2


async def test_escape_at_the_safety_check_or_pain_question_starts_nothing(make_app, store):
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RoutinesScreen"
        assert store.load_settings().safety_check_date is None
        await pilot.press("enter")
        await pilot.pause()
        await pilot.click("#fine")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "RoutinesScreen"
    assert routine_sessions(store) == []


async def test_the_real_clock_drives_the_player(make_app, store, checked_today):
    from textual.clock import Clock

    app = make_app(clock=Clock())
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("1", "enter")
        await pilot.pause()
        player = app.screen
        await pilot.pause(0.35)
        # Time has passed on the real clock; how much depends on how busy the machine is.
        assert 0 < player.player.remaining(app.clock.time) < 4.8
        await pilot.press("space")
        frozen = player.player.remaining(app.clock.time)
        await pilot.pause(0.35)
        assert player.player.remaining(app.clock.time) == frozen


async def test_help_over_the_player_pauses_the_routine_until_it_closes(make_app, store, checked_today):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot)
        await pilot.press("0", "enter")
        await pilot.pause()
        player_screen = app.screen
        countdown = player_screen.query_one("#countdown")
        assert countdown.value == "0:05"
        step_before = player_screen.player.index
        await pilot.press("question_mark")
        await pilot.pause()
        clock.set_time(clock.time + 60)  # a minute reading the help
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is player_screen
        player_screen.tick()
        assert player_screen.player.index == step_before  # nothing ran while the help was open
        assert countdown.value == "0:05"
        assert not player_screen.player.paused
        clock.set_time(clock.time + 2)
        player_screen.tick()
        assert countdown.value == "0:03"


async def test_a_changed_routine_is_stored_as_ids_and_numbers(make_app, store, checked_today):
    store.save_profile(Profile(due_date=(FIXED_NOW + timedelta(weeks=10)).date(), pgp_diagnosed="yes"))
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await start_first(pilot, "quick-buttock-relief")
        await pilot.press("6", "enter")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "PlayerScreen"
    [session] = routine_sessions(store)
    assert session.fallback_name == ""  # a packaged routine is named from content when shown
    assert [c.model_dump(exclude_defaults=True) for c in session.changes] == [
        {"kind": "swapped", "exercise": "standing-piriformis", "instead": "seated-figure-4", "flag": "single-leg",
         "merged": True}
    ]  # fmt: skip
    raw = (store.history / f"{FIXED_NOW:%Y-%m}.json").read_text()
    assert "Standing buttock stretch" not in raw and "routine_name" not in raw
