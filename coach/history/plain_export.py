"""`pain-coach export` as JSON or CSV without the records' pydantic models, which cost the command more than all
the rest of it (issue 15), as coach.history.quick_flare does for `pain-coach log`. Taken only when nothing needs
them, so the output is byte for byte the models' (tests/test_plain_export.py compares the two):
- every month in the range is known whole and canonical at its file's current key: its sums were saved from a
  validated read that found each stored record exactly as its to_json() (coach.history.sums_files), so the
  stored JSON is what the models would export. A month hand-edited since, or never read so, needs the models;
- no import was cut short (its journal is rolled back by the validated way first) and the history folder, if
  there is one, can be read.
Otherwise, or if a month changes while it is read, `try_export` returns None (nothing written) and the caller
exports with the models (coach.history.export), whose export saves the months' sums for the next time.
The Markdown and HTML reports always take the models' way: they sum the records as models.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from coach.content.content import Content
from coach.history import export_text, sums_files
from coach.history.export_file import Counted, Exported, check_target, write_export
from coach.history.month_order import newest_first
from coach.history.store import JOURNAL, Store, file_key
from coach.history.sums_files import Key

FORMATS = ("json", "csv")
Dated = tuple[datetime, dict[str, Any]]  # a record's moment and its stored JSON


class Changed(Exception):
    """A month's file changed since it was found canonical: the models' way reads it as it is now."""


def canonical_months(store: Store, since: datetime | None, until: datetime | None) -> list[tuple[Path, Key]] | None:
    """The months of [since, until) with their keys, oldest first, if each is known canonical at its key; else None."""
    if (store.history / JOURNAL).exists():
        return None
    if store.history.exists() and not os.access(store.history, os.R_OK | os.X_OK):
        return None  # no folder is an empty history, as for the models' way
    found = []
    for path in store.months(since, until):
        key = store.month_key(path)
        saved = None if key is None else sums_files.read(store.root, path, key)
        if key is None or saved is None or not saved.canonical:
            return None
        found.append((path, key))
    return found


def stored_records(
    months: list[tuple[Path, Key]], since: datetime | None, until: datetime | None
) -> Iterator[dict[str, Any]]:
    """The stored JSON of the records of `months` in [since, until), in Store.stream's order; Changed if a month's
    file is not the one found canonical."""
    dated = ((path.stem, _dated(path, key, since, until)) for path, key in reversed(months))
    return (doc for _at, doc in newest_first(dated, _moment))


def _moment(item: Dated) -> datetime:
    return item[0]


def _dated(path: Path, key: Key, since: datetime | None, until: datetime | None) -> list[Dated]:
    try:
        with path.open("rb") as fh:
            if file_key(os.fstat(fh.fileno())) != key:
                raise Changed(path)
            docs = json.loads(fh.read())["records"].values()
        dated = [(datetime.fromisoformat(doc["at"]), doc) for doc in docs]
        return [(at, doc) for at, doc in dated if not (since and at < since) and not (until and at >= until)]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Changed(path) from exc


def try_export(
    content: Content,
    store: Store,
    fmt: str,
    now: datetime,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    path: Path | None = None,
    force: bool = False,
    on_read: Callable[[Store], None] | None = None,
    out: TextIO | None = None,
) -> Exported | None:
    """As coach.history.export.export_history for JSON and CSV, without the records' models; None (nothing
    written) when the history needs them."""
    months = canonical_months(store, since, until) if fmt in FORMATS else None
    if months is None:
        return None
    into = check_target(content, path, force) if path is not None else False
    docs = Counted(stored_records(months, since, until))
    text = export_text.json_chunks(docs, now) if fmt == "json" else export_text.csv_chunks(content, docs)
    try:
        write_export(content, store, text, path=path, into=into, force=force, on_read=on_read, out=out)
    except Changed:
        return None
    return Exported(docs.count, path)
