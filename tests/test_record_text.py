from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from coach.history.insights import DayPain
from coach.history.record_text import answer_lines, detail_lines, summary, when_label
from coach.history.record_words import week_label
from coach.tui.widgets.trend_chart import chart_lines
from tests.history_records import NOW, checkin, flare, session


@dataclass
class Option:
    id: str
    label: str


@dataclass
class Question:
    id: str
    text: str
    options: list[Option] = field(default_factory=list)


@dataclass
class Questionnaire:
    questions: list[Question]


QUESTIONS = Questionnaire(
    [
        Question(
            "where", "Where does it hurt?", [Option("buttock", "In the buttock"), Option("thigh", "Back of the thigh")]
        ),
        Question("numb", "Any numbness?"),
        Question("pain_now", "How bad is it now?"),
    ]
)


def test_when_labels(content):
    assert when_label(content, NOW.replace(hour=14, minute=5), NOW) == "today 14:05"
    assert when_label(content, NOW - timedelta(days=1), NOW) == "yesterday 10:30"
    assert when_label(content, datetime(2026, 11, 23, 8, tzinfo=UTC), NOW) == "Mon 23 Nov"
    assert when_label(content, datetime(2026, 10, 2, 8, tzinfo=UTC), NOW) == "02 Oct"
    assert when_label(content, datetime(2025, 10, 2, 8, tzinfo=UTC), NOW) == "02 Oct 2025"


def test_summaries_match_the_issue_examples(content):
    assert summary(content, session(before=6, after=3, seconds=310)) == "Quick buttock relief - 5:10 - pain 6 -> 3"
    assert (
        summary(content, checkin(pain=7, level="urgent", flags=["fluid"]))
        == "Check-in - pain 7 - urgent: fluid leaking (your waters)"
    )
    # an id the content no longer has (an older record) is still readable
    assert (
        summary(content, checkin(pain=7, level="urgent", flags=["old-flag-id"]))
        == "Check-in - pain 7 - urgent: old flag id"
    )
    assert summary(content, checkin(pain=2, level="soon")) == "Check-in - pain 2 - see someone soon"
    assert summary(content, session(before=6, after=None, stopped_early=True)).endswith("pain 6 -> ? (stopped early)")
    assert summary(content, flare(pain=8)) == "Flare - pain 8"


def test_week_label(content):
    assert week_label(content, 240) == "34+2"
    assert week_label(content, None) == ""


def test_answers_as_question_and_answer_in_questionnaire_order(content):
    answers = {
        "pain_now": 7,
        "numb": False,
        "where": ["buttock", "thigh"],
        "retired_question": "left-side",
        "signs": [],
    }
    assert answer_lines(content, answers, QUESTIONS) == [
        ("Where does it hurt?", "In the buttock, Back of the thigh"),
        ("Any numbness?", "no"),
        ("How bad is it now?", "7"),
        ("retired question", "left side"),
        ("signs", "none"),
    ]


def test_answers_without_a_questionnaire_fall_back_to_ids(content):
    assert answer_lines(content, {"pain_now": 7, "where": "buttock"}, None) == [("pain now", "7"), ("where", "buttock")]


def test_detail_lines_in_plain_words(content):
    lines = dict(detail_lines(content, session(before=6, after=None, gestation_days=240, note="hi"), NOW))
    assert lines["Pain before"] == "6 out of 10"
    assert lines["Pain after"] == "not noted"
    assert lines["Week of pregnancy"] == "34 weeks and 2 days"
    assert lines["Note"] == "hi"
    assert "press n" in dict(detail_lines(content, flare(), NOW))["Note"]
    checkin_lines = dict(
        detail_lines(content, checkin(level="urgent", flags=["fluid", "fever"], pattern="pelvic-girdle"), NOW)
    )
    assert checkin_lines["What it suggested"] == "Contact your maternity unit or midwife now"
    assert checkin_lines["Warning signs you reported"] == "Fluid leaking (your waters); Fever or high temperature"
    assert checkin_lines["Likely pattern"] == "pelvic girdle pain (PGP)"
    assert dict(detail_lines(content, flare(activity="car"), NOW))["Doing"] == "Getting in or out of a car"


def test_chart_has_scale_dates_and_shapes(content):
    first, last = date(2026, 10, 28), date(2026, 11, 26)
    days = [DayPain(date(2026, 11, 26), 6.0, 9, 3), DayPain(date(2026, 10, 28), 2.0, 2, 1)]
    lines = chart_lines(days, first, last, date_format=content.text("when.this_year"))
    assert len(lines) == 12 and max(len(line) for line in lines) <= 78  # fits 80 columns
    assert lines[0].startswith(" 10 ┤") and lines[5].startswith("  5 ┤") and lines[10].startswith("  0 └")
    assert lines[-1].rstrip().endswith("26 Nov")
    last_col = lambda row: lines[row][5 + 29 * 2 : 5 + 29 * 2 + 2]  # noqa: E731
    assert last_col(1) == " ●"  # worst 9 on the row for 9
    assert [last_col(r)[0] for r in range(10)] == [" "] * 4 + ["█"] * 6  # average 6: six rows of bar
    assert lines[10][5 + 2] == "·"  # 29 Oct: no entry, marked on the axis


def test_weekly_chart_has_a_column_pair_per_week(content):
    first, last = date(2026, 6, 1), date(2026, 11, 26)  # 26 Mondays: 1 Jun to 23 Nov
    lines = chart_lines(
        [DayPain(date(2026, 11, 23), 3.0, 10, 5)], first, last, date_format=content.text("when.this_year"), step=7
    )
    assert len(lines[0]) == 5 + 26 * 2
    assert lines[0][5 + 25 * 2 + 1] == "●"  # the last week's worst, 10, on the top row
    assert lines[-1].split()[-2:] == ["23", "Nov"]  # the last column is labelled by its Monday


def test_answers_with_the_real_questionnaire(content):
    lines = dict(answer_lines(content, {"worse": ["walking", "car"], "pain_now": 6}, content.questionnaire))
    assert lines["What makes it worse?"] == "Walking, Getting in or out of a car"


def test_week_lines_say_which_way_pain_went_after_routines(content):
    from coach.history.insight_text import week_lines
    from coach.history.insights import WeekStats

    eased = WeekStats(date(2026, 11, 20), date(2026, 11, 26), sessions=4, minutes=22.4, average_change=1.25)
    worse = WeekStats(date(2026, 11, 13), date(2026, 11, 19), sessions=2, minutes=10, average_change=-0.5)
    this, before = week_lines(content, eased, worse)
    assert "4 routines, 22 minutes" in this and "1.2 points lower" in this
    assert "0.5 points higher" in before
    same = WeekStats(date(2026, 11, 20), date(2026, 11, 26), sessions=1, minutes=5, average_change=0.01)
    none = WeekStats(date(2026, 11, 13), date(2026, 11, 19), sessions=0, minutes=0, average_change=None)
    this, before = week_lines(content, same, none)
    assert "about the same" in this and "not measured" in before


def test_a_clearance_is_worded_in_the_history_and_its_detail(content):
    from coach.history.record_text import detail_title, kind_label
    from coach.history.records import Clearance

    at = datetime(2026, 11, 26, 9, 15, tzinfo=UTC)
    cleared = Clearance(at=at, checkin_id="abcdefgh12", level="urgent", flags=["painful-urination"])
    assert kind_label(content, cleared.kind) == "Checked"
    assert (
        summary(content, cleared)
        == "Checked by a midwife or doctor after: pain or burning when passing urine (possible urine infection)"
    )
    assert detail_title(content, cleared) == "Checked by a midwife or doctor"
    lines = dict(detail_lines(content, cleared, at))
    assert lines["Warning signs checked"] == "Pain or burning when passing urine (possible urine infection)"
