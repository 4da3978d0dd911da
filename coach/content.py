"""The shared content module: every piece of user-facing text, validated and loaded once.

Each file in content/ is a field of `Content` below (`ui` is `content/ui.toml`). To add a file, add a
model and a field; to check references between files, add a function to `CROSS_CHECKS`.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import re
import tomllib
from pathlib import Path
from typing import Annotated, Callable, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from coach.locations import content_dir


class ContentError(Exception):
    """One or more problems in a content folder, one line each: `content/x.toml: a[0].b: what`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Sourced(Model):
    """A medical statement: it must say what it rests on (content-brief.md)."""

    sources: list[str] = Field(min_length=1)


# --- ui.toml: titles, labels and messages, by screen -------------------------------------------


class UiFile(Model):
    sections: dict[str, dict[str, str]]

    def text(self, key: str, **values: object) -> str:
        section, _, name = key.partition(".")
        template = self.sections[section][name]
        return template.format(**values) if values else template


# --- keys.toml: every key binding and its label, by screen -----------------------------------------


class KeyBinding(Model):
    key: str
    action: str
    label: str
    show: bool = True
    priority: bool = False


class KeysFile(Model):
    screens: dict[str, list[KeyBinding]]


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

Flag = Literal["back-lying", "wide-legged", "single-leg", "asymmetric", "kneeling", "breathing"]
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


class ExercisesFile(Model):
    exercises: list[Exercise] = Field(min_length=12)

    def by_id(self) -> dict[str, Exercise]:
        return {e.id: e for e in self.exercises}


class RoutineStep(Model):
    exercise: str
    hold: int | None = Field(default=None, ge=1, le=1800)
    reps: int | None = Field(default=None, ge=1, le=30)
    rest: int | None = Field(default=None, ge=0, le=300)


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


class CustomRoutinesFile(Model):
    routines: list[CustomRoutine] = Field(min_length=1)


# --- the whole folder -------------------------------------------------------------------------------


class Content(Model):
    ui: UiFile
    keys: KeysFile
    about: AboutFile
    body: BodyFile
    exercises: ExercisesFile
    routines: RoutinesFile
    version: str = ""  # a digest of the files, stored with records that depend on content

    def text(self, key: str, **values: object) -> str:
        return self.ui.text(key, **values)


Problem = tuple[str, str, str]  # (file stem, field path, message)
CROSS_CHECKS: list[Callable[[Content], Iterable[Problem]]] = []


def cross_check(func: Callable[[Content], Iterable[Problem]]) -> Callable[[Content], Iterable[Problem]]:
    CROSS_CHECKS.append(func)
    return func


def unknown_id(kind: str, value: str, known: Iterable[str]) -> str:
    """"no exercise 'cat-cw' (did you mean 'cat-cow'?)" """
    close = difflib.get_close_matches(value, list(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"no {kind} '{value}'{hint}"


@cross_check
def _unique_body_ids(content: Content) -> Iterable[Problem]:
    for name in ("areas", "sides"):
        seen: set[str] = set()
        for i, choice in enumerate(getattr(content.body, name)):
            if choice.id in seen:
                yield "body", f"{name}[{i}].id", f"duplicate id '{choice.id}'"
            seen.add(choice.id)


OPEN_ACTION = re.compile(r"app\.open\('([^']*)'\)")


@cross_check
def _opened_screens_exist(content: Content) -> Iterable[Problem]:
    from coach.screens import SCREENS  # a plain table of names: imports no textual

    for list_name, bindings in content.keys.screens.items():
        for i, binding in enumerate(bindings):
            opened = OPEN_ACTION.fullmatch(binding.action)
            if not opened:
                continue
            name = opened.group(1)
            if name not in SCREENS:
                yield "keys", f"{list_name}[{i}].action", unknown_id("screen", name, SCREENS)
            elif list_name == "home" and f"{name}_help" not in content.ui.sections.get("palette", {}):
                yield "ui", f"palette.{name}_help", f"missing (the command palette describes home[{i}] with it)"

@cross_check
def _exercise_references(content: Content) -> Iterable[Problem]:
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
def _routine_references(content: Content) -> Iterable[Problem]:
    yield from routine_problems(content.routines.routines, content.exercises.by_id(), "routines")


def _field_path(loc: tuple[int | str, ...], root_model: type[BaseModel]) -> str:
    # RootModel-style `sections` / `screens` wrappers are invisible in the TOML file.
    wrapper = {"sections", "screens"} & set(root_model.model_fields)
    parts = list(loc[1:]) if loc and loc[0] in wrapper else list(loc)
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(file)"


def _wrap(model: type[BaseModel], data: dict) -> dict:
    if "sections" in model.model_fields:
        return {"sections": data}
    if "screens" in model.model_fields:
        return {"screens": data}
    return data


def load_content(folder: Path | None = None) -> Content:
    """Load and validate a content folder; raise ContentError listing every problem."""
    folder = Path(folder) if folder else content_dir()
    label = folder.resolve().name  # "content", also when checked as "."
    problems: list[str] = []
    parsed: dict[str, BaseModel] = {}
    digest = hashlib.sha256()
    if not folder.is_dir():
        raise ContentError([f"{folder}: no such content folder"])
    for name, field in Content.model_fields.items():
        if name == "version":
            continue
        model: type[BaseModel] = field.annotation  # type: ignore[assignment]
        path = folder / f"{name}.toml"
        where = f"{label}/{path.name}"
        try:
            raw = path.read_bytes()
            data = tomllib.loads(raw.decode("utf-8"))
        except FileNotFoundError:
            problems.append(f"{where}: missing file")
            continue
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{where}: not valid TOML: {exc}")
            continue
        digest.update(raw)
        try:
            parsed[name] = model.model_validate(_wrap(model, data))
        except ValidationError as exc:
            for err in exc.errors():
                problems.append(f"{where}: {_field_path(err['loc'], model)}: {_message(err)}")
    if problems:
        raise ContentError(problems)
    content = Content(**parsed, version=digest.hexdigest()[:12])
    for check in CROSS_CHECKS:
        for stem, field_path, message in check(content):
            problems.append(f"{label}/{stem}.toml: {field_path}: {message}")
    if problems:
        raise ContentError(problems)
    return content


def _message(err: dict) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key (check the spelling)"
    if err["type"] == "missing":
        return "missing"
    return str(err["msg"])


@functools.cache
def get_content() -> Content:
    """The packaged content, loaded once per process."""
    return load_content()


def text(key: str, **values: object) -> str:
    """A user-facing string from content/ui.toml, e.g. text("home.intro")."""
    return get_content().text(key, **values)
