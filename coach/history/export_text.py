"""The JSON and CSV exports' text, made from the records as stored: each record's JSON dict, as
`Record.to_json()` gives it. Both ways of exporting use these, the records' models (coach.history.export) and
the history's own JSON where it is known to be exactly that (coach.history.plain_export), so the two cannot
drift apart. No pydantic: `pain-coach export` of a small history is mostly the cost of its imports.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any, TypeVar

from coach.content.content import Content
from coach.history.record_words import routine_name_of, week_label
from coach.shown import visible

_T = TypeVar("_T")
EXPORT_FORMAT = "pain-coach"
SCHEMA = 2  # records.SCHEMA_VERSION (tests/test_plain_export.py checks)


# --- JSON ------------------------------------------------------------------------------------------


def json_chunks(docs: Iterable[dict[str, Any]], now: datetime) -> Iterator[str]:
    """The JSON export piece by piece, a record at a time; joined, it is json.dumps(indent=2) of the whole."""
    exported_at = json.dumps(now.isoformat(), ensure_ascii=False)
    head = f'{{\n  "format": "{EXPORT_FORMAT}",\n  "schema": {SCHEMA},\n  "exported_at": {exported_at},\n'
    yield _json_safe(head + '  "records": [')
    empty = True
    for doc in docs:
        body = json.dumps(doc, indent=2, ensure_ascii=False).replace("\n", "\n    ")
        yield _json_safe(("\n    " if empty else ",\n    ") + body)  # JSON text has newlines only between its tokens
        empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"


# Characters json.dumps leaves raw with ensure_ascii=False: DEL and C1 (a terminal may obey them when the export
# is printed) and lone surrogates (not encodable as UTF-8). Outside strings JSON has none of them, so each can be
# written as its \u escape: the file still reads back exactly as stored.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff]")


def _json_safe(body: str) -> str:
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", body)


# --- CSV -------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "kind", "at", "gestation_days", "week", "pain", "note",
    "level", "flags", "pattern", "pain_worst", "function_score", "answers",
    "routine_id", "routine_name", "ended_at", "active_seconds", "paused_seconds", "steps_done", "steps_total",
    "pain_before", "pain_after", "feeling", "stopped_early", "stop_reason",
    "where", "side", "activity",
]  # fmt: skip
CSV_BATCH = 500  # rows written at a time


def csv_row(content: Content, doc: dict[str, Any]) -> list[Any]:
    """Cells in CSV_COLUMNS order from a record's JSON; the csv module writes None as an empty cell."""
    data = dict(doc)
    kind = data.get("kind")
    data["week"] = week_label(content, data.get("gestation_days"))
    data["pain"] = data["pain"] if kind == "flare" else data["pain_now"] if kind == "checkin" else None
    if kind == "routine":  # drawn from content: the record keeps the id
        data["routine_name"] = routine_name_of(content, data["routine_id"], data["fallback_name"])
    for column in ("flags", "where"):
        if column in data:
            data[column] = "; ".join(data[column])
    if "answers" in data:
        data["answers"] = json.dumps(data["answers"], ensure_ascii=False, sort_keys=True)
    if "stopped_early" in data:
        data["stopped_early"] = "yes" if data["stopped_early"] else "no"
    return [csv_cell(data.get(column)) for column in CSV_COLUMNS]


# A cell a spreadsheet would run as a formula (=, +, -, @; tab and CR too, which some read past): OWASP's rule,
# a leading ' makes it text. Numbers stay numbers; text has its control characters shown.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    return "'" + visible(value) if value.startswith(_FORMULA_START) else visible(value)


def csv_chunks(content: Content, docs: Iterable[dict[str, Any]]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for batch in _batches(docs, CSV_BATCH):
        writer.writerows(csv_row(content, doc) for doc in batch)
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch
