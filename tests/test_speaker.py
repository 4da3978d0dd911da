"""The speaker (coach.routines.speaker): its own process per cue, a new cue cuts the old, stop and close kill it,
a hang-up kills it, a missing or failing program turns voice off with its reason. A stand-in program plays
espeak-ng here (it records its arguments and sleeps), so no sound device is needed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coach.routines.speaker import EspeakSpeaker

ROOT = Path(__file__).resolve().parent.parent


def fake_espeak(folder: Path, body: str = "time.sleep(30)") -> Path:
    """A program that notes its pid and arguments in `folder`, then runs `body`."""
    program = folder / "fake-espeak"
    program.write_text(
        textwrap.dedent(f"""\
            #!{sys.executable}
            import os, sys, time, json
            with open(os.path.join({str(folder)!r}, str(os.getpid())), "w") as fh:
                json.dump(sys.argv[1:], fh)
            """)
        + body
        + "\n"
    )
    program.chmod(0o755)
    return program


def started(folder: Path, count: int, timeout: float = 5.0) -> list[int]:
    """The pids of the first `count` processes the fake started, waiting for them to note themselves."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = sorted((p for p in folder.iterdir() if p.name.isdigit()), key=lambda p: p.stat().st_mtime_ns)
        if len(pids) >= count:
            return [int(p.name) for p in pids]
        time.sleep(0.01)
    raise AssertionError(f"{count} processes did not start")


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        with open(f"/proc/{pid}/stat") as fh:  # a zombie is dead; its parent has not collected it yet
            return fh.read().split()[2] != "Z"
    except (ProcessLookupError, FileNotFoundError):  # gone, perhaps between the two looks
        return False


def wait_dead(pid: int, timeout: float = 3.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not alive(pid):
            return True
        time.sleep(0.01)
    return False


def test_each_cue_is_its_own_process_and_a_new_cue_cuts_the_old(tmp_path):
    speaker = EspeakSpeaker("en-gb", 145, program=str(fake_espeak(tmp_path)))
    try:
        speaker.say("-rf Rest.")
        (first,) = started(tmp_path, 1)
        speaker.say("Switch sides.")
        first_again, second = started(tmp_path, 2)
        assert first_again == first
        assert wait_dead(first), "the old cue should be cut"
        assert alive(second)
        import json

        argv = json.loads((tmp_path / str(first)).read_text())
        assert argv == ["-v", "en-gb", "-s", "145", "--", "-rf Rest."]  # words after --: never an option
        assert os.getsid(second) == second  # a session of its own
    finally:
        speaker.close()
    assert wait_dead(second), "close kills the cue being said"


def test_stop_kills_the_cue_being_said(tmp_path):
    speaker = EspeakSpeaker("en-gb", 145, program=str(fake_espeak(tmp_path)))
    try:
        speaker.say("Hold for 30 seconds.")
        (pid,) = started(tmp_path, 1)
        speaker.stop()
        assert wait_dead(pid)
    finally:
        speaker.close()


def test_a_missing_program_is_named_once_and_says_nothing(tmp_path):
    speaker = EspeakSpeaker("en-gb", 145, program=str(tmp_path / "no-such-espeak"))
    speaker.say("Rest.")
    assert speaker.problem() == ("missing", str(tmp_path / "no-such-espeak"))
    assert speaker.problem() is None  # told once
    speaker.close()


@pytest.mark.parametrize(
    "body",
    [
        "sys.stderr.write('ALSA lib pcm.c: Unknown PCM default\\nerror: No such file or directory\\n')",  # exit 0
        "sys.exit(3)",
    ],
    ids=["error-on-stderr", "exit-status"],
)
def test_a_failing_program_turns_voice_off_with_its_reason(tmp_path, body):
    speaker = EspeakSpeaker("en-gb", 145, program=str(fake_espeak(tmp_path, body)))
    try:
        speaker.say("Rest.")
        deadline = time.monotonic() + 5
        while not speaker.failed and time.monotonic() < deadline:
            time.sleep(0.01)
        kind, reason = speaker.problem()
        assert kind == "failed"
        assert reason in ("error: No such file or directory", "exit status 3")
        speaker.say("Switch sides.")  # said no more
        time.sleep(0.2)
        assert len(started(tmp_path, 1)) == 1
    finally:
        speaker.close()


def test_a_hang_up_kills_the_speech_with_the_program(tmp_path):
    """The terminal closes mid-cue: the app's process gets SIGHUP; its espeak-ng (in a session of its own, which
    the hang-up does not reach) must not speak on."""
    program = fake_espeak(tmp_path)
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            f"sys.path.insert(0, {str(ROOT)!r})\n"
            "from coach.routines.speaker import EspeakSpeaker\n"
            f"s = EspeakSpeaker('en-gb', 145, program={str(program)!r})\n"
            "s.say('Belly breathing.')\n"
            "time.sleep(60)\n",
        ]
    )
    try:
        (pid,) = started(tmp_path, 1)
        child.send_signal(signal.SIGHUP)
        assert child.wait(timeout=5) == -signal.SIGHUP  # it still ends as a hang-up ends it
        assert wait_dead(pid), "espeak-ng outlived the hang-up"
    finally:
        child.kill()
        child.wait()
