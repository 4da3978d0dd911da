"""The spoken cue script (coach.routines.voice_script): what is said at which moment, played on a made-up
clock through the real Player, as the player screen plays it."""

from __future__ import annotations

import pytest

from coach.content.content import Content
from coach.content.models import RoutineStep
from coach.routines.offer import plan_routine, rules_for
from coach.routines.player import Block, Player, expand
from coach.routines.voice_script import Prompter, Words, build_script, speech_seconds
from tests.packaged import CONTENT
from tests.voice_cases import PROFILES, TODAY, played_routines

ZH = Content.load(locale="zh-CN")


def heard(steps, content: Content, mode: str, rate: int | None = None, until: float | None = None):
    """(second, words) of every cue said, ticking every 50 ms from 0 as the screen's timers would."""
    script = build_script(steps, content, mode, rate=rate)
    player = Player(steps, now=0.0)
    prompter = Prompter(script)
    said = []
    t = 0.0
    end = until if until is not None else player.planned_length + 1
    while t <= end and not player.finished:
        player.tick(t)
        cue = prompter.due(player, t)
        if cue is not None:
            said.append((round(t, 2), cue.text))
        t = round(t + 0.05, 2)
    return said


def plan(routine_id: str, who: str = "30 weeks, no PGP", content: Content = CONTENT):
    routine = next(r for r in content.routines.routines if r.id == routine_id)
    return plan_routine(content, routine, content.exercises.by_id(), rules_for(PROFILES[who], TODAY)).steps


def test_desk_break_is_said_step_by_step_with_a_count_at_the_end_of_each_stretch():
    said = heard(plan("desk-break"), CONTENT, "steps")
    assert said[:4] == [
        (0.0, "Deep tummy draw-in. Gently draw your lower tummy in."),
        (5.0, "1 of 3."),
        (12.0, "three"),
        (13.0, "two"),
    ]
    assert (14.0, "one") in said
    assert (15.0, "Rest.") in said
    texts = [text for _, text in said]
    assert "Figure four stretch. Rest one ankle on the other knee." in texts
    assert "Left side. 1 of 2." in texts and "Switch sides. Right side next." in texts
    assert "Right side. 1 of 2." in texts
    assert texts.count("three") == 3 + 4  # three draw-ins, two holds a side of the stretch
    times = [t for t, _ in said]
    assert times == sorted(times) and len(set(times)) == len(times)  # one cue at a time


def test_breathing_adds_in_and_out_at_each_phase_after_the_steps_words():
    steps = plan("bedtime-side-lying")
    said = heard(steps, CONTENT, "steps+breathing", until=30)
    assert said[0] == (0.0, "Side-lying rest. A pillow between your knees.")
    assert said[1] == (5.0, "Breathe slowly for 1 minute.")
    ex = steps[1].exercise
    # the first breath that starts once the words are said: in at 5 s, out at 5 + 4, in at 5 + 10, ...
    breaths = [(t, w) for t, w in said if w in ("in", "out")]
    assert breaths[0][0] > 5.0 and breaths[0][1] == ("out" if (breaths[0][0] - 5) % 10 else "in")
    assert [t for t, _ in breaths[:3]] == [
        breaths[0][0],
        breaths[0][0] + (ex.breath_out if breaths[0][1] == "out" else ex.breath_in),
        breaths[0][0] + ex.breath_in + ex.breath_out,
    ]
    assert all(w not in ("in", "out") for _, w in heard(steps, CONTENT, "steps", until=30))


def test_off_says_nothing():
    assert heard(plan("desk-break"), CONTENT, "off") == []


def test_the_routine_ends_with_its_end_words():
    assert build_script(plan("desk-break"), CONTENT, "steps").end == "That's the end of the routine. Well done."
    assert build_script(plan("desk-break"), ZH, "steps").end == "练习结束了，做得很好。"


def test_chinese_cues_are_chinese_words_in_the_chinese_voice():
    said = heard(plan("desk-break", content=ZH), ZH, "steps", until=16)
    assert [text for _, text in said] == ["收腹，轻收下腹。", "第1次，共3次。", "三", "二", "一", "休息。"]
    assert ZH.voice.speech.voice == "cmn" and CONTENT.voice.speech.voice.startswith("en")


def test_progressive_relaxation_says_tense_then_its_own_let_go_line():
    texts = [w for _, w in heard(plan("evening-wind-down"), CONTENT, "steps")]
    assert "Feet and legs. Pull your toes up and tense your legs." in texts
    assert "Tense gently." in texts
    assert "Let go and feel the legs go heavy." in texts


@pytest.mark.parametrize("content", [CONTENT, ZH], ids=["en", "zh-CN"])
def test_every_built_in_cue_fits_before_the_next_and_every_step_speaks(content):
    """By the estimate (tests/test_voice_wav.py holds the estimate to espeak-ng's real lengths)."""
    words = Words(content)
    for routine_id, who, steps in played_routines(content):
        script = build_script(steps, content, "steps+breathing")
        for step, cues in zip(steps, script.steps, strict=True):
            where = f"{routine_id} ({who}), {step.kind} of {step.exercise.id}"
            assert cues and cues[0].kind == "step", f"{where}: says nothing as it starts"
            if step.kind == "ready":
                assert not cues[0].short, f"{where}: the get-ready words do not fit: {cues[0].text}"
            for cue in cues:
                if cue.kind == "count":
                    continue  # the same words in every routine: the WAV test holds them to their second
                assert words.seconds(cue.text) < cue.room <= step.seconds, f"{where}: {cue.text!r} overruns"


def test_a_custom_routine_with_short_holds_gets_the_short_forms():
    ex = CONTENT.exercises.by_id()["standing-piriformis"]
    steps = expand([Block(ex, hold=2, reps=1, rest=0, count_down=True)])
    script = build_script(steps, CONTENT, "steps")
    holds = [cues for step, cues in zip(steps, script.steps, strict=True) if step.kind == "hold"]
    assert [c.text for c in holds[0]] == ["Hold."]  # not "Left side. Hold for 2 seconds.", and no count
    assert holds[0][0].short
    assert speech_seconds("Left side. Hold for 2 seconds.", CONTENT.voice.speech) >= 2


def test_a_routine_step_can_ask_for_the_count_or_leave_it_out():
    routine = CONTENT.routines.routines[0].model_copy(
        update={"steps": [RoutineStep(exercise="seated-figure-4", count_down=False)]}
    )
    steps = plan_routine(CONTENT, routine, CONTENT.exercises.by_id(), rules_for(PROFILES["postnatal"], TODAY)).steps
    assert "three" not in [w for _, w in heard(steps, CONTENT, "steps")]


def test_a_slower_rate_is_estimated_longer():
    speech = CONTENT.voice.speech
    slow = speech.model_copy(update={"rate": 100})
    assert speech_seconds("Switch sides.", slow) > speech_seconds("Switch sides.", speech) * 1.3


def test_skipping_ahead_says_the_new_step_and_a_paused_player_says_nothing():
    steps = plan("desk-break")
    player = Player(steps, now=0.0)
    prompter = Prompter(build_script(steps, CONTENT, "steps"))
    assert prompter.due(player, 0.0).text.startswith("Deep tummy draw-in")
    player.skip(1.0)
    assert prompter.due(player, 1.0).text == "1 of 3."
    player.pause(2.0)
    assert prompter.due(player, 9.0) is None and prompter.next_time(player) is None
    player.resume(9.0)
    assert prompter.due(player, 9.0) is None  # the hold's words were said; nothing is repeated
    assert prompter.next_time(player) == pytest.approx(player.deadline - 3)  # the count, moved by the pause


def test_more_time_moves_the_count_to_the_new_end():
    steps = plan("desk-break")
    player = Player(steps, now=0.0)
    prompter = Prompter(build_script(steps, CONTENT, "steps"))
    player.tick(5.0)
    prompter.due(player, 5.0)
    player.tick(12.0)
    assert prompter.due(player, 12.0).text == "three"
    player.adjust(12.5, 10)
    assert prompter.next_time(player) == pytest.approx(22.0)
    player.tick(22.0)
    assert prompter.due(player, 22.0).text == "three"
