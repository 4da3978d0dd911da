"""Benchmark: process start to the home screen's first frame, pain-coach against a bare Textual app with one label.

Not a test (pytest does not collect it). Run:  .venv/bin/python tests/bench_startup.py [--runs 10]
Each run is a fresh interpreter, headless, alternating the two apps; prints medians and their ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

# The child prints time.time() at Textual's Ready event (the first frame is on the screen), then exits.
READY = """
import sys, time

def ready(self) -> None:
    print(time.time(), flush=True)
    self.exit()
"""

BARE = READY + """
from textual.app import App
from textual.widgets import Label

class Bare(App):
    on_ready = ready

    def compose(self):
        yield Label("pain-coach")

Bare().run(headless=True, size=(100, 32))
"""

COACH = READY + """
import coach.app
from coach.cli import main

coach.app.PainCoachApp.on_ready = ready
run = coach.app.PainCoachApp.run
coach.app.PainCoachApp.run = lambda self, **kw: run(self, headless=True, size=(100, 32))
main([])
"""


def one_run(code: str, env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, PAIN_COACH_DATA_DIR=data)
        # As on a person's machine: compiled bytecode is cached after the first run.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        # Past the first-run notice, as on every start after the first.
        subprocess.run(
            [sys.executable, "-c", "from coach.store import Store; from coach.records import Settings;"
             f"Store({data!r}).save_settings(Settings(first_run_done=True))"],
            env=env, check=True,
        )
        one_run(BARE, env), one_run(COACH, env)  # warm the file cache
        bare, coach = [], []
        for _ in range(args.runs):
            bare.append(one_run(BARE, env))
            coach.append(one_run(COACH, env))
    b, c = statistics.median(bare), statistics.median(coach)
    print(f"{'app':<22}{'median (ms)':>12}{'min (ms)':>10}{'max (ms)':>10}")
    print(f"{'bare Textual + Label':<22}{b * 1000:>12.0f}{min(bare) * 1000:>10.0f}{max(bare) * 1000:>10.0f}")
    print(f"{'pain-coach home':<22}{c * 1000:>12.0f}{min(coach) * 1000:>10.0f}{max(coach) * 1000:>10.0f}")
    print(f"ratio (median): {c / b:.2f}   runs: {args.runs} each, alternating")


if __name__ == "__main__":
    main()
