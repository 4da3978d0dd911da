"""`pain-coach check-content [DIR]`: validate a content folder."""

from __future__ import annotations

import argparse
from pathlib import Path

from coach.content.words import text


def add_parser(sub) -> str:
    p = sub.add_parser("check-content", help=text("cli.check_content_help"))
    p.add_argument("folder", nargs="?", metavar="DIR", help=text("cli.check_content_dir_help"))
    return "check-content"


def run(args: argparse.Namespace) -> int:
    from coach.content.models import Content, ContentError, load_content

    folder = Path(args.folder) if args.folder else None
    try:
        load_content(folder)
    except ContentError as exc:
        from coach.cli import print_problems

        print_problems(exc.problems, limit=50)
        return 2
    from coach.locations import content_dir

    files = len(Content.model_fields) - 1
    print(text("cli.check_content_ok", folder=folder or content_dir(), files=files))
    return 0
