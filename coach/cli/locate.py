"""`pain-coach locate`: where the settings (config.toml), the history and the cache are, one per line."""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.content.words import text


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> str:
    sub.add_parser("locate", help=text("locate.help"), description=text("locate.help"))
    return "locate"


def _shown(path: Path | None) -> str:
    return str(path.absolute()) if path is not None else text("locate.none")


def run(args: argparse.Namespace) -> int:
    from coach.locations import cache_dir, config_dir, config_file, data_dir

    settings = config_file()
    print(text("locate.config", path=_shown(config_dir())))
    missing = settings is not None and not settings.is_file()
    print(text("locate.config_file_missing" if missing else "locate.config_file", path=_shown(settings)))
    try:
        data: Path | None = data_dir(args.data_dir)
    except Exception as exc:
        from coach.history.store import StoreError  # only then: the history's models are not needed here

        if not isinstance(exc, StoreError):
            raise
        data = None  # no home folder and no --data-dir: said on the line, as for the others
    print(text("locate.data", path=_shown(data)))
    print(text("locate.cache", path=_shown(cache_dir())))
    return 0
