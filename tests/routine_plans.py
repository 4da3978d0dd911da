"""Print each packaged routine's computed length and the changes it gets at 12, 24 and 34 weeks,
with and without pelvic girdle pain (the closing note of issue 4). Run: python tests/routine_plans.py"""

from __future__ import annotations

from datetime import date, timedelta

from coach.history.records import Profile
from coach.routines.offer import plan_routine, rules_for
from coach.routines.player import clock_face
from tests.packaged import CONTENT

TODAY = date(2026, 11, 26)
CASES = [(week, pgp) for week in (12, 24, 34) for pgp in ("no", "yes")]


def short(change: str) -> str:
    merged = " (done once: the step before is the same)" if "done once" in change else ""
    return change.split(":")[0] + merged


def main() -> None:
    content = CONTENT
    exercises = content.exercises.by_id()
    print("| routine | " + " | ".join(f"{w} wk, PGP {p}" for w, p in CASES) + " |")
    print("|---" * (len(CASES) + 1) + "|")
    for routine in content.routines.routines:
        cells = []
        for week, pgp in CASES:
            profile = Profile(due_date=TODAY + timedelta(days=280 - 7 * week), pgp_diagnosed=pgp)
            plan = plan_routine(CONTENT, routine, exercises, rules_for(profile, TODAY))
            changes = "; ".join(short(c) for c in plan.substitutions) or "none"
            cells.append(f"{clock_face(plan.length)}: {changes}" if plan.offered else f"hidden: {plan.hidden}")
        print(f"| {routine.id} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
