"""Writes tests/data/schema1/: a small history as pain-coach 0.1 (records schema 1) stored it.

Run once with the schema-1 code (commit 883be0f): `python tests/make_schema1.py`. The folder is committed
so that later code is tested against bytes written by the old code, not by itself.
"""

from __future__ import annotations

import shutil
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from coach.checkin.pregnancy import stage
from coach.checkin.triage import assess, check_answers, checkin_record
from coach.history import export
from coach.history.records import FlareLog, Profile, RoutineSession, Settings
from coach.history.store import Store
from coach.routines.offer import plan_routine, rules_for
from tests.packaged import CONTENT

OUT = Path(__file__).parent / "data" / "schema1"
TODAY = date(2026, 11, 20)
AT = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    store = Store(OUT, CONTENT)
    profile = Profile(due_date=TODAY + timedelta(days=280 - 24 * 7), pgp_diagnosed="yes")
    store.save_profile(profile)
    store.save_settings(Settings(first_run_done=True, theme="textual-dark"))
    content = CONTENT
    now = stage(profile, TODAY)
    calm = {"pain_now": 6, "pain_worst": 7, "where": ["buttock", "front-pelvis"], "side": "left",
            "feel": ["dull-ache"], "worse": ["walking"], "rest": "yes", "trend": "same", "sleep": "one-two",
            "duration": "two-six-weeks", "flags_nerves": [], "flags_bleeding": [], "flags_pregnancy": [],
            "flags_other": []}  # fmt: skip
    flagged = {**calm, "pain_now": 4, "flags_pregnancy": ["fever"]}
    for minutes, given in ((0, calm), (-60, flagged)):
        answers = check_answers(given, now, CONTENT)
        record = checkin_record(answers, assess(answers, now, CONTENT), AT + timedelta(minutes=minutes), CONTENT)
        store.add(record.model_copy(update={"gestation_days": now.gestation_days}))
    routines = {r.id: r for r in content.routines.routines}
    for i, (routine_id, minutes) in enumerate([("buttock-strength", 1), ("back-release-all-fours", 2)]):
        plan = plan_routine(CONTENT, routines[routine_id], content.exercises.by_id(), rules_for(profile, TODAY))
        store.add(
            RoutineSession(
                at=AT + timedelta(minutes=10 + 20 * i), routine_id=routine_id, routine_name=plan.routine.name,
                content_version=content.version, ended_at=AT + timedelta(minutes=10 + 20 * i + minutes),
                steps_done=len(plan.steps), steps_total=len(plan.steps), active_seconds=60.0 * minutes,
                pain_before=6, pain_after=4, feeling="better", substitutions=list(plan.substitutions),
                gestation_days=now.gestation_days,
            )
        )  # fmt: skip
    store.add(
        RoutineSession(
            at=AT + timedelta(hours=2), routine_id="my-hips", routine_name="My hip routine", steps_done=1,
            steps_total=3, active_seconds=42.5, stopped_early=True, stop_reason="pain-worse",
            gestation_days=now.gestation_days,
        )
    )  # fmt: skip
    store.add(
        FlareLog(at=AT + timedelta(hours=5), pain=7, where=["buttock"], side="left", activity="walking",
                 note="after the shops", gestation_days=now.gestation_days)
    )  # fmt: skip
    records = store.all()
    (OUT / "export.json").write_text(export.to_json(records, AT + timedelta(days=1)), encoding="utf-8")
    (OUT / "README.md").write_text(
        "A history written by pain-coach with records schema 1 (commit 883be0f), made by `tests/make_schema1.py`.\n"
        "Kept as it was written: tests/test_schema1.py reads it with today's code.\n",
        encoding="utf-8",
    )
    print(f"wrote {len(records)} records to {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
