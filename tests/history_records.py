"""Small hand-made records for the history tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from coach.history.records import CheckIn, FlareLog, RoutineSession

NOW = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)


def at(days_ago: float = 0, hour: int = 9) -> datetime:
    return (NOW - timedelta(days=days_ago)).replace(hour=hour, minute=0)


def session(
    days_ago=0,
    before=6,
    after=3,
    routine="quick-buttock-relief",
    name="Quick buttock relief",
    seconds=310,
    hour=9,
    **kw,
):
    return RoutineSession(
        at=at(days_ago, hour), routine_id=routine, fallback_name=name, steps_done=5, steps_total=5,
        active_seconds=seconds, pain_before=before, pain_after=after, **kw,
    )  # fmt: skip


def checkin(days_ago=0, pain=5, level="self-care", flags=(), answers=None, hour=9, **kw):
    return CheckIn(
        at=at(days_ago, hour),
        pain_now=pain,
        level=level,
        flags=list(flags),
        answers=answers or {"pain_now": pain},
        **kw,
    )


def flare(days_ago=0, pain=7, hour=9, **kw):
    return FlareLog(at=at(days_ago, hour), pain=pain, **kw)
