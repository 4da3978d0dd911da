"""check-content's checks of a locale overlay (content/zh-CN/*.toml) against the English files it lays over.

An overlay is a full copy of its English file's structure with the readable text translated. Each of these is
one line naming the file, the locale and the field:
- a key (or a listed item, by id) the English file has and the overlay lacks: that text would fall back to English;
- a key or an item the English file does not have (a typo, or a renamed id): it would never be shown;
- a changed id, or an id-like value (a level, a flag, a routine named by id, the sources) that differs;
- a number or a yes/no that differs, or a value of another kind;
- a text whose placeholders (`{name}`, and argparse's `%(prog)s`) are not the English text's.

Plain dictionaries in, lines out: no pydantic, no textual.
"""

from __future__ import annotations

import re
import string
from pathlib import Path
from typing import Any

from coach.content.loader import FILES, FileProblem, overlay_path, read_toml

# Keys whose values are ids the code or other files read, never words (as the translators were told).
ID_KEYS = frozenset(
    {
        "id",
        "level",
        "kind",
        "options_from",
        "stages",
        "where",
        "feel",
        "pattern",
        "sleep",
        "worse",
        "routine",
        "alternative",
        "flags",
        "exercise",
        "avoid",
        "sources",
    }
)
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_+-]*$")
_PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sdr]")
# Files (or sections of ui.toml) whose every value is words: an id-like key there is only a name.
_ALL_WORDS = frozenset({"ui", "keys"})
# Tables each language sets for itself: the speaking voice and its rate (a Mandarin voice speaks at its own pace).
_OWN_SETTINGS = frozenset({("voice", "speech")})


def is_fallback(line: str) -> bool:
    """A line about something the overlay lacks (so English is shown), not something it gets wrong."""
    return "falls back to English" in line


def overlay_problems(folder: Path, locale: str, label: str) -> list[str]:
    """Every problem of one locale's overlay files in `folder` (named `label` in the lines), in file order."""
    problems: list[str] = []
    for name in FILES:
        where = f"{label}/{locale}/{name}.toml"
        extra = overlay_path(folder, locale, name)
        assert extra is not None
        try:
            english = read_toml(folder / f"{name}.toml")
        except FileProblem:
            continue  # the English file's own problem is told by the English check
        if not extra.is_file():
            problems.append(f"{where}: missing file ({locale} falls back to English for all of {name}.toml)")
            continue
        try:
            given = read_toml(extra)
        except FileProblem as problem:
            problems.append(f"{where}: {problem}")
            continue
        problems += [f"{where}: {line}" for line in _compare(english, given, [], name, locale)]
    return problems


def _field(path: list[str]) -> str:
    return ".".join(path).replace(".[", "[") or "(the file)"


def _compare(english: Any, given: Any, path: list[str], file: str, locale: str) -> list[str]:
    if isinstance(english, dict):
        if not isinstance(given, dict):
            return [f"{_field(path)}: should be a table, as in English"]
        lines = []
        for key, value in english.items():
            if key not in given:
                lines.append(f"{_field([*path, key])}: missing ({locale} falls back to English)")
            else:
                lines += _compare(value, given[key], [*path, key], file, locale)
        lines += [
            f"{_field([*path, key])}: unknown key (the English file has none; check the spelling)"
            for key in given
            if key not in english
        ]
        return lines
    if isinstance(english, list):
        if not isinstance(given, list):
            return [f"{_field(path)}: should be a list, as in English"]
        return _compare_lists(english, given, path, file, locale)
    return _compare_values(english, given, path, file)


def _ids(items: list[Any]) -> list[str] | None:
    if items and all(isinstance(i, dict) and isinstance(i.get("id"), str) for i in items):
        return [i["id"] for i in items]
    return None


def _compare_lists(english: list[Any], given: list[Any], path: list[str], file: str, locale: str) -> list[str]:
    english_ids = _ids(english)
    if english_ids is not None:
        return _compare_items(english, english_ids, given, path, file, locale)
    key = path[-1] if path else ""
    if any(isinstance(v, (dict, list)) for v in english):  # tables without ids: each like the English one
        lines = []
        for index, item in enumerate(given):
            lines += _compare(english[min(index, len(english) - 1)], item, [*path, f"[{index}]"], file, locale)
        return lines
    if _is_id_like(file, key, english) or any(not isinstance(v, str) for v in english):
        return (
            [] if given == english else [f"{_field(path)}: must stay {english!r} (ids and numbers are not translated)"]
        )
    return _placeholder_lines(" ".join(map(str, english)), " ".join(map(str, given)), path)


def _compare_items(
    english: list[Any], english_ids: list[str], given: list[Any], path: list[str], file: str, locale: str
) -> list[str]:
    lines = []
    given_ids = [item.get("id") if isinstance(item, dict) else None for item in given]
    unknown = [i for i, found in enumerate(given_ids) if found not in english_ids]
    missing = [found for found in english_ids if found not in given_ids]
    for index in unknown:
        field = _field([*path, f"[{index}]", "id"])
        at_place = english_ids[index] if index < len(english_ids) else None
        if at_place in missing:  # the item in that place, with its id changed: one line, not two
            missing.remove(at_place)
            lines.append(f"{field}: changed id {given_ids[index]!r}: must stay {at_place!r} (ids are not translated)")
        else:
            lines.append(f"{field}: unknown id {given_ids[index]!r} (the English file has none)")
    for found in missing:
        lines.append(f"{_field(path)}: item id {found!r} missing ({locale} falls back to English)")
    for index, item in enumerate(given):
        if index not in unknown:
            original = english[english_ids.index(str(given_ids[index]))]
            lines += _compare(original, item, [*path, f"[{index}]"], file, locale)
    return lines


def _is_id_like(file: str, key: str, english: Any) -> bool:
    if file in _ALL_WORDS or key not in ID_KEYS:
        return False
    if key == "sources":
        return True
    values = english if isinstance(english, list) else [english]
    return all(isinstance(v, str) and _SLUG.match(v) for v in values)


def _compare_values(english: Any, given: Any, path: list[str], file: str) -> list[str]:
    key = path[-1] if path else ""
    if (file, path[0] if path else "") in _OWN_SETTINGS:
        return (
            []
            if type(given) is type(english)
            else [f"{_field(path)}: should be {type(english).__name__}, as in English"]
        )
    if not isinstance(english, str):
        if type(given) is not type(english) or given != english:
            return [f"{_field(path)}: must stay {english!r} (numbers and yes/no are not translated)"]
        return []
    if not isinstance(given, str):
        return [f"{_field(path)}: should be text, as in English"]
    if _is_id_like(file, key, english):
        return [] if given == english else [f"{_field(path)}: must stay {english!r} (ids are not translated)"]
    return _placeholder_lines(english, given, path)


def placeholders(text: str) -> set[str]:
    """The `{name}` fields of a text and argparse's `%(name)s` / `%s`; an unreadable template has none."""
    try:
        found = {f"{{{name}}}" for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        found = set()
    return found | set(_PERCENT.findall(text)) if "%(" in text or "%s" in text or "%r" in text else found


def _placeholder_lines(english: str, given: str, path: list[str]) -> list[str]:
    wanted, found = placeholders(english), placeholders(given)
    if wanted == found:
        return []
    return [f"{_field(path)}: placeholders {sorted(found)} differ from English {sorted(wanted)}"]
