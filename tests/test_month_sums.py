"""What helps from sums saved per month (coach.history.month_sums): the answer the records give, worked out again only
for a month written since, and never holding the records."""

from __future__ import annotations

import json
import weakref
from collections.abc import Iterator

import pytest

from coach.history import insights, month_sums, sums_files
from coach.history.insight_text import helps_lines
from coach.history.records import Record
from coach.history.report_sums import Limits, ReportSums
from coach.history.store import Store
from tests.history_records import NOW, checkin, session
from tests.make_history import make_records
from tests.packaged import CONTENT


def answer(content, sums: insights.HelpsSums) -> list[str]:
    return helps_lines(content, sums.effects(content), sums.trigger_list())


def from_records(content, records: list[Record]) -> list[str]:
    return helps_lines(content, insights.what_helps(content, records), insights.trigger_counts(records))


@pytest.fixture
def history(store):
    store.add_many(make_records(600, end=NOW, days=200))
    return store


def count_reads(monkeypatch) -> list[str]:
    read: list[str] = []
    real = Store.read_whole

    def read_whole(self, path):
        read.append(path.stem)
        return real(self, path)

    monkeypatch.setattr(Store, "read_whole", read_whole)
    return read


def test_the_answer_is_the_records_answer_and_the_second_look_reads_no_month(history, monkeypatch):
    expected = from_records(CONTENT, history.query())
    assert "lowered your pain" in "\n".join(expected)
    read = count_reads(monkeypatch)
    assert month_sums.saved_helps_sums(history) is None  # nothing saved yet
    assert answer(CONTENT, month_sums.helps_sums(history)) == expected
    assert len(read) == len(history.month_files())
    assert answer(CONTENT, month_sums.saved_helps_sums(history)) == expected  # each month's sums, no record read
    assert answer(CONTENT, month_sums.helps_sums(history)) == expected
    assert len(read) == len(history.month_files())


def test_only_a_month_written_since_is_read_again(history, monkeypatch):
    month_sums.helps_sums(history)
    own = [session(i, before=9, after=1, routine="my-own", name="My own stretch") for i in range(3)]
    history.add_many([*own, checkin(0, answers={"worse": ["stairs"]})])
    read = count_reads(monkeypatch)
    assert month_sums.saved_helps_sums(history) is None
    got = answer(CONTENT, month_sums.helps_sums(history))
    assert read == ["2026-11"]
    assert got == from_records(CONTENT, history.query())
    assert any("My own stretch lowered your pain by 8.0" in line for line in got)


def test_damaged_or_stale_sums_are_made_again(history):
    expected = answer(CONTENT, month_sums.helps_sums(history))
    saved = sorted((history.root / sums_files.FOLDER).glob("*.json"))
    assert len(saved) == len(history.month_files())
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in saved)
    saved[0].write_bytes(b"\x00 not json")
    saved[1].write_text('{"version": 1, "key": [1, 2, 3], "sums": {"routines": {}, "triggers": {}}}')
    damaged = json.loads(saved[2].read_text())  # at its month's key, but not sums
    saved[2].write_text(json.dumps(damaged | {"sums": {"routines": {"x": [1]}, "triggers": {}}}))
    assert month_sums.saved_helps_sums(history) is None
    assert answer(CONTENT, month_sums.helps_sums(history)) == expected
    assert answer(CONTENT, month_sums.saved_helps_sums(history)) == expected


def test_the_sums_of_a_month_moved_aside_are_forgotten(history):
    month_sums.helps_sums(history)
    first = history.month_files()[0]
    first.write_text("{ not json")  # damaged by hand: moved aside when read
    month_sums.helps_sums(history)
    assert not (history.root / sums_files.FOLDER / first.name).exists()
    assert history.problems and history.problems[0].name == first.stem


def counted(records: list[Record], alive: list[weakref.ref[Record]]) -> Iterator[Record]:
    """The records one at a time, each forgotten by the caller once given (as Store.stream gives them)."""
    while records:
        record = records.pop(0)
        alive.append(weakref.ref(record))
        yield record
        del record


def test_the_sums_hold_the_routines_not_the_records():
    records = make_records(2000, end=NOW, days=100)
    expected = from_records(CONTENT, records)
    alive: list[weakref.ref[Record]] = []
    sums = insights.HelpsSums().add_all(counted(records, alive))
    assert len(alive) == 2000 and sum(ref() is not None for ref in alive) == 0
    assert answer(CONTENT, sums) == expected
    assert len(sums.routines) == 4  # tests/make_history.py's four routines


def test_the_report_sums_hold_only_the_latest_few():
    limits = Limits(checkins=5, flagged=4, clearances=3, notes=2)
    alive: list[weakref.ref[Record]] = []
    ReportSums(NOW.tzinfo, limits).add_all(counted(make_records(2000, end=NOW, days=100), alive))
    assert len(alive) == 2000
    # A record in two lists (a check-in with a warning sign and a note) is one record.
    assert sum(ref() is not None for ref in alive) <= 5 + 4 + 3 + 2


def test_sums_saved_and_read_back_are_the_same():
    sums = insights.HelpsSums().add_all(make_records(500, end=NOW, days=60))
    again = month_sums.from_json(month_sums.to_json(sums))
    assert again.routines == sums.routines and again.triggers == sums.triggers
