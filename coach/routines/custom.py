"""A person's own routines: TOML files in <config dir>/routines/, same schema as content/routines.toml.

A file with a mistake is named with the field at fault and skipped; the other files still load.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from coach.content.content import Content
from coach.content.loader import CONTENT_LIMIT, TooBig, read_toml_bytes
from coach.content.models import (
    CustomRoutinesFile,
    Exercise,
    Routine,
    field_path,
    problem_message,
    routine_problems,
)
from coach.locations import config_dir
from coach.routines.player import Block, expand, length
from coach.shown import clip, visible

MB = 1024 * 1024


def routines_dir() -> Path | None:
    folder = config_dir()
    return None if folder is None else folder / "routines"


def load_custom_routines(content: Content, folder: Path | None = None) -> tuple[list[Routine], list[str]]:
    """(routines that loaded, one line per problem `file.toml: field: what`)."""
    folder = routines_dir() if folder is None else folder
    if folder is None or not folder.is_dir():
        return [], []
    known = content.exercises.by_id()
    taken = {r.id for r in content.routines.routines}
    loaded: list[Routine] = []
    problems: list[str] = []
    for path in sorted(folder.glob("*.toml")):
        found = _problems_in(content, path, known)
        if isinstance(found, list):
            problems.extend(found)
            continue
        clashes = [
            f"{visible(path.name, one_line=True)}: routines[{i}].id: " + content.text("custom.id_taken", id=r.id)
            for i, r in enumerate(found.routines)
            if r.id in taken
        ]
        if clashes:
            problems.extend(clashes)
            continue
        taken.update(r.id for r in found.routines)
        loaded.extend(found.routines)
    return loaded, problems


MAX_STEPS = 60  # a long physio programme has a dozen or two
MAX_LENGTH = 3 * 60 * 60  # seconds, as played (get-ready, both sides, rests): three hours


def _problems_in(content: Content, path: Path, known: dict[str, Exercise]) -> CustomRoutinesFile | list[str]:
    name = visible(path.name, one_line=True)
    try:
        data = tomllib.loads(read_toml_bytes(path).decode("utf-8"))
    except TooBig:
        limit = f"{CONTENT_LIMIT // MB} MB"
        too_big = content.text("errors.content_too_big", limit=limit)
        return [f"{name}: " + content.text("custom.not_toml", reason=too_big)]
    except RecursionError:
        return [f"{name}: " + content.text("custom.not_toml", reason=content.text("errors.content_too_deep"))]
    except OSError as exc:
        return [f"{name}: " + content.text("custom.not_toml", reason=exc.strerror or exc)]
    except (UnicodeDecodeError, ValueError) as exc:  # TOMLDecodeError, and integers over 4300 digits
        return [f"{name}: " + content.text("custom.not_toml", reason=clip(exc, 160))]
    data.pop("safety", None)  # a copy of the packaged file may carry it; it is not used here
    try:
        parsed = CustomRoutinesFile.model_validate(data)
    except ValidationError as exc:
        return [f"{name}: {field_path(e['loc'], CustomRoutinesFile)}: {problem_message(e)}" for e in exc.errors()]
    routines: list[Routine] = list(parsed.routines)
    problems = [f"{name}: {where}: {msg}" for _, where, msg in routine_problems(routines, known, "")]
    return problems or _too_long(content, name, parsed, known) or parsed


def _too_long(content: Content, name: str, parsed: CustomRoutinesFile, known: dict[str, Exercise]) -> list[str]:
    """A routine nobody could follow through (a typo of 4 million hours): refused with its length said."""
    problems = []
    for i, routine in enumerate(parsed.routines):
        if len(routine.steps) > MAX_STEPS:
            too_many = content.text("custom.too_many_steps", count=len(routine.steps), limit=MAX_STEPS)
            problems.append(f"{name}: routines[{i}].steps: {too_many}")
            continue
        blocks = []
        for step in routine.steps:
            ex = known[step.exercise]
            rest = ex.rest if step.rest is None else step.rest
            blocks.append(Block(ex, step.hold or ex.hold, step.reps or ex.reps, rest))
        seconds = length(expand(blocks))
        if seconds > MAX_LENGTH:
            too_long = content.text("custom.too_long", length=_hours(seconds), limit=_hours(MAX_LENGTH))
            problems.append(f"{name}: routines[{i}]: {too_long}")
    return problems


def _hours(seconds: int) -> str:
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


def every_routine(content: Content) -> tuple[list[Routine], list[str]]:
    """The packaged routines, then the person's own; and any problems with their files."""
    custom, problems = load_custom_routines(content)
    return [*content.routines.routines, *custom], problems
