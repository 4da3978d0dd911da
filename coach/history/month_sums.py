""" "What helps" over the whole history from sums kept per month: a month's sums (coach.history.insights.HelpsSums)
are saved beside the history, in `.sums/<month>.json`, with the key of the month's file they were made from
(Store.month_key: every write renames a new file into place, so the key changes). Years of history then cost a
small file per month, and only a month written since is read again. The sums are worked out from the validated
records, so the answer is the same as from the records themselves; a sums file that cannot be read is made again.
No textual.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from pathlib import Path
from typing import Any

from coach.atomic_file import write_atomic
from coach.history.insights import HelpsSums, RoutineSum
from coach.history.store import Store

FOLDER = ".sums"
VERSION = 1  # of the saved sums: a file of another version is made again


def helps_sums(store: Store) -> HelpsSums:
    """The sums of every month of `store`'s history, merged; months whose saved sums are missing or stale are
    read (one at a time, not kept) and their sums saved."""
    total = HelpsSums()
    months = store.months()
    for path in months:
        total.merge(_saved(store, path) or _worked_out(store, path))
    _forget_gone(store.root / FOLDER, {path.name for path in months})
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
    return HelpsSums() if key is None else _load(store.root / FOLDER / path.name, key)


def _worked_out(store: Store, path: Path) -> HelpsSums:
    key = store.month_key(path)
    sums = HelpsSums().add_all(store.month_records(path))
    # Saved only for a month read whole and unchanged since: an unreadable month reads as empty.
    if key is not None and store.month_readable(path) and store.month_key(path) == key:
        _save(store.root / FOLDER, path.name, key, sums)
    return sums


def _load(saved: Path, key: tuple[int, int, int]) -> HelpsSums | None:
    try:
        data = json.loads(saved.read_bytes())
        if data["version"] != VERSION or tuple(data["key"]) != key:
            return None
        return from_json(data["sums"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, stale or damaged: made again from the month


def _save(folder: Path, name: str, key: tuple[int, int, int], sums: HelpsSums) -> None:
    body = json.dumps({"version": VERSION, "key": list(key), "sums": to_json(sums)}, ensure_ascii=False)
    with contextlib.suppress(OSError):  # a read-only folder: the answer is the same, only slower next time
        if not folder.is_dir():
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask
        write_atomic(folder / name, body)


def _forget_gone(folder: Path, months: set[str]) -> None:
    """Sums of months no longer in the history (moved aside, or deleted by hand)."""
    with contextlib.suppress(OSError):
        for saved in folder.glob("*.json"):
            if saved.name not in months:
                saved.unlink()


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
