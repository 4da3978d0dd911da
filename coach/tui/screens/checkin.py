"""The check-in: one question at a time, keyboard first, back to change an answer.

Asks for the profile first when it has no dates; at the end triages, saves the CheckIn and shows
the red-flag screen or the assessment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, OptionList, Static

from coach.checkin.pregnancy import Stage, stage
from coach.checkin.triage import answer_problem, asked_questions, assess, checkin_record, ends_now, options_for
from coach.content.models import Question
from coach.history.function_weeks import due, week_since
from coach.history.local_time import day_start
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.answers import PickOne, PickSome
from coach.tui.widgets.key_footer import KeyFooter
from coach.tui.widgets.pain_scale import PainScale

if TYPE_CHECKING:
    from coach.tui.screens.profile import ProfileScreen


class CheckInScreen(CoachScreen):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next", id="checkin.next", show=False),
        Binding("escape", "back", id="checkin.back"),
        Binding("n", "none_of_these", id="checkin.none_of_these"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.answers: dict[str, Any] = {}
        self.current: Question | None = None
        self.weekly = False  # the weekly function score is due: no check-in this week has offered it

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with Vertical(id="checkin"):
            yield Static(id="progress")
            yield Static(id="question")
            yield Static(id="question-help")
            yield Vertical(id="answer")
            yield Static(id="problem")
            yield Static(id="hint")
            with Horizontal(id="checkin-buttons"):
                yield Button(self.content.text("checkin.back"), id="back")
                yield Button(self.content.text("checkin.none"), id="none")
                yield Button(self.content.text("checkin.next"), id="next", variant="primary")
        yield KeyFooter()

    async def on_mount(self) -> None:
        self.sub_title = self.content.text("checkin.title")
        profile = self.coach_app.store.load_profile()
        if profile.date_basis is None:
            self.coach_app.push_screen(self._profile_screen())
        now = self.coach_app.now()
        this_week = self.coach_app.store.query(kind="checkin", since=day_start(week_since(now), now.tzinfo))
        self.weekly = due(this_week, now)
        await self.show(self._questions()[0])

    def _profile_screen(self) -> ProfileScreen:
        from coach.tui.screens.profile import ProfileScreen

        return ProfileScreen(first_checkin=True)

    # --- where we are --------------------------------------------------------------------------------

    @property
    def pregnancy_stage(self) -> Stage:
        return stage(self.coach_app.store.load_profile(), self.coach_app.now().date())

    def _questions(self) -> list[Question]:
        return asked_questions(self.answers, self.pregnancy_stage, self.content, weekly=self.weekly)

    async def show(self, question: Question) -> None:
        self.current = question
        questions = self._questions()
        number = [q.id for q in questions].index(question.id) + 1
        with self.app.batch_update():  # one layout and one frame for the whole question, not one per change
            self.query_one("#progress", Static).update(
                self.content.text("checkin.progress", number=number, total=len(questions))
            )
            self.query_one("#question", Static).update(question.text)
            help_line = self.query_one("#question-help", Static)
            help_line.update(question.help)
            help_line.display = bool(question.help)
            self.query_one("#problem", Static).update("")
            self.query_one("#hint", Static).update(self.content.text(f"checkin.hint_{question.kind}"))
            self.query_one("#none").display = question.kind == "flags"
            self.query_one("#next").display = question.kind != "one"
            await self._show_answers(question)
        self.refresh_bindings()  # "None of these" is offered on the red-flag questions only

    async def _show_answers(self, question: Question) -> None:
        """The question's answers in the widget shown before if it is of the question's kind: a new widget costs
        a mount and its styles, and moving the focus to it restyles the screen and redraws the footer."""
        holder = self.query_one("#answer", Vertical)
        widget = holder.children[0] if holder.children else None
        previous = self.answers.get(question.id)
        kind = {"scale": PainScale, "one": PickOne}.get(question.kind, PickSome)
        if type(widget) is not kind:
            shown = widget
            widget = self._answer_widget(question)
            await holder.mount(widget)
            self.set_focus(widget)  # now (focus() waits a turn), before the old one goes: not via a button
            if shown is not None:
                await shown.remove()
        elif isinstance(widget, PainScale):
            widget.show_value(previous)
        elif isinstance(widget, PickOne | PickSome):
            widget.show_options(self._options(question), previous)
        widget.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "none_of_these":
            return self.current is not None and self.current.kind == "flags"
        return True

    def _answer_widget(self, question: Question) -> Widget:
        previous = self.answers.get(question.id)
        if question.kind == "scale":
            return PainScale(previous, content=self.content, id="scale")
        options = self._options(question)
        keys = self.content.text("checkin.option_keys")
        if question.kind == "one":
            return PickOne(options, previous, keys=keys, id="pick-one")
        return PickSome(options, previous, keys=keys, id="pick-some")

    def _options(self, question: Question) -> list[tuple[str, str]]:
        return [(o.id, o.label) for o in options_for(question, self.pregnancy_stage)]

    # --- answering ----------------------------------------------------------------------------------

    def refuse(self, key: str) -> None:
        self.query_one("#problem", Static).update(self.content.text(key))

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        await self.answer(event.option.id)

    async def on_pick_some_submitted(self, event: PickSome.Submitted) -> None:
        event.stop()
        await self.action_next()

    async def on_pain_scale_chosen(self, event: PainScale.Chosen) -> None:
        event.stop()
        await self.answer(event.value)

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await {"back": self.action_back, "none": self.action_none_of_these, "next": self.action_next}[
            event.button.id or ""
        ]()

    async def action_next(self) -> None:
        question = self.current
        if question is None:
            return
        if question.kind == "scale":
            value = self.query_one("#scale", PainScale).value
            if value is None:
                self.refuse("checkin.bad_scale")
                return
            await self.answer(value)
        elif question.kind == "one":
            widget = self.query_one("#pick-one", PickOne)
            if widget.highlighted is None:
                self.refuse("checkin.pick_one")
                return
            await self.answer(widget.get_option_at_index(widget.highlighted).id)
        else:
            chosen = self.query_one("#pick-some", PickSome).selected
            if question.kind == "many" and question.required and not chosen:
                self.refuse("checkin.pick_some")
                return
            await self.answer(chosen)

    async def action_none_of_these(self) -> None:
        if self.current is not None and self.current.kind == "flags":
            await self.answer([])

    async def answer(self, value: Any) -> None:
        assert self.current is not None
        if isinstance(value, list):
            order = self.current.option_ids()
            value = sorted(value, key=order.index)
        problem = answer_problem(self.current, value, self.answers)
        if problem:
            key, values = problem
            self.query_one("#problem", Static).update(self.content.text(f"checkin.{key}", **values))
            return
        self.answers[self.current.id] = value
        if ends_now(self.current, value, self.content):  # a warning sign that cannot wait: straight to the care screen
            self.finish()
            return
        questions = self._questions()
        ids = [q.id for q in questions]
        position = ids.index(self.current.id)
        if position + 1 < len(questions):
            await self.show(questions[position + 1])
        else:
            self.finish()

    async def action_back(self) -> None:
        ids = [q.id for q in self._questions()]
        position = ids.index(self.current.id) if self.current and self.current.id in ids else 0
        if position == 0:
            self.coach_app.pop_screen()
        else:
            await self.show(self._questions()[position - 1])

    # --- the end ------------------------------------------------------------------------------------

    def finish(self) -> None:
        current = self.pregnancy_stage
        asked = {q.id for q in self._questions()}
        answers = {k: v for k, v in self.answers.items() if k in asked}
        result = assess(answers, current, self.content)
        record = checkin_record(answers, result, self.coach_app.now(), self.content)
        saved = self.coach_app.save_record(record)
        if result.blocking:
            from coach.tui.screens.redflag import RedFlagScreen

            self.coach_app.switch_screen(RedFlagScreen(record))
        else:
            from coach.tui.screens.assessment import AssessmentScreen

            self.coach_app.switch_screen(AssessmentScreen(record, result, saved=saved))
