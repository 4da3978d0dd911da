"""`pain-coach export` as JSON or CSV without the records' models (coach.history.plain_export): byte for byte the
models' export, taken only for months known canonical at their file's current key, and the models' way for
anything else."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.cli import main
from coach.content.content import Content
from coach.history import export, month_sums, plain_export, quick_flare, sums_files
from coach.history.export_text import SCHEMA
from coach.history.records import SCHEMA_VERSION, FlareLog
from coach.history.store import JOURNAL, Store
from tests.history_records import NOW, checkin, flare, session
from tests.make_history import make_records
from tests.packaged import CONTENT

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ("json", "csv")
HOSTILE = [
    "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tafter a tab", "\rafter a return",
    "\x1b]0;a title\x07 and \x1b[2J", "C1 \x85 and \x9b", "DEL \x7f", "line\nbreak \u2028", "中文的笔记 🙂", 'quote " and \\',
]  # fmt: skip
# One moment, filed in two months: 23:30 on 31 October at -01:00 and 00:30 on 1 November in UTC.
EDGE_OCTOBER = datetime(2026, 10, 31, 23, 30, tzinfo=timezone(timedelta(hours=-1)))
EDGE_NOVEMBER = datetime(2026, 11, 1, 0, 30, tzinfo=UTC)
RANGES = [
    (None, None),
    (datetime(2026, 11, 1, tzinfo=UTC), None),
    (None, datetime(2026, 11, 1, 0, 30, tzinfo=UTC)),
    (datetime(2026, 10, 20, tzinfo=UTC), datetime(2026, 11, 10, tzinfo=UTC)),
]


def models_way(store: Store, fmt: str, since: datetime | None = None, until: datetime | None = None) -> str:
    printed = io.StringIO()
    export.export_history(CONTENT, store, fmt, NOW, since=since, until=until, out=printed)
    return printed.getvalue()


def plain_way(
    store: Store, fmt: str, since: datetime | None = None, until: datetime | None = None, content: Content = CONTENT
) -> str | None:
    printed = io.StringIO()
    done = plain_export.try_export(content, store, fmt, NOW, since=since, until=until, out=printed)
    return None if done is None else printed.getvalue()


@pytest.fixture
def history(store):
    """Three months of a made-up history, hostile notes, and records of one moment filed in two months."""
    store.add_many(make_records(240, end=NOW, days=80, seed=3))
    store.add_many([flare(3 + i, note=note, where=["buttock"], side="left") for i, note in enumerate(HOSTILE)])
    store.add_many([checkin(20, note="=1+1", flags=["fluid"], level="urgent"), session(21, note="-the routine")])
    edge = [(EDGE_NOVEMBER, "november's"), (EDGE_OCTOBER, "october's"), (EDGE_NOVEMBER, "november's second")]
    store.add_many([FlareLog(at=when, pain=4, note=note) for when, note in edge])
    month_sums.helps_sums(store)  # every month read whole and validated: its sums saved
    return store


def test_the_plain_way_gives_the_models_bytes(history):
    assert len(history.month_files()) >= 3
    for fmt in FORMATS:
        for since, until in RANGES:
            plain = plain_way(history, fmt, since, until)
            assert plain is not None, (fmt, since, until)
            assert plain == models_way(history, fmt, since, until), (fmt, since, until)


def test_hostile_notes_and_one_moment_in_two_months_come_out_as_the_models_put_them(history):
    rows = plain_way(history, "csv")
    assert rows is not None
    assert "'=HYPERLINK" in rows and "'@SUM(A1)" in rows and "\x1b" not in rows and "\x85" not in rows
    records = json.loads(plain_way(history, "json") or "")["records"]
    edge = [r["note"] for r in records if r["note"].endswith(("november's", "october's", "november's second"))]
    assert edge == ["october's", "november's", "november's second"]  # of one moment, the older month's first
    printed = plain_way(history, "json") or ""
    assert "\\u0085" in printed and "\\u007f" in printed and "\x85" not in printed


def test_the_command_writes_the_plain_way_into_a_file_whole(history, tmp_path, capsys, monkeypatch):
    taken = []
    real = plain_export.try_export
    monkeypatch.setattr(plain_export, "try_export", lambda *a, **k: taken.append(done := real(*a, **k)) or done)
    target = tmp_path / "out.csv"
    assert main(["export", "--format", "csv", "--since", "2026-11-01", "-o", str(target)]) == 0
    assert taken and taken[0] is not None  # the plain way wrote it
    assert target.read_bytes().decode() == models_way(history, "csv", datetime(2026, 11, 1, tzinfo=UTC))
    assert f"{taken[0].count} records" in capsys.readouterr().err


def test_a_quick_flare_keeps_its_month_canonical(history):
    assert quick_flare.add(history, NOW, 6, ["buttock"], "right", "=after the quick log") is not None
    for fmt in FORMATS:
        assert plain_way(history, fmt) == models_way(history, fmt)


def test_routine_names_are_the_validated_contents_in_each_language(history):
    for language in ("en", "zh-CN"):
        content = Content.load(language)
        assert {r.id: r.name for r in content.routines.routines} == {
            r.id: content.routine_name(r.id) for r in content.routines.routines
        }
        printed = io.StringIO()
        export.export_history(content, history, "csv", NOW, out=printed)
        assert plain_way(history, "csv", content=content) == printed.getvalue()
    assert content.routine_name("quick-buttock-relief") == "快速缓解臀部疼痛"


def test_a_hand_edited_month_takes_the_models_way_and_exports_as_before(history, capsys):
    before = {fmt: models_way(history, fmt) for fmt in FORMATS}
    month = history.month_files()[-1]
    table = json.loads(month.read_bytes())["records"]
    for doc in table.values():  # still valid: another key order, a default left out, "+00:00" for "Z"
        doc.pop("activity", None)
        doc["at"] = doc["at"].replace("Z", "+00:00")
    month.write_text(json.dumps({"records": {k: dict(reversed(doc.items())) for k, doc in table.items()}}, indent=1))
    for fmt in FORMATS:
        assert plain_way(history, fmt) is None  # no sums at the month's new key
        assert main(["export", "--format", fmt]) == 0
        assert capsys.readouterr().out == before[fmt]
        saved = sums_files.read(history.root, month, history.month_key(month))
        assert saved is not None and not saved.canonical  # known whole now, and not canonical
        assert plain_way(history, fmt) is None


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch):
    """The command exports at NOW, so its output compares with the in-process export's."""
    monkeypatch.setattr("coach.history.local_time.local_now", lambda: NOW)


def test_a_lone_surrogate_only_a_hand_edit_can_store_takes_the_models_way(history):
    month = history.month_files()[-1]
    month.write_bytes(month.read_bytes().replace(b'"note":""', b'"note":"\\udce9"', 1))
    month_sums.helps_sums(history)
    saved = sums_files.read(history.root, month, history.month_key(month))
    assert saved is not None and not saved.canonical  # readable, but not what the records would write
    assert plain_way(history, "json") is None and plain_way(history, "csv") is None
    assert "\\udce9" in models_way(history, "json") and "\ufffd" in models_way(history, "csv")


def test_a_month_without_sums_or_with_stale_ones_takes_the_models_way(store, capsys):
    store.add_many([flare(1, note="one"), flare(40, note="two")])
    assert plain_way(store, "json") is None  # never read whole
    first = models_way(store, "json")  # the export saves its months' sums
    assert plain_way(store, "json") == first
    store.add(flare(2, note="three"))  # the month's file is new: its sums are for the old key
    assert plain_way(store, "csv") is None
    assert main(["export", "--format", "csv"]) == 0
    assert "three" in capsys.readouterr().out
    assert plain_way(store, "csv") == models_way(store, "csv")


def test_a_journal_of_an_import_cut_short_takes_the_models_way(history):
    (history.history / JOURNAL).write_text("{}")
    assert plain_way(history, "json") is None


def test_a_month_changed_while_the_plain_way_reads_it_writes_nothing_and_takes_the_models_way(
    history, monkeypatch, tmp_path
):
    found = plain_export.canonical_months(history, None, None)
    history.add(flare(0, note="written meanwhile"))
    monkeypatch.setattr(plain_export, "canonical_months", lambda *_: found)
    target = tmp_path / "out.json"
    assert plain_export.try_export(CONTENT, history, "json", NOW, path=target) is None
    assert not target.exists()


@pytest.mark.parametrize("forged", [False, True], ids=["stale sums", "sums forged at its key"])
def test_a_corrupt_month_gets_the_same_clear_error(history, capsys, forged):
    month = history.month_files()[-1]
    month.write_bytes(b"{not json")
    if forged:  # even sums that claim the damaged file is canonical do not let it be exported as it is
        sums_files.write(history.root, month, history.month_key(month), {"routines": {}, "triggers": {}}, True)
    assert main(["export", "--format", "csv"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"The history for {month.stem} could not be read (it is not valid JSON)" in err
    assert not month.exists() and list(month.parent.glob(f"{month.name}.corrupt-*"))


def test_the_saved_sums_are_remade_from_an_older_version(history):
    month = history.month_files()[-1]
    saved = json.loads((history.root / sums_files.FOLDER / month.name).read_text())
    assert saved["version"] == sums_files.VERSION == 2 and saved["canonical"] is True
    old = {"version": 1, "key": saved["key"], "sums": saved["sums"]}  # as written before "canonical"
    (history.root / sums_files.FOLDER / month.name).write_text(json.dumps(old))
    assert plain_way(history, "json") is None
    models_way(history, "json")
    assert plain_way(history, "json") == models_way(history, "json")


def test_the_plain_schema_is_the_records():
    assert SCHEMA == SCHEMA_VERSION


def _export_imports(data: Path, fmt: str) -> list[str]:
    code = (
        "import contextlib, io, sys\n"
        "from coach.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['export', '--format', '{fmt}']) == 0\n"
        "print(*sorted(m for m in ('pydantic', 'coach.history.records', 'coach.content.models', 'textual')"
        " if m in sys.modules))\n"
    )
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(data))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_second_export_of_an_unchanged_history_imports_no_pydantic(store, fmt):
    store.add_many([session(1), checkin(2), flare(40, note="=x")])
    assert "pydantic" in _export_imports(store.root, fmt)  # the first reads the months with the models
    assert _export_imports(store.root, fmt) == []  # and saved their sums: the second needs none of them
