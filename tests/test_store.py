"""The history store: round trips, queries, quarantine of unreadable files, permissions and locking."""

from __future__ import annotations

import fcntl
import os
import stat
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

import coach.history.store as store_module
from coach.history.records import Change, CheckIn, FlareLog, Profile, RoutineSession, Settings
from coach.history.store import Store, StoreError

UTC = UTC
PLUS2 = timezone(timedelta(hours=2))
MINUS5 = timezone(timedelta(hours=-5))


def flare(at: datetime, pain: int = 4, **kw) -> FlareLog:
    return FlareLog(at=at, pain=pain, **kw)


def month_file(store: Store, month: str) -> Path:
    return store.history / f"{month}.json"


# --- round trip and queries -----------------------------------------------------------------------


def test_each_record_kind_round_trips(store):
    records = [
        FlareLog(
            at=datetime(2026, 11, 3, 8, 15, tzinfo=PLUS2),
            pain=6,
            where=["buttock", "back-of-thigh"],
            side="left",
            activity="walking",
            note="after the stairs",
            gestation_days=250,
        ),
        CheckIn(
            at=datetime(2026, 11, 4, 9, 0, tzinfo=UTC),
            answers={"pain_now": 5, "numb": False},
            pain_now=5,
            pain_worst=7,
            level="soon",
            flags=["night-pain"],
            pattern="pgp",
            advice=["a1"],
            routines=["r1"],
            content_version="abc123",
        ),
        RoutineSession(
            at=datetime(2026, 11, 5, 20, 0, tzinfo=MINUS5),
            routine_id="evening",
            fallback_name="Evening",
            ended_at=datetime(2026, 11, 5, 20, 12, tzinfo=MINUS5),
            steps_done=3,
            steps_total=5,
            active_seconds=540.5,
            paused_seconds=30,
            pain_before=5,
            pain_after=3,
            feeling="better",
            stopped_early=True,
            stop_reason="tired",
            changes=[Change(kind="swapped", exercise="cat-cow", instead="glute-squeeze", flag="kneeling")],
        ),
    ]
    for record in records:
        store.add(record)
    fresh = Store(store.root, store.content)  # nothing cached: read back from disk
    for record in records:
        back = fresh.get(record.id)
        assert back == record
        assert type(back) is type(record)
        assert back.at.utcoffset() == record.at.utcoffset()
    assert fresh.problems == []


def test_query_by_kind_and_date_range_newest_first(store):
    oct_flare = flare(datetime(2026, 10, 30, 12, tzinfo=UTC))
    nov_check = CheckIn(at=datetime(2026, 11, 2, 12, tzinfo=UTC), answers={}, pain_now=3, level="self-care")
    nov_flare = flare(datetime(2026, 11, 20, 12, tzinfo=UTC))
    dec_flare = flare(datetime(2026, 12, 1, 9, tzinfo=UTC))
    store.add_many([nov_flare, oct_flare, dec_flare])
    store.add(nov_check)

    def ids(records):
        return [r.id for r in records]

    assert ids(store.query()) == [dec_flare.id, nov_flare.id, nov_check.id, oct_flare.id]
    assert ids(store.query("flare")) == [dec_flare.id, nov_flare.id, oct_flare.id]
    assert ids(store.query(("checkin", "routine"))) == [nov_check.id]
    nov = store.query(since=datetime(2026, 11, 1, tzinfo=UTC), until=datetime(2026, 12, 1, 9, tzinfo=UTC))
    assert ids(nov) == [nov_flare.id, nov_check.id]  # until is exclusive
    assert ids(store.query("flare", since=datetime(2026, 11, 20, 12, tzinfo=UTC))) == [dec_flare.id, nov_flare.id]


def test_query_range_finds_records_written_in_another_timezone(store):
    # Stored in the 2026-11 file (local time), but already December in UTC.
    late = flare(datetime(2026, 11, 30, 23, 30, tzinfo=MINUS5))
    early = flare(datetime(2026, 12, 1, 0, 30, tzinfo=PLUS2))  # 2026-12 file, still November in UTC
    store.add(late)
    store.add(early)
    december_utc = store.query(since=datetime(2026, 12, 1, tzinfo=UTC))
    assert [r.id for r in december_utc] == [late.id]
    november_utc = store.query(until=datetime(2026, 12, 1, tzinfo=UTC))
    assert [r.id for r in november_utc] == [early.id]


def test_update_delete_get(store):
    first = flare(datetime(2026, 11, 1, 10, tzinfo=UTC), note="before")
    second = flare(datetime(2026, 11, 2, 10, tzinfo=UTC))
    store.add(first)
    store.add(second)

    store.update(first.model_copy(update={"note": "edited"}))
    assert Store(store.root, store.content).get(first.id).note == "edited"
    assert len(store.all()) == 2

    assert store.delete(first.id) is True
    assert store.get(first.id) is None
    assert store.delete(first.id) is False
    assert [r.id for r in Store(store.root, store.content).all()] == [second.id]
    with pytest.raises(StoreError, match="no longer in the history"):
        store.update(first)
    assert store.get("no-such-id-at-all") is None


# --- unreadable files are moved aside, never overwritten ----------------------------------------------
# (every kind of damage, in the store and in the app: tests/test_robustness.py)


def test_empty_zero_byte_month_is_just_empty(store):
    store.history.mkdir(parents=True)
    month_file(store, "2026-11").write_bytes(b"")
    assert store.all() == []
    assert store.problems == []


def test_two_unreadable_months_in_one_second_keep_both_copies(store):
    store.history.mkdir(parents=True)
    month_file(store, "2026-09").write_bytes(b"nine")
    month_file(store, "2026-10").write_bytes(b"ten")
    store.all()
    assert sorted(p.name for p in store.problems) == ["2026-09", "2026-10"]
    assert sorted(p.copy.read_bytes() for p in store.problems) == [b"nine", b"ten"]


@pytest.mark.parametrize("action", ["delete", "update"])
def test_changing_a_record_while_another_month_is_unreadable(store, monkeypatch, action):
    # Finding the record reads every month; an unreadable one is quarantined under the lock we
    # already hold, which must not wait for itself until "busy".
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.3)
    november = flare(datetime(2026, 11, 5, 9, tzinfo=UTC))
    store.add(november)
    month_file(store, "2026-10").write_bytes(b"\x00\x01 broken")
    fresh = Store(store.root, store.content)
    if action == "delete":
        assert fresh.delete(november.id) is True
        assert fresh.all() == []
    else:
        fresh.update(november.model_copy(update={"note": "edited"}))
        assert fresh.get(november.id).note == "edited"
    assert [p.name for p in fresh.problems] == ["2026-10"]
    assert fresh.problems[0].copy.read_bytes() == b"\x00\x01 broken"


@pytest.mark.parametrize("name", ["profile", "settings"])
# (An object with some bad entries, '{"due_date": 42}', keeps the rest: tests/test_attacks_input.py.)
@pytest.mark.parametrize("raw", [b"{not json", b"\xff\xfe\x00", b'{"schema": 7}', b"   ", b"[1, 2]"])
def test_unreadable_profile_or_settings_moved_aside(store, name, raw):
    store.root.mkdir(parents=True)
    path = store.root / f"{name}.json"
    path.write_bytes(raw)
    load = store.load_profile if name == "profile" else store.load_settings
    assert load() == (Profile() if name == "profile" else Settings())
    assert [p.name for p in store.problems] == [name]
    copy = store.problems[0].copy
    assert copy.name.startswith(f"{name}.json.corrupt-")
    assert copy.read_bytes() == raw
    # Saving afresh works and leaves the copy alone.
    if name == "profile":
        store.save_profile(Profile(emergency_number="112"))
        assert Store(store.root, store.content).load_profile().emergency_number == "112"
    else:
        store.save_settings(Settings(theme="nord"))
        assert Store(store.root, store.content).load_settings().theme == "nord"
    assert copy.read_bytes() == raw


def test_profile_and_settings_round_trip(store):
    profile = Profile(due_date=datetime(2027, 1, 10).date(), date_basis="due", pgp_diagnosed="unsure")
    store.save_profile(profile)
    store.save_settings(Settings(theme="gruvbox", first_run_done=True))
    fresh = Store(store.root, store.content)
    assert fresh.load_profile() == profile
    assert fresh.load_settings().first_run_done is True
    assert fresh.problems == []


# --- permissions ----------------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folder_is_private_and_files_are_0600(store):
    store.add(flare(datetime(2026, 11, 5, 9, tzinfo=UTC)))
    store.save_profile(Profile())
    store.save_settings(Settings())
    assert mode(store.root) == 0o700
    assert mode(store.history) == 0o700
    for path in [
        month_file(store, "2026-11"),
        store.root / "profile.json",
        store.root / "settings.json",
        store.root / ".lock",
    ]:
        assert mode(path) == 0o600, path


def test_an_open_existing_folder_is_left_as_it_is_with_a_warning(store):
    # It may be a shared folder or a home: only folders pain-coach makes are chmodded (issue 13).
    store.root.mkdir(mode=0o755)
    os.chmod(store.root, 0o755)
    store.add(flare(datetime(2026, 11, 5, 9, tzinfo=UTC)))
    assert mode(store.root) == 0o755
    assert len(store.warnings) == 1 and str(store.root) in store.warnings[0]


# --- locking (full disk, read-only folder, killed writers, several processes: tests/test_robustness.py)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_held_lock_says_busy_and_writes_nothing(store, monkeypatch):
    monkeypatch.setattr(store_module, "LOCK_TIMEOUT", 0.1)
    store.add(flare(datetime(2026, 11, 5, 9, tzinfo=UTC)))
    before = snapshot(store.root)
    with open(store.root / ".lock", "a") as other:  # another pain-coach holding the lock
        fcntl.flock(other.fileno(), fcntl.LOCK_EX)
        with pytest.raises(StoreError, match="busy: another pain-coach"):
            store.add(flare(datetime(2026, 11, 6, 9, tzinfo=UTC)))
    assert snapshot(store.root) == before
    store.add(flare(datetime(2026, 11, 6, 9, tzinfo=UTC)))  # free again once released
    assert len(store.all()) == 2


def test_a_temp_file_left_by_a_dead_writer_is_removed_by_the_next_writer(store):
    store.add(flare(datetime(2026, 11, 5, 9, tzinfo=UTC)))
    month = month_file(store, "2026-11")
    before = month.read_bytes()
    leftover = store.history / ".2026-11.json.abc123.tmp"  # as atomic_write names them
    leftover.write_text('{"records": {"1": ')  # half a write, as a SIGKILL would leave it
    fresh = Store(store.root, store.content)
    fresh.add(flare(datetime(2026, 10, 5, 9, tzinfo=UTC)))  # another month: the lock is what matters
    assert not leftover.exists()
    assert month.read_bytes() == before
    assert len(fresh.all()) == 2
