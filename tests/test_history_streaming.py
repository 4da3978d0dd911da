"""A whole history read month by month (Store.stream) and exported as it is read: the same records in the same order
as Store.query, the same files as rendering them all at once, never more than about a month held, and a failure
half-way leaves nothing behind."""

from __future__ import annotations

import csv
import io
import json
import weakref
from datetime import UTC, datetime, timedelta, timezone

import pytest

from coach.history import export, export_file, export_text
from coach.history import store as store_module
from coach.history.records import CheckIn, FlareLog, Record
from tests.history_records import NOW, checkin, flare, session
from tests.make_history import make_records
from tests.packaged import CONTENT

ZONES = [timezone(timedelta(hours=h)) for h in (-11, -5, 0, 1, 9, 14)]


def around_month_ends() -> list[Record]:
    """Records in several zones near the ends of months: a month file holds its records' own local month, so one
    file's records can be later than the next file's."""
    records: list[Record] = []
    for month in (9, 10, 11):
        end = datetime(2026, month, 1, tzinfo=UTC)
        for i, zone in enumerate(ZONES):
            for hours in (-13, -2, 0, 3, 12):
                at = (end + timedelta(hours=hours, minutes=7 * i)).astimezone(zone)
                records.append(FlareLog(at=at, pain=(i + hours) % 11, note=f"{month}/{i}/{hours}"))
    records.append(FlareLog(at=datetime(2026, 10, 1, tzinfo=UTC), pain=1, note="same moment as another"))
    return records


@pytest.fixture
def mixed(store):
    store.add_many(around_month_ends() + make_records(300, end=NOW, days=100))
    return store


def test_stream_gives_what_query_gives_in_the_same_order(mixed):
    assert [r.id for r in mixed.stream()] == [r.id for r in mixed.query()]
    since, until = datetime(2026, 9, 30, 20, tzinfo=UTC), datetime(2026, 11, 1, 1, tzinfo=UTC)
    for kind in (None, "flare", ("checkin", "routine")):
        expected = [r.id for r in mixed.query(kind=kind, since=since, until=until)]
        assert [r.id for r in mixed.stream(kind=kind, since=since, until=until)] == expected


@pytest.fixture
def months_read(monkeypatch) -> list[str]:
    """Grows by one each time a month file is read and validated."""
    read: list[str] = []
    real = store_module._parse_month

    def parse(raw: bytes) -> list[Record]:
        read.append("month")
        return real(raw)

    monkeypatch.setattr(store_module, "_parse_month", parse)
    return read


def test_stream_reads_a_month_at_a_time_and_caches_none(mixed, months_read):
    read = months_read
    stream = mixed.stream()
    next(stream)
    assert len(read) <= 2 < len(mixed.month_files())  # the newest month (and the one before, for its last day)
    list(stream)
    assert len(read) == len(mixed.month_files())
    list(mixed.stream())
    assert len(read) == 2 * len(mixed.month_files())  # nothing was kept: read again


def test_a_month_partly_asked_for_keeps_that_part_and_a_wider_question_reads_it_again(mixed, months_read):
    at = {r.id: r.at for r in mixed.query()}
    everything = list(at)
    mixed._cache.clear()
    months_read.clear()

    def since(moment: datetime) -> list[str]:
        return [i for i in everything if at[i] >= moment]

    late, later, wider = (datetime(2026, 10, day, tzinfo=UTC) for day in (20, 25, 1))
    assert [r.id for r in mixed.query(since=late)] == since(late)
    assert len(months_read) == len(mixed.months(since=late))
    months_read.clear()
    assert [r.id for r in mixed.query(since=later)] == since(later)
    assert months_read == []  # what was kept covers it: the trends' 30 days after the table's
    month = mixed.history / "2026-10.json"
    assert 0 < len(mixed._cache[month].records) < len(mixed._read_month(month, keep=False))
    months_read.clear()
    assert [r.id for r in mixed.query(since=wider)] == since(wider) and months_read  # read again, whole
    assert [r.id for r in mixed.query()] == everything  # nothing was lost by keeping a part


@pytest.mark.parametrize("fmt", export_file.FORMATS)
def test_an_export_is_the_rendering_of_the_whole_history(mixed, tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    done = export.export_history(CONTENT, mixed, fmt, NOW, path=target)
    records = mixed.query()
    assert done.count == len(records)
    whole = export.render(CONTENT, fmt, records, NOW, mixed.load_profile())
    assert target.read_bytes().decode("utf-8") == whole
    printed = io.StringIO()
    export.export_history(CONTENT, mixed, fmt, NOW, out=printed)
    assert printed.getvalue() == whole


@pytest.mark.parametrize("records", [[], [flare(0, note="\x85 C1 and \x7f")], None], ids=["empty", "one", "sample"])
def test_json_written_piece_by_piece_is_json_dumps_of_the_whole(records):
    records = [session(0), checkin(1, flags=["fluid"]), flare(2, where=["buttock"])] if records is None else records
    whole = {
        "format": "pain-coach",
        "schema": 2,
        "exported_at": NOW.isoformat(),
        "records": [r.to_json() for r in records],
    }
    expected = json.dumps(whole, indent=2, ensure_ascii=False) + "\n"
    written = export.to_json(iter(records), NOW)
    assert written == expected.replace("\x85", "\\u0085").replace("\x7f", "\\u007f")
    assert json.loads(written)["records"] == whole["records"]


def test_an_export_holds_about_a_month_of_records_at_most(mixed, tmp_path, monkeypatch):
    alive: list[weakref.ref[Record]] = []
    real_parse, real_row = store_module._parse_month, export_text.csv_row
    most = 0

    def parse(raw: bytes) -> list[Record]:
        records = real_parse(raw)
        alive.extend(weakref.ref(r) for r in records)
        return records

    def row(content, record):
        nonlocal most
        most = max(most, sum(ref() is not None for ref in alive))
        return real_row(content, record)

    monkeypatch.setattr(store_module, "_parse_month", parse)
    monkeypatch.setattr(export_text, "csv_row", row)
    monkeypatch.setattr(export_text, "CSV_BATCH", 10)  # rows are written in batches of records
    done = export.export_history(CONTENT, mixed, "csv", NOW, path=tmp_path / "out.csv")
    biggest_month = max(len(store_module._parse_month(p.read_bytes())) for p in mixed.month_files())
    assert most <= 2 * biggest_month + export_text.CSV_BATCH < done.count


@pytest.mark.parametrize("force", [False, True])
def test_an_export_that_fails_half_way_leaves_no_file(mixed, tmp_path, monkeypatch, force):
    target = tmp_path / "out.csv"
    if force:
        target.write_text("the export of last week")
    written = 0
    real = export_text.csv_row
    monkeypatch.setattr(export_text, "CSV_BATCH", 50)

    def fail_later(content, record):
        nonlocal written
        written += 1
        if written > 200:  # four batches of rows are in the temp file by now
            raise OSError(28, "No space left on device")
        return real(content, record)

    monkeypatch.setattr(export_text, "csv_row", fail_later)
    with pytest.raises(export_file.ExportError) as failed:
        export.export_history(CONTENT, mixed, "csv", NOW, path=target, force=force)
    assert failed.value.reason == "os" and "space" in str(failed.value).lower()
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == (["out.csv"] if force else [])
    if force:
        assert target.read_text() == "the export of last week"


def test_a_refused_history_writes_nothing(mixed, tmp_path):
    def refuse(_store) -> None:
        raise RuntimeError("a month could not be read")

    with pytest.raises(RuntimeError):
        export.export_history(CONTENT, mixed, "json", NOW, path=tmp_path / "out.json", on_read=refuse)
    printed = io.StringIO()
    with pytest.raises(RuntimeError):
        export.export_history(CONTENT, mixed, "json", NOW, out=printed, on_read=refuse)
    assert [p.name for p in tmp_path.iterdir() if p.name != "data"] == [] and printed.getvalue() == ""


def test_csv_rows_are_the_records_newest_first(mixed):
    rows = list(csv.DictReader(io.StringIO(export.to_csv(CONTENT, mixed.stream()))))
    assert [row["id"] for row in rows] == [r.id for r in mixed.query()]
    assert {row["kind"] for row in rows} == {"flare", "checkin", "routine"}
    assert sum(isinstance(r, CheckIn) for r in mixed.query()) == sum(row["kind"] == "checkin" for row in rows)


def test_records_of_a_month_share_one_set_of_given_fields(store):
    store.add_many([flare(i % 20, pain=i % 11) for i in range(60)])
    records = store.query()
    assert len({id(r.__pydantic_fields_set__) for r in records}) == 1  # not 60 sets of 10 names: half the memory
    edited = records[0].model_copy(update={"note": "edited"})
    assert edited.note == "edited" and [r.note for r in store.query()] == [""] * 60
    store.update(edited)
    assert [r.note for r in store.query()].count("edited") == 1
