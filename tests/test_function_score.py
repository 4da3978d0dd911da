"""The weekly function score (PEG): its scoring, the weekly offer in the check-in (never twice in a week, a skip
remembered), the command line, the trends and the exports."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import timedelta

import pytest
from textual.widgets import Static

from coach.checkin.function_score import peg_score
from coach.history.export import render
from coach.history.function_weeks import due, meaningful_fall, percent_change, weekly_scores
from coach.history.records import CheckIn, parse_record
from tests.conftest import FIXED_NOW
from tests.test_checkin_flow import CALM, DUE, NO_FLAGS, press, screen_name, shown

BEFORE_OFFER = CALM[:-1]  # the check-in's answers up to the weekly offer


def checkin(at, **answers) -> CheckIn:
    answers = {"pain_now": 3, **answers}
    return CheckIn(at=at, answers=answers, pain_now=3, level="self-care", function_score=peg_score(answers))


# --- scoring ---------------------------------------------------------------------------------------


def test_the_score_is_the_mean_of_the_three_answers():
    assert peg_score({"peg_pain": 7, "peg_enjoyment": 5, "peg_activity": 6}) == 6.0
    assert peg_score({"peg_pain": 10, "peg_enjoyment": 0, "peg_activity": 0}) == 3.33
    assert peg_score({"peg_pain": 7, "peg_enjoyment": 5}) is None  # all three or none
    assert peg_score({"peg_pain": True, "peg_enjoyment": 5, "peg_activity": 6}) is None
    assert peg_score({"function_week": "skip", "peg_pain": 7, "peg_enjoyment": 5, "peg_activity": 6}) is None


def test_a_fall_of_30_percent_is_meaningful():
    assert percent_change(6.0, 4.2) == pytest.approx(-30)
    assert meaningful_fall(6.0, 4.2) and not meaningful_fall(6.0, 4.5) and not meaningful_fall(0, 0)


def test_old_checkins_without_a_score_still_load():
    old = {"schema": 2, "kind": "checkin", "id": "a" * 32, "at": "2026-11-01T10:00:00+00:00",
           "answers": {"pain_now": 3}, "pain_now": 3, "level": "self-care"}  # fmt: skip
    assert parse_record(old).function_score is None


# --- the weekly offer ------------------------------------------------------------------------------


def test_due_once_a_calendar_week_answered_or_skipped():
    monday = FIXED_NOW - timedelta(days=FIXED_NOW.weekday())  # the fixed day is a Thursday
    assert due([], FIXED_NOW)
    assert due([checkin(monday)], FIXED_NOW)  # a check-in that did not offer it
    assert not due([checkin(monday, function_week="skip")], FIXED_NOW)
    assert not due([checkin(monday, function_week="now", peg_pain=5, peg_enjoyment=4, peg_activity=3)], FIXED_NOW)
    assert due([checkin(monday - timedelta(days=1), function_week="skip")], FIXED_NOW)  # last Sunday


async def test_the_checkin_offers_it_and_takes_numbers_arrows_and_clicks(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "c", *BEFORE_OFFER)
        assert "Once a week" in shown(app, "#question")
        assert shown(app, "#progress") == "Question 11 of 16"
        await press(pilot, "a")  # yes, now
        assert shown(app, "#progress") == "Question 12 of 19"
        assert "on average in the past week" in shown(app, "#question")
        await press(pilot, "1", "0", "enter")  # typed 10
        assert "enjoyment of life" in shown(app, "#question")
        await press(pilot, "end", "left", "left", "enter")  # 8 by the arrows
        assert "general activity" in shown(app, "#question")
        await pilot.click("#scale", offset=(6 * 5 + 2, 0))  # the number 6
        await pilot.pause()
        await press(pilot, *NO_FLAGS)
        assert screen_name(app) == "AssessmentScreen"
    [saved] = store.query(kind="checkin")
    assert (saved.answers["peg_pain"], saved.answers["peg_enjoyment"], saved.answers["peg_activity"]) == (10, 8, 6)
    assert saved.function_score == 8.0


async def test_not_twice_in_a_week_and_a_skip_is_remembered(make_app, store):
    store.save_profile(DUE)
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "c", *CALM, *NO_FLAGS)  # "not this week"
        assert screen_name(app) == "AssessmentScreen"
    [skipped] = store.query(kind="checkin")
    assert skipped.answers["function_week"] == "skip" and skipped.function_score is None
    app = make_app(now=FIXED_NOW + timedelta(days=2))  # Saturday, the same week
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "c", *BEFORE_OFFER)
        assert "Once a week" not in shown(app, "#question")
        assert shown(app, "#progress") == "Question 11 of 15"  # straight to the warning signs
    app = make_app(now=FIXED_NOW + timedelta(days=4))  # Monday: a new week
    async with app.run_test(size=(100, 32)) as pilot:
        await press(pilot, "c", *BEFORE_OFFER)
        assert "Once a week" in shown(app, "#question")


# --- command line ----------------------------------------------------------------------------------


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "coach", *args], input=stdin, capture_output=True, text=True)


CALM_ANSWERS = {"where": ["buttock"], "side": "left", "feel": ["dull-ache"], "pain_now": 4, "pain_worst": 5,
                "worse": [], "rest": "yes", "trend": "better", "sleep": "none", "duration": "days",
                "flags_nerves": [], "flags_urine": [], "flags_bleeding": [], "flags_pregnancy": [], "flags_other": []}  # fmt: skip


def test_check_in_answers_take_the_score_as_optional_ids(store):
    store.save_profile(DUE)
    plain = run("check-in", "--answers", "-", "--json", "--stage", "30", stdin=json.dumps(CALM_ANSWERS))
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["function_score"] is None
    scored = {**CALM_ANSWERS, "peg_pain": 6, "peg_enjoyment": 5, "peg_activity": 4}
    done = run("check-in", "--answers", "-", "--json", "--save", "--stage", "30", stdin=json.dumps(scored))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["function_score"] == 5.0
    assert store.query(kind="checkin")[0].function_score == 5.0
    half = run("check-in", "--answers", "-", "--stage", "30", stdin=json.dumps({**CALM_ANSWERS, "peg_pain": 6}))
    assert half.returncode == 2 and "peg_enjoyment" in half.stderr and "Traceback" not in half.stderr
    schema = json.loads(run("check-in", "--schema", "--stage", "30").stdout)
    assert schema["peg_activity"]["optional"] is True and schema["function_week"]["options"].keys() == {"now", "skip"}


# --- trends and exports ----------------------------------------------------------------------------


def weeks_of_scores() -> list[CheckIn]:
    items = [(8, 7, 7), (6, 6, 5), (4, 3, 4)]  # 7.33, 5.67, 3.67: a fall of 50%
    return [
        checkin(FIXED_NOW - timedelta(weeks=2 - i), function_week="now", peg_pain=p, peg_enjoyment=e, peg_activity=a)
        for i, (p, e, a) in enumerate(items)
    ]


def test_scores_by_week(content):
    weeks = weekly_scores(weeks_of_scores(), FIXED_NOW.tzinfo)
    assert [round(w.score, 2) for w in weeks] == [7.33, 5.67, 3.67]


async def test_the_trends_show_the_score_by_week(make_app, store):
    store.add_many(weeks_of_scores())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "h", "t")
        text = str(app.screen.query_one("#trend-function", Static).content)
    assert "Week from 2026-11-09: 7.3" in text and "Week from 2026-11-23: 3.7" in text
    assert "-50%, a fall of 30% or more" in text


def test_exports_carry_the_score(content):
    records = weeks_of_scores()
    body = json.loads(render(content, "json", records, FIXED_NOW))
    assert [r["function_score"] for r in body["records"]] == [7.33, 5.67, 3.67]
    rows = list(csv.DictReader(io.StringIO(render(content, "csv", records, FIXED_NOW))))
    assert [row["function_score"] for row in rows] == ["7.33", "5.67", "3.67"]
    report = render(content, "md", records, FIXED_NOW)
    assert "## Weekly function score (PEG)" in report and "| 2026-11-23 | 3.7 |" in report
    assert "-50%, a fall of 30% or more" in report and "IMMPACT" in report
