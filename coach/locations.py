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


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the history lives: --data-dir, else $PAIN_COACH_DATA_DIR, else the platform's user data dir."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_data_path("pain-coach")


def config_dir() -> Path:
    """Where a person's own content (custom routines) lives."""
    env = os.environ.get(CONFIG_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_config_path("pain-coach")


def cache_dir() -> Path:
    """Where pain-coach keeps what it can always rebuild (the parsed words of the content files)."""
    env = os.environ.get(CACHE_DIR_ENV)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return platformdirs.user_cache_path("pain-coach")
