"""The first frame is the complete first screen (issue 15): what it shows is there when Textual says the frame is
drawn (its Ready event), before the work done after it (content models, settings, styles: PainCoachApp.prepare);
that work imports nothing the first frame needs, and a key pressed at the first frame is answered."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from textual import events
from textual.clock import MockClock

import coach.tui.app
from coach.checkin.pregnancy import describe_stage, stage
from coach.history.records import Profile
from coach.tui.app import PainCoachApp
from coach.tui.startup import peek_status
from coach.tui.styles import SCREENS_CSS, rule_slices
from tests import screen_cells
from tests.conftest import FIXED_NOW
from tests.packaged import CONTENT

AT_34_WEEKS = Profile(due_date=FIXED_NOW.date() + timedelta(days=280 - 34 * 7), date_basis="due")


class Watched(PainCoachApp):
    """The app, noting what the screen shows at Textual's Ready (the first frame drawn), whether prepare had run
    by then, and pressing `key` there as a terminal would send it."""

    CSS_PATH = Path(coach.tui.app.__file__).with_name("app.tcss")  # Textual finds it beside the class's module

    def __init__(self, store, key: str | None = None) -> None:
        super().__init__(store, store.content, clock=MockClock(), now=lambda: FIXED_NOW)
        self.key = key
        self.seen: dict[str, object] = {}

    def on_ready(self) -> None:
        self.seen = {
            "text": " ".join(screen_cells.text_of(self).split()),
            "prepared": self.prepared,
            "screen": type(self.screen).__name__,
        }
        super().on_ready()
        if self.key:
            self.post_message(events.Key(self.key, self.key))


def watched(store, first_run_done: bool = True, key: str | None = None) -> Watched:
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": first_run_done}))
    return Watched(store, key)


async def test_a_returning_start_shows_the_status_line_and_footer_in_its_first_frame(store):
    store.save_profile(AT_34_WEEKS)
    app = watched(store)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
    seen = app.seen
    assert seen["prepared"] is False  # nothing done after the first paint had run yet
    assert "34 weeks + 0 days pregnant · third trimester" in seen["text"]
    assert "About & safety" in seen["text"]  # the menu's last item
    assert "^q Quit" in seen["text"] and "^p Commands" in seen["text"]  # the footer's keys


async def test_a_first_start_shows_the_notice_with_its_footer_in_its_first_frame(store):
    app = watched(store, first_run_done=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    seen = app.seen
    assert seen["screen"] == "FirstRunScreen" and seen["prepared"] is False
    notice = CONTENT.raw("about")["first_run"]
    assert notice["title"] in seen["text"] and "Everything you enter stays on this computer." in seen["text"]
    assert "diagnose, and it is not" in seen["text"] and "**" not in seen["text"]  # bold, without asterisks
    assert "I understand" in seen["text"] and "^q Quit" in seen["text"]


async def test_the_status_line_is_checked_once_the_profile_is_validated(store):
    # A profile of a newer version: the first frame says nothing of it, the validated load says what it can.
    app = watched(store)  # which makes the folder
    (store.root / "profile.json").write_text(json.dumps({"schema": 99, "due_date": "2027-01-01"}), encoding="utf-8")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        while not app.prepared:
            await pilot.pause()
        status = str(app.screen.query_one("#status").content)
    assert "weeks" not in app.seen["text"]
    assert status == CONTENT.text("stage.unknown")


async def test_a_key_pressed_at_the_first_frame_opens_its_screen_styled(store):
    app = watched(store, key="a")
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "AboutScreen"
        assert app.screen.query_one("#about").styles.padding.left == 1  # screens.tcss was in when it opened
        while not app.prepared:
            await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    assert app.seen["prepared"] is False


FIRST_FRAME_MODULES = """
import json, sys
import coach.tui.app
from coach.cli import main

def ready(self):
    names = ("pydantic", "coach.content.models", "coach.history.records", "markdown_it", "pygments",
             "textual.widgets._markdown", "dateutil", "textual.widgets._header", "argparse")
    print(json.dumps({"screen": type(self.screen).__name__, "imported": [n for n in names if n in sys.modules]}))
    self.exit()

coach.tui.app.PainCoachApp.on_ready = ready
run = coach.tui.app.PainCoachApp.run
coach.tui.app.PainCoachApp.run = lambda self, **kw: run(self, headless=True, size=(80, 24))
main(sys.argv[1:])
"""


@pytest.mark.parametrize("first_start", [True, False])
@pytest.mark.parametrize("options", [False, True])
def test_the_first_frame_imports_no_markdown_nor_the_pydantic_models_nor_the_zone_rules(store, first_start, options):
    """Nor argparse: `pain-coach --data-dir DIR --lang en` is read without it."""
    if not first_start:
        store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
        store.save_profile(AT_34_WEEKS)
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(store.root), LANG="C.UTF-8")
    env.pop("PAIN_COACH_LANG", None)
    argv = ["--data-dir", str(store.root), "--lang=en"] if options else []
    if options:
        del env["PAIN_COACH_DATA_DIR"]
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_MODULES, *argv], capture_output=True, text=True, check=True, env=env,
        timeout=60,
    )  # fmt: skip
    shown = json.loads(out.stdout.strip().splitlines()[-1])
    assert shown == {"screen": "FirstRunScreen" if first_start else "HomeScreen", "imported": []}


@pytest.mark.parametrize(
    "profile",
    [
        Profile(),
        AT_34_WEEKS,
        Profile(lmp=FIXED_NOW.date() - timedelta(days=100), date_basis="lmp"),
        Profile(birth_date=FIXED_NOW.date() - timedelta(days=20), date_basis="born"),
    ],
)
def test_the_peeked_status_says_what_the_validated_profile_says(store, profile):
    store.save_profile(profile)
    today = FIXED_NOW.date()
    assert peek_status(CONTENT, store.root, today) == describe_stage(CONTENT, stage(profile, today))


@pytest.mark.parametrize(
    "text", ['{"schema": 1, "due_date": 20270101}', "{damaged", "[]", '{"due_date": "2027-01-01"}']
)
def test_a_profile_not_as_written_leaves_the_first_status_to_the_full_load(store, text):
    store.root.mkdir(parents=True, exist_ok=True)
    (store.root / "profile.json").write_text(text, encoding="utf-8")
    assert peek_status(CONTENT, store.root, FIXED_NOW.date()) is None


def test_the_screens_styles_are_cut_between_whole_rules():
    css = SCREENS_CSS.read_text(encoding="utf-8")
    slices = rule_slices(css)
    assert "".join(slices) == css and len(slices) > 1
    assert all(piece.count("{") == piece.count("}") for piece in slices)
    assert rule_slices("a { b: c; }\n/* } */\nd { e: f; }\n", rules=1) == ["a { b: c; }", "\n/* } */\nd { e: f; }\n"]
