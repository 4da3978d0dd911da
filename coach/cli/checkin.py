"""`pain-coach check-in --answers FILE.json [--json] [--save]` and `pain-coach check-in --schema`."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from coach.cli import UsageError, open_store, report_problems, user_file

if TYPE_CHECKING:
    from coach.checkin.triage import Assessment
    from coach.cli import SubParsers
    from coach.content.content import Content


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("check-in", help=content.text("cli.checkin_help"), description=content.text("cli.checkin_help"))
    p.add_argument("--answers", metavar="FILE.json", help=content.text("cli.checkin_answers_help"))
    p.add_argument("--json", action="store_true", help=content.text("cli.checkin_json_help"))
    p.add_argument("--save", action="store_true", help=content.text("cli.checkin_save_help"))
    p.add_argument("--schema", action="store_true", help=content.text("cli.checkin_schema_help"))
    return "check-in"


def schema(content: Content) -> dict[str, dict[str, object]]:
    """Every question id with its kind, text and accepted answers."""
    out = {}
    for q in content.questionnaire.questions:
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
            entry["options"] = {o.id: o.label for o in q.options}
        if q.show_if:
            entry["asked_only_if"] = q.show_if
        out[q.id] = entry
    return out


def read_answers(content: Content, name: str) -> object:
    try:
        raw = sys.stdin.read() if name == "-" else user_file(name, content).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(
            content.text("answers.cannot_read", path=name, reason=getattr(exc, "strerror", None) or exc)
        ) from None
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(content.text("answers.not_json", path=name, reason=exc)) from None


def run(args: argparse.Namespace, content: Content) -> int:
    if args.schema:
        print(json.dumps(schema(content), indent=2, ensure_ascii=False))
        return 0
    if not args.answers:
        raise UsageError(content.text("answers.need_answers"))
    from coach.checkin.pregnancy import stage
    from coach.checkin.triage import AnswerError, assess, check_answers, checkin_record
    from coach.history.records import now

    raw = read_answers(content, args.answers)
    store = open_store(args, content)
    profile = store.load_profile()
    at = now()
    current = stage(profile, at.date())
    try:
        answers = check_answers(raw, current, content)
    except AnswerError as exc:
        problems = "; ".join(content.text(f"answers.{key}", **values) for key, values in exc.problems)
        raise UsageError(content.text("answers.problems", problems=problems)) from None
    result = assess(answers, current, content)
    if args.json:
        body = {
            "level": result.level,
            "flags": result.flags,
            "soon": result.soon,
            "pattern": result.pattern,
            "advice": result.advice,
            "routines": result.routines,
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
