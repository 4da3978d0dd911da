"""Benchmarks of pain-coach, printed as one table (plain text that is also a Markdown table).

Not a test (pytest does not collect it). The command that makes the README's Performance table:

    .venv/bin/python tests/bench.py

Quicker runs: `--only startup,cli,timer,history` (any of them), `--runs N` (10), `--sizes 1000,10000`,
`--timer-minutes 30` (e.g. 1 for a quick look; the timer run takes that long on the real clock).

Columns: the median wall time of the runs, the fastest and slowest, and the median CPU time (user +
system; of the whole child process for the commands and startup, of the measured span otherwise), which a
busy machine inflates less than wall time. Peak memory is the child's own high-water mark (VmHWM).

- startup: process start to the home screen ready (Textual's Ready event: the first frame is drawn),
  headless, a fresh interpreter each run with bytecode cached, against a bare Textual app with one label;
  the two alternate in the same run; medians and their ratio.
  In a real terminal (tmux, at 100x32 and 80x24, --terminal-runs 11): from the exec of the installed
  `pain-coach` to the first captured frame that holds the complete first screen (its words checked by a tight
  `capture-pane` loop through one tmux control-mode client, every TERMINAL_POLL_SECONDS): for a returning start
  (notice acknowledged, due date set) home with its status line, menu and footer; for a first start (a new
  data folder each run) the welcome notice with its button and footer; alternating with a bare one-label
  Textual app. CPU: the process's own (all threads, /proc schedstat) at that frame.
- cli: `pain-coach --version`, `log --pain 3`, `export --format csv` and `export` (json) as fresh processes of the
  installed console script, in a data folder with 100 records, alternating with `python -c "import pydantic,
  tinydb"`, the floor they are held to (aim: log and export <= 1.5x of it), and whether each imported textual.
- timer: a routine of --timer-minutes (real routines' steps repeated) played by coach.routines.player on the real
  monotonic clock, ticked the way the player screen's Textual timers do it (an interval of TICK_SECONDS and a
  one-shot just after each step's end; saving the record at the start and at each step as the screen does),
  while two processes burn CPU. End error: when a tick first saw the routine finished, against its planned
  length; per-step error: the same for every step change.
- voice: a routine of --voice-minutes (10) played as the timer row does, with voice "steps+breathing": each cue
  handed to coach.routines.speaker.EspeakSpeaker on the tick that shows it (the screen's deadline wake, or the
  wake set for the cue), which starts the real espeak-ng (`--stdout` to nothing: the machine needs no sound
  device). Latency: from the cue's moment (a step's start, a breath, a count) to espeak-ng's process started;
  and the timer's end error with all that going on. No CPU burners (it runs for minutes on a shared machine).
  Then the same in the real app: headless at 80x24 with every tick drawn, the offered routines' blocks in turn
  to --voice-minutes, the app's own speaker on the app's clock (so twice --voice-minutes in all).
- history: for each size, a made-up history (tests/make_history.py) over three years, and 100,000 records over
  ten (issue 15's "ten years of heavy use"; its first look at what helps again over three years, the busiest
  months, a row of its own); a fresh child process for each app
  measurement: open the history screen to its first paint on the records, trends and "what helps" tabs, and for
  "what helps" from showing the tab to the paint of its answer (the first look, which reads every month and saves
  its sums, once; then with the sums saved), with the peak memory of the child against the bare Textual app's;
  what helps worked out in process (coach.history.month_sums, saved sums and first look); add one record
  (Store.add, and `pain-coach log` as a process); export csv (in process, and `pain-coach export` as a
  process); the peak memory of `pain-coach export` in each format (aim <= 2x of bare), run in process by a
  child that reports its own high-water mark. `--only cli,history --runs 5` at the default sizes (1,000 to
  100,000) took 15 minutes on 2 busy CPUs (load average 3 to 6), 100,000 records about 6 of them.
- keys: the app in a real terminal (tmux, 80x24) under tests/keys_probe.py, which logs on CLOCK_MONOTONIC when
  the driver reads each key, each frame the driver is handed, and each moment the event loop goes to sleep
  with no frame pending. Keys are sent with `tmux send-keys`, each as soon as the previous key's result is
  painted: a whole check-in to its plan, history tab switches, a routine started (the safety check, the pain
  before it) and paused, resumed, skipped. Painted: from the key read to the first frame that shows its
  result (the next question with its answers, the tick, the tab, "Paused"); idle: to the loop asleep again;
  CPU: the app process's CPU time over that same span (what a busy machine inflates least).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.packaged import CONTENT  # noqa: E402

NOW = datetime(2026, 11, 26, 21, 0, tzinfo=UTC)
SIZE = (100, 32)
CLI_RECORDS = 100
BIN = Path(sys.executable).parent
TERMINAL_SIZES = ((100, 32), (80, 24))
TERMINAL_POLL_SECONDS = 0.002  # between captures of the screen: the measure's resolution
SECTIONS = ("startup", "cli", "timer", "voice", "history", "keys")


@dataclass
class Row:
    what: str
    median: str
    spread: str = ""  # min .. max
    against: str = ""  # a comparison, or the aim
    cpu: str = ""  # median CPU time (user + system): what a busy machine inflates least


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.0995 else f"{seconds * 1000:.1f} ms"


def timed_row(what: str, samples: list[float], against: str = "", cpu: list[float] | None = None) -> Row:
    spread = f"{ms(min(samples))} .. {ms(max(samples))}"
    return Row(what, ms(statistics.median(samples)), spread, against, ms(statistics.median(cpu)) if cpu else "")


def timed(fn, *args) -> tuple[float, float]:
    """(wall, CPU) seconds of one call in this process."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def megabytes(kib: float) -> str:
    return f"{kib / 1024:.0f} MB"


def child_env(data: Path) -> dict[str, str]:
    env = dict(os.environ, PAIN_COACH_DATA_DIR=str(data), TEXTUAL_ANIMATIONS="none")
    # As on a person's machine: compiled bytecode is cached after the first run.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def peak_memory() -> int:
    """This process's peak resident memory in KiB since it started (exec'd). Not ru_maxrss: on Linux a
    child's ru_maxrss keeps the high-water mark of the forked copy of its parent, i.e. this script's size."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))


def run_child(argv: list[str], env: dict[str, str]) -> tuple[str, float, float]:
    """Run a process to its end: (stdout, wall seconds, its CPU seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.stdout.read(), proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({proc.returncode}):\n{err}")
    return out, took, usage.ru_utime + usage.ru_stime


def prepare(folder: Path, count: int, days: int = 3 * 365) -> None:
    from coach.history.store import Store
    from tests.make_history import make_records

    store = Store(folder, CONTENT)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    if count:
        store.add_many(make_records(count, end=NOW, days=days))


# --- startup ---------------------------------------------------------------------------------------------

# The child prints time.time() at Textual's Ready event (the first frame is on the screen) and its peak
# memory so far, then exits.
READY = """
import sys, time

def ready(self) -> None:
    now = time.time()
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
    print(now, peak, flush=True)
    self.exit()
"""

BARE = (
    READY
    + f"""
from textual.app import App
from textual.widgets import Label

class Bare(App):
    on_ready = ready

    def compose(self):
        yield Label("pain-coach")

Bare().run(headless=True, size={SIZE})
"""
)

COACH = (
    READY
    + f"""
import coach.tui.app
from coach.cli import main

coach.tui.app.PainCoachApp.on_ready = ready
run = coach.tui.app.PainCoachApp.run
coach.tui.app.PainCoachApp.run = lambda self, **kw: run(self, headless=True, size={SIZE})
main([])
"""
)


def start_once(code: str, env: dict[str, str]) -> tuple[float, int, float]:
    """(seconds from process start to Ready, peak memory in KiB, CPU seconds of the whole process)."""
    start = time.time()
    out, _, cpu = run_child([sys.executable, "-c", code], env)
    ready, peak = out.strip().splitlines()[-1].split()
    return float(ready) - start, int(peak), cpu


class TmuxWatch:
    """A tmux server of its own (its own socket) and one control-mode client of it, through which the screen is
    captured in a tight loop without starting a process per look. The app runs in a second session of that
    server; the client sits in a session of its own, so it never sizes the app's window."""

    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        self.tmp = tmp
        config = tmp / "tmux.conf"
        # The app gets every row (no status line), in the terminal journeys use.
        config.write_text("set -g status off\nset -g history-limit 0\nset -g default-terminal tmux-256color\n")
        command = ["tmux", "-L", f"pain-coach-bench-{os.getpid()}", "-f", str(config), "-C", "new-session"]
        self.client = subprocess.Popen(  # the server starts with `env`: every pane's environment
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        self._reply()  # to the client's own new-session

    def command(self, line: str) -> list[str]:
        """One tmux command (one line: control mode reads a command per line); its output lines."""
        self.client.stdin.write(line + "\n")
        self.client.stdin.flush()
        return self._reply(line)

    def _reply(self, line: str = "") -> list[str]:
        out: list[str] = []
        inside = False
        for got in self.client.stdout:  # notifications (%output, %window-add ...) come between replies
            got = got.rstrip("\n")
            if not inside:
                inside = got.startswith("%begin")
            elif got.startswith(("%end", "%error")):
                if got.startswith("%error"):
                    raise RuntimeError(f"tmux {line}: {' '.join(out)}")
                return out
            else:
                out.append(got)
        raise RuntimeError("the tmux control client ended")

    def first_frame(
        self, argv: list[str], size: tuple[int, int], wanted: list[str], linger: float = 0.0
    ) -> tuple[float, float]:
        """(seconds from the exec of `argv` in a fresh window to the first capture holding every string of
        `wanted`, CPU seconds the process had used by then). The window's shell waits on a fifo; the clock
        starts as the fifo lets it exec the program. The program is stopped then, or `linger` seconds later."""
        fifo = self.tmp / "go"
        fifo.unlink(missing_ok=True)
        os.mkfifo(fifo)
        launch = f"read _ < {shlex.quote(str(fifo))}; exec {shlex.join(argv)}"
        self.command(f"new-session -d -s app -x {size[0]} -y {size[1]} {shlex.quote(launch)}")
        pid = int(self.command("display-message -p -t app '#{pane_pid}'")[0])
        with open(fifo, "w") as go:
            start = time.monotonic()
            go.write("\n")
        while True:
            looked = time.monotonic()
            screen = "\n".join(self.command("capture-pane -p -t app"))
            if all(w in screen for w in wanted):
                break
            if looked - start > 20:
                raise SystemExit(f"{shlex.join(argv)}: never showed {wanted}; the screen:\n{screen}")
            time.sleep(TERMINAL_POLL_SECONDS)
        cpu = sum(int((task / "schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir())
        time.sleep(linger)
        self.command("kill-session -t app")
        while Path(f"/proc/{pid}").exists():  # gone before the next start, so it takes no CPU from it
            time.sleep(0.002)
        return looked - start, cpu / 1e9

    def close(self) -> None:
        self.command("kill-server")
        self.client.wait()


BARE_IN_TERMINAL = """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    def compose(self):
        yield Label("pain-coach")

Bare().run()
"""


def first_screens(folder: Path) -> dict[str, tuple[list[str], list[str]]]:
    """The starts measured in the terminal: name -> (argv, the words that make its first screen complete)."""
    from coach.checkin.pregnancy import describe_stage, stage
    from coach.history.records import Profile
    from coach.history.store import Store

    bare = folder / "bare.py"
    bare.write_text(BARE_IN_TERMINAL, encoding="utf-8")
    back = folder / "returning"
    prepare(back, 0)
    today = date.today()
    profile = Profile(due_date=today + timedelta(days=280 - 34 * 7))  # "34 weeks + 0 days pregnant"
    Store(back, CONTENT).save_profile(profile)
    notice = CONTENT.raw("about")["first_run"]
    app, quit_key = str(BIN / "pain-coach"), CONTENT.key_words("app.quit").label
    return {
        "bare": ([sys.executable, str(bare)], ["pain-coach"]),
        # the status line, the menu's last item and the footer
        "returning": (
            [app, "--data-dir", str(back)],
            [describe_stage(CONTENT, stage(profile, today)), CONTENT.key_words("home.about").label, quit_key],
        ),
        # the notice's title, its last line, its button and the footer; a new data folder each time
        "first": (
            [app, "--data-dir", str(folder / "first")],
            [notice["title"], notice["body"].strip().splitlines()[-1], CONTENT.text("first_run.accept"), quit_key],
        ),
    }


def bench_terminal(runs: int, tmp: Path) -> list[Row]:
    folder = tmp / "terminal"
    folder.mkdir()
    starts = first_screens(folder)
    env = child_env(folder / "unused")
    del env["PAIN_COACH_DATA_DIR"], env["TEXTUAL_ANIMATIONS"]  # as a person starts it
    env.pop("PAIN_COACH_LANG", None)
    env.update(LANG="C.UTF-8", LC_ALL="C.UTF-8", PAIN_COACH_CONFIG_DIR=str(folder / "config"),
               PAIN_COACH_CACHE_DIR=str(folder / "cache"))  # fmt: skip
    watch = TmuxWatch(folder, env)
    took: dict[tuple[str, tuple[int, int]], list[float]] = {}
    cpu: dict[tuple[str, tuple[int, int]], list[float]] = {}
    try:
        # Run -1 warms the file cache and the bytecode, and runs each start on past its first frame, as a person's
        # earlier sessions did: what it keeps in the cache folder (the words, the first screen's styles) is kept.
        for run in range(-1, runs):
            for size in TERMINAL_SIZES:  # alternating, so a busy moment hurts every start alike
                for name, (argv, wanted) in starts.items():
                    if name == "first":
                        shutil.rmtree(folder / "first", ignore_errors=True)
                    seconds, used = watch.first_frame(argv, size, wanted, linger=1.0 if run < 0 else 0.0)
                    if run >= 0:
                        took.setdefault((name, size), []).append(seconds)
                        cpu.setdefault((name, size), []).append(used)
    finally:
        watch.close()
    rows = []
    what = {"bare": "bare Textual app, one label", "returning": "returning start, home with its status line",
            "first": "first start, the welcome notice"}  # fmt: skip
    for size in TERMINAL_SIZES:
        bare, bare_cpu = statistics.median(took["bare", size]), statistics.median(cpu["bare", size])
        for name in starts:
            label = f"startup in tmux {size[0]}x{size[1]}: {what[name]}"
            seconds, used = took[name, size], cpu[name, size]
            against = ""
            if name != "bare":
                ratio, cpu_ratio = statistics.median(seconds) / bare, statistics.median(used) / bare_cpu
                against = f"x{ratio:.2f} of bare (aim <= 1.10); CPU x{cpu_ratio:.2f}"
            rows.append(timed_row(label, seconds, against, used))
    return rows


def bench_startup(runs: int, tmp: Path, memory: dict[str, list[int]]) -> list[Row]:
    data = tmp / "startup"
    prepare(data, 0)  # past the first-run notice, as on every start after the first
    env = child_env(data)
    start_once(BARE, env), start_once(COACH, env)  # warm the file cache and the bytecode
    took: dict[str, list[float]] = {"bare": [], "home": []}
    cpu: dict[str, list[float]] = {"bare": [], "home": []}
    for _ in range(runs):  # alternating, so a busy moment hurts both alike
        for name, code in (("bare", BARE), ("home", COACH)):
            seconds, rss, used = start_once(code, env)
            took[name].append(seconds)
            memory[name].append(rss)
            cpu[name].append(used)
    ratio = statistics.median(took["home"]) / statistics.median(took["bare"])
    cpu_ratio = statistics.median(cpu["home"]) / statistics.median(cpu["bare"])
    return [
        timed_row("startup: bare Textual app, one label", took["bare"], cpu=cpu["bare"]),
        timed_row(
            "startup: pain-coach to the home screen",
            took["home"],
            f"x{ratio:.2f} of bare (aim <= 1.15); CPU x{cpu_ratio:.2f}",
            cpu["home"],
        ),
    ]


# --- the command line ------------------------------------------------------------------------------------

CLI = {
    "--version": ["--version"],
    "log --pain 3": ["log", "--pain", "3"],
    "export --format csv": ["export", "--format", "csv"],
    "export (json)": ["export"],
}
CLI_AIM = 1.5  # log and export against `python -c "import pydantic, tinydb"` (issue 15)
IMPORTS_ONLY = [sys.executable, "-c", "import pydantic, tinydb"]


def imports_textual(args: list[str], env: dict[str, str]) -> bool:
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(BIN / "pain-coach"), *args], env=env, capture_output=True, text=True
    )
    return any(line.rsplit("|", 1)[-1].strip().split(".")[0] == "textual" for line in proc.stderr.splitlines())


def command_rows(what: str, argv: list[str], env: dict[str, str], runs: int, against: str = "") -> Row:
    results = [run_child(argv, env) for _ in range(runs)]
    return timed_row(what, [r[1] for r in results], against, [r[2] for r in results])


def bench_cli(runs: int, tmp: Path) -> list[Row]:
    """Each command alternating with `python -c "import pydantic, tinydb"`, the floor they are held to."""
    data = tmp / "cli"
    prepare(data, CLI_RECORDS, days=30)
    env = child_env(data)
    commands = {label: [str(BIN / "pain-coach"), *args] for label, args in CLI.items()}
    for argv in [IMPORTS_ONLY, *commands.values()]:
        run_child(argv, env)  # bytecode and file cache warm; the first log validates the month once
    took: dict[str, list[tuple[str, float, float]]] = {label: [] for label in ["imports", *commands]}
    for _ in range(runs):
        for label, argv in [("imports", IMPORTS_ONLY), *commands.items()]:
            took[label].append(run_child(argv, env))
    floor = statistics.median(r[1] for r in took["imports"])
    floor_cpu = statistics.median(r[2] for r in took["imports"])
    rows = [timed_row('python -c "import pydantic, tinydb"', [r[1] for r in took["imports"]],
                      cpu=[r[2] for r in took["imports"]])]  # fmt: skip
    for label, args in CLI.items():
        samples, cpu = [r[1] for r in took[label]], [r[2] for r in took[label]]
        against = "imports textual!" if imports_textual(args, env) else "no textual"
        if label != "--version":
            ratio, cpu_ratio = statistics.median(samples) / floor, statistics.median(cpu) / floor_cpu
            against = f"x{ratio:.2f} of the imports (aim <= {CLI_AIM}); CPU x{cpu_ratio:.2f}; {against}"
        rows.append(timed_row(f"pain-coach {label} ({CLI_RECORDS} records)", samples, against, cpu))
    return rows


# --- the timer -------------------------------------------------------------------------------------------


def long_routine(seconds: int):
    """Real routines' steps (as planned at 34 weeks with pelvic girdle pain), repeated to exactly `seconds`."""
    from coach.history.records import Profile
    from coach.routines.offer import plan_routine, rules_for
    from coach.routines.player import length

    content = CONTENT
    exercises = content.exercises.by_id()
    today = date(2026, 11, 26)
    rules = rules_for(Profile(due_date=today + timedelta(days=280 - 7 * 34), pgp_diagnosed="yes"), today)
    plans = [plan_routine(content, r, exercises, rules) for r in content.routines.routines]
    pool = [step for plan in plans if plan.offered for step in plan.steps]
    steps = []
    while length(steps) < seconds:
        steps.append(pool[len(steps) % len(pool)])
    steps[-1] = replace(steps[-1], seconds=steps[-1].seconds - (length(steps) - seconds))
    return steps


async def play(steps, store, voice=None) -> tuple[float, list[float]]:
    """Play on the real clock as PlayerScreen does; return (seen end - start, each step change's lateness).

    As the screen: the player, then the first save, then an interval timer of TICK_SECONDS; each tick may
    save; and a one-shot timer set DEADLINE_SLACK after the current step's end. Both timers sleep and
    wake as textual.timer.Timer does (deadline-based, with textual._time's sleep and clock). With `voice`
    (a Prompter, a speaker and a list), each cue due is said first, as the screen does, its moment noted in
    the list, and a one-shot timer is set for the next cue."""
    from textual import _time

    from coach.history.records import RoutineSession
    from coach.routines.player import Player
    from coach.tui.screens.player import DEADLINE_SLACK, TICK_SECONDS

    player = Player(steps, now=time.monotonic())
    record = store.add(RoutineSession(routine_id="bench", fallback_name="bench", steps_done=0,
                                      steps_total=len(steps), active_seconds=0))  # fmt: skip
    ends, total = [], player.started_at
    for step in steps:
        total += step.seconds
        ends.append(total)
    late: list[float] = []
    done = asyncio.Event()
    wake: asyncio.Task | None = None
    cue_wake: asyncio.Task | None = None
    cue_wake_for: float | None = None

    async def after(delay: float) -> None:  # Timer._run with repeat=0, as set_timer runs it
        start = _time.get_time()
        await _time.sleep(max(0.0, start + delay - _time.get_time()))
        tick()

    def tick() -> None:
        nonlocal wake, cue_wake, cue_wake_for
        now = time.monotonic()
        before = player.index
        player.tick(now)
        if voice is not None:
            prompter, speaker, asked = voice
            cue = prompter.due(player, now)
            if cue is not None:
                speaker.say(cue.text)
                asked.append(cue.time(player.step_start, player.deadline))
            at = prompter.next_time(player)
            if at != cue_wake_for:
                if cue_wake is not None:
                    cue_wake.cancel()
                cue_wake_for = at
                cue_wake = asyncio.create_task(after(max(0.0, at - now) + DEADLINE_SLACK)) if at is not None else None
        late.extend(now - ends[i] for i in range(before, player.index))
        if player.index != before:
            store.update(record.model_copy(update={"steps_done": player.steps_done}))
        if player.finished:
            done.set()
        elif player.index != before or wake is None:
            if wake is not None:
                wake.cancel()
            wake = asyncio.create_task(after(max(0.0, player.deadline - time.monotonic()) + DEADLINE_SLACK))

    async def interval() -> None:  # Timer._run, as set_interval(TICK_SECONDS) runs it
        start, count = _time.get_time(), 0
        while not done.is_set():
            next_timer = start + (count + 1) * TICK_SECONDS
            await _time.sleep(max(0.0, next_timer - _time.get_time()))
            count += 1
            tick()

    tick()  # the screen's first refresh sets the first wake
    ticking = asyncio.create_task(interval())
    await done.wait()
    ticking.cancel()
    return late[-1] + ends[-1] - player.started_at, late


def bench_timer(minutes: float, tmp: Path) -> list[Row]:
    from coach.history.store import Store
    from coach.routines.player import clock_face, length

    steps = long_routine(round(minutes * 60))
    planned = length(steps)
    burn = "while True: pass"
    burners = [subprocess.Popen([sys.executable, "-c", burn]) for _ in range(2)]
    try:
        measured, late = asyncio.run(play(steps, Store(tmp / "timer", CONTENT)))
    finally:
        for proc in burners:
            proc.kill()
            proc.wait()
    error = measured - planned
    return [
        Row(
            f"timer: end error, {clock_face(planned)} routine ({len(steps)} steps), 2 CPU burners",
            ms(error),
            f"measured {measured:.3f} s, planned {planned} s",
            "aim <= 20 ms",
        ),
        Row(
            "timer: max per-step error (each step change seen late)",
            ms(max(late)),
            f"median {ms(statistics.median(late))}, min {ms(min(late))}",
        ),
    ]


def bench_voice(minutes: float, tmp: Path) -> list[Row]:
    from coach.history.store import Store
    from coach.routines.player import clock_face, length
    from coach.routines.speaker import EspeakSpeaker
    from coach.routines.voice_script import Prompter, build_script

    steps = long_routine(round(minutes * 60))
    planned = length(steps)
    starts: list[float] = []
    speech = CONTENT.voice.speech
    speaker = EspeakSpeaker(speech.voice, speech.rate, extra=("--stdout",), on_start=lambda _, t: starts.append(t))
    asked: list[float] = []
    try:
        voice = (Prompter(build_script(steps, CONTENT, "steps+breathing")), speaker, asked)
        measured, late = asyncio.run(play(steps, Store(tmp / "voice", CONTENT), voice))
    finally:
        speaker.close()
    latency = [start - due for due, start in zip(asked, starts, strict=False)]
    return [
        Row(
            f"voice: cue moment to espeak-ng started, {len(latency)} cues of a {clock_face(planned)} routine",
            ms(statistics.median(latency)),
            f"{ms(min(latency))} .. {ms(max(latency))}, 95th percentile "
            f"{ms(statistics.quantiles(latency, n=20)[-1])}, {sum(x > 0.05 for x in latency)} over 50 ms",
            "aim <= 50 ms",
        ),
        Row(
            f"voice: timer end error with voice on ({len(steps)} steps)",
            ms(measured - planned),
            f"max per-step {ms(max(late))}",
            "aim <= 20 ms",
        ),
    ]


async def play_in_app(minutes: float, tmp: Path) -> tuple[list[float], float, list[float], int, int]:
    """The real app (headless, 80x24, the real clock) plays a routine of `minutes` (the offered routines'
    blocks in turn, to at least that long) with voice "steps+breathing" through the real espeak-ng (`--stdout` to nothing), drawing
    every tick as it does in a terminal. Returns each cue's lateness (its moment, as the player's script times
    it, to espeak-ng's process started), the end error (the tick that first saw the routine finished, against
    its planned end), how late each step change was seen, and the counts of steps and cues."""
    from dataclasses import replace as with_fields

    from coach.history.records import Profile
    from coach.history.store import Store
    from coach.routines import voice_script
    from coach.routines.offer import plan_routine, rules_for
    from coach.routines.speaker import EspeakSpeaker
    from coach.tui.app import PainCoachApp
    from coach.tui.screens.player import PlayerScreen

    today = date(2026, 11, 26)
    rules = rules_for(Profile(due_date=today + timedelta(days=280 - 7 * 34), pgp_diagnosed="yes"), today)
    exercises = CONTENT.exercises.by_id()
    plans = [plan_routine(CONTENT, r, exercises, rules) for r in CONTENT.routines.routines]
    offered = [plan for plan in plans if plan.offered]
    pool = [block for plan in offered for block in plan.blocks]
    plan = with_fields(offered[0], blocks=[])
    while plan.length < minutes * 60:
        plan = with_fields(plan, blocks=[*plan.blocks, pool[len(plan.blocks) % len(pool)]])
    store = Store(tmp / "voice-app", CONTENT)
    store.save_settings(store.load_settings().model_copy(update={"voice": "steps+breathing", "first_run_done": True}))

    moments: list[float] = []  # when each cue said was due
    late_steps: list[float] = []  # how late each step change was seen
    starts: list[float] = []  # when espeak-ng's process for it was started
    due = voice_script.Prompter.due

    def noting_due(prompter, player, now):  # the bench's own look at the screen's calls: nothing else changes
        cue = due(prompter, player, now)
        if cue is not None and cue.text.strip():
            moments.append(cue.time(player.step_start, player.deadline))
        return cue

    voice_script.Prompter.due = noting_due  # type: ignore[method-assign]
    app = PainCoachApp(store, CONTENT)
    app.speaker_factory = lambda choice: EspeakSpeaker(  # started: on the app's clock, as the cues' moments
        choice.voice, choice.rate, extra=("--stdout",), on_start=lambda _, t: starts.append(app.clock.time)
    )
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = PlayerScreen(plan, rules, pain_before=3)
            seen_end: list[float] = []
            tick = screen.tick

            def noting_tick() -> None:  # the screen's timers call this (it is looked up when they are set)
                before, now = screen.player.index, app.clock.time  # the moment the tick saw (as the timer row)
                tick()
                if screen.player.index != before and not screen.player.finished:
                    late_steps.append(now - screen.player.step_start)
                if screen.player.finished and not seen_end:
                    seen_end.append(now)

            screen.tick = noting_tick  # type: ignore[method-assign]
            await app.push_screen(screen)
            while not seen_end:
                await asyncio.sleep(0.05)
            end_error = seen_end[0] - (screen.player.started_at + screen.player.planned_length)
            await pilot.pause()
    finally:
        voice_script.Prompter.due = due  # type: ignore[method-assign]
    latency = [s - m for m, s in zip(moments, starts, strict=False)]
    return latency, end_error, late_steps, len(plan.steps), len(moments)


def bench_voice_in_app(minutes: float, tmp: Path) -> list[Row]:
    latency, end_error, late_steps, steps, cues = asyncio.run(play_in_app(minutes, tmp))
    return [
        Row(
            f"voice in the app (80x24, drawn): cue moment to espeak-ng started, {cues} cues, {steps} steps",
            ms(statistics.median(latency)),
            f"{ms(min(latency))} .. {ms(max(latency))}, 95th percentile "
            f"{ms(statistics.quantiles(latency, n=20)[-1])}, {sum(x > 0.05 for x in latency)} over 50 ms",
            "aim <= 50 ms",
        ),
        Row(
            "voice in the app: timer end error with voice on",
            ms(end_error),
            f"step changes seen late: median {ms(statistics.median(late_steps))}, max {ms(max(late_steps))}",
            "aim <= 20 ms",
        ),
    ]


# --- history ---------------------------------------------------------------------------------------------


async def open_history(folder: Path, tab: str) -> dict[str, float]:
    """Seconds (wall, and CPU) from asking for the history screen to its first paint with `tab` shown (for
    "what helps", to the paint of its answer); for "what helps" also from showing the tab to its answer."""
    from textual.clock import MockClock

    from coach.history.store import Store
    from coach.tui.app import PainCoachApp
    from coach.tui.screens.history import HistoryScreen

    app = PainCoachApp(Store(folder, CONTENT), CONTENT, clock=MockClock(), now=lambda: NOW)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start, cpu = time.perf_counter(), time.process_time()
        app.action_open("history")
        while not (isinstance(app.screen, HistoryScreen) and app.screen.is_mounted):
            await asyncio.sleep(0)
        painted = asyncio.Event()
        if tab != "records":
            if tab == "helps":  # the records tab first, as a person sees it, then "w"
                app.screen.call_after_refresh(painted.set)
                await painted.wait()
                painted.clear()
            asked, asked_cpu = time.perf_counter(), time.process_time()
            app.screen.action_show_tab(tab)
        app.screen.call_after_refresh(painted.set)
        await painted.wait()
        if tab == "helps" and helps_working(app.screen):  # worked out off the main thread: until it is shown
            await app.workers.wait_for_complete()
            painted.clear()
            app.screen.call_after_refresh(painted.set)
            await painted.wait()
        end, end_cpu = time.perf_counter(), time.process_time()
        took = {"seconds": end - start, "cpu": end_cpu - cpu}
        if tab == "helps":
            took |= {"answer": end - asked, "answer_cpu": end_cpu - asked_cpu}
        await pilot.pause()
        return took


def helps_working(screen) -> bool:
    from textual.widgets import Static

    return str(screen.query_one("#helps-body", Static).content) == CONTENT.text("helps.working")


def child_open_history(folder: str, tab: str) -> None:
    took = asyncio.run(open_history(Path(folder), tab))
    print(json.dumps(took | {"peak_kib": peak_memory()}))


def export_in_process(folder: Path, out: Path) -> None:
    from coach.history import export
    from coach.history.store import Store

    export.export_history(CONTENT, Store(folder, CONTENT), "csv", NOW, path=out, force=True)


def add_in_process(folder: Path) -> None:
    from coach.history.records import FlareLog
    from coach.history.store import Store

    Store(folder, CONTENT).add(FlareLog(pain=3))


def helps_in_process(folder: Path, cold: bool) -> None:
    """What helps as the history screen works it out: from the sums saved per month, or (cold) from every month,
    as on the first look after an upgrade."""
    import shutil

    from coach.history import month_sums, sums_files
    from coach.history.store import Store

    if cold:
        shutil.rmtree(folder / sums_files.FOLDER, ignore_errors=True)
    month_sums.helps_sums(Store(folder, CONTENT))


def in_process_rows(what: str, runs: int, fn, *args) -> Row:
    results = [timed(fn, *args) for _ in range(runs)]
    return timed_row(what, [r[0] for r in results], cpu=[r[1] for r in results])


# The child runs a command in process and prints its peak memory (VmHWM) at the end: ru_maxrss of a child would
# keep the high-water mark of the forked copy of this script.
PEAK_OF_COMMAND = """
import sys
from coach.cli import main
status = main(sys.argv[1:])
with open("/proc/self/status") as status_file:
    print(next(int(line.split()[1]) for line in status_file if line.startswith("VmHWM:")))
sys.exit(status)
"""
EXPORT_RUNS = 3  # peak memory hardly varies; a 100k json export takes seconds


def export_rows(label: str, env: dict[str, str], tmp: Path, runs: int, bare: float) -> list[Row]:
    rows = []
    for fmt in ("json", "csv", "md", "html"):
        argv = [
            sys.executable,
            "-c",
            PEAK_OF_COMMAND,
            "export",
            "--format",
            fmt,
            "-o",
            str(tmp / f"out.{fmt}"),
            "--force",
        ]
        results = [run_child(argv, env) for _ in range(runs)]
        peak = [int(r[0].split()[-1]) for r in results]
        against = (
            f"x{statistics.median(peak) / bare:.2f} of bare (aim <= 2); {ms(statistics.median(r[1] for r in results))}"
        )
        rows.append(Row(f"history {label}: peak memory, export --format {fmt}", megabytes(statistics.median(peak)),
                        f"{megabytes(min(peak))} .. {megabytes(max(peak))}", against))  # fmt: skip
    return rows


# The child imports this file from its cached bytecode: run as a script, it would be compiled from source every
# time, and that compiling (about 3 MB of syntax trees) was counted in the screen's peak memory.
CHILD = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from tests.bench import main; sys.exit(main(sys.argv[1:]))"


# The span of a made-up history: three years, and the 100,000 records issue 15 calls "ten years of heavy use" over
# ten (27 a day). "What helps" reads a month at a time, so its first look peaks with the busiest month: that of
# 100,000 records in three years (2,800 a month) is measured too, as a row of its own.
TEN_YEARS_FROM = 100_000
DENSEST = (100_000, 3 * 365)


def history_days(size: int) -> int:
    return 10 * 365 if size >= TEN_YEARS_FROM else 3 * 365


def history_in_child(folder: Path, tab: str) -> dict:
    """The history screen opened on `tab` in a fresh child (tab "helps" the first time: the first look at what
    helps): its times and the child's peak memory."""
    return json.loads(run_child([sys.executable, "-c", CHILD, "--child-open-history", str(folder), tab],
                                child_env(folder))[0])  # fmt: skip


def bench_history(runs: int, sizes: list[int], tmp: Path, memory: dict[str, list[int]]) -> list[Row]:
    rows = []
    tabs = ("records", "trends", "helps")
    bare = statistics.median(memory["bare"])
    for size in sizes:
        progress(f"history, {size} records")
        folder = tmp / f"history-{size}"
        days = history_days(size)
        prepare(folder, size, days=days)
        env = child_env(folder)
        label = f"{size:,}" + (" (ten years)" if days > 3 * 365 else "")
        # The first look at what helps reads every month and saves its sums; the screen shows them at once after.
        first = history_in_child(folder, "helps")
        opened: dict[str, list[dict]] = {tab: [] for tab in tabs}
        for _ in range(runs):  # interleaved, so a busy moment hurts every tab alike
            for tab in tabs:
                opened[tab].append(history_in_child(folder, tab))
        for tab in tabs:
            seconds, cpu = [o["seconds"] for o in opened[tab]], [o["cpu"] for o in opened[tab]]
            rows.append(timed_row(f"history {label}: open, {tab} tab", seconds, cpu=cpu))
        answer = [o["answer"] for o in opened["helps"]]
        rows.append(timed_row(f"history {label}: what helps, showing the tab to its answer", answer,
                              f"aim <= 150 ms; first look {ms(first['answer'])}",
                              [o["answer_cpu"] for o in opened["helps"]]))  # fmt: skip
        rows.append(in_process_rows(f"history {label}: what helps worked out (saved sums)", runs,
                                    helps_in_process, folder, False))  # fmt: skip
        rows.append(in_process_rows(f"history {label}: what helps worked out (first look)", min(runs, EXPORT_RUNS),
                                    helps_in_process, folder, True))  # fmt: skip
        for tab in tabs:
            peak = [o["peak_kib"] for o in opened[tab]]
            rows.append(Row(f"history {label}: peak memory, {tab} tab open", megabytes(statistics.median(peak)),
                            f"{megabytes(min(peak))} .. {megabytes(max(peak))}",
                            f"x{statistics.median(peak) / bare:.2f} of bare ({megabytes(bare)})"))  # fmt: skip
        rows.append(Row(f"history {label}: peak memory, helps tab open, first look (every month read)",
                        megabytes(first["peak_kib"]), "one run",
                        f"x{first['peak_kib'] / bare:.2f} of bare ({megabytes(bare)})"))  # fmt: skip
        rows.append(in_process_rows(f"history {label}: add one record (Store.add)", runs, add_in_process, folder))
        log = [str(BIN / "pain-coach"), "log", "--pain", "3"]
        rows.append(command_rows(f"history {label}: pain-coach log --pain 3", log, env, runs))
        out = tmp / "export.csv"
        rows.append(in_process_rows(f"history {label}: export csv in process", runs, export_in_process, folder, out))
        cmd = [str(BIN / "pain-coach"), "export", "--format", "csv", "-o", str(out), "--force"]
        rows.append(command_rows(f"history {label}: pain-coach export --format csv", cmd, env, runs))
        rows += export_rows(label, env, tmp, min(runs, EXPORT_RUNS), bare)
    size, days = DENSEST
    if size in sizes and history_days(size) != days:
        progress(f"history, {size} records in {days // 365} years")
        folder = tmp / f"history-{size}-dense"
        prepare(folder, size, days=days)
        first = history_in_child(folder, "helps")
        rows.append(Row(f"history {size:,} in {days // 365} years: peak memory, first look at what helps",
                        megabytes(first["peak_kib"]), f"one run; answer in {ms(first['answer'])}",
                        f"x{first['peak_kib'] / bare:.2f} of bare (the busiest month: {size * 30 // days:,} records)"))  # fmt: skip
    return rows


# --- keys in a real terminal -----------------------------------------------------------------------------

KEYS_SIZE = (80, 24)
KEYS_AIM = {"painted": "aim <= 30 ms median", "idle": "aim <= 50 ms median"}


TERMINAL_CODE = re.compile(
    r"\x1b\[([0-9;?<>=]*)([ -/]*[@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.|([^\x1b\r\n]+)|.", re.S
)


class Terminal:
    """Just enough of a terminal to read Textual's frames: cursor moves, SGR colours, text."""

    def __init__(self, width: int, height: int) -> None:
        from rich.cells import cell_len

        self.cell_len = cell_len
        self.width, self.height = width, height
        self.cells = [[(" ", "")] * width for _ in range(height)]
        self.x = self.y = 0
        self.style = ""

    def feed(self, text: str) -> None:
        for match in TERMINAL_CODE.finditer(text):
            params, final, run = match.group(1), match.group(2), match.group(3)
            if run is not None:
                for char in run:
                    self._put(char)
            elif final == "H":
                row, _, col = (params or "1;1").partition(";")
                self.y, self.x = int(row or 1) - 1, int(col or 1) - 1
            elif final == "m":
                self.style = "" if params in ("", "0") else f"{self.style};{params}"
            elif match.group(0) == "\r":
                self.x = 0
            elif match.group(0) == "\n":
                self.y += 1

    def _put(self, char: str) -> None:
        if 0 <= self.y < self.height and 0 <= self.x < self.width:
            self.cells[self.y][self.x] = (char, self.style)
        self.x += max(1, self.cell_len(char))

    def above_footer(self) -> tuple[tuple[tuple[str, str], ...], ...]:
        return tuple(tuple(row) for row in self.cells[:-1])

    def text(self) -> str:
        return "\n".join("".join(c for c, _ in row) for row in self.cells[:-1])


@dataclass
class Step:
    flow: str
    key: str  # as tmux send-keys names it
    expect: tuple[str, ...] = ()  # texts shown above the footer ("!text": gone); none: anything there changed


def key_steps() -> list[Step]:
    """The keys of one run, from home: a check-in to its plan, history tabs, a routine started and steered."""
    from coach.checkin.pregnancy import stage
    from coach.checkin.triage import options_for
    from coach.history.records import Profile

    content = CONTENT
    questions = {q.id: q for q in content.questionnaire.questions}
    today = date.today()
    now_stage = stage(Profile(due_date=today + timedelta(weeks=10), date_basis="due", pgp_diagnosed="yes"), today)
    number = 0

    def question(qid: str) -> tuple[str, ...]:
        nonlocal number
        number += 1
        q = questions[qid]
        progress = content.text("checkin.progress", number=number, total=0).split(" of ")[0]
        shown = content.text("pain.scale_empty") if q.kind == "scale" else options_for(q, now_stage)[0].label
        return (progress, q.text[:30], shown[:20])

    c = "check-in"
    steps = [Step(c, "c", question("where")), Step(c, "b"), Step(c, "Enter", question("side")),
             Step(c, "a", question("feel")), Step(c, "a"), Step(c, "Enter", question("pain_now")), Step(c, "4"),
             Step(c, "Enter", question("pain_worst")), Step(c, "5"), Step(c, "Enter", question("worse")),
             Step(c, "Down"), Step(c, "Space"), Step(c, "Enter", question("rest")), Step(c, "Down"),
             Step(c, "Enter", question("trend")), Step(c, "a", question("sleep")), Step(c, "a", question("duration")),
             Step(c, "a", question("function_week")), Step(c, "b", question("flags_nerves"))]  # fmt: skip
    for flags in ("flags_urine", "flags_bleeding", "flags_pregnancy", "flags_other"):
        steps.append(Step(c, "n", question(flags)))
    steps.append(Step(c, "n", (content.text("assessment.title"), content.text("assessment.pattern_heading"))))
    h, r = "history", "routine"
    home = content.text("home.intro")  # q: from the plan back home, then h: the history
    # The trends and the records as each shows once switched to, its pane and not only its tab: Textual draws the
    # tab's own change a frame before the pane (a key sent on that first frame found the pane not yet switched).
    trends = content.text("trends.pain_title", days=30)
    records = (content.text("history.col_when"), "!" + trends)
    steps += [Step(h, "q", (home,)), Step(h, "h", (content.text("history.tab_records"), content.text("history.col_when"))),
              Step(h, "t", (trends,)), Step(h, "r", records), Step(h, "t", (trends,)), Step(h, "r", records),
              Step(h, "q", (home,))]  # fmt: skip
    paused = content.text("player.paused")

    def step(n: int) -> str:
        return content.text("player.progress", step=n, total=0, left="").split(" 0")[0]

    steps += [Step(r, "r", (content.text("routines.how_to_start")[:30],)),
              Step(r, "Enter", (content.routines.safety.title[:30], content.text("safety_check.fine"))),
              Step(r, "Enter", (content.text("pain.question")[:30],)), Step(r, "4"),
              Step(r, "Enter", (step(1),)), Step(r, "Space", (paused,)), Step(r, "Space", ("!" + paused,)),
              Step(r, "n", (step(2),)), Step(r, "Space", (paused,)), Step(r, "Space", ("!" + paused,)),
              Step(r, "n", (step(3),)), Step(r, "b", (step(2),))]  # fmt: skip
    return steps


def key_records(folder: Path) -> None:
    """A person at 30 weeks with a year of history up to last week, the day's safety check not yet seen."""
    from coach.history.records import Profile
    from coach.history.store import Store
    from tests.make_history import make_records

    store = Store(folder, CONTENT)
    store.save_settings(store.load_settings().model_copy(update={"first_run_done": True}))
    store.save_profile(Profile(due_date=date.today() + timedelta(weeks=10), date_basis="due", pgp_diagnosed="yes"))
    store.add_many(make_records(300, end=datetime.now(UTC) - timedelta(days=8), days=365))


class Probe:
    """The app under tmux with tests/keys_probe.py: its log read as it comes, frames fed to a Terminal."""

    def __init__(self, folder: Path, name: str) -> None:
        import threading

        self.socket = f"bench-keys-{os.getpid()}"
        self.name = name
        fifo = folder / "probe.log"
        os.mkfifo(fifo)
        self.terminal = Terminal(*KEYS_SIZE)
        self.records: list[tuple[str, float, object]] = []  # ("key" | "dispatch" | "write" | "idle", t, detail)
        self.changed = threading.Condition()
        # As the other sections: no animations; and no [keys] of the developer's own config.toml.
        env = {"PAIN_COACH_DATA_DIR": str(folder), "PAIN_COACH_CONFIG_DIR": str(folder / "config"),
               "TEXTUAL_ANIMATIONS": "none", "PYTHONPATH": str(ROOT)}  # fmt: skip
        env.update((k, v) for k, v in os.environ.items() if k in ("KEYS_PROBE_PROFILE", "KEYS_PROBE_GC"))
        command = " ".join(["env", *(f"{k}={v}" for k, v in env.items()), sys.executable,
                            str(ROOT / "tests" / "keys_probe.py"), str(fifo)])  # fmt: skip
        self.tmux("new-session", "-d", "-s", name, "-x", str(KEYS_SIZE[0]), "-y", str(KEYS_SIZE[1]), command)
        where = ["tmux", "-L", self.socket, "display-message", "-p", "#{socket_path}"]
        self.socket_path = Path(subprocess.run(where, capture_output=True, text=True).stdout.strip())
        self.reader = threading.Thread(target=self._read, args=(fifo,), daemon=True)
        self.reader.start()

    def tmux(self, *args: str) -> None:
        subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True)

    def _read(self, fifo: Path) -> None:
        with open(fifo, encoding="utf-8") as log:
            for line in log:
                kind, t, cpu, *detail = json.loads(line)
                with self.changed:
                    if kind == "write":
                        self.terminal.feed(detail[0])
                        detail = [self.terminal.above_footer(), self.terminal.text()]
                    self.records.append((kind, t, (cpu, *detail)))
                    self.changed.notify_all()

    def wait(self, done, timeout: float = 10.0) -> None:
        with self.changed:
            if not self.changed.wait_for(lambda: done(self.records), timeout):
                raise SystemExit(f"keys: timed out; the screen shows:\n{self.terminal.text()}")

    def press(self, step: Step, pace: str) -> None:
        """Send the key, and wait for its result painted (and with pace "idle", for the app idle again)."""
        with self.changed:
            start = len(self.records)
            before = self.terminal.above_footer()
        self.tmux("send-keys", "-t", self.name, step.key)

        def done(records: list) -> bool:
            painted = shown_after(records, start, before, step.expect)
            return painted is not None and (pace == "painted" or idle_after(records, start) is not None)

        self.wait(done)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        if self.socket_path.name == self.socket:  # tmux leaves its socket file behind
            self.socket_path.unlink(missing_ok=True)
        self.reader.join(5)


def shown_after(records: list, start: int, before, expect: tuple[str, ...]) -> float | None:
    """When the first frame after the key sent at `start` reached the app's loop showed what `expect` says
    (None: not yet)."""
    dispatched = False
    for kind, t, detail in records[start:]:
        dispatched = dispatched or kind == "dispatch"
        if dispatched and kind == "write":
            _cpu, cells, text = detail
            if expect and all((e[1:] not in text) if e.startswith("!") else (e in text) for e in expect):
                return t
            if not expect and cells != before:
                return t
    return None


def idle_after(records: list, start: int) -> tuple[float, float] | None:
    """When the loop first went to sleep after taking the key sent at `start`, and the app's CPU seconds then
    (None: not yet)."""
    dispatched = False
    for kind, t, detail in records[start:]:
        dispatched = dispatched or kind == "dispatch"
        if dispatched and kind == "idle":
            return t, detail[0]
    return None


def key_times(records: list, steps: list[Step], starts: list[int], befores: list) -> list[dict]:
    """Per key: from the driver reading it to the frame showing its result, and to the loop asleep again."""
    out = []
    for step, start, before in zip(steps, starts, befores, strict=True):
        read, (read_cpu, *_) = next((t, d) for kind, t, d in records[start:] if kind == "key")
        painted, idle = shown_after(records, start, before, step.expect), idle_after(records, start)
        assert painted is not None and idle is not None
        out.append({"flow": step.flow, "key": step.key, "painted": painted - read, "idle": idle[0] - read,
                    "cpu": idle[1] - read_cpu})  # fmt: skip
    return out


def keys_once(tmp: Path, run: int, pace: str) -> tuple[list[dict], int]:
    """One app from home through every step, each key sent once the previous one's result is painted
    (pace "painted"), or once the app is idle again after it (pace "idle")."""
    folder = tmp / f"keys-{run}-{pace}"
    key_records(folder)
    steps = key_steps()
    probe = Probe(folder, f"keys-{run}-{pace}")
    try:
        home = CONTENT.text("home.intro")
        probe.wait(lambda records: any(k == "write" and home in d[2] for k, _, d in records))
        time.sleep(1.0)  # what the app does just after its first frame is over (start-up's, not a key's)
        starts, befores = [], []
        busy = 0
        for step in steps:
            with probe.changed:
                starts.append(len(probe.records))
                befores.append(probe.terminal.above_footer())
                last = probe.records[-1][0] if probe.records else ""
                busy += last != "idle"
            probe.press(step, pace)
        time.sleep(0.3)  # the last key's idle
        with probe.changed:
            records = list(probe.records)
    finally:
        probe.close()
    return key_times(records, steps, starts, befores), busy


def p90(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=10)[-1] if len(samples) > 1 else samples[0]


def bench_keys(runs: int, tmp: Path) -> list[Row]:
    """Painted: keys sent as soon as the previous one's result is painted (so a key may wait behind the work
    left over from the one before). Idle: keys sent once the app is idle again, so each key's is its own."""
    times: dict[str, list[dict]] = {"painted": [], "idle": []}
    busy = 0
    for run in range(runs):  # the two paces alternate, so a busy moment hurts both alike
        for pace in times:
            progress(f"keys, run {run + 1} of {runs}, each key once the last is {pace}")
            got, found_busy = keys_once(tmp, run, pace)
            times[pace] += got
            busy += found_busy if pace == "painted" else 0
    rows = []
    for flow in dict.fromkeys(t["flow"] for t in times["painted"]):
        for what in ("painted", "idle"):
            mine = [t for t in times[what] if t["flow"] == flow]
            samples = [t[what] for t in mine]
            how = "as soon as the last is painted" if what == "painted" else "once the app is idle"
            cpu = ms(statistics.median(t["cpu"] for t in mine)) if what == "idle" else ""  # the key's own work
            rows.append(Row(f"keys: {flow}, {len(mine) // runs} keys ({how}), {what}", ms(statistics.median(samples)),
                            f"p90 {ms(p90(samples))}, max {ms(max(samples))}", KEYS_AIM[what], cpu))  # fmt: skip
    total = len(times["painted"])
    rows.append(Row("keys: sent as soon as painted, found the app still busy", f"{busy} of {total}"))
    return rows


# --- the table -------------------------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = Row("what", "median", "min .. max", "compared", "CPU (median)")
    cells = [[r.what, r.median, r.spread, r.cpu, r.against] for r in [head, *rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]
    line = lambda c: "| " + " | ".join(x.ljust(w) for x, w in zip(c, widths, strict=True)) + " |"  # noqa: E731
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(cells[0]), rule, *(line(c) for c in cells[1:])])


def progress(what: str) -> None:
    print(f"{datetime.now():%H:%M:%S} {what}", file=sys.stderr, flush=True)


def machine() -> str:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} CPUs, load average {load}, Python {sys.version.split()[0]}, {datetime.now():%Y-%m-%d %H:%M}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--only", default=",".join(SECTIONS), help="which parts, comma separated: " + ",".join(SECTIONS)
    )
    parser.add_argument("--runs", type=int, default=10, help="runs of each measurement (10)")
    parser.add_argument("--terminal-runs", type=int, default=11, help="runs of each start in tmux (11)")
    parser.add_argument("--sizes", default="1000,10000,50000,100000", help="history sizes (1000,10000,50000,100000)")
    parser.add_argument("--timer-minutes", type=float, default=30, help="the timer routine's length (30)")
    parser.add_argument("--voice-minutes", type=float, default=10, help="the voice routine's length (10)")
    parser.add_argument("--child-open-history", nargs=2, metavar=("FOLDER", "TAB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_open_history:
        child_open_history(*args.child_open_history)
        return 0
    only = [s.strip() for s in args.only.split(",") if s.strip()]
    if unknown := set(only) - set(SECTIONS):
        parser.error(f"unknown --only part(s): {', '.join(sorted(unknown))}")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    print(f"before: {machine()}", flush=True)
    rows: dict[str, list[Row]] = {}
    memory: dict[str, list[int]] = {"bare": [], "home": []}
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        if "startup" in only:
            progress("startup")
            rows["startup"] = bench_startup(args.runs, tmp, memory)
            progress("startup in tmux")
            rows["startup"] += bench_terminal(args.terminal_runs, tmp)
        if "history" in only:
            if not memory["bare"]:
                data = tmp / "bare"
                prepare(data, 0)
                memory["bare"] = [start_once(BARE, child_env(data))[1] for _ in range(3)]
            rows["history"] = [
                Row("peak memory: bare Textual app, one label", megabytes(statistics.median(memory["bare"])))
            ]
            if memory["home"]:
                rows["history"].append(
                    Row("peak memory: pain-coach home screen", megabytes(statistics.median(memory["home"])))
                )
            rows["history"] += bench_history(args.runs, sizes, tmp, memory)
        if "cli" in only:
            progress("cli")
            rows["cli"] = bench_cli(args.runs, tmp)
        if "timer" in only:
            progress("timer")
            rows["timer"] = bench_timer(args.timer_minutes, tmp)
        if "voice" in only:
            progress("voice")
            rows["voice"] = bench_voice(args.voice_minutes, tmp) + bench_voice_in_app(args.voice_minutes, tmp)
        if "keys" in only:
            rows["keys"] = bench_keys(args.runs, tmp)
    print(f"after:  {machine()}")
    print(f"medians of {args.runs} runs (the timer: one run); the app and the commands in fresh processes\n")
    print(table([row for section in SECTIONS for row in rows.get(section, [])]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
