"""`pain-coach routines [--all]`: the routines that suit the stored profile, with their lengths."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import TYPE_CHECKING

from coach.cli import open_store, report_problems

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser(
        "routines", help=content.text("cli.routines_help"), description=content.text("cli.routines_help")
    )
    p.add_argument("--all", action="store_true", help=content.text("cli.routines_all_help"))
    return "routines"


def run(args: argparse.Namespace, content: Content) -> int:
    from coach.routines.custom import every_routine
    from coach.routines.offer import plan_all, rules_for, rules_notes
    from coach.routines.player import clock_face

    store = open_store(args, content)
    rules = rules_for(store.load_profile(), date.today())
    report_problems(store)
    routines, problems = every_routine(content)
    for problem in problems:
        print(content.text("errors.prefix") + content.text("custom.skipped", problem=problem), file=sys.stderr)
    plans = plan_all(content, routines, content.exercises.by_id(), rules)
    for note in rules_notes(content, rules):
        print(note)
    print()
    width = max(len(p.routine.id) for p in plans)
    for plan in plans:
        if plan.offered:
            print(
                content.text(
                    "cli.routines_line",
                    id=plan.routine.id.ljust(width),
                    length=clock_face(plan.length).rjust(5),
                    name=plan.routine.name,
                )
            )
            if args.all:
                for change in plan.substitutions:
                    print(content.text("cli.routines_change", change=change))
    hidden = [p for p in plans if not p.offered]
    if hidden and args.all:
        print()
        print(content.text("routines.hidden_title"))
        for plan in hidden:
            print(content.text("cli.routines_hidden", id=plan.routine.id.ljust(width), why=plan.hidden))
    elif hidden:
        print()
        print(content.text("cli.routines_hidden_count", count=len(hidden)))
    return 0
