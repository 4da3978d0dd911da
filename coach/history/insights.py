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
from coach.history.record_text import routine_name
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


def what_helps(content: Content, records: Iterable[Record], min_times: int = MIN_TIMES) -> list[RoutineEffect]:
    """Routines with at least `min_times` measured sessions, the biggest average drop in pain first."""
    by_routine: dict[str, list[RoutineSession]] = defaultdict(list)
    for record in records:
        if isinstance(record, RoutineSession):
            by_routine[record.routine_id].append(record)
    effects = []
    for routine_id, sessions in by_routine.items():
        changes = [c for c in (pain_change(s) for s in sessions) if c is not None]
        if len(changes) < min_times:
            continue
        name = routine_name(content, max(sessions, key=lambda s: s.at))
        effects.append(
            RoutineEffect(
                routine_id,
                name or routine_id,
                len(sessions),
                len(changes),
                sum(changes) / len(changes),
                sum(1 for c in changes if c > 0),
            )
        )
    effects.sort(key=lambda e: (-e.average_change, -e.measured, e.name.lower()))
    return effects


def trigger_counts(records: Iterable[Record], question: str = TRIGGER_QUESTION) -> list[tuple[str, int]]:
    """How often each answer to the triggers question came up in check-ins, most often first (ties by name)."""
    counts: Counter[str] = Counter()
    for record in records:
        if not isinstance(record, CheckIn):
            continue
        answer = record.answers.get(question)
        if isinstance(answer, str) and answer:
            counts[answer] += 1
        elif isinstance(answer, list):
            counts.update({str(a) for a in answer if a})
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
