"""History -> JSON (re-importable), CSV (one row per record) or a Markdown report; --since/--until parsing;
writing a file so that it is whole or absent; `export_history` is the whole export, for the command and the
export dialog alike. No textual."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

from coach.atomic_file import write_atomic
from coach.content.words import text
from coach.history import insights
from coach.history.record_text import (
    day_start,
    flag_label,
    flags_label,
    kind_label,
    level_label,
    routine_name,
    week_label,
)
from coach.history.records import SCHEMA_VERSION, CheckIn, FlareLog, Record, RoutineSession
from coach.history.store import Store, os_problem

_T = TypeVar("_T")
FORMATS = ("json", "csv", "md")
EXTENSIONS = {"json": "json", "csv": "csv", "md": "md"}
EXPORT_FORMAT = "pain-coach"


class WhenError(ValueError):
    """A --since/--until value that is neither a period nor a date; str() is the message to show."""


# --- --since / --until ------------------------------------------------------------------------------

_PERIOD = re.compile(r"^(\d{1,5})\s*([dw])$", re.IGNORECASE)


def parse_day(value: str, today: date, what: str) -> date:
    """'30d' (today and the 29 days before), '4w' (28 days), or an ISO date '2026-10-01'."""
    cleaned = value.strip()
    match = _PERIOD.match(cleaned)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)
        if days < 1:
            raise WhenError(text("errors.bad_when", what=what, value=value))
        return today - timedelta(days=days - 1)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise WhenError(text("errors.bad_when", what=what, value=value)) from None


def parse_range(since: str | None, until: str | None, now: datetime) -> tuple[datetime | None, datetime | None]:
    """[start, end) in the local timezone of `now`; `until` includes its whole day."""
    start = day_start(parse_day(since, now.date(), "--since"), now.tzinfo) if since else None
    end = None
    if until:
        last = parse_day(until, now.date(), "--until")
        end = day_start(last + timedelta(days=1), now.tzinfo)
    if start and end and end <= start:
        raise WhenError(text("errors.until_before_since", since=since, until=until))
    return start, end


# --- JSON ------------------------------------------------------------------------------------------


def to_json(records: list[Record], now: datetime) -> str:
    body = {
        "format": EXPORT_FORMAT,
        "schema": SCHEMA_VERSION,
        "exported_at": now.isoformat(),
        "records": [r.to_json() for r in records],
    }
    return json.dumps(body, indent=2, ensure_ascii=False) + "\n"


# --- CSV -------------------------------------------------------------------------------------------

CSV_COLUMNS = [
    "id", "kind", "at", "gestation_days", "week", "pain", "note",
    "level", "flags", "pattern", "pain_worst", "answers",
    "routine_id", "routine_name", "ended_at", "active_seconds", "paused_seconds", "steps_done", "steps_total",
    "pain_before", "pain_after", "feeling", "stopped_early", "stop_reason",
    "where", "side", "activity",
]  # fmt: skip


def csv_row(record: Record) -> list[Any]:
    """Cells in CSV_COLUMNS order; the csv module writes None as an empty cell."""
    data = record.to_json()
    data["week"] = week_label(record.gestation_days)
    data["pain"] = (
        record.pain if isinstance(record, FlareLog) else record.pain_now if isinstance(record, CheckIn) else None
    )
    if isinstance(record, RoutineSession):
        data["routine_name"] = routine_name(record)  # drawn from content: the record keeps the id
    for column in ("flags", "where"):
        if column in data:
            data[column] = "; ".join(data[column])
    if "answers" in data:
        data["answers"] = json.dumps(data["answers"], ensure_ascii=False, sort_keys=True)
    if "stopped_early" in data:
        data["stopped_early"] = "yes" if data["stopped_early"] else "no"
    return [data.get(column) for column in CSV_COLUMNS]


def to_csv(records: list[Record]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_row(r) for r in records)
    return out.getvalue()


# --- Markdown report -------------------------------------------------------------------------------


def _date(at: datetime, now: datetime) -> str:
    return at.astimezone(now.tzinfo).strftime("%Y-%m-%d")


def _table_cell(value: str) -> str:
    return value.replace("|", "/").replace("\n", " ")


LIST_LIMIT = 20  # lists in the report show the latest this many, so it stays a two-minute read
WEEKS_LIMIT = 26


def _latest(items: list[_T], limit: int, what: str) -> tuple[list[_T], list[str]]:
    """The last `limit` items (oldest first) and, if some were left out, a line saying so."""
    if len(items) <= limit:
        return items, []
    return items[-limit:], ["", text("report.only_latest", shown=limit, count=len(items), what=what)]


def to_markdown(records: list[Record], now: datetime) -> str:
    """A report a midwife or physio can read in two minutes; oldest first within each section."""
    oldest_first = sorted(records, key=lambda r: r.at)
    checkins = [r for r in oldest_first if isinstance(r, CheckIn)]
    sessions = [r for r in oldest_first if isinstance(r, RoutineSession)]
    flares = [r for r in oldest_first if isinstance(r, FlareLog)]
    lines = [f"# {text('report.title')}", "", text("report.made", date=now.strftime("%Y-%m-%d")), ""]
    if not records:
        return "\n".join(lines + [text("report.empty"), ""])
    lines.append(
        "- " + text("report.dates", first=_date(oldest_first[0].at, now), last=_date(oldest_first[-1].at, now))
    )
    weeks = [r.gestation_days for r in oldest_first if r.gestation_days is not None]
    if weeks:
        lines.append("- " + text("report.weeks", first=week_label(weeks[0]), last=week_label(weeks[-1])))
    else:
        lines.append("- " + text("report.weeks_unknown"))
    lines.append("- " + text("report.counts", checkins=len(checkins), routines=len(sessions), flares=len(flares)))
    if flares:
        pains = [f.pain for f in flares]
        lines.append(
            "- " + text("report.flares_line", count=len(flares), average=sum(pains) / len(pains), worst=max(pains))
        )
    lines += ["", f"## {text('report.red_flags_title')}", ""] + _red_flags(checkins, now)
    lines += ["", f"## {text('report.weekly_title')}", ""] + _weekly_table(oldest_first, now)
    lines += ["", f"## {text('report.routines_title')}", ""] + _routines_table(sessions)
    lines += ["", f"## {text('report.checkins_title')}", ""] + _checkins(checkins, now)
    lines += ["", f"## {text('report.notes_title')}", ""] + _notes(oldest_first, now)
    return "\n".join(lines) + "\n"


def _red_flags(checkins: list[CheckIn], now: datetime) -> list[str]:
    flagged = [c for c in checkins if c.flags]
    if not flagged:
        return [text("report.red_flags_none")]
    last_seen: dict[str, tuple[int, datetime]] = {}
    for c in flagged:
        for flag in c.flags:
            count, _ = last_seen.get(flag, (0, c.at))
            last_seen[flag] = (count + 1, c.at)
    lines = [
        text("report.red_flag_count", flag=flag_label(flag), count=count, last=_date(last, now))
        for flag, (count, last) in sorted(last_seen.items(), key=lambda item: (-item[1][0], item[0]))
    ]
    shown, note = _latest(flagged, LIST_LIMIT, text("report.what_red_flags"))
    lines += ["", text("report.red_flags_dates"), ""]
    for c in shown:
        lines.append(
            text("report.red_flag_line", date=_date(c.at, now), week=week_label(c.gestation_days) or "-",
                 flags=flags_label(c.flags), level=level_label(c.level))
        )  # fmt: skip
    return lines + note


def _checkins(checkins: list[CheckIn], now: datetime) -> list[str]:
    if not checkins:
        return [text("report.checkins_none")]
    levels: dict[str, int] = defaultdict(int)
    for c in checkins:
        levels[level_label(c.level)] += 1
    lines = [
        text(
            "report.levels", levels=", ".join(f"{name} {n}" for name, n in sorted(levels.items(), key=lambda i: -i[1]))
        ),
        "",
    ]
    shown, note = _latest(checkins, LIST_LIMIT, text("report.what_checkins"))
    lines += [text("report.checkins_head"), "|---|---|---|---|---|"]
    for c in shown:
        cells = [_date(c.at, now), week_label(c.gestation_days) or "-", str(c.pain_now), level_label(c.level),
                 flags_label(c.flags) or "-"]  # fmt: skip
        lines.append("| " + " | ".join(_table_cell(x) for x in cells) + " |")
    return lines + note


def _notes(records: list[Record], now: datetime) -> list[str]:
    noted = [r for r in records if r.note.strip()]
    if not noted:
        return [text("report.notes_none")]
    shown, note = _latest(noted, LIST_LIMIT, text("report.what_notes"))
    lines = [
        text("report.note_line", date=_date(r.at, now), kind=kind_label(r.kind), note=" ".join(r.note.split()))
        for r in shown
    ]
    return lines + note


def _weekly_table(records: list[Record], now: datetime) -> list[str]:
    by_week: dict[date, list[float]] = defaultdict(list)
    worst: dict[date, int] = {}
    for day in insights.daily_pain(records, date.min, date.max, now.tzinfo):
        monday = day.day - timedelta(days=day.day.weekday())
        by_week[monday].extend([day.average] * day.readings)
        worst[monday] = max(worst.get(monday, 0), day.worst)
    if not by_week:
        return [text("report.weekly_none")]
    mondays, note = _latest(sorted(by_week), WEEKS_LIMIT, text("report.what_weeks"))
    lines = [text("report.weekly_head"), "|---|---|---|---|"]
    for monday in mondays:
        values = by_week[monday]
        lines.append(f"| {monday:%Y-%m-%d} | {len(values)} | {sum(values) / len(values):.1f} | {worst[monday]} |")
    return lines + note


def _routines_table(sessions: list[RoutineSession]) -> list[str]:
    if not sessions:
        return [text("report.routines_none")]
    grouped: dict[str, list[RoutineSession]] = defaultdict(list)
    for s in sessions:
        grouped[s.routine_id].append(s)
    lines = [text("report.routines_head"), "|---|---|---|---|"]
    for routine_id, group in sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0])):
        changes = [c for c in (insights.pain_change(s) for s in group) if c is not None]
        if changes:
            change = f"{sum(changes) / len(changes):+.1f}"
            helped = f"{sum(1 for c in changes if c > 0)} / {len(changes)}"
        else:
            change = helped = text("report.routines_unmeasured")
        lines.append(f"| {_table_cell(routine_name(group[-1]))} | {len(group)} | {change} | {helped} |")
    return lines


def render(fmt: str, records: list[Record], now: datetime) -> str:
    if fmt == "json":
        return to_json(records, now)
    if fmt == "csv":
        return to_csv(records)
    return to_markdown(records, now)


def default_path(fmt: str, today: date) -> Path:
    return Path("~") / text("export.default_name", date=today.isoformat(), ext=EXTENSIONS[fmt])


# --- writing ---------------------------------------------------------------------------------------


def write_file(path: Path, body: str, force: bool = False) -> None:
    """Write `body` to `path` whole or not at all. Without `force` an existing file is left alone
    (FileExistsError), checked at the moment of linking so nothing can slip in between."""
    write_atomic(path, body, replace=force)


# --- the export, as `pain-coach export` and the history screen's export dialog both do it --------------


class ExportError(Exception):
    """Why an export was not written. `reason`: "format" or "exists" (the person asked for something that
    cannot be done as asked), "no_folder" or "os" (the file system); str() is the message to show. For
    "exists" each caller says how to replace the file in its own way (--force, a checkbox)."""

    def __init__(self, reason: str, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


@dataclass(frozen=True)
class Exported:
    count: int  # records exported
    body: str  # the file's text (to print, when there is no path)
    path: Path | None


def check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError("format", text("errors.bad_choice", what="--format", valid=", ".join(FORMATS), value=fmt))


def check_target(path: Path, force: bool) -> bool:
    """Refuse early, before reading the history, when the file cannot be written as asked. True: `path` is a
    device or a pipe (/dev/null, a FIFO), to be written into, never replaced by a file."""
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ExportError("os", os_problem(exc, path, export=True), path) from exc
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return True
    if mode is not None and not stat.S_ISREG(mode):
        raise ExportError("not_a_file", text("errors.not_a_file", path=path), path)
    if mode is not None and not force:
        raise ExportError("exists", str(path), path)
    if not path.parent.is_dir():
        raise ExportError("no_folder", text("export.no_folder", folder=path.parent), path)
    return False


def write_into(path: Path, body: str) -> None:
    """Write into a device or a pipe where it is: it is not a file to replace."""
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    if not (stat.S_ISCHR(os.fstat(fd).st_mode) or stat.S_ISFIFO(os.fstat(fd).st_mode)):
        os.close(fd)  # swapped for something else since the check: leave it alone
        raise FileExistsError(path)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        fh.write(body)


def export_history(
    store: Store,
    fmt: str,
    now: datetime,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    path: Path | None = None,
    force: bool = False,
    on_read: Callable[[Store], None] | None = None,
) -> Exported:
    """Pick the format, take the records in [since, until), render them and write `path` whole (or, with no
    path, return the text to print). `on_read` runs once the history is read, before anything is written
    (the command reports problems there and refuses a history missing a month). Raises ExportError; nothing
    is written then."""
    check_format(fmt)
    into = check_target(path, force) if path is not None else False
    records = store.query(since=since, until=until)
    if on_read is not None:
        on_read(store)
    body = render(fmt, records, now)
    if path is not None:
        try:
            if into:
                write_into(path, body)
            else:
                write_file(path, body, force=force)
        except FileExistsError:
            raise ExportError("exists", str(path), path) from None
        except OSError as exc:
            raise ExportError("os", os_problem(exc, path, export=True), path) from exc
    return Exported(len(records), body, path)


def filter_records(records: Iterable[Record], start: datetime | None, end: datetime | None) -> list[Record]:
    return [r for r in records if (start is None or r.at >= start) and (end is None or r.at < end)]
