"""Make a believable history of many records (10,000 over three years by default).

Reusable by tests and benchmarks: `make_records(n, end=...)` returns records; `python tests/make_history.py DIR`
writes them into a data folder (Store.add_many, one locked pass per month).
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from coach.content.content import Content
from coach.history.records import CheckIn, FlareLog, Record, RoutineSession

CONTENT = Content.load()  # also run as a script, outside the tests

ROUTINES = [  # (id, name) of packaged routines
    (r.id, r.name)
    for r in CONTENT.routines.routines
    if r.id in ("quick-buttock-relief", "gentle-pelvic-girdle", "bedtime-side-lying", "evening-wind-down")
]
LEVELS = ["self-care"] * 12 + ["soon"] * 4 + ["urgent", "emergency"]
FLAGS = {  # warning-sign ids from content/triage.toml, by the level they lead to
    "urgent": ["fluid", "spotting", "calf-one-side", "fever"],
    "emergency": ["heavy-bleeding", "breathless-chest"],
}
TRIGGERS = ["walking", "one-leg", "turning-in-bed", "sitting", "standing", "car"]  # the "worse" question
NOTES = ["", "", "", "after a long walk", "slept badly", "better after a warm bath", "stairs at work"]


def make_records(n: int = 10_000, *, end: datetime | None = None, days: int = 3 * 365, seed: int = 5) -> list[Record]:
    rng = random.Random(seed)
    end = end or datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
    start = end - timedelta(days=days)
    span = (end - start).total_seconds()
    records: list[Record] = []
    for i in range(n):
        at = start + timedelta(seconds=span * i / n + rng.uniform(0, 600))
        # Each year weeks 12 to 34 of a pregnancy (34+0 on the last day), other months with no dates.
        gestation = 238 - (end - at).days % 365
        if gestation < 84 or rng.random() < 0.05:
            gestation = None
        note = rng.choice(NOTES)
        roll = rng.random()
        if roll < 0.45:
            rid, _name = rng.choice(ROUTINES)
            before = rng.randint(2, 9)
            after = None if rng.random() < 0.1 else max(0, before - rng.choice([-1, 0, 1, 2, 2, 3]))
            seconds = rng.randint(120, 900)
            records.append(
                RoutineSession(
                    at=at,
                    gestation_days=gestation,
                    note=note,
                    routine_id=rid,
                    ended_at=at + timedelta(seconds=seconds),
                    steps_done=6,
                    steps_total=6,
                    active_seconds=seconds,
                    pain_before=before,
                    pain_after=after,
                    feeling=rng.choice(["better", "same", "worse", None]),
                    stopped_early=rng.random() < 0.1,
                )
            )
        elif roll < 0.75:
            level = rng.choice(LEVELS)
            flags = [rng.choice(FLAGS[level])] if level in FLAGS else []
            pain = rng.randint(1, 9)
            records.append(
                CheckIn(
                    at=at,
                    gestation_days=gestation,
                    note=note,
                    pain_now=pain,
                    level=level,
                    flags=flags,
                    answers={"pain_now": pain, "worse": rng.sample(TRIGGERS, rng.randint(0, 3))},
                    pattern=rng.choice(["pelvic-girdle", "nerve", None]),
                )
            )
        else:
            records.append(FlareLog(at=at, gestation_days=gestation, note=note, pain=rng.randint(1, 10)))
    return records


def main(argv: list[str]) -> int:
    import argparse

    from coach.history.store import Store

    parser = argparse.ArgumentParser(description="Fill a pain-coach data folder with a made-up history.")
    parser.add_argument("folder", type=Path, help="the data folder (as for --data-dir)")
    parser.add_argument("count", type=int, nargs="?", default=10_000, help="how many records (10000)")
    args = parser.parse_args(argv)
    folder, n = args.folder, args.count
    Store(folder, CONTENT).add_many(make_records(n, end=datetime.now().astimezone() - timedelta(hours=1)))
    print(f"wrote {n} records to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
