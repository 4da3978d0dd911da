"""Answers -> assessment: how urgent, which red flags, which pattern, what helps. Pure: no textual.

Every word shown comes from content (triage.toml, advice.toml); this module decides only which items.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coach.checkin.function_score import peg_score
from coach.checkin.pregnancy import Stage
from coach.content import ids
from coach.content.content import Content
from coach.content.ids import LEVELS, NERVE_AREAS, NERVE_FEELINGS, PGP_AGGRAVATORS, PGP_AREAS, Level
from coach.content.models import AnswerOption, Question, When
from coach.history.records import CheckIn

SEVERE = 7  # pain at or above this is "severe" (content-brief section 5: never on the score alone)


@dataclass(frozen=True)
class Assessment:
    level: Level
    flags: list[str] = field(default_factory=list)  # red flags, most urgent first
    soon: list[str] = field(default_factory=list)  # reasons to book a check
    pattern: str | None = None
    advice: list[str] = field(default_factory=list)
    routines: list[str] = field(default_factory=list)
    postnatal: bool = False  # triaged after the birth: the words of the level differ (LevelText.words)

    @property
    def blocking(self) -> bool:
        """Emergency or urgent: red-flag screen, no routine from this check-in."""
        return self.level in ids.BLOCKING_LEVELS


# --- which questions and options are asked ------------------------------------------------------------


def stage_kind(current: Stage) -> ids.StageKind:
    """ "postnatal" once a birth date is set, else "pregnant" (also when the dates are not known)."""
    return ids.POSTNATAL if current.postnatal else ids.PREGNANT


def is_offered(option: AnswerOption, current: Stage) -> bool:
    """Whether an option is offered at this stage: its `stages`, and `before_weeks` / `from_weeks` in pregnancy.

    With no known week both sides of a week boundary are offered: asking one more warning sign is safe,
    leaving one out is not.
    """
    if stage_kind(current) not in option.stages:
        return False
    weeks = current.weeks
    if option.before_weeks is not None and (current.postnatal or (weeks is not None and weeks >= option.before_weeks)):
        return False
    return option.from_weeks is None or not (current.postnatal or (weeks is not None and weeks < option.from_weeks))


def why_not_offered(content: Content, option: AnswerOption) -> str:
    """Why an option may not be asked: its rule in words (ui.toml [answers]), e.g. "asked only before 37 weeks"."""
    if option.before_weeks is not None:
        return content.text("answers.only_before", weeks=option.before_weeks)
    if option.from_weeks is not None:
        return content.text("answers.only_from", weeks=option.from_weeks)
    postnatal_only = option.stages == [ids.POSTNATAL]
    return content.text("answers.only_postnatal" if postnatal_only else "answers.only_pregnant")


def options_for(question: Question, current: Stage) -> list[AnswerOption]:
    """The question's options offered at this stage."""
    return [o for o in question.options if is_offered(o, current)]


def is_asked(question: Question, answers: dict[str, Any]) -> bool:
    for name, wanted in question.show_if.items():
        if name not in answers:  # not answered yet: count it, so "question 2 of N" stays steady
            continue
        given = answers.get(name)
        given = given if isinstance(given, list) else [given]
        if not set(wanted) & set(given):
            return False
    return True


def asked_questions(
    answers: dict[str, Any], current: Stage, content: Content, *, weekly: bool = False
) -> list[Question]:
    """The questions asked, in order, given the answers so far; the weekly function score's only when `weekly`
    (it is due this week: coach.history.function_weeks.due)."""
    return [
        q
        for q in content.questionnaire.questions
        if stage_kind(current) in q.stages
        and (weekly or not q.weekly)
        and is_asked(q, answers)
        and not (q.weekly and any(name not in answers for name in q.show_if))  # counted once chosen "now"
        and (q.kind == "scale" or options_for(q, current))
    ]


def answer_problem(question: Question, value: object, answers: dict[str, Any]) -> tuple[str, dict[str, object]] | None:
    """An answer that contradicts an earlier one: (message key in ui.toml [answers], values), or None.

    The worst pain in the last 24 hours cannot be below the pain right now.
    """
    now = answers.get(ids.PAIN_NOW)
    if question.id == ids.PAIN_WORST and isinstance(value, int) and isinstance(now, int) and value < now:
        return ("worst_below_now", {"worst": value, "now": now})
    return None


def ends_now(question: Question, value: object, content: Content) -> bool:
    """An EMERGENCY warning sign was just ticked: the check-in stops here and goes straight to care."""
    if question.kind != "flags" or not isinstance(value, list):
        return False
    return any((flag := content.triage.flag(v)) is not None and flag.level == ids.EMERGENCY for v in value)


# --- checking answers (the command line, and anything else that did not come from the screens) ------


class AnswerError(ValueError):
    """Answers that cannot be triaged: `problems` is a list of (message key, values) for ui.toml [answers]."""

    def __init__(self, problems: list[tuple[str, dict[str, object]]]):
        self.problems = problems
        super().__init__(str(problems))


def check_answers(answers: object, current: Stage, content: Content) -> dict[str, Any]:
    """Answers keyed by question id, validated; raises AnswerError naming every unknown id or value."""
    if not isinstance(answers, dict):
        raise AnswerError([("not_an_object", {})])
    problems: list[tuple[str, dict[str, object]]] = []
    known = {q.id: q for q in content.questionnaire.questions}
    clean: dict[str, Any] = {}
    for key, value in answers.items():
        question = known.get(key)
        if question is None:
            problems.append(("unknown_question", {"id": key}))
            continue
        if stage_kind(current) not in question.stages:
            problems.append((f"not_asked_{stage_kind(current)}", {"id": key}))
            continue
        problem = _value_problem(question, value, current, content)
        if problem:
            problems.append(problem)
        else:
            clean[key] = sorted(value, key=question.option_ids().index) if isinstance(value, list) else value
    # The weekly function score is optional here: left out, it is not asked; begun, it is asked whole. Its
    # items alone imply the answer "now" to its offer.
    weekly = any(known[key].weekly for key in clean)
    if weekly and ids.FUNCTION_OFFER not in clean and any(key in clean for key in ids.FUNCTION_ITEMS):
        clean = {**clean, ids.FUNCTION_OFFER: ids.FUNCTION_NOW}
    if not problems:
        for question in asked_questions(clean, current, content, weekly=weekly):
            problem = answer_problem(question, clean.get(question.id), clean)
            if problem:
                problems.append(problem)
            if question.id not in clean:
                problems.append(("missing", {"id": question.id}))
    if problems:
        raise AnswerError(problems)
    return clean


def _value_problem(
    question: Question, value: object, current: Stage, content: Content
) -> tuple[str, dict[str, object]] | None:
    if question.kind == "scale":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            return ("bad_scale", {"id": question.id, "value": value})
        return None
    valid = [o.id for o in options_for(question, current)]
    if question.kind == "one":
        if value not in valid:
            return ("bad_option", {"id": question.id, "value": value, "valid": ", ".join(valid)})
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return ("not_a_list", {"id": question.id, "value": value, "valid": ", ".join(valid)})
    wrong = [v for v in value if v not in valid]
    other_stage = next((o for o in question.options if o.id in wrong), None)
    if other_stage is not None and len(wrong) == 1:  # a real option, not asked at this stage: say why
        return (
            "not_offered",
            {"id": question.id, "value": other_stage.id, "why": why_not_offered(content, other_stage)},
        )
    if wrong:
        return ("bad_option", {"id": question.id, "value": ", ".join(wrong), "valid": ", ".join(valid)})
    if question.kind == "many" and question.required and not value:
        return ("empty", {"id": question.id})
    return None


# --- the assessment -----------------------------------------------------------------------------------


def assess(answers: dict[str, Any], current: Stage, content: Content) -> Assessment:
    """Triage checked answers (see check_answers) at this stage of pregnancy."""
    flags = _red_flags(answers, content)
    soon = _soon_reasons(answers, current)
    flag_levels = [content.triage.flag(f).level for f in flags]  # type: ignore[union-attr]
    candidates: list[Level] = [*flag_levels, "soon", "self-care"] if soon else [*flag_levels, "self-care"]
    level = min(candidates, key=LEVELS.index)
    flags.sort(key=lambda f: LEVELS.index(content.triage.flag(f).level))  # type: ignore[union-attr]
    pattern = _pattern(answers)
    if level in ids.BLOCKING_LEVELS:
        # Red flags route to care, never to a stretch: no plan, no routine.
        return Assessment(level=level, flags=flags, soon=soon, pattern=pattern, postnatal=current.postnatal)
    facts = _facts(answers, pattern)
    advice = [a.id for a in content.advice.advice if _matches(a.when, facts, current)]
    routines = [s.routine for s in content.advice.suggest if _matches(s.when, facts, current)]
    return Assessment(
        level=level,
        flags=flags,
        soon=soon,
        pattern=pattern,
        advice=advice,
        routines=routines,
        postnatal=current.postnatal,
    )


def _listed(answers: dict[str, Any], name: str) -> set[str]:
    value = answers.get(name)
    if value is None:
        return set()
    return set(value) if isinstance(value, list) else {value}


def _red_flags(answers: dict[str, Any], content: Content) -> list[str]:
    flags = []
    for question in content.questionnaire.questions:
        if question.kind == "flags":
            flags += [v for v in answers.get(question.id, []) if v not in flags]
    worst = max(answers.get("pain_now", 0), answers.get("pain_worst") or 0)
    if worst >= SEVERE and answers.get("trend") == ids.TREND_WORSE:
        flags.append(ids.DERIVED_FLAGS[0])
    if answers.get("pain_now", 0) >= SEVERE and answers.get("rest") == ids.REST_NO:
        flags.append(ids.DERIVED_FLAGS[1])
    return flags


def _soon_reasons(answers: dict[str, Any], current: Stage) -> list[str]:
    reasons = []
    worst = max(answers.get("pain_now", 0), answers.get("pain_worst") or 0)
    high_pain, nerve_signs, sleep_lost, not_settling, postnatal_not_settled = ids.SOON_RULES
    if worst >= SEVERE and answers.get("rest") != ids.REST_YES:
        reasons.append(high_pain)
    if ids.BELOW_KNEE in _listed(answers, "where") and ids.NUMBNESS in _listed(answers, "feel"):
        reasons.append(nerve_signs)
    if answers.get("sleep") == ids.SLEEP_MOST:
        reasons.append(sleep_lost)
    if answers.get("duration") in ids.LONG_DURATIONS and answers.get("trend") != ids.TREND_BETTER:
        reasons.append(not_settling)
    if current.postnatal and (current.postnatal_days or 0) > 14 and answers.get("pain_now", 0) > 0:
        reasons.append(postnatal_not_settled)
    return reasons


def _pattern(answers: dict[str, Any]) -> str | None:
    where, feel, worse = (_listed(answers, n) for n in ("where", "feel", "worse"))
    kinds = []
    pelvic_area = where & PGP_AREAS or (ids.BACK_OF_THIGH in where and worse & PGP_AGGRAVATORS)
    if pelvic_area and (worse & PGP_AGGRAVATORS or ids.FRONT_PELVIS in where):
        kinds.append(ids.PGP_PATTERN)
    if where & NERVE_AREAS and feel & NERVE_FEELINGS:
        kinds.append(ids.NERVE_PATTERN)
    if ids.LOWER_BACK in where and ids.PGP_PATTERN not in kinds:
        kinds.append(ids.LOWER_BACK_PATTERN)
    if not kinds:
        return None
    return kinds[0] if len(kinds) == 1 else ids.MIXED_PATTERN


def _facts(answers: dict[str, Any], pattern: str | None) -> dict[str, set[str]]:
    facts = {name: _listed(answers, name) for name in ("where", "feel", "worse", "sleep")}
    facts["pattern"] = {pattern} if pattern else set()
    return facts


def _matches(when: When, facts: dict[str, set[str]], current: Stage) -> bool:
    if when.min_weeks is not None and (current.weeks is None or current.weeks < when.min_weeks):
        return False
    if when.postnatal is not None and when.postnatal != current.postnatal:
        return False
    return when.always or any(set(getattr(when, name)) & facts[name] for name in facts)


def checkin_record(answers: dict[str, Any], result: Assessment, at: datetime, content: Content) -> CheckIn:
    """The history record of a check-in: the app and `pain-coach check-in --save` store the same."""
    return CheckIn(
        at=at,
        answers=answers,
        pain_now=answers["pain_now"],
        pain_worst=answers.get("pain_worst"),
        level=result.level,
        flags=result.flags,
        pattern=result.pattern,
        advice=result.advice,
        routines=result.routines,
        content_version=content.version,
        function_score=peg_score(answers),
    )
