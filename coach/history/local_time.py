"""Local time with the zone's own rules (summer time, past and future offsets), not today's fixed offset.

`datetime.now().astimezone()` carries a fixed offset: in winter London is +00:00, so midnight on a July day
computed from it is an hour late. A day's bounds and a record's local date need the zone itself.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from dateutil import tz  # type: ignore[import-untyped,unused-ignore]


def local_zone() -> tzinfo:
    """The zone named by $TZ (a zone name or a POSIX rule), else the system's (/etc/localtime)."""
    zone: tzinfo = tz.gettz() or tz.tzlocal()
    return zone


def local_now() -> datetime:
    return datetime.now(local_zone())


def day_start(day: date, tz: tzinfo | None) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def days_back(now: datetime, days: int) -> datetime:
    """Midnight at the start of a `days`-day window that ends today (7 -> today and the 6 days before)."""
    return day_start(now.date() - timedelta(days=days - 1), now.tzinfo)
