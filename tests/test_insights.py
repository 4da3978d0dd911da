from datetime import UTC, date

from coach.history import insights
from tests.history_records import NOW, checkin, flare, session
from tests.packaged import CONTENT

UTC = UTC


def test_empty_history_has_no_trends_streak_or_effects():
    assert insights.daily_pain([], date(2026, 11, 1), NOW.date(), UTC) == []
    this, before = insights.week_vs_last([], NOW)
    assert (this.sessions, this.minutes, this.average_change) == (0, 0, None)
    assert before.sessions == 0
    assert insights.routine_streak([], NOW) == 0
    assert insights.what_helps(CONTENT, []) == []
    assert insights.trigger_counts([]) == []


def test_one_record():
    days = insights.daily_pain([flare(0, pain=7)], date(2026, 11, 1), NOW.date(), UTC)
    assert days == [insights.DayPain(NOW.date(), 7.0, 7, 1)]
    assert insights.routine_streak([session(0)], NOW) == 1
    assert insights.what_helps(CONTENT, [session(0)]) == []  # one session says nothing yet


def test_several_per_day_average_and_worst():
    records = [flare(0, pain=8), checkin(0, pain=4, pain_worst=9), session(0, before=6, after=2), flare(1, pain=3)]
    days = insights.daily_pain(records, date(2026, 11, 20), NOW.date(), UTC)
    assert [d.day for d in days] == [date(2026, 11, 25), date(2026, 11, 26)]
    today = days[1]
    assert today.readings == 4  # 8, 4, 6 and 2
    assert today.average == 5.0
    assert today.worst == 9  # the check-in's worst counts for the day's worst


def test_days_outside_the_window_are_left_out():
    days = insights.daily_pain([flare(40), flare(2)], date(2026, 11, 20), NOW.date(), UTC)
    assert len(days) == 1


def test_missing_pain_after_is_left_out_of_changes():
    records = [session(i, before=6, after=3) for i in range(3)] + [session(3, before=9, after=None)]
    (effect,) = insights.what_helps(CONTENT, records)
    assert effect.times == 4
    assert effect.measured == 3
    assert effect.average_change == 3.0
    assert effect.helped == 3


def test_routine_needs_three_measured_sessions():
    records = [session(i, after=None) for i in range(5)] + [session(6), session(7)]
    assert insights.what_helps(CONTENT, records) == []


def test_what_helps_orders_by_change_then_ties_by_name():
    rock = [session(i, before=5, after=3, routine="pelvic-rock", name="Pelvic rock") for i in range(3)]
    quick = [session(i, before=5, after=3) for i in range(3)]
    worse = [session(i, before=3, after=4, routine="x", name="Another") for i in range(3)]
    effects = insights.what_helps(CONTENT, worse + rock + quick)
    assert [e.name for e in effects] == ["Pelvic rock", "Quick buttock relief", "Another"]
    assert effects[-1].average_change == -1.0
    assert effects[-1].helped == 0


def test_week_against_last_week():
    records = [
        session(0, before=6, after=2, seconds=600),
        session(6, before=5, after=5, seconds=300),
        session(7, before=8, after=6, seconds=120),
        session(14, seconds=900),  # two weeks back: in neither
        flare(1),
    ]
    this, before = insights.week_vs_last(records, NOW)
    assert (this.sessions, this.minutes, this.average_change) == (2, 15.0, 2.0)
    assert (before.sessions, before.minutes, before.average_change) == (1, 2.0, 2.0)


def test_streak_counts_back_and_survives_a_morning_without_a_routine_yet():
    records = [session(1), session(2), session(2, hour=20), session(3), session(5)]
    assert insights.routine_streak(records, NOW) == 3  # yesterday and the two days before
    assert insights.routine_streak([*records, session(0)], NOW) == 4
    assert insights.routine_streak([session(2)], NOW) == 0  # a day missed breaks it


def test_trigger_counts_most_first_ties_by_name():
    records = [
        checkin(answers={"worse": ["one-leg", "walking"]}),
        checkin(answers={"worse": ["walking"]}),
        checkin(answers={"worse": "sitting"}),
        checkin(answers={"worse": ["one-leg"]}),
        checkin(answers={}),
        flare(),
    ]
    assert insights.trigger_counts(records) == [("one-leg", 2), ("walking", 2), ("sitting", 1)]


def test_bucket_pain_weights_by_readings_and_keeps_the_worst():
    days = [
        insights.DayPain(date(2026, 11, 2), 2.0, 3, 1),
        insights.DayPain(date(2026, 11, 3), 5.0, 9, 3),
        insights.DayPain(date(2026, 11, 10), 4.0, 4, 2),
    ]
    weeks = insights.bucket_pain(days, date(2026, 11, 2), 7)
    assert weeks == [
        insights.DayPain(date(2026, 11, 2), 4.25, 9, 4),
        insights.DayPain(date(2026, 11, 9), 4.0, 4, 2),
    ]
    assert insights.bucket_pain(days, date(2026, 11, 2), 1) == days
