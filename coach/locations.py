"""Every path pain-coach touches, in one place."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "PAIN_COACH_DATA_DIR"
CONFIG_DIR_ENV = "PAIN_COACH_CONFIG_DIR"
CACHE_DIR_ENV = "PAIN_COACH_CACHE_DIR"

_PACKAGE = Path(__file__).resolve().parent


def content_dir() -> Path:
    """The packaged content: inside the wheel, or the source checkout's content/."""
    bundled = _PACKAGE / "_content"
    return bundled if bundled.is_dir() else _PACKAGE.parent / "content"


class NoHomeError(Exception):
    """No home folder to keep the history in (HOME unset and none in the user database): ui.toml errors.no_home."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the history lives: --data-dir, else $PAIN_COACH_DATA_DIR, else the platform's user data dir.

    Raises NoHomeError when there is no home folder to put it in.
    """
    found = _user_path(override or os.environ.get(DATA_DIR_ENV), "user_data_path")
    if found is None:
        raise NoHomeError
    return found


def config_dir() -> Path | None:
    """Where a person's own content (custom routines) lives; None when there is no home folder."""
    return _user_path(os.environ.get(CONFIG_DIR_ENV), "user_config_path")


def config_file() -> Path | None:
    """A person's settings (coach.config: their own keys); None when there is no home folder."""
    folder = config_dir()
    return folder / "config.toml" if folder else None


def _user_path(given: str | os.PathLike[str] | None, platform_path: str) -> Path | None:
    # Without a home, "~" cannot be expanded: Path.expanduser and platformdirs raise RuntimeError (older
    # platformdirs return "~/..." unexpanded, which would quietly make a "~" folder wherever we were started).
    try:
        if given:
            path = Path(given).expanduser()
        else:
            import platformdirs

            path = getattr(platformdirs, platform_path)("pain-coach")
    except RuntimeError:
        return None
    return None if str(path).startswith("~") else path


def cache_dir() -> Path | None:
    """Where pain-coach keeps what it can always rebuild (the parsed words of the content files)."""
    return _user_path(os.environ.get(CACHE_DIR_ENV), "user_cache_path")
