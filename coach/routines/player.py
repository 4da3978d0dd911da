"""A routine as timed steps, and the clock-driven state machine that plays them. Pure: no textual.

Timing is deadline-based: each step ends at a deadline computed from when it started, and the next step
starts at that deadline (not at the tick that noticed it), so a late or irregular tick never adds drift.
Every method takes `now` (monotonic seconds from the injected clock).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from coach.content.models import Exercise
from coach.history.records import Change

GET_READY_SECONDS = 5
SWITCH_SIDES_SECONDS = 5
ADJUST_SECONDS = 10

StepKind = Literal["ready", "hold", "rest", "switch"]


@dataclass(frozen=True)
class Block:
    """One exercise as a routine uses it: its dose after any changes the plan made."""

    exercise: Exercise
    hold: int
    reps: int
    rest: int
    change: tuple[Change, ...] = ()  # what the plan changed here, said on the get-ready step
    count_down: bool = False  # "three, two, one" spoken at the end of each hold


@dataclass(frozen=True)
class Step:
    kind: StepKind
    seconds: int
    exercise: Exercise
    side: Literal["left", "right"] | None = None
    rep: int = 1
    reps: int = 1
    change: tuple[Change, ...] = ()
    count_down: bool = False

    @property
    def paced(self) -> bool:
        """Breathing and relaxation steps show the breathing pacer."""
        return self.kind in ("hold", "rest") and "breathing" in self.exercise.flags


def expand(blocks: list[Block]) -> list[Step]:
    """Get ready, then each rep (with rests between), for one side then the other."""
    steps: list[Step] = []
    for block in blocks:
        ex = block.exercise
        steps.append(Step("ready", GET_READY_SECONDS, ex, reps=block.reps, change=block.change))
        sides: tuple[Literal["left", "right"] | None, ...] = ("left", "right") if ex.per_side else (None,)
        for s, side in enumerate(sides):
            if s:
                steps.append(Step("switch", SWITCH_SIDES_SECONDS, ex, side=side, reps=block.reps))
            for rep in range(1, block.reps + 1):
                steps.append(
                    Step("hold", block.hold, ex, side=side, rep=rep, reps=block.reps, count_down=block.count_down)
                )
                last = rep == block.reps
                if block.rest and (not last or ex.rest_after_last):
                    steps.append(Step("rest", block.rest, ex, side=side, rep=rep, reps=block.reps))
    return steps


def length(steps: list[Step]) -> int:
    return sum(step.seconds for step in steps)


def shown_seconds(remaining: float) -> int:
    """The whole second a countdown shows: 3.0 .. 2.001 show 3; it shows 0 only once the step has ended."""
    if remaining <= 0:
        return 0
    return max(1, math.ceil(remaining - 1e-6))  # float dust (2.0000000001) must not show as 3


def clock_face(seconds: int) -> str:
    """m:ss"""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def breath_at(elapsed: float, breath_in: int, breath_out: int) -> tuple[str, int, float]:
    """("in" or "out", whole seconds left in this half-breath, how full the lungs are 0..1)."""
    cycle = breath_in + breath_out
    t = elapsed % cycle
    if t < breath_in:
        return "in", shown_seconds(breath_in - t), t / breath_in
    out = t - breath_in
    return "out", shown_seconds(breath_out - out), 1 - out / breath_out


class Player:
    def __init__(self, steps: list[Step], now: float) -> None:
        if not steps:
            raise ValueError("a routine needs at least one step")
        self.steps = steps
        self.index = 0
        self.started_at = now
        self.step_start = now
        self.deadline = now + steps[0].seconds
        self.paused_since: float | None = None
        self.paused_total = 0.0
        self.finished_at: float | None = None
        self.stopped_early = False

    # --- state ------------------------------------------------------------------------------------

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def step(self) -> Step:
        return self.steps[min(self.index, len(self.steps) - 1)]

    @property
    def next_step(self) -> Step | None:
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None

    @property
    def planned_length(self) -> int:
        return length(self.steps)

    @property
    def steps_done(self) -> int:
        return self.index

    def _ref(self, now: float) -> float:
        """The time the countdown stands at: frozen while paused, stopped at the end."""
        if self.finished_at is not None:
            return self.finished_at
        return self.paused_since if self.paused_since is not None else now

    def remaining(self, now: float) -> float:
        return 0.0 if self.finished else max(0.0, self.deadline - self._ref(now))

    def step_length(self) -> float:
        return self.deadline - self.step_start

    def elapsed_in_step(self, now: float) -> float:
        return max(0.0, self._ref(now) - self.step_start)

    def routine_remaining(self, now: float) -> float:
        if self.finished:
            return 0.0
        return self.remaining(now) + sum(s.seconds for s in self.steps[self.index + 1 :])

    def paused_seconds(self, now: float) -> float:
        current = now - self.paused_since if self.paused_since is not None and not self.finished else 0.0
        return self.paused_total + current

    def active_seconds(self, now: float) -> float:
        end = self.finished_at if self.finished_at is not None else now
        return max(0.0, end - self.started_at - self.paused_seconds(end))

    # --- time passing -----------------------------------------------------------------------------

    def tick(self, now: float) -> int:
        """Move past every deadline reached by `now`; return how many steps changed."""
        if self.paused or self.finished:
            return 0
        changes = 0
        while not self.finished and now >= self.deadline:
            self._begin(self.index + 1, at=self.deadline)
            changes += 1
        return changes

    def _begin(self, index: int, at: float) -> None:
        self.index = index
        if index >= len(self.steps):
            self.finished_at = at
            return
        self.step_start = at
        self.deadline = at + self.steps[index].seconds

    # --- the person's keys ------------------------------------------------------------------------

    def pause(self, now: float) -> None:
        self.tick(now)
        if not self.paused and not self.finished:
            self.paused_since = now

    def resume(self, now: float) -> None:
        if self.paused_since is None or self.finished:
            return
        gap = now - self.paused_since
        self.deadline += gap
        self.step_start += gap
        self.paused_total += gap
        self.paused_since = None

    def toggle_pause(self, now: float) -> None:
        self.resume(now) if self.paused else self.pause(now)

    def skip(self, now: float) -> None:
        self.tick(now)
        if not self.finished:
            self._begin(self.index + 1, at=self._ref(now))

    def back(self, now: float) -> None:
        """Go to the previous step (or restart the first) from its beginning."""
        self.tick(now)
        if not self.finished:
            self._begin(max(0, self.index - 1), at=self._ref(now))

    def adjust(self, now: float, seconds: float) -> None:
        """Add (or with a negative number take) time from the current step; never into the past."""
        self.tick(now)
        if not self.finished:
            self.deadline = max(self.deadline + seconds, self._ref(now))

    def stop(self, now: float) -> None:
        self.tick(now)
        if self.finished:
            return
        if self.paused_since is not None:
            self.paused_total += now - self.paused_since
            self.paused_since = None
        self.finished_at = now
        self.stopped_early = True
