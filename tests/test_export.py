import csv
import io
import json
from datetime import UTC, date, datetime, timedelta

import pytest

from coach.history import export, export_file, export_range
from coach.history.records import parse_record
from tests.history_records import NOW, checkin, flare, session
from tests.packaged import CONTENT


def sample():
    return [
        session(0, before=6, after=3, note="after the school run"),
        checkin(1, pain=7, level="urgent", flags=["fluid"], gestation_days=240, answers={"worse": ["one-leg"]}),
        flare(2, pain=8, where=["buttock"], side="left", note='said "ouch", twice\nthen sat'),
        session(3, before=5, after=None, gestation_days=237),
    ]


# --- --since / --until ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value, first_day",
    [
        ("1d", date(2026, 11, 26)),
        ("30d", date(2026, 10, 28)),
        ("4w", date(2026, 10, 30)),
        ("2026-10-01", date(2026, 10, 1)),
        (" 2W ", date(2026, 11, 13)),
    ],
)
def test_since_forms(value, first_day):
    start, end = export_range.parse_range(CONTENT, value, None, NOW)
    assert start == datetime.combine(first_day, datetime.min.time(), tzinfo=UTC)
    assert end is None


def test_until_includes_its_whole_day():
    start, end = export_range.parse_range(CONTENT, None, "2026-11-01", NOW)
    assert start is None
    assert end == datetime(2026, 11, 2, tzinfo=UTC)


@pytest.mark.parametrize("value", ["yesterday", "0d", "4x", "2026-13-01", "", "w4"])
def test_bad_since_explains_with_examples(value):
    with pytest.raises(export_range.WhenError) as err:
        export_range.parse_range(CONTENT, value or " ", None, NOW)
    message = str(err.value)
    assert "--since" in message and "30d" in message and "4w" in message and "2026-10-01" in message


def test_until_before_since_is_refused():
    with pytest.raises(export_range.WhenError, match="before"):
        export_range.parse_range(CONTENT, "2026-11-10", "2026-11-01", NOW)


def test_filter_records_by_range():
    start, end = export_range.parse_range(CONTENT, "3d", "2d", NOW)  # 24 and 25 Nov
    kept = export.filter_records(sample(), start, end)
    assert sorted(r.kind for r in kept) == ["checkin", "flare"]


# --- renderers -----------------------------------------------------------------------------------


def test_json_keeps_every_field_and_parses_back():
    records = sample()
    data = json.loads(export.to_json(records, NOW))
    assert data["format"] == "pain-coach" and data["schema"] == 2
    assert [parse_record(r) for r in data["records"]] == records


def test_csv_reads_back_one_row_per_record():
    records = sample()
    rows = list(csv.DictReader(io.StringIO(export.to_csv(CONTENT, records))))
    assert len(rows) == len(records)
    assert rows[0]["routine_name"] == "Quick buttock relief"
    assert (rows[0]["pain_before"], rows[0]["pain_after"]) == ("6", "3")
    assert rows[1]["flags"] == "fluid" and rows[1]["week"] == "34+2" and rows[1]["pain"] == "7"
    assert rows[2]["note"] == 'said "ouch", twice\nthen sat'  # quotes and newlines survive
    assert rows[2]["where"] == "buttock" and rows[2]["side"] == "left"
    assert rows[3]["pain_after"] == ""


def test_markdown_report_has_its_sections():
    report = export.to_markdown(CONTENT, sample(), NOW)
    for heading in ("# pain-coach report", "## Warning signs reported", "## Pain by week", "## Routines and their effect",
                    "## Check-ins", "## Notes"):  # fmt: skip
        assert heading in report
    assert "Dates: 2026-11-23 to 2026-11-26" in report
    assert "Weeks of pregnancy: 33+6 to 34+2" in report
    assert "fluid leaking (your waters) - level: urgent" in report
    assert "| Quick buttock relief | 2 | +3.0 | 1 / 1 |" in report
    assert 'said "ouch", twice then sat' in report  # a note stays on one line


def test_markdown_report_of_nothing_says_so():
    report = export.to_markdown(CONTENT, [], NOW)
    assert "No records in this period." in report


# --- writing -------------------------------------------------------------------------------------


def test_write_file_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "r.md"
    target.write_text("old")
    with pytest.raises(FileExistsError):
        export_file.write_file(target, "new")
    assert target.read_text() == "old"
    export_file.write_file(target, "new", force=True)
    assert target.read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["r.md"]  # no temp file left behind


def test_write_file_into_a_missing_folder_leaves_nothing(tmp_path):
    with pytest.raises(OSError):
        export_file.write_file(tmp_path / "nope" / "r.md", "x")
    assert list(tmp_path.iterdir()) == []


def test_default_path_is_dated_in_home():
    assert str(export_file.default_path(CONTENT, "md", date(2026, 11, 26))) == "~/pain-coach-report-2026-11-26.md"
    assert str(export_file.default_path(CONTENT, "csv", date(2026, 11, 26))).endswith(".csv")


def test_long_report_lists_only_the_latest_and_says_so():
    records = [checkin(i, pain=i % 10, level="urgent", flags=["fever"], note=f"n{i}") for i in range(100)]
    report = export.to_markdown(CONTENT, records, NOW)
    assert "- Fever or high temperature: 100 times, last on 2026-11-26" in report
    assert "Only the latest 20 of 100 check-ins with warning signs are listed." in report
    assert "Only the latest 20 of 100 notes are listed." in report
    assert "(Check-in): n0" in report and "(Check-in): n20" not in report  # n0 is the newest
    assert "What the check-ins suggested: urgent 100." in report


def test_export_history_filters_renders_and_writes_once_for_cli_and_dialog(tmp_path, store):
    store.add_many([flare(0, note="today"), flare(10, note="older")])
    since = NOW - timedelta(days=3)
    out = io.StringIO()
    printed = export.export_history(CONTENT, store, "csv", NOW, since=since, out=out)
    assert printed.count == 1 and "today" in out.getvalue() and "older" not in out.getvalue()
    target = tmp_path / "out.csv"
    written = export.export_history(CONTENT, store, "csv", NOW, since=since, path=target)
    assert target.read_bytes().decode() == out.getvalue() and written.count == 1
    with pytest.raises(export_file.ExportError) as refused:
        export.export_history(CONTENT, store, "md", NOW, path=target)
    assert refused.value.reason == "exists" and target.read_bytes().decode() == out.getvalue()
    with pytest.raises(export_file.ExportError) as bad:
        export.export_history(CONTENT, store, "pdf", NOW)
    assert bad.value.reason == "format" and "json, csv, md" in str(bad.value)
