"""`pain-coach log`: a quick flare entry."""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from coach.cli import UsageError, open_store, report_problems
from coach.shown import clip

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("log", help=content.text("cli.log_help"), description=content.text("cli.log_help"))
    p.add_argument("--pain", required=True, metavar="N", help=content.text("cli.log_pain_help"))
    p.add_argument("--where", metavar="AREA", action="append", help=content.text("cli.log_where_help"))
    p.add_argument("--side", metavar="SIDE", help=content.text("cli.log_side_help"))
    p.add_argument("--note", metavar="TEXT", default="", help=content.text("cli.log_note_help"))
    return "log"


def parse_pain(content: Content, value: str) -> int:
    # Digits only: int() also takes "1_0", "+5" and other scripts' digits, which nobody means as a pain score.
    if not re.fullmatch(r"\s*[0-9]{1,2}\s*", value) or not 0 <= int(value) <= 10:
        raise UsageError(content.text("errors.bad_pain", value=clip(value)))
    return int(value)


def check_text(content: Content, what: str, value: str) -> str:
    """Text from argv that is not UTF-8 arrives with lone surrogates, which cannot be saved as UTF-8."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(content.text("errors.not_utf8", what=what, value=clip(value))) from None
    return value


def check_choice(content: Content, what: str, value: str, valid: list[str]) -> str:
    if value not in valid:
        raise UsageError(content.text("errors.bad_choice", what=what, valid=", ".join(valid), value=clip(value)))
    return value


def run(args: argparse.Namespace, content: Content) -> int:
    from datetime import datetime

    from coach.history import quick_flare

    areas = {a.id: a.label for a in content.body_choices("areas")}
    pain = parse_pain(content, args.pain)
    where = list(dict.fromkeys(check_choice(content, "--where", w, list(areas)) for w in args.where or []))  # each once
    side = (
        check_choice(content, "--side", args.side, [s.id for s in content.body_choices("sides")]) if args.side else None
    )
    note = check_text(content, "--note", args.note)
    store = open_store(args, content)
    at = datetime.now().astimezone()
    if quick_flare.add(store, at, pain, where, side, note) is None:  # the validated way: the profile or month need it
        from coach.checkin.pregnancy import with_gestation
        from coach.history import month_sums
        from coach.history.records import FlareLog

        flare = with_gestation(FlareLog(at=at, pain=pain, where=where, side=side, note=note), store.load_profile())
        store.add(flare)
        month_sums.remember(store, store.month_path(at))  # the month is known whole now: the next log is quick
    report_problems(store)
    where_text = " (" + ", ".join(areas[w].lower() for w in where) + ")" if where else ""
    print(content.text("cli.log_saved", pain=pain, where=where_text, time=f"{at:%H:%M}"))
    return 0
