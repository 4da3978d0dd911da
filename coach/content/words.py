"""The words and keys of the app, read straight from content/ui.toml and content/keys.toml (and the
body areas and sides from content/body.toml, for `pain-coach log`).

Importing pydantic and building every content model costs about as much as Textual takes to start, so
the first screen and the quick commands draw from these plain dictionaries, and the app runs the full
validation (coach.content.models) just after its first paint. Both read the same files; `pain-coach
check-content` validates them. The parsed dictionaries are cached (see _load): parsing ui.toml alone
takes longer than drawing the home screen's menu.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import sys
import zlib
from pathlib import Path
from typing import NamedTuple

from coach.locations import cache_dir, content_dir


class ContentError(Exception):
    """One or more problems in a content folder, one line each: `content/x.toml: a[0].b: what`."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class KeyWords(NamedTuple):  # not a dataclass: making one takes a millisecond of the start
    label: str
    help: str = ""


@functools.cache
def _load(name: str) -> dict:
    path = content_dir() / f"{name}.toml"
    try:
        info = path.stat()
    except OSError:
        _explain()
        raise
    # Like Python's .pyc files: the parsed file is kept, and used while the file's time and size match.
    stamp = (str(path), info.st_mtime_ns, info.st_size, sys.version_info[:2])
    cached = _cache_path(path)
    try:
        kept_stamp, data = marshal.loads(cached.read_bytes())
        if kept_stamp == stamp:
            return data
    except (OSError, EOFError, ValueError, TypeError, AttributeError):
        pass  # no cache folder or no cache yet, or one that cannot be used: parse the file
    import tomllib

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        _explain()
        raise
    if cached is not None:
        _keep(cached, (stamp, data))
    return data


def _cache_path(path: Path) -> Path | None:
    """None without a home folder to keep a cache in."""
    folder = cache_dir()
    # One cache per content folder (a source checkout and an installed copy do not share it).
    return folder and folder / "content" / f"{path.stem}-{zlib.crc32(str(path).encode()):08x}.marshal"


def _keep(cached: Path, value: tuple) -> None:
    """Write the cache whole or not at all; a cache that cannot be written only costs the next start."""
    partial = cached.with_name(f".{cached.name}.{os.getpid()}.tmp")
    try:
        blob = marshal.dumps(value)
        cached.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(blob)
        os.replace(partial, cached)
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _explain() -> None:
    """Raise the full validator's precise ContentError for a file the quick reader could not use."""
    from coach.content.models import load_content

    load_content()


def text(key: str, **values: object) -> str:
    """A user-facing string from content/ui.toml: text("home.intro"), text("app.too_small", width=80, ...).

    A message with a `count` may come in plural forms, `name_one` / `name_other` (coach.content.plural).
    """
    section, _, name = key.partition(".")
    messages = _load("ui")[section]
    count = values.get("count")
    if isinstance(count, int) and name not in messages:
        from coach.content.plural import counted_name

        name = counted_name(messages, name, count, language())
    template = messages[name]
    return template.format(**values) if values else template


def language() -> str:
    """The content's language, for its plural rule: [meta] language in ui.toml ("en" if not said)."""
    meta = _load("ui").get("meta", {})
    return str(meta.get("language", "en"))


def counted(what: str, count: int) -> str:
    """A number with its noun in the right form: counted("weeks", 1) == "1 week" ([counts] in ui.toml)."""
    return text(f"counts.{what}", count=count)


def key_words(binding_id: str) -> KeyWords:
    """The words of a key binding from content/keys.toml by its id: key_words("home.checkin").label."""
    owner, _, name = binding_id.partition(".")
    try:
        return KeyWords(**_load("keys")[owner][name])
    except (KeyError, TypeError):
        _explain()
        raise


def binding_ids() -> list[str]:
    """Every binding id content/keys.toml has words for (the same as the code's, tests/test_keys.py checks)."""
    return [f"{owner}.{name}" for owner, bindings in _load("keys").items() for name in bindings]


class Choice(NamedTuple):
    id: str
    label: str


def body_choices(kind: str) -> list[Choice]:
    """The `areas` or the `sides` listed in content/body.toml, in their order."""
    try:
        return [Choice(entry["id"], entry["label"]) for entry in _load("body")[kind]]
    except (KeyError, TypeError):
        _explain()
        raise
