"""Counts read as words do: "1 record.", "1 week + 4 days", never "1 records" or "1 weeks" (issue 11 point 10).

Content gives a counted message as name_one / name_other; one plain function picks the form by the language's
rule, and a language without plurals (Chinese) needs only name_other.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from coach.checkin.pregnancy import Stage, describe_stage, echo
from coach.content.plural import counted_name, plural_form
from coach.history.insight_text import helps_lines
from coach.history.record_text import week_detail
from tests.packaged import CONTENT


@pytest.mark.parametrize(("count", "form"), [(0, "other"), (1, "one"), (2, "other"), (11, "other"), (21, "other")])
def test_english_has_one_and_other(count, form):
    assert plural_form(count, "en") == form


@pytest.mark.parametrize("count", [0, 1, 2, 5])
def test_chinese_has_no_plural_and_needs_only_the_other_form(count):
    assert plural_form(count, "zh-CN") == "other"
    assert counted_name({"count_other": "{count} 条记录。"}, "count", count, "zh-CN") == "count_other"


def test_a_plain_message_is_used_as_it_is_and_a_missing_one_form_falls_back_to_other():
    assert counted_name({"count": "x"}, "count", 1) == "count"
    assert counted_name({"count_other": "x"}, "count", 1) == "count_other"


def test_history_counts_records_in_words():
    assert CONTENT.text("history.count", count=1) == "1 record."
    assert CONTENT.text("history.count", count=2) == "2 records."
    assert CONTENT.text("export.written", count=1, path="x.md") == "Wrote 1 record to x.md."


def test_weeks_and_days_take_their_own_forms():
    assert CONTENT.counted("weeks", 1) == "1 week" and CONTENT.counted("days", 1) == "1 day"
    assert week_detail(CONTENT, 11) == "1 week and 4 days"
    assert describe_stage(CONTENT, Stage(postnatal_days=11)) == "Baby born 1 week + 4 days ago"
    today = date(2026, 11, 26)
    assert "your baby is 1 week + 4 days old" in echo(CONTENT, today - timedelta(days=11), "born", today)
    assert "you are 30 weeks + 1 day today" in echo(
        CONTENT, today + timedelta(weeks=10) - timedelta(days=1), "due", today
    )


def test_a_trigger_seen_once_is_one_check_in():
    lines = helps_lines(CONTENT, [], [("one-leg", 1), ("stairs", 2)])
    assert any(line.endswith(": 1 check-in") for line in lines)
    assert any(line.endswith(": 2 check-ins") for line in lines)
