"""`pain-coach log`'s flare, added without the records' pydantic models, which cost a command more than all the rest
of it (issue 15). Taken only when nothing needs them, so the outcome is the same as Store.add's:
- the profile is plainly valid: every entry one pydantic reads the same way (a date as YYYY-MM-DD, a choice from
  its list); anything else goes the validated way, which salvages, warns or moves it aside;
- the month is known whole: its sums were saved from a validated read at its file's current key
  (coach.history.sums_files), or there is no file yet. The flare keeps it whole, so its sums move to the new key,
  and canonical if it was (every record stored as its to_json()).
The record is written as FlareLog(...).to_json() writes it (tests/test_quick_flare.py compares the two).
`add` returns None when it did not write; the caller then adds a FlareLog with Store.add.
"""

from __future__ import annotations

import json
import re
import uuid
from datetime import date, datetime, timedelta
from typing import Any

from coach.checkin.pregnancy import stage_from_dates
from coach.content.ids import BIRTH_KINDS
from coach.history import sums_files
from coach.history.store import Store

SCHEMA = 2  # records.SCHEMA_VERSION
PROFILE_SCHEMA = 1  # records.FILE_SCHEMA_VERSION
GESTATION_LIMIT = 400  # records.GestationDays: days of pregnancy from -400 to 400
DATES = ("due_date", "lmp", "birth_date", "postnatal_check")
CHOICES: dict[str, tuple[str, ...]] = {
    "date_basis": ("due", "lmp", "born"),
    "birth_kind": BIRTH_KINDS,
    "pgp_diagnosed": ("yes", "no", "unsure"),
}
TEXTS = ("emergency_number", "maternity_number")
PROFILE_KEYS = frozenset({"schema", "day_first", "conditions", *DATES, *CHOICES, *TEXTS})  # records.Profile's
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def plain_profile(raw: bytes | None) -> dict[str, date | None] | None:
    """The dates of profile.json (None: no file) if every entry is plainly valid; None if any needs pydantic."""
    if raw is None:
        return dict.fromkeys(DATES)
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not set(data) <= PROFILE_KEYS:
        return None
    if "schema" in data and (type(data["schema"]) is not int or data["schema"] != PROFILE_SCHEMA):
        return None
    plain = (
        type(data.get("day_first", True)) is bool
        and isinstance(data.get("conditions", []), list)
        and all(type(c) is str for c in data.get("conditions", []))
        and all(data.get(key) is None or data[key] in choices for key, choices in CHOICES.items())
        and all(data.get(key) is None or type(data[key]) is str for key in TEXTS)
    )
    dates = {key: _day(data.get(key)) for key in DATES}
    if not plain or any(data.get(key) is not None and dates[key] is None for key in DATES):
        return None
    return dates


def _day(value: object) -> date | None:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def gestation_on(dates: dict[str, date | None], day: date) -> int | None:
    """As coach.checkin.pregnancy.stage(profile, day).gestation_days."""
    return stage_from_dates(dates["due_date"], dates["lmp"], dates["birth_date"], day).gestation_days


def moment(at: datetime) -> str:
    """`at` as pydantic writes an aware datetime in JSON: "Z" for UTC."""
    text = at.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def flare_doc(
    at: datetime, gestation_days: int | None, pain: int, where: list[str], side: str | None, note: str
) -> dict[str, Any]:
    """FlareLog(...).to_json(), in its order."""
    return {
        "schema": SCHEMA, "id": uuid.uuid4().hex, "at": moment(at), "gestation_days": gestation_days, "note": note,
        "kind": "flare", "pain": pain, "where": where, "side": side, "activity": None,
    }  # fmt: skip


def add(store: Store, at: datetime, pain: int, where: list[str], side: str | None, note: str) -> dict[str, Any] | None:
    """Write the flare the quick way and return its stored form, or None (nothing written: use Store.add)."""
    offset = at.utcoffset()
    if offset is None or offset % timedelta(minutes=1):  # pydantic writes no seconds of an offset
        return None
    try:
        raw: bytes | None = (store.root / "profile.json").read_bytes()
    except FileNotFoundError:
        raw = None
    except OSError:
        return None  # the validated way says what is wrong
    dates = plain_profile(raw)
    if dates is None:
        return None
    days = gestation_on(dates, at.date())
    if days is not None and not -GESTATION_LIMIT <= days <= GESTATION_LIMIT:
        return None  # not a valid record
    doc = flare_doc(at, days, pain, where, side, note)
    with store.locked():
        path = store.month_path(at)
        key = store.month_key(path)
        saved = (
            sums_files.Saved({"routines": {}, "triggers": {}}, True)
            if key is None
            else sums_files.read(store.root, path, key)
        )
        if saved is None:
            return None
        store.insert(path, doc)
        new_key = store.month_key(path)
        if new_key is not None:  # the stored records are as they were, and the flare is as to_json() writes it
            sums_files.write(store.root, path, new_key, saved.sums, saved.canonical)
    return doc
