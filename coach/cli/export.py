"""`pain-coach export`: the history as JSON, CSV or a Markdown or HTML report, to stdout or a file. JSON and CSV
are made without the records' models where the history allows (coach.history.plain_export)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from coach.cli import UsageError, open_store, report_problems, user_file

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content
    from coach.history.export_file import ExportError
    from coach.history.store import Store


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("export", help=content.text("cli.export_help"), description=content.text("cli.export_help"))
    p.add_argument(
        "--format",
        default="json",
        metavar="FORMAT",
        help=content.text("cli.export_format_help") + ": json, csv, md, html",
    )
    p.add_argument("--since", metavar="WHEN", help=content.text("cli.export_since_help"))
    p.add_argument("--until", metavar="DATE", help=content.text("cli.export_until_help"))
    p.add_argument("-o", "--output", metavar="FILE", help=content.text("cli.export_output_help"))
    p.add_argument("--force", action="store_true", help=content.text("cli.export_force_help"))
    return "export"


def run(args: argparse.Namespace, content: Content) -> int:
    from coach.history import export_file, plain_export
    from coach.history.export_range import WhenError, parse_range
    from coach.history.local_time import local_now

    try:
        export_file.check_format(content, args.format)
        now = local_now()  # with the zone's rules, so a day in summer starts at its summer midnight
        since, until = parse_range(content, args.since, args.until, now)
        path = user_file(args.output, content) if args.output and args.output != "-" else None  # "-" is stdout
        if path is not None:
            export_file.check_target(content, path, args.force)  # before the history is read
    except WhenError as exc:
        raise UsageError(str(exc)) from None
    except export_file.ExportError as exc:
        raise _cli_error(content, exc) from None
    store = open_store(args, content)
    if args.data_dir and not store.root.exists():  # a mistyped --data-dir: an empty export would look like a backup
        raise UsageError(content.text("errors.no_history_folder", folder=store.root))
    how = {"since": since, "until": until, "path": path, "force": args.force, "on_read": _after_read}
    try:
        done = plain_export.try_export(content, store, args.format, now, **how)
        if done is None:  # the history needs the records' models (or the format does)
            from coach.history import export

            done = export.export_history(content, store, args.format, now, **how)
    except export_file.ExportError as exc:
        raise _cli_error(content, exc) from None
    if path is None:
        return 0  # printed
    print(content.text("cli.export_written", count=done.count, path=path), file=sys.stderr)
    return 0


def _after_read(store: Store) -> None:
    store.problems[:] = [p for p in store.problems if not p.read_error]
    report_problems(store)
    store.refuse_unread_months()  # a backup that silently lacks a month is worse than none


def _cli_error(content: Content, exc: ExportError) -> Exception:
    from coach.history.store import StoreError

    if exc.reason == "exists":
        return UsageError(content.text("errors.file_exists", path=exc.path))
    if exc.reason in ("format", "not_a_file"):
        return UsageError(str(exc))
    return StoreError(str(exc))  # a file-system problem, not bad usage: exit status 1
