"""The history record of a routine run, kept up to date as it plays. Pure: no textual."""

from __future__ import annotations

from datetime import datetime

from coach.history.records import RoutineSession
from coach.routines.player import Player

INTERRUPTED = "interrupted"  # what a run says until it ends properly (closed terminal, crash)
STOP_REASONS = ("done-for-now", "pain-worse", "unwell")


def progress(record: RoutineSession, player: Player, now: float, wall: datetime) -> RoutineSession:
    """The record as it stands now; stopped early and "interrupted" unless the player finished."""
    completed = player.finished and not player.stopped_early
    return record.model_copy(
        update={
            "ended_at": wall,
            "steps_done": player.steps_done,
            "active_seconds": round(player.active_seconds(now), 3),
            "paused_seconds": round(player.paused_seconds(now), 3),
            "stopped_early": not completed,
            "stop_reason": None if completed else (record.stop_reason or INTERRUPTED),
        }
    )
