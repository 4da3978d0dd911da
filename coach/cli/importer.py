"""`pain-coach import FILE.json`: restore a JSON export. Records already present (same id) are skipped;
a file with any problem is refused whole, and nothing is written."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from coach.cli import MB, UsageError, open_store, read_limited, report_problems, user_file

EXPORT_LIMIT = 256 * MB  # years of daily entries are a few MB

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

    from coach.cli.record_ids import known_line, unknown_id
    from coach.history.export_text import EXPORT_FORMAT
    from coach.history.records import SCHEMA_VERSION, parse_record
    from coach.routines.custom import load_custom_routines
    from coach.shown import clip

    try:
        raw = read_limited(content, path, EXPORT_LIMIT, content.text("errors.what_export"), str(path))
    except FileNotFoundError:
        raise UsageError(content.text("errors.import_missing", path=path)) from None
    except OSError as exc:
        raise UsageError(content.text("errors.import_unreadable", path=path, reason=exc.strerror or exc)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        json.dumps(data, ensure_ascii=False).encode("utf-8")  # a lone surrogate ("\udcff") could never be saved
    except RecursionError:
        raise UsageError(content.text("errors.too_deep", path=path, reason="JSON")) from None
    except (UnicodeError, ValueError) as exc:  # not UTF-8, not JSON, an integer over 4300 digits
        raise UsageError(content.text("errors.import_not_json", path=path, reason=exc.__class__.__name__)) from None
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT or not isinstance(data.get("records"), list):
        raise UsageError(content.text("errors.import_not_export", path=path))
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise UsageError(content.text("errors.import_no_schema", path=path))
    if schema > SCHEMA_VERSION:
        raise UsageError(content.text("errors.import_newer", path=path, schema=schema))
    records: list[Record] = []
    seen: set[str] = set()
    own_routines = {r.id for r in load_custom_routines(content)[0]}
    for index, item in enumerate(data["records"], start=1):
        try:
            record = parse_record(item)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"])
            raise UsageError(
                content.text("errors.import_bad_record", path=path, index=index, reason=f"{where}: {error['msg']}")
            ) from None
        unknown = unknown_id(content, record, own_routines)
        if unknown:
            field, value, known = unknown
            raise UsageError(
                content.text(
                    "errors.import_unknown_id", path=path, index=index, id=clip(record.id), field=field,
                    value=clip(value), known=known_line(known),
                )
            )  # fmt: skip
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
