"""`pain-coach routines [--all] [--json]`: the routines that suit the stored profile, with their lengths; as JSON,
each routine's steps after the plan's changes (swaps, holds, shortening), their flags and seconds, and every
timed step the player will play, so a script or a physio can check what will be played.
`pain-coach routines --speak ID`: one of them played by ear (coach.routines.listen), exit 0 at its end, 130 on
Ctrl+C, 1 when espeak-ng is missing or fails, 2 for an id that is not offered."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from coach.cli import open_store, report_problems
from coach.shown import visible

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content
    from coach.history.records import CheckIn
    from coach.routines.offer import Plan, Rules

BLOCKED_STATUS = 3  # a check-in's warning sign is not cleared: nothing to start (0 listed, 1 failure, 2 usage)


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser(
        "routines",
        help=content.text("cli.routines_help"),
        description=content.text("cli.routines_help"),
        epilog=content.text("cli.routines_status_help", status=BLOCKED_STATUS),
    )
    p.add_argument("--all", action="store_true", help=content.text("cli.routines_all_help"))
    p.add_argument("--speak", metavar="ID", help=content.text("cli.routines_speak_help"))
    p.add_argument("--json", action="store_true", help=content.text("cli.routines_json_help"))
    return "routines"


def run(args: argparse.Namespace, content: Content) -> int:
    from coach.history.record_text import flags_label, level_label
    from coach.routines.block import blocking_checkin
    from coach.routines.custom import every_routine
    from coach.routines.offer import plan_all, rules_for, rules_notes
    from coach.routines.player import clock_face

    store = open_store(args, content)
    blocked = blocking_checkin(store, store.load_settings())
    if blocked is not None and args.json:
        report_problems(store)
        print(json.dumps({"blocked": blocked_json(content, blocked), "routines": []}, indent=2, ensure_ascii=False))
        return BLOCKED_STATUS
    if blocked is not None:  # the same block as the app: a warning sign routes to care, never to a stretch
        report_problems(store)
        when = blocked.at.astimezone().strftime("%Y-%m-%d %H:%M")
        flags = flags_label(content, blocked.flags) or level_label(content, blocked.level)
        print(content.text("cli.routines_blocked", when=when, flags=flags))
        return BLOCKED_STATUS
    rules = rules_for(store.load_profile(), date.today())
    report_problems(store)
    routines, problems = every_routine(content)
    for problem in problems:
        shown = content.text("errors.prefix") + content.text("custom.skipped", problem=problem)
        print(visible(shown, one_line=True), file=sys.stderr)
    plans = plan_all(content, routines, content.exercises.by_id(), rules)
    if args.speak is not None:
        return speak(content, [p for p in plans if p.offered], args.speak)
    if args.json:
        listed = [plan for plan in plans if plan.offered or args.all]
        body = {
            "blocked": None,
            "rules": rules_json(content, rules),
            "routines": [plan_json(content, plan) for plan in listed],
        }
        print(json.dumps(body, indent=2, ensure_ascii=False))
        return 0
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
                    name=visible(plan.routine.name, one_line=True),
                )
            )
            if args.all:
                for change in plan.substitutions:
                    print(visible(content.text("cli.routines_change", change=change), one_line=True))
    hidden = [p for p in plans if not p.offered]
    if hidden and args.all:
        print()
        print(content.text("routines.hidden_title"))
        for plan in hidden:
            line = content.text("cli.routines_hidden", id=plan.routine.id.ljust(width), why=plan.hidden)
            print(visible(line, one_line=True))
    elif hidden:
        print()
        print(content.text("cli.routines_hidden_count", count=len(hidden)))
    return 0


INTERRUPTED_STATUS = 130  # as a shell reports a program ended by Ctrl+C


def speak(content: Content, offered: list[Plan], routine_id: str) -> int:
    import difflib
    import time

    from coach.config import read_config
    from coach.locations import config_file
    from coach.routines.listen import listen
    from coach.routines.player import clock_face
    from coach.routines.speaker import EspeakSpeaker
    from coach.routines.voice_choice import problem_words, voice_choice

    plan = next((p for p in offered if p.routine.id == routine_id), None)
    if plan is None:
        close = difflib.get_close_matches(routine_id, [p.routine.id for p in offered], n=1)
        hint = content.text("cli.routines_speak_hint", id=close[0]) if close else ""
        line = content.text("cli.routines_speak_unknown", id=routine_id, hint=hint)
        print(visible(content.text("errors.prefix") + line, one_line=True), file=sys.stderr)
        return 2
    config = read_config(content, config_file(), set(content.binding_ids()), lambda keys: True)
    choice = voice_choice(content, None, config)
    mode = "steps" if choice.mode == "off" else choice.mode  # asked for by name: spoken even if the app's is off
    speaker = EspeakSpeaker(choice.voice, choice.rate)
    name = visible(plan.routine.name, one_line=True)
    print(content.text("cli.routines_speaking", name=name, length=clock_face(plan.length)), flush=True)
    try:
        problem = listen(
            plan.steps, content, mode, speaker, time.monotonic, time.sleep,
            lambda words: print(visible(words, one_line=True), flush=True), rate=choice.rate,
        )  # fmt: skip
    except KeyboardInterrupt:
        speaker.close()
        print(content.text("cli.routines_speak_stopped"), file=sys.stderr)
        return INTERRUPTED_STATUS
    speaker.close()
    if problem is not None:
        print(visible(content.text("errors.prefix") + problem_words(content, *problem), one_line=True), file=sys.stderr)
        return 1
    return 0


def blocked_json(content: Content, checkin: CheckIn) -> dict[str, Any]:
    from coach.history.record_text import flags_label, level_label

    return {
        "checkin_id": checkin.id,
        "at": checkin.at.isoformat(),
        "level": checkin.level,
        "flags": list(checkin.flags),
        "words": content.text(
            "cli.routines_blocked",
            when=checkin.at.astimezone().strftime("%Y-%m-%d %H:%M"),
            flags=flags_label(content, checkin.flags) or level_label(content, checkin.level),
        ),
    }


def rules_json(content: Content, rules: Rules) -> dict[str, Any]:
    from coach.routines.offer import rules_notes

    s = rules.stage
    return {
        "stage": {
            "kind": ("postnatal" if s.postnatal else "pregnant") if s.known else "unknown",
            "gestation_days": s.gestation_days,
            "postnatal_days": s.postnatal_days,
        },
        "back_lying_limit": rules.back_lying_limit,
        "pgp_rules": rules.pgp,
        "strenuous_held_back": rules.strenuous_hold,
        "notes": rules_notes(content, rules),
    }


def plan_json(content: Content, plan: Plan) -> dict[str, Any]:
    """One routine as it will be played: its exercises after the changes, and each timed step."""
    from coach.history.record_text import change_words
    from coach.routines.player import expand, length

    steps = []
    for block in plan.blocks:
        ex = block.exercise
        steps.append(
            {
                "exercise": ex.id,
                "name": visible(ex.name, one_line=True),
                "hold": block.hold,
                "reps": block.reps,
                "rest": block.rest,
                "per_side": ex.per_side,
                "seconds": length(expand([block])),
                "flags": list(ex.flags),
                "changes": [change_words(content, c) for c in block.change],
            }
        )
    return {
        "id": plan.routine.id,
        "name": visible(plan.routine.name, one_line=True),
        "offered": plan.offered,
        "why_not": plan.hidden,
        "seconds": plan.length,
        "changes": [{**c.model_dump(exclude_defaults=True), "words": change_words(content, c)} for c in plan.changes],
        "steps": steps,
        "played": [
            {
                "kind": step.kind,
                "exercise": step.exercise.id,
                "side": step.side,
                "rep": step.rep,
                "seconds": step.seconds,
            }
            for step in plan.steps
        ],
    }
