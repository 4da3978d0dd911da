"""What the first screen needs from the data folder, read without loading the record models (pydantic): the
settings and the week of pregnancy. Whatever cannot be read plainly here is left to the full load, which
validates the files just after the first paint, moves a damaged one aside and corrects what was shown."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from coach.checkin.pregnancy import Stage, describe_stage, stage_from_dates
from coach.content.content import Content

PROFILE_SCHEMA = 1  # coach.history.records.FILE_SCHEMA_VERSION; a newer file waits for the full load


def peek_settings(data_dir: Path) -> dict[str, Any]:
    """settings.json as a plain dict ({} if missing or unreadable)."""
    return _peek(data_dir / "settings.json") or {}


def peek_status(content: Content, data_dir: Path, today: date) -> str | None:
    """Home's status line ("34 weeks + 0 days pregnant · third trimester") from profile.json read plainly; None
    when the file is not as this version writes it (the full load then says what it can)."""
    if not (data_dir / "profile.json").exists():
        return describe_stage(content, Stage())
    profile = _peek(data_dir / "profile.json")
    if profile is None or profile.get("schema") != PROFILE_SCHEMA:
        return None
    try:
        due, lmp, birth = (_date(profile.get(name)) for name in ("due_date", "lmp", "birth_date"))
    except ValueError:
        return None
    return describe_stage(content, stage_from_dates(due, lmp, birth, today))


def _peek(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _date(value: object) -> date | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(value)
    return date.fromisoformat(value)
