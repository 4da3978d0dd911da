"""`pain-coach log`: a quick flare entry."""

from __future__ import annotations

import argparse
import re

from coach.cli import UsageError, open_store, report_problems
from coach.content.words import body_choices, text
from coach.shown import clip


def add_parser(sub) -> str:
    p = sub.add_parser("log", help=text("cli.log_help"), description=text("cli.log_help"))
    p.add_argument("--pain", required=True, metavar="N", help=text("cli.log_pain_help"))
    p.add_argument("--where", metavar="AREA", action="append", help=text("cli.log_where_help"))
    p.add_argument("--side", metavar="SIDE", help=text("cli.log_side_help"))
    p.add_argument("--note", metavar="TEXT", default="", help=text("cli.log_note_help"))
    return "log"


def parse_pain(value: str) -> int:
    # Digits only: int() also takes "1_0", "+5" and other scripts' digits, which nobody means as a pain score.
    if not re.fullmatch(r"\s*[0-9]{1,2}\s*", value) or not 0 <= int(value) <= 10:
        raise UsageError(text("errors.bad_pain", value=clip(value)))
    return int(value)


def check_text(what: str, value: str) -> str:
    """Text from argv that is not UTF-8 arrives with lone surrogates, which cannot be saved as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(text("errors.not_utf8", what=what, value=clip(value))) from None
    return value


def check_choice(what: str, value: str, valid: list[str]) -> str:
    if value not in valid:
        raise UsageError(text("errors.bad_choice", what=what, valid=", ".join(valid), value=clip(value)))
    return value


def run(args: argparse.Namespace) -> int:
    from coach.checkin.pregnancy import with_gestation
    from coach.history.records import FlareLog

    areas = {a.id: a.label for a in body_choices("areas")}
    pain = parse_pain(args.pain)
    where = list(dict.fromkeys(check_choice("--where", w, list(areas)) for w in args.where or []))  # each once
    side = check_choice("--side", args.side, [s.id for s in body_choices("sides")]) if args.side else None
    note = check_text("--note", args.note)
    store = open_store(args)
    record = with_gestation(FlareLog(pain=pain, where=where, side=side, note=note), store.load_profile())
    record = store.add(record)
    report_problems(store)
    where_text = " (" + ", ".join(areas[w].lower() for w in where) + ")" if where else ""
    print(text("cli.log_saved", pain=pain, where=where_text, time=f"{record.at:%H:%M}"))
    return 0
