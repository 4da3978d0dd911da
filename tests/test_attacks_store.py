"""Attacks on the history store and import (issue 13: "Data integrity", "Files and folders").

Each test is one attack a careless user or a hostile file could make; each failed on the code before the fix.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from coach.cli import main
from coach.history.records import FlareLog
from coach.history.store import Store
from tests.packaged import CONTENT

ROOT = Path(__file__).resolve().parent.parent


def export_file(path: Path, records: list[dict]) -> Path:
    path.write_text(json.dumps({"format": "pain-coach", "schema": 1, "exported_at": "x", "records": records}))
    return path


def flare_json(at: str, pain: int = 5, **extra: object) -> dict:
    return FlareLog(at=datetime.fromisoformat(at), pain=pain).to_json() | extra


def month_bytes(store: Store) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(store.history.iterdir())} if store.history.is_dir() else {}


def run(*args: str, data: Path, tz: str | None = None, **kw: object) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(data))
    if tz:
        env["TZ"] = tz
    return subprocess.run(
        [sys.executable, "-m", "coach", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, **kw
    )


# --- 1. two imports of the same file at once ------------------------------------------------------

IMPORTER = """
import sys
from coach.cli import main
import coach.cli.importer, coach.history.store, coach.history.export, coach.history.records  # loaded before "go"
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(["import", sys.argv[1]]))
"""


def test_concurrent_imports_of_one_file_store_each_record_once(tmp_path, isolated_dirs):
    start = datetime(2024, 1, 1, 9, tzinfo=UTC)
    records = [flare_json((start + timedelta(days=i)).isoformat()) for i in range(0, 900, 1)]  # 30 months
    backup = export_file(tmp_path / "backup.json", records)
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(isolated_dirs))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", IMPORTER, str(backup)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        for _ in range(3)
    ]
    for proc in procs:  # wait until each has loaded, then let them all go at once
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = [proc.communicate(timeout=60) for proc in procs]
    assert all(proc.returncode == 0 for proc in procs), results
    stored = Store(isolated_dirs, CONTENT).all()
    assert len(stored) == len(records)
    assert len({r.id for r in stored}) == len(records)
    # and the export made afterwards imports again
    again = tmp_path / "again.json"
    assert main(["export", "-o", str(again)]) == 0
    assert main(["--data-dir", str(tmp_path / "other"), "import", str(again)]) == 0


def test_an_id_already_in_another_month_is_not_imported_twice(tmp_path, store, capsys):
    record = FlareLog(at=datetime(2026, 3, 1, 9, tzinfo=UTC), pain=4)
    store.add(record)
    moved = record.to_json() | {"at": "2026-05-01T09:00:00+00:00"}  # same id, edited date
    backup = export_file(tmp_path / "b.json", [moved])
    assert main(["import", str(backup)]) == 0
    assert [r.id for r in Store(store.root, store.content).all()] == [record.id]


# --- 2. an import cut short (full disk on the second month) ---------------------------------------


def test_an_import_cut_short_by_a_full_disk_leaves_the_history_as_it_was(tmp_path, store, monkeypatch, capsys):
    store.add(FlareLog(at=datetime(2026, 2, 10, 9, tzinfo=UTC), pain=3))  # February already has a record
    before = month_bytes(store)
    backup = export_file(
        tmp_path / "b.json",
        [flare_json("2026-01-05T09:00:00+00:00"), flare_json("2026-02-05T09:00:00+00:00"),
         flare_json("2026-03-05T09:00:00+00:00")],
    )  # fmt: skip
    real_replace = os.replace
    failed = []

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if Path(dst).name == "2026-02.json" and Path(src).name.startswith(".") and not failed:
            failed.append(dst)
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    assert main(["import", str(backup)]) == 1
    err = capsys.readouterr().err
    assert failed and "disk is full" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setattr(os, "replace", real_replace)
    assert month_bytes(store) == before  # January was written, then put back: all or nothing
    assert len(Store(store.root, store.content).all()) == 1
    assert main(["import", str(backup)]) == 0  # with space again it all goes in
    assert len(Store(store.root, store.content).all()) == 4


DIES_BETWEEN_RENAMES = """
import os, sys
real = os.replace
def replace(src, dst):
    if os.path.basename(dst) == "2026-02.json" and os.path.basename(src).startswith("."):
        os._exit(9)  # killed: no cleanup of any kind
    real(src, dst)
os.replace = replace
from coach.cli import main
main(["import", sys.argv[1]])
"""


def test_an_import_killed_between_renames_is_rolled_back_before_anyone_reads(tmp_path, store):
    store.add(FlareLog(at=datetime(2026, 2, 10, 9, tzinfo=UTC), pain=3))
    before = month_bytes(store)
    backup = export_file(
        tmp_path / "b.json",
        [flare_json("2026-01-05T09:00:00+00:00"), flare_json("2026-02-05T09:00:00+00:00"),
         flare_json("2026-03-05T09:00:00+00:00")],
    )  # fmt: skip
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(store.root))
    died = subprocess.run([sys.executable, "-c", DIES_BETWEEN_RENAMES, str(backup)], env=env, cwd=ROOT, timeout=60)
    assert died.returncode == 9
    assert (store.history / "2026-01.json").exists()  # January was renamed in before it died
    assert (
        len(Store(store.root, store.content).all()) == 1
    )  # a reader sees the history as it was: the import rolled back
    assert month_bytes(store) == before  # no journal, no kept copies, no temp files left


# --- 3. records the app cannot show ---------------------------------------------------------------


@pytest.mark.parametrize(
    "record",
    [
        flare_json("2026-01-05T09:00:00+00:00") | {"at": "9999-12-31T23:00:00+00:00"},
        flare_json("2026-01-05T09:00:00+00:00") | {"at": "0999-05-01T09:00:00+00:00"},
        flare_json("2026-01-05T09:00:00+00:00", gestation_days=10**18),
        flare_json("2026-01-05T09:00:00+00:00", gestation_days=-1000),
    ],
    ids=["year-9999", "year-999", "gestation-10^18", "gestation-negative"],
)
def test_import_refuses_a_record_the_app_cannot_show(tmp_path, store, capsys, record):
    backup = export_file(tmp_path / "b.json", [flare_json("2026-01-05T09:00:00+00:00"), record])
    assert main(["import", str(backup)]) == 2
    err = capsys.readouterr().err
    assert "record 2" in err and ("at" in err or "gestation_days" in err) and len(err.strip().splitlines()) == 1
    assert month_bytes(store) == {}


def test_a_stored_record_in_year_9999_does_not_break_the_report(store, capsys):
    store.add(FlareLog(at=datetime(2026, 11, 5, 9, tzinfo=UTC), pain=3))
    store.history.joinpath("9999-12.json").write_text(
        json.dumps({"records": {"1": flare_json("2026-01-01T00:00:00+00:00") | {"at": "9999-12-31T23:59:00-05:00"}}})
    )
    assert main(["export", "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert "9999-12" in captured.err and "Traceback" not in captured.err
    assert "# pain-coach report" in captured.out


async def test_the_history_screen_opens_with_a_year_9999_record_on_disk(store, make_app):
    store.add(FlareLog(at=datetime(2026, 11, 25, 9, tzinfo=UTC), pain=3))
    store.history.joinpath("9999-12.json").write_text(
        json.dumps({"records": {"1": flare_json("2026-01-01T00:00:00+00:00") | {"at": "9999-12-31T23:59:00-05:00"}}})
    )
    app = make_app()
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        app.action_open("history")
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


# --- 4. a month that cannot be read for lack of permission ----------------------------------------


def deny_reading(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == name:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


def test_a_month_without_read_permission_is_reported_not_moved_aside(store, monkeypatch, capsys):
    store.add(FlareLog(at=datetime(2026, 11, 5, 9, tzinfo=UTC), pain=3))
    store.add(FlareLog(at=datetime(2026, 10, 5, 9, tzinfo=UTC), pain=3))
    before = month_bytes(store)
    deny_reading(monkeypatch, "2026-11.json")
    assert main(["export"]) == 1
    err = capsys.readouterr().err
    assert "2026-11" in err and "ermission" in err and len(err.strip().splitlines()) == 1
    assert not list(store.history.glob("*.corrupt-*"))
    monkeypatch.undo()
    assert month_bytes(store) == before  # nothing was moved, nothing written


def test_a_log_into_an_unreadable_month_fails_and_keeps_the_file(store, monkeypatch, capsys):
    now = datetime.now().astimezone()
    store.add(FlareLog(at=now - timedelta(minutes=5), pain=3))
    before = month_bytes(store)
    deny_reading(monkeypatch, f"{now:%Y-%m}.json")
    assert main(["log", "--pain", "4"]) == 1
    err = capsys.readouterr().err
    assert "ermission" in err and len(err.strip().splitlines()) == 1
    monkeypatch.undo()
    assert month_bytes(store) == before


def test_a_real_chmod_000_month_as_a_normal_user(tmp_path):
    if shutil.which("setpriv") is None or os.geteuid() != 0:
        pytest.skip("needs root and setpriv to act as a normal user")
    data = Path(tempfile.mkdtemp(prefix="pc-perm-"))
    try:
        Store(data, CONTENT).add(FlareLog(at=datetime(2026, 11, 5, 9, tzinfo=UTC), pain=3))
        month = data / "history" / "2026-11.json"
        for path in (data, data / "history", month, data / ".lock"):
            os.chown(path, 65534, 65534)
        os.chmod(data, 0o700)
        os.chmod(month, 0o000)  # as `chmod 000` on a month; nobody owns it and may not read it
        env = dict(os.environ, PAIN_COACH_DATA_DIR=str(data), HOME=str(data))
        env.pop("PAIN_COACH_CACHE_DIR", None)
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-m", "coach"]
        probe = subprocess.run([*command, "--version"], capture_output=True, text=True, env=env, cwd="/", timeout=60)
        if probe.returncode != 0:
            pytest.skip(f"nobody cannot run this python: {probe.stderr.strip()[:200]}")
        result = subprocess.run([*command, "export"], capture_output=True, text=True, env=env, cwd="/", timeout=60)
        assert result.returncode == 1 and "2026-11" in result.stderr and "Traceback" not in result.stderr
        assert month.exists() and not list((data / "history").glob("*.corrupt-*"))
    finally:
        shutil.rmtree(data, ignore_errors=True)


# --- 5. time zones and summer time ----------------------------------------------------------------


def import_records(data: Path, tmp_path: Path, records: list[dict]) -> None:
    result = run("import", str(export_file(tmp_path / "in.json", records)), data=data)
    assert result.returncode == 0, result.stderr


def exported(data: Path, tz: str, day: str, fmt: str = "json") -> str:
    result = run("export", "--format", fmt, "--since", day, "--until", day, data=data, tz=tz)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_day_in_london_follows_summer_time_whatever_the_season_now(tmp_path, isolated_dirs):
    # 00:30 BST on 1 July is 23:30 UTC on 30 June; 23:30 GMT on 14 January is 14 January.
    july = flare_json("2026-07-01T00:30:00+01:00", note="july")
    jan = flare_json("2026-01-14T23:30:00+00:00", note="jan14")
    import_records(isolated_dirs, tmp_path, [july, jan])
    assert [r["note"] for r in json.loads(exported(isolated_dirs, "Europe/London", "2026-07-01"))["records"]] == [
        "july"
    ]
    assert json.loads(exported(isolated_dirs, "Europe/London", "2026-01-15"))["records"] == []
    assert [r["note"] for r in json.loads(exported(isolated_dirs, "Europe/London", "2026-01-14"))["records"]] == [
        "jan14"
    ]
    report = exported(isolated_dirs, "Europe/London", "2026-07-01", "md")
    assert "2026-07-01" in report and "2026-06-30" not in report


def test_a_record_made_26_hours_behind_is_found_from_the_far_side(tmp_path, isolated_dirs):
    # Logged in Pago Pago (UTC-11) late on 30 June: its file is 2026-06. Seen from Kiritimati (UTC+14) it is 2 July.
    record = flare_json("2026-06-30T23:30:00-11:00", note="pago")
    import_records(isolated_dirs, tmp_path, [record])
    found = json.loads(exported(isolated_dirs, "Pacific/Kiritimati", "2026-07-02"))["records"]
    assert [r["note"] for r in found] == ["pago"]


def test_store_query_reads_every_month_file_that_can_hold_the_range(store):
    store.add(FlareLog(at=datetime(2026, 6, 30, 23, 30, tzinfo=timezone(timedelta(hours=-11))), pain=2))
    kiritimati = timezone(timedelta(hours=14))
    since = datetime(2026, 7, 2, tzinfo=kiritimati)
    assert len(store.query(since=since, until=since + timedelta(days=1))) == 1


# --- 6. the folder is synced after a rename --------------------------------------------------------


def test_the_folder_is_fsynced_after_the_month_file_is_renamed_into_place(store, monkeypatch):
    events: list[tuple[str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}")))
        real_fsync(fd)

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        real_replace(src, dst)
        events.append(("replace", str(dst)))

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    store.add(FlareLog(at=datetime(2026, 11, 5, 9, tzinfo=UTC), pain=3))
    month = str(store.history / "2026-11.json")
    renamed = events.index(("replace", month))
    assert ("fsync", str(store.history)) in events[renamed:]


# --- 7. --data-dir pointed at a folder that is not ours -------------------------------------------


@pytest.mark.parametrize("existing_mode", [0o1777, 0o755])
def test_an_existing_data_dir_is_never_chmodded_only_warned_about(tmp_path, existing_mode):
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, existing_mode)
    result = run("--data-dir", str(shared), "log", "--pain", "4", data=tmp_path / "unused")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(shared.stat().st_mode) == existing_mode
    assert len(result.stderr.strip().splitlines()) == 1 and str(shared) in result.stderr
    assert stat.S_IMODE((shared / "history").stat().st_mode) == 0o700  # the folder pain-coach made is private


def test_a_new_data_dir_is_made_private_without_a_warning(tmp_path):
    result = run("--data-dir", str(tmp_path / "new" / "data"), "log", "--pain", "4", data=tmp_path / "unused")
    assert result.returncode == 0 and result.stderr == ""
    assert stat.S_IMODE((tmp_path / "new" / "data").stat().st_mode) == 0o700


# --- 8. export -o at something that is not a regular file ------------------------------------------


def test_export_to_a_device_node_with_force_leaves_the_device(store, tmp_path, capsys):
    # A private copy of /dev/null (char 1,3): the code before the fix replaced the node it was given, and a test
    # run as root must never risk the machine's own /dev/null.
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        node.write_text("")
    except OSError as exc:
        pytest.skip(f"cannot make or open a device node here: {exc}")
    store.add(FlareLog(at=datetime.now().astimezone(), pain=3))
    assert main(["export", "-o", str(node), "--force"]) == 0
    assert node.is_char_device()
    assert main(["export", "-o", str(node)]) == 0  # writing into a device replaces nothing: no --force needed
    assert node.is_char_device()


def test_export_to_a_fifo_writes_into_it(store, tmp_path, capsys):
    store.add(FlareLog(at=datetime.now().astimezone(), pain=3, note="through the pipe"))
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert main(["export", "-o", str(fifo), "--force"]) == 0
    reader.join(10)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and b"through the pipe" in got[0]


def test_export_dash_o_dash_writes_to_stdout(store, tmp_path, monkeypatch, capsys):
    store.add(FlareLog(at=datetime.now().astimezone(), pain=3, note="to stdout"))
    monkeypatch.chdir(tmp_path)
    assert main(["export", "-o", "-"]) == 0
    assert "to stdout" in capsys.readouterr().out
    assert not (tmp_path / "-").exists()


# --- 9. a range that starts before year 1000 -------------------------------------------------------


def test_export_since_a_year_below_1000_still_finds_the_history(store, capsys):
    # glibc's %Y writes year 999 as "999", which sorts after "2026": the month files were all skipped.
    store.add(FlareLog(at=datetime(2026, 11, 5, 9, tzinfo=UTC), pain=3))
    assert len(store.query(since=datetime(999, 6, 1, tzinfo=UTC))) == 1
