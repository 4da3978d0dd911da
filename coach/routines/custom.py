"""A person's own routines: TOML files in <config dir>/routines/, same schema as content/routines.toml.

A file with a mistake is named with the field at fault and skipped; the other files still load.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from coach.content.content import Content
from coach.content.models import (
    CustomRoutinesFile,
    Exercise,
    Routine,
    field_path,
    problem_message,
    routine_problems,
)
from coach.locations import config_dir


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
            f"{path.name}: routines[{i}].id: " + content.text("custom.id_taken", id=r.id)
            for i, r in enumerate(found.routines)
            if r.id in taken
        ]
        if clashes:
            problems.extend(clashes)
            continue
        taken.update(r.id for r in found.routines)
        loaded.extend(found.routines)
    return loaded, problems


def _problems_in(content: Content, path: Path, known: dict[str, Exercise]) -> CustomRoutinesFile | list[str]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return [f"{path.name}: " + content.text("custom.not_toml", reason=exc)]
    data.pop("safety", None)  # a copy of the packaged file may carry it; it is not used here
    try:
        parsed = CustomRoutinesFile.model_validate(data)
    except ValidationError as exc:
        return [f"{path.name}: {field_path(e['loc'], CustomRoutinesFile)}: {problem_message(e)}" for e in exc.errors()]
    routines: list[Routine] = list(parsed.routines)
    problems = [f"{path.name}: {where}: {msg}" for _, where, msg in routine_problems(routines, known, "")]
    return problems or parsed


def every_routine(content: Content) -> tuple[list[Routine], list[str]]:
    """The packaged routines, then the person's own; and any problems with their files."""
    custom, problems = load_custom_routines(content)
    return [*content.routines.routines, *custom], problems
