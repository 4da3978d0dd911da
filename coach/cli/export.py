"""`pain-coach export`: the history as JSON, CSV or a Markdown report, to stdout or a file."""

from __future__ import annotations

import argparse
import os
import stat
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
    from coach.history import export
    from coach.history.local_time import local_now

    if args.format not in export.FORMATS:
        raise UsageError(
            content.text("errors.bad_choice", what="--format", valid=", ".join(export.FORMATS), value=args.format)
        )
    now = local_now()  # with the zone's rules, so a day in summer starts at its summer midnight
    try:
        since, until = export.parse_range(content, args.since, args.until, now)
    except export.WhenError as exc:
        raise UsageError(str(exc)) from None
    path = (
        user_file(args.output, content) if args.output and args.output != "-" else None
    )  # "-" is stdout, as elsewhere
    into = check_target(content, path, args.force) if path is not None else False
    store = open_store(args, content)
    records = store.query(since=since, until=until)
    store.problems[:] = [p for p in store.problems if not p.read_error]
    report_problems(store)
    store.refuse_unread_months()  # a backup that silently lacks a month is worse than none
    body = export.render(content, args.format, records, now)
    if path is None:
        sys.stdout.write(body)
        return 0
    try:
        if into:
            write_into(path, body)
        else:
            export.write_file(path, body, force=args.force)
    except FileExistsError:
        raise UsageError(content.text("errors.file_exists", path=path)) from None
    except OSError as exc:
        from coach.history.store import StoreError, os_problem

        raise StoreError(os_problem(content, exc, path, export=True)) from exc
    print(content.text("cli.export_written", count=len(records), path=path), file=sys.stderr)
    return 0


def check_target(content: Content, path: Path, force: bool) -> bool:
    """Refuse early, before reading the history, when the file cannot be written as asked. True: `path` is a
    device or a pipe (/dev/null, a FIFO), to be written into, never replaced by a file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        from coach.history.store import StoreError, os_problem

        raise StoreError(os_problem(content, exc, path, export=True)) from exc
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return True
    if mode is not None and not stat.S_ISREG(mode):
        raise UsageError(content.text("errors.not_a_file", path=path))
    if mode is not None and not force:
        raise UsageError(content.text("errors.file_exists", path=path))
    if not path.parent.is_dir():
        from coach.history.store import StoreError  # a file-system problem, not bad usage: exit status 1

        raise StoreError(content.text("export.no_folder", folder=path.parent))
    return False


def write_into(path: Path, body: str) -> None:
    """Write into a device or a pipe where it is: it is not a file to replace."""
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    if not (stat.S_ISCHR(os.fstat(fd).st_mode) or stat.S_ISFIFO(os.fstat(fd).st_mode)):
        os.close(fd)  # swapped for something else since the check: leave it alone
        raise FileExistsError(path)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(body)
