"""Whether an earlier check-in's red flag still blocks routines. Pure: no textual."""

from __future__ import annotations

from datetime import datetime

from coach.content.ids import BLOCKING_LEVELS
from coach.history.records import CheckIn, Clearance, Settings
from coach.history.store import Store


def blocking_checkin(store: Store, settings: Settings) -> CheckIn | None:
    """The latest check-in if it was emergency/urgent and not cleared since: a newer check-in, or "I have been
    checked" (a Clearance record in the history; older installs kept only `settings.cleared_after`)."""
    latest = store.query(kind="checkin")[:1]
    if not latest or not isinstance(latest[0], CheckIn) or latest[0].level not in BLOCKING_LEVELS:
        return None
    if settings.cleared_after and settings.cleared_after >= latest[0].at:
        return None
    cleared = store.query(kind="clearance", since=latest[0].at)
    if any(isinstance(c, Clearance) and c.at >= latest[0].at for c in cleared):
        return None
    return latest[0]


def clearance_for(checkin: CheckIn, at: datetime) -> Clearance:
    """The history record of "I have been checked" for this check-in's warning signs."""
    level = checkin.level
    assert level in BLOCKING_LEVELS, "only a blocking check-in is cleared"
    return Clearance(at=at, checkin_id=checkin.id, level=level, flags=list(checkin.flags))
