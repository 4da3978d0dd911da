"""Records in plain words: when, what kind, a one-line summary, and the lines of a detail view.

Pure (no textual): the history screen, the detail screen and the Markdown report all use it. Wording of
levels, warning signs, patterns and answers comes from triage.toml and questionnaire.toml; an id they no
longer know (an older record) is shown humanised: "fluid-leaking" -> "fluid leaking".

Whatever came from a record (a note, a routine's name, an id an imported file made up) leaves here through
coach.shown.visible: control characters shown, never sent to the terminal or a report as they are.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coach.content.content import Content
from coach.content.dates import format_time
from coach.content.ids import LEVELS
from coach.history.record_words import humanise, routine_name_of
from coach.history.records import Change, CheckIn, Clearance, FlareLog, Record, RoutineSession
from coach.shown import visible


def when_label(content: Content, at: datetime, now: datetime) -> str:
    """'today 14:05', 'yesterday 09:10', 'Mon 23 Nov' within a week, then dates."""
    local = at.astimezone(now.tzinfo)
    days = (now.date() - local.date()).days
    clock = format_time(local, content.text("when.time"), content.locale)
    if days == 0:
        return content.text("when.today", time=clock)
    if days == 1:
        return content.text("when.yesterday", time=clock)
    if 1 < days < 7:
        return format_time(local, content.text("when.this_week"), content.locale)
    if local.year == now.year:
        return format_time(local, content.text("when.this_year"), content.locale)
    return format_time(local, content.text("when.older"), content.locale)


def duration_label(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}:{secs:02d}"


def kind_label(content: Content, kind: str) -> str:
    return content.text(f"summary.kind_{kind}")


def _lower_first(label: str) -> str:
    return label[:1].lower() + label[1:]


def level_label(content: Content, level: str) -> str:
    """A short word for a list or a table: 'urgent', 'see someone soon'."""
    return content.text(f"levels.{level}") if level in LEVELS else humanise(level)


def level_title(content: Content, level: str) -> str:
    """What the check-in advised, as the assessment screen said it."""
    triage = getattr(content, "triage", None)
    return triage.level(level).title if triage and level in LEVELS else humanise(level)


def flag_label(content: Content, flag: str) -> str:
    triage = getattr(content, "triage", None)
    found = triage.flag(flag) if triage else None
    return found.label if found else humanise(flag)


def flags_label(content: Content, flags: list[str]) -> str:
    return ", ".join(_lower_first(flag_label(content, f)) for f in flags)


def pattern_label(content: Content, pattern: str) -> str:
    triage = getattr(content, "triage", None)
    try:
        return triage.pattern(pattern).name if triage else humanise(pattern)
    except StopIteration:
        return humanise(pattern)


def trigger_label(content: Content, trigger: str, question_id: str) -> str:
    questionnaire = getattr(content, "questionnaire", None)
    question = questionnaire.question(question_id) if questionnaire else None
    return question.label_of(trigger) if question and trigger in question.option_ids() else humanise(trigger)


def stop_reason_label(content: Content, reason: str) -> str:
    """Why a routine was stopped early (coach.routines.session.STOP_REASONS, or "interrupted"), report.toml's words."""
    words = content.raw("report").get("reasons", {})
    key = "reason_" + reason.replace("-", "_")
    return str(words[key]) if key in words else humanise(reason)


def activity_label(content: Content, activity: str) -> str:
    questionnaire = getattr(content, "questionnaire", None)
    choices = questionnaire.flare_activities if questionnaire else []
    return next((c.label for c in choices if c.id == activity), humanise(activity))


def routine_name(content: Content, session: RoutineSession) -> str:
    """The routine's name from today's content; a person's own routine by the name it had when run."""
    return routine_name_of(content, session.routine_id, session.fallback_name)


def exercise_label(content: Content, exercise_id: str) -> str:
    exercises = getattr(content, "exercises", None)
    found = next((e.name for e in exercises.exercises if e.id == exercise_id), None) if exercises else None
    return found or humanise(exercise_id)


def change_words(content: Content, change: Change) -> str:
    """One change the plan made, in words: the routines screen, the player, the history and exports."""
    if change.kind == "worded":  # a schema-1 record's sentence, kept as it was written
        return visible(change.words, one_line=True)
    old = exercise_label(content, change.exercise)
    why = _flag_words(content, change.flag) if change.flag else ""
    if change.kind == "shortened":
        said = content.text("plan.shortened", old=old, reps=change.reps, hold=change.hold, limit=change.limit)
    elif change.kind == "left-out":
        said = content.text("plan.left_out", old=old, why=why)
    else:
        said = content.text("plan.swapped", old=old, new=exercise_label(content, change.instead or ""), why=why)
    if change.merged:
        said = content.text("plan.merged", change=said, new=exercise_label(content, change.instead or change.exercise))
    return said


def _flag_words(content: Content, flag: str) -> str:
    """Why an exercise was changed ("legs wide apart, ..."); a flag the content does not know, as it is."""
    try:
        return content.text("plan.flag_" + flag.replace("-", "_"))
    except KeyError:
        return humanise(flag)


def changes_words(content: Content, changes: list[Change] | tuple[Change, ...]) -> str:
    return " ".join(change_words(content, c) for c in changes)


def _pain(content: Content, value: int | None) -> str:
    return content.text("summary.pain_missing") if value is None else str(value)


def summary(content: Content, record: Record) -> str:
    """One line: 'Quick buttock relief - 5:10 - pain 6 -> 3', 'Check-in - pain 7 - urgent: fluid leaking'."""
    return visible(_summary(content, record), one_line=True)


def _summary(content: Content, record: Record) -> str:
    if isinstance(record, RoutineSession):
        stopped = content.text("summary.stopped") if record.stopped_early else ""
        values = dict(
            name=routine_name(content, record), duration=duration_label(record.active_seconds), stopped=stopped
        )
        if record.pain_before is None and record.pain_after is None:
            return content.text("summary.routine_no_pain", **values)
        return content.text(
            "summary.routine",
            before=_pain(content, record.pain_before),
            after=_pain(content, record.pain_after),
            **values,
        )
    if isinstance(record, CheckIn):
        level = level_label(content, record.level)
        if record.flags:
            return content.text(
                "summary.checkin_flags", pain=record.pain_now, level=level, flags=flags_label(content, record.flags)
            )
        return content.text("summary.checkin", pain=record.pain_now, level=level)
    if isinstance(record, Clearance):
        flags = flags_label(content, record.flags) or level_label(content, record.level)
        return content.text("summary.clearance", flags=flags)
    if record.where or record.side:
        return content.text("summary.flare_where", pain=record.pain, where=where_label(content, record))
    return content.text("summary.flare", pain=record.pain)


def where_label(content: Content, flare: FlareLog) -> str:
    body = content.body
    parts = [body.area_label(w).lower() for w in flare.where]
    if flare.side:
        parts.append(next((s.label.lower() for s in body.sides if s.id == flare.side), humanise(flare.side)))
    return visible(", ".join(parts), one_line=True)


# --- check-in answers -----------------------------------------------------------------------------


def answer_lines(content: Content, answers: dict[str, Any], questionnaire: Any | None) -> list[tuple[str, str]]:
    """(question, answer) in the questionnaire's order, then any answers it no longer asks, by raw id."""
    questions = {q.id: q for q in getattr(questionnaire, "questions", None) or []}
    ordered = [qid for qid in questions if qid in answers] + [qid for qid in answers if qid not in questions]
    lines = []
    for qid in ordered:
        question = questions.get(qid)
        label = question.text if question else humanise(qid)
        lines.append((label, visible(_answer_text(content, answers[qid], question))))
    return lines


def _answer_text(content: Content, answer: Any, question: Any | None) -> str:
    labels: dict[str, str] = {o.id: o.label for o in (getattr(question, "options", None) or [])}
    retired = getattr(question, "retired_options", None) or []
    if retired:  # an option the question once had (an older record): named as the question that has it now
        others = getattr(content, "questionnaire", None)
        moved = {o.id: o.label for q in getattr(others, "questions", []) for o in q.options if o.id in retired}
        labels = {**moved, **labels}

    def one(value: Any) -> str:
        if isinstance(value, bool):
            return content.text("detail.yes") if value else content.text("detail.no")
        if isinstance(value, str):
            return labels.get(value, humanise(value) if not labels and " " not in value else value)
        return str(value)

    if isinstance(answer, list):
        return ", ".join(one(v) for v in answer) if answer else content.text("detail.none")
    if answer is None or answer == "":
        return content.text("detail.not_noted")
    return one(answer)


# --- the detail view --------------------------------------------------------------------------------


def detail_title(content: Content, record: Record) -> str:
    return content.text(f"detail.title_{record.kind}")


def week_detail(content: Content, gestation_days: int | None) -> str:
    if gestation_days is None:
        return content.text("detail.week_unknown")
    weeks, days = divmod(gestation_days, 7)
    return content.text("detail.week_value", weeks=content.counted("weeks", weeks), days=content.counted("days", days))


def detail_lines(
    content: Content, record: Record, now: datetime, questionnaire: Any | None = None
) -> list[tuple[str, str]]:
    """(label, value) pairs in plain words; a check-in's answers come last, as question -> answer."""
    local = record.at.astimezone(now.tzinfo)
    lines = [
        (content.text("detail.when"), format_time(local, content.text("when.full"), content.locale)),
        (content.text("detail.week"), week_detail(content, record.gestation_days)),
    ]

    def pain(p: int | None) -> str:
        return content.text("detail.not_noted") if p is None else content.text("detail.pain_value", pain=p)

    if isinstance(record, CheckIn):
        lines.append((content.text("detail.pain"), pain(record.pain_now)))
        if record.pain_worst is not None:
            lines.append((content.text("detail.pain_worst"), pain(record.pain_worst)))
        lines.append((content.text("detail.level"), level_title(content, record.level)))
        if record.flags:
            lines.append((content.text("detail.flags"), "; ".join(flag_label(content, f) for f in record.flags)))
        if record.pattern:
            lines.append((content.text("detail.pattern"), pattern_label(content, record.pattern)))
    elif isinstance(record, RoutineSession):
        lines += [
            (content.text("detail.routine"), routine_name(content, record)),
            (content.text("detail.time_spent"), duration_label(record.active_seconds)),
            (
                content.text("detail.steps"),
                content.text("detail.steps_value", done=record.steps_done, total=record.steps_total),
            ),
            (content.text("detail.pain_before"), pain(record.pain_before)),
            (content.text("detail.pain_after"), pain(record.pain_after)),
        ]
        if record.feeling:
            lines.append((content.text("detail.feeling"), humanise(record.feeling)))
        if record.changes:
            lines.append((content.text("detail.changes"), changes_words(content, record.changes)))
        if record.stopped_early:
            lines.append(
                (content.text("detail.stopped_early"), humanise(record.stop_reason or content.text("detail.yes")))
            )
    elif isinstance(record, Clearance):
        lines.append((content.text("detail.level"), level_title(content, record.level)))
        checked = "; ".join(flag_label(content, f) for f in record.flags) or "-"
        lines.append((content.text("detail.cleared_flags"), checked))
    else:
        lines.append((content.text("detail.pain"), pain(record.pain)))
        if record.where or record.side:
            lines.append((content.text("detail.where"), where_label(content, record)))
        if record.activity:
            lines.append((content.text("detail.activity"), activity_label(content, record.activity)))
    lines.append((content.text("detail.note"), record.note or content.text("detail.no_note")))
    return [(label, visible(value)) for label, value in lines]


def question_lines(content: Content, record: Record, questionnaire: Any | None) -> list[tuple[str, str]]:
    return answer_lines(content, record.answers, questionnaire) if isinstance(record, CheckIn) else []
