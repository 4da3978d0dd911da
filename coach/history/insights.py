"""History -> trends, weekly comparison, routine streak, what helps, trigger counts. Pure: no textual, no I/O.

Days are local days of `now` (its timezone); every function takes the records it should look at, newest
first or in any order.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from coach.content import ids
from coach.content.content import Content
from coach.history.record_words import routine_name_of
from coach.history.records import CheckIn, FlareLog, Record, RoutineSession

MIN_TIMES = 3  # a routine needs this many measured sessions before we say anything about it
TRIGGER_QUESTION = ids.TRIGGER_QUESTION


def local_day(record: Record, tz: tzinfo | None) -> date:
    return record.at.astimezone(tz).date()


def pain_readings(record: Record) -> list[int]:
    """The 'pain right now' numbers a record holds (a routine has one before and one after)."""
    if isinstance(record, FlareLog):
        return [record.pain]
    if isinstance(record, CheckIn):
        return [record.pain_now]
    if isinstance(record, RoutineSession):
        return [p for p in (record.pain_before, record.pain_after) if p is not None]
    return []


def pain_change(session: RoutineSession) -> int | None:
    """Before minus after: positive means the pain went down."""
    if session.pain_before is None or session.pain_after is None:
        return None
    return session.pain_before - session.pain_after


# --- pain over time ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayPain:
    day: date
    average: float
    worst: int
    readings: int


def daily_pain(records: Iterable[Record], first: date, last: date, tz: tzinfo | None) -> list[DayPain]:
    """Average and worst pain for each day from `first` to `last` that has any reading, oldest first."""
    values: dict[date, list[int]] = defaultdict(list)
    worst: dict[date, int] = {}
    for record in records:
        day = local_day(record, tz)
        if not first <= day <= last:
            continue
        readings = pain_readings(record)
        if not readings:
            continue
        values[day].extend(readings)
        peak = max(
            readings + ([record.pain_worst] if isinstance(record, CheckIn) and record.pain_worst is not None else [])
        )
        worst[day] = max(worst.get(day, 0), peak)
    return [DayPain(day, sum(values[day]) / len(values[day]), worst[day], len(values[day])) for day in sorted(values)]


def bucket_pain(days: list[DayPain], first: date, step: int) -> list[DayPain]:
    """Days grouped into buckets of `step` days starting at `first`; each keeps its first day's date."""
    if step == 1:
        return list(days)
    grouped: dict[date, list[DayPain]] = defaultdict(list)
    for day in days:
        grouped[first + timedelta(days=(day.day - first).days // step * step)].append(day)
    return [
        DayPain(
            start,
            sum(d.average * d.readings for d in group) / sum(d.readings for d in group),
            max(d.worst for d in group),
            sum(d.readings for d in group),
        )
        for start, group in sorted(grouped.items())
    ]


# --- this week against last week ------------------------------------------------------------------


@dataclass(frozen=True)
class WeekStats:
    first: date
    last: date
    sessions: int
    minutes: float
    average_change: float | None  # mean of before - after over sessions that have both


def week_stats(records: Iterable[Record], first: date, last: date, tz: tzinfo | None) -> WeekStats:
    sessions = [r for r in records if isinstance(r, RoutineSession) and first <= local_day(r, tz) <= last]
    changes = [c for c in (pain_change(s) for s in sessions) if c is not None]
    return WeekStats(
        first,
        last,
        len(sessions),
        sum(s.active_seconds for s in sessions) / 60,
        sum(changes) / len(changes) if changes else None,
    )


def week_vs_last(records: Iterable[Record], now: datetime) -> tuple[WeekStats, WeekStats]:
    """The last 7 days (today included) and the 7 days before them."""
    records = list(records)
    today = now.date()
    this = week_stats(records, today - timedelta(days=6), today, now.tzinfo)
    before = week_stats(records, today - timedelta(days=13), today - timedelta(days=7), now.tzinfo)
    return this, before


# --- streak ----------------------------------------------------------------------------------------


def routine_streak(records: Iterable[Record], now: datetime) -> int:
    """Days in a row with at least one routine, counting back from today (or from yesterday if today has
    none yet, so the streak is not lost in the morning)."""
    days = {local_day(r, now.tzinfo) for r in records if isinstance(r, RoutineSession)}
    day = now.date()
    if day not in days:
        day -= timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak


# --- what helps --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoutineEffect:
    routine_id: str
    name: str
    times: int  # sessions of this routine
    measured: int  # of which had pain before and after
    average_change: float  # before - after, averaged over the measured sessions
    helped: int  # measured sessions where pain went down


@dataclass
class RoutineSum:
    times: int = 0
    stopped_early: int = 0
    measured: int = 0  # sessions with pain before and after
    change_total: int = 0  # before - after, summed over the measured sessions
    helped: int = 0  # measured sessions where the pain went down
    latest_at: datetime | None = None  # the latest run, whose name it is shown by
    fallback_name: str = ""  # the latest run's (a person's own routine's name, see RoutineSession)

    @property
    def average_change(self) -> float | None:
        return self.change_total / self.measured if self.measured else None

    def add(self, session: RoutineSession) -> None:
        self.times += 1
        if self.latest_at is None or session.at > self.latest_at:
            self.latest_at, self.fallback_name = session.at, session.fallback_name
        change = pain_change(session)
        if change is not None:
            self.measured += 1
            self.change_total += change
            self.helped += change > 0
        self.stopped_early += session.stopped_early

    def merge(self, other: RoutineSum) -> None:
        """Add the sums of other sessions of the same routine (another month's)."""
        self.times += other.times
        self.stopped_early += other.stopped_early
        self.measured += other.measured
        self.change_total += other.change_total
        self.helped += other.helped
        if other.latest_at is not None and (self.latest_at is None or other.latest_at > self.latest_at):
            self.latest_at, self.fallback_name = other.latest_at, other.fallback_name


class HelpsSums:
    """What "what helps" needs, fed one record at a time: sums per routine and trigger counts, never the records,
    so its memory grows with the routines and triggers, not the history. Sums of months can be merged."""

    def __init__(self) -> None:
        self.routines: dict[str, RoutineSum] = {}
        self.triggers: Counter[str] = Counter()

    def add_all(self, records: Iterable[Record]) -> HelpsSums:
        for record in records:
            self.add(record)
        return self

    def add(self, record: Record) -> None:
        if isinstance(record, RoutineSession):
            self.routines.setdefault(record.routine_id, RoutineSum()).add(record)
        elif isinstance(record, CheckIn):
            answer = record.answers.get(TRIGGER_QUESTION)
            if isinstance(answer, str) and answer:
                self.triggers[answer] += 1
            elif isinstance(answer, list):
                self.triggers.update({str(a) for a in answer if a})

    def merge(self, other: HelpsSums) -> HelpsSums:
        for routine_id, sums in other.routines.items():
            self.routines.setdefault(routine_id, RoutineSum()).merge(sums)
        self.triggers.update(other.triggers)
        return self

    def effects(self, content: Content, min_times: int = MIN_TIMES) -> list[RoutineEffect]:
        """Routines with at least `min_times` measured sessions, the biggest average drop in pain first."""
        effects = [
            RoutineEffect(
                routine_id,
                routine_name_of(content, routine_id, s.fallback_name) or routine_id,
                s.times,
                s.measured,
                s.change_total / s.measured,
                s.helped,
            )
            for routine_id, s in self.routines.items()
            if s.measured >= min_times
        ]
        effects.sort(key=lambda e: (-e.average_change, -e.measured, e.name.lower()))
        return effects

    def trigger_list(self) -> list[tuple[str, int]]:
        """Each answer to the triggers question and how often it came up, most often first (ties by name)."""
        return sorted(self.triggers.items(), key=lambda item: (-item[1], item[0]))


def what_helps(content: Content, records: Iterable[Record], min_times: int = MIN_TIMES) -> list[RoutineEffect]:
    """Routines with at least `min_times` measured sessions, the biggest average drop in pain first."""
    return HelpsSums().add_all(records).effects(content, min_times)


def trigger_counts(records: Iterable[Record]) -> list[tuple[str, int]]:
    """How often each answer to the triggers question came up in check-ins, most often first (ties by name)."""
    return HelpsSums().add_all(records).trigger_list()
