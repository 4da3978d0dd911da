"""`pain-coach export`: the history to stdout or a file."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from coach.cli import UsageError, open_store, report_problems
from coach.content import text

FORMATS = ["json"]


def add_parser(sub) -> str:
    p = sub.add_parser("export", help=text("cli.export_help"), description=text("cli.export_help"))
    p.add_argument("--format", default="json", metavar="FORMAT", help=text("cli.export_format_help"))
    p.add_argument("-o", "--output", metavar="FILE", help=text("cli.export_output_help"))
    p.add_argument("--force", action="store_true", help=text("cli.export_force_help"))
    return "export"


def run(args: argparse.Namespace) -> int:
    if args.format not in FORMATS:
        raise UsageError(text("errors.bad_choice", what="--format", valid=", ".join(FORMATS), value=args.format))
    store = open_store(args)
    records = store.all()
    report_problems(store)
    body = json.dumps({"format": "pain-coach", "schema": 1, "records": [r.to_json() for r in records]}, indent=2)
    if not args.output:
        sys.stdout.write(body + "\n")
        return 0
    path = Path(args.output).expanduser()
    if path.exists() and not args.force:
        raise UsageError(text("errors.file_exists", path=path))
    from coach.store import atomic_write

    try:
        atomic_write(path, body + "\n")
    except OSError as exc:
        from coach.store import StoreError, _os_message

        raise StoreError(_os_message(exc, path)) from exc
    print(text("cli.export_written", count=len(records), path=path), file=sys.stderr)
    return 0
