"""Which language pain-coach speaks: the order of the choices, and the languages that ship.

The first that is given wins: `--lang`, then $PAIN_COACH_LANG, then the language chosen in the app (settings),
then the system locale ($LC_ALL, $LC_MESSAGES, $LANG, as gettext reads them), then English. A language the
person named that does not ship is a mistake (UnknownLanguage); a system locale that does not ship is not:
`LANG=de_DE.UTF-8` speaks English, as programs without a German translation do.

Pure: no textual, no content words; the shipped languages are the locale folders beside the English files.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

from coach.content.loader import BASE_LOCALE

LANG_ENV = "PAIN_COACH_LANG"
SYSTEM_ENVS = ("LC_ALL", "LC_MESSAGES", "LANG")  # gettext's order: the first one set decides
_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|[0-9]{3}))?$")


class UnknownLanguage(ValueError):
    """A language the person asked for that pain-coach does not ship: `given`, and the `shipped` ones."""

    def __init__(self, given: str, shipped: list[str]):
        self.given = given
        self.shipped = shipped
        super().__init__(given)


def normalize(tag: str) -> str | None:
    """A language tag as the content folders name it: "zh_CN.UTF-8", "zh-cn" -> "zh-CN"; "C" -> "en"; junk -> None."""
    bare = tag.strip().split(".")[0].split("@")[0]
    if bare in ("C", "POSIX"):
        return BASE_LOCALE
    found = _TAG.match(bare)
    if found is None:
        return None
    language, region = found[1].lower(), found[2]
    return f"{language}-{region.upper()}" if region else language


def shipped_locales(folder: Path) -> list[str]:
    """English, then each locale folder beside the English files (content/zh-CN), sorted."""
    try:
        folders = [p.name for p in folder.iterdir() if p.is_dir() and normalize(p.name) == p.name]
    except OSError:
        folders = []
    return [BASE_LOCALE, *sorted(name for name in folders if name != BASE_LOCALE)]


def _match(tag: str, shipped: list[str]) -> str | None:
    """The shipped locale for `tag`: exact ("zh-CN"), else by language alone ("zh" -> "zh-CN", "en-GB" -> "en")."""
    wanted = normalize(tag)
    if wanted is None:
        return None
    if wanted in shipped:
        return wanted
    language = wanted.partition("-")[0]
    return next((s for s in shipped if s.partition("-")[0] == language), None)


def choose_locale(
    shipped: list[str],
    *,
    option: str | None = None,
    environ: Mapping[str, str] | None = None,
    chosen_in_app: str | None = None,
) -> str:
    """The locale to speak, by the order above; UnknownLanguage for an unshipped --lang or $PAIN_COACH_LANG."""
    env = environ if environ is not None else {}
    for given in (option, env.get(LANG_ENV) or None):
        if given is not None:
            found = _match(given, shipped)
            if found is None:
                raise UnknownLanguage(given, shipped)
            return found
    if chosen_in_app:
        found = _match(chosen_in_app, shipped)
        if found is not None:  # a language since removed from the content: fall through to the system's
            return found
    for name in SYSTEM_ENVS:
        value = env.get(name)
        if value:
            return _match(value, shipped) or BASE_LOCALE
    return BASE_LOCALE


def settings_language(data_dir: Path) -> str | None:
    """The language chosen in the app (settings.json "language"), read without the record models; None if none."""
    import json

    try:
        data = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    language = data.get("language") if isinstance(data, dict) else None
    return language if isinstance(language, str) else None
