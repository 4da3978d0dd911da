"""The routines that suit you today, what each one changed for you, and why any are not offered.

A person's own routines are their text: every widget here shows it literally (markup off) with its control
characters made visible, so "[each side]" stays and "[link=...]" or an ESC sequence does nothing.

Starting one runs: safety check (once a day, or each time with a listed condition) -> pain before ->
the player (which asks for pain after and saves the session).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from coach.history.records import CheckIn
from coach.routines.block import blocking_checkin
from coach.routines.custom import every_routine
from coach.routines.offer import Plan, Rules, plan_all, rules_for, rules_notes
from coach.routines.player import clock_face
from coach.shown import visible
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from coach.tui.screens.pain_rating import PainAnswer


class RoutinesScreen(CoachScreen):
    AUTO_FOCUS: ClassVar[str | None] = "OptionList"
    BINDINGS: ClassVar[list[BindingType]] = [
        # priority: the list's own Enter would hide this one from the footer (a click on an item starts it too)
        Binding("enter", "start", id="routines.start", priority=True),
        Binding("escape,q", "app.pop_screen", id="routines.back"),
        Binding("c", "care", id="routines.care"),  # only while routines are paused by a warning sign
    ]
    blocked: CheckIn | None = None  # the check-in whose warning sign pauses routines

    def __init__(self, start_with: str | None = None) -> None:
        super().__init__()
        self.start_with = start_with  # a routine suggested on the assessment: started as soon as the list is up

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        # Above the scrolling part: the list takes the focus, and a banner scrolled off with it went unseen.
        yield Static(id="routines-blocked", markup=False)
        yield Static(self.content.text("routines.how_to_start"), id="routines-hint")
        yield Static(id="routines-advice", markup=False)  # after a routine that made the pain worse
        with VerticalScroll(id="routines"):
            yield Static(id="plan-notes", markup=False)
            # A routine file of a person's own that could not be read: said on the screen, where it stays
            # readable as long as needed (a toast covered the list for 20 s and then was gone).
            yield Static(id="custom-problems", markup=False)
            yield OptionList(id="routine-list", markup=False)
            yield Static(id="routine-detail", markup=False)
            yield Static(id="routines-hidden", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("routines.title")
        self.query_one("#routines-advice").display = False
        self.refresh_plans()
        if self.start_with is not None:
            menu = self.query_one(OptionList)
            ids = [p.routine.id for p in self.offered]
            if self.start_with in ids:
                menu.highlighted = ids.index(self.start_with)
            self.call_after_refresh(self.start, self.start_with)

    def on_screen_resume(self) -> None:
        self.refresh_plans()

    def action_care(self) -> None:
        """The care screen of the check-in that paused routines: what to do, and "I have been checked"."""
        from coach.tui.screens.redflag import RedFlagScreen

        if self.blocked is not None:
            self.coach_app.push_screen(RedFlagScreen(self.blocked))

    def refresh_plans(self) -> None:
        content = self.content
        self.profile = self.coach_app.store.load_profile()
        self.rules: Rules = rules_for(self.profile, self.coach_app.now().date())
        routines, self.custom_problems = every_routine(content)
        self.plans: list[Plan] = plan_all(self.content, routines, content.exercises.by_id(), self.rules)
        blocked = self.blocked = blocking_checkin(self.coach_app.store, self.coach_app.settings)
        self.refresh_bindings()
        banner = self.query_one("#routines-blocked", Static)
        banner.update(self.content.text("routines.blocked") if blocked else "")
        banner.display = blocked is not None
        self.query_one("#routines-hint").display = blocked is None
        self.refresh_bindings()
        notes = rules_notes(self.content, self.rules)
        if self.rules.stage.postnatal:
            notes.append(content.routines.safety.postnatal)
        self.query_one("#plan-notes", Static).update("\n".join(notes))
        problems = self.query_one("#custom-problems", Static)
        problems.update(
            "\n".join(visible(self.content.text("custom.skipped", problem=p)) for p in self.custom_problems)
        )
        problems.display = bool(self.custom_problems)
        menu = self.query_one(OptionList)
        highlighted = menu.highlighted
        menu.clear_options()
        menu.add_options(Option(self._label(p), id=p.routine.id) for p in self.offered)
        if self.offered:
            menu.highlighted = min(highlighted or 0, len(self.offered) - 1)
        hidden = [p for p in self.plans if not p.offered]
        lines = [
            visible(self.content.text("routines.hidden_item", name=p.routine.name, why=p.hidden), one_line=True)
            for p in hidden
        ]
        self.query_one("#routines-hidden", Static).update(
            self.content.text("routines.hidden_title") + "\n" + "\n".join(lines) if hidden else ""
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "care":  # the care screen of the check-in that paused routines
            return getattr(self, "blocked", None) is not None
        if action == "start":  # not while a red flag pauses routines, nor with nothing to start
            return getattr(self, "blocked", None) is None and bool(getattr(self, "plans", None) and self.offered)
        return True

    @property
    def offered(self) -> list[Plan]:
        return [p for p in self.plans if p.offered]

    def _label(self, plan: Plan) -> str:
        changes = self.content.text("routines.changes", count=len(plan.substitutions)) if plan.substitutions else ""
        name = visible(plan.routine.name, one_line=True)
        return self.content.text("routines.item", name=name, length=clock_face(plan.length), changes=changes)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        plan = self._plan(event.option.id)
        if plan is None:
            return
        lines = [plan.routine.summary, ""] if plan.routine.summary else []
        for block in plan.blocks:
            side = self.content.text("routines.each_side") if block.exercise.per_side else ""
            lines.append(
                self.content.text(
                    "routines.step_line", name=block.exercise.name, reps=block.reps, hold=block.hold, side=side
                )
            )
        if plan.substitutions:
            lines += ["", self.content.text("routines.changes_title"), *(f"• {s}" for s in plan.substitutions)]
        self.query_one("#routine-detail", Static).update(visible("\n".join(lines)))

    def _plan(self, routine_id: str | None) -> Plan | None:
        return next((p for p in self.offered if p.routine.id == routine_id), None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.start(event.option.id)

    def action_start(self) -> None:
        menu = self.query_one(OptionList)
        if menu.highlighted is not None:
            self.start(menu.get_option_at_index(menu.highlighted).id)

    # --- starting: safety, pain before, play ----------------------------------------------------

    def start(self, routine_id: str | None) -> None:
        plan = self._plan(routine_id)
        if plan is None:
            return
        if blocking_checkin(self.coach_app.store, self.coach_app.settings) is not None:
            self.notify(self.content.text("routines.blocked_refused"), severity="error", timeout=10)
            return
        today = self.coach_app.now().date()
        if self.coach_app.settings.safety_check_date != today or self.profile.conditions:
            from coach.tui.screens.safety_check import SafetyCheckScreen

            def checked(answer: str | None) -> None:
                if answer == "fine":
                    self.coach_app.update_settings(safety_check_date=today)
                    self._rate_before(plan)
                elif answer == "unwell":
                    self.coach_app.action_open("stop_advice")

            self.coach_app.push_screen(SafetyCheckScreen(self.profile.conditions), checked)
        else:
            self._rate_before(plan)

    def after_routine(self, felt_worse: bool | None) -> None:
        """Back from the player: if the pain got worse, what to do about it, above the list until the next one."""
        advice = self.query_one("#routines-advice", Static)
        advice.update(self.content.text("player.worse_hint") if felt_worse else "")
        advice.display = bool(felt_worse)

    def _rate_before(self, plan: Plan) -> None:
        from coach.tui.screens.pain_rating import PainRatingScreen

        def rated(answer: PainAnswer | None) -> None:
            if answer is not None:
                from coach.tui.screens.player import PlayerScreen

                self.coach_app.push_screen(PlayerScreen(plan, self.rules, pain_before=answer.pain), self.after_routine)

        self.coach_app.push_screen(PainRatingScreen(after=False), rated)
