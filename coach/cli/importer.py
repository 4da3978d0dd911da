"""`pain-coach import FILE.json`: restore a JSON export. Records already present (same id) are skipped;
a file with any problem is refused whole, and nothing is written."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from coach.cli import UsageError, open_store, report_problems, user_file

if TYPE_CHECKING:
    from coach.cli import SubParsers
    from coach.content.content import Content
    from coach.history.records import Record


def add_parser(sub: SubParsers, content: Content) -> str:
    p = sub.add_parser("import", help=content.text("cli.import_help"), description=content.text("cli.import_help"))
    p.add_argument("file", metavar="FILE.json", help=content.text("cli.import_file_help"))
    return "import"


def read_export(content: Content, path: Path) -> list[Record]:
    """The records of an export file, all validated; raises UsageError naming the first problem."""
    from pydantic import ValidationError

    from coach.history.export import EXPORT_FORMAT
    from coach.history.records import SCHEMA_VERSION, parse_record

    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(content.text("errors.import_missing", path=path)) from None
    except OSError as exc:
        raise UsageError(content.text("errors.import_unreadable", path=path, reason=exc.strerror or exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(content.text("errors.import_not_json", path=path, reason=exc.__class__.__name__)) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not isinstance(data.get("records"), list):
        raise UsageError(content.text("errors.import_not_export", path=path))
    schema = data.get("schema")
    if not isinstance(schema, int) or schema > SCHEMA_VERSION:
        raise UsageError(content.text("errors.import_newer", path=path, schema=schema))
    records: list[Record] = []
    seen: set[str] = set()
    for index, item in enumerate(data["records"], start=1):
        try:
            record = parse_record(item)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            raise UsageError(
                content.text("errors.import_bad_record", path=path, index=index, reason=f"{where}: {error['msg']}")
            ) from None
        if record.id in seen:
            raise UsageError(content.text("errors.import_duplicate", path=path, index=index))
        seen.add(record.id)
        records.append(record)
    return records


def run(args: argparse.Namespace, content: Content) -> int:
    path = user_file(args.file, content)
    records = read_export(content, path)
    store = open_store(args, content)
    added, skipped = store.add_new(records)  # ids checked and records written under one lock, all or none
    report_problems(store)
    print(content.text("import.done", added=added, skipped=skipped, path=path))
    return 0
