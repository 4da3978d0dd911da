"""Every built-in routine as it would be played, for the voice tests and bench: planned for a few people
(pregnant with and without pelvic girdle pain, early pregnancy, after the birth), so every substitution the
plan can make is heard."""

from __future__ import annotations

from datetime import date, timedelta

from coach.content.content import Content
from coach.history.records import Profile
from coach.routines.offer import plan_routine, rules_for
from coach.routines.player import Step

TODAY = date(2026, 11, 26)
PROFILES = {
    "30 weeks, PGP": Profile(due_date=TODAY + timedelta(weeks=10), date_basis="due", pgp_diagnosed="yes"),
    "30 weeks, no PGP": Profile(due_date=TODAY + timedelta(weeks=10), date_basis="due", pgp_diagnosed="no"),
    "12 weeks, no PGP": Profile(due_date=TODAY + timedelta(weeks=28), date_basis="due", pgp_diagnosed="no"),
    "postnatal": Profile(birth_date=TODAY - timedelta(weeks=4), date_basis="born", pgp_diagnosed="no"),
}


def played_routines(content: Content) -> list[tuple[str, str, list[Step]]]:
    """(routine id, whose plan, its steps) for every built-in routine offered to each profile."""
    exercises = content.exercises.by_id()
    cases = []
    for who, profile in PROFILES.items():
        rules = rules_for(profile, TODAY)
        for routine in content.routines.routines:
            plan = plan_routine(content, routine, exercises, rules)
            if plan.offered:
                cases.append((routine.id, who, plan.steps))
    return cases
