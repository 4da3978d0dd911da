"""The routine player on a fake clock: step expansion, lengths, and exact timing."""

from __future__ import annotations

import itertools
import random

import pytest

from coach.routines.player import (
    GET_READY_SECONDS,
    SWITCH_SIDES_SECONDS,
    Block,
    Player,
    breath_at,
    expand,
    length,
    shown_seconds,
)
from tests.packaged import CONTENT

EX = CONTENT.exercises.by_id()


def block(ex_id: str, hold: int | None = None, reps: int | None = None, rest: int | None = None) -> Block:
    ex = EX[ex_id]
    return Block(ex, hold or ex.hold, reps or ex.reps, ex.rest if rest is None else rest)


def test_expansion_has_get_ready_reps_rests_and_side_switch():
    steps = expand([block("seated-figure-4", hold=30, reps=2, rest=10)])
    kinds = [(s.kind, s.side, s.rep) for s in steps]
    assert kinds == [
        ("ready", None, 1),
        ("hold", "left", 1),
        ("rest", "left", 1),
        ("hold", "left", 2),
        ("switch", "right", 1),
        ("hold", "right", 1),
        ("rest", "right", 1),
        ("hold", "right", 2),
    ]
    assert length(steps) == GET_READY_SECONDS + 2 * (30 + 10 + 30) + SWITCH_SIDES_SECONDS


def test_relaxation_releases_after_the_last_tense_too():
    steps = expand([block("pmr-face")])  # 2 x 7 s tense, 20 s release
    assert [s.kind for s in steps] == ["ready", "hold", "rest", "hold", "rest"]
    assert all(s.paced for s in steps[1:]) and not steps[0].paced


def test_packaged_routine_lengths_are_computed_from_steps(content):
    from coach.checkin.pregnancy import Stage
    from coach.routines.offer import Rules, plan_routine

    rules = Rules(stage=Stage(gestation_days=12 * 7), back_lying_limit=False, pgp=False, pgp_answer="no")
    desk = next(r for r in content.routines.routines if r.id == "desk-break")
    plan = plan_routine(content, desk, EX, rules)
    # draw-in 5+3x10+2x5, squeeze 5+5x5+4x5, figure-4 5+2x(20+5+20)+5
    assert plan.length == 45 + 50 + 100 == 195


def test_countdown_runs_and_next_step_starts_at_the_deadline_not_the_tick():
    p = Player(expand([block("glute-squeeze")]), now=100.0)
    assert shown_seconds(p.remaining(100.0)) == 5  # get ready
    assert shown_seconds(p.remaining(100.2)) == 5
    assert shown_seconds(p.remaining(104.5)) == 1
    assert p.tick(105.7) == 1  # a late tick
    assert p.step.kind == "hold" and p.step_start == 105.0
    assert p.remaining(105.7) == pytest.approx(4.3)


def test_displayed_second_never_skips_or_repeats_across_steps():
    p = Player(expand([block("glute-squeeze")]), now=0.0)
    shown, t = [], 0.0
    while not p.finished:
        p.tick(t)
        if not p.finished:
            shown.append((p.index, shown_seconds(p.remaining(t))))
        t += 0.05
    collapsed = [x for i, x in enumerate(shown) if i == 0 or x != shown[i - 1]]
    for (i1, s1), (i2, s2) in itertools.pairwise(collapsed):
        assert (i2 == i1 and s2 == s1 - 1) or (i2 == i1 + 1 and s1 == 1 and s2 == p.steps[i2].seconds)


def test_pause_stops_time_exactly_and_resume_carries_on():
    p = Player(expand([block("glute-squeeze")]), now=0.0)
    p.tick(6.0)  # 1 s into the first 5 s hold
    p.pause(6.0)
    assert p.tick(500.0) == 0
    assert p.remaining(500.0) == pytest.approx(4.0)
    p.resume(506.0)
    assert p.remaining(506.0) == pytest.approx(4.0)
    assert p.paused_seconds(506.0) == pytest.approx(500.0)
    p.tick(10_000)
    assert p.finished
    assert p.finished_at == pytest.approx(p.planned_length + 500.0)
    assert p.active_seconds(10_000) == pytest.approx(p.planned_length)


def test_skip_and_back():
    p = Player(expand([block("glute-squeeze")]), now=0.0)
    p.skip(2.0)
    assert p.index == 1 and p.remaining(2.0) == 5
    p.skip(3.0)
    assert p.step.kind == "rest"
    p.back(4.0)
    assert p.index == 1 and p.remaining(4.0) == 5  # the previous hold again, from its start
    p.back(4.5)
    p.back(4.6)
    assert p.index == 0 and p.remaining(4.6) == GET_READY_SECONDS  # first step restarts


def test_plus_and_minus_change_only_this_hold():
    p = Player(expand([block("seated-figure-4", hold=30, reps=1)]), now=0.0)
    p.tick(5.0)
    p.adjust(5.0, +10)
    assert p.remaining(5.0) == 40
    p.adjust(10.0, -10)
    assert p.remaining(10.0) == 25
    p.adjust(10.0, -100)  # never below zero: the step just ends
    assert p.tick(10.0) == 1 and p.step.kind == "switch"
    assert p.routine_remaining(10.0) == SWITCH_SIDES_SECONDS + 30


def test_stop_records_what_was_done():
    p = Player(expand([block("glute-squeeze")]), now=0.0)
    p.tick(12.0)
    p.pause(12.0)
    p.stop(20.0)
    assert p.finished and p.stopped_early
    assert p.steps_done == 2
    assert p.active_seconds(99.0) == pytest.approx(12.0)
    assert p.paused_seconds(99.0) == pytest.approx(8.0)


def test_thirty_minute_routine_ticked_irregularly_ends_within_20ms_of_its_plan():
    blocks = [block("belly-breathing", hold=300), block("seated-figure-4", hold=30, reps=4, rest=10)]
    blocks += [block(e) for e in ("pmr-feet-legs", "pmr-buttocks", "pmr-hands-arms", "pmr-shoulders", "pmr-face")]
    blocks += [block("side-lying-rest", hold=300), block("cat-cow"), block("belly-breathing", hold=529)]
    steps = expand(blocks)
    assert length(steps) == 30 * 60
    rng = random.Random(4)
    start = 1234.5
    p = Player(steps, now=start)
    t = start
    while not p.finished:
        t += rng.choice([0.01, 0.04, 0.25, 0.5, 0.9, 1.7, 3.3])
        p.tick(t)
    assert abs(p.finished_at - start - 30 * 60) < 0.020
    assert abs(p.active_seconds(t) - 30 * 60) < 0.020
    assert p.steps_done == len(steps)


def test_breathing_rhythm_grows_on_in_breath_and_shrinks_on_out_breath():
    assert breath_at(0.0, 4, 6) == ("in", 4, 0.0)
    phase, left, full = breath_at(2.0, 4, 6)
    assert (phase, left, full) == ("in", 2, 0.5)
    phase, left, full = breath_at(7.0, 4, 6)
    assert phase == "out" and left == 3 and full == pytest.approx(0.5)
    assert breath_at(10.0, 4, 6)[0] == "in"  # no hold between breaths
