"""What a report needs from a history, gathered in one pass: sums per day and per week, counts, and the latest
few of each list. Records are fed one at a time in any order, so a history of 50,000 records is never held whole:
memory grows with the days covered and the few records each list keeps. Pure: no textual, no I/O.
"""

from __future__ import annotations

import heapq
import itertools
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Generic, TypeVar

from coach.history.function_weeks import WeekScores, week_start
from coach.history.insights import HelpsSums, RoutineSum, pain_readings
from coach.history.records import CheckIn, Clearance, FlareLog, Record, RoutineSession

_R = TypeVar("_R", bound=Record)
_ORDER = itertools.count()  # breaks ties between records of the same moment in the heaps


class Latest(Generic[_R]):
    """The `limit` latest records added (by `at`), oldest first, and how many were added in all."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0
        self._heap: list[tuple[datetime, int, _R]] = []

    def add(self, record: _R) -> None:
        self.count += 1
        item = (record.at, next(_ORDER), record)
        if len(self._heap) < self.limit:
            heapq.heappush(self._heap, item)
        elif item[:2] > self._heap[0][:2]:
            heapq.heapreplace(self._heap, item)

    def items(self) -> list[_R]:
        return [record for _, _, record in sorted(self._heap, key=lambda item: item[:2])]


@dataclass
class DaySum:
    total: int = 0
    readings: int = 0
    worst: int = 0

    @property
    def average(self) -> float:
        return self.total / self.readings


@dataclass
class WeekSum:
    monday: date
    total: int = 0
    readings: int = 0
    worst: int = 0
    routines: int = 0
    gestation_days: int | None = None  # on the week's first day, when known

    @property
    def average(self) -> float | None:
        return self.total / self.readings if self.readings else None


@dataclass(frozen=True)
class Limits:
    checkins: int = 10
    flagged: int = 8
    clearances: int = 6
    notes: int = 6


class ReportSums:
    def __init__(self, tz: tzinfo | None, limits: Limits | None = None) -> None:
        self.tz = tz
        limits = limits or Limits()
        self.first: datetime | None = None
        self.last: datetime | None = None
        self.kinds: Counter[str] = Counter()
        self.days: dict[date, DaySum] = {}
        self.weeks: dict[date, WeekSum] = {}
        self.function = WeekScores(tz)
        self.levels: Counter[str] = Counter()
        self.flags: dict[str, tuple[int, datetime]] = {}  # flag -> (times, last reported)
        self.patterns: Counter[str] = Counter()
        self.stop_reasons: Counter[str] = Counter()
        self.helps = HelpsSums()  # sums per routine and trigger counts, as "what helps" keeps them
        self.flare_total = self.flare_worst = 0
        self.checkins: Latest[CheckIn] = Latest(limits.checkins)
        self.flagged: Latest[CheckIn] = Latest(limits.flagged)
        self.clearances: Latest[Clearance] = Latest(limits.clearances)
        self.notes: Latest[Record] = Latest(limits.notes)
        # Day 0 of the pregnancy (gestation_days = 0), from the latest record that knew it: the chart's weeks.
        self._day_zero: tuple[datetime, date] | None = None
        # (at, gestation_days) of the earliest and the latest record that knew them.
        self.first_known: tuple[datetime, int] | None = None
        self.last_known: tuple[datetime, int] | None = None
        self.level_first: dict[str, datetime] = {}  # each triage level's first check-in

    def add_all(self, records: Iterable[Record]) -> ReportSums:
        for record in records:
            self.add(record)
        return self

    def add(self, record: Record) -> None:
        at = record.at
        self.first = at if self.first is None or at < self.first else self.first
        self.last = at if self.last is None or at > self.last else self.last
        self.kinds[record.kind] += 1
        day = at.astimezone(self.tz).date()
        if record.gestation_days is not None:
            self._add_gestation(at, day, record.gestation_days)
        if record.note.strip():
            self.notes.add(record)
        self.helps.add(record)
        self._add_pain(record, day)
        if isinstance(record, CheckIn):
            self._add_checkin(record)
        elif isinstance(record, RoutineSession):
            self._add_routine(record, day)
        elif isinstance(record, Clearance):
            self.clearances.add(record)
        elif isinstance(record, FlareLog):
            self.flare_total += record.pain
            self.flare_worst = max(self.flare_worst, record.pain)

    def _add_gestation(self, at: datetime, day: date, days: int) -> None:
        if self._day_zero is None or at > self._day_zero[0]:
            self._day_zero = (at, day - timedelta(days=days))
        if self.first_known is None or at < self.first_known[0]:
            self.first_known = (at, days)
        if self.last_known is None or at >= self.last_known[0]:
            self.last_known = (at, days)

    def _week(self, day: date) -> WeekSum:
        monday = week_start(day)
        if monday not in self.weeks:
            self.weeks[monday] = WeekSum(monday)
        return self.weeks[monday]

    def _add_pain(self, record: Record, day: date) -> None:
        readings = pain_readings(record)
        if not readings:
            return
        worst = max(readings)
        if isinstance(record, CheckIn) and record.pain_worst is not None:
            worst = max(worst, record.pain_worst)
        sums = self.days.setdefault(day, DaySum())
        sums.total += sum(readings)
        sums.readings += len(readings)
        sums.worst = max(sums.worst, worst)
        week = self._week(day)
        week.total += sum(readings)
        week.readings += len(readings)
        week.worst = max(week.worst, worst)

    def _add_checkin(self, record: CheckIn) -> None:
        self.checkins.add(record)
        self.levels[record.level] += 1
        self.level_first[record.level] = min(self.level_first.get(record.level, record.at), record.at)
        self.function.add(record)
        if record.pattern:
            self.patterns[record.pattern] += 1
        if record.flags:
            self.flagged.add(record)
            for flag in record.flags:
                times, last = self.flags.get(flag, (0, record.at))
                self.flags[flag] = (times + 1, max(last, record.at))

    def _add_routine(self, record: RoutineSession, day: date) -> None:
        if record.stopped_early:
            self.stop_reasons[record.stop_reason or "interrupted"] += 1
        self._week(day).routines += 1

    # --- read out ------------------------------------------------------------------------------------

    @property
    def routines(self) -> dict[str, RoutineSum]:
        return self.helps.routines

    @property
    def triggers(self) -> Counter[str]:
        return self.helps.triggers

    def gestation_on(self, day: date) -> int | None:
        """Days of pregnancy on `day`, from the latest record that knew them; None if none did."""
        return None if self._day_zero is None else (day - self._day_zero[1]).days

    def week_rows(self) -> list[WeekSum]:
        for monday, week in self.weeks.items():
            week.gestation_days = self.gestation_on(monday)
        return [self.weeks[m] for m in sorted(self.weeks)]
