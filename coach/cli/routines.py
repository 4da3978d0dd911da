"""`pain-coach routines [--all]`: the routines that suit the stored profile, with their lengths."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from coach.cli import open_store, report_problems
from coach.content.words import text
from coach.shown import visible


def add_parser(sub) -> str:
    p = sub.add_parser("routines", help=text("cli.routines_help"), description=text("cli.routines_help"))
    p.add_argument("--all", action="store_true", help=text("cli.routines_all_help"))
    return "routines"


def run(args: argparse.Namespace) -> int:
    from coach.content.models import get_content
    from coach.routines.custom import every_routine
    from coach.routines.offer import plan_all, rules_for, rules_notes
    from coach.routines.player import clock_face

    content = get_content()
    store = open_store(args)
    rules = rules_for(store.load_profile(), date.today())
    report_problems(store)
    routines, problems = every_routine(content)
    for problem in problems:
        print(visible(text("errors.prefix") + text("custom.skipped", problem=problem), one_line=True), file=sys.stderr)
    plans = plan_all(routines, content.exercises.by_id(), rules)
    for note in rules_notes(rules):
        print(note)
    print()
    width = max(len(p.routine.id) for p in plans)
    for plan in plans:
        if plan.offered:
            print(
                text(
                    "cli.routines_line",
                    id=plan.routine.id.ljust(width),
                    length=clock_face(plan.length).rjust(5),
                    name=visible(plan.routine.name, one_line=True),
                )
            )
            if args.all:
                for change in plan.substitutions:
                    print(visible(text("cli.routines_change", change=change), one_line=True))
    hidden = [p for p in plans if not p.offered]
    if hidden and args.all:
        print()
        print(text("routines.hidden_title"))
        for plan in hidden:
            print(visible(text("cli.routines_hidden", id=plan.routine.id.ljust(width), why=plan.hidden), one_line=True))
    elif hidden:
        print()
        print(text("cli.routines_hidden_count", count=len(hidden)))
    return 0
