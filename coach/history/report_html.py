"""History -> one self-contained HTML report to print on at most two A4 pages, for a midwife or physio.

Inline CSS and SVG only: no script, no link, no image file, no web address, so opening it fetches nothing.
Every piece of text, the person's and ours, is escaped (`_e`: control characters shown as coach.shown does, then
html.escape). Words from content/report.toml in the Content's language; the records are read once
(coach.history.report_sums). Pure: no textual, no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from html import escape

from coach.checkin.pregnancy import describe_stage, stage
from coach.content.content import Content
from coach.content.ids import TRIGGER_QUESTION
from coach.history.function_weeks import WeekScore, meaningful_fall, percent_change, week_start
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
from coach.history.report_chart import GAP_DAYS, pain_chart
from coach.history.report_sums import DaySum, ReportSums
from coach.shown import visible

WEEKS_SHOWN = 12  # rows of the weekly table: the latest weeks; the chart shows the whole period
NOTE_LIMIT = 240  # characters of a note; the JSON export has it whole
TOP_TRIGGERS = 5
WEEKLY_CHART_AFTER = 120  # days: a longer period is charted week by week
GAP_WEEKS = 2  # weeks without an entry that break the weekly line

STYLE = """
@page { size: A4; margin: 11mm 12mm; }
* { box-sizing: border-box; }
html { font-family: "Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", Arial, sans-serif; font-size: 8.6pt;
       color: #000; background: #fff; line-height: 1.28; }
body { margin: 0 auto; max-width: 186mm; }
h1 { font-size: 14pt; margin: 0 0 1mm; }
h2 { font-size: 10pt; margin: 2.6mm 0 1mm; border-bottom: 0.4pt solid #000; }
p { margin: 0.6mm 0; }
h3 { font-size: 8.6pt; margin: 1.2mm 0 0.4mm; break-after: avoid; }
.made { font-size: 7.6pt; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 3mm; margin: 1mm 0; }
.facts dt { font-weight: bold; } .facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.4pt solid #777; padding: 0.3mm 1.2mm; text-align: left; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.n, th.n { text-align: right; white-space: nowrap; } td.d, td.p { white-space: nowrap; }
ul.two { columns: 2; column-gap: 5mm; } ul.two li { break-inside: avoid; }
.cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 5mm; }
.cols > section, svg, .facts { break-inside: avoid; }
h2 { break-after: avoid; } tr, li, p { break-inside: avoid; }
.note { font-size: 7.6pt; }
.flag { font-weight: bold; }
ul { margin: 0.5mm 0; padding-left: 4mm; } li { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; }
svg .grid { stroke: #bbb; stroke-width: 0.5; }
svg .tick { stroke: #000; stroke-width: 0.6; }
svg text { font-size: 9px; fill: #000; }
svg .ylab { text-anchor: end; } svg .xlab { text-anchor: middle; } svg .stage { font-style: italic; }
svg .average { fill: none; stroke: #000; stroke-width: 1.5; }
svg .worst { fill: none; stroke: #000; stroke-width: 1; stroke-dasharray: 4 2.5; }
svg .average-mark { fill: #000; } svg .worst-mark { fill: #fff; stroke: #000; stroke-width: 0.9; }
@media screen { body { padding: 8mm; } }
"""


def _e(value: str) -> str:
    """Text for the page: one line, control characters made visible, HTML escaped (quotes too)."""
    return escape(" ".join(visible(value, one_line=True).split()), quote=True)


def _day(at: datetime, now: datetime) -> str:
    return f"{at.astimezone(now.tzinfo):%Y-%m-%d}"


class _Page:
    def __init__(self, content: Content) -> None:
        self.content = content
        self.parts: list[str] = []

    def w(self, key: str, **values: object) -> str:
        """A report word, escaped (values are escaped first only where they are text: see `_e`)."""
        return _e(self.content.report_text(f"html.{key}", **values))

    def add(self, *html: str) -> None:
        self.parts.extend(html)

    def table(self, heads: list[tuple[str, str]], rows: Iterable[list[str]]) -> None:
        """`heads`: (escaped text, column class: "n" a number, "d" a date, "" text); `rows`: cells already escaped."""
        classes = [f' class="{c}"' if c else "" for _, c in heads]
        self.add("<table><thead><tr>")
        self.add(*(f"<th{c}>{h}</th>" for (h, _), c in zip(heads, classes, strict=True)))
        self.add("</tr></thead><tbody>")
        for row in rows:
            self.add("<tr>", *(f"<td{c}>{cell}</td>" for cell, c in zip(row, classes, strict=True)), "</tr>")
        self.add("</tbody></table>")


def to_html(
    content: Content,
    records: Iterable[Record],
    now: datetime,
    profile: Profile,
    *,
    since: datetime | None = None,
) -> str:
    sums = ReportSums(now.tzinfo).add_all(records)
    page = _Page(content)
    lang = escape(content.locale, quote=True)
    title = page.w("title")
    page.add(
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">',
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{title}</title>',
        f"<style>{STYLE}</style>\n</head>\n<body>",
        f"<h1>{title}</h1>",
        f'<p class="made">{page.w("made", date=f"{now:%Y-%m-%d}")}</p>',
    )
    _facts(page, sums, now, profile, since)
    if sums.first is None:
        page.add(f"<p>{page.w('empty')}</p>", "</body>\n</html>\n")
        return "\n".join(page.parts)
    _chart(page, sums, now, profile, since)
    _weekly(page, sums)
    _function(page, sums.function.weeks())
    _warning_signs(page, sums, now)
    _checkins(page, sums, now)
    page.add('<div class="cols">')
    _routines(page, sums)
    _what_it_is(page, sums)
    page.add("</div>")
    _notes(page, sums, now)
    page.add("</body>\n</html>\n")
    return "\n".join(page.parts)


# --- the sections -------------------------------------------------------------------------------------


def _facts(page: _Page, sums: ReportSums, now: datetime, profile: Profile, since: datetime | None) -> None:
    content = page.content
    current = describe_stage(content, stage(profile, now.date())) if stage(profile, now.date()).known else ""
    rows = [(page.w("stage"), _e(current) if current else page.w("stage_unknown"))]
    if sums.first is not None and sums.last is not None:
        first = since if since is not None and since > sums.first else sums.first
        rows.append((page.w("period"), page.w("period_value", first=_day(first, now), last=_day(sums.last, now))))
        counts = page.w(
            "counts",
            checkins=sums.kinds["checkin"],
            routines=sums.kinds["routine"],
            flares=sums.kinds["flare"],
            cleared=sums.kinds["clearance"],
        )
        rows.append((page.w("records"), counts))
    page.add('<dl class="facts">', *(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows), "</dl>")


def _chart(page: _Page, sums: ReportSums, now: datetime, profile: Profile, since: datetime | None) -> None:
    assert sums.first is not None and sums.last is not None
    first = sums.first.astimezone(now.tzinfo).date()
    last = sums.last.astimezone(now.tzinfo).date()
    born = profile.birth_date

    def stage_of(day: date) -> str:
        if born is not None and day >= born:
            return page.content.report_text("html.axis_after_birth", days=(day - born).days)
        days = sums.gestation_on(day)
        if days is None or not 0 <= days <= 310:
            return ""
        return page.content.report_text("html.axis_week", weeks=days // 7)

    # Over a long period a line per day is a blur: each week becomes one point, at its Monday.
    weekly = (last - first).days > WEEKLY_CHART_AFTER
    suffix = "_weeks" if weekly else ""
    page.add(f"<section><h2>{page.w('chart_title' + suffix)}</h2>")
    if not sums.days:
        page.add(f"<p>{page.w('chart_none')}</p></section>")
        return
    points = _by_week(sums.days) if weekly else sums.days
    page.add(
        pain_chart(
            points,
            min(first, min(points)),
            last,
            title=page.content.report_text("html.chart_title" + suffix),
            average_label=page.content.report_text("html.chart_average" + suffix),
            worst_label=page.content.report_text("html.chart_worst" + suffix),
            stage_of=stage_of,
            gap_days=GAP_WEEKS * 7 if weekly else GAP_DAYS,
        ),
        f'<p class="note">{page.w("chart_axis")}</p></section>',
    )


def _by_week(days: dict[date, DaySum]) -> dict[date, DaySum]:
    weeks: dict[date, DaySum] = {}
    for day, sums in days.items():
        week = weeks.setdefault(week_start(day), DaySum())
        week.total += sums.total
        week.readings += sums.readings
        week.worst = max(week.worst, sums.worst)
    return weeks


def _weekly(page: _Page, sums: ReportSums) -> None:
    weeks = sums.week_rows()
    scores = {w.monday: w for w in sums.function.weeks()}
    page.add(f"<section><h2>{page.w('weekly_title')}</h2>")
    shown = weeks[-WEEKS_SHOWN:]
    heads = [
        (page.w("col_week_from"), "d"),
        (page.w("col_pregnancy"), "p"),
        (page.w("col_entries"), "n"),
        (page.w("col_average"), "n"),
        (page.w("col_worst"), "n"),
        (page.w("col_routines"), "n"),
        (page.w("col_function"), "n"),
    ]

    def row(week_monday: date) -> list[str]:
        week = sums.weeks[week_monday]
        score = scores.get(week_monday)
        return [
            f"{week.monday:%Y-%m-%d}",
            _e(week_label(page.content, week.gestation_days) or "-"),
            str(week.readings),
            "-" if week.average is None else f"{week.average:.1f}",
            str(week.worst) if week.readings else "-",
            str(week.routines),
            "-" if score is None else f"{score.score:.1f}",
        ]

    page.table(heads, (row(w.monday) for w in shown))
    if len(weeks) > len(shown):
        page.add(f'<p class="note">{page.w("only_latest_weeks", shown=len(shown), count=len(weeks))}</p>')
    page.add("</section>")


def _function(page: _Page, weeks: list[WeekScore]) -> None:
    page.add(f"<section><h2>{page.w('function_title')}</h2>")
    if not weeks:
        page.add(f"<p>{page.w('function_none')}</p>")
    else:
        first, last = weeks[0], weeks[-1]
        line = page.w(
            "function_line",
            count=len(weeks),
            first=f"{first.score:.1f}",
            first_week=f"{first.monday:%Y-%m-%d}",
            last=f"{last.score:.1f}",
            last_week=f"{last.monday:%Y-%m-%d}",
        )
        change = percent_change(first.score, last.score) if len(weeks) > 1 else None
        if change is not None:
            key = "function_fall_meaningful" if meaningful_fall(first.score, last.score) else "function_change"
            line += " " + page.w(key, change=f"{change:+.0f}")
        page.add(f"<p>{line}</p>")
    page.add(f'<p class="note">{_e(page.content.report_text("function.reading"))}</p></section>')


def _warning_signs(page: _Page, sums: ReportSums, now: datetime) -> None:
    content = page.content
    page.add(f"<section><h2>{page.w('flags_title')}</h2>")
    if not sums.flags:
        page.add(f"<p>{page.w('flags_none')}</p>")
    else:
        ordered = sorted(sums.flags.items(), key=lambda item: (-item[1][0], item[0]))
        page.add('<ul class="two">')
        for flag, (times, last) in ordered:
            line = page.w("flag_count", flag=flag_label(content, flag), count=times, last=_day(last, now))
            page.add(f'<li class="flag">{line}</li>')
        page.add("</ul>", f'<p>{page.w("flagged_dates")}</p><ul class="two">')
        for c in sums.flagged.items():
            week = week_label(content, c.gestation_days) or "-"
            flags = flags_label(content, c.flags)
            line = page.w(
                "flagged_line", date=_day(c.at, now), week=week, flags=flags, level=level_label(content, c.level)
            )
            page.add(f"<li>{line}</li>")
        page.add("</ul>")
        if sums.flagged.count > len(sums.flagged.items()):
            page.add(f'<p class="note">{page.w("only_latest", shown=sums.flagged.limit, count=sums.flagged.count)}</p>')
    page.add(f"<h3>{page.w('cleared_title')}</h3>")
    cleared = sums.clearances.items()
    if not cleared:
        page.add(f"<p>{page.w('cleared_none')}</p>")
    else:
        page.add('<ul class="two">')
        for done in cleared:
            local = done.at.astimezone(now.tzinfo)
            what = flags_label(content, done.flags) or level_label(content, done.level)
            line = page.w("cleared_line", date=f"{local:%Y-%m-%d}", time=f"{local:%H:%M}", flags=what)
            page.add(f"<li>{line}</li>")
        page.add("</ul>")
        if sums.clearances.count > len(cleared):
            page.add(
                f'<p class="note">{page.w("only_latest", shown=sums.clearances.limit, count=sums.clearances.count)}</p>'
            )
    page.add("</section>")


def _checkins(page: _Page, sums: ReportSums, now: datetime) -> None:
    content = page.content
    page.add(f"<section><h2>{page.w('checkins_title')}</h2>")
    shown = sums.checkins.items()
    if not shown:
        page.add(f"<p>{page.w('checkins_none')}</p></section>")
        return
    levels = ", ".join(f"{level_label(content, level)} {n}" for level, n in sums.levels.most_common())
    page.add(f"<p>{page.w('levels', levels=levels)}</p>")
    heads = [
        (page.w("col_date"), "d"),
        (page.w("col_pregnancy"), "p"),
        (page.w("col_pain"), "n"),
        (page.w("col_level"), ""),
        (page.w("col_flags"), ""),
    ]
    rows = (
        [
            _day(c.at, now),
            _e(week_label(content, c.gestation_days) or "-"),
            str(c.pain_now) if c.pain_worst is None else f"{c.pain_now} / {c.pain_worst}",
            _e(level_label(content, c.level)),
            f'<span class="flag">{_e(flags_label(content, c.flags))}</span>' if c.flags else "-",
        ]
        for c in shown
    )
    page.table(heads, rows)
    page.add(f'<p class="note">{page.w("pain_columns")}</p>')
    if sums.checkins.count > len(shown):
        page.add(f'<p class="note">{page.w("only_latest", shown=sums.checkins.limit, count=sums.checkins.count)}</p>')
    page.add("</section>")


def _routines(page: _Page, sums: ReportSums) -> None:
    content = page.content
    page.add(f"<section><h2>{page.w('routines_title')}</h2>")
    if not sums.routines:
        page.add(f"<p>{page.w('routines_none')}</p></section>")
        return
    heads = [
        (page.w("col_routine"), ""),
        (page.w("col_times"), "n"),
        (page.w("col_change"), "n"),
        (page.w("col_helped"), "n"),
        (page.w("col_stopped"), "n"),
    ]
    ordered = sorted(sums.routines.items(), key=lambda item: (-item[1].times, item[0]))

    def row(routine_id: str) -> list[str]:
        s = sums.routines[routine_id]
        name = routine_name_of(content, routine_id, s.fallback_name)
        change = s.average_change
        return [
            _e(name),
            str(s.times),
            page.w("unmeasured") if change is None else f"{change:+.1f}",
            f"{s.helped} / {s.measured}" if s.measured else "-",
            str(s.stopped_early),
        ]

    page.table(heads, (row(rid) for rid, _ in ordered))
    page.add(f'<p class="note">{page.w("change_reading")}</p>')
    if sums.stop_reasons:
        reasons = ", ".join(f"{stop_reason_label(content, r)} {n}" for r, n in sums.stop_reasons.most_common())
        page.add(f"<p>{page.w('stop_reasons', reasons=reasons)}</p>")
    page.add("</section>")


def _what_it_is(page: _Page, sums: ReportSums) -> None:
    content = page.content
    page.add(f"<section><h2>{page.w('pattern_title')}</h2>")
    if sums.patterns:
        patterns = ", ".join(f"{pattern_label(content, p)} {n}" for p, n in sums.patterns.most_common())
        page.add(f"<p>{page.w('patterns', patterns=patterns)}</p>")
    else:
        page.add(f"<p>{page.w('patterns_none')}</p>")
    if sums.triggers:
        top = sorted(sums.triggers.items(), key=lambda item: (-item[1], item[0]))[:TOP_TRIGGERS]
        triggers = ", ".join(f"{trigger_label(content, t, TRIGGER_QUESTION)} {n}" for t, n in top)
        page.add(f"<p>{page.w('triggers', triggers=triggers)}</p>")
    else:
        page.add(f"<p>{page.w('triggers_none')}</p>")
    if sums.kinds["flare"]:
        average = sums.flare_total / sums.kinds["flare"]
        line = page.w("flares", count=sums.kinds["flare"], average=f"{average:.1f}", worst=sums.flare_worst)
        page.add(f"<p>{line}</p>")
    page.add("</section>")


def _notes(page: _Page, sums: ReportSums, now: datetime) -> None:
    notes = sums.notes.items()
    if not notes:
        return
    page.add(f"<section><h2>{page.w('notes_title')}</h2><ul>")
    for r in notes:
        text = r.note if len(r.note) <= NOTE_LIMIT else r.note[: NOTE_LIMIT - 1] + "\u2026"
        kind = kind_label(page.content, r.kind)
        page.add(f"<li>{page.w('note_line', date=_day(r.at, now), kind=kind, note=text)}</li>")
    page.add("</ul>")
    if sums.notes.count > len(notes):
        page.add(f'<p class="note">{page.w("only_latest", shown=sums.notes.limit, count=sums.notes.count)}</p>')
    page.add("</section>")
