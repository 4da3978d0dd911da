"""A history written by schema-1 code (tests/data/schema1, made by tests/make_schema1.py) read by today's code."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

from coach.cli.importer import read_export
from coach.history import export
from coach.history.record_text import detail_lines, routine_name, summary
from coach.history.records import SCHEMA_VERSION, CheckIn, FlareLog, RoutineSession
from coach.history.store import Store
from tests.history_records import flare
from tests.packaged import CONTENT

SCHEMA1 = Path(__file__).parent / "data" / "schema1"
NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
OLD_SENTENCES = {
    "buttock-strength": [
        "Side-lying clams → Buttock squeeze: loading one side of the pelvis, which can aggravate pelvic girdle"
        " pain. Buttock squeeze comes just before, so it is done once.",
        "Half-kneeling hip stretch left out: loading one side of the pelvis, which can aggravate pelvic girdle"
        " pain, and it has no gentler alternative.",
        "Glute bridge → Buttock squeeze: lying on your back for over a minute after 16 weeks.",
    ],
}


def copy_of_schema1(root: Path) -> Store:
    shutil.copytree(SCHEMA1, root, dirs_exist_ok=True)
    return Store(root, CONTENT)


def sessions(store: Store) -> dict[str, RoutineSession]:
    return {r.routine_id: r for r in store.query(kind="routine")}  # type: ignore[misc]


def test_schema1_history_loads_and_is_not_rewritten_by_reading(isolated_dirs):
    store = copy_of_schema1(isolated_dirs)
    month = store.history / "2026-11.json"
    before = month.read_bytes()
    records = store.all()
    assert len(records) == 6 and not store.problems
    assert {type(r) for r in records} == {CheckIn, RoutineSession, FlareLog}
    assert all(r.schema_ == SCHEMA_VERSION == 2 for r in records)
    assert month.read_bytes() == before  # migrated as read, never rewritten for it
    assert store.load_profile().pgp_diagnosed == "yes" and store.load_settings().first_run_done
    assert not store.problems


def test_schema1_routine_names_come_from_content_and_changes_are_worded(isolated_dirs):
    store = copy_of_schema1(isolated_dirs)
    by_id = sessions(store)
    names = {r.id: r.name for r in CONTENT.routines.routines}
    strength = by_id["buttock-strength"]
    assert routine_name(CONTENT, strength) == names["buttock-strength"]
    assert summary(CONTENT, strength).startswith(names["buttock-strength"])
    lines = dict(detail_lines(CONTENT, strength, NOW))
    assert lines["Routine"] == names["buttock-strength"]
    assert lines["Changed for you"] == " ".join(OLD_SENTENCES["buttock-strength"])
    # A person's own routine that no longer exists keeps the name it had.
    assert routine_name(CONTENT, by_id["my-hips"]) == "My hip routine"


def test_writing_a_schema1_month_stores_schema2_and_keeps_everything(isolated_dirs):
    store = copy_of_schema1(isolated_dirs)
    before = {r.id: r for r in store.all()}
    store.add(flare(0, pain=3).model_copy(update={"at": datetime(2026, 11, 22, 9, 0, tzinfo=UTC)}))
    raw = json.loads((store.history / "2026-11.json").read_text())["records"]
    assert {doc["schema"] for doc in raw.values()} == {2}
    assert not any("routine_name" in doc or "substitutions" in doc for doc in raw.values())
    after = {r.id: r for r in Store(isolated_dirs, CONTENT).all()}
    assert len(after) == 7 and all(after[i] == r for i, r in before.items())


def test_schema1_history_in_every_export(isolated_dirs):
    store = copy_of_schema1(isolated_dirs)
    records = store.all()
    name = next(r.name for r in CONTENT.routines.routines if r.id == "back-release-all-fours")
    report = export.to_markdown(CONTENT, records, NOW)
    assert f"| {name} | 1 |" in report and "My hip routine" in report
    assert name in export.to_csv(CONTENT, records)
    assert json.loads(export.to_json(records, NOW))["schema"] == 2


def test_schema1_export_still_imports(isolated_dirs):
    records = read_export(CONTENT, SCHEMA1 / "export.json")
    assert len(records) == 6
    strength = next(r for r in records if isinstance(r, RoutineSession) and r.routine_id == "buttock-strength")
    assert [c.words for c in strength.changes] == OLD_SENTENCES["buttock-strength"]
    store = Store(isolated_dirs, CONTENT)
    assert store.add_many(records) == 6 and len(store.all()) == 6


def test_a_newer_schema_is_still_refused(isolated_dirs):
    store = copy_of_schema1(isolated_dirs)
    month = store.history / "2026-11.json"
    data = json.loads(month.read_text())
    data["records"]["1"]["schema"] = 3
    month.write_text(json.dumps(data))
    assert store.all() == [] and "schema 3" in store.problems[0].reason


async def test_history_screen_shows_schema1_records_in_words(make_app, store):
    shutil.copytree(SCHEMA1 / "history", store.history, dirs_exist_ok=True)
    app = make_app(now=NOW)
    async with app.run_test(size=(120, 32)) as pilot:
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        table = app.screen.query_one("#history-table")
        rows = [" ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]  # type: ignore[attr-defined]
    names = {r.id: r.name for r in CONTENT.routines.routines}
    assert any(names["buttock-strength"] in row for row in rows)
    assert any("My hip routine" in row for row in rows)
