"""The installed `pain-coach` in a real terminal (tmux), driven only as a person drives it.

Each `Terminal` is its own tmux server (`tmux -L <unique socket>`), so journeys running at once, or a
developer's own tmux, never meet. The app gets a fresh data, config and cache folder of its own. Keys go
in with `send-keys` (names such as Enter, Escape, Tab, Up) or `send-keys -l` (typed text); a click is the
SGR mouse report a terminal sends (press `ESC[<0;X;YM`, release `ESC[<0;X;Ym`, 1-based cells) at the cell
where the target's text is seen on the captured screen. Waits poll `capture-pane` until the screen shows
what is awaited, up to a deadline: never a fixed sleep.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterable
from pathlib import Path

POLL_SECONDS = 0.05
DEADLINE_SECONDS = 10.0
SESSION = "journey"
_numbers = itertools.count()


def installed_app() -> Path:
    """The console script of the environment the tests run in: what `pip install` put next to python."""
    script = Path(sys.executable).with_name("pain-coach")
    if not script.exists():
        raise FileNotFoundError(f"{script} is missing: install the package (pip install -e '.[test]')")
    return script


class JourneyError(AssertionError):
    """What the person was waiting for did not appear; the message holds the screen they saw."""


class Terminal:
    def __init__(self, tmux: str, folder: Path, size: tuple[int, int] = (80, 24)) -> None:
        self.tmux = tmux
        self.folder = folder
        self.width, self.height = size
        self.socket = f"pain-coach-journey-{os.getpid()}-{next(_numbers)}-{uuid.uuid4().hex[:8]}"
        self.last_screen = ""
        self.started = False
        self.env = {
            "PAIN_COACH_DATA_DIR": str(folder / "data"),
            "PAIN_COACH_CONFIG_DIR": str(folder / "config"),
            "PAIN_COACH_CACHE_DIR": str(folder / "cache"),
            "HOME": str(folder / "home"),  # where "~/..." (the export's default path) lands
            "TEXTUAL_ANIMATIONS": "none",  # the breathing pacer in words; no slide-ins to wait for
            "TERM": "tmux-256color",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        }

    # --- the terminal ---------------------------------------------------------------------------

    def _tmux(self, *args: str, check: bool = True) -> str:
        done = subprocess.run(
            [self.tmux, "-L", self.socket, *args], capture_output=True, text=True, check=False, timeout=10
        )
        if check and done.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def start(self, *args: str) -> Terminal:
        """Open the window at its size and run `pain-coach ARGS` in it with the fresh folders."""
        (self.folder / "home").mkdir(exist_ok=True)
        config = self.folder / "tmux.conf"
        # No status line (the app gets every row); the pane stays after the app ends, to read its exit status.
        config.write_text("set -g status off\nset -g remain-on-exit on\nset -g history-limit 0\n", encoding="utf-8")
        command = ["env", *(f"{k}={v}" for k, v in self.env.items()), str(installed_app()), *args]
        self._tmux(
            "-f", str(config), "new-session", "-d", "-s", SESSION,
            "-x", str(self.width), "-y", str(self.height), *command,
        )  # fmt: skip
        self.started = True
        return self

    def close(self) -> None:
        if self.started:
            self._tmux("kill-server", check=False)
            self.started = False

    def screen(self) -> str:
        """The screen as a person reads it: plain text, one line per row."""
        shown = self._tmux("capture-pane", "-p", "-t", SESSION)
        self.last_screen = shown
        return shown

    def rows(self) -> list[str]:
        return self.screen().split("\n")

    def coloured_screen(self) -> str:
        """The screen with its colours and styles, as tmux holds its cells (SGR codes before each change)."""
        return self._tmux("capture-pane", "-e", "-p", "-t", SESSION)

    def resize(self, width: int, height: int) -> Terminal:
        """The window resized, as a person drags it (the app gets the new size)."""
        self._tmux("resize-window", "-t", SESSION, "-x", str(width), "-y", str(height))
        return self

    # --- what a person does ---------------------------------------------------------------------

    def press(self, *keys: str) -> Terminal:
        """Keys by their tmux names: Enter, Escape, Tab, BTab, Up, Down, Left, Right, Space, C-s."""
        for key in keys:
            self._tmux("send-keys", "-t", SESSION, key)
        return self

    def type(self, text: str) -> Terminal:
        """Typed text, character by character as the keyboard sends it."""
        self._tmux("send-keys", "-t", SESSION, "-l", text)
        return self

    def click(self, text: str, *, row_after: str | None = None) -> Terminal:
        """A left click on the first cell of `text` where the screen shows it (below the row holding
        `row_after`, if given)."""
        x, y = self.find(text, row_after=row_after)
        return self.click_at(x, y)

    def click_at(self, x: int, y: int) -> Terminal:
        """A left click (press, then release) on the cell at column x, row y (0-based)."""
        self._tmux("send-keys", "-t", SESSION, "-l", f"\x1b[<0;{x + 1};{y + 1}M")
        self._tmux("send-keys", "-t", SESSION, "-l", f"\x1b[<0;{x + 1};{y + 1}m")
        return self

    def find(self, text: str, *, row_after: str | None = None) -> tuple[int, int]:
        """(column, row), 0-based, of `text` on the screen, waiting for it to appear."""
        self.wait_for(text)
        rows = self.rows()
        start = 0
        if row_after is not None:
            start = next((i + 1 for i, row in enumerate(rows) if row_after in row), len(rows))
        for y in range(start, len(rows)):
            if text in rows[y]:
                return _cells_before(rows[y], text), y
        raise JourneyError(f"{text!r} is not on the screen{_below(row_after)}:\n{self.last_screen}")

    # --- waiting on the screen ------------------------------------------------------------------

    def wait_for(self, *texts: str, timeout: float = DEADLINE_SECONDS) -> str:
        """Until every one of `texts` is on the screen; the screen."""
        return self._wait(lambda shown: all(t in shown for t in texts), f"waited for {texts!r}", timeout)

    def wait_any(self, texts: Iterable[str], timeout: float = DEADLINE_SECONDS) -> str:
        wanted = tuple(texts)
        return self._wait(lambda shown: any(t in shown for t in wanted), f"waited for one of {wanted!r}", timeout)

    def wait_gone(self, *texts: str, timeout: float = DEADLINE_SECONDS) -> str:
        """Until none of `texts` is on the screen; the screen."""
        return self._wait(lambda shown: not any(t in shown for t in texts), f"waited for {texts!r} to go", timeout)

    def wait_change(self, before: str, timeout: float = DEADLINE_SECONDS) -> str:
        return self._wait(lambda shown: shown != before, "waited for the screen to change", timeout)

    def settled(self, timeout: float = DEADLINE_SECONDS) -> str:
        """Until two captures a poll apart are the same: the app has finished redrawing after a key."""
        before = self.screen()
        deadline = time.monotonic() + timeout
        while True:
            time.sleep(POLL_SECONDS * 2)
            shown = self.screen()
            if shown == before:
                return shown
            if time.monotonic() > deadline:
                raise JourneyError(f"the screen kept changing for {timeout:g} s:\n{shown}")
            before = shown

    def _wait(self, done, what: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if done(shown):
                return shown
            if self.exited() is not None:
                raise JourneyError(f"{what}, but the app ended (status {self.exited()}):\n{shown}")
            if time.monotonic() > deadline:
                raise JourneyError(f"{what} for {timeout:g} s; the screen showed:\n{shown}")
            time.sleep(POLL_SECONDS)

    def exited(self) -> int | None:
        """The app's exit status once it has ended, else None."""
        out = self._tmux("display-message", "-p", "-t", SESSION, "#{pane_dead} #{pane_dead_status}", check=False)
        dead, _, status = out.strip().partition(" ")
        return int(status or 0) if dead == "1" else None

    def wait_exit(self, timeout: float = DEADLINE_SECONDS) -> int:
        deadline = time.monotonic() + timeout
        while (status := self.exited()) is None:
            if time.monotonic() > deadline:
                raise JourneyError(f"the app did not end in {timeout:g} s:\n{self.screen()}")
            time.sleep(POLL_SECONDS)
        return status


def _cells_before(row: str, text: str) -> int:
    """The column where `text` starts in `row`, in terminal cells (a wide character takes two)."""
    from rich.cells import cell_len

    return cell_len(row[: row.index(text)])


def _below(row_after: str | None) -> str:
    return f" below {row_after!r}" if row_after else ""
