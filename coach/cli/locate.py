"""`pain-coach locate`: where the settings (config.toml), the history, its saved sums and the cache are, one per
line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content


def add_parser(sub: SubParsers, content: Content) -> str:
    sub.add_parser("locate", help=content.text("locate.help"), description=content.text("locate.help"))
    return "locate"


def _shown(content: Content, path: Path | None) -> str:
    return str(path.absolute()) if path is not None else content.text("locate.none")


def run(args: argparse.Namespace, content: Content) -> int:
    from coach.history.sums_files import FOLDER
    from coach.locations import NoHomeError, cache_dir, config_dir, config_file, data_dir

    settings = config_file()
    print(content.text("locate.config", path=_shown(content, config_dir())))
    missing = settings is not None and not settings.is_file()
    print(
        content.text("locate.config_file_missing" if missing else "locate.config_file", path=_shown(content, settings))
    )
    try:
        data: Path | None = data_dir(args.data_dir)
    except NoHomeError:
        data = None  # no home folder and no --data-dir: said on the line, as for the others
    print(content.text("locate.data", path=_shown(content, data)))
    sums = data / FOLDER if data is not None else None  # rebuilt from the history, so worth saying it may go
    print(content.text("locate.sums" if sums else "locate.sums_none", path=_shown(content, sums)))
    print(content.text("locate.cache", path=_shown(content, cache_dir())))
    return 0
