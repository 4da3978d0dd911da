"""The validated view of the content: pydantic models of every content file, and check-content's checks.

Each file in content/ is a field of `ContentFiles` below (`ui` is `content/ui.toml`), built from the dicts
coach.content.loader parsed (reach them through coach.content.content.Content, which builds these on first
use). To add a file, add a model, a field and its stem in loader.FILES; to check references between files,
add a function to `CROSS_CHECKS`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import ErrorDetails

from coach.content.ids import (
    BACK_LYING,
    DERIVED_FLAGS,
    FUNCTION_ITEMS,
    FUNCTION_OFFER,
    LEVELS,
    OPTIONS_READ,
    PATTERNS,
    PGP_FLAGS,
    SOON_RULES,
    STRENUOUS,
    TRIAGE_QUESTIONS,
    ExerciseFlag,
    FlagLevel,
    Level,
    StageKind,
)
from coach.content.loader import ContentError, FileProblem


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Model):
    """A medical statement: it must say what it rests on (content-brief.md)."""

    sources: list[str] = Field(min_length=1)


# --- ui.toml: titles, labels and messages, by screen -------------------------------------------


class UiFile(Model):
    sections: dict[str, dict[str, str]]  # read by coach.content.content.Content.text


# --- keys.toml: the words of every key binding, by binding id ([home.checkin]) ----------------------


class KeyWords(Model):
    label: str  # short: the footer must fit 80 columns (tests/test_footer.py)
    help: str = ""  # the fuller wording for the help screen and the footer's tooltip, if the label is terse


class KeysFile(Model):
    screens: dict[str, dict[str, KeyWords]]  # owner (a screen, `app`, a widget) -> binding name -> words


# --- about.toml: about, safety note, first-run notice ----------------------------------------------


class Document(Sourced):
    """About, safety and first-run text: each says when to seek care, so each names its sources."""

    title: str
    body: str  # Markdown


class AboutFile(Model):
    about: Document
    safety: Document
    first_run: Document


# --- body.toml: the words for where it hurts and which side ----------------------------------------


class Choice(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str


class BodyFile(Model):
    areas: list[Choice] = Field(min_length=1)
    sides: list[Choice] = Field(min_length=1)

    def area_label(self, area_id: str) -> str:
        return next((a.label for a in self.areas if a.id == area_id), area_id)


# --- exercises.toml and routines.toml: the catalogue and the guided routines ------------------------

Flag = ExerciseFlag
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
Cue = Annotated[str, Field(min_length=1, max_length=60)]  # read at a glance mid-stretch


class Exercise(Sourced):
    id: Slug
    name: str
    position: str
    cues: list[Cue] = Field(min_length=2, max_length=4)
    hold: int = Field(ge=1, le=1800)  # seconds per repetition
    reps: int = Field(default=1, ge=1, le=30)
    per_side: bool = False
    rest: int = Field(default=0, ge=0, le=300)  # seconds between repetitions
    rest_after_last: bool = False  # progressive muscle relaxation: release after the last tense too
    targets: str
    cautions: list[str] = []
    flags: list[Flag] = []
    alternative: str | None = None
    breath_in: int = Field(default=4, ge=2, le=8)
    breath_out: int = Field(default=6, ge=2, le=10)
    count_down: bool = False  # spoken "three, two, one" at the end of each hold (a routine's step may say otherwise)


class ExercisesFile(Model):
    exercises: list[Exercise] = Field(min_length=12)

    def by_id(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}


class RoutineStep(Model):
    exercise: str
    hold: int | None = Field(default=None, ge=1, le=1800)
    reps: int | None = Field(default=None, ge=1, le=30)
    rest: int | None = Field(default=None, ge=0, le=300)
    count_down: bool | None = None  # spoken "three, two, one" at the end of each hold (None: the exercise's)


class Routine(Sourced):
    id: Slug
    name: str
    summary: str = ""
    steps: list[RoutineStep] = Field(min_length=1)
    avoid: list[Flag] = []
    stages: list[Literal["pregnant", "postnatal"]] = ["pregnant", "postnatal"]


class CustomRoutine(Routine):
    """A person's own routine (from their physio, say): sources are welcome but not required."""

    sources: list[str] = []


class RoutineSafety(Sourced):
    title: str
    body: str  # Markdown
    conditions: str  # Markdown, {conditions}
    unwell_title: str
    unwell: str  # Markdown, {number}
    emergency_default: str
    postnatal: str


class RoutinesFile(Model):
    routines: list[Routine] = Field(min_length=6)
    safety: RoutineSafety

    def name_of(self, routine_id: str) -> str:
        return next((r.name for r in self.routines if r.id == routine_id), routine_id)


class CustomRoutinesFile(Model):
    routines: list[CustomRoutine] = Field(min_length=1)


# --- questionnaire.toml: the check-in questions ----------------------------------------------------

QUESTION_ID = r"^[a-z][a-z0-9_]*$"


class AnswerOption(Model):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    before_weeks: int | None = None  # offered only before this week (or when the week is unknown)
    from_weeks: int | None = None  # offered only from this week on (or when the week is unknown), never after birth
    stages: list[StageKind] = ["pregnant", "postnatal"]  # offered only at these stages (no birth date: pregnant)


class Question(Model):
    id: str = Field(pattern=QUESTION_ID)
    kind: Literal["one", "many", "scale", "flags"]
    text: str
    help: str = ""
    options: list[AnswerOption] = []
    # "areas" or "sides": the options are body.toml's, so where it hurts is defined once (the loader fills them).
    options_from: Literal["areas", "sides"] | None = None
    # Options it no longer offers that older records hold (moved to another question, or dropped): import
    # accepts them, so a history an older pain-coach wrote can be imported again.
    retired_options: list[str] = []
    required: bool = True  # for `many`: at least one option
    show_if: dict[str, list[str]] = {}  # asked only when an earlier answer includes one of these
    stages: list[StageKind] = ["pregnant", "postnatal"]  # asked only at these stages (no birth date: pregnant)
    weekly: bool = False  # the weekly function score: asked once a week, optional on the command line

    @model_validator(mode="after")
    def _options_fit_kind(self) -> Question:
        if self.kind == "scale" and self.options:
            raise ValueError("a scale question has no options")
        if self.kind != "scale" and not self.options and not self.options_from:
            raise ValueError(f"a '{self.kind}' question needs options")
        return self

    def option_ids(self) -> list[str]:
        return [o.id for o in self.options]

    def label_of(self, option_id: str) -> str:
        return next((o.label for o in self.options if o.id == option_id), option_id)


class QuestionnaireFile(Model):
    questions: list[Question] = Field(min_length=1)
    flare_activities: list[Choice] = Field(min_length=1)

    def question(self, question_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == question_id), None)


# --- triage.toml: levels, red flags, reasons to book a check, patterns ------------------------------

# The ids the triage code refers to by name (coach/content/ids.py); the file must define exactly these.


class LevelText(Sourced):
    id: Level
    title: str
    action: str
    postnatal_title: str = ""  # after the birth, when the words differ (no "maternity unit", no "antenatal")
    postnatal_action: str = ""

    def words(self, postnatal: bool) -> tuple[str, str]:
        """(title, action) for the person's stage."""
        if postnatal:
            return self.postnatal_title or self.title, self.postnatal_action or self.action
        return self.title, self.action


class RedFlag(Sourced):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str
    level: FlagLevel


class SoonRule(Sourced):
    id: str
    text: str


class Pattern(Sourced):
    id: str
    name: str
    why: str


class TriageFile(Model):
    levels: list[LevelText]
    flags: list[RedFlag] = Field(min_length=1)
    soon: list[SoonRule]
    patterns: list[Pattern]

    @model_validator(mode="after")
    def _known_ids(self) -> TriageFile:
        for name, expected in (("levels", LEVELS), ("soon", SOON_RULES), ("patterns", PATTERNS)):
            have = [item.id for item in getattr(self, name)]
            if sorted(have) != sorted(expected):
                raise ValueError(f"{name} must have exactly the ids {', '.join(expected)} (has {', '.join(have)})")
        missing = set(DERIVED_FLAGS) - {f.id for f in self.flags}
        if missing:
            raise ValueError(f"flags must include {', '.join(sorted(missing))}")
        return self

    def level(self, level_id: str) -> LevelText:
        return next(item for item in self.levels if item.id == level_id)

    def flag(self, flag_id: str) -> RedFlag | None:
        return next((f for f in self.flags if f.id == flag_id), None)

    def soon_rule(self, rule_id: str) -> SoonRule:
        return next(item for item in self.soon if item.id == rule_id)

    def pattern(self, pattern_id: str) -> Pattern:
        return next(item for item in self.patterns if item.id == pattern_id)


# --- advice.toml: the relief plan -------------------------------------------------------------------


class When(Model):
    """Any listed answer matches (or `always`); `min_weeks` and `postnatal` must hold as well."""

    always: bool = False
    where: list[str] = []
    feel: list[str] = []
    worse: list[str] = []
    sleep: list[str] = []
    pattern: list[str] = []
    min_weeks: int | None = None
    postnatal: bool | None = None


class Advice(Sourced):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    text: str
    when: When


class Suggestion(Model):
    routine: str
    when: When


class Calcium(Sourced):
    text: str


class AdviceFile(Model):
    advice: list[Advice] = Field(min_length=1)
    suggest: list[Suggestion] = []
    calcium: Calcium

    def item(self, advice_id: str) -> Advice | None:
        return next((a for a in self.advice if a.id == advice_id), None)


# --- profile.toml: conditions needing clearance, default emergency numbers ---------------------------


class Condition(Sourced):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    label: str


class EmergencyNumber(Model):
    number: str
    where: str


class ProfileFile(Model):
    conditions: list[Condition]
    emergency_numbers: list[EmergencyNumber] = Field(min_length=1)


# --- voice.toml: spoken cues (coach.routines.voice_script) -----------------------------------------

VoiceName = Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_+-]{0,39}$")]  # an espeak-ng voice, never an option


class Speech(Model):
    voice: VoiceName  # espeak-ng's voice for this language ("en-gb", "cmn")
    rate: int = Field(ge=80, le=300)  # espeak-ng's words per minute: slow and calm (its own default is 175)


class Say(Model):
    """What is said, by moment; `_short` forms where the long one would not fit the step (a custom routine)."""

    ready: str
    ready_short: str
    hold: str
    hold_short: str
    rep: str
    rep_short: str
    side_left: str
    side_right: str
    tense: str
    tense_short: str
    breathe: str
    breathe_short: str
    rest: str
    release: str
    release_short: str
    switch: str
    switch_short: str
    count: list[str] = Field(min_length=1, max_length=5)  # said one a second, in order: the last with 1 second left
    end: str
    breathe_in: str
    breathe_out: str
    seconds_one: str = ""
    seconds_other: str
    minutes_one: str = ""
    minutes_other: str


class SpokenExercise(Model):
    """An exercise's words as said, where the written ones read badly aloud or run long."""

    name: str = ""
    cue: str = ""  # the first cue line, as said on the get-ready step
    release: str = ""  # progressive muscle relaxation: the let-go line (the last cue line otherwise)


class VoiceShown(Model):
    """Voice's words on screen (the palette, the notices)."""

    name: str
    help: str
    off: str
    steps: str
    breathing: str
    switched: str
    missing: str
    failed: str


class VoiceFile(Model):
    speech: Speech
    say: Say
    shown: VoiceShown
    exercises: dict[str, SpokenExercise] = {}


# --- report.toml: the words of the printable report and of the weekly function score's reading ----------


class ReportFile(Model):
    # read by coach.content.content.Content.report_text; [sources] names what the reading of the score rests on
    sections: dict[str, dict[str, str]]


# --- the whole folder -------------------------------------------------------------------------------


class ContentFiles(Model):
    ui: UiFile
    keys: KeysFile
    about: AboutFile
    body: BodyFile
    exercises: ExercisesFile
    routines: RoutinesFile

    questionnaire: QuestionnaireFile
    triage: TriageFile
    advice: AdviceFile
    profile: ProfileFile
    voice: VoiceFile
    report: ReportFile


Problem = tuple[str, str, str]  # (file stem, field path, message)
CROSS_CHECKS: list[Callable[[ContentFiles], Iterable[Problem]]] = []


def cross_check(func: Callable[[ContentFiles], Iterable[Problem]]) -> Callable[[ContentFiles], Iterable[Problem]]:
    CROSS_CHECKS.append(func)
    return func


def unknown_id(kind: str, value: str, known: Iterable[str]) -> str:
    """ "no exercise 'cat-cw' (did you mean 'cat-cow'?)" """
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"no {kind} '{value}'{hint}"


@cross_check
def _unique_body_ids(content: ContentFiles) -> Iterable[Problem]:
    for name in ("areas", "sides"):
        seen: set[str] = set()
        for i, choice in enumerate(getattr(content.body, name)):
            if choice.id in seen:
                yield "body", f"{name}[{i}].id", f"duplicate id '{choice.id}'"
            seen.add(choice.id)


@cross_check
def _exercise_references(content: ContentFiles) -> Iterable[Problem]:
    known = content.exercises.by_id()
    seen: set[str] = set()
    for i, exercise in enumerate(content.exercises.exercises):
        if exercise.id in seen:
            yield "exercises", f"exercises[{i}].id", f"duplicate id '{exercise.id}'"
        seen.add(exercise.id)
        if exercise.alternative is not None and exercise.alternative not in known:
            yield "exercises", f"exercises[{i}].alternative", unknown_id("exercise", exercise.alternative, known)
        elif exercise.alternative == exercise.id:
            yield "exercises", f"exercises[{i}].alternative", "an exercise cannot be its own alternative"


def routine_problems(routines: list[Routine], known: dict[str, Exercise], stem: str) -> Iterable[Problem]:
    """Steps naming no exercise, duplicate ids, and steps carrying a flag their routine avoids."""
    seen: set[str] = set()
    for i, routine in enumerate(routines):
        if routine.id in seen:
            yield stem, f"routines[{i}].id", f"duplicate id '{routine.id}'"
        seen.add(routine.id)
        for j, step in enumerate(routine.steps):
            where = f"routines[{i}].steps[{j}].exercise"
            if step.exercise not in known:
                yield stem, where, unknown_id("exercise", step.exercise, known)
                continue
            clash = set(known[step.exercise].flags) & set(routine.avoid)
            if clash:
                yield stem, where, f"'{step.exercise}' is {', '.join(sorted(clash))}, which this routine avoids"


@cross_check
def _routine_references(content: ContentFiles) -> Iterable[Problem]:
    yield from routine_problems(content.routines.routines, content.exercises.by_id(), "routines")


@cross_check
def _questionnaire_refs(content: ContentFiles) -> Iterable[Problem]:
    questions = content.questionnaire.questions
    seen: set[str] = set()
    flag_ids = {f.id for f in content.triage.flags}
    for i, question in enumerate(questions):
        if question.id in seen:
            yield "questionnaire", f"questions[{i}].id", f"duplicate id '{question.id}'"
        for name, values in question.show_if.items():
            earlier = next((q for q in questions[:i] if q.id == name), None)
            if earlier is None:
                yield "questionnaire", f"questions[{i}].show_if.{name}", unknown_id("earlier question", name, seen)
                continue
            for value in values:
                if value not in earlier.option_ids():
                    yield (
                        "questionnaire",
                        f"questions[{i}].show_if.{name}",
                        unknown_id("option", value, earlier.option_ids()),
                    )
        seen.add(question.id)
        if question.kind == "flags":
            for j, option in enumerate(question.options):
                if option.id not in flag_ids:
                    yield (
                        "questionnaire",
                        f"questions[{i}].options[{j}].id",
                        unknown_id("red flag", option.id, flag_ids),
                    )


@cross_check
def _ids_the_code_reads(content: ContentFiles) -> Iterable[Problem]:
    """Each id in coach/content/ids.py that the code reads by name exists in the content files; a renamed
    option would otherwise silently switch a triage rule off."""
    questions = {q.id: q for q in content.questionnaire.questions}
    for name in TRIAGE_QUESTIONS:
        if name not in questions:
            yield "questionnaire", "questions", unknown_id("question", name, questions) + ", which triage reads"
    for question_id, option in OPTIONS_READ:
        question = questions.get(question_id)
        if question is not None and option not in question.option_ids():
            why = unknown_id("option", option, question.option_ids()) + ", which triage reads"
            if question.options_from:  # the options are body.toml's
                yield "body", question.options_from, why
            else:
                yield "questionnaire", f"questions[{list(questions).index(question_id)}].options", why
    for name in (FUNCTION_OFFER, *FUNCTION_ITEMS):
        found = questions.get(name)
        if found is None:
            yield (
                "questionnaire",
                "questions",
                unknown_id("question", name, questions) + ", which the function score reads",
            )
        elif not found.weekly or (name in FUNCTION_ITEMS and found.kind != "scale"):
            where = f"questions[{list(questions).index(name)}]"
            yield "questionnaire", where, "the function score's questions are weekly = true, and its items scales"
    # triage.toml's levels, soon rules, patterns and derived flags: TriageFile._known_ids.
    plan_words = content.ui.sections.get("plan", {})
    for flag in get_args(ExerciseFlag):
        key = "flag_" + flag.replace("-", "_")
        if key not in plan_words:
            yield "ui", f"plan.{key}", "missing (the plan's changes are worded with it: record_text.change_words)"
    used = {flag for e in content.exercises.exercises for flag in e.flags}
    for flag in (BACK_LYING, *PGP_FLAGS, STRENUOUS):
        if flag not in used:
            yield "exercises", "exercises[].flags", unknown_id("exercise flag", flag, used) + ", which the plan reads"


@cross_check
def _advice_refs(content: ContentFiles) -> Iterable[Problem]:
    questionnaire = content.questionnaire
    items = [("advice", i, a.when) for i, a in enumerate(content.advice.advice)]
    items += [("suggest", i, s.when) for i, s in enumerate(content.advice.suggest)]
    for name, i, when in items:
        for field in ("where", "feel", "worse", "sleep"):
            question = questionnaire.question(field)
            known = question.option_ids() if question else []
            for j, value in enumerate(getattr(when, field)):
                if value not in known:
                    yield "advice", f"{name}[{i}].when.{field}[{j}]", unknown_id("option", value, known)
        for j, value in enumerate(when.pattern):
            if value not in PATTERNS:
                yield "advice", f"{name}[{i}].when.pattern[{j}]", unknown_id("pattern", value, PATTERNS)


@cross_check
def _spoken_exercises_exist(content: ContentFiles) -> Iterable[Problem]:
    known = content.exercises.by_id()
    for exercise_id in content.voice.exercises:
        if exercise_id not in known:
            yield "voice", f"exercises.{exercise_id}", unknown_id("exercise", exercise_id, known)


def field_path(loc: tuple[int | str, ...], root_model: type[BaseModel]) -> str:
    # RootModel-style `sections` / `screens` wrappers are invisible in the TOML file.
    wrapper = {"sections", "screens"} & set(root_model.model_fields)
    parts = list(loc[1:]) if loc and loc[0] in wrapper else list(loc)
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(file)"


def _wrap(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    if "sections" in model.model_fields:
        return {"sections": data}
    if "screens" in model.model_fields:
        return {"screens": data}
    return data


def validate(
    label: str,
    parsed: Mapping[str, dict[str, Any] | FileProblem],
    words: Callable[[FileProblem], str] = str,
) -> ContentFiles:
    """Validate the parsed files of a folder named `label`; raise ContentError listing every problem."""
    problems: list[str] = []
    models: dict[str, BaseModel] = {}
    for name, field in ContentFiles.model_fields.items():
        model: type[BaseModel] = field.annotation  # type: ignore[assignment]
        where = f"{label}/{name}.toml"
        data = parsed[name]
        if isinstance(data, FileProblem):
            problems.append(f"{where}: {words(data)}")
            continue
        if name == "questionnaire":
            data = _body_options(data, models.get("body"), problems, where)
        try:
            models[name] = model.model_validate(_wrap(model, data))
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(f"{where}: {field_path(err['loc'], model)}: {problem_message(err)}")
    if problems:
        raise ContentError(problems)
    content = ContentFiles.model_validate(models)  # the validated files are taken as they are
    for check in CROSS_CHECKS:
        for stem, path_in_file, message in check(content):
            problems.append(f"{label}/{stem}.toml: {path_in_file}: {message}")
    if problems:
        raise ContentError(problems)
    return content


def problem_message(err: ErrorDetails) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key (check the spelling)"
    if err["type"] == "missing":
        return "missing"
    return str(err["msg"])


@cross_check
def _suggested_routines_exist(content: ContentFiles) -> Iterable[Problem]:
    known = [r.id for r in content.routines.routines]
    for i, suggestion in enumerate(content.advice.suggest):
        if suggestion.routine not in known:
            yield "advice", f"suggest[{i}].routine", unknown_id("routine", suggestion.routine, known)


def _body_options(data: dict[str, Any], body: BaseModel | None, problems: list[str], where: str) -> dict[str, Any]:
    """Fill the options of each question that takes them from body.toml (`options_from`)."""
    questions = data.get("questions")
    if not isinstance(questions, list) or not isinstance(body, BodyFile):
        return data
    filled = []
    for i, question in enumerate(questions):
        source = question.get("options_from") if isinstance(question, dict) else None
        if source in ("areas", "sides"):
            if question.get("options"):
                problems.append(f"{where}: questions[{i}].options: give options or options_from, not both")
            choices = getattr(body, source)
            question = {**question, "options": [{"id": c.id, "label": c.label} for c in choices]}
        filled.append(question)
    return {**data, "questions": filled}
