"""The profile: pregnancy dates (echoed back in words as you type), PGP diagnosis, conditions that
need clearance before exercise, and the emergency number. Nothing is saved until every field is valid."""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Checkbox, Footer, Header, Input, Label, RadioButton, RadioSet, SelectionList, Static

from coach.checkin.pregnancy import DateProblem, echo, problem_text, profile_dates, read_date
from coach.content.dates import long_date
from coach.history.store import StoreError
from coach.shown import visible
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.answers import TickList

BASES = ("due", "lmp", "born", None)
PGP = ("yes", "no", "unsure")
PHONE = re.compile(r"^\+?[0-9 ]{1,20}$")
DATE_FIELDS = frozenset({"basis", "date", "day-first"})  # what the typed date is read with


class ProfileScreen(CoachScreen):
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
        yield Header()
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
            yield Static(id="profile-problem")
            with Horizontal(id="profile-buttons"):
                yield Button(self.content.text("profile.save"), id="save", variant="primary")
                yield Button(self.content.text("profile.cancel"), id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.content.text("profile.title")
        self._update_echo()
        self.query_one("#basis").focus()

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
        try:
            value = read_date(
                typed,
                basis=basis,
                day_first=self.query_one("#day-first", Checkbox).value,
                today=self.coach_app.now().date(),
            )
        except DateProblem as problem:
            return None, problem_text(self.content, problem)
        return value, echo(self.content, value, basis, self.coach_app.now().date())

    def _update_echo(self) -> None:
        value, message = self._typed_date()
        widget = self.query_one("#date-echo", Static)
        widget.update(message if self.query_one("#date", Input).value.strip() or value else "")
        widget.set_class(value is None and bool(message), "error")

    def on_input_changed(self, event: Input.Changed) -> None:
        self._edited(event.input.id or "")
        if event.input.id == "date":
            self._update_echo()

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        self._edited(event.radio_set.id or "")
        if event.radio_set.id == "basis":
            self._update_echo()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._edited(event.checkbox.id or "")
        self._update_echo()

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

    def action_save(self) -> None:
        profile = self.coach_app.store.load_profile()
        basis = self._basis()
        if basis is not None:
            value, message = self._typed_date()
            if value is None:
                self._refuse(message, DATE_FIELDS)
                self.query_one("#date", Input).focus()
                return
            profile = profile_dates(value, basis, profile)
        elif self.query_one("#basis", RadioSet).pressed_index < 0 and self.query_one("#date", Input).value.strip():
            self._refuse(self.content.text("profile.need_basis"), DATE_FIELDS)
            return
        else:
            profile = profile.model_copy(update={"date_basis": None, "due_date": None, "lmp": None, "birth_date": None})
        number = self.query_one("#emergency", Input).value.strip()
        if number and not PHONE.match(number):
            self._refuse(self.content.text("profile.bad_number", value=number), frozenset({"emergency"}))
            self.query_one("#emergency", Input).focus()
            return
        pgp_index = self.query_one("#pgp", RadioSet).pressed_index
        profile = profile.model_copy(
            update={
                "day_first": self.query_one("#day-first", Checkbox).value,
                "pgp_diagnosed": PGP[pgp_index] if pgp_index >= 0 else None,
                "conditions": list(self.query_one("#conditions", SelectionList).selected),
                "emergency_number": number or None,
            }
        )
        try:
            self.coach_app.store.save_profile(profile)
        except StoreError as exc:
            self.coach_app.notify(visible(str(exc)), severity="error", timeout=15, markup=False)
            return
        self.coach_app.notify(self.content.text("profile.saved"), timeout=3)
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)
