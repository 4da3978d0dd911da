"""Snapshot tests: every screen at 80x24 and the main ones at 120x40, compared with tests/__snapshots__/.

The shots (keys, data, clock) live in tests/shots.py, shared with make_screenshots.py. After a deliberate
change to how a screen looks, look at snapshot_report.html, then accept the new pictures and remake the
README's screenshots:
    .venv/bin/python -m pytest tests/test_snapshots.py --snapshot-update
    .venv/bin/python tests/make_screenshots.py
Plain `def` tests: the plugin runs the app in its own event loop.
"""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import pytest

from tests.shots import SHOTS, UNSET_ENV, make_app, play

HERE = Path(__file__).parent
CASES = [
    pytest.param(shot, size, id=shot.file_name(size).removesuffix(".svg")) for shot in SHOTS for size in shot.sizes
]


@pytest.mark.parametrize(("shot", "size"), CASES)
def test_screen_looks_as_before(shot, size, isolated_dirs, monkeypatch, snap_compare):
    for name in UNSET_ENV:
        monkeypatch.delenv(name, raising=False)
    app = make_app(shot, isolated_dirs)
    assert snap_compare(app, terminal_size=size, run_before=partial(play, shot))


def without_ids(svg: str) -> str:
    return re.sub(r"\bterminal-\d+-", "terminal-", svg)  # rich numbers each picture's CSS classes


@pytest.mark.parametrize(("shot", "size"), CASES)
def test_screenshot_is_the_snapshot(shot, size, request):
    """screenshots/ (shown in the README) is remade whenever the snapshots are accepted."""
    if request.config.getoption("--snapshot-update"):
        pytest.skip("the snapshots are being rewritten (syrupy saves them at the end of the run)")
    name = shot.file_name(size)
    snapshot = HERE / "__snapshots__" / "test_snapshots" / f"test_screen_looks_as_before[{name[:-4]}].svg"
    screenshot = HERE.parent / "screenshots" / name
    assert screenshot.exists(), f"screenshots/{name} is missing: run .venv/bin/python tests/make_screenshots.py"
    assert without_ids(screenshot.read_text(encoding="utf-8")) == without_ids(snapshot.read_text(encoding="utf-8")), (
        f"screenshots/{name} differs from its snapshot: run .venv/bin/python tests/make_screenshots.py {shot.name}"
    )
