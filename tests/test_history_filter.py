from datetime import UTC, date, datetime

from coach.history.filter import HistoryFilter
from coach.history.records import Profile
from tests.history_records import NOW, flare

UTC = UTC


def test_periods_start_at_midnight_days_back():
    f = HistoryFilter()
    assert f.since(NOW, Profile()) == datetime(2026, 10, 28, tzinfo=UTC)  # 30 days: today and 29 before
    assert f.next_period().since(NOW, Profile()) == datetime(2026, 11, 20, tzinfo=UTC)
    assert HistoryFilter(period="all").since(NOW, Profile()) is None


def test_this_pregnancy_starts_280_days_before_the_due_date(content):
    f = HistoryFilter(period="pregnancy")
    assert f.since(NOW, Profile(due_date=date(2027, 1, 1))) == datetime(2026, 3, 27, tzinfo=UTC)
    assert f.since(NOW, Profile(lmp=date(2026, 4, 1))) == datetime(2026, 4, 1, tzinfo=UTC)
    assert f.since(NOW, Profile()) is None
    assert "no dates" in f.period_label(content, Profile())


def test_cycling_comes_back_round():
    f = HistoryFilter()
    kinds = [f := f.next_kind() for _ in range(5)]
    assert [k.kind for k in kinds] == ["checkin", "routine", "flare", "clearance", "all"]
    assert HistoryFilter().next_period().next_period().next_period().next_period().period == "30"


def test_search_in_notes_ignores_case():
    f = HistoryFilter(search="Stairs")
    assert f.matches(flare(note="after the STAIRS at work"))
    assert not f.matches(flare(note="walking"))
    assert HistoryFilter().matches(flare())
