"""The files of sums saved per month beside the history, `.sums/<month>.json`: a month's "what helps" sums
(coach.history.month_sums) with the key of the month's file they were worked out from (Store.month_key: every
write renames a new file into place, so the key changes). A sums file exists only for a month that was read whole
and validated at that key, so it also says the month is whole (coach.history.quick_flare), and whether it is
canonical: each stored record exactly its Record.to_json(), so its JSON is what the records' models would export
(coach.history.plain_export). Always rebuildable: one that cannot be read is made again. No pydantic, no textual.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from coach.atomic_file import write_atomic

FOLDER = ".sums"
VERSION = 2  # of the saved sums (2: with "canonical"): a file of another version is made again

Key = tuple[int, int, int]


class Saved(NamedTuple):
    sums: dict[str, Any]
    canonical: bool  # each record of the month is stored exactly as its to_json()


def read(root: Path, month: Path, key: Key) -> Saved | None:
    """The sums saved for `month` at `key`; None if there are none, they are for another key, or unreadable."""
    try:
        data = json.loads((root / FOLDER / month.name).read_bytes())
        if data["version"] != VERSION or tuple(data["key"]) != key or not isinstance(data["sums"], dict):
            return None
        return Saved(data["sums"], data["canonical"] is True)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write(root: Path, month: Path, key: Key, sums: dict[str, Any], canonical: bool) -> None:
    folder = root / FOLDER
    body = json.dumps({"version": VERSION, "key": list(key), "canonical": canonical, "sums": sums}, ensure_ascii=False)
    with contextlib.suppress(OSError):  # a read-only folder: the answers are the same, only slower next time
        if not folder.is_dir():
            folder.mkdir(mode=0o700)
            os.chmod(folder, 0o700)  # mkdir's mode is cut by the umask
        write_atomic(folder / month.name, body)


def forget_gone(root: Path, months: set[str]) -> None:
    """Sums of months no longer in the history (moved aside, or deleted by hand)."""
    with contextlib.suppress(OSError):
        for saved in (root / FOLDER).glob("*.json"):
            if saved.name not in months:
                saved.unlink()
