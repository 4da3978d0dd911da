"""What helps over the whole history from sums kept per month (coach.history.sums_files): years of history cost a
small file per month, and only a month written since is read again. The sums are worked out from the validated
records, so the answer is the same as from the records themselves. No textual.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from coach.history import sums_files
from coach.history.insights import HelpsSums, RoutineSum
from coach.history.store import Store


def helps_sums(store: Store) -> HelpsSums:
    """The sums of every month of `store`'s history, merged; months whose saved sums are missing or stale are
    read (one at a time, not kept) and their sums saved."""
    total = HelpsSums()
    for path in store.months():
        total.merge(_saved(store, path) or _worked_out(store, path))
    sums_files.forget_gone(store.root, {path.name for path in store.month_files()})  # after: some may be moved aside
    return total


def saved_helps_sums(store: Store) -> HelpsSums | None:
    """As `helps_sums` if every month's saved sums are up to date (a small file a month, no record read);
    otherwise None."""
    total = HelpsSums()
    for path in store.months():
        saved = _saved(store, path)
        if saved is None:
            return None
        total.merge(saved)
    return total


def _saved(store: Store, path: Path) -> HelpsSums | None:
    key = store.month_key(path)
    if key is None:
        return HelpsSums()
    saved = sums_files.read(store.root, path, key)
    try:
        return None if saved is None else from_json(saved.sums)
    except (ValueError, KeyError, TypeError, AttributeError):
        return None  # damaged: made again from the month


def _worked_out(store: Store, path: Path) -> HelpsSums:
    read = store.read_whole(path)
    sums = HelpsSums().add_all(read.records)
    # Saved only for a month read whole and unchanged meanwhile: an unreadable month reads as empty.
    if read.key is not None:
        sums_files.write(store.root, path, read.key, to_json(sums), read.canonical)
    return sums


def remember(store: Store, path: Path) -> None:
    """Save the sums of one month, read and validated now (after a write the quick way could not make)."""
    _worked_out(store, path)


def remember_unsaved(store: Store, months: list[Path]) -> None:
    """Save the sums of those of `months` that have none at their file's key (after an export read them: the
    next JSON or CSV export of them may then take their JSON as it is, coach.history.plain_export)."""
    for path in months:
        if _saved(store, path) is None:
            _worked_out(store, path)


def to_json(sums: HelpsSums) -> dict[str, Any]:
    return {
        "routines": {
            routine_id: [s.times, s.stopped_early, s.measured, s.change_total, s.helped,
                         s.latest_at.isoformat() if s.latest_at else None, s.fallback_name]
            for routine_id, s in sums.routines.items()
        },
        "triggers": dict(sums.triggers),
    }  # fmt: skip


def from_json(data: dict[str, Any]) -> HelpsSums:
    sums = HelpsSums()
    for routine_id, (times, stopped, measured, change, helped, latest, name) in data["routines"].items():
        at = datetime.fromisoformat(latest) if latest is not None else None
        sums.routines[str(routine_id)] = RoutineSum(
            int(times), int(stopped), int(measured), int(change), int(helped), at, str(name)
        )
    sums.triggers.update({str(t): int(n) for t, n in data["triggers"].items()})
    return sums
