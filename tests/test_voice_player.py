"""Pilot: the player speaks on the mock clock through a fake speaker that records its calls (tests/conftest.py):
each cue at its moment, on the same tick as the display; pause stops speech; quitting and leaving close it;
v and the palette switch the voice and remember it; a failing espeak-ng turns voice off with one line."""

from __future__ import annotations

import pytest
from textual.clock import MockClock
from textual.widgets import Static

from coach.tui.screens.player import DEADLINE_SLACK
from tests.test_footer_contract import footer_keys
from tests.test_routines_flow import checked_today, start_first  # noqa: F401 (a fixture)


async def playing(app, pilot, routine_id: str = "desk-break"):
    await start_first(pilot, routine_id)
    await pilot.press("1", "enter")  # pain before
    await pilot.pause()
    assert type(app.screen).__name__ == "PlayerScreen"
    return app.screen


@pytest.fixture
def voice_on(store, checked_today):  # noqa: F811
    store.save_settings(store.load_settings().model_copy(update={"voice": "steps"}))


async def test_each_cue_is_said_on_the_tick_that_shows_its_step(make_app, speakers, voice_on):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await playing(app, pilot)
        (speaker,) = speakers.made
        assert speaker.voice == "en-gb" and speaker.rate == 145
        assert speaker.said == ["Deep tummy draw-in. Gently draw your lower tummy in."]
        clock.set_time(5.0 + DEADLINE_SLACK)  # the wake set for the get-ready step's end
        player.tick()
        assert speaker.said[-1] == "1 of 3."
        assert "Hold: Deep tummy draw-in" in str(player.query_one("#step-title", Static).content)
        clock.set_time(12.0 + DEADLINE_SLACK)  # three seconds before the hold ends
        player.tick()
        assert speaker.said[-1] == "three"
        clock.set_time(12.5)
        player.tick()
        assert speaker.said.count("three") == 1  # once


async def test_the_next_cue_has_a_timer_of_its_own(make_app, speakers, voice_on):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await playing(app, pilot)
        clock.set_time(5.0 + DEADLINE_SLACK)
        player.tick()
        assert player._cue_wake_for == pytest.approx(12.0)  # the count, not the next 0.1 s tick


async def test_pause_stops_speech_and_nothing_is_said_until_resumed(make_app, speakers, voice_on):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await playing(app, pilot)
        (speaker,) = speakers.made
        await pilot.press("space")
        assert speaker.calls[-1] == ("stop", "")
        clock.set_time(60.0)
        player.tick()
        assert speaker.said == ["Deep tummy draw-in. Gently draw your lower tummy in."]
        await pilot.press("space")
        clock.set_time(65.0 + DEADLINE_SLACK)  # the get-ready step's end, a minute later
        player.tick()
        assert speaker.said[-1] == "1 of 3."


async def test_skipping_cuts_to_the_next_steps_words(make_app, speakers, voice_on):
    app = make_app(clock=MockClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await playing(app, pilot)
        await pilot.press("n")
        assert speakers.made[0].said[-1] == "1 of 3."


async def test_quitting_closes_the_speaker(make_app, speakers, voice_on):
    app = make_app(clock=MockClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await playing(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("enter")  # "quit now" in the dialog (its first button)
        await pilot.pause()
    assert speakers.made[0].calls[-1] == ("close", "")


async def test_the_end_is_said_when_the_routine_is_done(make_app, speakers, voice_on):
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await playing(app, pilot)
        clock.set_time(10_000)
        player.tick()
        await pilot.pause()
        assert speakers.made[0].said[-1] == "That's the end of the routine. Well done."


async def test_v_switches_the_voice_shows_it_in_the_footer_and_remembers_it(make_app, speakers, store, checked_today):  # noqa: F811
    app = make_app(clock=MockClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await playing(app, pilot)
        assert ("v", "Voice: off") in footer_keys(app)
        assert speakers.made == []  # off: no espeak-ng at all
        await pilot.press("v")
        await pilot.pause()
        assert ("v", "Voice: steps") in footer_keys(app)
        assert store.load_settings().voice == "steps"
        await pilot.press("v")
        await pilot.pause()
        assert ("v", "Voice: +breath") in footer_keys(app)
        assert store.load_settings().voice == "steps+breathing"
        await pilot.press("v")
        await pilot.pause()
        assert ("v", "Voice: off") in footer_keys(app)
        assert [s.calls[-1] for s in speakers.made] == [("close", ""), ("close", "")]  # each replaced one closed


async def test_help_shows_the_voice_as_it_is(make_app, voice_on):
    app = make_app(clock=MockClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await playing(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = "\n".join(str(s.content) for s in app.screen.query(Static))
        assert "Voice says the steps: press to add breathing" in text
        assert "Voice is off" not in text
        assert "+ " in text and "+10 s" in text  # the keys the footer leaves out


async def test_the_palette_switches_the_voice(make_app, store, checked_today):  # noqa: F811
    app = make_app(clock=MockClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"voice")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert store.load_settings().voice == "steps"


async def test_a_failing_espeak_ng_turns_voice_off_with_one_line_and_the_routine_goes_on(make_app, speakers, voice_on):
    speakers.fail_with = ("missing", "espeak-ng")
    clock = MockClock()
    app = make_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        player = await playing(app, pilot)
        await pilot.pause()
        notes = [n.message for n in app._notifications]
        assert sum("espeak-ng is not installed" in n and "apt install espeak-ng" in n for n in notes) == 1
        assert ("v", "Voice: off") in footer_keys(app)
        assert app.settings.voice == "off"  # until switched on again, as the line says
        clock.set_time(5.0 + DEADLINE_SLACK)
        player.tick()
        assert "Hold: Deep tummy draw-in" in str(player.query_one("#step-title", Static).content)
        assert len(speakers.made[0].said) == 1  # nothing more was asked of it
