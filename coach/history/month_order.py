"""The history's records newest first, read a month at a time (Store.stream, coach.history.plain_export): the
order of one sort of the whole history, in which records of the same moment keep the older month's first, while
only a month and the last day of the month after it are held. No pydantic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TypeVar

_T = TypeVar("_T")


def newest_first(months: Iterable[tuple[str, list[_T]]], at: Callable[[_T], datetime]) -> Iterator[_T]:
    """The items of `months` ("2026-11" and its items in file order, newest month first), newest first by `at`."""
    waiting: list[_T] = []
    for month, items in months:
        waiting = items + waiting
        waiting.sort(key=at, reverse=True)  # stable: of equal moments, the older month's stay first
        bound = older_months_before(month)  # what is left to read is older than this
        ready = next((i for i, item in enumerate(waiting) if at(item) < bound), len(waiting))
        yield from waiting[:ready]
        del waiting[:ready]
    yield from waiting


def older_months_before(month: str) -> datetime:
    """A moment every record in months before `month` ("2026-11") is earlier than: its first day plus a day, in
    UTC. The earliest moment possible for a name that is not a month, so its records wait for the rest."""
    try:
        year, number = month.split("-")
        return datetime(int(year), int(number), 1, tzinfo=UTC) + timedelta(days=1)
    except (ValueError, OverflowError):
        return datetime.min.replace(tzinfo=UTC)
