"""The ids in an imported record that this pain-coach's content does not know.

`import` refuses a record that names a red flag, body area, answer, routine, exercise or stop reason the
content has never had: such a record was edited or made up, and the history would show it as a bare id. What
pain-coach itself once stored stays importable: an id the content dropped is kept in it as retired (a
question's `retired_options`), and a person's own routine is known by the name stored with the session.
Reading a history is never this strict (coach.history.record_text shows an unknown id as it is).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, get_args

from coach.content.ids import ExerciseFlag
from coach.routines.session import INTERRUPTED, STOP_REASONS

if TYPE_CHECKING:
    from coach.content.content import Content
    from coach.history.records import Record

SHOWN_KNOWN = 8  # an error line names this many of the ids that would do, then says how many more


def unknown_id(content: Content, record: Record, own_routines: set[str]) -> tuple[str, str, list[str]] | None:
    """The first id of the record that the content does not know: (field, value, known ids), or None.

    `own_routines`: the ids of the person's own routines on this machine (coach.routines.custom).
    """
    for field, value, known in _ids(content, record, own_routines):
        if value not in known:
            return field, value, known
    return None


def known_line(known: list[str]) -> str:
    """'a, b, c' or 'a, b, ... (+12)': the ids a field takes, short enough for one line."""
    shown = ", ".join(known[:SHOWN_KNOWN])
    return shown if len(known) <= SHOWN_KNOWN else f"{shown}, … (+{len(known) - SHOWN_KNOWN})"


def _ids(content: Content, record: Record, own_routines: set[str]) -> Iterator[tuple[str, str, list[str]]]:
    from coach.history.records import CheckIn, Clearance, FlareLog, RoutineSession

    flags = [f.id for f in content.triage.flags]
    if isinstance(record, FlareLog):
        areas = [c.id for c in content.body_choices("areas")]
        yield from (("where", w, areas) for w in record.where)
        if record.side is not None:
            yield "side", record.side, [c.id for c in content.body_choices("sides")]
        if record.activity is not None:
            yield "activity", record.activity, [a.id for a in content.questionnaire.flare_activities]
    elif isinstance(record, CheckIn):
        yield from (("flags", f, flags) for f in record.flags)
        if record.pattern is not None:
            yield "pattern", record.pattern, [p.id for p in content.triage.patterns]
        advice = [a.id for a in content.advice.advice]
        yield from (("advice", a, advice) for a in record.advice)
        routines = [r.id for r in content.routines.routines]
        yield from (("routines", r, routines) for r in record.routines)
        yield from _answer_ids(content, record.answers)
    elif isinstance(record, Clearance):
        yield from (("flags", f, flags) for f in record.flags)
    elif isinstance(record, RoutineSession):
        packaged = [r.id for r in content.routines.routines]
        # A person's own routine is named by the name stored with the run; its file may be on another machine.
        if record.routine_id not in own_routines and not (record.fallback_name and _slug(record.routine_id)):
            yield "routine_id", record.routine_id, packaged
        if record.stop_reason is not None:
            yield "stop_reason", record.stop_reason, [*STOP_REASONS, INTERRUPTED]
        exercises = [e.id for e in content.exercises.exercises]
        for number, change in enumerate(record.changes):
            where = f"changes[{number}]"
            if change.kind == "worded":  # a schema-1 sentence: words, not ids
                continue
            yield f"{where}.exercise", change.exercise, exercises
            if change.instead is not None:
                yield f"{where}.instead", change.instead, exercises
            if change.flag is not None:
                yield f"{where}.flag", change.flag, list(get_args(ExerciseFlag))


def _answer_ids(content: Content, answers: dict[str, Any]) -> Iterator[tuple[str, str, list[str]]]:
    questions = {q.id: q for q in content.questionnaire.questions}
    for question_id, answer in answers.items():
        question = questions.get(question_id)
        if question is None:
            yield "answers", question_id, list(questions)
            continue
        field = f"answers.{question_id}"
        if question.kind == "scale":
            if isinstance(answer, bool) or not isinstance(answer, int) or not 0 <= answer <= 10:
                yield field, _shown(answer), ["0-10"]
            continue
        options = [*question.option_ids(), *question.retired_options]
        if question.kind == "one":
            values = [answer]
        elif isinstance(answer, list):
            values = answer
        else:
            yield field, _shown(answer), options
            continue
        for value in values:
            yield field, value if isinstance(value, str) else _shown(value), options


def _shown(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def _slug(value: str) -> bool:
    import re

    return re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", value) is not None
