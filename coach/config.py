"""A person's own settings, in <config>/config.toml (see `pain-coach locate`).

It holds the voice settings at the top (coach.routines.voice_script) and the table [keys]: binding id -> the
keys for it, as Textual writes them.

    voice = "steps"             # "off" (the default), "steps" or "steps+breathing"
    voice_rate = 130            # espeak-ng's words per minute (the language's own by default)
    voice_name = "en-us"        # an espeak-ng voice (`espeak-ng --voices`; by default the language's)

    [keys]
    home.checkin = "k"          # a dotted id is a nested table in TOML: read either way
    "app.quit" = "ctrl+x,f10"   # several keys, comma-separated

Nothing in it can stop the app: each entry that cannot be used is one line naming the file and the entry
(`problems`), and the default stays. Whether a key string is one Textual can read is asked of the caller
(`readable`), so this module stays free of Textual and can be tested alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from coach.content.content import Content


SECTIONS = ("keys",)
VOICE_SETTINGS = ("voice", "voice_rate", "voice_name")
VOICE_MODES = ("off", "steps", "steps+breathing")  # as coach.routines.voice_script.VOICE_MODES
VOICE_RATES = range(80, 301)
VOICE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_+-]{0,39}$")  # espeak-ng's voice names; never an option


@dataclass(frozen=True)
class Config:
    keys: dict[str, str] = field(default_factory=dict)  # binding id -> keys, only the usable entries
    problems: list[str] = field(default_factory=list)  # one line each, for the person
    voice: str | None = None  # one of VOICE_MODES; None: not set here
    voice_rate: int | None = None
    voice_name: str | None = None


def read_config(
    content: Content, path: Path | None, known_ids: Collection[str], readable: Callable[[str], bool]
) -> Config:
    """The settings in `path` (None, or no such file: the defaults), with a line for each unusable entry."""
    if path is None:
        return Config()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Config(problems=[content.text("config.unreadable", file=path, reason=reason)])
    import tomllib  # only when there is a file: most people have none, and the first frame waits for this

    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=[content.text("config.not_toml", file=path, reason=exc)])
    problems = [
        content.text("config.unknown_section", file=path, section=name)
        for name in data
        if name not in SECTIONS and name not in VOICE_SETTINGS
    ]
    voice, voice_problems = _read_voice(content, path, data)
    table = data.get("keys", {})
    if not isinstance(table, dict):
        return Config(problems=[*problems, *voice_problems, content.text("config.keys_not_table", file=path)], **voice)
    keys, key_problems = _read_keys(content, path, _flatten(table), known_ids, readable)
    return Config(keys=keys, problems=problems + voice_problems + key_problems, **voice)


def _read_voice(content: Content, path: Path, data: Mapping[str, object]) -> tuple[dict[str, Any], list[str]]:
    """The usable voice settings (voice, voice_rate, voice_name), and a line for each that is not."""
    found: dict[str, Any] = {}
    problems = []
    mode, rate, name = data.get("voice"), data.get("voice_rate"), data.get("voice_name")
    if mode is not None:
        if mode in VOICE_MODES:
            found["voice"] = mode
        else:
            problems.append(content.text("config.bad_voice", file=path, modes=", ".join(f'"{m}"' for m in VOICE_MODES)))
    if rate is not None:
        if isinstance(rate, int) and not isinstance(rate, bool) and rate in VOICE_RATES:
            found["voice_rate"] = rate
        else:
            problems.append(content.text("config.bad_voice_rate", file=path, low=VOICE_RATES[0], high=VOICE_RATES[-1]))
    if name is not None:
        if isinstance(name, str) and VOICE_NAME.match(name):
            found["voice_name"] = name
        else:
            problems.append(content.text("config.bad_voice_name", file=path))
    return found, problems


def _read_keys(
    content: Content,
    path: Path,
    entries: Mapping[str, object],
    known_ids: Collection[str],
    readable: Callable[[str], bool],
) -> tuple[dict[str, str], list[str]]:
    keys: dict[str, str] = {}
    problems: list[str] = []
    for binding_id, value in entries.items():
        if binding_id not in known_ids:
            import difflib  # only for a mistake: not on every start

            close = difflib.get_close_matches(binding_id, list(known_ids), n=1)
            hint = content.text("config.did_you_mean", id=close[0]) if close else ""
            problems.append(content.text("config.unknown_id", file=path, id=binding_id, hint=hint))
        elif not isinstance(value, str):
            problems.append(content.text("config.not_a_string", file=path, id=binding_id))
        elif not readable(value):
            problems.append(content.text("config.bad_key", file=path, id=binding_id, keys=value))
        else:
            keys[binding_id] = value
    return keys, problems


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, object]:
    """{"home": {"checkin": "k"}} (what `home.checkin = "k"` reads as) -> {"home.checkin": "k"}."""
    flat: dict[str, object] = {}
    for name, value in table.items():
        dotted = f"{prefix}{name}"
        if isinstance(value, dict):
            flat.update(_flatten(value, f"{dotted}."))
        else:
            flat[dotted] = value
    return flat
