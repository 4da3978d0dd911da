"""Speech through espeak-ng, in a process of its own, never in the timer's way. No textual.

`say` cuts the cue being said (kills its process) and starts the next one at once, on the caller's thread:
`espeak-ng -v VOICE -s RATE -- TEXT` with stdin closed, no shell, in a session of its own. Starting it there
takes about a millisecond; handing it to a thread cost two hand-overs of the interpreter's lock, up to 5 ms
each and far more while the app draws (tests/bench.py, voice in the app). A worker thread does what may wait:
it collects the processes cut and those that ended, and reads what a failing one said. Nothing is written to
disk; the words go as one argument after `--`, so no text is read as an option. A program that is missing, or
that says it failed, turns the voice off: `problem` then holds the reason once, for the one line the person
sees; the routine goes on without it.

Processes are killed on `stop` (pause), `close` (leaving the player, quitting), at interpreter exit, and on
SIGHUP (the terminal closed), so nothing speaks on after the app has gone.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import queue
import shutil
import signal
import subprocess
import threading
import time
import weakref
from collections.abc import Callable
from typing import Literal, Protocol

PROGRAM = "espeak-ng"
ProblemKind = Literal["missing", "failed"]


class Speaker(Protocol):
    def say(self, text: str) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...

    def problem(self) -> tuple[ProblemKind, str] | None: ...


class SilentSpeaker:
    """Voice off."""

    def say(self, text: str) -> None:
        pass

    def stop(self) -> None:
        pass

    def close(self) -> None:
        pass

    def problem(self) -> tuple[ProblemKind, str] | None:
        return None


# Every speaker with a process alive, for the exit and hang-up handlers (processes are the whole program's).
_LIVE: weakref.WeakSet[EspeakSpeaker] = weakref.WeakSet()
_handlers_installed = False


def _kill_all() -> None:
    for speaker in list(_LIVE):
        speaker.kill_now()


def _on_hangup(signum: int, frame: object) -> None:
    _kill_all()
    signal.signal(signal.SIGHUP, signal.SIG_DFL)  # then end as a hang-up ends the program anyway
    os.kill(os.getpid(), signal.SIGHUP)


def _install_handlers() -> None:
    global _handlers_installed
    if _handlers_installed:
        return
    _handlers_installed = True
    atexit.register(_kill_all)
    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGHUP) == signal.SIG_DFL:
        signal.signal(signal.SIGHUP, _on_hangup)


class EspeakSpeaker:
    def __init__(
        self,
        voice: str,
        rate: int,
        program: str = PROGRAM,
        extra: tuple[str, ...] = (),
        on_start: Callable[[str, float], None] | None = None,
    ) -> None:
        self.voice = voice
        self.rate = rate
        self.extra = extra  # e.g. ("--stdout",): synthesise without a sound device (the bench)
        self.on_start = on_start  # (text, monotonic time the process was started): the bench's latency
        self._problem: tuple[ProblemKind, str] | None = None
        self._told = False
        self._path = shutil.which(program)
        # For the worker: (process, cut) to collect (a cut one was killed, so it is not judged), "watch" a new
        # one (look every 50 ms whether it ended), None to end.
        self._orders: queue.SimpleQueue[tuple[subprocess.Popen[bytes], bool] | Literal["watch"] | None] = (
            queue.SimpleQueue()
        )
        self._current: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()  # guards _current between the caller, the worker and kill_now
        self._thread: threading.Thread | None = None
        if self._path is None:
            self._problem = ("missing", program)
            return
        _install_handlers()
        self._thread = threading.Thread(target=self._work, name="pain-coach speech", daemon=True)
        self._thread.start()

    # --- the caller's side: never waits for a process ------------------------------------------------

    def say(self, text: str) -> None:
        if self._thread is None or self._problem is not None or not text.strip():
            return
        self._cut()
        self._start(text)

    def stop(self) -> None:
        if self._thread is not None:
            self._cut()

    def close(self) -> None:
        """Stop speaking and end the worker (waits at most a moment for it)."""
        if self._thread is None:
            return
        self._cut()
        self._orders.put(None)
        self._thread.join(timeout=1.0)
        self._thread = None

    def problem(self) -> tuple[ProblemKind, str] | None:
        """Why the voice is off, the first time it is asked after it failed (then None: told once)."""
        if self._problem is None or self._told:
            return None
        self._told = True
        return self._problem

    @property
    def failed(self) -> bool:
        return self._problem is not None

    def kill_now(self) -> None:
        """Kill the process speaking now, from any thread or a signal handler."""
        proc = self._current
        if proc is not None and proc.returncode is None:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)

    def _start(self, text: str) -> None:
        assert self._path is not None
        argv = [self._path, "-v", self.voice, "-s", str(self.rate), *self.extra, "--", text]
        try:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                start_new_session=True,  # a closed terminal's hang-up does not reach it: we kill it ourselves
                close_fds=True,
            )
        except OSError as exc:
            self._problem = ("failed", exc.strerror or str(exc))
            return
        with self._lock:
            self._current = proc
        if self.on_start is not None:
            self.on_start(text, time.monotonic())
        _LIVE.add(self)
        self._orders.put("watch")

    def _cut(self) -> None:
        """Kill the cue being said, if any, and leave the collecting to the worker."""
        with self._lock:
            proc, self._current = self._current, None
        if proc is None:
            return
        if proc.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(proc.pid, signal.SIGKILL)
            self._orders.put((proc, True))
        else:
            self._orders.put((proc, False))

    # --- the worker thread ---------------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            try:
                order = self._orders.get(timeout=0.05 if self._current is not None else None)
            except queue.Empty:
                self._check()
                continue
            if order is None:
                return
            if order == "watch":
                continue
            self._collect(*order)

    def _check(self) -> None:
        """A cue that ended by itself: did espeak-ng say it failed?"""
        with self._lock:
            proc = self._current
            if proc is None or proc.poll() is None:
                return
            self._current = None
        self._collect(proc, cut=False)

    def _collect(self, proc: subprocess.Popen[bytes], cut: bool) -> None:
        """Reap an ended (or killed) cue; one that ended by itself is judged on what it said."""
        proc.wait()
        if not cut:
            self._judge(proc)
        if proc.stderr is not None:
            proc.stderr.close()

    def _judge(self, proc: subprocess.Popen[bytes]) -> None:
        said = proc.stderr.read().decode("utf-8", "replace") if proc.stderr is not None else ""
        lines = [line.strip() for line in said.splitlines() if line.strip()]
        # espeak-ng 1.51 exits 0 when it cannot open the sound device, saying "error: ..." on stderr.
        errors = [line for line in lines if line.lower().startswith("error")]
        if proc.returncode or errors:
            reason = (errors or lines or [f"exit status {proc.returncode}"])[-1]
            self._problem = ("failed", reason[:160])


def speaker_for(voice: str, rate: int, program: str = PROGRAM) -> EspeakSpeaker:
    return EspeakSpeaker(voice, rate, program)
