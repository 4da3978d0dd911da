"""`pain-coach check-content [DIR]`: validate a content folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from coach.content.content import Content
from coach.content.loader import FILES, ContentError

if TYPE_CHECKING:
    from coach.cli import SubParsers


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("check-content", help=content.text("cli.check_content_help"))
    p.add_argument("folder", nargs="?", metavar="DIR", help=content.text("cli.check_content_dir_help"))
    return "check-content"


def run(args: argparse.Namespace, content: Content) -> int:
    folder = Path(args.folder) if args.folder else None
    checked = Content.load(content.locale, folder) if folder else content
    try:
        checked.check()
    except ContentError as exc:
        from coach.cli import print_problems

        print_problems(content, exc.problems, limit=50)
        return 2
    print(content.text("cli.check_content_ok", folder=checked.folder, files=len(FILES)))
    return 0
