"""History -> JSON (re-importable), CSV (one row per record), a Markdown report or (coach.history.report_html) a
printable HTML one, through the records' models; `export_history` is the whole export, for the command and the
export dialog alike. The JSON and CSV text is coach.history.export_text's, from each record's to_json(); where
the history's own JSON is known to be exactly that, `pain-coach export` makes them without the models
(coach.history.plain_export). The reports always take this way: they sum the records as models. No textual."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TextIO, TypeVar

from coach.content.content import Content
from coach.content.ids import TRIGGER_QUESTION
from coach.history import export_text, month_sums
from coach.history.export_file import Counted, Exported, check_format, check_target, write_export
from coach.history.function_weeks import meaningful_fall, percent_change
from coach.history.record_text import (
    flag_label,
    flags_label,
    kind_label,
    level_label,
    pattern_label,
    stop_reason_label,
    trigger_label,
)
from coach.history.record_words import routine_name_of, week_label
from coach.history.records import Profile, Record
from coach.history.report_sums import Latest, Limits, ReportSums
from coach.history.store import Store
from coach.shown import visible

_T = TypeVar("_T")
_R = TypeVar("_R", bound=Record)


def to_json(records: Iterable[Record], now: datetime) -> str:
    return "".join(json_chunks(records, now))


def json_chunks(records: Iterable[Record], now: datetime) -> Iterator[str]:
    return export_text.json_chunks((r.to_json() for r in records), now)


def to_csv(content: Content, records: Iterable[Record]) -> str:
    return "".join(csv_chunks(content, records))


def csv_chunks(content: Content, records: Iterable[Record]) -> Iterator[str]:
    return export_text.csv_chunks(content, (r.to_json() for r in records))


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
    nothing is written then. The history is never held whole: the text goes to a temp file as it is made.
    Then the sums of the months read are saved, so the next JSON or CSV export of them needs no models
    (coach.history.plain_export)."""
    check_format(content, fmt)
    into = check_target(content, path, force) if path is not None else False
    records = Counted(store.stream(since=since, until=until))
    text = chunks(content, fmt, records, now, store.load_profile() if fmt == "html" else None, since)
    write_export(content, store, text, path=path, into=into, force=force, on_read=on_read, out=out)
    month_sums.remember_unsaved(store, store.months(since, until))
    return Exported(records.count, path)


def filter_records(records: Iterable[Record], start: datetime | None, end: datetime | None) -> list[Record]:
    return [r for r in records if (start is None or r.at >= start) and (end is None or r.at < end)]
