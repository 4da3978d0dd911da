"""`pain-coach export`: the history as JSON, CSV or a Markdown report, to stdout or a file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from coach.cli import UsageError, open_store, report_problems, user_file

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("export", help=content.text("cli.export_help"), description=content.text("cli.export_help"))
    p.add_argument(
        "--format", default="json", metavar="FORMAT", help=content.text("cli.export_format_help") + ": json, csv, md"
    )
    p.add_argument("--since", metavar="WHEN", help=content.text("cli.export_since_help"))
    p.add_argument("--until", metavar="DATE", help=content.text("cli.export_until_help"))
    p.add_argument("-o", "--output", metavar="FILE", help=content.text("cli.export_output_help"))
    p.add_argument("--force", action="store_true", help=content.text("cli.export_force_help"))
    return "export"


def run(args: argparse.Namespace, content: Content) -> int:
    from datetime import datetime

    from coach.history import export

    if args.format not in export.FORMATS:
        raise UsageError(
            content.text("errors.bad_choice", what="--format", valid=", ".join(export.FORMATS), value=args.format)
        )
    now = datetime.now().astimezone()
    try:
        since, until = export.parse_range(content, args.since, args.until, now)
    except export.WhenError as exc:
        raise UsageError(str(exc)) from None
    path = user_file(args.output, content) if args.output else None
    if path is not None:
        check_target(content, path, args.force)
    store = open_store(args, content)
    records = store.query(since=since, until=until)
    report_problems(store)
    body = export.render(content, args.format, records, now)
    if path is None:
        sys.stdout.write(body)
        return 0
    try:
        export.write_file(path, body, force=args.force)
    except FileExistsError:
        raise UsageError(content.text("errors.file_exists", path=path)) from None
    except OSError as exc:
        from coach.history.store import StoreError, os_problem

        raise StoreError(os_problem(content, exc, path, export=True)) from exc
    print(content.text("cli.export_written", count=len(records), path=path), file=sys.stderr)
    return 0


def check_target(content: Content, path: Path, force: bool) -> None:
    """Refuse early, before reading the history, when the file cannot be written as asked."""
    if path.exists() and not force:
        raise UsageError(content.text("errors.file_exists", path=path))
    if not path.parent.is_dir():
        from coach.history.store import StoreError  # a file-system problem, not bad usage: exit status 1

        raise StoreError(content.text("export.no_folder", folder=path.parent))
