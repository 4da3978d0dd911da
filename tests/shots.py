"""Every screen the snapshot tests check and screenshots/ shows, defined once so the two never drift apart.

A shot is a fresh app on its own data folder (filled by `setup`), a mock clock, a fixed date, and the keys
a person would press to reach the screen. tests/test_snapshots.py compares each shot at its `sizes` with
the stored snapshot; tests/make_screenshots.py saves each at 80x24 and 120x40 into screenshots/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from textual.clock import MockClock
from textual.widgets import Input, TextArea

from coach.content.content import Content
from tests.packaged import CONTENT

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from coach.history.store import Store
    from coach.tui.app import PainCoachApp

NOW = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)  # a Thursday morning, as in conftest.FIXED_NOW
SMALL, LARGE = (80, 24), (120, 40)
BOTH = (SMALL, LARGE)
# Settings from the environment that change how the real app looks; shots are taken without them
# (TEXTUAL_ANIMATIONS=none turns the breathing pacer into words, NO_COLOR drops the colours).
UNSET_ENV = ("TEXTUAL_ANIMATIONS", "NO_COLOR")


def at_30_weeks_with_pgp(store: Store) -> None:
    """Dates known (30+0 today), pelvic girdle pain diagnosed, today's safety list already confirmed."""
    from coach.history.records import Profile

    store.save_profile(Profile(due_date=(NOW + timedelta(weeks=10)).date(), date_basis="due", pgp_diagnosed="yes"))
    store.save_settings(store.load_settings().model_copy(update={"safety_check_date": NOW.date()}))


def at_30_weeks_not_checked_today(store: Store) -> None:
    """As at_30_weeks_with_pgp, but the first routine of the day still shows the safety list."""
    at_30_weeks_with_pgp(store)
    store.save_settings(store.load_settings().model_copy(update={"safety_check_date": None}))


def six_weeks_of_history(store: Store) -> None:
    """130 made-up records over the last 42 days (seeded, so always the same ones)."""
    from tests.make_history import make_records

    at_30_weeks_with_pgp(store)
    store.add_many(make_records(130, end=NOW, days=42))


@dataclass(frozen=True)
class Shot:
    name: str
    screen: str  # class name of the screen the keys must lead to (a wrong key sequence fails loudly)
    keys: tuple[str, ...] = ()
    setup: Callable[[Store], None] | None = None
    first_run: bool = False
    seconds: float = 0.0  # mock-clock time to let pass after the keys (a routine mid-step)
    sizes: tuple[tuple[int, int], ...] = (SMALL,)  # snapshot sizes
    locale: str = "en"

    def file_name(self, size: tuple[int, int]) -> str:
        language = "" if self.locale == "en" else f"{self.locale}-"
        return f"{language}{self.name}-{size[0]}x{size[1]}.svg"


# Check-in answers (options by letter, numbers typed then Enter): buttock, left, dull ache, pain 4 then 5,
# turning in bed, rest eases, better, sleep fine, days; the weekly function score: not this week.
CALM = ("b", "enter", "a", "a", "enter", "4", "enter", "5", "enter", "c", "enter", "a", "a", "a", "a", "b")
NO_FLAGS = ("n", "n", "n", "n", "n")
# The routines list, down to "Evening wind-down" (the fifth routine), Enter: the pain-before question.
TO_RELAX = ("r", "down", "down", "down", "down", "enter")

SHOTS = [
    Shot("home", "HomeScreen", sizes=BOTH),
    Shot("first-run", "FirstRunScreen", first_run=True),
    Shot("help", "HelpScreen", ("question_mark",)),
    Shot("about", "AboutScreen", ("a",)),
    Shot("profile", "ProfileScreen", ("p",)),
    Shot("checkin-question", "CheckInScreen", ("c", "b", "enter", "a", "a", "enter"), at_30_weeks_with_pgp, sizes=BOTH),
    Shot("assessment", "AssessmentScreen", ("c", *CALM, *NO_FLAGS), at_30_weeks_with_pgp, sizes=BOTH),
    Shot("red-flag", "RedFlagScreen", ("c", *CALM, "n", "n", "n", "d", "enter", "n"), at_30_weeks_with_pgp),
    Shot("flare-log", "FlareLogModal", ("f", "6")),
    Shot("routines", "RoutinesScreen", ("r",), at_30_weeks_with_pgp, sizes=BOTH),
    Shot("safety-check", "SafetyCheckScreen", ("r", "enter"), at_30_weeks_not_checked_today),
    Shot("pain-rating", "PainRatingScreen", TO_RELAX, at_30_weeks_with_pgp),
    # Pain 4, then on to step 4 (tense the legs, 7 s) and 3 s into it.
    Shot(
        "player", "PlayerScreen", (*TO_RELAX, "4", "enter", "n", "n", "n"), at_30_weeks_with_pgp, seconds=3, sizes=BOTH
    ),
    # Step 2, slow belly breathing, 2 s in: half-way through the first in-breath.
    Shot("breathing-pacer", "PlayerScreen", (*TO_RELAX, "4", "enter", "n"), at_30_weeks_with_pgp, seconds=2),
    Shot("history", "HistoryScreen", ("h",), six_weeks_of_history, sizes=BOTH),
    Shot("history-detail", "RecordDetailScreen", ("h", "down", "down", "down", "enter"), six_weeks_of_history),
    Shot("trends", "HistoryScreen", ("h", "t"), six_weeks_of_history, sizes=BOTH),
    Shot("what-helps", "HistoryScreen", ("h", "w"), six_weeks_of_history),
    Shot("too-small", "TooSmallScreen", sizes=((64, 20),)),
]
# The main screens in Simplified Chinese at 80x24: the same keys (option letters and menu keys are not translated).
ZH_CN = ("home", "first-run", "help", "checkin-question", "assessment", "red-flag", "routines", "player")
ZH_CN += ("history", "history-detail", "trends", "what-helps")
SHOTS += [replace(shot, locale="zh-CN", sizes=(SMALL,)) for shot in SHOTS if shot.name in ZH_CN]


def make_app(shot: Shot, data_dir: Path) -> PainCoachApp:
    """The real app on a fresh store in `data_dir`, a mock clock and a fixed date."""
    from coach.history.store import Store
    from coach.tui.app import PainCoachApp

    content = CONTENT if shot.locale == "en" else Content.load(shot.locale)
    store = Store(data_dir, content)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": not shot.first_run}))
    if shot.setup:
        shot.setup(store)
    return PainCoachApp(store, content, clock=MockClock(), now=lambda: NOW)


async def play(shot: Shot, pilot: Pilot) -> None:
    """Press the shot's keys one at a time (screens change a moment after a key), then hold still."""
    app = pilot.app
    app.animation_level = "none"
    await pilot.pause()
    for key in shot.keys:
        await pilot.press(key)
        await pilot.pause()
    await app.workers.wait_for_complete()  # e.g. "what helps", worked out off the main thread
    await pilot.pause()
    if shot.seconds:
        app.clock.set_time(app.clock.time + shot.seconds)
        app.screen.tick()  # what the screen's interval timer would do next
        await pilot.pause()
    for widget in app.screen.query("Input, TextArea"):
        if isinstance(widget, (Input, TextArea)):
            widget.cursor_blink = False  # a steady cursor: a blink would show or hide it at random
    shown = type(app.screen).__name__
    if shown != shot.screen:
        raise AssertionError(f"shot {shot.name!r}: the keys led to {shown}, not {shot.screen}")
