"""A history for the printable report: make_history's mix, plus a weekly function score, "I have been checked"
after some warning signs, routines stopped early, and a last check-in of its own (the report must show it).

`report_records(months)` is seeded, so the same history every time; `LATEST_NOTE` is the last check-in's note.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from coach.checkin.function_score import peg_score
from coach.history.records import CheckIn, Clearance, Profile, Record, RoutineSession
from tests.make_history import make_records

END = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)  # before tests.conftest.FIXED_NOW, the same Thursday
DUE = (END + timedelta(weeks=6)).date()  # 34+0 on END's day
PROFILE = Profile(due_date=DUE, date_basis="due", pgp_diagnosed="yes")
LATEST_NOTE = 'after <b>stairs</b> & "the school run"'


def _gestation(at: datetime) -> int:
    return 280 - (DUE - at.date()).days


def report_records(months: int, *, per_day: int = 4, seed: int = 11) -> list[Record]:
    days = months * 30
    rng = random.Random(seed)
    records = make_records(days * per_day, end=END - timedelta(hours=2), days=days, seed=seed)
    for i, record in enumerate(records):  # the weeks of this one pregnancy, not make_history's yearly ones
        update: dict[str, object] = {"gestation_days": _gestation(record.at)}
        if isinstance(record, RoutineSession) and record.stopped_early:
            update["stop_reason"] = rng.choice(["done-for-now", "pain-worse", "unwell", None])
        records[i] = record.model_copy(update=update)
    score = 7.0
    for week in range(days // 7, 0, -1):  # a weekly function score that falls as the weeks go by
        at = END - timedelta(weeks=week, hours=1)
        score = max(1.0, score - rng.uniform(0.2, 0.6))
        items = {
            name: max(0, min(10, round(score + rng.uniform(-1, 1))))
            for name in ("peg_pain", "peg_enjoyment", "peg_activity")
        }
        answers = {"pain_now": 4, "function_week": "now", **items}
        records.append(
            CheckIn(at=at, gestation_days=_gestation(at), answers=answers, pain_now=4, level="self-care",
                    function_score=peg_score(answers))
        )  # fmt: skip
    for checkin in [r for r in records if isinstance(r, CheckIn) and r.level == "urgent"][::3]:
        records.append(
            Clearance(at=checkin.at + timedelta(hours=5), checkin_id=checkin.id, level="urgent", flags=checkin.flags)
        )
    records.append(
        CheckIn(at=END, gestation_days=_gestation(END), note=LATEST_NOTE, answers={"pain_now": 6}, pain_now=6,
                pain_worst=8, level="soon")
    )  # fmt: skip
    return records


__all__ = ["END", "LATEST_NOTE", "PROFILE", "UTC", "report_records"]
