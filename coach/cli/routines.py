"""`pain-coach routines [--all]`: the routines that suit the stored profile, with their lengths."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from coach.cli import open_store, report_problems
from coach.content.words import text

BLOCKED_STATUS = 3  # a check-in's warning sign is not cleared: nothing to start (0 listed, 1 failure, 2 usage)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> str:
    p = sub.add_parser(
        "routines",
        help=text("cli.routines_help"),
        description=text("cli.routines_help"),
        epilog=text("cli.routines_status_help", status=BLOCKED_STATUS),
    )
    p.add_argument("--all", action="store_true", help=text("cli.routines_all_help"))
    return "routines"


def run(args: argparse.Namespace) -> int:
    from coach.content.models import get_content
    from coach.history.record_text import flags_label, level_label
    from coach.routines.block import blocking_checkin
    from coach.routines.custom import every_routine
    from coach.routines.offer import plan_all, rules_for, rules_notes
    from coach.routines.player import clock_face

    content = get_content()
    store = open_store(args)
    blocked = blocking_checkin(store, store.load_settings())
    if blocked is not None:  # the same block as the app: a warning sign routes to care, never to a stretch
        report_problems(store)
        when = blocked.at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(text("cli.routines_blocked", when=when, flags=flags_label(blocked.flags) or level_label(blocked.level)))
        return BLOCKED_STATUS
    rules = rules_for(store.load_profile(), date.today())
    report_problems(store)
    routines, problems = every_routine(content)
    for problem in problems:
        print(text("errors.prefix") + text("custom.skipped", problem=problem), file=sys.stderr)
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
                    name=plan.routine.name,
                )
            )
            if args.all:
                for change in plan.substitutions:
                    print(text("cli.routines_change", change=change))
    hidden = [p for p in plans if not p.offered]
    if hidden and args.all:
        print()
        print(text("routines.hidden_title"))
        for plan in hidden:
            print(text("cli.routines_hidden", id=plan.routine.id.ljust(width), why=plan.hidden))
    elif hidden:
        print()
        print(text("cli.routines_hidden_count", count=len(hidden)))
    return 0
