"""`pain-coach profile`: show the profile, or change it from the command line.

The values are read and checked by coach.history.profile_form, as the profile screen reads them, so a date
the screen refuses is refused here in the same words ("February has 28 days in 2027"), naming the option.
Nothing is written unless every value is good; the file is replaced in one step (Store.save_profile).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING, Any

from coach.cli import UsageError, open_store, report_problems
from coach.shown import visible

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content
    from coach.history.records import Profile

BASES = {"--due": "due", "--lmp": "lmp", "--birth-date": "born"}  # date option -> Profile.date_basis
NUMBERS = {"--emergency-number": "emergency", "--maternity-number": "maternity"}  # -> profile_form field
SETTERS = (*BASES, "--birth-kind", "--postnatal-check", "--pgp", *NUMBERS, "--day-first")
# What --clear takes -> the options that set it (naming both is a mistake).
CLEARABLE = {
    "dates": tuple(BASES),
    "birth-kind": ("--birth-kind",),
    "postnatal-check": ("--postnatal-check",),
    "pgp": ("--pgp",),
    "emergency-number": ("--emergency-number",),
    "maternity-number": ("--maternity-number",),
    "conditions": (),
}
# A refused field (profile_form.FieldProblem.field) -> the option named in the message, when no date was given.
FIELD_OPTIONS = {"birth-kind": "--birth-kind", "postnatal-check": "--postnatal-check", "date": "--birth-date", **{
    field: option for option, field in NUMBERS.items()}}  # fmt: skip
YES_NO = {"yes": True, "no": False}


def add_parser(sub: SubParsers, content: Content) -> str:
    text = content.text
    p = sub.add_parser("profile", help=text("cli.profile_help"), description=text("cli.profile_help"))
    p.add_argument("--json", action="store_true", help=text("cli.profile_json_help"))
    p.add_argument("--due", metavar="DATE", help=text("cli.profile_due_help"))
    p.add_argument("--lmp", metavar="DATE", help=text("cli.profile_lmp_help"))
    p.add_argument("--birth-date", metavar="DATE", help=text("cli.profile_birth_date_help"))
    p.add_argument("--birth-kind", metavar="KIND", help=text("cli.profile_birth_kind_help"))
    p.add_argument("--postnatal-check", metavar="DATE", help=text("cli.profile_check_help"))
    p.add_argument("--pgp", metavar="ANSWER", help=text("cli.profile_pgp_help"))
    p.add_argument("--emergency-number", metavar="NUMBER", help=text("cli.profile_emergency_help"))
    p.add_argument("--maternity-number", metavar="NUMBER", help=text("cli.profile_maternity_help"))
    p.add_argument("--day-first", metavar="yes|no", help=text("cli.profile_day_first_help"))
    p.add_argument(
        "--clear",
        metavar="FIELD",
        action="append",
        default=[],
        help=text("cli.profile_clear_help", fields=", ".join(CLEARABLE)),
    )
    return "profile"


def _given(args: argparse.Namespace) -> dict[str, str]:
    """The options that set a field, by option name, with what was typed."""
    values = {option: getattr(args, option[2:].replace("-", "_")) for option in SETTERS}
    return {option: value for option, value in values.items() if value is not None}


def changed_profile(args: argparse.Namespace, content: Content, profile: Profile, today: date) -> Profile:
    """The profile with the options applied, each checked as the profile screen checks it (UsageError if not)."""
    from coach.cli.log import check_choice, check_text
    from coach.content.ids import BIRTH_KINDS
    from coach.history import profile_form
    from coach.history.profile_form import FieldProblem

    given = {option: check_text(content, option, value) for option, value in _given(args).items()}
    clear = {check_choice(content, "--clear", field, list(CLEARABLE)) for field in args.clear}
    for field in sorted(clear):
        if clash := [option for option in CLEARABLE[field] if option in given]:
            raise UsageError(content.text("cli.profile_clear_and_set", field=field, option=clash[0]))
    dates = [option for option in BASES if option in given]
    if len(dates) > 1:
        raise UsageError(content.text("cli.profile_one_date", options=", ".join(dates)))
    try:
        if "--day-first" in given:
            day_first = YES_NO[check_choice(content, "--day-first", given["--day-first"], list(YES_NO))]
            profile = profile.model_copy(update={"day_first": day_first})
        if "dates" in clear:
            profile = profile_form.with_dates(profile, None, None)
        for option in dates:
            basis = BASES[option]
            value = profile_form.read_pregnancy_date(
                given[option], basis=basis, day_first=profile.day_first, today=today
            )
            profile = profile_form.with_dates(profile, basis, value)
        kind, check = profile.birth_kind, profile.postnatal_check
        if "--birth-kind" in given:
            kind = check_choice(content, "--birth-kind", given["--birth-kind"], list(BIRTH_KINDS))  # type: ignore[assignment]
        if "--postnatal-check" in given:
            typed = given["--postnatal-check"]
            check = profile_form.read_postnatal_check(typed, day_first=profile.day_first, today=today)
        profile = profile_form.with_birth(
            profile, None if "birth-kind" in clear else kind, None if "postnatal-check" in clear else check
        )
        update: dict[str, Any] = {}
        if "--pgp" in given:
            update["pgp_diagnosed"] = check_choice(content, "--pgp", given["--pgp"], list(profile_form.PGP_ANSWERS))
        for option, field in NUMBERS.items():
            if option in given:
                update[f"{field}_number"] = profile_form.read_number(field, given[option])
        update |= {"pgp_diagnosed": None} if "pgp" in clear else {}
        update |= {"conditions": []} if "conditions" in clear else {}
        for option, field in NUMBERS.items():
            update |= {f"{field}_number": None} if option[2:] in clear else {}
        return profile_form.checked(profile.model_copy(update=update), today)
    except FieldProblem as problem:
        option = dates[0] if problem.field == "date" and dates else FIELD_OPTIONS[problem.field]
        raise UsageError(content.text("cli.profile_bad", option=option, problem=problem.said(content))) from None


def run(args: argparse.Namespace, content: Content) -> int:
    store = open_store(args, content)
    profile = store.load_profile()
    today = date.today()
    if args.clear or _given(args):
        profile = changed_profile(args, content, profile, today)
        store.save_profile(profile)
        print(content.text("profile.saved"), file=sys.stderr)
    report_problems(store)
    if args.json:
        print(json.dumps(as_json(content, profile, today), indent=2, ensure_ascii=False))
    else:
        print("\n".join(visible(line, one_line=True) for line in as_lines(content, profile, today)))
    return 0


def as_json(content: Content, profile: Profile, today: date) -> dict[str, Any]:
    from coach.checkin.pregnancy import describe_stage, stage
    from coach.routines.offer import rules_for

    now = stage(profile, today)
    body: dict[str, Any] = {
        "stage": {
            "kind": ("postnatal" if now.postnatal else "pregnant") if now.known else "unknown",
            "gestation_days": now.gestation_days,
            "postnatal_days": now.postnatal_days,
            "words": describe_stage(content, now) if now.known else None,
        }
    }
    body.update(profile.model_dump(mode="json", exclude={"schema_"}))
    body["strenuous_held_back"] = rules_for(profile, today).strenuous_hold
    return body


def as_lines(content: Content, profile: Profile, today: date) -> list[str]:
    """The profile in words, one line each."""
    from coach.checkin.pregnancy import describe_stage, stage
    from coach.content.dates import long_date
    from coach.routines.offer import birth_note, rules_for

    text = content.text
    now = stage(profile, today)
    unanswered = text("cli.profile_unanswered")
    lines = [
        text("cli.profile_stage", stage=describe_stage(content, now))
        if now.known
        else text("cli.profile_stage_unknown")
    ]
    if profile.date_basis == "due" and profile.due_date:
        lines.append(text("cli.profile_due", date=long_date(profile.due_date, content.locale)))
    elif profile.date_basis == "lmp" and profile.lmp and profile.due_date:
        lines.append(
            text(
                "cli.profile_lmp",
                due=long_date(profile.due_date, content.locale),
                lmp=long_date(profile.lmp, content.locale),
            )
        )
    elif profile.birth_date:
        kind = text(f"profile.birth_kind_{profile.birth_kind}") if profile.birth_kind else unanswered
        check = profile.postnatal_check
        lines += [
            text("cli.profile_born", date=long_date(profile.birth_date, content.locale)),
            text("cli.profile_birth_kind", kind=kind),
            text("cli.profile_check", date=long_date(check, content.locale))
            if check
            else text("cli.profile_check_none"),
        ]
        if note := birth_note(content, rules_for(profile, today)):
            lines.append("  " + note)
    pgp = text(f"profile.pgp_{profile.pgp_diagnosed}") if profile.pgp_diagnosed else unanswered
    lines.append(text("cli.profile_pgp", answer=pgp))
    if profile.emergency_number:
        lines.append(text("cli.profile_emergency", number=profile.emergency_number))
    else:
        numbers = " / ".join(n.number for n in content.profile.emergency_numbers)
        lines.append(text("cli.profile_emergency_default", numbers=numbers))
    if profile.maternity_number:
        lines.append(text("cli.profile_maternity", number=profile.maternity_number))
    else:
        lines.append(text("cli.profile_maternity_none"))
    labels = {c.id: c.label for c in content.profile.conditions}
    if profile.conditions:
        said = "; ".join(labels.get(c, c) for c in profile.conditions)
        lines.append(text("cli.profile_conditions", conditions=said))
    lines.append(text("cli.profile_day_first" if profile.day_first else "cli.profile_month_first"))
    return lines
