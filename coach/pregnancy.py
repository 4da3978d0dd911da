"""Pregnancy date arithmetic (content-brief section 6). Pure: no textual, no I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from coach.records import Profile

TERM_DAYS = 280  # due date = first day of the last period + 280 days


def due_from_lmp(lmp: date) -> date:
    return lmp + timedelta(days=TERM_DAYS)


def gestation_days(due: date, today: date) -> int:
    """Days of pregnancy today: 280 on the due date."""
    return TERM_DAYS - (due - today).days


def weeks_days(days: int) -> tuple[int, int]:
    return divmod(days, 7)


def trimester(days: int) -> int:
    weeks = days // 7
    return 1 if weeks < 14 else 2 if weeks < 28 else 3


def term_category(days: int) -> str:
    """'preterm', 'early-term', 'full-term', 'late-term' or 'post-term' (ACOG CO 579)."""
    weeks = days // 7
    if weeks < 37:
        return "preterm"
    if weeks < 39:
        return "early-term"
    if weeks < 41:
        return "full-term"
    return "late-term" if weeks < 42 else "post-term"


@dataclass(frozen=True)
class Stage:
    """Where the person is today: pregnant (with days), postnatal (with days since birth), or unknown."""

    gestation_days: int | None = None
    postnatal_days: int | None = None

    @property
    def known(self) -> bool:
        return self.gestation_days is not None or self.postnatal_days is not None

    @property
    def postnatal(self) -> bool:
        return self.postnatal_days is not None

    @property
    def weeks(self) -> int | None:
        return None if self.gestation_days is None else self.gestation_days // 7


def stage(profile: Profile, today: date) -> Stage:
    if profile.birth_date is not None:
        return Stage(postnatal_days=(today - profile.birth_date).days)
    due = profile.due_date or (due_from_lmp(profile.lmp) if profile.lmp else None)
    if due is None:
        return Stage()
    return Stage(gestation_days=gestation_days(due, today))
