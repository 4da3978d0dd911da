"""`pain-coach routines --speak ID`: a routine by ear, no screen. The whole routine on a made-up clock
(coach.routines.listen), and the real command with a stand-in espeak-ng on PATH: Ctrl+C stops it, 130, and
leaves nothing speaking; a missing espeak-ng is one line and status 1; an unknown id one line and status 2."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from coach.cli import main
from coach.routines.listen import listen
from tests.fake_speaker import FakeSpeaker
from tests.packaged import CONTENT
from tests.test_speaker import alive, fake_espeak, started, wait_dead
from tests.voice_cases import played_routines

ROOT = Path(__file__).resolve().parent.parent


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds


def test_listen_says_the_whole_routine_at_its_moments_and_the_end():
    _, _, steps = next(case for case in played_routines(CONTENT) if case[0] == "desk-break")
    clock, speaker, printed = Clock(), FakeSpeaker(), []
    problem = listen(steps, CONTENT, "steps", speaker, clock, clock.sleep, printed.append)
    assert problem is None
    assert printed == speaker.said
    assert speaker.said[0] == "Deep tummy draw-in. Gently draw your lower tummy in."
    assert speaker.said[-1] == "That's the end of the routine. Well done."
    assert clock.now - 100.0 >= sum(s.seconds for s in steps)


def test_listen_stops_at_a_failing_speaker():
    _, _, steps = played_routines(CONTENT)[0]
    clock = Clock()
    speaker = FakeSpeaker(fail_with=("failed", "error: No such file or directory"))
    assert listen(steps, CONTENT, "steps", speaker, clock, clock.sleep, lambda _: None) == (
        "failed",
        "error: No such file or directory",
    )
    assert len(speaker.said) == 1


def test_an_unknown_routine_is_one_line_and_status_2(capsys):
    assert main(["routines", "--speak", "desk-brek"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(did you mean 'desk-break'?)" in err


def test_a_missing_espeak_ng_is_one_line_saying_what_to_install(capsys, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng here
    assert main(["routines", "--speak", "desk-break"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sudo apt install espeak-ng" in err


def test_ctrl_c_stops_it_cleanly_with_130_and_nothing_speaks_on(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_espeak(bin_dir).rename(bin_dir / "espeak-ng")
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "routines", "--speak", "desk-break"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # As a terminal's foreground job has it. A job started in the background by a shell without job
        # control (as a CI runner may start the tests) inherits Ctrl+C ignored, and Python keeps it ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        (speaking,) = started(bin_dir, 1, timeout=20)
        assert alive(speaking)
        time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert "Traceback" not in err and "Stopped." in err
    assert "Deep tummy draw-in. Gently draw your lower tummy in." in out
    assert wait_dead(speaking), "Ctrl+C left the speech running"
