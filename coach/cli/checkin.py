"""`pain-coach check-in --answers FILE.json [--json] [--save]` and `pain-coach check-in --schema`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from typing import TYPE_CHECKING

from coach.cli import MB, UsageError, open_store, parse_json, read_limited, report_problems, user_file
from coach.shown import clip

if TYPE_CHECKING:
    from coach.checkin.pregnancy import Stage
    from coach.checkin.triage import Assessment
    from coach.cli import SubParsers
    from coach.content.content import Content
    from coach.history.store import Store

ANSWERS_LIMIT = 1 * MB  # a whole check-in is a few hundred bytes
SHOWN_PROBLEMS = 5  # an error line names the first few problems, then counts the rest


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("check-in", help=content.text("cli.checkin_help"), description=content.text("cli.checkin_help"))
    p.add_argument("--answers", metavar="FILE.json", help=content.text("cli.checkin_answers_help"))
    p.add_argument("--json", action="store_true", help=content.text("cli.checkin_json_help"))
    p.add_argument("--save", action="store_true", help=content.text("cli.checkin_save_help"))
    p.add_argument("--schema", action="store_true", help=content.text("cli.checkin_schema_help"))
    p.add_argument("--stage", metavar="STAGE", help=content.text("cli.checkin_stage_help"))
    return "check-in"


def schema(content: Content, current: Stage) -> dict[str, dict[str, object]]:
    """Every question asked at this stage, with its kind, text and the answers it accepts there."""
    from coach.checkin.triage import asked_questions, options_for

    out = {}
    from coach.content.ids import FUNCTION_NOW, FUNCTION_OFFER

    every = {FUNCTION_OFFER: FUNCTION_NOW}  # the weekly function score's items too, which follow its offer
    for q in asked_questions(every, current, content, weekly=True):
        entry: dict[str, object] = {"kind": q.kind, "text": q.text}
        accepts = (
            "scale"
            if q.kind == "scale"
            else "one"
            if q.kind == "one"
            else "list"
            if q.kind == "flags" or not q.required
            else "some"
        )
        entry["accepts"] = content.text(f"answers.accepts_{accepts}")
        if q.options:
            entry["options"] = {o.id: o.label for o in options_for(q, current)}
        if q.show_if:
            entry["asked_only_if"] = q.show_if
        if q.weekly:  # the weekly function score: leave it out, or give it whole
            entry["optional"] = True
        out[q.id] = entry
    return out


def read_answers(content: Content, name: str) -> object:
    try:
        path = None if name == "-" else user_file(name, content)
        raw = read_limited(content, path, ANSWERS_LIMIT, content.text("errors.what_answers"), name)
    except OSError as exc:
        raise UsageError(content.text("answers.cannot_read", path=name, reason=exc.strerror or exc)) from None
    return parse_json(content, raw, name)


def problems_line(content: Content, problems: list[tuple[str, dict[str, object]]]) -> str:
    """The first few problems, each value clipped to a short quote: the input is never echoed whole."""
    quoted = ("id", "value")  # what came from the file; "valid" lists the options, from content
    shown = [
        content.text(f"answers.{key}", **{k: clip(v) if k in quoted else v for k, v in values.items()})
        for key, values in problems
    ]
    line = "; ".join(shown[:SHOWN_PROBLEMS])
    if len(shown) > SHOWN_PROBLEMS:
        line += "; " + content.text("errors.more_problems", count=len(shown) - SHOWN_PROBLEMS)
    return line


def given_stage(args: argparse.Namespace, content: Content, store: Store, day: date) -> Stage:
    """--stage if given, else the stage the stored profile gives today."""
    from coach.checkin.pregnancy import DateProblem, parse_stage, problem_text, stage

    if args.stage is None:
        return stage(store.load_profile(), day)
    try:
        return parse_stage(args.stage)
    except DateProblem as problem:
        raise UsageError(problem_text(content, problem)) from None


def run(args: argparse.Namespace, content: Content) -> int:
    if args.schema:
        current = given_stage(args, content, open_store(args, content), date.today())
        print(json.dumps(schema(content, current), indent=2, ensure_ascii=False))
        return 0
    if not args.answers:
        raise UsageError(content.text("answers.need_answers"))
    from coach.checkin.function_score import peg_score
    from coach.checkin.triage import AnswerError, assess, check_answers, checkin_record
    from coach.history.records import now

    raw = read_answers(content, args.answers)
    store = open_store(args, content)
    profile = store.load_profile()
    at = now()
    current = given_stage(args, content, store, at.date())
    try:
        answers = check_answers(raw, current, content)
    except AnswerError as exc:
        raise UsageError(content.text("answers.problems", problems=problems_line(content, exc.problems))) from None
    result = assess(answers, current, content)
    if args.json:
        body = {
            "level": result.level,
            "flags": result.flags,
            "soon": result.soon,
            "pattern": result.pattern,
            "advice": result.advice,
            "routines": result.routines,
            "function_score": peg_score(answers),
            "stage": {
                "kind": ("postnatal" if current.postnatal else "pregnant") if current.known else "unknown",
                "gestation_days": current.gestation_days,
                "postnatal_days": current.postnatal_days,
            },
        }
        print(json.dumps(body, indent=2))
    else:
        print(as_text(content, result))
    if args.save:
        from coach.checkin.pregnancy import with_gestation

        record = checkin_record(answers, result, at, content)
        store.add(with_gestation(record, profile))
        report_problems(store)
        print(content.text("answers.text_saved", level=result.level), file=sys.stderr)
    return 0


def as_text(content: Content, result: Assessment) -> str:
    from coach.checkin.assessment_text import assessment_words

    words = assessment_words(result, content)
    lines = [content.text("answers.text_level", title=words.level_title, action=words.level_action)]
    if words.flags:
        lines += ["", content.text("answers.text_flags")] + [f"  - {label}" for label in words.flags]
    if words.soon:
        lines += ["", content.text("answers.text_soon")] + [f"  - {reason}" for reason in words.soon]
    lines += ["", content.text("answers.text_pattern"), "  " + (words.pattern or words.no_pattern)]
    if words.plan:
        lines += ["", content.text("answers.text_plan")] + [f"  - {a.title}: {a.text}" for a in words.plan]
    if words.routines:
        lines += ["", content.text("answers.text_routines")] + [f"  - {name} ({rid})" for rid, name in words.routines]
    if not result.blocking:
        lines += ["", words.calcium]
    return "\n".join(lines)
