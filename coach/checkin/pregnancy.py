"""Pregnancy date arithmetic (content-brief section 6). Pure: no textual, no I/O; the record models only for
typing, so the first screen can say the week before pydantic is imported (coach.tui.startup)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from coach.content.content import Content
from coach.content.dates import long_date, month_name

if TYPE_CHECKING:
    from coach.history.records import Profile, RecordBase

AnyRecord = TypeVar("AnyRecord", bound="RecordBase")

TERM_DAYS = 280  # due date = first day of the last period + 280 days


def due_from_lmp(lmp: date) -> date:
    return lmp + timedelta(days=TERM_DAYS)


def gestation_days(due: date, today: date) -> int:
    """Days of pregnancy today: 280 on the due date."""
    return TERM_DAYS - (due - today).days


def weeks_days(days: int) -> tuple[int, int]:
    return divmod(days, 7)


def trimester(days: int) -> int:
    weeks = days // 7
    return 1 if weeks < 14 else 2 if weeks < 28 else 3


def term_category(days: int) -> str:
    """'preterm', 'early-term', 'full-term', 'late-term' or 'post-term' (ACOG CO 579)."""
    weeks = days // 7
    if weeks < 37:
        return "preterm"
    if weeks < 39:
        return "early-term"
    if weeks < 41:
        return "full-term"
    return "late-term" if weeks < 42 else "post-term"


class Stage(NamedTuple):  # not a dataclass: making one takes half a millisecond of the start
    """Where the person is today: pregnant (with days), postnatal (with days since birth), or unknown."""

    gestation_days: int | None = None
    postnatal_days: int | None = None

    @property
    def known(self) -> bool:
        return self.gestation_days is not None or self.postnatal_days is not None

    @property
    def postnatal(self) -> bool:
        return self.postnatal_days is not None

    @property
    def weeks(self) -> int | None:
        return None if self.gestation_days is None else self.gestation_days // 7


def stage(profile: Profile, today: date) -> Stage:
    return stage_from_dates(profile.due_date, profile.lmp, profile.birth_date, today)


def stage_from_dates(due: date | None, lmp: date | None, birth: date | None, today: date) -> Stage:
    if birth is not None:
        return Stage(postnatal_days=(today - birth).days)
    due = due or (due_from_lmp(lmp) if lmp else None)
    if due is None:
        return Stage()
    return Stage(gestation_days=gestation_days(due, today))


# --- what people type: parsing, plausibility, the echo in words -------------------------------------

_STAGE_WEEKS = re.compile(r"(\d{1,2})(?:\+([0-6]))?")
_STAGE_BORN = re.compile(r"born\+(\d{1,3})")

MAX_AHEAD_DAYS = 44 * 7  # a due date further ahead than this is not a pregnancy yet
MAX_PAST_DUE_DAYS = 4 * 7  # past this, ask whether the baby is born
MAX_POSTNATAL_DAYS = 366

Basis = str  # "due", "lmp" or "born"


class DateProblem(ValueError):
    """A typed date that was refused: `key` names the message in ui.toml [dates], `values` fill it."""

    def __init__(self, key: str, **values: object):
        self.key = key
        self.values = values
        super().__init__(key)


def parse_stage(typed: str) -> Stage:
    """`36+6` (weeks + days of pregnancy), `37` (weeks), `born+3` (days since the birth): a Stage, or DateProblem."""
    cleaned = typed.strip().lower()
    weeks = _STAGE_WEEKS.fullmatch(cleaned)
    if weeks and int(weeks[1]) * 7 <= MAX_AHEAD_DAYS:
        return Stage(gestation_days=int(weeks[1]) * 7 + int(weeks[2] or 0))
    born = _STAGE_BORN.fullmatch(cleaned)
    if born and int(born[1]) <= MAX_POSTNATAL_DAYS:
        return Stage(postnatal_days=int(born[1]))
    raise DateProblem("bad_stage", typed=typed)


def parse_date(typed: str, *, day_first: bool, today: date, basis: Basis) -> date:
    """`2027-02-14`, `14/02/2027`, `14 Feb 2027`, `Feb 14`: a date, or DateProblem.

    Without a year, the year is the one that makes sense for `basis`: a due date lies ahead (or just
    past), a last period or a birth lies behind.
    """
    from dateutil import parser as dateparser

    cleaned = typed.strip()
    if not cleaned:
        raise DateProblem("empty")
    chinese = _CHINESE_DATE.fullmatch(cleaned)
    if chinese:
        return _chinese_date(chinese, today, basis, cleaned)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", cleaned):  # ISO is year-month-day whatever the setting
        try:
            return date(*map(int, cleaned.split("-")))
        except ValueError:
            raise impossible_day(cleaned, day_first) or DateProblem("not_a_date", typed=cleaned) from None
    try:
        # Two different default years tell whether the person typed one.
        first = dateparser.parse(cleaned, dayfirst=day_first, default=datetime(2000, 1, 1))
        second = dateparser.parse(cleaned, dayfirst=day_first, default=datetime(2004, 1, 1))
    except (ValueError, OverflowError):
        raise impossible_day(cleaned, day_first) or DateProblem("not_a_date", typed=cleaned) from None
    if first.hour or first.minute or first.second:
        raise DateProblem("not_a_date", typed=cleaned)
    if first.year == second.year:
        return first.date()
    return _guess_year(first.month, second.day, today, basis, cleaned)


# 2027年2月14日 and 2月14日 (a 号 for the day, as spoken, and spaces between the parts are read too).
_CHINESE_DATE = re.compile(r"(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*[日号]?")


def days_in(year: int, month: int) -> int:
    """The days of a month (calendar.monthrange's, without importing calendar on the first screen's path)."""
    if month == 12:
        return 31  # and no day after 31 December 9999 to count back from
    return (date(year, month + 1, 1) - timedelta(days=1)).day


def _chinese_date(found: re.Match[str], today: date, basis: Basis, typed: str) -> date:
    year, month, day = (int(part) if part else None for part in found.groups())
    assert month is not None and day is not None
    if year is not None and year < 1:
        raise DateProblem("not_a_date", typed=typed)
    if not 1 <= month <= 12:
        raise DateProblem("no_such_month", month=month)
    if year is None:
        most = days_in(2000, month)  # 2000 was a leap year: the most days the month can have
        if not 1 <= day <= most:
            raise DateProblem("past_month_end_any_year", month=Month(month), days=most)
        return _guess_year(month, day, today, basis, typed)
    days = days_in(year, month)
    if not 1 <= day <= days:
        raise DateProblem("past_month_end", month=Month(month), days=days, year=year)
    return date(year, month, day)


def impossible_day(typed: str, day_first: bool) -> DateProblem | None:
    """Why a date-shaped text names no real day ("February has 28 days in 2027"), or None if it can't tell.

    dateutil reads the day, month and year before it builds the date, and only then fails with a bare
    "day is out of range for month"; its reader (`parser._parse`, stable since dateutil 2.0) gives the parts.
    """
    from dateutil import parser as dateparser

    try:
        found, _ = dateparser.parser()._parse(typed, dayfirst=day_first)  # type: ignore[attr-defined]  # not in the stubs
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None
    month, day, year = (getattr(found, name, None) for name in ("month", "day", "year"))
    if not isinstance(month, int) or not isinstance(day, int):
        return None
    if not 1 <= month <= 12:
        return DateProblem("no_such_month", month=month)
    name = Month(month)
    if isinstance(year, int):
        year = dateparser.parserinfo().convertyear(year)
        days = days_in(year, month)
        return DateProblem("past_month_end", month=name, days=days, year=year) if day > days else None
    most = days_in(2000, month)  # 2000 was a leap year: the most days the month can have
    return DateProblem("past_month_end_any_year", month=name, days=most) if day > most else None


def _guess_year(month: int, day: int, today: date, basis: Basis, typed: str) -> date:
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February in a year without one
            continue
    if basis == "due":
        ahead = [c for c in candidates if c >= today - timedelta(days=MAX_PAST_DUE_DAYS)]
        if ahead:
            return ahead[0]
    else:
        behind = [c for c in candidates if c <= today]
        if behind:
            return behind[-1]
    raise DateProblem("not_a_date", typed=typed)


def check_plausible(value: date, *, today: date, basis: Basis) -> None:
    """Refuse impossible or implausible dates (DateProblem); return None when the date is fine."""
    if basis == "lmp":
        if value > today:
            raise DateProblem("lmp_future", date=value)
        value = due_from_lmp(value)
    if basis == "born":
        if value > today:
            raise DateProblem("born_future", date=value)
        if (today - value).days > MAX_POSTNATAL_DAYS:
            raise DateProblem("born_long_ago", date=value)
        return
    ahead = (value - today).days
    if ahead > MAX_AHEAD_DAYS:
        raise DateProblem("too_far_ahead", date=value, weeks=MAX_AHEAD_DAYS // 7)
    if -ahead > MAX_PAST_DUE_DAYS:
        raise DateProblem("long_past", date=value, weeks=MAX_PAST_DUE_DAYS // 7)


def profile_dates(value: date, basis: Basis, profile: Profile) -> Profile:
    """The profile with its dates set from one typed date (and the others cleared)."""
    due = value if basis == "due" else due_from_lmp(value) if basis == "lmp" else None
    return profile.model_copy(
        update={
            "date_basis": basis,
            "due_date": due,
            "lmp": value if basis == "lmp" else None,
            "birth_date": value if basis == "born" else None,
        }
    )


class Month(int):
    """A month's number that a message shows as its name, in the reader's language (problem_text)."""


def _stage_values(content: Content, days: int) -> dict[str, object]:
    weeks, rest = weeks_days(days)
    term = term_category(days)
    term_part = "" if term == "preterm" else content.text("dates.term_part", term=content.text(f"stage.{term}"))
    return {
        "weeks": content.counted("weeks", weeks),
        "days": content.counted("days", rest),
        "trimester_word": content.text(f"stage.trimester_{trimester(days)}"),
        "term_part": term_part,
    }


def describe_stage(content: Content, current: Stage) -> str:
    """'31 weeks + 2 days pregnant · third trimester' (the term word only from 37 weeks)."""
    if current.gestation_days is not None:
        return content.text("stage.pregnant", **_stage_values(content, current.gestation_days))
    if current.postnatal_days is not None:
        weeks, days = weeks_days(current.postnatal_days)
        return content.text(
            "stage.postnatal", weeks=content.counted("weeks", weeks), days=content.counted("days", days)
        )
    return content.text("stage.unknown")


def echo(content: Content, value: date, basis: Basis, today: date) -> str:
    """The typed date back in words with what it means today."""
    if basis == "born":
        weeks, days = weeks_days((today - value).days)
        return content.text(
            "dates.born_echo",
            date=long_date(value, content.locale),
            weeks=content.counted("weeks", weeks),
            days=content.counted("days", days),
        )
    due = value if basis == "due" else due_from_lmp(value)
    values = _stage_values(content, gestation_days(due, today))
    if basis == "lmp":
        when, due_on = long_date(value, content.locale), long_date(due, content.locale)
        return content.text("dates.lmp_echo", date=when, due=due_on, **values)
    return content.text("dates.due_echo", date=long_date(value, content.locale), **values)


def problem_text(content: Content, problem: DateProblem) -> str:
    """The message for a refused date, its dates and month names in the content's language."""
    return content.text(f"dates.{problem.key}", **{k: shown(content, v) for k, v in problem.values.items()})


def shown(content: Content, value: object) -> object:
    if isinstance(value, Month):
        return month_name(value, content.locale)
    if isinstance(value, date):
        return long_date(value, content.locale)
    return value


def read_date(typed: str, *, basis: Basis, day_first: bool, today: date) -> date:
    """Parse and check in one step (DateProblem on refusal)."""
    value = parse_date(typed, day_first=day_first, today=today, basis=basis)
    check_plausible(value, today=today, basis=basis)
    return value


def with_gestation(record: AnyRecord, profile: Profile) -> AnyRecord:
    """The record with `gestation_days` from the profile on the record's day, when known and not set."""
    days = stage(profile, record.at.date()).gestation_days
    if record.gestation_days is not None or days is None:
        return record
    return record.model_copy(update={"gestation_days": days})
