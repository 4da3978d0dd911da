"""The words and keys of the app, read straight from content/ui.toml and content/keys.toml.

Importing pydantic and building every content model costs about as much as Textual takes to start, so
the first screen draws from these plain dictionaries, and the full validation (coach.content) runs just
after it is painted. Both read the same files; `pain-coach check-content` validates them.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass

from coach.locations import content_dir


class ContentError(Exception):
    """One or more problems in a content folder, one line each: `content/x.toml: a[0].b: what`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Key:
    key: str
    action: str
    label: str
    help: str = ""
    show: bool = True
    priority: bool = False


@functools.cache
def _load(name: str) -> dict:
    folder = content_dir()
    try:
        return tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        _explain()
        raise


def _explain() -> None:
    """Raise the full validator's precise ContentError for a file the quick reader could not use."""
    from coach.content import load_content

    load_content()


def text(key: str, **values: object) -> str:
    """A user-facing string from content/ui.toml: text("home.intro"), text("app.too_small", width=80, ...)."""
    section, _, name = key.partition(".")
    template = _load("ui")[section][name]
    return template.format(**values) if values else template


def keys(screen: str) -> list[Key]:
    """The key bindings listed for a screen in content/keys.toml (`app` for those that work everywhere)."""
    try:
        return [Key(**entry) for entry in _load("keys").get(screen, [])]
    except TypeError:
        _explain()
        raise
