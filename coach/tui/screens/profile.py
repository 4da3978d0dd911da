"""The profile: pregnancy dates (echoed back in words as you type), how the baby was born and the postnatal
check (once a birth date is chosen), PGP diagnosis, conditions that need clearance before exercise, and the
emergency and maternity unit numbers. Nothing is saved until every field is valid: the fields are read and
checked by coach.history.profile_form, as `pain-coach profile` reads them."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, SelectionList, Static

from coach.checkin.pregnancy import echo, weeks_days
from coach.content.dates import long_date
from coach.content.ids import BIRTH_KINDS
from coach.history import profile_form
from coach.history.profile_form import FieldProblem
from coach.history.records import Profile
from coach.history.store import StoreError
from coach.shown import visible
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.answers import TickList
from coach.tui.widgets.key_footer import KeyFooter

BASES = (*profile_form.BASES, None)
PGP = profile_form.PGP_ANSWERS
DATE_FIELDS = frozenset({"basis", "date", "day-first"})  # what the typed date is read with
# A refused field -> the widgets whose change makes its message stale, and the widget to focus.
PROBLEM_FIELDS = {
    "date": (DATE_FIELDS, "date"),
    "postnatal-check": (frozenset({"postnatal-check", "day-first", "basis", "date"}), "postnatal-check"),
    "birth-kind": (frozenset({"birth-kind", "basis"}), "birth-kind"),
    "emergency": (frozenset({"emergency"}), "emergency"),
    "maternity": (frozenset({"maternity"}), "maternity"),
}


class ProfileScreen(CoachScreen):
    AUTO_FOCUS: ClassVar[str | None] = "#basis"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", id="profile.save"),
        Binding("escape", "cancel", id="profile.cancel"),
    ]

    def __init__(self, first_checkin: bool = False) -> None:
        super().__init__()
        self.first_checkin = first_checkin
        self._problem_fields: frozenset[str] = frozenset()  # the fields the shown problem is about

    def compose(self) -> ComposeResult:
        profile = self.coach_app.store.load_profile()
        shown = {"due": profile.due_date, "lmp": profile.lmp, "born": profile.birth_date}.get(profile.date_basis or "")
        yield self.title_bar()
        with VerticalScroll(id="profile"):
            yield Static(self.content.text("profile.title"), classes="title")
            yield Label(self.content.text("profile.basis_label"))
            with RadioSet(id="basis"):
                for basis in BASES:
                    yield RadioButton(
                        self.content.text(f"profile.basis_{basis or 'none'}"), value=profile.date_basis == basis
                    )
            yield Label(self.content.text("profile.date_label"))
            yield Input(
                value=long_date(shown, self.content.locale) if shown else "",
                placeholder=self.content.text("profile.date_placeholder"),
                id="date",
            )
            yield Static(id="date-echo")
            yield Checkbox(self.content.text("profile.day_first"), profile.day_first, id="day-first")
            with Vertical(id="birth-fields"):  # shown once "My baby was born on" is chosen
                yield Label(self.content.text("profile.birth_kind_label"))
                with RadioSet(id="birth-kind"):
                    for kind in BIRTH_KINDS:
                        yield RadioButton(
                            self.content.text(f"profile.birth_kind_{kind}"), value=profile.birth_kind == kind
                        )
                yield Label(self.content.text("profile.check_label"))
                yield Input(
                    value=long_date(profile.postnatal_check, self.content.locale) if profile.postnatal_check else "",
                    placeholder=self.content.text("profile.check_placeholder"),
                    id="postnatal-check",
                )
                yield Static(id="check-echo")
            yield Label(self.content.text("profile.pgp_label"))
            with RadioSet(id="pgp"):
                for answer in PGP:
                    yield RadioButton(self.content.text(f"profile.pgp_{answer}"), value=profile.pgp_diagnosed == answer)
            yield Label(self.content.text("profile.conditions_label"))
            yield TickList(
                [(c.id, c.label) for c in self.content.profile.conditions], profile.conditions, id="conditions"
            )
            yield Label(self.content.text("profile.emergency_label"))
            yield Input(
                profile.emergency_number or "",
                placeholder=self.content.text("profile.emergency_placeholder"),
                id="emergency",
            )
            yield Label(self.content.text("profile.maternity_label"))
            yield Input(
                profile.maternity_number or "",
                placeholder=self.content.text("profile.maternity_placeholder"),
                id="maternity",
            )
            yield Static(id="profile-problem")
            with Horizontal(id="profile-buttons"):
                yield Button(self.content.text("profile.save"), id="save", variant="primary")
                yield Button(self.content.text("profile.cancel"), id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("profile.title")
        self._update_echo()
        self._update_birth_fields()

    # --- the live echo ------------------------------------------------------------------------------

    def _basis(self) -> str | None:
        index = self.query_one("#basis", RadioSet).pressed_index
        return BASES[index] if index >= 0 else None

    def _typed_date(self) -> tuple[date | None, str]:
        """(date or None, message): the date field read with the current basis and day-first setting."""
        basis = self._basis()
        typed = self.query_one("#date", Input).value
        if basis is None:
            return None, ""
        today = self.coach_app.now().date()
        try:
            value = profile_form.read_pregnancy_date(typed, basis=basis, day_first=self._day_first(), today=today)
        except FieldProblem as problem:
            return None, problem.said(self.content)
        return value, echo(self.content, value, basis, today)

    def _day_first(self) -> bool:
        return self.query_one("#day-first", Checkbox).value

    def _typed_check(self) -> tuple[date | None, str]:
        """(date or None, message): the postnatal check as typed, with how long after the birth it was."""
        today = self.coach_app.now().date()
        try:
            check = profile_form.read_postnatal_check(
                self.query_one("#postnatal-check", Input).value, day_first=self._day_first(), today=today
            )
        except FieldProblem as problem:
            return None, problem.said(self.content)
        birth, _ = self._typed_date()
        if check is None or birth is None:
            return check, ""
        try:
            profile_form.checked(Profile(birth_date=birth, postnatal_check=check), today)
        except FieldProblem as problem:
            return None, problem.said(self.content)
        weeks, days = weeks_days((check - birth).days)
        words = self.content.counted("weeks", weeks), self.content.counted("days", days)
        return check, self.content.text(
            "profile.check_echo", date=long_date(check, self.content.locale), weeks=words[0], days=words[1]
        )

    def _update_birth_fields(self) -> None:
        self.query_one("#birth-fields").display = self._basis() == "born"
        value, message = self._typed_check()
        widget = self.query_one("#check-echo", Static)
        widget.update(message)
        widget.set_class(value is None and bool(message), "error")

    def _update_echo(self) -> None:
        value, message = self._typed_date()
        widget = self.query_one("#date-echo", Static)
        widget.update(message if self.query_one("#date", Input).value.strip() or value else "")
        widget.set_class(value is None and bool(message), "error")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._edited(event.input.id or "")
        if event.input.id == "date":
            self._update_echo()
        if event.input.id in ("date", "postnatal-check"):
            self._update_birth_fields()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._edited(event.radio_set.id or "")
        if event.radio_set.id == "basis":
            self._update_echo()
            self._update_birth_fields()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._edited(event.checkbox.id or "")
        self._update_echo()
        self._update_birth_fields()

    def _edited(self, field: str) -> None:
        """A problem shown on Save goes once the person changes what it was about (the echo stays live)."""
        if field in self._problem_fields:
            self._refuse("", frozenset())

    # --- saving -------------------------------------------------------------------------------------

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def _refuse(self, message: str, about: frozenset[str]) -> None:
        self._problem_fields = about
        self.query_one("#profile-problem", Static).update(message)

    def _form_profile(self) -> Profile:
        """The profile as the form now says, checked field by field (FieldProblem on the first refusal)."""
        today = self.coach_app.now().date()
        profile = self.coach_app.store.load_profile()
        basis = self._basis()
        if basis is None:
            if self.query_one("#basis", RadioSet).pressed_index < 0 and self.query_one("#date", Input).value.strip():
                raise FieldProblem("date", "profile.need_basis")
            profile = profile_form.with_dates(profile, None, None)
        else:
            typed = self.query_one("#date", Input).value
            value = profile_form.read_pregnancy_date(typed, basis=basis, day_first=self._day_first(), today=today)
            profile = profile_form.with_dates(profile, basis, value)
        if basis == "born":
            kind_index = self.query_one("#birth-kind", RadioSet).pressed_index
            check = profile_form.read_postnatal_check(
                self.query_one("#postnatal-check", Input).value, day_first=self._day_first(), today=today
            )
            profile = profile_form.with_birth(profile, BIRTH_KINDS[kind_index] if kind_index >= 0 else None, check)
        pgp_index = self.query_one("#pgp", RadioSet).pressed_index
        profile = profile.model_copy(
            update={
                "day_first": self._day_first(),
                "pgp_diagnosed": PGP[pgp_index] if pgp_index >= 0 else None,
                "conditions": list(self.query_one("#conditions", SelectionList).selected),
                "emergency_number": profile_form.read_number("emergency", self.query_one("#emergency", Input).value),
                "maternity_number": profile_form.read_number("maternity", self.query_one("#maternity", Input).value),
            }
        )
        return profile_form.checked(profile, today)

    def action_save(self) -> None:
        try:
            profile = self._form_profile()
        except FieldProblem as problem:
            about, widget = PROBLEM_FIELDS[problem.field]
            self._refuse(problem.said(self.content), about)
            self.query_one(f"#{widget}").focus()
            return
        try:
            self.coach_app.store.save_profile(profile)
        except StoreError as exc:
            self.coach_app.notify(visible(str(exc)), severity="error", timeout=15, markup=False)
            return
        self.coach_app.notify(self.content.text("profile.saved"), timeout=3)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
