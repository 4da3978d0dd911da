"""pain-coach never opens a network socket: the app's main flows and every CLI command, under a guard.

Each app flow runs its own event loop inside the guard (`asyncio.run`), so the loop's creation, Textual's
start-up, the flow and the shutdown are all covered. The only socket allowed is asyncio's own AF_UNIX
wake-up pair (see tests/network_guard.py); Textual's headless driver opens nothing else. (Textual would
connect to its devtools console on localhost if TEXTUAL=devtools were set: the tests clear it.)
"""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import FIXED_NOW
from tests.network_guard import NetworkUsed, no_network
from tests.shots import CALM, NO_FLAGS, TO_RELAX, at_30_weeks_with_pgp, six_weeks_of_history

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def no_devtools(monkeypatch):
    monkeypatch.delenv("TEXTUAL", raising=False)


def assert_guard_still_catches(record) -> None:
    """Proof, inside the same guarded run, that a real attempt would have been seen."""
    before = len(record.attempts)
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9), timeout=0.1)
    assert len(record.attempts) == before + 1


# --- the guard itself ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM),
        lambda: socket.socket(socket.AF_INET6, socket.SOCK_DGRAM),
        lambda: socket.socket(socket.AF_UNIX, socket.SOCK_STREAM),  # only asyncio's self-pipe may
        lambda: socket.create_connection(("127.0.0.1", 9)),
        lambda: socket.getaddrinfo("localhost", 80),
        lambda: socket.gethostbyname("localhost"),
        lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=0.1),
        lambda: asyncio.run(asyncio.open_connection("127.0.0.1", 9)),
    ],
    ids=["inet", "inet6", "unix", "create_connection", "getaddrinfo", "gethostbyname", "urlopen", "asyncio"],
)
def test_the_guard_catches_each_way_of_opening_a_socket(attempt):
    with no_network() as record, pytest.raises(NetworkUsed):
        attempt()
    assert record.attempts, "the guard saw nothing"


def test_the_guard_catches_a_socket_made_before_it_started():
    early = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        with no_network() as record:
            with pytest.raises(NetworkUsed):
                early.sendto(b"x", ("127.0.0.1", 9))
            with pytest.raises(NetworkUsed):
                early.connect(("127.0.0.1", 9))
        assert [a.call for a in record.attempts] == ["socket.sendto", "socket.connect"]
    finally:
        early.close()


def test_the_guard_lets_asyncio_make_its_wake_up_pair_and_undoes_itself():
    with no_network() as record:
        asyncio.run(asyncio.sleep(0))
    assert record.attempts == [] and record.self_pipes == 2  # the loop's two ends
    socket.socket(socket.AF_INET).close()  # patched back


# --- the app -------------------------------------------------------------------------------------


async def checkin_flow(app, pilot, tmp_path):
    for key in ["c", *CALM, *NO_FLAGS]:
        await pilot.press(key)
        await pilot.pause()
    assert app.screen.__class__.__name__ == "AssessmentScreen"
    assert len(app.store.query(kind="checkin")) == 1


async def routine_flow(app, pilot, tmp_path):
    for key in [*TO_RELAX, "4", "enter"]:
        await pilot.press(key)
        await pilot.pause()
    player = app.screen
    assert player.__class__.__name__ == "PlayerScreen"
    await pilot.press("n", "n")
    app.clock.set_time(10_000)  # to the end
    player.tick()
    await pilot.pause()
    assert app.screen.__class__.__name__ == "PainRatingScreen"
    await pilot.press("2", "enter", "b")
    await pilot.pause()
    [session] = app.store.query(kind="routine")
    assert (session.pain_before, session.pain_after, session.feeling) == (4, 2, "better")


async def history_flow(app, pilot, tmp_path):
    await pilot.press("h")
    await pilot.pause()
    await pilot.press("down", "enter")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "RecordDetailScreen"
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    await pilot.press("e")
    await pilot.pause()
    target = tmp_path / "report.md"
    app.screen.query_one("#export-path", Input).value = str(target)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.screen.__class__.__name__ == "HistoryScreen"
    assert target.read_text().startswith("# pain-coach report")


FLOWS = {
    "checkin": (checkin_flow, at_30_weeks_with_pgp),
    "routine": (routine_flow, at_30_weeks_with_pgp),
    "history": (history_flow, six_weeks_of_history),
}


@pytest.mark.parametrize("name", FLOWS)
def test_app_flow_opens_no_socket(name, make_app, store, tmp_path):
    flow, setup = FLOWS[name]
    setup(store)
    app = make_app()

    async def run() -> None:
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            await flow(app, pilot, tmp_path)
            await pilot.press("ctrl+q")

    with no_network() as record:
        asyncio.run(run())
        assert_guard_still_catches(record)
    assert record.attempts[:-1] == [], record.report()
    assert record.self_pipes == 2  # the guard was on while the event loop was made


# --- the command line ----------------------------------------------------------------------------

CLI_RUN = """
import json, sys
from tests.network_guard import no_network
with no_network() as record:
    from coach.cli import main
    import coach.tui.app  # the app's imports too
    codes = [main(argv) for argv in json.loads(sys.argv[1])]
print(json.dumps({"codes": codes, "attempts": record.report()}))
"""


def test_every_cli_command_opens_no_socket(tmp_path, store):
    from tests.test_checkin_cli import calm_answers

    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(calm_answers()))
    store.save_profile(_profile())
    export = tmp_path / "out.json"
    commands = [
        ["--version"],
        ["log", "--pain", "5", "--where", "buttock", "--note", "stairs"],
        ["check-in", "--answers", str(answers), "--save"],
        ["routines", "--all"],
        ["export", "--format", "json", "-o", str(export)],
        ["export", "--format", "csv"],
        ["export", "--format", "md"],
        ["import", str(export)],
        ["check-content"],
    ]
    done = subprocess.run(
        [sys.executable, "-c", CLI_RUN, json.dumps(commands)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["attempts"] == ""
    assert result["codes"] == [0] * len(commands), done.stdout
    assert len(store.query(kind="flare")) == 1 and len(store.query(kind="checkin")) == 1


def _profile():
    from datetime import timedelta

    from coach.history.records import Profile

    return Profile(due_date=(FIXED_NOW + timedelta(weeks=10)).date(), pgp_diagnosed="no")
