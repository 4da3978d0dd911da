"""The routine player: what to do now, a big countdown, progress, what comes next.

The timing lives in coach.routines.player.Player on the app's clock; this screen only shows it, and speaks it
when voice is on (coach.routines.voice_script's cues, said by coach.routines.speaker on the same deadline-driven
ticks as the display, speech first). The session
record is saved when the routine starts and kept up to date at each step, so a closed terminal still
leaves an honest "stopped early" record behind.
"""

from __future__ import annotations

import asyncio
import os
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import ProgressBar, Static

from coach.content.content import Content
from coach.history.record_text import changes_words
from coach.history.records import RoutineSession
from coach.history.store import StoreError
from coach.routines.offer import Plan, Rules
from coach.routines.player import ADJUST_SECONDS, Player, Step, breath_at, clock_face, shown_seconds
from coach.routines.session import progress
from coach.routines.speaker import SilentSpeaker, Speaker
from coach.routines.voice_choice import next_mode, problem_words
from coach.routines.voice_script import Prompter, VoiceMode, build_script
from coach.shown import visible
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.breathing_pacer import BreathingPacer
from coach.tui.widgets.countdown import Countdown
from coach.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from coach.tui.screens.pain_rating import PainAnswer

TICK_SECONDS = 0.1
VOICE_ACTIONS: dict[str, VoiceMode] = {"voice_off": "off", "voice_steps": "steps", "voice_breathing": "steps+breathing"}
DEADLINE_SLACK = 0.002  # Textual's timers may wake half a millisecond early: aim just after a step's end


def reduced_motion(setting: bool) -> bool:
    return setting or os.environ.get("TEXTUAL_ANIMATIONS", "").lower() == "none"


def step_title(content: Content, step: Step) -> str:
    name = step.exercise.name
    if step.kind == "ready":
        return content.text("player.get_ready", name=name)
    if step.kind == "switch":
        return content.text("player.switch", name=name)
    side = content.text(f"player.side_{step.side}") if step.side else ""
    word = f"player.{step.kind}"
    if step.exercise.rest_after_last:  # progressive muscle relaxation
        word = "player.tense" if step.kind == "hold" else "player.release"
    elif step.kind == "hold" and "breathing" in step.exercise.flags:
        word = "player.now"
    rep = content.text("player.rep", rep=step.rep, reps=step.reps) if step.reps > 1 else ""
    return content.text("player.doing", what=content.text(word), name=name, side=side, rep=rep)


def next_words(content: Content, step: Step | None) -> str:
    if step is None:
        return content.text("player.next_end")
    if step.kind == "rest":
        return content.text("player.next", what=content.text("player.rest"))
    return content.text("player.next", what=step_title(content, step))


class PlayerScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s,escape", "stop", id="player.stop"),
        Binding("space", "pause", id="player.pause"),
        Binding("space", "resume", id="player.resume"),
        Binding("n,right", "next_step", id="player.next"),
        Binding("b,left", "previous_step", id="player.back"),
        # +10 s and -10 s make room in the footer for the voice's state; help lists them.
        Binding("plus", "more_time", id="player.more_time", show=False),
        Binding("minus", "less_time", id="player.less_time", show=False),
        Binding("v", "voice_off", id="player.voice_off"),
        Binding("v", "voice_steps", id="player.voice_steps"),
        Binding("v", "voice_breathing", id="player.voice_breathing"),
    ]

    FOOTER_PALETTE: ClassVar[bool] = False  # the routine's keys fill 80 columns; ctrl+p still opens the palette

    def __init__(self, plan: Plan, rules: Rules, pain_before: int | None) -> None:
        super().__init__()
        self.plan = plan
        self.player = Player(plan.steps, now=0.0)  # replaced on mount, on the app's clock
        content = self.content
        packaged = {r.id for r in content.routines.routines}  # named from content by id when shown
        self.record = RoutineSession(
            routine_id=plan.routine.id,
            fallback_name=plan.routine.name if plan.routine.id not in packaged else "",
            content_version=content.version,
            steps_done=0,
            steps_total=len(self.player.steps),
            active_seconds=0,
            pain_before=pain_before,
            changes=list(plan.changes),
            gestation_days=rules.stage.gestation_days,
        )
        self.saved = False  # the record is in the history
        self.closed = False  # the routine is over (finished or stopped)
        self.final_saved = False  # the final version is in the history
        self.felt_worse = False  # the pain got worse: the routines screen says what to do
        self._shown_index = -1
        self._wake: asyncio.TimerHandle | None = None  # the tick set for the current step's end
        self._wake_for: float | None = None  # the deadline it is set for
        self.voice_mode: VoiceMode = "off"
        self.speaker: Speaker = SilentSpeaker()
        self.prompter: Prompter | None = None
        self._cue_wake: asyncio.TimerHandle | None = None  # the tick set for the next cue within a step
        self._cue_wake_for: float | None = None
        self._shown_text: dict[str, str] = {}  # what each line updated every tick shows now

    def _breath_cues(self) -> tuple[str, str]:
        return self.content.text("player.breathe_in"), self.content.text("player.breathe_out")

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with Vertical(id="player"):
            yield Static(id="step-title", markup=False)
            yield Static(id="step-position", markup=False)
            yield Static(id="cues", markup=False)
            with Horizontal(id="countdown-row"):
                yield Countdown(id="countdown")
            yield BreathingPacer(self._breath_cues(), id="pacer")
            yield Static(id="paused", markup=False)
            yield ProgressBar(id="step-bar", show_eta=False, show_percentage=False)
            yield ProgressBar(id="routine-bar", show_eta=False, show_percentage=False)
            yield Static(id="routine-progress", markup=False)
            yield Static(id="next-step", markup=False)
        yield KeyFooter(show_command_palette=self.FOOTER_PALETTE)

    def on_mount(self) -> None:
        self.sub_title = visible(self.plan.routine.name, one_line=True)  # not the home screen's words
        self.player = Player(self.plan.steps, now=self.coach_app.clock.time)
        self._voice_from_settings()
        self._speak()  # the first step's cue, before anything is saved or drawn
        self.record = self.record.model_copy(update={"at": self.coach_app.now()})
        self.saved = self.coach_app.save_record(self._progress())
        self.query_one("#routine-bar", ProgressBar).update(total=self.player.planned_length)
        self.timer = self.set_interval(TICK_SECONDS, self.tick)
        self.refresh_view()

    def on_screen_suspend(self) -> None:
        # Help (or any dialog) over the player: the routine waits for the person to come back.
        if not self.closed and not self.player.paused and not self.player.finished:
            self.player.pause(self.coach_app.clock.time)
            self.auto_paused = True
            self.speaker.stop()

    def on_screen_resume(self) -> None:
        if self.voice_mode != self.coach_app.voice().mode and not self.closed:  # switched in the palette
            self._voice_from_settings()
            self.refresh_bindings()
        if getattr(self, "auto_paused", False):
            self.auto_paused = False
            self.player.resume(self.coach_app.clock.time)
            self.refresh_view()

    # --- voice --------------------------------------------------------------------------------------

    def _voice_from_settings(self) -> None:
        """Speak in the voice the settings choose now (a new speaker; the old one is closed)."""
        self.speaker.close()
        choice = self.coach_app.voice()
        self.voice_mode = choice.mode
        self.speaker = SilentSpeaker() if choice.mode == "off" else self.coach_app.speaker_factory(choice)
        script = build_script(self.plan.steps, self.content, choice.mode, rate=choice.rate)
        self.prompter = Prompter(script)

    def _speak(self) -> None:
        """Say the cue due now, if any; wake for the next one. Called on every tick and key, before the redraw."""
        p = self.player
        if p.paused or p.finished or self.prompter is None:
            if p.paused:
                self.speaker.stop()
            return
        now = self.coach_app.clock.time
        cue = self.prompter.due(p, now)
        if cue is not None:
            self.speaker.say(cue.text)
        problem = self.speaker.problem()
        if problem is not None:
            self.speaker.close()
            self.speaker = SilentSpeaker()
            self.voice_mode = "off"
            self.prompter = None
            self.coach_app.update_settings(voice="off")  # as the line says: switched on again once it is fixed
            self.refresh_bindings()
            self.notify(visible(problem_words(self.content, *problem)), severity="warning", timeout=20, markup=False)
            return
        self._wake_for_cue(self.prompter.next_time(p))

    def _wake_for_cue(self, at: float | None) -> None:
        if at == self._cue_wake_for:
            return
        if self._cue_wake is not None:
            self._cue_wake.cancel()
            self._cue_wake = None
        self._cue_wake_for = at
        if at is not None:
            self._cue_wake = self._tick_at(at)

    def action_voice_off(self) -> None:
        self.action_voice()

    def action_voice_steps(self) -> None:
        self.action_voice()

    def action_voice_breathing(self) -> None:
        self.action_voice()

    def action_voice(self) -> None:
        """v: voice off -> steps -> steps and breathing -> off, remembered as the palette's switch is."""
        if self.coach_app.update_settings(voice=next_mode(self.voice_mode)):
            self._voice_from_settings()
            self.refresh_bindings()

    # --- time ---------------------------------------------------------------------------------------

    def tick(self) -> None:
        if self.closed:
            return
        before = self.player.index
        self.player.tick(self.coach_app.clock.time)
        self._after_change(before)

    def _step_changed(self) -> None:
        if self.coach_app.settings.bell:
            self.coach_app.bell()
        # Saved once the new step is on the screen: a save (about 20 ms, fsync included) before the redraw made
        # every step change show that much late, and held the speech worker back (tests/bench.py, voice).
        self.call_after_refresh(self._persist_progress)

    def _persist_progress(self) -> None:
        if not self.final_saved:  # the final record, saved meanwhile, is not overwritten by an earlier one
            self._persist()

    def _progress(self) -> RoutineSession:
        return progress(self.record, self.player, self.coach_app.clock.time, self.coach_app.now())

    def _persist(self) -> None:
        if not self.saved:
            return
        try:
            self.coach_app.store.update(self._progress())
        except StoreError as exc:
            self.saved = False  # say it once, not at every step
            self.notify(visible(str(exc)), severity="error", timeout=15, markup=False)

    # --- what is shown --------------------------------------------------------------------------

    def refresh_view(self) -> None:
        now = self.coach_app.clock.time
        p = self.player
        step = p.step
        if p.index != self._shown_index:
            self._shown_index = p.index
            self.refresh_bindings()
            self.query_one("#step-title", Static).update(step_title(self.content, step))
            position = step.exercise.position
            if step.change:
                position += "\n" + self.content.text("player.changed", change=changes_words(self.content, step.change))
            self.query_one("#step-position", Static).update(position)
            self.query_one("#cues", Static).update("\n".join(f"• {c}" for c in step.exercise.cues))
            self.query_one("#next-step", Static).update(next_words(self.content, p.next_step))
            self.query_one("#pacer", BreathingPacer).display = step.paced
        seconds = shown_seconds(p.remaining(now))
        self.query_one("#countdown", Countdown).show(seconds)
        if step.paced:
            ex = step.exercise
            phase, left, full = breath_at(p.elapsed_in_step(now), ex.breath_in, ex.breath_out)
            motion = reduced_motion(self.coach_app.settings.reduced_motion)
            self.query_one("#pacer", BreathingPacer).show(phase, left, full, motion)
        self._show_text("#paused", self.content.text("player.paused") if p.paused else "")
        if p.paused != getattr(self, "_shown_paused", None):
            self._shown_paused = p.paused
            self.refresh_bindings()
        self.query_one("#step-bar", ProgressBar).update(total=p.step_length(), progress=p.elapsed_in_step(now))
        left = shown_seconds(p.routine_remaining(now))
        self.query_one("#routine-bar", ProgressBar).update(progress=p.planned_length - p.routine_remaining(now))
        self._show_text(
            "#routine-progress",
            self.content.text("player.progress", step=p.index + 1, total=len(p.steps), left=clock_face(left)),
        )
        self._set_terminal_title(
            self.content.text("player.terminal_title", name=step.exercise.name, time=clock_face(seconds))
        )
        self._wake_at_deadline()

    def _tick_at(self, moment: float) -> asyncio.TimerHandle:
        """Tick just after `moment` on the app's clock. Not a Textual timer: one counts its delay from when its
        task first runs, which is after the redraw of the tick that set it, so each step change was seen that
        much late (10-20 ms on a quiet machine, tests/bench.py, voice in the app). The loop's own timer counts
        from now; the tick then takes its turn in the screen's queue, as set_timer's callback does."""
        delay = max(0.0, moment - self.coach_app.clock.time) + DEADLINE_SLACK
        return asyncio.get_running_loop().call_later(delay, self.call_next, self.tick)

    def _show_text(self, selector: str, text: str) -> None:
        """Update a line only when its words change: Static.update lays the whole screen out again, which at ten
        ticks a second cost more than anything else the player does (tests/bench.py, voice in the app)."""
        if self._shown_text.get(selector) != text:
            self._shown_text[selector] = text
            self.query_one(selector, Static).update(text)

    def _wake_at_deadline(self) -> None:
        """Tick once more just after the current step ends. The interval's ticks run on a phase of their own
        (it starts once mounting and the first save are done): alone, they show every step change that
        much late, or a whole tick late when one lands a hair before the deadline."""
        p = self.player
        if p.paused or p.finished or p.deadline == self._wake_for:
            return
        if self._wake is not None:
            self._wake.cancel()
        self._wake_for = p.deadline
        self._wake = self._tick_at(p.deadline)

    def _set_terminal_title(self, title: str) -> None:
        if title == getattr(self, "_terminal_title", None):
            return
        self._terminal_title = title
        driver = self.coach_app._driver  # Textual has no public call for the window title (it rings the bell this way)
        if driver is not None and not self.coach_app.is_headless:
            driver.write(f"\x1b]2;{title}\x07")

    # --- keys -----------------------------------------------------------------------------------

    def _after_change(self, before: int) -> None:
        """After a tick or a key: speak, ring and save on a new step, then finish or redraw."""
        self._speak()
        if self.player.index != before:
            self._step_changed()
        if self.player.finished:
            self.finish()
        else:
            self.refresh_view()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Space says Pause while the routine runs and Resume while it waits."""
        if action == "pause":
            return not self.player.paused
        if action == "resume":
            return self.player.paused
        if action == "previous_step":  # from the second step on (on the first it only restarts it)
            return self.player.index > 0
        if action in VOICE_ACTIONS:  # the one of the three that says the voice as it is now
            return VOICE_ACTIONS[action] == self.voice_mode
        return True

    def action_pause(self) -> None:
        self.action_toggle_pause()

    def action_resume(self) -> None:
        self.action_toggle_pause()

    def action_toggle_pause(self) -> None:
        before = self.player.index
        self.player.toggle_pause(self.coach_app.clock.time)
        self._after_change(before)

    def action_next_step(self) -> None:
        before = self.player.index
        self.player.skip(self.coach_app.clock.time)
        self._after_change(before)

    def action_previous_step(self) -> None:
        before = self.player.index
        self.player.back(self.coach_app.clock.time)
        self._after_change(before)

    def action_more_time(self) -> None:
        self.player.adjust(self.coach_app.clock.time, ADJUST_SECONDS)
        self._after_change(self.player.index)

    def action_less_time(self) -> None:
        before = self.player.index
        self.player.adjust(self.coach_app.clock.time, -ADJUST_SECONDS)
        self.player.tick(self.coach_app.clock.time)
        self._after_change(before)

    def action_stop(self) -> None:
        from coach.tui.screens.stop_reason import StopReasonScreen

        was_paused = self.player.paused
        self.player.pause(self.coach_app.clock.time)
        self.speaker.stop()
        self.refresh_view()

        def answered(reason: str | None) -> None:
            if reason is None:
                if not was_paused:
                    self.player.resume(self.coach_app.clock.time)
                self.refresh_view()
                return
            self.player.stop(self.coach_app.clock.time)
            self.record = self.record.model_copy(update={"stop_reason": reason})
            self.finish()

        self.coach_app.push_screen(StopReasonScreen(), answered)

    # --- the end --------------------------------------------------------------------------------

    def finish(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.timer.stop()
        self._wake_for_cue(None)
        if self.player.stopped_early or self.prompter is None:
            self.speaker.stop()
        else:
            self.speaker.say(self.prompter.script.end)
        if self.record.stop_reason == "unwell":
            self._close(None, None)
            self._leave(then_open="stop_advice")
            return
        from coach.tui.screens.pain_rating import PainRatingScreen

        self.coach_app.push_screen(PainRatingScreen(after=True), self._rated_after)

    def _rated_after(self, answer: PainAnswer | None) -> None:
        self._close(answer.pain if answer else None, answer.feeling if answer else None)
        self._leave()

    def _leave(self, then_open: str | None = None) -> None:
        """Back to the routines list once any dialog on top has gone."""
        if not self.is_mounted:
            return
        if self.coach_app.screen is not self:
            self.call_after_refresh(self._leave, then_open)
            return
        self.dismiss(self.felt_worse)
        if then_open:
            self.coach_app.action_open(then_open)

    def _close(self, pain_after: int | None, feeling: str | None) -> None:
        self.record = self.record.model_copy(update={"pain_after": pain_after, "feeling": feeling})
        final = self._progress()
        if self.saved:
            self._persist()
        else:
            self.saved = self.coach_app.save_record(final)
        if self.saved:
            key = "player.saved_stopped" if final.stopped_early else "player.saved_done"
            name = visible(self.plan.routine.name, one_line=True)
            self.notify(self.content.text(key, name=name), timeout=6, markup=False)
        # Said on the routines screen, where it stays (a 15 s toast covered the routine's details, then went).
        self.felt_worse = final.stop_reason == "pain-worse" or final.feeling == "worse"
        self.final_saved = True

    def on_unmount(self) -> None:
        for wake in (self._wake, self._cue_wake):
            if wake is not None:
                wake.cancel()
        # Quit (ctrl+q) or closed mid-routine: keep what was done, marked as stopped early.
        if not self.final_saved and self.saved:
            if not self.player.finished:
                self.player.stop(self.coach_app.clock.time)
            self._persist()
        self.speaker.close()  # quit, or back to the routines: nothing speaks on
        self._set_terminal_title(self.content.text("app.title"))
