"""Records in plain words: when, what kind, a one-line summary, and the lines of a detail view.

Pure (no textual): the history screen, the detail screen and the Markdown report all use it. Wording of
levels, warning signs, patterns and answers comes from triage.toml and questionnaire.toml; an id they no
longer know (an older record) is shown humanised: "fluid-leaking" -> "fluid leaking".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from coach.content.ids import LEVELS
from coach.content.words import counted, text
from coach.history.records import Change, CheckIn, FlareLog, Record, RoutineSession

if TYPE_CHECKING:
    from coach.content.models import Content


def _content() -> Content:
    """The validated content models, loaded by the labels that need them: CSV and JSON exports never do."""
    from coach.content.models import get_content

    return get_content()


def humanise(value: str) -> str:
    return value.replace("-", " ").replace("_", " ")


def when_label(at: datetime, now: datetime) -> str:
    """'today 14:05', 'yesterday 09:10', 'Mon 23 Nov' within a week, then dates."""
    local = at.astimezone(now.tzinfo)
    days = (now.date() - local.date()).days
    clock = local.strftime(text("when.time"))
    if days == 0:
        return text("when.today", time=clock)
    if days == 1:
        return text("when.yesterday", time=clock)
    if 1 < days < 7:
        return local.strftime(text("when.this_week"))
    if local.year == now.year:
        return local.strftime(text("when.this_year"))
    return local.strftime(text("when.older"))


def week_label(gestation_days: int | None) -> str:
    if gestation_days is None:
        return ""
    weeks, days = divmod(gestation_days, 7)
    return text("summary.week", weeks=weeks, days=days)


def duration_label(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes}:{secs:02d}"


def kind_label(kind: str) -> str:
    return text(f"summary.kind_{kind}")


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def level_label(level: str) -> str:
    """A short word for a list or a table: 'urgent', 'see someone soon'."""
    return text(f"levels.{level}") if level in LEVELS else humanise(level)


def level_title(level: str) -> str:
    """What the check-in advised, as the assessment screen said it."""
    triage = getattr(_content(), "triage", None)
    return triage.level(level).title if triage and level in LEVELS else humanise(level)


def flag_label(flag: str) -> str:
    triage = getattr(_content(), "triage", None)
    found = triage.flag(flag) if triage else None
    return found.label if found else humanise(flag)


def flags_label(flags: list[str]) -> str:
    return ", ".join(_lower_first(flag_label(f)) for f in flags)


def pattern_label(pattern: str) -> str:
    triage = getattr(_content(), "triage", None)
    try:
        return triage.pattern(pattern).name if triage else humanise(pattern)
    except StopIteration:
        return humanise(pattern)


def trigger_label(trigger: str, question_id: str) -> str:
    questionnaire = getattr(_content(), "questionnaire", None)
    question = questionnaire.question(question_id) if questionnaire else None
    return question.label_of(trigger) if question and trigger in question.option_ids() else humanise(trigger)


def activity_label(activity: str) -> str:
    questionnaire = getattr(_content(), "questionnaire", None)
    choices = questionnaire.flare_activities if questionnaire else []
    return next((c.label for c in choices if c.id == activity), humanise(activity))


def routine_name(session: RoutineSession) -> str:
    """The routine's name from today's content; a person's own routine by the name it had when run."""
    routines = getattr(_content(), "routines", None)
    found = next((r.name for r in routines.routines if r.id == session.routine_id), None) if routines else None
    return found or session.fallback_name or humanise(session.routine_id)


def exercise_label(exercise_id: str) -> str:
    exercises = getattr(_content(), "exercises", None)
    found = next((e.name for e in exercises.exercises if e.id == exercise_id), None) if exercises else None
    return found or humanise(exercise_id)


def change_words(change: Change) -> str:
    """One change the plan made, in words: the routines screen, the player, the history and exports."""
    if change.kind == "worded":  # a schema-1 record's sentence, kept as it was written
        return change.words
    old = exercise_label(change.exercise)
    why = text("plan.flag_" + (change.flag or "").replace("-", "_")) if change.flag else ""
    if change.kind == "shortened":
        said = text("plan.shortened", old=old, reps=change.reps, hold=change.hold, limit=change.limit)
    elif change.kind == "left-out":
        said = text("plan.left_out", old=old, why=why)
    else:
        said = text("plan.swapped", old=old, new=exercise_label(change.instead or ""), why=why)
    if change.merged:
        said = text("plan.merged", change=said, new=exercise_label(change.instead or change.exercise))
    return said


def changes_words(changes: list[Change] | tuple[Change, ...]) -> str:
    return " ".join(change_words(c) for c in changes)


def _pain(value: int | None) -> str:
    return text("summary.pain_missing") if value is None else str(value)


def summary(record: Record) -> str:
    """One line: 'Quick buttock relief - 5:10 - pain 6 -> 3', 'Check-in - pain 7 - urgent: fluid leaking'."""
    if isinstance(record, RoutineSession):
        stopped = text("summary.stopped") if record.stopped_early else ""
        values = dict(name=routine_name(record), duration=duration_label(record.active_seconds), stopped=stopped)
        if record.pain_before is None and record.pain_after is None:
            return text("summary.routine_no_pain", **values)
        return text("summary.routine", before=_pain(record.pain_before), after=_pain(record.pain_after), **values)
    if isinstance(record, CheckIn):
        level = level_label(record.level)
        if record.flags:
            return text("summary.checkin_flags", pain=record.pain_now, level=level, flags=flags_label(record.flags))
        return text("summary.checkin", pain=record.pain_now, level=level)
    if record.where or record.side:
        return text("summary.flare_where", pain=record.pain, where=where_label(record))
    return text("summary.flare", pain=record.pain)


def where_label(flare: FlareLog) -> str:
    body = _content().body
    parts = [body.area_label(w).lower() for w in flare.where]
    if flare.side:
        parts.append(next((s.label.lower() for s in body.sides if s.id == flare.side), humanise(flare.side)))
    return ", ".join(parts)


# --- check-in answers -----------------------------------------------------------------------------


def answer_lines(answers: dict[str, Any], questionnaire: Any | None) -> list[tuple[str, str]]:
    """(question, answer) in the questionnaire's order, then any answers it no longer asks, by raw id."""
    questions = {q.id: q for q in getattr(questionnaire, "questions", None) or []}
    ordered = [qid for qid in questions if qid in answers] + [qid for qid in answers if qid not in questions]
    lines = []
    for qid in ordered:
        question = questions.get(qid)
        lines.append((question.text if question else humanise(qid), _answer_text(answers[qid], question)))
    return lines


def _answer_text(answer: Any, question: Any | None) -> str:
    labels: dict[str, str] = {o.id: o.label for o in (getattr(question, "options", None) or [])}

    def one(value: Any) -> str:
        if isinstance(value, bool):
            return text("detail.yes") if value else text("detail.no")
        if isinstance(value, str):
            return labels.get(value, humanise(value) if not labels and " " not in value else value)
        return str(value)

    if isinstance(answer, list):
        return ", ".join(one(v) for v in answer) if answer else text("detail.none")
    if answer is None or answer == "":
        return text("detail.not_noted")
    return one(answer)


# --- the detail view --------------------------------------------------------------------------------


def detail_title(record: Record) -> str:
    return text(f"detail.title_{record.kind}")


def week_detail(gestation_days: int | None) -> str:
    if gestation_days is None:
        return text("detail.week_unknown")
    weeks, days = divmod(gestation_days, 7)
    return text("detail.week_value", weeks=counted("weeks", weeks), days=counted("days", days))


def detail_lines(record: Record, now: datetime, questionnaire: Any | None = None) -> list[tuple[str, str]]:
    """(label, value) pairs in plain words; a check-in's answers come last, as question -> answer."""
    local = record.at.astimezone(now.tzinfo)
    lines = [
        (text("detail.when"), local.strftime(text("when.full"))),
        (text("detail.week"), week_detail(record.gestation_days)),
    ]

    def pain(p: int | None) -> str:
        return text("detail.not_noted") if p is None else text("detail.pain_value", pain=p)

    if isinstance(record, CheckIn):
        lines.append((text("detail.pain"), pain(record.pain_now)))
        if record.pain_worst is not None:
            lines.append((text("detail.pain_worst"), pain(record.pain_worst)))
        lines.append((text("detail.level"), level_title(record.level)))
        if record.flags:
            lines.append((text("detail.flags"), "; ".join(flag_label(f) for f in record.flags)))
        if record.pattern:
            lines.append((text("detail.pattern"), pattern_label(record.pattern)))
    elif isinstance(record, RoutineSession):
        lines += [
            (text("detail.routine"), routine_name(record)),
            (text("detail.time_spent"), duration_label(record.active_seconds)),
            (text("detail.steps"), text("detail.steps_value", done=record.steps_done, total=record.steps_total)),
            (text("detail.pain_before"), pain(record.pain_before)),
            (text("detail.pain_after"), pain(record.pain_after)),
        ]
        if record.feeling:
            lines.append((text("detail.feeling"), humanise(record.feeling)))
        if record.changes:
            lines.append((text("detail.changes"), changes_words(record.changes)))
        if record.stopped_early:
            lines.append((text("detail.stopped_early"), humanise(record.stop_reason or text("detail.yes"))))
    else:
        lines.append((text("detail.pain"), pain(record.pain)))
        if record.where or record.side:
            lines.append((text("detail.where"), where_label(record)))
        if record.activity:
            lines.append((text("detail.activity"), activity_label(record.activity)))
    lines.append((text("detail.note"), record.note or text("detail.no_note")))
    return lines


def question_lines(record: Record, questionnaire: Any | None) -> list[tuple[str, str]]:
    return answer_lines(record.answers, questionnaire) if isinstance(record, CheckIn) else []


def day_start(day: date, tz: tzinfo | None) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def days_back(now: datetime, days: int) -> datetime:
    """Midnight at the start of a `days`-day window that ends today (7 -> today and the 6 days before)."""
    return day_start(now.date() - timedelta(days=days - 1), now.tzinfo)
