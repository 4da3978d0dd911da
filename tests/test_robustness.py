"""Robustness: killed writers, several processes at once, damaged files, unusable folders, no home.

Each test is something a person could meet: the laptop dies mid-save, two terminals log at once, a file is
damaged, the disk is full or read-only, HOME is not set. The rule every time: one clear message that says what
to do, no traceback, and nothing already saved is lost.
"""

from __future__ import annotations

import errno
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from coach.cli import main
from coach.history.records import FlareLog, Profile, Settings
from coach.history.store import Store, StoreError
from tests.packaged import CONTENT
from tests.test_checkin_flow import CALM, DUE, NO_FLAGS, press

UTC = UTC
ROOT = Path(__file__).resolve().parent.parent
SIZE = (100, 32)


def flare(at: datetime, pain: int = 4, **kw) -> FlareLog:
    return FlareLog(at=at, pain=pain, **kw)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


def notifications(app) -> list[str]:
    return [n.message for n in app._notifications]


def on_screen(app, words: str) -> bool:
    """Whether a notification toast showing `words` is on the screen."""
    return any(words in toast._notification.message for toast in app.screen.query("Toast"))


# --- a writer killed with SIGKILL -------------------------------------------------------------------

WRITER = textwrap.dedent(
    """
    import os, stat, sys, time
    from datetime import datetime, timezone
    from coach.history.records import FlareLog
    from coach.content.content import Content
    from coach.history.store import Store

    store, count, tag, hang_at = Store(sys.argv[1], Content.load()), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    if hang_at:  # stop inside write number `hang_at`: its temp file written, not yet synced or renamed
        real_fsync, calls = os.fsync, [0]

        def fsync(fd):
            if stat.S_ISDIR(os.fstat(fd).st_mode):  # the folder's sync after a rename: not a write of its own
                return real_fsync(fd)
            calls[0] += 1
            if calls[0] == hang_at:
                print("in-write", flush=True)
                time.sleep(120)
            real_fsync(fd)

        os.fsync = fsync
    sys.stdin.readline()  # wait for the go, so that several writers start together
    for i in range(1, count + 1):
        store.add(FlareLog(at=datetime(2026, 11, 5, 9, tzinfo=timezone.utc), pain=i % 11, note=f"{tag} {i}"))
        print(i, flush=True)
    """
)


def writer(root: Path, count: int, tag: str, go: bool = True, hang_at: int = 0) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(root), str(count), tag, str(hang_at)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    if go:
        start(proc)
    return proc


def start(proc: subprocess.Popen) -> None:
    proc.stdin.write("go\n")
    proc.stdin.flush()


def kill(proc: subprocess.Popen) -> list[str]:
    """SIGKILL the writer; return every line it printed."""
    os.kill(proc.pid, signal.SIGKILL)
    rest, _ = proc.communicate(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    return rest.split()


def some_history(store: Store) -> set[str]:
    # Notes of some length make each write long enough for a kill to land inside one.
    earlier = [flare(datetime(2026, 11, 1, 9, tzinfo=UTC), note="x" * 2000) for _ in range(100)]
    store.add_many(earlier)
    return {r.id for r in earlier}


def check_after_kill(store: Store, earlier: set[str], tag: str, done: int, why: str) -> None:
    fresh = Store(store.root, store.content)
    records = fresh.all()
    assert fresh.problems == [], why
    assert not list(store.history.glob("*.corrupt-*")), why
    assert earlier <= {r.id for r in records}, why  # nothing saved before is lost
    written = sorted(int(r.note.split()[1]) for r in records if r.note.startswith(tag))
    # Every write it reported survived, in full; at most the one in flight is missing.
    assert written in (list(range(1, done + 1)), list(range(1, done + 2))), why
    fresh.add(flare(datetime(2026, 11, 6, 9, tzinfo=UTC)))  # and the next writer carries on
    assert len(Store(store.root, store.content).all()) == len(records) + 1


@pytest.mark.slow
@pytest.mark.parametrize("round_", range(5))
def test_sigkill_at_a_random_point_in_500_writes_loses_at_most_the_write_in_flight(store, round_):
    earlier = some_history(store)
    tag = f"round{round_}"
    proc = writer(store.root, 500, tag)
    rng = random.Random(round_)  # seeded: each round kills at its own point, the same point every run
    stop_after = rng.randint(1, 480)
    done, times = 0, [time.monotonic()]
    while done < stop_after:
        line = proc.stdout.readline()
        assert line, "the writer died on its own"
        done = int(line)
        times.append(time.monotonic())
    # Kill at a random point inside the next write (not always at its start): a write lasts about
    # as long as the gap between the last two reports.
    delay = rng.uniform(0, times[-1] - times[-2])
    time.sleep(delay)
    printed = kill(proc)
    done = int(printed[-1]) if printed else done
    check_after_kill(store, earlier, tag, done, f"killed {delay * 1000:.1f} ms after write {stop_after}")


@pytest.mark.slow
def test_sigkill_inside_a_write_leaves_the_file_as_it_was(store):
    earlier = some_history(store)
    month = store.history / "2026-11.json"
    proc = writer(store.root, 500, "hang", hang_at=7)
    while (line := proc.stdout.readline().strip()) != "in-write":
        assert line, "the writer died on its own"
        before = month.read_bytes()
    assert list(store.history.glob(".2026-11.json.*.tmp"))  # the write in flight, half done
    kill(proc)
    assert month.read_bytes() == before  # the month as it was after write 6
    check_after_kill(store, earlier, "hang", 6, "killed inside write 7")
    assert not list(store.history.glob(".*.tmp"))  # the next writer swept the dead one's temp file


# --- several processes at once ----------------------------------------------------------------------


@pytest.mark.slow
def test_two_processes_adding_200_each_end_with_400(store):
    procs = [writer(store.root, 200, tag, go=False) for tag in ("first", "second")]
    for proc in procs:
        start(proc)
    for proc in procs:
        proc.communicate(timeout=120)
        assert proc.returncode == 0
    records = Store(store.root, store.content).all()
    assert len(records) == 400
    assert len({r.id for r in records}) == 400
    assert sum(r.note.startswith("first ") for r in records) == 200
    raw = json.loads((store.history / "2026-11.json").read_text())
    assert len(raw["records"]) == 400  # no TinyDB document id was reused


def pain_coach() -> list[str]:
    script = Path(sys.executable).with_name("pain-coach")  # the console script a person runs
    return [str(script)] if script.exists() else [sys.executable, "-m", "coach"]


# The console script a person runs, four at once: the lock is taken on that path too. Heavy contention (two
# writers adding 200 each as fast as they can) is test_two_processes_adding_200_each_end_with_400's; here each
# `log` is a process start (~0.1 s of CPU), so 25 each keep the four overlapping for seconds at a quarter the cost.
LOGS_EACH = 25
LOOP = f'for i in $(seq 1 {LOGS_EACH}); do "$@" log --pain $((i % 11)) --note "$W $i" >/dev/null || exit 1; done'


@pytest.mark.slow
def test_four_processes_each_logging_at_once_lose_nothing(store):
    procs = [
        subprocess.Popen(["sh", "-c", LOOP, "sh", *pain_coach()], env={**os.environ, "W": f"w{n}"},
                         stderr=subprocess.PIPE, text=True, cwd=ROOT)
        for n in range(4)
    ]  # fmt: skip
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert err == ""
    records = Store(store.root, store.content).all()
    assert len(records) == 4 * LOGS_EACH
    assert len({r.id for r in records}) == 4 * LOGS_EACH
    assert sorted(r.note for r in records) == sorted(f"w{n} {i}" for n in range(4) for i in range(1, LOGS_EACH + 1))


# --- damaged files ----------------------------------------------------------------------------------

GOOD = flare(datetime(2026, 11, 5, 9, tzinfo=UTC)).to_json()
GOOD_FILE = json.dumps({"records": {"1": GOOD}}).encode()

CORRUPT = {
    "truncated": GOOD_FILE[: len(GOOD_FILE) // 2],
    "whitespace": b"  \n\t \n",
    "garbage-text": b"my pain diary: ouch ouch\n",
    "binary": bytes(range(256)) * 4,
    "json-list": b'[{"kind": "flare", "pain": 3}]',
    "unknown-schema": json.dumps({"records": {"1": GOOD, "2": {**GOOD, "id": "n" * 32, "schema": 99}}}).encode(),
    "record-not-an-object": json.dumps({"records": {"1": GOOD, "2": "pain 5"}}).encode(),
    "id-not-a-number": json.dumps({"records": {"first": GOOD}}).encode(),
    "second-table": json.dumps({"records": {"1": GOOD}, "_default": {}}).encode(),
    "one-bad-record": json.dumps(
        {"records": {"1": GOOD, "2": {**GOOD, "id": "b" * 32, "pain": 11}, "3": {**GOOD, "id": "c" * 32}}}
    ).encode(),
}

REASONS = {
    "truncated": CONTENT.text("errors.unreadable_not_json"),
    "whitespace": CONTENT.text("errors.unreadable_not_json"),
    "garbage-text": CONTENT.text("errors.unreadable_not_json"),
    "binary": CONTENT.text("errors.unreadable_not_json"),
    "json-list": CONTENT.text("errors.unreadable_not_history"),
    "unknown-schema": CONTENT.text("errors.unreadable_newer", id="2", schema=99),
    "one-bad-record": CONTENT.text("errors.unreadable_record", id="2", problem=""),
    "record-not-an-object": CONTENT.text("errors.unreadable_record", id="2", problem=""),
    "id-not-a-number": CONTENT.text("errors.unreadable_not_history"),
    "second-table": CONTENT.text("errors.unreadable_not_history"),
}


@pytest.mark.parametrize("kind", list(CORRUPT))
@pytest.mark.parametrize("read_first", [True, False], ids=["read-then-add", "add-directly"])
def test_unreadable_month_is_moved_aside_intact(store, kind, read_first):
    october = flare(datetime(2026, 10, 15, 9, tzinfo=UTC))
    store.add(october)
    bad = store.history / "2026-11.json"
    bad.write_bytes(CORRUPT[kind])

    fresh = Store(store.root, store.content)
    if read_first:
        assert [r.id for r in fresh.all()] == [october.id]  # the other month still loads
        assert [p.name for p in fresh.problems] == ["2026-11"]
    # A later add to the same month must not overwrite the bytes it could not read.
    november = flare(datetime(2026, 11, 20, 9, tzinfo=UTC))
    fresh.add(november)

    assert len(fresh.problems) == 1
    problem = fresh.problems[0]
    assert problem.name == "2026-11"
    assert problem.copy.parent == store.history
    assert problem.copy.name.startswith("2026-11.json.corrupt-")
    assert problem.copy.read_bytes() == CORRUPT[kind]
    assert problem.reason.startswith(REASONS[kind])
    assert [r.id for r in Store(store.root, store.content).all()] == [november.id, october.id]
    assert Store(store.root, store.content).problems == []


def history_rows(app) -> list[str]:
    table = app.screen.query_one("#history-table", DataTable)
    return [" | ".join(str(c) for c in table.get_row_at(i)) for i in range(table.row_count)]


@pytest.mark.parametrize("kind", list(CORRUPT))
async def test_the_app_starts_with_a_damaged_month_tells_the_person_and_shows_the_rest(make_app, store, kind):
    september = flare(datetime(2026, 9, 10, 9, tzinfo=UTC), pain=3, note="september")
    october = flare(datetime(2026, 10, 10, 9, tzinfo=UTC), pain=8, note="october")
    store.add_many([september, october])
    bad = store.history / "2026-11.json"  # this month: the one the next save goes to
    bad.write_bytes(CORRUPT[kind])
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn, as in a real terminal
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
        await press(pilot, "h")
        assert type(app.screen).__name__ == "HistoryScreen"
        [copy] = store.history.glob("2026-11.json.corrupt-*")
        assert copy.read_bytes() == CORRUPT[kind]
        told = [m for m in notifications(app) if "2026-11" in m]
        assert len(told) == 1 and str(copy) in told[0] and REASONS[kind] in told[0]
        await pilot.pause()
        assert on_screen(app, "could not be read")
        rows = history_rows(app)
        assert len(rows) == 2 and "Sep" in rows[1] and "Oct" in rows[0]  # the other months, all of them
        # A new flare goes into a fresh November file; the damaged copy is never touched.
        await press(pilot, "escape", "f", "5", "enter")
        assert type(app.screen).__name__ == "HomeScreen"
    assert copy.read_bytes() == CORRUPT[kind]
    assert sorted(r.pain for r in Store(store.root, store.content).all()) == [3, 5, 8]


async def test_a_month_found_damaged_by_another_screen_is_told_there(make_app, store):
    # The routines screen reads the check-ins (for a red-flag block) before history is ever opened.
    store.history.mkdir(parents=True)
    (store.history / "2026-10.json").write_bytes(b"\x00\x01")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "r")
        await pilot.pause()
        assert any("2026-10" in m and "corrupt-" in m for m in notifications(app))


# --- a full disk, a read-only folder ----------------------------------------------------------------

# What fails, and how, when the disk is full or the folder is read-only (as on a read-only file system: chmod
# does not stop root, which runs the tests in CI containers).
BREAKS = {
    "disk-full": [(os, "fsync", errno.ENOSPC)],
    "read-only": [(tempfile, "mkstemp", errno.EROFS), (os, "replace", errno.EROFS)],
}
TOLD = {"disk-full": "disk is full", "read-only": "Cannot write"}
WHAT_TO_DO = {"disk-full": "Free some space", "read-only": "--data-dir"}


def break_writes(monkeypatch, how: str) -> str:
    """Make every write fail as a full disk or a read-only folder would; return what the person is told."""
    for module, name, code in BREAKS[how]:
        monkeypatch.setattr(module, name, fail_with(code))
    return TOLD[how]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES, errno.EROFS], ids=["ENOSPC", "EACCES", "EROFS"])
def test_write_errors_give_a_clear_message_and_lose_nothing(store, monkeypatch, code):
    kept = flare(datetime(2026, 11, 5, 9, tzinfo=UTC))
    store.add(kept)
    store.save_settings(Settings(theme="nord"))
    before = snapshot(store.root)
    monkeypatch.setattr(os, "replace", fail_with(code))

    with pytest.raises(StoreError) as caught:
        store.add(flare(datetime(2026, 11, 6, 9, tzinfo=UTC)))
    message = str(caught.value)
    if code == errno.ENOSPC:
        assert "disk is full" in message and "Free some space" in message
    else:
        assert "Cannot write" in message and "--data-dir" in message
    assert str(store.root) in message
    with pytest.raises(StoreError):
        store.save_settings(Settings(theme="dracula"))

    monkeypatch.undo()
    assert snapshot(store.root) == before  # no half-written file, no leftover temp file
    assert [r.id for r in Store(store.root, store.content).all()] == [kept.id]


def test_read_only_data_folder_monkeypatched(store, monkeypatch):
    kept = flare(datetime(2026, 11, 5, 9, tzinfo=UTC))
    store.add(kept)
    before = snapshot(store.root)
    monkeypatch.setattr(tempfile, "mkstemp", fail_with(errno.EROFS))
    with pytest.raises(StoreError, match="Cannot write"):
        store.add(flare(datetime(2026, 11, 6, 9, tzinfo=UTC)))
    monkeypatch.undo()
    assert snapshot(store.root) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_data_folder(store):
    kept = flare(datetime(2026, 11, 5, 9, tzinfo=UTC))
    store.add(kept)
    before = snapshot(store.root)
    os.chmod(store.history, 0o500)
    try:
        with pytest.raises(StoreError, match="Cannot write"):
            store.add(flare(datetime(2026, 11, 6, 9, tzinfo=UTC)))
    finally:
        os.chmod(store.history, 0o700)
    assert snapshot(store.root) == before


@pytest.mark.parametrize("how", list(BREAKS))
async def test_a_flare_that_cannot_be_saved_is_told_and_kept_on_screen(make_app, store, monkeypatch, how):
    store.save_profile(DUE)
    store.add(flare(datetime(2026, 11, 20, 9, tzinfo=UTC)))
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = snapshot(store.root)
        words = break_writes(monkeypatch, how)
        await press(pilot, "f", "6", "enter")
        assert type(app.screen).__name__ == "FlareLogModal"  # still open, the entry still typed
        assert app.screen.query_one("#flare-pain", Input).value == "6"
        [told] = [m for m in notifications(app) if words in m]
        assert str(store.root) in told and WHAT_TO_DO[how] in told
        await pilot.pause()
        assert on_screen(app, words)
        assert snapshot(store.root) == before
        monkeypatch.undo()  # space freed / folder writable again: the same entry saves
        await press(pilot, "enter")
        assert type(app.screen).__name__ == "HomeScreen"
    assert sorted(r.pain for r in Store(store.root, store.content).all()) == [4, 6]


@pytest.mark.parametrize("how", list(BREAKS))
async def test_a_checkin_that_cannot_be_saved_still_gives_its_assessment(make_app, store, monkeypatch, how, content):
    store.save_profile(DUE)
    kept = flare(datetime(2026, 11, 20, 9, tzinfo=UTC))
    store.add(kept)
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        before = snapshot(store.root)
        words = break_writes(monkeypatch, how)
        await press(pilot, "c", *CALM, *NO_FLAGS)
        assert type(app.screen).__name__ == "AssessmentScreen"
        messages = notifications(app)
        assert content.text("assessment.not_saved") in messages
        assert any(words in m and str(store.root) in m for m in messages)
        await pilot.pause()
        assert on_screen(app, words) and on_screen(app, content.text("assessment.not_saved"))
        assert snapshot(store.root) == before
    assert [r.id for r in Store(store.root, store.content).all()] == [kept.id]


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
async def test_a_really_read_only_folder_in_the_app(make_app, store):
    store.add(flare(datetime(2026, 11, 20, 9, tzinfo=UTC)))
    app = make_app()
    before = snapshot(store.root)
    os.chmod(store.history, 0o500)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, "f", "6", "enter")
            assert type(app.screen).__name__ == "FlareLogModal"
            assert any("Cannot write" in m for m in notifications(app))
    finally:
        os.chmod(store.history, 0o700)
    assert snapshot(store.root) == before


@pytest.mark.parametrize("kind", ["garbage-text", "one-bad-record"])
async def test_a_damaged_month_in_a_read_only_folder_is_left_in_place_and_the_rest_shows(
    make_app, store, monkeypatch, kind
):
    store.add(flare(datetime(2026, 10, 10, 9, tzinfo=UTC), pain=8))
    bad = store.history / "2026-11.json"
    bad.write_bytes(CORRUPT[kind])
    app = make_app()
    break_writes(monkeypatch, "read-only")  # so it cannot be moved aside either
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "h")
        rows = history_rows(app)
        assert len(rows) == 1 and "Oct" in rows[0]
        [told] = [m for m in notifications(app) if "2026-11" in m]
        assert REASONS[kind] in told and "left where it is" in told and "Cannot write" in told
        await press(pilot, "r", "escape", "h")  # read again: said once, not at every look
        assert len([m for m in notifications(app) if "2026-11" in m]) == 1
        await press(pilot, "escape", "f", "5", "enter")  # a save to that month is refused, not written over it
        assert type(app.screen).__name__ == "FlareLogModal"
    assert bad.read_bytes() == CORRUPT[kind]
    assert not list(store.history.glob("*.corrupt-*"))


def test_export_from_a_read_only_folder_with_a_damaged_month(store, monkeypatch, capsys):
    kept = flare(datetime(2026, 10, 10, 9, tzinfo=UTC))
    store.add(kept)
    (store.history / "2026-11.json").write_bytes(b"\x00\x01")
    break_writes(monkeypatch, "read-only")
    assert main(["export"]) == 0
    out, err = capsys.readouterr()
    assert [r["id"] for r in json.loads(out)["records"]] == [kept.id]
    line = one_clear_line(err, "2026-11")
    assert "left where it is" in line and "Cannot write" in line


@pytest.mark.parametrize("name", ["profile", "settings"])
async def test_a_damaged_profile_or_settings_in_a_read_only_folder(make_app, store, monkeypatch, name):
    app = make_app()  # saves settings.json (first run done) before the folder turns read-only
    (store.root / f"{name}.json").write_bytes(b"{damaged")
    break_writes(monkeypatch, "read-only")
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "r")  # a screen that reads the profile and the settings
        told = [m for m in notifications(app) if f"Your {name}" in m and "left where it is" in m]
        assert len(told) == 1 and "Cannot write" in told[0]  # once, however often it is read
        # Still usable on the defaults: the routines list (after the first-run notice, for settings).
        await press(pilot, *(["enter", "r"] if name == "settings" else []))
        assert type(app.screen).__name__ == "RoutinesScreen"
    monkeypatch.undo()  # writable again: a save (with no load before it) moves the damaged file aside first
    fresh = Store(store.root, store.content)
    fresh.save_profile(Profile()) if name == "profile" else fresh.save_settings(Settings())
    [copy] = store.root.glob(f"{name}.json.corrupt-*")
    assert copy.read_bytes() == b"{damaged"


def one_clear_line(err: str, words: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert lines[0].startswith("pain-coach: ") and words in lines[0]
    return lines[0]


@pytest.mark.parametrize("how", list(BREAKS))
def test_log_on_the_command_line_says_what_to_do_and_loses_nothing(store, monkeypatch, capsys, how):
    store.add(flare(datetime(2026, 11, 20, 9, tzinfo=UTC)))
    before = snapshot(store.root)
    words = break_writes(monkeypatch, how)
    assert main(["log", "--pain", "6"]) == 1
    out, err = capsys.readouterr()
    line = one_clear_line(err, words)
    assert str(store.root) in line and WHAT_TO_DO[how] in line
    assert out == ""
    monkeypatch.undo()
    assert snapshot(store.root) == before


@pytest.mark.parametrize("how", list(BREAKS))
def test_export_on_the_command_line(store, monkeypatch, capsys, tmp_path, how):
    kept = flare(datetime(2026, 11, 20, 9, tzinfo=UTC))
    store.add(kept)
    before = snapshot(store.root)
    break_writes(monkeypatch, how)
    # Reading needs no writing: export to the screen still works.
    assert main(["export"]) == 0
    out, err = capsys.readouterr()
    assert [r["id"] for r in json.loads(out)["records"]] == [kept.id] and err == ""
    # Writing a file cannot: one line naming the file, and no part of it left behind.
    target = tmp_path / "out" / "history.json"
    target.parent.mkdir()
    assert main(["export", "-o", str(target)]) == 1
    _, err = capsys.readouterr()
    line = one_clear_line(err, TOLD[how])
    assert str(target) in line and "--data-dir" not in line  # about the file asked for, not the history folder
    assert list(target.parent.iterdir()) == []
    monkeypatch.undo()
    assert snapshot(store.root) == before


# --- no home folder ---------------------------------------------------------------------------------

# Runs pain-coach with no way to find a home folder: HOME unset and the user database lookup failing too,
# so that nothing can ever reach the real home folder of whoever runs the tests.
NO_HOME = textwrap.dedent(
    """
    import pwd, sys

    def nobody(*args):
        raise KeyError("no such user")

    pwd.getpwuid = pwd.getpwnam = nobody
    from coach.cli import main

    raise SystemExit(main(sys.argv[1:]))
    """
)


def run_without_home(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("HOME", "PAIN_COACH_DATA_DIR", "PAIN_COACH_CONFIG_DIR", "PAIN_COACH_CACHE_DIR")
               and not k.startswith("XDG_")}  # fmt: skip
    return subprocess.run(
        [sys.executable, "-c", NO_HOME, *args], capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={**environ, "PYTHONPATH": str(ROOT), **env},
    )  # fmt: skip


@pytest.mark.parametrize("argv", [["log", "--pain", "4"], ["export"], []], ids=["log", "export", "app"])
def test_no_home_folder_is_one_clear_line(tmp_path, argv, content):
    result = run_without_home(tmp_path, *argv)
    assert result.returncode == 1
    one_clear_line(result.stderr, content.text("errors.no_home"))
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []  # no stray "~" folder where it was started


def test_locate_without_a_home_folder_says_so_on_each_line(tmp_path):
    result = run_without_home(tmp_path, "locate")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 5 and all(line.endswith(CONTENT.text("locate.none")) for line in lines)
    chosen = run_without_home(tmp_path, "locate", "--data-dir", str(tmp_path / "chosen")).stdout.splitlines()
    assert chosen[2] == CONTENT.text("locate.data", path=tmp_path / "chosen")
    assert list(tmp_path.iterdir()) == []


def test_no_home_folder_but_a_chosen_one_works(tmp_path, content):
    chosen = tmp_path / "chosen"
    assert run_without_home(tmp_path, "--data-dir", str(chosen), "log", "--pain", "4").returncode == 0
    routines = run_without_home(tmp_path, "--data-dir", str(chosen), "routines")  # no custom routines folder
    assert routines.returncode == 0 and routines.stderr == ""
    export = run_without_home(tmp_path, "export", PAIN_COACH_DATA_DIR=str(chosen))
    assert export.returncode == 0 and len(json.loads(export.stdout)["records"]) == 1
    for argv in (
        ["export", "-o", "~/history.json"],
        ["import", "~/history.json"],
        ["check-in", "--answers", "~/a.json"],
    ):
        to_home = run_without_home(tmp_path, *argv, PAIN_COACH_DATA_DIR=str(chosen))
        assert to_home.returncode == 2, argv
        one_clear_line(to_home.stderr, content.text("export.no_home"))


def test_no_home_but_xdg_folders_are_used(tmp_path):
    xdg = {"XDG_DATA_HOME": str(tmp_path / "xdg-data"), "XDG_CONFIG_HOME": str(tmp_path / "xdg-config")}
    logged = run_without_home(tmp_path, "log", "--pain", "4", **xdg)
    assert logged.returncode == 0, logged.stderr
    assert list((tmp_path / "xdg-data" / "pain-coach" / "history").glob("*.json"))
    export = run_without_home(tmp_path, "export", **xdg)
    assert export.returncode == 0 and len(json.loads(export.stdout)["records"]) == 1


# --- exporting from the app: the file chosen cannot be written --------------------------------------


async def export_from_history(app, pilot, path: str) -> str:
    await press(pilot, "h", "e")
    assert type(app.screen).__name__ == "ExportDialog"
    app.screen.query_one("#export-path", Input).value = path
    await press(pilot, "enter")
    return str(app.screen.query_one("#export-error", Static).content)


@pytest.mark.parametrize("how", list(BREAKS))
async def test_export_dialog_that_cannot_write_says_so_and_stays_open(make_app, store, monkeypatch, tmp_path, how):
    store.add(flare(datetime(2026, 11, 20, 9, tzinfo=UTC)))
    app = make_app()
    target = tmp_path / "history.md"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        words = break_writes(monkeypatch, how)
        shown = await export_from_history(app, pilot, str(target))
        assert words in shown and str(target) in shown
        assert "--data-dir" not in shown  # it is about the file chosen, not the history folder
        assert type(app.screen).__name__ == "ExportDialog"
    assert not target.exists() and not list(tmp_path.glob(".history.md.*"))


def no_such_user(*args):
    raise KeyError("no such user")


async def test_export_dialog_to_a_home_path_without_a_home(make_app, store, monkeypatch, content):
    import pwd

    store.add(flare(datetime(2026, 11, 20, 9, tzinfo=UTC)))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        monkeypatch.delenv("HOME", raising=False)
        monkeypatch.setattr(pwd, "getpwuid", no_such_user)
        shown = await export_from_history(app, pilot, "~/history.md")  # the default is under ~
        assert shown == content.text("export.no_home")
        assert type(app.screen).__name__ == "ExportDialog"


async def test_the_app_needs_no_home_once_it_has_a_data_folder(make_app, store, monkeypatch):
    import pwd

    store.save_profile(DUE)
    for name in ("HOME", "PAIN_COACH_CONFIG_DIR", "XDG_CONFIG_HOME"):  # the data folder stays set
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_such_user)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "f", "6", "enter")
        assert type(app.screen).__name__ == "HomeScreen"
        await press(pilot, "c", *CALM, *NO_FLAGS)
        assert type(app.screen).__name__ == "AssessmentScreen"
        await press(pilot, "escape", "r")
        assert type(app.screen).__name__ in ("RoutinesScreen", "SafetyCheckScreen")  # custom routines: none
        assert not [m for m in notifications(app) if "home" in m.lower()]
    assert sorted(r.kind for r in Store(store.root, store.content).all()) == ["checkin", "flare"]
