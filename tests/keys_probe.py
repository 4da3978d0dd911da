"""Bench-only: runs pain-coach in a real terminal and logs, on CLOCK_MONOTONIC, when each key arrives, when
each frame is written and when the app is idle again. tests/bench.py (`--only keys`) starts it under tmux.

    python tests/keys_probe.py LOG_FIFO [pain-coach arguments]

One JSON list per line on LOG_FIFO, each [kind, t, CPU seconds of the process so far, detail...]:
- ["key", t, key]: the driver's input thread has read a key (before the app's queue gets it);
- ["dispatch", t, key]: the app's loop takes the key from its queue;
- ["write", t, text]: the driver is handed text for the terminal (a frame, or a mode switch);
- ["idle", t]: the event loop goes to sleep with nothing to do: no callback ready and no frame pending on the
  current screen (only timers that are not due yet, such as a routine's tick, and input).

With KEYS_PROBE_PROFILE=FILE it also writes cProfile's stats of the whole run there (on a clean exit, ctrl+q).
Not part of the app: it patches Textual's driver and the event loop from outside.
"""

from __future__ import annotations

import asyncio
import json
import os
import selectors
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


class Log:
    def __init__(self, path: str) -> None:
        self._fd = os.open(path, os.O_WRONLY)
        self._lock = threading.Lock()

    def __call__(self, kind: str, t: float, *detail: Any) -> None:
        line = (json.dumps([kind, t, time.process_time(), *detail]) + "\n").encode()
        with self._lock:
            view = memoryview(line)
            while view:
                view = view[os.write(self._fd, view) :]


def install(log: Log) -> None:
    from textual import events
    from textual.driver import Driver
    from textual.drivers.linux_driver import LinuxDriver

    import coach.tui.app

    app_class = coach.tui.app.PainCoachApp
    running: list[Any] = []

    process_message = Driver.process_message

    def logged_process_message(self: Driver, message: Any) -> None:
        if isinstance(message, events.Key):
            log("key", time.monotonic(), message.key)
        process_message(self, message)

    Driver.process_message = logged_process_message  # type: ignore[method-assign]

    write = LinuxDriver.write

    def logged_write(self: LinuxDriver, data: str) -> None:
        write(self, data)
        log("write", time.monotonic(), data)

    LinuxDriver.write = logged_write  # type: ignore[method-assign]

    on_event = app_class.on_event

    async def logged_on_event(self: Any, event: Any) -> None:
        if not running:
            running.append(self)
        if isinstance(event, events.Key):
            log("dispatch", time.monotonic(), event.key)
        await on_event(self, event)

    app_class.on_event = logged_on_event  # type: ignore[method-assign]

    def settled() -> bool:
        try:
            screen = running[0].screen
        except Exception:  # not started yet, or closing: no screen
            return False
        timer = screen.__dict__.get("_Screen__update_timer")
        return timer is None or not timer._active.is_set()

    class LoggingSelector(selectors.DefaultSelector):  # type: ignore[misc,valid-type]
        was_idle = False

        def select(self, timeout: float | None = None) -> list[Any]:
            idle = timeout != 0 and settled()
            if idle and not self.was_idle:
                log("idle", time.monotonic())
            self.was_idle = idle
            ready = super().select(timeout)
            if ready or timeout != 0:
                self.was_idle = False  # woken by input or a timer: whatever runs next is work
            return ready  # type: ignore[no-any-return]

    class Policy(asyncio.DefaultEventLoopPolicy):
        def new_event_loop(self) -> asyncio.AbstractEventLoop:
            return asyncio.SelectorEventLoop(LoggingSelector())

    asyncio.set_event_loop_policy(Policy())


def log_collections(path: str) -> None:
    """KEYS_PROBE_GC=FILE: each garbage collection, [t at its start, generation, seconds], a line each."""
    import gc

    out = open(path, "w", buffering=1)  # noqa: SIM115 (open for the whole run)
    started: list[float] = [0.0]

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            started[0] = time.monotonic()
        else:
            out.write(json.dumps([started[0], info["generation"], time.monotonic() - started[0]]) + "\n")

    gc.callbacks.append(noted)


def main() -> int:
    log = Log(sys.argv[1])
    install(log)
    if os.environ.get("KEYS_PROBE_GC"):
        log_collections(os.environ["KEYS_PROBE_GC"])
    from coach.cli import main as cli

    if not os.environ.get("KEYS_PROBE_PROFILE"):  # a file for cProfile's stats of the whole run
        return cli(sys.argv[2:])
    import cProfile

    with cProfile.Profile() as profile:
        try:
            return cli(sys.argv[2:])
        finally:
            profile.dump_stats(os.environ["KEYS_PROBE_PROFILE"])


if __name__ == "__main__":
    sys.exit(main())
