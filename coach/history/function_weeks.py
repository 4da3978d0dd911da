"""The weekly function score over time: is it due this week, the score of each week, how to read a change.

Weeks are calendar weeks, Monday to Sunday, in the local time of `now`. A check-in that offered the score (answered
or "not this week") counts for its week, so the score is never asked twice in a week and a skip is remembered.
A fall of 30% or more from the first week is commonly taken as a meaningful improvement (IMMPACT: Dworkin et al.
2008, J Pain 9:105-121). Pure: no textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from coach.checkin.function_score import offer_answered
from coach.history.records import CheckIn, Record

MEANINGFUL_FALL = 30  # per cent


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def due(records: Iterable[Record], now: datetime) -> bool:
    """Whether this check-in should offer the score: no check-in this week has offered it yet."""
    monday = week_start(now.date())
    return not any(
        isinstance(r, CheckIn)
        and week_start(r.at.astimezone(now.tzinfo).date()) == monday
        and offer_answered(r.answers)
        for r in records
    )


def week_since(now: datetime) -> date:
    """The first day `due` needs records from (the store is asked for this week's only)."""
    return week_start(now.date())


@dataclass(frozen=True)
class WeekScore:
    monday: date
    score: float  # the mean of the week's scores (usually one)
    count: int


class WeekScores:
    """Sums of the function score per week, fed one record at a time (a long history is never held)."""

    def __init__(self, tz: tzinfo | None) -> None:
        self.tz = tz
        self._sums: dict[date, tuple[float, int]] = {}

    def add(self, record: Record) -> None:
        if isinstance(record, CheckIn) and record.function_score is not None:
            monday = week_start(record.at.astimezone(self.tz).date())
            total, count = self._sums.get(monday, (0.0, 0))
            self._sums[monday] = (total + record.function_score, count + 1)

    def weeks(self) -> list[WeekScore]:
        return [WeekScore(m, total / count, count) for m, (total, count) in sorted(self._sums.items())]


def weekly_scores(records: Iterable[Record], tz: tzinfo | None) -> list[WeekScore]:
    sums = WeekScores(tz)
    for record in records:
        sums.add(record)
    return sums.weeks()


def percent_change(first: float, last: float) -> float | None:
    """(last - first) / first in per cent; None from a first score of 0 (there is nothing to fall from)."""
    return None if first == 0 else (last - first) / first * 100


def meaningful_fall(first: float, last: float) -> bool:
    change = percent_change(first, last)
    return change is not None and change <= -MEANINGFUL_FALL
