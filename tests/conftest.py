"""Shared fixtures: no test ever reads or writes the developer's own pain-coach data."""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from hypothesis import settings
from textual.clock import MockClock

from coach.content.content import Content
from coach.history.store import Store
from tests.packaged import CONTENT

FIXED_NOW = datetime(2026, 11, 26, 10, 30, tzinfo=UTC)

# Property tests draw the same examples on every run and every worker: derandomized, and no example database
# shared between xdist workers. HYPOTHESIS_PROFILE=explore (or any registered profile) searches afresh.
settings.register_profile("pain-coach", derandomize=True, database=None, deadline=None, print_blob=True)
settings.register_profile("explore", max_examples=1000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "pain-coach"))


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("PAIN_COACH_DATA_DIR", str(data))
    monkeypatch.setenv("PAIN_COACH_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("PAIN_COACH_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    # English whatever the developer's own language (coach.content.locale reads these); a test chooses another.
    monkeypatch.setenv("LANG", "C.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES", "PAIN_COACH_LANG"):
        monkeypatch.delenv(name, raising=False)
    return data


@pytest.fixture(autouse=True)
def speakers(monkeypatch):
    """The app speaks through fake speakers that record their calls: no test runs espeak-ng by accident."""
    from tests.fake_speaker import Speakers

    made = Speakers()
    monkeypatch.setattr("coach.tui.app._espeak", made)
    return made


@pytest.fixture(scope="session")
def content() -> Content:
    """The packaged content, as the app and each command get it: one for the whole run."""
    return CONTENT


@pytest.fixture
def store(isolated_dirs, content) -> Store:
    return Store(isolated_dirs, content)


@pytest.fixture
def make_app(store):
    """An app on a mock clock and a fixed wall clock, past its first-run notice unless asked."""
    from coach.tui.app import PainCoachApp

    def make(first_run_done: bool = True, now: datetime = FIXED_NOW, clock=None):
        if first_run_done:
            store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
        return PainCoachApp(store, store.content, clock=clock or MockClock(), now=lambda: now)

    return make


@pytest.fixture(scope="session")
def system_tool():
    """The path of a system tool a test needs (tmux, espeak-ng, chromium, pdfinfo). `.ci/run` installs them, so
    under CI a missing one fails the test; on a developer's machine without it the test is skipped, saying so."""
    import shutil

    def find(name: str) -> str:
        path = shutil.which(name)
        if path is None:
            message = f"{name} is not installed (apt-get install it, as .ci/run does)"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        return path

    return find
