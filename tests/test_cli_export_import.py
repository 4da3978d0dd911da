import csv
import json
from datetime import datetime, timedelta

import pytest

from coach.cli import main
from coach.history.store import Store
from tests.history_records import checkin, flare, session
from tests.packaged import CONTENT


def days_ago(record, days):
    """The CLI reads the real clock, so these records are placed relative to it."""
    return record.model_copy(update={"at": datetime.now().astimezone() - timedelta(days=days, minutes=1)})


@pytest.fixture
def filled(store):
    records = [
        days_ago(session(note="a"), 0),
        days_ago(checkin(flags=["heavy-bleeding"], level="emergency"), 1),
        days_ago(flare(), 2),
        days_ago(flare(), 40),
    ]
    store.add_many(records)
    return records


def test_export_csv_to_stdout(filled, capsys):
    assert main(["export", "--format", "csv"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(rows) == 4


def test_export_since_limits_records(filled, capsys):
    assert main(["export", "--since", "30d"]) == 0
    assert len(json.loads(capsys.readouterr().out)["records"]) == 3


def test_export_md(filled, capsys):
    assert main(["export", "--format", "md"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# pain-coach report") and "bleeding" in out


def test_bad_since_is_a_usage_error_with_examples(filled, capsys):
    assert main(["export", "--since", "last week"]) == 2
    err = capsys.readouterr().err
    assert "30d" in err and "2026-10-01" in err and "Traceback" not in err


def test_bad_format(filled, capsys):
    assert main(["export", "--format", "xml"]) == 2
    assert "json, csv, md" in capsys.readouterr().err


def test_export_file_is_not_overwritten_without_force(filled, tmp_path, capsys):
    target = tmp_path / "out.json"
    target.write_text("keep me")
    assert main(["export", "-o", str(target)]) == 2
    assert target.read_text() == "keep me"
    assert "--force" in capsys.readouterr().err
    assert main(["export", "-o", str(target), "--force"]) == 0
    assert len(json.loads(target.read_text())["records"]) == 4


def test_export_to_missing_folder_is_refused(filled, tmp_path, capsys):
    assert main(["export", "-o", str(tmp_path / "no" / "x.json")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_json_round_trip_through_import(filled, tmp_path, capsys):
    backup = tmp_path / "backup.json"
    assert main(["export", "-o", str(backup)]) == 0
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(backup)]) == 0
    assert "Imported 4 records" in capsys.readouterr().out
    assert {r.id: r for r in Store(other, CONTENT).all()} == {r.id: r for r in filled}


def test_import_skips_records_already_there(filled, store, tmp_path, capsys):
    backup = tmp_path / "backup.json"
    main(["export", "-o", str(backup)])
    extra = flare(5, pain=2)
    data = json.loads(backup.read_text())
    data["records"].append(extra.to_json())
    backup.write_text(json.dumps(data))
    capsys.readouterr()
    assert main(["import", str(backup)]) == 0
    out = capsys.readouterr().out
    assert "Imported 1 records" in out and "skipped 4" in out
    assert len(store.all()) == 5
    assert main(["import", str(backup)]) == 0
    assert "Imported 0 records" in capsys.readouterr().out
    assert len(store.all()) == 5


@pytest.mark.parametrize(
    "body, words",
    [
        (b"\x00\x01 not json", "not a JSON file"),
        (b"[1, 2]", "not a pain-coach export"),
        (b'{"format": "other", "records": []}', "not a pain-coach export"),
        (b'{"format": "pain-coach", "schema": 9, "records": []}', "newer pain-coach"),
        (b'{"format": "pain-coach", "schema": 1, "records": [{"kind": "flare", "pain": 12}]}', "record 1 is not valid"),
    ],
)
def test_bad_import_file_is_refused_and_nothing_written(store, tmp_path, capsys, body, words):
    store.add(flare(1))
    bad = tmp_path / "bad.json"
    bad.write_bytes(body)
    assert main(["import", str(bad)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert len(store.all()) == 1


def test_import_with_a_bad_record_after_good_ones_writes_none(store, tmp_path, capsys):
    good = flare(1).to_json()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "pain-coach", "schema": 1, "records": [good, {"kind": "flare"}]}))
    assert main(["import", str(bad)]) == 2
    assert "record 2" in capsys.readouterr().err
    assert store.all() == []


def test_import_with_duplicate_ids_in_the_file_is_refused(store, tmp_path, capsys):
    one = flare(1).to_json()
    bad = tmp_path / "dup.json"
    bad.write_text(json.dumps({"format": "pain-coach", "schema": 1, "records": [one, one]}))
    assert main(["import", str(bad)]) == 2
    assert store.all() == []


def test_import_missing_file(capsys):
    assert main(["import", "/nonexistent/x.json"]) == 2
    assert "does not exist" in capsys.readouterr().err
