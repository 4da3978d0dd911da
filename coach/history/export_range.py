"""`--since` / `--until` of an export: a period ("4w", "30d") or a date, as [start, end) in local time. No pydantic."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from coach.content.content import Content
from coach.history.local_time import day_start
from coach.shown import clip


class WhenError(ValueError):
    """A --since/--until value that is neither a period nor a date; str() is the message to show."""


_PERIOD = re.compile(r"^(\d{1,5})\s*([dw])$", re.IGNORECASE)


def parse_day(content: Content, value: str, today: date, what: str) -> date:
    """'30d' (today and the 29 days before), '4w' (28 days), or an ISO date '2026-10-01'."""
    cleaned = value.strip()
    match = _PERIOD.match(cleaned)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)
        if days < 1:
            raise WhenError(content.text("errors.bad_when", what=what, value=clip(value)))
        try:
            return today - timedelta(days=days - 1)
        except OverflowError:  # 99999w: before year 1, so from the very start
            return date.min
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise WhenError(content.text("errors.bad_when", what=what, value=clip(value))) from None


def parse_range(
    content: Content, since: str | None, until: str | None, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """[start, end) in the local timezone of `now`; `until` includes its whole day. An empty value is a
    mistake (`--since "$UNSET"`), not "no limit". A day at the edge of the calendar leaves that side open."""
    start = end = None
    if since is not None:
        start = day_start(parse_day(content, since, now.date(), "--since"), now.tzinfo)
    if until is not None:
        last = parse_day(content, until, now.date(), "--until")
        end = day_start(last + timedelta(days=1), now.tzinfo) if last < date.max else None
    if start and end and end <= start:
        raise WhenError(content.text("errors.until_before_since", since=clip(since), until=clip(until)))
    return start, end
