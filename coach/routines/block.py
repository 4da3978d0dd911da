"""Whether an earlier check-in's red flag still blocks routines. Pure: no textual."""

from __future__ import annotations

from coach.content.ids import BLOCKING_LEVELS
from coach.history.records import CheckIn, Settings
from coach.history.store import Store


def blocking_checkin(store: Store, settings: Settings) -> CheckIn | None:
    """The latest check-in if it was emergency/urgent and not cleared since (new check-in or "I've been checked")."""
    latest = store.query(kind="checkin")[:1]
    if not latest or not isinstance(latest[0], CheckIn) or latest[0].level not in BLOCKING_LEVELS:
        return None
    if settings.cleared_after and settings.cleared_after >= latest[0].at:
        return None
    return latest[0]
