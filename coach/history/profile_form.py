"""The profile's fields as a person gives them, read and checked in one place.

The profile screen and `pain-coach profile` both build the new profile with these functions, so they accept
and refuse the same things, in the same words. A refusal is a `FieldProblem`: which field, and the content
key of the message. Pure: no textual, no I/O.
"""

from __future__ import annotations

import re
from datetime import date

from coach.checkin.pregnancy import Basis, DateProblem, parse_date, profile_dates, read_date, shown
from coach.content.content import Content
from coach.content.ids import BirthKind
from coach.history.records import Profile

PHONE = re.compile(r"^\+?[0-9 ]{1,20}$")
BASES: tuple[Basis, ...] = ("due", "lmp", "born")
PGP_ANSWERS = ("yes", "no", "unsure")
# Profile.<field>_number -> the message when it is not a phone number
NUMBER_FIELDS = {"emergency": "profile.bad_number", "maternity": "profile.bad_maternity_number"}


class FieldProblem(ValueError):
    """A value that was refused: `field` names what it is about, `key` the message in content, `values` fill it."""

    def __init__(self, field: str, key: str, **values: object) -> None:
        self.field = field
        self.key = key
        self.values = values
        super().__init__(key)

    def said(self, content: Content) -> str:
        return content.text(self.key, **{k: shown(content, v) for k, v in self.values.items()})


def _date_problem(field: str, problem: DateProblem) -> FieldProblem:
    return FieldProblem(field, f"dates.{problem.key}", **problem.values)


def read_number(field: str, typed: str) -> str | None:
    """A phone number (digits, spaces, a leading +), or None when left empty."""
    number = typed.strip()
    if number and not PHONE.match(number):
        raise FieldProblem(field, NUMBER_FIELDS[field], value=number)
    return number or None


def read_pregnancy_date(typed: str, *, basis: Basis, day_first: bool, today: date) -> date:
    """The due date, last period or birth date, read and checked for plausibility."""
    try:
        return read_date(typed, basis=basis, day_first=day_first, today=today)
    except DateProblem as problem:
        raise _date_problem("date", problem) from None


def with_dates(profile: Profile, basis: Basis | None, value: date | None) -> Profile:
    """The profile with its dates from one date (or none). How the baby was born, and the postnatal check,
    go with a birth date: a due date or last period (a new pregnancy) clears them."""
    if basis is None or value is None:
        cleared = {"date_basis": None, "due_date": None, "lmp": None, "birth_date": None}
        return profile.model_copy(update={**cleared, "birth_kind": None, "postnatal_check": None})
    dated = profile_dates(value, basis, profile)
    if basis != "born":
        dated = dated.model_copy(update={"birth_kind": None, "postnatal_check": None})
    return dated


def read_postnatal_check(typed: str, *, day_first: bool, today: date) -> date | None:
    """The day of the postnatal check (a day behind, when no year is typed), or None when left empty."""
    if not typed.strip():
        return None
    try:
        return parse_date(typed, day_first=day_first, today=today, basis="born")
    except DateProblem as problem:
        raise _date_problem("postnatal-check", problem) from None


def with_birth(profile: Profile, kind: BirthKind | None, check: date | None) -> Profile:
    """The profile with how the baby was born and the postnatal check; both need a birth date."""
    if profile.birth_date is None and kind is not None:
        raise FieldProblem("birth-kind", "profile.birth_kind_needs_birth")
    if profile.birth_date is None and check is not None:
        raise FieldProblem("postnatal-check", "profile.check_needs_birth")
    return profile.model_copy(update={"birth_kind": kind, "postnatal_check": check})


def checked(profile: Profile, today: date) -> Profile:
    """The whole profile checked across its fields, as it is about to be saved (FieldProblem if not)."""
    check, birth = profile.postnatal_check, profile.birth_date
    if check is not None:
        if birth is None:
            raise FieldProblem("postnatal-check", "profile.check_needs_birth")
        if check > today:
            raise FieldProblem("postnatal-check", "profile.check_future", date=check)
        if check < birth:
            raise FieldProblem("postnatal-check", "profile.check_before_birth", date=check, birth=birth)
    if profile.birth_kind is not None and birth is None:
        raise FieldProblem("birth-kind", "profile.birth_kind_needs_birth")
    for field in NUMBER_FIELDS:
        read_number(field, getattr(profile, f"{field}_number") or "")
    return profile
