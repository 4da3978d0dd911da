"""Regenerate screenshots/ from the real app: `.venv/bin/python tests/make_screenshots.py`.

Each shot starts a fresh app on a throw-away history (filled by `setup`), on a fixed clock and date,
presses its keys, and saves an SVG at 80x24 and 120x40.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from textual.clock import MockClock

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
NOW = datetime(2026, 11, 26, 10, 30, tzinfo=timezone.utc)
SIZES = [(80, 24), (120, 40)]


@dataclass
class Shot:
    name: str
    keys: list[str] = field(default_factory=list)
    first_run: bool = False
    setup: Callable[[object], None] | None = None


# Check-in answers: buttock, left, dull ache, pain 4 then 5, turning in bed, rest eases, better, sleep fine, days.
CALM = ["2", "enter", "1", "1", "enter", "4", "enter", "5", "enter", "3", "enter", "1", "1", "1", "1"]
NO_FLAGS = ["n", "n", "n", "n"]

SHOTS = [
    Shot("home"),
    Shot("first-run", first_run=True),
    Shot("help", keys=["question_mark"]),
    Shot("about", keys=["a"]),
    Shot("profile", keys=["p"]),
    Shot("checkin-question", keys=["c", "2", "enter", "1", "1", "enter"], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("assessment", keys=["c", *CALM, *NO_FLAGS], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("red-flag", keys=["c", *CALM, "n", "n", "4", "enter", "n"], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("flare-log", keys=["f", "6"]),
    Shot("routines", keys=["r"], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("pain-rating", keys=["r", "down", "down", "down", "down", "enter", "4"], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("player", keys=["r", "down", "down", "down", "down", "enter", "4", "enter", "n", "n", "n"], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("breathing-pacer", keys=["r", "down", "down", "down", "down", "enter", "4", "enter", "n"], setup=lambda store: _at_30_weeks_with_pgp(store)),
    Shot("history", keys=["h"], setup=lambda store: _six_weeks_of_history(store)),
    Shot("history-detail", keys=["h", "down", "down", "down", "enter"], setup=lambda store: _six_weeks_of_history(store)),
    Shot("trends", keys=["h", "t"], setup=lambda store: _six_weeks_of_history(store)),
    Shot("what-helps", keys=["h", "w"], setup=lambda store: _six_weeks_of_history(store)),
]


def _six_weeks_of_history(store) -> None:
    sys.path.insert(0, str(ROOT))
    from tests.make_history import make_records

    _at_30_weeks_with_pgp(store)
    store.add_many(make_records(130, end=NOW, days=42))


def _at_30_weeks_with_pgp(store) -> None:
    from datetime import timedelta

    from coach.records import Profile

    store.save_profile(Profile(due_date=(NOW + timedelta(weeks=10)).date(), date_basis="due", pgp_diagnosed="yes"))
    store.save_settings(store.load_settings().model_copy(update={"safety_check_date": NOW.date()}))


async def take(shot: Shot, size: tuple[int, int]) -> Path:
    from coach.app import PainCoachApp
    from coach.store import Store

    with tempfile.TemporaryDirectory() as data:
        store = Store(Path(data))
        store.save_settings(store.load_settings().model_copy(update={"first_run_done": not shot.first_run}))
        if shot.setup:
            shot.setup(store)
        app = PainCoachApp(store, clock=MockClock(), now=lambda: NOW)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            for key in shot.keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause(0.2)
            path = OUT / f"{shot.name}-{size[0]}x{size[1]}.svg"
            app.save_screenshot(filename=path.name, path=str(OUT))
    return path


def main() -> None:
    OUT.mkdir(exist_ok=True)
    wanted = set(sys.argv[1:])
    for shot in SHOTS:
        if wanted and shot.name not in wanted:
            continue
        for size in SIZES:
            print(asyncio.run(take(shot, size)).relative_to(ROOT))


if __name__ == "__main__":
    main()
