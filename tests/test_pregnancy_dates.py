"""Pregnancy dates: LMP to due date, week + days, typed forms, refusals, words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from coach.checkin.pregnancy import (
    DateProblem,
    Stage,
    describe_stage,
    due_from_lmp,
    echo,
    gestation_days,
    problem_text,
    profile_dates,
    read_date,
    stage,
    weeks_days,
    with_gestation,
)
from coach.history.records import FlareLog, Profile
from tests.packaged import CONTENT

TODAY = date(2026, 11, 26)


def test_due_date_is_lmp_plus_280_days_not_the_calendar_shortcut():
    # Naegele's +1y -3m +7d would give 2027-05-07 here; 280 days gives 2027-05-05 (content-brief section 6).
    assert due_from_lmp(date(2026, 7, 29)) == date(2027, 5, 5)


@pytest.mark.parametrize(
    "due,today,expected",
    [
        (date(2027, 2, 14), date(2026, 11, 26), (28, 4)),
        (date(2027, 2, 14), date(2027, 2, 14), (40, 0)),
        (date(2027, 3, 1), date(2027, 1, 31), (35, 6)),  # across a month end
        (date(2027, 3, 1), date(2027, 2, 1), (36, 0)),
        (date(2028, 3, 1), date(2028, 2, 28), (39, 5)),  # leap year: 29 Feb counts
        (date(2028, 3, 1), date(2028, 2, 29), (39, 6)),
        (date(2027, 3, 1), date(2027, 2, 28), (39, 6)),  # no leap day
    ],
)
def test_week_and_days(due, today, expected):
    assert weeks_days(gestation_days(due, today)) == expected


@pytest.mark.parametrize("zone,day", [("Europe/London", date(2026, 3, 29)), ("America/New_York", date(2026, 11, 1))])
def test_dst_change_days_count_whole_days(zone, day):
    """The day's date is taken from the local clock, so the 23- or 25-hour day still counts as one."""
    due = day + timedelta(days=70)
    before = datetime.combine(day - timedelta(days=1), datetime.min.time(), ZoneInfo(zone)).replace(hour=23, minute=30)
    after = datetime.combine(day, datetime.min.time(), ZoneInfo(zone)).replace(hour=23, minute=30)
    profile = Profile(due_date=due, date_basis="due")
    assert stage(profile, after.date()).gestation_days - stage(profile, before.date()).gestation_days == 1
    assert weeks_days(stage(profile, after.date()).gestation_days) == (30, 0)


@pytest.mark.parametrize(
    "typed,day_first,expected",
    [
        ("2027-02-14", True, date(2027, 2, 14)),
        ("2027-02-14", False, date(2027, 2, 14)),  # ISO is year-month-day whatever the setting
        ("14/02/2027", True, date(2027, 2, 14)),
        ("02/14/2027", False, date(2027, 2, 14)),
        ("03/02/2027", True, date(2027, 2, 3)),
        ("03/02/2027", False, date(2027, 3, 2)),
        ("14 Feb 2027", True, date(2027, 2, 14)),
        ("14 February 2027", False, date(2027, 2, 14)),
        ("Feb 14", True, date(2027, 2, 14)),  # no year: the coming one for a due date
        ("  Feb 14 ", False, date(2027, 2, 14)),
    ],
)
def test_typed_forms_of_a_due_date(typed, day_first, expected):
    assert read_date(typed, basis="due", day_first=day_first, today=TODAY) == expected


def test_no_year_means_the_past_for_a_last_period_or_a_birth():
    assert read_date("1 May", basis="lmp", day_first=True, today=TODAY) == date(2026, 5, 1)
    assert read_date("20 Nov", basis="born", day_first=True, today=TODAY) == date(2026, 11, 20)
    assert read_date("Dec 20", basis="born", day_first=True, today=TODAY) == date(2025, 12, 20)


def test_a_due_date_just_past_without_a_year_stays_this_year():
    assert read_date("10 Nov", basis="due", day_first=True, today=TODAY) == date(2026, 11, 10)


@pytest.mark.parametrize(
    "typed,basis,key",
    [
        ("", "due", "empty"),
        ("next spring", "due", "not_a_date"),
        ("31/02/2027", "due", "past_month_end"),
        ("2027-02-30", "due", "past_month_end"),
        ("30 Feb", "due", "past_month_end_any_year"),
        ("13/13/2027", "due", "no_such_month"),
        ("14/02/2027 10:30", "due", "not_a_date"),
        ("2027-10-01", "due", "too_far_ahead"),  # more than 44 weeks ahead
        ("2026-10-28", "due", "long_past"),  # more than 4 weeks past: ask whether the baby is born
        ("2026-12-01", "lmp", "lmp_future"),
        ("2025-12-01", "lmp", "long_past"),  # gives a due date long past
        ("2026-12-01", "born", "born_future"),
        ("2025-11-01", "born", "born_long_ago"),
    ],
)
def test_refusals(typed, basis, key):
    with pytest.raises(DateProblem) as caught:
        read_date(typed, basis=basis, day_first=True, today=TODAY)
    assert caught.value.key == key
    assert problem_text(CONTENT, caught.value)  # every refusal has its message in content


@pytest.mark.parametrize(
    "typed,ok",
    [("2027-09-30", True), ("2027-10-01", False), ("2026-10-29", True), ("2026-10-28", False)],
)
def test_plausibility_edges(typed, ok):
    # 2027-09-30 is exactly 44 weeks ahead of TODAY; 2026-10-29 exactly 4 weeks past.
    if ok:
        read_date(typed, basis="due", day_first=True, today=TODAY)
    else:
        with pytest.raises(DateProblem):
            read_date(typed, basis="due", day_first=True, today=TODAY)


def test_echo_in_words():
    assert (
        echo(CONTENT, date(2027, 2, 14), "due", TODAY)
        == "14 February 2027: you are 28 weeks + 4 days today (third trimester)."
    )
    assert echo(CONTENT, date(2026, 5, 1), "lmp", TODAY).startswith("1 May 2026: your due date is 5 February 2027")
    assert echo(CONTENT, date(2026, 11, 3), "born", TODAY) == "3 November 2026: your baby is 3 weeks + 2 days old."


@pytest.mark.parametrize(
    "days,words",
    [
        (13 * 7 + 6, "13 weeks + 6 days pregnant · first trimester"),
        (14 * 7, "14 weeks + 0 days pregnant · second trimester"),
        (28 * 7, "28 weeks + 0 days pregnant · third trimester"),
        (36 * 7 + 6, "36 weeks + 6 days pregnant · third trimester"),
        (37 * 7, "37 weeks + 0 days pregnant · third trimester, early term"),
        (39 * 7, "39 weeks + 0 days pregnant · third trimester, full term"),
        (41 * 7, "41 weeks + 0 days pregnant · third trimester, late term"),
        (42 * 7, "42 weeks + 0 days pregnant · third trimester, post-term"),
    ],
)
def test_stage_words(days, words):
    assert describe_stage(CONTENT, Stage(gestation_days=days)) == words


def test_profile_dates_keep_one_basis():
    lmp = profile_dates(date(2026, 5, 1), "lmp", Profile(birth_date=date(2026, 1, 1), date_basis="born"))
    assert (lmp.date_basis, lmp.lmp, lmp.due_date, lmp.birth_date) == ("lmp", date(2026, 5, 1), date(2027, 2, 5), None)
    born = profile_dates(date(2026, 11, 3), "born", lmp)
    assert (born.due_date, born.lmp, born.birth_date) == (None, None, date(2026, 11, 3))


def test_records_get_gestation_days_from_the_profile():
    at = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)
    record = with_gestation(FlareLog(pain=4, at=at), Profile(due_date=date(2027, 2, 14), date_basis="due"))
    assert record.gestation_days == 28 * 7 + 4
    assert with_gestation(FlareLog(pain=4, at=at), Profile()).gestation_days is None
    born = Profile(birth_date=date(2026, 11, 1), date_basis="born")
    assert with_gestation(FlareLog(pain=4, at=at), born).gestation_days is None


@pytest.mark.parametrize(
    ("typed", "day_first", "said"),
    [
        ("31/02/2027", True, "February has 28 days in 2027: please check the day."),
        ("2/31/2027", False, "February has 28 days in 2027: please check the day."),
        ("2028-02-30", True, "February has 29 days in 2028: please check the day."),
        ("31 April 2027", True, "April has 30 days in 2027: please check the day."),
        ("30 Feb", True, "February has at most 29 days: please check the day."),
    ],
)
def test_a_day_past_the_end_of_its_month_is_named(typed, day_first, said):
    with pytest.raises(DateProblem) as caught:
        read_date(typed, basis="due", day_first=day_first, today=TODAY)
    assert problem_text(CONTENT, caught.value) == said


def test_the_days_of_every_month_are_the_calendar_s():
    import calendar

    from coach.checkin.pregnancy import days_in

    years = (1, 1900, 2000, 2023, 2024, 2100, 9999)
    assert [days_in(y, m) for y in years for m in range(1, 13)] == [
        calendar.monthrange(y, m)[1] for y in years for m in range(1, 13)
    ]
