"""History -> JSON (re-importable), CSV (one row per record) or a Markdown report; --since/--until parsing;
writing a file so that it is whole or absent; `export_history` is the whole export, for the command and the
export dialog alike. No textual."""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import IO, Any, TextIO, TypeVar

from coach.atomic_file import atomic_writer, write_atomic
from coach.content.content import Content
from coach.content.ids import TRIGGER_QUESTION
from coach.history.function_weeks import meaningful_fall, percent_change
from coach.history.local_time import day_start
from coach.history.record_text import (
    flag_label,
    flags_label,
    kind_label,
    level_label,
    pattern_label,
    routine_name,
    stop_reason_label,
    trigger_label,
)
from coach.history.record_words import routine_name_of, week_label
from coach.history.records import SCHEMA_VERSION, CheckIn, FlareLog, Profile, Record, RoutineSession
from coach.history.report_sums import Latest, Limits, ReportSums
from coach.history.store import Store, os_problem
from coach.shown import clip, visible

_T = TypeVar("_T")
_R = TypeVar("_R", bound=Record)
FORMATS = ("json", "csv", "md", "html")
EXTENSIONS = {"json": "json", "csv": "csv", "md": "md", "html": "html"}
EXPORT_FORMAT = "pain-coach"


class WhenError(ValueError):
    """A --since/--until value that is neither a period nor a date; str() is the message to show."""


# --- --since / --until ------------------------------------------------------------------------------

_PERIOD = re.compile(r"^(\d{1,5})\s*([dw])$", re.IGNORECASE)


def parse_day(content: Content, value: str, today: date, what: str) -> date:
    """'30d' (today and the 29 days before), '4w' (28 days), or an ISO date '2026-10-01'."""
    cleaned = value.strip()
    match = _PERIOD.match(cleaned)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).lower() == "w" else 1)
        if days < 1:
            raise WhenError(content.text("errors.bad_when", what=what, value=clip(value)))
        try:
            return today - timedelta(days=days - 1)
        except OverflowError:  # 99999w: before year 1, so from the very start
            return date.min
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise WhenError(content.text("errors.bad_when", what=what, value=clip(value))) from None


def parse_range(
    content: Content, since: str | None, until: str | None, now: datetime
) -> tuple[datetime | None, datetime | None]:
    """[start, end) in the local timezone of `now`; `until` includes its whole day. An empty value is a
    mistake (`--since "$UNSET"`), not "no limit". A day at the edge of the calendar leaves that side open."""
    start = end = None
    if since is not None:
        start = day_start(parse_day(content, since, now.date(), "--since"), now.tzinfo)
    if until is not None:
        last = parse_day(content, until, now.date(), "--until")
        end = day_start(last + timedelta(days=1), now.tzinfo) if last < date.max else None
    if start and end and end <= start:
        raise WhenError(content.text("errors.until_before_since", since=clip(since), until=clip(until)))
    return start, end


# --- JSON ------------------------------------------------------------------------------------------


def to_json(records: Iterable[Record], now: datetime) -> str:
    return "".join(json_chunks(records, now))


def json_chunks(records: Iterable[Record], now: datetime) -> Iterator[str]:
    """The JSON export piece by piece, a record at a time; joined, it is json.dumps(indent=2) of the whole."""
    exported_at = json.dumps(now.isoformat(), ensure_ascii=False)
    head = f'{{\n  "format": "{EXPORT_FORMAT}",\n  "schema": {SCHEMA_VERSION},\n  "exported_at": {exported_at},\n'
    yield _json_safe(head + '  "records": [')
    empty = True
    for record in records:
        body = json.dumps(record.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n    ")
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


def csv_row(content: Content, record: Record) -> list[Any]:
    """Cells in CSV_COLUMNS order; the csv module writes None as an empty cell."""
    data = record.to_json()
    data["week"] = week_label(content, record.gestation_days)
    data["pain"] = (
        record.pain if isinstance(record, FlareLog) else record.pain_now if isinstance(record, CheckIn) else None
    )
    if isinstance(record, RoutineSession):
        data["routine_name"] = routine_name(content, record)  # drawn from content: the record keeps the id
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


def to_csv(content: Content, records: Iterable[Record]) -> str:
    return "".join(csv_chunks(content, records))


def csv_chunks(content: Content, records: Iterable[Record]) -> Iterator[str]:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for batch in _batches(records, CSV_BATCH):
        writer.writerows(csv_row(content, r) for r in batch)
        yield out.getvalue()
        out.seek(0)
        out.truncate()
    yield out.getvalue()


def _batches(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


# --- Markdown report -------------------------------------------------------------------------------


def _date(at: datetime, now: datetime) -> str:
    return at.astimezone(now.tzinfo).strftime("%Y-%m-%d")


# Someone's text in the report is text, never Markdown or HTML: a viewer that renders a note's <img src=...> would
# contact that server, and a | would break the table or [x](url) make a link.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|])")


def md_text(value: str) -> str:
    """User text for the Markdown report: one line, control characters shown, HTML and Markdown escaped."""
    one_line = " ".join(visible(value).split())
    escaped = one_line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", escaped)


def _table_cell(value: str) -> str:
    return md_text(value)


LIST_LIMIT = 20  # lists in the report show the latest this many, so it stays a two-minute read
WEEKS_LIMIT = 26
TOP_TRIGGERS = 5


def _latest(
    content: Content, items: list[_T], limit: int, what: str, count: int | None = None
) -> tuple[list[_T], list[str]]:
    """The last `limit` items (oldest first) and, if some were left out (of `count`), a line saying so."""
    count = len(items) if count is None else count
    if count <= limit:
        return items[-limit:], []
    return items[-limit:], ["", content.text("report.only_latest", shown=limit, count=count, what=what)]


def _shown(content: Content, latest: Latest[_R], what: str) -> tuple[list[_R], list[str]]:
    return _latest(content, latest.items(), latest.limit, what, latest.count)


def to_markdown(content: Content, records: Iterable[Record], now: datetime) -> str:
    """A report a midwife or physio can read in two minutes; oldest first within each section. The records are
    summed as they come (coach.history.report_sums), never held."""
    limits = Limits(checkins=LIST_LIMIT, flagged=LIST_LIMIT, clearances=LIST_LIMIT, notes=LIST_LIMIT)
    sums = ReportSums(now.tzinfo, limits).add_all(records)
    lines = [f"# {content.text('report.title')}", "", content.text("report.made", date=now.strftime("%Y-%m-%d")), ""]
    if sums.first is None or sums.last is None:
        return "\n".join([*lines, content.text("report.empty"), ""])
    lines.append("- " + content.text("report.dates", first=_date(sums.first, now), last=_date(sums.last, now)))
    if sums.first_known and sums.last_known:
        first, last = week_label(content, sums.first_known[1]), week_label(content, sums.last_known[1])
        lines.append("- " + content.text("report.weeks", first=first, last=last))
    else:
        lines.append("- " + content.text("report.weeks_unknown"))
    kinds = sums.kinds
    lines.append(
        "- "
        + content.text("report.counts", checkins=kinds["checkin"], routines=kinds["routine"], flares=kinds["flare"])
    )
    if flares := kinds["flare"]:
        average = sums.flare_total / flares
        lines.append("- " + content.text("report.flares_line", count=flares, average=average, worst=sums.flare_worst))
    lines += ["", f"## {content.text('report.red_flags_title')}", "", *_red_flags(content, sums, now)]
    lines += _cleared(content, sums, now)
    lines += ["", f"## {content.text('report.weekly_title')}", "", *_weekly_table(content, sums)]
    lines += ["", f"## {content.text('report.routines_title')}", "", *_routines_table(content, sums)]
    lines += _stop_reasons(content, sums)
    lines += ["", f"## {content.report_text('md.function_title')}", "", *_function_weeks(content, sums)]
    lines += ["", f"## {content.report_text('md.pattern_title')}", "", *_pattern_and_triggers(content, sums)]
    lines += ["", f"## {content.text('report.checkins_title')}", "", *_checkins(content, sums, now)]
    lines += ["", f"## {content.text('report.notes_title')}", "", *_notes(content, sums, now)]
    return "\n".join(lines) + "\n"


def _red_flags(content: Content, sums: ReportSums, now: datetime) -> list[str]:
    if not sums.flags:
        return [content.text("report.red_flags_none")]
    lines = [
        content.text(
            "report.red_flag_count", flag=md_text(flag_label(content, flag)), count=count, last=_date(last, now)
        )
        for flag, (count, last) in sorted(sums.flags.items(), key=lambda item: (-item[1][0], item[0]))
    ]
    shown, note = _shown(content, sums.flagged, content.text("report.what_red_flags"))
    lines += ["", content.text("report.red_flags_dates"), ""]
    for c in shown:
        week = week_label(content, c.gestation_days) or "-"
        flags, level = md_text(flags_label(content, c.flags)), level_label(content, c.level)
        lines.append(content.text("report.red_flag_line", date=_date(c.at, now), week=week, flags=flags, level=level))
    return lines + note


def _cleared(content: Content, sums: ReportSums, now: datetime) -> list[str]:
    """When the person marked a warning sign as checked by a midwife or doctor, with the time."""
    if not sums.clearances.count:
        return []
    shown, note = _shown(content, sums.clearances, content.text("report.what_clearances"))
    lines = ["", content.report_text("md.cleared_count", count=sums.clearances.count), ""]
    lines += [content.text("report.cleared_dates"), ""]
    for c in shown:
        local = c.at.astimezone(now.tzinfo)
        flags = flags_label(content, c.flags) or level_label(content, c.level)
        when = {"date": f"{local:%Y-%m-%d}", "time": f"{local:%H:%M}"}
        lines.append(content.text("report.cleared_line", flags=flags, **when))
    return lines + note


def _checkins(content: Content, sums: ReportSums, now: datetime) -> list[str]:
    if not sums.checkins.count:
        return [content.text("report.checkins_none")]
    levels: dict[str, tuple[int, datetime]] = {}  # by label: how many, and the first (the order of equal counts)
    for level, n in sums.levels.items():
        label, first = level_label(content, level), sums.level_first[level]
        count, seen = levels.get(label, (0, first))
        levels[label] = (count + n, min(seen, first))
    ordered = sorted(levels.items(), key=lambda item: (-item[1][0], item[1][1]))
    lines = [content.text("report.levels", levels=", ".join(f"{name} {n}" for name, (n, _) in ordered)), ""]
    shown, note = _shown(content, sums.checkins, content.text("report.what_checkins"))
    lines += [content.text("report.checkins_head"), "|---|---|---|---|---|"]
    for c in shown:
        week = week_label(content, c.gestation_days) or "-"
        cells = [
            _date(c.at, now),
            week,
            str(c.pain_now),
            level_label(content, c.level),
            flags_label(content, c.flags) or "-",
        ]
        lines.append("| " + " | ".join(_table_cell(x) for x in cells) + " |")
    return lines + note


def _notes(content: Content, sums: ReportSums, now: datetime) -> list[str]:
    if not sums.notes.count:
        return [content.text("report.notes_none")]
    shown, note = _shown(content, sums.notes, content.text("report.what_notes"))
    lines = [
        content.text("report.note_line", date=_date(r.at, now), kind=kind_label(content, r.kind), note=md_text(r.note))
        for r in shown
    ]
    return lines + note


def _weekly_table(content: Content, sums: ReportSums) -> list[str]:
    weeks = [w for w in sums.week_rows() if w.readings]
    if not weeks:
        return [content.text("report.weekly_none")]
    shown, note = _latest(content, weeks, WEEKS_LIMIT, content.text("report.what_weeks"))
    lines = [content.text("report.weekly_head"), "|---|---|---|---|"]
    for w in shown:
        lines.append(f"| {w.monday:%Y-%m-%d} | {w.readings} | {w.total / w.readings:.1f} | {w.worst} |")
    return lines + note


def _routines_table(content: Content, sums: ReportSums) -> list[str]:
    if not sums.routines:
        return [content.text("report.routines_none")]
    lines = [content.text("report.routines_head"), "|---|---|---|---|"]
    for routine_id, s in sorted(sums.routines.items(), key=lambda item: (-item[1].times, item[0])):
        if s.measured:
            change = f"{s.change_total / s.measured:+.1f}"
            helped = f"{s.helped} / {s.measured}"
        else:
            change = helped = content.text("report.routines_unmeasured")
        name = routine_name_of(content, routine_id, s.fallback_name)
        lines.append(f"| {_table_cell(name)} | {s.times} | {change} | {helped} |")
    return lines


def _stop_reasons(content: Content, sums: ReportSums) -> list[str]:
    if not sums.stop_reasons:
        return []
    lines = ["", f"### {content.report_text('md.stops_title')}", ""]
    for reason, n in sorted(sums.stop_reasons.items(), key=lambda item: (-item[1], item[0])):
        lines.append(content.report_text("md.stop_line", reason=md_text(stop_reason_label(content, reason)), count=n))
    return lines


def _function_weeks(content: Content, sums: ReportSums) -> list[str]:
    weeks = sums.function.weeks()
    if not weeks:
        return [content.report_text("md.function_none"), "", content.report_text("function.reading")]
    shown, note = _latest(content, weeks, WEEKS_LIMIT, content.text("report.what_weeks"))
    lines = [content.report_text("md.function_head"), "|---|---|"]
    lines += [f"| {w.monday:%Y-%m-%d} | {w.score:.1f} |" for w in shown]
    lines += note
    first, last = weeks[0].score, weeks[-1].score
    change = percent_change(first, last) if len(weeks) > 1 else None
    if change is not None:
        key = "md.function_fall_meaningful" if meaningful_fall(first, last) else "md.function_change"
        lines += ["", content.report_text(key, first=f"{first:.1f}", last=f"{last:.1f}", change=f"{change:+.0f}")]
    return [*lines, "", content.report_text("function.reading")]


def _pattern_and_triggers(content: Content, sums: ReportSums) -> list[str]:
    lines = [
        content.report_text("md.pattern_line", pattern=md_text(pattern_label(content, p)), count=n)
        for p, n in sorted(sums.patterns.items(), key=lambda item: (-item[1], item[0]))
    ] or [content.report_text("md.patterns_none")]
    lines += [
        content.report_text("md.trigger_line", trigger=md_text(trigger_label(content, t, TRIGGER_QUESTION)), count=n)
        for t, n in sums.helps.trigger_list()[:TOP_TRIGGERS]
    ] or [content.report_text("md.triggers_none")]
    return lines


def render(
    content: Content,
    fmt: str,
    records: Iterable[Record],
    now: datetime,
    profile: Profile | None = None,
    since: datetime | None = None,
) -> str:
    return "".join(chunks(content, fmt, records, now, profile, since))


def chunks(
    content: Content,
    fmt: str,
    records: Iterable[Record],
    now: datetime,
    profile: Profile | None = None,
    since: datetime | None = None,
) -> Iterator[str]:
    """The export's text in pieces, taking the records one at a time (newest first, as Store.stream gives them)."""
    if fmt == "json":
        return json_chunks(records, now)
    if fmt == "csv":
        return csv_chunks(content, records)
    if fmt == "html":  # its own module: one pass over the records, sums per day and week
        from coach.history.report_html import to_html

        return iter([to_html(content, records, now, profile or Profile(), since=since)])
    return iter([to_markdown(content, records, now)])


def default_path(content: Content, fmt: str, today: date) -> Path:
    return Path("~") / content.text("export.default_name", date=today.isoformat(), ext=EXTENSIONS[fmt])


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
    path: Path | None  # None: printed


def check_format(content: Content, fmt: str) -> None:
    if fmt not in FORMATS:
        raise ExportError(
            "format", content.text("errors.bad_choice", what="--format", valid=", ".join(FORMATS), value=fmt)
        )


def check_target(content: Content, path: Path, force: bool) -> bool:
    """Refuse early, before reading the history, when the file cannot be written as asked. True: `path` is a
    device or a pipe (/dev/null, a FIFO), to be written into, never replaced by a file."""
    try:
        mode: int | None = os.stat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise ExportError("os", os_problem(content, exc, path, export=True), path) from exc
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return True
    if mode is not None and not stat.S_ISREG(mode):
        raise ExportError("not_a_file", content.text("errors.not_a_file", path=path), path)
    if mode is not None and not force:
        raise ExportError("exists", str(path), path)
    if not path.parent.is_dir():
        raise ExportError("no_folder", content.text("export.no_folder", folder=path.parent), path)
    return False


def write_into(path: Path, body: IO[str]) -> None:
    """Write into a device or a pipe where it is: it is not a file to replace."""
    fd = os.open(path, os.O_WRONLY | os.O_NOCTTY)
    if not (stat.S_ISCHR(os.fstat(fd).st_mode) or stat.S_ISFIFO(os.fstat(fd).st_mode)):
        os.close(fd)  # swapped for something else since the check: leave it alone
        raise FileExistsError(path)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
        shutil.copyfileobj(body, fh)


SPOOL_LIMIT = 8 * 1024 * 1024  # characters of an export kept in memory before it is spooled to a temp file


class _Counted:
    """The records as they pass, counted."""

    def __init__(self, records: Iterable[Record]) -> None:
        self.records = records
        self.count = 0

    def __iter__(self) -> Iterator[Record]:
        for record in self.records:
            self.count += 1
            yield record


def export_history(
    content: Content,
    store: Store,
    fmt: str,
    now: datetime,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    path: Path | None = None,
    force: bool = False,
    on_read: Callable[[Store], None] | None = None,
    out: TextIO | None = None,
) -> Exported:
    """Pick the format, take the records in [since, until) and write them to `path` whole, month by month (or,
    with no path, to `out`, stdout by default). `on_read` runs once the history is read, before anything is
    in place (the command reports problems there and refuses a history missing a month). Raises ExportError;
    nothing is written then. The history is never held whole: the text goes to a temp file as it is made."""
    check_format(content, fmt)
    into = check_target(content, path, force) if path is not None else False
    records = _Counted(store.stream(since=since, until=until))
    text = chunks(content, fmt, records, now, store.load_profile() if fmt == "html" else None, since)
    with contextlib.ExitStack() as held:
        try:
            if path is None or into:
                spool = held.enter_context(
                    tempfile.SpooledTemporaryFile(SPOOL_LIMIT, "w+", encoding="utf-8", newline="")
                )
                spool.writelines(text)
                if on_read is not None:
                    on_read(store)
                spool.seek(0)
                if path is not None:
                    write_into(path, spool)
            else:
                with atomic_writer(path, replace=force) as fh:
                    fh.writelines(text)
                    if on_read is not None:
                        on_read(store)
        except FileExistsError:
            raise ExportError("exists", str(path), path) from None
        except OSError as exc:
            where = path or Path(tempfile.gettempdir())
            raise ExportError("os", os_problem(content, exc, where, export=True), where) from exc
        if path is None:
            shutil.copyfileobj(spool, out or sys.stdout)  # a closed pipe (`| head`) is the caller's to handle
    return Exported(records.count, path)


def filter_records(records: Iterable[Record], start: datetime | None, end: datetime | None) -> list[Record]:
    return [r for r in records if (start is None or r.at >= start) and (end is None or r.at < end)]
